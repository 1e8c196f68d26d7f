// Repair tracker over a Key Results or Objectives column renamed or deleted by hand, through the built
// add-on. Before, a header renamed ("Owner" → "Owner email") was taken for a deleted column: Repair added
// an empty Owner column at the end and reported it restored, so every KR lost its owner (every check-in
// refused) and nothing pointed at the renamed column. Now a missing column beside a header that is not the
// tracker's is refused in one line naming both, nothing written; a deleted column (no such header) is
// still added back. The check-in, the sidebar and the weekly summary refuse such a tracker with the same
// sentence, so the user's first refusal already names the renamed column (before, they said "renamed or
// deleted? Use Repair tracker", and only Repair then named it: two steps).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { writesOf } from "../support/writes";
import { callAddon, callAddonRaw, newTracker, requestId, rowsOf, ss } from "../support/tracker";
import type { Workbook } from "../../src/local/runtime";

const sheet = (wb: Workbook, name: string) => ss(wb).getSheetByName(name)!;
/** The column (1-based) holding `header` in row 1. */
const colOf = (wb: Workbook, tab: string, header: string) => sheet(wb, tab).getRange("1:1").getValues()[0].indexOf(header) + 1;

describe("Repair over a renamed or deleted column", () => {
  it("Key Results 'Owner' renamed 'Owner email': refused in one line naming both, nothing written; renamed back, Repair passes and owners are kept", () => {
    const wb = newTracker({ template: "operations" });
    const owners = rowsOf(wb, "Key Results").map((k) => k.Owner);
    expect(owners.every((o) => o !== "")).toBe(true);
    const cell = sheet(wb, "Key Results").getRange(1, colOf(wb, "Key Results", "Owner"));
    cell.setValue("Owner email");
    let r: { ok: boolean; message?: string } = { ok: true };
    expect(writesOf(wb, () => (r = callAddon(wb, "repairTracker")))).toEqual({});
    expect(r).toEqual({
      ok: false,
      message:
        'Key Results has no "Owner" column but has "Owner email": rename it back, or, if it is yours, add a column "Owner". Then run Repair tracker again. Nothing was changed.',
    });
    cell.setValue("Owner");
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(rowsOf(wb, "Key Results").map((k) => k.Owner)).toEqual(owners);
  });

  it("a column deleted (no header of the user's) is added back as before, and a column of the user's alone is left as it is", () => {
    const wb = newTracker({ template: "operations" });
    const kr = sheet(wb, "Key Results");
    kr.getRange(1, kr.getLastColumn() + 1).setValue("Notes");
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    kr.deleteColumns(colOf(wb, "Key Results", "Unit"), 1);
    kr.deleteColumns(colOf(wb, "Key Results", "Notes"), 1);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored).toContain("Key Results: column Unit");
  });

  it("the check-in, the sidebar and the weekly summary refuse a renamed column with Repair's sentence, in one line, writing nothing; a deleted one with the general message", () => {
    const wb = newTracker({ template: "operations" });
    const cell = sheet(wb, "Key Results").getRange(1, colOf(wb, "Key Results", "Owner"));
    cell.setValue("Owner email");
    const renamed = 'Key Results has no "Owner" column but has "Owner email": rename it back, or, if it is yours, add a column "Owner".';
    const calls = [
      () => callAddonRaw(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "88", confidence: 7 }),
      () => callAddonRaw(wb, "getSidebarData", {}),
      () => callAddonRaw(wb, "generateWeeklySummary", {}),
    ];
    for (const call of calls) {
      let r: { ok: boolean; message?: string } = { ok: true };
      expect(writesOf(wb, () => (r = call()))).toEqual({});
      expect(r).toEqual({ ok: false, message: renamed });
    }
    // Objectives too: its Owner renamed, the summary names it the same way.
    cell.setValue("Owner");
    sheet(wb, "Objectives").getRange(1, colOf(wb, "Objectives", "Owner")).setValue("Lead");
    expect(calls[2]()).toEqual({ ok: false, message: 'Objectives has no "Owner" column but has "Lead": rename it back, or, if it is yours, add a column "Owner".' });
    sheet(wb, "Objectives").getRange(1, colOf(wb, "Objectives", "Lead")).setValue("Owner");
    // Deleted (no header of the user's): Repair adds it back, as the message says.
    const kr = sheet(wb, "Key Results");
    kr.deleteColumns(colOf(wb, "Key Results", "Owner"), 1);
    expect(calls[0]()).toEqual({
      ok: false,
      message: 'The "Key Results" tab has no "Owner" column (renamed or deleted?). Use "Repair tracker" in the add-on menu to add it back.',
    });
  });
});

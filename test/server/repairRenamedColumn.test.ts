// Repair tracker over a Key Results or Objectives column renamed or deleted by hand, through the built
// add-on. Before, a header renamed ("Owner" → "Owner email") was taken for a deleted column: Repair added
// an empty Owner column at the end and reported it restored, so every KR lost its owner (every check-in
// refused) and nothing pointed at the renamed column. Now a missing column beside a header that is not the
// tracker's is refused in one line naming both, nothing written; a deleted column (no such header) is
// still added back.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { writesOf } from "../support/writes";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";
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
});

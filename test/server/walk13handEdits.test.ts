// Walk 13, story 4: the team edits the workbook by hand between check-ins, through the BUILT add-on (`npm run
// build` first): a column inserted in Key Results or the log, a tab renamed. The next check-in and sidebar
// either work, writing every value under its own header, or say in one line what to do, writing nothing.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { requestId, rowsOf, setToday, ss } from "../support/tracker";
import { asUser, trackers } from "../support/rhythm";

const ADMIN = "ops.lead@example.com";
const DISPATCH = "dispatch.lead@example.com"; // owns O1.KR1

type Kr = { id: string; row: number; owner: string };
const sidebar = (wb: Workbook, who: string) => asUser(wb, who, () => callAddon(wb, "getSidebarData", {}));
const krOf = (wb: Workbook, who: string, id: string): Kr => sidebar(wb, who).krs.find((k: Kr) => k.id === id);
function send(wb: Workbook, who: string, kr: Kr, value: string) {
  return asUser(wb, who, () => callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr.id, row: kr.row, value, confidence: 7, whatChanged: "shipped" }));
}
const tab = (wb: Workbook, name: string) => JSON.stringify(ss(wb).getSheetByName(name)!.getDataRange().getValues());

function tracker(): Workbook {
  const [wb] = trackers(1);
  setToday(wb, "2026-01-20");
  return wb;
}

/** A column typed in by hand after `after` (1-based), headed `header`, as a team adds a notes column. */
function insertColumn(wb: Workbook, name: string, after: number, header: string): void {
  const sheet = ss(wb).getSheetByName(name)!;
  sheet.insertColumnsAfter(after, 1);
  sheet.getRange(1, after + 1).setValue(header);
}

describe("Walk 13: hand edits between check-ins", () => {
  // Until session 22 the Settings cell joining the Key Results header followed each header cell, so after a
  // column inserted among them it skipped the new one and named every header after it one column to the
  // left: the owner's check-in read the new column as Owner ("has no owner yet"), and an admin's wrote the
  // value into Weight, the confidence into Current and the date into Confidence.
  it("a column inserted in Key Results: the owner's and the admin's check-ins write Current, and nothing else moves", () => {
    const wb = tracker();
    const [mine, theirs] = [krOf(wb, DISPATCH, "O1.KR1"), krOf(wb, ADMIN, "O1.KR2")];
    insertColumn(wb, "Key Results", 3, "Notes");
    expect(send(wb, DISPATCH, mine, "86")).toMatchObject({ ok: true, kr: { id: "O1.KR1", owner: DISPATCH, current: 86 } });
    expect(send(wb, ADMIN, theirs, "8")).toMatchObject({ ok: true, kr: { id: "O1.KR2", current: 8 } });
    const krs = rowsOf(wb, "Key Results");
    expect(krs.slice(0, 2).map((r) => [r["ID"], r["Notes"], r["Owner"], r["Weight"], r["Current"], r["Confidence"]])).toEqual([
      ["O1.KR1", "", DISPATCH, 2, 86, 7],
      ["O1.KR2", "", "planning.lead@example.com", 1, 8, 7],
    ]);
    expect(krOf(wb, DISPATCH, "O1.KR1")).toMatchObject({ owner: DISPATCH, current: 86 });
    // Repair points the joined header at the columns where they are now; check-ins go on as before.
    expect(asUser(wb, ADMIN, () => callAddon(wb, "repairTracker", {})).restored).toContain("Settings: Key result header (computed)");
    expect(send(wb, DISPATCH, mine, "87")).toMatchObject({ ok: true, kr: { current: 87 } });
    expect(rowsOf(wb, "Key Results").slice(0, 1).map((r) => [r["Owner"], r["Weight"], r["Current"], r["Confidence"]])).toEqual([[DISPATCH, 2, 87, 7]]);
  });

  it("a column inserted in the log: the check-in's row has each value under its own header", () => {
    const wb = tracker();
    insertColumn(wb, "Check-ins", 3, "Site");
    expect(send(wb, DISPATCH, krOf(wb, DISPATCH, "O1.KR1"), "86").ok).toBe(true);
    expect(rowsOf(wb, "Check-ins").map((r) => [r["KR ID"], r["Site"], r["Value"], r["Confidence"], r["What changed"], r["Author"]])).toEqual([
      ["O1.KR1", "", 86, 7, "shipped", DISPATCH],
    ]);
  });

  // Until session 22 the sidebar and the check-in said "Something went wrong: Range not found": they read
  // the KR's row by its address, naming the tab, without looking the tab up.
  it("the Key Results tab renamed: the sidebar and the check-in say which tab is missing and what to do; Repair renames it back", () => {
    const wb = tracker();
    const kr = krOf(wb, DISPATCH, "O1.KR1");
    ss(wb).getSheetByName("Key Results")!.setName("KRs");
    const missing = { ok: false, message: 'The "Key Results" tab is missing. Use "Set up tracker" or "Repair tracker" in the add-on menu.' };
    expect(sidebar(wb, DISPATCH)).toEqual(missing);
    const [log, krs] = [tab(wb, "Check-ins"), tab(wb, "KRs")];
    expect(send(wb, DISPATCH, kr, "86")).toEqual(missing);
    expect([tab(wb, "Check-ins"), tab(wb, "KRs")]).toEqual([log, krs]);
    expect(asUser(wb, ADMIN, () => callAddon(wb, "repairTracker", {}))).toMatchObject({ ok: true, restored: ['Tab "KRs" renamed back to "Key Results" (its rows are kept)'] });
    expect(send(wb, DISPATCH, kr, "86")).toMatchObject({ ok: true, kr: { current: 86 } });
  });
});

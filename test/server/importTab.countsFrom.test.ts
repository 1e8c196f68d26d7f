// The import's counts_from column through the built add-on (run `npm run build` first): a day the file gives
// is the KR's Counts from and its pace counts from it; a KR whose cell is blank is dated as before (the import's
// day, mid-cycle); a day the sheet could not use refuses the whole import, naming the row, and writes nothing.
// docs/cli.md "OKR import CSV", docs/scoring.md#a-kr-added-mid-cycle.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays, cycleEnd, dayNumber } from "../../src/core/dates";
import type { Workbook } from "../../src/local/runtime";
import { checkIn } from "../support/inUse";
import { callAddon, newTracker, rowsOf, setToday, ss } from "../support/tracker";

const START = "2026-01-05";
const WEEKS = 13;
const WEEK7 = addDays(START, 42);
const HEADER = ["objective_id", "key_result", "owner", "metric", "start", "target", "counts_from"];
const kr = (title: string, day: unknown) => ["O1", title, "ops.lead@example.com", "increase", "0", "10", day];

function importRows(wb: Workbook, rows: unknown[][]) {
  const tab = ss(wb).insertSheet(`Paste ${ss(wb).getSheets().length}`);
  tab.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return callAddon(wb, "importOkrsFromTab", { tab: tab.getName() });
}

/** Key Results' Counts from as the sheet shows it, and Expected, by KR title. */
function byTitle(wb: Workbook): Map<string, [unknown, unknown]> {
  const shown = ss(wb).getSheetByName("Key Results")!.getDataRange().getDisplayValues();
  const c = shown[0].indexOf("Counts from");
  return new Map(rowsOf(wb, "Key Results").map((r, i) => [String(r["Key result"]), [shown[i + 1][c], r.Expected]]));
}

/** A KR's expected on `today` counting from `from` (a committed objective: goal 1), as docs/scoring.md says. */
const paced = (today: string, from: string) => (dayNumber(today) - dayNumber(from)) / (dayNumber(cycleEnd(START, WEEKS)) - dayNumber(from));

function tracker(): Workbook {
  const wb = newTracker({ template: "operations", start: START });
  setToday(wb, "2026-01-21");
  expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
  setToday(wb, WEEK7);
  return wb;
}

describe("an import's counts_from", () => {
  it("in week 7: the file's day is the KR's (its pace counts from it), a blank cell gets the import's day, a day on or before the start is kept", () => {
    const wb = tracker();
    const week5 = addDays(START, 28);
    const r = importRows(wb, [HEADER, kr("Agreed in week 5", "02.02.2026"), kr("Added today", ""), kr("Carried", "2025-12-15"), kr("From next week", addDays(WEEK7, 7))]);
    expect(r.ok, r.message).toBe(true);
    const krs = byTitle(wb);
    expect(krs.get("Agreed in week 5")).toEqual([week5, paced(WEEK7, week5)]);
    expect(krs.get("Added today")).toEqual([WEEK7, 0]);
    // Counts from the start (as blank): the cycle's own pace.
    expect(krs.get("Carried")).toEqual(["2025-12-15", 42 / 91]);
    expect(krs.get("From next week")).toEqual([addDays(WEEK7, 7), 0]);
    expect(krs.get("Agreed in week 5")![1]).toBeGreaterThan(0);
  });

  it("a date cell of a tab is read as that day; a first import before the start writes the file's day and leaves the others blank", () => {
    const wb = newTracker({ template: "blank", start: START, at: "2026-01-02" });
    const day = new Date(Date.UTC(2026, 0, 19, 12));
    const r = importRows(wb, [["objective", ...HEADER.slice(1)], ["Ship", ...kr("Dated", day).slice(1)], ["Ship", ...kr("Not dated", "").slice(1)]]);
    expect(r.ok, r.message).toBe(true);
    const krs = byTitle(wb);
    expect([krs.get("Dated")![0], krs.get("Not dated")![0]]).toEqual(["2026-01-19", ""]);
  });

  it("a day after the cycle's last, or text that is not a date: nothing is imported, one line naming each row and what to fix", () => {
    const wb = tracker();
    const before = ss(wb).getSheetByName("Key Results")!.getDataRange().getValues();
    const objectives = ss(wb).getSheetByName("Objectives")!.getDataRange().getValues();
    const late = addDays(START, 7 * WEEKS);
    const r = importRows(wb, [HEADER, kr("Fine", WEEK7), kr("Late", late), kr("Vague", "next week")]);
    expect(r.ok).toBe(false);
    expect(r.message.split("\n")).toHaveLength(1);
    expect(r.message).toMatch(new RegExp(`^Nothing was imported\\. row 3: counts_from ${late} is after the cycle's last day \\(${addDays(late, -1)}\\): use a day of the cycle, or leave it blank; row 4: counts_from "next week" is not a date okr-sheets can read: type it as `));
    expect(ss(wb).getSheetByName("Key Results")!.getDataRange().getValues()).toEqual(before);
    expect(ss(wb).getSheetByName("Objectives")!.getDataRange().getValues()).toEqual(objectives);
  });
});

// Until session 16 a file's days were dropped here, Repair's warning the only trace: Repair adds the pace
// columns only within A–Z, where the add-on reads (a date past Z would pace the KR in the sheet and nowhere
// else), so the import now refuses them before writing anything and says what to fix.
describe("an import's counts_from where Key Results cannot hold it within A–Z", () => {
  const krTab = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!;
  const headerOf = (wb: Workbook) => krTab(wb).getRange(1, 1, 1, krTab(wb).getMaxColumns()).getValues()[0].map(String);
  const tabs = (wb: Workbook) => ["Key Results", "Objectives", "Settings"].map((t) => ss(wb).getSheetByName(t)!.getDataRange().getValues());

  /** A tracker set up before the pace columns (both deleted), with columns of the user's own up to Z. */
  function fullToZ(): { wb: Workbook; own: string[] } {
    const wb = tracker();
    for (const h of ["Counts from", "Weighted pace offset"]) krTab(wb).deleteColumns(headerOf(wb).indexOf(h) + 1, 1);
    const sheet = krTab(wb);
    if (sheet.getMaxColumns() < 26) sheet.insertColumnsAfter(sheet.getMaxColumns(), 26 - sheet.getMaxColumns());
    const last = headerOf(wb).indexOf("Weeks to target") + 1;
    const own = Array.from({ length: 26 - last }, (_, i) => `Notes ${i + 1}`);
    sheet.getRange(1, last + 1, 1, own.length).setValues([own]);
    return { wb, own };
  }

  it("with no room for the column: nothing is imported, one line saying what to fix; without days the import goes on, as before", () => {
    const { wb, own } = fullToZ();
    // Three columns of the user's own fit since session 18's Objective owner helper column.
    expect(own).toEqual(["Notes 1", "Notes 2", "Notes 3"]);
    const before = tabs(wb);
    const r = importRows(wb, [HEADER, kr("Agreed in week 5", "2026-02-02"), kr("Added today", "")]);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      "Nothing was imported. The file gives counts_from days, which Key Results keeps in its Counts from column, but it has no room within columns A–Z " +
        "(the add-on reads this tab only to Z) for the columns Weighted pace offset and Counts from: move 2 of your own columns (Notes 1, Notes 2, Notes 3) " +
        "to another tab or delete them, then import again (or leave counts_from blank: those KRs then count from the cycle's start).",
    );
    expect(tabs(wb)).toEqual(before);

    // The automatic day is not the file's: left out as before, Repair saying why.
    const blank = importRows(wb, [HEADER, kr("Added today", "")]);
    expect(blank.ok, blank.message).toBe(true);
    expect(blank.warnings.filter((w: string) => /no room within columns A–Z/.test(w))).toHaveLength(1);
    expect(headerOf(wb)).not.toContain("Counts from");

    // Room made as the line says: the days are imported and count.
    krTab(wb).deleteColumns(headerOf(wb).indexOf("Notes 1") + 1, 2);
    const again = importRows(wb, [HEADER, kr("Agreed in week 5", "2026-02-02")]);
    expect(again.ok, again.message).toBe(true);
    const week5 = addDays(START, 28);
    expect(byTitle(wb).get("Agreed in week 5")).toEqual([week5, paced(WEEK7, week5)]);
  });

  it("with the column past Z (columns inserted before it): nothing is imported, the line says to move it back", () => {
    const wb = tracker();
    const at = headerOf(wb).indexOf("Weighted score") + 1;
    krTab(wb).insertColumnsAfter(at - 1, 3);
    krTab(wb).getRange(1, at, 1, 3).setValues([["Notes 1", "Notes 2", "Notes 3"]]);
    expect(headerOf(wb).indexOf("Counts from")).toBeGreaterThanOrEqual(26);
    const before = tabs(wb);
    const r = importRows(wb, [HEADER, kr("Agreed in week 5", "2026-02-02")]);
    expect([r.ok, r.message]).toEqual([
      false,
      "Nothing was imported. The file gives counts_from days, which Key Results keeps in its Counts from column, but its column Weighted pace offset or Counts from " +
        "is past column Z, where the add-on stops reading: move the two columns back within A–Z, then import again (or leave counts_from blank: those KRs then count from the cycle's start).",
    ]);
    expect(tabs(wb)).toEqual(before);
  });
});

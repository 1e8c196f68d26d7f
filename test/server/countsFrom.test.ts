// A KR added mid-cycle is judged from the day it was added (Key Results `Counts from`), through the built
// add-on on the offline spreadsheet: the import dates it, the sheet, the check-in's reply, the sidebar and the
// summary all pace it from that day, the other KRs are unchanged; a tracker set up before the column works
// without it and gets it from Repair, its formulas named as updated.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { SidebarData } from "../../src/core/api";
import { colsFromHeaders, krFormulas, objectiveFormulas } from "../../src/core/formulas";
import type { Workbook } from "../../src/local/runtime";
import { checkIn } from "../support/inUse";
import { summarize, summaryTab } from "../support/summaryTab";
import { callAddon, newTracker, rowsOf, setToday, sheetNamesAsked, ss } from "../support/tracker";

const HEADER = ["objective_id", "key_result", "owner", "metric", "unit", "start", "target"];
const NEW_KR = ["O1", "Cut rework", "ops.lead@example.com", "increase", "", "0", "10"];
// The operations template's 13-week cycle from Monday 2026-01-05: 2026-02-16 is day 42 (week 7), 2026-03-16 day 70.
const WEEK7 = "2026-02-16";
const WEEK11 = "2026-03-16";

function importRows(wb: Workbook, rows: string[][]) {
  const tab = ss(wb).insertSheet(`Paste ${ss(wb).getSheets().length}`);
  tab.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return callAddon(wb, "importOkrsFromTab", { tab: tab.getName() });
}

const kr = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").find((r) => r.ID === id)!;
const objective = (wb: Workbook, id: string) => rowsOf(wb, "Objectives").find((r) => r.ID === id)!;

/** The Counts from cell as the sheet shows it. */
function countsFromShown(wb: Workbook, id: string): string {
  const sheet = ss(wb).getSheetByName("Key Results")!;
  const values = sheet.getDataRange().getDisplayValues();
  const c = values[0].indexOf("Counts from");
  return values.find((r) => r[0] === id)![c];
}

/** The operations tracker with O1.KR1 checked in in week 3 (so O1 has started). */
function tracker(): Workbook {
  const wb = newTracker({ template: "operations", start: "2026-01-05" });
  setToday(wb, "2026-01-21");
  expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
  return wb;
}

describe("a KR imported in week 7 counts from that day", () => {
  it("is Not started, then On track at its own pace in week 7, judged on its own pace later; the other KRs are unchanged", () => {
    const wb = tracker();
    setToday(wb, WEEK7);
    const before = rowsOf(wb, "Key Results").map((r) => [r.ID, r.Expected, r.Status]);
    const o1Before = objective(wb, "O1").Expected;
    expect(o1Before).toBe(42 / 91);

    const r = importRows(wb, [HEADER, NEW_KR]);
    expect(r.ok, r.message).toBe(true);
    expect(countsFromShown(wb, "O1.KR4")).toBe(WEEK7);
    expect([kr(wb, "O1.KR4").Expected, kr(wb, "O1.KR4").Status]).toEqual([0, "Not started"]);
    // The others as they were, bit for bit (their Counts from is blank).
    expect(rowsOf(wb, "Key Results").filter((x) => x.ID !== "O1.KR4").map((x) => [x.ID, x.Expected, x.Status])).toEqual(before);
    expect(["O1.KR1", "O2.KR1"].map((id) => countsFromShown(wb, id))).toEqual(["", ""]);
    // O1 is the counted-weight mean of its KRs' expected: weights 2, 1, 1 at 42/91 and the new KR's 1 at 0.
    expect(objective(wb, "O1").Expected).toBeCloseTo((42 / 91) * (4 / 5), 12);
    expect(objective(wb, "O2").Expected).toBe(42 / 91);

    // Checked in the day it was added: expected 0, so any progress is On track (it was Off track: 0.1 vs 0.46).
    const c = checkIn(wb, "O1.KR4", "1");
    expect(c.ok, c.message).toBe(true);
    expect([c.kr.score, c.kr.expected, c.kr.status]).toEqual([0.1, 0, "On track"]);
    expect(kr(wb, "O1.KR4").Status).toBe("On track");
    const side = (callAddon(wb, "getSidebarData", {}) as SidebarData).krs.find((k) => k.id === "O1.KR4")!;
    expect([side.expected, side.status]).toEqual([0, "On track"]);

    // Week 11: 28 of its 49 days gone. 0.6 against 4/7 is On track (against the cycle's 70/91 it would be At risk).
    setToday(wb, WEEK11);
    expect(kr(wb, "O1.KR4").Expected).toBe(28 / 49);
    expect(kr(wb, "O1.KR4").Status).toBe("Off track"); // 0.1 against 0.57: its own pace, and it is behind
    const later = checkIn(wb, "O1.KR4", "6");
    expect([later.kr.score, later.kr.expected, later.kr.status]).toEqual([0.6, 28 / 49, "On track"]);
    expect(kr(wb, "O1.KR1").Expected).toBe(70 / 91);

    // The summary (TypeScript's evaluation) says what the sheet says, for the KR and its objective.
    summarize(wb, WEEK11);
    const rows = summaryTab(wb).values;
    const words = (id: string) => rows.filter((row) => row[0] === id).map((row) => row.filter((v) => typeof v === "string" && /track|risk|started/i.test(v)));
    expect(words("O1.KR4").flat()).not.toContain("Off track");
    expect(words("O1")).toEqual([[String(objective(wb, "O1").Status)]]);
  });

  it("an import before or on the cycle's start leaves Counts from blank; the roll over carries a dated KR blank", () => {
    const wb = newTracker({ template: "blank", start: "2026-01-05", at: "2026-01-02" });
    setToday(wb, "2026-01-05");
    expect(importRows(wb, [["objective", ...HEADER.slice(1)], ["Ship", ...NEW_KR.slice(1)]]).ok).toBe(true);
    expect(countsFromShown(wb, "O1.KR1")).toBe("");
    setToday(wb, WEEK7);
    expect(importRows(wb, [HEADER, ["O1", "Faster", "ops.lead@example.com", "decrease", "", "9", "2"]]).ok).toBe(true);
    expect(countsFromShown(wb, "O1.KR2")).toBe(WEEK7);

    setToday(wb, "2026-04-06");
    expect(callAddon(wb, "endCycle").ok).toBe(true);
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
    expect(r.ok, r.message).toBe(true);
    expect(rowsOf(wb, "Key Results").map((x) => [x.ID, x["Counts from"]])).toEqual([["O1.KR1", ""], ["O1.KR2", ""]]);
  });

  it("a date typed after the cycle's end, or text, is a setup error naming the column; before the start it counts from the start", () => {
    const wb = tracker();
    setToday(wb, WEEK7);
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const c = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String).indexOf("Counts from") + 1;
    sheet.getRange(3, c).setValue("2026-05-01");
    sheet.getRange(4, c).setValue("next week");
    sheet.getRange(5, c).setValue("2025-12-01");
    const error = "Setup error: counts from must be a date before the cycle's end";
    expect([kr(wb, "O1.KR2").Score, kr(wb, "O1.KR2").Status]).toEqual([error, "Setup error"]);
    expect([kr(wb, "O1.KR3").Score, kr(wb, "O1.KR3").Status]).toEqual([error, "Setup error"]);
    expect(kr(wb, "O2.KR1").Expected).toBe(42 / 91);
  });
});

describe("a tracker set up before Counts from", () => {
  /** Takes the two columns away and writes the formulas as the earlier version did. */
  function asBefore(wb: Workbook): void {
    const krSheet = ss(wb).getSheetByName("Key Results")!;
    const objSheet = ss(wb).getSheetByName("Objectives")!;
    const headerOf = () => krSheet.getRange(1, 1, 1, krSheet.getLastColumn()).getValues()[0].map(String);
    krSheet.deleteColumns(headerOf().indexOf("Counts from") + 1, 1);
    krSheet.deleteColumns(headerOf().indexOf("Weighted pace offset") + 1, 1);
    const headers = headerOf();
    expect(headers.slice(15)).toEqual(["Weighted score", "Counted weight", "Objective name", "Objective owner", "Request IDs", "Forecast", "Forecast score", "Weeks to target"]);
    const krCols = colsFromHeaders(headers);
    const objCols = colsFromHeaders(objSheet.getRange(1, 1, 1, objSheet.getLastColumn()).getValues()[0].map(String));
    const names = ["Score", "Expected", "Status", "Weighted score", "Counted weight"] as const;
    for (let row = 2; row <= 51; row++) {
      const f = krFormulas(row, krCols, objCols);
      for (const h of names) krSheet.getRange(row, headers.indexOf(h) + 1).setFormula(f[h]);
      objSheet.getRange(row, Object.keys(objCols).indexOf("Expected") + 1).setFormula(objectiveFormulas(row, objCols, krCols).Expected);
    }
  }

  it("works without the column (check-in, sidebar, summary), and Repair adds it, naming the formulas as updated", () => {
    const wb = tracker();
    asBefore(wb);
    setToday(wb, WEEK7);
    expect(rowsOf(wb, "Key Results").every((r) => !("Counts from" in r))).toBe(true);
    expect(kr(wb, "O2.KR1").Expected).toBe(42 / 91);
    expect(objective(wb, "O1").Expected).toBe(42 / 91);
    expect(checkIn(wb, "O2.KR1", "6").ok).toBe(true);
    expect((callAddon(wb, "getSidebarData", {}) as SidebarData).krs.find((k) => k.id === "O2.KR1")!.expected).toBe(42 / 91);
    summarize(wb, WEEK7);
    const values = rowsOf(wb, "Key Results").map((r) => [r.ID, r.Score, r.Expected, r.Status]);
    const objectives = rowsOf(wb, "Objectives").map((r) => [r.ID, r.Score, r.Expected, r.Status]);

    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.restored).toContain("Key Results: columns Weighted pace offset, Counts from");
    expect(r.restored.filter((x: string) => /formula/.test(x))).toEqual([]);
    expect(r.updated).toEqual(expect.arrayContaining([expect.stringMatching(/^Key Results: Expected in rows 2, /), expect.stringMatching(/^Objectives: Expected in rows 2, /)]));
    expect(rowsOf(wb, "Key Results").map((x) => [x.ID, x.Score, x.Expected, x.Status])).toEqual(values);
    expect(rowsOf(wb, "Key Results").map((x) => x["Counts from"])).toEqual(values.map(() => ""));
    // The objectives' too, bit for bit (Weighted pace offset sums to 0: elapsed + 0).
    expect(rowsOf(wb, "Objectives").map((x) => [x.ID, x.Score, x.Expected, x.Status])).toEqual(objectives);
  });

  it("with columns of the user's own up to the grid's last, Repair grows the grid for the two (it failed: 'outside the dimensions of the sheet')", () => {
    const wb = tracker();
    asBefore(wb);
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const max = sheet.getMaxColumns();
    const last = sheet.getRange(1, 1, 1, max).getValues()[0].map(String).indexOf("Weeks to target") + 1;
    const own = Array.from({ length: max - last }, (_, i) => `Notes ${i + 1}`);
    expect(own.length).toBeGreaterThan(0);
    sheet.getRange(1, last + 1, 1, own.length).setValues([own]);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0].slice(last)).toEqual([...own, "Weighted pace offset", "Counts from"]);
    setToday(wb, WEEK7);
    expect(kr(wb, "O2.KR1").Expected).toBe(42 / 91);
  });

  it("with columns of the user's own up to Z, Repair leaves the two out and says what to do; with room made it adds them", () => {
    // Placed past Z (session 14's first take grew the grid for them) the sheet would pace a date typed there
    // while every read of the add-on, to Z, would not see it: the summary and the sheet would disagree.
    const wb = tracker();
    asBefore(wb);
    const sheet = ss(wb).getSheetByName("Key Results")!;
    // A tracker's tab of Google's 26 columns (asBefore deleted two of the grid's).
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 26 - sheet.getMaxColumns());
    const max = sheet.getMaxColumns();
    const last = sheet.getRange(1, 1, 1, max).getValues()[0].map(String).indexOf("Weeks to target") + 1;
    const own = Array.from({ length: max - last }, (_, i) => `Notes ${i + 1}`);
    sheet.getRange(1, last + 1, 1, own.length).setValues([own]);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.warnings).toContain(
      "Key Results: no room within columns A–Z (the add-on reads this tab only to Z) for the columns Weighted pace offset and Counts from, so they were not added: " +
        "move 2 of your own columns (Notes 1, Notes 2, Notes 3) to another tab or delete them, then run Repair tracker again. Until then every KR counts from the cycle's start.",
    );
    expect(sheet.getMaxColumns()).toBe(max);
    expect(sheet.getRange(1, 1, 1, max).getValues()[0].slice(last)).toEqual(own);
    setToday(wb, WEEK7);
    expect([kr(wb, "O2.KR1").Expected, objective(wb, "O1").Expected]).toEqual([42 / 91, 42 / 91]);
    expect(checkIn(wb, "O2.KR1", "6").ok).toBe(true);

    // (Three columns of the user's own fit since session 18's Objective owner: two of them make the room.)
    sheet.deleteColumns(last + 2, 2);
    const again = callAddon(wb, "repairTracker");
    expect(again.ok, again.message).toBe(true);
    expect(again.warnings.filter((w: string) => /no room/.test(w))).toEqual([]);
    expect(sheet.getRange(1, 1, 1, max).getValues()[0].slice(last)).toEqual(["Notes 1", "Weighted pace offset", "Counts from"]);
  });

  it("pace columns pushed past Z by columns inserted before them: Repair writes the formulas without them and says to move them back", () => {
    // The add-on reads Key Results to Z: a date past it paced the KR in the sheet and nowhere else.
    const wb = tracker();
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headerOf = () => sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0].map(String);
    const at = headerOf().indexOf("Weighted score") + 1;
    sheet.insertColumnsAfter(at - 1, 3);
    sheet.getRange(1, at, 1, 3).setValues([["Notes 1", "Notes 2", "Notes 3"]]);
    const c = headerOf().indexOf("Counts from") + 1;
    expect(c).toBeGreaterThan(26);
    const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === "O1.KR2") + 2;
    sheet.getRange(row, c).setValue(WEEK7);
    setToday(wb, WEEK11);
    expect(kr(wb, "O1.KR2").Expected).toBe(28 / 49); // the sheet paces it; the add-on's reads, to Z, do not
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.warnings.filter((w: string) => /past column Z/.test(w))).toEqual([
      "Key Results: Weighted pace offset or Counts from is past column Z, where the add-on stops reading, so no KR counts from its own date: " +
        "move the two columns back within A–Z (your own columns to another tab, say), then run Repair tracker again.",
    ]);
    expect(r.restored.filter((x: string) => /formula/.test(x))).toEqual([]);
    // The sheet as the summary reads it: the cycle's pace.
    expect([kr(wb, "O1.KR2").Expected, objective(wb, "O1").Expected]).toEqual([70 / 91, 70 / 91]);

    // Moved back within Z (the user's columns gone), Repair paces the KR from its date again.
    sheet.deleteColumns(at, 3);
    const again = callAddon(wb, "repairTracker");
    expect(again.ok, again.message).toBe(true);
    expect(again.warnings.filter((w: string) => /past column Z/.test(w))).toEqual([]);
    expect(kr(wb, "O1.KR2").Expected).toBe(28 / 49);
  });

  it("Weighted pace offset past Z, Counts from within: the sheet and the add-on's figures (the Mid-cycle Review) both leave the date out", () => {
    const wb = tracker();
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headerOf = () => sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0].map(String);
    sheet.deleteColumns(headerOf().indexOf("Weighted pace offset") + 1, 1);
    const own = 26 - headerOf().indexOf("Counts from") - 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 27 - sheet.getMaxColumns());
    sheet.getRange(1, 27 - own, 1, own).setValues([Array.from({ length: own }, (_, i) => `Notes ${i + 1}`)]);
    sheet.getRange(1, 27).setValue("Weighted pace offset");
    const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === "O1.KR2") + 2;
    sheet.getRange(row, headerOf().indexOf("Counts from") + 1).setValue(WEEK7);
    setToday(wb, WEEK11);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.warnings.filter((w: string) => /past column Z/.test(w)).length).toBe(1);
    expect(kr(wb, "O1.KR2").Expected).toBe(70 / 91);
    expect(callAddon(wb, "createMidCycleReview", { at: WEEK11 }).ok).toBe(true);
    const review = ss(wb).getSheetByName("Mid-cycle Review")!.getDataRange().getValues();
    const head = review.findIndex((x) => x[0] === "Type" && x[1] === "ID");
    const line = review.find((x) => x[1] === "O1.KR2")!;
    expect(line[review[head].indexOf("Expected")]).toBe(70 / 91);
  });

  it("an import mid-cycle adds the column through its Repair and dates the new KR", () => {
    const wb = tracker();
    asBefore(wb);
    setToday(wb, WEEK7);
    let r: ReturnType<typeof importRows> = { ok: false };
    const asked = sheetNamesAsked(wb, () => (r = importRows(wb, [HEADER, NEW_KR])));
    expect(r.ok, r.message).toBe(true);
    // The dates go into the table Repair hands back, not one read again (until leftovers-6 Key Results was
    // looked up and read once more): as often as the same import on a tracker with the column.
    const current = tracker();
    setToday(current, WEEK7);
    expect(asked.filter((n) => n === "Key Results")).toEqual(sheetNamesAsked(current, () => importRows(current, [HEADER, NEW_KR])).filter((n) => n === "Key Results"));
    expect(countsFromShown(wb, "O1.KR4")).toBe(WEEK7);
    expect(countsFromShown(wb, "O1.KR3")).toBe("");
    expect([kr(wb, "O1.KR4").Expected, kr(wb, "O1.KR1").Expected]).toEqual([0, 42 / 91]);
  });

  it("… and a day its counts_from column gives goes to that KR, the import's day to the others", () => {
    const wb = tracker();
    asBefore(wb);
    setToday(wb, WEEK7);
    const r = importRows(wb, [[...HEADER, "counts_from"], [...NEW_KR, "2026-02-02"], ["O1", "Cut scrap", "ops.lead@example.com", "increase", "", "0", "10", ""]]);
    expect(r.ok, r.message).toBe(true);
    expect(["O1.KR4", "O1.KR5", "O1.KR3"].map((id) => countsFromShown(wb, id))).toEqual(["2026-02-02", WEEK7, ""]);
    expect(kr(wb, "O1.KR4").Expected).toBe(14 / 63);
  });
});

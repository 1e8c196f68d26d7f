// What an ordinary week must notice before it trusts the Weekly Trend tab and last week's History rows
// (review of session 8), through the BUILT add-on (run `npm run build` first): in each case the summary
// gives what the whole rewrite from History gives, and History keeps every row.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, ss } from "../support/tracker";
import { summaryCellsRead } from "../support/summaryTab";
import { cells, checkIn, summary, weekCheckins, weekly, WEEK_END } from "../support/weeklyTrend";
import { workbookFromSnapshot } from "../../src/local/runtime";

const history = (wb: Workbook) => ss(wb).getSheetByName("History")!.getDataRange().getValues();
/** The same tracker as it is now, without the Weekly Trend's record: its next summary rewrites the tab whole from History. */
function withoutRecord(wb: Workbook): Workbook {
  const snap = wb.services.toSnapshot();
  delete snap.documentProperties["okrSheets.trendBlock"];
  return workbookFromSnapshot("/nonexistent/whole.xlsx", snap, { at: WEEK_END[0], user: "ops.lead@example.com" });
}
const weeksOf = (wb: Workbook) => history(wb).slice(1).map((r) => r[0]);

/**
 * Week `week`'s check-ins and summary, which must rewrite the Weekly Trend whole and give the tab (and
 * History) the same tracker gets without the tab's record.
 */
function expectWholeRewrite(wb: Workbook, week: number): void {
  const ref = withoutRecord(wb);
  weekCheckins(wb, week);
  weekCheckins(ref, week);
  expect(summary(wb, week).whole).toBe(true);
  summary(ref, week);
  expect(history(wb)).toEqual(history(ref));
  expect(cells(wb).values).toEqual(cells(ref).values);
}

describe("Last week's History rows as the summaries wrote them", () => {
  it("cleared by hand: week 4 is appended after week 2, not written over week 1's rows", () => {
    const { wb } = weekly(3);
    const hist = ss(wb).getSheetByName("History")!;
    // History trimmed near its last row (as a bigger tracker's is: read to the sheet's end), week 3's rows cleared.
    hist.deleteRows(hist.getLastRow() + 20, hist.getMaxRows() - hist.getLastRow() - 19);
    const rows = weeksOf(wb);
    const first3 = rows.indexOf(3) + 2;
    hist.getRange(first3, 1, rows.filter((w) => w === 3).length, hist.getLastColumn()).clearContent();
    expectWholeRewrite(wb, 4);
    expect(weeksOf(wb).filter((w) => w === 1)).toHaveLength(7);
  });

  it("sorted newest first: regenerating week 3 replaces its rows, never duplicates them", () => {
    const { wb } = weekly(3);
    const hist = ss(wb).getSheetByName("History")!;
    const range = hist.getRange(2, 1, hist.getLastRow() - 1, hist.getLastColumn());
    range.setValues(range.getValues().sort((a, b) => Number(b[0]) - Number(a[0]))); // as Data › Sort range Z→A does
    expect(summary(wb, 3).whole).toBe(true);
    expect(weeksOf(wb).filter((w) => w === 3)).toHaveLength(7);
    expect(weeksOf(wb)).toHaveLength(21);
  });

  it("the row just above last week's edited (a week before last): not taken in by an ordinary week, as the tab's cell is not", () => {
    const { wb } = weekly(3);
    const ref = withoutRecord(wb); // the same tracker before the edit
    const hist = ss(wb).getSheetByName("History")!;
    const above = history(wb).findIndex((r) => r[0] === 2) - 1 + 1; // 1-based row of week 1's last row
    expect(history(wb)[above - 1][0]).toBe(1);
    hist.getRange(above, 4).setValue(12345);
    weekCheckins(wb, 3);
    expect(summary(wb, 3).whole).toBe(false);
    weekCheckins(ref, 3);
    summary(ref, 3);
    expect(cells(wb).values).toEqual(cells(ref).values);
  });

  it("one edited: the trend shows the edit in every cell, this week and the next (the tab is rewritten whole)", () => {
    const { wb } = weekly(3);
    const hist = ss(wb).getSheetByName("History")!;
    const row = history(wb).findIndex((r) => r[0] === 3 && r[2] === "O1.KR1") + 1;
    hist.getRange(row, 4).setValue(50);
    weekCheckins(wb, 4);
    expect(summary(wb, 4).whole).toBe(true);
    const trend = ss(wb).getSheetByName("Weekly Trend")!;
    expect(trend.getRange("E3").getValue()).toBe(50); // O1.KR1, week 3
    expect(String(trend.getRange("Q3").getValue())).toContain("→ 50% →");
    weekCheckins(wb, 5);
    expect(summary(wb, 5).whole).toBe(false);
    expect(trend.getRange("E3").getValue()).toBe(50);
    expect(String(trend.getRange("Q3").getValue())).toContain("→ 50% →");
  });
});

describe("What the past weeks' Chart data is computed with", () => {
  it("a KR's weight changed: the objective's past scores are recomputed, as a whole rewrite gives them", () => {
    const { wb } = weekly(2);
    const kr = ss(wb).getSheetByName("Key Results")!;
    const headers = kr.getRange(1, 1, 1, kr.getLastColumn()).getValues()[0];
    kr.getRange(2, headers.indexOf("Weight") + 1).setValue(5); // O1.KR1
    expectWholeRewrite(wb, 3);
  });
});

describe("A tab named Weekly Trend that is not the add-on's", () => {
  it("with A1 blank and notes beside it: refused too (an empty tab is one with no cell at all)", () => {
    const wb = newTracker({ template: "operations", start: WEEK_END[0], at: WEEK_END[0] });
    const own = ss(wb).insertSheet("Weekly Trend");
    own.getRange("B1:C2").setValues([["notes", "x"], ["keep", "these"]]);
    const r = callAddon(wb, "generateWeeklySummary", { at: WEEK_END[0] });
    expect(r.ok).toBe(false);
    expect(own.getRange("B1:C2").getValues()).toEqual([["notes", "x"], ["keep", "these"]]);
  });
  it("is refused before anything is written, and kept", () => {
    const wb = newTracker({ template: "operations", start: WEEK_END[0], at: WEEK_END[0] });
    const own = ss(wb).insertSheet("Weekly Trend");
    own.getRange("A1:B2").setValues([["My own notes", "x"], ["keep", "these"]]);
    const before = wb.services.toSnapshot();
    const r = callAddon(wb, "generateWeeklySummary", { at: WEEK_END[0] });
    expect(r.ok).toBe(false);
    expect(r.message).toBe('The "Weekly Trend" tab (no "Trend: each KR\'s value on its week\'s summary day" heading over its header row) is not the tracker\'s, and the weekly trend would be written over it. Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.');
    expect(own.getRange("A1:B2").getValues()).toEqual([["My own notes", "x"], ["keep", "these"]]);
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(wb.services.toSnapshot().sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });
});

describe("A Weekly Trend tab trimmed by hand", () => {
  it("below the KR rows: the next summary rewrites it whole instead of failing", () => {
    const { wb } = weekly(2);
    const trend = ss(wb).getSheetByName("Weekly Trend")!;
    trend.deleteRows(12, trend.getMaxRows() - 11); // the Chart data and everything below it
    expectWholeRewrite(wb, 3);
  });
  it("right of the past weeks (the weeks to come, Trend, Last weeks): rewritten whole from History read whole", () => {
    const { wb } = weekly(3);
    const trend = ss(wb).getSheetByName("Weekly Trend")!;
    trend.deleteColumns(6, trend.getMaxColumns() - 5); // F on: week 4 and later, Trend, Last weeks
    expectWholeRewrite(wb, 4);
  });
});

describe("A fortnightly check-in period", () => {
  it("still reads the log from a checkpoint in an ordinary week: week 1's check-ins, however many, are not read again", () => {
    const cellsRead = (extra: number) => {
      const { wb, whole } = weekly(3, (book, week) => {
        if (week !== 1) return;
        for (let i = 0; i < extra; i++) checkIn(book, "2026-01-07", "O1.KR1", 80 + (i % 5));
        const settings = ss(book).getSheetByName("Settings")!;
        const labels = settings.getRange(1, 1, 30, 1).getValues().map((r) => r[0]);
        settings.getRange(labels.indexOf("Check-in cadence") + 1, 2).setValue("fortnightly");
      });
      expect(whole).toEqual([true, false, false]);
      weekCheckins(wb, 4);
      return summaryCellsRead(wb, WEEK_END[3]);
    };
    // The 14-day period of week 4 holds week 3's check-ins, so the log is read from week 2's checkpoint; the
    // History rows it checks are read too (from week 2's first row), or the whole log would be read.
    expect(cellsRead(40)).toBe(cellsRead(5));
  });
});

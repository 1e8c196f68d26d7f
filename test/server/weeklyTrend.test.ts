// The Weekly Trend tab from week to week through the BUILT add-on (run `npm run build` first): an ordinary
// week writes only its own week's column and `Last weeks` there and reads the past weeks back from it; a tab
// that no longer holds what the last summary wrote, or a tracker whose KRs changed, gets the tab rewritten
// whole from History (docs/summary.md, "The Weekly Trend tab").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, ss } from "../support/tracker";
import { byId, chartDataAt, OPERATIONS_OWNER, section, trendTab } from "../support/summaryTab";
import { cells, checkIn, forgetRecord, KR_ROWS, LAST_WEEKS, summary, weekCheckins, weekly, WIDTH } from "../support/weeklyTrend";

describe("The Weekly Trend tab in an ordinary week", () => {
  it("writes only its week's column (the KRs' values and the Chart data's) and Last weeks; every other cell keeps what it held", () => {
    const { wb, whole } = weekly(1);
    expect(whole).toEqual([true]); // the first summary makes the tab
    const ref = weekly(2).wb; // the same tracker, the tab as the add-on leaves it
    const sheet = ss(wb).getSheetByName("Weekly Trend")!;
    const bottom = sheet.getLastRow();
    // Type a marker over every cell of the block except week 1's column from the first KR row down (what the
    // next week reads back and checks against its digest: the KR values and the Chart data's).
    const marked = Array.from({ length: bottom }, (_, i) => Array.from({ length: WIDTH }, (_, j) => (j === 2 && i >= 2 ? null : "typed")));
    marked.forEach((row, i) => row.forEach((v, j) => v !== null && sheet.getRange(i + 1, j + 1).setValue(v)));

    weekCheckins(wb, 2);
    expect(summary(wb, 2).whole).toBe(false);
    const got = cells(wb);
    const want = cells(ref);
    expect(got.values).toHaveLength(want.values.length);
    let written = 0;
    for (let i = 0; i < bottom; i++) {
      for (let j = 0; j < WIDTH; j++) {
        const weekTwo = j === 3 && i >= 2; // column D from the first KR row to the block's last row
        const lastWeeks = j === LAST_WEEKS - 1 && i >= 2 && i < 2 + KR_ROWS;
        const weekOne = j === 2 && i >= 2;
        if (weekTwo || lastWeeks) written++;
        const expected = weekTwo || lastWeeks || weekOne ? want.values[i][j] : "typed";
        expect([i, j, got.values[i][j]]).toEqual([i, j, expected]);
      }
    }
    expect(written).toBe(bottom - 2 + KR_ROWS);
    // What was written is the week's: O1.KR1's values 85 and 86, the week's scores below in the Chart data.
    const o1kr1 = got.values[2];
    expect([o1kr1[2], o1kr1[3], o1kr1[LAST_WEEKS - 1]]).toEqual([85, 86, "▁█ 85% → 86%"]);
    const at = chartDataAt(trendTab(ref));
    expect(got.values[at.row + 1][3]).toBe(2); // the score table's header: week 2
    expect(typeof got.values[at.row + 2][3]).toBe("number"); // O1's score in week 2
  });

  it("reads back a past week's cell only as the last summary wrote it: one typed over makes the next summary rewrite the tab whole from History", () => {
    const { wb, whole } = weekly(2);
    expect(whole).toEqual([true, false]);
    const sheet = ss(wb).getSheetByName("Weekly Trend")!;
    expect(sheet.getRange("C3").getValue()).toBe(85); // O1.KR1, week 1
    sheet.getRange("C3").setValue(999);
    sheet.getRange("A1").setValue("typed");
    weekCheckins(wb, 3);
    expect(summary(wb, 3).whole).toBe(true);
    const ref = weekly(3);
    expect(ref.whole).toEqual([true, false, false]);
    // The typed value is gone (week 1 comes from History again), and so is the typed heading.
    expect(sheet.getRange("C3").getValue()).toBe(85);
    expect(sheet.getRange("A1").getValue()).toBe("Trend: each KR's value on its week's summary day");
    expect(cells(wb)).toEqual(cells(ref.wb));
  });
});

describe("A past week's History row edited by hand", () => {
  it("reaches the Weekly Trend only at its next whole rewrite (the price of reading the past weeks back: docs/summary.md)", () => {
    const { wb, whole } = weekly(2);
    expect(whole).toEqual([true, false]);
    const hist = ss(wb).getSheetByName("History")!;
    const rows = hist.getDataRange().getValues();
    const i = rows.findIndex((r) => r[0] === 1 && r[2] === "O1.KR1");
    expect(rows[i][3]).toBe(85);
    hist.getRange(i + 1, 4).setValue(70);
    const sheet = ss(wb).getSheetByName("Weekly Trend")!;
    weekCheckins(wb, 3);
    expect(summary(wb, 3).whole).toBe(false);
    expect(sheet.getRange("C3").getValue()).toBe(85); // as the tab showed it
    // Week 4 without the record (or after a change of KRs): the tab is rewritten from History, and the edit shows.
    weekCheckins(wb, 4);
    forgetRecord(wb);
    expect(summary(wb, 4).whole).toBe(true);
    expect(sheet.getRange("C3").getValue()).toBe(70);
  });
});

describe("The Weekly Trend tab after several ordinary weeks", () => {
  const charts = (wb: Workbook) => ss(wb).getSheetByName("Weekly Summary")!.getCharts().map((c) => c.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`));

  it("equals, cell for cell, the tab a whole rewrite gives (the record cleared)", () => {
    const { wb, whole } = weekly(6);
    expect(whole).toEqual([true, false, false, false, false, false]);
    // The tab holds six weeks: O1.KR1 85..90, O2.KR2 with week 4 carried from week 3 (no check-in).
    const tr = byId(section(trendTab(wb), "Trend").rows);
    expect([1, 2, 3, 4, 5, 6].map((w) => tr.get("O1.KR1")![`Week ${w}`])).toEqual([85, 86, 87, 88, 89, 90]);
    expect([1, 2, 3, 4, 5, 6, 7].map((w) => tr.get("O2.KR2")![`Week ${w}`])).toEqual([91, 92, 90, 90, 92, 90, ""]);
    // The same tracker whose week 6 finds no record (a trigger run without document properties, say):
    // week 6 rewrites the tab whole from History.
    const rewritten = weekly(6, (book, week) => {
      if (week === 6) forgetRecord(book);
    });
    expect(rewritten.whole).toEqual([true, false, false, false, false, true]);
    expect(cells(wb)).toEqual(cells(rewritten.wb));
    expect(charts(wb)).toEqual(charts(rewritten.wb));
    expect(charts(wb).flat().every((a1) => a1.startsWith("Weekly Trend!"))).toBe(true);
  });

  // KNOWN BUG (docs/summary.md says "delete the Weekly Trend tab: the next summary makes it anew from
  // History"): the Weekly Summary's charts still draw ranges of the deleted tab, and reading their address
  // (src/server/summaryCharts.ts a1Of, range.getSheet() of a deleted tab) throws "The sheet has been
  // deleted.", so every later summary fails. `failing` until that is fixed: then make it an ordinary `it`.
  it("equals, cell for cell, the tab a whole rewrite gives (the tab deleted), and the charts draw the new tab", () => {
    const { wb } = weekly(6);
    const ordinary = cells(wb);
    const drawn = charts(wb);
    const s = ss(wb);
    s.deleteSheet(s.getSheetByName("Weekly Trend")!);
    expect(summary(wb, 6).whole).toBe(true);
    expect(cells(wb)).toEqual(ordinary);
    expect(charts(wb)).toEqual(drawn);
  });
});

describe("A KR added mid-cycle", () => {
  it("makes the next summary rewrite the tab whole with the new KR's row; the week after is ordinary again", () => {
    const { wb, whole } = weekly(4, (book, week) => {
      if (week !== 3) return;
      // Added under O3 by hand (as a user types a row), then Repair tracker gives it its formulas.
      const kr = ss(book).getSheetByName("Key Results")!;
      kr.getRange(9, 1, 1, 9).setValues([["O3.KR3", "O3", "Cut scrap from 5% to 2%", "ops.lead@example.com", "decrease", "%", 5, 2, 1]]);
      const repaired = callAddon(book, "repairTracker");
      if (!repaired.ok) throw new Error(repaired.message);
      checkIn(book, "2026-01-22", "O3.KR3", 4);
    });
    expect(whole).toEqual([true, false, true, false]);
    const t = trendTab(wb);
    const tr = section(t, "Trend");
    expect(tr.rows.map((r) => r.ID)).toEqual([...Object.keys(OPERATIONS_OWNER), "O3.KR3"]);
    const added = byId(tr.rows).get("O3.KR3")!;
    expect([added["Key result"], added["Week 2"], added["Week 3"], added["Week 4"]]).toEqual(["Cut scrap from 5% to 2%", "", 4, 4]);
    // Its row has the cycle-wide sparkline; the Chart data moved down a row, and the charts with it.
    const row = tr.at[tr.rows.length - 1] + 1;
    expect(t.formulas[row - 1][15]).toBe(`=IFERROR(SPARKLINE(C${row}:O${row},{"empty","ignore"}),"")`);
    const at = chartDataAt(t);
    expect(at.row).toBe(row + 1); // 0-based: the blank row after the last KR, then the heading
    const ranges = ss(wb).getSheetByName("Weekly Summary")!.getCharts().map((c) => c.getRanges()[0].getA1Notation());
    expect(ranges[0]).toMatch(new RegExp(`^B${at.row + 2}:O\\d+$`));
    // Week 4, ordinary again (it read weeks 1–3 back, the new KR's row with them), left the tab a whole
    // rewrite of week 4 gives (a regeneration rewrites it whole; the record cleared as well).
    const before = cells(wb);
    forgetRecord(wb);
    expect(summary(wb, 4).whole).toBe(true);
    expect(cells(wb)).toEqual(before);
  });
});

describe("A Weekly Trend written before session 12", () => {
  it("is still the add-on's by its old heading, and its next summary rewrites it with the heading that says what its weeks hold", () => {
    const { wb } = weekly(2);
    const sheet = ss(wb).getSheetByName("Weekly Trend")!;
    sheet.getRange("A1").setValue("Trend: value at the end of each week");
    forgetRecord(wb); // no record placing it: the tab is told by its heading and header row
    weekCheckins(wb, 3);
    expect(summary(wb, 3).whole).toBe(true);
    expect(sheet.getRange("A1").getValue()).toBe("Trend: each KR's value on its week's summary day");
    expect(cells(wb)).toEqual(cells(weekly(3).wb));
  });
});

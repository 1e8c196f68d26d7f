// A check-in entered days late, dated back into a week the Weekly Trend holds from the log (a week without
// History rows: the week's summary skipped), through the BUILT add-on (run `npm run build` first): the next
// summary shows it in that week, as a whole rewrite from History and the log does (trendCache.ts
// lateForTrend), and one dated back into a week History holds costs no whole rewrite.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { workbookFromSnapshot } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { cells, checkIn, START, summary, WEEK_END } from "../support/weeklyTrend";

/** The Weekly Trend's rows: the operations template's KRs from row 3, Week 1 in column C. */
const O2_KR1 = 5;
const week = (n: number) => 1 + n;

/** The same tracker without the records of its checkpoints and Weekly Trend: its summary rewrites everything from History and the whole log. */
function whole(wb: Workbook): Workbook {
  const snap = wb.services.toSnapshot();
  delete snap.documentProperties["okrSheets.trendBlock"];
  delete snap.documentProperties["okrSheets.summaryCheckpoints"];
  return workbookFromSnapshot("/nonexistent/whole.xlsx", snap, { at: WEEK_END[3], user: "ops.lead@example.com" });
}

function lastWeeks(wb: Workbook, row: number): unknown {
  return ss(wb).getSheetByName("Weekly Trend")!.getDataRange().getValues()[row][16];
}

describe("a check-in entered late, dated back into a past week", () => {
  it("a correction entered 9 days late into a skipped week: week 4 shows the corrected value in week 2, as a whole rewrite does", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    summary(wb, 1);
    checkIn(wb, "2026-01-13", "O2.KR1", 6); // week 2, whose summary nobody made
    summary(wb, 3);
    // Entered on 01-27 and dated 01-18 (the clock set back, as `okr-sheets checkin --at` does): it corrects
    // the 01-13 check-in, 6 → 5.
    setToday(wb, "2026-01-18");
    wb.services.session.setUser("quality.lead@example.com");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, confirmed: true, correct: true });
    expect(r.ok, String(r.message)).toBe(true);
    const ref = whole(wb);
    expect(summary(wb, 4).whole, "the tab rewritten whole").toBe(true);
    summary(ref, 4);
    expect(cells(wb).values[O2_KR1][week(2)]).toBe(5);
    expect(lastWeeks(wb, O2_KR1)).toBe(lastWeeks(ref, O2_KR1));
    expect(cells(wb).values).toEqual(cells(ref).values);
    const text = (w: Workbook) => ss(w).getSheetByName("Weekly Summary")!.getDataRange().getValues().map((row) => row.map((v) => (typeof v === "string" ? v.replace(/ · generated .*/, "") : v)));
    expect(text(wb)).toEqual(text(ref));
  });

  it("dated back into last week, whose History rows hold every KR: week 4 writes only its own column", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    for (const n of [1, 2, 3]) summary(wb, n);
    checkIn(wb, "2026-01-24", "O2.KR1", 5); // entered after week 3's summary, dated in week 3
    const ref = whole(wb);
    expect(summary(wb, 4).whole).toBe(false);
    summary(ref, 4);
    expect(cells(wb).values).toEqual(cells(ref).values);
  });
});

// The days each week's trend values are as of, as the Weekly Trend's record keeps them (trendBlock.ts
// one day per week) and the summary gets them back (SummaryInput.pastDays), and as the trend computes them
// (summaryPast.ts trendWeekDays: History's As of for a recorded week, else the week's last day).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { trendWeekDays } from "../../src/core/summaryPast";
import { buildSummaryData } from "../../src/core/summary";
import type { CheckinEntry, HistoryEntry, Tracker } from "../../src/core/model";
import { coreKr, coreSettings } from "../support/coreTracker";

describe("a week's day in the trend record", () => {
  const h = (week: number, asOf: string, krId: string): HistoryEntry => ({ week, asOf, krId, value: 1, score: null, status: "" });
  it("History's As of (the most common, the later on a tie), else the record's, else the week's last day; the report's week at its day", () => {
    const history = [h(1, "2026-01-05", "A"), h(1, "2026-01-05", "B"), h(1, "2026-01-06", "C"), h(2, "2026-01-13", "A"), h(2, "2026-01-12", "B"), h(3, "typed by hand", "A")];
    const cached = new Map([[3, "2026-01-19"], [4, "2026-01-26"]]);
    expect(trendWeekDays(history, "2026-01-05", 6, "2026-02-10", cached)).toEqual(["2026-01-05", "2026-01-13", "2026-01-19", "2026-01-26", "2026-02-08", "2026-02-10"]);
    // A day outside its week is clamped into it.
    expect(trendWeekDays([h(1, "2026-03-01", "A")], "2026-01-05", 2, "2026-01-13")).toEqual(["2026-01-11", "2026-01-13"]);
  });
});

describe("the trend's days", () => {
  // A KR checked in on the Thursdays of weeks 1-3; History recorded weeks 1-3 on their Mondays at 07:00.
  const tracker: Tracker = { settings: coreSettings(), objectives: [{ row: 2, id: "O1", title: "O", owner: "o@example.com", type: "committed" } as Tracker["objectives"][number]], keyResults: [coreKr(2, "O1.KR1", "increase", 0, 100, 30, "2026-01-22")] };
  const ci = (row: number, date: string, value: number): CheckinEntry => ({ row, timestamp: `${date}T09:00:00.000Z`, date, week: 0, krId: "O1.KR1", value, confidence: 6, whatChanged: "", blockers: "", nextStep: "", author: "", requestId: `r${row}` });
  const checkins = [ci(2, "2026-01-08", 10), ci(3, "2026-01-15", 20), ci(4, "2026-01-22", 30)];
  const h = (week: number, asOf: string, value: number | null): HistoryEntry => ({ week, asOf, krId: "O1.KR1", value, score: null, status: "" });
  const history = [h(1, "2026-01-05", null), h(2, "2026-01-12", 10), h(3, "2026-01-19", 20)];

  it("a recorded week is dated by History's As of, the week of the report by the report's day", () => {
    const d = buildSummaryData({ tracker, checkins, history, asOf: "2026-01-26" });
    expect(d.trend.rows[0].values).toEqual([null, 10, 20, 30]);
    expect(d.trend.rows[0].days).toEqual(["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]);
    // Points a week apart from week 2 on: a forecast (until session 12 they were dated 01-18, 01-25 and, the
    // news branch, 01-26: a line six days late).
    expect(d.forecast.krs[0].forecast.ok).toBe(true);
  });

  it("the Weekly Trend's days stand in for History's rows not read; History's As of wins; a week without either is dated at its last day", () => {
    const pastValues = new Map([["1\u0000O1.KR1", null], ["2\u0000O1.KR1", 10], ["3\u0000O1.KR1", 20]] as [string, number | null][]);
    const pastDays = new Map([[1, "2026-01-05"], [2, "2026-01-12"]]);
    const d = buildSummaryData({ tracker, checkins, history: [h(3, "2026-01-20", 20)], asOf: "2026-01-26", pastValues, pastDays });
    expect(d.trend.rows[0].days).toEqual(["2026-01-05", "2026-01-12", "2026-01-20", "2026-01-26"]);
    const noDay = buildSummaryData({ tracker, checkins, history: [h(3, "typed by hand", 20)], asOf: "2026-01-26", pastValues, pastDays: new Map() });
    expect(noDay.trend.rows[0].days).toEqual(["2026-01-11", "2026-01-18", "2026-01-25", "2026-01-26"]);
  });

  it("a week from the log (no History row) is dated at its last day", () => {
    const d = buildSummaryData({ tracker, checkins, history: [], asOf: "2026-01-26" });
    expect(d.trend.rows[0].days).toEqual(["2026-01-11", "2026-01-18", "2026-01-25", "2026-01-26"]);
  });

  it("a KR without a History row in a recorded week (added or renamed since) is computed as of that week's day, not its last", () => {
    // O1.KR2 checked in on the Thursdays too; History's weeks 1-3 have rows of O1.KR1 only.
    const kr2 = coreKr(3, "O1.KR2", "increase", 0, 100, 30, "2026-01-22");
    const t2: Tracker = { ...tracker, keyResults: tracker.keyResults.concat([kr2]) };
    const c2 = checkins.concat(checkins.map((c) => ({ ...c, row: c.row + 10, krId: "O1.KR2", requestId: `${c.requestId}b` })));
    const d = buildSummaryData({ tracker: t2, checkins: c2, history, asOf: "2026-01-26" });
    // Week 2 as of its Monday 01-12 (KR1's row): 10, from the 01-08 check-in; until the fix 20 as of 01-18.
    expect(d.trend.rows[1].values).toEqual([null, 10, 20, 30]);
    expect(d.trend.rows[1].days).toEqual(d.trend.rows[0].days);
    expect(d.trend.days).toEqual(["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]);
  });
});

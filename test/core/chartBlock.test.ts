// The Chart data block has a column per week of the cycle, whatever weeks History holds: a week typed by
// hand outside the cycle (Week 2026) must not widen it (it would have made 2,027 columns).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { chartBlock, chartData } from "../../src/core/charts";
import { buildSummary } from "../../src/core/summary";
import type { HistoryEntry, Tracker } from "../../src/core/model";

const tracker: Tracker = {
  settings: {
    cycleName: "C", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday",
    onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: true, ownerReminders: true,
  },
  objectives: [{ row: 2, id: "O1", title: "Grow", owner: "", team: "", parentId: "", type: "committed", pnlLink: "none" }],
  keyResults: [
    { row: 2, id: "O1.KR1", objectiveId: "O1", title: "KR", owner: "", metric: "increase", unit: "", start: 0, target: 10, weight: null, current: null, confidence: null, lastCheckin: null },
  ],
};
const row = (week: number, asOf: string, score: number): HistoryEntry => ({ week, asOf, krId: "O1.KR1", value: score * 10, score, status: "On track" });
const history = [row(1, "2026-01-11", 0.1), row(2, "2026-01-18", 0.2), row(2026, "2026-01-18", 0.9)];

describe("Chart data block", () => {
  it("has weeks 1..cycle across, a History week outside the cycle dropped", () => {
    const block = chartBlock(chartData(tracker, history), 13, { row: 3, column: 21 }, { row: 3, column: 12 }, "Weekly Trend");
    expect(block.width).toBe(14);
    expect(block.rows[1].map((c) => c.v)).toEqual(["Week", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(block.rows[2].slice(0, 3).map((c) => c.v)).toEqual(["O1", 0.1, 0.2]);
    expect(block.charts[0].ranges).toEqual(["U4:AH6"]);
  });

  it("is as wide as the cycle in the summary, with Week 2026 in History", () => {
    const model = buildSummary({ tracker, checkins: [], history, asOf: "2026-01-21" });
    // ID, key result, the cycle's 13 weeks, the sparkline and its text; the chart tables in the same columns.
    expect(model.block.width).toBe(17);
    expect(model.block.rows.every((r) => r.length === 17)).toBe(true);
    expect(model.charts[0].ranges[0]).toMatch(/^B\d+:O\d+$/);
  });
});

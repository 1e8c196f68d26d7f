// "Change since last week" is rounded to the 2 decimals the summary shows (summaryData.ts changeOf): the
// signed number format "+0.00;-0.00;0.00" picks its section by the stored number's sign, so a change of
// −0.003 showed as "-0.00" in the Objectives table (an explorer saw it), and +0.003 was a Biggest mover
// "+0.00".
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { buildSummary, buildSummaryData } from "../../src/core/summary";
import type { CheckinEntry, HistoryEntry, Tracker } from "../../src/core/model";
import { coreKr, coreSettings } from "../support/coreTracker";

describe("the change since last week", () => {
  const tracker: Tracker = {
    settings: coreSettings(),
    objectives: [{ row: 2, id: "O1", title: "O", owner: "o@example.com", type: "committed" } as Tracker["objectives"][number]],
    keyResults: [coreKr(2, "O1.KR1", "increase", 0, 100, 30, "2026-01-22")],
  };
  const checkins: CheckinEntry[] = [{ row: 2, timestamp: "2026-01-20T09:00:00.000Z", date: "2026-01-20", week: 0, krId: "O1.KR1", value: 30, confidence: 6, whatChanged: "", blockers: "", nextStep: "", author: "", requestId: "r2" }];
  const asOf = "2026-01-26";
  const now = buildSummaryData({ tracker, checkins, history: [], asOf }).krs[0].score as number;
  const history = (score: number): HistoryEntry[] => [{ week: 3, asOf: "2026-01-19", krId: "O1.KR1", value: 30, score, status: "On track" }];
  const withLastWeek = (score: number) => buildSummaryData({ tracker, checkins, history: history(score), asOf });

  it("a change that shows as 0.00 is 0 (never −0), for the objective and the KR, and is no mover", () => {
    for (const lw of [now + 0.003, now - 0.003]) {
      const d = withLastWeek(lw);
      expect(Object.is(d.objectives[0].change, 0), `objective change for last week ${lw}: ${d.objectives[0].change}`).toBe(true);
      expect(Object.is(d.krs[0].change, 0), `KR change for last week ${lw}: ${d.krs[0].change}`).toBe(true);
      expect(d.movers.up.length + d.movers.down.length).toBe(0);
    }
  });

  it("a change is the 2 decimals shown, and moves when they do", () => {
    const d = withLastWeek(now + 0.0149);
    expect(d.objectives[0].change).toBe(-0.01);
    expect(d.krs[0].change).toBe(-0.01);
    expect(d.movers.down.map((m) => m.change)).toEqual([-0.01]);
  });

  it("the Objectives table's Change cell holds 0, which its signed format shows as 0.00, not -0.00", () => {
    const m = buildSummary({ tracker, checkins, history: history(now + 0.003), asOf });
    const row = m.rows.find((r) => r[0]?.v === "O1" && r[1]?.v === "O")!;
    const cell = row.find((c) => c.fmt === "+0.00;-0.00;0.00")!;
    expect(Object.is(cell.v, 0)).toBe(true);
  });
});

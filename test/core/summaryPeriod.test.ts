// The check-in period of a summary (docs/summary.md#week-and-period): the 7 days (14 fortnightly) up to the
// as-of day, never starting before the cycle's first day, on which no check-in can be dated.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { buildSummary } from "../../src/core/summary";
import { periodStartOf } from "../../src/core/summaryAsOf";
import { addDays, cycleLastDay } from "../../src/core/dates";
import { coreKr, coreSettings } from "../support/coreTracker";
import type { CheckinEntry, Objective, Tracker } from "../../src/core/model";

const START = "2026-01-05"; // the fixture's cycle start

function tracker(cadence: "weekly" | "fortnightly" = "weekly"): Tracker {
  const o: Objective = { row: 2, id: "O1", title: "Ship", owner: "a@example.com", team: "", parentId: "", type: "committed", pnlLink: "none" };
  return { settings: coreSettings({ cadence }), objectives: [o], keyResults: [coreKr(2, "O1.KR1", "increase", 0, 10, null, ""), coreKr(3, "O1.KR2", "increase", 0, 10, null, "")] };
}
const checkins: CheckinEntry[] = [
  { row: 2, timestamp: "2026-01-06T10:00:00Z", date: "2026-01-06", week: 1, krId: "O1.KR1", value: 2, confidence: 7, whatChanged: "", blockers: "", nextStep: "", author: "a@example.com", requestId: "req-1-aaaa" },
];

const texts = (rows: { v: unknown }[][]) => rows.flat().map((c) => String(c.v ?? ""));

describe("the check-in period in week 1", () => {
  it("starts on the cycle's first day, in the data and in the tab's words", () => {
    const m = buildSummary({ tracker: tracker(), checkins, history: [], asOf: "2026-01-07" });
    expect(m.data.periodStart).toBe(START);
    const t = texts(m.rows);
    expect(t).toContain("Missing check-ins: no check-in from 2026-01-05 to 2026-01-07");
    expect(t.some((x) => x.includes("2026-01-01"))).toBe(false);
  });
  it("fortnightly: week 2 looks back to the start, not 14 days", () => {
    const t = tracker("fortnightly");
    expect(buildSummary({ tracker: t, checkins, history: [], asOf: "2026-01-15" }).data.periodStart).toBe(START);
    expect(periodStartOf(t.settings, "2026-01-18")).toBe(START);
    expect(periodStartOf(t.settings, "2026-01-19")).toBe("2026-01-06");
  });
  it("from the second week on, the full 7 days", () => {
    const s = coreSettings();
    expect(periodStartOf(s, "2026-01-11")).toBe(START);
    expect(periodStartOf(s, "2026-01-12")).toBe("2026-01-06");
  });
  it("for every day of the cycle and after it: the later of the start and the period's first day, no later than the last period's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 160 }), fc.constantFrom("weekly", "fortnightly"), (d, cadence) => {
        const s = coreSettings({ cadence });
        const asOf = addDays(START, d);
        const back = cadence === "fortnightly" ? 13 : 6;
        const first = addDays(asOf, -back);
        const lastPeriod = addDays(cycleLastDay(START, s.weeks), -back);
        const got = periodStartOf(s, asOf);
        expect(got).toBe(first < START ? START : first > lastPeriod ? lastPeriod : first);
        expect(got <= asOf).toBe(true);
      }),
    );
  });
});

describe("the check-in period after the cycle's last day", () => {
  // The check-in due is the last week's, made in it or in the week after (check-ins close a week after the
  // last day): the period keeps the last week's days, and none after them is due.
  it("starts on the last period's first day, however late the summary", () => {
    const s = coreSettings();
    expect(cycleLastDay(START, s.weeks)).toBe("2026-04-05");
    expect(periodStartOf(s, "2026-04-05")).toBe("2026-03-30");
    expect(periodStartOf(s, "2026-04-06")).toBe("2026-03-30");
    expect(periodStartOf(s, "2026-05-20")).toBe("2026-03-30");
    expect(periodStartOf(coreSettings({ cadence: "fortnightly" }), "2026-04-13")).toBe("2026-03-23");
  });
  it("counts a KR checked in in the last week or the week after as checked in", () => {
    const last: CheckinEntry[] = [
      { ...checkins[0], row: 2, date: "2026-04-02", week: 13, krId: "O1.KR1", requestId: "req-2-aaaa" },
      { ...checkins[0], row: 3, date: "2026-04-08", week: 13, krId: "O1.KR2", requestId: "req-3-aaaa" },
    ];
    const m = buildSummary({ tracker: tracker(), checkins: last, history: [], asOf: "2026-04-20" });
    expect(m.data.missing).toEqual([]);
    expect(m.data.checkinRate).toMatchObject({ checkedIn: 2, total: 2 });
    expect(texts(m.rows)).toContain("Missing check-ins: no check-in from 2026-03-30 to 2026-04-20");
  });
});

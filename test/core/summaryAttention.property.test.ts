// Needs attention names every KR the forecast says will miss (docs/summary.md, "Needs attention"), whatever
// the check-ins: a property over random weekly values of each metric, committed and aspirational, any week.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { buildSummaryData } from "../../src/core/summary";
import type { CheckinEntry, KeyResult, Tracker } from "../../src/core/model";
import { addDays } from "../../src/core/dates";
import { STATUS } from "../../src/core/tabs";

const START = "2026-01-05";

function kr(row: number, id: string, metric: KeyResult["metric"], start: number, target: number): KeyResult {
  return { row, id, objectiveId: id.split(".")[0], title: `KR ${id}`, owner: "a@example.com", metric, unit: "", start, target, weight: null, current: null, confidence: null, lastCheckin: null };
}

function tracker(): Tracker {
  return {
    settings: {
      cycleName: "C", startDate: START, weeks: 13, cadence: "weekly", weekday: "Monday",
      onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    },
    objectives: [
      { row: 2, id: "O1", title: "One", owner: "a@example.com", team: "", parentId: "", type: "committed", pnlLink: "none" },
      { row: 3, id: "O2", title: "Two", owner: "a@example.com", team: "", parentId: "", type: "aspirational", pnlLink: "none" },
    ],
    keyResults: [
      kr(2, "O1.KR1", "increase", 0, 100),
      kr(3, "O1.KR2", "decrease", 100, 0),
      kr(4, "O1.KR3", "stay_above", 50, 50),
      kr(5, "O2.KR1", "increase", 0, 100),
      kr(6, "O2.KR2", "milestone", 0, 1),
    ],
  };
}

/** Per KR, a value (0..100; a milestone's /100) or none for each of weeks 1..12, checked in mid-week. */
const weekly = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 12, maxLength: 12 }), { minLength: 5, maxLength: 5 });

describe("Needs attention and the forecast, for all check-ins", () => {
  it("lists every KR forecast to miss, with its words; every other row is off track or at risk; off track, at risk, then the forecast's order", () => {
    fc.assert(
      fc.property(weekly, fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 6 }), (values, week, dayInWeek) => {
        const t = tracker();
        const checkins: CheckinEntry[] = [];
        values.forEach((vs, i) => {
          const k = t.keyResults[i];
          vs.forEach((v, w) => {
            if (v === null) return;
            const date = addDays(START, 7 * w + 3);
            const row = checkins.length + 2;
            const value = k.metric === "milestone" ? v / 100 : v;
            checkins.push({ row, timestamp: `${date}T10:00:00Z`, date, week: w + 1, krId: k.id, value, confidence: 7, whatChanged: "", blockers: "", nextStep: "", author: "a@example.com", requestId: `req-${row}-aaaa` });
          });
        });
        const asOf = addDays(START, 7 * (week - 1) + dayInWeek);
        const d = buildSummaryData({ tracker: t, checkins, history: [], asOf });
        const ids = d.attention.map((k) => k.id);
        const below = d.forecast.below.map((k) => k.id);
        expect(new Set(ids).size, "no KR twice").toBe(ids.length);
        for (const id of below) expect(ids, `${asOf}: ${id} is forecast to miss`).toContain(id);
        for (const k of d.attention) {
          const listedFor = k.status === STATUS.offTrack || k.status === STATUS.atRisk || below.includes(k.id);
          expect(listedFor, `${asOf}: ${k.id} ${k.status}`).toBe(true);
          expect(k.forecastMiss.startsWith("Forecast to miss: "), `${asOf}: ${k.id}`).toBe(below.includes(k.id));
        }
        const rank = (s: string) => (s === STATUS.offTrack ? 0 : s === STATUS.atRisk ? 1 : 2);
        const ranks = d.attention.map((k) => rank(k.status));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(d.attention.filter((k) => rank(k.status) === 2).map((k) => k.id)).toEqual(below.filter((id) => rank(d.krs.find((k) => k.id === id)!.status) === 2));
        // Every off track and at risk KR is still listed, as before.
        expect(ids.filter((id) => rank(d.krs.find((k) => k.id === id)!.status) < 2).length).toBe(d.krs.filter((k) => rank(k.status) < 2).length);
      }),
      { numRuns: 150 },
    );
  });
});

// Rules the forecast keeps for every input (docs/forecast.md): its bounds, its direction, and that a report
// made without a new check-in forecasts what the last check-in did.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { forecastKr, theilSen, type ForecastPoint } from "../../src/core/forecast";
import { buildReportForecast, forecastPoints, weekValuesFromCheckins } from "../../src/core/summaryForecast";
import { coreKr, coreSettings } from "../support/coreTracker";
import type { Tracker } from "../../src/core/model";
import { statusFromGap } from "../../src/core/scoring";

const START = "2027-01-04"; // a Monday; 13 weeks: last day 2027-04-04
const CYCLE = { startDate: START, weeks: 13 };

/** Points at the end of weeks 1..n. */
const pts = (values: number[]): ForecastPoint[] => values.map((value, i) => ({ day: addDays(START, 7 * i + 6), value }));
/** Values as typed: tenths from 0 to 100 (subnormal doubles would test float rounding, not the rule). */
const value = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
const metrics = fc.constantFrom("increase", "decrease", "stay_above", "stay_below");

describe("forecast bounds", () => {
  it("a % KR that has never been outside 0-100 is forecast within 0-100; another unit keeps the line", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 12 }), value, value, metrics, (values, start, target, metric) => {
        fc.pre(metric.startsWith("stay") || start !== target);
        const f = forecastKr({ metric, start, target, unit: "%" }, pts(values), CYCLE);
        return f.ok && f.value >= 0 && f.value <= 100;
      }),
    );
    // On-time delivery 86 → 89 → 92: the line reaches 122 by the last day.
    expect(forecastKr({ metric: "increase", start: 82, target: 95, unit: "%" }, pts([86, 89, 92]), CYCLE)).toMatchObject({ value: 100, score: 1 });
    expect(forecastKr({ metric: "increase", start: 82, target: 95, unit: "EUR" }, pts([86, 89, 92]), CYCLE)).toMatchObject({ value: 122 });
    // A growth rate that has been above 100% keeps the line.
    const growth = forecastKr({ metric: "increase", start: 90, target: 150, unit: "%" }, pts([100, 110, 120]), CYCLE);
    expect(growth.ok && growth.value).toBeCloseTo(220, 9);
  });
});

describe("forecast direction", () => {
  // The forecast is the median over the points of (value + slope × days to the end), and every pairwise
  // slope through the latest point grows with it: a better latest value can only raise the forecast.
  it("property: a better latest value never gives a worse forecast score (the others unchanged)", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 0, max: 500 }).map((x) => x / 10),
        value,
        value,
        metrics,
        fc.constantFrom("%", "days", ""),
        (values, better, start, target, metric, unit) => {
          const up = metric === "increase" || metric === "stay_above";
          fc.pre(metric.startsWith("stay") || (up ? target > start : target < start));
          const kr = { metric, start, target, unit };
          const improved = values.slice(0, -1).concat(values[values.length - 1] + (up ? better : -better));
          const a = forecastKr(kr, pts(values), CYCLE);
          const b = forecastKr(kr, pts(improved), CYCLE);
          return a.ok && b.ok && b.score >= a.score - 1e-12 && (up ? b.value >= a.value - 1e-9 : b.value <= a.value + 1e-9);
        },
      ),
    );
  });

  it("property: a KR whose weekly values never fall is forecast at least at their median (never rise: at most)", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 12 }), fc.boolean(), (raw, rising) => {
        const values = raw.slice().sort((a, b) => (rising ? a - b : b - a));
        const f = forecastKr({ metric: "increase", start: 0, target: 1000 }, pts(values), CYCLE);
        const s = values.slice().sort((a, b) => a - b);
        const n = s.length;
        const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return f.ok && (rising ? f.value >= median - 1e-9 : f.value <= median + 1e-9);
      }),
    );
  });
});

describe("three weeks of check-ins", () => {
  it("points of three different weeks are enough; a repeat of week 1's value a day later is no third point", () => {
    // Session 11's case: week 1's value at its end, the same value as History recorded it on Monday of week 2,
    // and week 2's check-in as of Monday of week 3. Dated at their days, the repeat is left out: two points.
    const values = [6.6, 6.6, 6.9];
    const points = forecastPoints(values, START, addDays(START, 14), addDays(START, 10), [null, addDays(START, 7)]);
    expect(points).toEqual([
      { day: addDays(START, 6), value: 6.6 },
      { day: addDays(START, 14), value: 6.9 },
    ]);
    const rework = { metric: "decrease", start: 6.5, target: 3, unit: "%" };
    expect(forecastKr(rework, points, CYCLE)).toEqual({ ok: false, reason: "not enough check-ins to forecast yet" });
    // Three check-ins of three weeks, the last on its week's first day: 8 days from the first (until session
    // 12 a 14-day span was needed, and this had none).
    expect(forecastKr(rework, [6, 13, 14].map((d, i) => ({ day: addDays(START, d), value: [6.6, 6.9, 7.1][i] })), CYCLE).ok).toBe(true);
    expect(forecastKr(rework, [6, 13].map((d, i) => ({ day: addDays(START, d), value: [6.6, 6.9][i] })).concat({ day: addDays(START, 13), value: 7.1 }), CYCLE).ok).toBe(false);
  });
});

describe("forecast points", () => {
  // Check-ins on random days of weeks 1-9 with random values; the check-in's forecast (as of its day) and a
  // report's on any later day before a week has passed without a check-in use the same points.
  it("property: no new check-in, no new forecast, until a whole week passes without one", () => {
    const checkin = fc.record({ day: fc.integer({ min: 0, max: 62 }), value: fc.double({ min: 0, max: 100, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(checkin, { minLength: 1, maxLength: 15 }), fc.integer({ min: 0, max: 13 }), (raw, later) => {
        const entries = raw.map((c, i) => ({ date: addDays(START, c.day), value: c.value, row: i + 2 }));
        const last = entries.reduce((d, e) => (e.date > d ? e.date : d), entries[0].date);
        const lastDay = raw.reduce((d, c) => Math.max(d, c.day), 0);
        const report = addDays(START, lastDay + later);
        // The week after the check-in's week is over: it is a week without a check-in, and counts as no change.
        fc.pre(lastDay + later < (Math.floor(lastDay / 7) + 2) * 7 - 1);
        const atCheckin = forecastPoints(weekValuesFromCheckins(entries, START, last), START, last, last);
        const atReport = forecastPoints(weekValuesFromCheckins(entries, START, report), START, report, last);
        expect(atReport).toEqual(atCheckin);
      }),
    );
  });

  it("a week that is over counts, carried, when it had no check-in; the week not over only with one", () => {
    const values = [10, 12, 12, 12];
    // As of Monday of week 4 (no check-in since week 2's): weeks 1-3 count, week 3 carried; week 4 not yet.
    expect(forecastPoints(values, START, addDays(START, 21), addDays(START, 10)).map((p) => p.value)).toEqual([10, 12, 12]);
    // A summary on Monday of week 4 whose History recorded weeks 1-3 on their Mondays, before each week's
    // check-in: each value on the day it is as of (until session 12 on the weeks' last days, six days late),
    // and week 4's so far on the report's day, a week after week 3's.
    expect(forecastPoints([10, 11, 12, 13], START, addDays(START, 21), addDays(START, 17), [0, 7, 14].map((d) => addDays(START, d)))).toEqual([
      { day: addDays(START, 0), value: 10 },
      { day: addDays(START, 7), value: 11 },
      { day: addDays(START, 14), value: 12 },
      { day: addDays(START, 21), value: 13 },
    ]);
    // History's As of is kept within its week (a hand-typed date outside it), and week 4 on a Thursday report
    // is on its own day, later than a week after week 3's.
    expect(forecastPoints([10, 11, 12, 13], START, addDays(START, 24), addDays(START, 24), ["2020-01-01", addDays(START, 30), addDays(START, 14)]).map((p) => p.day)).toEqual(
      [0, 13, 14, 24].map((d) => addDays(START, d)),
    );
    // With a check-in in week 4 and the weeks before from the log at their last days, its point is where
    // theirs are: the week's last day.
    expect(forecastPoints(values, START, addDays(START, 22), addDays(START, 22)).map((p) => p.day)).toEqual([6, 13, 20, 27].map((d) => addDays(START, d)));
  });
});

describe("late in the cycle", () => {
  // The week-four simulation's on-time rate: rising to 89 by week 5, then stalled around 89.5 (docs/forecast.md).
  const stalled = [83.1, 85.0, 86.2, 88.1, 88.9, 89.4, 89.0, 89.6, 89.2, 89.8, 89.5, 89.9];
  const kr = { metric: "increase", start: 82, target: 95, unit: "%" };

  it("a KR stalled for weeks is forecast near where it stands with a week to go, not where its first weeks pointed", () => {
    const f = forecastKr(kr, pts(stalled), CYCLE);
    // The line through all twelve weeks ends at 91.08 (until session 11 the forecast); the KR stands at 89.9,
    // and the line's pace (0.4 a week, its first weeks in it) adds about that for the week left.
    expect(f.ok && f.value).toBeGreaterThan(89.9);
    expect(f.ok && f.value).toBeLessThan(90.5);
  });

  it("property: it lies between the line's end value and the latest value carried at the line's pace, nearer the latter as the cycle goes on", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 12 }), (values) => {
        const f = forecastKr({ metric: "increase", start: -1, target: 1000 }, pts(values), CYCLE); // start < 0: no floor
        const xs = values.map((_, i) => 7 * i + 6);
        const t = theilSen(xs, values)!;
        const xLast = xs[xs.length - 1];
        const line = t.intercept + t.slope * 90;
        const fromLatest = values[values.length - 1] + t.slope * (90 - xLast);
        const eps = 1e-9 * Math.max(1, Math.abs(line), Math.abs(fromLatest));
        return (
          f.ok &&
          f.value >= Math.min(line, fromLatest) - eps &&
          f.value <= Math.max(line, fromLatest) + eps &&
          Math.abs(f.value - fromLatest) <= (1 - xLast / 90) * Math.abs(line - fromLatest) + eps
        );
      }),
    );
  });
});

describe("the Forecast section's tolerance", () => {
  // Three increase KRs 0 → 100 checked in weeks 1-3 on lines ending at 95, 90 and 85 (scores 0.95, 0.90, 0.85).
  function listed(onTrackGap: number): string[] {
    const ends = { "O1.KR1": 95, "O1.KR2": 90, "O1.KR3": 85 };
    const tracker: Tracker = {
      settings: coreSettings({ onTrackGap }),
      objectives: [{ row: 2, id: "O1", title: "O", owner: "", team: "", parentId: "", type: "committed", pnlLink: "none" }],
      keyResults: Object.keys(ends).map((id, i) => coreKr(i + 2, id, "increase", 0, 100, null, "2026-01-22")),
    };
    // Week w's end (day 7w − 1) on the line end × day / 90.
    const weekValues = new Map(Object.entries(ends).map(([id, end]) => [id, [6, 13, 20].map((d) => (end * d) / 90)] as [string, number[]]));
    const f = buildReportForecast({ tracker, asOf: "2026-01-25", weekValues, statuses: new Map(), checkinValues: new Map() });
    expect(f.krs.map((k) => k.forecast.ok && Math.round(k.forecast.score * 100) / 100)).toEqual([0.95, 0.9, 0.85]);
    return f.below.map((k) => k.id);
  }

  it("lists a KR only when its forecast falls short of the goal by more than the on-track gap", () => {
    // Until session 11 any shortfall listed it: a KR forecast around its target came and went week after week.
    expect(listed(0.1)).toEqual(["O1.KR3"]);
    // KR1's 0.95 is 0.05 short of 1 (0.050000000000000044 in floating point): within a gap of 0.05, for its
    // status as for the sheet's formula, which round the gap to 9 decimals (the next test).
    expect(listed(0.05)).toEqual(["O1.KR3", "O1.KR2"]);
    expect(listed(0.06)).toEqual(["O1.KR3", "O1.KR2"]);
    expect(listed(0)).toEqual(["O1.KR3", "O1.KR2", "O1.KR1"]);
  });
  /** One increase KR 0 → 100 of a committed or aspirational objective, flat at `v` in weeks 1-3: listed, and its forecast score. */
  function flatAt(v: number, type: "committed" | "aspirational", aspirationalGoal: number, onTrackGap: number) {
    const tracker: Tracker = {
      settings: coreSettings({ onTrackGap, atRiskGap: Math.max(onTrackGap, 0.25), aspirationalGoal }),
      objectives: [{ row: 2, id: "O1", title: "O", owner: "", team: "", parentId: "", type, pnlLink: "none" }],
      keyResults: [coreKr(2, "O1.KR1", "increase", 0, 100, null, "2026-01-22")],
    };
    const f = buildReportForecast({ tracker, asOf: "2026-01-25", weekValues: new Map([["O1.KR1", [v, v, v]]]), statuses: new Map(), checkinValues: new Map() });
    const k = f.krs[0];
    return { listed: f.below.length === 1, score: k.forecast.ok ? k.forecast.score : NaN, goal: k.goal };
  }

  it("is the status's own gap rule: a forecast score the status calls On track against the goal is on course, and no other", () => {
    // Goal 0.8 (aspirational), forecast 70 of 100: 0.8 − 0.7 is 0.1 (0.10000000000000009 in floating point),
    // within the gap of 0.1 for the status and the sheet's formula, which round the gap to 9 decimals: on course.
    const k = flatAt(70, "aspirational", 0.8, 0.1);
    expect(statusFromGap(k.score, k.goal, 0.1, 0.25)).toBe("On track");
    expect(k.listed).toBe(false);
    // 0.699 short of 0.8 by more than the gap: listed.
    expect(flatAt(69.9, "aspirational", 0.8, 0.1).listed).toBe(true);
    // Goal 1 (committed), forecast 90: 1 − 0.9 is 0.09999999999999998, within the gap for both.
    expect(flatAt(90, "committed", 0.8, 0.1).listed).toBe(false);

    // Near the border (goal − gap, give or take a little) as well as anywhere.
    const gap = fc.integer({ min: 0, max: 50 }).map((x) => x / 100);
    const goal = fc.integer({ min: 50, max: 100 }).map((x) => x / 100);
    fc.assert(
      fc.property(gap, goal, fc.constantFrom("committed", "aspirational") as fc.Arbitrary<"committed" | "aspirational">, fc.oneof(fc.constant(0), fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), value.map((x) => x / 100 - 0.5)), (onTrackGap, aspirationalGoal, type, delta) => {
        const g = type === "committed" ? 1 : aspirationalGoal;
        const v = 100 * (g - onTrackGap + delta);
        fc.pre(v >= 0 && v <= 100);
        const k = flatAt(v, type, aspirationalGoal, onTrackGap);
        return k.listed === (statusFromGap(k.score, k.goal, onTrackGap, 1) !== "On track");
      }),
      { numRuns: 500 },
    );
  });
});

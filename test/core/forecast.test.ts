import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import {
  NOT_ENOUGH,
  NOT_ENOUGH_WEEKS,
  NOT_FOR_MILESTONES,
  forecastKr,
  krAsShown,
  percentShown,
  leastSquares,
  theilSen,
  type ForecastPoint,
} from "../../src/core/forecast";
import { atThisPaceLine, forecastLine, forecastWhy, type WhyInput } from "../../src/core/forecastWords";
import { forecastPoints, forecastRows } from "../../src/core/summaryForecast";

const START = "2027-01-04"; // a Monday; 13 weeks: last day 2027-04-04
const CYCLE = { startDate: START, weeks: 13 };
const LAST_X = 7 * 13 - 1;

/** Points at the end of weeks 1..n (day 6, 13, ...) with the given values. */
function pts(values: number[]): ForecastPoint[] {
  return values.map((value, i) => ({ day: addDays(START, 7 * i + 6), value }));
}

describe("theilSen", () => {
  it("is the median of pairwise slopes, intercept the median of y − slope·x", () => {
    expect(theilSen([0, 1, 2, 3, 4], [0, 1, 2, 3, 40])).toEqual({ slope: 1, intercept: 0 });
    expect(theilSen([1, 1], [2, 3])).toBe(null);
  });
});

describe("forecastKr", () => {
  it("needs at least 3 points", () => {
    const kr = { metric: "increase", start: 0, target: 100 };
    expect(forecastKr(kr, pts([10, 20]), CYCLE)).toEqual({ ok: false, reason: NOT_ENOUGH });
    expect(forecastKr(kr, [], CYCLE)).toEqual({ ok: false, reason: NOT_ENOUGH });
    expect(forecastKr(kr, pts([10, 20, 30]), CYCLE).ok).toBe(true);
  });

  it("does not forecast milestones or KRs with a setup error", () => {
    expect(forecastKr({ metric: "milestone", start: 0, target: 1 }, pts([0.1, 0.2, 0.3]), CYCLE)).toEqual({ ok: false, reason: NOT_FOR_MILESTONES });
    expect(forecastKr({ metric: "increase", start: 5, target: 5 }, pts([1, 2, 3]), CYCLE).ok).toBe(false);
    expect(forecastKr({ metric: "bogus", start: 0, target: 5 }, pts([1, 2, 3]), CYCLE).ok).toBe(false);
    expect(forecastKr({ metric: "stay_above", start: null, target: null }, pts([1, 2, 3]), CYCLE).ok).toBe(false);
  });

  it("projects to the cycle's last day and scores with the KR's rule", () => {
    // +1 per day from 0 at day 0: the last day (x = 90) is 90.
    const points = [6, 13, 20].map((x) => ({ day: addDays(START, x), value: x }));
    const f = forecastKr({ metric: "increase", start: 0, target: 180 }, points, CYCLE);
    expect(f).toEqual({ ok: true, value: LAST_X, score: 0.5, weeksToTarget: (180 - 20) / 7, slopePerWeek: 7, latest: 20, weeksLeft: 10, endDay: "2027-04-04", points: 3 });
    expect(forecastLine(f, "%")).toBe("At this pace: 90% by 2027-04-04 — score 0.50");
    expect(forecastLine(f, "days")).toBe("At this pace: 90 days by 2027-04-04 — score 0.50");
    expect(forecastLine({ ok: true, value: 91.456, score: 0.7312, endDay: "2027-04-04" }, "%", ",")).toBe("At this pace: 91,46% by 2027-04-04 — score 0,73");
    expect(forecastLine(forecastKr({ metric: "increase", start: 0, target: 1 }, [], CYCLE), "")).toBe(`At this pace: ${NOT_ENOUGH}`);
    // With what it ends against, in the words of the This week line's "O2.KR1 at 9.6% (target 3%)".
    expect(forecastLine({ ok: true, value: 9.6, score: 0, endDay: "2026-04-05", goal: { value: 3, word: "target" } }, "%")).toBe("At this pace: 9.6% by 2026-04-05 (target 3%) — score 0.00");
    expect(forecastLine({ ok: true, value: 38.8, score: 0.5333, endDay: "2026-04-05", goal: { value: 37.8, word: "goal" } }, "EUR", ",")).toBe("At this pace: 38,80 EUR by 2026-04-05 (goal 37,80 EUR) — score 0,53");
  });

  it("a fraction-% KR as its cells show it: × 100 without float noise, capped at 100 as the whole-number KR", () => {
    const kr = { metric: "increase", unit: "%", start: 0.82, target: 0.95, current: 0.07, percentCells: true };
    expect(krAsShown(kr)).toEqual({ ...kr, start: 82, target: 95, current: 7 }); // 0.07 × 100 is 7.000000000000001
    const plain = { metric: "increase", start: 0.8, target: 0.3 };
    expect(krAsShown(plain)).toBe(plain);
    // 86%, 89%, 92% on Sundays of weeks 1-3: the line reaches 122 by the cycle's last day.
    const points = (xs: number[]) => xs.map((value, i) => ({ day: addDays(START, 7 * i + 6), value }));
    const whole = forecastKr(krAsShown(kr), points([86, 89, 92]), CYCLE);
    const fraction = forecastKr(krAsShown(kr), points([0.86, 0.89, 0.92].map(percentShown)), CYCLE);
    expect(fraction).toEqual(whole);
    expect(whole).toMatchObject({ ok: true, value: 100, score: 1 });
    // Until session 11 the fractions were forecast as they are: 1.22, never capped (the ceiling is 100).
    expect(forecastKr(kr, points([0.86, 0.89, 0.92]), CYCLE)).toMatchObject({ ok: true, value: expect.closeTo(1.22, 9) });
  });

  it("decreasing metrics: a falling trend scores, a rising one points away", () => {
    const falling = forecastKr({ metric: "decrease", start: 100, target: 0 }, pts([90, 80, 70]), CYCLE);
    if (!falling.ok) throw new Error("expected a forecast");
    expect(falling.slopePerWeek).toBeCloseTo(-10, 9);
    // The line ends at 100 − 10/7 × 91 = −30, below what a KR that was never negative can reach: it stops at 0.
    expect(falling.value).toBe(0);
    expect(falling.score).toBe(1);
    expect(falling.weeksToTarget as number).toBeCloseTo(7, 9);
    const rising = forecastKr({ metric: "decrease", start: 100, target: 0 }, pts([90, 95, 100]), CYCLE);
    if (!rising.ok) throw new Error("expected a forecast");
    expect(rising.score).toBe(0);
    expect(rising.weeksToTarget).toBe(null);
  });

  it("stay types score the projected value against the threshold", () => {
    const drifting = forecastKr({ metric: "stay_above", start: null, target: 95 }, pts([99, 98, 97]), CYCLE);
    if (!drifting.ok) throw new Error("expected a forecast");
    expect(drifting.score).toBe(0); // ends near 87 < 95
    expect(drifting.weeksToTarget).toBe(0); // the latest value still meets it
    const below = forecastKr({ metric: "stay_below", start: null, target: 2 }, pts([5, 4, 3]), CYCLE);
    if (!below.ok) throw new Error("expected a forecast");
    expect(below.score).toBe(1);
    expect(below.weeksToTarget as number).toBeCloseTo(1, 9);
    const away = forecastKr({ metric: "stay_below", start: null, target: 2 }, pts([3, 4, 5]), CYCLE);
    expect(away.ok && away.weeksToTarget).toBe(null);
  });

  it("on the cycle's last day the KR has landed: the forecast is its value there, not the trend's", () => {
    // Cycle time 12 → 8: worse for four weeks, then better; the trend line ends near 10.8 while the KR ended at 10.
    const values = [12, 12.5, 12.5, 13, 13.2, 13, 12.8, 12.5, 12, 11.5, 11, 10.5, 10];
    const kr = { metric: "decrease", start: 12, target: 8 };
    const atEnd = forecastKr(kr, pts(values), CYCLE); // week 13's point is the last day
    expect(atEnd.ok && [atEnd.value, atEnd.score]).toEqual([10, 0.5]);
    // A day before, it is still a projection.
    const before = pts(values);
    before[12] = { day: addDays(START, LAST_X - 1), value: 10 };
    const projected = forecastKr(kr, before, CYCLE);
    expect(projected.ok && projected.value).not.toBe(10);
  });

  it("property: with a point on the cycle's last day the forecast is that point, scored by the KR's rule", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.constantFrom("increase", "decrease", "stay_above", "stay_below"),
        (before, last, metric) => {
          const points = pts(before).concat([{ day: addDays(START, LAST_X), value: last }]);
          const f = forecastKr({ metric, start: 0, target: 100 }, points, CYCLE);
          return f.ok && f.value === last;
        },
      ),
    );
  });

  it("property: a KR that has never been below 0 (start, target, every point ≥ 0) is never forecast below 0; it reaches 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.constantFrom("increase", "decrease", "stay_above", "stay_below"),
        (values, start, target, metric) => {
          fc.pre(metric.startsWith("stay") || start !== target);
          const f = forecastKr({ metric, start, target }, pts(values), CYCLE);
          return f.ok && f.value >= 0;
        },
      ),
    );
    // A rework rate falling 6 → 4 → 2 points a week heads below 0: the forecast says it reaches 0 (score 1).
    const rate = forecastKr({ metric: "decrease", start: 6.5, target: 3 }, pts([6, 4, 2]), CYCLE);
    expect(rate).toMatchObject({ ok: true, value: 0, score: 1 });
    // A balance that has been negative keeps the line's value.
    const balance = forecastKr({ metric: "increase", start: -5, target: 10 }, pts([-4, -6, -8]), CYCLE);
    expect(balance.ok && balance.value).toBeLessThan(-8);
  });

  it("weeks to target: 0 once met, blank when the trend is flat", () => {
    const met = forecastKr({ metric: "increase", start: 0, target: 10 }, pts([5, 8, 12]), CYCLE);
    expect(met.ok && met.weeksToTarget).toBe(0);
    const flat = forecastKr({ metric: "increase", start: 0, target: 10 }, pts([5, 5, 5]), CYCLE);
    expect(flat.ok && flat.weeksToTarget).toBe(null);
  });

  it("property: a perfectly linear series is forecast exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 13 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (n, a, b) => {
          const points = Array.from({ length: n }, (_, i) => ({ day: addDays(START, 7 * i + 6), value: a + b * (7 * i + 6) }));
          const f = forecastKr({ metric: "increase", start: -1e6, target: 1e6 }, points, CYCLE);
          if (!f.ok) return false;
          const exact = a + b * LAST_X;
          return Math.abs(f.value - exact) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b) * LAST_X);
        },
      ),
    );
  });

  // From 5 points on, one bad week corrupts fewer than half of the pairwise slopes, so the median holds.
  it("property: one outlier week moves the forecast less than least squares would", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 13 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.nat(),
        fc.double({ min: 50, max: 10000, noNaN: true }),
        fc.boolean(),
        (n, a, b, at, size, up) => {
          const xs = Array.from({ length: n }, (_, i) => 7 * i + 6);
          const ys = xs.map((x) => a + b * x);
          const k = at % n;
          const bad = ys.slice();
          bad[k] += up ? size : -size;
          const exact = a + b * LAST_X;
          const ts = theilSen(xs, bad)!;
          const ls = leastSquares(xs, bad)!;
          const tsErr = Math.abs(ts.intercept + ts.slope * LAST_X - exact);
          const lsErr = Math.abs(ls.intercept + ls.slope * LAST_X - exact);
          return tsErr < lsErr;
        },
      ),
    );
  });
});

describe("forecastWhy", () => {
  /** The rework rate of the operations pilot: 7.1% rising, target 3% (a decrease KR), 10 weeks left. */
  const why = (unit: string, slopePerWeek: number, sep: "." | "," = "."): string => {
    const k: WhyInput = {
      unit, metric: "decrease", start: 6.6, target: 3, goal: 1,
      forecast: { ok: true, value: 9.6, slopePerWeek, latest: 7.1, weeksLeft: 10, endDay: "2026-04-05" },
    };
    return forecastWhy(k, "2026-01-26", sep);
  };
  it("a % KR's pace is in percentage points, whatever its unit's spelling: 0.25% a week reads as a relative change", () => {
    expect(why("%", 0.25)).toBe("Rising 0.25 points a week; reaching 3% by 2026-04-05 needs to fall 0.41 points a week.");
    expect(why("percent", 0.25)).toBe("Rising 0.25 points a week; reaching 3 percent by 2026-04-05 needs to fall 0.41 points a week.");
    expect(why("pct", -1, ",")).toBe("Falling 1 point a week; reaching 3 pct by 2026-04-05 needs to fall 0,41 points a week.");
  });
  it("another unit's pace is in that unit", () => {
    expect(why("days", 0.25)).toBe("Rising 0.25 days a week; reaching 3 days by 2026-04-05 needs to fall 0.41 days a week.");
    expect(why("", 0.25, ",")).toBe("Rising 0,25 a week; reaching 3 by 2026-04-05 needs to fall 0,41 a week.");
  });
  // A check-in of the cycle's last week puts the latest point on its last day: no weeks left, days before the end.
  const lastWeek: WhyInput = {
    unit: "%", metric: "decrease", start: 6.6, target: 3, goal: 1,
    forecast: { ok: true, value: 8.5, slopePerWeek: 0.2, latest: 8.5, weeksLeft: 0, endDay: "2026-04-05" },
  };
  it("in the cycle's last week, before its last day is over, the cycle has not ended", () => {
    expect(forecastWhy(lastWeek, "2026-04-02")).toBe("Rising 0.2 points a week; at 8.5% in the cycle's last week (it ends 2026-04-05) against 3%.");
    expect(forecastWhy(lastWeek, "2026-04-05", ",")).toBe("Rising 0,2 points a week; at 8,5% in the cycle's last week (it ends 2026-04-05) against 3%.");
  });
  it("a report after the cycle's last day says it has ended", () => {
    expect(forecastWhy(lastWeek, "2026-04-06")).toBe("Rising 0.2 points a week; the cycle has ended at 8.5% against 3%.");
  });
});

describe("not enough check-ins: the weeks the words say are needed", () => {
  const kr = { metric: "increase", start: 0, target: 100 };
  it("are the weeks the rule needs: check-ins of 3 weeks forecast, of 2 do not", () => {
    expect(NOT_ENOUGH_WEEKS).toBe("not enough check-ins to forecast yet (3 weeks are needed)");
    // Thursday of week 3, after its check-in: points at the last days of weeks 1 and 2, and week 3's so far a
    // week after week 2's (where the log's weeks put theirs), 14 days apart.
    expect(forecastKr(kr, forecastPoints([10, 12, 14], START, "2027-01-21", "2027-01-21"), CYCLE).ok).toBe(true);
    // Monday of week 3 at 07:00, before its check-in, History recorded on the Mondays of weeks 1 (no check-in
    // yet) and 2 (week 1's 10): points on 01-11 and 01-18, two weeks of check-ins are not enough. Until session
    // 12 History's weeks were dated at their last days, which gave three points and needed a 14-day span.
    expect(forecastKr(kr, forecastPoints([null, 10, 12], START, "2027-01-18", "2027-01-14", ["2027-01-04", "2027-01-11"]), CYCLE)).toEqual({ ok: false, reason: NOT_ENOUGH });
    // The check-in of Monday of week 3: three weeks of check-ins, a forecast (week 3's point a week after week 2's).
    expect(forecastKr(kr, forecastPoints([10, 12, 14], START, "2027-01-18", "2027-01-18"), CYCLE).ok).toBe(true);
    // History recorded on a Friday, then on a Monday, and this Monday's report: three weeks of check-ins, 10
    // days from the first point to the last (until session 12 the span needed was 14 days: none).
    const mixed = forecastPoints([null, 10, 12, 14], START, "2027-01-25", "2027-01-20", ["2027-01-04", "2027-01-15", "2027-01-18"]);
    expect(mixed.map((p) => p.day)).toEqual(["2027-01-15", "2027-01-18", "2027-01-25"]);
    expect(forecastKr(kr, mixed, CYCLE).ok).toBe(true);
  });
  it("the This week line and the Forecast section say it in the same words", () => {
    expect(atThisPaceLine([], false)).toBe(`At this pace: ${NOT_ENOUGH_WEEKS}.`);
    expect(forecastRows({ asOf: "2027-01-18", krs: [], below: [], signals: [] })[2][0].v).toBe(`None — ${NOT_ENOUGH_WEEKS}.`);
  });
  it("after the cycle's last day, none below: every KR ended on course, in the past, in both", () => {
    expect(atThisPaceLine([], true)).toBe("At this pace every forecast KR is on course for its goal.");
    expect(atThisPaceLine([], true, ".", 5, true)).toBe("Every forecast KR ended on course for its goal.");
    const kr = { id: "O1.KR1", objectiveId: "O1", title: "t", owner: "", unit: "%", metric: "increase", start: 82, target: 95, goal: 1,
      forecast: { ok: true as const, value: 96, score: 1, weeksToTarget: 0, slopePerWeek: 1, latest: 96, weeksLeft: 0, endDay: "2026-04-05", points: 13 } };
    expect(forecastRows({ asOf: "2026-04-13", ended: true, krs: [kr], below: [], signals: [] })[2][0].v).toBe(
      "None — every forecast key result ended on course for its goal (within the on-track gap).",
    );
  });
});

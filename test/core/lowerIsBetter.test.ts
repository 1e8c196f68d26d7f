// Lower is better (decrease, stay_below) is higher is better (increase, stay_above) seen in a mirror, for
// every input: a KR whose values, start and target are C − x scores, forecasts and takes a status as the KR
// of x does the other way round (session 18's review of an operations pilot whose rework rate, cycle time and
// cost per unit go down). The unit is days, so the % ceiling at 100 never applies, and a forecast that meets
// the floor at 0 is left out: the two rules that are not symmetric by design.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { forecastKr, type ForecastPoint } from "../../src/core/forecast";
import { krScore, statusFromGap } from "../../src/core/scoring";

const START = "2027-01-04";
const CYCLE = { startDate: START, weeks: 13 };
const C = 2000;
const pts = (values: number[]): ForecastPoint[] => values.map((value, i) => ({ day: addDays(START, 7 * i + 6), value }));
/** Tenths from 400 to 600, mirrored to 1400..1600. */
const value = fc.integer({ min: 4000, max: 6000 }).map((x) => x / 10);
const MIRROR: Record<string, string> = { decrease: "increase", stay_below: "stay_above" };

describe("lower is better is higher is better in a mirror", () => {
  it("property: the same score and status", () => {
    fc.assert(
      fc.property(value, value, value, fc.constantFrom("decrease", "stay_below"), fc.integer({ min: 0, max: 100 }).map((x) => x / 100), (s, t, c, metric, expected) => {
        fc.pre(metric === "stay_below" || s !== t);
        const down = krScore(metric, s, t, c);
        const up = krScore(MIRROR[metric], C - s, C - t, C - c);
        expect(down.error).toBe(up.error);
        expect(Math.abs((down.score as number) - (up.score as number))).toBeLessThan(1e-9);
        expect(statusFromGap(down.score as number, expected, 0.1, 0.25)).toBe(statusFromGap(up.score as number, expected, 0.1, 0.25));
      }),
    );
  });
  it("property: the mirrored forecast, its score and weeks to target", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 12 }), value, value, fc.constantFrom("decrease", "stay_below"), (values, s, t, metric) => {
        fc.pre(metric === "stay_below" || s !== t);
        const down = forecastKr({ metric, start: s, target: t, unit: "days" }, pts(values), CYCLE);
        const up = forecastKr({ metric: MIRROR[metric], start: C - s, target: C - t, unit: "days" }, pts(values.map((v) => C - v)), CYCLE);
        expect(down.ok && up.ok).toBe(true);
        if (!down.ok || !up.ok) return;
        // A steep fall meets the floor at 0 (a cycle time is never forecast below 0 days); its mirror has no ceiling.
        fc.pre(down.value > 0);
        expect(Math.abs(down.value - (C - up.value))).toBeLessThan(1e-6);
        expect(Math.abs(down.score - up.score)).toBeLessThan(1e-6);
        expect(down.weeksToTarget === null).toBe(up.weeksToTarget === null);
        if (down.weeksToTarget !== null && up.weeksToTarget !== null) {
          expect(Math.abs(down.weeksToTarget - up.weeksToTarget)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(up.weeksToTarget)));
        }
      }),
    );
  });
  it("a flat KR has no weeks to target, whichever way it is measured: float noise in its slope is no pace", () => {
    // Orders a week hovering around 1590 (the mirror of a cycle time around 410): its pairwise changes are
    // equal on paper, and their median was 2.8e-14 a day, so Weeks to target read 474294256222343.8 while the
    // Why said "no change week to week". Found by the property above (its counterexample, mirrored).
    const values = [1576.8, 1597.3, 1579.6, 1600, 1590.5, 1591.9, 1587.8, 1586.4];
    const orders = forecastKr({ metric: "increase", start: 1500, target: 1700, unit: "orders" }, pts(values), CYCLE);
    expect(orders).toMatchObject({ ok: true, slopePerWeek: 0, weeksToTarget: null });
    const cycleTime = forecastKr({ metric: "decrease", start: 450, target: 300, unit: "days" }, pts(values.map((v) => C - v)), CYCLE);
    expect(cycleTime).toMatchObject({ ok: true, slopePerWeek: 0, weeksToTarget: null });
    // A real pace, however slow, is kept: 0.1 a week.
    const slow = forecastKr({ metric: "increase", start: 1500, target: 1700, unit: "orders" }, pts([1590, 1590.1, 1590.2, 1590.3]), CYCLE);
    expect(slow.ok && Math.abs(slow.slopePerWeek - 0.1)).toBeLessThan(1e-9);
  });
});

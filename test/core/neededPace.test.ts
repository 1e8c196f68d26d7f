// What it takes (docs/forecast.md): the change per week a KR forecast to miss needs from its latest value to
// reach its goal by the cycle's last day, for every input (fast-check), and its words in both directions.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { neededPace } from "../../src/core/neededPace";
import { forecastMissWords, goalValue, needWords } from "../../src/core/forecastWords";

const num = fc.integer({ min: -5000, max: 5000 }).map((x) => x / 10);
const weeks = fc.integer({ min: 1, max: 13 * 7 }).map((d) => d / 7);
const metric = fc.constantFrom("increase", "decrease");

describe("neededPace", () => {
  it("property: the pace needed, kept for the weeks left, lands on the goal; its sign is the metric's way; out of reach only beyond the whole range a week", () => {
    fc.assert(
      fc.property(metric, num, num, num, num, weeks, (m, start, target, latest, slope, left) => {
        fc.pre(start !== target);
        const up = m === "increase";
        const n = neededPace(m, { start, target }, target, { latest, slopePerWeek: slope, weeksLeft: left });
        expect(n).not.toBeNull();
        expect(n!.slope).toBe(slope);
        const there = up ? latest >= target : latest <= target;
        expect(n!.kind === "hold").toBe(there);
        if (n!.kind === "pace") {
          expect(Math.abs(latest + n!.perWeek * left - target)).toBeLessThan(1e-9 * Math.max(1, Math.abs(target)));
          expect(n!.perWeek > 0).toBe(up);
          expect(Math.abs(n!.perWeek)).toBeLessThanOrEqual(Math.abs(target - start));
        }
        if (n!.kind === "out") expect(Math.abs((target - latest) / left)).toBeGreaterThan(Math.abs(target - start));
        expect(n!.kind === "none").toBe(false);
      }),
    );
  });

  it("property: a decrease KR needs what the increase KR of its mirror image needs, the other way", () => {
    const C = 1000;
    fc.assert(
      fc.property(num, num, num, num, weeks, (start, target, latest, slope, left) => {
        fc.pre(start !== target);
        const down = neededPace("decrease", { start, target }, target, { latest, slopePerWeek: slope, weeksLeft: left })!;
        const up = neededPace("increase", { start: C - start, target: C - target }, C - target, { latest: C - latest, slopePerWeek: -slope, weeksLeft: left })!;
        expect(down.kind).toBe(up.kind);
        if (down.kind === "pace" && up.kind === "pace") expect(Math.abs(down.perWeek + up.perWeek)).toBeLessThan(1e-9 * C);
      }),
    );
  });

  it("no weeks left, a stay KR, a milestone, no target: nothing to print as a pace", () => {
    const f = { latest: 86.5, slopePerWeek: 0.6, weeksLeft: 0 };
    expect(neededPace("increase", { start: 82, target: 95 }, 95, f)).toEqual({ kind: "none", slope: 0.6 });
    for (const m of ["stay_above", "stay_below", "milestone", null]) expect(neededPace(m, { start: 82, target: 95 }, 95, { ...f, weeksLeft: 9 })).toBeNull();
    expect(neededPace("increase", { start: 82, target: null }, 95, { ...f, weeksLeft: 9 })).toBeNull();
  });
});

describe("its words", () => {
  const row = (over: Partial<Parameters<typeof forecastMissWords>[0]>, f: { latest: number; slopePerWeek: number; weeksLeft: number; value: number }) => ({
    unit: "%",
    metric: "increase",
    start: 82,
    target: 95,
    goal: 1,
    ...over,
    forecast: { ok: true as const, endDay: "2026-04-05", ...f },
  });

  it("on-time delivery 82% → 95%, at 86.5% with 9 weeks left, rising 0.6 a week", () => {
    const k = row({}, { latest: 86.5, slopePerWeek: 0.6, weeksLeft: 9, value: 91.9 });
    // (95 − 86.5) ÷ 9 = 0.944…
    expect(forecastMissWords(k)).toBe("Forecast to miss: 91.9% by 2026-04-05 (target 95%); needs to rise 0.94 points a week (so far rising 0.6 points a week)");
    expect(forecastMissWords(k, ",")).toBe("Forecast to miss: 91,9% by 2026-04-05 (target 95%); needs to rise 0,94 points a week (so far rising 0,6 points a week)");
    expect(forecastMissWords(k, ".", true), "after the last day: what happened, nothing more").toBe("Missed: 91.9% on 2026-04-05 (target 95%)");
  });

  it("lower is better reads falling; a KR getting worse says both ways", () => {
    const days = row({ unit: "days", metric: "decrease", start: 8.3, target: 6 }, { latest: 7.9, slopePerWeek: -0.1, weeksLeft: 9, value: 7 });
    expect(forecastMissWords(days)).toBe("Forecast to miss: 7 days by 2026-04-05 (target 6 days); needs to fall 0.21 days a week (so far falling 0.1 days a week)");
    const worse = row({ metric: "decrease", start: 6.5, target: 3 }, { latest: 7.1, slopePerWeek: 0.25, weeksLeft: 10, value: 9.6 });
    expect(forecastMissWords(worse)).toMatch(/; needs to fall 0\.41 points a week \(so far rising 0\.25 points a week\)$/);
  });

  it("an aspirational KR needs its goal value; money keeps its cents", () => {
    const cost = row({ unit: "EUR", metric: "decrease", start: 42, target: 36, goal: 0.7 }, { latest: 41, slopePerWeek: -0.2, weeksLeft: 8, value: 39 });
    expect(goalValue(cost)).toEqual({ value: 37.8, word: "goal" });
    expect(forecastMissWords(cost)).toBe("Forecast to miss: 39.00 EUR by 2026-04-05 (goal 37.80 EUR); needs to fall 0.40 EUR a week (so far falling 0.20 EUR a week)");
  });

  it("says plainly when no pace will do, or the KR need only hold", () => {
    const g = { value: 95, word: "target" as const };
    expect(needWords({ kind: "out", slope: -0.5 }, g, "%", ".", 2)).toBe("; out of reach: it needs more each week than start to target (so far falling 0.5 points a week)");
    expect(needWords({ kind: "none", slope: 0 }, g, "%", ".", 2)).toBe("; no weeks left to close the gap");
    expect(needWords({ kind: "hold", slope: -0.8 }, g, "%", ".", 2)).toBe("; at its target now, needs to hold it (so far falling 0.8 points a week)");
    // 82 → 95% at 80% with a week left needs 15 points: more than the 13 from start to target.
    expect(forecastMissWords(row({}, { latest: 80, slopePerWeek: -0.5, weeksLeft: 1, value: 79.5 }))).toMatch(/\(target 95%\); out of reach: /);
  });

  it("a stay KR gets its side of the threshold in the Why, no pace", () => {
    const k = row({ metric: "stay_above", start: null, target: 92 }, { latest: 92.5, slopePerWeek: -0.4, weeksLeft: 9, value: 88.9 });
    expect(forecastMissWords(k)).toBe("Forecast to miss: 88.9% by 2026-04-05 (target 92%)");
  });
});

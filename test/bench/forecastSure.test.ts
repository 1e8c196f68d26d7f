// How sure a week-four name is (bench/forecastSure.ts, counted by bench/forecastBacktest.ts countGrades): that
// the kind end of a KR's pace is drawn as the product draws its line, and that the grades are counted as the
// tables in docs/forecast.md say.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { countGrades, productRule, REPORT_WEEKS, runBacktest, weekEnd } from "../../bench/forecastBacktest";
import { backtestKrs, START, WEEKS, type BacktestKr, type Shape } from "../../bench/forecastPaths";
import { GRADERS, gradeFigures, kindScore, leaveOneOutGrader, quantile, scoreGrader, senInterval, spreadGrader } from "../../bench/forecastSure";

/** A cycle-time KR (8.3 → 6 days) checked in every Thursday with the value `at(t)`, t the share of the cycle. */
function kr(shape: Shape, at: (t: number) => number): BacktestKr {
  const checkins = Array.from({ length: WEEKS }, (_, i) => {
    const day = 7 * i + 3;
    return { date: addDays(START, day), value: Number(at(day / (7 * WEEKS - 1)).toFixed(3)), row: i + 2 };
  });
  return { shape, kr: { name: "cycle time", metric: "decrease", unit: "days", start: 8.3, target: 6 }, noise: 0, checkins };
}

const asSeen = (k: BacktestKr, week: number) => {
  const asOf = weekEnd(week);
  const seen = k.checkins.filter((c) => c.date <= asOf);
  return [k, seen, asOf] as const;
};

describe("how sure a name is", () => {
  const krs = backtestKrs({ seed: 11, perShape: 6 }).filter((k) => k.kr.metric !== "milestone");

  it("draws the line as the product does: at the median pace it is the forecast's score, and a kinder pace never scores lower", () => {
    for (const w of REPORT_WEEKS) {
      for (const k of krs) {
        const args = asSeen(k, w);
        const product = productRule(...args).score;
        const [mid, upper, kindest] = [0.5, 0.75, 1].map((p) => kindScore(...args, quantile(p)));
        if (product === null) {
          expect(mid).toBeNull();
          continue;
        }
        expect(mid as number).toBeCloseTo(product, 9);
        expect(upper as number).toBeGreaterThanOrEqual((mid as number) - 1e-12);
        expect(kindest as number).toBeGreaterThanOrEqual((upper as number) - 1e-12);
      }
    }
  });

  it("grades a KR getting worse week after week 'likely', a stall after two weeks on pace 'may', and leaves an on-pace KR unlisted", () => {
    const worse = kr("getting worse", (t) => 8.3 + 2 * t);
    const stalled = kr("stall", (t) => 8.3 - 2.3 * Math.min(t, 13 / 90));
    const onPath = kr("linear", (t) => 8.3 - 2.3 * t);
    const grade = GRADERS["kindest pair of weeks"];
    const at4 = (k: BacktestKr) => grade(...asSeen(k, 4), productRule(...asSeen(k, 4)));
    expect(at4(worse)).toBe("likely");
    // Weeks 1 to 2 went at the target's pace: the kindest pair of weeks still reaches it.
    expect(at4(stalled)).toBe("may");
    expect(at4(onPath)).toBeNull();
    // The upper quartile of its paces is the flat weeks': likely.
    expect(spreadGrader(quantile(0.75))(...asSeen(stalled, 4), productRule(...asSeen(stalled, 4)))).toBe("likely");
    // Any one week left out, the KR getting worse still misses; in week 3 two points give no forecast: may.
    expect(leaveOneOutGrader(...asSeen(worse, 4), productRule(...asSeen(worse, 4)))).toBe("likely");
    expect(leaveOneOutGrader(...asSeen(worse, 3), productRule(...asSeen(worse, 3)))).toBe("may");
    expect(leaveOneOutGrader(...asSeen(onPath, 4), productRule(...asSeen(onPath, 4)))).toBeNull();
  });

  it("Sen's interval: with 4 points the kindest of the 6 slopes, with 6 points the 13th of 15 at 90%", () => {
    const sorted = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(senInterval(1.645)(sorted(6), 4)).toBe(6);
    expect(senInterval(1.645)(sorted(15), 6)).toBe(13);
    expect(quantile(0.75)(sorted(6), 4)).toBe(4.75);
  });

  it("counts each grade's listed KRs, misses, precision and false alarms; every name 'may miss' is the forecast's own row", () => {
    expect(gradeFigures({ likely: [4, 3], may: [0, 0] }, 20, 10)).toEqual({
      likely: { listed: 4, recall: 0.3, precision: 0.75, falseAlarms: 0.1 },
      may: { listed: 0, recall: 0, precision: null, falseAlarms: 0 },
    });
    const res = runBacktest({ seed: 11, perShape: 6 });
    for (const w of REPORT_WEEKS) {
      const none = res.sure.all['none (every listed KR "may miss")'][w];
      const f = res.overall.forecast[w];
      expect(none.likely.listed).toBe(0);
      expect({ recall: none.may.recall, precision: none.may.precision, falseAlarms: none.may.falseAlarms }).toEqual({
        recall: f.recall,
        precision: f.precision,
        falseAlarms: f.falseAlarms,
      });
      // Each grader splits the same list: its two grades add up to the forecast's names.
      for (const byWeek of Object.values(res.sure.all)) expect(byWeek[w].likely.listed + byWeek[w].may.listed).toBe(none.may.listed);
    }
    // Without the KRs "getting worse": the same as counting the others alone.
    const [, without] = countGrades(krs, "getting worse", { s: scoreGrader(0.5) });
    const [alone] = countGrades(krs.filter((k) => k.shape !== "getting worse"), "getting worse", { s: scoreGrader(0.5) });
    expect(without).toEqual(alone);
  });
});

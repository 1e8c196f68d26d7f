// The forecast backtest's harness (bench/forecastBacktest.ts): that it feeds the product's rule the check-ins
// as they stood, judges a KR by its last check-in, and counts flags against misses as its tables say.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import type { Tracker } from "../../src/core/model";
import { buildReportForecast, weekValuesFromCheckins } from "../../src/core/summaryForecast";
import { coreKr, coreSettings } from "../support/coreTracker";
import { auc, count, recallAt, endScore, figures, paceRule, productRule, REPORT_WEEKS, runBacktest, statusRule, weekEnd } from "../../bench/forecastBacktest";
import { backtestKrs, START, WEEKS, type BacktestKr, type Shape, type Template } from "../../bench/forecastPaths";

const CYCLE_TIME: Template = { name: "cycle time", metric: "decrease", unit: "days", start: 8, target: 6 };

/** A KR checked in every Thursday with the value `at(t)` (t: share of the cycle at the check-in). */
function kr(shape: Shape, at: (t: number) => number, template: Template = CYCLE_TIME): BacktestKr {
  const checkins = Array.from({ length: WEEKS }, (_, i) => {
    const day = 7 * i + 3;
    return { date: addDays(START, day), value: Number(at(day / (7 * WEEKS - 1)).toFixed(3)), row: i + 2 };
  });
  return { shape, kr: template, noise: 0, checkins };
}

const verdict = (k: BacktestKr, week: number, rule = productRule) => {
  const asOf = weekEnd(week);
  return rule(k, k.checkins.filter((c) => c.date <= asOf), asOf);
};

describe("forecast backtest harness", () => {
  const onPath = kr("linear", (t) => 8 - 2 * t); // reaches 6 days on the last Thursday
  const stalled = kr("stall", (t) => 8 - 2 * Math.min(t, 13 / 90)); // on pace until week 2, then flat at 7.7

  it("does not flag a KR on a straight path to its target, and flags one stalled at week 2, in weeks 3-6", () => {
    expect(endScore(onPath)).toBeGreaterThan(0.95);
    expect(endScore(stalled)).toBeLessThan(0.2);
    for (const w of REPORT_WEEKS) {
      expect(verdict(onPath, w).flag, `on path, week ${w}`).toBe(false);
      expect(verdict(stalled, w).flag, `stalled, week ${w}`).toBe(true);
    }
    // Week 4 sees the stall from weeks 3 and 4 alone; week 3's line still has week 1's and 2's descent in it.
    expect(verdict(stalled, 4).score).toBeLessThan(verdict(stalled, 3).score as number);
  });

  it("sees only the check-ins up to the week's last day: a KR that collapses in week 7 is not flagged in week 6", () => {
    const late = kr("slips back", (t) => (t < 42 / 90 ? 8 - 2 * t : 9));
    for (const rule of [productRule, statusRule, paceRule]) {
      expect(count([late], rule, 6).flagged).toBe(0);
      expect(count([late], rule, 7).flagged).toBe(1);
    }
  });

  it("counts recall, false alarms and the forecast's error against the end score", () => {
    const c = count([onPath, stalled], productRule, 4);
    expect(figures(c)).toMatchObject({ krs: 2, missRate: 0.5, recall: 1, precision: 1, falseAlarms: 0, abstains: 0 });
    // The status at week 4 (elapsed 0.30) sees the stall too; the naive pace forecasts the straight path at 1.
    expect(verdict(stalled, 4, statusRule).flag).toBe(true);
    expect(verdict(onPath, 4, paceRule)).toMatchObject({ flag: false });
  });

  it("gives no forecast with fewer than 3 weeks of check-ins, and never one for a milestone", () => {
    const firstInWeek3 = { ...onPath, checkins: onPath.checkins.slice(2) };
    expect(verdict(firstInWeek3, 4)).toEqual({ score: null, flag: false });
    expect(verdict(firstInWeek3, 5).score).not.toBeNull();
    const milestone = kr("milestone", (t) => t, { name: "go-live", metric: "milestone", unit: "", start: 0, target: 1 });
    expect(verdict(milestone, 6)).toEqual({ score: null, flag: false });
  });

  it("AUC: 1 when every miss is forecast below every hit, 0.5 for ties, 0 reversed", () => {
    expect(auc([{ score: 0.2, miss: true }, { score: 0.9, miss: false }])).toBe(1);
    expect(auc([{ score: 0.5, miss: true }, { score: 0.5, miss: false }])).toBe(0.5);
    expect(auc([{ score: 0.9, miss: true }, { score: 0.2, miss: false }])).toBe(0);
    // No forecast (+∞, never flagged) ranks above every forecast: here one hit below the miss, one above.
    expect(auc([{ score: 0.9, miss: true }, { score: 0.2, miss: false }, { score: Infinity, miss: false }])).toBe(0.5);
  });

  it("lists what the weekly summary's Forecast section lists, with the same scores (the check-in's rule is the summary's)", () => {
    const krs = backtestKrs({ seed: 11, perShape: 4 }).filter((k) => k.kr.metric !== "milestone");
    for (const week of REPORT_WEEKS) {
      const asOf = weekEnd(week);
      const seen = krs.map((k) => k.checkins.filter((c) => c.date <= asOf));
      const tracker: Tracker = {
        settings: coreSettings({ startDate: START, weeks: WEEKS }),
        objectives: [{ row: 2, id: "O1", title: "O", owner: "", team: "", parentId: "", type: "committed", pnlLink: "none" }],
        keyResults: krs.map((k, i) => {
          const last = seen[i][seen[i].length - 1];
          return { ...coreKr(i + 2, `O1.KR${i + 1}`, k.kr.metric, k.kr.start, k.kr.target, last ? last.value : null, last ? last.date : ""), unit: k.kr.unit };
        }),
      };
      const summary = buildReportForecast({
        tracker,
        asOf,
        weekValues: new Map(krs.map((_, i) => [`O1.KR${i + 1}`, weekValuesFromCheckins(seen[i], START, asOf)])),
        lastCheckins: new Map(seen.flatMap((s, i) => (s.length ? [[`O1.KR${i + 1}`, { date: s[s.length - 1].date }] as const] : []))),
        statuses: new Map(),
        checkinValues: new Map(),
      });
      const listed = new Set(summary.below.map((k) => k.id));
      krs.forEach((k, i) => {
        const v = productRule(k, seen[i], asOf);
        const f = summary.krs[i].forecast;
        expect(v.score, `week ${week}, ${k.shape}`).toBe(f.ok ? f.score : null);
        expect(v.flag, `week ${week}, ${k.shape}`).toBe(listed.has(`O1.KR${i + 1}`));
      });
      if (week === 4) expect(listed.size).toBeGreaterThan(0);
    }
  });

  it("recall at equal false alarms: the misses listed with the line drawn where it lists at most that share of the hits", () => {
    const ranked = [
      { score: 0.1, miss: true },
      { score: 0.3, miss: false },
      { score: 0.4, miss: true },
      { score: 0.8, miss: false },
      { score: Infinity, miss: true }, // no forecast: never listed
    ];
    expect(recallAt(ranked, 0)).toBeCloseTo(1 / 3, 9); // below 0.3 only
    expect(recallAt(ranked, 0.5)).toBeCloseTo(2 / 3, 9); // up to 0.4, one hit of two listed
    expect(recallAt(ranked, 1)).toBeCloseTo(2 / 3, 9);
  });

  it("is the same for the same seed, and the KRs differ with another", () => {
    const a = backtestKrs({ seed: 7, perShape: 3 });
    expect(backtestKrs({ seed: 7, perShape: 3 })).toEqual(a);
    expect(backtestKrs({ seed: 8, perShape: 3 })).not.toEqual(a);
    expect(runBacktest({ seed: 7, perShape: 5 })).toEqual(runBacktest({ seed: 7, perShape: 5 }));
  });
});

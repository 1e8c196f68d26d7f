import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import type { ForecastPoint } from "../../src/core/forecast";
import type { Tracker } from "../../src/core/model";
import { calibrationSignal, confidenceReason, flatReason, krSignals, sandbagReason } from "../../src/core/signals";
import { buildReportForecast } from "../../src/core/summaryForecast";
import { coreKr, coreSettings } from "../support/coreTracker";

const START = "2027-01-04";
const CYCLE = { startDate: START, weeks: 13 }; // midpoint: day 45.5
const at = (day: number, value: number): ForecastPoint => ({ day: addDays(START, day), value });
const weekly = (values: number[]) => values.map((v, i) => at(7 * i + 6, v));

describe("confidence disagrees with the trend", () => {
  it.each([
    [7, 0.39, "Confidence 7/10, but at this pace the KR ends at 0.39"],
    [8, 0.35, "Confidence 8/10, but at this pace the KR ends at 0.35"],
    [7, 0.4, null],
    [6, 0.1, null],
    [3, 0.9, "Confidence 3/10, but at this pace the KR ends at 0.90"],
    [4, 1, null],
    [3, 0.89, null],
    [1, 1, "Confidence 1/10, but at this pace the KR ends at 1.00"],
    [null, 0.1, null],
    [9, null, null],
  ])("confidence %p, forecast score %p", (...[c, f, want]) => {
    expect(confidenceReason(c as number | null, f as number | null)).toBe(want);
  });
});

describe("possibly sandbagged", () => {
  const inc = { metric: "increase", start: 0, target: 100 };
  it("reached 1.0 strictly before the midpoint", () => {
    expect(sandbagReason(inc, [at(6, 20), at(13, 60), at(45, 100)], CYCLE)).toBe(
      "Reached its target (100 against 100) on 2027-02-18, before the cycle's midpoint",
    );
    // Day 46 is past the midpoint (45.5).
    expect(sandbagReason(inc, [at(6, 20), at(13, 60), at(46, 100)], CYCLE)).toBe(null);
    expect(sandbagReason({ metric: "decrease", start: 50, target: 10 }, [at(6, 30), at(13, 9)], CYCLE)).toContain("Reached its target");
  });
  it("target within the usual week-to-week change of the first weeks", () => {
    const kr = { metric: "increase", start: 40, target: 42 };
    // changes 3, 4, 2 → median 3 ≥ distance 2
    expect(sandbagReason(kr, weekly([40, 37, 41, 39]), CYCLE)).toBe(
      "The target is 2 from the start, within the usual week-to-week change of 3 in its first 4 weeks",
    );
    // changes 2, 2 → median 2 = distance 2: flagged (≤)
    expect(sandbagReason(kr, weekly([39, 41, 39]), CYCLE)).toContain("usual week-to-week change of 2");
    // changes 1, 3, 1 → median 1 < 2
    expect(sandbagReason(kr, weekly([38, 39, 36, 37]), CYCLE)).toBe(null);
    // two points: not enough to know the variation
    expect(sandbagReason(kr, weekly([30, 35]), CYCLE)).toBe(null);
  });
  it("names the values in the KR's unit (session 18: a rework rate read \"4 against 4\")", () => {
    const rework = { metric: "decrease", unit: "%", start: 8, target: 4 };
    expect(sandbagReason(rework, weekly([7.6, 6.9, 4]), CYCLE)).toBe("Reached its target (4% against 4%) on 2027-01-24, before the cycle's midpoint");
    const cost = { metric: "decrease", unit: "$", start: 41.5, target: 36 };
    expect(sandbagReason(cost, weekly([40, 36]), CYCLE)).toBe("Reached its target ($36.00 against $36.00) on 2027-01-17, before the cycle's midpoint");
    expect(sandbagReason(cost, weekly([40, 36]), CYCLE, ",")).toBe("Reached its target (36,00 $ against 36,00 $) on 2027-01-17, before the cycle's midpoint");
    // A distance in % is in points, as the Why's paces are: "2%" would read as 2% of the value.
    expect(sandbagReason({ metric: "increase", unit: "%", start: 40, target: 42 }, weekly([40, 37, 41, 39]), CYCLE)).toBe(
      "The target is 2 points from the start, within the usual week-to-week change of 3 points in its first 4 weeks",
    );
    expect(sandbagReason({ metric: "increase", unit: "%", start: 40, target: 41 }, weekly([40, 39, 40.5, 40]), CYCLE)).toContain("is 1 point from");
    expect(sandbagReason({ metric: "decrease", unit: "days", start: 12, target: 10 }, weekly([12, 14, 12, 14]), CYCLE)).toBe(
      "The target is 2 days from the start, within the usual week-to-week change of 2 days in its first 4 weeks",
    );
    expect(flatReason([12, 12, 12], "At risk", ".", 2, "days")).toBe("No change over the last 3 check-ins (value 12 days) while at risk");
  });
  it("only increase and decrease KRs", () => {
    expect(sandbagReason({ metric: "stay_above", start: 0, target: 1 }, weekly([5, 5, 5]), CYCLE)).toBe(null);
    expect(sandbagReason({ metric: "milestone", start: 0, target: 1 }, weekly([1, 1, 1]), CYCLE)).toBe(null);
  });
});

describe("flat", () => {
  it.each([
    [[5, 5, 5], "Off track", "No change over the last 3 check-ins (value 5) while off track"],
    [[1, 5, 5, 5], "At risk", "No change over the last 3 check-ins (value 5) while at risk"],
    [[5, 5, 5], "On track", null],
    [[5, 5], "Off track", null],
    [[5, 5, 6], "Off track", null],
    [[5, 6, 6], "Off track", null],
  ])("values %p, %p", (...[values, status, want]) => {
    expect(flatReason(values as number[], status as string)).toBe(want);
  });
});

describe("team calibration", () => {
  it.each([
    [[0.9, 0.9], "The 2 aspirational KRs averaged 0.90: too easy — aspirational OKRs aim for 0.6–0.7"],
    [[1, 0.79], null],
    [[0.3], "The 1 aspirational KR averaged 0.30: too hard — aspirational OKRs aim for 0.6–0.7"],
    [[0.31, null], null],
    [[0.65], null],
    [[], null],
  ])("scores %p", (...[scores, want]) => {
    const s = calibrationSignal(scores as (number | null)[]);
    expect(s === null ? null : s.reason).toBe(want);
  });
});

describe("krSignals", () => {
  it("lists each KR's signals with its ID and title", () => {
    const out = krSignals(
      [
        { id: "K1", title: "Grow", metric: "increase", start: 0, target: 100, status: "Off track", confidence: 8, forecastScore: 0.2, points: weekly([10, 10, 10]), checkinValues: [10, 10, 10] },
        { id: "K2", title: "Fine", metric: "increase", start: 0, target: 100, status: "On track", confidence: 6, forecastScore: 0.8, points: weekly([10, 20, 30]), checkinValues: [10, 20, 30] },
      ],
      CYCLE,
    );
    expect(out.map((s) => [s.rule, s.krId])).toEqual([
      ["confidence", "K1"],
      ["flat", "K1"],
    ]);
  });
});

describe("in a report (summaryForecast.ts buildReportForecast)", () => {
  // Cycle from Monday 2026-01-05 (coreSettings); a decrease KR 40 → 37.5, checked in on the Thursdays of weeks
  // 1-3 (never at its target). A report of week 3's Sunday, and one of week 4's Monday before its check-in,
  // whose trend row carries week 3's value into week 4.
  const tracker: Tracker = {
    settings: coreSettings(),
    objectives: [{ row: 2, id: "O1", title: "O", owner: "", team: "", parentId: "", type: "committed", pnlLink: "none" }],
    keyResults: [coreKr(2, "O1.KR1", "decrease", 40, 37.5, 42, "2026-01-22")],
  };
  const reasons = (asOf: string, values: number[]) =>
    buildReportForecast({
      tracker, asOf, weekValues: new Map([["O1.KR1", values]]), statuses: new Map([["O1.KR1", "Off track"]]),
      checkinValues: new Map([["O1.KR1", values.slice(0, 3)]]), lastCheckins: new Map([["O1.KR1", { date: "2026-01-22" }]]),
    }).signals.map((s) => s.reason);

  it("a report made before the week's check-in gives the signals of the one before: the week is not a point yet", () => {
    const sunday = reasons("2026-01-25", [40, 44, 42]);
    expect(sunday).toEqual(["The target is 2.5 from the start, within the usual week-to-week change of 3 in its first 3 weeks"]);
    // Until session 12 Monday's signals had a fourth point, week 3's 42 again: changes 4, 2 and 0, median 2.
    expect(reasons("2026-01-26", [40, 44, 42, 42])).toEqual(sunday);
  });

  it("the week not over is a point once it has a check-in, dated the report's day, not its last", () => {
    const r = buildReportForecast({
      tracker: { ...tracker, keyResults: [coreKr(2, "O1.KR1", "increase", 0, 10, 10, "2026-01-13")] },
      asOf: "2026-01-13", weekValues: new Map([["O1.KR1", [4, 10]]]), statuses: new Map(), checkinValues: new Map(),
      lastCheckins: new Map([["O1.KR1", { date: "2026-01-13" }]]),
    });
    expect(r.signals.map((s) => s.reason)).toEqual(["Reached its target (10 against 10) on 2026-01-13, before the cycle's midpoint"]);
  });
});

// The roll-up's forecast (src/core/portfolioForecast.ts): a KR is listed from its forecast cells exactly when
// its team's own Weekly Summary lists it, worst first across teams, shown as that summary shows it.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { cellForecast, forecastCellValues, krAsShown, valueDigits } from "../../src/core/forecast";
import { goalValue, goalWords, withUnit } from "../../src/core/forecastWords";
import type { KeyResult, Tracker } from "../../src/core/model";
import type { NumberStyle } from "../../src/core/numbers";
import type { TeamResult } from "../../src/core/portfolio";
import { againstText, companyMisses, endedMissLine, endedMisses, forecastText, ROLLUP_MISSES, shownAsPercentCells, teamForecast, type KrForecastCells, type TeamForecast } from "../../src/core/portfolioForecast";
import { layoutRollup } from "../../src/core/portfolioLayout";
import { krScore, withinGap } from "../../src/core/scoring";
import { buildReportForecast, type ReportForecast } from "../../src/core/summaryForecast";
import type { Metric } from "../../src/core/tabs";
import { coreSettings } from "../support/coreTracker";

const AS_OF = "2026-02-02"; // Monday of week 5 of a 13-week cycle from 2026-01-05: last day 2026-04-05

interface KrSpec {
  metric: Metric;
  unit: string;
  start: number;
  target: number;
  /** The objective's index (its type below). */
  objective: number;
  /** Weekly values as the cells hold them, weeks 1..4 (null: no check-in yet). */
  weeks: (number | null)[];
  /** A % KR whose cells hold fractions (typed 82%). */
  percentCells: boolean;
}

function trackerOf(types: string[], specs: KrSpec[], over: Partial<Tracker["settings"]>): Tracker {
  const krs: KeyResult[] = specs.map((k, i) => {
    const current = [...k.weeks].reverse().find((v) => v !== null) ?? null;
    return {
      row: i + 2, id: `O${k.objective + 1}.KR${i + 1}`, objectiveId: `O${k.objective + 1}`, title: `KR ${i + 1}`, owner: "o@example.com",
      metric: k.metric, unit: k.unit, start: k.start, target: k.target, weight: null, current, confidence: 6,
      lastCheckin: current === null ? null : "2026-01-29", ...(k.percentCells ? { percentCells: true } : {}),
    };
  });
  return {
    settings: coreSettings(over),
    objectives: types.map((type, i) => ({ id: `O${i + 1}`, title: `Objective ${i + 1}`, owner: "", team: "", parentId: "", type, pnlLink: "", row: i + 2 }) as unknown as Tracker["objectives"][number]),
    keyResults: krs,
  };
}

/** The team's own summary's forecast (as its Weekly Summary makes it from History's weekly values). */
function summaryOf(t: Tracker): ReportForecast {
  return buildReportForecast({
    tracker: t,
    asOf: AS_OF,
    weekValues: new Map(t.keyResults.map((k, i) => [k.id, SPECS.get(t)![i].weeks])),
    statuses: new Map(),
    checkinValues: new Map(),
  });
}
const SPECS = new WeakMap<Tracker, KrSpec[]>();

/** The cells its add-on writes for each KR (forecastCells.ts): value and score, or the reason and blanks. */
function cellsOf(f: ReportForecast): KrForecastCells[] {
  return f.krs.map((k) => {
    const [value, score] = forecastCellValues(k.forecast, valueDigits(k));
    return { value: typeof value === "number" ? value : null, score: typeof score === "number" ? score : null };
  });
}

/** The tracker as the roll-up reads it: no number formats, so no percentCells. */
const asRead = (t: Tracker): Tracker => ({ ...t, keyResults: t.keyResults.map(({ percentCells: _p, ...k }) => k) });

function made(types: string[], specs: KrSpec[], over: Partial<Tracker["settings"]> = {}) {
  const t = trackerOf(types, specs, over);
  SPECS.set(t, specs);
  const summary = summaryOf(t);
  return { t, summary, team: teamForecast(asRead(t), cellsOf(summary), "Ops") };
}

// Values as typed: whole-number percents in tenths, fractions in thousandths, other units in tenths.
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);
const thousandths = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);
const metric = fc.constantFrom<Metric>("increase", "decrease", "stay_above", "stay_below", "milestone");
const kr: fc.Arbitrary<KrSpec> = fc.oneof(
  // Whole numbers: % or days or a count.
  fc.record({ metric, unit: fc.constantFrom("%", "days", ""), start: tenths(0, 100), target: tenths(0, 100), objective: fc.nat(2), weeks: fc.array(fc.option(tenths(0, 100), { freq: 4 }), { minLength: 4, maxLength: 4 }), percentCells: fc.constant(false) }),
  // A % KR whose cells hold fractions (82% typed: 0.82), and one going from 0.8% to 0.3% in whole numbers: the same cells.
  fc.record({ metric, unit: fc.constant("%"), start: thousandths, target: thousandths, objective: fc.nat(2), weeks: fc.array(fc.option(thousandths, { freq: 4 }), { minLength: 4, maxLength: 4 }), percentCells: fc.boolean() }),
);
const types = fc.array(fc.constantFrom("committed", "aspirational", "Aspirational ", ""), { minLength: 3, maxLength: 3 });
const settings = fc.record({
  onTrackGap: fc.oneof(fc.integer({ min: 0, max: 30 }).map((x) => x / 100), fc.constant(Number.NaN)),
  aspirationalGoal: fc.integer({ min: 50, max: 90 }).map((x) => x / 100),
});

describe("teamForecast", () => {
  it("property: lists a KR from its forecast cells exactly when the team's own summary lists it, in its order", () => {
    fc.assert(
      fc.property(types, fc.array(kr, { maxLength: 8 }), settings, (ty, specs, over) => {
        const { summary, team } = made(ty, specs, over);
        expect(team.worst.map((m) => m.id)).toEqual(summary.below.map((k) => k.id));
        expect(team.missing).toBe(summary.below.length);
        expect(team.forecast).toBe(summary.krs.filter((k) => k.forecast.ok).length);
      }),
      { numRuns: 300 },
    );
  });

  it("property: shows a listed KR as the team's summary does (where its Forecast score tells how its cells hold a %)", () => {
    fc.assert(
      fc.property(types, fc.array(kr, { maxLength: 8 }), settings, fc.constantFrom<NumberStyle>(".", ","), (ty, specs, over, sep) => {
        const { t, summary, team } = made(ty, specs, over);
        summary.below.forEach((k, i) => {
          if (!k.forecast.ok) return;
          const held = t.keyResults.find((x) => x.id === k.id)!;
          // Fractions or whole numbers alike: only a % KR whose start and target lie within ±1 can be either.
          const either = held.unit === "%" && Math.abs(held.start!) <= 1 && Math.abs(held.target!) <= 1;
          const m = team.worst[i];
          expect(forecastText(m, sep)).toBe(`${withUnit(k.forecast.value, k.unit, sep, valueDigits(k))} by 2026-04-05`);
          const g = goalValue(k);
          const told = !either || scoresDiffer(held, k.forecast.value);
          if (told) expect(againstText(m, sep)).toBe(g ? goalWords(g, k.unit, sep, valueDigits(k)) : "");
        });
      }),
      { numRuns: 300 },
    );
  });

  it("the gap is the team's own and compared as its status compares it: 0.85 of a committed goal misses by 0.15, 0.9 does not", () => {
    const spec = (start: number, v: number, objective = 0): KrSpec => ({ metric: "increase", unit: "", start, target: 100, objective, weeks: [v, v, v, v], percentCells: false });
    // Flat at 85 and 90 of 0 → 100: forecast scores 0.85 and 0.9 (1 − 0.9 is 0.09999999999999998: within 0.1);
    // of an aspirational objective (goal 0.7), 0.5 falls 0.2 short, 0.65 is on course.
    const { team } = made(["committed", "aspirational", "committed"], [spec(0, 85), spec(0, 90), spec(0, 50, 1), spec(0, 65, 1)]);
    expect(team.worst.map((m) => [m.id, m.goal, Math.round(m.score * 100) / 100])).toEqual([
      ["O2.KR3", 0.7, 0.5],
      ["O1.KR1", 1, 0.85],
    ]);
    // The team's gap of 0.2 lets 0.85 through; a gap that is not a number is 0.10, as the summary takes it.
    expect(made(["committed"], [spec(0, 85)], { onTrackGap: 0.2 }).team.missing).toBe(0);
    expect(made(["committed"], [spec(0, 85)], { onTrackGap: Number.NaN }).team.missing).toBe(1);
    // On the border, as the status and the team's summary judge it (scoring.ts withinGap): goal 0.8
    // (aspirational), forecast 0.7, a gap of 0.1 (0.8 − 0.7 is 0.10000000000000009 in binary): the same answer as
    // withinGap's, whatever its rounding; 0.69 misses.
    expect(made(["aspirational"], [spec(0, 70)], { aspirationalGoal: 0.8 }).team.missing).toBe(withinGap(0.7, 0.8, 0.1) ? 0 : 1);
    expect(made(["aspirational"], [spec(0, 69)], { aspirationalGoal: 0.8 }).team.missing).toBe(1);
  });

  it("a KR without a forecast score is not counted; a tracker without the forecast columns says so", () => {
    const specs: KrSpec[] = [
      { metric: "milestone", unit: "", start: 0, target: 1, objective: 0, weeks: [0.2, 0.3, 0.4, 0.5], percentCells: false },
      { metric: "increase", unit: "", start: 0, target: 100, objective: 0, weeks: [null, null, null, 5], percentCells: false },
    ];
    const { t, team } = made(["committed"], specs);
    expect(team).toEqual({ columns: true, forecast: 0, missing: 0, worst: [] });
    expect(teamForecast(t, null, "Ops")).toEqual({ columns: false, forecast: 0, missing: 0, worst: [] });
    // A reason in Forecast, Forecast score blank (read as null), or a row the read did not reach.
    expect(teamForecast(t, [{ value: null, score: null }], "Ops").forecast).toBe(0);
  });
});

/** Whether the KR's forecast score as held and as shown (× 100) differ: the Forecast score then tells which its cells are. */
function scoresDiffer(k: KeyResult, value: number): boolean {
  const a = teamForecastScore(k, value, 1);
  const b = teamForecastScore(k, value, 100);
  return a !== b;
}
function teamForecastScore(k: KeyResult, value: number, by: number): number | null {
  const shown = krAsShown({ ...k, percentCells: by === 100 });
  return shownScore(k.metric, shown.start, shown.target, value);
}
const shownScore = (m: string, s: number | null, t: number | null, v: number) => krScore(m, s, t, v).score;

describe("a % KR whose cells hold fractions", () => {
  // The rework rate typed 6.5% → 3% (cells 0.065, 0.03) getting worse: its add-on forecast 9.6 (%), score 0, and
  // its summary says "9.6% … (target 3%)"; the same KR in whole numbers would be 0.065% → 0.03%, 100 times beyond.
  it("the rework rate getting worse: 9.6% against target 3%, not 0.03%", () => {
    const rework = { metric: "decrease", unit: "%", start: 0.065, target: 0.03 };
    expect(shownAsPercentCells(rework, 9.6, 0)).toBe(true);
    // Written before session 11, its Forecast cell held 0.096: shown as held, as that summary did.
    expect(shownAsPercentCells(rework, 0.096, 0)).toBe(false);
    // On-time delivery typed 82% → 95%, forecast 88.5: score 0.5 only against 82 → 95.
    expect(shownAsPercentCells({ metric: "increase", unit: "%", start: 0.82, target: 0.95 }, 88.5, 0.5)).toBe(true);
    // A whole-number KR from 0.4% to 0.9%, forecast 0.6 (score 0.4) or below its start (0.3, score 0).
    expect(shownAsPercentCells({ metric: "increase", unit: "%", start: 0.4, target: 0.9 }, 0.6, 0.4)).toBe(false);
    expect(shownAsPercentCells({ metric: "increase", unit: "%", start: 0.4, target: 0.9 }, 0.3, 0)).toBe(false);
    // At 7.1% (its Current cell 0.071): 9.6 is near 7.1, not 0.071; a whole-number KR at 0.36 forecast at 1.37, as held.
    expect(shownAsPercentCells({ ...rework, current: 0.071 }, 9.6, 0)).toBe(true);
    expect(shownAsPercentCells({ ...rework, current: 0.071 }, 0.096, 0)).toBe(false);
    expect(shownAsPercentCells({ metric: "stay_below", unit: "%", start: 0.1, target: 0.008, current: 0.36 }, 1.37, 0)).toBe(false);
    // Not a % KR, or one outside ±1: as held.
    expect(shownAsPercentCells({ metric: "decrease", unit: "days", start: 0.065, target: 0.03 }, 9.6, 0)).toBe(false);
    expect(shownAsPercentCells({ metric: "decrease", unit: "%", start: 6.5, target: 3 }, 9.6, 0)).toBe(false);
  });

  it("a % KR that could be either reading shows its Forecast cell's number as written (0.016% → 0.017%: 0.01517%, not 0.015%)", () => {
    // Found by the property above (seed -1997516051): the roll-up guessed fractions and showed the cell at their digits.
    const spec: KrSpec = { metric: "increase", unit: "%", start: 0.016, target: 0.017, objective: 0, weeks: [0.009, 0.013, 0.017, 0.001], percentCells: false };
    const { summary, team } = made(["committed"], [spec], { onTrackGap: 0, aspirationalGoal: 0.5 });
    const k = summary.below[0];
    expect(k.forecast.ok && withUnit(k.forecast.value, k.unit, ".", valueDigits(k))).toBe("0.01517%");
    expect(forecastText(team.worst[0], ".")).toBe("0.01517% by 2026-04-05");
  });

  it("is shown as its summary shows it, in the company's decimal separator", () => {
    const spec: KrSpec = { metric: "decrease", unit: "%", start: 0.065, target: 0.03, objective: 0, weeks: [0.066, 0.069, 0.071, 0.073], percentCells: true };
    const { summary, team } = made(["committed"], [spec]);
    const k = summary.below[0];
    expect(k.forecast.ok).toBe(true);
    const m = team.worst[0];
    // Its Forecast cell holds the forecast to 2 decimals, as the summary shows it (9.26, not 9.255833333333333).
    expect(m.value).toBe(k.forecast.ok ? cellForecast(k.forecast.value) : NaN);
    expect(m.value).toBe(9.26);
    expect(againstText(m, ",")).toBe("target 3%");
    expect(forecastText(m, ",")).toMatch(/^\d+,\d+% by 2026-04-05$/);
  });
});

describe("companyMisses", () => {
  const miss = (team: string, id: string, score: number, goal = 1) => ({ team, id, title: "", owner: "", unit: "", value: 0, score, goal, against: null, endDay: "2026-04-05" });
  it("worst first across teams, equals in the teams' order, capped with the rest counted", () => {
    const a = { columns: true, forecast: 3, missing: 2, worst: [miss("A", "K1", 0.5), miss("A", "K2", 0.2)] };
    const b = { columns: true, forecast: 1, missing: 1, worst: [miss("B", "K1", 0.1, 0.6)] };
    expect(companyMisses([a, null, b]).worst.map((m) => `${m.team}.${m.id}`)).toEqual(["A.K2", "A.K1", "B.K1"]);
    const many = { columns: true, forecast: 40, missing: 40, worst: Array.from({ length: ROLLUP_MISSES }, (_, i) => miss("C", `K${i}`, i / 100)) };
    const r = companyMisses([many, a]);
    expect([r.worst.length, r.total, r.worst[0].id]).toEqual([ROLLUP_MISSES, 42, "K0"]);
  });
});

describe("the roll-up's At this pace section", () => {
  const miss = (team: string, i: number) => ({ team, id: `O1.KR${i}`, title: "", owner: "", unit: "%", value: 80.5, score: 0.5 - i / 100, goal: 1, against: { value: 95, word: "target" as const }, endDay: "2026-04-05" });
  const result = (team: string, forecast: TeamForecast | undefined, ended?: string): TeamResult => ({
    entry: { row: 2, ref: team, team, weight: 1, problem: null },
    problem: null,
    figures: { cycle: "c", week: 4, weeks: 13, score: null, expected: null, status: "Not started", krs: 40 /* a team with KRs: one without is named apart */, mix: {}, checkinRate: null, lastCheckin: null, upward: [], forecast, ...(ended ? { ended } : {}) },
  });
  const section = (teams: TeamResult[], sep: NumberStyle = ".") => {
    const rows = layoutRollup({ cycle: "c", asOf: "2026-01-26", week: 4, weeks: 13, teams, alignment: { groups: [], unmatched: [] }, history: [], pending: 0, decimalSeparator: sep }).rows;
    const at = rows.findIndex((r) => String(r[0].v).startsWith("At this pace"));
    const end = rows.findIndex((r, i) => i > at && r.every((c) => c.v === null || c.v === ""));
    return rows.slice(at + 1, end).map((r) => r.map((c) => c.v).filter((v) => v !== null && v !== ""));
  };
  it("lists the 25 worst across teams, counts the rest, and names the teams without a forecast", () => {
    const big = (team: string, n: number): TeamForecast => ({ columns: true, forecast: n, missing: n, worst: Array.from({ length: Math.min(n, ROLLUP_MISSES) }, (_, i) => miss(team, i)) });
    const rows = section([result("A", big("A", 30)), result("B", big("B", 10)), result("C", { columns: false, forecast: 0, missing: 0, worst: [] }), result("D", { columns: true, forecast: 0, missing: 0, worst: [] }), result("E", undefined)], ",");
    expect(rows[0]).toEqual(["40 KRs in 2 teams end short of their goal at this pace (by more than their team's on-track gap), as the teams' latest check-ins and Weekly Summaries forecast them; the largest shortfall first."]);
    expect(rows[1][0]).toBe("Team");
    const listed = rows.slice(2, 2 + ROLLUP_MISSES);
    // The largest shortfall first (A's KR24 at 0.26); equal shortfalls in the teams' order (A.KR9, then B.KR9).
    expect(listed.map((r) => `${r[0]}.${r[1]}`).slice(13, 18)).toEqual(["A.O1.KR11", "A.O1.KR10", "A.O1.KR9", "B.O1.KR9", "A.O1.KR8"]);
    expect(listed.map((r) => `${r[0]}.${r[1]}`).slice(-2)).toEqual(["A.O1.KR5", "B.O1.KR5"]);
    expect(listed[0].slice(0, 4)).toEqual(["A", "O1.KR24", "80,5% by 2026-04-05", "target 95%"]);
    expect(listed[0][4] as number).toBeCloseTo(0.26, 12);
    expect(rows.slice(2 + ROLLUP_MISSES).map((r) => String(r[0]).slice(0, 40))).toEqual([
      "and 15 more: each team's own Weekly Summ",
      "Not forecast, no forecast columns in its",
      "Not forecast yet (no check-in or summary",
    ]);
    // C has no forecast columns, D none yet; E (a result cached before the forecast) is named in neither.
    expect(String(rows[rows.length - 2][0])).toMatch(/: C\.$/);
    expect(String(rows[rows.length - 1][0])).toMatch(/: D\.$/);
  });

  it("names a team whose cycle ended apart, not as without a forecast; with no team in its cycle, none is current", () => {
    // Ended is the figures' mark (teamFigures sets it, and endedForecast leaves none to miss).
    const ended = (team: string, forecast: number, columns = true): TeamResult => result(team, { columns, forecast, missing: 0, worst: [] }, "2026-04-05");
    const line = "Not counted, cycle ended and not rolled over yet (its key results ended where they stand: its final score is in the Teams table): ";
    expect(section([ended("A", 3), ended("B", 0), ended("C", 0, false)])).toEqual([
      ["None current: every team's cycle has ended (below)."],
      [`${line}A (ended 2026-04-05), B (ended 2026-04-05) and C (ended 2026-04-05).`],
    ]);
    const stale: TeamForecast = { columns: true, forecast: 2, missing: 0, worst: [], stale: { day: "2026-01-05", week: 1 } };
    expect(section([ended("A", 3), result("D", stale)])[0]).toEqual(["None current: every team's forecast is out of date or its cycle has ended (below)."]);
  });
});

describe("endedMisses: how a team's KRs ended, its cycle over", () => {
  it("lists the forecast KRs whose score from their cells misses the goal, at their Current, fraction-% cells × 100", () => {
    // On-time delivery typed 82% → 95% (cells 0.82, 0.95) ended at 0.88; its Forecast cells still hold the older
    // projection (90.4, score 0.65): the line says where it ended, 88%, not where it was heading.
    const t = trackerOf(["committed"], [
      { metric: "increase", unit: "%", start: 0.82, target: 0.95, objective: 0, weeks: [0.84, 0.86, 0.88, 0.88], percentCells: true },
      { metric: "decrease", unit: "days", start: 12, target: 8, objective: 0, weeks: [11, 10, 9, 8.1], percentCells: false },
      { metric: "milestone", unit: "", start: 0, target: 1, objective: 0, weeks: [0, 0, 0, 0], percentCells: false },
    ], {});
    const scores = new Map(t.keyResults.map((k) => [k.id, krScore(String(k.metric), k.start, k.target, k.current).score]));
    const cells: KrForecastCells[] = [{ value: 90.4, score: 0.6462 }, { value: 8.1, score: 0.975 }, { value: null, score: null }];
    const m = endedMisses(t, cells, scores, "Ops", "2026-04-05");
    expect([m.forecast, m.missing, m.worst.map((x) => x.id)]).toEqual([2, 1, ["O1.KR1"]]);
    expect(endedMissLine(m, "2026-04-05", ",")).toBe("1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88% (target 95%).");
    // Without forecast columns: nothing to say (the team's summary forecasts nothing either).
    expect(endedMisses(t, null, scores, "Ops", "2026-04-05").columns).toBe(false);
  });
});

// How well does the forecast see, early in the cycle, which KRs will miss? (docs/forecast.md, "How well does
// week four see a miss?"). Deterministic: the KRs come from a fixed seed (bench/forecastPaths.ts).
//
//   npm run bench:forecast          (= tsx bench/forecastBacktest.ts; prints the tables, and the grades of how
//                                   sure each name is: bench/forecastSure.ts, countGrades below)
//   npm run bench                   (adds the same figures to bench/results.json as `forecastBacktest`)
//
// Each KR's check-ins up to the last day of week N (N = 3..6: after that week's check-in; the check-in's own
// forecast and the next Monday's refresh say the same with nothing new between, docs/forecast.md) go through
// the product's own rule, as the check-in computes it (src/server/forecastCells.ts checkinForecast:
// weekValuesFromCheckins → forecastPoints → forecastKr) and as the summary lists it (forecastMisses against the
// goal with the on-track gap). A KR is *flagged* when the Forecast section would list it. It *misses* when the
// score of its last check-in (what the retrospective scores) is below the goal by more than the on-track gap:
// below 0.9 for a committed KR, the section's own promise. Every KR here is committed (goal 1, gap 0.10).
import { pathToFileURL } from "node:url";
import { addDays, dayNumber, elapsed } from "../src/core/dates";
import { forecastKr } from "../src/core/forecast";
import { krScore, withinGap } from "../src/core/scoring";
import { forecastMisses, forecastPoints, weekValuesFromCheckins } from "../src/core/summaryForecast";
import { backtestKrs, SHAPES, START, WEEKS, type BacktestKr, type Checkin, type Options, type Shape } from "./forecastPaths";
import { gradeFigures, GRADERS, sureMarkdown, type Grade, type GradeTable } from "./forecastSure";

const GOAL = 1;
const GAP = 0.1;
const CYCLE = { startDate: START, weeks: WEEKS };
export const REPORT_WEEKS = [3, 4, 5, 6];

/** What a rule says of a KR on a day: its forecast end score (null: it abstains, or has none) and whether it flags it. */
export interface Verdict {
  score: number | null;
  flag: boolean;
}
export type Rule = (k: BacktestKr, seen: Checkin[], asOf: string) => Verdict;

/** The product: the check-in's forecast, listed as the summary's Forecast section lists it. */
export const productRule: Rule = (k, seen, asOf) => {
  const latest = seen.length ? seen[seen.length - 1].date : null;
  const values = weekValuesFromCheckins(seen, START, asOf);
  const f = forecastKr(k.kr, forecastPoints(values, START, asOf, latest), CYCLE, latest);
  return f.ok ? { score: f.score, flag: forecastMisses(f.score, GOAL, GAP) } : { score: null, flag: false };
};

/** The sheet's Status: not On track today (score against expected = elapsed × goal; stay KRs: the condition now). */
export const statusRule: Rule = (k, seen, asOf) => {
  if (!seen.length) return { score: null, flag: false }; // Not started
  const now = krScore(k.kr.metric, k.kr.start, k.kr.target, seen[seen.length - 1].value).score ?? 0;
  const stay = k.kr.metric.startsWith("stay");
  return { score: null, flag: stay ? now < 1 : !withinGap(now, elapsed(asOf, START, WEEKS) * GOAL, GAP) };
};

/** A naive pace: the score so far divided by the share of the cycle behind the latest check-in (stay KRs: the condition now). */
export const paceRule: Rule = (k, seen) => {
  if (!seen.length) return { score: null, flag: false };
  const last = seen[seen.length - 1];
  const now = krScore(k.kr.metric, k.kr.start, k.kr.target, last.value).score ?? 0;
  const share = elapsed(last.date, START, WEEKS);
  const score = k.kr.metric.startsWith("stay") ? now : Math.min(1, share > 0 ? now / share : now);
  return { score, flag: forecastMisses(score, GOAL, GAP) };
};

export const RULES: Record<string, Rule> = { forecast: productRule, "status (not On track)": statusRule, "naive pace": paceRule };

/** The score the retrospective gives: its last check-in's. */
export function endScore(k: BacktestKr): number {
  const last = k.checkins[k.checkins.length - 1];
  return krScore(k.kr.metric, k.kr.start, k.kr.target, last ? last.value : null).score ?? 0;
}

/** The last day of week `n` (as of then: the week's check-in is in). */
export const weekEnd = (n: number) => addDays(START, 7 * n - 1);

export interface Counts {
  krs: number;
  /** KRs that miss (end < 0.9), and badly (end < 0.7). */
  misses: number;
  badMisses: number;
  flagged: number;
  /** Flagged and missing; flagged among the bad misses. */
  caught: number;
  caughtBad: number;
  /** KRs the rule gives no forecast. */
  abstains: number;
  /** Sum of |forecast score − end score| over the increase/decrease KRs it forecasts, and their number. */
  absError: number;
  scored: number;
  /** Per KR: the forecast end score (none: +∞ when not flagged, 0 when flagged) and whether it misses, for the AUC. */
  ranked: { score: number; miss: boolean }[];
}

/**
 * How well the forecast score orders the KRs, whatever the line drawn: the chance that a KR that misses has
 * a lower forecast score than one that makes it (ties count half); 0.5 is a coin, 1 perfect.
 */
export function auc(ranked: { score: number; miss: boolean }[]): number | null {
  const sorted = ranked.slice().sort((a, b) => a.score - b.score);
  const neg = sorted.filter((x) => !x.miss).length;
  let pos = 0;
  let wins = 0;
  let hitsBefore = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let p = 0;
    let n = 0;
    for (; j < sorted.length && sorted[j].score === sorted[i].score; j++) {
      if (sorted[j].miss) p++;
      else n++;
    }
    // Each miss here ranks below every hit with a higher score, and ties with this group's hits.
    wins += p * (neg - hitsBefore - n) + 0.5 * p * n;
    hitsBefore += n;
    pos += p;
    i = j;
  }
  return pos > 0 && neg > 0 ? wins / (pos * neg) : null;
}

const zero = (): Counts => ({ krs: 0, misses: 0, badMisses: 0, flagged: 0, caught: 0, caughtBad: 0, abstains: 0, absError: 0, scored: 0, ranked: [] });

export function count(krs: BacktestKr[], rule: Rule, week: number): Counts {
  const c = zero();
  const asOf = weekEnd(week);
  for (const k of krs) {
    const seen = k.checkins.filter((x) => x.date <= asOf);
    const v = rule(k, seen, asOf);
    const end = endScore(k);
    const miss = forecastMisses(end, GOAL, GAP);
    const bad = end < 0.7;
    c.krs++;
    if (miss) c.misses++;
    if (bad) c.badMisses++;
    if (v.flag) c.flagged++;
    if (v.flag && miss) c.caught++;
    if (v.flag && bad) c.caughtBad++;
    c.ranked.push({ score: v.score ?? (v.flag ? 0 : Infinity), miss });
    if (v.score === null) c.abstains++;
    else if (k.kr.metric === "increase" || k.kr.metric === "decrease") {
      c.absError += Math.abs(v.score - end);
      c.scored++;
    }
  }
  return c;
}

/**
 * The share of misses a rule would list if its line were drawn where it lists at most `falseAlarms` of the KRs
 * that make it (listing every KR whose forecast score is at most some threshold): recall at equal false
 * alarms, to compare rules that draw their lines in different places. Ties are listed together.
 */
export function recallAt(ranked: { score: number; miss: boolean }[], falseAlarms: number): number | null {
  const sorted = ranked.filter((x) => isFinite(x.score)).sort((a, b) => a.score - b.score);
  const pos = ranked.filter((x) => x.miss).length;
  const neg = ranked.length - pos;
  if (!pos || !neg) return null;
  let best = 0;
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    for (; j < sorted.length && sorted[j].score === sorted[i].score; j++) {
      if (sorted[j].miss) tp++;
      else fp++;
    }
    if (fp / neg <= falseAlarms) best = tp / pos;
    i = j;
  }
  return best;
}

/** The figures of a count: shares 0..1 (null where undefined: no misses, nothing flagged). */
export function figures(c: Counts) {
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    krs: c.krs,
    missRate: r(c.misses, c.krs),
    recall: r(c.caught, c.misses),
    recallBad: r(c.caughtBad, c.badMisses),
    precision: r(c.caught, c.flagged),
    falseAlarms: r(c.flagged - c.caught, c.krs - c.misses),
    abstains: r(c.abstains, c.krs),
    mae: r(c.absError, c.scored),
    auc: ((a) => (a === null ? null : Math.round(a * 1000) / 1000))(auc(c.ranked)),
    recallAt20: ((a) => (a === null ? null : Math.round(a * 1000) / 1000))(recallAt(c.ranked, 0.2)),
  };
}

export interface BacktestResult {
  options: Options;
  /** rule → week → figures over the KRs the forecast is for (every one but the milestones). */
  overall: Record<string, Record<number, ReturnType<typeof figures>>>;
  /** rule → shape → figures at week 4. */
  weekFourByShape: Record<string, Record<string, ReturnType<typeof figures>>>;
  /**
   * How sure a name is (bench/forecastSure.ts): each KR the forecast lists graded "likely" or "may miss", over
   * the same KRs and over them without the KRs "getting worse" (which miss by construction).
   */
  sure?: SureTables;
}
type SureTables = { all: GradeTable; withoutGettingWorse: GradeTable };

/**
 * The graders' figures per week over `krs`, and over them without `leftOut` (one pass: the product's verdict
 * is computed once per KR and week).
 */
export function countGrades(krs: BacktestKr[], leftOut: Shape, graders = GRADERS): [GradeTable, GradeTable] {
  const miss = krs.map((k) => forecastMisses(endScore(k), GOAL, GAP));
  const kept = krs.map((k) => k.shape !== leftOut);
  const sizes = [krs.length, kept.filter(Boolean).length];
  const misses = [miss.filter(Boolean).length, miss.filter((m, i) => m && kept[i]).length];
  const tables: [GradeTable, GradeTable] = [{}, {}];
  for (const w of REPORT_WEEKS) {
    const asOf = weekEnd(w);
    // per grader, per table: counts per grade of [listed, listed that miss]
    const n = Object.keys(graders).map(() => [0, 1].map((): Record<Grade, number[]> => ({ likely: [0, 0], may: [0, 0] })));
    krs.forEach((k, i) => {
      const seen = k.checkins.filter((c) => c.date <= asOf);
      const v = productRule(k, seen, asOf);
      Object.values(graders).forEach((grade, j) => {
        const g = grade(k, seen, asOf, v);
        if (!g) return;
        for (const t of kept[i] ? [0, 1] : [0]) {
          n[j][t][g][0]++;
          if (miss[i]) n[j][t][g][1]++;
        }
      });
    });
    Object.keys(graders).forEach((name, j) => {
      for (const t of [0, 1]) (tables[t][name] ??= {})[w] = gradeFigures(n[j][t], sizes[t], misses[t]);
    });
  }
  return tables;
}

export const DEFAULT_OPTIONS: Options = { seed: 20261207, perShape: 400 };

/**
 * The rules' figures, and the "how sure" grades of the product's names unless `grades` is false: a harness
 * that prints only its rules' tables (bench/forecastCandidates.ts) spent ~1 s of CPU grading (session 17).
 */
export function runBacktest(o?: Options, rules?: Record<string, Rule>): BacktestResult & { sure: SureTables };
export function runBacktest(o: Options | undefined, rules: Record<string, Rule>, grades: false): BacktestResult;
export function runBacktest(o: Options = DEFAULT_OPTIONS, rules: Record<string, Rule> = RULES, grades = true): BacktestResult {
  const krs = backtestKrs(o);
  // Milestones are not forecast (docs/forecast.md): they are in the table by shape, not in the overall figures.
  const forecastable = krs.filter((k) => k.kr.metric !== "milestone");
  const overall: BacktestResult["overall"] = {};
  const weekFourByShape: BacktestResult["weekFourByShape"] = {};
  for (const [name, rule] of Object.entries(rules)) {
    overall[name] = Object.fromEntries(REPORT_WEEKS.map((w) => [w, figures(count(forecastable, rule, w))]));
    weekFourByShape[name] = Object.fromEntries(SHAPES.map((s: Shape) => [s, figures(count(krs.filter((k) => k.shape === s), rule, 4))]));
  }
  if (!grades) return { options: o, overall, weekFourByShape };
  const [all, withoutGettingWorse] = countGrades(forecastable, "getting worse");
  return { options: o, overall, weekFourByShape, sure: { all, withoutGettingWorse } };
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const dec = (x: number | null) => (x === null ? "—" : x.toFixed(3));

/** The tables as Markdown, as docs/forecast.md shows them. */
export function markdown(res: BacktestResult): string {
  const lines: string[] = [];
  lines.push("| rule | week | flagged misses (recall) | of bad misses < 0.7 | flags that miss (precision) | false alarms (of KRs that make it) | no forecast | mean abs. error of end score | AUC | recall at 20% false alarms |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const [name, byWeek] of Object.entries(res.overall)) {
    for (const w of REPORT_WEEKS) {
      const f = byWeek[w];
      const none = f.mae === null && f.abstains === 1 ? "n/a" : pct(f.abstains); // the status gives no end score
      lines.push(`| ${name} | ${w} | ${pct(f.recall)} | ${pct(f.recallBad)} | ${pct(f.precision)} | ${pct(f.falseAlarms)} | ${none} | ${dec(f.mae)} | ${dec(f.auc)} | ${f.mae === null ? "—" : pct(f.recallAt20)} |`);
    }
  }
  lines.push("");
  const names = Object.keys(res.weekFourByShape);
  lines.push(`| week 4, by shape | KRs that miss | ${names.map((n) => `${n}: recall / false alarms`).join(" | ")} |`);
  lines.push(`|---|---|${names.map(() => "---").join("|")}|`);
  for (const s of SHAPES) {
    const first = res.weekFourByShape[names[0]][s];
    lines.push(`| ${s} | ${pct(first.missRate)} | ${names.map((n) => `${pct(res.weekFourByShape[n][s].recall)} / ${pct(res.weekFourByShape[n][s].falseAlarms)}`).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Days from the cycle's start, for a reader of the tables. */
export const dayOf = (iso: string) => dayNumber(iso) - dayNumber(START);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const res = runBacktest();
  const f = res.overall.forecast[4];
  console.log(`forecast backtest: seed ${res.options.seed}, ${res.options.perShape} KRs per shape; committed (goal 1, on-track gap 0.10)`);
  console.log(`overall: the ${f.krs} KRs but milestones, ${pct(f.missRate)} of which miss (end score < 0.9)\n`);
  console.log(markdown(res));
  console.log(`\nHow sure a name is: each KR the forecast lists graded "likely to miss" or "may miss" (bench/forecastSure.ts)\n`);
  console.log(sureMarkdown(res.sure.all));
  console.log(`\nThe same without the KRs "getting worse", which all miss:\n`);
  console.log(sureMarkdown(res.sure.withoutGettingWorse));
}

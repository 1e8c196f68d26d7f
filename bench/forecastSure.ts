// How sure is a week-four "forecast to miss"? (docs/forecast.md, "How sure is a name?"). Each KR the Forecast
// section lists is graded "likely to miss" when even the kind end of its pace's range still misses (the
// forecast recomputed with a pace in the KR's good direction taken from the spread of its pairwise slopes),
// else "may miss"; variants differ in how kind that end is, and two references grade without the spread.
// bench/forecastBacktest.ts counts the grades (`npm run bench:forecast`, its result's `sure`).
import { dayNumber } from "../src/core/dates";
import { forecastKr } from "../src/core/forecast";
import { krScore } from "../src/core/scoring";
import { forecastMisses, forecastPoints, weekValuesFromCheckins } from "../src/core/summaryForecast";
import type { Verdict } from "./forecastBacktest";
import { START, WEEKS, type BacktestKr, type Checkin } from "./forecastPaths";

export type Grade = "likely" | "may";
/** Picks the kind pace from the pairwise slopes sorted from the least to the most kind (in the KR's good direction). */
export type KindPace = (sorted: number[], points: number) => number;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** The p-quantile (0..1) of sorted values, interpolated between ranks; 1: the kindest pair of points. */
export const quantile =
  (p: number): KindPace =>
  (s) => {
    const i = p * (s.length - 1);
    const lo = Math.floor(i);
    return lo + 1 < s.length ? s[lo] + (i - lo) * (s[lo + 1] - s[lo]) : s[lo];
  };

/**
 * The kind end of Sen's rank-based interval for the Theil–Sen slope at two-sided level `z` (1.645: 90%): of the
 * N = n(n−1)/2 slopes of n points, sorted, the one of rank (N + z·√(n(n−1)(2n+5)/18))/2 + 1, at most N. With 4
 * points (week four) that is the kindest slope at any usual level: 4 points pin a pace down to little.
 */
export const senInterval =
  (z: number): KindPace =>
  (s, n) => {
    const c = z * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
    return s[Math.min(s.length, Math.max(1, Math.round((s.length + c) / 2) + 1)) - 1];
  };

/**
 * The forecast score at a pace picked by `kind`, with the line drawn as forecastKr draws it (intercept the
 * median of value − pace × day, leaning towards the latest value by the share of the cycle behind it). Weeks
 * 3–6 never have a landed KR, and the floor at 0 and ceiling at 100 do not move these KRs' scores.
 */
export function kindScore(k: BacktestKr, seen: Checkin[], asOf: string, kind: KindPace): number | null {
  const latest = seen.length ? seen[seen.length - 1].date : null;
  const pts = forecastPoints(weekValuesFromCheckins(seen, START, asOf), START, asOf, latest);
  if (pts.length < 3) return null;
  const xs = pts.map((p) => dayNumber(p.day) - dayNumber(START));
  const ys = pts.map((p) => p.value);
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  const up = k.kr.metric === "increase" || k.kr.metric === "stay_above";
  slopes.sort((a, b) => (up ? a - b : b - a));
  const q = kind(slopes, pts.length);
  const xEnd = 7 * WEEKS - 1;
  const xLast = xs[xs.length - 1];
  const share = xLast / xEnd;
  const intercept = median(ys.map((y, i) => y - q * xs[i]));
  const value = (1 - share) * (intercept + q * xEnd) + share * (ys[ys.length - 1] + q * (xEnd - xLast));
  return krScore(k.kr.metric, k.kr.start, k.kr.target, value).score ?? 0;
}

/** The grade of a KR the product lists (`listed`: the product's verdict, flagged); null when it is not listed. */
export type Grader = (k: BacktestKr, seen: Checkin[], asOf: string, listed: Verdict) => Grade | null;

export const spreadGrader =
  (kind: KindPace): Grader =>
  (k, seen, asOf, listed) => {
    if (!listed.flag) return null;
    const s = kindScore(k, seen, asOf, kind);
    return s !== null && forecastMisses(s, 1, 0.1) ? "likely" : "may";
  };

/**
 * The spread of the points rather than of the paces (a jackknife): "likely" when the product's own forecast
 * still misses with any one week's point left out; "may miss" when one week alone makes the difference (or,
 * with 3 points, when 2 give no forecast).
 */
export const leaveOneOutGrader: Grader = (k, seen, asOf, listed) => {
  if (!listed.flag) return null;
  const latest = seen[seen.length - 1].date;
  const pts = forecastPoints(weekValuesFromCheckins(seen, START, asOf), START, asOf, latest);
  const scores = pts.map((_, i) => forecastKr(k.kr, pts.filter((_p, j) => j !== i), { startDate: START, weeks: WEEKS }, latest));
  return scores.some((f) => f.ok) && scores.every((f) => !f.ok || forecastMisses(f.score, 1, 0.1)) ? "likely" : "may";
};

/** A reference without the spread: "likely" when the forecast score itself is below `below`. */
export const scoreGrader =
  (below: number): Grader =>
  (_k, _seen, _asOf, v) =>
    v.flag ? (v.score !== null && v.score < below ? "likely" : "may") : null;

/** An increase or decrease KR whose latest check-in is on the wrong side of its Start (it has moved away from its target). */
const behindStart = (k: BacktestKr, seen: Checkin[]) =>
  (k.kr.metric === "increase" || k.kr.metric === "decrease") && (seen[seen.length - 1].value - k.kr.start) / (k.kr.target - k.kr.start) < 0;

/** "likely" only where `base` says so and the KR is behind its Start (`alone`: whatever `base` said of a listed KR). */
export const behindStartGrader =
  (base: Grader, alone = false): Grader =>
  (k, seen, asOf, v) => {
    const g = base(k, seen, asOf, v);
    return g && (alone || g === "likely") ? (behindStart(k, seen) ? "likely" : "may") : g;
  };

export const GRADERS: Record<string, Grader> = {
  "upper quartile of the paces": spreadGrader(quantile(0.75)),
  "Sen's 90% interval": spreadGrader(senInterval(1.645)),
  "kindest pair of weeks": spreadGrader(quantile(1)),
  "any one week left out": leaveOneOutGrader,
  "kindest pair, and behind its Start": behindStartGrader(spreadGrader(quantile(1))),
  "forecast score below 0.5 (no spread)": scoreGrader(0.5),
  "behind its Start (no spread)": behindStartGrader(spreadGrader(quantile(1)), true),
  'none (every listed KR "may miss")': scoreGrader(-1),
};

/** One grade's figures in a week: how many KRs it lists, the share of the misses among them, precision, false alarms (of the KRs that make it). */
export interface GradeFigures {
  listed: number;
  recall: number | null;
  precision: number | null;
  falseAlarms: number | null;
}
/** grader → week → grade → figures. */
export type GradeTable = Record<string, Record<number, Record<Grade, GradeFigures>>>;

/** The grades' figures from counts per grade of [listed, listed that miss]. */
export function gradeFigures(n: Record<Grade, number[]>, krs: number, misses: number): Record<Grade, GradeFigures> {
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  const fig = ([listed, hit]: number[]): GradeFigures => ({ listed, recall: r(hit, misses), precision: r(hit, listed), falseAlarms: r(listed - hit, krs - misses) });
  return { likely: fig(n.likely), may: fig(n.may) };
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The table as docs/forecast.md shows it. */
export function sureMarkdown(table: GradeTable): string {
  const lines = [
    "| grade by | week | likely: listed | of the misses | precision | false alarms | may miss: listed | of the misses | precision | false alarms |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const [name, byWeek] of Object.entries(table)) {
    for (const [w, { likely: l, may: m }] of Object.entries(byWeek)) {
      lines.push(`| ${name} | ${w} | ${l.listed} | ${pct(l.recall)} | ${pct(l.precision)} | ${pct(l.falseAlarms)} | ${m.listed} | ${pct(m.recall)} | ${pct(m.precision)} | ${pct(m.falseAlarms)} |`);
    }
  }
  return lines.join("\n");
}

// Where a KR will land at the end of the cycle if it keeps its pace (docs/forecast.md).
//
// Rules, decided precisely here:
// - Points: one per week of the cycle, (day, value), dated by the day the value is as of: History's As of
//   for a week it recorded (the weekly refresh records a week on its first day), else the week's last day;
//   the week not over has its value so far, placed a week after the previous point within the week (its last
//   day without one), or on the report's day when that is later; a repeat of the previous point less than a
//   week after it, with the KR's latest check-in not dated between, is left out. summaryForecast.ts
//   forecastPoints builds them.
// - At least MIN_POINTS points spanning MIN_SPAN_DAYS are needed; with fewer there is no forecast (NOT_ENOUGH).
// - The trend is Theil–Sen: slope = median of the pairwise slopes (y_j − y_i) / (x_j − x_i) over pairs with
//   x_i ≠ x_j, intercept = median of y − slope·x, with x = days since the cycle start. One bad week moves a
//   median much less than it moves a least-squares fit.
// - Forecast = the trend's value on the cycle's last day (cycle end − 1 day), leaning towards the latest
//   value carried at the trend's pace by the share of the cycle behind the latest point; or, when the latest
//   point is on that day (a report as of the last day or later) or follows a check-in of the cycle's last
//   week, that point's value: the KR has landed. Not past
//   0, nor 100 for a % KR, when the KR has never been beyond them (withinBounds). Forecast score = that value
//   scored by the KR's own rule (krScore: increase, decrease, stay_above, stay_below). Milestones are not
//   forecast (their value is a judgement, not a measurement), nor KRs with a setup error.
// - Weeks to target: 0 when the latest value already meets the target; otherwise (target − latest) /
//   weekly slope when the trend moves towards the target; null (shown blank) when it is flat or moves away.
//   "Meets": ≥ target for increase and stay_above, ≤ target for decrease and stay_below.
import { addDays, cycleLastDay, dayNumber, isValidIsoDate } from "./dates";
import { isNum, krScore, normalizeMetric } from "./scoring";
import { isPercentUnit, percentShown, roundedText, shownRound, type NumberStyle } from "./numbers";

export { percentShown };
import { valueDigits } from "./valueDigits";
import type { NeededPace } from "./neededPace";
export { MAX_VALUE_DIGITS, PERCENT_VALUE_FORMAT, percentValueFormat, valueDigits } from "./valueDigits";

export const MIN_POINTS = 3;
/**
 * The weeks of check-ins a forecast needs: one point per week (a week without a check-in carries the value
 * before it over), so 3.
 */
export const WEEKS_NEEDED = 3;
/**
 * …and the points must span at least from the last day of one week to the first day of the week after next:
 * points of three different weeks, dated within their weeks, always do. Until session 12 this was 14 days:
 * every point was dated at its week's last day, and a summary on Monday of week 3 whose History recorded
 * week 2 on its Monday, before that week's check-in, had week 1's value twice and the newer one as of its
 * day, three points from two check-ins a day apart at the end (it forecast the rework rate at 9.75% from
 * them). Dated by the days their values are as of, that repeat is left out (forecastPoints); the log's weeks
 * and the weekly refresh's History are a week apart, and summaries made on other weekdays (History recorded
 * on a Friday, then on a Monday) may put three weeks' points less than 14 days apart: they forecast, as the
 * words "3 weeks are needed" say.
 */
export const MIN_SPAN_DAYS = 7 * (WEEKS_NEEDED - 2) + 1;
export const NOT_ENOUGH = "not enough check-ins to forecast yet";
/** What the Weekly Summary's This week line and its Forecast section say without a forecast. */
export const NOT_ENOUGH_WEEKS = `${NOT_ENOUGH} (${WEEKS_NEEDED} weeks are needed)`;
export const NOT_FOR_MILESTONES = "milestones are not forecast";

export interface ForecastPoint {
  /** YYYY-MM-DD */
  day: string;
  value: number;
}

export interface Trend {
  /** Change per day. */
  slope: number;
  /** Value at x = 0. */
  intercept: number;
}

export type KrForecast =
  | {
      ok: true;
      /** The projected value on the cycle's last day. */
      value: number;
      /** `value` scored by the KR's rule, 0..1. */
      score: number;
      /** Weeks from the latest point to the target at the trend's pace; null when the trend points away. */
      weeksToTarget: number | null;
      /** Change per week. */
      slopePerWeek: number;
      /** The latest point's value, and the weeks from its day to the cycle's last day (what the pace must cover). */
      latest: number;
      weeksLeft: number;
      /** YYYY-MM-DD: the cycle's last day. */
      endDay: string;
      points: number;
    }
  | { ok: false; reason: string };

/** The middle value of `xs` (the mean of the middle two when even); `xs` is not reordered. */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Theil–Sen fit of y on x; null when fewer than 2 distinct x. */
export function theilSen(xs: number[], ys: number[]): Trend | null {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  }
  if (slopes.length === 0) return null;
  const slope = median(slopes);
  return { slope, intercept: median(xs.map((x, i) => ys[i] - slope * x)) };
}

/** Ordinary least squares, only to show in tests how much more one outlier moves it. */
export function leastSquares(xs: number[], ys: number[]): Trend | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The trend with a slope of float noise made 0. Typed values' pairwise changes that are equal on paper differ
 * in their last bits (1.4 as 413.6 − 412.2 and as 409.5 − 408.1), so the median of a flat KR's slopes could be
 * 4e-15 a day, not 0: its Weeks to target read 474294256222343.8 where the Why said "no change week to week"
 * (session 18's review, a property of lower-is-better KRs mirrored). Noise is a slope that moves the KR by
 * less than 1e-12 of its values' size over the whole cycle (a difference of two values is off by ~2e-16 of
 * their size, so a noise slope moves them ~3e-15 over 13 weeks; a pace that shows at any KR's decimals is
 * many orders above).
 */
function flatWhenNoise(trend: Trend, cycleDays: number, values: number[]): Trend {
  const size = Math.max(1, ...values.map((v) => Math.abs(v)));
  if (trend.slope === 0 || Math.abs(trend.slope) * cycleDays >= 1e-12 * size) return trend;
  return { slope: 0, intercept: trend.intercept };
}

/** True when `value` meets the target in the metric's direction. */
function meets(up: boolean, value: number, target: number): boolean {
  return up ? value >= target : value <= target;
}

/**
 * The line's value kept within what the metric can be: never below 0 for a KR that has never been below 0
 * (start, target and every point ≥ 0: a rate, days, a count), and never above 100 for a % KR that has never
 * been above 100 (an on-time rate of 86% rising 2 points a week is forecast at 100%, not 103%: until session
 * 11 it was). A KR that has been outside keeps the line's value (a balance, a growth rate of 140%).
 */
function withinBounds(line: number, kr: { start: number | null; target: number; unit?: unknown }, points: ForecastPoint[]): number {
  const all = [kr.start || 0, kr.target, ...points.map((p) => p.value)];
  let v = line;
  if (all.every((x) => x >= 0)) v = Math.max(0, v);
  if (typeof kr.unit === "string" && isPercentUnit(kr.unit) && all.every((x) => x <= 100)) v = Math.min(100, v);
  return v;
}

/** `kr` and `points` as the KR's cells show them (krAsShown): a fraction-% KR's × 100, so the ceiling is 100 for it too. */
export function forecastKr(
  kr: { metric: unknown; start: number | null; target: number | null; unit?: unknown },
  points: ForecastPoint[],
  cycle: { startDate: string; weeks: number },
  lastCheckin: string | null = null,
): KrForecast {
  const metric = normalizeMetric(kr.metric);
  if (metric === "milestone") return { ok: false, reason: NOT_FOR_MILESTONES };
  const probe = metric === null ? null : krScore(metric, kr.start, kr.target, kr.target);
  if (metric === null || !probe || probe.error !== null || !isNum(kr.target)) {
    return { ok: false, reason: probe && probe.error ? probe.error : "the KR has a setup error" };
  }
  const usable = points.filter((p) => isNum(p.value) && isValidIsoDate(p.day));
  if (usable.length < MIN_POINTS) return { ok: false, reason: NOT_ENOUGH };
  const day0 = dayNumber(cycle.startDate);
  const xs = usable.map((p) => dayNumber(p.day) - day0);
  const fitted = theilSen(
    xs,
    usable.map((p) => p.value),
  );
  if (!fitted || Math.max(...xs) - Math.min(...xs) < MIN_SPAN_DAYS) return { ok: false, reason: NOT_ENOUGH };
  const endDay = cycleLastDay(cycle.startDate, cycle.weeks);
  const xEnd = dayNumber(endDay) - day0;
  const trend = flatWhenNoise(fitted, 7 * cycle.weeks, usable.map((p) => p.value));
  const last = usable[usable.length - 1];
  // A point on the cycle's last day (a report of that day or later: the retrospective) is where the KR
  // landed; the trend line through the weeks before need not pass through it, and "ends at 0.29" beside a
  // final score of 0.50 would contradict the report it sits in.
  // A metric that has never been below 0 (start, target and every point ≥ 0: a % rate, days, a count) is not
  // forecast below it: the line reaches 0 and stops (docs/forecast.md), as plausible.ts asks about a value
  // that changes sign; nor a % that has never been above 100 above 100. One that has been outside keeps the line's value.
  // Early in the cycle the forecast is the line's own value on the last day (one odd week barely moves it);
  // as the cycle goes on it leans towards the latest value carried at the line's pace, in proportion to the
  // share of the cycle behind the latest point: a KR stalled for seven weeks at 89.9% with a week to go was
  // forecast at 91.08% by a line still remembering its first weeks (session 11, docs/forecast.md).
  // So has a KR whose latest point is of the cycle's last week and follows a check-in of that week
  // (`lastCheckin`): its last check-in is in, and the days left would only carry the line's pace a few days
  // past it. Until session 12 that point was dated at the week's last day, so this held by its date.
  const lastWeek = addDays(endDay, -6);
  const landed = last.day >= endDay || (lastCheckin !== null && lastCheckin >= lastWeek && last.day >= lastWeek);
  const xLast = dayNumber(last.day) - day0;
  const share = Math.min(1, Math.max(0, xLast / xEnd));
  const fromLatest = last.value + trend.slope * (xEnd - xLast);
  const line = landed ? last.value : (1 - share) * (trend.intercept + trend.slope * xEnd) + share * fromLatest;
  const value = withinBounds(line, { start: kr.start, target: kr.target, unit: kr.unit }, usable);
  const scored = krScore(metric, kr.start, kr.target, value);
  const target = kr.target;
  const up = metric === "increase" || metric === "stay_above";
  const latest = last.value;
  const slopePerWeek = trend.slope * 7;
  let weeksToTarget: number | null;
  if (meets(up, latest, target)) weeksToTarget = 0;
  else if (up ? slopePerWeek > 0 : slopePerWeek < 0) weeksToTarget = (target - latest) / slopePerWeek;
  else weeksToTarget = null;
  const weeksLeft = landed ? 0 : Math.max(0, (xEnd - xLast) / 7);
  return { ok: true, value, score: scored.score === null ? 0 : scored.score, weeksToTarget, slopePerWeek, latest, weeksLeft, endDay, points: usable.length };
}

/**
 * A value for display, rounded to `digits` decimals (the KR's valueDigits; 2 by default) without float
 * noise or trailing zeros ("91.5", "0.35", "1200", "0.0436"), with the decimal separator given (the
 * spreadsheet locale's: "91,5" in de_DE), −0 as 0.
 */
export function formatValue(v: number, sep: NumberStyle = ".", digits = 2): string {
  return roundedText(v, digits, sep);
}

/**
 * The three Key Results forecast cells of a forecast (Forecast, Forecast score, Weeks to target), or the
 * reason and two blanks. The Forecast is held at the precision every word about it shows it (formatValue at
 * `digits`, the KR's valueDigits: 2 for most KRs, 4 for 0.05 → 0.03; in the units its cells show, so a
 * fraction-% KR's 4.39 not 0.0439), and Weeks to target at the summary's Forecast section's (one decimal;
 * the "0.0" format here, none there since session 22): the cell then says the number the Weekly Summary,
 * the digest and the sidebar say. Until session 12 the Forecast cell, which has no number format
 * (a format would cost setup and Repair tracker a call each), showed 4.388888889 beside the summary's
 * 4.39%. The Forecast score stays the score of the unrounded forecast, as the summary's: rounding first
 * would move the score of a KR with a narrow span (0.05 → 0.03 in plain numbers at 2 decimals: by up to a
 * quarter), and the summary ranks and lists by that score; it has its 0.00 format.
 */
export function forecastCellValues(f: KrForecast, digits = 2): [number | string, number | string, number | string] {
  if (!f.ok) return [f.reason, "", ""];
  return [cellForecast(f.value, digits), f.score, f.weeksToTarget === null ? "" : weeksShown(f.weeksToTarget)];
}

/** Weeks to target as the Forecast section and its cell show it: one decimal (the Key Results cell's "0.0" format). */
export function weeksShown(w: number): number {
  return shownRound(w, 1);
}

/**
 * A forecast value as its cell holds it: to the KR's decimals (valueDigits), as formatValue shows it (so
 * formatValue of it is the same text, and the cell, which has no number format, shows that text), −0 as 0.
 */
export function cellForecast(v: number, digits = 2): number {
  return isFinite(v) ? shownRound(v, digits) || 0 : v;
}

/** The value the KR must reach for its objective's goal, and its name (forecastWords.goalValue). */
export interface GoalValue {
  value: number;
  word: "target" | "goal";
}

/**
 * What the sidebar's line needs of a forecast: the server sends it, the page words it (forecastWords
 * forecastLine). `goal`: what the KR ends against, as the summary names it; absent without a target.
 */
export type LineForecast =
  | {
      ok: true;
      value: number;
      score: number;
      endDay: string;
      goal?: GoalValue;
      /** The KR's valueDigits (from its start and target as its cells show them); absent: 2. */
      digits?: number;
      /** What it takes, in a check-in's reply for a KR forecast to miss (forecastCells.ts sidebarForecast). */
      need?: NeededPace;
    }
  | { ok: false; reason: string };


/** One number of a KR as its cells show it: percentShown where `percentCells` (krAsShown), else as held; a blank or non-finite value as it is. */
export function valueAsShown<V extends number | null | undefined>(percentCells: boolean | undefined, v: V): V {
  return percentCells && typeof v === "number" && isFinite(v) ? (percentShown(v) as V) : v;
}

/**
 * The KR as its cells show it: a % KR whose Start and Target cells hold fractions shown as percentages
 * (`percentCells`: typed 82%, the cell holds 0.82) has start, target and current × 100, so its forecast,
 * the 100% ceiling and every word about it are the same as for the KR typed in whole numbers. Until session
 * 11 such a KR was forecast at "1.22" (never capped: the ceiling is 100) and worded "0.1% (target 0.03%)".
 */
export function krAsShown<K extends { start: number | null; target: number | null; current?: number | null; percentCells?: boolean }>(kr: K): K {
  if (!kr.percentCells) return kr;
  const x = (v: number | null | undefined) => valueAsShown(true, v);
  return { ...kr, start: x(kr.start), target: x(kr.target), ...("current" in kr ? { current: x(kr.current) } : {}) };
}

/**
 * A KR's value as its cells show it (× 100 for a fraction-% KR), at the KR's decimals (valueDigits of its
 * start and target as shown): the sidebar's values and the CLI's check-in line, as the summary writes them.
 */
export function krValueText(kr: { start: number | null; target: number | null; percentCells?: boolean }, v: number, sep: NumberStyle): string {
  return roundedText(valueAsShown(kr.percentCells, v), valueDigits(krAsShown(kr)), sep);
}

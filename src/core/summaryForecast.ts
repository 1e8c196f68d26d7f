// The forecast and the signals of a report (Weekly Summary, mid-cycle review, retrospective), and their
// rows (docs/forecast.md). Points come from the summary's trend, one per week: each week's value dated by the
// day it is as of (History's As of for a week it recorded, else the week's last day; the week not over placed
// as forecastPoints says, which may be after the report's day: the signals' points are capped at it), carried
// forward over weeks without a check-in, from the KR's first check-in on.
import { addDays, cycleLastDay, dayNumber, isValidIsoDate } from "./dates";
import { forecastKr, krAsShown, NOT_ENOUGH_WEEKS, valueAsShown, valueDigits, weeksShown, type ForecastPoint, type KrForecast } from "./forecast";
import { forecastWhy, withUnit } from "./forecastWords";
import { goalForType } from "./evaluate";
import type { Tracker } from "./model";
import { objectiveKey } from "./objectiveKey";
import { fixedText, type NumberStyle } from "./numbers";
import { calibrationSignal, krSignals, RULE_LABEL, type Signal } from "./signals";
import { withinGap } from "./scoring";
import { shortOfGoal } from "./shortOfGoal";
import { logOrder } from "./summaryAsOf";

export interface KrForecastRow {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  unit: string;
  metric: unknown;
  start: number | null;
  target: number | null;
  forecast: KrForecast;
  /** The goal of the KR's objective: 1 for committed, the aspirational goal for aspirational. */
  goal: number;
}

export interface ReportForecast {
  /** YYYY-MM-DD: the report's day (the Why of the cycle's last week says whether the cycle has ended). */
  asOf: string;
  /**
   * The report is after the cycle's last day: each forecast is where the KR landed (forecast.ts `landed`),
   * so the words say what happened ("ended short of its goal", "Missed"), not what will (docs/summary.md).
   */
  ended?: boolean;
  krs: KrForecastRow[];
  /** KRs whose forecast score is below their objective's goal by more than the on-track gap, the largest shortfall first. */
  below: KrForecastRow[];
  signals: Signal[];
}

/**
 * The day week `i`'s value (0-based) is as of: `recorded` when History (or the Weekly Trend's record of it)
 * says, kept within the week (a summary dates its row in its own week; a hand-typed As of outside it is
 * bounded by it); else the week's last day, or the report's day while the week is not over (the log's
 * value as of then).
 */
export function pointDay(start: string, i: number, asOf: string, recorded?: string | null): string {
  const first = addDays(start, 7 * i);
  const last = addDays(start, 7 * (i + 1) - 1);
  const end = last < asOf ? last : asOf;
  if (!isValidIsoDate(recorded)) return end;
  return recorded < first ? first : recorded > end ? end : recorded;
}

/**
 * The forecast's points from a trend row: each week's value dated by the day it is as of (`days[i]`,
 * pointDay: History's As of for a recorded week, the week's last day for one computed from the log). Until
 * session 12 every week's point was dated at the week's last day, though the weekly refresh (07:00 on the
 * check-in weekday, before that day's check-ins) records each week's History row as of its first day: the
 * line ran about six days late, and with the week not over as of the report's day, a day after the last of
 * them, its slope was bent too: Monday's summary and Sunday's check-in forecast up to 3.15 points apart on the
 * same data (test/server/forecastCheckinSummary.test.ts).
 *
 * The week not over has its value so far (as of the report's day), placed where the weeks before put theirs:
 * a week after the previous point, within the week, unless the report's day is later. Its own day would mix
 * two placements in one line: after the log's weeks, each at its last day (days after its check-in), a
 * Thursday check-in's point on Thursday bends the line (the check-in would forecast 92.93 where the weeks'
 * values placed alike give 90.80, test/server/forecast.test.ts), and the next report, its weeks all placed alike,
 * would say something else with nothing new. After History's weeks, each on the refresh's day, it is that day.
 *
 * A point that repeats the previous point's value less than a week after it (the week not over: as of the
 * report's day), with no check-in dated between (`lastCheckin`, the KR's latest on or before asOf), is left
 * out: it says nothing the previous one does not, and a flat step a day or a few later pulls the line
 * towards "no change". It arises from a report from the log made before this week's check-ins (last week's
 * value again: until session 11 the week not over gave that point), and from a week computed from the log at
 * its last day followed by History's next week recorded on its first day (the add-on installed mid cycle).
 * A week without a check-in still counts, carried, a week after the previous point: that the KR stood still
 * a whole week is news. The weekly refresh's points, a week apart, always count.
 */
export function forecastPoints(values: (number | null)[], start: string, asOf: string, lastCheckin: string | null, days?: (string | null | undefined)[]): ForecastPoint[] {
  const out: ForecastPoint[] = [];
  values.forEach((value, i) => {
    if (value === null || value === undefined || !isFinite(value)) return;
    const real = pointDay(start, i, asOf, days ? days[i] : null);
    const last = addDays(start, 7 * (i + 1) - 1);
    const prev = out.length ? out[out.length - 1] : null;
    const checkedIn = lastCheckin !== null && prev !== null && lastCheckin > prev.day && lastCheckin <= real;
    if (prev !== null && value === prev.value && !checkedIn && dayNumber(real) - dayNumber(prev.day) < 7) return;
    if (asOf >= last) {
      out.push({ day: real, value });
      return;
    }
    const placed = prev === null ? last : addDays(prev.day, 7);
    const day = placed > last ? last : placed;
    out.push({ day: day > real ? day : real, value });
  });
  return out;
}

/**
 * The same weekly values from a KR's check-ins alone (date, value, and row for ties), for the check-in,
 * which has the log but not the summary: weeks 1..week(asOf), each the latest check-in dated ≤ that week's
 * last day (capped at asOf), null before the first.
 */
export function weekValuesFromCheckins(entries: { date: string; value: number; row: number }[], start: string, asOf: string): (number | null)[] {
  const sorted = entries
    .filter((e) => typeof e.value === "number" && isFinite(e.value) && e.date <= asOf)
    .sort(logOrder);
  const weeks = Math.max(0, Math.floor((dayNumber(asOf) - dayNumber(start)) / 7) + 1);
  const out: (number | null)[] = [];
  let k = 0;
  let cur: number | null = null;
  for (let w = 1; w <= weeks; w++) {
    const last = addDays(start, 7 * w - 1);
    const day = last < asOf ? last : asOf;
    while (k < sorted.length && sorted[k].date <= day) cur = sorted[k++].value;
    out.push(cur);
  }
  return out;
}

export interface ReportForecastInput {
  /** The tracker as of the report's day (current / confidence as of then). */
  tracker: Tracker;
  asOf: string;
  /** Per KR id: the value at the end of each week (the summary's trend rows). */
  weekValues: Map<string, (number | null)[]>;
  /** Per KR id: the day each of those values is as of (SummaryTrendRow.days); none: each week's last day, the report's day for the week not over. */
  weekDays?: Map<string, (string | null)[]>;
  /** Per KR id: its status in the report. */
  statuses: Map<string, string>;
  /** Per KR id: its check-in values in log order, up to the report's day. */
  checkinValues: Map<string, number[]>;
  /** Per KR id: its latest check-in on or before the report's day (none: no check-in), for its date. */
  lastCheckins?: Map<string, { date: string }>;
  /** The retrospective adds the team calibration signal from these aspirational KR scores. */
  calibrationScores?: (number | null)[];
  /** The spreadsheet locale's decimal separator, for the numbers in the signals' reasons ("." when not given). */
  decimalSeparator?: NumberStyle;
}

/**
 * Each KR's goal by its objective's type (1 committed, the aspirational goal aspirational): the first
 * objective of the KR's objective ID, committed when there is none. The report's and the roll-up's rule.
 */
export function krGoals(tracker: Tracker): (kr: { objectiveId: unknown }) => number {
  const typeOf = new Map<string, unknown>();
  for (const o of tracker.objectives) {
    const k = objectiveKey(o.id);
    if (!typeOf.has(k)) typeOf.set(k, o.type);
  }
  return (kr) => goalForType(typeOf.get(objectiveKey(kr.objectiveId)) ?? "committed", tracker.settings.aspirationalGoal);
}

/**
 * Whether a forecast score falls short of its goal by more than the on-track gap (Settings, 0.10 when not a
 * number): the tolerance the status gives today's score against expected, by the status's own comparison
 * (withinGap: the shortfall rounded to 9 decimals), so a forecast score the status would call On track
 * against the goal is on course, and no other (until session 12 a shortfall up to 1e-9 beyond the gap was
 * on course here, At risk there; a shortfall exactly the gap, 1 − 0.95 against 0.05, is within it for both).
 * Until session 11 any shortfall listed a KR, and one forecast around its target (0.70, 1.00, 0.88, 1.00,
 * 0.94 …) came and went week after week. The report's Forecast section and the roll-up list by it.
 */
export function forecastMisses(score: number, goal: number, onTrackGap: unknown): boolean {
  const tolerance = typeof onTrackGap === "number" && isFinite(onTrackGap) ? onTrackGap : 0.1;
  return !withinGap(score, goal, tolerance);
}

export function buildReportForecast(input: ReportForecastInput): ReportForecast {
  const { tracker, asOf } = input;
  const s = tracker.settings;
  const cycle = { startDate: s.startDate, weeks: s.weeks };
  const goalOf = krGoals(tracker);
  const krs: KrForecastRow[] = [];
  const signalInputs = tracker.keyResults.map((raw) => {
    // A fraction-% KR as its cells show it (× 100): its forecast, words and signals read as a whole-number KR's.
    const kr = krAsShown(raw);
    const weekValues = (input.weekValues.get(kr.id) || []).map((v) => valueAsShown(raw.percentCells, v));
    const lastCheckin = input.lastCheckins?.get(kr.id)?.date ?? null;
    const weekly = forecastPoints(weekValues, s.startDate, asOf, lastCheckin, input.weekDays?.get(kr.id));
    const forecast = forecastKr(kr, weekly, cycle, lastCheckin);
    // The signals read the same points, each dated no later than the report's day: the week not over yet has
    // its value so far, and "reached its target on" names no day to come. Until session 11 they had a point
    // for that week before its check-in too, last week's value again: a change of 0 among the first weeks'
    // changes, which lowered the sandbagging rule's usual change until the week's check-in came.
    const points = weekly.map((p) => (p.day > asOf ? { day: asOf, value: p.value } : p));
    const goal = goalOf(kr);
    krs.push({ id: kr.id, objectiveId: kr.objectiveId, title: kr.title, owner: kr.owner, unit: kr.unit, metric: kr.metric, start: kr.start, target: kr.target, forecast, goal });
    return {
      id: kr.id,
      title: kr.title,
      metric: kr.metric,
      unit: kr.unit,
      start: kr.start,
      target: kr.target,
      status: input.statuses.get(kr.id) || "",
      confidence: kr.confidence,
      forecastScore: forecast.ok ? forecast.score : null,
      points,
      checkinValues: (input.checkinValues.get(kr.id) || []).map((v) => valueAsShown(raw.percentCells, v)),
    };
  });
  const below = krs
    .filter((k) => k.forecast.ok && forecastMisses(k.forecast.score, k.goal, s.onTrackGap))
    .sort((a, b) => shortfall(b) - shortfall(a));
  const sep = input.decimalSeparator || ".";
  const signals = krSignals(signalInputs, cycle, sep);
  if (input.calibrationScores) {
    const c = calibrationSignal(input.calibrationScores, sep);
    if (c) signals.push(c);
  }
  return { asOf, ...(asOf > cycleLastDay(s.startDate, s.weeks) ? { ended: true } : {}), krs, below, signals };
}

export function shortfall(k: KrForecastRow): number {
  return k.forecast.ok ? k.goal - k.forecast.score : 0;
}

/** Check-in values per KR in log order (by date, then sheet row), up to `asOf`. */
export function checkinValuesByKr(checkins: { krId: string; date: string; value: number; row: number }[], asOf: string): Map<string, number[]> {
  const sorted = checkins
    .filter((c) => typeof c.value === "number" && isFinite(c.value) && typeof c.date === "string" && c.date <= asOf)
    .sort(logOrder);
  const out = new Map<string, number[]>();
  for (const c of sorted) {
    const list = out.get(c.krId);
    if (list) list.push(c.value);
    else out.set(c.krId, [c.value]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Rows (the same cell shape as the summary's SummaryCell, declared here so this module needs no import
// of summary.ts, which imports it).

type Style = "heading" | "header" | "label" | "muted" | "note";
export interface ForecastCell {
  v: string | number | null;
  fmt?: string;
  style?: Style;
}

const text = (v: string): ForecastCell => ({ v, fmt: "@" });
const muted = (v: string): ForecastCell => ({ v, style: "muted" });
const score = (v: number): ForecastCell => ({ v, fmt: "0.00" });
const headers = (...names: string[]): ForecastCell[] => names.map((n) => ({ v: n, style: "header" as const }));

/**
 * "Forecast" rows: KRs forecast below their objective's goal, the largest shortfall first. The Forecast
 * column is text ("91.5% by 2026-03-29"): its value takes the locale's decimal separator `sep`, and the KR's
 * decimals (valueDigits: "0.0436 by …" for 0.05 → 0.03), which a number format shared by the column could not.
 */
export function forecastRows(f: ReportForecast, sep: NumberStyle = "."): ForecastCell[][] {
  const rows: ForecastCell[][] = [];
  // After the cycle's last day each forecast is where the KR landed: said in the past, not "by" a day gone.
  const ended = f.ended === true;
  rows.push([{ v: `Forecast: key results ${ended ? "that ended" : "falling"} ${shortOfGoal(2)}${ended ? "" : " at this pace"}`, style: "heading" }]);
  rows.push(headers("ID", "Key result", "Owner", "Forecast", "Forecast score", "Goal", "Shortfall", weeksToTargetHeader(f, sep), "Why"));
  if (f.below.length === 0) {
    const any = f.krs.some((k) => k.forecast.ok);
    const course = ended ? "ended on course" : "is on course";
    rows.push([muted(any ? `None — every forecast key result ${course} for its goal (within the on-track gap).` : `None — ${NOT_ENOUGH_WEEKS}.`)]);
  }
  for (const k of f.below) {
    if (!k.forecast.ok) continue;
    rows.push([
      text(k.id),
      text(k.title),
      text(k.owner),
      text(forecastValueText(k, k.forecast, sep, ended)),
      score(k.forecast.score),
      score(k.goal),
      score(shortfall(k)),
      k.forecast.weeksToTarget === null ? muted("—") : { v: weeksShown(k.forecast.weeksToTarget) },
      text(forecastWhy(k, f.asOf, sep)),
    ]);
  }
  return rows;
}

/**
 * A forecast KR's value and day as the Forecast section writes it ("9.6% by 2026-04-05"; "… on …" once the
 * cycle has ended), and the Mid-cycle Review's Forecast column (reviewForecast.ts) beside it.
 */
export function forecastValueText(k: ReportForecast["krs"][number], f: Extract<KrForecast, { ok: true }>, sep: NumberStyle, ended: boolean): string {
  return `${withUnit(f.value, k.unit, sep, valueDigits(k))} ${ended ? "on" : "by"} ${f.endDay}`;
}

/**
 * The Forecast section's Weeks to target header, with the weeks the cycle has left after the report's day
 * beside it (session 19: "13.7" read alone, with nothing to say the cycle has 9.3 weeks left): "Weeks to
 * target (9.3 left)", at the cells' one decimal in the locale's separator; plain when no KR is listed or
 * the cycle has ended. A header, not a column or a format per cell: the same number for every row, and no
 * call more (the sparse render sets each distinct number format with a call of its own).
 */
export function weeksToTargetHeader(f: ReportForecast, sep: NumberStyle = "."): string {
  const listed = f.below.find((k) => k.forecast.ok);
  const endDay = listed && listed.forecast.ok ? listed.forecast.endDay : null;
  if (!endDay || !isValidIsoDate(f.asOf)) return "Weeks to target";
  const left = weeksShown((dayNumber(endDay) - dayNumber(f.asOf)) / 7);
  return left > 0 ? `Weeks to target (${fixedText(left, 1, sep)} left)` : "Weeks to target";
}

/** "Signals" rows: each signal's rule, KR and reason. */
export function signalRows(f: ReportForecast): ForecastCell[][] {
  const rows: ForecastCell[][] = [];
  rows.push([{ v: "Signals: checks that keep OKRs honest", style: "heading" }]);
  rows.push(headers("Signal", "ID", "Key result", "Reason"));
  if (f.signals.length === 0) rows.push([muted("None — no confidence, pace or target looks off.")]);
  for (const s of f.signals) rows.push([{ v: RULE_LABEL[s.rule], style: "label" }, text(s.krId), text(s.title), text(s.reason)]);
  return rows;
}

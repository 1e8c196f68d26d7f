// The forecast and the signals of a report (Weekly Summary, mid-cycle review, retrospective), and their
// rows (docs/forecast.md). Points come from the check-in log, one per week: the value at the end of each
// week (capped at the report's day), exactly what History records for that week, carried forward over
// weeks without a check-in, from the KR's first check-in on.
import { addDays, dayNumber } from "./dates";
import { forecastKr, krAsShown, NOT_ENOUGH_WEEKS, valueAsShown, type ForecastPoint, type KrForecast } from "./forecast";
import { forecastWhy, withUnit } from "./forecastWords";
import { goalForType } from "./evaluate";
import type { Tracker } from "./model";
import type { DecimalSeparator } from "./numbers";
import { calibrationSignal, krSignals, RULE_LABEL, type Signal } from "./signals";
import { withinGap } from "./scoring";

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
  krs: KrForecastRow[];
  /** KRs whose forecast score is below their objective's goal by more than the on-track gap, the largest shortfall first. */
  below: KrForecastRow[];
  signals: Signal[];
}

/**
 * The forecast's points from a trend row: week w's value at the week's last day, for every week that is
 * over; the week of `asOf`, not over yet, only when the KR has a check-in dated in it (`lastCheckin`, its
 * latest on or before asOf). A summary made before this week's check-ins (the weekly refresh runs at 07:00
 * on the check-in weekday) would otherwise add last week's value again one day later: a flat step that
 * pulled every KR's trend towards "no change" and moved the forecast between Thursday's check-in and
 * Monday's summary with nothing new (until session 11). Placing each week's point at its last day makes the
 * check-in's forecast and the next summary's the same points.
 */
export function forecastPoints(values: (number | null)[], start: string, asOf: string, lastCheckin: string | null): ForecastPoint[] {
  const out: ForecastPoint[] = [];
  values.forEach((value, i) => {
    if (value === null || value === undefined || !isFinite(value)) return;
    const first = addDays(start, 7 * i);
    const last = addDays(start, 7 * (i + 1) - 1);
    if (asOf >= last || (lastCheckin !== null && lastCheckin >= first && lastCheckin <= asOf)) {
      out.push({ day: last, value });
      return;
    }
    // Not over and no check-in in it, but a value last week's point does not hold: History recorded last
    // week on a day before a check-in of that week (a summary at the week's start, as the weekly refresh
    // makes), so this value is news, as of the report's day.
    const prev = out.length ? out[out.length - 1].value : null;
    if (prev !== null && value !== prev) out.push({ day: asOf, value });
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
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
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
  /** Per KR id: its status in the report. */
  statuses: Map<string, string>;
  /** Per KR id: its check-in values in log order, up to the report's day. */
  checkinValues: Map<string, number[]>;
  /** Per KR id: its latest check-in on or before the report's day (none: no check-in), for its date. */
  lastCheckins?: Map<string, { date: string }>;
  /** The retrospective adds the team calibration signal from these aspirational KR scores. */
  calibrationScores?: (number | null)[];
  /** The spreadsheet locale's decimal separator, for the numbers in the signals' reasons ("." when not given). */
  decimalSeparator?: DecimalSeparator;
}

export function buildReportForecast(input: ReportForecastInput): ReportForecast {
  const { tracker, asOf } = input;
  const s = tracker.settings;
  const cycle = { startDate: s.startDate, weeks: s.weeks };
  const typeOf = new Map<string, unknown>();
  for (const o of tracker.objectives) {
    const k = String(o.id).toLowerCase();
    if (!typeOf.has(k)) typeOf.set(k, o.type);
  }
  const krs: KrForecastRow[] = [];
  const signalInputs = tracker.keyResults.map((raw) => {
    // A fraction-% KR as its cells show it (× 100): its forecast, words and signals read as a whole-number KR's.
    const kr = krAsShown(raw);
    const weekValues = (input.weekValues.get(kr.id) || []).map((v) => valueAsShown(raw.percentCells, v));
    const weekly = forecastPoints(weekValues, s.startDate, asOf, input.lastCheckins?.get(kr.id)?.date ?? null);
    const forecast = forecastKr(kr, weekly, cycle);
    // The signals read the same points, each dated no later than the report's day: the week not over yet has
    // its check-in's value so far, and "reached its target on" names no day to come. Until session 12 they had
    // a point for that week before its check-in too, last week's value again: a change of 0 among the first
    // weeks' changes, which lowered the sandbagging rule's usual change until the week's check-in came.
    const points = weekly.map((p) => (p.day > asOf ? { day: asOf, value: p.value } : p));
    const goal = goalForType(typeOf.get(String(kr.objectiveId).toLowerCase()) ?? "committed", s.aspirationalGoal);
    krs.push({ id: kr.id, objectiveId: kr.objectiveId, title: kr.title, owner: kr.owner, unit: kr.unit, metric: kr.metric, start: kr.start, target: kr.target, forecast, goal });
    return {
      id: kr.id,
      title: kr.title,
      metric: kr.metric,
      start: kr.start,
      target: kr.target,
      status: input.statuses.get(kr.id) || "",
      confidence: kr.confidence,
      forecastScore: forecast.ok ? forecast.score : null,
      points,
      checkinValues: (input.checkinValues.get(kr.id) || []).map((v) => valueAsShown(raw.percentCells, v)),
    };
  });
  // Listed when the forecast falls short of the goal by more than the on-track gap (Settings, 0.10 by
  // default): the tolerance the status gives today's score against expected, by the status's own comparison
  // (withinGap: the shortfall rounded to 9 decimals), so a forecast score the status would call On track
  // against the goal is on course, and no other (until session 12 a shortfall up to 1e-9 beyond the gap was
  // on course here, At risk there; a shortfall exactly the gap, 1 − 0.95 against 0.05, is within it for both).
  // Until session 11 any shortfall listed a KR, and one forecast around its target (0.70, 1.00, 0.88, 1.00,
  // 0.94 …) came and went week after week.
  const tolerance = typeof s.onTrackGap === "number" && isFinite(s.onTrackGap) ? s.onTrackGap : 0.1;
  const below = krs
    .filter((k) => k.forecast.ok && !withinGap(k.forecast.score, k.goal, tolerance))
    .sort((a, b) => shortfall(b) - shortfall(a));
  const sep = input.decimalSeparator || ".";
  const signals = krSignals(signalInputs, cycle, sep);
  if (input.calibrationScores) {
    const c = calibrationSignal(input.calibrationScores, sep);
    if (c) signals.push(c);
  }
  return { asOf, krs, below, signals };
}

export function shortfall(k: KrForecastRow): number {
  return k.forecast.ok ? k.goal - k.forecast.score : 0;
}

/** Check-in values per KR in log order (by date, then sheet row), up to `asOf`. */
export function checkinValuesByKr(checkins: { krId: string; date: string; value: number; row: number }[], asOf: string): Map<string, number[]> {
  const sorted = checkins
    .filter((c) => typeof c.value === "number" && isFinite(c.value) && typeof c.date === "string" && c.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
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
 * column is text ("91.5% by 2026-03-29"): its value takes the locale's decimal separator `sep`.
 */
export function forecastRows(f: ReportForecast, sep: DecimalSeparator = "."): ForecastCell[][] {
  const rows: ForecastCell[][] = [];
  rows.push([{ v: "Forecast: key results heading below their goal at this pace", style: "heading" }]);
  rows.push(headers("ID", "Key result", "Owner", "Forecast", "Forecast score", "Goal", "Shortfall", "Weeks to target", "Why"));
  if (f.below.length === 0) {
    const any = f.krs.some((k) => k.forecast.ok);
    rows.push([muted(any ? "None — every forecast key result is on course for its goal (within the on-track gap)." : `None — ${NOT_ENOUGH_WEEKS}.`)]);
  }
  for (const k of f.below) {
    if (!k.forecast.ok) continue;
    rows.push([
      text(k.id),
      text(k.title),
      text(k.owner),
      text(`${withUnit(k.forecast.value, k.unit, sep)} by ${k.forecast.endDay}`),
      score(k.forecast.score),
      score(k.goal),
      score(shortfall(k)),
      k.forecast.weeksToTarget === null ? muted("—") : { v: Math.round(k.forecast.weeksToTarget * 10) / 10, fmt: "0.0" },
      text(forecastWhy(k, f.asOf, sep)),
    ]);
  }
  return rows;
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

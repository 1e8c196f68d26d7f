// The leaders' Weekly Summary as a pure model: structured data (SummaryData) plus the cell layout the
// server writes from A1 (SummaryModel.rows), and the History rows of the week.
//
// Rules (docs/summary.md, docs/scoring.md), decided precisely here:
// - Week N = weekNumber(asOf, start) clamped to 1..M (M = the cycle length in weeks).
// - A KR's value as of day D (valueAsOf): the check-in in the log with the latest date ≤ D (ties: the later
//   sheet row, then the later array position). A KR with NO check-in in the log at all but a value in its
//   Current cell (entered by hand) uses that value, provided its Last check-in date is blank or ≤ D.
//   Otherwise the value is null (not started: the score uses the start value).
//   The summary evaluates a copy of the tracker whose KR current / confidence / last check-in are these
//   values as of asOf (so `summary --at` a past day shows that day), with evaluateTracker.
// - "Last week": the History rows of week N−1 when there are any (so week-over-week changes survive
//   later edits of the log); a KR absent from those rows, or every KR when week N−1 has no History rows,
//   is recomputed from the log as of asOf − 7 days. Week 1 has no last week: changes are null, no movers.
//   Last week's objective score = weighted mean of last week's KR scores (weight blank = 1, weight 0
//   excluded, KRs without a score excluded) — the same rule for both sources.
// - This period = the 7 days up to and including asOf (14 when the cadence is fortnightly): a check-in
//   dated exactly 7 days before asOf is outside it, one dated asOf is inside. Check-in rate = KRs with
//   at least one check-in in the period ÷ all KRs. Hand-entered values do not count as check-ins.
// - Trend: for weeks 1..N, the KR value (valueAsOf) at min(last day of that week, asOf).
// - Movers: change = KR score now − last week, both known and non-zero; top 3 up and top 3 down
//   (ties keep the tracker's KR order).
import { columnLetter } from "./a1";
import { addDays, isValidIsoDate, weekNumber } from "./dates";
import { evaluateTracker } from "./evaluate";
import type { TrackerEvaluation } from "./evaluate";
import type { Cadence, CheckinEntry, HistoryEntry, KeyResult, Tracker } from "./model";
import { STATUS } from "./tabs";
import { chartBlock, chartData, type ChartSpec } from "./charts";
import { buildReportForecast, checkinValuesByKr, forecastRows, signalRows, type ReportForecast } from "./summaryForecast";
import type { Status } from "./tabs";

export interface SummaryInput {
  tracker: Tracker;
  checkins: CheckinEntry[];
  history: HistoryEntry[];
  /** YYYY-MM-DD */
  asOf: string;
}

export type SummaryCellStyle = "title" | "subtitle" | "heading" | "header" | "label" | "status" | "muted" | "note";

export interface SummaryCell {
  /**
   * The value. Text that came from the sheet (titles, owners, comments) is given raw; such cells carry
   * fmt "@" and the writer must keep them text (it may begin with = + - @: see escape.ts asSheetText).
   * Dates are "YYYY-MM-DD" strings with fmt "yyyy-mm-dd".
   */
  v: string | number | null;
  /** Number format: "0.00", "+0.00;-0.00;0.00", "0%", "yyyy-mm-dd", or "@" (plain text). */
  fmt?: string;
  style?: SummaryCellStyle;
  /** A formula to write instead of v (A1 references relative to the summary tab written from A1). */
  formula?: string;
}

/** The five KR status labels, in the order the summary lists them. */
export const KR_STATUS_ORDER = [STATUS.onTrack, STATUS.atRisk, STATUS.offTrack, STATUS.notStarted, STATUS.setupError] as const;
export type KrStatusLabel = (typeof KR_STATUS_ORDER)[number];

export interface SummaryObjective {
  id: string;
  title: string;
  owner: string;
  score: number | null;
  lastWeekScore: number | null;
  /** score − lastWeekScore; null when either is unknown or in week 1. */
  change: number | null;
  expected: number;
  status: Status;
}

export interface SummaryKr {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  /** The KR value as of asOf (see valueAsOf); null = no check-in yet. */
  value: number | null;
  score: number | null;
  lastWeekScore: number | null;
  change: number | null;
  expected: number;
  status: Status;
  /** Date of the latest check-in ≤ asOf (or the hand-entered Last check-in), null = never. */
  lastCheckin: string | null;
  checkedInThisPeriod: boolean;
}

export interface SummaryAttentionKr {
  id: string;
  title: string;
  owner: string;
  status: Status;
  score: number | null;
  /** From the KR's latest check-in dated ≤ asOf ("" when none). */
  whatChanged: string;
  blockers: string;
  nextStep: string;
  lastCheckin: string | null;
}

export interface SummaryMissingKr {
  id: string;
  title: string;
  owner: string;
  /** YYYY-MM-DD, or null = never checked in. */
  lastCheckin: string | null;
}

export interface SummaryMover {
  id: string;
  title: string;
  owner: string;
  lastWeekScore: number;
  score: number;
  change: number;
}

export interface SummaryTrendRow {
  id: string;
  title: string;
  /** values[w − 1] = the value at the end of week w (capped at asOf); null before the first check-in. */
  values: (number | null)[];
}

export interface SummaryData {
  cycleName: string;
  /** YYYY-MM-DD */
  start: string;
  /** Exclusive end: start + 7 × weeks. */
  end: string;
  week: number;
  weeks: number;
  asOf: string;
  /** 0..1 */
  elapsed: number;
  cadence: Cadence;
  /** 7 or 14 */
  periodDays: number;
  /** First day of this check-in period (asOf − periodDays + 1). */
  periodStart: string;
  overall: { score: number | null; expected: number; status: Status };
  statusCounts: Record<KrStatusLabel, number>;
  checkinRate: { checkedIn: number; total: number; rate: number | null };
  lastWeek: { source: "history" | "log" | "none"; week: number | null; asOf: string | null };
  objectives: SummaryObjective[];
  krs: SummaryKr[];
  /** Off track first, then at risk; tracker order within each. */
  attention: SummaryAttentionKr[];
  missing: SummaryMissingKr[];
  movers: { up: SummaryMover[]; down: SummaryMover[] };
  trend: { weeks: number[]; rows: SummaryTrendRow[] };
  /** Forecast per KR, the KRs heading below their goal, and the signals (summaryForecast.ts). */
  forecast: ReportForecast;
}

export interface SummaryModel {
  width: number;
  /** Every row has exactly `width` cells; written from A1. */
  rows: SummaryCell[][];
  week: number;
  weeks: number;
  historyRows: HistoryEntry[];
  data: SummaryData;
  /** The embedded charts (charts.ts), drawn from the "Chart data" rows at the bottom. */
  charts: ChartSpec[];
}

export const FMT = {
  score: "0.00",
  change: "+0.00;-0.00;0.00",
  rate: "0%",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

const EPS = 1e-9;
const MOVERS = 3;

function isIso(s: unknown): s is string {
  return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/**
 * The latest check-in per KR dated ≤ day (ties: the later row, then the later position in the array).
 * day = null: no upper bound.
 */
export function latestCheckins(checkins: CheckinEntry[], day: string | null): Map<string, CheckinEntry> {
  const out = new Map<string, CheckinEntry>();
  for (const c of checkins) {
    if (!isIso(c.date) || (day !== null && c.date > day)) continue;
    const cur = out.get(c.krId);
    if (!cur || c.date > cur.date || (c.date === cur.date && c.row >= cur.row)) out.set(c.krId, c);
  }
  return out;
}

interface KrAsOf {
  value: number | null;
  confidence: number | null;
  lastCheckin: string | null;
  checkin: CheckinEntry | null;
}

function krAsOf(kr: KeyResult, latest: Map<string, CheckinEntry>, logged: Set<string>, day: string): KrAsOf {
  const c = latest.get(kr.id);
  if (c) return { value: c.value, confidence: c.confidence, lastCheckin: c.date, checkin: c };
  if (!logged.has(kr.id) && kr.current !== null && (kr.lastCheckin === null || !isIso(kr.lastCheckin) || kr.lastCheckin <= day)) {
    // Entered by hand in the Current cell: the sheet is the truth.
    return { value: kr.current, confidence: kr.confidence, lastCheckin: isIso(kr.lastCheckin) ? kr.lastCheckin : null, checkin: null };
  }
  return { value: null, confidence: null, lastCheckin: null, checkin: null };
}

/**
 * A copy of the tracker whose KRs' current / confidence / last check-in are their values as of `day`
 * (the rule at the top of this file). The input is not modified.
 */
export function trackerAsOf(tracker: Tracker, checkins: CheckinEntry[], day: string): Tracker {
  const latest = latestCheckins(checkins, day);
  const logged = new Set(checkins.map((c) => c.krId));
  return {
    settings: { ...tracker.settings },
    objectives: tracker.objectives.map((o) => ({ ...o })),
    keyResults: tracker.keyResults.map((kr) => {
      const a = krAsOf(kr, latest, logged, day);
      return { ...kr, current: a.value, confidence: a.confidence, lastCheckin: a.lastCheckin };
    }),
  };
}

/** Weighted mean of KR scores (weight blank = 1; weight ≤ 0 and unknown scores excluded); null if none count. */
export function weightedMean(krs: { weight: number | null; score: number | null }[]): number | null {
  let sum = 0;
  let total = 0;
  for (const k of krs) {
    const w = k.weight === null || k.weight === undefined ? 1 : k.weight;
    if (!(w > 0) || k.score === null || k.score === undefined || !isFinite(k.score)) continue;
    sum += w * k.score;
    total += w;
  }
  return total > 0 ? sum / total : null;
}

function diff(now: number | null, before: number | null): number | null {
  if (now === null || before === null || now === undefined || before === undefined) return null;
  const d = now - before;
  return Math.abs(d) < EPS ? 0 : d;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) if (!m.has(it.id)) m.set(it.id, it);
  return m;
}

function isBlank(id: unknown): boolean {
  return id === null || id === undefined || String(id) === "";
}

function clampWeek(week: number, weeks: number): number {
  return Math.max(1, Math.min(weeks, week));
}

/** Builds the structured summary data (no layout). */
export function buildSummaryData(input: SummaryInput): SummaryData {
  const { checkins, history, asOf } = input;
  // Rows with a blank ID are ignored, as evaluateTracker and the sheet formulas ignore them.
  const tracker: Tracker = {
    settings: input.tracker.settings,
    objectives: input.tracker.objectives.filter((o) => !isBlank(o.id)),
    keyResults: input.tracker.keyResults.filter((k) => !isBlank(k.id)),
  };
  const s = tracker.settings;
  if (!isValidIsoDate(s.startDate)) throw new Error("The cycle start date in Settings is not a date (YYYY-MM-DD).");
  if (!isValidIsoDate(asOf)) throw new Error(`The summary date is not a date (YYYY-MM-DD): ${String(asOf)}`);
  const weeks = Math.max(1, Math.floor(s.weeks) || 1);
  const week = clampWeek(weekNumber(asOf, s.startDate), weeks);
  const periodDays = s.cadence === "fortnightly" ? 14 : 7;
  const periodStart = addDays(asOf, -(periodDays - 1));

  const nowTracker = trackerAsOf(tracker, checkins, asOf);
  const ev: TrackerEvaluation = evaluateTracker(nowTracker, asOf);
  const krEv = byId(ev.krs);
  const objEv = byId(ev.objectives);

  const latestNow = latestCheckins(checkins, asOf);
  const logged = new Set(checkins.map((c) => c.krId));
  const inPeriod = new Set<string>();
  for (const c of checkins) if (isIso(c.date) && c.date >= periodStart && c.date <= asOf) inPeriod.add(c.krId);

  // Last week's KR scores.
  const lastWeekScores = new Map<string, number | null>();
  let lastWeek: SummaryData["lastWeek"] = { source: "none", week: null, asOf: null };
  if (week > 1) {
    const prevDay = addDays(asOf, -7);
    const hist = history.filter((h) => h.week === week - 1);
    let prevEval: TrackerEvaluation | null = null;
    const recompute = (): TrackerEvaluation => {
      if (!prevEval) prevEval = evaluateTracker(trackerAsOf(tracker, checkins, prevDay), prevDay);
      return prevEval;
    };
    if (hist.length > 0) {
      let histAsOf: string | null = null;
      for (const h of hist) {
        lastWeekScores.set(h.krId, typeof h.score === "number" && isFinite(h.score) ? h.score : null);
        if (isIso(h.asOf) && (histAsOf === null || h.asOf > histAsOf)) histAsOf = h.asOf;
      }
      lastWeek = { source: "history", week: week - 1, asOf: histAsOf };
    } else {
      lastWeek = { source: "log", week: week - 1, asOf: prevDay };
    }
    for (const kr of tracker.keyResults) {
      if (lastWeekScores.has(kr.id)) continue;
      const e = recompute().krs.find((k) => k.id === kr.id);
      lastWeekScores.set(kr.id, e ? e.score : null);
    }
  }
  const hasLastWeek = lastWeek.source !== "none";

  const krs: SummaryKr[] = nowTracker.keyResults.map((kr, i) => {
    const e = krEv.get(kr.id);
    const original = tracker.keyResults[i];
    const a = krAsOf(original, latestNow, logged, asOf);
    const score = e ? e.score : null;
    const lw = hasLastWeek ? (lastWeekScores.get(kr.id) ?? null) : null;
    return {
      id: kr.id,
      objectiveId: kr.objectiveId,
      title: kr.title,
      owner: kr.owner,
      value: a.value,
      score,
      lastWeekScore: lw,
      change: hasLastWeek ? diff(score, lw) : null,
      expected: e ? e.expected : ev.elapsed,
      status: e ? e.status : STATUS.setupError,
      lastCheckin: a.lastCheckin,
      checkedInThisPeriod: inPeriod.has(kr.id),
    };
  });

  const objectives: SummaryObjective[] = tracker.objectives.map((o) => {
    const e = objEv.get(o.id);
    const score = e ? e.score : null;
    let lw: number | null = null;
    if (hasLastWeek) {
      lw = weightedMean(
        tracker.keyResults
          .filter((k) => String(k.objectiveId).toLowerCase() === String(o.id).toLowerCase())
          .map((k) => ({ weight: k.weight, score: lastWeekScores.get(k.id) ?? null })),
      );
    }
    return {
      id: o.id,
      title: o.title,
      owner: o.owner,
      score,
      lastWeekScore: lw,
      change: hasLastWeek ? diff(score, lw) : null,
      expected: e ? e.expected : ev.elapsed,
      status: e ? e.status : STATUS.noKeyResults,
    };
  });

  const statusCounts = {} as Record<KrStatusLabel, number>;
  for (const st of KR_STATUS_ORDER) statusCounts[st] = 0;
  for (const k of krs) if ((KR_STATUS_ORDER as readonly string[]).indexOf(k.status) >= 0) statusCounts[k.status as KrStatusLabel]++;

  const checkedIn = krs.filter((k) => k.checkedInThisPeriod).length;
  const checkinRate = { checkedIn, total: krs.length, rate: krs.length > 0 ? checkedIn / krs.length : null };

  const attention: SummaryAttentionKr[] = [];
  for (const st of [STATUS.offTrack, STATUS.atRisk]) {
    for (const k of krs) {
      if (k.status !== st) continue;
      const c = latestNow.get(k.id);
      attention.push({
        id: k.id,
        title: k.title,
        owner: k.owner,
        status: k.status,
        score: k.score,
        whatChanged: c ? String(c.whatChanged ?? "") : "",
        blockers: c ? String(c.blockers ?? "") : "",
        nextStep: c ? String(c.nextStep ?? "") : "",
        lastCheckin: k.lastCheckin,
      });
    }
  }

  const missing: SummaryMissingKr[] = krs
    .filter((k) => !k.checkedInThisPeriod)
    .map((k) => ({ id: k.id, title: k.title, owner: k.owner, lastCheckin: k.lastCheckin }));

  const moved: SummaryMover[] = [];
  for (const k of krs) {
    if (k.change === null || k.score === null || k.lastWeekScore === null || Math.abs(k.change) < EPS) continue;
    moved.push({ id: k.id, title: k.title, owner: k.owner, lastWeekScore: k.lastWeekScore, score: k.score, change: k.change });
  }
  const order = new Map(krs.map((k, i) => [k.id, i] as [string, number]));
  const stable = (a: SummaryMover, b: SummaryMover) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  const up = moved.filter((m) => m.change > 0).sort((a, b) => b.change - a.change || stable(a, b)).slice(0, MOVERS);
  const down = moved.filter((m) => m.change < 0).sort((a, b) => a.change - b.change || stable(a, b)).slice(0, MOVERS);

  const trendWeeks: number[] = [];
  const trendDays: string[] = [];
  for (let w = 1; w <= week; w++) {
    trendWeeks.push(w);
    const last = addDays(s.startDate, 7 * w - 1);
    trendDays.push(last < asOf ? last : asOf);
  }
  const latestByDay = trendDays.map((d) => latestCheckins(checkins, d));
  const trendRows: SummaryTrendRow[] = tracker.keyResults.map((kr) => ({
    id: kr.id,
    title: kr.title,
    values: trendDays.map((d, i) => krAsOf(kr, latestByDay[i], logged, d).value),
  }));
  const forecast = buildReportForecast({
    tracker: nowTracker,
    asOf,
    weekValues: new Map(trendRows.map((t) => [t.id, t.values] as [string, (number | null)[]])),
    statuses: new Map(krs.map((k) => [k.id, k.status] as [string, string])),
    checkinValues: checkinValuesByKr(checkins, asOf),
  });

  return {
    cycleName: s.cycleName,
    start: s.startDate,
    end: addDays(s.startDate, 7 * weeks),
    week,
    weeks,
    asOf,
    elapsed: ev.elapsed,
    cadence: s.cadence,
    periodDays,
    periodStart,
    overall: { score: ev.overall.score, expected: ev.overall.expected, status: ev.overall.status },
    statusCounts,
    checkinRate,
    lastWeek,
    objectives,
    krs,
    attention,
    missing,
    movers: { up, down },
    trend: { weeks: trendWeeks, rows: trendRows },
    forecast,
  };
}

// ---------------------------------------------------------------------------------------------------
// Layout

function text(v: string, style?: SummaryCellStyle): SummaryCell {
  const c: SummaryCell = { v, fmt: FMT.text };
  if (style) c.style = style;
  return c;
}
function label(v: string, style: SummaryCellStyle = "label"): SummaryCell {
  return { v, style };
}
function num(v: number | null, fmt: string): SummaryCell {
  return v === null || v === undefined || !isFinite(v) ? { v: null } : { v, fmt };
}
function status(v: string): SummaryCell {
  return { v, style: "status" };
}
function date(v: string | null): SummaryCell {
  return v ? { v, fmt: FMT.date } : { v: "never", style: "muted" };
}
function headers(...names: string[]): SummaryCell[] {
  return names.map((n) => ({ v: n, style: "header" as const }));
}
function none(message: string): SummaryCell[] {
  return [{ v: message, style: "muted" }];
}

/** "Off track" etc. as a plain-language count: "1 key result", "3 key results". */
export function krCount(n: number): string {
  return `${n} key result${n === 1 ? "" : "s"}`;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "2026-01-06 to 2026-01-12" */
export function periodText(data: SummaryData): string {
  return `${data.periodStart} to ${data.asOf}`;
}

/** Lays the data out as rows for the Weekly Summary tab (written from A1). */
export function layoutSummary(data: SummaryData): { width: number; rows: SummaryCell[][] } {
  const rows: SummaryCell[][] = [];
  const push = (cells: SummaryCell[]) => rows.push(cells);
  const blank = () => rows.push([]);

  push([text(`Weekly summary — ${data.cycleName}`, "title")]);
  push([
    label(`Week ${data.week} of ${data.weeks} · as of ${data.asOf} · ${percent(data.elapsed)} of the cycle elapsed`, "subtitle"),
  ]);
  blank();

  // Overall
  push([label("Overall", "heading")]);
  push(headers("Score", "Expected", "Status", "Check-in rate", "Checked in", "Period"));
  const r = data.checkinRate;
  push([
    num(data.overall.score, FMT.score),
    num(data.overall.expected, FMT.score),
    status(data.overall.status),
    num(r.rate, FMT.rate),
    label(`${r.checkedIn} of ${r.total} KRs`),
    label(periodText(data)),
  ]);
  blank();

  // Counts
  push([label("Key results by status", "heading")]);
  push(headers("Status", "Key results", "Share"));
  for (const st of KR_STATUS_ORDER) {
    const n = data.statusCounts[st];
    push([status(st), { v: n }, num(data.krs.length > 0 ? n / data.krs.length : null, FMT.rate)]);
  }
  blank();

  // Objectives
  push([label("Objectives", "heading")]);
  push(headers("ID", "Objective", "Owner", "Score", "Change since last week", "Expected", "Status"));
  if (data.objectives.length === 0) push(none("None — the tracker has no objectives yet."));
  for (const o of data.objectives) {
    push([
      text(o.id),
      text(o.title),
      text(o.owner),
      num(o.score, FMT.score),
      o.change === null ? { v: "—", style: "muted" } : num(o.change, FMT.change),
      num(o.expected, FMT.score),
      status(o.status),
    ]);
  }
  blank();

  // Needs attention
  push([label("Needs attention: off track or at risk", "heading")]);
  push(headers("ID", "Key result", "Owner", "Status", "Score", "Latest comment", "Blockers", "Next step"));
  if (data.attention.length === 0) push(none("None — no key result is off track or at risk."));
  for (const k of data.attention) {
    push([
      text(k.id),
      text(k.title),
      text(k.owner),
      status(k.status),
      num(k.score, FMT.score),
      text(k.whatChanged),
      text(k.blockers),
      text(k.nextStep),
    ]);
  }
  blank();

  // Missing check-ins
  push([label(`Missing check-ins: no check-in from ${data.periodStart} to ${data.asOf}`, "heading")]);
  push(headers("ID", "Key result", "Owner", "Last check-in"));
  if (data.missing.length === 0) push(none("None — every key result has checked in this period."));
  for (const k of data.missing) push([text(k.id), text(k.title), text(k.owner), date(k.lastCheckin)]);
  blank();

  // Movers
  push([label("Biggest movers since last week", "heading")]);
  push(headers("Direction", "ID", "Key result", "Owner", "Last week", "Now", "Change"));
  if (data.lastWeek.source === "none") push(none("None — this is the first week of the cycle."));
  else if (data.movers.up.length + data.movers.down.length === 0) push(none("None — no score changed since last week."));
  const mover = (dir: string, m: SummaryMover) =>
    push([label(dir), text(m.id), text(m.title), text(m.owner), num(m.lastWeekScore, FMT.score), num(m.score, FMT.score), num(m.change, FMT.change)]);
  for (const m of data.movers.up) mover("Up", m);
  for (const m of data.movers.down) mover("Down", m);
  blank();

  // Forecast and signals (summaryForecast.ts)
  for (const row of forecastRows(data.forecast)) push(row);
  blank();
  for (const row of signalRows(data.forecast)) push(row);
  blank();

  // Trend
  push([label("Trend: value at the end of each week", "heading")]);
  push(headers("ID", "Key result", ...data.trend.weeks.map((w) => `Week ${w}`), "Trend"));
  if (data.trend.rows.length === 0) push(none("None — the tracker has no key results yet."));
  for (const t of data.trend.rows) {
    const sheetRow = rows.length + 1;
    const first = columnLetter(3);
    const last = columnLetter(2 + t.values.length);
    push([
      text(t.id),
      text(t.title),
      ...t.values.map((v) => (v === null ? { v: null } : { v })),
      { v: null, formula: `=IFERROR(SPARKLINE(${first}${sheetRow}:${last}${sheetRow}),"")` },
    ]);
  }
  blank();

  const lw =
    data.lastWeek.source === "history"
      ? `Change compares with the History rows of week ${data.lastWeek.week}.`
      : data.lastWeek.source === "log"
        ? `Change compares with the check-in log as of ${data.lastWeek.asOf} (no History rows for week ${data.lastWeek.week}).`
        : "Week 1: there is no last week to compare with.";
  push([
    label(
      "Scores run from 0.00 to 1.00. Expected = share of the cycle elapsed × goal (1.0 for committed, the aspirational goal for aspirational objectives). " +
        lw,
      "note",
    ),
  ]);

  const width = Math.max(7, ...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push({ v: null });
  return { width, rows };
}

/** Top-left corner of the charts: beside the summary's first sections, right of their widest table (8 columns). */
export const CHART_ANCHOR = { row: 3, column: 10 };

/** The Weekly Summary model: data, layout, the History rows of week N and the charts. */
export function buildSummary(input: SummaryInput): SummaryModel {
  const data = buildSummaryData(input);
  const laid = layoutSummary(data);
  const rows = laid.rows;
  const historyRows: HistoryEntry[] = data.krs.map((k) => ({
    week: data.week,
    asOf: data.asOf,
    krId: k.id,
    value: k.value,
    score: k.score,
    status: k.status,
  }));
  // The charts draw History as it will be once this generation has written week N.
  const history = input.history.filter((h) => h.week !== data.week && h.week < data.week).concat(historyRows);
  const tracker = { ...input.tracker, objectives: input.tracker.objectives.filter((o) => !isBlank(o.id)) };
  rows.push([]);
  const block = chartBlock(chartData(tracker, history), rows.length + 1, CHART_ANCHOR);
  for (const r of block.rows) rows.push(r as SummaryCell[]);
  const width = Math.max(laid.width, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push({ v: null });
  return { width, rows, week: data.week, weeks: data.weeks, historyRows, data, charts: block.charts };
}

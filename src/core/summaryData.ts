// The Weekly Summary's data (no layout), computed in named steps; the rules are at the top of summary.ts.
import { withoutReplaced } from "./corrections";
import { addDays } from "./dates";
import { evaluateTracker } from "./evaluate";
import { isMoneyUnit, unusualPercentFormat, valueDigits } from "./valueDigits";
import type { TrackerEvaluation } from "./evaluate";
import type { CheckinEntry, HistoryEntry, Tracker } from "./model";
import { isIso, krAsOf, latestCheckins, summaryPeriod, trackerAsOf, weightedMean } from "./summaryAsOf";
import { krScore, normalizeMetric } from "./scoring";
import { shownRound } from "./numbers";
import { STATUS } from "./tabs";
import { objectiveKey } from "./objectiveKey";
import { isBlank } from "./lifecycleIds";
import { buildReportForecast, checkinValuesByKr } from "./summaryForecast";
import { historyStateOf, lastWeekConfidenceWithHistory, recordedValues, trendWeekDays, type HistoryState } from "./summaryPast";
import { blockersThisPeriod, confidenceOf, lowConfidence, missingCheckins, needsAttention, worstFirst } from "./summaryLeaders";
import { thisWeekLines } from "./summaryThisWeek";
import { typedOver, typedOverLine } from "./summaryTyped";
import {
  KR_STATUS_ORDER,
  type KrStatusLabel,
  type SummaryData,
  type SummaryInput,
  type SummaryKr,
  type SummaryMover,
  type SummaryObjective,
  type SummaryTrendRow,
} from "./summaryTypes";

const EPS = 1e-9;
const MOVERS = 3;

function diff(now: number | null, before: number | null): number | null {
  if (now === null || before === null || now === undefined || before === undefined) return null;
  const d = now - before;
  return Math.abs(d) < EPS ? 0 : d;
}

/**
 * A score's change since last week as the summary shows it, to its 2 decimals ("+0.00;-0.00;0.00", the
 * emails' signedText), −0 as 0: the number format picks its section by the stored sign, so −0.003 showed
 * as "-0.00", and a change shown as 0.00 was a Biggest mover. What moved (biggestMovers) is then what shows.
 */
function changeOf(now: number | null, before: number | null): number | null {
  const d = diff(now, before);
  return d === null ? null : shownRound(d, 2) || 0;
}

/** A fraction-% KR's percentFormat, only where it is not the usual PERCENT_VALUE_FORMAT. */
function percentFormatOf(kr: { start: number | null; target: number | null }): { percentFormat?: string } {
  const f = unusualPercentFormat(kr);
  return f ? { percentFormat: f } : {};
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) if (!m.has(it.id)) m.set(it.id, it);
  return m;
}

/** Rows with a blank ID are ignored, as evaluateTracker and the sheet formulas ignore them. */
export function withoutBlankIds(tracker: Tracker): Tracker {
  return {
    settings: tracker.settings,
    objectives: tracker.objectives.filter((o) => !isBlank(o.id)),
    keyResults: tracker.keyResults.filter((k) => !isBlank(k.id)),
  };
}

interface LastWeek {
  scores: Map<string, number | null>;
  /** The KRs of week N−1's History rows, when it has any: an objective's last-week score is theirs. */
  recorded?: Set<string>;
  statuses: Map<string, string>;
  /** The values of week N−1's History rows: a KR scored anew there (its start or target edited since) keeps them. */
  values: Map<string, number | null>;
  lastWeek: SummaryData["lastWeek"];
}

/** Last week's KR scores: week N−1's History rows, the rest recomputed from the log as of asOf − 7 days. */
function lastWeekScores(tracker: Tracker, checkins: CheckinEntry[], history: HistoryEntry[], asOf: string, week: number): LastWeek {
  const scores = new Map<string, number | null>();
  const statuses = new Map<string, string>();
  const values = new Map<string, number | null>();
  let lastWeek: SummaryData["lastWeek"] = { source: "none", week: null, asOf: null };
  let recorded: Set<string> | undefined;
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
        scores.set(h.krId, typeof h.score === "number" && isFinite(h.score) ? h.score : null);
        if (h.status) statuses.set(h.krId, String(h.status));
        values.set(h.krId, typeof h.value === "number" && isFinite(h.value) ? h.value : null);
        if (isIso(h.asOf) && (histAsOf === null || h.asOf > histAsOf)) histAsOf = h.asOf;
      }
      lastWeek = { source: "history", week: week - 1, asOf: histAsOf };
      recorded = new Set(scores.keys());
    } else {
      lastWeek = { source: "log", week: week - 1, asOf: prevDay };
    }
    for (const kr of tracker.keyResults) {
      if (scores.has(kr.id)) continue;
      const e = recompute().krs.find((k) => k.id === kr.id);
      scores.set(kr.id, e ? e.score : null);
      if (e) statuses.set(kr.id, e.status);
    }
  }
  return { scores, statuses, values, lastWeek, recorded };
}

interface Now {
  tracker: Tracker;
  nowTracker: Tracker;
  ev: TrackerEvaluation;
  latestNow: Map<string, CheckinEntry>;
  logged: Set<string>;
  inPeriod: Set<string>;
  last: LastWeek;
  lastConfidence: Map<string, number | null>;
  asOf: string;
}

function summarizeKrs(n: Now): SummaryKr[] {
  const krEv = byId(n.ev.krs);
  const hasLastWeek = n.last.lastWeek.source !== "none";
  return n.nowTracker.keyResults.map((kr, i) => {
    const e = krEv.get(kr.id);
    const original = n.tracker.keyResults[i];
    const a = krAsOf(original, n.latestNow, n.logged, n.asOf);
    const score = e ? e.score : null;
    const lw = hasLastWeek ? (n.last.scores.get(kr.id) ?? null) : null;
    const expected = e ? e.expected : n.ev.elapsed;
    const confidence = confidenceOf(a.confidence);
    const lastConfidence = hasLastWeek ? (n.lastConfidence.get(kr.id) ?? null) : null;
    return {
      id: kr.id,
      objectiveId: kr.objectiveId,
      title: kr.title,
      owner: kr.owner,
      value: a.value,
      score,
      lastWeekScore: lw,
      change: hasLastWeek ? changeOf(score, lw) : null,
      expected,
      status: e ? e.status : STATUS.setupError,
      gap: diff(score, expected),
      lastWeekStatus: hasLastWeek ? (n.last.statuses.get(kr.id) ?? null) : null,
      confidence,
      lastWeekConfidence: lastConfidence,
      confidenceChange: diff(confidence, lastConfidence),
      lastCheckin: a.lastCheckin,
      checkedInThisPeriod: n.inPeriod.has(kr.id),
    };
  });
}

function summarizeObjectives(n: Now): SummaryObjective[] {
  const objEv = byId(n.ev.objectives);
  const hasLastWeek = n.last.lastWeek.source !== "none";
  const objectives = n.tracker.objectives.map((o) => {
    const e = objEv.get(o.id);
    const score = e ? e.score : null;
    const expected = e ? e.expected : n.ev.elapsed;
    let lw: number | null = null;
    if (hasLastWeek) {
      lw = weightedMean(
        n.tracker.keyResults
          // A KR added since (no History row last week) did not count then: its start's score would make
          // up a change the objective never had (+0.43 where History's week said 0.15).
          .filter((k) => objectiveKey(k.objectiveId) === objectiveKey(o.id) && (!n.last.recorded || n.last.recorded.has(k.id)))
          .map((k) => ({ weight: k.weight, score: n.last.scores.get(k.id) ?? null })),
      );
    }
    return {
      id: o.id,
      title: o.title,
      owner: o.owner,
      score,
      lastWeekScore: lw,
      change: hasLastWeek ? changeOf(score, lw) : null,
      expected,
      gap: diff(score, expected),
      status: e ? e.status : STATUS.noKeyResults,
    };
  });
  return worstFirst(objectives);
}

function countStatuses(krs: SummaryKr[]): Record<KrStatusLabel, number> {
  const statusCounts = {} as Record<KrStatusLabel, number>;
  for (const st of KR_STATUS_ORDER) statusCounts[st] = 0;
  for (const k of krs) if ((KR_STATUS_ORDER as readonly string[]).indexOf(k.status) >= 0) statusCounts[k.status as KrStatusLabel]++;
  return statusCounts;
}

function checkinRate(krs: SummaryKr[]): SummaryData["checkinRate"] {
  const checkedIn = krs.filter((k) => k.checkedInThisPeriod).length;
  return { checkedIn, total: krs.length, rate: krs.length > 0 ? checkedIn / krs.length : null };
}

function biggestMovers(krs: SummaryKr[], lastValues: Map<string, number | null>, tracker: Tracker): SummaryData["movers"] {
  const moved: SummaryMover[] = [];
  const defs = new Map(tracker.keyResults.map((kr) => [kr.id, kr] as [string, Tracker["keyResults"][number]]));
  for (const k of krs) {
    // k.change is rounded to the 2 decimals shown (changeOf): a KR moved when its shown change is not 0.00.
    if (k.change === null || k.score === null || k.lastWeekScore === null || Math.abs(k.change) < EPS) continue;
    // Its score moved, its value did not: History scored last week's value against the start and target of
    // then, so the change is an edit of those (a cost target moved from 12.50 to 13.50 read as a gain of
    // +0.17 in a week without a check-in). Said so where the change is worded (This week).
    const was = lastValues.get(k.id);
    const same = was !== undefined && (was === k.value || (was !== null && k.value !== null && Math.abs(was - k.value) <= 1e-9 * Math.max(1, Math.abs(was))));
    // Its value moved and so did its start, target or metric: the part of the change its value made is last
    // week's value scored as the KR is now (an on-time target cut from 95% to 93% in week 7 read as a +0.17
    // gain, +0.09 of it from the week's figure: test/server/pilotTargetEdit.test.ts).
    const def = defs.get(k.id);
    const rescored = !same && def && typeof was === "number" ? krScore(String(def.metric ?? ""), def.start, def.target, was).score : null;
    const fromValue = rescored === null ? null : changeOf(k.score, rescored);
    const partly = fromValue !== null && Math.abs(fromValue - k.change) > EPS;
    moved.push({
      id: k.id,
      title: k.title,
      owner: k.owner,
      lastWeekScore: k.lastWeekScore,
      score: k.score,
      change: k.change,
      ...(same ? { valueUnchanged: true as const } : {}),
      ...(partly ? { fromValue: fromValue as number } : {}),
    });
  }
  const order = new Map(krs.map((k, i) => [k.id, i] as [string, number]));
  const stable = (a: SummaryMover, b: SummaryMover) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  const up = moved.filter((m) => m.change > 0).sort((a, b) => b.change - a.change || stable(a, b)).slice(0, MOVERS);
  const down = moved.filter((m) => m.change < 0).sort((a, b) => a.change - b.change || stable(a, b)).slice(0, MOVERS);
  return { up, down };
}

/**
 * For weeks 1..N, each KR's value as of its week's day (summaryPast.ts trendWeekDays: a past week's recorded
 * day, History's As of, the week of the report the report's day) and that day; a past week (< N) with a
 * History row for the KR takes the value History recorded (summaryPast.ts), so the log's older rows need not
 * be read. One day per week for every KR: a KR without a row that week (added or renamed since) is computed
 * from the log as of the day the others are as of, not the week's last day, so the Weekly Trend's record
 * keeps one day per week (trendCache.ts). The weekly refresh records a week's row on its first day (07:00 on
 * the check-in weekday), so that value is the week's start, and is dated so (summaryForecast.ts pointDay).
 */
function trend(tracker: Tracker, checkins: CheckinEntry[], logged: Set<string>, week: number, asOf: string, history: HistoryEntry[], cached?: Map<string, number | null>, cachedDays?: Map<number, string>): SummaryData["trend"] {
  const weeks: number[] = [];
  for (let w = 1; w <= week; w++) weeks.push(w);
  const days = trendWeekDays(history, tracker.settings.startDate, week, asOf, cachedDays);
  const recorded = recordedValues(history, week, cached);
  // Each week's replay of the log only when a KR of that week has no History row: past weeks recorded in
  // full (the usual case) cost no pass over the log.
  const latestByDay: Map<string, CheckinEntry>[] = [];
  const latestOn = (i: number) => latestByDay[i] || (latestByDay[i] = latestCheckins(checkins, days[i]));
  const rows: SummaryTrendRow[] = tracker.keyResults.map((kr) => {
    const key = (i: number) => `${i + 1}\u0000${kr.id}`;
    return {
      id: kr.id,
      title: kr.title,
      values: days.map((d, i) => (recorded.has(key(i)) ? (recorded.get(key(i)) as number | null) : krAsOf(kr, latestOn(i), logged, d).value)),
      days: days.slice(),
      ...(kr.percentCells ? { percentCells: true as const, ...percentFormatOf(kr) } : {}),
      // Not a milestone's ("done"): its values are shares of the work, "0.3 → 0.5", not "0.5 done".
      ...(String(kr.unit ?? "").trim() && normalizeMetric(kr.metric) !== "milestone" ? { unit: String(kr.unit).trim() } : {}),
      ...(isMoneyUnit(kr.unit) && valueDigits(kr) > 2 ? { digits: valueDigits(kr) } : {}),
    };
  });
  return { weeks, days, rows };
}

/** Builds the structured summary data (no layout). */
export function buildSummaryData(input: SummaryInput): SummaryData {
  return summaryDataAndState(input).data;
}

/**
 * The summary data, and History's state columns (summaryPast.historyStateOf) from the same replay of the
 * log, computed when asked for (buildSummary fills the week's History rows with them).
 */
export function summaryDataAndState(input: SummaryInput): { data: SummaryData; state: () => Map<string, HistoryState> } {
  const { history, asOf } = input;
  const sep = input.decimalSeparator || ".";
  const checkins = withoutReplaced(input.checkins);
  const tracker = withoutBlankIds(input.tracker);
  const s = tracker.settings;
  const { weeks, week, periodDays, periodStart } = summaryPeriod(s, asOf);

  const nowTracker = trackerAsOf(tracker, checkins, asOf);
  const ev: TrackerEvaluation = evaluateTracker(nowTracker, asOf);
  const latestNow = latestCheckins(checkins, asOf);
  const logged = new Set(checkins.map((c) => c.krId));
  const inPeriod = new Set<string>();
  for (const c of checkins) if (isIso(c.date) && c.date >= periodStart && c.date <= asOf) inPeriod.add(c.krId);
  const last = lastWeekScores(tracker, checkins, history, asOf, week);
  const lastConfidence = lastWeekConfidenceWithHistory(tracker, checkins, history, asOf, week);
  const now: Now = { tracker, nowTracker, ev, latestNow, logged, inPeriod, last, lastConfidence, asOf };

  const krs = summarizeKrs(now);
  const trendData = trend(tracker, checkins, logged, week, asOf, history, input.pastValues, input.pastDays);
  const forecast = buildReportForecast({
    tracker: nowTracker,
    asOf,
    weekValues: new Map(trendData.rows.map((t) => [t.id, t.values] as [string, (number | null)[]])),
    weekDays: new Map(trendData.rows.map((t) => [t.id, t.days] as [string, string[]])),
    statuses: new Map(krs.map((k) => [k.id, k.status] as [string, string])),
    checkinValues: checkinValuesByKr(checkins, asOf),
    lastCheckins: latestNow,
    decimalSeparator: sep,
  });
  const rate = checkinRate(krs);
  const movers = biggestMovers(krs, last.values, tracker);
  const lowConf = lowConfidence(krs, latestNow, sep);
  const blockers = blockersThisPeriod(krs, checkins, periodStart, asOf);
  const thisWeek = thisWeekLines({ krs, hasLastWeek: last.lastWeek.source !== "none", checkinRate: rate, periodDays, movers, blockers, lowConfidence: lowConf, decimalSeparator: sep,
    forecast: { below: forecast.below, any: forecast.krs.some((k) => k.forecast.ok), ended: forecast.ended } });
  // A Current typed over a KR's check-ins scores in Key Results, not here: said under the four lines.
  const typed = typedOverLine(typedOver(tracker.keyResults, checkins, latestNow, logged, asOf), sep);
  if (typed) thisWeek.push(typed);
  const state = () => historyStateOf(input.tracker, checkins, latestNow, logged, asOf);
  const data: SummaryData = {
    cycleName: s.cycleName,
    start: s.startDate,
    end: addDays(s.startDate, 7 * weeks),
    week,
    weeks,
    asOf,
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    ...(input.closedOn ? { closedOn: input.closedOn } : {}),
    decimalSeparator: sep,
    elapsed: ev.elapsed,
    cadence: s.cadence,
    periodDays,
    periodStart,
    overall: { score: ev.overall.score, expected: ev.overall.expected, status: ev.overall.status },
    statusCounts: countStatuses(krs),
    checkinRate: rate,
    lastWeek: last.lastWeek,
    objectives: summarizeObjectives(now),
    krs,
    attention: needsAttention(krs, latestNow, { below: forecast.below, sep, ended: forecast.ended, periodStart }),
    lowConfidence: lowConf,
    blockers,
    thisWeek,
    missing: missingCheckins(krs),
    movers,
    trend: trendData,
    forecast,
  };
  return { data, state };
}

// KR values as of a day (the rules at the top of summary.ts): the latest check-in ≤ day, else a value
// entered by hand in the Current cell; and the summary's week and check-in period (summaryPeriod), shared
// by summaryData, summaryPast and the server's reads so they agree on week N.
import { addDays, cycleLastDay, isValidIsoDate, weekNumber } from "./dates";
import type { CheckinEntry, KeyResult, Settings, Tracker } from "./model";

export function isIso(s: unknown): s is string {
  return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/** Log order, for sort: by date, then sheet row. */
export function logOrder(a: { date: string; row: number }, b: { date: string; row: number }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row;
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

export interface KrAsOf {
  value: number | null;
  confidence: number | null;
  lastCheckin: string | null;
  checkin: CheckinEntry | null;
}

export function krAsOf(kr: KeyResult, latest: Map<string, CheckinEntry>, logged: Set<string>, day: string): KrAsOf {
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

export interface Period {
  weeks: number;
  week: number;
  periodDays: number;
  periodStart: string;
}

/** The check-in period's length in days: a week, or two for a fortnightly cadence. */
export function periodDaysOf(s: Pick<Settings, "cadence">): number {
  return s.cadence === "fortnightly" ? 14 : 7;
}

/**
 * The first day of the check-in period that ends on `asOf`: 7 (14) days up to it, but never before the cycle's
 * start, on which no check-in can be dated (in week 1 the period read "from 2026-01-01 to 2026-01-07" for a
 * cycle starting 2026-01-05). A day before the start keeps its 7 days (summaries refuse it; a portfolio says
 * the cycle has not started).
 *
 * After the cycle's last day the period starts no later than the cycle's last period (the 7 (14) days to
 * its last day): the check-in due then is the last week's, made in it or in the week after the last day
 * (dates.ts LATE_CHECKIN_DAYS), and none is due after. Until session 19 a summary a week after the end had
 * a period of days after the cycle, and listed every KR as missing its check-in (2026-04-07 to 2026-04-13
 * for a cycle ending 2026-04-05; test/server/summaryAfterEnd.test.ts).
 */
export function periodStartOf(s: Pick<Settings, "cadence" | "startDate"> & { weeks?: number }, asOf: string): string {
  const days = periodDaysOf(s);
  let first = addDays(asOf, -(days - 1));
  if (isValidIsoDate(s.startDate) && typeof s.weeks === "number" && s.weeks >= 1) {
    const lastPeriod = addDays(cycleLastDay(s.startDate, Math.floor(s.weeks)), -(days - 1));
    if (first > lastPeriod) first = lastPeriod;
  }
  return isValidIsoDate(s.startDate) && first < s.startDate && s.startDate <= asOf ? s.startDate : first;
}

/** Week N of M and this check-in period; a one-line error when the start or summary date is not a date. */
export function summaryPeriod(s: Settings, asOf: string): Period {
  if (!isValidIsoDate(s.startDate)) throw new Error("The cycle start date in Settings is not a date (YYYY-MM-DD).");
  if (!isValidIsoDate(asOf)) throw new Error(`The summary date is not a date (YYYY-MM-DD): ${String(asOf)}`);
  const weeks = Math.max(1, Math.floor(s.weeks) || 1);
  const week = Math.max(1, Math.min(weeks, weekNumber(asOf, s.startDate)));
  return { weeks, week, periodDays: periodDaysOf(s), periodStart: periodStartOf(s, asOf) };
}

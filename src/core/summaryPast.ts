// Past weeks from History: what lets the weekly summary read only the log rows added since an earlier
// summary (docs/summary.md#reading-only-what-is-needed) and still give exactly what a replay of the whole log
// gives.
//
// Each summary writes, per KR, its state as of the summary's day D into History (HISTORY_STATE_HEADERS):
// the latest check-in's date, value, confidence and texts, and how many of its latest check-ins carry the
// same value (capped at FLAT_CHECKINS, all the "flat" signal looks at). When every log row read then was
// dated ≤ D, that state summarises those rows completely, and the server records a checkpoint: the week,
// D, the last log row read and a digest of the week's History rows. A later summary reads the log from
// that row on and stands the state in for the rows above it (pastCheckins): for each KR up to three
// check-ins dated on its last check-in day, placed above the new rows. `incrementalCheckins` says whether
// that gives the same summary as the whole log, and falls back (the server then reads the whole log) when
// a day the summary looks at lies before a KR's summarised check-ins, when a new row is dated before them
// (a late check-in), or when History's rows are not the ones the checkpoint recorded.
import { addDays, isValidIsoDate } from "./dates";
import type { CheckinEntry, HistoryEntry, Tracker } from "./model";
import { replacedRequestId } from "./corrections";
import { FLAT_CHECKINS } from "./signals";
import { isIso, krAsOf, logOrder, periodStartOf, summaryPeriod } from "./summaryAsOf";
import { confidenceOf, lastWeekConfidence } from "./summaryLeaders";
import { pointDay } from "./summaryForecast";

/** What the server keeps (in a document property) about a summary whose History rows can stand in for the log. */
export interface Checkpoint {
  week: number;
  /** The summary's day D. */
  asOf: string;
  /** 1-based sheet row of the last log row read (the log's header row when it had no rows). */
  lastRow: number;
  /** rowKey of that row, so a log whose rows were deleted or moved is noticed. */
  rowKey: string;
  /** The latest check-in date in the log then (≤ asOf), or null when the log was empty. */
  maxDate: string | null;
  /** The log's header row then. */
  headerRow: number;
  /** historyDigest of the week's History rows as written. */
  digest: string;
}

export type HistoryState = Required<Pick<HistoryEntry, "confidence" | "lastCheckin" | "whatChanged" | "blockers" | "nextStep" | "sameValue">>;

/**
 * The state columns of each KR's History row as of `asOf`, from what the summary computed already
 * (summaryData.ts): the check-ins without replaced ones, the latest per KR as of asOf and the KRs the log
 * names, so the log is not filtered and replayed twice.
 */
export function historyStateOf(tracker: Tracker, checkins: CheckinEntry[], latest: Map<string, CheckinEntry>, logged: Set<string>, asOf: string): Map<string, HistoryState> {
  const values = new Map<string, CheckinEntry[]>();
  for (const c of checkins) {
    if (!isIso(c.date) || c.date > asOf) continue;
    const list = values.get(c.krId);
    if (list) list.push(c);
    else values.set(c.krId, [c]);
  }
  const out = new Map<string, HistoryState>();
  for (const kr of tracker.keyResults) {
    if (kr.id === null || kr.id === undefined || String(kr.id) === "" || out.has(kr.id)) continue;
    const a = krAsOf(kr, latest, logged, asOf);
    const c = a.checkin;
    out.set(kr.id, {
      confidence: a.confidence,
      lastCheckin: a.lastCheckin,
      whatChanged: c ? String(c.whatChanged ?? "") : "",
      blockers: c ? String(c.blockers ?? "") : "",
      nextStep: c ? String(c.nextStep ?? "") : "",
      sameValue: sameValueRun(values.get(kr.id) || []),
    });
  }
  return out;
}

/** How many of the last check-ins (by date, then row) carry the last one's value, at most FLAT_CHECKINS. */
function sameValueRun(list: CheckinEntry[]): number {
  const sorted = list.slice().sort(logOrder);
  let n = 0;
  for (let i = sorted.length - 1; i >= 0 && n < FLAT_CHECKINS; i--) {
    if (sorted[i].value !== sorted[sorted.length - 1].value) break;
    n++;
  }
  return n;
}

/** The latest check-in date among the entries (null when none has a date). */
export function maxCheckinDate(checkins: CheckinEntry[], floor: string | null = null): string | null {
  let max = floor;
  for (const c of checkins) if (isIso(c.date) && (max === null || c.date > max)) max = c.date;
  return max;
}

/** A short digest of History rows (their content, in order): hand edits to a checkpoint's rows are noticed. */
export function historyDigest(rows: HistoryEntry[]): string {
  return digest(
    rows.map((r) => {
      const parts = [r.week, r.asOf, r.krId, r.value, r.score, r.status, r.confidence, r.lastCheckin, r.whatChanged, r.blockers, r.nextStep, r.sameValue];
      return parts.map((p) => (p === null || p === undefined ? "" : String(p))).join("\u001f") + "\u001e";
    }),
  );
}

/** A short fingerprint (FNV-1a, 8 hex digits) of the texts in order: what a checkpoint keeps instead of the texts. */
export function digest(texts: string[]): string {
  let h = 0x811c9dc5;
  for (const s of texts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

interface Old {
  /** The KR's summarised check-ins, or none. */
  entries: CheckinEntry[];
  /** Its last summarised check-in day; null = no check-in above the checkpoint. */
  last: string | null;
}

/** Stand-ins for the summarised log rows: per KR up to three check-ins on its last check-in day, rows ≤ lastRow. */
export function pastCheckins(rows: HistoryEntry[], lastRow: number): { checkins: CheckinEntry[]; old: Map<string, Old> } | null {
  const old = new Map<string, Old>();
  const checkins: CheckinEntry[] = [];
  for (const h of rows) {
    if (old.has(h.krId)) return null; // a KR twice: not rows a summary wrote
    const n = h.sameValue;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > FLAT_CHECKINS) return null;
    if (n === 0) {
      old.set(h.krId, { entries: [], last: null });
      continue;
    }
    if (!isIso(h.lastCheckin) || typeof h.value !== "number" || !isFinite(h.value)) return null;
    const entries: CheckinEntry[] = [];
    for (let i = 0; i < n; i++) {
      entries.push({
        row: lastRow - n + 1 + i,
        timestamp: `${h.lastCheckin}T00:00:00.000Z`,
        date: h.lastCheckin,
        week: 0,
        krId: h.krId,
        value: h.value,
        confidence: h.confidence ?? null,
        whatChanged: h.whatChanged ?? "",
        blockers: h.blockers ?? "",
        nextStep: h.nextStep ?? "",
        author: "",
        requestId: "",
      });
    }
    checkins.push(...entries);
    old.set(h.krId, { entries, last: h.lastCheckin });
  }
  return { checkins, old };
}

export interface IncrementalInput {
  tracker: Tracker;
  /** Every History entry read (the trend and last week use them as the full replay does). */
  history: HistoryEntry[];
  asOf: string;
  checkpoint: Checkpoint;
  /** The History rows of the checkpoint's week, with their state columns, in sheet order. */
  checkpointRows: HistoryEntry[];
  /** The log rows below checkpoint.lastRow. */
  tail: CheckinEntry[];
  /** The trend's past weeks from the Weekly Trend tab, when History's rows of those weeks were not read (SummaryInput.pastValues). */
  pastValues?: Map<string, number | null>;
}

export type IncrementalResult = { ok: true; checkins: CheckinEntry[] } | { ok: false; reason: string };

/**
 * The check-ins to give buildSummary so that it computes what it would from the whole log, or why that
 * cannot be done from this checkpoint (the caller then reads the whole log). Mirrors the days the summary
 * looks at (summaryData.ts): D, last week's D − 7 for KRs without a History row of week N − 1, and each
 * trend week's day (trendWeekDays) for the KRs without a History row that week.
 */
export function incrementalCheckins(input: IncrementalInput): IncrementalResult {
  const { tracker, history, asOf, checkpoint: cp, tail } = input;
  const s = tracker.settings;
  if (!isValidIsoDate(s.startDate) || !isValidIsoDate(asOf)) return { ok: false, reason: "dates" };
  if (historyDigest(input.checkpointRows) !== cp.digest) return { ok: false, reason: "History's rows of that week changed" };
  // Every summarised check-in lies before this period, so the period's check-ins (its blockers, its check-in
  // rate) are all among the new rows.
  const { week, periodStart } = summaryPeriod(s, asOf);
  if (cp.maxDate !== null && cp.maxDate >= periodStart) return { ok: false, reason: "summarised check-ins in this period" };
  const past = pastCheckins(input.checkpointRows, cp.lastRow);
  if (!past) return { ok: false, reason: "History's state columns are not a summary's" };
  const tailIds = new Set(tail.map((c) => `${c.krId}\n${c.requestId}`));
  for (const c of tail) {
    if (c.row <= cp.lastRow) return { ok: false, reason: "rows out of order" };
    const replaced = replacedRequestId(c.whatChanged);
    if (replaced !== null && !tailIds.has(`${c.krId}\n${replaced}`)) return { ok: false, reason: `a correction of a summarised check-in of ${c.krId}` };
    const o = past.old.get(c.krId);
    if (o && o.last !== null && isIso(c.date) && c.date < o.last) return { ok: false, reason: `late check-in for ${c.krId}` };
  }
  const krs = tracker.keyResults.filter((k) => k.id !== null && k.id !== undefined && String(k.id) !== "");
  const answerable = (krId: string, day: string) => {
    const o = past.old.get(krId);
    return !!o && (o.last === null || day >= o.last);
  };
  for (const kr of krs) if (!past.old.has(kr.id)) return { ok: false, reason: `${kr.id} has no History row in week ${cp.week}` };

  const recorded = recordedValues(history, week, input.pastValues);
  // The days the trend computes its unrecorded weeks as of (summaryData.ts trend). No record's days needed:
  // with the Weekly Trend's past weeks (pastValues) every KR of every past week is recorded.
  const days = trendWeekDays(history, s.startDate, week, asOf);
  for (let w = 1; w <= week; w++) {
    const day = days[w - 1];
    for (const kr of krs) {
      if (w < week && recorded.has(`${w}\u0000${kr.id}`)) continue;
      if (!answerable(kr.id, day)) return { ok: false, reason: `trend week ${w} of ${kr.id} before its summarised check-ins` };
    }
  }
  if (week > 1) {
    const prevDay = addDays(asOf, -7);
    const lastWeek = history.filter((h) => h.week === week - 1);
    const scored = new Set(lastWeek.map((h) => h.krId));
    const confident = new Set(lastWeek.filter((h) => h.confidence !== undefined).map((h) => h.krId));
    for (const kr of krs) {
      // Last week's score and confidence come from History; what History lacks, from the log as of D − 7.
      if (scored.has(kr.id) && confident.has(kr.id)) continue;
      if (!answerable(kr.id, prevDay)) return { ok: false, reason: `last week of ${kr.id} before its summarised check-ins` };
    }
  }
  return { ok: true, checkins: past.checkins.concat(tail) };
}

/**
 * The checkpoint a summary as of `asOf` starts from: the latest one whose check-ins all lie before this
 * period, or null (the whole log is read).
 */
export function checkpointFor<C extends Checkpoint>(checkpoints: C[], settings: Tracker["settings"], asOf: string): C | null {
  if (!isValidIsoDate(asOf)) return null;
  const start = periodStartOf(settings, asOf);
  const usable = checkpoints.filter((c) => c.maxDate === null || c.maxDate < start).sort((a, b) => b.lastRow - a.lastRow || b.week - a.week);
  return usable[0] ?? null;
}

/**
 * Last week's confidence per KR: History's Confidence of week N − 1 where History has it, else the log
 * replayed as of asOf − 7 days (summaryLeaders.lastWeekConfidence), only when some KR lacks that row. Empty
 * in week 1.
 */
export function lastWeekConfidenceWithHistory(tracker: Tracker, checkins: CheckinEntry[], history: HistoryEntry[], asOf: string, week: number): Map<string, number | null> {
  if (week <= 1) return new Map();
  const recorded = new Map<string, number | null>();
  for (const h of history) if (h.week === week - 1 && h.confidence !== undefined) recorded.set(h.krId, confidenceOf(h.confidence));
  const replay = tracker.keyResults.some((kr) => !recorded.has(kr.id)) ? lastWeekConfidence(tracker, checkins, asOf, week) : null;
  const out = new Map<string, number | null>();
  for (const kr of tracker.keyResults) out.set(kr.id, recorded.has(kr.id) ? (recorded.get(kr.id) as number | null) : (replay!.get(kr.id) as number | null));
  return out;
}

/** History's row per (week, KR) for the weeks before `week` (key `${week}\0${krId}`; the last row wins, as for last week's scores). */
function pastWeekRows(history: HistoryEntry[], week: number): Map<string, HistoryEntry> {
  const out = new Map<string, HistoryEntry>();
  for (const h of history) {
    if (!Number.isInteger(h.week) || h.week < 1 || h.week >= week || !h.krId) continue;
    out.set(`${h.week}\u0000${h.krId}`, h);
  }
  return out;
}

/** History's value per (week, KR) for the weeks before `week` (pastWeekRows): the trend's source for past weeks (summaryData.ts). */
export function pastWeekValues(history: HistoryEntry[], week: number): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [k, h] of pastWeekRows(history, week)) out.set(k, typeof h.value === "number" && isFinite(h.value) ? h.value : null);
  return out;
}

/** The past weeks' values the trend takes as recorded: the Weekly Trend tab's (`cached`), then History's rows over them. */
export function recordedValues(history: HistoryEntry[], week: number, cached?: Map<string, number | null>): Map<string, number | null> {
  const fromHistory = pastWeekValues(history, week);
  if (!cached || cached.size === 0) return fromHistory;
  const out = new Map(cached);
  for (const [k, v] of fromHistory) out.set(k, v);
  return out;
}

/**
 * The day each week 1..`week` of the trend is as of (days[w − 1]): for a past week, the day its recorded values
 * are as of — History's As of of that week's rows where they are read (a generation writes one As of for all
 * its rows; should hand edits leave several, the most common, the later on a tie), else the Weekly Trend's
 * record of it (`cached`, week → day, trendCache.ts), else (no row, no record, or no valid As of) the week's
 * last day; the week of the report, the report's day (capped at its week's last day). Clamped into the week
 * (summaryForecast.ts pointDay). Every KR of a week is as of that one day: one without a History row that
 * week (added or renamed since) is computed from the log as of it, as if the week's summary had seen it,
 * so that the Weekly Trend's record keeps one day per week, not one per KR (it was ~19 bytes per such KR
 * and week until session 12, past the 9 KB a document property holds with 60 of 200 KRs renamed).
 */
export function trendWeekDays(history: HistoryEntry[], start: string, week: number, asOf: string, cached?: Map<number, string>): string[] {
  // The rows the values are read from (pastWeekValues).
  const counts = new Map<number, Map<string, number>>();
  for (const { week: w, asOf: d } of pastWeekRows(history, week).values()) {
    if (!isValidIsoDate(d)) continue;
    const c = counts.get(w) || new Map<string, number>();
    c.set(d, (c.get(d) || 0) + 1);
    counts.set(w, c);
  }
  const days: string[] = [];
  for (let w = 1; w <= week; w++) {
    let day: string | undefined;
    const c = counts.get(w);
    if (c) for (const [d, n] of c) if (day === undefined || n > (c.get(day) as number) || (n === c.get(day) && d > day)) day = d;
    if (day === undefined && w < week && cached) day = cached.get(w);
    // The report's week ended before its day only when it is the cycle's last week and the report comes
    // after it (its week capped at the cycle's: summaryPeriod): the check-ins taken in the week after the
    // cycle (core/dates.ts LATE_CHECKIN_DAYS) are that week's figures, so it is as of the report's day, as its
    // History rows are; capped at its week's last day, the late check-ins counted in the summary's lists
    // and not in its trend or forecast.
    const ended = w === week && addDays(start, 7 * w - 1) < asOf;
    days.push(ended ? asOf : pointDay(start, w - 1, asOf, w < week ? day : null));
  }
  return days;
}

// The Weekly Trend tab as the record of past weeks (docs/summary.md, "The Weekly Trend tab"): a document
// property says which tab, cycle and KRs the block was written for and a digest of each week's column as
// written. When it still holds, an ordinary week reads the block's past weeks (one range) instead of
// History's rows of every week, reads History only from last week's rows down, and writes only its own
// week's column; otherwise the summary reads History whole and rewrites the block.
import type { CheckinEntry, HistoryEntry, Tracker } from "../core/model";
import { replacedRequestId } from "../core/corrections";
import { isIso } from "../core/summaryAsOf";
import { withoutBlankIds } from "../core/summaryData";
import { historyDigest } from "../core/summaryPast";
import { lastWeeksColumn, TREND_HEADING, TREND_HEADING_BEFORE, trendBlockKey, weekColumn, weekDigest, weekValues, type TrendBlock } from "../core/trendBlock";
import { isValidIsoDate } from "../core/dates";
import { cycleCheckpoints, type CheckpointStore, type HistoryPlace, type StoredCheckpoint } from "./summaryCheckpoints";
import { readHistory, type HistoryRead } from "./summaryRead";
import { docProps } from "./weeklyState";
import type { PropertyStore } from "./propsBatch";
import { refuseTrendTab } from "./reportTabs";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY = "okrSheets.trendBlock";

interface TrendRecord {
  /** The Weekly Trend tab's sheet ID (a tab deleted and made again starts without a block). */
  sheetId: number;
  /** The cycle's start date: a roll over starts a new block. */
  cycle: string;
  /** trendBlockKey: the KRs, objectives, weights and cycle the block was laid out and computed for. */
  key: string;
  /** Sheet rows of the first KR and of the block's last row (the Chart data's). */
  firstKrRow: number;
  lastRow: number;
  /** Per week written: the digest of its column from the first KR row to the block's last row. */
  digests: Record<string, string>;
  /**
   * Per week written: the day its KR values are as of (SummaryData.trend.days: the History As of of the
   * summary that wrote it), one per week. Absent in a record written before session 12, and an object per
   * week ({d, x}: a day per KR whose day differed) in one written during it before the fix of its size: the
   * tab is then rewritten whole once, from History read whole (a line half dated the old way would disagree
   * with a rewrite).
   */
  days?: Record<string, string>;
  /** The cycle's weeks the tab is laid out for (Repair gives their columns their width); none before session 9. */
  weeks?: number;
  /**
   * The Weekly Summary's columns from H have their width since session 8 (Sheets' 100 px; a tab made before
   * had 70 px there for the trend: summaryTab.ts widenOldSummary). Kept here, in a property every summary
   * reads and writes anyway, so that the check costs a call once. Absent before session 9; true until
   * session 22, when H became 260 px (2).
   */
  summaryWidths?: boolean | number;
  /** The Weekly Summary's sheet ID: a tab of that name with another is looked at before it is cleared (reportTabs.ts). */
  summarySheetId?: number;
  /**
   * The check-in log's last row as the summary that wrote the record read it: the rows below were entered
   * since, and one dated back into a past week may change what that week's column holds (lateForTrend).
   * Absent before session 18: that summary rewrites the tab whole, once.
   */
  logRow?: number;
}

export interface TrendCache {
  /** The document properties (null in a run without them: nothing is recorded). */
  props: PropertyStore | null;
  record: TrendRecord | null;
  /** The past weeks' values read from the block (SummaryInput.pastValues), when the block holds them all. */
  pastValues: Map<string, number | null> | null;
  /** The days they are as of (SummaryInput.pastDays), from the record. */
  pastDays?: Map<number, string>;
}

function load(props: PropertyStore | null): TrendRecord | null {
  const text = props ? props.getProperty(KEY) : null;
  if (!text) return null;
  try {
    const r = JSON.parse(text) as TrendRecord;
    const ok = r && typeof r.sheetId === "number" && typeof r.firstKrRow === "number" && typeof r.lastRow === "number" && r.digests && typeof r.digests === "object";
    return ok ? r : null;
  } catch {
    return null; // a damaged record counts as none: the block is rewritten
  }
}

/**
 * A tab named like the Weekly Trend that the record does not place is ours only as isTrendTab tells it;
 * anything else is someone's own tab, which the summary must not clear: refused before anything is written.
 */
function refuseForeign(sheet: Sheet): void {
  if (isTrendTab(sheet)) return;
  refuseTrendTab(sheet);
}

/**
 * The block's past weeks 1..week−1, when the record says the tab holds them as written for these KRs: one
 * read of the block's rows across those weeks, each week's column checked against its digest (a cell typed
 * over, a row inserted or sorted, anything the add-on did not write, and the block is rewritten from
 * History instead).
 */
export function readTrendCache(props: PropertyStore | null, sheet: Sheet | null, tracker: Tracker, week: number): TrendCache {
  const record = load(props);
  const none = (): TrendCache => ({ props, record, pastValues: null });
  if (!sheet) return none();
  const ours = !!record && sheet.getSheetId() === record.sheetId;
  if (!ours) refuseForeign(sheet);
  if (!ours || !record || record.cycle !== tracker.settings.startDate || record.key !== trendBlockKey(tracker) || week < 2) return none();
  if (typeof record.logRow !== "number") return none(); // written before session 18: which log rows are new is unknown
  for (const w of Object.keys(record.digests)) if (Number(w) > week) return none(); // a later week is written
  // Each past week's digest (none: a week skipped) and the day it is as of: a record without days, or with a
  // week's entry not a day (the per-KR form of session 12 before its fix, a hand-edited record), and the tab
  // is rewritten whole, once.
  const pastDays = new Map<number, string>();
  for (let w = 1; w < week; w++) {
    const d = record.days ? record.days[String(w)] : undefined;
    if (!record.digests[String(w)] || typeof d !== "string" || !isValidIsoDate(d)) return none();
    pastDays.set(w, d);
  }
  const ids = withoutBlankIds(tracker).keyResults.map((k) => k.id);
  // Columns deleted on the right (weeks to come, Trend, Last weeks): this week's write would be refused after
  // the Weekly Summary is written, so the tab is rewritten whole now, from History read whole.
  if (sheet.getMaxColumns() < lastWeeksColumn(tracker.settings.weeks)) return none();
  const pastValues = new Map<string, number | null>();
  let values: unknown[][];
  try {
    values = sheet.getRange(record.firstKrRow, weekColumn(1), record.lastRow - record.firstKrRow + 1, week - 1).getValues();
  } catch {
    return none(); // a range beyond the tab's size is refused: the tab was trimmed
  }
  for (let w = 1; w < week; w++) {
    const column = values.map((r) => r[w - 1]);
    if (weekDigest(column) !== record.digests[String(w)]) return none();
    ids.forEach((id, i) => pastValues.set(`${w}\u0000${id}`, typeof column[i] === "number" && isFinite(column[i] as number) ? (column[i] as number) : null));
  }
  return { props, record, pastValues, pastDays };
}

/** Whether week `c.week`'s rows are where and as that summary wrote them (their first row, their digest). */
function holds(hist: HistoryRead, c: HistoryPlace): boolean {
  const rows = hist.entries.filter((e) => e.week === c.week);
  return rows.length > 0 && rows[0].row === c.historyFirst && historyDigest(rows) === c.digest;
}

/**
 * History for a summary of week `week`. When the Weekly Trend holds the weeks before (cache.pastValues),
 * only its rows from last week's first row down (or from the first row of the checkpoint the log is read
 * from, when that is older, as with a fortnightly period), and only if those rows are the ones the
 * summaries wrote (first row and digest): rows cleared, moved or edited by hand since, and History is read
 * whole and the Weekly Trend rewritten whole, as the first summary does. `headerRow`: where the Settings
 * computed cells place History's header (readHistory).
 */
export function historyForSummary(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tz: string, cache: TrendCache, store: CheckpointStore, cycle: string,
  week: number, best: StoredCheckpoint | null, expectedLast: number | null, headerRow = 0,
): { hist: HistoryRead; pastValues?: Map<string, number | null>; pastDays?: Map<number, string> } {
  const wide = [week - 1].concat(best ? [best.week] : []);
  // Last week's place in History, whether or not its summary's check-ins summarise the log (HistoryPlace).
  const last = cache.pastValues ? cycleCheckpoints(store, cycle).find((c) => c.week === week - 1) : undefined;
  const used: HistoryPlace[] = last && best && best.week < last.week ? [last, best] : last ? [last] : [];
  if (used.length && used.every((c) => typeof c.historyFirst === "number")) {
    const from = Math.min(...used.map((c) => c.historyFirst as number));
    const hist = readHistory(ss, tz, wide, expectedLast, from, headerRow);
    if (hist.from === undefined) return { hist }; // History was read whole after all (it ends above `from`)
    // The row above them is of an earlier week: History was not sorted to put later weeks above (whose rows
    // the write would then not find, and duplicate). It is left out of what the summary uses: a week before
    // last comes from the Weekly Trend tab, not from History.
    const oldest = Math.min(...used.map((c) => c.week));
    const above = hist.entries.filter((e) => e.row < from);
    if (above.every((e) => e.week < oldest) && used.every((c) => holds(hist, c))) {
      return { hist: { ...hist, entries: hist.entries.filter((e) => e.row >= from) }, pastValues: cache.pastValues!, pastDays: cache.pastDays };
    }
  }
  return { hist: readHistory(ss, tz, wide, expectedLast, null, headerRow) };
}

/**
 * Records the block as this generation left it: all weeks 1..week when it was rewritten whole, else the
 * record's weeks and this one (and that the Weekly Summary's widths are checked: the summary has seen to them
 * before). Written every time, so the summary's calls do not depend on the data.
 */
export function saveTrendCache(cache: TrendCache, sheet: Sheet, tracker: Tracker, block: TrendBlock, week: number, whole: boolean, summarySheetId: number, logRow: number): void {
  if (!cache.props) return;
  const digests: Record<string, string> = whole || !cache.record ? {} : { ...cache.record.digests };
  const days: Record<string, string> = whole || !cache.record || !cache.record.days ? {} : { ...cache.record.days };
  for (let w = whole ? 1 : week; w <= week; w++) {
    digests[String(w)] = weekDigest(weekValues(block, w));
    if (block.days[w - 1] !== undefined) days[String(w)] = block.days[w - 1];
  }
  const lastRow = block.row + block.rows.length - 1;
  const record: TrendRecord = { sheetId: sheet.getSheetId(), cycle: tracker.settings.startDate, key: trendBlockKey(tracker), firstKrRow: block.firstKrRow, lastRow, digests, days, weeks: tracker.settings.weeks, summaryWidths: 2, summarySheetId, logRow };
  cache.props.setProperty(KEY, JSON.stringify(record));
}

/**
 * Whether a log row entered since the record was written (below its logRow) may change a past week the tab
 * holds: a week's KR without a History row that week (a week skipped, a KR added or renamed since) holds
 * the log's value as of the week's day, which a whole rewrite computes anew from the log, so a check-in
 * dated on or before that day and entered after (`--at`, a check-in entered days late), or a correction of
 * one, makes the tab's value stale. The KRs that have such a week are not recorded, so any KR counts but
 * for the weeks whose History rows were read (`history`: last week's, and the checkpoint's). The summary
 * then reads History whole and rewrites the tab whole, as the first summary does (summaryTab.ts).
 * `fromRow`: the first real log row among `checkins` (the checkpoint's rows stand in for those above it);
 * rows between the record's and it were not read, so they may be such rows.
 */
export function lateForTrend(cache: TrendCache, checkins: CheckinEntry[], fromRow: number, history: HistoryEntry[], week: number, pastDays?: Map<number, string>): boolean {
  const seen = cache.record && typeof cache.record.logRow === "number" ? cache.record.logRow : -1;
  if (seen < 0 || fromRow > seen + 1) return true;
  const days: string[] = [];
  for (let w = 1; w < week; w++) days.push((pastDays && pastDays.get(w)) || "");
  const read = new Set(history.filter((h) => h.week < week).map((h) => `${h.week}\u0000${h.krId}`));
  const byRequest = new Map(checkins.map((c) => [`${c.krId}\n${c.requestId}`, c] as [string, CheckinEntry]));
  const changes = (krId: string, date: string) => isIso(date) && days.some((d, i) => date <= d && !read.has(`${i + 1}\u0000${krId}`));
  return checkins.some((c) => {
    if (c.row <= seen) return false;
    if (changes(c.krId, c.date)) return true;
    const replaced = replacedRequestId(c.whatChanged);
    const old = replaced === null ? undefined : byRequest.get(`${c.krId}\n${replaced}`);
    return !!old && changes(old.krId, old.date);
  });
}

/** What the summary's record says of the tabs it wrote: Repair's way of knowing its report tabs without reading them. */
export interface RecordedTabs {
  /** The Weekly Trend's sheet ID. */
  trendId: number;
  /** The cycle's weeks the Weekly Trend is laid out for; 0 in a record written before it said. */
  weeks: number;
  /** The Weekly Summary's sheet ID; null in a record written before it said. */
  summaryId: number | null;
}

/** The record's tabs (null: no record, or a run without document properties). Two cheap calls. */
export function recordedTabs(): RecordedTabs | null {
  const record = load(docProps());
  if (!record) return null;
  const weeks = typeof record.weeks === "number" && Number.isInteger(record.weeks) && record.weeks > 0 ? record.weeks : 0;
  return { trendId: record.sheetId, weeks, summaryId: typeof record.summarySheetId === "number" ? record.summarySheetId : null };
}

/**
 * Whether a Weekly Trend's first two rows are the add-on's: the trend's heading, then its header row's ID, Key
 * result and Week 1 (a cycle has one week at least). The one rule by which the summary, Repair and the roll
 * over tell an unrecorded Weekly Trend from someone's own tab of that name: a heading alone may head
 * someone's copy, which the summary would clear and the roll over delete.
 */
export function isTrendHead(rows: readonly (readonly unknown[])[]): boolean {
  const [first, header] = rows;
  return !!first && !!header && (first[0] === TREND_HEADING || first[0] === TREND_HEADING_BEFORE) && header[0] === "ID" && header[1] === "Key result" && header[weekColumn(1) - 1] === "Week 1";
}

/**
 * Whether an unrecorded tab of the Weekly Trend's name is the add-on's to write over, as the summary and the
 * roll over tell it: isTrendHead of its A1:C2 (one read; an add-on's tab after a run that kept no record,
 * e.g. a trigger run without document properties), or empty (no cell at all, not only A1: nothing is lost),
 * as reportTabs.ts `titled` tells the other reports.
 */
export function isTrendTab(sheet: Sheet): boolean {
  try {
    if (isTrendHead(sheet.getRange(1, 1, 2, weekColumn(1)).getValues())) return true;
  } catch {
    // fewer than 2 rows or 3 columns: the range is refused, and ours has more
  }
  return sheet.getLastRow() === 0;
}

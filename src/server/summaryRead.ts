// How the weekly summary reads History and the check-in log (docs/summary.md#reading-only-what-is-needed):
// History's rows to their last row (or to the sheet's end, when that is within HISTORY_BLANK_TAIL blank
// rows of it: cheaper than asking for the last row), its state columns only for the weeks needed, and the
// log only from the last usable summary's checkpoint on (summaryCheckpoints.ts); the whole log when no
// checkpoint gives exactly the summary the whole log gives (core/summaryPast.ts decides).
import type { ExistingHistoryRow } from "../core/history";
import { isBlankRow } from "../core/blank";
import type { CheckinEntry, HistoryEntry, Settings, Tracker } from "../core/model";
import { isValidIsoDate } from "../core/dates";
import { summaryPeriod } from "../core/summaryAsOf";
import { computedHeader, type ComputedHeader } from "../core/computedCells";
import { HISTORY_HEADERS, HISTORY_STATE_HEADERS, TAB } from "../core/tabs";
import { digest, incrementalCheckins, maxCheckinDate, type Checkpoint } from "../core/summaryPast";
import { cellIsoDate, isDate } from "./env";
import { checkinsFrom, computedCells, computedLogHeaderRow, computedLogRows, IDENTIFYING, type SettingsRead } from "./read";
import { col, lazyDecimalComma, literal, num, readTable, str, tableFromValues, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The rows searched for History's header, and the columns (A..P, as setup inspects them). */
const HEAD_ROWS = 30;
const HEAD_WIDTH = 16;

export interface HistoryRead {
  sheet: Sheet;
  headerRow: number;
  headers: string[];
  /** Every History entry in sheet order, with its row; the state columns only on rows read wide. */
  entries: ExistingHistoryRow[];
  /** Whether the tab has every state column (a tab made before them has none until Repair). */
  hasState: boolean;
  /** When only the rows from there down were read (readHistory's `from`; with the row above it): absent, read whole. */
  from?: number;
}

/**
 * History's rows. Its KR ID and texts are written literal (historyWrite.ts asText), so a History formatted as
 * Plain text keeps the quote as a character: the ID is read without it, and `quoted` gets the rows whose ID
 * kept one, whose texts withState reads without it (table.ts literal, rowTexts), else a regenerated week would
 * not know its KRs and each rewrite of a moved row would add a quote to its texts.
 */
function parseRows(values: unknown[][], headers: string[], firstRow: number, tz: string, quoted?: Set<number>): ExistingHistoryRow[] {
  const idx = (h: string) => {
    const i = col({ headers }, h);
    return i >= 0 && i < (values[0] || []).length ? i : -1;
  };
  const [week, asOf, krId, value, score, status] = HISTORY_HEADERS.map(idx);
  const at = (r: unknown[], i: number) => (i >= 0 ? r[i] : "");
  const out: ExistingHistoryRow[] = [];
  values.forEach((r, i) => {
    const w = num(at(r, week));
    const id = literal(at(r, krId));
    if (w === null || !id) return;
    if (quoted && id !== str(at(r, krId))) quoted.add(firstRow + i);
    const day = at(r, asOf);
    const e: ExistingHistoryRow = {
      row: firstRow + i,
      week: w,
      asOf: cellIsoDate(day, tz),
      krId: id,
      value: num(at(r, value)),
      score: num(at(r, score)),
      status: str(at(r, status)),
    };
    // The day is written as its text, which Sheets' Automatic format makes a date: text read back is Plain text's.
    if (typeof day === "string" && e.asOf) e.asOfText = true;
    out.push(e);
  });
  return out;
}

/** Where the state columns are in cells that start at column c0 of `headers` (found once per read, not per row). */
function stateColumns(headers: string[], c0: number): number[] {
  return HISTORY_STATE_HEADERS.map((h) => col({ headers }, h) - c0);
}

/** The entry with the state columns of `cells`, at `at` (stateColumns). */
function withState(e: ExistingHistoryRow, cells: unknown[], at: number[], tz: string, quoted: ReadonlySet<number>): ExistingHistoryRow {
  const [conf, last, changed, blockers, next, same] = at;
  const text = quoted.has(e.row) ? literal : str;
  return {
    ...e,
    confidence: num(cells[conf]),
    lastCheckin: cellIsoDate(cells[last], tz) || null,
    whatChanged: text(cells[changed]),
    blockers: text(cells[blockers]),
    nextStep: text(cells[next]),
    sameValue: num(cells[same]),
  };
}

/**
 * Blank rows below History that are cheaper to read than asking for its last row: a read call costs about
 * what 800 rows of its six base columns do (README, "The cost model").
 */
const HISTORY_BLANK_TAIL = 800;

/**
 * History in at most four reads: its last row, the header region, the base columns of every row down to
 * the last row, and the state columns of the rows of `wideWeeks` (one contiguous block). When History's last
 * row as the previous summary left it (`expectedLast`) lies within HISTORY_BLANK_TAIL rows of the sheet's
 * end, the base columns are read to the sheet's end instead, without asking for the last row: exact
 * whatever the record says (nothing lies below the sheet's end; blank rows are no entries), and the record
 * only decides which is cheaper. Given `from` (the first row of last week's rows, when the Weekly Trend holds
 * the weeks before), only the rows from there down are read, every column in one read. `headerRow`: the
 * row the Settings computed cells place the header in (0: none); rows inserted above it may have pushed it
 * below the rows searched, and the header region read then reaches down to it (the same one read).
 */
export function readHistory(ss: Spreadsheet, tz: string, wideWeeks: number[], expectedLast: number | null = null, from: number | null = null, headerRow = 0): HistoryRead {
  const sheet = ss.getSheetByName(TAB.history);
  if (!sheet) {
    readTable(ss, TAB.history, IDENTIFYING.history, HEAD_WIDTH); // throws the missing-tab message
    throw new Error("unreachable");
  }
  const max = expectedLast === null ? 0 : sheet.getMaxRows();
  const last = expectedLast !== null && max >= expectedLast && max - expectedLast <= HISTORY_BLANK_TAIL ? max : Math.max(1, sheet.getLastRow());
  const headRows = Math.min(last, Math.max(HEAD_ROWS, headerRow));
  let top: unknown[][];
  try {
    top = sheet.getRange(1, 1, headRows, HEAD_WIDTH).getValues();
  } catch {
    // A tab narrowed by hand: a range beyond its columns is refused.
    top = sheet.getRange(1, 1, headRows, Math.max(1, Math.min(sheet.getMaxColumns(), HEAD_WIDTH))).getValues();
  }
  const head: Table = tableFromValues(sheet, TAB.history, top, IDENTIFYING.history, HEAD_ROWS, headerRow);
  const headers = head.headers;
  const hasState = HISTORY_STATE_HEADERS.every((h) => col(head, h) >= 0);
  const first = head.headerRow + 1;
  if (last < first) return { sheet, headerRow: head.headerRow, headers, entries: [], hasState };
  if (from !== null && from >= first && from <= last) {
    // Only the rows from `from` down (last week's, and any below), and the row above them (which says
    // whether rows of later weeks were moved above: trendCache.ts), every column: the past weeks' values come
    // from the Weekly Trend tab, not from History.
    const h: HistoryRead = { sheet, headerRow: head.headerRow, headers, entries: [], hasState };
    return { ...h, entries: readHistoryRows(h, Math.max(first, from - 1), last, tz), from };
  }
  const narrow = Math.max(...HISTORY_HEADERS.map((h) => col(head, h))) + 1;
  const quoted = new Set<number>();
  let entries = parseRows(sheet.getRange(first, 1, last - first + 1, narrow).getValues(), headers, first, tz, quoted);
  const wanted = new Set(wideWeeks);
  const rows = entries.filter((e) => wanted.has(e.week)).map((e) => e.row);
  if (hasState && rows.length) {
    // Only the state columns (setup puts them side by side), of the rows of those weeks: one block.
    const stateIdx = HISTORY_STATE_HEADERS.map((h) => col(head, h));
    const c0 = Math.min(...stateIdx);
    const a = Math.min(...rows);
    const b = Math.max(...rows);
    const block = sheet.getRange(a, c0 + 1, b - a + 1, Math.max(...stateIdx) - c0 + 1).getValues();
    const at = stateColumns(headers, c0);
    entries = entries.map((e) => (e.row < a || e.row > b ? e : withState(e, block[e.row - a], at, tz, quoted)));
  }
  return { sheet, headerRow: head.headerRow, headers, entries, hasState };
}

/**
 * History's rows from the tab's values read whole (the review and the close: one read, where readHistory
 * bounds its reads at the cost of more calls). Throws as readHistory does when no row holds the header.
 */
export function historyFromValues(sheet: Sheet, values: unknown[][], tz: string, headerRow = 0): ExistingHistoryRow[] {
  const head = tableFromValues(sheet, TAB.history, values, IDENTIFYING.history, HEAD_ROWS, headerRow);
  return parseRows(head.rows, head.headers, head.headerRow + 1, tz);
}

/** The rows of History's full width from `from` to `to`, for rewriting rows that keep their state columns. */
export function readHistoryRows(h: HistoryRead, from: number, to: number, tz: string): ExistingHistoryRow[] {
  if (to < from) return [];
  // To the last column the add-on uses: the header row read may be wider (blank cells right of it).
  const names: readonly string[] = h.hasState ? [...HISTORY_HEADERS, ...HISTORY_STATE_HEADERS] : HISTORY_HEADERS;
  const width = Math.max(...names.map((name) => col({ headers: h.headers }, name))) + 1;
  const values = h.sheet.getRange(from, 1, to - from + 1, width).getValues();
  const at = stateColumns(h.headers, 0);
  const quoted = new Set<number>();
  return parseRows(values, h.headers, from, tz, quoted).map((e) => (h.hasState ? withState(e, values[e.row - from], at, tz, quoted) : e));
}

/** The summary's week N (core/summaryAsOf summaryPeriod), or 0 when a date is not a date. */
export function summaryWeek(s: Settings, asOf: string): number {
  return isValidIsoDate(s.startDate) && isValidIsoDate(asOf) ? summaryPeriod(s, asOf).week : 0;
}

// ---- the log ----

export interface LogRead {
  checkins: CheckinEntry[];
  /** For the next checkpoint: the last row read, its key, the latest date, the header row. */
  lastRow: number;
  rowKey: string;
  maxDate: string | null;
  headerRow: number;
  /** "" when the whole log was read; else the week of the checkpoint used. */
  from: Checkpoint | null;
  /** Why the whole log was read (for tests and the bench). */
  reason: string;
}

/**
 * The log row's fingerprint, kept in the checkpoint: a digest, never the cells themselves, since the
 * checkpoints share one document property (9 KB on Google) and a Value cell may hold any text.
 */
function rowKey(r: unknown[] | undefined, cols: { ts: number; kr: number; value: number }): string {
  if (!r) return "";
  const ts = r[cols.ts];
  return digest([`${isDate(ts) ? ts.getTime() : String(ts ?? "")}|${str(r[cols.kr])}|${String(r[cols.value] ?? "")}`]);
}

function logCols(headers: string[]) {
  return { ts: col({ headers }, "Timestamp"), kr: col({ headers }, "KR ID"), value: col({ headers }, "Value") };
}

/**
 * The columns the summary uses (not Week or Author). Request ID is one: a correction names the row it
 * replaces by it (core/corrections.ts), and without it a replaced row's value and blockers would show.
 */
const NEEDED_LOG = ["Timestamp", "KR ID", "Value", "Confidence", "What changed", "Blockers", "Next step", "Request ID"];

/** How many of the log's first columns hold what the summary uses, or 0 when a header is missing. */
function neededWidth(headers: string[] | null): number {
  if (!headers) return 0;
  const idx = NEEDED_LOG.map((h) => col({ headers }, h));
  return idx.some((i) => i < 0) ? 0 : Math.max(...idx) + 1;
}

/**
 * The whole log (the first summary, and the fallback): its rows to the last, in the columns the summary
 * uses when the computed header cell says where they are, else its data range.
 */
function readWholeLog(ss: Spreadsheet, tz: string, s: SettingsRead | null, reason: string): LogRead {
  const sheet = ss.getSheetByName(TAB.checkins);
  let t: Table;
  const head = placedLogHeader(s);
  const width = neededWidth(head ? head.headers : null);
  // Where the computed cells place the header (rows inserted above it), it is taken there, as a check-in does.
  const known = s ? computedLogHeaderRow(s) : 0;
  if (!sheet) t = readTable(ss, TAB.checkins, IDENTIFYING.checkins, 16);
  else if (head && width > 0) t = tableFromValues(sheet, TAB.checkins, sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), width).getValues(), IDENTIFYING.checkins, undefined, head.row);
  else t = tableFromValues(sheet, TAB.checkins, sheet.getDataRange().getValues(), IDENTIFYING.checkins, undefined, known);
  const checkins = checkinsFrom(t, tz, lazyDecimalComma(ss));
  return {
    checkins,
    lastRow: t.headerRow + t.rows.length,
    rowKey: rowKey(t.rows[t.rows.length - 1], logCols(t.headers)),
    maxDate: maxCheckinDate(checkins),
    headerRow: t.headerRow,
    from: null,
    reason,
  };
}

/** The log's header as the computed cells give it, wherever they place it (core/computedCells.ts), or null. */
function placedLogHeader(s: SettingsRead | null): ComputedHeader | null {
  return s ? computedHeader(computedCells(s), "checkins", IDENTIFYING.checkins) : null;
}

/**
 * Blank rows below the log that are cheaper to read than asking for its last row: a read call costs about
 * what 600 rows of the summary's 8 columns do (README, "The cost model").
 */
const BLANK_TAIL = 600;

/**
 * The log's rows from row `from` to its last row, in its first `width` columns, and that last row; null when
 * the log now ends above `from`. When the sheet ends near where the computed row count says the log ends
 * (a log grown by its check-ins ends at the sheet's end), the rows down to the sheet's last row are read,
 * which is exact whatever the count says (nothing lies below the sheet's end), and the blank rows at the
 * bottom dropped: no getLastRow read. Otherwise (a log with many blank rows below it) its last row is asked.
 */
function readLogFrom(sheet: Sheet, from: number, width: number, s: SettingsRead | null, headerRow: number): { values: unknown[][]; last: number } | null {
  const counted = s ? computedLogRows(s) : null;
  const max = sheet.getMaxRows();
  if (counted !== null && max >= from && max - (headerRow + counted) <= BLANK_TAIL) {
    const values = sheet.getRange(from, 1, max - from + 1, width).getValues();
    let n = values.length;
    while (n > 1 && isBlankRow(values[n - 1])) n--;
    return { values: values.slice(0, n), last: from + n - 1 };
  }
  const last = sheet.getLastRow();
  if (last < from) return null;
  return { values: sheet.getRange(from, 1, last - from + 1, width).getValues(), last };
}

export interface LogRequest {
  tracker: Tracker;
  /** History's rows per week (with state columns where read wide). */
  history: HistoryEntry[];
  asOf: string;
  settingsRead: SettingsRead | null;
  /** The checkpoint to start from (core/summaryPast checkpointFor), or null: the whole log. */
  checkpoint: Checkpoint | null;
  /** The trend's past weeks from the Weekly Trend tab (SummaryInput.pastValues), when History's were not read. */
  pastValues?: Map<string, number | null>;
}

/**
 * The check-ins the summary needs: from the checkpoint, when it gives the whole log's summary (its History
 * rows intact, no day looked at before its check-ins), only the log rows below its last row, read in the
 * columns the summary uses; otherwise the whole log.
 */
export function readSummaryLog(ss: Spreadsheet, tz: string, req: LogRequest): LogRead {
  const headerRow = req.settingsRead ? computedLogHeaderRow(req.settingsRead) : 1;
  const cp = req.checkpoint;
  if (!cp) return readWholeLog(ss, tz, req.settingsRead, "no checkpoint");
  if (cp.headerRow !== headerRow) return readWholeLog(ss, tz, req.settingsRead, "the log's header moved");
  const checkpointRows = req.history.filter((h) => h.week === cp.week);
  const pre = incrementalCheckins({ tracker: req.tracker, history: req.history, asOf: req.asOf, checkpoint: cp, checkpointRows, tail: [], pastValues: req.pastValues });
  if (!pre.ok) return readWholeLog(ss, tz, req.settingsRead, pre.reason);

  const sheet = ss.getSheetByName(TAB.checkins);
  if (!sheet) return readWholeLog(ss, tz, req.settingsRead, "no log");
  const head = placedLogHeader(req.settingsRead);
  let headers = head && head.row === headerRow ? head.headers : null;
  if (!neededWidth(headers)) headers = sheet.getRange(headerRow, 1, 1, Math.min(16, sheet.getMaxColumns())).getValues()[0].map((v) => str(v));
  const width = neededWidth(headers);
  if (!width || !headers) return readWholeLog(ss, tz, req.settingsRead, "log header");
  // The summary's columns only, from the checkpoint's own last row (checked against its key) down.
  const read = readLogFrom(sheet, cp.lastRow, width, req.settingsRead, headerRow);
  if (!read) return readWholeLog(ss, tz, req.settingsRead, "log rows deleted");
  const { values, last } = read;
  const cols = logCols(headers);
  if (cp.lastRow > headerRow && rowKey(values[0], cols) !== cp.rowKey) return readWholeLog(ss, tz, req.settingsRead, "log rows changed");
  const tailTable: Table = { sheet, name: TAB.checkins, headerRow: cp.lastRow, headers: headers.slice(0, width), rows: values.slice(1), width };
  const tail = checkinsFrom(tailTable, tz, lazyDecimalComma(ss));
  const result = incrementalCheckins({ tracker: req.tracker, history: req.history, asOf: req.asOf, checkpoint: cp, checkpointRows, tail, pastValues: req.pastValues });
  if (!result.ok) return readWholeLog(ss, tz, req.settingsRead, result.reason);
  return {
    checkins: result.checkins,
    lastRow: last,
    rowKey: last > cp.lastRow ? rowKey(values[values.length - 1], cols) : cp.rowKey,
    maxDate: maxCheckinDate(tail, cp.maxDate),
    headerRow,
    from: cp,
    reason: "",
  };
}

// The check-in log's last rows, read in one call, and what the sidebar and a check-in take from them:
// recent check-ins, the week's latest (which a correction replaces), a KR's values for the forecast, and
// request IDs recorded before the Key Results "Request IDs" column was kept.
import type { CorrectableCheckin, RecentCheckin } from "../core/api";
import { columnLetter } from "../core/a1";
import { computedHeader, computedRow, joinedHeaderHoldsBar } from "../core/computedCells";
import { CHECKIN_HEADERS, TAB } from "../core/tabs";
import { cellIsoDate, isDate, plainCell } from "./env";
import { computedCells, computedLogRows, IDENTIFYING, LOG_WIDTH, type SettingsRead } from "./read";
import { findHeaderRow, lazyDecimalComma, literal, logValue, noHeaderMessage, norm, rowTexts, str, USE_REPAIR } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many of the latest log rows are read for "recent check-ins", corrections and the forecast. */
export const LOG_TAIL = 200;
const RECENT_PER_KR = 5;

/**
 * Where the log is and what its header holds, from the Settings computed cells the caller read already (no call):
 * its header row (`=ROW('Check-ins'!A1)`, which follows rows inserted above it, as the joined header cell's
 * references do), its row count, its header's cells and each CHECKIN_HEADERS column's position. Null when the
 * cells do not give the header exactly (core/computedCells.ts computedHeader) or it lacks one of the log's
 * columns. For the check-in's and the sidebar's tail (readLogTail) and the roll-up's blockers (portfolioBlockers.ts).
 */
export interface PlacedLog {
  headerRow: number;
  rows: number;
  headers: string[];
  cols: Record<string, number>;
}

export function placedLog(s: SettingsRead): PlacedLog | null {
  const rows = computedLogRows(s);
  const head = computedHeader(computedCells(s), "checkins", CHECKIN_HEADERS);
  if (!head || rows === null) return null;
  return { headerRow: head.row, rows, headers: head.headers, cols: logColumns(head.headers) };
}

/** Each CHECKIN_HEADERS column's position in `headers` (-1 where one is missing). */
function logColumns(headers: readonly string[]): Record<string, number> {
  const normed = headers.map(norm);
  const cols: Record<string, number> = {};
  for (const h of CHECKIN_HEADERS) cols[h] = normed.indexOf(norm(h));
  return cols;
}

/**
 * The log placed by its computed row and count when a header cell holds "|" (the joined text then cannot say
 * where the columns are): its header row read instead (one call, only then), so a column of the team's own
 * named "Notes | links" turns no check-in away; null otherwise, or when that row lacks one of the log's columns.
 */
function placedByHeaderRead(ss: Spreadsheet, s: SettingsRead): PlacedLog | null {
  const cells = computedCells(s);
  const row = computedRow(cells("CheckinHeaderRow"));
  const rows = computedLogRows(s);
  if (!row || rows === null || !joinedHeaderHoldsBar(cells, "checkins")) return null;
  let headers: string[];
  try {
    headers = ss.getRange(`'${TAB.checkins}'!A${row}:${columnLetter(LOG_WIDTH)}${row}`).getValues()[0].map(str);
  } catch {
    return null; // the tab renamed or shorter since: the check-in says why (logTailMissingMessage)
  }
  const cols = logColumns(headers);
  return Object.values(cols).some((c) => c < 0) ? null : { headerRow: row, rows, headers, cols };
}

export interface LogTail {
  cols: Record<string, number>;
  rows: unknown[][];
  /** table.ts lazyDecimalComma: how a Value kept as a number's text ("0,85") is read. */
  decimalComma?: () => boolean;
}

/** The last LOG_TAIL rows of the log (its columns only), with one read; null when the log's header is not where expected. */
export function readLogTail(ss: Spreadsheet, s: SettingsRead): LogTail | null {
  const log = placedLog(s) || placedByHeaderRead(ss, s);
  if (!log) return null;
  const { cols, rows: n, headerRow: header } = log;
  if (n === 0) return { cols, rows: [], decimalComma: lazyDecimalComma(ss) };
  const last = header + n;
  const first = Math.max(header + 1, last - LOG_TAIL + 1);
  // Only as far as the log's own columns: the tail is read on every check-in and every sidebar.
  const width = Math.max(...Object.values(cols)) + 1;
  const rows = ss.getRange(`'${TAB.checkins}'!A${first}:${columnLetter(width)}${last}`).getValues();
  return { cols, rows, decimalComma: lazyDecimalComma(ss) };
}

/** A check-in's refusal where the log tab is gone. */
export const NO_LOG = `The "${TAB.checkins}" tab is missing. ${USE_REPAIR}.`;

/**
 * Why readLogTail found no log, in one line, with the fix that works for the case (read only then: the
 * log's cells, once). Repair refuses a tab that holds rows but no header, so it is offered only for an
 * empty or missing tab, and for Settings' computed cells when the header itself is fine.
 */
export function logTailMissingMessage(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(TAB.checkins);
  if (!sheet) return NO_LOG;
  const values = sheet.getDataRange().getValues();
  if (findHeaderRow(values, CHECKIN_HEADERS) >= 0) {
    return `The Settings tab's computed check-in rows are missing or changed. ${USE_REPAIR} to write them back.`;
  }
  // A header the log is known by but short of a column it needs: that column is named, else the three it is known by.
  const required = findHeaderRow(values, IDENTIFYING.checkins) >= 0 ? CHECKIN_HEADERS : IDENTIFYING.checkins;
  return noHeaderMessage(TAB.checkins, values, required);
}

export function recentFor(tail: LogTail | null, krId: string, tz: string): RecentCheckin[] {
  if (!tail) return [];
  const c = tail.cols;
  const out: RecentCheckin[] = [];
  for (let i = tail.rows.length - 1; i >= 0 && out.length < RECENT_PER_KR; i--) {
    const r = tail.rows[i];
    // Read as the check-in wrote them, a Plain text format or not (table.ts literal, rowTexts, logValue).
    if (literal(r[c["KR ID"]]) !== krId) continue;
    const ts = r[c["Timestamp"]];
    const text = rowTexts(r[c["KR ID"]]);
    out.push({
      date: isDate(ts) ? cellIsoDate(ts, tz) : "",
      value: (logValue(r[c["Value"]], tail.decimalComma) ?? plainCell(r[c["Value"]], tz)) as number | string,
      confidence: plainCell(r[c["Confidence"]], tz) as number | string,
      whatChanged: text(r[c["What changed"]]),
      author: text(r[c["Author"]]),
    });
  }
  return out;
}

/** The KR's check-ins in the log's tail: date, value and position (for ties). */
export function tailValues(tail: LogTail, krId: string, tz: string): { date: string; value: number; row: number }[] {
  const c = tail.cols;
  const out: { date: string; value: number; row: number }[] = [];
  tail.rows.forEach((r, i) => {
    const ts = r[c["Timestamp"]];
    const v = logValue(r[c["Value"]], tail.decimalComma);
    if (literal(r[c["KR ID"]]) === krId && isDate(ts) && v !== null) out.push({ date: cellIsoDate(ts, tz), value: v, row: i });
  });
  return out;
}

/** The KR's latest check-in in the log's tail dated in the given week, which a correction replaces. */
export function latestOfWeek(tail: LogTail | null, krId: string, week: number, tz: string): CorrectableCheckin | null {
  if (!tail) return null;
  const c = tail.cols;
  for (let i = tail.rows.length - 1; i >= 0; i--) {
    const r = tail.rows[i];
    if (literal(r[c["KR ID"]]) !== krId) continue;
    if (Number(r[c["Week"]]) !== week) return null;
    const ts = r[c["Timestamp"]];
    const text = rowTexts(r[c["KR ID"]]);
    return {
      requestId: literal(r[c["Request ID"]]),
      date: isDate(ts) ? cellIsoDate(ts, tz) : "",
      value: (logValue(r[c["Value"]], tail.decimalComma) ?? r[c["Value"]]) as number | string,
      confidence: r[c["Confidence"]] as number | string,
      whatChanged: text(r[c["What changed"]]),
      blockers: text(r[c["Blockers"]]),
      nextStep: text(r[c["Next step"]]),
    };
  }
  return null;
}

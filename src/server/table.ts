// Reading a tab's main table in one call, and finding columns by header name (never by position), so a
// moved column or rows inserted above the header do not break the tracker.
import { isBlankRow } from "../core/blank";
import { quotedList } from "../core/plural";
import { columnLetter, quoteSheet } from "../core/a1";
import { decimalSeparatorFor } from "../core/numbers";
import { finiteOrNull } from "../core/scoring";
import { TAB } from "../core/tabs";
import { tabMissing, UserError } from "./env";
import { trimmedKey as norm } from "../core/objectiveKey";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How far down a tab we look for its header row. */
export const HEADER_SEARCH_ROWS = 30;

export interface Table {
  sheet: Sheet;
  name: string;
  /** 1-based row of the header. */
  headerRow: number;
  headers: string[];
  /** Data rows below the header, trailing blank rows removed. rows[i] is sheet row headerRow + 1 + i. */
  rows: unknown[][];
  width: number;
  /** The headers setup appended to the tab in this run (setupTabs.ensureTable): their cells are new, not damaged. */
  added?: readonly string[];
}

/** A header's or a label's name as matched: trimmed, in any case. */
export { norm };

/** 0-based index of a header in the table, or -1. */
export function col(t: Pick<Table, "headers">, header: string): number {
  const want = norm(header);
  return t.headers.findIndex((h) => norm(h) === want);
}

/**
 * Index of the header row within `values`, or -1: the first row from index `from` (inclusive) to `to`
 * (exclusive; the first HEADER_SEARCH_ROWS rows unless told) holding every `required` header.
 */
export function findHeaderRow(values: unknown[][], required: readonly string[], from = 0, to = HEADER_SEARCH_ROWS): number {
  const want = required.map(norm);
  const limit = Math.min(values.length, to);
  for (let r = from; r < limit; r++) {
    const have = new Set(values[r].map(norm));
    if (want.every((h) => have.has(h))) return r;
  }
  return -1;
}

/** The A1 range of whole columns A..width of a tab: one read, however long the tab. */
export function wholeColumns(name: string, width: number): string {
  return `${quoteSheet(name)}!A:${columnLetter(width)}`;
}

/** The fix for a tracker tab's header or computed cells gone, in the messages that offer it. */
export const USE_REPAIR = 'Use "Repair tracker" in the add-on menu';

/** The tab named `name`, or the one-line refusal a missing tracker tab gets. */
function tabOf(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw tabMissing(name);
  return sheet;
}

/**
 * Reads a tab's table with one getValues. `required` are the headers that identify the header row;
 * `width` bounds the columns read.
 */
export function readTable(ss: Spreadsheet, name: string, required: readonly string[], width: number, knownRow = 0): Table {
  const sheet = tabOf(ss, name);
  return tableFromValues(sheet, name, readColumns(ss, sheet, name, width), required, HEADER_SEARCH_ROWS, knownRow);
}

/**
 * Like readTable, but reads only the cells that hold something (A1 to the tab's last row and column) instead
 * of whole columns: a whole-column read moves every row of the grid, blank or not, and the cells moved are
 * what a read costs on Google. The header is still searched from row 1, so rows inserted above it are fine.
 */
export function readTableBounded(ss: Spreadsheet, name: string, required: readonly string[], knownRow = 0): Table {
  const sheet = tabOf(ss, name);
  // The data range ends at the last row and column holding anything: one call fewer than asking for the
  // last row and then the range, and no blank columns either.
  const values = sheet.getDataRange().getValues();
  return tableFromValues(sheet, name, values, required, HEADER_SEARCH_ROWS, knownRow);
}

/**
 * The first rows of a tab, as far down as a header is looked for (to row `placed` when that is further: where
 * the Settings computed cells place it); `width` columns (every one when absent), fewer when the tab has fewer.
 */
export function readHead(sheet: Sheet, width = Infinity, placed = 0): unknown[][] {
  const rows = Math.min(Math.max(HEADER_SEARCH_ROWS, placed), sheet.getMaxRows());
  const cols = Math.min(width, sheet.getMaxColumns());
  return sheet.getRange(1, 1, rows, cols).getValues();
}

/** Columns A..width of a tab in one read; a tab narrowed by the user costs one more call, not an error. */
export function readColumns(ss: Spreadsheet, sheet: Sheet, name: string, width: number): unknown[][] {
  try {
    return ss.getRange(wholeColumns(name, width)).getValues();
  } catch (e) {
    const max = sheet.getMaxColumns();
    if (max >= width) throw e;
    return ss.getRange(wholeColumns(name, Math.max(1, max))).getValues();
  }
}

/**
 * `searchRows`: how many rows from the top may hold the header (Infinity: the whole of `values`).
 * `knownRow`: the 1-based row the Settings tab's computed cells place the header in (0: none). Rows inserted
 * above a header move those cells' reference with it (=ROW('Key Results'!A1)), so a header pushed below the
 * rows searched is still taken there, as a check-in takes it; one moved any other way is not.
 */
export function tableFromValues(sheet: Sheet, name: string, values: unknown[][], required: readonly string[], searchRows = HEADER_SEARCH_ROWS, knownRow = 0): Table {
  let h = findHeaderRow(values, required, 0, searchRows);
  if (h < 0 && knownRow > searchRows) h = findHeaderRow(values, required, knownRow - 1, knownRow);
  if (h < 0) throw new UserError(noHeaderMessage(name, wholeTab(sheet, values), required));
  const headers = values[h].map((v) => String(v == null ? "" : v).trim());
  let end = values.length;
  while (end > h + 1 && isBlankRow(values[end - 1])) end--;
  return { sheet, name, headerRow: h + 1, headers, rows: values.slice(h + 1, end), width: headers.length };
}

/**
 * For the message only: the tab's rows when `values` stop short of its last row (History's reader reads its
 * first 30 rows), so a tab blank at the top is not called empty and a header further down is named.
 */
function wholeTab(sheet: Sheet | null, values: unknown[][]): unknown[][] {
  try {
    return sheet && sheet.getLastRow() > values.length ? sheet.getDataRange().getValues() : values;
  } catch {
    return values;
  }
}

/** The tabs whose header row Repair writes back when the tab is empty (setupTabs.ts; it refuses any other content). */
const REPAIRED: readonly string[] = [TAB.objectives, TAB.keyResults, TAB.checkins, TAB.history];

/**
 * Why no header row was found, and what fixes it, in one line. Repair only helps an empty tab: it refuses a
 * tracker tab that holds something but no header ("not an okr-sheets tab"), so it is not offered then. When
 * `values` reach further down than the search, a header found below it is named with its row.
 */
export function noHeaderMessage(name: string, values: unknown[][], required: readonly string[]): string {
  if (values.every(isBlankRow)) {
    return REPAIRED.includes(name)
      ? `The "${name}" tab is empty: its header row is gone. ${USE_REPAIR} to write it back.`
      : `The "${name}" tab is empty: its header row is gone. Delete the tab; the add-on writes it afresh.`;
  }
  const below = findHeaderRow(values, required, HEADER_SEARCH_ROWS, Infinity);
  if (below >= 0) {
    return `The "${name}" tab's header row is row ${below + 1}; the add-on looks for it in the first ${HEADER_SEARCH_ROWS} rows only. Delete rows above it so that it is in row ${HEADER_SEARCH_ROWS} or above.`;
  }
  const head = `The "${name}" tab has no header row with ${quotedList(required)} in its first ${HEADER_SEARCH_ROWS} rows`;
  const undo = "or undo the change (Edit > Undo, or File > Version history).";
  // The row closest to a header (holding most of the required names) says which names were lost.
  let best = -1;
  let found = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const have = new Set(values[r].map(norm));
    const n = required.filter((h) => have.has(norm(h))).length;
    if (n > found) [best, found] = [r, n];
  }
  if (best < 0) return `${head}. Put the header row back, ${undo}`;
  const missing = required.filter((h) => !values[best].map(norm).includes(norm(h)));
  return `${head} (row ${best + 1} has no ${quotedList(missing)}). Type ${missing.length > 1 ? "them" : "it"} back into that row, ${undo}`;
}

export function str(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/**
 * An objective's ID, or a KR's Objective ID, as typed: spaces around it kept, as the sheet's MATCH and SUMIF
 * see them (core/objectiveKey.ts); "" when blank or only spaces.
 */
export function idAsTyped(v: unknown): string {
  return str(v) === "" ? "" : String(v);
}

/**
 * Text the add-on wrote literal ("'" + text, env.ts asText), as read back: a cell a team formatted as Plain
 * text ("@") keeps the quote as a character, so one leading apostrophe is dropped (docs/apps-script-fidelity.md).
 */
export function literal(v: unknown): string {
  const s = str(v);
  return s.charAt(0) === "'" ? s.slice(1) : s;
}

/**
 * How a log row's free texts read as written. Its KR ID (never typed with a quote: it comes from the Key
 * Results tab) keeps the add-on's quote only in a Plain text cell, so its texts lose one only then: a
 * person's text that begins with an apostrophe ("'007", stored literal) keeps it in a General log.
 */
export function rowTexts(krIdCell: unknown): (v: unknown) => string {
  return str(krIdCell).charAt(0) === "'" ? literal : str;
}

/**
 * Whether a value getValues read is written back by setValues as the same cell. setValues reads a string as
 * typing it would ("00123" a number, "2026-01-20" a date, "TRUE" a boolean, "=x" a formula, "#N/A" an error,
 * and in a German spreadsheet "WAHR"), while a cell formatted as Plain text keeps it whole and would keep an
 * added apostrophe too: no form of such text is right in both, so it is not written back. Numbers, booleans,
 * dates and blanks are; so is text that reads as nothing else in any locale, taken here as words (a space)
 * with no digit and no leading = + - ' # @ (the add-on's own "not enough check-ins to forecast yet").
 * A formula is read as its value and cannot be told from one here: a cell that may hold one is not written back.
 */
export function writesBackAsIs(v: unknown): boolean {
  if (typeof v !== "string" || v === "") return true;
  return v === v.trim() && /\s/.test(v) && !/\d/.test(v) && !/^[=+\-'#@]/.test(v);
}

/**
 * A log Value as a check-in wrote it: a number, or the whole-percent text written for a fraction-% KR ("85%":
 * core/numbers.ts wholePercentText), which a Plain text cell keeps as text; null otherwise. Whether Sheets
 * keeps a number written into a Plain text cell a number or stores its text is not documented ("to check" 39):
 * a plain decimal ("9", "-0.5") is read as the number too, so the check-in counts under either reading.
 */
export function logValue(v: unknown, decimalComma?: () => boolean): number | null {
  if (typeof v !== "string") return finiteOrNull(v);
  const t = v.trim();
  const m = /^(-?\d+)%$/.exec(t);
  if (m) return Number(m[1]) / 100;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  // A decimal-comma spreadsheet's number as its text ("0,85"): read so only where the locale writes decimals
  // with a comma (asked once, and only when such a text is met), since "1,200" in en_US is a thousand and more.
  return /^-?\d+,\d+$/.test(t) && decimalComma && decimalComma() ? Number(t.replace(",", ".")) : null;
}

/**
 * Whether the spreadsheet's locale writes decimals with a comma, for logValue: the locale is asked (one call)
 * the first time only, and only when a log holds a number's text with a comma, so no read of a log in
 * numbers costs a call more.
 */
export function lazyDecimalComma(ss: Spreadsheet): () => boolean {
  let known: boolean | null = null;
  return () => {
    if (known === null) known = decimalSeparatorFor(ss.getSpreadsheetLocale()) === ",";
    return known;
  };
}

/**
 * A numeric cell value, or null. Text that looks like a number ("12" stored as text) is not a number:
 * the sheet formulas' ISNUMBER says so too, and the TypeScript must agree with them.
 */
export { finiteOrNull as num };

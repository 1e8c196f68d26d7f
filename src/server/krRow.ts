// The Key Results tab as a check-in needs it: the header (from the computed Settings cells, already read)
// and the one row of the KR, instead of the whole table. On Google a read costs per call and per cell
// moved, so at 1,200 KRs this is ~26,000 cells fewer, and the cost no longer grows with the table.
// A tracker set up before those computed cells existed is read whole, as before (Repair adds the cells).
import type { BriefKr } from "../core/api";
import { columnLetter, quoteSheet } from "../core/a1";
import { isBlankValue } from "../core/blank";
import type { KeyResult } from "../core/model";
import { computedCount, computedHeader } from "../core/computedCells";
import { TAB } from "../core/tabs";
import { formulaCols, krRowFormulas } from "./setupFormulas";
import { writeRowsCells } from "./forecastCells";
import { computedCells, computedKrHeaderRow, IDENTIFYING, readKrTable, type SettingsRead } from "./read";
import { col, idAsTyped, str, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Key Results header and its row from Settings (core/computedCells.ts), or null when the cells do not give one exactly. */
export function computedKrHeader(s: SettingsRead): { headerRow: number; headers: string[] } | null {
  // A header holding "|" would shift every column after it: then the table is read whole.
  const head = computedHeader(computedCells(s), "keyResults", IDENTIFYING.keyResults);
  return head ? { headerRow: head.row, headers: head.headers } : null;
}

/**
 * Every KR row, for the sidebar, in one read without asking the tab where its data ends: the rows below
 * the header, as many as the ID column's computed count says. When fewer IDs are found there than counted
 * (blank rows between KRs, or cells above the header), or the computed cells are missing, or the IDs are
 * not in column A, the table is read whole (readKrTable).
 */
export function readKrRows(ss: Spreadsheet, s: SettingsRead): Table {
  const placed = countedKrRows(s);
  if (!placed || col({ headers: placed.headers }, "ID") !== 0) return wholeKrTable(ss, s);
  const { headerRow, headers } = placed;
  const width = usedWidth(headers);
  const values = countedRows(ss, placed, width);
  // Every row holds an ID (countedRows found as many as counted), so there is no blank row to trim.
  if (!values) return wholeKrTable(ss, s);
  return lazyTable(ss, headerRow, headers.slice(0, width), values);
}

/**
 * The whole table, when the computed cells cannot place the rows: its header still where the computed row
 * says when rows inserted above pushed it below the rows searched (a header holding "|", or blank rows
 * between KRs, must not turn such a tracker away); one those cells do not place is refused as by every
 * other operation.
 */
function wholeKrTable(ss: Spreadsheet, s: SettingsRead): Table {
  return readKrTable(ss, { bounded: true, headerRow: computedKrHeaderRow(s) });
}

/** The columns a brief KR is read from, all within the first four (setup's layout: A:D). */
const BRIEF_COLUMNS = ["ID", "Objective ID", "Key result", "Owner"] as const;

/**
 * Every KR by ID, objective ID, name, owner and row, from the table's first four columns only: what the
 * sidebar page of a large tracker lists at once (checkinSidebar.ts). Null when reading the whole table
 * costs no more than `maxCells` cells (then it is read whole, as before), when the computed cells cannot
 * place the rows, when those columns are not A:D, or when fewer IDs are found below the header than
 * counted (blank rows between KRs): the caller then reads the table whole.
 */
export function readKrBrief(ss: Spreadsheet, s: SettingsRead, maxCells: number): BriefKr[] | null {
  const placed = countedKrRows(s);
  if (!placed) return null;
  const { headerRow, headers, below } = placed;
  const idx = BRIEF_COLUMNS.map((h) => col({ headers }, h));
  const width = Math.max(...idx) + 1;
  if (idx[0] !== 0 || width > BRIEF_COLUMNS.length || below * usedWidth(headers) <= maxCells) return null;
  const values = countedRows(ss, placed, width);
  if (!values) return null;
  const out: BriefKr[] = [];
  values.forEach((r, i) => {
    const id = str(r[0]);
    if (id) out.push({ id, row: headerRow + 1 + i, objectiveId: idAsTyped(r[idx[1]]), name: str(r[idx[2]]), owner: str(r[idx[3]]) });
  });
  return out.length < below ? null : out;
}

/**
 * The KR header from the computed cells, and how many rows below it hold KRs by the ID column's computed
 * count (it counts the header's "ID" too); null when those cells are missing or not a header of ours.
 */
export function countedKrRows(s: SettingsRead): { headerRow: number; headers: string[]; below: number } | null {
  const head = computedKrHeader(s);
  const counted = computedCount(computedCells(s)("KrIds"));
  if (!head || counted === null) return null;
  return { ...head, below: Math.max(0, Math.floor(counted) - 1) };
}

/**
 * The `below` rows under the header in columns A..width (none read when there are none), or null when fewer
 * IDs are found in column A than counted (blank rows between KRs, or cells above the header): then only a
 * read of the whole table is exact.
 */
export function countedRows(ss: Spreadsheet, placed: { headerRow: number; below: number }, width: number): unknown[][] | null {
  const { headerRow, below } = placed;
  // One row more than counted, in the same call: an ID there means the count is not COUNTA's (the computed
  // cell typed over, warning-only protected), and the KRs past it would vanish from the summary, the sidebar
  // and the roll-up without a word. A grid ending at the last counted row has no row more to read (Sheets
  // refuses the range), and no KR past it either.
  let values: unknown[][];
  try {
    values = rowsBelowHeader(ss, headerRow, below + 1, width);
  } catch {
    values = below ? rowsBelowHeader(ss, headerRow, below, width) : [];
  }
  if (values.length > below && !isBlankValue(values[below][0])) return null;
  values = values.slice(0, below);
  const found = values.filter((r) => !isBlankValue(r[0])).length;
  return found < below ? null : values;
}

/** Columns A to `width` of the `below` rows under the header, in one read. */
function rowsBelowHeader(ss: Spreadsheet, headerRow: number, below: number, width: number): unknown[][] {
  return ss.getRange(`${quoteSheet(TAB.keyResults)}!A${headerRow + 1}:${columnLetter(width)}${headerRow + below}`).getValues();
}

function usedWidth(headers: string[]): number {
  let width = headers.length;
  while (width > 1 && !headers[width - 1]) width--;
  return width;
}

function lazyTable(ss: Spreadsheet, headerRow: number, headers: string[], rows: unknown[][]): Table {
  return {
    // Looked up only if something needs the tab itself (one call): the reads and writes go by A1.
    get sheet() {
      return ss.getSheetByName(TAB.keyResults) as Table["sheet"];
    },
    name: TAB.keyResults,
    headerRow,
    headers,
    rows,
    width: headers.length,
  };
}

/**
 * A KR's ID cell against the ID a check-in names: in any case, so "o1.kr1" finds O1.KR1, and spaces around
 * either ignored (no formula matches a KR's ID; a KR's objective is matched by core/objectiveKey.ts).
 */
export function sameId(cell: unknown, id: string): boolean {
  return str(cell).toLowerCase() === id.trim().toLowerCase();
}

/**
 * A Table holding only the KR's row (a sparse `rows`, so keyResultsFrom and the cell helpers work on it
 * unchanged), or no row when no KR has that ID. `hint` is the sheet row the sidebar showed the KR on:
 * when that row still holds the ID, it is the only read; otherwise (the rows were sorted or moved since,
 * or no hint, as from the command line) the ID column is read and the first row with the ID is used.
 * IDs are matched in any case (sameId); the tracker's spelling is the one written to the log.
 */
export function readKrRow(ss: Spreadsheet, s: SettingsRead, krId: string, hint?: number): Table {
  const head = computedKrHeader(s);
  if (!head) return wholeKrTable(ss, s);
  const { headerRow, headers } = head;
  const width = usedWidth(headers);
  const idCol = col({ headers }, "ID");
  const sheet = quoteSheet(TAB.keyResults);
  const rowAt = (r: number): unknown[] => ss.getRange(`${sheet}!A${r}:${columnLetter(width)}${r}`).getValues()[0];
  const table = (r: number | null, values: unknown[] | null): Table => {
    const rows: unknown[][] = [];
    if (r !== null && values) rows[r - headerRow - 1] = values;
    return lazyTable(ss, headerRow, headers.slice(0, width), rows);
  };
  if (hint !== undefined && hint > headerRow) {
    let values: unknown[] | null = null;
    try {
      values = rowAt(hint);
    } catch (e) {
      // A row past the end of the grid (rows deleted since the sidebar opened): found by its ID below.
    }
    if (values && sameId(values[idCol], krId)) return table(hint, values);
  }
  const letter = columnLetter(idCol + 1);
  const ids = ss.getRange(`${sheet}!${letter}${headerRow + 1}:${letter}`).getValues();
  const i = ids.findIndex((r) => sameId(r[0], krId));
  if (i < 0) return table(null, null);
  const r = headerRow + 1 + i;
  return table(r, rowAt(r));
}

/**
 * Whether the KR's row lacks its formulas: a row inserted by hand between KRs (setup and Repair write them on
 * every row and the spare rows below the last; Sheets copies none into an inserted row), whose Score cell is
 * blank where a formula shows a score or a setup error on a row with an ID. Its Score and Status stay blank
 * and its objective leaves it out until they are written.
 */
export function noFormulas(t: Table, kr: KeyResult): boolean {
  const i = col(t, "Score");
  const r = t.rows[kr.row - t.headerRow - 1];
  return i >= 0 && !!r && isBlankValue(r[i]);
}

/**
 * Writes the formula cells of KR rows without them (the check-in's row; every such row the summary finds):
 * one write per run of adjacent rows and columns, never one per row — KRs pasted below the formula rows
 * are hundreds of rows at once, and a write a row would cost seconds each on Google.
 */
export function writeKrFormulas(ss: Spreadsheet, krT: Table, objT: Table, rows: readonly number[]): void {
  const { objCols, krCols } = formulaCols(objT, krT);
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] + 1) j++;
    const block = sorted.slice(i, j).map((row) => krRowFormulas(row, krCols, objCols));
    const cells = Object.keys(block[0]).map((h) => ({ column: col(krT, h), values: block.map((f) => f[h]) }));
    writeRowsCells(ss, krT, sorted[i], cells.filter((c) => c.column >= 0));
    i = j;
  }
}

/** How many request IDs a KR's "Request IDs" cell keeps, newest first (a resend is the same check-in again). */
export const KEPT_REQUEST_IDS = 10;
const REQUEST_IDS = "Request IDs";

/** The request IDs recorded on a KR's row; empty when the tracker has no "Request IDs" column. */
export function requestIdsOf(t: Table, row: number): string[] {
  const i = col(t, REQUEST_IDS);
  const r = t.rows[row - t.headerRow - 1];
  if (i < 0 || !r) return [];
  return str(r[i]).split(/\s+/).filter(Boolean);
}

/** The "Request IDs" cell after a check-in: its column and the text to write, or null without the column. */
export function requestIdsCell(t: Table, row: number, id: string): { column: number; value: string } | null {
  const i = col(t, REQUEST_IDS);
  if (i < 0) return null;
  const ids = [id].concat(requestIdsOf(t, row).filter((x) => x !== id)).slice(0, KEPT_REQUEST_IDS);
  // Literal text: a lone ID of digits and dashes would otherwise be read as a number or a date.
  return { column: i, value: "'" + ids.join(" ") };
}

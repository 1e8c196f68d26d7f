// A1 notation: parsing and printing ranges, and shifting the relative references of a formula (used when
// one formula is set on many cells, and to evaluate conditional-format custom formulas cell by cell).

import { columnLetter, columnNumber, quoteSheet, readsAsReference } from "../../core/a1";

export interface Rect {
  /** 1-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ParsedA1 {
  sheet?: string;
  /** Open ends (whole columns "A:B" / "A2:A", whole rows "2:3") are null. */
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

/** A tab name as the emulator writes it into a formula or an A1 notation: as the add-on does (core/a1.ts). */
export { quoteSheet as quoteSheetName };

/**
 * The ways a formula names a sheet before a reference: quoted ('Check-ins'!) always, and unquoted (Log!)
 * when the name is a plain word. Exact text, in the name's own case: callers that search lower-cased
 * formulas pass the name lower-cased.
 */
export function sheetPrefixes(name: string): string[] {
  const quoted = `'${name.replace(/'/g, "''")}'!`;
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? [quoted, `${name}!`] : [quoted];
}

export function rectToA1(r: Rect): string {
  const a = `${columnLetter(r.c1)}${r.r1}`;
  if (r.r1 === r.r2 && r.c1 === r.c2) return a;
  return `${a}:${columnLetter(r.c2)}${r.r2}`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Whether an A1 notation given to Apps Script may name a tab without quotes: a plain word (letters, digits,
 * `_`, `.`; not starting with a digit) that is not itself a reference. A tab named `A1`, `ZZ9`, `R1C1` or
 * `RC` read unquoted (`A1!B2`) is a cell followed by garbage to a parser of references, so it is refused as a
 * name with a space is: the stricter reading ("to check" 40); core/a1.ts quoteSheet quotes such names.
 */
export function unquotedSheetName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) && !readsAsReference(s);
}

/**
 * Parses "A1", "A1:B2", "Sheet!A1:B2", "'Key Results'!A:A", "2:2", "A2:A". Throws on garbage. `quoted`: an
 * A1 notation given to Apps Script (Spreadsheet/Sheet.getRange, getRangeList), where a tab name that is not a
 * plain word must be in single quotes, as the Sheets API's A1 notation quotes one: `Key Results!A1` is refused
 * ("Range not found"), the stricter reading ("to check" 40). Snapshots keep their own A1 text and are read
 * without it.
 */
export function parseA1(input: string, quoted = false): ParsedA1 {
  let text = input.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    let s = text.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    else if (quoted && !unquotedSheetName(s)) throw new Error("Range not found");
    sheet = s;
    text = text.slice(bang + 1);
  }
  const parts = text.split(":");
  if (parts.length < 1 || parts.length > 2) throw new Error(`Range not found`);
  const parsed = parts.map((p) => {
    const m = PART.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new Error("Range not found");
    return { c: m[1] ? columnNumber(m[1]) : null, r: m[2] ? Number(m[2]) : null };
  });
  const a = parsed[0];
  const b = parsed[1] ?? a;
  if (parsed.length === 1 && (a.c === null || a.r === null)) throw new Error("Range not found");
  if (a.r === 0 || b.r === 0) throw new Error("Range not found");
  // Normalise order.
  let r1 = a.r, r2 = b.r, c1 = a.c, c2 = b.c;
  if (r1 !== null && r2 !== null && r1 > r2) [r1, r2] = [r2, r1];
  if (c1 !== null && c2 !== null && c1 > c2) [c1, c2] = [c2, c1];
  // "A:B" has no rows; "2:3" has no columns; "A2:A" has an open bottom.
  return { sheet, r1, c1, r2, c2 };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function rectContains(a: Rect, row: number, col: number): boolean {
  return row >= a.r1 && row <= a.r2 && col >= a.c1 && col <= a.c2;
}

/** a minus b, as up to four rectangles. */
export function rectSubtract(a: Rect, b: Rect): Rect[] {
  if (!rectsOverlap(a, b)) return [{ ...a }];
  const out: Rect[] = [];
  if (a.r1 < b.r1) out.push({ r1: a.r1, c1: a.c1, r2: b.r1 - 1, c2: a.c2 });
  if (a.r2 > b.r2) out.push({ r1: b.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  const r1 = Math.max(a.r1, b.r1);
  const r2 = Math.min(a.r2, b.r2);
  if (a.c1 < b.c1) out.push({ r1, c1: a.c1, r2, c2: b.c1 - 1 });
  if (a.c2 > b.c2) out.push({ r1, c1: b.c2 + 1, r2, c2: a.c2 });
  return out;
}

/** `count` rows or columns were inserted at `at` (1-based): the span lo..hi moved. */
function spanAfterInsert(lo: number, hi: number, at: number, count: number): [number, number] {
  return [lo >= at ? lo + count : lo, hi >= at ? hi + count : hi];
}

/** Rows or columns `at`..`at+count-1` were deleted: the span lo..hi shrunk, or null when nothing is left. */
function spanAfterDelete(lo: number, hi: number, at: number, count: number): [number, number] | null {
  const last = at + count - 1;
  const a = lo < at ? lo : lo > last ? lo - count : at;
  const b = hi < at ? hi : hi > last ? hi - count : at - 1;
  return b < a ? null : [a, b];
}

export function shiftRectForInsert(r: Rect, at: number, count: number): Rect {
  const [r1, r2] = spanAfterInsert(r.r1, r.r2, at, count);
  return { ...r, r1, r2 };
}

export function shiftRectForDelete(r: Rect, at: number, count: number): Rect | null {
  const span = spanAfterDelete(r.r1, r.r2, at, count);
  return span && { ...r, r1: span[0], r2: span[1] };
}

export function shiftRectColsForInsert(r: Rect, at: number, count: number): Rect {
  const [c1, c2] = spanAfterInsert(r.c1, r.c2, at, count);
  return { ...r, c1, c2 };
}

export function shiftRectColsForDelete(r: Rect, at: number, count: number): Rect | null {
  const span = spanAfterDelete(r.c1, r.c2, at, count);
  return span && { ...r, c1: span[0], c2: span[1] };
}

// One token pattern for formulas: string literals and quoted sheet names are skipped whole; cell refs,
// column ranges and row ranges are recognised when not part of a longer name or a function call.
const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(!.])|(?<![\w.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(!.])|(?<![\w.$:])(\$?)(\d+):(\$?)(\d+)(?![\w(!.:])/g;

/**
 * Moves the relative references of `formula` by (dRows, dCols), as copying it to another cell does.
 * Absolute parts ($A$1) stay. A reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return formula.replace(TOKEN, (whole, str, qsheet, ca, col, ra, row, c1a, c1, c2a, c2, r1a, r1, r2a, r2) => {
    if (str !== undefined || qsheet !== undefined) return whole;
    if (col !== undefined) {
      const newCol = ca ? columnNumber(col) : columnNumber(col) + dCols;
      const newRow = ra ? Number(row) : Number(row) + dRows;
      if (newCol < 1 || newRow < 1) return "#REF!";
      return `${ca}${columnLetter(newCol)}${ra}${newRow}`;
    }
    if (c1 !== undefined) {
      const a = c1a ? columnNumber(c1) : columnNumber(c1) + dCols;
      const b = c2a ? columnNumber(c2) : columnNumber(c2) + dCols;
      if (a < 1 || b < 1) return "#REF!";
      return `${c1a}${columnLetter(a)}:${c2a}${columnLetter(b)}`;
    }
    const a = r1a ? Number(r1) : Number(r1) + dRows;
    const b = r2a ? Number(r2) : Number(r2) + dRows;
    if (a < 1 || b < 1) return "#REF!";
    return `${r1a}${a}:${r2a}${b}`;
  });
}

/** Sheet names a formula refers to explicitly ("Other!A1", "'Key Results'!B2:B"). */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*")|'((?:[^']|'')*)'!|(?<![\w.'])([A-Za-z_][\w.]*)!/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula))) {
    if (m[1] !== undefined) continue;
    out.push(m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3]);
  }
  return out;
}

// Formats a report block written on a tab that was just cleared (every cell has the default look): only
// the cells whose look differs from the default are formatted, one call per distinct look, each over the
// list of ranges that have it (Sheet.getRangeList). On Google a formatted cell may cost what a written one
// does (README, "The cost model"): formatting the whole rectangle three times over (number formats, text
// styles, fills) was most of the Weekly Summary's time, for the few hundred cells that differ.
import type { SummaryCell } from "../core/summary";
import { isBlankValue } from "../core/blank";
import { columnLetter } from "../core/a1";
import { STYLE, backgrounds } from "./renderStyle";
import { DEFAULT_WIDTH, headerFits } from "./layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The text colour a cleared cell has and plain text keeps (the styles' near-black counts as it). */
const DEFAULT_FG = "#202124";
const DEFAULT_BG = "#ffffff";
const DEFAULT_SIZE = 10;

/**
 * The number formats a report sets, in a fixed order: each is set by one call on every sparse render,
 * so the number of calls does not depend on the data (a format no cell has this time is set on a blank
 * cell, where it shows nothing). Not here, because the written value already looks so: "@" (text is written
 * as literal text), "yyyy-mm-dd" on a YYYY-MM-DD string (written, it becomes a date with that format, as
 * typing it does), "0%" (written as "38%" text, which becomes 0.38 with that format: core/summaryLayout.ts
 * percent) and "0" on a whole number. Weeks to target had "0.0" until session 22: its call wraps the texts
 * (SparseOptions.widths), and its value, rounded to one decimal, shows so without a format (9 for 9.0).
 */
export const REPORT_FORMATS = ["0.00", "+0.00;-0.00;0.00", "+0;-0;0"] as const;

/** Whether the cell is written as typed percent text (core/summaryLayout.ts percent) rather than a number with a format. */
export function typedPercent(c: SummaryCell): boolean {
  return c.fmt === "0%" && !c.formula && typeof c.v === "number" && isFinite(c.v);
}

/** A1 ranges covering the cells (1-based [row, column]): runs along each row, merged down equal runs. */
export function rangesOf(cells: [number, number][]): string[] {
  const runs = new Map<string, number[]>(); // "c1:c2" -> rows
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const cols = byRow.get(r) || [];
    cols.push(c);
    byRow.set(r, cols);
  }
  for (const [r, cols] of byRow) {
    cols.sort((a, b) => a - b);
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const rows = runs.get(key) || [];
      rows.push(r);
      runs.set(key, rows);
      i = j + 1;
    }
  }
  const out: string[] = [];
  for (const [key, rows] of runs) {
    const [c1, c2] = key.split(":").map(Number);
    rows.sort((a, b) => a - b);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const a = `${columnLetter(c1)}${rows[i]}`;
      const b = `${columnLetter(c2)}${rows[j]}`;
      out.push(a === b ? a : `${a}:${b}`);
      i = j + 1;
    }
  }
  return out;
}

function blank(c: SummaryCell): boolean {
  return !c.formula && isBlankValue(c.v);
}

/** The number format to set on a cell, or null when the value written already looks so. */
function formatToSet(c: SummaryCell): string | null {
  const f = c.fmt;
  if (!f || f === "General" || f === "@" || blank(c)) return null;
  if (f === "yyyy-mm-dd" && typeof c.v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.v)) return null;
  if (f === "0" && typeof c.v === "number" && Number.isInteger(c.v)) return null;
  if (typedPercent(c)) return null;
  return f;
}

/** Cells written from sheet row `row`, column `column` (1-based); every row has `width` cells. */
export interface PlacedBlock {
  row: number;
  column: number;
  width: number;
  rows: SummaryCell[][];
}

export interface SparseOptions {
  /** The number formats set on every render, each by one call (default REPORT_FORMATS); others only where cells have them. */
  formats?: readonly string[];
  /** Blank cells given a format all the same, so that a value written there later shows with it. */
  blankFormats?: Record<string, [number, number][]>;
  /**
   * Weight, text colour and fill are not set by format calls but returned as looks for conditional-format
   * rules that always hold (render.ts statusColours), which the Weekly Summary sets on every generation anyway:
   * one structural call it pays already instead of a call per look. Font sizes (the title) stay formats.
   */
  lookRules?: boolean;
  /**
   * The columns' widths (index 0: column A; Sheets' default past them): a text too wide for its column with
   * something on its right, which would cut it off, wraps. One call whatever the data (a blank cell without).
   */
  widths?: readonly number[];
}

/** A look given by a conditional-format rule that always holds, over the A1 ranges of its cells. */
export interface LookRule {
  bold: boolean;
  fg: string | null;
  bg: string | null;
  ranges: string[];
}

class Groups {
  readonly map = new Map<string, [number, number][]>();
  add(key: string, r: number, c: number): void {
    const list = this.map.get(key);
    if (list) list.push([r, c]);
    else this.map.set(key, [[r, c]]);
  }
}

/**
 * Sets the looks of a block written on a cleared tab (the report from A1, or the Weekly Trend block), its
 * cells of one look in the same call. Fonts: a look of two or more properties
 * that only one rectangle has (the title) in one text-style call; otherwise one call per property and
 * value (bold; each colour; each size). Fills: one call per colour. Number formats: `opts.formats`
 * (REPORT_FORMATS), one call each, then any other format the block has.
 */
export function formatSparse(sheet: Sheet, block: PlacedBlock, opts: SparseOptions = {}): LookRule[] {
  const formats = opts.formats ?? REPORT_FORMATS;
  const looks = new Groups(); // font looks: "bold|fg|size"
  const bg = new Groups();
  const ruled = new Groups(); // with lookRules, the looks without a size: "bold|fg|fill"
  const fmt = new Groups();
  const wrap: [number, number][] = [];
  let spare: [number, number] | null = null; // a blank, unstyled cell for a format no cell has
  const { row: top, column: left, width, rows } = block;
  const fills = backgrounds(rows);
  rows.forEach((row, i) => {
    for (let j = 0; j < width; j++) {
      const c = row[j] || { v: null };
      const st = c.style ? STYLE[c.style] : {};
      const r = top + i;
      const col = left + j;
      const fg = st.fg && st.fg !== DEFAULT_FG ? st.fg : "";
      const sized = !!st.size && st.size !== DEFAULT_SIZE;
      const look = `${st.bold ? "bold" : ""}|${fg}|${sized ? st.size : ""}`;
      const fill = fills[i][j];
      const filled = !!fill && fill !== DEFAULT_BG;
      if (opts.lookRules) {
        if (sized) looks.add(look, r, col);
        const key = `${st.bold && !sized ? "bold" : ""}|${sized ? "" : fg}|${filled ? fill : ""}`;
        if (key !== "||") ruled.add(key, r, col);
      } else {
        if (look !== "||") looks.add(look, r, col);
        if (filled) bg.add(fill, r, col);
      }
      if (opts.widths && typeof c.v === "string" && !blank(row[j + 1] || { v: null }) && !headerFits(c.v, opts.widths[col - 1] || DEFAULT_WIDTH)) wrap.push([r, col]);
      const f = formatToSet(c);
      if (f) fmt.add(f, r, col);
      // (The Weekly Trend block keeps its cells from week to week, so it is formatted with no fixed formats:
      // a format left on one of its blank cells would show on a value written later.)
      else if (!spare && blank(c) && !c.style && look === "||" && fill === DEFAULT_BG) spare = [r, col];
    }
  });
  for (const [f, cells] of Object.entries(opts.blankFormats ?? {})) for (const [r, c] of cells) fmt.add(f, r, c);

  // Fonts.
  const bold: [number, number][] = [];
  const fg = new Groups();
  const size = new Groups();
  for (const [look, cells] of looks.map) {
    const [b, colour, sz] = look.split("|");
    const props = [b, colour, sz].filter((x) => x !== "").length;
    const ranges = rangesOf(cells);
    if (props >= 2 && ranges.length === 1) {
      const style = SpreadsheetApp.newTextStyle().setBold(!!b).setForegroundColor(colour || DEFAULT_FG).setFontSize(sz ? Number(sz) : DEFAULT_SIZE).build();
      const height = new Set(cells.map(([r]) => r)).size;
      const across = new Set(cells.map(([, c]) => c)).size;
      sheet.getRange(ranges[0]).setTextStyles(Array.from({ length: height }, () => new Array(across).fill(style)));
      continue;
    }
    for (const cell of cells) {
      if (b) bold.push(cell);
      if (colour) fg.add(colour, cell[0], cell[1]);
      if (sz) size.add(sz, cell[0], cell[1]);
    }
  }
  if (bold.length) sheet.getRangeList(rangesOf(bold)).setFontWeight("bold");
  for (const [colour, cells] of fg.map) sheet.getRangeList(rangesOf(cells)).setFontColor(colour);
  for (const [sz, cells] of size.map) sheet.getRangeList(rangesOf(cells)).setFontSize(Number(sz));
  for (const [colour, cells] of bg.map) sheet.getRangeList(rangesOf(cells)).setBackground(colour);

  // Number formats.
  const order = (formats as readonly string[]).concat([...fmt.map.keys()].filter((f) => !(formats as readonly string[]).includes(f)));
  for (const f of order) {
    const cells = fmt.map.get(f) || (spare ? [spare] : []);
    if (cells.length) sheet.getRangeList(rangesOf(cells)).setNumberFormat(f);
  }
  if (opts.widths && (wrap.length || spare)) sheet.getRangeList(rangesOf(wrap.length ? wrap : [spare!])).setWrap(true);
  return [...ruled.map].map(([key, cells]) => {
    const [b, fg, fill] = key.split("|");
    return { bold: b === "bold", fg: fg || null, bg: fill || null, ranges: rangesOf(cells) };
  });
}

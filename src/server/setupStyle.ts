// Setup's look of the tracker tabs. Frozen header, column widths and number formats are read (a few calls
// per tab) and only what differs is written, in as few calls as the API allows (adjacent columns of one
// width share a call; several wrong formats share one). The header rows' style is set when setup writes
// them, one styled and copied to the others (styleHeaders).
import { DEFAULT_WIDTH, HEADER_BG, HEADER_FG, headerFits, type ColumnSpec } from "./layout";
import { decimalSeparatorFor } from "../core/numbers";
import { moneyFixes, setMoneyFormats, type MoneyCheck } from "./moneyCells";
import { noteWrite } from "./setupWrites";
import { col, HEADER_SEARCH_ROWS, type Table } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface StyleOptions {
  /** The tab was made by this run: nothing to compare with. */
  fresh: boolean;
  /** Rows below the header whose number formats are checked. */
  checkRows: number;
  /**
   * Rows below the header that get a wrong format. More than checkRows for the log and History: their
   * first data row is checked and whole columns are written, as reading every row would cost more than
   * the rest of setup (55,000 rows at the large tier).
   */
  writeRows: number;
  /** Key Results over a tab not made by this run: its money KRs' value cells, whose formats are read with the others'. */
  money?: MoneyCheck | null;
}

/** A header row written by this run, to be given the header style. */
export interface HeaderRow {
  sheet: Sheet;
  row: number;
  width: number;
  /** One of its headers is wider than its column. */
  wrap: boolean;
}

/**
 * The header style (bold white text on dark blue, wrapped where a header is wider than its column) on the
 * header rows this run wrote: a new tab's, a restored one's. A header recoloured by hand is a choice, not
 * damage, and reading the style back would cost a read per tab. Bold and colour are one text style, so the
 * widest row takes two or three calls; each other row copies its format (Range.copyTo, PASTE_FORMAT): one
 * call instead of two or three. The copies get its wrap too, which changes nothing where the text fits.
 */
export function styleHeaders(rows: HeaderRow[]): void {
  if (!rows.length) return;
  noteWrite();
  const src = rows.reduce((a, b) => (b.width > a.width ? b : a));
  const text = SpreadsheetApp.newTextStyle().setBold(true).setForegroundColor(HEADER_FG).build();
  const styled = src.sheet.getRange(src.row, 1, 1, src.width).setTextStyle(text).setBackground(HEADER_BG);
  if (rows.some((r) => r.wrap)) styled.setWrap(true);
  for (const r of rows) {
    if (r === src) continue;
    src.sheet.getRange(src.row, 1, 1, r.width).copyTo(r.sheet.getRange(r.row, 1, 1, r.width), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
  }
}

/** A table's header row to style: as wide as its last header, wrapped if a header is wider than its column. */
export function tableHeaderRow(t: Table, specs: Record<string, ColumnSpec>): HeaderRow {
  let width = t.headers.length;
  while (width > 1 && t.headers[width - 1] === "") width--;
  const wrap = !t.headers.slice(0, width).every((h) => headerFits(String(h), specs[String(h)]?.width ?? DEFAULT_WIDTH));
  return { sheet: t.sheet, row: t.headerRow, width, wrap };
}

/** Runs of adjacent columns with the same width, in column order. */
function widthRuns(cols: [number, number][]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (const [c, w] of cols.slice().sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && c === last[0] + last[1] && w === last[2]) last[1]++;
    else runs.push([c, 1, w]);
  }
  return runs;
}

/**
 * Column widths: only those that differ, one call per run of adjacent columns with the same width. A new
 * tab's columns are Sheets' default width already (DEFAULT_WIDTH), so a column meant to be that wide is not set.
 */
export function ensureWidths(sheet: Sheet, wanted: [number, number][], fresh: boolean): void {
  const wrong = wanted.filter(([c, w]) => (fresh ? w !== DEFAULT_WIDTH : sheet.getColumnWidth(c) !== w));
  let runs = widthRuns(wrong);
  if (fresh && wrong.length > 1) {
    // A new tab: the commonest width set on the whole span first, then the other runs over it, when
    // that takes fewer calls (Key Results: 6 instead of 8).
    const count = new Map<number, number>();
    for (const [, w] of wrong) count.set(w, (count.get(w) || 0) + 1);
    const base = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const c1 = Math.min(...wrong.map(([c]) => c));
    const c2 = Math.max(...wrong.map(([c]) => c));
    const over = widthRuns(wrong.filter(([, w]) => w !== base));
    if (c2 - c1 + 1 === wrong.length && 1 + over.length < runs.length) runs = [[c1, c2 - c1 + 1, base], ...over];
  }
  if (runs.length) noteWrite();
  for (const [c, n, w] of runs) {
    if (n === 1) sheet.setColumnWidth(c, w);
    else sheet.setColumnWidths(c, n, w);
  }
}

/**
 * Number formats of the spec's columns, and of the money KRs' value cells (`o.money`: their columns join the
 * box read, at no call more; a new tab's rows were formatted as they were written, setup.ts writeOkrRows).
 */
function ensureFormats(t: Table, formats: [number, string][], o: StyleOptions): void {
  const money = o.fresh ? null : o.money || null;
  if (!formats.length && !money) return;
  const first = t.headerRow + 1;
  const cols = formats.map(([c]) => c).concat(money ? money.cols : []);
  const c1 = Math.min(...cols);
  const c2 = Math.max(...cols);
  const check = Math.max(1, o.checkRows);
  // One box from the first checked column to the last, the columns between without a format of their own
  // read too (Key Results: Status, Objective name, Objective owner, Request IDs and, without a money KR,
  // Forecast: 5 of Confidence…Counts from's 15, 6,105 cells at 1,221 rows, 0.18 s at the cost model's high
  // rate). Reading only the checked columns would take a read per run of them (four on Key Results:
  // Confidence–Expected, Weighted score–Counted weight, Weighted pace offset, Forecast score–Counts from;
  // Sheets gives one rectangle's formats a call, and a RangeList has no getNumberFormats): three reads more,
  // 0.45 s high (bench/costModel.ts), at every size. So the box is kept (session 21).
  const box = t.sheet.getRange(first, c1, check, c2 - c1 + 1);
  // A new tab's cells are all "General": known without a read, so its formats share one write.
  const had = o.fresh ? Array.from({ length: check }, () => new Array<string>(c2 - c1 + 1).fill("General")) : box.getNumberFormats();
  const wrong = formats.filter(([c, f]) => had.some((r) => r[c - c1] !== f));
  let sep: "." | "," | null = null;
  const fixes = money ? moneyFixes(money, had, first, c1, () => (sep = sep || decimalSeparatorFor(t.sheet.getParent().getSpreadsheetLocale()))) : [];
  if (!wrong.length && !fixes.length) return;
  noteWrite();
  if (wrong.length === 1 || o.writeRows !== o.checkRows) {
    // One call per wrong column: the box would need every other cell's format read first.
    for (const [c, f] of wrong) t.sheet.getRange(first, c, Math.max(1, o.writeRows), 1).setNumberFormat(f);
  } else if (wrong.length) {
    // The spec columns' box as read, the wrong columns' formats in it. Not the money cells: the box would then
    // reach from Start, four columns more of formatted cells (4,880 at 1,200 KRs), where their own call sets a few.
    const s1 = Math.min(...formats.map(([c]) => c));
    const s2 = Math.max(...formats.map(([c]) => c));
    const grid = had.map((r) => r.slice(s1 - c1, s2 - c1 + 1));
    for (const [c, f] of wrong) for (const r of grid) r[c - s1] = f;
    (s1 === c1 && s2 === c2 ? box : t.sheet.getRange(first, s1, check, s2 - s1 + 1)).setNumberFormats(grid);
  }
  if (fixes.length) setMoneyFormats(t.sheet, fixes);
}

/** Frozen header, widths and number formats of a table tab, written only where they differ (the header style: styleHeaders). */
export function ensureTableStyle(t: Table, specs: Record<string, ColumnSpec>, o: StyleOptions): void {
  const sheet = t.sheet;
  // A header below the rows searched (placed there by the Settings computed cells: rows inserted above it)
  // is not frozen down to: more rows than a screen holds would be frozen, leaving none to scroll. Its
  // frozen rows are the user's (Sheets grows a frozen block that rows are inserted into).
  if (t.headerRow <= HEADER_SEARCH_ROWS && (o.fresh || sheet.getFrozenRows() !== t.headerRow)) {
    noteWrite();
    sheet.setFrozenRows(t.headerRow);
  }
  const widths: [number, number][] = [];
  const formats: [number, string][] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const c = col(t, name) + 1;
    if (c < 1) continue;
    if (spec.width) widths.push([c, spec.width]);
    if (spec.format) formats.push([c, spec.format]);
  }
  ensureWidths(sheet, widths, o.fresh);
  ensureFormats(t, formats, o);
}

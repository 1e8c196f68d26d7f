// Writes a report-style block of cells (the Weekly Summary, the review and retrospective tabs) with a
// handful of batched calls: values and formulas together, then formats, weights, colours.
import { percent, type SummaryCell } from "../core/summary";
import { isBlankValue } from "../core/blank";
import { asText } from "./env";
import { RAG, SETUP_ERROR_STYLE } from "./layout";
import { STATUS } from "../core/tabs";
import { formatSparse, typedPercent, type LookRule, type PlacedBlock } from "./renderSparse";
import { backgrounds, STYLE } from "./renderStyle";

export type { PlacedBlock };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The cell as it is written: formulas as formulas, other text always as literal text. */
function cellValue(c: SummaryCell): unknown {
  if (c.formula) return c.formula;
  if (c.v === null || c.v === undefined) return "";
  if (typeof c.v === "string") {
    // Dates given as YYYY-MM-DD with a date format are written as dates.
    if (c.fmt === "yyyy-mm-dd" && /^\d{4}-\d{2}-\d{2}$/.test(c.v)) return c.v;
    return asText(c.v);
  }
  return c.v;
}

/**
 * The tab `sheet` cleared, dropdowns included, or (null) tab `name` created. The caller finds the tab and
 * looks at it first: a tab of that name that is someone else's is refused, not cleared (reportTabs.ts).
 */
export function freshSheet(ss: Spreadsheet, name: string, sheet: Sheet | null): Sheet {
  if (!sheet) return ss.insertSheet(name);
  sheet.clear();
  // Sheet.clear() keeps dropdowns (reported from use; docs/apps-script-fidelity.md, check 9): removed here, so
  // a shorter table than last time leaves no dropdown below it. A new tab has none.
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
  return sheet;
}

/** The size of a tab insertSheet makes. */
export const NEW_SHEET = { rows: 1000, columns: 26 } as const;

/**
 * A range from A1, growing the sheet first when it is smaller (a range beyond a sheet's size is refused;
 * a new sheet has 1000 rows and 26 columns, and a long cycle's trend is wider than that). Rows and columns
 * are each added only when short, and at the end of the sheet: inserting below row 1 would land inside
 * the frozen title rows, and adding rows whenever the width was short grew the tab on every regeneration.
 * Tried first, not sized from a read as Settings writes are (settingsRoom.ts growSettingsFor): nothing read
 * says this tab's size, and asking would be a call on every regeneration.
 */
export function rangeFromA1Growing(sheet: Sheet, rows: number, width: number): Range {
  try {
    return sheet.getRange(1, 1, rows, width); // the usual case: it fits, one call
  } catch {
    // grown below
  }
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) {
    // Room for the report to double, so that a growing cycle does not grow the tab every week.
    sheet.insertRowsAfter(maxRows, 2 * rows - maxRows);
    try {
      return sheet.getRange(1, 1, rows, width);
    } catch {
      // short of columns too
    }
  }
  const maxCols = sheet.getMaxColumns();
  if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
  return sheet.getRange(1, 1, rows, width);
}

/**
 * The values as two row bands, each only as wide as its rows' last non-blank value, cut where that writes
 * the fewest cells. Every cell written is paid for on Google, and one rectangle is as wide as the widest row:
 * the Weekly Summary's 10-column Needs attention would make its 4-column lists (Missing check-ins, most of
 * its rows at 1,200 KRs when few checked in) pay for 10 each. Two calls whatever the tracker (each band at least a
 * row and a column; a report has more than one row), so the call count does not depend on its size. The tab
 * was cleared, so the cells left out of a band are blank already, and only the cells that differ from the
 * default look are formatted (renderSparse.ts).
 */
function writeInTwoBands(sheet: Sheet, values: unknown[][], width: number): void {
  const n = values.length;
  if (n < 2) {
    sheet.getRange(1, 1, n, width).setValues(values);
    return;
  }
  const used = values.map((r) => {
    let w = r.length;
    while (w > 1 && isBlankValue(r[w - 1])) w--;
    return w;
  });
  // below[i]: the widest row from row i down.
  const below = new Array<number>(n + 1).fill(1);
  for (let i = n - 1; i >= 0; i--) below[i] = Math.max(below[i + 1], used[i]);
  let best = 1;
  let bestCells = Infinity;
  let above = 1;
  for (let cut = 1; cut < n; cut++) {
    above = Math.max(above, used[cut - 1]);
    const cells = cut * above + (n - cut) * below[cut];
    if (cells < bestCells) {
      bestCells = cells;
      best = cut;
    }
  }
  const topWidth = Math.max(1, ...used.slice(0, best));
  sheet.getRange(1, 1, best, topWidth).setValues(values.slice(0, best).map((r) => r.slice(0, topWidth)));
  sheet.getRange(best + 1, 1, n - best, below[best]).setValues(values.slice(best).map((r) => r.slice(0, below[best])));
}

/** Writes the block from A1, every cell formatted (number formats, weights, colours, fills, sizes), and returns its range (for statusColours). */
export function renderCells(sheet: Sheet, rows: SummaryCell[][], width: number): Range | null {
  if (!rows.length) return null;
  const range = rangeFromA1Growing(sheet, rows.length, width);
  const values = rows.map((r) => r.map(cellValue));
  range.setValues(values);
  range.setNumberFormats(rows.map((r) => r.map((c) => c.fmt || "General")));
  range.setFontWeights(rows.map((r) => r.map((c) => (c.style && STYLE[c.style].bold ? "bold" : "normal"))));
  range.setFontColors(rows.map((r) => r.map((c) => (c.style && STYLE[c.style].fg) || "#202124")));
  range.setBackgrounds(backgrounds(rows));
  range.setFontSizes(rows.map((r) => r.map((c) => (c.style && STYLE[c.style].size) || 10)));
  return range;
}

/**
 * The Weekly Summary on a tab that was just cleared: the report from A1 in two row bands (writeInTwoBands),
 * and its cells that differ from a cleared cell's look formatted (renderSparse.ts): the title's size and the
 * number formats by a call each; the weights, colours and fills returned, for statusColours to set as rules.
 * The tab is grown first when it is smaller.
 */
export function renderSparseReport(sheet: Sheet, report: PlacedBlock, widths?: readonly number[]): LookRule[] {
  if (!report.rows.length) return [];
  rangeFromA1Growing(sheet, report.row + report.rows.length - 1, report.column + report.width - 1);
  writeInTwoBands(sheet, valuesOf(report.rows), report.width);
  return formatSparse(sheet, report, { lookRules: true, widths });
}

/**
 * The cells as setValues writes them. Percentages as typed text ("38%"), which setValues parses as typing
 * does, into the number with the "0%" format: the cell shows what the format showed, without a format call.
 */
export function valuesOf(rows: SummaryCell[][]): unknown[][] {
  return rows.map((r) => r.map((c) => (typedPercent(c) ? percent(c.v as number) : cellValue(c))));
}

/**
 * Status words coloured by their RAG label anywhere in the block (the colour never disagrees with the word),
 * and, given `looks`, the block's weights, text colours and fills as rules that always hold (renderSparse.ts
 * lookRules), all in the one call. Sheets paints a cell with the first rule that holds for it (whether it then
 * adds a later rule's other properties is not documented; Excel does): so a status word in a bold cell has a
 * rule of its own first, bold and coloured, and the looks come last, where either reading paints what the
 * formats did: a status word's colours over any fill or text colour, and its cell's weight.
 */
export function statusColours(sheet: Sheet, rows: number, width: number, block?: Range | null, looks: LookRule[] = []): void {
  const range = block || sheet.getRange(1, 1, Math.max(rows, 1), width);
  // Every look's ranges from one range list (two calls), each look's cells being its own.
  const all = looks.length ? sheet.getRangeList(([] as string[]).concat(...looks.map((l) => l.ranges))).getRanges() : [];
  let taken = 0;
  const lookRanges = looks.map((l) => all.slice(taken, (taken += l.ranges.length)));
  const words: [string, { bg: string; fg: string }][] = Object.entries(RAG).map(([label, c]) => [label, c]);
  words.push([STATUS.setupError, SETUP_ERROR_STYLE]);
  const word = (label: string, c: { bg: string; fg: string }, on: Range[], bold: boolean) => {
    const rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(label).setBackground(c.bg).setFontColor(c.fg);
    return (bold ? rule.setBold(true) : rule).setRanges(on).build();
  };
  const bold = ([] as Range[]).concat(...lookRanges.filter((_, i) => looks[i].bold));
  const rules = bold.length ? words.map(([label, c]) => word(label, c, bold, true)) : [];
  for (const [label, c] of words) rules.push(word(label, c, [range], false));
  looks.forEach((l, i) => {
    const rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied("=TRUE()");
    if (l.bold) rule.setBold(true);
    if (l.fg) rule.setFontColor(l.fg);
    if (l.bg) rule.setBackground(l.bg);
    rules.push(rule.setRanges(lookRanges[i]).build());
  });
  sheet.setConditionalFormatRules(rules);
}

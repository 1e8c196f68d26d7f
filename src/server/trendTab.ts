// The Weekly Trend tab (core/trendBlock.ts; docs/summary.md, "The Weekly Trend tab"): made by the first
// summary, rewritten whole (values, then one call per look) when the record of what it holds does not say it
// is this cycle's block for these KRs (trendCache.ts), and otherwise given only this week's column and the
// `Last weeks` text: two writes, no format (the week columns of the charts' scores were formatted ahead).
import { TAB } from "../core/tabs";
import { weekColumn, weekSlices, type TrendBlock } from "../core/trendBlock";
import { NEW_SHEET, rangeFromA1Growing, valuesOf } from "./render";
import { formatSparse } from "./renderSparse";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab beside the Weekly Summary, with its lasting look (frozen heading and header, widths, warning-only
 * protection) set before its size: an insert past Sheets' cell limit must not leave a tab that later
 * summaries reuse without it. Then rows and columns for the block, which is the same size all cycle.
 */
function createTrendSheet(ss: Spreadsheet, rows: number, columns: number, weeks: number): Sheet {
  const sheet = ss.insertSheet(TAB.trend, 1);
  sheet.setFrozenRows(2);
  // The key result's text, then the weeks at 70 px (ID and the text trend keep Sheets' 100 px; the text
  // flows over the blank cells right of it).
  sheet.setColumnWidth(2, 240);
  const lastWeek = weekColumn(weeks);
  if (weeks > 0) sheet.setColumnWidths(3, Math.min(lastWeek, NEW_SHEET.columns) - 2, 70);
  const p = sheet.protect();
  if (p.canEdit()) p.setWarningOnly(true);
  if (columns > NEW_SHEET.columns) {
    sheet.insertColumnsAfter(NEW_SHEET.columns, columns - NEW_SHEET.columns);
    if (lastWeek > NEW_SHEET.columns) sheet.setColumnWidths(NEW_SHEET.columns + 1, lastWeek - NEW_SHEET.columns, 70);
  }
  if (rows > NEW_SHEET.rows) sheet.insertRowsAfter(NEW_SHEET.rows, rows - NEW_SHEET.rows);
  return sheet;
}

/**
 * Writes the block: whole on a cleared (or new) tab, or only week `week`'s slices (weekSlices) on a tab that
 * holds the block as written before (readTrendCache checked its rows and columns reach them). Returns the tab
 * and whether it was written whole.
 */
export function writeTrendTab(ss: Spreadsheet, sheet: Sheet | null, block: TrendBlock, week: number, weeks: number, whole: boolean): { sheet: Sheet; whole: boolean } {
  if (!whole && sheet) {
    // Not rewritten whole if a write fails: the block's past weeks of the Chart data were not computed (History
    // was read from last week only), so the summary fails and the next one starts again.
    for (const s of weekSlices(block, week, weeks)) sheet.getRange(s.row, s.column, s.rows.length, s.width).setValues(valuesOf(s.rows));
    return { sheet, whole: false };
  }
  const bottom = block.row + block.rows.length - 1;
  const right = block.column + block.width - 1;
  if (sheet) sheet.clear();
  else sheet = createTrendSheet(ss, bottom, right, weeks);
  rangeFromA1Growing(sheet, bottom, right).setValues(valuesOf(block.rows));
  // The scores of the weeks to come get their format now, so that an ordinary week writes values only.
  const ahead: [number, number][] = [];
  if (block.scoreRows) {
    // This week's too: a score blank now may be written by a regeneration of the week, which formats nothing.
    for (let r = block.scoreRows.first; r <= block.scoreRows.last; r++) for (let w = week; w <= weeks; w++) ahead.push([r, weekColumn(w, block)]);
  }
  formatSparse(sheet, block, { formats: [], blankFormats: { "0.00": ahead } });
  return { sheet, whole: true };
}

// The Weekly Trend tab (core/trendBlock.ts; docs/summary.md, "The Weekly Trend tab"): made by the first
// summary, rewritten whole (values, then one call per look) when the record of what it holds does not say it
// is this cycle's block for these KRs (trendCache.ts), and otherwise given only this week's column and the
// `Last weeks` text: two writes, no format (the week columns of the charts' scores were formatted ahead).
import { TAB } from "../core/tabs";
import { weekColumn, weekSlices, type TrendBlock } from "../core/trendBlock";
import { rangeFromA1Growing, valuesOf } from "./render";
import { formatSparse } from "./renderSparse";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab beside the Weekly Summary, with its lasting look: frozen heading and header, widths, warning-only protection. */
function createTrendSheet(ss: Spreadsheet, weeks: number): Sheet {
  const sheet = ss.insertSheet(TAB.trend, 1);
  sheet.setFrozenRows(2);
  // The key result's text, then the weeks at 70 px (ID and the text trend keep Sheets' 100 px; the text
  // flows over the blank cells right of it).
  sheet.setColumnWidth(2, 240);
  if (weeks > 0) sheet.setColumnWidths(3, weeks, 70);
  const p = sheet.protect();
  if (p.canEdit()) p.setWarningOnly(true);
  return sheet;
}

/**
 * Writes the block: whole on a cleared (or new) tab, or only week `week`'s slices (weekSlices) on a tab that
 * holds the block as written before. Returns the tab.
 */
export function writeTrendTab(ss: Spreadsheet, sheet: Sheet | null, block: TrendBlock, week: number, weeks: number, whole: boolean): Sheet {
  if (!whole && sheet) {
    for (const s of weekSlices(block, week, weeks)) sheet.getRange(s.row, s.column, s.rows.length, s.width).setValues(valuesOf(s.rows));
    return sheet;
  }
  if (sheet) sheet.clear();
  else sheet = createTrendSheet(ss, weeks);
  rangeFromA1Growing(sheet, block.row + block.rows.length - 1, block.column + block.width - 1).setValues(valuesOf(block.rows));
  // The scores of the weeks to come get their format now, so that an ordinary week writes values only.
  const ahead: [number, number][] = [];
  if (block.scoreRows) {
    for (let r = block.scoreRows.first; r <= block.scoreRows.last; r++) for (let w = week + 1; w <= weeks; w++) ahead.push([r, weekColumn(w, block)]);
  }
  formatSparse(sheet, [block], { formats: [], blankFormats: { "0.00": ahead } });
  return sheet;
}

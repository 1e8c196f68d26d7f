// The Weekly Trend tab (core/trendBlock.ts; docs/summary.md, "The Weekly Trend tab"): made by the first
// summary, rewritten whole (values, then one call per look) when the record of what it holds does not say it
// is this cycle's block for these KRs (trendCache.ts), and otherwise given only this week's column and the
// `Last weeks` text: two writes, no format (the week columns of the charts' scores were formatted ahead).
import { TAB } from "../core/tabs";
import { weekColumn, weekSlices, type TrendBlock } from "../core/trendBlock";
import { NEW_SHEET, rangeFromA1Growing, valuesOf } from "./render";
import { formatSparse } from "./renderSparse";
import { ensureWidths } from "./setupStyle";
import { noteWrite } from "./setupWrites";
import { isTrendHead, type RecordedTabs } from "./trendCache";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab's lasting look: its heading and header rows frozen, the key result's text 240 px and the weeks 70 px
 * (ID, Trend and Last weeks keep Sheets' 100 px; the text flows over the blank cells right of it).
 */
const LOOK = { frozenRows: 2, keyResultWidth: 240, weekWidth: 70 };

/**
 * The tab beside the Weekly Summary, with its lasting look (frozen heading and header, widths, warning-only
 * protection) set before its size: an insert past Sheets' cell limit must not leave a tab that later
 * summaries reuse without it. Then rows and columns for the block, which is the same size all cycle.
 */
function createTrendSheet(ss: Spreadsheet, rows: number, columns: number, weeks: number): Sheet {
  const sheet = ss.insertSheet(TAB.trend, 1);
  sheet.setFrozenRows(LOOK.frozenRows);
  sheet.setColumnWidth(2, LOOK.keyResultWidth);
  const lastWeek = weekColumn(weeks);
  if (weeks > 0) sheet.setColumnWidths(weekColumn(1), Math.min(lastWeek, NEW_SHEET.columns) - 2, LOOK.weekWidth);
  const p = sheet.protect();
  if (p.canEdit()) p.setWarningOnly(true);
  if (columns > NEW_SHEET.columns) {
    sheet.insertColumnsAfter(NEW_SHEET.columns, columns - NEW_SHEET.columns);
    if (lastWeek > NEW_SHEET.columns) sheet.setColumnWidths(NEW_SHEET.columns + 1, lastWeek - NEW_SHEET.columns, LOOK.weekWidth);
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
  // A fraction-% KR's weeks, every one: its values show as percentages, this week's and those written later
  // (a format call only on a tracker with such a KR, and one more for each other format: a KR of a small span,
  // 0.5% → 0.3%, shows "0.000%", forecast.ts percentValueFormat).
  const blankFormats: Record<string, [number, number][]> = { "0.00": ahead };
  for (const p of block.percentRows) {
    const cells = blankFormats[p.format] || (blankFormats[p.format] = []);
    for (let w = 1; w <= weeks; w++) cells.push([p.row, weekColumn(w, block)]);
  }
  // (A format with no cells makes no call: formatSparse groups the cells it is given.)
  formatSparse(sheet, block, { formats: [], blankFormats });
  return { sheet, whole: true };
}

/**
 * The Weekly Trend tab Repair looks after, with its cycle's weeks: the add-on's when the summary's record
 * places it (the weeks from the record: two cheap calls), or else when its first two rows are the trend's
 * heading and header (trendCache.ts isTrendHead, the rule the summary and the roll over use too; the weeks
 * counted there: one read), as a trigger run without document properties leaves it unrecorded. Someone's own
 * tab of that name is neither, and is left as it is. Looked at whether or not there is a Weekly Summary: the
 * summary after one was deleted makes it again but, the Weekly Trend's record still holding, writes only its
 * week's column there, so the Weekly Trend's look is Repair's to restore.
 */
export function trendTabForRepair(sheet: Sheet | null, record: RecordedTabs | null): { sheet: Sheet; weeks: number; columns: number } | null {
  if (!sheet) return null;
  const recorded = record && record.trendId === sheet.getSheetId() ? record.weeks : null;
  const columns = sheet.getMaxColumns();
  if (recorded) return { sheet, weeks: recorded, columns };
  let head: unknown[][];
  try {
    head = sheet.getRange(1, 1, 2, columns).getValues();
  } catch {
    // An unrecorded tab of one row has not the trend's layout to look after: the next summary, finding the
    // block's rows gone, rewrites it whole (a recorded one gets what fits: ensureTrendLook).
    return null;
  }
  let weeks = 0;
  while (weekColumn(weeks + 1) <= columns && head[1][weekColumn(weeks + 1) - 1] === `Week ${weeks + 1}`) weeks++;
  return isTrendHead(head) || recorded === 0 ? { sheet, weeks, columns } : null;
}

/**
 * Repair's part of the tab's look: its frozen rows and the widths createTrendSheet gave the key result and
 * each week its header row has (within the tab's columns), read and written only where they differ, so a
 * healthy tab costs reads only (the frozen rows and three widths: cheap calls). The weeks' widths are set
 * all together (createTrendSheet, or Repair over every week), so the first and the last week's say whether
 * they still hold: the weeks of a lengthened cycle, or every column resized at once, fail one of them, and
 * only then is each week's width read (until session 20 each was, every Repair: 13 calls at 13 weeks, 52 at
 * 52). A week between them resized by hand is left as it was sized, a choice as a recoloured header is.
 * A tab cut by hand below that layout gets what fits: Sheets refuses to freeze every row of a tab, or to
 * size a column beyond its last (the next summary rewrites the tab whole).
 */
export function ensureTrendLook(tab: { sheet: Sheet; weeks: number; columns: number }): void {
  const { sheet, weeks, columns } = tab;
  if (sheet.getFrozenRows() !== LOOK.frozenRows && sheet.getMaxRows() > LOOK.frozenRows) {
    noteWrite();
    sheet.setFrozenRows(LOOK.frozenRows);
  }
  const wanted: [number, number][] = columns >= 2 ? [[2, LOOK.keyResultWidth]] : [];
  const weekCols: [number, number][] = [];
  for (let w = 1; w <= weeks && weekColumn(w) <= columns; w++) weekCols.push([weekColumn(w), LOOK.weekWidth]);
  const ends = weekCols.length > 2 ? [weekCols[0], weekCols[weekCols.length - 1]] : weekCols;
  const endsHold = ends.every(([c, w]) => sheet.getColumnWidth(c) === w);
  ensureWidths(sheet, endsHold ? wanted : wanted.concat(weekCols), false);
}

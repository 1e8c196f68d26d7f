// Looks that outlive a generation. History's Score format is set on the whole column once, and again only on
// rows a growth adds (recorded in a document property), rather than on each week's rows: every cell
// formatted is paid for. The Weekly Summary's status colours are set on every generation: they are
// conditional-format rules, and Sheet.clear() removes them on Google (its reference: formatting "as allowed
// by choices under the Format menu (ex: bold, italics, conditional formatting)"), so a record of having set
// them once would leave week 2 uncoloured.
import { statusColours } from "./render";
import type { LookRule } from "./renderSparse";
import type { PropertyStore } from "./propsBatch";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HISTORY_SCORE = "okrSheets.historyScoreFormat";
/** History's one number format the values written do not give by themselves: Score shows two decimals. */
export const SCORE_FORMAT = "0.00";

/**
 * Colours the status words anywhere on the tab (its whole grid, so a longer report next week is covered too)
 * and gives the report's cells their looks (renderSparseReport's rules).
 */
export function setStatusColours(sheet: Sheet, looks: LookRule[] = []): void {
  statusColours(sheet, sheet.getMaxRows(), sheet.getMaxColumns(), null, looks);
}

/**
 * Gives History's Score column (1-based `column`, from row `first` to the tab's last row) its format
 * unless that was recorded for this tab, column and size; a tab grown since gets it on its new rows only.
 * Dates are written as YYYY-MM-DD text, which becomes a date shown so, as typing it does; Week,
 * Confidence and Same-value check-ins are whole numbers.
 */
export function ensureHistoryScoreFormat(sheet: Sheet, first: number, column: number, props: PropertyStore | null): void {
  const rows = sheet.getMaxRows();
  if (rows < first || column < 1) return;
  const id = sheet.getSheetId();
  const record = JSON.stringify({ sheet: id, first, column, rows, format: SCORE_FORMAT });
  const text = props ? props.getProperty(HISTORY_SCORE) : null;
  if (text === record) return;
  let from = first;
  try {
    const was = text ? (JSON.parse(text) as { sheet: number; first: number; column: number; rows: number; format: string }) : null;
    if (was && was.sheet === id && was.first === first && was.column === column && was.format === SCORE_FORMAT && was.rows < rows) from = was.rows + 1;
  } catch {
    // a damaged record: the whole column
  }
  sheet.getRange(from, column, rows - from + 1, 1).setNumberFormat(SCORE_FORMAT);
  if (props) props.setProperty(HISTORY_SCORE, record);
}

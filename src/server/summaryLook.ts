// Looks that outlive a generation, set only when what was recorded (a document property) the last time
// they were set differs: the Weekly Summary's status colours, conditional format rules that outlive each
// generation's clear() (they belong to the tab, not to its cells), and History's Score format, set on the
// whole column rather than on each week's rows. A structural call costs more than anything else a summary
// makes, and every cell formatted is paid for: so they are set again only for the first summary, a tab
// grown or recreated, or rules changed by a new version of the add-on.
import { RAG, SETUP_ERROR_STYLE } from "./layout";
import { statusColours } from "./render";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

const LOOK = "okrSheets.summaryStatusRules";
const HISTORY_SCORE = "okrSheets.historyScoreFormat";
/** History's one number format the values written do not give by themselves: Score shows two decimals. */
export const SCORE_FORMAT = "0.00";

/** What the rules were set for: the tab, its grid, and the colours themselves. */
function recordOf(sheet: Sheet, rows: number, cols: number): string {
  return JSON.stringify({ sheet: sheet.getSheetId(), rows, cols, rag: RAG, setupError: SETUP_ERROR_STYLE });
}

/**
 * Colours the status words anywhere on the tab (its whole grid, so a longer report next week is covered
 * too) unless the rules recorded are these. Without document properties, they are set every time.
 */
export function ensureStatusColours(sheet: Sheet, props: Properties | null): void {
  const rows = sheet.getMaxRows();
  const cols = sheet.getMaxColumns();
  const record = recordOf(sheet, rows, cols);
  if (props && props.getProperty(LOOK) === record) return;
  statusColours(sheet, rows, cols, sheet.getRange(1, 1, rows, cols));
  if (props) props.setProperty(LOOK, record);
}

/**
 * Gives History's Score column (1-based `column`, from row `first` to the tab's last row) its format
 * unless that was recorded for this tab, column and size; a tab grown since gets it on its new rows only.
 * Dates are written as YYYY-MM-DD text, which becomes a date shown so, as typing it does; Week,
 * Confidence and Same-value check-ins are whole numbers.
 */
export function ensureHistoryScoreFormat(sheet: Sheet, first: number, column: number, props: Properties | null): void {
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

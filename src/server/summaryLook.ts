// The Weekly Summary's status colours: conditional format rules that outlive each generation's clear()
// (they belong to the tab, not to its cells). A structural call costs more than anything else a summary
// makes, so they are set only when the tab's grid or the rules themselves differ from what was recorded
// (a document property) the last time they were set: the first summary, a tab grown or recreated, rules
// changed by a new version of the add-on.
import { RAG, SETUP_ERROR_STYLE } from "./layout";
import { statusColours } from "./render";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

const LOOK = "okrSheets.summaryStatusRules";

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

// Repair's read of Key Results (Repair and Set up without a template, from the menu or the sidebar; the roll
// over and the import, which run setup too, read the tab whole as before). Of the KR rows Repair uses only
// what a person types a KR into: whether a row holds a KR (how many rows get formulas, rules and
// protection), and the ID, objective, owner, metric, unit, start and target the focus checks and the money
// formats look at. The formula, check-in and forecast columns are read by the formula, format and dropdown
// checks over their own cells, and were read a second time here: 1,221 × 25 cells at 1,200 KRs, of which
// these columns are 9 (README, Performance: Setup and Repair).
import { KR_HEADERS } from "../core/tabs";
import type { ComputedHeader } from "../core/computedCells";
import { KR_WIDTH } from "./read";
import { norm } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The columns a person types a KR into (the template's, the import's and the roll over's too). */
export const TYPED_KR_COLUMNS: readonly string[] = KR_HEADERS.slice(0, 9);

/**
 * Key Results as its data range, with only the typed columns' cells read below the header (the others
 * blank), as Repair's one read of the tab. The header comes from the Settings read (the span read checks
 * its cells there); the data range's size is asked of the range already got (two handle calls). The tab is
 * read whole, as before, when the Settings cells do not give a header of ours in row 1 (`head`, from
 * core/computedCells.ts computedHeader: a header placed lower is not the data range's first row), the data
 * range reaches past Z (headers there are not in the Settings text), a typed column is missing (Repair adds
 * it), or the header cells read disagree with the Settings text (one call more, only then).
 */
export function keyResultsForRepair(sheet: Sheet, head: ComputedHeader | null): unknown[][] {
  const range = sheet.getDataRange();
  if (!head || head.row !== 1) return range.getValues();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  if (cols > KR_WIDTH) return range.getValues();
  const first = head.cells.slice(0, cols);
  const at = TYPED_KR_COLUMNS.map((h) => first.findIndex((x) => norm(x) === norm(h)));
  if (at.some((c) => c < 0)) return range.getValues();
  const c1 = Math.min(...at);
  const width = Math.max(...at) - c1 + 1;
  const span = sheet.getRange(1, c1 + 1, rows, width).getValues();
  if (span[0].some((v, i) => norm(v) !== norm(first[c1 + i]))) return range.getValues();
  return span.map((r, y) => {
    const full = y === 0 ? first.slice() : new Array<unknown>(cols).fill("");
    for (let i = 0; i < width; i++) full[c1 + i] = r[i];
    return full;
  });
}

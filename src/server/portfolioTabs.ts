// Whether the tabs "Refresh portfolio" writes are the add-on's: a tab of the user's own named "Portfolio
// Roll-up" or "Portfolio History" is refused in one line naming it, before anything is written, its content
// kept, as the reports refuse theirs (reportTabs.ts, whose message this shares); and making a missing one.
import { ROLLUP_TAB } from "../core/portfolio";
import { ROLLUP_TITLE } from "../core/portfolioLayout";
import { lacksTitle, refuse, titled } from "./reportTabs";
import { findHeaderRow } from "./table";
import { sheetNamed } from "./sheetNamed";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ITEM = "Refresh portfolio";

/**
 * The roll-up tab to clear and write over (null: none yet), refused when it is someone's own. Ours starts
 * with its title in A1 ("Portfolio roll-up: <cycle>"; protected, written only by the refresh), or is empty
 * (nothing is lost by writing in it). One read more than the refresh paid before.
 */
export function rollupTab(ss: Spreadsheet): Sheet | null {
  const sheet = sheetNamed(ss, ROLLUP_TAB);
  if (sheet && !titled(sheet, ROLLUP_TITLE, ": ")) refuse(sheet, lacksTitle(ROLLUP_TITLE, ": "), "the portfolio roll-up", ITEM);
  return sheet;
}

/**
 * Refuses a History that is not ours, from the values the refresh reads anyway (no call): ours holds its
 * header row (written with the tab, protected). An empty one is left to the reader's "delete the tab".
 */
export function refuseForeignHistory(sheet: Sheet, values: unknown[][], keys: string[]): void {
  if (findHeaderRow(values, keys, 0, Infinity) >= 0 || values.every((r) => r.every((v) => v === ""))) return;
  refuse(sheet, `no ${keys.map((h) => `"${h}"`).join(", ")} header row`, "the portfolio History", ITEM);
}

/**
 * A tab this run found missing (outside the lock), made under the lock; or, when a refresh run at the same
 * time made it since (insertSheet refuses a name taken, whatever its case), that one (made: false). The
 * run asks for the tab by name once, not again under the lock; only that race costs a second look.
 */
export function insertOrFind(ss: Spreadsheet, name: string): { sheet: Sheet; made: boolean } {
  try {
    return { sheet: ss.insertSheet(name), made: true };
  } catch (e) {
    const sheet = sheetNamed(ss, name);
    if (!sheet) throw e; // another failure (the spreadsheet's cell limit): not a race
    return { sheet, made: false };
  }
}

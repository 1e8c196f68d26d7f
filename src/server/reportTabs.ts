// Whether a tab named like one of the tracker's reports is the add-on's. The Weekly Summary, the Mid-cycle
// Review and the Retrospective are written over whole (cleared first), and a roll over archives or deletes
// them: a tab of one of those names holding someone's own notes must be refused before anything is
// written, not wiped. Ours starts with its title in A1 ("<title> — <cycle>", as core/summaryLayout.ts and
// core/reviewTab.ts and retroTab.ts write it), or is empty (nothing is lost by writing in it). Used by the reports
// themselves (lifecycleTabs.ts, summaryTab.ts) and by the roll over (rollOverTabs.ts).
import { isBlankRow } from "../core/blank";
import { RETRO_HEADERS_BEFORE_VALUE, RETRO_TITLE, REVIEW_TITLE } from "../core/lifecycleTab";
import { SUMMARY_TITLE } from "../core/summaryLayout";
import { TAB } from "../core/tabs";
import { TREND_HEADING } from "../core/trendBlock";
import { UserError } from "./env";
import { findHeaderRow } from "./table";
import { sheetFinder, sheetNamed, type SheetFinder } from "./sheetNamed";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whether A1's value is the report's title: "<title> — <cycle>" (the portfolio roll-up's: `sep` ": "). */
function isTitle(a1: unknown, title: string, sep = " — "): boolean {
  return typeof a1 === "string" && a1.indexOf(`${title}${sep}`) === 0;
}

/** titled() told from the tab's values, already read (no call). */
function titledValues(values: unknown[][], title: string): boolean {
  return isTitle(values[0] && values[0][0], title) || values.every(isBlankRow);
}

/**
 * Whether a report tab starts with its title (A1), or is empty (a tab the add-on would write in too). `sep`:
 * what follows the title ("Portfolio roll-up: <cycle>", portfolioTabs.ts).
 */
export function titled(sheet: Sheet, title: string, sep = " — "): boolean {
  return isTitle(sheet.getRange(1, 1).getValue(), title, sep) || sheet.getLastRow() === 0;
}

/** What a report tab that is not ours lacks, as the refusals say it. */
export function lacksTitle(title: string, sep = " — "): string {
  return `no "${title}${sep}…" title in A1`;
}

/**
 * The one-line refusal of a report that would write over someone's own tab: names the tab as the user
 * wrote it (sheetNamed finds "WEEKLY SUMMARY" too, under either reading of getSheetByName), says what ours
 * holds, and how to go on.
 */
export function refuse(sheet: Sheet, lacks: string, report: string, item: string): never {
  throw new UserError(
    `The "${sheet.getName()}" tab (${lacks}) is not the tracker's, and ${report} would be written over it. ` +
      `Rename it (its content is kept), then run "${item}" again. Nothing was changed.`,
  );
}

/** What a Weekly Trend that is not ours lacks (trendCache.ts isTrendTab: the heading over the header row), as the refusals say it. */
export const TREND_LACKS = `no "${TREND_HEADING}" heading over its header row`;

/**
 * Refuses a Weekly Trend the summary would write over that is not ours (trendCache.ts tells it), in the
 * words of the other reports' refusals: the tab as the user named it, what ours holds, that its content is
 * kept, and the menu item to run again.
 */
export function refuseTrendTab(sheet: Sheet): never {
  refuse(sheet, TREND_LACKS, "the weekly trend", "Generate weekly summary");
}

/**
 * The Mid-cycle Review to write over (null: none, it is made) and its values (the decisions and notes typed
 * there are kept); refused when it is not ours. Two calls: the whole tab read, its A1 told from the values.
 */
export function reviewTabToWrite(ss: Spreadsheet): { sheet: Sheet | null; values: unknown[][] } {
  const sheet = sheetNamed(ss, TAB.review);
  if (!sheet) return { sheet, values: [] };
  const values = sheet.getDataRange().getValues();
  if (!titledValues(values, REVIEW_TITLE)) refuse(sheet, lacksTitle(REVIEW_TITLE), "the mid-cycle review", "Mid-cycle review");
  return { sheet, values };
}

/**
 * Refuses a Retrospective that is not ours, from its values (closing reads them whole already, for the
 * learnings and decisions typed there: no call). Ours has its title in A1, or is empty, or holds the main
 * table's whole header row (a Retrospective whose title was deleted: closing again keeps its decisions).
 */
export function refuseForeignRetrospective(sheet: Sheet, values: unknown[][]): void {
  if (titledValues(values, RETRO_TITLE)) return;
  // The header row without Final value (session 19): a tab closed before it is still ours, and this is in both.
  if (findHeaderRow(values, RETRO_HEADERS_BEFORE_VALUE, 0, Infinity) >= 0) return;
  refuse(sheet, `${lacksTitle(RETRO_TITLE)} nor its header row`, "the retrospective", "End cycle & retrospective");
}

/**
 * The Weekly Summary to clear and write over (null: none, the summary makes it) and its sheet ID, refused
 * when it is not ours. Ours is the tab whose ID the summary's record holds (`recorded`: no data read, the
 * ID is a handle call), else (an older tracker, a run without document properties) one with its title in
 * A1 or empty: one read. Asked before anything is written: History, the Weekly Trend and the forecast
 * columns stay as they were.
 */
export function summaryTabToWrite(ss: Spreadsheet, recorded: number | undefined, find: SheetFinder = sheetFinder(ss)): { sheet: Sheet | null; id: number | null } {
  const sheet = find(TAB.summary);
  if (!sheet) return { sheet: null, id: null };
  const id = sheet.getSheetId();
  if (id !== recorded && !titled(sheet, SUMMARY_TITLE)) refuse(sheet, lacksTitle(SUMMARY_TITLE), "the weekly summary", "Generate weekly summary");
  return { sheet, id };
}

/**
 * The Weekly Summary Repair looks after (sizes for the cycle, protects), null when there is none or it is
 * someone's own. Ours as the summary tells it (summaryTabToWrite): the tab whose ID the summary's record holds
 * (`recorded`: a handle call, no data read for a healthy tracker), else one with its title in A1 or empty.
 * Someone's own is left as it is, not refused: Repair writes nothing there and it is not one of the tracker's
 * tabs; the summary refuses to write over it, in one line, when it is run.
 */
export function summaryTabForRepair(sheet: Sheet | null, recorded: number | null): Sheet | null {
  if (!sheet) return null;
  return (recorded !== null && sheet.getSheetId() === recorded) || titled(sheet, SUMMARY_TITLE) ? sheet : null;
}

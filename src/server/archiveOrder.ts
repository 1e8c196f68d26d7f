// Where a roll over leaves the tabs (docs/lifecycle.md#archives): the new cycle's working tabs first, then
// the finished cycle's archives, then older cycles' archives. The archives are renamed in place, and the
// Retrospective and Mid-cycle Review were made wherever the person was looking when closing or reviewing, so
// until session 20 the archived Retrospective could be the first tab, before the new cycle's Settings.
//
// Moves cost two calls each (setActiveSheet, moveActiveSheet), so only the tabs out of order move
// (core/tabMoves.ts), this cycle's archives rather than a tab of the team's where as few moves do, and they
// move before setup makes the new tabs, from the list of tabs the roll over read once: no read. Setup's insertSheet puts each new tab after the active one (what the offline
// spreadsheet does; Google's reference says only that the new tab "becomes the active sheet"), so Settings is
// made active first and the new tabs land right after it, before the archives. Whether they did is checked
// afterwards with one call (where Objectives is); when they did not, every tab is read and the archives put
// last again ("to check" 52 in docs/apps-script-fidelity.md).
import { tabMoves } from "../core/tabMoves";
import type { NamedTab } from "./lookAlikeTabs";
import { tabList } from "./sheetNamed";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** An archive of any cycle: archive names have " · " (core/archiveNames.ts), as setup and Repair tell them. */
const isArchive = (name: string) => name.indexOf(" · ") >= 0;

/** The wanted order: the other tabs as they are, then `archives` (this cycle's, in that order), then older archives as they are. */
export function archiveOrder(tabs: readonly NamedTab[], archives: readonly string[]): string[] {
  const mine = new Set(archives);
  const names = tabs.map((t) => t.name).filter((n) => !mine.has(n));
  return names.filter((n) => !isArchive(n)).concat(archives, names.filter(isArchive));
}

/**
 * Moves the tabs, in the order `tabs`, into `target`, two calls each: the fewest moves, and among as few, those
 * of this cycle's archives rather than a tab of the team's or an older archive (which someone may have hidden:
 * whether activating a hidden tab shows it is "to check" 52).
 */
function reorder(ss: Spreadsheet, tabs: readonly NamedTab[], target: readonly string[], archives: readonly string[]): void {
  const sheet = new Map(tabs.map((t) => [t.name, t.sheet] as [string, Sheet]));
  const mine = new Set(archives);
  // Each tab kept in place counts n + 1, one not of this cycle's archives one more: fewest moves first.
  const n = tabs.length;
  const weight = (name: string) => (mine.has(name) ? n + 1 : n + 2);
  for (const m of tabMoves(tabs.map((t) => t.name), target, weight)) {
    ss.setActiveSheet(sheet.get(m.name)!);
    ss.moveActiveSheet(m.pos);
  }
}

/**
 * Before setup makes the new cycle's tabs: `archives` (this cycle's, renamed) after the other tabs of `left`
 * (every tab left, by its name now), and Settings active. Returns the position Objectives should have once
 * setup has made it: right after Settings.
 */
export function archivesLast(ss: Spreadsheet, left: readonly NamedTab[], archives: readonly string[], settings: NamedTab): number {
  const target = archiveOrder(left, archives);
  reorder(ss, left, target, archives);
  ss.setActiveSheet(settings.sheet);
  return target.indexOf(settings.name) + 2;
}

/**
 * After setup: when Objectives is not where archivesLast placed the new tabs (insertSheet put them
 * elsewhere), every tab is read and the archives put last again, and Key Results made the active tab, as a
 * new tracker opens on it. One call when it is.
 */
export function checkArchivesLast(ss: Spreadsheet, objectives: Sheet, expectedAt: number, archives: readonly string[], keyResults: Sheet): void {
  if (objectives.getIndex() === expectedAt) return;
  const tabs = tabList(ss).named();
  reorder(ss, tabs, archiveOrder(tabs, archives), archives);
  ss.setActiveSheet(keyResults);
}

// Whether the tabs a roll over finds by name are the tracker's. It renames this cycle's Check-ins, History
// and Mid-cycle Review to archives and deletes its Weekly Summary and Weekly Trend: a tab of one of those
// names holding something else (someone's own list, a tracker tab emptied and reused) would be archived,
// or deleted, as the cycle's. Each is looked at the way the add-on places it, and one that is not ours is
// refused before anything changes. The rest need no look here: reading the tracker refuses Objectives or
// Key Results without our header where the tracker places it, and Settings without its labels, and the
// roll over refuses a Retrospective without its header row.
import { REVIEW_TITLE } from "../core/lifecycleTab";
import { andList, quotedList } from "../core/plural";
import { SUMMARY_TITLE } from "../core/summaryLayout";
import { computedHeader } from "../core/computedCells";
import { TAB } from "../core/tabs";
import { UserError } from "./env";
import { computedCells, computedHistoryHeaderRow, IDENTIFYING, LOG_WIDTH, type SettingsRead } from "./read";
import type { NamedTab } from "./lookAlikeTabs";
import { lacksTitle, titled, TREND_LACKS } from "./reportTabs";
import { findHeaderRow, readHead } from "./table";
import { isTrendTab, type RecordedTabs } from "./trendCache";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab of `tabs` (every tab, read once) that getSheetByName(name) gives: names match whatever their case. */
function named(tabs: readonly NamedTab[], name: string): NamedTab | undefined {
  return tabs.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** The sheet of named(): a roll over looks its tabs up in the list it read, not by a call each. */
export function tabNamed(tabs: readonly NamedTab[], name: string): Sheet | null {
  const found = named(tabs, name);
  return found ? found.sheet : null;
}

/**
 * Whether a table tab holds the tracker's header row, as setup tells its own tab from another (setupTabs.ts
 * readTrackerTabs): in its first rows, or further down (ours, its header pushed below the rows searched:
 * Repair says which rows to delete), or nothing at all (nothing is lost by archiving it). Only a tab with
 * no header row is someone else's. Row 1, where setup writes the header, is read first: two calls for a
 * healthy tab (readHead asks the tab's size first); the rest only when it is not there.
 */
function holdsHeader(sheet: Sheet, ident: readonly string[], width: number): boolean {
  try {
    if (findHeaderRow(sheet.getRange(1, 1, 1, width).getValues(), ident) === 0) return true;
  } catch {
    // a tab narrower than `width` is refused the range: its first rows are read below, within its size
  }
  const head = readHead(sheet, width);
  if (findHeaderRow(head, ident) >= 0) return true;
  const last = sheet.getLastRow();
  if (last === 0) return true;
  if (last <= head.length) return false;
  return findHeaderRow(sheet.getDataRange().getValues(), ident, 0, Infinity) >= 0;
}

/**
 * Whether the log holds its header where the Settings computed cells (already read) place it: the cells of
 * its header row joined, a reference that follows rows inserted above it (core/computedCells.ts). No call
 * then; otherwise (a tracker without those cells, a header cell holding "|", someone's own rows in its place)
 * the tab itself is looked at.
 */
function logIsOurs(sheet: Sheet, s: SettingsRead): boolean {
  if (computedHeader(computedCells(s), "checkins", IDENTIFYING.checkins)) return true;
  return holdsHeader(sheet, IDENTIFYING.checkins, LOG_WIDTH);
}

/**
 * Whether History holds its header where the Settings computed cell (already read) places it: that row alone
 * is read (two calls), as wherever it is (rows inserted above it move the cell's reference with it). Without
 * the cell (a tracker set up before it), or with no header there (moved by copy and paste, someone's own rows
 * in its place), the tab itself is looked at as a table tab is (holdsHeader): its first rows, and only then
 * the whole tab.
 */
function historyIsOurs(sheet: Sheet, s: SettingsRead): boolean {
  const row = computedHistoryHeaderRow(s);
  if (row) {
    try {
      if (findHeaderRow(sheet.getRange(row, 1, 1, LOG_WIDTH).getValues(), IDENTIFYING.history) === 0) return true;
    } catch {
      // a tab shorter or narrower than that row: looked at below, within its size
    }
  }
  return holdsHeader(sheet, IDENTIFYING.history, LOG_WIDTH);
}

interface Check {
  name: string;
  /** What the roll over does to the tab. */
  fate: "archive" | "delete";
  /** What ours holds, as the message says it is missing. */
  lacks: string;
  ours: (sheet: Sheet, s: SettingsRead) => boolean;
  /** The summary's record's sheet ID for this tab, when it keeps one: a tab with that ID is ours, read or not. */
  recorded?: (r: RecordedTabs) => number | null;
}

const CHECKS: readonly Check[] = [
  { name: TAB.checkins, fate: "archive", lacks: `no header row with ${quotedList(IDENTIFYING.checkins)}`, ours: logIsOurs },
  { name: TAB.history, fate: "archive", lacks: `no header row with ${quotedList(IDENTIFYING.history)}`, ours: historyIsOurs },
  { name: TAB.review, fate: "archive", lacks: lacksTitle(REVIEW_TITLE), ours: (sh) => titled(sh, REVIEW_TITLE) },
  { name: TAB.summary, fate: "delete", lacks: lacksTitle(SUMMARY_TITLE), ours: (sh) => titled(sh, SUMMARY_TITLE), recorded: (r) => r.summaryId },
  // As the summary tells an unrecorded Weekly Trend from someone's (trendCache.ts isTrendTab): its heading over
  // its header row, or empty.
  { name: TAB.trend, fate: "delete", lacks: TREND_LACKS, ours: isTrendTab, recorded: (r) => r.trendId },
];

/** How every refusal of the roll over ends: each comes before anything is renamed, written or deleted. */
const UNCHANGED = "Nothing was changed.";

/** A refusal of the roll over, ending as each does (UNCHANGED), as the reports' and Repair's refusals end. */
export function rollOverRefusal(message: string): UserError {
  return new UserError(/Nothing was changed/.test(message) ? message : `${message} ${UNCHANGED}`);
}

/**
 * `read` (reading the tracker before the roll over changes anything), its refusals (a tab or a setting to fix,
 * worded as every operation words them) ending as the roll over's own do.
 */
export function refusingUnchanged<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw e instanceof UserError ? rollOverRefusal(e.message) : e;
  }
}

/** Whether the tab is the one the summary's record names (a handle call: its ID), as the summary and Repair take it. */
function isRecorded(c: Check, sheet: Sheet, record: RecordedTabs | null): boolean {
  const id = record && c.recorded ? c.recorded(record) : null;
  return id !== null && sheet.getSheetId() === id;
}

/**
 * Refuses, before anything is archived or deleted, a roll over that would archive or delete a tab of one of
 * the tracker's names that is not the tracker's, naming each such tab and what ours would hold there. The
 * Weekly Summary and Weekly Trend the summary's record names are ours whatever they show (a title typed
 * over), as the summary and Repair take them.
 */
export function refuseForeignNamedTabs(tabs: readonly NamedTab[], s: SettingsRead, record: RecordedTabs | null): void {
  // Named as the user wrote them ("HISTORY" is our History tab too).
  const foreign = CHECKS.map((c) => ({ ...c, tab: named(tabs, c.name) })).filter((c) => c.tab && !isRecorded(c, c.tab.sheet, record) && !c.ours(c.tab.sheet, s));
  if (!foreign.length) return;
  const one = foreign.length === 1;
  const fates = Array.from(new Set(foreign.map((c) => c.fate)));
  throw new UserError(
    `${andList(foreign.map((c, i) => `${i ? "the" : "The"} "${c.tab!.name}" tab (${c.lacks})`))} ${one ? "is" : "are"} not the tracker's, ` +
      `and rolling over would ${fates.join(" or ")} ${one ? "it" : "them"} as this cycle's. ` +
      `Rename ${one ? "it (its content is kept)" : "them (their content is kept)"}, then roll over again. ${UNCHANGED}`,
  );
}

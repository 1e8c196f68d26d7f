// Setup's view of the tracker tabs: reads each one, refuses when one of our names holds something else,
// renames a tracker tab a user renamed back (found by lookAlikeTabs.ts), and makes sure each table tab has
// every header.
import { KR_PACE_HEADERS, TAB } from "../core/tabs";
import { cellsOfRows, computedHeader, computedRow, type ComputedCells } from "../core/computedCells";
import { UserError } from "./env";
import { findRenamed, renameBack, type OtherTab } from "./lookAlikeTabs";
import { ALL_HEADERS, IDENTIFYING, KR_WIDTH, LOG_WIDTH, renamedColumnsMessage, SETTINGS_LAST_ROW, settingsGridOf, type SettingsGrid } from "./read";
import { keyResultsForRepair } from "./setupKrRead";
import type { SetupReport } from "./setupTypes";
import { noteWrite } from "./setupWrites";
import { sheetFinder, tabList, type SheetFinder, type TabList } from "./sheetNamed";
import { col, findHeaderRow, HEADER_SEARCH_ROWS, noHeaderMessage, norm, tableFromValues, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TabState {
  name: string;
  sheet: Sheet | null;
  values: unknown[][];
  /**
   * 1-based row of a header below the rows searched that the Settings computed cells place (rows inserted
   * above it move their reference with it): the tab is read there, as every other operation reads it.
   */
  headerRow?: number;
  /** Settings only: its grid as the read of A1:C40 found it, for its writes to grow it without asking (settingsRoom.ts growSettingsFor). */
  grid?: SettingsGrid;
}

export function isEmpty(values: unknown[][]): boolean {
  return values.every((r) => r.every((v) => v === "" || v === null));
}


export type TabKey = "settings" | "objectives" | "keyResults" | "checkins" | "history";

/** What setup found, before it writes: the tabs as read, and the tabs it renames back (which to which). */
export interface Inspection {
  state: Record<TabKey, TabState>;
  renames: [TabKey, OtherTab][];
  /** Tracker tabs found only by their name in another case ("KEY RESULTS"): our name, the tab, its name. */
  cased: [string, Sheet, string][];
}

/**
 * Reads the first rows of each tracker tab, refuses when one of our names holds something else, and renames
 * back a renamed tab. `tabs`: the run's list of tabs, made before this (setup's look for a new spreadsheet's
 * own tab shares it).
 */
export function inspect(ss: Spreadsheet, report: SetupReport, emptyTab: string | null = null, tabs: TabList = tabList(ss), repairRead = false): Record<TabKey, TabState> {
  const { state, renames, cased } = readTrackerTabs(ss, emptyTab, undefined, tabs, repairRead);
  renameBack(state, renames, report);
  // A tracker tab getSheetByName does not give by our name (renamed in capitals, where it matches exact names
  // only: docs/apps-script-fidelity.md "to check" 27) gets our name back, so that every operation finds it.
  for (const [name, sheet, named] of cased) {
    noteWrite();
    sheet.setName(name);
    report.restored.push(`Tab "${named}" renamed back to "${name}" (its rows are kept)`);
  }
  return state;
}

/**
 * Setup's reading of the tracker tabs and every refusal that follows from it, writing nothing. `again`:
 * what the messages tell the user to do once the tabs are fixed; setup's own ("run Set up tracker again")
 * unless an operation that runs setup after writing, the import, says its own ("import again"). The list of
 * every tab, needed when one of ours is missing, is read once for the finder and the look for a renamed tab.
 * `repairRead`: Key Results is read for Repair alone, its typed columns only below the header
 * (setupKrRead.ts); the roll over and the import, which use the rows setup returns, read it whole.
 */
export function readTrackerTabs(ss: Spreadsheet, emptyTab: string | null = null, again?: string, tabs: TabList = tabList(ss), repairRead = false): Inspection {
  const cased: [string, Sheet, string][] = [];
  const find = sheetFinder(ss, (name, sheet, named) => cased.push([name, sheet, named]), tabs);
  // Read as their data range (the rows and columns holding something): a whole-column read would move
  // every blank row of the grid too, and every cell moved is paid for on Google.
  const read = (name: string, rows: (sheet: Sheet) => unknown[][] = (sheet) => sheet.getDataRange().getValues()): TabState => {
    const sheet = find(name);
    return { name, sheet, values: sheet ? rows(sheet) : [] };
  };
  // The log and History are only looked at for their header: their first rows, never the whole columns
  // (55,000 check-ins and a History sized for the cycle at the large tier).
  // A head with no header in it is not taken for an empty (or foreign) tab until the rows below it are seen
  // too (one more call, only then): a header pushed below row 30 by inserted rows is the tab's own.
  // A header the Settings computed cells place below row 30 is read down to (the same one read).
  const head = (name: string, width: number, ident: readonly string[], placed = 0, sheet = find(name)): TabState => {
    if (!sheet) return { name, sheet, values: [] };
    const values = withinGrid(sheet, Math.max(HEADER_SEARCH_ROWS, placed), width);
    const found = findHeaderRow(values, ident) >= 0 || (placed > HEADER_SEARCH_ROWS && findHeaderRow(values, ident, placed - 1, placed) >= 0);
    if (found || sheet.getLastRow() <= values.length) return { name, sheet, values };
    return { name, sheet, values: sheet.getDataRange().getValues().map((r) => r.slice(0, width)) };
  };
  const settings = readSettingsTab(find);
  const computed = cellsOfRows(settings.values);
  const placed = (name: "ObjectiveHeaderRow" | "KrHeaderRow" | "HistoryHeaderRow") => computedRow(computed(name));
  const historyRow = placed("HistoryHeaderRow");
  const logSheet = find(TAB.checkins);
  const logHead = logSheet ? logHeadFromSettings(computed) : null;
  const state = {
    settings,
    objectives: placedBelow(read(TAB.objectives), IDENTIFYING.objectives, placed("ObjectiveHeaderRow")),
    keyResults: placedBelow(
      repairRead ? read(TAB.keyResults, (sheet) => keyResultsForRepair(sheet, computedHeader(computed, "keyResults", IDENTIFYING.keyResults))) : read(TAB.keyResults),
      IDENTIFYING.keyResults,
      placed("KrHeaderRow"),
    ),
    checkins: logHead ? { name: TAB.checkins, sheet: logSheet, ...logHead } : head(TAB.checkins, LOG_WIDTH, IDENTIFYING.checkins, 0, logSheet),
    history: placedBelow(head(TAB.history, LOG_WIDTH, IDENTIFYING.history, historyRow), IDENTIFYING.history, historyRow),
  };
  const foreign: string[] = [];
  const tooLow: string[] = [];
  const check = (s: TabState, ident: readonly string[], all: readonly string[]) => {
    if (!s.sheet || isEmpty(s.values) || s.headerRow || findHeaderRow(s.values, ident) >= 0) return;
    // Our tab, its header pushed below the rows where it is looked for: writing one at row 1 would leave
    // two headers and the rows under the old one, so the user is told which rows to delete instead. Our
    // header with a name cleared or retyped (half of our names or more in one row) is ours too: the
    // message names what to type back, where "rename the tab" would lead to a second, empty table.
    const ours = (r: unknown[]) => r.filter((v) => all.some((h) => norm(h) === norm(v))).length * 2 >= all.length;
    if (headerBelowSearch(s.values, ident) || s.values.some(ours)) tooLow.push(noHeaderMessage(s.name, s.values, ident));
    else foreign.push(s.name);
  };
  if (state.settings.sheet && !isEmpty(state.settings.values)) {
    const labels = new Set(state.settings.values.map((r) => norm(r[0])));
    if (!labels.has(norm("Start date")) && !labels.has(norm("Setting"))) foreign.push(TAB.settings);
  }
  check(state.objectives, IDENTIFYING.objectives, ALL_HEADERS.objectives);
  check(state.keyResults, IDENTIFYING.keyResults, ALL_HEADERS.keyResults);
  check(state.checkins, IDENTIFYING.checkins, ALL_HEADERS.checkins);
  check(state.history, IDENTIFYING.history, ALL_HEADERS.history);
  if (tooLow.length) throw new UserError(`${tooLow.join(" ")} Nothing was changed.`);
  if (foreign.length) {
    throw new UserError(
      `These tabs already exist and are not okr-sheets tabs: ${foreign.map((f) => `"${f}"`).join(", ")}. ` +
        `Rename them (their content is kept) and ${again || "run Set up tracker again"}. Nothing was changed.`,
    );
  }
  const renamed = (["objectives", "keyResults"] as const).map((t) => renamedColumns(state[t], t)).join("");
  if (renamed) throw new UserError(`${renamed}Then ${again || "run Repair tracker again"}. Nothing was changed.`);
  return { state, renames: findRenamed(tabs, state, emptyTab, again || "run Repair tracker again"), cased };
}

/** Repair's refusal of a column renamed by hand (read.ts renamedColumnsMessage), with a space after it, or "". */
function renamedColumns(s: TabState, tab: "objectives" | "keyResults"): string {
  const m = renamedColumnsMessage(s.name, s.values[foundHeaderRow(s, IDENTIFYING[tab]) - 1] || [], tab);
  return m ? m + " " : "";
}

/**
 * The tab with its header row noted when none is in the rows searched but the one the Settings computed
 * cell names (below them) is a header (tableFromValues takes it there too). A tracker set up before the
 * Objectives and History cells has them placed by the search alone until this run writes the cells.
 */
function placedBelow(s: TabState, ident: readonly string[], row: number): TabState {
  if (!s.sheet || row <= HEADER_SEARCH_ROWS || findHeaderRow(s.values, ident) >= 0) return s;
  return findHeaderRow(s.values, ident, row - 1, row) === row - 1 ? { ...s, headerRow: row } : s;
}

/**
 * The row of a tracker tab's header as setup found it (placed below the search, or within it), 1 when
 * the tab is missing or empty (setup writes the header there): where the Settings computed cells point.
 */
export function foundHeaderRow(s: TabState, ident: readonly string[]): number {
  return s.headerRow || findHeaderRow(s.values, ident) + 1 || 1;
}

/** Whether a row below the first HEADER_SEARCH_ROWS holds every identifying header. */
function headerBelowSearch(values: unknown[][], ident: readonly string[]): boolean {
  return findHeaderRow(values, ident, HEADER_SEARCH_ROWS, Infinity) >= 0;
}

/**
 * The tab's first `rows` rows and `cols` columns, or as many as it has: asked for whole first, so a tab of
 * the usual size costs one read and not its size's two calls too; a tab cut smaller by hand is refused that
 * range ("outside the dimensions of the sheet") and is read within its size (readHead's way).
 */
function withinGrid(sheet: Sheet, rows: number, cols: number): unknown[][] {
  try {
    return sheet.getRange(1, 1, rows, cols).getValues();
  } catch {
    return sheet.getRange(1, 1, Math.min(rows, sheet.getMaxRows()), Math.min(cols, sheet.getMaxColumns())).getValues();
  }
}

/**
 * The Settings tab where the add-on looks for settings (A1:C40: one read, where the data range takes two),
 * its blank rows at the end left out. A tab holding nothing there, or something in row 40 (it may go on
 * below), is read as its data range, so nothing outside A1:C40 is overlooked.
 */
function readSettingsTab(find: SheetFinder): TabState {
  const sheet = find(TAB.settings);
  if (!sheet) return { name: TAB.settings, sheet, values: [] };
  let values = withinGrid(sheet, SETTINGS_LAST_ROW, 3);
  // Before its blank rows are left out: as read, it is the grid's size within A1:C40.
  const grid = settingsGridOf(values);
  if (isEmpty(values) || !isEmpty(values.slice(-1))) return { name: TAB.settings, sheet, values: sheet.getDataRange().getValues(), grid };
  let n = values.length;
  while (n > 0 && isEmpty([values[n - 1]])) n--;
  values = values.slice(0, n);
  return { name: TAB.settings, sheet, values, grid };
}

/**
 * The log's header as the Settings computed cells give it (core/computedCells.ts computedHeader: its row, and
 * its cells A–P as the sheet holds them), already read with the settings: the log itself is then not read.
 * Null when they do not give a header of ours: the log's first rows are read instead. A row below the rows
 * searched is the header's own (rows inserted above it moved the cells' reference), noted as headerRow so the
 * table is taken there.
 */
function logHeadFromSettings(computed: ComputedCells): { values: unknown[][]; headerRow?: number } | null {
  const head = computedHeader(computed, "checkins", IDENTIFYING.checkins);
  if (!head) return null;
  const values: unknown[][] = [];
  for (let r = 1; r < head.row; r++) values.push(new Array<unknown>(LOG_WIDTH).fill(""));
  values.push(head.cells);
  return head.row > HEADER_SEARCH_ROWS ? { values, headerRow: head.row } : { values };
}

/**
 * Makes sure a table tab exists with every header; returns the table over its current data. A missing tab
 * is inserted at `index` (0-based) when given, else after the active tab (Sheets' own place for it).
 */
/**
 * Headers that must land within the columns the add-on reads of the tab (`width` from A) or not be added at
 * all: Key Results' pace columns, which the formulas would use where the add-on's reads (A–Z) cannot see them.
 */
export interface ReadSpan {
  width: number;
  headers: readonly string[];
  /** The warning when `left` (those of `headers` missing) do not fit: `free` columns of the user's own (`own`, in order) must go first. */
  message: (left: string[], free: number, own: string[]) => string;
}

/**
 * A tracker from before Counts from gets its two pace columns only within A–Z, where every operation reads
 * Key Results (read.ts KR_WIDTH): past Z the sheet would pace a dated KR and the add-on would not see the
 * date (docs/workbook.md#key-results).
 */
export const PACE_SPAN: ReadSpan = {
  width: KR_WIDTH,
  headers: KR_PACE_HEADERS,
  message: (left, free, own) =>
    `${TAB.keyResults}: ${noRoomFor(left)}, so ${left.length > 1 ? "they were" : "it was"} not added: ${makeRoom(free, own)}, then run Repair tracker again. ` +
    `Until then every KR counts from the cycle's start.`,
};

/** The columns that found no room within A–Z, as Repair and the import say it. */
export function noRoomFor(left: string[]): string {
  return `no room within columns A–Z (the add-on reads this tab only to Z) for the column${left.length > 1 ? "s" : ""} ${left.join(" and ")}`;
}

/** What makes that room: `free` of the team's own columns (`own`, the first three named) moved or deleted. */
export function makeRoom(free: number, own: string[]): string {
  return `move ${free} of your own columns${own.length ? ` (${own.slice(0, 3).join(", ")}${own.length > 3 ? ", …" : ""})` : ""} to another tab or delete ${free === 1 ? "it" : "them"}`;
}

/**
 * The headers of `span` that ensureTable leaves out of `t` (appended after its last used column they would
 * land past `span.width`), with how many columns must be freed for them and the user's own columns before
 * them; null when they fit (or none is missing).
 */
export function spanLeftOut(t: Table, headers: readonly string[], span: ReadSpan): { left: string[]; free: number; own: string[] } | null {
  const missing = headers.filter((h) => col(t, h) < 0);
  const last = lastUsed(t);
  if (!missing.some((h, i) => span.headers.indexOf(h) >= 0 && last + i >= span.width)) return null;
  const own = t.headers.slice(0, last).filter((h) => h !== "" && headers.every((x) => norm(x) !== norm(h)));
  return { left: missing.filter((h) => span.headers.indexOf(h) >= 0), free: last + missing.length - span.width, own };
}

/** The columns up to the last header cell in use. */
function lastUsed(t: Table): number {
  let last = t.headers.length;
  while (last > 0 && t.headers[last - 1] === "") last--;
  return last;
}

/**
 * Whether a KR's own day (Key Results `Counts from`) would count once Repair has run on Key Results as setup
 * read it (`s`): null when it would (both pace columns within A–Z, or added there by Repair); "past" when one
 * lies past Z (Repair then writes the formulas without them); else what Repair would leave out, for want of
 * room within A–Z. The import refuses a file's days on this (importTab.ts), before writing anything.
 */
export function paceUnreachable(s: TabState): "past" | { left: string[]; free: number; own: string[] } | null {
  if (!s.sheet || isEmpty(s.values)) return null;
  const t = tableFromValues(s.sheet, s.name, s.values, IDENTIFYING.keyResults, HEADER_SEARCH_ROWS, s.headerRow || 0);
  if (KR_PACE_HEADERS.some((h) => col(t, h) >= PACE_SPAN.width)) return "past";
  return spanLeftOut(t, ALL_HEADERS.keyResults, PACE_SPAN);
}

export function ensureTable(ss: Spreadsheet, s: TabState, headers: readonly string[], ident: readonly string[], report: SetupReport, index?: number, span?: ReadSpan): Table {
  let sheet = s.sheet;
  let values = s.values;
  if (!sheet) {
    noteWrite();
    sheet = index === undefined ? ss.insertSheet(s.name) : ss.insertSheet(s.name, index);
    report.created.push(s.name);
    values = [];
  }
  if (isEmpty(values)) {
    noteWrite();
    sheet.getRange(1, 1, 1, headers.length).setValues([headers.slice()]);
    if (s.sheet) report.restored.push(`${s.name}: header row`);
    return tableFromValues(sheet, s.name, [headers.slice()], ident);
  }
  const t = tableFromValues(sheet, s.name, values, ident, HEADER_SEARCH_ROWS, s.headerRow || 0);
  let missing = headers.filter((h) => col(t, h) < 0);
  // Missing headers are appended after the last used header cell.
  const last = lastUsed(t);
  const out = span ? spanLeftOut(t, headers, span) : null;
  if (span && out) {
    // Placed past what the add-on reads they would be used by the sheet and unseen by the add-on (the sheet
    // and the reports would disagree): left out, all together, until the user makes room.
    report.warnings.push(span.message(out.left, out.free, out.own));
    missing = missing.filter((h) => span.headers.indexOf(h) < 0);
  }
  if (missing.length) {
    noteWrite();
    // Past the grid's last column (a tab of 26 with columns of the user's own after ours) Sheets refuses
    // the range ("outside the dimensions of the sheet"): the grid then grows and the write is made again,
    // so a tracker whose columns fit costs no call more (the read says only that the grid is at least as
    // wide as it, so growing from it as Settings writes do, settingsRoom.ts growSettingsFor, would ask).
    const tab = sheet;
    const write = () => tab.getRange(t.headerRow, last + 1, 1, missing.length).setValues([missing.slice()]);
    try {
      write();
    } catch (e) {
      const max = tab.getMaxColumns();
      if (last + missing.length <= max) throw e;
      tab.insertColumnsAfter(max, last + missing.length - max);
      write();
    }
    report.restored.push(`${s.name}: column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    const headerRow = t.headers.slice(0, last).concat(missing);
    return { ...t, headers: headerRow, width: headerRow.length, added: missing.slice() };
  }
  return t;
}

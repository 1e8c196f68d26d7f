// Setup's view of the tracker tabs: reads each one, refuses when one of our names holds something else,
// renames a tracker tab a user renamed back, and makes sure each table tab has every header.
import { CHECKIN_HEADERS, computedLabel, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../core/tabs";
import { UserError } from "./env";
import { computedRow, IDENTIFYING, KR_WIDTH, LOG_WIDTH, OBJECTIVE_WIDTH, SETTINGS_LAST_ROW } from "./read";
import type { SetupReport } from "./setupTypes";
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
}

export function isEmpty(values: unknown[][]): boolean {
  return values.every((r) => r.every((v) => v === "" || v === null));
}


export type TabKey = "settings" | "objectives" | "keyResults" | "checkins" | "history";

/** A tab that is not ours by name, its first rows read: a candidate for a missing tracker tab a user renamed. */
interface OtherTab {
  sheet: Sheet;
  name: string;
  head: unknown[][];
}

/** What setup found, before it writes: the tabs as read, and the tabs it renames back (which to which). */
export interface Inspection {
  state: Record<TabKey, TabState>;
  renames: [TabKey, OtherTab][];
}

/** Reads the first rows of each tracker tab, refuses when one of our names holds something else, and renames back a renamed tab. */
export function inspect(ss: Spreadsheet, report: SetupReport, emptyTab: string | null = null): Record<TabKey, TabState> {
  const { state, renames } = readTrackerTabs(ss, emptyTab);
  renameBack(state, renames, report);
  return state;
}

/**
 * Setup's reading of the tracker tabs and every refusal that follows from it, writing nothing. `again`:
 * what the messages tell the user to do once the tabs are fixed; setup's own ("run Set up tracker again")
 * unless an operation that runs setup after writing, the import, says its own ("import again").
 */
export function readTrackerTabs(ss: Spreadsheet, emptyTab: string | null = null, again?: string): Inspection {
  // Read as their data range (the rows and columns holding something): a whole-column read would move
  // every blank row of the grid too, and every cell moved is paid for on Google.
  const read = (name: string): TabState => {
    const sheet = ss.getSheetByName(name);
    return { name, sheet, values: sheet ? sheet.getDataRange().getValues() : [] };
  };
  // The log and History are only looked at for their header: their first rows, never the whole columns
  // (55,000 check-ins and a History sized for the cycle at the large tier).
  // A head with no header in it is not taken for an empty (or foreign) tab until the rows below it are seen
  // too (one more call, only then): a header pushed below row 30 by inserted rows is the tab's own.
  const head = (name: string, width: number, ident: readonly string[]): TabState => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) return { name, sheet, values: [] };
    const values = readHead(sheet, width);
    if (findHeaderRow(values, ident) >= 0 || sheet.getLastRow() <= values.length) return { name, sheet, values };
    return { name, sheet, values: sheet.getDataRange().getValues().map((r) => r.slice(0, width)) };
  };
  const settings = readSettingsTab(ss);
  const logSheet = ss.getSheetByName(TAB.checkins);
  const logHead = logSheet ? logHeadFromSettings(settings.values) : null;
  const state = {
    settings,
    objectives: read(TAB.objectives),
    keyResults: placedBelow(read(TAB.keyResults), IDENTIFYING.keyResults, computedRow(computedValue(settings.values, "KrHeaderRow"))),
    checkins: logHead ? { name: TAB.checkins, sheet: logSheet, ...logHead } : head(TAB.checkins, LOG_WIDTH, IDENTIFYING.checkins),
    history: head(TAB.history, LOG_WIDTH, IDENTIFYING.history),
  };
  const foreign: string[] = [];
  const tooLow: string[] = [];
  const check = (s: TabState, ident: readonly string[]) => {
    if (!s.sheet || isEmpty(s.values) || s.headerRow || findHeaderRow(s.values, ident) >= 0) return;
    // Our tab, its header pushed below the rows where it is looked for: writing one at row 1 would leave
    // two headers and the rows under the old one, so the user is told which rows to delete instead.
    if (headerBelowSearch(s.values, ident)) tooLow.push(noHeaderMessage(s.name, s.values, ident));
    else foreign.push(s.name);
  };
  if (state.settings.sheet && !isEmpty(state.settings.values)) {
    const labels = new Set(state.settings.values.map((r) => norm(r[0])));
    if (!labels.has(norm("Start date")) && !labels.has(norm("Setting"))) foreign.push(TAB.settings);
  }
  check(state.objectives, IDENTIFYING.objectives);
  check(state.keyResults, IDENTIFYING.keyResults);
  check(state.checkins, IDENTIFYING.checkins);
  check(state.history, IDENTIFYING.history);
  if (tooLow.length) throw new UserError(`${tooLow.join(" ")} Nothing was changed.`);
  if (foreign.length) {
    throw new UserError(
      `These tabs already exist and are not okr-sheets tabs: ${foreign.map((f) => `"${f}"`).join(", ")}. ` +
        `Rename them (their content is kept) and ${again ?? "run Set up tracker again"}. Nothing was changed.`,
    );
  }
  return { state, renames: findRenamed(ss, state, emptyTab, again ?? "run Repair tracker again") };
}

/**
 * The tab with its header row noted when none is in the rows searched but the one the Settings computed
 * cell names (below them) is a header (tableFromValues takes it there too). Only Key Results and the log
 * have such a cell; Objectives and History are placed by the search alone.
 */
function placedBelow(s: TabState, ident: readonly string[], row: number): TabState {
  if (!s.sheet || row <= HEADER_SEARCH_ROWS || findHeaderRow(s.values, ident) >= 0) return s;
  return findHeaderRow(s.values, ident, row - 1, row) === row - 1 ? { ...s, headerRow: row } : s;
}

/** A Settings computed cell's value as setup read it (the tab's first rows), by its name. */
function computedValue(settings: unknown[][], name: Parameters<typeof computedLabel>[0]): unknown {
  const r = settings.find((row) => norm(row[0]) === norm(computedLabel(name)));
  return r ? r[1] : undefined;
}

/**
 * The row of a tracker tab's header as setup found it (placed below the search, or within it), 1 when
 * the tab is missing or empty (setup writes the header there): where the Settings computed cells point.
 */
export function foundHeaderRow(s: TabState, ident: readonly string[]): number {
  return s.headerRow ?? (findHeaderRow(s.values, ident) + 1 || 1);
}

/** Whether a row below the first HEADER_SEARCH_ROWS holds every identifying header. */
function headerBelowSearch(values: unknown[][], ident: readonly string[]): boolean {
  return findHeaderRow(values, ident, HEADER_SEARCH_ROWS, Infinity) >= 0;
}

/**
 * The Settings tab where the add-on looks for settings (A1:C40: one read, where the data range takes two),
 * its blank rows at the end left out. A tab holding nothing there, or something in row 40 (it may go on
 * below), is read as its data range, so nothing outside A1:C40 is overlooked.
 */
function readSettingsTab(ss: Spreadsheet): TabState {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { name: TAB.settings, sheet, values: [] };
  let values = sheet.getRange(1, 1, Math.min(SETTINGS_LAST_ROW, sheet.getMaxRows()), Math.min(3, sheet.getMaxColumns())).getValues();
  if (isEmpty(values) || !isEmpty(values.slice(-1))) return { name: TAB.settings, sheet, values: sheet.getDataRange().getValues() };
  let n = values.length;
  while (n > 0 && isEmpty([values[n - 1]])) n--;
  values = values.slice(0, n);
  return { name: TAB.settings, sheet, values };
}

/**
 * The log's header as the Settings computed rows give it (its row, and its cells A–P joined by "|"),
 * already read with the settings: the log itself is then not read. Null when they do not describe a
 * header of ours (missing, an error, a header holding "|"): the log's first rows are read instead. A row
 * below the rows searched is the header's own (rows inserted above it moved the cells' reference), noted
 * as headerRow so the table is taken there.
 */
function logHeadFromSettings(settings: unknown[][]): { values: unknown[][]; headerRow?: number } | null {
  const row = computedRow(computedValue(settings, "CheckinHeaderRow"));
  const text = computedValue(settings, "CheckinHeader");
  if (!row || typeof text !== "string") return null;
  const headers = text.split("|");
  if (headers.length !== LOG_WIDTH) return null;
  const values: unknown[][] = [];
  for (let r = 1; r < row; r++) values.push(new Array<unknown>(LOG_WIDTH).fill(""));
  values.push(headers);
  if (findHeaderRow(values, IDENTIFYING.checkins, row - 1, row) !== row - 1) return null;
  return row > HEADER_SEARCH_ROWS ? { values, headerRow: row } : { values };
}

/** The first rows of a tab, as far down as a header is looked for; `width` columns (every one when absent), fewer when the tab has fewer. */
function readHead(sheet: Sheet, width = Infinity): unknown[][] {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getMaxRows());
  const cols = Math.min(width, sheet.getMaxColumns());
  return sheet.getRange(1, 1, rows, cols).getValues();
}

const WIDTHS: Record<TabKey, number> = {
  settings: 3,
  objectives: OBJECTIVE_WIDTH,
  keyResults: KR_WIDTH,
  checkins: LOG_WIDTH,
  history: LOG_WIDTH,
};

/** Every header of the spec, so a user's own tab (an import source, say) is never mistaken for ours. */
const FULL_HEADERS: Record<Exclude<TabKey, "settings">, readonly string[]> = {
  objectives: OBJECTIVE_HEADERS,
  keyResults: KR_HEADERS,
  checkins: CHECKIN_HEADERS,
  history: HISTORY_HEADERS,
};

/** Whether a tab's first rows are one of ours (Settings by its labels, tables by all their headers). */
function looksLike(key: TabKey, values: unknown[][]): boolean {
  if (isEmpty(values)) return false;
  if (key === "settings") {
    const labels = new Set(values.map((r) => norm(r[0])));
    return ["Start date", "Length in weeks", "Check-in cadence"].every((l) => labels.has(norm(l)));
  }
  return findHeaderRow(values, FULL_HEADERS[key]) >= 0;
}

/** A tab and its name, read once. */
export interface NamedTab {
  sheet: Sheet;
  name: string;
}

/**
 * The tabs setup looks through for a missing tracker tab a user renamed: of `tabs` (every tab), those not
 * ours by name, not archives of an earlier cycle (" · " in the name), not report tabs, not `emptyTab`
 * (known empty, by name: Apps Script gives a new Sheet object each call). Ours whatever the case:
 * getSheetByName("History") finds a tab named "HISTORY", which is then History. Each is read only where a
 * header is looked for (its first rows, every column): a user's tab may hold 50,000 rows, and the roll
 * over looks through them twice inside the document lock (refuseLookAlikes, then its setup).
 */
function otherTabs(tabs: readonly NamedTab[], emptyTab: string | null): OtherTab[] {
  const ours = new Set<string>(Object.values(TAB).map((n) => n.toLowerCase()));
  return tabs
    .filter(({ name }) => name !== emptyTab && !ours.has(name.toLowerCase()) && name.indexOf(" · ") < 0)
    .map(({ sheet, name }) => ({ sheet, name, head: readHead(sheet) }));
}

/** Those of `others` whose first rows look like the tracker tab `key`. */
function lookingLike(key: TabKey, others: OtherTab[]): OtherTab[] {
  return others.filter((c) => looksLike(key, c.head));
}

/**
 * For each of `keys`, the tabs of `tabs` (every tab) that setup would take for that tracker tab were it
 * missing: one is renamed back, more are refused (findRenamed). The roll over asks it of the four table
 * tabs, which its archiving renames away before it runs setup. Only the keys with such a tab are listed.
 */
export function lookAlikes(tabs: readonly NamedTab[], keys: readonly TabKey[]): { key: TabKey; tabs: string[] }[] {
  const others = otherTabs(tabs, null);
  return keys.map((key) => ({ key, tabs: lookingLike(key, others).map((c) => c.name) })).filter((x) => x.tabs.length > 0);
}

/**
 * A tracker tab renamed by a user is renamed back, so its rows are kept (the add-on finds its tabs by
 * name; setup would otherwise create an empty tab beside the data). Only otherTabs are considered, and
 * only when exactly one of them looks like the missing tab; otherwise the user is asked to choose (and to
 * `again`). Returns the renames, made by renameBack.
 */
function findRenamed(ss: Spreadsheet, state: Record<TabKey, TabState>, emptyTab: string | null, again: string): [TabKey, OtherTab][] {
  const missing = (Object.keys(state) as TabKey[]).filter((k) => !state[k].sheet);
  if (!missing.length) return [];
  const contents = otherTabs(ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() })), emptyTab);
  const plan: [TabKey, OtherTab][] = [];
  for (const key of missing) {
    const matches = lookingLike(key, contents);
    if (matches.length > 1) {
      throw new UserError(
        `The "${state[key].name}" tab is missing, and ${matches.map((m) => `"${m.name}"`).join(" and ")} all look like it. ` +
          `Rename the right one to "${state[key].name}" and ${again}. Nothing was changed.`,
      );
    }
    if (matches.length === 1) {
      const taken = plan.find(([, c]) => c === matches[0]);
      if (taken) continue; // one tab cannot be two of ours (e.g. an empty-looking copy)
      plan.push([key, matches[0]]);
    }
  }
  return plan;
}

/** Renames back the tabs findRenamed found, taking each as the tracker tab it was. */
function renameBack(state: Record<TabKey, TabState>, plan: [TabKey, OtherTab][], report: SetupReport): void {
  for (const [key, c] of plan) {
    const name = state[key].name;
    c.sheet.setName(name);
    // Read whole now (only its first rows were, to find it): the tab's table is the same columns, narrowed to ours.
    state[key] = { name, sheet: c.sheet, values: c.sheet.getDataRange().getValues().map((r) => r.slice(0, WIDTHS[key])) };
    report.restored.push(`Tab "${c.name}" renamed back to "${name}" (its rows are kept)`);
  }
}

/**
 * Makes sure a table tab exists with every header; returns the table over its current data. A missing tab
 * is inserted at `index` (0-based) when given, else after the active tab (Sheets' own place for it).
 */
export function ensureTable(ss: Spreadsheet, s: TabState, headers: readonly string[], ident: readonly string[], report: SetupReport, index?: number): Table {
  let sheet = s.sheet;
  let values = s.values;
  if (!sheet) {
    sheet = index === undefined ? ss.insertSheet(s.name) : ss.insertSheet(s.name, index);
    report.created.push(s.name);
    values = [];
  }
  if (isEmpty(values)) {
    sheet.getRange(1, 1, 1, headers.length).setValues([headers.slice()]);
    if (s.sheet) report.restored.push(`${s.name}: header row`);
    return tableFromValues(sheet, s.name, [headers.slice()], ident);
  }
  const t = tableFromValues(sheet, s.name, values, ident, HEADER_SEARCH_ROWS, s.headerRow ?? 0);
  const missing = headers.filter((h) => col(t, h) < 0);
  if (missing.length) {
    // Append missing headers after the last used header cell.
    let last = t.headers.length;
    while (last > 0 && t.headers[last - 1] === "") last--;
    sheet.getRange(t.headerRow, last + 1, 1, missing.length).setValues([missing.slice()]);
    report.restored.push(`${s.name}: column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    const headerRow = t.headers.slice(0, last).concat(missing);
    return { ...t, headers: headerRow, width: headerRow.length };
  }
  return t;
}

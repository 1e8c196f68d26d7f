// Opening one team tracker read-only and reading what the roll-up needs in a few bounded reads: Settings
// (A1:C40), Objectives (its data range) and the Key Results rows that hold KRs, columns ID to Last
// check-in, and on to the forecast columns when it has them. Nothing is ever written to a team's tracker.
// Every way a listed tracker can fail to be read becomes a one-line reason in its roll-up row; only a
// missing scope (the minimal build) stops the whole refresh, since no tracker could be read then.
import { closedAsOf, CYCLE_CLOSED_LABEL, retroClosedOn } from "../core/cycleClosed";
import { addDays } from "../core/dates";
import { RETRO_TITLE } from "../core/lifecycleTab";
import type { Tracker } from "../core/model";
import { teamFigures, type PortfolioEntry, type TeamFigures, type TeamResult } from "../core/portfolio";
import type { KrForecastCells } from "../core/portfolioForecast";
import type { KrFormulaCells } from "../core/portfolioScoreCells";
import { KR_FORECAST_HEADERS, KR_HEADERS, KR_PACE_HEADERS, SETTINGS_ROWS, TAB } from "../core/tabs";
import { UserError } from "./env";
import { readBlockerRows, type PeriodCheckin } from "./portfolioBlockers";
import { countedKrRows, countedRows } from "./krRow";
import {
  computedKrHeaderRow,
  computedObjectiveHeaderRow,
  IDENTIFYING,
  KR_WIDTH,
  keyResultsFrom,
  OBJECTIVE_WIDTH,
  objectivesFrom,
  readSettingsValues,
  settingsFromValues,
  type SettingsRead,
} from "./read";
import { col, HEADER_SEARCH_ROWS, norm, num, readColumns, tableFromValues, wholeColumns, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SCOPE_HINT =
  "Refreshing the portfolio opens the team trackers, which needs the permission to open other spreadsheets. " +
  'This deployment was built without it: deploy the opt-in build (npm run deploy:rhythm), see README, "OAuth scopes".';

const READ_PROBLEM = {
  missing: "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).",
  notShared: "Not shared with you: ask the team to share its tracker with you (view access is enough).",
};

/**
 * Not shared with the account the run reads as. The weekly refresh runs as the admin who turned it on, and
 * any admin reads its roll-up: "with you" sent one to whom the tracker is shared looking for a fault, while
 * their own "Refresh portfolio" read it.
 */
function notShared(runAs: string): string {
  if (!runAs) return READ_PROBLEM.notShared;
  return `Not shared with ${runAs} (the weekly refresh runs as this account): ask the team to share its tracker with it (view access is enough), or turn the weekly refresh on as an admin it is shared with.`;
}

/** Apps Script's refusal for a scope the manifest lacks, as opposed to a file the user may not open. */
function isScopeError(msg: string): boolean {
  return /required permissions|permission to call/i.test(msg);
}

function openTracker(ref: string): Spreadsheet {
  // A URL is opened as a URL; anything else is an ID (offline: a file path, see src/local/rollup.ts).
  return /^https?:\/\//i.test(ref) ? SpreadsheetApp.openByUrl(ref) : SpreadsheetApp.openById(ref);
}

function messageOf(e: unknown): string {
  return String(e && typeof e === "object" && "message" in e ? (e as Error).message : e);
}

class NotATracker extends Error {}

const TRACKER_TABS = [TAB.settings, TAB.objectives, TAB.keyResults];

function missingTabs(ts: Spreadsheet): string[] {
  const have = new Set(ts.getSheets().map((s) => s.getName()));
  return TRACKER_TABS.filter((t) => !have.has(t));
}

function notATracker(ts: Spreadsheet, missing = missingTabs(ts)): NotATracker {
  const what = missing.length ? `no ${missing.map((m) => `"${m}"`).join(", ")} tab${missing.length > 1 ? "s" : ""}` : "its tabs could not be read";
  return new NotATracker(`Not an okr-sheets tracker: ${what}.`);
}

/**
 * A tracker tab missing from a spreadsheet whose Settings are a tracker's (read before): renamed or deleted in a
 * team's tracker, not a spreadsheet listed by mistake. Until session 18 it was "Not an okr-sheets tracker: no
 * "Key Results" tab.", which sent the leader to check the link; the team's own add-on says the tab is missing
 * and Repair tracker names a renamed one back (lookAlikeTabs.ts findRenamed). Said as the team's fix.
 */
function tabGone(tab: string): UserError {
  return new UserError(`its "${tab}" tab is missing (renamed or deleted?): name it back "${tab}" in that tracker, or choose "Repair tracker" there, which names a renamed one back.`);
}

/** A tab's columns in one read, Settings read and a tracker's: a missing tab is the tracker's to fix (tabGone). */
function readValues(ts: Spreadsheet, a1: string, tab: string, width: number): unknown[][] {
  try {
    return ts.getRange(a1).getValues();
  } catch {
    const sheet = ts.getSheetByName(tab);
    if (!sheet) throw tabGone(tab);
    return readColumns(ts, sheet, tab, width);
  }
}

const none = null as unknown as GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Settings, or why not. Settings that need fixing are only a tracker's when the spreadsheet is one: a
 * spreadsheet pasted by mistake often has a "Settings" tab of its own, and its team must not be sent to fill
 * in a start date there. Checked only when the Settings fail, so a working tracker pays no call for it.
 */
function settingsOf(ts: Spreadsheet, tz: string): SettingsRead {
  // Read as the team's own operations read it, A1:C40 or as far as a tidied tab goes (rows or Notes deleted).
  const values = readSettingsValues(ts);
  if (!values) throw notATracker(ts);
  try {
    return settingsFromValues(values, tz, () => ts.getSpreadsheetLocale());
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const missing = missingTabs(ts);
    if (missing.length) throw notATracker(ts, missing);
    const labels = new Set(SETTINGS_ROWS.map((r) => norm(r.label)));
    if (values.some((r) => labels.has(norm(r[0])))) throw e;
    throw new NotATracker(`Not an okr-sheets tracker (or its Settings tab was cleared): its "Settings" tab holds none of the tracker's settings (Cycle name, Start date, …).`);
  }
}

/**
 * A tracker's Settings, Objectives and Key Results as the roll-up needs them, in four read calls whose
 * size follows its OKRs, not its grid or its check-in log (a whole-column read moves every row of the grid,
 * and the cells moved are what a read costs on Google; the log is not read at all). The tabs are read in the order of the whole reads it
 * replaces, so the first problem found, and its message, are the same.
 * - Settings: A1:C40, as every action reads it; its computed rows place the Key Results.
 * - Objectives: the tab's data range, cut to columns A:Z as the whole-column read was (two read calls,
 *   since nothing says where its rows end, but a few hundred cells where A:Z of a 1,000-row grid is 26,000).
 * - Key Results: the rows that hold KRs and columns A to Last check-in (to Forecast score when the tab has
 *   the forecast columns), placed by the Settings computed cells (krRollupRows); a tracker set up before those cells, or one they cannot place exactly, is read
 *   as before, whole columns A:Z.
 */
export function readRollupTracker(ts: Spreadsheet, tz: string): Tracker {
  return readRollupTeam(ts, tz).tracker;
}

/**
 * readRollupTracker, with each KR's forecast cells (Forecast, Forecast score) in tracker.keyResults' order,
 * read in the same Key Results read (wider when the tab has them); null when its header has no forecast
 * columns (a tracker set up before them).
 */
export function readRollupTeam(
  ts: Spreadsheet,
  tz: string,
): {
  tracker: Tracker;
  forecastCells: KrForecastCells[] | null;
  closedOn: string | null;
  scoreCells: Map<string, KrFormulaCells> | null;
  objectiveScores: Map<string, unknown> | null;
  settingsRead: SettingsRead;
} {
  const s = settingsOf(ts, tz);
  const objSheet = ts.getSheetByName(TAB.objectives);
  if (!objSheet) throw tabGone(TAB.objectives);
  const objValues = objSheet.getDataRange().getValues().map((r) => (r.length > OBJECTIVE_WIDTH ? r.slice(0, OBJECTIVE_WIDTH) : r));
  // A header pushed below the rows searched by rows inserted above it (Key Results, Objectives) is taken
  // where the computed cells place it, as the team's own add-on takes it (a check-in, the summary, the Review).
  const krT =
    krRollupRows(ts, s) ??
    tableFromValues(none, TAB.keyResults, readValues(ts, wholeColumns(TAB.keyResults, KR_WIDTH), TAB.keyResults, KR_WIDTH), IDENTIFYING.keyResults, HEADER_SEARCH_ROWS, computedKrHeaderRow(s));
  const objT = tableFromValues(none, TAB.objectives, objValues, IDENTIFYING.objectives, HEADER_SEARCH_ROWS, computedObjectiveHeaderRow(s));
  const objectives = objectivesFrom(objT);
  const keyResults = keyResultsFrom(krT, tz);
  // The close mark is in the Settings read already (A1:C40): no call more.
  const closedOn = closedAsOf(s.raw.get(norm(CYCLE_CLOSED_LABEL)), s.settings);
  return {
    tracker: { settings: s.settings, objectives, keyResults },
    forecastCells: forecastCellsOf(krT, keyResults),
    closedOn,
    scoreCells: formulaCellsOf(krT, keyResults),
    objectiveScores: objectiveScoresOf(objT, objectives),
    settingsRead: s,
  };
}

/**
 * Each KR's Score, Expected and Status cells as read, by its ID (what portfolioScoreCells.ts tells a cell typed
 * over by; Expected and Status only where the read has them), or null without the Score column.
 */
function formulaCellsOf(t: Table, krs: Tracker["keyResults"]): Map<string, KrFormulaCells> | null {
  const [score, expected, status] = ["Score", "Expected", "Status"].map((h) => col(t, h));
  if (score < 0) return null;
  return new Map(
    krs.map((kr) => {
      const r = t.rows[kr.row - t.headerRow - 1] || [];
      return [kr.id, { score: r[score], ...(expected >= 0 ? { expected: r[expected] } : {}), ...(status >= 0 && expected >= 0 ? { status: r[status] } : {}) }];
    }),
  );
}

/** Each objective's Score cell as read, by its ID (in the Objectives read made anyway), or null without the column. */
function objectiveScoresOf(t: Table, objectives: Tracker["objectives"]): Map<string, unknown> | null {
  const c = col(t, "Score");
  if (c < 0) return null;
  return new Map(objectives.map((o) => [o.id, (t.rows[o.row - t.headerRow - 1] || [])[c]]));
}

/** Each KR's Forecast and Forecast score cells (numbers, else null: a reason, a blank), or null without those columns. */
function forecastCellsOf(t: Table, krs: Tracker["keyResults"]): KrForecastCells[] | null {
  const [value, score] = KR_FORECAST_READ.map((h) => col(t, h));
  if (value < 0 || score < 0) return null;
  return krs.map((kr) => {
    const r = t.rows[kr.row - t.headerRow - 1] || [];
    return { value: num(r[value]), score: num(r[score]) };
  });
}

/** The Key Results columns the roll-up needs (keyResultsFrom's): ID to Last check-in. */
const KR_READ = KR_HEADERS.slice(0, 12);
/** And the forecast's, read too when the header has them (the read then reaches Forecast score: setup's U:V). */
const KR_FORECAST_READ = KR_FORECAST_HEADERS.slice(0, 2);

/**
 * The KR rows in one read, placed by the Settings computed cells: the header and its row, and the ID
 * column's count, as the sidebar reads them (krRow.ts), but only the columns up to the last one the roll-up
 * uses, wherever the cells place the header (below row 30 too: rows inserted above it moved them). Null
 * (read the table whole) when the cells are missing, a column the roll-up needs is not in it or the IDs are
 * not in column A, the read fails (the tab renamed), or fewer IDs are found below the header than counted
 * (blank rows between KRs, or cells above the header): then only the whole read is exact.
 */
function krRollupRows(ts: Spreadsheet, s: SettingsRead): Table | null {
  const placed = countedKrRows(s);
  if (!placed) return null;
  const { headerRow, headers } = placed;
  const idx = KR_READ.map((h) => col({ headers }, h));
  if (idx[0] !== 0 || idx.some((i) => i < 0)) return null;
  // Columns up to the last one needed, in the one read: the helper columns between Last check-in and the
  // forecast come along (cells cost less than a second read call: README, Performance).
  const forecast = KR_FORECAST_READ.map((h) => col({ headers }, h));
  // And Counts from, the KR's own start of pace (the table's last column as setup lays it out), so the
  // team's expected is the one its sheet shows: a few cells more per row, the same one call.
  // (With Weighted pace offset, wherever it is: keyResultsFrom reads the date only where both are, as the formulas pace.)
  const pace = KR_PACE_HEADERS.map((h) => col({ headers }, h));
  // And Score, Expected and Status, right after Last check-in: their values tell a cell typed over
  // (portfolioScoreCells.ts), three columns more only for a tracker without the forecast columns, whose read ended at Last check-in.
  const formulaCols = ["Score", "Expected", "Status"].map((h) => col({ headers }, h));
  const width = Math.max(...idx, ...formulaCols, ...(forecast.every((i) => i >= 0) ? forecast : []), ...(pace.every((i) => i >= 0) ? pace : [])) + 1;
  let rows: unknown[][] | null;
  try {
    rows = countedRows(ts, placed, width);
  } catch {
    return null;
  }
  if (!rows) return null;
  return { sheet: none, name: TAB.keyResults, headerRow, headers: headers.slice(0, width), rows, width };
}

/**
 * A team whose cycle has not started may have rolled over since the last weekly run, its final week then in no
 * roll-up: its roll over archived the Retrospective ("<cycle> · Retrospective", the finished cycle's first of them in
 * the tab order it leaves), whose title and date line give the cycle and its final overall score. Taken when those
 * scores are of a day in the 7 to `asOf` or the day after (the close on the Monday morning before the run); an older
 * one was a week's before. Costs the tab list, a name per tab up to it after the first five, and a read (8 calls after a
 * roll over of the five tabs, as setup makes them): only for a team not started.
 */
function rolledFrom(ts: Spreadsheet, asOf: string): TeamFigures["rolled"] {
  // The new cycle's five tabs come first (docs/lifecycle.md "Archives"): their names are not asked.
  for (const sh of ts.getSheets().slice(5)) {
    if (!/ · Retrospective( \(\d+\))?$/.test(sh.getName())) continue;
    const v = sh.getRange("A1:A2").getValues();
    const day = retroClosedOn(v);
    const score = / · overall (\d+)[.,](\d+)$/.exec(String(v[1][0]));
    return day && day > addDays(asOf, -7) && day <= addDays(asOf, 1)
      ? { cycle: String(v[0][0]).slice(RETRO_TITLE.length + 3), score: score ? Number(`${score[1]}.${score[2]}`) : null }
      : undefined;
  }
}

/**
 * Reads one listed team tracker as of `asOf`; never throws except for a missing scope. `runAs`: the account a
 * weekly refresh runs as (its installer), named when a tracker is not shared with it; "" for "you".
 */
export function readTeam(entry: PortfolioEntry, asOf: string, runAs = ""): TeamResult {
  if (entry.problem) return { entry, figures: null, problem: entry.problem };
  let ts: Spreadsheet;
  try {
    ts = openTracker(entry.ref);
    if (!ts) return { entry, figures: null, problem: READ_PROBLEM.missing };
  } catch (e) {
    const msg = messageOf(e);
    if (isScopeError(msg)) throw new UserError(SCOPE_HINT);
    return { entry, figures: null, problem: /permission|access|denied/i.test(msg) ? notShared(runAs) : READ_PROBLEM.missing };
  }
  try {
    const tz = ts.getSpreadsheetTimeZone();
    const { tracker, forecastCells, closedOn, scoreCells, objectiveScores, settingsRead } = readRollupTeam(ts, tz);
    // The log's last rows, read only for a team something is due from (teamFigures asks): its blockers this period.
    const blockerRows = (periodStart: string, latest: PeriodCheckin[]) => readBlockerRows(ts, settingsRead, latest, periodStart, tz);
    const figures = teamFigures(tracker, asOf, entry.team, forecastCells, closedOn, { scoreCells, objectiveScores, blockerRows });
    const rolled = figures.starts && rolledFrom(ts, asOf);
    return { entry, figures: rolled ? { ...figures, rolled } : figures, problem: null };
  } catch (e) {
    if (e instanceof NotATracker) return { entry, figures: null, problem: e.message };
    const msg = messageOf(e);
    if (isScopeError(msg)) throw new UserError(SCOPE_HINT);
    // A tracker with damaged Settings or tabs: say what its own add-on would say.
    // Settings' own message starts "Settings need fixing:"; "Its tracker needs fixing: " before it said it twice.
    if (e instanceof UserError) return { entry, figures: null, problem: /^Settings need fixing/.test(msg) ? `Its ${msg}` : `Its tracker needs fixing: ${msg}` };
    return { entry, figures: null, problem: `Could not be read: ${msg.split("\n")[0].slice(0, 200)}` };
  }
}

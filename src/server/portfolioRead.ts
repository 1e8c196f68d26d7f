// Opening one team tracker read-only and reading what the roll-up needs in a few batched reads
// (Settings, Objectives, Key Results: one getValues each). Nothing is ever written to a team's tracker.
// Every way a listed tracker can fail to be read becomes a one-line reason in its roll-up row; only a
// missing scope (the minimal build) stops the whole refresh, since no tracker could be read then.
import { teamFigures, type PortfolioEntry, type TeamResult } from "../core/portfolio";
import { TAB } from "../core/tabs";
import { UserError } from "./env";
import { IDENTIFYING, KR_WIDTH, keyResultsFrom, OBJECTIVE_WIDTH, objectivesFrom, SETTINGS_RANGE, settingsFromValues } from "./read";
import { readColumns, tableFromValues, wholeColumns } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SCOPE_HINT =
  "Refreshing the portfolio opens the team trackers, which needs the permission to open other spreadsheets. " +
  'This deployment was built without it: deploy the opt-in build (npm run deploy:rhythm), see README, "OAuth scopes".';

const READ_PROBLEM = {
  missing: "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).",
  notShared: "Not shared with you: ask the team to share its tracker with you (view access is enough).",
};

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

function notATracker(ts: Spreadsheet): NotATracker {
  const have = new Set(ts.getSheets().map((s) => s.getName()));
  const missing = TRACKER_TABS.filter((t) => !have.has(t));
  const what = missing.length ? `no ${missing.map((m) => `"${m}"`).join(", ")} tab${missing.length > 1 ? "s" : ""}` : "its tabs could not be read";
  return new NotATracker(`Not an okr-sheets tracker: ${what}.`);
}

/** A tab's columns in one read; a missing tab makes the spreadsheet "not a tracker". */
function readValues(ts: Spreadsheet, a1: string, tab: string, width: number): unknown[][] {
  try {
    return ts.getRange(a1).getValues();
  } catch {
    const sheet = ts.getSheetByName(tab);
    if (!sheet) throw notATracker(ts);
    return width ? readColumns(ts, sheet, tab, width) : sheet.getRange(1, 1, Math.min(40, sheet.getMaxRows()), 3).getValues();
  }
}

/** Reads one listed team tracker as of `asOf`; never throws except for a missing scope. */
export function readTeam(entry: PortfolioEntry, asOf: string): TeamResult {
  if (entry.problem) return { entry, figures: null, problem: entry.problem };
  let ts: Spreadsheet;
  try {
    ts = openTracker(entry.ref);
    if (!ts) return { entry, figures: null, problem: READ_PROBLEM.missing };
  } catch (e) {
    const msg = messageOf(e);
    if (isScopeError(msg)) throw new UserError(SCOPE_HINT);
    return { entry, figures: null, problem: /permission|access|denied/i.test(msg) ? READ_PROBLEM.notShared : READ_PROBLEM.missing };
  }
  try {
    const tz = ts.getSpreadsheetTimeZone();
    const settings = settingsFromValues(readValues(ts, SETTINGS_RANGE, TAB.settings, 0), tz).settings;
    const objValues = readValues(ts, wholeColumns(TAB.objectives, OBJECTIVE_WIDTH), TAB.objectives, OBJECTIVE_WIDTH);
    const krValues = readValues(ts, wholeColumns(TAB.keyResults, KR_WIDTH), TAB.keyResults, KR_WIDTH);
    const none = null as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    const objectives = objectivesFrom(tableFromValues(none, TAB.objectives, objValues, IDENTIFYING.objectives));
    const keyResults = keyResultsFrom(tableFromValues(none, TAB.keyResults, krValues, IDENTIFYING.keyResults), tz);
    return { entry, figures: teamFigures({ settings, objectives, keyResults }, asOf, entry.team), problem: null };
  } catch (e) {
    if (e instanceof NotATracker) return { entry, figures: null, problem: e.message };
    const msg = messageOf(e);
    if (isScopeError(msg)) throw new UserError(SCOPE_HINT);
    // A tracker with damaged Settings or tabs: say what its own add-on would say.
    if (e instanceof UserError) return { entry, figures: null, problem: `Its tracker needs fixing: ${msg}` };
    return { entry, figures: null, problem: `Could not be read: ${msg.split("\n")[0].slice(0, 200)}` };
  }
}

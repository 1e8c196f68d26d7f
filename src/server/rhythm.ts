// The weekly rhythm: an opt-in time-driven trigger that regenerates the summary on the Settings
// check-in weekday and, when turned on in Settings, emails the leaders' digest and owners' reminders.
//
// A time-driven trigger has no active spreadsheet, so the trigger remembers which spreadsheet it serves
// in the user's properties (keyed by the trigger's ID) and opens it by ID. That, creating the trigger and
// sending mail need scopes beyond the minimal manifest: see README "OAuth scopes".
import { buildDigest, buildReminders } from "../core/emails";
import { WEEKDAYS } from "../core/tabs";
import { UserError } from "./env";
import { readSettings } from "./read";
import { generateSummary } from "./summaryTab";
import { PORTFOLIO_TAB } from "../core/portfolio";
import { refreshPortfolio, type PortfolioOutcome } from "./portfolio";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REFRESH_HANDLER = "weeklyRefresh";
const HOUR = 7;
const PROP_PREFIX = "okr.weekly.";

// The trigger → spreadsheet record is kept in the user's properties (what a time-driven run can always
// read) and, as a second copy, in the document's properties, which travel with the spreadsheet: a copy of
// the file, or the local tracker saved and reopened, still knows its trigger, so turning the refresh on
// again replaces it (never two) and the handler still finds its spreadsheet.
function docProps(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null; // no document context (some trigger runs)
  }
}

function servedBy(uid: string): string | null {
  const key = PROP_PREFIX + uid;
  const fromUser = PropertiesService.getUserProperties().getProperty(key);
  if (fromUser) return fromUser;
  const doc = docProps();
  return doc ? doc.getProperty(key) : null;
}

function triggersFor(ssId: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REFRESH_HANDLER && servedBy(t.getUniqueId()) === ssId);
}

function permissionHint(e: unknown): never {
  const msg = String((e as Error)?.message || e);
  if (/permission|authori[sz]/i.test(msg)) {
    throw new UserError(
      "The weekly refresh needs extra permissions (creating a trigger, opening this spreadsheet from it, sending mail). " +
        "This deployment was built without them: see README, \"OAuth scopes\".",
    );
  }
  throw e;
}

export function weeklyRefreshStatus(ss: Spreadsheet): { on: boolean; weekday: string } {
  const tz = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, tz);
  try {
    return { on: triggersFor(ss.getId()).length > 0, weekday: settings.weekday };
  } catch (e) {
    return permissionHint(e);
  }
}

/** Turns the weekly refresh on (replacing any earlier trigger for this spreadsheet, so never two). */
export function enableWeeklyRefresh(ss: Spreadsheet): { on: true; weekday: string; hour: number } {
  const tz = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, tz);
  const day = WEEKDAYS.find((d) => d.toLowerCase() === settings.weekday.toLowerCase()) || "Monday";
  try {
    disableWeeklyRefresh(ss);
    const trigger = ScriptApp.newTrigger(REFRESH_HANDLER)
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay[day.toUpperCase() as keyof typeof ScriptApp.WeekDay])
      .atHour(HOUR)
      .create();
    PropertiesService.getUserProperties().setProperty(PROP_PREFIX + trigger.getUniqueId(), ss.getId());
    const doc = docProps();
    if (doc) doc.setProperty(PROP_PREFIX + trigger.getUniqueId(), ss.getId());
    return { on: true, weekday: day, hour: HOUR };
  } catch (e) {
    return permissionHint(e);
  }
}

export function disableWeeklyRefresh(ss: Spreadsheet): { on: false; removed: number } {
  const props = PropertiesService.getUserProperties();
  let removed = 0;
  try {
    const doc = docProps();
    for (const t of triggersFor(ss.getId())) {
      props.deleteProperty(PROP_PREFIX + t.getUniqueId());
      if (doc) doc.deleteProperty(PROP_PREFIX + t.getUniqueId());
      ScriptApp.deleteTrigger(t);
      removed++;
    }
  } catch (e) {
    return permissionHint(e);
  }
  return { on: false, removed };
}

export interface RefreshOutcome {
  spreadsheetId: string;
  week: number;
  digestTo: string[];
  reminded: string[];
  /** A company tracker (one with a Portfolio tab) also refreshes its roll-up; a failure is recorded here, not thrown. */
  portfolio?: PortfolioOutcome | { error: string };
}

/** The trigger's handler: regenerate the summary of the spreadsheet this trigger serves, then email. */
export function runWeeklyRefresh(e: { triggerUid?: string } | undefined): RefreshOutcome | null {
  const id = e && e.triggerUid ? servedBy(e.triggerUid) : null;
  const ss = (id ? SpreadsheetApp.openById(id) : null) || SpreadsheetApp.getActive();
  if (!ss) return null;
  return refreshAndEmail(ss);
}

export function refreshAndEmail(ss: Spreadsheet): RefreshOutcome {
  const model = generateSummary(ss);
  const { settings } = readSettings(ss, ss.getSpreadsheetTimeZone());
  const url = ss.getUrl();
  const out: RefreshOutcome = { spreadsheetId: ss.getId(), week: model.week, digestTo: [], reminded: [] };
  if (ss.getSheetByName(PORTFOLIO_TAB)) {
    try {
      out.portfolio = refreshPortfolio(ss);
    } catch (e) {
      out.portfolio = { error: String((e as Error)?.message || e) }; // the digest still goes out
    }
  }
  if (settings.emailDigest && settings.leaders.length) {
    const d = buildDigest(model, url);
    MailApp.sendEmail({ to: settings.leaders.join(","), subject: d.subject, body: d.body, htmlBody: d.htmlBody, name: "OKR tracker" });
    out.digestTo = settings.leaders.slice();
  }
  if (settings.ownerReminders) {
    for (const r of buildReminders(model.data, url)) {
      MailApp.sendEmail({ to: r.to, subject: r.subject, body: r.body, htmlBody: r.htmlBody, name: "OKR tracker" });
      out.reminded.push(r.to);
    }
  }
  return out;
}

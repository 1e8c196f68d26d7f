// The weekly rhythm: an opt-in time-driven trigger that regenerates the summary on the Settings
// check-in weekday at 07:00 in the spreadsheet's time zone (not the script's: the manifest says Etc/UTC),
// as of the day before (the week just ended: refreshRun.ts refreshDay), and, when turned on in Settings,
// emails the leaders' digest and owners' reminders.
//
// A trigger belongs to the admin who installed it and only they can see or delete it, so the spreadsheet
// records the installation for everyone (weeklyState.ts, kept where the trigger run reads it too:
// refreshRecord.ts): one refresh per tracker, whoever asks.
//
// A time-driven trigger has no active spreadsheet, so the trigger remembers which spreadsheet it serves
// (refreshTriggers.ts) and opens it by ID. That, creating the trigger and sending mail need scopes beyond the
// minimal manifest: see README "OAuth scopes".
import { WEEKDAYS } from "../core/tabs";
import { isoDate, UserError } from "./env";
import { describe, HOUR, rhythmOf, type RefreshStatus } from "./refreshStatus";
import { readSettings } from "./read";
import { recordedRefresh, type RefreshOutcome } from "./refreshRun";
import { tooManyTriggers, unplacedTrigger } from "./triggerLimit";
import {
  deleteTrigger,
  isOnePerDocument,
  knownUnplaced,
  recordTrigger,
  REFRESH_HANDLER,
  recordUnopened,
  refreshTriggers,
  servedRecord,
  triggersFor,
  unplaced,
} from "./refreshTriggers";
import { currentUser, lastRun, type Installed } from "./weeklyState";
import { RefreshRecord } from "./refreshRecord";
import { tellInstaller } from "./refreshNotice";
import { ownTrigger } from "./refreshGone";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


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


/**
 * The recorded installation, adopting a trigger of this user's that predates the record (installed by an
 * earlier version) so that every admin sees it.
 */
function currentInstall(ss: Spreadsheet, record: RefreshRecord): Installed | null {
  const rec = record.installed;
  if (rec) return rec;
  const mine = triggersFor(ss);
  if (!mine.length) return null;
  return { uid: mine[0].getUniqueId(), by: currentUser(), on: "", weekday: "", hour: HOUR, timeZone: "" };
}

export function weeklyRefreshStatus(ss: Spreadsheet): RefreshStatus {
  const tz = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, tz);
  try {
    const record = RefreshRecord.read(ss);
    record.save({}); // an earlier version's record in document properties moves where the trigger reads it (once)
    // Read only: the installer's account tells whether the trigger still exists, which is said, not recorded
    // (refreshGone.ts ownTrigger says why; the run, or turning the refresh on or off, settles the record).
    const own = ownTrigger(ss, record);
    return describe(record, currentInstall(ss, record), tz, rhythmOf(settings), own);
  } catch (e) {
    return permissionHint(e);
  }
}

/**
 * Turns the weekly refresh on: this user's trigger, replacing any earlier one of theirs (never two). Refused,
 * naming them, while another admin's trigger is on: only its owner can change it, and two would run.
 */
export function enableWeeklyRefresh(ss: Spreadsheet): RefreshStatus {
  const tz = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, tz);
  const day = WEEKDAYS.find((d) => d.toLowerCase() === settings.weekday.toLowerCase()) || "Monday";
  const me = currentUser();
  try {
    const record = RefreshRecord.read(ss);
    const rec = record.installed;
    if (rec && !record.off && rec.by !== me) {
      throw new UserError(
        `The weekly refresh is already on, installed by ${rec.by}${rec.on ? ` on ${rec.on}` : ""}. ` +
          `Nothing was changed: ask them to change it, or turn it off first (then on again, to run it as you).`,
      );
    }
    // Deleted before the new one is created, never after: an add-on may hold one time-driven trigger per
    // user per document (docs/apps-script-fidelity.md, ScriptApp).
    removeAll(triggersFor(ss));
    let trigger: GoogleAppsScript.Script.Trigger;
    try {
      trigger = createRefresh(day, tz);
    } catch (e) {
      const msg = String((e as Error)?.message || e);
      if (isOnePerDocument(msg)) trigger = replaceUnplaced(ss, day, tz);
      else if (/too many triggers/i.test(msg)) throw tooManyTriggers(otherTrackers(ss));
      else throw e;
    }
    const uid = trigger.getUniqueId();
    const id = ss.getId();
    recordTrigger(uid, id);
    record.save({ installed: { uid, by: me, on: isoDate(new Date(), tz), weekday: day, hour: HOUR, timeZone: tz, ss: id }, off: null });
    return describe(record, record.installed, tz, rhythmOf(settings, day));
  } catch (e) {
    return permissionHint(e);
  }
}

function createRefresh(day: string, tz: string): GoogleAppsScript.Script.Trigger {
  return ScriptApp.newTrigger(REFRESH_HANDLER)
    .timeBased()
    .onWeekDay(ScriptApp.WeekDay[day.toUpperCase() as keyof typeof ScriptApp.WeekDay])
    .atHour(HOUR)
    .inTimezone(tz)
    .create();
}

/**
 * Google refused the new trigger: this user already has a time-driven one in this document that no record
 * ties to it (both records lost, and getUserTriggers did not list it). When elimination finds it, it is
 * replaced; otherwise the refusal says what to do, having changed nothing.
 */
function replaceUnplaced(ss: Spreadsheet, day: string, tz: string): GoogleAppsScript.Script.Trigger {
  const found = unplaced(ss);
  if (found.length !== 1) throw unplacedTrigger(found.length - 1);
  deleteTrigger(found[0]);
  return createRefresh(day, tz);
}

/** The spreadsheets this user's refresh triggers serve, other than `ss` (for the answer at Google's trigger limit). */
function otherTrackers(ss: Spreadsheet): string[] {
  const ids: string[] = [];
  for (const { ssId } of refreshTriggers()) if (ssId && ssId !== ss.getId() && ids.indexOf(ssId) < 0) ids.push(ssId);
  return ids;
}

/** Deletes these triggers (this user's refresh triggers for the spreadsheet) and their records; returns how many. */
function removeAll(mine: GoogleAppsScript.Script.Trigger[]): number {
  for (const t of mine) deleteTrigger(t);
  return mine.length;
}

/**
 * Turns the refresh off, whoever installed it: this user's triggers are deleted now; another admin's
 * trigger sees the spreadsheet's "off" (refreshRecord.ts) and removes itself when it next runs, or when its
 * installer turns the refresh on or off (a look at the status changes nothing: refreshGone.ts ownTrigger).
 */
export function disableWeeklyRefresh(ss: Spreadsheet): RefreshStatus & { removed: number } {
  const tz = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(ss, tz);
  let removed = 0;
  try {
    const record = RefreshRecord.read(ss);
    const rec = currentInstall(ss, record);
    const triggers = triggersFor(ss);
    const mine = triggers.map((t) => t.getUniqueId());
    removed = removeAll(triggers);
    // The installer's own off: every trigger of theirs here is gone now, the recorded one too if it removed itself.
    // Who switched it off and when is recorded as for another admin's off (until session 21 the installer's own
    // cleared it, and every admin saw a bare "Off."); an earlier admin's off, already recorded, is kept.
    // With none installed, who switched it off earlier is still said (retire keeps it).
    const off = record.off || { by: currentUser(), on: isoDate(new Date(), tz) };
    if (rec && (rec.by === currentUser() || mine.indexOf(rec.uid) >= 0)) record.save({ installed: null, off });
    else if (!rec) record.save({ installed: null });
    else if (!record.off) record.save({ off });
    return { ...describe(record, record.installed, tz, rhythmOf(settings)), removed };
  } catch (e) {
    return permissionHint(e);
  }
}

/**
 * The trigger's handler: regenerate the summary of the spreadsheet this trigger serves, then email. A
 * trigger that is no longer the recorded one, or whose refresh was switched off, does nothing and deletes
 * itself; one that no record places is adopted by its document, or, with none, deletes itself, but only
 * when it knows no record exists (unplacedRun). Every run's
 * outcome is recorded for the admins; a failed one is also emailed to the trigger's owner (Apps Script sends
 * an add-on's user no failure notice: refreshNotice.ts), and an unexpected error is rethrown (the execution
 * log shows it failed).
 */
export function runWeeklyRefresh(e: { triggerUid?: string } | undefined): RefreshOutcome | null {
  const started = Date.now(); // the roll-up's time budget counts from here (portfolio.ts BUDGET_MS)
  const uid = e && e.triggerUid ? e.triggerUid : "";
  const served = uid ? servedRecord(uid) : null;
  const id = served ? served.id : null;
  const ss = (served ? openServed(served, uid) : null) || SpreadsheetApp.getActive();
  if (!ss) {
    if (uid && !id) unplacedRun(uid);
    return null;
  }
  // Opened again after a week it could not be: the next failure to open is told as a first one.
  if (served && served.unopened) recordTrigger(uid, served.id);
  // Read through the spreadsheet opened here, so under either reading of what the run is given (refreshRecord.ts).
  const record = RefreshRecord.read(ss);
  const rec = record.installed;
  if (uid && !id && (!rec || rec.uid === uid)) {
    // Run in its document (an add-on's time-driven trigger may be), which lost its record of it: recorded
    // again (adopted when the installation was lost too), so the tracker shows it and can turn it off.
    recordTrigger(uid, ss.getId());
    if (!rec) record.save({ installed: { uid, by: currentUser(), on: "", weekday: "", hour: HOUR, timeZone: "" }, off: null });
  }
  if (uid && rec && (rec.uid !== uid || record.off)) {
    retire(ss, record, uid, rec.uid === uid);
    return null;
  }
  // Under the document's lock, or none when the run has no document (env.ts withDocumentLock says why).
  // The run reads the team trackers as its installer, whom a tracker not shared with them is said to miss.
  return recordedRefresh(ss, record, rec && rec.by ? rec.by : "", started, true);
}

/**
 * The tracker the trigger serves. One deleted, or no longer shared with the trigger's owner, fails with
 * Google's "Unexpected error while getting the method or property openById": the error names the tracker and
 * the likely cause instead, and is emailed to the owner (no one else could be told). A failure to open may
 * pass, and nothing documented tells it from a deletion, so the first is told and the trigger kept; when the
 * next run cannot open it either, the trigger removes itself and says so (until session 17 the owner was
 * emailed every week until someone turned the refresh off: docs/summary.md).
 */
function openServed(served: { id: string; unopened: string }, uid: string): Spreadsheet {
  const { id, unopened } = served;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    const cannot = `The weekly refresh cannot open its tracker (ID ${id})`;
    // No document to record it in: the email is the only place it is told (refreshNotice.ts).
    if (!unopened) {
      recordUnopened(uid, id, new Date().toISOString().slice(0, 10));
      const reason = `${cannot}: deleted, or no longer shared with you? Nothing was refreshed.`;
      tellInstaller({ id }, reason, `It tries once more next week; if it cannot open the tracker then either, it turns itself off and tells you. If the tracker is still there, ask its owner to share it with you again (this trigger's ID: ${uid}).`);
      throw new Error(reason);
    }
    removeOwn(uid);
    const reason = `${cannot}, nor could it on ${unopened}: deleted, or no longer shared with you? It has turned itself off and sends nothing more about it.`;
    tellInstaller({ id }, reason, `If the tracker is still there, open it (shared with you again) and turn the weekly refresh on: its add-on menu's "Weekly refresh on / off".`, "was turned off");
    throw new Error(reason);
  }
}

/**
 * A run with no spreadsheet and no readable record of which tracker it serves. When the document's
 * properties are readable and hold no record either, the trigger is unplaced (both records lost): it can
 * never refresh anything nor be found from its tracker, yet it holds that tracker's one time-driven
 * trigger per user, so it deletes itself and "turn on" works there again. When they are not readable (Google
 * may give a time-driven run none), its record may survive in its tracker's document while the user's
 * properties were cleared, and the trigger may be a working one shown "On" there: it is kept, and the run
 * does nothing but say so in the execution log.
 */
function unplacedRun(uid: string): void {
  if (knownUnplaced(uid)) removeOwn(uid);
  else console.log(`Weekly refresh: trigger ${uid} has no record this run can read (the user's properties lost it, the document's are unavailable); kept, nothing refreshed.`);
}

/** Deletes the running trigger (the owner's own: it runs as them) and its records. */
function removeOwn(uid: string): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) deleteTrigger(t);
}

/**
 * A superseded or switched-off trigger, running as its owner: deletes itself and, when it was the recorded
 * one, the installation. Who switched it off, and when, is kept: the status goes on saying so (until session
 * 20 it became a bare "Off.", the self-removal's run the only trace).
 */
function retire(ss: Spreadsheet, record: RefreshRecord, uid: string, wasRecorded: boolean): void {
  removeOwn(uid);
  if (!wasRecorded) return;
  const last = lastRun(ss, true, "switched off, so the trigger removed itself");
  record.save({ installed: null, last });
}

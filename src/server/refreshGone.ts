// What each admin can know of an installer's trigger, and the status line that says no more than that.
//
// A trigger is its installer's: ScriptApp.getProjectTriggers and getUserTriggers list only the current user's,
// so only the installer's account can tell whether the recorded trigger still exists. Every other admin has the
// spreadsheet's record (refreshRecord.ts), which a run writes only when it opens the tracker and may write there.
// A run that cannot open it (deleted, trashed, no longer shared) records nothing, and removes the trigger the
// second week (rhythm.ts openServed); a trigger Google has stopped (the add-on removed from the installer's
// account) does not run at all. Until session 18 another admin was told, long after, that the trigger switched
// off "removes itself when it next runs", and "On" for a trigger that no longer existed, the installer too.
import { isoDate } from "./env";
import { addDays, isValidIsoDate } from "../core/dates";
import { deleteTrigger, REFRESH_HANDLER, triggersFor } from "./refreshTriggers";
import { currentUser, type Installed, type SwitchedOff } from "./weeklyState";
import type { RefreshRecord } from "./refreshRecord";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Whether this user's account lists the trigger (every trigger of theirs, and those Google lists in this spreadsheet). */
function listed(ss: Spreadsheet, uid: string): boolean {
  const has = (ts: GoogleAppsScript.Script.Trigger[]) => ts.some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === REFRESH_HANDLER);
  return has(ScriptApp.getProjectTriggers()) || has(ScriptApp.getUserTriggers(ss));
}

/**
 * Seen from the installer's account, the record is made true for every admin: a refresh another admin switched
 * off loses the installer's trigger now (its next run would remove it, if it ever runs), and a
 * recorded trigger their account no longer lists is recorded gone (off, found gone on this day). Other admins
 * change nothing here. Two trigger calls, on the installer's look only.
 */
export function settleOwn(ss: Spreadsheet, record: RefreshRecord, tz: string): void {
  const rec = record.installed;
  if (!rec || !rec.uid || rec.by !== currentUser()) return;
  if (record.off) {
    for (const t of triggersFor(ss)) deleteTrigger(t);
    record.save({ installed: null }); // who switched it off, and when, is still said
  } else if (!listed(ss, rec.uid)) {
    record.save({ installed: null, off: { by: rec.by, on: isoDate(new Date(), tz), gone: true } });
  }
}

/**
 * The status of a refresh that is off: switched off by another admin while the installer's trigger was
 * recorded (it removes itself when it next runs; once that run is overdue, what no one here can know is said
 * so), or found gone from its installer's account.
 */
export function offStatus(rec: Installed | null, off: SwitchedOff | null, tz: string): string {
  if (off && off.gone) {
    return `Off: the trigger ${off.by} installed was found gone from their account on ${off.on} (it removes itself after two weeks it cannot open this tracker). Turn the refresh on to run it again.`;
  }
  if (!off) return "Off.";
  if (!rec) return `Off (switched off by ${off.by} on ${off.on}).`;
  // It runs weekly: 8 days after the off, as rhythm.ts silentSince counts, its run should have removed it.
  const today = isoDate(new Date(), tz);
  if (!isValidIsoDate(off.on) || addDays(off.on, 8) >= today) {
    return `Off (switched off by ${off.by} on ${off.on}; the trigger ${rec.by} installed removes itself when it next runs).`;
  }
  return (
    `Off (switched off by ${off.by} on ${off.on}). The trigger ${rec.by} installed has recorded no run since; only ${rec.by} can see whether ` +
    `it still exists (it records nothing once they cannot open or edit this tracker, nor runs while their add-on is removed). ` +
    `It refreshes nothing either way; ${rec.by} opening "Weekly refresh on / off" removes it.`
  );
}

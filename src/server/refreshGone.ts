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
import { REFRESH_HANDLER } from "./refreshTriggers";
import { currentUser, type Installed, type SwitchedOff } from "./weeklyState";
import type { RefreshRecord } from "./refreshRecord";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Whether this user's account lists the trigger (every trigger of theirs, and those Google lists in this spreadsheet). */
function listed(ss: Spreadsheet, uid: string): boolean {
  const has = (ts: GoogleAppsScript.Script.Trigger[]) => ts.some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === REFRESH_HANDLER);
  return has(ScriptApp.getProjectTriggers()) || has(ScriptApp.getUserTriggers(ss));
}

/**
 * What the installer's account knows of the recorded trigger: "listed" (it still exists), "gone" (not among
 * their triggers), or null for every other admin (and a record with no trigger ID). Two trigger calls, on
 * the installer's look only. Read only: the status is shown inside questions whose "No" changes nothing (the
 * menu's "Weekly refresh on / off" and "Run weekly refresh now"), from no lock, and a trigger not listed may be
 * one Google lists nowhere while it is stopped (the add-on turned off in the document: undocumented). Until
 * session 19 this look deleted the installer's switched-off trigger and recorded a trigger not listed as
 * gone, "off" for every admin, which the trigger, had it existed, obeyed at its next run by removing itself.
 * What settles the record now: the trigger's own run (a switched-off or superseded one removes itself:
 * rhythm.ts retire), or an admin turning the refresh on or off (enableWeeklyRefresh, disableWeeklyRefresh).
 */
export function ownTrigger(ss: Spreadsheet, record: RefreshRecord, me?: string): "listed" | "gone" | null {
  const rec = record.installed;
  if (!rec || !rec.uid || rec.by !== (me === undefined ? currentUser() : me)) return null;
  return listed(ss, rec.uid) ? "listed" : "gone";
}

/** Why a trigger its installer can no longer run stops, and what the installer is told of theirs gone (refreshStatus.ts too). */
export const REMOVES_ITSELF = "it removes itself after two weeks it cannot open this tracker";
export const NOT_IN_ACCOUNT = "the trigger you installed is no longer in your account";

/**
 * The status of a refresh that is off: switched off by another admin while the installer's trigger was
 * recorded (it removes itself when it next runs; once that run is overdue, what no one here can know is said
 * so), or found gone from its installer's account.
 */
export function offStatus(rec: Installed | null, off: SwitchedOff | null, tz: string, own: "listed" | "gone" | null = null): string {
  if (off && off.gone) {
    return `Off: the trigger ${off.by} installed was found gone from their account on ${off.on} (${REMOVES_ITSELF}). Turn the refresh on to run it again.`;
  }
  if (off && off.copy) return `Off in this copy (the refresh ${off.by} turned on runs in the original): turn it on here for the copy.`;
  // No off recorded: never turned on here, or an installer's own off from before session 21, which cleared it.
  if (!off) return "Off.";
  const switchedOff = `Off (switched off by ${off.by} on ${off.on}`;
  if (!rec) return `${switchedOff}).`;
  // The installer's account can tell (ownTrigger): said to them, changing nothing.
  if (own === "listed") return `${switchedOff}; the trigger you installed removes itself when it next runs, or when you turn the refresh on here).`;
  if (own === "gone") return `${switchedOff}; ${NOT_IN_ACCOUNT}).`;
  // It runs weekly: 8 days after the off, as refreshStatus.ts silentSince counts, its run should have removed it.
  const today = isoDate(new Date(), tz);
  if (!isValidIsoDate(off.on) || addDays(off.on, 8) >= today) {
    return `${switchedOff}; the trigger ${rec.by} installed removes itself when it next runs).`;
  }
  return (
    `${switchedOff}). The trigger ${rec.by} installed has recorded no run since; only ${rec.by} can see whether ` +
    `it still exists (it records nothing once they cannot open or edit this tracker, nor runs while their add-on is removed). ` +
    `It refreshes nothing either way, and removes itself if it runs again; turning the refresh on here replaces it.`
  );
}

// What every admin must see the same about the weekly refresh, and the helpers the refresh shares.
//
// ScriptApp.getProjectTriggers() lists only the *current user's* triggers, so a trigger installed by one
// admin is invisible to another. The installation is therefore recorded with the spreadsheet (who, when,
// which trigger), and switching off is a flag the trigger itself checks: any admin can stop the refresh,
// and the owner's trigger removes itself the next time it runs. The record is kept in the spreadsheet's
// developer metadata, where the trigger run can read it whatever Google gives that run (refreshRecord.ts).
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Installed {
  /** The trigger's unique ID (only its owner can see or delete it). */
  uid: string;
  by: string;
  /** Day installed, YYYY-MM-DD in the spreadsheet's time zone. */
  on: string;
  weekday: string;
  hour: number;
  timeZone: string;
  /** The spreadsheet's ID (since session 22): a copy of the file, which carries the record but no trigger, is told apart. */
  ss?: string;
}

export interface SwitchedOff {
  /** Who switched it off; with `gone`, the installer whose account found the trigger gone. */
  by: string;
  on: string;
  /** No one switched it off: the recorded trigger was no longer listed in its installer's account (refreshGone.ts). */
  gone?: boolean;
  /** Not switched off: this spreadsheet is a copy of the one `by` turned the refresh on in (refreshRecord.ts). */
  copy?: boolean;
}

export interface LastRun {
  /** "YYYY-MM-DD HH:mm" in the spreadsheet's time zone. */
  at: string;
  ok: boolean;
  /** Why it failed (ok false) or did nothing (ok true); "" when it ran. */
  reason: string;
  /** What a run that wrote no Weekly Summary did all the same (a company tracker's roll-up), said before its reason. */
  done?: string;
  /** The zone `at` is in (absent in a record of session 10 or before: the spreadsheet's, then and now). */
  timeZone?: string;
  /** Who ran it from the menu ("Run weekly refresh now"); absent for the trigger's run. */
  by?: string;
  /** With `by`: `at` of the trigger's last run before it ("" when none), for refreshStatus.ts silentSince. */
  trigger?: string;
  /**
   * The recorded trigger, found on `on` no longer listed in its installer's account when they ran the refresh
   * now (refreshGone.ts ownTrigger): every admin's status says so. Kept by later runs now; a run of the trigger,
   * or a new installation (another trigger ID), ends it.
   */
  missing?: { uid: string; on: string };
  /** The day its Weekly Summary was as of (since session 17; none when it wrote none): refreshMark.ts. */
  asOf?: string;
  /**
   * Written as a run starts, replaced by its outcome when it ends: left, the run is still going or Google
   * stopped it at 6 minutes, where no catch can record anything (refreshRun.ts recordedRefresh).
   */
  running?: boolean;
}

/** This run's record, its time in the spreadsheet's zone and labelled with that zone, which may change later. */
export function lastRun(ss: Spreadsheet, ok: boolean, reason: string, done = ""): LastRun {
  const timeZone = ss.getSpreadsheetTimeZone();
  return { at: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd HH:mm"), ok, reason, timeZone, ...(done ? { done } : {}) };
}

/**
 * The document's properties; null where a run has none to read: Google's reference says the method "returns
 * null" when document properties are not available, and a time-driven run may have no document (the
 * handler must then not take "no record" for "unplaced": rhythm.ts unplacedRun).
 */
export function docProps(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null; // no document context
  }
}

/** Who is running this: the effective user is the trigger's owner in a trigger run and the caller otherwise. */
export function currentUser(): string {
  let email = "";
  try {
    email = Session.getEffectiveUser().getEmail();
  } catch {
    email = "";
  }
  if (!email) email = Session.getActiveUser().getEmail();
  return String(email || "").trim().toLowerCase();
}

/** "Last weekly refresh: 2026-01-12 07:00 (Europe/Berlin), OK" or "…: failed: <reason>". */
export function lastRunLine(last: LastRun | null, timeZone: string): string {
  if (!last) return "Last weekly refresh: none yet.";
  const outcome = last.running
    ? "started, no end recorded: still running, or stopped by Google at 6 minutes (its emails may not have gone out)"
    : !last.ok
      ? `failed: ${last.reason}`
      : last.reason
        ? `${last.done || "did nothing"}: ${last.reason}`
        : "OK";
  // A failure's reason is an error message, most of which end with a full stop: not "refresh..".
  return `Last weekly refresh: ${last.at} (${last.timeZone || timeZone})${last.by ? `, run now by ${last.by}` : ""}, ${outcome.replace(/\.+$/, "")}.`;
}

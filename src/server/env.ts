// Small server-side helpers. Dates arriving from another realm (the local runtime) fail `instanceof`,
// so dates are recognised by their internal class name.
import { TAB } from "../core/tabs";

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]" && !isNaN((v as Date).getTime());
}

/** A calendar day in the spreadsheet's time zone. */
export function isoDate(d: Date, timeZone: string): string {
  return Utilities.formatDate(d, timeZone, "yyyy-MM-dd");
}

/** A cell value as a "YYYY-MM-DD" string, or "" when it is not a date. */
export function cellIsoDate(v: unknown, timeZone: string): string {
  if (isDate(v)) return isoDate(v, timeZone);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return "";
}

/**
 * A cell value as plain JSON for the sidebar: google.script.run turns a Date into null (and fails on other
 * objects), so a date typed into a number column is sent as its "YYYY-MM-DD".
 */
export function plainCell(v: unknown, timeZone: string): string | number | boolean {
  if (isDate(v)) return isoDate(v, timeZone);
  if (typeof v === "number") return isFinite(v) ? v : "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  return v === null || v === undefined ? "" : String(v);
}

/** A refusal meant for the user: its message is shown as is, and nothing has been written. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export interface Refusal {
  ok: false;
  message: string;
}

/**
 * Runs an action and turns any exception into a one-line message: a UserError says what to fix, anything
 * else is reported without a stack trace (Logger keeps the detail for the developer).
 */
export function guarded<T>(action: () => T): T | Refusal {
  try {
    return action();
  } catch (e) {
    if (e instanceof UserError) return { ok: false, message: e.message };
    const msg = e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e);
    console.error(e);
    if (isProtectedEdit(e)) return { ok: false, message: PROTECTED_EDIT };
    // A read by A1 (a check-in's KR row, the sidebar's, the log's tail, the Objectives' owners) names its tab
    // without looking it up: a tab renamed by hand fails there as Sheets refuses the range, which said nothing.
    if (/^Range not found/.test(msg)) {
      try {
        const ss = SpreadsheetApp.getActive();
        const gone = [TAB.keyResults, TAB.checkins, TAB.objectives].find((t) => !ss.getSheetByName(t));
        if (gone) return { ok: false, message: tabMissing(gone).message };
      } catch {
        // a trigger run has no active spreadsheet
      }
    }
    return { ok: false, message: `Something went wrong: ${firstLine(msg)}` };
  }
}

/** The one-line refusal a missing tracker tab gets; `more` is said before its full stop. */
export const tabMissing = (name: string, more = "") => new UserError(`The "${name}" tab is missing. Use "Set up tracker" or "Repair tracker" in the add-on menu${more}.`);

/**
 * Sheets' refusal of a write under a protection the user may not edit: the add-on runs as its user, so a
 * tab or range a team protected hard ("Restrict who can edit", where the add-on's own protections only warn)
 * refuses the add-on's writes too, to everyone not among its editors (docs/apps-script-fidelity.md).
 */
export function isProtectedEdit(e: unknown): boolean {
  const msg = e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e);
  return /protected cell or object/i.test(msg);
}

const IS_PROTECTED = 'is protected so that you cannot edit it (Data › Protect sheets and ranges): ask whoever protected it to add you to its editors, or to set it to "Show a warning" as the add-on\'s own protections are, then';

/** What an action refused by such a protection says, where the action cannot tell which tab it was. */
export const PROTECTED_EDIT = `Part of the tracker ${IS_PROTECTED} try again.`;

/** The refusal naming the tab, for an action that wrote nothing there (or has undone what it wrote). */
export function protectedTab(tab: string, again: string, nothing = "Nothing was saved."): UserError {
  return new UserError(`The "${tab}" tab ${IS_PROTECTED} ${again}. ${nothing}`);
}

function firstLine(s: string): string {
  return s.split("\n")[0].slice(0, 300);
}

/** A field or option name, or other text a user gave, for a message: quoted, and cut at 40 characters (it may be hostile). */
export function quotedName(k: unknown): string {
  const s = String(k);
  return `"${s.length > 40 ? s.slice(0, 40) + "…" : s}"`;
}

/** Text a user typed, stored as text: the apostrophe keeps "=1+1", "+1", "-x", "@me" and "007" literal. */
export function asText(s: string): string {
  return s === "" ? "" : "'" + s;
}

/**
 * Set while a time-driven trigger's run does its work (asTriggerRun): only such a run may go on without a
 * document lock. Apps Script starts every execution with fresh globals, and so does the offline spreadsheet
 * (loadAddon), so no other execution sees it; the restore in finally keeps it to the work itself.
 */
let triggerRun = false;

/**
 * Runs the weekly refresh's work as a trigger run. Google documents getDocumentLock() as null "outside of
 * the context of a containing document" and does not say whether an add-on's time-driven run has one (docs/
 * apps-script-fidelity.md "To check" 3). Under the reading that it has none, withDocumentLock runs the work
 * without a lock instead of refusing, so the refresh still runs; see withDocumentLock for why no other lock
 * and what that leaves open.
 */
export function asTriggerRun<T>(fn: () => T): T {
  const outer = triggerRun;
  triggerRun = true;
  try {
    return fn();
  } finally {
    triggerRun = outer;
  }
}

/**
 * Runs a read-modify-write under the document lock, released in finally. A timeout changes nothing: it
 * returns `busy()` when given (the sidebar's "busy" reply), else refuses with a message.
 *
 * A trigger run given no document lock (asTriggerRun) runs without a lock. No other lock would keep out
 * what matters: another user's update holds the document lock, which this run cannot take. The user lock
 * (one per user across all documents) would only make one admin's refreshes of several trackers wait for
 * each other and fail as "busy" every week their fixed trigger times meet; an add-on's script lock is one
 * for every user and tracker of the add-on. The race accepted (the refresh runs at 07:00, for the length of
 * one summary): a check-in saved while the summary is being generated is left out of that summary, as one
 * saved a minute later would be, and its KR's Forecast, Forecast score and Weeks to target, which the
 * check-in writes, may be overwritten by the summary's write of every KR's forecast, computed without it,
 * until that KR's next check-in or the next summary. Interactive runs (menu, sidebar) always have their
 * document: without its lock they refuse.
 *
 * `wroteNothing`: given the work's result, whether it wrote nothing (setup and Repair: SetupRun.wrote), so
 * that the lock is released without a flush; without it, or when the work throws, the flush is made.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = 30000, busy?: () => T, wroteNothing?: (result: T) => boolean): T {
  // Documented to be null outside a document (a standalone run, some trigger contexts).
  const lock = LockService.getDocumentLock();
  if (!lock && !triggerRun) {
    throw new UserError("The tracker can only be changed from within its spreadsheet (no document lock here). Nothing was changed.");
  }
  if (lock && !lock.tryLock(waitMs)) {
    if (busy) return busy();
    throw new UserError("The tracker is busy with another update. Nothing was changed: try again.");
  }
  // Known clean only once the work has returned and says it wrote nothing: one that threw may have written.
  let clean = false;
  try {
    const result = fn();
    clean = !!wroteNothing && wroteNothing(result);
    return result;
  } finally {
    // Sheets buffers writes: without a flush the next execution to take the lock can read stale rows. Work
    // that wrote nothing (Repair over a healthy tracker: setupWrites.ts) has nothing to commit, and skips
    // the flush, priced as the dearest call it would make (0.6 s on a busy day: bench/costModel.ts).
    try {
      if (!clean) SpreadsheetApp.flush();
    } finally {
      if (lock) lock.releaseLock();
    }
  }
}

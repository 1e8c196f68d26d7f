// Small server-side helpers. Dates arriving from another realm (the local runtime) fail `instanceof`,
// so dates are recognised by their internal class name.

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
    return { ok: false, message: `Something went wrong: ${firstLine(msg)}` };
  }
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
 * Runs a read-modify-write under the document lock, released in finally. A timeout changes nothing: it
 * returns `busy()` when given (the sidebar's "busy" reply), else refuses with a message.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = 30000, busy?: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) {
    if (busy) return busy();
    throw new UserError("The tracker is busy with another update. Nothing was changed: try again.");
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

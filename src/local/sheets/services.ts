// The non-spreadsheet Apps Script services: LockService, PropertiesService, CacheService, Session,
// Utilities, MailApp (Ui and HtmlService are in ui.ts, ScriptApp in scriptApp.ts, Logger in index.ts).
import { randomUUID, createHash } from "node:crypto";
import { CountersImpl } from "./counters";
import { formatJavaDate } from "./time";
import { signatureError } from "./enums";

export interface LockState {
  /** Held by an update outside this process (a test's stand-in for another user). */
  heldByOther: boolean;
  /** The add-on execution running now (loadAddon numbers each call; a call made during another is another). */
  execution: number;
  /** No document context (a test's switch): getDocumentLock() returns null, as Google documents. */
  noDocument?: boolean;
  /** Per lock kind: the execution holding it, and the Lock object that took it. */
  owners: Map<string, { execution: number; lock: object }>;
}

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/**
 * A lock shared by every execution on the workbook. Executions here run one inside another (a test runs a
 * second submit in the middle of the first), never in parallel, so a lock held by another execution can
 * never be released while this one waits: tryLock returns false at once and waitLock throws, as Apps
 * Script does when the wait times out.
 *
 * Each Lock object knows whether it acquired the lock (ref/lock/lock#hasLock(): false "if tryLock … or
 * waitLock … were never called, timed out before the lock could be retrieved, or if releaseLock() was
 * called"). One releaseLock() releases it: Google documents no counting, so a lock taken twice and
 * released once is free (it stayed held offline, which let nested code think itself still locked). Whether
 * a second Lock object of the same execution may take a lock the first holds is not documented: it is
 * refused here (the reading under which code taking the lock twice in one execution fails a test).
 */
export class LocalLock {
  readonly _kind = "Lock";
  private held = false;
  constructor(
    readonly _counters: CountersImpl,
    private readonly state: LockState,
    private readonly kind: string,
  ) {}
  private mine(): boolean {
    const o = this.state.owners.get(this.kind);
    return this.held && !!o && o.execution === this.state.execution && o.lock === this;
  }
  private free(): boolean {
    // holdByOther stands for another user's update: it holds the shared locks, never this user's own.
    const other = this.state.heldByOther && !this.kind.startsWith("user:");
    return !other && !this.state.owners.has(this.kind);
  }
  private take(): boolean {
    if (this.mine()) return true;
    if (!this.free()) return false;
    this.state.owners.set(this.kind, { execution: this.state.execution, lock: this });
    this.held = true;
    return true;
  }
  /** The wait is an Integer of milliseconds: a wait given as text fits no overload (it was taken). */
  tryLock(ms: number) {
    if (typeof ms !== "number") throw signatureError("LockService.Lock.tryLock", [ms]);
    return this.take();
  }
  waitLock(ms: number) {
    if (typeof ms !== "number") throw signatureError("LockService.Lock.waitLock", [ms]);
    if (!this.take()) throw new Error(LOCK_TIMEOUT);
  }
  /** "This method has no effect if the lock has not been acquired." */
  releaseLock() {
    if (this.mine()) this.state.owners.delete(this.kind);
    this.held = false;
  }
  hasLock() {
    return this.mine();
  }
}

export class LocalLockService {
  readonly _kind = "LockService";
  constructor(
    readonly _counters: CountersImpl,
    private readonly state: LockState,
    private readonly ctx: {
      /** Who runs this execution: a user lock is theirs. */
      user: () => string;
      /** No containing document in this run (a trigger run with no spreadsheet, where the project says so). */
      noDocument?: () => boolean;
    } = { user: () => "" },
  ) {}
  getDocumentLock() {
    if (this.state.noDocument || this.ctx.noDocument?.()) return null;
    return new LocalLock(this._counters, this.state, "document");
  }
  getScriptLock() {
    return new LocalLock(this._counters, this.state, "script");
  }
  /**
   * "Prevents concurrent access to a section of code by the current user": one lock per user, so another
   * user's update (holdByOther, a check-in holding the document lock) never holds it.
   */
  getUserLock() {
    return new LocalLock(this._counters, this.state, `user:${this.ctx.user()}`);
  }
}

// ---------------- PropertiesService ----------------

// Google's limits (https://developers.google.com/apps-script/guides/services/quotas: "Properties value size
// 9 KB / val", "Properties total storage 500 KB / property store"; ref/cache/cache: keys up to 250
// characters, "up to 100KB of data" per key, at most 6 hours). Exceeding one throws on Google, so it throws
// here: code that stores something growing (checkpoints, a roll-up's progress) fails a test before it fails
// a user. Sizes are UTF-8 bytes, the stricter reading of "KB".
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
export const CACHE_KEY_CHARS = 250;
export const CACHE_VALUE_BYTES = 100 * 1024;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;
const CACHE_ITEMS_KEPT = 900;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export class LocalProperties {
  readonly _kind = "Properties";
  constructor(
    readonly _counters: CountersImpl,
    private readonly store: Record<string, string>,
  ) {}
  getProperty(key: string) {
    return Object.prototype.hasOwnProperty.call(this.store, key) ? this.store[key] : null;
  }
  setProperty(key: string, value: unknown) {
    return this.setProperties({ [String(key)]: value });
  }
  getProperties() {
    return { ...this.store };
  }
  /** Checked against Google's limits before anything is stored (see PROPERTY_VALUE_BYTES). */
  setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
    // An object of key-value pairs; a string's characters, an array's items or null were stored offline.
    if (typeof props !== "object" || props === null || Array.isArray(props)) throw signatureError("PropertiesService.Properties.setProperties", [props]);
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this.store };
    for (const [k, v] of Object.entries(props)) {
      // A null or undefined value was stored as the text "null" / "undefined"; what Google does is not
      // documented ("to check" 59): refused, nothing stored. deleteProperty removes a value.
      if (v === null || v === undefined) throw new Error(`Offline spreadsheet: the property "${k}" has no value (${v}); delete it with deleteProperty instead.`);
      const text = String(v);
      if (bytes(text) > PROPERTY_VALUE_BYTES) throw new Error("Argument too large: value");
      next[k] = text;
    }
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_BYTES) throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    for (const k of Object.keys(this.store)) delete this.store[k];
    Object.assign(this.store, next);
    return this;
  }
  deleteProperty(key: string) {
    delete this.store[key];
    return this;
  }
  deleteAllProperties() {
    for (const k of Object.keys(this.store)) delete this.store[k];
    return this;
  }
  getKeys() {
    return Object.keys(this.store);
  }
}

export class LocalPropertiesService {
  readonly _kind = "PropertiesService";
  constructor(
    readonly _counters: CountersImpl,
    private readonly stores: {
      document: Record<string, string>;
      user: () => Record<string, string>;
      script: Record<string, string>;
      /** No document properties in this run ("returns null"): a trigger run without a spreadsheet, where the project says so. */
      noDocument?: () => boolean;
    },
  ) {}
  getDocumentProperties() {
    if (this.stores.noDocument?.()) return null;
    return new LocalProperties(this._counters, this.stores.document);
  }
  getUserProperties() {
    return new LocalProperties(this._counters, this.stores.user());
  }
  getScriptProperties() {
    return new LocalProperties(this._counters, this.stores.script);
  }
}

// ---------------- CacheService ----------------

/**
 * "The minimum is 1 second and the maximum is 21600 seconds (6 hours)" (ref/cache/cache, put's
 * expirationInSeconds). Outside them the offline cache refuses, in its own words: it stored a value for 0 s
 * (readable until the clock moved) and kept one asked for longer than 6 hours. Google's answer is not documented;
 * Justin Poehnelt measured a negative one "ignored/stored" ("to check" 60).
 */
function expiration(seconds: unknown, method: string, args: unknown[]): void {
  if (typeof seconds !== "number") throw signatureError(`CacheService.Cache.${method}`, args);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > CACHE_MAX_SECONDS) {
    throw new Error(`Offline spreadsheet: a cache expiration is a whole number of seconds from 1 to ${CACHE_MAX_SECONDS}, not ${seconds}.`);
  }
}

export class LocalCache {
  readonly _kind = "Cache";
  constructor(
    readonly _counters: CountersImpl,
    private readonly store: Map<string, { v: string; until: number }>,
    private readonly now: () => number,
  ) {}
  /**
   * A key over 250 characters is refused by get and remove too, not only by put: Apps Script users catch
   * "Argument too large: key" from cache.get(longText) (public code found by text search).
   */
  private key(key: string): string {
    const k = String(key);
    if (k.length > CACHE_KEY_CHARS) throw new Error("Argument too large: key");
    return k;
  }
  get(key: string) {
    const e = this.store.get(this.key(key));
    if (!e || e.until < this.now()) return null;
    return e.v;
  }
  put(key: string, value: string, seconds = 600) {
    const k = String(key);
    const v = String(value);
    if (k.length > CACHE_KEY_CHARS) throw new Error("Argument too large: key");
    if (bytes(v) > CACHE_VALUE_BYTES) throw new Error("Argument too large: value");
    expiration(seconds, "put", [key, value, seconds]);
    this.store.delete(k);
    this.store.set(k, { v, until: this.now() + seconds * 1000 });
    this.cap();
  }
  /**
   * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items
   * farthest from expiration" (ref/cache/cache, putAll); of items expiring together, the oldest go first (a
   * measured FIFO: justin.poehnelt.com, "Exploring Apps Script CacheService Limits"). It kept every item.
   */
  private cap() {
    if (this.store.size <= CACHE_MAX_ITEMS) return;
    const now = this.now();
    for (const [k, e] of this.store) if (e.until < now) this.store.delete(k);
    if (this.store.size <= CACHE_MAX_ITEMS) return;
    const order = [...this.store.entries()].map(([k, e], i) => ({ k, until: e.until, i }));
    order.sort((a, b) => a.until - b.until || a.i - b.i);
    for (const { k } of order.slice(0, this.store.size - CACHE_ITEMS_KEPT)) this.store.delete(k);
  }
  getAll(keys: string[]) {
    keys.forEach((k) => this.key(k));
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, seconds = 600) {
    if (typeof values !== "object" || values === null || Array.isArray(values)) throw signatureError("CacheService.Cache.putAll", [values, seconds]);
    expiration(seconds, "putAll", [values, seconds]);
    // One value too large fails the whole call (checked before any is stored).
    for (const [k, v] of Object.entries(values)) {
      if (k.length > CACHE_KEY_CHARS) throw new Error("Argument too large: key");
      if (bytes(String(v)) > CACHE_VALUE_BYTES) throw new Error("Argument too large: value");
    }
    for (const [k, v] of Object.entries(values)) this.put(k, v, seconds);
  }
  remove(key: string) {
    this.store.delete(this.key(key));
  }
}

// ---------------- Session ----------------

export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail() {
    return this.email;
  }
  toString() {
    return this.email;
  }
}

export class LocalSession {
  readonly _kind = "Session";
  constructor(
    readonly _counters: CountersImpl,
    private readonly s: { user: () => string | null; effective: () => string; scriptTz: () => string; locale: () => string },
  ) {}
  getActiveUser() {
    return new LocalUser(this.s.user() ?? "");
  }
  getEffectiveUser() {
    return new LocalUser(this.s.effective());
  }
  getScriptTimeZone() {
    return this.s.scriptTz(); // the manifest's, not the spreadsheet's
  }
  getActiveUserLocale() {
    return this.s.locale().split("_")[0];
  }
  getTemporaryActiveUserKey() {
    const u = this.s.user() ?? "anonymous";
    return createHash("sha256").update(`okr-sheets-local:${u}`).digest("base64").slice(0, 43);
  }
}

// ---------------- Utilities (pure helpers: not counted) ----------------

export function createUtilities(tzDefault: () => string) {
  return {
    formatDate(date: Date, tz: string, pattern: string) {
      if (Object.prototype.toString.call(date) !== "[object Date]") {
        throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
      }
      // An invalid Date (new Date("x")) gave "0NaN-aN-aN" here, so code formatting one showed garbage where a
      // test should fail; what Google does is not documented ("to check" 53): refused, the stricter reading.
      if (isNaN(date.getTime())) throw new Error("Offline Utilities.formatDate: the date is invalid (Google's answer is not documented).");
      return formatJavaDate(date.getTime(), tz || tzDefault(), String(pattern));
    },
    getUuid() {
      return randomUUID();
    },
  };
}

export interface SentMail {
  to: string;
  subject: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
}

/**
 * MailApp's limits ([quotas](https://developers.google.com/apps-script/guides/services/quotas)), the
 * consumer account's (the stricter): "Email recipients per day" 100 (To, Cc and Bcc each count; "Quotas are
 * per user and reset 24 hours after the first request"), and per message at most 50 recipients and a body of
 * 200 KB. Past any of them sendEmail throws and sends nothing. The messages are those Apps Script users
 * quote from live runs; the page gives the figures only.
 */
export const MAIL_RECIPIENTS_PER_DAY = 100;
export const MAIL_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_BODY_BYTES = 200 * 1024;
/**
 * Not on the quotas page: Apps Script users quote "Exception: Argument too large: subject" from subjects of
 * about 300 characters, and cap theirs at 250 ("GAS MailApp throws … above ~250 chars"). Counted here in
 * UTF-8 bytes, the stricter reading (whether Google counts characters is "to check" 44).
 */
export const MAIL_SUBJECT_BYTES = 250;
export const MAIL_ERRORS = {
  subject: "Argument too large: subject",
  perDay: "Service invoked too many times for one day: email.",
  perMessage: "Limit Exceeded: Email Recipients Per Message.",
  bodySize: "Limit Exceeded: Email Body Size.",
  invalid: "Invalid email: ",
};

/**
 * An address as MailApp takes one: local@domain.tld, bare or as "Name <local@domain.tld>". A domain ending
 * in a dot is refused: Google's answer is not known ("to check" 38), and this is the stricter reading.
 */
function isMailAddress(s: string): boolean {
  const m = /^[^<>]*<([^<>]+)>$/.exec(s);
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/.test(m ? m[1].trim() : s);
}

/**
 * A recipients string's entries: "separated by commas" (the reference), a comma inside a quoted display name
 * or inside <> not counted, as RFC 5322 reads a list: `"Lee, Anna" <anna@example.com>` is one entry here, as
 * Settings reads it (core/settings.ts emailEntries). Whether Google reads it so, or splits at every comma
 * ("Invalid email: "Lee"), is not known ("to check" 38): recipientProblem refuses such an entry either way.
 */
export function mailEntries(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let angle = false;
  for (const ch of list) {
    if (ch === '"' && !angle) quoted = !quoted;
    else if (ch === "<" && !quoted) angle = true;
    else if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

/** Whether MailApp would send to the entry under either reading of a comma in a quoted name (mailEntries). */
function isSafeRecipient(entry: string): boolean {
  const name = /^([^<>]*)</.exec(entry);
  return isMailAddress(entry) && !(name && name[1].indexOf(",") >= 0);
}

/** Each user's recipients in the current quota day (it starts with their first send and lasts 24 hours). */
export type MailQuota = Map<string, { since: number; used: number }>;

export class LocalMailApp {
  readonly _kind = "MailApp";
  constructor(
    readonly _counters: CountersImpl,
    private readonly sent: SentMail[],
    private readonly quota: { byUser: MailQuota; user: () => string; now: () => number } = { byUser: new Map(), user: () => "", now: () => Date.now() },
  ) {}
  private day(): { since: number; used: number } {
    const now = this.quota.now();
    const key = this.quota.user();
    let d = this.quota.byUser.get(key);
    if (!d || now - d.since >= 24 * 3600 * 1000) this.quota.byUser.set(key, (d = { since: now, used: 0 }));
    return d;
  }
  /**
   * The reference's four overloads: (message), (recipient, subject, body), (recipient, subject, body, options)
   * and (to, replyTo, subject, body). Anything else fits none, as on Google ("The parameters (String,String)
   * don't match the method signature for MailApp.sendEmail."): a mail without its body was sent offline, and
   * the replyTo overload was read as (recipient, subject, body, options).
   */
  sendEmail(...args: unknown[]) {
    const [a, subject, body, options] = args;
    const text = (n: number) => args.slice(0, n).every((x) => typeof x === "string");
    const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
    let m: SentMail;
    if (args.length === 1 && isObject(a)) {
      m = { to: String(a.to ?? ""), subject: String(a.subject ?? "") };
      for (const k of ["body", "htmlBody", "name", "cc", "bcc", "replyTo"] as const) if (a[k] !== undefined) m[k] = String(a[k]);
    } else if (args.length === 4 && text(4)) {
      m = { to: String(a), replyTo: String(subject), subject: String(body), body: String(options) };
    } else if ((args.length === 3 && text(3)) || (args.length === 4 && text(3) && isObject(options))) {
      m = { to: String(a), subject: String(subject), body: String(body) };
      const o = (options ?? {}) as Record<string, unknown>;
      for (const k of ["htmlBody", "name", "cc", "bcc", "replyTo"] as const) if (o[k] !== undefined) m[k] = String(o[k]);
    } else throw signatureError("MailApp.sendEmail", args);
    if (!m.to) throw new Error("Failed to send email: no recipient");
    const addresses = [m.to, m.cc, m.bcc].flatMap((x) => (x ? mailEntries(x) : []));
    // A recipient that is no address fails the whole send, nothing sent ("Invalid email: Anna", the words
    // Apps Script users quote); it went out offline, so a list typed with a name in it passed the tests.
    for (const a of m.replyTo ? addresses.concat(m.replyTo.trim()) : addresses) if (!isSafeRecipient(a)) throw new Error(`${MAIL_ERRORS.invalid}${a}`);
    const recipients = addresses.length;
    if (bytes(m.subject) > MAIL_SUBJECT_BYTES) throw new Error(MAIL_ERRORS.subject);
    if (recipients > MAIL_RECIPIENTS_PER_MESSAGE) throw new Error(MAIL_ERRORS.perMessage);
    // The page says "Email body size 200 KB" without saying whether a plain body and an HTML body count
    // apart: together, the stricter reading (manual check in docs/apps-script-fidelity.md).
    if (bytes(m.body ?? "") + bytes(m.htmlBody ?? "") > MAIL_BODY_BYTES) throw new Error(MAIL_ERRORS.bodySize);
    const d = this.day();
    if (d.used + recipients > MAIL_RECIPIENTS_PER_DAY) throw new Error(MAIL_ERRORS.perDay);
    d.used += recipients;
    this.sent.push(m);
  }
  /** "The number of remaining emails a user can send for the rest of the day" (recipients). */
  getRemainingDailyQuota() {
    return MAIL_RECIPIENTS_PER_DAY - this.day().used;
  }
}

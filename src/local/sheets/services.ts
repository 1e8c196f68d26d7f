// The non-spreadsheet Apps Script services: Ui, LockService, PropertiesService, Session, ScriptApp,
// Utilities, HtmlService, MailApp, CacheService, Logger.
import { randomUUID, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SnapshotTrigger } from "../snapshot";
import { CountersImpl, pub, unpub } from "./counters";
import { formatJavaDate } from "./time";

// ---------------- Ui ----------------

export const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;
export const ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" } as const;
type ButtonValue = (typeof Button)[keyof typeof Button];

export interface UiMenuRecord {
  name: string;
  items: { caption: string; fn: string }[];
}
export type UiResponse = ButtonValue | string | { button?: ButtonValue; text?: string };
export interface UiRecorder {
  menus: UiMenuRecord[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
  alerts: { kind: "alert" | "prompt"; title?: string; prompt: string; buttons?: string }[];
  toasts: string[];
  /** Queues answers for the next alert/prompt: a Button value, a text (prompt answered with OK), or both. */
  respond(...answers: UiResponse[]): void;
}

export function createUiRecorder(): UiRecorder & { _queue: UiResponse[] } {
  const queue: UiResponse[] = [];
  return {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    toasts: [],
    _queue: queue,
    respond(...answers: UiResponse[]) {
      queue.push(...answers);
    },
  };
}

const BUTTONS = new Set<string>(Object.values(Button));

export class LocalMenu {
  readonly items: { caption: string; fn: string }[] = [];
  constructor(
    private readonly rec: UiRecorder,
    readonly name: string,
  ) {}
  addItem(caption: string, fn: string) {
    this.items.push({ caption: String(caption), fn: String(fn) });
    return this;
  }
  addSeparator() {
    return this;
  }
  addSubMenu(menu: LocalMenu) {
    const m = unpub(menu);
    for (const it of m.items) this.items.push({ caption: `${m.name} / ${it.caption}`, fn: it.fn });
    return this;
  }
  addToUi() {
    const rec = { name: this.name, items: this.items.map((i) => ({ ...i })) };
    const at = this.rec.menus.findIndex((m) => m.name === this.name);
    if (at >= 0) this.rec.menus[at] = rec;
    else this.rec.menus.push(rec);
  }
}

export class HtmlOutput {
  private title = "";
  private width?: number;
  private height?: number;
  constructor(private content: string) {}
  setTitle(t: string) {
    this.title = String(t);
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  getWidth() {
    return this.width;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
  getHeight() {
    return this.height;
  }
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = String(c);
    return this;
  }
  append(c: string) {
    this.content += String(c);
    return this;
  }
  appendUntrusted(c: string) {
    this.content += String(c).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return this;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
}

export class LocalUi {
  readonly _kind = "Ui";
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    readonly _counters: CountersImpl,
    private readonly rec: UiRecorder & { _queue: UiResponse[] },
  ) {}
  createAddonMenu() {
    return new LocalMenu(this.rec, "Add-on");
  }
  createMenu(name: string) {
    return new LocalMenu(this.rec, String(name));
  }
  showSidebar(out: HtmlOutput) {
    const o = unpub(out);
    this.rec.sidebars.push({ title: o.getTitle(), html: o.getContent(), width: o.getWidth() });
  }
  showModalDialog(out: HtmlOutput, title: string) {
    const o = unpub(out);
    this.rec.dialogs.push({ title: String(title), html: o.getContent(), modal: true, width: o.getWidth(), height: o.getHeight() });
  }
  showModelessDialog(out: HtmlOutput, title: string) {
    const o = unpub(out);
    this.rec.dialogs.push({ title: String(title), html: o.getContent(), modal: false, width: o.getWidth(), height: o.getHeight() });
  }
  private parseArgs(args: unknown[]): { title?: string; prompt: string; buttons?: string } {
    if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
    if (args.length === 2) return { prompt: String(args[0]), buttons: String(args[1]) };
    return { prompt: String(args[0] ?? "") };
  }
  alert(...args: unknown[]) {
    const a = this.parseArgs(args);
    this.rec.alerts.push({ kind: "alert", ...a });
    const next = this.rec._queue.shift();
    if (next === undefined) return Button.OK;
    if (typeof next === "string") return BUTTONS.has(next) ? (next as ButtonValue) : Button.OK;
    return next.button ?? Button.OK;
  }
  prompt(...args: unknown[]) {
    const a = this.parseArgs(args);
    this.rec.alerts.push({ kind: "prompt", ...a });
    const next = this.rec._queue.shift();
    let button: ButtonValue = Button.OK;
    let text = "";
    if (typeof next === "string") {
      if (BUTTONS.has(next) && next !== Button.OK) button = next as ButtonValue;
      else if (next !== Button.OK) text = next;
    } else if (next) {
      button = next.button ?? Button.OK;
      text = next.text ?? "";
    }
    return { getResponseText: () => text, getSelectedButton: () => button };
  }
}

// ---------------- LockService ----------------

export interface LockState {
  /** Held by an update outside this process (a test's stand-in for another user). */
  heldByOther: boolean;
  /** The add-on execution running now (loadAddon numbers each call; a call made during another is another). */
  execution: number;
  /** Per lock kind: the execution holding it and how many times it took it. */
  owners: Map<string, { execution: number; depth: number }>;
}

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/**
 * A lock shared by every execution on the workbook. Executions here run one inside another (a test runs a
 * second submit in the middle of the first), never in parallel, so a lock held by another execution can
 * never be released while this one waits: tryLock returns false at once and waitLock throws, as Apps
 * Script does when the wait times out.
 */
export class LocalLock {
  readonly _kind = "Lock";
  constructor(
    readonly _counters: CountersImpl,
    private readonly state: LockState,
    private readonly kind: string,
  ) {}
  private free(): boolean {
    const o = this.state.owners.get(this.kind);
    return !this.state.heldByOther && (!o || o.execution === this.state.execution);
  }
  private take(): void {
    const o = this.state.owners.get(this.kind);
    if (o) o.depth++;
    else this.state.owners.set(this.kind, { execution: this.state.execution, depth: 1 });
  }
  tryLock(_ms: number) {
    if (!this.free()) return false;
    this.take();
    return true;
  }
  waitLock(_ms: number) {
    if (!this.free()) throw new Error(LOCK_TIMEOUT);
    this.take();
  }
  releaseLock() {
    const o = this.state.owners.get(this.kind);
    if (!o || o.execution !== this.state.execution) return;
    if (--o.depth <= 0) this.state.owners.delete(this.kind);
  }
  hasLock() {
    const o = this.state.owners.get(this.kind);
    return !!o && o.execution === this.state.execution;
  }
}

export class LocalLockService {
  readonly _kind = "LockService";
  constructor(
    readonly _counters: CountersImpl,
    private readonly state: LockState,
  ) {}
  getDocumentLock() {
    return new LocalLock(this._counters, this.state, "document");
  }
  getScriptLock() {
    return new LocalLock(this._counters, this.state, "script");
  }
  getUserLock() {
    return new LocalLock(this._counters, this.state, "user");
  }
}

// ---------------- PropertiesService ----------------

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
    this.store[String(key)] = String(value);
    return this;
  }
  getProperties() {
    return { ...this.store };
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
    if (deleteAllOthers) for (const k of Object.keys(this.store)) delete this.store[k];
    for (const [k, v] of Object.entries(props ?? {})) this.store[k] = String(v);
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
    private readonly stores: { document: Record<string, string>; user: () => Record<string, string>; script: Record<string, string> },
  ) {}
  getDocumentProperties() {
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

export class LocalCache {
  readonly _kind = "Cache";
  constructor(
    readonly _counters: CountersImpl,
    private readonly store: Map<string, { v: string; until: number }>,
    private readonly now: () => number,
  ) {}
  get(key: string) {
    const e = this.store.get(key);
    if (!e || e.until < this.now()) return null;
    return e.v;
  }
  put(key: string, value: string, seconds = 600) {
    this.store.set(key, { v: String(value), until: this.now() + seconds * 1000 });
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, seconds = 600) {
    for (const [k, v] of Object.entries(values)) this.put(k, v, seconds);
  }
  remove(key: string) {
    this.store.delete(key);
  }
  removeAll(keys: string[]) {
    for (const k of keys) this.store.delete(k);
  }
}

// ---------------- Session ----------------

export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail() {
    return this.email;
  }
  getUserLoginId() {
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
    private readonly s: { user: () => string | null; effective: () => string; tz: () => string; scriptTz: () => string; locale: () => string },
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
  getTimeZone() {
    return this.s.tz();
  }
  getActiveUserLocale() {
    return this.s.locale().split("_")[0];
  }
  getTemporaryActiveUserKey() {
    const u = this.s.user() ?? "anonymous";
    return createHash("sha256").update(`okr-sheets-local:${u}`).digest("base64").slice(0, 43);
  }
}

// ---------------- ScriptApp ----------------

export const WeekDay = {
  MONDAY: "MONDAY", TUESDAY: "TUESDAY", WEDNESDAY: "WEDNESDAY", THURSDAY: "THURSDAY", FRIDAY: "FRIDAY", SATURDAY: "SATURDAY", SUNDAY: "SUNDAY",
} as const;
export const EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT", ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_CHANGE: "ON_CHANGE", ON_EVENT_UPDATED: "ON_EVENT_UPDATED" } as const;
export const TriggerSource = { SPREADSHEETS: "SPREADSHEETS", CLOCK: "CLOCK", FORMS: "FORMS", DOCUMENTS: "DOCUMENTS", CALENDAR: "CALENDAR" } as const;
export const AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } as const;
export const AuthorizationStatus = { REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" } as const;

export class LocalTrigger {
  readonly _kind = "Trigger";
  constructor(
    readonly _counters: CountersImpl,
    readonly _t: SnapshotTrigger,
  ) {}
  getHandlerFunction() {
    return this._t.handler;
  }
  getUniqueId() {
    return this._t.id;
  }
  getEventType() {
    return EventType.CLOCK;
  }
  getTriggerSource() {
    return TriggerSource.CLOCK;
  }
  getTriggerSourceId() {
    return null;
  }
}

export class ClockTriggerBuilder {
  private t: SnapshotTrigger & { everyWeeks?: number; everyDays?: number; everyHours?: number };
  constructor(
    private readonly create_: (t: SnapshotTrigger) => LocalTrigger,
    handler: string,
  ) {
    this.t = { id: "", handler, type: "CLOCK" };
  }
  onWeekDay(d: string) {
    this.t.weekDay = String(d);
    return this;
  }
  atHour(h: number) {
    this.t.atHour = h;
    return this;
  }
  nearMinute() {
    return this;
  }
  everyWeeks(n: number) {
    this.t.everyWeeks = n;
    return this;
  }
  everyDays(n: number) {
    this.t.everyDays = n;
    return this;
  }
  everyHours(n: number) {
    this.t.everyHours = n;
    return this;
  }
  everyMinutes() {
    return this;
  }
  inTimezone() {
    return this;
  }
  at() {
    return this;
  }
  after() {
    return this;
  }
  create() {
    const rec: SnapshotTrigger = { id: "", handler: this.t.handler, type: "CLOCK" };
    if (this.t.weekDay !== undefined) rec.weekDay = this.t.weekDay;
    if (this.t.atHour !== undefined) rec.atHour = this.t.atHour;
    return pub(this.create_(rec));
  }
}


export class TriggerBuilder {
  constructor(
    private readonly create_: (t: SnapshotTrigger) => LocalTrigger,
    private readonly handler: string,
  ) {}
  timeBased() {
    return new ClockTriggerBuilder(this.create_, this.handler);
  }
  forSpreadsheet() {
    throw new Error("Only time-based triggers are supported by the local spreadsheet.");
  }
}

export class LocalScriptApp {
  readonly _kind = "ScriptApp";
  readonly WeekDay = WeekDay;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(
    readonly _counters: CountersImpl,
    private readonly triggers: SnapshotTrigger[],
  ) {}
  newTrigger(fn: string) {
    return new TriggerBuilder((t) => {
      t.id = randomUUID().replace(/-/g, "").slice(0, 20);
      this.triggers.push(t);
      return new LocalTrigger(this._counters, t);
    }, String(fn));
  }
  getProjectTriggers() {
    return this.triggers.map((t) => new LocalTrigger(this._counters, t));
  }
  getUserTriggers() {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: LocalTrigger) {
    const id = unpub(trigger)._t.id;
    const at = this.triggers.findIndex((t) => t.id === id);
    if (at >= 0) this.triggers.splice(at, 1);
  }
  getScriptId() {
    return "local-script";
  }
  getAuthorizationInfo() {
    return { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null };
  }
  getOAuthToken() {
    return "local-token";
  }
}

// ---------------- Utilities (pure helpers: not counted) ----------------

export function createUtilities(tzDefault: () => string) {
  return {
    Charset: { UTF_8: "UTF_8", US_ASCII: "US_ASCII" },
    DigestAlgorithm: { MD5: "md5", SHA_1: "sha1", SHA_256: "sha256", SHA_512: "sha512" },
    formatDate(date: Date, tz: string, pattern: string) {
      if (Object.prototype.toString.call(date) !== "[object Date]") {
        throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
      }
      return formatJavaDate(date.getTime(), tz || tzDefault(), String(pattern));
    },
    formatString(template: string, ...args: unknown[]) {
      let i = 0;
      return String(template).replace(/%(\d*\.?\d*)([sdfi%])/g, (_m, width: string, t: string) => {
        if (t === "%") return "%";
        const v = args[i++];
        if (t === "s") return String(v);
        if (t === "d" || t === "i") return String(Math.trunc(Number(v)));
        const prec = width.includes(".") ? Number(width.split(".")[1]) : 6;
        return Number(v).toFixed(prec);
      });
    },
    getUuid() {
      return randomUUID();
    },
    sleep(_ms: number) {
      /* no waiting in the local spreadsheet */
    },
    base64Encode(s: string | number[]) {
      return Buffer.from(typeof s === "string" ? s : Uint8Array.from(s)).toString("base64");
    },
    base64Decode(s: string) {
      return Array.from(Buffer.from(s, "base64")).map((b) => (b > 127 ? b - 256 : b));
    },
    computeDigest(alg: string, value: string) {
      return Array.from(createHash(alg).update(value).digest()).map((b) => (b > 127 ? b - 256 : b));
    },
  };
}

// ---------------- HtmlService (not counted) ----------------

export function createHtmlService(htmlDir: () => string) {
  return {
    SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
    createHtmlOutput(html?: string) {
      return new HtmlOutput(html === undefined ? "" : String(html));
    },
    createHtmlOutputFromFile(name: string) {
      const file = /\.html?$/i.test(name) ? name : `${name}.html`;
      let content: string;
      try {
        content = readFileSync(join(htmlDir(), file), "utf8");
      } catch {
        throw new Error(`No HTML file named ${name} was found.`);
      }
      return new HtmlOutput(content);
    },
  };
}

// ---------------- MailApp ----------------

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

export class LocalMailApp {
  readonly _kind = "MailApp";
  constructor(
    readonly _counters: CountersImpl,
    private readonly sent: SentMail[],
  ) {}
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: Record<string, unknown>) {
    let m: SentMail;
    if (typeof a === "object" && a !== null) {
      const o = a as Record<string, unknown>;
      m = { to: String(o.to ?? ""), subject: String(o.subject ?? "") };
      for (const k of ["body", "htmlBody", "name", "cc", "bcc", "replyTo"] as const) if (o[k] !== undefined) m[k] = String(o[k]);
    } else {
      m = { to: String(a), subject: String(subject ?? ""), body: String(body ?? "") };
      for (const k of ["htmlBody", "name", "cc", "bcc", "replyTo"] as const) if (options?.[k] !== undefined) m[k] = String(options[k]);
    }
    if (!m.to) throw new Error("Failed to send email: no recipient");
    this.sent.push(m);
  }
  getRemainingDailyQuota() {
    return 100;
  }
}

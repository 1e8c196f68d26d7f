// The offline spreadsheet: an in-memory implementation of the Apps Script services the add-on uses,
// with formulas evaluated by HyperFormula; addon.ts runs the built add-on (dist/Code.js) with these services
// as its globals, with fresh script globals for every execution.
//
// Documented choices where the real platform leaves room:
// - Writing a JS Date stores a serial number; a cell without a date format gets "yyyy-mm-dd" when the
//   date falls on midnight in the spreadsheet time zone, else "yyyy-mm-dd hh:mm:ss".
// - A cell formatted "@" (plain text) keeps any written string as text, "=..." included (as typing does).
// - "50%" becomes 0.5 with format "0%"; "2026-01-05" becomes a date formatted "yyyy-mm-dd"; TRUE/FALSE
//   (any case) become booleans; numbers follow the spreadsheet locale's decimal and grouping separators
//   ("1.5" in de_DE is 1 May, "21.23" there 2123: never the text, format.ts parseTyped).
// - Formula results HyperFormula types as dates (TODAY(), DATE(), ...) read as Date when the cell has no
//   number format of its own.
// - The TODAY()/NOW() clock is process-wide in HyperFormula: the services created (or clock.set) last win.
import { LocalTextStyleBuilder } from "./textStyle";
import { setEngineClock } from "../engine";
import { newScriptProject, type ScriptProject, type SnapshotTrigger, type WorkbookSnapshot } from "../snapshot";
import { CountersImpl, pub, unpub, type Counters } from "./counters";
import { BooleanCriteria, ConditionalFormatRuleBuilder, DataValidationBuilder, DataValidationCriteria, evaluateConditionalFormatModel, type CfFormat } from "./rules";
import {
  createUtilities,
  LocalCache,
  LocalLockService,
  LocalMailApp,
  LocalPropertiesService,
  LocalSession,
  type LockState,
  type SentMail,
} from "./services";
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from "./developerMetadata";
import { WriteBuffer } from "./buffering";
import { createHtmlService, createUiRecorder, LocalUi, type UiRecorder } from "./ui";
import type { Book } from "./book";
import { bookFromSnapshot, bookToSnapshot } from "./book-snapshot";
import { FACES } from "./faces";
import { ProtectionType, type Ctx } from "./model";
import { CopyPasteType } from "./range";
import type { LocalSheet } from "./sheet";
import type { LocalSpreadsheet } from "./spreadsheet";
import { LocalScriptApp, nextClockRun, SCRIPT_TIME_ZONE } from "./scriptApp";
import { withScopes } from "./scopes";
import { tzOffsetMinutes } from "./time";
import { OPEN_ERRORS, OtherBooks, type WorkbookRegistry } from "./workbooks";

export type { Counters, CounterSnapshot } from "./counters";
export type { UiRecorder, UiResponse } from "./ui";
export type { SentMail } from "./services";
export { LocalSpreadsheet } from "./spreadsheet";
export { LocalSheet } from "./sheet";
export { LocalRange } from "./range";
/** The ProtectionType enum (objects, as on Google) for tests calling getProtections outside the add-on. */
export { ProtectionType } from "./model";
export type { CfFormat } from "./rules";
export type { OtherWorkbook, WorkbookRegistry } from "./workbooks";
export { loadAddon, type AddonContext } from "./addon";

export interface LocalOptions {
  /** The clock ("today"); default real time. Changeable later via services.clock.set(). */
  now?: Date;
  /** Active user email; null = the platform gives no email (Session returns ""). */
  user?: string | null;
  effectiveUser?: string;
  /** Where HtmlService.createHtmlOutputFromFile reads NAME.html from. Default "dist". */
  htmlDir?: string;
  /** Other spreadsheets openById/openByUrl can open (see workbooks.ts); none when absent. */
  workbooks?: WorkbookRegistry;
  /** The manifest's OAuth scopes, when openById/openByUrl, ScriptApp's triggers and MailApp should enforce them (scopes.ts; the minimal build has none of theirs). */
  scopes?: string[];
  /**
   * The script project this workbook runs in, shared with other workbooks (their triggers count toward the
   * same 20 per user, and user properties are the same store); a project of its own when absent.
   */
  project?: ScriptProject;
  /**
   * getSheetByName matches a tab's name exactly (case included), the other reading of an undocumented
   * point ("to check" 27); by default it finds a tab whatever its case. Tab names stay unique whatever
   * their case either way (insertSheet("weekly summary") beside "Weekly Summary" is refused).
   */
  exactSheetNames?: boolean;
}

export interface LocalServices {
  globals: Record<string, unknown>;
  spreadsheet: LocalSpreadsheet;
  counters: Counters;
  /**
   * The clock: real time until set. `advance` moves a set clock on (work taking time, which the offline
   * spreadsheet's calls do not: a test prices them), TODAY() recalculated only when the day changes. Once
   * set, an execution whose clock has passed Apps Script's 6 minutes fails at its next call (EXECUTION_LIMIT_MS).
   */
  clock: { now(): Date; set(d: Date): void; advance(ms: number): void };
  session: { setUser(email: string | null): void; user(): string | null };
  lock: { holdByOther(): void; releaseByOther(): void; noDocument(v: boolean): void };
  /** Runs one add-on execution: locks it takes are its own, and released when it ends (as in Apps Script). */
  execution<T>(run: () => T): T;
  ui: UiRecorder;
  mail: { sent: SentMail[] };
  /** Installed ScriptApp triggers of every user (live; persisted in the snapshot). */
  triggers: SnapshotTrigger[];
  /** When a clock trigger next runs after `after` (its weekday and hour in its own time zone). */
  nextRun(t: SnapshotTrigger, after: Date): Date;
  /** Logger.log / console output. */
  logs: string[];
  /**
   * When true, getActive()/getActiveSpreadsheet() return null and getUi() throws, as in a time-driven trigger;
   * getDocumentProperties(), LockService.getDocumentLock() and CacheService.getDocumentCache() too return
   * null when the project sets `triggerRunsWithoutDocument`.
   */
  runningTrigger: boolean;
  /**
   * The workbook as a snapshot. `forSaving`: to be written out and dropped, so a large tab unchanged since
   * it was loaded may be given as the loaded rows themselves (not copied); the caller must not change them.
   */
  toSnapshot(opts?: { forSaving?: boolean }): WorkbookSnapshot;
}

/**
 * Apps Script stops an execution after 6 minutes ("Script runtime: 6 min / execution", quotas page) with
 * "Exceeded maximum execution time". Offline only a set clock counts (a test moving it on): this machine's
 * own speed says nothing of Google's. Every call after the limit throws, so a catch in the add-on cannot go
 * on writing as Google's ended execution could not.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

type ClockDateCtor = DateConstructor & (new (ms: number) => Date);

function makeClockDate(now: () => number): ClockDateCtor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return now();
    }
  }
  Object.defineProperty(ClockDate, "name", { value: "Date" });
  return ClockDate as unknown as ClockDateCtor;
}

const CRITERIA_ENUMS = {
  ProtectionType,
  BooleanCriteria,
  DataValidationCriteria,
  WrapStrategy: { WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" },
  BorderStyle: { DOTTED: "DOTTED", DASHED: "DASHED", SOLID: "SOLID", SOLID_MEDIUM: "SOLID_MEDIUM", SOLID_THICK: "SOLID_THICK", DOUBLE: "DOUBLE" },
  Dimension: { COLUMNS: "COLUMNS", ROWS: "ROWS" },
  CopyPasteType,
  SheetType: { GRID: "GRID", OBJECT: "OBJECT" },
  DeveloperMetadataVisibility,
  DeveloperMetadataLocationType,
};

class LocalSpreadsheetApp {
  readonly _kind = "SpreadsheetApp";
  readonly _uncounted = ["newConditionalFormatRule", "newDataValidation", "newTextStyle"];
  readonly ProtectionType = CRITERIA_ENUMS.ProtectionType;
  readonly BooleanCriteria = CRITERIA_ENUMS.BooleanCriteria;
  readonly DataValidationCriteria = CRITERIA_ENUMS.DataValidationCriteria;
  readonly WrapStrategy = CRITERIA_ENUMS.WrapStrategy;
  readonly BorderStyle = CRITERIA_ENUMS.BorderStyle;
  readonly Dimension = CRITERIA_ENUMS.Dimension;
  readonly CopyPasteType = CRITERIA_ENUMS.CopyPasteType;
  readonly SheetType = CRITERIA_ENUMS.SheetType;
  readonly DeveloperMetadataVisibility = CRITERIA_ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = CRITERIA_ENUMS.DeveloperMetadataLocationType;
  constructor(
    readonly _counters: CountersImpl,
    private readonly book: Book,
    private readonly ui: LocalUi,
    private readonly isTrigger: () => boolean,
    private readonly others: OtherBooks,
  ) {}
  getActive() {
    return this.isTrigger() ? null : this.book.api;
  }
  getActiveSpreadsheet() {
    return this.isTrigger() ? null : this.book.api;
  }
  getActiveSheet() {
    return this.isTrigger() ? null : this.book.sheetApi(this.book.active);
  }
  setActiveSheet(sheet: LocalSheet) {
    return this.book.api.setActiveSheet(sheet);
  }
  openById(id: string) {
    this.others.checkScope("openById");
    if (String(id) === this.book.id) return this.book.api;
    return this.others.book(String(id), "openById").api;
  }
  openByUrl(url: string) {
    this.others.checkScope("openByUrl");
    const id = OtherBooks.idFromUrl(String(url));
    if (id === null) throw new Error(OPEN_ERRORS.badUrl);
    if (id === this.book.id) return this.book.api;
    return this.others.book(id, "openByUrl").api;
  }
  getUi() {
    if (this.isTrigger()) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
    return this.ui;
  }
  flush() {}
  newConditionalFormatRule() {
    return new ConditionalFormatRuleBuilder();
  }
  newDataValidation() {
    return new DataValidationBuilder();
  }
  newTextStyle() {
    return new LocalTextStyleBuilder();
  }
}

export function createServices(snapshotIn: WorkbookSnapshot, opts: LocalOptions = {}): LocalServices {
  // Not copied: bookFromSnapshot copies what it keeps but a deferred tab's rows (deferred.ts), which it keeps
  // as they are and never changes (pending.ts: they are saved as they are while the tab is unchanged), and a
  // deep copy of a large tracker (1.1 million cells) cost ~1 s and a second snapshot's worth of memory.
  const snapshot: WorkbookSnapshot = snapshotIn;
  const counters = new CountersImpl();
  let fixedMs: number | null = opts.now ? opts.now.getTime() : null;
  const nowMs = () => fixedMs ?? Date.now();
  const ClockDate = makeClockDate(nowMs);
  const uiRec = createUiRecorder();
  let runningTrigger = false;
  let user: string | null = opts.user === undefined ? "user@example.com" : opts.user;
  // The effective user is whoever runs the script (an add-on's caller, a trigger's owner), unless fixed.
  const effectiveUser = () => opts.effectiveUser ?? user ?? "user@example.com";
  const htmlDir = opts.htmlDir ?? "dist";

  const ctx: Ctx = {
    counters,
    now: nowMs,
    DateClass: ClockDate,
    toast: (m) => void uiRec.toasts.push(m),
    isTrigger: () => runningTrigger,
    user: () => effectiveUser(),
    exactSheetNames: opts.exactSheetNames === true,
  };
  const book = bookFromSnapshot(snapshot, ctx, FACES);
  const engineClock = { now: nowMs, offsetMinutes: (ms: number) => tzOffsetMinutes(ms, book.timeZone) };

  let executions = 0;
  const lockState: LockState = { heldByOther: false, execution: 0, owners: new Map() };
  const buffer = new WriteBuffer(
    () => lockState.execution,
    (e) => lockState.owners.get("document")?.execution === e,
  );
  // Each execution's clock at its start (nested ones, a check-in during a trigger run, have their own).
  const startedAt = new Map<number, number>();
  counters.observer = (name) => {
    const start = startedAt.get(lockState.execution);
    if (fixedMs !== null && start !== undefined && fixedMs - start > EXECUTION_LIMIT_MS) throw new Error("Exceeded maximum execution time");
    buffer.onCall(name);
  };
  const dayOf = (ms: number) => Math.floor((ms + tzOffsetMinutes(ms, book.timeZone) * 60_000) / 86_400_000);
  const docProps: Record<string, string> = { ...(snapshot.documentProperties ?? {}) };
  const project = opts.project ?? newScriptProject();
  const userProps = project.userProperties;
  const scriptProps: Record<string, string> = {};
  const triggers: SnapshotTrigger[] = (snapshot.triggers ?? []).map((t) => ({ ...t }));
  project.triggers.set(snapshot.id, triggers);
  const sent: SentMail[] = [];
  const logs: string[] = [];
  const caches = { document: new Map() } as const;

  const ui = new LocalUi(counters, uiRec);
  const app = new LocalSpreadsheetApp(counters, book, ui, () => runningTrigger, new OtherBooks(ctx, opts.workbooks, opts.scopes, () => lockState.execution));
  // A trigger run with no containing document, where the project reads Google so: neither the document's
  // properties, nor its lock, nor its cache (each documented null without a containing document).
  const noDocument = () => runningTrigger && project.triggerRunsWithoutDocument === true;
  const props = new LocalPropertiesService(counters, {
    document: docProps,
    script: scriptProps,
    noDocument,
    user: () => {
      const key = user ?? "";
      let s = userProps.get(key);
      if (!s) userProps.set(key, (s = {}));
      return s;
    },
  });
  const session = new LocalSession(counters, {
    user: () => user,
    effective: effectiveUser,
    scriptTz: () => SCRIPT_TIME_ZONE,
    locale: () => book.locale,
  });
  const logLine = (args: unknown[]) =>
    args.map((a) => (typeof a === "string" ? a : (() => { try { return JSON.stringify(a); } catch { return String(a); } })())).join(" ");
  const Logger = {
    log(...args: unknown[]) {
      if (typeof args[0] === "string" && args.length > 1 && /%s/.test(args[0])) {
        let i = 1;
        logs.push(args[0].replace(/%s/g, () => String(args[i++])));
      } else logs.push(logLine(args));
      return Logger;
    },
  };
  const quietConsole = {
    log: (...a: unknown[]) => void logs.push(logLine(a)),
    info: (...a: unknown[]) => void logs.push(logLine(a)),
    warn: (...a: unknown[]) => void logs.push(logLine(a)),
    error: (...a: unknown[]) => void logs.push(logLine(a)),
    debug: (...a: unknown[]) => void logs.push(logLine(a)),
    time: () => {},
    timeEnd: () => {},
  };
  const cacheService = {
    _kind: "CacheService",
    _counters: counters,
    // "null if there is no containing document", as the document's properties and lock.
    getDocumentCache: () => (noDocument() ? null : new LocalCache(counters, caches.document, nowMs)),
  };

  const globals: Record<string, unknown> = {
    SpreadsheetApp: pub(app),
    LockService: pub(new LocalLockService(counters, lockState, { user: effectiveUser, noDocument })),
    PropertiesService: pub(props),
    Session: pub(session),
    ScriptApp: withScopes("ScriptApp", pub(new LocalScriptApp(counters, project, snapshot.id, effectiveUser)), opts.scopes),
    Utilities: createUtilities(() => book.timeZone),
    HtmlService: createHtmlService(() => htmlDir),
    MailApp: withScopes("MailApp", pub(new LocalMailApp(counters, sent, { byUser: project.mailQuota ??= new Map(), user: effectiveUser, now: nowMs })), opts.scopes),
    CacheService: pub(cacheService),
    Logger,
    console: quietConsole,
    Date: ClockDate,
  };

  const services: LocalServices = {
    globals,
    spreadsheet: pub(book.api),
    counters,
    clock: {
      now: () => new ClockDate(nowMs()),
      set(d: Date) {
        fixedMs = d.getTime();
        setEngineClock(engineClock);
        recalcVolatile(book);
      },
      advance(ms: number) {
        const before = nowMs();
        fixedMs = before + ms;
        if (dayOf(fixedMs) === dayOf(before)) return;
        setEngineClock(engineClock);
        recalcVolatile(book);
      },
    },
    session: {
      setUser(email: string | null) {
        user = email;
      },
      user: () => user,
    },
    execution<T>(run: () => T): T {
      const outer = lockState.execution;
      const mine = ++executions;
      lockState.execution = mine;
      startedAt.set(mine, nowMs());
      try {
        return run();
      } finally {
        startedAt.delete(mine);
        for (const [kind, o] of lockState.owners) if (o.execution === mine) lockState.owners.delete(kind);
        buffer.end(mine);
        lockState.execution = outer;
      }
    },
    lock: {
      holdByOther() {
        lockState.heldByOther = true;
      },
      releaseByOther() {
        lockState.heldByOther = false;
      },
      noDocument(v: boolean) {
        lockState.noDocument = v;
      },
    },
    ui: uiRec,
    mail: { sent },
    triggers,
    nextRun: (t, after) => new ClockDate(nextClockRun(t, after.getTime())),
    logs,
    get runningTrigger() {
      return runningTrigger;
    },
    set runningTrigger(v: boolean) {
      runningTrigger = v;
    },
    toSnapshot: (opts) => bookToSnapshot(book, triggers, docProps, !!opts?.forSaving),
  };
  return services;
}

/** Makes HyperFormula re-evaluate TODAY()/NOW() (any change does; an empty cell set to empty is enough). */
function recalcVolatile(book: Book): void {
  const sheet = book.sheets[0];
  const addr = { sheet: sheet.hfId, row: 199_998, col: 198 };
  if (book.hf.isCellEmpty(addr)) book.write({ sheet, rect: { r1: addr.row + 1, c1: addr.col + 1, r2: addr.row + 1, c2: addr.col + 1 } }).setCellContents(addr, null);
  else {
    book.forgetPrinted();
    book.settle().rebuildAndRecalculate();
  }
}

/** The book behind a LocalSpreadsheet (raw or counted). */
function bookOf(x: LocalSpreadsheet | LocalSheet): Book {
  return unpub(x)._book;
}

/**
 * The format conditional-format rules paint on one cell (1-based row/col): the first matching rule wins,
 * as in Sheets; null when no rule matches. Reading does not count as service calls.
 */
export function evaluateConditionalFormat(sheet: LocalSheet, row: number, col: number): CfFormat | null {
  const s = unpub(sheet);
  return evaluateConditionalFormatModel(bookOf(s), s._model, row, col);
}

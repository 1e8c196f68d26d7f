// The add-on's actions as callable functions with plain-JSON options and results: what the menu items,
// the sidebar and the local CLI call. Each returns {ok: true, ...} or {ok: false, message}; a refusal
// has changed nothing.
import * as z from "zod/mini";
import { isValidIsoDate } from "../core/dates";
import { guarded, isoDate, UserError, withDocumentLock, type Refusal } from "./env";
import { closeCycle, midCycleReview, rollOver } from "./lifecycleTabs";
import { importFromTab } from "./importTab";
import { disableWeeklyRefresh, enableWeeklyRefresh, refreshAndEmail, runWeeklyRefresh, weeklyRefreshStatus } from "./rhythm";
import { setUpTracker } from "./setup";
import { generateSummary } from "./summaryTab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const At = z.strictObject({ at: z.optional(z.string()) });

function active(): Spreadsheet {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new UserError("No spreadsheet is open.");
  return ss;
}

function parseOpts<T>(schema: z.ZodMiniType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`Invalid option${i.path.length ? ` "${i.path.join(".")}"` : ""}: ${i.message}`);
  }
  return r.data;
}

function checkAt(at: string | undefined): string | undefined {
  if (at !== undefined && !isValidIsoDate(at)) throw new UserError(`"${at}" is not a date in the form YYYY-MM-DD.`);
  return at;
}


const SetupSchema = z.strictObject({
  template: z.optional(z.string()),
  start: z.optional(z.string()),
  weeks: z.optional(z.number()),
  name: z.optional(z.string()),
});

export function setupTracker(raw?: unknown) {
  return guarded(() => {
    const opts = parseOpts(SetupSchema, raw);
    const ss = active();
    const report = withDocumentLock(() => setUpTracker(ss, opts, isoDate(new Date(), ss.getSpreadsheetTimeZone())));
    return { ok: true as const, ...report };
  });
}

export function repairTracker() {
  return guarded(() => {
    const ss = active();
    const report = withDocumentLock(() => setUpTracker(ss, {}, isoDate(new Date(), ss.getSpreadsheetTimeZone())));
    return { ok: true as const, ...report };
  });
}

export function generateWeeklySummary(raw?: unknown) {
  return guarded(() => {
    const { at } = parseOpts(At, raw);
    const model = generateSummary(active(), checkAt(at));
    return { ok: true as const, week: model.week, weeks: model.weeks, data: model.data };
  });
}

export function createMidCycleReview(raw?: unknown) {
  return guarded(() => {
    const { at } = parseOpts(At, raw);
    return { ok: true as const, ...midCycleReview(active(), checkAt(at)) };
  });
}

export function endCycle(raw?: unknown) {
  return guarded(() => {
    const { at } = parseOpts(At, raw);
    return { ok: true as const, ...closeCycle(active(), checkAt(at)) };
  });
}

const RollSchema = z.strictObject({ start: z.string(), weeks: z.optional(z.number()), name: z.optional(z.string()) });

export function rollOverCycle(raw?: unknown) {
  return guarded(() => {
    const opts = parseOpts(RollSchema, raw);
    return { ok: true as const, ...rollOver(active(), opts) };
  });
}

const ImportSchema = z.strictObject({ tab: z.string().check(z.minLength(1), z.maxLength(100)) });

export function importOkrsFromTab(raw?: unknown) {
  return guarded(() => {
    const { tab } = parseOpts(ImportSchema, raw);
    const ss = active();
    return { ok: true as const, ...withDocumentLock(() => importFromTab(ss, tab, isoDate(new Date(), ss.getSpreadsheetTimeZone()))) };
  });
}

const WeeklySchema = z.strictObject({ on: z.optional(z.boolean()) });

/** {on: true|false} turns the weekly refresh on or off; no option reports whether it is on. */
export function setWeeklyRefresh(raw?: unknown) {
  return guarded(() => {
    const { on } = parseOpts(WeeklySchema, raw);
    const ss = active();
    if (on === undefined) return { ok: true as const, ...weeklyRefreshStatus(ss) };
    return { ok: true as const, ...(on ? enableWeeklyRefresh(ss) : disableWeeklyRefresh(ss)) };
  });
}

/** Time-driven trigger handler. */
export function weeklyRefresh(e?: { triggerUid?: string }) {
  return guarded(() => ({ ok: true as const, outcome: runWeeklyRefresh(e) }));
}

/** Regenerates now and sends the emails that Settings turn on (what the weekly trigger does). */
export function sendWeeklyEmailsNow() {
  return guarded(() => ({ ok: true as const, outcome: refreshAndEmail(active()) }));
}

export type ActionResult = { ok: true } | Refusal;

// The add-on's actions as callable functions with plain-JSON options and results: what the menu items,
// the sidebar and the local CLI call. Each returns {ok: true, ...} or {ok: false, message}; a refusal
// has changed nothing.
import * as z from "zod/mini";
import { isValidIsoDate } from "../core/dates";
import { onFirstUse } from "../core/onFirstUse";
import { firstAndMore } from "../core/plural";
import { guarded, isoDate, quotedName, UserError, withDocumentLock } from "./env";
import { closeCycle, midCycleReview, rollOver } from "./lifecycleTabs";
import { importFromTab } from "./importTab";
import { refreshPortfolio as runPortfolioRefresh } from "./portfolio";
import { disableWeeklyRefresh, enableWeeklyRefresh, runWeeklyRefresh, weeklyRefreshStatus } from "./rhythm";
import { refreshNow } from "./refreshRun";
import { setUpTracker } from "./setup";
import { generateSummary } from "./summaryTab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Each built on first use (core/onFirstUse.ts): an execution checks one action's options.
const At = onFirstUse(() => z.strictObject({ at: z.optional(z.string()) }));
const NoOptions = onFirstUse(() => z.strictObject({}));

function active(): Spreadsheet {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new UserError("No spreadsheet is open.");
  return ss;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  object: "an object",
};

/** A short, safe description of what arrived: never "undefined" or "[object Object]". */
function described(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "number") return isFinite(v) ? `the number ${v}` : String(v);
  if (typeof v === "string") return `text ${quotedName(v)}`;
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return typeof v;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

interface OptIssue {
  code?: string;
  path: PropertyKey[];
  keys?: string[];
  expected?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

/** zod/mini's own messages are all "Invalid input": say which option is wrong, and what it should be. */
function optionIssue(issue: OptIssue, raw: unknown, known: string[]): string {
  const accepted = known.length ? `it accepts ${known.map(quotedName).join(", ")}` : "it takes no options";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys || [];
    const shown = firstAndMore(keys.map(quotedName), 5);
    return `Unknown option${keys.length === 1 ? "" : "s"} ${shown}: ${accepted}.`;
  }
  const where = issue.path.length ? `Option ${quotedName(issue.path.join("."))}` : "The options";
  const v = valueAt(raw, issue.path);
  if (issue.code === "invalid_type") {
    const want = TYPE_WORDS[issue.expected || ""] || issue.expected || "another type";
    if (!issue.path.length) return `The options must be given by name (${accepted}), not as ${described(v)}.`;
    if (v === undefined) return `${where} is required (${want}).`;
    return `${where} must be ${want}, not ${described(v)}.`;
  }
  if (issue.code === "too_small" && issue.origin === "string") {
    return issue.minimum === 1 ? `${where} must not be empty.` : `${where} must be at least ${issue.minimum} characters.`;
  }
  if (issue.code === "too_big" && issue.origin === "string") {
    return `${where} must be at most ${issue.maximum} characters (it has ${typeof v === "string" ? v.length : "more"}).`;
  }
  return `${where} is not valid (${described(v)}).`;
}

function parseOpts<T>(schemaOf: () => z.ZodMiniObject<any> & z.ZodMiniType<T>, raw: unknown): T {
  const schema = schemaOf();
  const input = raw ?? {};
  const r = schema.safeParse(input);
  if (!r.success) {
    const known = Object.keys(schema.shape);
    const messages = Array.from(new Set(r.error.issues.map((i) => optionIssue(i as OptIssue, input, known))));
    throw new UserError(messages.slice(0, 3).join(" "));
  }
  return r.data;
}

/** A date option: YYYY-MM-DD and a real calendar day; the refusal quotes at most 40 characters of it. */
function checkDate(option: string, v: string | undefined): string | undefined {
  if (v !== undefined && !isValidIsoDate(v)) {
    const s = String(v);
    throw new UserError(`Option "${option}" must be a date in the form YYYY-MM-DD, not ${quotedName(s)}.`);
  }
  return v;
}

function checkAt(at: string | undefined): string | undefined {
  return checkDate("at", at);
}


const SetupSchema = onFirstUse(() =>
  z.strictObject({
    template: z.optional(z.string()),
    start: z.optional(z.string()),
    weeks: z.optional(z.number()),
    name: z.optional(z.string()),
  }),
);

export function setupTracker(raw?: unknown) {
  return guarded(() => {
    const opts = parseOpts(SetupSchema, raw);
    checkDate("start", opts.start);
    const ss = active();
    const { report } = withDocumentLock(() => {
      const tz = ss.getSpreadsheetTimeZone();
      return setUpTracker(ss, opts, isoDate(new Date(), tz), tz, true);
    }, undefined, undefined, (run) => !run.wrote);
    return { ok: true as const, ...report };
  });
}

export function repairTracker(raw?: unknown) {
  return guarded(() => {
    parseOpts(NoOptions, raw);
    const ss = active();
    const { report } = withDocumentLock(() => {
      const tz = ss.getSpreadsheetTimeZone();
      return setUpTracker(ss, {}, isoDate(new Date(), tz), tz, true);
    }, undefined, undefined, (run) => !run.wrote);
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

const RollSchema = onFirstUse(() => z.strictObject({ start: z.string(), weeks: z.optional(z.number()), name: z.optional(z.string()) }));

export function rollOverCycle(raw?: unknown) {
  return guarded(() => {
    const opts = parseOpts(RollSchema, raw);
    checkDate("start", opts.start);
    return { ok: true as const, ...rollOver(active(), opts) };
  });
}

const ImportSchema = onFirstUse(() => z.strictObject({ tab: z.string().check(z.minLength(1), z.maxLength(100)) }));

export function importOkrsFromTab(raw?: unknown) {
  return guarded(() => {
    const { tab } = parseOpts(ImportSchema, raw);
    const ss = active();
    const tz = ss.getSpreadsheetTimeZone();
    return { ok: true as const, ...withDocumentLock(() => importFromTab(ss, tab, isoDate(new Date(), tz), tz)) };
  });
}

const WeeklySchema = onFirstUse(() => z.strictObject({ on: z.optional(z.boolean()) }));

/** {on: true|false} turns the weekly refresh on or off; no option reports whether it is on. */
export function setWeeklyRefresh(raw?: unknown) {
  return guarded(() => {
    const { on } = parseOpts(WeeklySchema, raw);
    const ss = active();
    if (on === undefined) return { ok: true as const, ...weeklyRefreshStatus(ss) };
    return { ok: true as const, ...(on ? enableWeeklyRefresh(ss) : disableWeeklyRefresh(ss)) };
  });
}

/**
 * Time-driven trigger handler. Only a refusal (a damaged tracker, recorded for the admins) is returned;
 * anything unexpected is thrown, so that the execution log shows the run failed. Either is emailed to the
 * trigger's owner by the run itself: Apps Script sends an add-on's user no failure notice (refreshNotice.ts).
 */
export function weeklyRefresh(e?: { triggerUid?: string; authMode?: unknown }) {
  try {
    return { ok: true as const, outcome: runWeeklyRefresh(e) };
  } catch (err) {
    if (err instanceof UserError) return { ok: false as const, message: err.message };
    throw err;
  }
}

/**
 * What the weekly trigger does, at once (refreshRun.ts refreshNow): the summary as of yesterday, then the
 * emails that Settings turn on; recorded as the last run while the refresh is on (the menu's "Run weekly refresh now").
 * `asked`: when the menu showed its question (with the last run); a refresh written after that by another run
 * is not done again (refreshMark.ts).
 */
export function sendWeeklyEmailsNow(raw?: unknown, asked?: number) {
  return guarded(() => {
    parseOpts(NoOptions, raw);
    return { ok: true as const, outcome: refreshNow(active(), typeof asked === "number" && isFinite(asked) ? asked : undefined) };
  });
}

const PortfolioSchema = onFirstUse(() => z.strictObject({ at: z.optional(z.string()), limit: z.optional(z.number()) }));

/** Rolls up the team trackers listed in the Portfolio tab (docs/portfolio.md). */
export function refreshPortfolio(raw?: unknown) {
  return guarded(() => {
    const { at, limit } = parseOpts(PortfolioSchema, raw);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
      throw new UserError(`Option "limit" must be a whole number of 1 or more, not ${limit}.`);
    }
    return { ok: true as const, ...runPortfolioRefresh(active(), { at: checkAt(at), limit }) };
  });
}


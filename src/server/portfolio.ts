// "Refresh portfolio": the company tracker's roll-up of the team trackers listed in its Portfolio tab
// (docs/portfolio.md). The team trackers are read without the company's document lock (reading 50 of
// them takes minutes, and check-ins in the company tracker must not wait that long); the roll-up and
// its History are then written under the lock in a few batched calls.
//
// One execution may not read every tracker: Apps Script stops a run at 6 minutes, so no tracker is
// opened once BUDGET_MS of the execution have passed (counted from its start: in the weekly refresh the
// summary came first, in the same 6 minutes). The teams read so far wait in the document cache (6 hours) and the roll-up
// says the refresh is partial; the next "Refresh portfolio" on the same day continues with the rest.
import { columnLetter, quoteSheet } from "../core/a1";
import { evaluateTracker } from "../core/evaluate";
import {
  alignTeams,
  cycleSince,
  mergeRollupHistory,
  NONE_YET,
  withCheckinsAfterRun,
  PORTFOLIO_HEADERS,
  PORTFOLIO_TAB,
  portfolioEntries,
  ROLLUP_HISTORY_HEADERS,
  ROLLUP_HISTORY_TAB,
  ROLLUP_TAB,
  type CompanyObjective,
  type PortfolioEntry,
  type RollupHistoryRow,
  type TeamResult,
} from "../core/portfolio";
import { layoutRollup } from "../core/portfolioLayout";
import { companyMisses } from "../core/portfolioForecast";
import { portfolioDigest, type PortfolioDigest } from "../core/portfolioDigest";
import { cycleLastDay, weekNumber } from "../core/dates";
import { numberStyleFor } from "../core/numbers";
import { utf8Bytes } from "../core/emails";
import type { Tracker } from "../core/model";
import { asText, cellIsoDate, isoDate, withDocumentLock } from "./env";
import { protectSheet } from "./layout";
import { readRollupTracker, readTeam } from "./portfolioRead";
import { insertOrFind, refuseForeignHistory, rollupTab } from "./portfolioTabs";
import { renderCells, statusColours } from "./render";
import { readTracker } from "./summaryTab";
import { col, num, readColumns, str, tableFromValues } from "./table";
import { sheetNamed } from "./sheetNamed";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * No team tracker is opened after this much of the execution (Apps Script's limit is 6 minutes): the 90 s
 * left are for the roll-up's write and, in the weekly refresh, its emails and record.
 */
export const BUDGET_MS = 270 * 1000;
const CACHE_SECONDS = 6 * 3600;
const PROGRESS_KEY = "okr.portfolio.progress";
const teamKey = (i: number) => `okr.portfolio.team.${i}`;

export interface PortfolioOutcome {
  /** The Portfolio tab did not exist: it was created for the admin to fill. */
  created: boolean;
  asOf: string;
  week: number;
  /** The company cycle's length, so an answer says its week as the roll-up tab does ("week 6 of 13"). */
  weeks: number;
  listed: number;
  read: number;
  unreadable: { team: string; problem: string }[];
  /** Teams left for the next run (0: the roll-up is complete). */
  pending: number;
  /** Teams taken from the previous, partial run. */
  continued: number;
  /** KRs of the teams read forecast to miss their goal (the roll-up's "At this pace" section). */
  forecastToMiss: number;
  /** The company cycle's last day, when the roll-up is as of a day after it (no History row written). */
  ended?: string;
  /** The company cycle's start, when the roll-up is as of a day before it (no History row written either). */
  starts?: string;
  /** The roll-up's headline for the weekly refresh's leaders' digest (absent when the tab was just created). */
  digest?: PortfolioDigest;
}

/** The Portfolio tab for the admin to fill: its header and one row saying what to write. */
function fillPortfolioSheet(sheet: Sheet): void {
  sheet.getRange(1, 1, 2, PORTFOLIO_HEADERS.length).setValues([
    PORTFOLIO_HEADERS.slice(),
    ["", "", "", 'One team tracker per row: its URL (or ID), the team\'s name, a weight (blank = 1). Then choose "Refresh portfolio".'],
  ]);
  sheet.getRange(1, 1, 1, PORTFOLIO_HEADERS.length).setFontWeight("bold");
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 420);
  sheet.setColumnWidth(2, 180);
}

function readEntries(ss: Spreadsheet): PortfolioEntry[] | null {
  const sheet = ss.getSheetByName(PORTFOLIO_TAB);
  if (!sheet) return null;
  const t = tableFromValues(sheet, PORTFOLIO_TAB, readColumns(ss, sheet, PORTFOLIO_TAB, PORTFOLIO_HEADERS.length), ["Tracker", "Team"]);
  const [ref, team, weight] = ["Tracker", "Team", "Weight"].map((h) => col(t, h));
  return portfolioEntries(t.rows.map((r, i) => ({ row: t.headerRow + 1 + i, ref: r[ref], team: r[team], weight: weight >= 0 ? r[weight] : "" })), ss.getId());
}

interface Progress {
  asOf: string;
  refs: string[];
  done: number;
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

/** The teams a partial run of the same day and list already read, or [] to start from the first. */
function continued(asOf: string, entries: PortfolioEntry[]): TeamResult[] {
  const c = cache();
  const raw = c && c.get(PROGRESS_KEY);
  if (!c || !raw) return [];
  let p: Progress;
  try {
    p = JSON.parse(raw) as Progress;
  } catch {
    return [];
  }
  const refs = entries.map((e) => e.ref);
  if (p.asOf !== asOf || p.refs.join("\n") !== refs.join("\n") || !(p.done > 0 && p.done < refs.length)) return [];
  const keys = Array.from({ length: p.done }, (_, i) => teamKey(i));
  const got = c.getAll(keys);
  const out: TeamResult[] = [];
  for (let i = 0; i < p.done; i++) {
    const v = got[keys[i]];
    if (!v) return [];
    const r = JSON.parse(v) as TeamResult;
    out.push({ ...r, entry: entries[i] });
  }
  return out;
}

/** A cache value holds at most 100 KB (ref/cache/cache); putAll throws "Argument too large" past it. */
const CACHE_VALUE_BYTES = 100 * 1024;

/**
 * A team's result as cached, or null when it cannot fit: a team with hundreds of aligned objectives, or long
 * titles, passes the limit, so titles are shortened first (only the continued run's roll-up shows them so).
 */
function cacheValue(r: TeamResult): string | null {
  const full = JSON.stringify(r);
  if (utf8Bytes(full) <= CACHE_VALUE_BYTES) return full;
  if (!r.figures) return null;
  const short = (t: string) => (t.length > 100 ? `${t.slice(0, 99)}…` : t);
  const f = r.figures;
  const forecast = f.forecast && { ...f.forecast, worst: f.forecast.worst.map((m) => ({ ...m, title: short(m.title) })) };
  const cut = JSON.stringify({ ...r, figures: { ...f, upward: f.upward.map((o) => ({ ...o, title: short(o.title) })), ...(forecast ? { forecast } : {}) } });
  return utf8Bytes(cut) <= CACHE_VALUE_BYTES ? cut : null;
}

/** Remembers a partial run's teams; when one cannot be cached, the next run starts from the first team. */
function remember(asOf: string, entries: PortfolioEntry[], done: TeamResult[]): void {
  const c = cache();
  if (!c) return;
  const values: Record<string, string> = {};
  for (let i = 0; i < done.length; i++) {
    const v = cacheValue(done[i]);
    if (v === null) return forget();
    values[teamKey(i)] = v;
  }
  values[PROGRESS_KEY] = JSON.stringify({ asOf, refs: entries.map((e) => e.ref), done: done.length } as Progress);
  c.putAll(values, CACHE_SECONDS);
}

function forget(): void {
  const c = cache();
  if (c) c.remove(PROGRESS_KEY);
}

/**
 * The company tracker, read as the team trackers are (bounded reads, portfolioRead.ts). When that fails,
 * it is read as the Weekly Summary reads it, which stops the refresh with the message the company's own
 * add-on gives (a missing tab, Settings that need fixing).
 */
function readCompany(ss: Spreadsheet, tz: string): Tracker {
  try {
    return readRollupTracker(ss, tz);
  } catch {
    return readTracker(ss).tracker;
  }
}

export interface RefreshOptions {
  at?: string;
  /** Read at most this many team trackers in this run (the rest wait for the next run). */
  limit?: number;
  /** The weekly refresh's account (its installer): a tracker not shared with it is said so by name. */
  runAs?: string;
  /**
   * When the execution started (ms): the weekly refresh's summary ran before the roll-up in the same 6
   * minutes. Until session 17 the budget counted from the roll-up's start, so a slow summary and a full
   * budget could pass the limit and stop the run mid-write. The menu's own start by default.
   */
  started?: number;
}

export function refreshPortfolio(ss: Spreadsheet, opts: RefreshOptions = {}): PortfolioOutcome {
  const started = opts.started ?? Date.now();
  const tz = ss.getSpreadsheetTimeZone();
  const asOf = opts.at || isoDate(new Date(), tz);
  const company = readCompany(ss, tz);
  const week = Math.min(Math.max(weekNumber(asOf, company.settings.startDate), 1), company.settings.weeks);
  const entries = readEntries(ss);
  if (!entries) {
    withDocumentLock(() => {
      const tab = insertOrFind(ss, PORTFOLIO_TAB);
      if (tab.made) fillPortfolioSheet(tab.sheet);
    });
    return { created: true, asOf, week, weeks: company.settings.weeks, listed: 0, read: 0, unreadable: [], pending: 0, continued: 0, forecastToMiss: 0 };
  }

  // Refused before a team is read (minutes) and before anything is written: someone's own tab of that name.
  const own = rollupTab(ss);
  const results = continued(asOf, entries);
  const fromCache = results.length;
  let read = 0;
  for (let i = results.length; i < entries.length; i++) {
    const out = (opts.limit !== undefined && read >= opts.limit) || Date.now() - started > BUDGET_MS;
    if (out) {
      results.push({ entry: entries[i], figures: null, problem: "Not read yet: the time ran out. Choose \"Refresh portfolio\" again to continue.", pending: true });
      continue;
    }
    if (!entries[i].problem) read++;
    results.push(readTeam(entries[i], asOf, opts.runAs));
  }
  const pending = results.filter((r) => r.pending).length;
  if (pending) remember(asOf, entries, results.filter((r) => !r.pending));
  else forget();

  const ev = evaluateTracker(company, asOf);
  const evById = new Map(ev.objectives.map((o) => [o.id.toLowerCase(), o]));
  const companyObjectives: CompanyObjective[] = company.objectives
    .filter((o) => o.id)
    .map((o) => {
      const e = evById.get(o.id.toLowerCase());
      return { id: o.id, title: o.title, score: e ? e.score : null, expected: e && e.score !== null ? e.expected : null, status: e ? e.status : "No key results" };
    });
  const alignment = alignTeams(companyObjectives, results);

  const since = cycleSince(company.settings.startDate, asOf);
  // The forecast's values are text in the company tracker's decimal separator (as its own summary writes
  // them): its locale is asked once, and only when a KR is listed, so a roll-up costs no call per team for it.
  const forecastToMiss = companyMisses(results.map((r) => r.figures && r.figures.forecast)).total;
  // So too the numbers of the cells typed over and of how an ended team's KRs ended (until session 20 written with
  // "." in a de_DE company when no KR was forecast to miss).
  const numbers = forecastToMiss > 0 || results.some((r) => r.figures && (r.figures.typedOver || r.figures.rolled || (r.figures.endedBelow && r.figures.endedBelow.missing)));
  const decimalSeparator = numbers ? numberStyleFor(ss.getSpreadsheetLocale()) : ".";
  // After the company's last week (its cycle over, not rolled over yet) a refresh is in no week of it: its rows
  // would replace the last week's (the week clamped to the last), so the cycle's record of how its teams ended
  // was whatever the last refresh before the roll over read, weeks later. History is kept as it is then.
  const lastDay = cycleLastDay(company.settings.startDate, company.settings.weeks);
  const ended = asOf > lastDay ? lastDay : undefined;
  // Nor is a refresh before its start (a company tracker set up, or rolled over, ahead): its rows were "week 1"
  // dated before the cycle, left in History beside the real week 1's and shown in no trend.
  const starts = asOf < company.settings.startDate ? company.settings.startDate : undefined;
  withDocumentLock(() => {
    const all = writeRollupHistory(ss, tz, week, asOf, ended || starts ? [] : results, since);
    const history = all.filter((h) => h.asOf >= since);
    // Check-ins dated the day before a team's period, made after the refresh of that day (History's rows say): no call more.
    const teams = withCheckinsAfterRun(results, all);
    const layout = layoutRollup({ cycle: company.settings.cycleName, asOf, week, weeks: company.settings.weeks, ended, starts, teams, alignment, history, pending, decimalSeparator });
    const { sheet, made } = own ? { sheet: own, made: false } : insertOrFind(ss, ROLLUP_TAB);
    if (!made) sheet.clear();
    else {
      sheet.setFrozenRows(2);
      sheet.setColumnWidth(2, 260);
      protectSheet(sheet, "the portfolio roll-up is rewritten by the add-on; edits here are overwritten");
    }
    const range = renderCells(sheet, layout.rows, layout.width);
    statusColours(sheet, layout.rows.length, layout.width, range);
    // No flush here: withDocumentLock flushes before it releases the lock (one flush costs ~0.6 s on a busy day).
  });
  return {
    created: false,
    asOf,
    week,
    weeks: company.settings.weeks,
    listed: entries.length,
    read: results.filter((r) => r.figures).length,
    unreadable: results.filter((r) => !r.figures && !r.pending).map((r) => ({ team: r.entry.team, problem: r.problem || "" })),
    pending,
    continued: fromCache,
    forecastToMiss,
    ...(ended ? { ended } : {}),
    ...(starts ? { starts } : {}),
    digest: portfolioDigest(asOf, results, ended || starts ? undefined : { week, weeks: company.settings.weeks }, alignment),
  };
}

// Team is written with asText (a leading apostrophe), so its column stays "General": "@" would keep the apostrophe.
const HISTORY_KEYS = ["Week", "Team", "Score"];
const HISTORY_FORMATS = ["0", "yyyy-mm-dd", "General", "0.00", "General", "yyyy-mm-dd"];

/** Replaces this week's rows of the listed teams (this cycle's) in the roll-up History and returns the whole History. */
function writeRollupHistory(ss: Spreadsheet, tz: string, week: number, asOf: string, results: TeamResult[], since: string): RollupHistoryRow[] {
  const width = ROLLUP_HISTORY_HEADERS.length;
  let sheet = sheetNamed(ss, ROLLUP_HISTORY_TAB);
  let existing: RollupHistoryRow[] = [];
  let oldRows = 0;
  let first = 2; // the row under the header
  let missingHeader = 0;
  let narrow = 0;
  if (!sheet) {
    sheet = ss.insertSheet(ROLLUP_HISTORY_TAB);
    sheet.getRange(1, 1, 1, width).setValues([ROLLUP_HISTORY_HEADERS.slice()]).setFontWeight("bold");
    sheet.setFrozenRows(1);
    protectSheet(sheet, "the portfolio History is written by the add-on");
  } else {
    const values = readColumns(ss, sheet, ROLLUP_HISTORY_TAB, width);
    refuseForeignHistory(sheet, values, HISTORY_KEYS);
    const t = tableFromValues(sheet, ROLLUP_HISTORY_TAB, values, HISTORY_KEYS);
    const idx = ROLLUP_HISTORY_HEADERS.map((h) => col(t, h));
    const at = (r: unknown[], i: number) => (idx[i] >= 0 ? r[idx[i]] : "");
    oldRows = t.rows.length;
    first = t.headerRow + 1;
    for (const r of t.rows) {
      const w = num(at(r, 0));
      const team = str(at(r, 2));
      if (w === null || !team) continue;
      const seen = at(r, 5);
      const lastCheckin = str(seen) === NONE_YET ? NONE_YET : seen === "" || seen === null ? "" : cellIsoDate(seen, tz);
      existing.push({ week: w, asOf: cellIsoDate(at(r, 1), tz), team, score: num(at(r, 3)), status: str(at(r, 4)), lastCheckin });
    }
    // A History written before its Last check-in column gets the header with its first row written (once).
    if (idx[5] < 0) missingHeader = t.headerRow;
    // Read as far as the tab goes (readColumns): one trimmed to the five columns of before has no room for it.
    if (values.length && values[0].length < width) narrow = values[0].length;
  }
  const merged = mergeRollupHistory(existing, week, asOf, results, since);
  if (!results.length) return merged; // no row to add or replace: the tab is left as it is
  if (narrow) sheet.insertColumnsAfter(narrow, width - narrow);
  if (missingHeader) sheet.getRange(missingHeader, width).setValue(ROLLUP_HISTORY_HEADERS[width - 1]).setFontWeight("bold");
  const rows = merged.map((h) => [h.week, h.asOf, asText(h.team), h.score === null ? "" : h.score, h.status, h.lastCheckin]);
  const total = Math.max(rows.length, oldRows);
  if (total === 0) return merged;
  const max = sheet.getMaxRows();
  const last = first + total - 1;
  if (last > max) sheet.insertRowsAfter(max, Math.max(last - max, 500));
  const a1 = (r1: number, r2: number) => `${quoteSheet(ROLLUP_HISTORY_TAB)}!A${r1}:${columnLetter(width)}${r2}`;
  if (rows.length) {
    const range = ss.getRange(a1(first, first + rows.length - 1));
    range.setValues(rows);
    range.setNumberFormats(rows.map(() => HISTORY_FORMATS));
  }
  if (oldRows > rows.length) ss.getRange(a1(first + rows.length, last)).clearContent();
  return merged;
}

// Mid-cycle review, end of cycle (Retrospective) and roll over to the next cycle in the same workbook.
// The finished cycle's tabs are renamed to archive names, never deleted.
import { evaluateTracker } from "../core/evaluate";
import { RETRO_HEADERS, REVIEW_HEADERS, type LifecycleTab } from "../core/lifecycleTab";
import { buildReview } from "../core/reviewTab";
import { buildRetrospective } from "../core/retroTab";
import { planRollover } from "../core/rollover";
import { TAB } from "../core/tabs";
import { CLOSE_CYCLE_FIRST } from "../core/messages";
import { asText, protectedTab, UserError, withDocumentLock } from "./env";
import { clearOurProtections, protectSheet, tabProtectedFromMe } from "./layout";
import { readTracker, asOfDate } from "./summaryTab";
import { forgetCheckpoints } from "./summaryCheckpoints";
import { refuseForeignNamedTabs, refusingUnchanged, rollOverRefusal, tabNamed } from "./rollOverTabs";
import { refuseForeignRetrospective, reviewTabToWrite } from "./reportTabs";
import { docProps } from "./weeklyState";
import { clearClosedMark, markClosed } from "./closeMark";
import { retroClosedOn } from "../core/cycleClosed";
import { recordedTabs } from "./trendCache";
import { lifecycleReport } from "../core/reportSignals";
import { reviewForecastTexts } from "../core/reviewForecast";
import { trackerAsOf } from "../core/summaryAsOf";
import { withoutReplaced } from "../core/corrections";
import { numberStyleFor } from "../core/numbers";
import { andList, quotedList } from "../core/plural";
import { checkinsFrom, computedHistoryHeaderRow, computedLogHeaderRow, IDENTIFYING, LOG_WIDTH, type SettingsRead } from "./read";
import { historyFromValues } from "./summaryRead";
import type { HistoryEntry } from "../core/model";
import { freshSheet, renderCells, statusColours } from "./render";
import { setUpTracker, writeOkrRows } from "./setup";
import { lookAlikes, type NamedTab } from "./lookAlikeTabs";
import type { TabKey } from "./setupTabs";
import { col, findHeaderRow, lazyDecimalComma, norm, readTable, str, tableFromValues, type Table } from "./table";
import { sheetNamed, tabList } from "./sheetNamed";
import { listRule } from "./setupRules";
import { archivesLast, checkArchivesLast } from "./archiveOrder";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ROLLED_OVER_KEY = "okr.rolledOverFrom";


/** Writes the tab over `existing` (looked at by the caller: ours, refused otherwise), or makes it. */
function writeLifecycleTab(ss: Spreadsheet, name: string, existing: Sheet | null, tab: LifecycleTab, note: string): void {
  const sheet = freshSheet(ss, name, existing);
  clearOurProtections(sheet);
  const block = renderCells(sheet, tab.rows, tab.width);
  statusColours(sheet, tab.rows.length, tab.width, block);
  sheet.setFrozenRows(tab.frozenRows);
  sheet.setColumnWidth(2, 80);
  sheet.setColumnWidth(3, 320);
  // The Retrospective's "$37.20 vs target $36.00", "not checked in (target 4%)": read whole, not clipped by the
  // Learnings typed beside it (one call more for closing).
  const value = tab.headers.indexOf("Final value");
  if (value >= 0) sheet.setColumnWidth(value + 1, 220);
  // The review's "9.6% by 2026-04-05 — short of its goal", read whole beside the decision typed next to it:
  // 340 px since session 22, as 260 cut "6.8% on 2026-04-05 — ended short of its goal" (about 280 px) and a
  // unit's word makes it longer ("10.2 days on …").
  const forecast = tab.headers.indexOf("Forecast");
  if (forecast >= 0) sheet.setColumnWidth(forecast + 1, 340);
  if (tab.dataRows > 0) {
    const decisions = sheet.getRange(tab.firstDataRow, tab.decisionColumn, tab.dataRows, 1);
    decisions.setDataValidation(listRule(tab.decisionOptions, note));
  }
  ss.setActiveSheet(sheet);
}

/** The check-in log, its header taken where the Settings computed cells place it (as a check-in does). */
function readLog(ss: Spreadsheet, s: SettingsRead, tz: string) {
  return checkinsFrom(readTable(ss, TAB.checkins, IDENTIFYING.checkins, LOG_WIDTH, computedLogHeaderRow(s)), tz, lazyDecimalComma(ss));
}

/**
 * History's rows, for the forecast: the summary takes a past week's values (and the day they are as of) from
 * History, not the log, so a review forecasting from the log alone disagreed with it where History holds weeks
 * the log does not (a History imported from a team's old sheet, check-ins deleted or corrected since). Read
 * whole in one read (three calls; readHistory's bounded reads take six). A History the summary would refuse
 * (no header row) or none gives no rows here: the review and the close do not need it, and say what the log says.
 */
function historyRows(ss: Spreadsheet, s: SettingsRead, tz: string): HistoryEntry[] {
  const sheet = ss.getSheetByName(TAB.history);
  if (!sheet) return [];
  try {
    return historyFromValues(sheet, sheet.getDataRange().getValues(), tz, computedHistoryHeaderRow(s));
  } catch (e) {
    if (e instanceof UserError) return [];
    throw e;
  }
}

/**
 * The tracker as of the tab's day, each KR's value taken from the log as the Weekly Summary takes it
 * (summaryAsOf.ts: the latest check-in on or before the day, corrections applied, a value typed by hand kept),
 * so a review or retrospective for a past day (--at) shows that day's scores, as its signals do (until session
 * 10 the table showed the Current cells, later check-ins included, beside signals of that day). The sep is for
 * the numbers inside the tab's text.
 */
function asOfDay(ss: Spreadsheet, at: string | undefined, retro: boolean) {
  const { tz, tracker, settingsRead } = readTracker(ss);
  const asOf = asOfDate(at, tz);
  const log = readLog(ss, settingsRead, tz);
  const now = trackerAsOf(tracker, withoutReplaced(log), asOf);
  const ev = evaluateTracker(now, asOf);
  const sep = numberStyleFor(ss.getSpreadsheetLocale());
  const { signals, forecast } = lifecycleReport(tracker, log, ev, asOf, retro, sep, historyRows(ss, settingsRead, tz));
  return { asOf, now, ev, sep, settingsRead, signals, forecast };
}

export function midCycleReview(ss: Spreadsheet, at?: string): { tab: string; rows: number } {
  return withDocumentLock(() => {
    // Someone's own tab named "Mid-cycle Review" is refused before anything is read or written.
    const { sheet: existing, values } = reviewTabToWrite(ss);
    // Running it again keeps the decisions and notes already typed, as closing again keeps the
    // retrospective's (until session 13 a second run, after a late check-in, wiped the team's review).
    const kept = existing ? typedInputs(existing, TAB.review, values, ["Decision", "Notes"]) : new Map<string, unknown[]>();
    const { asOf, now, ev, sep, signals, forecast } = asOfDay(ss, at, false);
    const tab = buildReview(now, ev, asOf, signals, sep, reviewForecastTexts(forecast, sep));
    keepTyped(tab, REVIEW_HEADERS, kept, ["Decision", "Notes"]);
    writeLifecycleTab(ss, TAB.review, existing, tab, "keep, adjust or drop");
    return { tab: TAB.review, rows: tab.dataRows };
  });
}

export function closeCycle(ss: Spreadsheet, at?: string): { tab: string; rows: number; notice?: string } {
  return withDocumentLock(() => {
    const { asOf, now, ev, sep, signals, settingsRead } = asOfDay(ss, at, true);
    const existing = sheetNamed(ss, TAB.retrospective);
    const values = existing ? existing.getDataRange().getValues() : null;
    // Someone's own tab named "Retrospective" is refused before anything is written.
    if (existing && values) refuseForeignRetrospective(existing, values);
    // Closing again keeps the learnings and decisions already typed.
    const typed = ["Learnings", "Decision"];
    const kept = existing && values ? typedInputs(existing, TAB.retrospective, values, typed) : new Map<string, unknown[]>();
    const tab = buildRetrospective(now, ev, asOf, signals, sep);
    keepTyped(tab, RETRO_HEADERS, kept, typed);
    writeLifecycleTab(ss, TAB.retrospective, existing, tab, "retain, remove or change (for the next cycle)");
    // Recorded so that a check-in or a summary made after the close says the cycle is closed (core/cycleClosed.ts).
    const notice = markClosed(ss, settingsRead, asOf);
    return notice ? { tab: TAB.retrospective, rows: tab.dataRows, notice } : { tab: TAB.retrospective, rows: tab.dataRows };
  });
}

/** What the team typed in a lifecycle tab's columns `cols`, by Type and ID of its main table's rows. */
function typedInputs(sheet: Sheet, name: string, values: unknown[][], cols: string[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  // A tab without its header cannot be matched row by row: it is rewritten whole.
  const t = lifecycleTable(sheet, name, values);
  if (!t) return out;
  const [typeC, idC] = ["Type", "ID"].map((h) => col(t, h));
  const cs = cols.map((h) => col(t, h));
  for (const r of t.rows) {
    if (!str(r[idC])) continue;
    out.set(`${norm(r[typeC])}|${norm(r[idC])}`, cs.map((c) => (c >= 0 ? r[c] : "")));
  }
  return out;
}

/** Puts back into the new tab's rows (matched by Type and ID) what was typed in its columns `cols`. */
function keepTyped(tab: LifecycleTab, headers: readonly string[], kept: Map<string, unknown[]>, cols: string[]): void {
  const idC = headers.indexOf("ID");
  const cs = cols.map((h) => headers.indexOf(h));
  for (let r = tab.firstDataRow - 1; r < tab.firstDataRow - 1 + tab.dataRows; r++) {
    const row = tab.rows[r];
    const prev = kept.get(`${norm(row[0].v)}|${norm(row[idC].v)}`);
    if (prev) cs.forEach((c, i) => str(prev[i]) && (row[c] = { v: str(prev[i]) }));
  }
}

/** The columns that identify the Retrospective's main table. */
const RETRO_IDENTIFYING = ["ID", "Decision"] as const;

/**
 * The Retrospective's main table, or null when no row holds its headers. The header is searched down the
 * whole tab, not table.ts's first HEADER_SEARCH_ROWS rows: the grade spread and the Signals block (one row
 * per signal, 36 on the benchmark's medium tier) sit above it, so on a tracker with more than ~17 signals
 * the header lands below row 30 and a bounded search missed the tab closing had just written.
 */
function retroTable(sheet: Sheet, values: unknown[][] = sheet.getDataRange().getValues()): Table | null {
  return lifecycleTable(sheet, TAB.retrospective, values);
}

/** The main table of a Retrospective or Mid-cycle Review (both have `ID` and `Decision`), or null. */
function lifecycleTable(sheet: Sheet, name: string, values: unknown[][]): Table | null {
  if (findHeaderRow(values, RETRO_IDENTIFYING, 0, Infinity) < 0) return null;
  return tableFromValues(sheet, name, values, RETRO_IDENTIFYING, Infinity);
}

/** The tracker's table tabs: the roll over archives those it has, and setup makes all four again. */
const TABLE_TABS: readonly TabKey[] = ["objectives", "keyResults", "checkins", "history"];

/**
 * Refuses, before anything is archived, a roll over whose setup would misread the tabs left after the
 * archiving. That setup finds all four table tabs missing (renamed to archives, or absent already) and
 * takes a tab that looks like one (not ours by name, not an archive: lookAlikeTabs.ts findRenamed) for it:
 * two for the same tab, and it refused, the archives made and no new tabs; one, and it became the new
 * cycle's tab, the carried rows written over its own. The archiving changes none of the tabs it looks
 * through (archived tabs have our names before and " · " after), so they are looked at now. Nothing else
 * setup refuses can happen there: Settings is the only tab left with one of our names, and readTracker
 * has read its "Start date" label, which setup's check for a foreign Settings tab looks for.
 */
function refuseLookAlikes(tabs: readonly NamedTab[]): void {
  const found = lookAlikes(tabs, TABLE_TABS).map((f) => ({ ...f, name: TAB[f.key], missing: !tabNamed(tabs, TAB[f.key]) }));
  if (!found.length) return;
  /** How the tabs (`n` of them) are kept as they are instead of deleted. */
  const keep = (n: number) => (n === 1 ? `or put " · " in its name (as archives have) to keep it as it is` : `or put " · " in their names (as archives have) to keep them as they are`);
  const all = found.flatMap((f) => f.tabs).length;
  const it = all === 1 ? "it" : "them";
  const what = found.map((f, i) => {
    const like = f.missing ? `the missing "${f.name}" tab` : `${/^[AEIOU]/.test(f.name) ? "an" : "a"} "${f.name}" tab`;
    return `${quotedList(f.tabs)} ${i > 0 ? "" : f.tabs.length > 1 ? "look " : "looks "}like ${like}`;
  });
  // A tab of ours the user renamed is this cycle's: renamed back, it is archived with the others. One clause
  // per missing tab; only the tabs left over (look-alikes of a tab we have, the rest of several look-alikes
  // of a missing one) are to be deleted, so a renamed log is never among them.
  const renamed = found.filter((f) => f.missing);
  const back = renamed.map((f) => `${f.tabs.length === 1 ? `"${f.tabs[0]}"` : `whichever of ${quotedList(f.tabs)} is this cycle's`} back to "${f.name}"`);
  const rest = renamed.reduce((n, f) => n + f.tabs.length - 1, 0);
  const spare = found.filter((f) => !f.missing).flatMap((f) => f.tabs.map((t) => `"${t}"`));
  const spareTabs = spare.length + rest;
  if (rest) spare.push(rest > 1 ? "the others" : "the other");
  const repair = renamed.every((f) => f.tabs.length === 1) ? " (Repair tracker does)" : "";
  const todo = !renamed.length
    ? `Delete ${it}, ${keep(all)}, then`
    : [`Rename ${andList(back)}${repair} so that ${renamed.length === 1 ? "it is" : "they are"} archived with the cycle`]
        .concat(spareTabs ? [`delete ${andList(spare)}, ${keep(spareTabs)}`] : [])
        .join("; ") + (spareTabs ? "; then" : ", then");
  throw new UserError(
    `${andList(what)}, and rolling over (which archives this cycle's tabs and makes new ones) would mistake ${it} for the new cycle's. ` +
      `${todo} roll over again. Nothing was changed.`,
  );
}

/**
 * Why there is nothing to roll over without a Retrospective. Run again just after a roll over (its record
 * kept), "close the cycle first" would have the team close the cycle it has just started.
 */
export function notClosedMessage(): string {
  const props = docProps();
  const from = props ? props.getProperty(ROLLED_OVER_KEY) : null;
  return from
    ? `"${from.replace(/\|[^|]*$/, "")}" was already rolled over into this cycle: close it ("End cycle & retrospective") when it ends, then roll over.`
    : CLOSE_CYCLE_FIRST;
}

export interface RolloverOptions {
  start: string;
  weeks?: number;
  name?: string;
}

export function rollOver(
  ss: Spreadsheet,
  opts: RolloverOptions,
): { cycle: string; archived: string[]; carried: { objectives: number; keyResults: number }; changed: string[]; warnings: string[] } {
  return withDocumentLock(() => {
    const retroSheet = sheetNamed(ss, TAB.retrospective);
    if (!retroSheet && !ss.getSheetByName(TAB.settings)) {
      throw rollOverRefusal('This spreadsheet is not an okr-sheets tracker (it has no "Settings" tab). Use "Set up tracker" first.');
    }
    if (!retroSheet) throw rollOverRefusal(notClosedMessage());
    const { tracker, settingsRead, tz } = refusingUnchanged(() => readTracker(ss));
    // Null outside a document (Apps Script documents it so): then there is no record of a roll over to check or keep.
    const props = docProps();
    const rolled = props ? props.getProperty(ROLLED_OVER_KEY) : null;
    if (rolled && rolled === `${tracker.settings.cycleName}|${tracker.settings.startDate}`) {
      throw rollOverRefusal(`"${tracker.settings.cycleName}" has already been rolled over.`);
    }
    const retroValues = retroSheet.getDataRange().getValues();
    const retroT = retroTable(retroSheet, retroValues);
    if (!retroT) {
      // Repair does not touch the Retrospective; closing again writes it afresh (typed decisions cannot be
      // matched without the header, so they are lost either way).
      throw rollOverRefusal(
        'The "Retrospective" tab has lost its header row (no row holds both "ID" and "Decision"). Close the cycle again ("End cycle & retrospective") to rewrite it, then set the decisions.',
      );
    }
    const [typeC, idC, dC] = ["Type", "ID", "Decision"].map((h) => col(retroT, h));
    const retro = retroT.rows
      .map((r, i) => ({ id: str(r[idC]), decision: str(r[dC]), type: typeC >= 0 ? str(r[typeC]) : "", row: retroT.headerRow + 1 + i }))
      .filter((r) => r.id);
    // Every tab and its name, read once: the archive names avoid them, the checks below look through them,
    // and the archiving and the reports' deletion find their tabs there (tabNamed) instead of a call each.
    const tabs: NamedTab[] = tabList(ss).named();
    const lastValues = new Map(tracker.keyResults.map((k) => [k.id, k.current] as [string, number | null]));
    const plan = planRollover({
      tracker,
      retro,
      lastValues,
      newStart: opts.start,
      closedOn: retroClosedOn(retroValues),
      weeks: opts.weeks,
      name: opts.name,
      existingTabNames: tabs.map((t) => t.name),
      // 31 characters: the longest tab name an .xlsx can hold, so archives survive a download to Excel.
      maxTabNameLength: 31,
      separator: () => numberStyleFor(ss.getSpreadsheetLocale()),
    });
    if (!plan.ok) throw rollOverRefusal(plan.message);
    refuseForeignNamedTabs(tabs, settingsRead, tabNamed(tabs, TAB.summary) || tabNamed(tabs, TAB.trend) ? recordedTabs() : null);
    refuseLookAlikes(tabs);
    // A tab the roll over archives, deletes or writes, protected so that this user may not edit it, would stop
    // it halfway (Sheets refuses the add-on's writes there): refused before anything is changed.
    const locked = tabProtectedFromMe(ss, [TAB.objectives, TAB.keyResults, TAB.checkins, TAB.history, TAB.retrospective, TAB.review, TAB.summary, TAB.trend, TAB.settings]);
    if (locked) throw protectedTab(locked, "roll over again", "Nothing was changed.");

    // Archive: rename the finished cycle's tabs (formulas elsewhere follow the rename) and freeze them.
    const renames: [string, string][] = [
      [TAB.objectives, plan.archiveNames.objectives],
      [TAB.keyResults, plan.archiveNames.keyResults],
      [TAB.checkins, plan.archiveNames.checkins],
      [TAB.history, plan.archiveNames.history],
      [TAB.retrospective, plan.archiveNames.retrospective],
      [TAB.review, plan.archiveNames.review],
    ];
    const archived: string[] = [];
    const renamed = new Map<Sheet, string>();
    for (const [from, to] of renames) {
      const sh = tabNamed(tabs, from);
      if (!sh) continue;
      renamed.set(sh, to);
      if (from === TAB.objectives || from === TAB.keyResults) {
        // Freeze the archived scores as values, so they stop following TODAY() and the new tabs. Text goes back
        // literal (setValues would read "007" or "2026-01-20" as typed), except in a cell formatted as Plain
        // text, which keeps text whole and would keep the apostrophe as a character: one read of the formats.
        const range = sh.getDataRange();
        const formats = range.getNumberFormats();
        range.setValues(range.getValues().map((r, i) => r.map((v, j) => (typeof v === "string" && formats[i][j] !== "@" ? asText(v) : v))));
      }
      sh.setName(to);
      clearOurProtections(sh);
      protectSheet(sh, `archive of ${tracker.settings.cycleName}; kept for reference`);
      archived.push(to);
    }
    // The reports go (refuseForeignNamedTabs has refused tabs of their names that are not ours).
    const deleted = new Set<Sheet>();
    for (const name of [TAB.summary, TAB.trend]) {
      const sh = tabNamed(tabs, name);
      if (!sh) continue;
      ss.deleteSheet(sh);
      deleted.add(sh);
    }

    // The next cycle: settings, fresh tabs, the carried OKRs with their new baselines. Found in the tabs read
    // once (reading the tracker has required it), and made active so that the new tabs come after it, the
    // archives after them (archiveOrder.ts).
    const settingsTab = tabs.find((t) => t.name.toLowerCase() === TAB.settings.toLowerCase());
    if (!settingsTab) throw new UserError('The "Settings" tab is missing. Use "Repair tracker".');
    const left = tabs.filter((t) => !deleted.has(t.sheet)).map((t) => ({ sheet: t.sheet, name: renamed.get(t.sheet) ?? t.name }));
    const objectivesAt = archivesLast(ss, left, archived, settingsTab);
    const today = plan.settings.startDate;
    const next = { start: plan.settings.startDate, weeks: plan.settings.weeks, name: plan.settings.cycleName };
    setUpTracker(ss, next, today, tz);
    const objSheet = ss.getSheetByName(TAB.objectives)!;
    const krSheet = ss.getSheetByName(TAB.keyResults)!;
    checkArchivesLast(ss, objSheet, objectivesAt, archived, krSheet);
    const objT = tableFromValues(objSheet, TAB.objectives, objSheet.getDataRange().getValues(), ["ID", "Objective"]);
    const krT = tableFromValues(krSheet, TAB.keyResults, krSheet.getDataRange().getValues(), ["ID", "Objective ID", "Key result"]);
    objT.rows = [];
    krT.rows = [];
    writeOkrRows(objT, krT, plan.objectives, plan.keyResults);
    // Formulas for the carried rows (setup ran before they existed); its focus checks are the new cycle's,
    // reported as an import reports them (removing KRs can leave an objective with one).
    const carried = setUpTracker(ss, {}, today, tz);
    let report = carried.report;
    // The next cycle is not closed: the row the close left goes, last of the writes, so that a roll over
    // failing before here (a service error while making the new tabs) leaves the cycle marked closed, as it
    // is (until session 14 it went before setup). Setup moves no Settings row, so its place read above holds.
    const freed = clearClosedMark(ss, settingsRead);
    if (props) {
      props.setProperty(ROLLED_OVER_KEY, `${tracker.settings.cycleName}|${tracker.settings.startDate}`);
      forgetCheckpoints(props); // the summary's checkpoints describe the log and History just archived
    }
    // Settings A1:C40 full and a row of ours missing (the new cycle's name, say): setup had no room for it
    // while the close's row was still there, so it goes where that row was, now that the roll over is done
    // (until session 14 the close's row was cleared before setup, which took it, and a roll over failing
    // midway lost it; cleared last, it left the row unwritten: the new cycle's name or length not recorded).
    if (freed && carried.settingsNoRoom.length) report = setUpTracker(ss, next, today, tz).report;
    // `changed`: the OKRs the Retrospective marked "change", carried as they were, for the team to edit (until
    // session 21 the plan listed them and nobody was told).
    const counts = { objectives: plan.objectives.length, keyResults: plan.keyResults.length };
    return { cycle: plan.settings.cycleName, archived, carried: counts, changed: plan.changed, warnings: plan.baselines.concat(report.warnings) };
  });
}

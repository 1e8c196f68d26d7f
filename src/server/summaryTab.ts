// "Generate weekly summary": one read of each source tab, the report built by src/core/summary, a few
// batched writes, and the week's rows in History (historyWrite.ts: replaced, not duplicated, when regenerated).
import type { Tracker } from "../core/model";
import { buildSummary, type SummaryModel } from "../core/summary";
import { numberStyleFor } from "../core/numbers";
import { TAB } from "../core/tabs";
import { checkpointFor, historyDigest } from "../core/summaryPast";
import { isoDate, UserError, withDocumentLock } from "./env";
import {
  computedHistoryHeaderRow,
  computedKrHeaderRow,
  computedObjectiveHeaderRow,
  IDENTIFYING,
  keyResultsFrom,
  OBJECTIVE_WIDTH,
  objectivesFrom,
  readKrTable,
  readObjectivesTable,
  readSettings,
  SETTINGS_RANGE,
  settingsFromValues,
  type SettingsRead,
} from "./read";
import { readSummaryLog, summaryWeek } from "./summaryRead";
import { expectedHistoryLast, loadCheckpoints, logCheckpoints, saveCheckpoint } from "./summaryCheckpoints";
import { NEW_SHEET, renderSparseReport } from "./render";
import { DEFAULT_WIDTH } from "./layout";
import { ensureWidths } from "./setupStyle";
import { ensureHistoryScoreFormat, setStatusColours } from "./summaryLook";
import { batchedProps } from "./propsBatch";
import { closedAsOf, CYCLE_CLOSED_LABEL } from "../core/cycleClosed";
import { docProps } from "./weeklyState";
import { writeSummaryForecasts } from "./forecastCells";
import { percentValueFormat } from "../core/forecast";
import { markPercentCells } from "./percentCells";
import { noFormulas, readKrRows, writeKrFormulas } from "./krRow";
import { updateSummaryCharts } from "./summaryCharts";
import { historyForSummary, lateForTrend, readTrendCache, saveTrendCache } from "./trendCache";
import { writeTrendTab } from "./trendTab";
import { summaryTabToWrite } from "./reportTabs";
import { writeHistory } from "./historyWrite";
import { markRefresh, type RefreshRun } from "./refreshMark";
import { col, HEADER_SEARCH_ROWS, norm, readTable, tableFromValues, type Table } from "./table";
import { sheetFinder } from "./sheetNamed";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TrackerData {
  tz: string;
  tracker: Tracker;
  objT: Table;
  krT: Table;
  /** The Settings read, computed cells included (where the log's header is). */
  settingsRead: SettingsRead;
}

export function readTracker(ss: Spreadsheet): TrackerData {
  const tz = ss.getSpreadsheetTimeZone();
  const settingsRead = readSettings(ss, tz);
  const { settings } = settingsRead;
  const objT = readObjectivesTable(ss, computedObjectiveHeaderRow(settingsRead));
  const krT = readKrTable(ss, { headerRow: computedKrHeaderRow(settingsRead) });
  const keyResults = markPercentCells(ss, krT, keyResultsFrom(krT, tz));
  return { tz, objT, krT, settingsRead, tracker: { settings, objectives: objectivesFrom(objT), keyResults } };
}

export function asOfDate(at: string | undefined, tz: string): string {
  return at || isoDate(new Date(), tz);
}

/**
 * A tab's table read as its data range: the rows and columns that hold something, never the blank rows a
 * grid was sized with (History is pre-sized for the cycle, and every cell moved is paid for on Google).
 * A missing tab gets readTable's message. `knownRow`: where the Settings computed cells place the header.
 */
function boundedTable(ss: Spreadsheet, name: string, required: readonly string[], width: number, knownRow: number): { table: Table; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return { table: readTable(ss, name, required, width), sheet: null as never };
  return { table: tableFromValues(sheet, name, sheet.getDataRange().getValues(), required, HEADER_SEARCH_ROWS, knownRow), sheet };
}

function quickSettings(ss: Spreadsheet, tz: string): { settings: Tracker["settings"]; read: SettingsRead | null } {
  let values: unknown[][];
  try {
    values = ss.getRange(SETTINGS_RANGE).getValues();
  } catch {
    return { settings: readSettings(ss, tz).settings, read: null };
  }
  const read = settingsFromValues(values, tz, () => ss.getSpreadsheetLocale());
  return { settings: read.settings, read };
}

/**
 * The KR rows as many as the computed ID count says, by the computed header (one read, as the sidebar);
 * when that read fails (the tab renamed or deleted: "Range not found"), the tab's data range, which says
 * what is wrong in the user's words.
 */
function keyResultRows(ss: Spreadsheet, s: SettingsRead | null): Table {
  if (s) {
    try {
      return readKrRows(ss, s);
    } catch {
      // read below, for the message
    }
  }
  return readKrTable(ss, { bounded: true, headerRow: s ? computedKrHeaderRow(s) : 0 }); // placed as krRow.ts's wholeKrTable
}

/**
 * The tab's lasting look, set by the summary that makes it and restored by Repair where it differs (setup.ts):
 * the title rows frozen; labels and values 120 px in A–G (column A too: "Expected (aspirational)", "Not
 * started"), the key result's text 320 over B, H 260 for Needs attention's Forecast (118 characters with
 * what it takes: three lines, wrapped by each generation, renderSparse.ts widths); the columns under the
 * charts keep Sheets' 100 px.
 */
export const SUMMARY_LOOK = { frozenRows: 2, widths: [120, 320, 120, 120, 120, 120, 120, 260] } as const;

/**
 * Creates the Weekly Summary tab (first) with its lasting layout: frozen rows, column widths and warning-only
 * protection. The first summary makes it (setup does not: a new
 * tracker has no summary to show yet), so each later generation only clears and rewrites the cells (a
 * fixed, smaller number of service calls). Every call is paid for on Google (README, Performance), so the
 * tab gets no placeholder line (the report is written over A1 at once) and no protection description (a
 * tab's one protection is the add-on's whatever it says, as setup's are: docs/workbook.md#protection).
 */
export function createSummarySheet(ss: Spreadsheet, rows: number): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(TAB.summary, 0);
  // The look comes first: later summaries only clear cells (Repair alone restores it), so an insert below that
  // fails (a tab past Sheets' cell limit) must not leave a tab every later summary reuses without it.
  sheet.setFrozenRows(SUMMARY_LOOK.frozenRows);
  ensureWidths(sheet, summaryWidths(NEW_SHEET.columns), true);
  // protect() returns the tab's existing protection; one this user may not edit already protects it.
  const p = sheet.protect();
  if (p.canEdit()) p.setWarningOnly(true);
  // A report longer than a new sheet's 1,000 rows (a tracker of several hundred KRs) gets its room now, as
  // render.ts would give it (twice the report, so a growing cycle does not grow the tab every week), without
  // first failing to get the range and asking for the tab's size.
  if (rows > NEW_SHEET.rows) sheet.insertRowsAfter(NEW_SHEET.rows, 2 * rows - NEW_SHEET.rows);
  return sheet;
}

/** SUMMARY_LOOK's widths as [column, width], within the tab's `columns` (Sheets refuses a width beyond them). */
export function summaryWidths(columns: number): [number, number][] {
  return SUMMARY_LOOK.widths.slice(0, columns).map((w, i): [number, number] => [i + 1, w]);
}

/** The width a Weekly Summary made before session 8 gave its columns from H, for the trend beside the report. */
const OLD_TREND_WIDTH = 70;

/**
 * A Weekly Summary made before session 8 had 70 px columns from H to its last, for the trend and the Chart
 * data, which have had the Weekly Trend tab since: there they squeeze Needs attention's last three columns
 * (Latest comment, Blockers, Next step) and move the charts left. They get Sheets' 100 px, as a tab made
 * then had, and H its 260 px since session 22 (its Forecast wraps: at 100 px in eight lines), when H still
 * has either old width (a width set by hand is kept). Checked once per tracker: the Weekly Trend's record
 * then says so (trendCache.ts summaryWidths 2), so an ordinary week makes no call for it.
 */
function widenOldSummary(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const w = sheet.getColumnWidth(8);
  if (w === OLD_TREND_WIDTH) sheet.setColumnWidths(9, sheet.getMaxColumns() - 8, DEFAULT_WIDTH);
  if (w === OLD_TREND_WIDTH || w === DEFAULT_WIDTH) sheet.setColumnWidth(8, SUMMARY_LOOK.widths[7]);
}

/** The one line refusing a summary as of a day before the cycle's start. */
function beforeStartMessage(asOf: string, start: string): string {
  return `The cycle starts on ${start}: a Weekly Summary as of ${asOf} would come before it (its History rows dated before the cycle). Make it on or after ${start}. Nothing was changed.`;
}

/**
 * Generates the Weekly Summary and writes the week's History rows. The number of service calls does not
 * depend on the tracker's size: one read per source tab, a fixed set of batched writes, one call per look
 * formatted (test/server/summary.test.ts; the charts and History's Score format only when they change,
 * which the Chart data's place fixed for the cycle makes rare, the status rules every time since clear()
 * removes them; layout, widths and protection are set once, by the first generation, which makes the
 * tabs, and an older tab's widths once: widenOldSummary). An ordinary week reads the trend's past weeks from the Weekly Trend tab and writes its own week's
 * column there (trendCache.ts, trendTab.ts); any other rewrites that tab whole from History. `run`: a weekly
 * refresh's, which does nothing when another wrote this week's meanwhile (refreshMark.ts).
 */
export function generateSummary(ss: Spreadsheet, at?: string, run?: RefreshRun): SummaryModel {
  return withDocumentLock(() => {
    const tz = ss.getSpreadsheetTimeZone();
    const { settings, read: settingsRead } = quickSettings(ss, tz);
    const objT = boundedTable(ss, TAB.objectives, IDENTIFYING.objectives, OBJECTIVE_WIDTH, computedObjectiveHeaderRow(settingsRead)).table;
    const krT = keyResultRows(ss, settingsRead);
    // A fraction-% KR (typed 82%, the cell holds 0.82) is forecast and worded × 100, as its cells show it.
    const tracker: Tracker = { settings, objectives: objectivesFrom(objT), keyResults: markPercentCells(ss, krT, keyResultsFrom(krT, tz)) };
    const asOf = asOfDate(at, tz);
    // A summary before the cycle's start (the menu's, the CLI's --at) is refused: it would write week-1 History
    // rows dated before the cycle. The weekly refresh (refreshRun.ts) never asks for one: it skips such a day
    // before calling here, saying so in its record.
    if (asOf < settings.startDate) throw new UserError(beforeStartMessage(asOf, settings.startDate));
    const week = summaryWeek(settings, asOf);
    // History's state columns are read for last week (its confidence) and the checkpoint the log is read from.
    // One read of the document's properties, one write at the end (propsBatch.ts).
    const props = batchedProps(docProps());
    const checkpoints = loadCheckpoints(props);
    const best = checkpointFor(logCheckpoints(checkpoints, settings.startDate), settings, asOf);
    // The trend's past weeks from the Weekly Trend tab when it holds them as written: then History is read
    // only from last week's first row (recorded by its checkpoint) down, not every past week's rows.
    const find = sheetFinder(ss);
    const trendSheet = find(TAB.trend);
    const cache = readTrendCache(checkpoints.props, trendSheet, tracker, week);
    // Someone's own tab named "Weekly Summary" is refused before anything is written (reportTabs.ts).
    const own = summaryTabToWrite(ss, cache.record ? cache.record.summarySheetId : undefined, find);
    const historyLast = expectedHistoryLast(checkpoints, settings.startDate);
    const historyHeader = computedHistoryHeaderRow(settingsRead);
    let { hist, pastValues, pastDays } = historyForSummary(ss, tz, cache, checkpoints, settings.startDate, week, best, historyLast, historyHeader);
    let log = readSummaryLog(ss, tz, { tracker, history: hist.entries, asOf, settingsRead, checkpoint: best || null, pastValues });
    if (pastValues && lateForTrend(cache, log.checkins, log.from ? log.from.lastRow + 1 : 0, hist.entries, week, pastDays)) {
      // A check-in entered since, dated back into a past week the tab holds from the log: History read whole
      // (historyForSummary without the tab's past weeks) and the tab rewritten whole, as a rewrite does
      // (trendCache.ts lateForTrend). The log again only when read from a checkpoint: whether that still gives
      // the whole log's summary depends on History's weeks.
      ({ hist, pastValues, pastDays } = historyForSummary(ss, tz, { ...cache, pastValues: null }, checkpoints, settings.startDate, week, best, historyLast, historyHeader));
      if (log.from) log = readSummaryLog(ss, tz, { tracker, history: hist.entries, asOf, settingsRead, checkpoint: best || null });
    }
    const generatedAt = Utilities.formatDate(new Date(), tz, "yyyy-MM-dd HH:mm");
    // A weekly refresh finds whether another wrote this week's while it waited (refreshMark.ts): nothing written yet.
    if (run) markRefresh(props, asOf, run, generatedAt);
    // Numbers inside the summary's text (and the digest's) take the locale's decimal separator: one call.
    const decimalSeparator = numberStyleFor(ss.getSpreadsheetLocale());
    // A summary made after the cycle was closed (and as of a day on or after the close) says so in its subtitle.
    const closed = settingsRead ? closedAsOf(settingsRead.raw.get(norm(CYCLE_CLOSED_LABEL)), settings) : null;
    const closedOn = closed !== null && closed <= asOf ? closed : null;
    const model = buildSummary({ tracker, checkins: log.checkins, history: hist.entries, asOf, generatedAt, closedOn, decimalSeparator, pastValues, pastDays });

    const report = { row: 1, column: 1, width: model.width, rows: model.rows };
    let sheet = own.sheet;
    if (!sheet) sheet = createSummarySheet(ss, report.rows.length);
    else {
      sheet.clear(); // keeps frozen rows, column widths and the protection set when it was created; removes the status rules
      // Once per tracker (recorded by saveTrendCache below); a run without document properties could not record it.
      if (cache.props && !(cache.record && cache.record.summaryWidths === 2)) widenOldSummary(sheet);
    }
    const looks = renderSparseReport(sheet, report, SUMMARY_LOOK.widths);
    setStatusColours(sheet, looks); // clear() removed them
    // The whole trend when the tab does not hold the past weeks as written; else this week's column.
    const trend = writeTrendTab(ss, trendSheet, model.block, model.week, model.weeks, !pastValues);
    updateSummaryCharts(sheet, trend.sheet, model.charts);
    saveTrendCache(cache, trend.sheet, tracker, model.block, model.week, trend.whole, own.id ?? sheet.getSheetId(), log.lastRow);

    const written = writeHistory(ss, hist, model, tz, new Map(tracker.keyResults.filter((k) => k.percentCells).map((k) => [k.id, percentValueFormat(k)])));
    ensureHistoryScoreFormat(hist.sheet, hist.headerRow + 1, col({ headers: hist.headers }, "Score") + 1, checkpoints.props);
    // The week's History rows summarise the log read when every row read is dated on or before the summary's
    // day; otherwise only where they are is recorded (next week's trend reads History from there).
    const complete = log.maxDate === null || log.maxDate <= asOf;
    const place = { week: model.week, asOf, digest: historyDigest(model.historyRows), historyLast: written.last, historyFirst: written.first };
    const logPart = { lastRow: log.lastRow, rowKey: log.rowKey, maxDate: log.maxDate, headerRow: log.headerRow };
    saveCheckpoint(checkpoints, model.week, !hist.hasState ? null : complete ? { ...place, ...logPart } : place, settings.startDate);
    // A KR checked in after D (the weekly refresh is as of the day before its run: a check-in that morning)
    // keeps the forecast its check-in wrote, from data this summary leaves out.
    const later = new Set(log.checkins.filter((c) => c.date > asOf).map((c) => c.krId));
    writeSummaryForecasts(ss, krT, tracker.keyResults, model.data.forecast.krs, later);
    // A KR row inserted by hand has no formulas: written here too, so the sheet counts it as the summary did.
    const bare = tracker.keyResults.filter((k) => noFormulas(krT, k)).map((k) => k.row);
    if (bare.length) writeKrFormulas(ss, krT, objT, bare);
    if (props) props.commit();
    return model;
  });
}

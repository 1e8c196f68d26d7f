// "Generate weekly summary": one read of each source tab, the report built by src/core/summary, a few
// batched writes, and the week's rows in History (replaced, not duplicated, when regenerated).
import { planHistoryWrite, type ExistingHistoryRow } from "../core/history";
import type { Tracker } from "../core/model";
import { buildSummary, type SummaryModel } from "../core/summary";
import { decimalSeparatorFor } from "../core/numbers";
import { HISTORY_HEADERS, HISTORY_STATE_HEADERS, TAB } from "../core/tabs";
import { checkpointFor, historyDigest } from "../core/summaryPast";
import { asText, isoDate, UserError, withDocumentLock } from "./env";
import { columnLetter, quoteSheet } from "../core/a1";
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
import { readHistory, readHistoryRows, readSummaryLog, summaryWeek, type HistoryRead } from "./summaryRead";
import { expectedHistoryLast, loadCheckpoints, logCheckpoints, saveCheckpoint } from "./summaryCheckpoints";
import { NEW_SHEET, renderSparseReport } from "./render";
import { DEFAULT_WIDTH } from "./layout";
import { ensureHistoryScoreFormat, setStatusColours } from "./summaryLook";
import { batchedProps } from "./propsBatch";
import { docProps } from "./weeklyState";
import { writeSummaryForecasts } from "./forecastCells";
import { markPercentCells } from "./percentCells";
import { PERCENT_VALUE_FORMAT } from "../core/trendBlock";
import { noFormulas, readKrRows, writeKrFormulas } from "./krRow";
import { updateSummaryCharts } from "./summaryCharts";
import { historyForSummary, readTrendCache, saveTrendCache } from "./trendCache";
import { writeTrendTab } from "./trendTab";
import { summaryTabToWrite } from "./reportTabs";
import { parseA1 } from "./setupRules";
import { col, HEADER_SEARCH_ROWS, readTable, tableFromValues, type Table } from "./table";

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
 * started"), the key result's text 320 over B; the columns under the charts keep Sheets' 100 px.
 */
export const SUMMARY_LOOK = { frozenRows: 2, columns: 7, width: 120, keyResultWidth: 320 } as const;

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
  sheet.setColumnWidths(1, SUMMARY_LOOK.columns, SUMMARY_LOOK.width);
  sheet.setColumnWidth(2, SUMMARY_LOOK.keyResultWidth);
  // protect() returns the tab's existing protection; one this user may not edit already protects it.
  const p = sheet.protect();
  if (p.canEdit()) p.setWarningOnly(true);
  // A report longer than a new sheet's 1,000 rows (a tracker of several hundred KRs) gets its room now, as
  // render.ts would give it (twice the report, so a growing cycle does not grow the tab every week), without
  // first failing to get the range and asking for the tab's size.
  if (rows > NEW_SHEET.rows) sheet.insertRowsAfter(NEW_SHEET.rows, 2 * rows - NEW_SHEET.rows);
  return sheet;
}

/** The width a Weekly Summary made before session 8 gave its columns from H, for the trend beside the report. */
const OLD_TREND_WIDTH = 70;

/**
 * A Weekly Summary made before session 8 had 70 px columns from H to its last, for the trend and the Chart
 * data, which have had the Weekly Trend tab since: there they squeeze Needs attention's last three columns
 * (Latest comment, Blockers, Next step) and move the charts left. They get Sheets' 100 px, as a tab made
 * now has, when H still has the old width (a width set by hand is kept). Checked once per tracker: the
 * Weekly Trend's record then says so (trendCache.ts), so an ordinary week makes no call for it.
 */
function widenOldSummary(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (sheet.getColumnWidth(8) !== OLD_TREND_WIDTH) return;
  sheet.setColumnWidths(8, sheet.getMaxColumns() - 7, DEFAULT_WIDTH);
}

/**
 * Generates the Weekly Summary and writes the week's History rows. The number of service calls does not
 * depend on the tracker's size: one read per source tab, a fixed set of batched writes, one call per look
 * formatted (test/server/summary.test.ts; the charts and History's Score format only when they change,
 * which the Chart data's place fixed for the cycle makes rare, the status rules every time since clear()
 * removes them; layout, widths and protection are set once, by the first generation, which makes the
 * tabs, and an older tab's widths once: widenOldSummary). An ordinary week reads the trend's past weeks from the Weekly Trend tab and writes its own week's
 * column there (trendCache.ts, trendTab.ts); any other rewrites that tab whole from History.
 */
export function generateSummary(ss: Spreadsheet, at?: string): SummaryModel {
  return withDocumentLock(() => {
    const tz = ss.getSpreadsheetTimeZone();
    const { settings, read: settingsRead } = quickSettings(ss, tz);
    const objT = boundedTable(ss, TAB.objectives, IDENTIFYING.objectives, OBJECTIVE_WIDTH, computedObjectiveHeaderRow(settingsRead)).table;
    const krT = keyResultRows(ss, settingsRead);
    // A fraction-% KR (typed 82%, the cell holds 0.82) is forecast and worded × 100, as its cells show it.
    const tracker: Tracker = { settings, objectives: objectivesFrom(objT), keyResults: markPercentCells(ss, krT, keyResultsFrom(krT, tz)) };
    const asOf = asOfDate(at, tz);
    const week = summaryWeek(settings, asOf);
    // History's state columns are read for last week (its confidence) and the checkpoint the log is read from.
    // One read of the document's properties, one write at the end (propsBatch.ts).
    const props = batchedProps(docProps());
    const checkpoints = loadCheckpoints(props);
    const best = checkpointFor(logCheckpoints(checkpoints, settings.startDate), settings, asOf);
    // The trend's past weeks from the Weekly Trend tab when it holds them as written: then History is read
    // only from last week's first row (recorded by its checkpoint) down, not every past week's rows.
    const trendSheet = ss.getSheetByName(TAB.trend);
    const cache = readTrendCache(checkpoints.props, trendSheet, tracker, week);
    // Someone's own tab named "Weekly Summary" is refused before anything is written (reportTabs.ts).
    const own = summaryTabToWrite(ss, cache.record ? cache.record.summarySheetId : undefined);
    const { hist, pastValues } = historyForSummary(ss, tz, cache, checkpoints, settings.startDate, week, best, expectedHistoryLast(checkpoints, settings.startDate), computedHistoryHeaderRow(settingsRead));
    const log = readSummaryLog(ss, tz, { tracker, history: hist.entries, asOf, settingsRead, checkpoint: best || null, pastValues });
    const generatedAt = Utilities.formatDate(new Date(), tz, "yyyy-MM-dd HH:mm");
    // Numbers inside the summary's text (and the digest's) take the locale's decimal separator: one call.
    const decimalSeparator = decimalSeparatorFor(ss.getSpreadsheetLocale());
    const model = buildSummary({ tracker, checkins: log.checkins, history: hist.entries, asOf, generatedAt, decimalSeparator, pastValues });

    const report = { row: 1, column: 1, width: model.width, rows: model.rows };
    let sheet = own.sheet;
    if (!sheet) sheet = createSummarySheet(ss, report.rows.length);
    else {
      sheet.clear(); // keeps frozen rows, column widths and the protection set when it was created; removes the status rules
      // Once per tracker (recorded by saveTrendCache below); a run without document properties could not record it.
      if (cache.props && !(cache.record && cache.record.summaryWidths)) widenOldSummary(sheet);
    }
    renderSparseReport(sheet, report);
    setStatusColours(sheet); // clear() removed them
    // The whole trend when the tab does not hold the past weeks as written; else this week's column.
    const trend = writeTrendTab(ss, trendSheet, model.block, model.week, model.weeks, !pastValues);
    updateSummaryCharts(sheet, trend.sheet, model.charts);
    saveTrendCache(cache, trend.sheet, tracker, model.block, model.week, trend.whole, own.id ?? sheet.getSheetId());

    const written = writeHistory(ss, hist, model, tz, new Set(tracker.keyResults.filter((k) => k.percentCells).map((k) => k.id)));
    ensureHistoryScoreFormat(hist.sheet, hist.headerRow + 1, col({ headers: hist.headers }, "Score") + 1, checkpoints.props);
    // The week's History rows summarise the log read when every row read is dated on or before the summary's
    // day; otherwise only where they are is recorded (next week's trend reads History from there).
    const complete = log.maxDate === null || log.maxDate <= asOf;
    const place = { week: model.week, asOf, digest: historyDigest(model.historyRows), historyLast: written.last, historyFirst: written.first };
    const logPart = { lastRow: log.lastRow, rowKey: log.rowKey, maxDate: log.maxDate, headerRow: log.headerRow };
    saveCheckpoint(checkpoints, model.week, !hist.hasState ? null : complete ? { ...place, ...logPart } : place, settings.startDate);
    writeSummaryForecasts(ss, krT, tracker.keyResults, model.data.forecast.krs);
    // A KR row inserted by hand has no formulas: written here too, so the sheet counts it as the summary did.
    const bare = tracker.keyResults.filter((k) => noFormulas(krT, k)).map((k) => k.row);
    if (bare.length) writeKrFormulas(ss, krT, objT, bare);
    if (props) props.commit();
    return model;
  });
}

/** The number format Sheets reports for a cell never formatted. */
const UNFORMATTED = "0.###############";
/** History grows by at least this many rows at a time, so growing is rare. */
const HISTORY_GROWTH = 500;

/**
 * Writes the week's History rows; returns the first row of the week's rows and the last row holding an entry
 * after the write (the next summary reads from the one, and expects the other).
 */
function writeHistory(ss: Spreadsheet, h: HistoryRead, model: SummaryModel, tz: string, percentKrs: ReadonlySet<string>): { first: number | undefined; last: number } {
  let existing: ExistingHistoryRow[] = h.entries;
  const plan0 = planHistoryWrite(existing, model.week, model.historyRows, h.headerRow + 1);
  if (plan0.mode === "rewrite" && h.hasState) {
    // Rows of later weeks move up: read them whole so their state columns move with them.
    const from = plan0.startRow;
    existing = existing.filter((e) => e.row < from).concat(readHistoryRows(h, from, existing[existing.length - 1].row, tz));
  }
  const plan = planHistoryWrite(existing, model.week, model.historyRows, h.headerRow + 1);
  const t = { headers: h.headers };
  const idx = HISTORY_HEADERS.map((name) => col(t, name));
  if (idx.some((i) => i < 0)) throw new UserError(`The "History" tab is missing a column. Use "Repair tracker".`);
  const stateIdx = h.hasState ? HISTORY_STATE_HEADERS.map((name) => col(t, name)) : [];
  const width = Math.max(...idx, ...stateIdx) + 1;
  const rows = plan.rows.map((e) => {
    const r: unknown[] = new Array(width).fill("");
    r[idx[0]] = e.week;
    r[idx[1]] = e.asOf;
    r[idx[2]] = asText(e.krId);
    r[idx[3]] = e.value ?? "";
    r[idx[4]] = e.score ?? "";
    r[idx[5]] = e.status;
    if (stateIdx.length) {
      r[stateIdx[0]] = e.confidence ?? "";
      r[stateIdx[1]] = e.lastCheckin ?? "";
      r[stateIdx[2]] = asText(e.whatChanged ?? "");
      r[stateIdx[3]] = asText(e.blockers ?? "");
      r[stateIdx[4]] = asText(e.nextStep ?? "");
      r[stateIdx[5]] = e.sameValue ?? "";
    }
    return r;
  });
  const total = rows.length + plan.clearRows;
  // The rows written (and any later ones moved up among them) end the entries; above them, the rows kept.
  let end = h.headerRow;
  for (const e of existing) if (e.row < plan.startRow && e.row > end) end = e.row;
  if (rows.length) end = plan.startRow + rows.length - 1;
  const first = rows.length ? plan.startRow : undefined;
  if (total === 0) return { first, last: end };
  const lastRow = plan.startRow + total - 1;
  // History is not sized ahead: a range beyond the sheet's size is refused, so a full tab grows first (one
  // insert) when the write's range fails; its new rows get the Score format after the write.
  const sheet = h.sheet;
  const a1 = (r1: number, r2: number) => `${quoteSheet(TAB.history)}!A${r1}:${columnLetter(width)}${r2}`;
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ss.getRange(a1(plan.startRow, lastRow));
  } catch {
    const max = sheet.getMaxRows();
    // Room for four more weeks at least, so a growth week (and its colours' two structural calls) is rare.
    const grown = Math.max(lastRow - max, 4 * rows.length, HISTORY_GROWTH);
    sheet.insertRowsAfter(max, grown);
    colourGrownRows(sheet, h, max + grown);
    range = ss.getRange(a1(plan.startRow, lastRow));
  }
  if (rows.length) {
    const blank = new Array(width).fill("");
    // One range for the week's rows and the rows a shorter rewrite leaves behind (cleared with blanks).
    const all = rows.concat(Array.from({ length: plan.clearRows }, () => blank));
    range.setValues(all); // the Score column's format is the column's (ensureHistoryScoreFormat)
    // A fraction-% KR's Value shows as its cells do (0.92 as 92.0%), and the other rows written get Sheets'
    // default back, as a regenerated week's rows move: one call, on a tracker with such a KR only.
    if (percentKrs.size) {
      const shown = all.map((_, i) => [i < rows.length && percentKrs.has(String(plan.rows[i].krId)) ? PERCENT_VALUE_FORMAT : UNFORMATTED]);
      sheet.getRange(plan.startRow, idx[3] + 1, all.length, 1).setNumberFormats(shown);
    }
  } else {
    range.clearContent();
  }
  return { first, last: end };
}

/**
 * Setup colours History's Status column over the rows the tab has then (conditional formats); rows a
 * growth adds below would stay uncoloured, so the rules on that column reach the tab's new last row. Only
 * in a week that grows History (rare: it grows by HISTORY_GROWTH rows at least).
 */
function colourGrownRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, h: HistoryRead, maxRows: number): void {
  const status = col({ headers: h.headers }, "Status") + 1;
  if (status < 1) return;
  let changed = false;
  const rules = sheet.getConditionalFormatRules().map((rule) => {
    const ranges = rule.getRanges();
    const r = ranges.length === 1 ? parseA1(ranges[0].getA1Notation()) : null;
    if (!r || r.c1 !== status || r.c2 !== status || r.r1 !== h.headerRow + 1 || r.r2 >= maxRows) return rule;
    changed = true;
    return rule.copy().setRanges([sheet.getRange(r.r1, status, maxRows - r.r1 + 1, 1)]).build();
  });
  if (changed) sheet.setConditionalFormatRules(rules);
}

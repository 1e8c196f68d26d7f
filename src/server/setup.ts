// "Set up tracker": creates or restores the tracker tabs. Running it again, or over a tracker made by an
// earlier version, keeps every row of user data and restores missing headers, formulas and formatting.
// Tabs with one of our names but unrelated content are never overwritten: setup refuses before writing.
import { isValidIsoDate } from "../core/dates";
import { focusChecks } from "../core/focus";
import type { KeyResultFields, ObjectiveFields } from "../core/model";
import { KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../core/tabs";
import { templateByName, TEMPLATE_NAMES, type TemplateName } from "../core/templates";
import { asText, UserError } from "./env";
import { COLUMN_SPECS, type ColumnSpec } from "./layout";
import { ALL_HEADERS, IDENTIFYING, keyResultsFrom, objectivesFrom } from "./read";
import { formulaRowCount, writeFormulas } from "./setupFormulas";
import { ensureSettings } from "./setupSettings";
import { ensureProtections, protectionPlan } from "./setupProtections";
import { ensureConditionalFormats, ensureValidations, tableValidations } from "./setupRules";
import { ensureTableStyle, ensureWidths, styleHeaders, tableHeaderRow, type HeaderRow } from "./setupStyle";
import { SUMMARY_LOOK, summaryWidths } from "./summaryTab";
import { ensureTrendLook, trendTabForRepair } from "./trendTab";
import { summaryTabForRepair } from "./reportTabs";
import { recordedTabs } from "./trendCache";
import { ensureTable, foundHeaderRow, inspect, PACE_SPAN, readTrackerTabs, type Inspection } from "./setupTabs";
import { tabList, type TabList } from "./sheetNamed";
import type { SetupOptions, SetupReport, SetupRun } from "./setupTypes";
import { noteWrite, writesNoted } from "./setupWrites";
import { col, type Table } from "./table";
import { formatMoneyCells, moneyCheckOf, type MoneyCheck, type MoneyRow } from "./moneyCells";
import { trimSpacedIds } from "./idSpaces";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type { SetupOptions, SetupReport, SetupRun } from "./setupTypes";

/** The tracker's tabs in their order, for the report's list of tabs made. */
const TAB_ORDER: string[] = [TAB.settings, TAB.objectives, TAB.keyResults, TAB.checkins, TAB.history];

function validateSetupOptions(o: SetupOptions): { template: TemplateName | null } {
  if (o.template !== undefined && !(TEMPLATE_NAMES as readonly string[]).includes(o.template)) {
    throw new UserError(`Unknown template "${o.template}": use ${TEMPLATE_NAMES.join(" or ")}.`);
  }
  if (o.start !== undefined && !isValidIsoDate(o.start)) throw new UserError(`Start date "${o.start}" is not a date in the form YYYY-MM-DD.`);
  if (o.weeks !== undefined && !(Number.isInteger(o.weeks) && o.weeks >= 1 && o.weeks <= 52)) {
    throw new UserError(`Length in weeks must be a whole number from 1 to 52 (got ${o.weeks}).`);
  }
  if (o.name !== undefined && (String(o.name).trim() === "" || String(o.name).length > 100)) {
    throw new UserError("Cycle name must be 1–100 characters.");
  }
  return { template: (o.template as TemplateName) || null };
}

/** A KR's user columns as a template, an import or a rollover gives them (a blank weight: "" or null). */
export type KrRowFields = Omit<KeyResultFields, "weight"> & { weight: number | "" | null };

/** A table row with each value under its header (text kept as text, a missing value blank); absent columns are skipped. */
function rowFor(t: Table, values: Record<string, unknown>): unknown[] {
  const r: unknown[] = new Array(t.headers.length).fill("");
  for (const [h, v] of Object.entries(values)) {
    const c = col(t, h);
    if (c >= 0) r[c] = typeof v === "string" ? asText(v) : v === null || v === undefined ? "" : v;
  }
  return r;
}

/**
 * Appends objectives and key results (a template's, an import's, the next cycle's at rollover) below the
 * tables' data, in their user columns only: the formula columns are setup's to write. `countsFrom`: per KR
 * (by index), the YYYY-MM-DD its pace counts from (an import's: the file's, or the day of an import after the
 * cycle's start), written as an ISO date string, which Sheets reads as a date in every locale; it goes only
 * where the tab has the column. `plainText`: the tabs are a team's (an import's), which may be formatted as
 * Plain text (writeDataRows; one call more a block).
 */
export function writeOkrRows(
  objT: Table,
  krT: Table,
  objectives: readonly ObjectiveFields[],
  keyResults: readonly KrRowFields[],
  countsFrom: readonly (string | undefined)[] = [],
  plainText = false,
  sep?: "." | ",",
  formatMoney = true,
): number {
  const objRows = objectives.map((o) =>
    rowFor(objT, { ID: o.id, Objective: o.title, Owner: o.owner, Team: o.team, "Parent ID": o.parentId, Type: o.type, "P&L link": o.pnlLink }),
  );
  const from = countsFrom.some(Boolean) ? col(krT, "Counts from") : -1;
  const krRows = keyResults.map((k, i) => {
    const r = rowFor(krT, {
      ID: k.id, "Objective ID": k.objectiveId, "Key result": k.title, Owner: k.owner, Metric: k.metric, Unit: k.unit,
      Start: k.start, Target: k.target, Weight: k.weight,
    });
    // Not through rowFor, which keeps text literal: the date must be read as one.
    if (from >= 0) r[from] = countsFrom[i] || "";
    return r;
  });
  if (objRows.length) writeDataRows(objT, objRows, OBJECTIVE_HEADERS.slice(0, 7), plainText);
  const firstKr = krT.headerRow + 1 + krT.rows.length;
  if (krRows.length) writeDataRows(krT, krRows, from >= 0 ? [...KR_HEADERS.slice(0, 9), "Counts from"] : KR_HEADERS.slice(0, 9), plainText);
  if (formatMoney) formatMoneyCells(krT, firstKr, keyResults, sep);
  return firstKr;
}

/**
 * Writes data rows below the existing data of a table, column block by column block, touching only the
 * given (user) columns so formula columns are left to the formula writer. `plainText`: the tab may be a
 * team's, formatted as Plain text, where text is kept whole and the apostrophe that keeps it literal
 * elsewhere would show: the blocks' formats are read (one call each) and such cells get the text itself.
 */
export function writeDataRows(t: Table, rows: unknown[][], headers: readonly string[], plainText = false): void {
  const first = t.headerRow + 1 + t.rows.length;
  noteWrite();
  const cols = headers.map((h) => col(t, h)).filter((c) => c >= 0).sort((a, b) => a - b);
  // An import larger than the tab's rows (a new tab has 1000) grows it first, as setValues will not.
  const max = t.sheet.getMaxRows();
  if (first + rows.length - 1 > max) t.sheet.insertRowsAfter(max, first + rows.length - 1 - max);
  // Contiguous runs of columns: one setValues each.
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    const c0 = cols[i];
    const n = cols[j] - c0 + 1;
    const range = t.sheet.getRange(first, c0 + 1, rows.length, n);
    const formats = plainText ? range.getNumberFormats() : null;
    range.setValues(rows.map((r, y) => r.slice(c0, c0 + n).map((v, x) => (formats && formats[y][x] === "@" ? unquoted(v) : v))));
    i = j + 1;
  }
  // Keep the rows as the sheet reads them back: text without the apostrophe that kept it literal
  // (otherwise the focus checks below see "'increase" and call the metric unknown).
  t.rows = t.rows.concat(rows.map((r) => r.map(unquoted)));
}

/** Text written literal (env.ts asText), as the sheet reads it back or a Plain text cell takes it. */
function unquoted(v: unknown): unknown {
  return typeof v === "string" && v.charAt(0) === "'" ? v.slice(1) : v;
}

/**
 * Gives an existing Weekly Summary the rows a whole cycle needs (a summary lists each KR in a few
 * sections), so generating the summary does not have to grow it: growing costs service calls, and the
 * summary has a fixed budget. Run by Repair and by imports. Setup does not make the tab: the first summary
 * does (summaryTab.ts createSummarySheet), and a tracker without one is healthy.
 */
function sizeForCycle(summary: GoogleAppsScript.Spreadsheet.Sheet | null, krs: number): void {
  if (!summary) return;
  // Six rows per KR: attention, missing, low confidence, blockers, forecast and signals (issue 18; the trend
  // has had a tab of its own since session 8, and a tab sized for it keeps its rows).
  const max = summary.getMaxRows();
  if (max < 6 * krs + 200) {
    noteWrite();
    summary.insertRowsAfter(max, 6 * krs + 200 - max);
  }
  // Columns are not sized here: the report is 10 columns wide, and the trend's week columns are on the
  // Weekly Trend tab, which the summary makes and sizes for the cycle (trendTab.ts).
  // History is not sized ahead: the summary reads it to its last row and grows it, in one call, in a week
  // that needs room (docs/summary.md#history).
}

/**
 * The Weekly Summary's frozen title rows and widths as the summary that made it set them (summaryTab.ts
 * SUMMARY_LOOK; later summaries keep them, Sheet.clear() leaving both), read (cheap calls) and written only
 * where they differ, within the tab's columns: Sheets refuses a width beyond them, and the next summary
 * writes its columns. Sized for the cycle first (sizeForCycle), the tab has rows to scroll below the frozen ones.
 */
function ensureSummaryLook(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (sheet.getFrozenRows() !== SUMMARY_LOOK.frozenRows) {
    noteWrite();
    sheet.setFrozenRows(SUMMARY_LOOK.frozenRows);
  }
  ensureWidths(sheet, summaryWidths(sheet.getMaxColumns()), false);
}

interface ReportTabs {
  summary: GoogleAppsScript.Spreadsheet.Sheet | null;
  trend: ReturnType<typeof trendTabForRepair>;
  /** The names of the report tabs there that are someone's own (setupProtections.ts, strays). */
  notOurs: string[];
}

/**
 * The Weekly Summary and the Weekly Trend when they are the add-on's (reportTabs.ts summaryTabForRepair,
 * trendTab.ts trendTabForRepair), each looked after on its own: a Weekly Trend left after its Weekly Summary
 * was deleted keeps its look too. A tab of either name that is someone's own is left as it is (null), not
 * refused: Repair writes nothing in it, and the summary refuses to write over it when it is run. The
 * summary's record, which places both without a read, is read only when there is one of them.
 */
function reportTabsForRepair(ss: Spreadsheet): ReportTabs {
  // By getSheetByName, not sheetNamed: a tracker without a summary (every new one) would pay a look at every
  // tab's name on each setup and Repair. Under the exact reading ("to check" 27) Repair then leaves a report
  // tab renamed in capitals unsized and unprotected, and an old protection on someone's own "WEEKLY
  // SUMMARY" in place: the summary still finds its tab (sheetNamed), so nothing is lost.
  const summarySheet = ss.getSheetByName(TAB.summary);
  const trendSheet = ss.getSheetByName(TAB.trend);
  const record = summarySheet || trendSheet ? recordedTabs() : null;
  const summary = summaryTabForRepair(summarySheet, record ? record.summaryId : null);
  const trend = trendTabForRepair(trendSheet, record);
  return { summary, trend, notOurs: [...(summarySheet && !summary ? [TAB.summary] : []), ...(trendSheet && !trend ? [TAB.trend] : [])] };
}

/**
 * Formatting, dropdowns, conditional colours and protection of the four table tabs (and the Weekly
 * Summary's and the Weekly Trend's look and protection, when the tracker has those tabs), each
 * read once and written only where it differs from what it should be.
 */
function applyLayout(ss: Spreadsheet, tabs: { objT: Table; krT: Table; logT: Table; histT: Table }, reports: ReportTabs, settingsHeader: HeaderRow | null, report: SetupReport, krs: readonly MoneyRow[]): void {
  const { summary, trend } = reports;
  if (summary) ensureSummaryLook(summary);
  if (trend) ensureTrendLook(trend);
  const { objT, krT, logT, histT } = tabs;
  const created = new Set(report.created);
  const fresh = (t: Table) => created.has(t.name);
  const headerWritten = (t: Table) => report.restored.some((r) => r.indexOf(`${t.name}: `) === 0 && /header|column/.test(r));
  const specsOf = new Map<Table, Record<string, ColumnSpec>>([
    [objT, COLUMN_SPECS.objectives], [krT, COLUMN_SPECS.keyResults], [logT, COLUMN_SPECS.checkins], [histT, COLUMN_SPECS.history],
  ]);
  styleHeaders([
    ...(settingsHeader ? [settingsHeader] : []),
    ...[...specsOf].filter(([t]) => fresh(t) || headerWritten(t)).map(([t, specs]) => tableHeaderRow(t, specs)),
  ]);
  const nObj = formulaRowCount(objT);
  const nKr = formulaRowCount(krT);
  const style = (t: Table, specs: Record<string, ColumnSpec>, checkRows: number, writeRows: number, money: MoneyCheck | null = null) =>
    ensureTableStyle(t, specs, { fresh: fresh(t), checkRows, writeRows, money });
  style(objT, COLUMN_SPECS.objectives, nObj, nObj);
  // Money KRs' Start, Target, Current and Forecast get their currency's format where theirs does not write it (a KR typed
  // by hand, a unit changed to money, an older tracker): moneyCells.ts.
  style(krT, COLUMN_SPECS.keyResults, nKr, nKr, moneyCheckOf(krT, krs));
  // The log and History are protected and written by the add-on only (which sets the number formats of
  // the rows it writes): their look is set on whole columns when the tab or its header is new, not read
  // back on every run.
  if (fresh(logT) || headerWritten(logT)) style(logT, COLUMN_SPECS.checkins, 1, logT.sheet.getMaxRows() - logT.headerRow);
  const histRows = histT.sheet.getMaxRows() - histT.headerRow;
  if (fresh(histT) || headerWritten(histT)) style(histT, COLUMN_SPECS.history, 1, histRows);
  const dv = (t: Table, kind: "objectives" | "keyResults", rows: number) =>
    ensureValidations(
      t.sheet,
      Object.entries(tableValidations(kind))
        .map(([h, rule]) => ({ row: t.headerRow + 1, col: col(t, h) + 1, rows, rule }))
        .filter((x) => x.col > 0),
      fresh(t),
    );
  dv(objT, "objectives", nObj);
  dv(krT, "keyResults", nKr);
  ensureConditionalFormats(objT, ["Status"], null, nObj, fresh(objT));
  ensureConditionalFormats(krT, ["Status", "Score"], "Confidence", nKr, fresh(krT));
  // History's colours cover its whole grid, so the summaries' rows are coloured until the summary grows it
  // (then the next Repair extends them: the rule no longer reaches the last row).
  ensureConditionalFormats(histT, ["Status"], null, histRows, fresh(histT));
  ensureProtections(ss, protectionPlan(objT, krT, logT, histT, nObj, nKr, summary, trend ? trend.sheet : null, reports.notOurs), created);
}

/**
 * A new spreadsheet's one tab, empty, with its name; null otherwise. Its name is in the creator's language
 * ("Sheet1", "Tabellenblatt1", "Blad1"): it is recognised by being alone and not one of ours, and becomes
 * the Settings tab (one rename instead of a new tab and a deletion). Known empty, it is not read for a
 * renamed tracker tab.
 */
function emptyDefaultTab(tabs: TabList): { sheet: GoogleAppsScript.Spreadsheet.Sheet; name: string } | null {
  const first = tabs.sheets();
  if (first.length !== 1) return null;
  const name = tabs.named()[0].name;
  // getLastRow() is 0 exactly when a sheet holds nothing: no need to ask for its last column too.
  if ((Object.values(TAB) as string[]).indexOf(name) >= 0 || first[0].getLastRow() !== 0) return null;
  return { sheet: first[0], name };
}

/**
 * Throws what Repair (setUpTracker with no options) would refuse this spreadsheet with, writing nothing:
 * the import runs Repair after writing its rows, and checks this before, so that it never leaves rows
 * Repair then refuses to finish. Its verdict holds after those writes: rows below a table's header move
 * no header and make no tab look like another. `again`: what the messages say to do once the tabs are fixed
 * (setup's own words without it: the menu asks before its template question). Returns the tabs as read, for
 * what else the caller would refuse from them (the import: counts_from days with no room for the column).
 */
export function checkRepair(ss: Spreadsheet, again?: string): Inspection {
  const tabs = tabList(ss);
  const reuse = emptyDefaultTab(tabs);
  return readTrackerTabs(ss, reuse ? reuse.name : null, again, tabs);
}

/**
 * Sets up or repairs the tracker. `tz`: the spreadsheet's time zone, where the caller has asked for it already
 * (for `today`): asked once per run, a service call each (until session 14 a new tracker's setup asked twice).
 * Set up and Repair answer with its `report`; the roll over and the import also act on the rest (SetupRun).
 * `repairRead`: Set up or Repair from the menu or the sidebar, which use only the report: Key Results is read in
 * the columns a KR is typed into (setupKrRead.ts), unless a template is to be written (it goes below the rows).
 */
export function setUpTracker(ss: Spreadsheet, opts: SetupOptions, today: string, tz: string = ss.getSpreadsheetTimeZone(), repairRead = false): SetupRun {
  const { template: templateName } = validateSetupOptions(opts);
  const writesBefore = writesNoted();
  const report: SetupReport = { created: [], restored: [], ids: [], updated: [], warnings: [] };
  // The tabs, listed once for every look before setup changes one (then never looked through again).
  const tabs = tabList(ss);
  const empty = emptyDefaultTab(tabs);
  const reuse = empty ? empty.sheet : null;
  const state = inspect(ss, report, empty ? empty.name : null, tabs, repairRead && !templateName);
  const tpl = templateName ? templateByName(templateName) : null;
  // The computed Settings rows point at the table headers where they were found: a reference that rows
  // inserted above a header moved is kept, so every operation still finds the header there.
  const headerRows = {
    objectives: foundHeaderRow(state.objectives, IDENTIFYING.objectives),
    kr: foundHeaderRow(state.keyResults, IDENTIFYING.keyResults),
    log: foundHeaderRow(state.checkins, IDENTIFYING.checkins),
    history: foundHeaderRow(state.history, IDENTIFYING.history),
  };
  const settings = ensureSettings(ss, state.settings, opts, tpl, today, tz, report, reuse, headerRows);
  const objT = ensureTable(ss, state.objectives, ALL_HEADERS.objectives, IDENTIFYING.objectives, report);
  const logT = ensureTable(ss, state.checkins, ALL_HEADERS.checkins, IDENTIFYING.checkins, report);
  const histT = ensureTable(ss, state.history, ALL_HEADERS.history, IDENTIFYING.history, report);
  // Key Results is made last, right after Objectives: a tab inserted becomes the active one, so a new
  // tracker opens on Key Results without a setActiveSheet call (a write on Google).
  const krAt = state.keyResults.sheet ? undefined : objT.sheet.getIndex();
  const krT = ensureTable(ss, state.keyResults, ALL_HEADERS.keyResults, IDENTIFYING.keyResults, report, krAt, PACE_SPAN);
  report.created.sort((a, b) => TAB_ORDER.indexOf(a) - TAB_ORDER.indexOf(b));
  // Before anything reads the IDs: the focus checks and the rows below see them as the sheet then holds them.
  trimSpacedIds(objT, krT, report, opts.imported);

  const before = { objRows: objT.rows.length, krRows: krT.rows.length };
  const hasData = objectivesFrom(objT).length > 0 || keyResultsFrom(krT, tz).length > 0;
  // Into a tab that was there (a team's, maybe formatted as Plain text, where the quote would show), as an
  // import writes: the blocks' formats are read first (one call a block). A new tab's are Automatic: none.
  const existed = [objT, krT].some((t) => report.created.indexOf(t.name) < 0);
  // On a new Key Results tab the template's money cells are formatted after the layout (below), which writes
  // the number formats of Confidence…Counts from there as one box, unread: the Forecast cell's format, set
  // first, went back to General (until session 21). On a tab that was there the box is read and kept.
  const lateMoney = report.created.indexOf(krT.name) >= 0;
  const templateKrs = tpl && !hasData ? writeOkrRows(objT, krT, tpl.objectives, tpl.keyResults, [], existed, undefined, !lateMoney) : 0;
  if (tpl && hasData && tpl.objectives.length) {
    report.warnings.push("The tracker already has OKRs, so the template's examples were not added.");
  }

  writeFormulas(objT, krT, { report, ...before });
  // The Weekly Summary is made by the first summary (with its layout and protection), not here: a tracker
  // without one is healthy, and one that has it is sized and protected like the other tabs.
  const reports = reportTabsForRepair(ss);
  const krs = keyResultsFrom(krT, tz);
  sizeForCycle(reports.summary, krs.length);
  applyLayout(ss, { objT, krT, logT, histT }, reports, settings.header, report, krs);
  if (tpl && templateKrs && lateMoney) formatMoneyCells(krT, templateKrs, tpl.keyResults);

  // A new tracker opens on Key Results (made last, so already active: see above); a Repair leaves the
  // person on the tab they were looking at.
  if (report.created.indexOf(TAB.keyResults) >= 0 && ss.getActiveSheet().getName() !== TAB.keyResults) {
    noteWrite();
    ss.setActiveSheet(krT.sheet);
  }
  report.warnings.push(...focusChecks(objectivesFrom(objT), krs));
  return { report, settingsNoRoom: settings.noRoom, keyResults: krT, wrote: writesNoted() > writesBefore };
}

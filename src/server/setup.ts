// "Set up tracker": creates or restores the tracker tabs. Running it again, or over a tracker made by an
// earlier version, keeps every row of user data and restores missing headers, formulas and formatting.
// Tabs with one of our names but unrelated content are never overwritten: setup refuses before writing.
import { createSummarySheet, reprotectSummary } from "./summaryTab";
import { quoteSheet } from "../core/a1";
import { isValidIsoDate, addDays, dayNumber } from "../core/dates";
import { focusChecks } from "../core/focus";
import { colsFromHeaders, krFormulas, objectiveFormulas } from "../core/formulas";
import {
  CHECKIN_HEADERS,
  HISTORY_HEADERS,
  KR_HEADERS,
  KR_HELPER_HEADERS,
  OBJECTIVE_HEADERS,
  SETTINGS_COMPUTED,
  SETTINGS_HEADERS,
  SETTINGS_ROWS,
  TAB,
} from "../core/tabs";
import { templateByName, TEMPLATE_NAMES, type Template, type TemplateName } from "../core/templates";
import { asText, UserError } from "./env";
import {
  applyConditionalFormats,
  applySettingsValidations,
  applyValidations,
  clearOurProtections,
  COLUMN_SPECS,
  HEADER_BG,
  HEADER_FG,
  OWNED_COLUMNS,
  protectColumns,
  protectSheet,
  styleTable,
} from "./layout";
import {
  ALL_HEADERS,
  IDENTIFYING,
  KR_WIDTH,
  keyResultsFrom,
  LOG_WIDTH,
  OBJECTIVE_WIDTH,
  objectivesFrom,
  readSettings,
  SETTINGS_RANGE,
} from "./read";
import { col, findHeaderRow, norm, readColumns, tableFromValues, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupOptions {
  template?: string;
  start?: string;
  weeks?: number;
  name?: string;
}

export interface SetupReport {
  created: string[];
  restored: string[];
  warnings: string[];
}

/** Rows below the data that get formulas too, so a row typed by hand is scored at once. */
const SPARE_ROWS = 20;
const MIN_FORMULA_ROWS = 50;

export function validateSetupOptions(o: SetupOptions): { template: TemplateName | null } {
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
  return { template: (o.template as TemplateName) ?? null };
}

/** Monday of the week containing `iso`. */
export function mondayOf(iso: string): string {
  const dow = (dayNumber(iso) + 3) % 7; // 1970-01-01 was a Thursday; Monday = 0
  return addDays(iso, -dow);
}

interface TabState {
  name: string;
  sheet: Sheet | null;
  values: unknown[][];
}

function isEmpty(values: unknown[][]): boolean {
  return values.every((r) => r.every((v) => v === "" || v === null));
}

/** Reads the first rows of each tracker tab and refuses when one of our names holds something else. */
type TabKey = "settings" | "objectives" | "keyResults" | "checkins" | "history";

function inspect(ss: Spreadsheet, report: SetupReport): Record<TabKey, TabState> {
  const read = (name: string, width: number): TabState => {
    const sheet = ss.getSheetByName(name);
    return { name, sheet, values: sheet ? readColumns(ss, sheet, name, width) : [] };
  };
  const state = {
    settings: read(TAB.settings, 3),
    objectives: read(TAB.objectives, OBJECTIVE_WIDTH),
    keyResults: read(TAB.keyResults, KR_WIDTH),
    checkins: read(TAB.checkins, LOG_WIDTH),
    history: read(TAB.history, LOG_WIDTH),
  };
  const foreign: string[] = [];
  const check = (s: TabState, ident: readonly string[]) => {
    if (s.sheet && !isEmpty(s.values) && findHeaderRow(s.values, ident) < 0) foreign.push(s.name);
  };
  if (state.settings.sheet && !isEmpty(state.settings.values)) {
    const labels = new Set(state.settings.values.map((r) => norm(r[0])));
    if (!labels.has(norm("Start date")) && !labels.has(norm("Setting"))) foreign.push(TAB.settings);
  }
  check(state.objectives, IDENTIFYING.objectives);
  check(state.keyResults, IDENTIFYING.keyResults);
  check(state.checkins, IDENTIFYING.checkins);
  check(state.history, IDENTIFYING.history);
  if (foreign.length) {
    throw new UserError(
      `These tabs already exist and are not okr-sheets tabs: ${foreign.map((f) => `"${f}"`).join(", ")}. ` +
        "Rename them (their content is kept) and run Set up tracker again.",
    );
  }
  reattachRenamed(ss, state, report);
  return state;
}

const WIDTHS: Record<TabKey, number> = {
  settings: 3,
  objectives: OBJECTIVE_WIDTH,
  keyResults: KR_WIDTH,
  checkins: LOG_WIDTH,
  history: LOG_WIDTH,
};

/** Every header of the spec, so a user's own tab (an import source, say) is never mistaken for ours. */
const FULL_HEADERS: Record<Exclude<TabKey, "settings">, readonly string[]> = {
  objectives: OBJECTIVE_HEADERS,
  keyResults: KR_HEADERS,
  checkins: CHECKIN_HEADERS,
  history: HISTORY_HEADERS,
};

/** Whether a tab's first rows are one of ours (Settings by its labels, tables by all their headers). */
function looksLike(key: TabKey, values: unknown[][]): boolean {
  if (isEmpty(values)) return false;
  if (key === "settings") {
    const labels = new Set(values.map((r) => norm(r[0])));
    return ["Start date", "Length in weeks", "Check-in cadence"].every((l) => labels.has(norm(l)));
  }
  return findHeaderRow(values, FULL_HEADERS[key]) >= 0;
}

/**
 * A tracker tab renamed by a user is renamed back, so its rows are kept (the add-on finds its tabs by
 * name; setup would otherwise create an empty tab beside the data). Only tabs that are not ours by name,
 * not archives of an earlier cycle (" · " in the name) and not report tabs are considered, and only when
 * exactly one of them looks like the missing tab; otherwise the user is asked to choose.
 */
function reattachRenamed(ss: Spreadsheet, state: Record<TabKey, TabState>, report: SetupReport): void {
  const missing = (Object.keys(state) as TabKey[]).filter((k) => !state[k].sheet);
  if (!missing.length) return;
  const ours = new Set<string>(Object.values(TAB));
  const others = ss.getSheets().filter((sh) => !ours.has(sh.getName()) && sh.getName().indexOf(" · ") < 0);
  if (!others.length) return;
  const contents = others.map((sh) => ({ sheet: sh, name: sh.getName(), values: readColumns(ss, sh, sh.getName(), 26) }));
  const plan: [TabKey, (typeof contents)[number]][] = [];
  for (const key of missing) {
    const matches = contents.filter((c) => looksLike(key, c.values.slice(0, 30)));
    if (matches.length > 1) {
      throw new UserError(
        `The "${state[key].name}" tab is missing, and ${matches.map((m) => `"${m.name}"`).join(" and ")} all look like it. ` +
          `Rename the right one to "${state[key].name}" and run Repair tracker again. Nothing was changed.`,
      );
    }
    if (matches.length === 1) {
      const taken = plan.find(([, c]) => c === matches[0]);
      if (taken) continue; // one tab cannot be two of ours (e.g. an empty-looking copy)
      plan.push([key, matches[0]]);
    }
  }
  for (const [key, c] of plan) {
    const name = state[key].name;
    c.sheet.setName(name);
    // Already read (26 columns wide): the tab's table is the same columns, narrowed to ours.
    state[key] = { name, sheet: c.sheet, values: c.values.map((r) => r.slice(0, WIDTHS[key])) };
    report.restored.push(`Tab "${c.name}" renamed back to "${name}" (its rows are kept)`);
  }
}

/** Makes sure a table tab exists with every header; returns the table over its current data. */
function ensureTable(ss: Spreadsheet, s: TabState, headers: readonly string[], ident: readonly string[], report: SetupReport): Table {
  let sheet = s.sheet;
  let values = s.values;
  if (!sheet) {
    sheet = ss.insertSheet(s.name);
    report.created.push(s.name);
    values = [];
  }
  if (isEmpty(values)) {
    sheet.getRange(1, 1, 1, headers.length).setValues([headers.slice()]);
    if (s.sheet) report.restored.push(`${s.name}: header row`);
    return tableFromValues(sheet, s.name, [headers.slice()], ident);
  }
  const t = tableFromValues(sheet, s.name, values, ident);
  const missing = headers.filter((h) => col(t, h) < 0);
  if (missing.length) {
    // Append missing headers after the last used header cell.
    let last = t.headers.length;
    while (last > 0 && t.headers[last - 1] === "") last--;
    sheet.getRange(t.headerRow, last + 1, 1, missing.length).setValues([missing.slice()]);
    report.restored.push(`${s.name}: column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    const headerRow = t.headers.slice(0, last).concat(missing);
    return { ...t, headers: headerRow, width: headerRow.length };
  }
  return t;
}

function settingsRowOf(values: unknown[][]): Map<string, number> {
  const m = new Map<string, number>();
  values.forEach((r, i) => {
    const k = norm(r[0]);
    if (k && !m.has(k)) m.set(k, i + 1);
  });
  return m;
}

function ensureSettings(ss: Spreadsheet, s: TabState, opts: SetupOptions, template: Template | null, today: string, report: SetupReport): void {
  let sheet = s.sheet;
  let values = s.values;
  if (!sheet) {
    sheet = ss.insertSheet(TAB.settings, 0);
    report.created.push(TAB.settings);
    values = [];
  }
  if (isEmpty(values)) {
    sheet.getRange(1, 1, 1, 3).setValues([SETTINGS_HEADERS.slice()]);
    values = [SETTINGS_HEADERS.slice()];
  }
  const rowOf = settingsRowOf(values);
  let next = values.length + 1;
  while (next > 1 && isEmpty([values[next - 2] || []])) next--;
  const valueAt = (label: string) => {
    const r = rowOf.get(norm(label));
    return r ? values[r - 1][1] : undefined;
  };
  const writes: { row: number; label: string; value: unknown; note: string }[] = [];
  for (const def of SETTINGS_ROWS) {
    const value: unknown = valueAt(def.label);
    const present = rowOf.has(norm(def.label));
    let wanted: unknown = undefined;
    if (def.key === "startDate" && opts.start) wanted = opts.start;
    else if (def.key === "weeks" && opts.weeks !== undefined) wanted = opts.weeks;
    else if (def.key === "cycleName" && opts.name) wanted = opts.name;
    else if (!present || value === "" || value === undefined) {
      if (def.key === "startDate") wanted = mondayOf(today);
      else if (def.key === "cycleName") wanted = template?.cycleName ?? def.def;
      else if (def.key === "admins" && template?.admins.length) wanted = template.admins.join(", ");
      else if (def.key === "leaders" && template?.leaders.length) wanted = template.leaders.join(", ");
      else wanted = def.def;
      if (present && s.sheet && !isEmpty(s.values) && wanted !== "") {
        report.restored.push(`Settings: ${def.label} was blank, now ${String(wanted)}`);
      }
    }
    if (!present) {
      writes.push({ row: next, label: def.label, value: wanted ?? "", note: def.note });
      rowOf.set(norm(def.label), next++);
      if (s.sheet && !isEmpty(s.values)) report.restored.push(`Settings: ${def.label}`);
    } else if (wanted !== undefined) {
      writes.push({ row: rowOf.get(norm(def.label))!, label: def.label, value: wanted, note: def.note });
    }
  }
  for (const w of writes) {
    // The start date is written as an ISO date string, which Sheets reads as a date in every locale;
    // other text is written as literal text.
    const v = w.label === "Start date" ? w.value : typeof w.value === "string" ? asText(w.value) : w.value;
    sheet.getRange(w.row, 1, 1, 3).setValues([[w.label, v, w.note]]);
  }
  // Computed rows below the settings, after one blank row.
  let computedRow = Math.max(...Array.from(rowOf.values())) + 2;
  for (const c of SETTINGS_COMPUTED) {
    const r = rowOf.get(norm(c.label)) ?? computedRow++;
    sheet.getRange(r, 1, 1, 3).setValues([[c.label, "", "Computed by okr-sheets; do not edit."]]);
    sheet.getRange(r, 2).setFormula(c.formula);
    rowOf.set(norm(c.label), r);
  }
  // Named ranges point at the value cells, so formulas survive rows being moved.
  // An existing name is moved with NamedRange.setRange: whether setNamedRange replaces an existing name
  // or fails is not settled (docs/apps-script-fidelity.md), and setRange is right under both readings.
  const existing = new Map(ss.getNamedRanges().map((n) => [n.getName(), n] as const));
  for (const def of [...SETTINGS_ROWS, ...SETTINGS_COMPUTED]) {
    const r = rowOf.get(norm(def.label));
    if (!r) continue;
    const named = existing.get(def.name);
    if (named) named.setRange(sheet.getRange(r, 2));
    else ss.setNamedRange(def.name, sheet.getRange(r, 2));
  }
  const start = rowOf.get(norm("Start date"));
  if (start) sheet.getRange(start, 2).setNumberFormat("yyyy-mm-dd");
  for (const label of ["On track if gap ≤", "At risk if gap ≤", "Aspirational goal"]) {
    const r = rowOf.get(norm(label));
    if (r) sheet.getRange(r, 2).setNumberFormat("0.00");
  }
  sheet.getRange(1, 1, 1, 3).setFontWeight("bold").setBackground(HEADER_BG).setFontColor(HEADER_FG);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 250);
  sheet.setColumnWidth(2, 260);
  sheet.setColumnWidth(3, 360);
  applySettingsValidations(sheet, (label) => rowOf.get(norm(label)));
}

function writeTemplate(objT: Table, krT: Table, tpl: Template): void {
  if (tpl.objectives.length) {
    const rows = tpl.objectives.map((o) => {
      const row: unknown[] = new Array(objT.headers.length).fill("");
      const put = (h: string, v: unknown) => {
        const c = col(objT, h);
        if (c >= 0) row[c] = typeof v === "string" ? asText(v) : v;
      };
      put("ID", o.id); put("Objective", o.title); put("Owner", o.owner); put("Team", o.team);
      put("Parent ID", o.parentId); put("Type", o.type); put("P&L link", o.pnlLink);
      return row;
    });
    writeDataRows(objT, rows, OBJECTIVE_HEADERS.slice(0, 7));
  }
  if (tpl.keyResults.length) {
    const rows = tpl.keyResults.map((k) => {
      const row: unknown[] = new Array(krT.headers.length).fill("");
      const put = (h: string, v: unknown) => {
        const c = col(krT, h);
        if (c >= 0) row[c] = typeof v === "string" ? asText(v) : v;
      };
      put("ID", k.id); put("Objective ID", k.objectiveId); put("Key result", k.title); put("Owner", k.owner);
      put("Metric", k.metric); put("Unit", k.unit); put("Start", k.start); put("Target", k.target); put("Weight", k.weight);
      return row;
    });
    writeDataRows(krT, rows, KR_HEADERS.slice(0, 9));
  }
}

/**
 * Writes data rows below the existing data of a table, column block by column block, touching only the
 * given (user) columns so formula columns are left to the formula writer.
 */
export function writeDataRows(t: Table, rows: unknown[][], headers: readonly string[]): void {
  const first = t.headerRow + 1 + t.rows.length;
  const cols = headers.map((h) => col(t, h)).filter((c) => c >= 0).sort((a, b) => a - b);
  // Contiguous runs of columns: one setValues each.
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    const c0 = cols[i];
    const n = cols[j] - c0 + 1;
    t.sheet.getRange(first, c0 + 1, rows.length, n).setValues(rows.map((r) => r.slice(c0, c0 + n)));
    i = j + 1;
  }
  // Keep the rows as the sheet reads them back: text without the apostrophe that kept it literal
  // (otherwise the focus checks below see "'increase" and call the metric unknown).
  t.rows = t.rows.concat(rows.map((r) => r.map((v) => (typeof v === "string" && v.charAt(0) === "'" ? v.slice(1) : v))));
}

export function formulaRowCount(t: Table): number {
  return Math.max(t.rows.length + SPARE_ROWS, MIN_FORMULA_ROWS);
}

/**
 * Writes the formula columns of both tables for every data row and the spare rows below. With a report,
 * formula cells of data rows that held something else (a number typed over a score, say) are named in it.
 */
export function writeFormulas(objT: Table, krT: Table, repair?: Repair): void {
  const objCols = colsFromHeaders(objT.headers);
  const krCols = colsFromHeaders(krT.headers);
  const nObj = formulaRowCount(objT);
  const nKr = formulaRowCount(krT);
  const objName = quoteSheet(objT.name);
  writeFormulaColumns(objT, nObj, (row) => ({ ...objectiveFormulas(row, objCols, krCols) }), repair && { report: repair.report, rows: repair.objRows });
  writeFormulaColumns(krT, nKr, (row) => ({
    ...krFormulas(row, krCols, objCols),
    "Objective name": `=IF($${krCols["ID"]}${row}="","",IFERROR(INDEX(${objName}!$${objCols["Objective"]}:$${objCols["Objective"]},MATCH($${krCols["Objective ID"]}${row},${objName}!$${objCols["ID"]}:$${objCols["ID"]},0)),""))`,
  }), repair && { report: repair.report, rows: repair.krRows });
}

/** The report to name repaired formulas in, and how many data rows each table had before setup ran. */
export interface Repair {
  report: SetupReport;
  objRows: number;
  krRows: number;
}

/**
 * Formulas compared as the sheet may give them back: spacing, letter case and the quotes around a sheet
 * name that needs none can differ (our formulas hold no text with an apostrophe).
 */
function sameFormula(a: string, b: string): boolean {
  const n = (f: string) => f.replace(/[\s']+/g, "").toUpperCase();
  return n(a) === n(b);
}

function writeFormulaColumns(t: Table, n: number, make: (row: number) => Record<string, string>, repair?: { report: SetupReport; rows: number }): void {
  const first = t.headerRow + 1;
  // The spare formula rows may reach past the sheet's last row: grow the sheet first.
  const max = t.sheet.getMaxRows();
  if (first + n - 1 > max) t.sheet.insertRowsAfter(max, first + n - 1 - max);
  const perRow: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) perRow.push(make(first + i));
  for (const header of Object.keys(perRow[0] || {})) {
    const c = col(t, header);
    if (c < 0) continue;
    const range = t.sheet.getRange(first, c + 1, n, 1);
    if (repair && repair.rows > 0) {
      const had = t.sheet.getRange(first, c + 1, repair.rows, 1).getFormulas();
      const broken: number[] = [];
      had.forEach((r, i) => {
        const hasData = t.rows[i].some((v) => v !== "" && v !== null);
        if (hasData && !sameFormula(String(r[0] || ""), perRow[i][header])) broken.push(first + i);
      });
      if (broken.length) {
        const rows = broken.length > 5 ? `${broken.slice(0, 5).join(", ")} and ${broken.length - 5} more` : broken.join(", ");
        repair.report.restored.push(`${t.name}: ${header} formula in row${broken.length > 1 ? "s" : ""} ${rows}`);
      }
    }
    range.setFormulas(perRow.map((r) => [r[header]]));
  }
}

function cycleWeeks(ss: Spreadsheet, opts: SetupOptions, tz: string): number {
  if (opts.weeks) return opts.weeks;
  try {
    return readSettings(ss, tz).settings.weeks;
  } catch {
    return 13; // Settings that need fixing are reported where they are used; sizing needs only a guess
  }
}

/**
 * Gives the Weekly Summary and History the rows a whole cycle needs (a summary lists each KR in a few
 * sections; History gets one row per KR per week), so generating the summary does not have to grow them:
 * growing costs service calls, and the summary has a fixed budget. Run again by Repair and by imports.
 */
const HISTORY_PRESIZE_MAX = 20000;

function sizeForCycle(ss: Spreadsheet, histT: Table, krs: number, weeks: number): void {
  const grow = (sheet: Sheet | null, need: number) => {
    if (!sheet) return;
    const max = sheet.getMaxRows();
    if (max < need) sheet.insertRowsAfter(max, need - max);
  };
  grow(ss.getSheetByName(TAB.summary), 4 * krs + 200);
  // Capped: Sheets allows 10 million cells per spreadsheet, and a very large tracker's History may grow
  // during the cycle instead (two service calls in the week it does).
  grow(histT.sheet, histT.headerRow + histT.rows.length + Math.min(krs * weeks, HISTORY_PRESIZE_MAX) + 100);
}

/** Formatting, validation, conditional colours and protection of the four table tabs. */
export function applyLayout(objT: Table, krT: Table, logT: Table, histT: Table): void {
  const nObj = formulaRowCount(objT);
  const nKr = formulaRowCount(krT);
  styleTable(objT, COLUMN_SPECS.objectives, nObj);
  styleTable(krT, COLUMN_SPECS.keyResults, nKr);
  styleTable(logT, COLUMN_SPECS.checkins, Math.max(logT.rows.length, 1));
  styleTable(histT, COLUMN_SPECS.history, Math.max(histT.rows.length, 1));
  applyValidations("objectives", objT, nObj);
  applyValidations("keyResults", krT, nKr);
  applyConditionalFormats(objT, ["Status"], null, nObj);
  applyConditionalFormats(krT, ["Status", "Score"], "Confidence", nKr);
  applyConditionalFormats(histT, ["Status"], null, Math.max(histT.rows.length, 200));
  for (const t of [objT, krT, logT, histT]) clearOurProtections(t.sheet);
  protectColumns(objT, OWNED_COLUMNS.objectives, nObj);
  protectColumns(krT, OWNED_COLUMNS.keyResults, nKr);
  protectSheet(logT.sheet, "the check-in log is append-only; use the Check in sidebar");
  protectSheet(histT.sheet, "History is written by Generate weekly summary");
}

export function setUpTracker(ss: Spreadsheet, opts: SetupOptions, today: string): SetupReport {
  const { template: templateName } = validateSetupOptions(opts);
  const report: SetupReport = { created: [], restored: [], warnings: [] };
  const state = inspect(ss, report);
  // A new spreadsheet's one tab is named in the creator's language ("Sheet1", "Tabellenblatt1", "Blad1"):
  // it is recognised by being alone and not one of ours, and removed at the end only if still empty.
  const first = ss.getSheets();
  const onlyDefault = first.length === 1 && (Object.values(TAB) as string[]).indexOf(first[0].getName()) < 0 ? first[0] : null;
  const tpl = templateName ? templateByName(templateName) : null;

  ensureSettings(ss, state.settings, opts, tpl, today, report);
  const objT = ensureTable(ss, state.objectives, ALL_HEADERS.objectives, IDENTIFYING.objectives, report);
  const krT = ensureTable(ss, state.keyResults, ALL_HEADERS.keyResults, IDENTIFYING.keyResults, report);
  const logT = ensureTable(ss, state.checkins, ALL_HEADERS.checkins, IDENTIFYING.checkins, report);
  const histT = ensureTable(ss, state.history, ALL_HEADERS.history, IDENTIFYING.history, report);

  const before = { objRows: objT.rows.length, krRows: krT.rows.length };
  const tz = ss.getSpreadsheetTimeZone();
  const hasData = objectivesFrom(objT).length > 0 || keyResultsFrom(krT, tz).length > 0;
  if (tpl && !hasData) writeTemplate(objT, krT, tpl);
  else if (tpl && hasData && tpl.objectives.length) {
    report.warnings.push("The tracker already has OKRs, so the template's examples were not added.");
  }

  writeFormulas(objT, krT, { report, ...before });
  applyLayout(objT, krT, logT, histT);
  const summary = ss.getSheetByName(TAB.summary);
  if (!summary) {
    createSummarySheet(ss);
    report.created.push(TAB.summary);
  } else reprotectSummary(summary);
  const krs = keyResultsFrom(krT, tz);
  sizeForCycle(ss, histT, krs.length, cycleWeeks(ss, opts, tz));

  if (onlyDefault && onlyDefault.getLastRow() === 0 && onlyDefault.getLastColumn() === 0) ss.deleteSheet(onlyDefault);
  const settingsSheet = ss.getSheetByName(TAB.settings);
  if (settingsSheet) ss.setActiveSheet(ss.getSheetByName(TAB.keyResults) || settingsSheet);
  report.warnings.push(...focusChecks(objectivesFrom(objT), krs));
  return report;
}

export { SETTINGS_RANGE, KR_HELPER_HEADERS, CHECKIN_HEADERS, HISTORY_HEADERS };

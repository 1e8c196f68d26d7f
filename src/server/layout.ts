// The look and the guard rails of the tracker tabs: number formats, widths, dropdowns, RAG colours and
// warning-only protection. Applied by setup and by repair, so both restore exactly the same thing.
import { METRICS, OBJECTIVE_TYPES, PNL_LINKS, STATUS, WEEKDAYS } from "../core/tabs";
import { col, type Table } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const PROTECTION_PREFIX = "okr-sheets:";
export const HEADER_BG = "#1f3b57";
export const HEADER_FG = "#ffffff";

/** RAG colours: a pale fill with dark text of the same hue keeps contrast readable for everyone. */
export const RAG: Record<string, { bg: string; fg: string }> = {
  [STATUS.onTrack]: { bg: "#d4edda", fg: "#0b5a23" },
  [STATUS.atRisk]: { bg: "#fff0c2", fg: "#7a4b00" },
  [STATUS.offTrack]: { bg: "#f8d0cc", fg: "#8e1a10" },
  [STATUS.notStarted]: { bg: "#e8eaed", fg: "#3c4043" },
  [STATUS.noKeyResults]: { bg: "#e8eaed", fg: "#3c4043" },
};
export const SETUP_ERROR_STYLE = { bg: "#fde7e9", fg: "#a50e0e" };

interface ColumnSpec {
  width?: number;
  format?: string;
}

const OBJECTIVE_COLUMNS: Record<string, ColumnSpec> = {
  ID: { width: 60 },
  Objective: { width: 300 },
  Owner: { width: 190 },
  Team: { width: 130 },
  "Parent ID": { width: 80 },
  Type: { width: 110 },
  "P&L link": { width: 80 },
  Score: { width: 70, format: "0.00" },
  Expected: { width: 80, format: "0.00" },
  Status: { width: 100 },
};

const KR_COLUMNS: Record<string, ColumnSpec> = {
  ID: { width: 70 },
  "Objective ID": { width: 90 },
  "Key result": { width: 320 },
  Owner: { width: 190 },
  Metric: { width: 95 },
  Unit: { width: 60 },
  Start: { width: 65 },
  Target: { width: 65 },
  Weight: { width: 60 },
  Current: { width: 70 },
  Confidence: { width: 85, format: "0" },
  "Last check-in": { width: 100, format: "yyyy-mm-dd" },
  Score: { width: 70, format: "0.00" },
  Expected: { width: 80, format: "0.00" },
  Status: { width: 100 },
  "Weighted score": { width: 70, format: "0.00" },
  "Counted weight": { width: 70, format: "0.##" },
  "Objective name": { width: 160 },
  "Request IDs": { width: 80 },
  Forecast: { width: 90 },
  "Forecast score": { width: 70, format: "0.00" },
  "Weeks to target": { width: 70, format: "0.0" },
};

const CHECKIN_COLUMNS: Record<string, ColumnSpec> = {
  Timestamp: { width: 140, format: "yyyy-mm-dd hh:mm" },
  Week: { width: 55, format: "0" },
  "KR ID": { width: 70 },
  Value: { width: 70 },
  Confidence: { width: 85, format: "0" },
  "What changed": { width: 260 },
  Blockers: { width: 200 },
  "Next step": { width: 200 },
  Author: { width: 190 },
  "Request ID": { width: 120 },
};

const HISTORY_COLUMNS: Record<string, ColumnSpec> = {
  Week: { width: 55, format: "0" },
  "As of": { width: 100, format: "yyyy-mm-dd" },
  "KR ID": { width: 70 },
  Value: { width: 70 },
  Score: { width: 70, format: "0.00" },
  Status: { width: 100 },
  Confidence: { width: 85, format: "0" },
  "Last check-in": { width: 100, format: "yyyy-mm-dd" },
  "What changed": { width: 200 },
  Blockers: { width: 160 },
  "Next step": { width: 160 },
  "Same-value check-ins": { width: 90, format: "0" },
};

export const COLUMN_SPECS = {
  objectives: OBJECTIVE_COLUMNS,
  keyResults: KR_COLUMNS,
  checkins: CHECKIN_COLUMNS,
  history: HISTORY_COLUMNS,
};

/** Add-on-owned columns: formulas and check-in fields, protected with a warning. */
export const OWNED_COLUMNS = {
  objectives: ["Score", "Expected", "Status"],
  keyResults: [
    "Current", "Confidence", "Last check-in", "Score", "Expected", "Status",
    "Weighted score", "Counted weight", "Objective name", "Request IDs",
    "Forecast", "Forecast score", "Weeks to target",
  ],
};

function columnRange(sheet: Sheet, t: Table, header: string, rows: number): GoogleAppsScript.Spreadsheet.Range | null {
  const c = col(t, header);
  if (c < 0) return null;
  return sheet.getRange(t.headerRow + 1, c + 1, Math.max(1, rows), 1);
}

/** Header style, frozen header, widths and number formats of a table tab. */
export function styleTable(t: Table, specs: Record<string, ColumnSpec>, rows: number): void {
  const sheet = t.sheet;
  const header = sheet.getRange(t.headerRow, 1, 1, t.headers.length);
  header.setFontWeight("bold").setBackground(HEADER_BG).setFontColor(HEADER_FG).setWrap(true);
  sheet.setFrozenRows(t.headerRow);
  for (const [name, spec] of Object.entries(specs)) {
    const c = col(t, name);
    if (c < 0) continue;
    if (spec.width) sheet.setColumnWidth(c + 1, spec.width);
    if (spec.format) {
      const r = columnRange(sheet, t, name, rows);
      if (r) r.setNumberFormat(spec.format);
    }
  }
}

function listRule(values: readonly string[], help: string) {
  return SpreadsheetApp.newDataValidation().requireValueInList(values as string[], true).setAllowInvalid(false).setHelpText(help).build();
}

export function applyValidations(kind: "objectives" | "keyResults", t: Table, rows: number): void {
  const sheet = t.sheet;
  const set = (header: string, rule: GoogleAppsScript.Spreadsheet.DataValidation) => {
    const r = columnRange(sheet, t, header, rows);
    if (r) r.setDataValidation(rule);
  };
  if (kind === "objectives") {
    set("Type", listRule(OBJECTIVE_TYPES, "committed (goal 1.0) or aspirational (goal from Settings)."));
    set("P&L link", listRule(PNL_LINKS, "Which line of the P&L this objective moves."));
    return;
  }
  set("Metric", listRule(METRICS, "How the KR is scored: increase, decrease, stay_above, stay_below or milestone."));
  set(
    "Confidence",
    SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).setHelpText("Confidence from 1 (no chance) to 10 (certain).").build(),
  );
  set(
    "Weight",
    SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText("Blank = 1; 0 leaves the KR out of its objective's score.").build(),
  );
}

export function applySettingsValidations(sheet: Sheet, rowOf: (label: string) => number | undefined): void {
  const list = (label: string, values: readonly string[], help: string) => {
    const r = rowOf(label);
    if (r) sheet.getRange(r, 2).setDataValidation(listRule(values, help));
  };
  list("Check-in cadence", ["weekly", "fortnightly"], "weekly or fortnightly");
  list("Check-in weekday", WEEKDAYS, "The day the weekly summary refreshes itself (when turned on).");
  list("Email digest to leaders", ["on", "off"], "on or off");
  list("Remind owners who missed a check-in", ["on", "off"], "on or off");
}

function isOurRule(rule: Rule, ourColumns: Set<number>): boolean {
  return rule.getRanges().some((r) => ourColumns.has(r.getColumn()) && r.getNumColumns() === 1);
}

/** Status label colours and confidence colours, replacing earlier add-on rules and keeping the user's own. */
export function applyConditionalFormats(t: Table, statusHeaders: string[], confidenceHeader: string | null, rows: number): void {
  const sheet = t.sheet;
  const ranges: { header: string; range: GoogleAppsScript.Spreadsheet.Range }[] = [];
  for (const h of [...statusHeaders, ...(confidenceHeader ? [confidenceHeader] : [])]) {
    const r = columnRange(sheet, t, h, rows);
    if (r) ranges.push({ header: h, range: r });
  }
  const ours = new Set(ranges.map((r) => r.range.getColumn()));
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule, ours));
  const rules: Rule[] = [];
  for (const { header, range } of ranges) {
    if (header === confidenceHeader) {
      rules.push(confidenceRule(range, 1, 3, RAG[STATUS.offTrack]));
      rules.push(confidenceRule(range, 4, 6, RAG[STATUS.atRisk]));
      rules.push(confidenceRule(range, 7, 10, RAG[STATUS.onTrack]));
      continue;
    }
    for (const [label, c] of Object.entries(RAG)) {
      rules.push(
        SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(label).setBackground(c.bg).setFontColor(c.fg).setRanges([range]).build(),
      );
    }
    rules.push(
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextContains(STATUS.setupError)
        .setBackground(SETUP_ERROR_STYLE.bg)
        .setFontColor(SETUP_ERROR_STYLE.fg)
        .setBold(true)
        .setRanges([range])
        .build(),
    );
  }
  sheet.setConditionalFormatRules(kept.concat(rules));
}

function confidenceRule(range: GoogleAppsScript.Spreadsheet.Range, lo: number, hi: number, c: { bg: string; fg: string }): Rule {
  return SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(lo, hi).setBackground(c.bg).setFontColor(c.fg).setRanges([range]).build();
}

/** Removes the add-on's earlier protections on a sheet (so re-running never stacks duplicates). */
export function clearOurProtections(sheet: Sheet): void {
  for (const type of [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET]) {
    for (const p of sheet.getProtections(type)) {
      // remove() throws for a protection this user may not edit (an owner may have hardened ours).
      if (String(p.getDescription()).indexOf(PROTECTION_PREFIX) === 0 && p.canEdit()) p.remove();
    }
  }
}

/** Warning-only: the add-on runs as the user, so a hard protection would block owners' own check-ins. */
export function protectColumns(t: Table, headers: string[], rows: number): void {
  for (const h of headers) {
    const r = columnRange(t.sheet, t, h, rows);
    if (!r) continue;
    r.protect().setDescription(`${PROTECTION_PREFIX} ${h} is written by the add-on; use the Check in sidebar`).setWarningOnly(true);
  }
}

export function protectSheet(sheet: Sheet, what: string): void {
  // protect() returns the sheet's existing protection; one this user may not edit already protects it.
  const p = sheet.protect();
  if (!p.canEdit()) return;
  p.setDescription(`${PROTECTION_PREFIX} ${what}`).setWarningOnly(true);
}

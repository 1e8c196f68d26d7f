// The look and the guard rails of the tracker tabs: number formats, widths, RAG colours and warning-only
// protection. Setup and repair compare the tabs with these and write the difference (setupStyle.ts,
// setupRules.ts, setupProtections.ts), so both restore exactly the same thing.
import { STATUS } from "../core/tabs";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const PROTECTION_PREFIX = "okr-sheets:";
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

/** A new tab's column width in Sheets (pixels): setup leaves a column meant to be this wide as it is. */
export const DEFAULT_WIDTH = 100;

/**
 * Whether a header's text fits its column on one line, bold in Sheets' default 10 pt Arial: our headers'
 * mixed letters average about 7 px, taken as 8, with a few pixels of padding either side of the cell.
 * Erring wide only costs a wrap call on a row whose text would have fitted anyway.
 */
export function headerFits(text: string, width: number): boolean {
  return text.length * 8 + 10 <= width;
}

export interface ColumnSpec {
  width?: number;
  format?: string;
}

// Adjacent columns share a width where a few pixels do not matter: a new tracker sets each run of equal
// widths in one call (setColumnWidths), and every call is paid for on Google.
const OBJECTIVE_COLUMNS: Record<string, ColumnSpec> = {
  ID: { width: 80 },
  Objective: { width: 300 },
  Owner: { width: 190 },
  Team: { width: 130 },
  "Parent ID": { width: 110 },
  Type: { width: 110 },
  "P&L link": { width: 110 },
  Score: { width: 80, format: "0.00" },
  Expected: { width: 80, format: "0.00" },
  Status: { width: 80 },
};

const KR_COLUMNS: Record<string, ColumnSpec> = {
  ID: { width: 80 },
  "Objective ID": { width: 80 },
  "Key result": { width: 320 },
  Owner: { width: 190 },
  Metric: { width: 110 },
  Unit: { width: 65 },
  Start: { width: 65 },
  Target: { width: 65 },
  Weight: { width: 65 },
  Current: { width: 80 },
  Confidence: { width: 80, format: "0" },
  "Last check-in": { width: 80, format: "yyyy-mm-dd" },
  Score: { width: 80, format: "0.00" },
  Expected: { width: 80, format: "0.00" },
  Status: { width: 80 },
  "Weighted score": { width: 80, format: "0.00" },
  "Counted weight": { width: 80, format: "0.##" },
  "Objective name": { width: 160 },
  "Request IDs": { width: 80 },
  Forecast: { width: 80 },
  "Forecast score": { width: 80, format: "0.00" },
  "Weeks to target": { width: 80, format: "0.0" },
};

// Only the timestamp has a number format: Week and Confidence hold whole numbers, which "General" shows
// exactly as "0" would, and each format set on the log's whole column is a call and a thousand cells.
const CHECKIN_COLUMNS: Record<string, ColumnSpec> = {
  Timestamp: { width: 140, format: "yyyy-mm-dd hh:mm" },
  Week: { width: 70 },
  "KR ID": { width: 70 },
  Value: { width: 70 },
  Confidence: { width: 70 },
  "What changed": { width: 260 },
  Blockers: { width: 200 },
  "Next step": { width: 200 },
  Author: { width: 200 },
  "Request ID": { width: 120 },
};

// No number formats: the summary sets them on each History row it writes (summaryTab.ts, HISTORY_FORMATS),
// so setup does not format (or read back) whole columns of a tab that may hold a whole cycle's rows.
const HISTORY_COLUMNS: Record<string, ColumnSpec> = {
  Week: { width: 80 },
  "As of": { width: 80 },
  "KR ID": { width: 80 },
  Value: { width: 80 },
  Score: { width: 80 },
  Status: { width: 80 },
  Confidence: { width: 80 },
  "Last check-in": { width: 100 },
  "What changed": { width: 200 },
  Blockers: { width: 160 },
  "Next step": { width: 160 },
  "Same-value check-ins": { width: 160 },
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

/** Removes the add-on's earlier protections on a sheet (so re-running never stacks duplicates). */
export function clearOurProtections(sheet: Sheet): void {
  for (const type of [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET]) {
    for (const p of sheet.getProtections(type)) {
      // remove() throws for a protection this user may not edit (an owner may have hardened ours).
      if (String(p.getDescription()).indexOf(PROTECTION_PREFIX) === 0 && p.canEdit()) p.remove();
    }
  }
}

export function protectSheet(sheet: Sheet, what: string): void {
  // protect() returns the sheet's existing protection; one this user may not edit already protects it.
  const p = sheet.protect();
  if (!p.canEdit()) return;
  p.setDescription(`${PROTECTION_PREFIX} ${what}`).setWarningOnly(true);
}

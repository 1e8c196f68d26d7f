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

// Widths (issue 14: every call is paid for on Google, 0.2 s at the high figure). A column without a width is
// left at Sheets' default 100 px, which fits IDs, numbers, dates, statuses and the short dropdown values: a
// new tab needs no call for it, and Repair does not compare it (a width a user gave it is kept). The
// others share a width with their neighbours where a few pixels do not matter, so a new tracker sets each
// run of equal widths in one call (setColumnWidths): nine calls over the five tabs (docs/workbook.md#formatting).
// Owner, 190 px on both tables, fits an email address like "finance.partner@example.com".
const OBJECTIVE_COLUMNS: Record<string, ColumnSpec> = {
  ID: {},
  Objective: { width: 300 },
  Owner: { width: 190 },
  Team: { width: 190 },
  "Parent ID": {},
  Type: {},
  "P&L link": {},
  Score: { format: "0.00" },
  Expected: { format: "0.00" },
  Status: {},
};

const KR_COLUMNS: Record<string, ColumnSpec> = {
  ID: {},
  "Objective ID": {},
  "Key result": { width: 320 },
  Owner: { width: 190 },
  Metric: {},
  Unit: {},
  Start: {},
  Target: {},
  Weight: {},
  Current: {},
  Confidence: { format: "0" },
  "Last check-in": { format: "yyyy-mm-dd" },
  Score: { format: "0.00" },
  Expected: { format: "0.00" },
  Status: {},
  "Weighted score": { format: "0.00" },
  "Counted weight": { format: "0.##" },
  "Objective name": { width: 160 },
  // Sheets' default width: setup and Repair compare a listed width, a call each (Repair is near its 10 s target).
  "Objective owner": {},
  "Request IDs": {},
  Forecast: {},
  "Forecast score": { format: "0.00" },
  "Weeks to target": { format: "0.0" },
  "Weighted pace offset": { format: "0.00" },
  "Counts from": { format: "yyyy-mm-dd" },
};

// Only the timestamp has a number format: Week and Confidence hold whole numbers, which "General" shows
// exactly as "0" would, and each format set on the log's whole column is a call and a thousand cells.
// The timestamp ("2026-01-20 10:02", about 105 px in 10 pt Arial) is wider than the default; the four
// text columns (the three texts and the author's email) share one width.
const CHECKIN_COLUMNS: Record<string, ColumnSpec> = {
  Timestamp: { width: 140, format: "yyyy-mm-dd hh:mm" },
  Week: {},
  "KR ID": {},
  Value: {},
  Confidence: {},
  "What changed": { width: 220 },
  Blockers: { width: 220 },
  "Next step": { width: 220 },
  Author: { width: 220 },
  "Request ID": {},
};

// No number formats: the summary sets them on each History row it writes (summaryTab.ts, HISTORY_FORMATS),
// so setup does not format (or read back) whole columns of a tab that may hold a whole cycle's rows.
const HISTORY_COLUMNS: Record<string, ColumnSpec> = {
  Week: {},
  "As of": {},
  "KR ID": {},
  Value: {},
  Score: {},
  Status: {},
  Confidence: {},
  "Last check-in": {},
  "What changed": { width: 200 },
  Blockers: { width: 200 },
  "Next step": { width: 200 },
  "Same-value check-ins": {},
};

/** The Settings tab's columns (Setting, Value, Notes): one width, one call; a long note runs on over column D. */
export const SETTINGS_WIDTHS: [number, number][] = [[1, 260], [2, 260], [3, 260]];

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
    "Weighted score", "Counted weight", "Objective name", "Objective owner", "Weighted pace offset", "Request IDs",
    "Forecast", "Forecast score", "Weeks to target",
  ],
};

/** Both kinds of protection, for the reads that go through all of a sheet's or a document's. */
export function protectionTypes(): GoogleAppsScript.Spreadsheet.ProtectionType[] {
  return [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET];
}

/** Removes the add-on's earlier protections on a sheet (so re-running never stacks duplicates). */
export function clearOurProtections(sheet: Sheet): void {
  for (const type of protectionTypes()) {
    for (const p of sheet.getProtections(type)) {
      // remove() throws for a protection this user may not edit (an owner may have hardened ours).
      if (String(p.getDescription()).indexOf(PROTECTION_PREFIX) === 0 && p.canEdit()) p.remove();
    }
  }
}

/**
 * The first of `tabs` (names, any case) holding a protection this user may not edit, or null: Sheets refuses the
 * add-on's writes there, as it runs as the user (docs/apps-script-fidelity.md, "Writing under a hard
 * protection"). Two reads for the whole document and a call per protection, for an action that would otherwise
 * stop halfway.
 */
export function tabProtectedFromMe(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tabs: string[]): string | null {
  const wanted = new Set(tabs.map((t) => t.toLowerCase()));
  for (const type of protectionTypes()) {
    for (const p of ss.getProtections(type)) {
      if (p.canEdit()) continue;
      const name = p.getRange().getSheet().getName();
      if (wanted.has(name.toLowerCase())) return name;
    }
  }
  return null;
}

export function protectSheet(sheet: Sheet, what: string): void {
  // protect() returns the sheet's existing protection; one this user may not edit already protects it.
  const p = sheet.protect();
  if (!p.canEdit()) return;
  p.setDescription(`${PROTECTION_PREFIX} ${what}`).setWarningOnly(true);
}

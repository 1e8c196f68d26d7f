// `okr-sheets show`: a tab's main table as rows keyed by its header row; a report tab (a title in its first
// row) as its title block and sections (showReport.ts).
import { gutterFor, looksLikeReport, readReport, renderReport, renderRows, reportJson } from "./showReport";
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, SETTINGS_HEADERS } from "../core/tabs";
import { RETRO_HEADERS, REVIEW_HEADERS } from "../core/lifecycleTab";
import { isBlankRow } from "../core/blank";
import type { Workbook } from "./runtime";

export interface ShownTable {
  name: string;
  headers: string[];
  rows: Record<string, unknown>[];
  display: string[][];
  /** The sheet row of each line of `display` (the header's first). */
  displayRows: number[];
}

const KNOWN: string[][] = [
  [...KR_HEADERS.slice(0, 3)],
  [...OBJECTIVE_HEADERS.slice(0, 2)],
  [...CHECKIN_HEADERS.slice(0, 3)],
  [...HISTORY_HEADERS.slice(0, 3)],
  [...SETTINGS_HEADERS.slice(0, 2)],
  ["Type", "ID", "Final score", "Grade"],
  [...REVIEW_HEADERS.slice(0, 3), "Decision"],
  [...RETRO_HEADERS.slice(0, 2)],
];

// One formatter per zone: making one per date cell cost ~1 ms each (a large log has 55,000 dates).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function isoDay(d: Date, tz: string): string {
  let fmt = dayFormats.get(tz);
  if (!fmt) dayFormats.set(tz, (fmt = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })));
  const parts = fmt.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** The header row: a known tracker header, else the first row of 2+ text cells after the title block. */
function headerRowOf(values: unknown[][]): number {
  const limit = Math.min(values.length, 40);
  for (const known of KNOWN) {
    for (let r = 0; r < limit; r++) {
      const have = new Set(values[r].map((v) => String(v).trim().toLowerCase()));
      if (known.every((h) => have.has(h.toLowerCase()))) return r;
    }
  }
  for (let r = 0; r < limit; r++) {
    const cells = values[r].filter((v) => v !== "");
    if (cells.length >= 2 && cells.every((v) => typeof v === "string")) {
      const next = values[r + 1];
      if (next && !isBlankRow(next)) return r;
    }
  }
  return 0;
}

/** withDisplay false: `display` holds the header only (formatting every cell is most of a read's cost). */
export function readTab(wb: Workbook, name: string, withDisplay = true): ShownTable {
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName(name);
  // Callers read tracker tabs (show checks the name first): a missing one is repaired, as the add-on says.
  if (!sheet) throw new Error(`The "${name}" tab is missing. Use "Repair tracker".`);
  const tz = ss.getSpreadsheetTimeZone();
  if (sheet.getLastRow() === 0) return { name, headers: [], rows: [], display: [], displayRows: [] };
  const range = sheet.getDataRange();
  const values = range.getValues();
  const shown = withDisplay ? range.getDisplayValues() : [];
  const h = headerRowOf(values);
  const headers = values[h].map((v) => String(v).trim());
  let width = headers.length;
  while (width > 0 && headers[width - 1] === "") width--;
  const rows: Record<string, unknown>[] = [];
  const display: string[][] = [headers.slice(0, width)];
  const displayRows = [h + 1];
  const isReport = !KNOWN.slice(0, 5).some((k) => k.every((x) => headers.includes(x)));
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r].slice(0, width);
    if (isBlankRow(row)) {
      if (isReport) break; // a report's table ends at its first blank row
      continue;
    }
    const obj: Record<string, unknown> = { _row: r + 1 };
    headers.slice(0, width).forEach((name, c) => {
      if (!name) return;
      const v = row[c];
      obj[name] = isDate(v) ? isoDay(v, tz) : v;
    });
    rows.push(obj);
    if (!withDisplay) continue;
    display.push(shown[r].slice(0, width).map(String));
    displayRows.push(r + 1);
  }
  return { name, headers: headers.slice(0, width), rows, display, displayRows };
}

/** A plain-text table, each line with its sheet row number (long cells cut for the terminal only). */
export function renderTable(t: ShownTable): string {
  if (!t.display.length) return `(${t.name} is empty)`;
  const lines = t.display.map((cells, i) => ({ row: t.displayRows[i], cells }));
  return renderRows(lines, gutterFor(t.displayRows)).join("\n");
}

/** `show`'s output for a tab: a tracker table, or a report's title block and sections. */
export function showTab(wb: Workbook, name: string, json: boolean): string {
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName(name);
  // The first rows tell a report from a table, so a long tracker table is read once, by readTab.
  const head = sheet && sheet.getLastRow() > 0 ? sheet.getRange(1, 1, Math.min(sheet.getLastRow(), 40), sheet.getLastColumn()).getValues() : [];
  if (sheet && looksLikeReport(head)) {
    const range = sheet.getDataRange();
    const tz = ss.getSpreadsheetTimeZone();
    const r = readReport(name, range.getValues(), range.getDisplayValues(), (v) => (isDate(v) ? isoDay(v, tz) : v));
    return json ? JSON.stringify(reportJson(r), null, 2) : renderReport(r);
  }
  const t = readTab(wb, name);
  return json ? JSON.stringify(t.rows, null, 2) : renderTable(t);
}

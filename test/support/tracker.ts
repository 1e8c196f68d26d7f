// Test harness: the built add-on (dist/Code.js, run `npm run build` first; `npm test` does) on a fresh
// offline spreadsheet. Every test that goes through here exercises what ships.
import type { WorkbookSnapshot } from "../../src/local/snapshot";
import { runSetup, setUpNewTracker } from "../../src/local/generate/tracker";
import { callAddon, callAddonRaw, clockFor, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { unpub } from "../../src/local/sheets/counters";

export interface TrackerOptions {
  template?: "operations" | "blank";
  start?: string;
  weeks?: number;
  name?: string;
  /** "Today" for setup (YYYY-MM-DD). */
  at?: string;
  /** Active user email; null = no email available. */
  user?: string | null;
  snapshot?: WorkbookSnapshot;
}

const TEST_FILE = "/nonexistent/test.xlsx";
const DEFAULT_USER = "ops.lead@example.com"; // the operations template's admin

export function openTracker(snapshot: WorkbookSnapshot, opts: { at?: string; user?: string | null } = {}): Workbook {
  return workbookFromSnapshot(TEST_FILE, snapshot, { at: opts.at, user: opts.user === undefined ? DEFAULT_USER : opts.user });
}

/**
 * A new tracker set up through the add-on's own setupTracker entry point, as the generator's
 * setUpNewTracker makes one (the benchmark's and the demos'); or, given `snapshot`, set up on that
 * spreadsheet instead of a blank one.
 */
export function newTracker(opts: TrackerOptions = {}): Workbook {
  const at = opts.at ?? opts.start ?? "2026-01-05";
  const user = opts.user === undefined ? DEFAULT_USER : opts.user;
  const setup = {
    template: opts.template ?? "operations",
    start: opts.start ?? "2026-01-05",
    ...(opts.weeks !== undefined ? { weeks: opts.weeks } : {}),
    ...(opts.name !== undefined ? { name: opts.name } : {}),
  };
  if (!opts.snapshot) return setUpNewTracker({ id: "test-sheet", name: "test", file: TEST_FILE, at, user, setup });
  const wb = openTracker(opts.snapshot, { at, user });
  runSetup(wb, setup);
  return wb;
}

/** Noon of `day` in the spreadsheet's time zone (noon UTC is the next day at UTC+12); reading the zone is not counted as the add-on's call. */
export function setToday(wb: Workbook, day: string): void {
  wb.services.clock.set(clockFor(day, unpub(wb.services.spreadsheet).getSpreadsheetTimeZone()));
}

export function ss(wb: Workbook): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** The tab names the spreadsheet is asked for (Spreadsheet.getSheetByName) during `run`, in order. */
export function sheetNamesAsked(wb: Workbook, run: () => void): string[] {
  const book = ss(wb) as unknown as { getSheetByName(name: string): unknown };
  const own = Object.getPrototypeOf(book).getSheetByName as (name: string) => unknown;
  const asked: string[] = [];
  book.getSheetByName = function (this: unknown, name: string) {
    asked.push(name);
    return own.call(this, name);
  };
  try {
    run();
  } finally {
    delete (book as { getSheetByName?: unknown }).getSheetByName;
  }
  return asked;
}

/** A tab's table as objects keyed by header (the header row found by its first cell "ID" etc.). */
export function rowsOf(wb: Workbook, tab: string, headerRow = 1): Record<string, unknown>[] {
  const sheet = ss(wb).getSheetByName(tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const values = sheet.getDataRange().getValues();
  const headers = values[headerRow - 1].map(String);
  return values
    .slice(headerRow)
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/** Types a value into a Settings row (found by its label in column A), as a user would. */
export function setSetting(wb: Workbook, label: string, value: unknown): void {
  const sheet = ss(wb).getSheetByName("Settings")!;
  const labels = sheet.getRange("A1:A40").getValues().map((r) => String(r[0]).trim());
  const row = labels.indexOf(label);
  if (row < 0) throw new Error(`no setting "${label}"`);
  sheet.getRange(row + 1, 2).setValue(value);
}

let n = 0;
export function requestId(): string {
  n++;
  return `test-req-${String(n).padStart(6, "0")}`;
}

export { callAddon, callAddonRaw };

// A tracker in use, and what the tests of damaged trackers, Repair and refusals look at: check-ins as a
// user makes them, a tab by name, a JSON picture of every tab to compare before and after, and the
// protection types. damage, setup, setupDiff, setupNew, summaryTabMade, repairHeaderBelow,
// repairHeaderPlaced, headerBelowRow30, checkin.noHeader and checkin.ux each had a copy of some of these.
import { expect } from "./expect";
import { ProtectionType } from "../../src/local/sheets";
import type { Workbook } from "../../src/local/runtime";
import type { WorkbookSnapshot } from "../../src/local/snapshot";
import { callAddon, newTracker, openTracker, requestId, setToday, ss } from "./tracker";

/** "Today" of a tracker in use: week 3 of the operations template's cycle starting 2026-01-05. */
export const IN_USE_TODAY = "2026-01-20";

/** The check-ins a tracker in use has by default: O1.KR1 at 85, O2.KR1 at 5. */
export const TWO_CHECKINS = [["O1.KR1", "85"], ["O2.KR1", "5"]] as const;

/**
 * SpreadsheetApp.ProtectionType for getProtections: the offline spreadsheet's enum objects (a string fits no
 * overload, as on Google).
 */
export const PROTECTION = ProtectionType as unknown as Record<"RANGE" | "SHEET", GoogleAppsScript.Spreadsheet.ProtectionType>;

/** A check-in through the add-on (the value typed as text, confidence 6), as the workbook's user. */
export function checkIn(wb: Workbook, krId: string, value: string, extra: Record<string, unknown> = {}) {
  return callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6, ...extra });
}

export interface InUseOptions {
  /** [KR, value] check-ins made on IN_USE_TODAY; TWO_CHECKINS when absent. */
  checkins?: readonly (readonly [string, string])[];
  /** Their What changed; none when absent. */
  whatChanged?: string;
  /** false: no weekly summary (no Weekly Summary tab, History empty). */
  summary?: boolean;
}

const ADMIN = "ops.lead@example.com";
/** Per kind of tracker: undefined once one was made in this file, then the second one's snapshot. */
const kept = new Map<string, WorkbookSnapshot | undefined>();

/**
 * `make()`'s tracker, or a copy of one. A file's first tracker of a kind is made by `make` (most files make
 * one); the second too, and its snapshot (tabs, properties, triggers, metadata) kept before its test changes
 * it; the third and later open a copy of that, as a saved tracker is opened, on `day` as the admin: ~55 ms of
 * CPU against ~110 ms making a tracker in use (warm worker).
 */
function madeOnce(kind: string, day: string, make: () => Workbook): Workbook {
  const snapshot = kept.get(kind);
  if (snapshot) return openTracker(structuredClone(snapshot), { at: day, user: ADMIN });
  const wb = make();
  kept.set(kind, kept.has(kind) ? wb.services.toSnapshot() : undefined);
  return wb;
}

/**
 * The operations template set up on 2026-01-05 by its admin, then on IN_USE_TODAY the check-ins and, unless
 * `summary: false`, the weekly summary: the log and History hold rows.
 */
export function trackerInUse(opts: InUseOptions = {}): Workbook {
  return madeOnce(`inUse ${JSON.stringify(opts)}`, IN_USE_TODAY, () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", user: ADMIN });
    setToday(wb, IN_USE_TODAY);
    const extra = opts.whatChanged === undefined ? {} : { whatChanged: opts.whatChanged };
    for (const [kr, v] of opts.checkins ?? TWO_CHECKINS) expect(checkIn(wb, kr, v, extra).ok, `check-in of ${kr}`).toBe(true);
    if (opts.summary !== false) expect(callAddon(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).ok).toBe(true);
    return wb;
  });
}

/** The tab of that name; throws when there is none. */
export function tab(wb: Workbook, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss(wb).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}

/**
 * Copies a tab's header row to `row` and clears row 1, as a user moving it by copy and paste: unlike rows
 * inserted above it, this leaves the Settings computed cells placing it at row 1.
 */
export function copyHeaderTo(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number): void {
  const width = sheet.getLastColumn();
  sheet.getRange(row, 1, 1, width).setValues(sheet.getRange(1, 1, 1, width).getValues());
  sheet.getRange(1, 1, 1, width).clearContent();
}

/** Every tab's name, row count, values and formulas, JSON-comparable: what "nothing changed" compares. */
export function everything(wb: Workbook): string {
  return JSON.stringify(
    ss(wb).getSheets().map((s) => {
      const r = s.getDataRange();
      return [s.getName(), s.getMaxRows(), r.getValues(), r.getFormulas()];
    }),
  );
}

/** Every tab as the snapshot holds it (cells, formats, rules, protections): what a refusal's "nothing changed" compares. */
export function snapshotSheets(wb: Workbook): string {
  return JSON.stringify(wb.services.toSnapshot().sheets);
}

/** The first day of the next cycle of a tracker in use (13 weeks from 2026-01-05). */
export const NEXT_CYCLE = "2026-04-06";

/** A tracker in use (two check-ins, a summary and its Weekly Trend), its cycle closed (every decision "retain"), on NEXT_CYCLE. */
export function closedTracker(): Workbook {
  return madeOnce("closed", NEXT_CYCLE, () => {
    const wb = trackerInUse();
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    setToday(wb, NEXT_CYCLE);
    return wb;
  });
}

/** The tab addNewOkrsTab makes. */
export const NEW_OKRS = "New OKRs";

/**
 * A tab of OKRs to import, laid out like the CSV import: objective O9 "Ship the pilot" with `krs` key
 * results (O9.KR1 "Sites live", O9.KR2 "Incidents").
 */
export function addNewOkrsTab(wb: Workbook, krs: 1 | 2 = 2): void {
  const rows = [
    ["objective", "objective_id", "key_result", "owner", "metric", "unit", "start", "target"],
    ["Ship the pilot", "O9", "Sites live", "ops.lead@example.com", "increase", "sites", 0, 10],
    ["Ship the pilot", "O9", "Incidents", "ops.lead@example.com", "decrease", "", 8, 2],
  ].slice(0, krs + 1);
  ss(wb).insertSheet(NEW_OKRS).getRange(1, 1, rows.length, 8).setValues(rows);
}

/**
 * A check-in by `owner` on `day` (confidence 7; `confirmed`: a value outside the KR's range is submitted
 * without the question), then the workbook's user is `admin` again; throws when it is refused.
 */
export function checkInOn(wb: Workbook, day: string, owner: string, krId: string, value: string, opts: { admin: string; confirmed?: boolean }): void {
  setToday(wb, day);
  wb.services.session.setUser(owner);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 7, ...(opts.confirmed ? { confirmed: true } : {}) });
  wb.services.session.setUser(opts.admin);
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
}

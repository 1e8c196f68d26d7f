// The Weekly Trend tab from week to week, as its end-to-end tests drive it through the built add-on: a
// tracker summarised week after week with the same check-ins, and what the tab then holds.
import { expect } from "./expect";
import type { Workbook } from "../../src/local/runtime";
import type { WorkbookSnapshot } from "../../src/local/snapshot";
import { callAddon, newTracker, openTracker, requestId, setToday, ss } from "./tracker";
import { OPERATIONS_OWNER } from "./summaryTab";

export const START = "2026-01-05"; // a Monday: week N ends on the Sunday START + 7N − 1
export const WEEK_END = ["2026-01-11", "2026-01-18", "2026-01-25", "2026-02-01", "2026-02-08", "2026-02-15"];
const OWNER: Record<string, string> = { ...OPERATIONS_OWNER, "O3.KR3": "ops.lead@example.com" };
/** The trend's columns in a 13-week cycle: ID, Key result, Week 1..13 (C..O), Trend (P), Last weeks (Q). */
export const WIDTH = 17;
export const LAST_WEEKS = 17;
export const KR_ROWS = 7; // the operations template's KRs, rows 3..9

export function checkIn(wb: Workbook, day: string, krId: string, value: number) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6 });
  if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
}

/** The summary of week `week` (as of its last day); returns whether it rewrote the Weekly Trend tab whole. */
export function summary(wb: Workbook, week: number): { whole: boolean } {
  const at = WEEK_END[week - 1];
  setToday(wb, at);
  wb.services.counters.reset();
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(`summary ${at}: ${r.message}`);
  // The Weekly Summary is cleared every week; the Weekly Trend only when it is rewritten whole.
  const clears = wb.services.counters.byMethod["Sheet.clear"] ?? 0;
  const made = wb.services.counters.byMethod["Spreadsheet.insertSheet"] ?? 0;
  return { whole: clears + made === 2 };
}

/** Check-ins of week `week` (dated within it), the same in every workbook of these tests. */
export function weekCheckins(wb: Workbook, week: number) {
  const day = (offset: number) => {
    const d = new Date(`${START}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * (week - 1) + offset);
    return d.toISOString().slice(0, 10);
  };
  checkIn(wb, day(1), "O1.KR1", 84 + week);
  if (week % 2 === 0) checkIn(wb, day(2), "O2.KR1", 6.5 - week / 2);
  if (week !== 4) checkIn(wb, day(3), "O2.KR2", 90 + (week % 3));
  if (week >= 3) checkIn(wb, day(6), "O3.KR2", week >= 5 ? 1 : 0); // on the week's last day
}

/** A tracker summarised each week 1..weeks, each week's check-ins before its summary. */
export function weekly(weeks: number, each?: (wb: Workbook, week: number) => void): { wb: Workbook; whole: boolean[] } {
  // Without `each`, a file's third and later trackers of `weeks` weeks open a copy of the second, kept before
  // its test changed it, as a saved tracker is opened on its last summary's day (~0.06 s of CPU against
  // ~0.2-0.5 s making one); the first and second are made (most files make one of a kind).
  const copy = each ? undefined : kept.get(weeks);
  if (copy) return { wb: openTracker(structuredClone(copy.snapshot), { at: WEEK_END[weeks - 1] }), whole: [...copy.whole] };
  const wb = newTracker({ template: "operations", start: START, at: START });
  const whole: boolean[] = [];
  for (let w = 1; w <= weeks; w++) {
    weekCheckins(wb, w);
    each?.(wb, w);
    whole.push(summary(wb, w).whole);
  }
  if (!each) kept.set(weeks, kept.has(weeks) ? { snapshot: wb.services.toSnapshot(), whole: [...whole] } : undefined);
  return { wb, whole };
}

/** weekly()'s trackers without `each`, by weeks: undefined once one was made in this file, then the second one's. */
const kept = new Map<number, { snapshot: WorkbookSnapshot; whole: boolean[] } | undefined>();

/** Deletes the document property recording what the Weekly Trend tab holds (trendCache.ts). */
export function forgetRecord(wb: Workbook): void {
  const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  expect(props.getProperty("okrSheets.trendBlock")).not.toBeNull();
  props.deleteProperty("okrSheets.trendBlock");
}

/** Every cell of the Weekly Trend tab's data range: values, formulas and looks. */
export function cells(wb: Workbook) {
  const r = ss(wb).getSheetByName("Weekly Trend")!.getDataRange();
  return { values: r.getValues(), formulas: r.getFormulas(), formats: r.getNumberFormats(), weights: r.getFontWeights(), colours: r.getFontColors(), fills: r.getBackgrounds() };
}


// Repair tracker, the summary and the roll over beside report tabs that are someone's own, through the BUILT
// add-on (run `npm run build` first). Before, Repair sized (rows inserted) and protected any tab named
// "Weekly Summary", even someone's own; an unrecorded Weekly Trend was the add-on's for the summary and the
// roll over by its heading in A1 alone, for Repair only with its header row too; and Repair looked after the
// Weekly Trend only when there was a Weekly Summary. Now Repair looks after only our Weekly Summary (the
// summary's record's sheet ID, else the title in A1) and leaves someone's own as it is, without refusing (it
// writes nothing there; the summary refuses it when run); one rule (heading and header row) tells an
// unrecorded Weekly Trend from someone's everywhere; and the Weekly Trend is looked after on its own.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { callAddon, callAddonRaw, setToday, ss } from "../support/tracker";
import { IN_USE_TODAY, PROTECTION, tab, trackerInUse } from "../support/inUse";
import { forgetRecord } from "../support/weeklyTrend";
import type { Workbook } from "../../src/local/runtime";

const SUMMARY = "Weekly Summary";
const TREND = "Weekly Trend";
const OWN_NOTES = [["Notes", "Who"], ["Ask about the budget", "Ana"], ["Offsite agenda", "Ben"]];
/** Fewer rows than Repair gives our Weekly Summary for a cycle (six per KR and 200): it would insert rows. */
const SMALL = 20;

/** Someone's own small tab `name` in place of the tracker's. */
function ownTab(wb: Workbook, name: string, values: unknown[][] = OWN_NOTES): GoogleAppsScript.Spreadsheet.Sheet {
  const old = ss(wb).getSheetByName(name);
  if (old) ss(wb).deleteSheet(old);
  const own = ss(wb).insertSheet(name);
  own.getRange(1, 1, values.length, values[0].length).setValues(values);
  own.deleteRows(SMALL + 1, own.getMaxRows() - SMALL);
  return own;
}

/** A tab's size, cells and protections: what "left as it is" compares. */
function state(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  const r = sheet.getDataRange();
  return JSON.stringify([sheet.getMaxRows(), sheet.getMaxColumns(), r.getValues(), sheet.getProtections(PROTECTION.SHEET).length, sheet.getFrozenRows()]);
}

describe("Repair beside someone's own Weekly Summary", () => {
  for (const recorded of [true, false]) {
    it(`leaves it as it is (no rows inserted, no protection) and succeeds${recorded ? "" : ", without the summary's record (told by A1)"}`, () => {
      const wb = trackerInUse();
      if (!recorded) forgetRecord(wb);
      const own = ownTab(wb, SUMMARY);
      const before = state(own);
      expect(repairWrites(wb)).toEqual({});
      expect(state(own)).toBe(before);
      // The summary still refuses to write over it, in one line.
      expect(callAddonRaw(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).message).toMatch(/^The "Weekly Summary" tab \(no "Weekly summary — …" title in A1\) is not the tracker's/);
    });
  }

  it("still looks after ours: by the record's sheet ID even with its title typed over, by its title without the record", () => {
    for (const recorded of [true, false]) {
      const wb = trackerInUse();
      const ours = tab(wb, SUMMARY);
      if (recorded) ours.getRange(1, 1).setValue("Our week");
      else forgetRecord(wb);
      for (const p of ours.getProtections(PROTECTION.SHEET)) p.remove();
      ours.deleteRows(SMALL + 1, ours.getMaxRows() - SMALL);
      expect(callAddon(wb, "repairTracker").ok).toBe(true);
      expect(ours.getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly()), `recorded: ${recorded}`).toEqual([true]);
      expect(ours.getMaxRows()).toBeGreaterThan(SMALL);
    }
  });
});

describe("An unrecorded Weekly Trend with the trend's heading in A1 over someone's own rows", () => {
  const HEADED = [["Trend: value at the end of each week", ""], ["copied from last quarter", "by Ana"]];

  it("is refused by the summary, as Repair leaves it alone: nothing cleared", () => {
    const wb = trackerInUse();
    const own = ownTab(wb, TREND, HEADED);
    const before = state(own);
    const r = callAddonRaw(wb, "generateWeeklySummary", { at: IN_USE_TODAY });
    expect(r.message).toBe('The "Weekly Trend" tab (no "Trend: each KR\'s value on its week\'s summary day" heading over its header row) is not the tracker\'s, and the weekly trend would be written over it. Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.');
    expect(state(own)).toBe(before);
    expect(repairWrites(wb)).toEqual({});
    expect(state(own)).toBe(before);
  });

  it("is refused by the roll over, not deleted as this cycle's", () => {
    const wb = trackerInUse();
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    setToday(wb, "2026-04-06");
    ownTab(wb, TREND, HEADED);
    const r = callAddonRaw(wb, "rollOverCycle", { start: "2026-04-06" });
    expect(r.message).toMatch(/^The "Weekly Trend" tab \(no "Trend: each KR's value on its week's summary day" heading over its header row\) is not the tracker's/);
    expect(ss(wb).getSheetByName(TREND)).not.toBeNull();
  });
});

describe("A Weekly Trend left after its Weekly Summary was deleted", () => {
  it("gets its look and protection back from Repair, which the next summary (writing only its week's column) would not give it", () => {
    const wb = trackerInUse();
    ss(wb).deleteSheet(tab(wb, SUMMARY));
    const t = tab(wb, TREND);
    t.setFrozenRows(0);
    t.setColumnWidth(2, 90);
    for (const p of t.getProtections(PROTECTION.SHEET)) p.remove();
    // The summary makes the Weekly Summary again, but its record of the Weekly Trend still holds: it writes
    // only the week's column there, leaving the look as it found it.
    expect(callAddon(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(t.getFrozenRows()).toBe(0);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(t.getFrozenRows()).toBe(2);
    expect(t.getColumnWidth(2)).toBe(240);
    expect(t.getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly())).toEqual([true]);
    expect(repairWrites(wb)).toEqual({});
  });
});

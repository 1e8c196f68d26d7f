// The Weekly Summary tab is made by the first summary, not by setup (issue 14: a new tracker's calls are
// paid for on Google), through the BUILT add-on (run `npm run build` first): a new tracker has none, Repair
// neither requires nor makes it, and the first summary, from the menu or from the weekly refresh, makes it
// with its whole layout (first tab, frozen title rows, widths, warning-only protection).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { PROTECTION } from "../support/inUse";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";
import type { Workbook } from "../../src/local/runtime";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";
const SUMMARY = "Weekly Summary";

/** The tab's lasting layout, as the first summary sets it (summaryTab.ts createSummarySheet). */
function expectSummaryLayout(wb: Workbook): void {
  const sheet = ss(wb).getSheetByName(SUMMARY);
  expect(sheet, "the Weekly Summary tab").not.toBeNull();
  expect(ss(wb).getSheets()[0].getName()).toBe(SUMMARY);
  expect(sheet!.getFrozenRows()).toBe(2);
  // 70 px from H to the Chart data's last week (AH in a 13-week cycle: it starts at U), the columns the
  // first summary inserted past Z included.
  expect(sheet!.getMaxColumns()).toBe(34);
  const widths = Array.from({ length: 34 }, (_, c) => sheet!.getColumnWidth(c + 1));
  expect(widths).toEqual([120, 320, 120, 120, 120, 120, 120, ...new Array(27).fill(70)]);
  const ps = sheet!.getProtections(PROTECTION.SHEET);
  expect(ps).toHaveLength(1);
  expect(ps[0].isWarningOnly()).toBe(true);
  // The report itself from A1 (no placeholder line left over).
  expect(String(sheet!.getRange("A1").getValue())).toContain("Weekly summary");
  expect(String(sheet!.getRange("A2").getValue())).toMatch(/^Week \d+ of 13 · as of /);
}

describe("a new tracker's Weekly Summary tab", () => {
  it("is not made by setup, and Repair neither makes nor asks for it: a tracker without one is healthy", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    expect(ss(wb).getSheetByName(SUMMARY)).toBeNull();
    const r = callAddon(wb, "repairTracker");
    expect(r).toMatchObject({ ok: true, created: [], restored: [] });
    expect(repairWrites(wb)).toEqual({});
    expect(ss(wb).getSheetByName(SUMMARY)).toBeNull();
  });

  it("is made by the first summary, first among the tabs, with its frozen rows, widths and protection; Repair then finds it healthy", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-12");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 }).ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(true);
    expectSummaryLayout(wb);
    expect(repairWrites(wb)).toEqual({});
    // A second summary rewrites the cells and keeps the layout (one tab, one protection).
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(true);
    expectSummaryLayout(wb);
    expect(ss(wb).getSheets().filter((t) => t.getName() === SUMMARY)).toHaveLength(1);
  });

  it("is made the same way by the weekly refresh, when that comes first", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    setToday(wb, "2026-01-12");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });
    expectSummaryLayout(wb);
    expect(repairWrites(wb)).toEqual({});
  });

  it("keeps its look when an insert that makes room fails: frozen rows, widths and protection come first", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-12");
    // A 13-week cycle's Chart data ends past column Z, so the first summary inserts columns: that insert fails.
    let failed = false;
    wb.services.counters.listener = (name) => {
      if (name !== "Sheet.insertColumnsAfter" || failed) return;
      failed = true;
      throw new Error("This action would increase the number of cells in the workbook above the limit of 10000000 cells.");
    };
    try {
      expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(false);
    } finally {
      wb.services.counters.listener = null;
    }
    expect(failed).toBe(true);
    const sheet = ss(wb).getSheetByName(SUMMARY)!;
    expect(sheet.getFrozenRows()).toBe(2);
    expect([1, 2, 3, 7].map((c) => sheet.getColumnWidth(c))).toEqual([120, 320, 120, 120]);
    // The trend's week columns (H on) within a new sheet's 26 are 70 px too: their widths do not wait for
    // the insert (the columns past Z it would have added are not there).
    expect(sheet.getMaxColumns()).toBe(26);
    expect(Array.from({ length: 19 }, (_, i) => sheet.getColumnWidth(8 + i))).toEqual(new Array(19).fill(70));
    expect(sheet.getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly())).toEqual([true]);
    // The next summary reuses the tab (clears and rewrites it), with that look.
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(true);
    expect(sheet.getFrozenRows()).toBe(2);
    expect(String(sheet.getRange("A1").getValue())).toContain("Weekly summary");
  });
});

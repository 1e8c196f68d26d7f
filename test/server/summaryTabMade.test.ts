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
const TREND = "Weekly Trend";

/** The tabs' lasting layout, as the first summary sets it (summaryTab.ts createSummarySheet, trendTab.ts). */
function expectSummaryLayout(wb: Workbook): void {
  const sheet = ss(wb).getSheetByName(SUMMARY);
  expect(sheet, "the Weekly Summary tab").not.toBeNull();
  expect(ss(wb).getSheets()[0].getName()).toBe(SUMMARY);
  expect(sheet!.getFrozenRows()).toBe(2);
  // A new sheet's 26 columns: the report is 10 wide, the charts beside it; the trend has a tab of its own.
  expect(sheet!.getMaxColumns()).toBe(26);
  const widths = Array.from({ length: 26 }, (_, c) => sheet!.getColumnWidth(c + 1));
  expect(widths).toEqual([120, 320, 120, 120, 120, 120, 120, 260, ...new Array(18).fill(100)]);
  const ps = sheet!.getProtections(PROTECTION.SHEET);
  expect(ps).toHaveLength(1);
  expect(ps[0].isWarningOnly()).toBe(true);
  // The report itself from A1 (no placeholder line left over).
  expect(String(sheet!.getRange("A1").getValue())).toContain("Weekly summary");
  expect(String(sheet!.getRange("A2").getValue())).toMatch(/^Week \d+ of 13 · as of /);
  // The Weekly Trend beside it: second, its heading and header frozen, the key result 240 px and the
  // cycle's 13 weeks 70 px, warning-only protection.
  const trend = ss(wb).getSheetByName(TREND);
  expect(trend, "the Weekly Trend tab").not.toBeNull();
  expect(ss(wb).getSheets()[1].getName()).toBe(TREND);
  expect(trend!.getFrozenRows()).toBe(2);
  expect(Array.from({ length: 17 }, (_, c) => trend!.getColumnWidth(c + 1))).toEqual([100, 240, ...new Array(13).fill(70), 100, 100]);
  expect(trend!.getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly())).toEqual([true]);
  expect(String(trend!.getRange("A1").getValue())).toBe("Trend: each KR's value on its week's summary day");
  expect(trend!.getRange("A2:C2").getValues()[0]).toEqual(["ID", "Key result", "Week 1"]);
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
    // A 26-week cycle's Weekly Trend is 30 columns wide, past a new sheet's Z: the first summary inserts them,
    // and that insert fails.
    const wb = newTracker({ template: "operations", start: START, weeks: 26, at: START, user: ADMIN });
    setToday(wb, "2026-01-12");
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
    const trend = ss(wb).getSheetByName(TREND)!;
    expect(trend.getFrozenRows()).toBe(2);
    expect(trend.getMaxColumns()).toBe(26);
    // The weeks within a new sheet's 26 columns are 70 px already: their widths do not wait for the insert.
    expect(Array.from({ length: 26 }, (_, i) => trend.getColumnWidth(i + 1))).toEqual([100, 240, ...new Array(24).fill(70)]);
    expect(trend.getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly())).toEqual([true]);
    // The next summary reuses the tab (clears it, grows it and rewrites it), with that look.
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(true);
    expect(trend.getFrozenRows()).toBe(2);
    expect(trend.getMaxColumns()).toBe(30);
    expect(String(trend.getRange("A1").getValue())).toBe("Trend: each KR's value on its week's summary day");
    expect(trend.getRange(2, 28).getValue()).toBe("Week 26");
  });
});

describe("a Weekly Summary made before session 8", () => {
  /** A tracker whose Weekly Summary was made before the Weekly Trend tab: 70 px from H (the trend's weeks), no Weekly Trend, no record. */
  function madeBefore(): Workbook {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-12");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 }).ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-11" }).ok).toBe(true);
    const sheet = ss(wb).getSheetByName(SUMMARY)!;
    sheet.insertColumnsAfter(26, 4); // the Chart data's weeks past Z
    sheet.setColumnWidths(8, 23, 70);
    ss(wb).deleteSheet(ss(wb).getSheetByName(TREND)!);
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    props.deleteProperty("okrSheets.trendBlock");
    return wb;
  }
  const widths = (wb: Workbook) => {
    const sheet = ss(wb).getSheetByName(SUMMARY)!;
    return Array.from({ length: sheet.getMaxColumns() }, (_, c) => sheet.getColumnWidth(c + 1));
  };

  it("gets a new tab's widths from column H (H 260 px, then Sheets' 100) from its next summary, once: a width set by hand afterwards is kept", () => {
    const wb = madeBefore();
    expect(widths(wb).slice(7)).toEqual(new Array(23).fill(70));
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-18" }).ok).toBe(true);
    expect(widths(wb)).toEqual([120, 320, 120, 120, 120, 120, 120, 260, ...new Array(22).fill(100)]);
    // Someone narrows H to 70 px: the next summaries leave it (the record says the widths were seen to).
    ss(wb).getSheetByName(SUMMARY)!.setColumnWidth(8, 70);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-18" }).ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-25" }).ok).toBe(true);
    expect(widths(wb)[7]).toBe(70);
  });

  it("costs one call the first time a tab made since session 8 is checked, and none after", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-12");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-11" }).ok).toBe(true);
    const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    const record = JSON.parse(props.getProperty("okrSheets.trendBlock")!) as Record<string, unknown>;
    expect(record.summaryWidths).toBe(2);
    const calls = (day: string) => {
      wb.services.counters.reset();
      expect(callAddon(wb, "generateWeeklySummary", { at: day }).ok).toBe(true);
      return { calls: wb.services.counters.serviceCalls, widths: wb.services.counters.byMethod["Sheet.getColumnWidth"] ?? 0 };
    };
    const ordinary = calls("2026-01-18");
    expect(ordinary.widths).toBe(0);
    // A session 8 record (no summaryWidths): one look at H's width, no write, then recorded.
    const before = JSON.parse(props.getProperty("okrSheets.trendBlock")!) as Record<string, unknown>;
    delete before.summaryWidths;
    props.setProperty("okrSheets.trendBlock", JSON.stringify(before));
    expect(calls("2026-01-18")).toEqual({ calls: ordinary.calls + 1, widths: 1 });
    expect(calls("2026-01-18")).toEqual(ordinary);
    expect(widths(wb)).toEqual([120, 320, 120, 120, 120, 120, 120, 260, ...new Array(18).fill(100)]);
    // A tab made before session 22 (H Sheets' 100 px; its record's summaryWidths true): H gets its 260 once,
    // one look and one write; H narrowed by hand since is kept.
    ss(wb).getSheetByName(SUMMARY)!.setColumnWidth(8, 100);
    props.setProperty("okrSheets.trendBlock", JSON.stringify({ ...before, summaryWidths: true }));
    expect(calls("2026-01-18")).toEqual({ calls: ordinary.calls + 2, widths: 1 });
    expect(widths(wb)[7]).toBe(260);
    ss(wb).getSheetByName(SUMMARY)!.setColumnWidth(8, 100);
    expect(calls("2026-01-18")).toEqual(ordinary);
    expect(widths(wb)[7]).toBe(100);
  });
});

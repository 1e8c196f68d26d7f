// Repair tracker and the Weekly Trend tab, through the BUILT add-on (run `npm run build` first): Repair
// restores the tab's look (two frozen rows, the key result's 240 px and the weeks' 70 px, as the first summary
// gives them: trendTab.ts) and its warning-only protection, whether the summary's record places the tab or a
// trigger run without document properties made it (recognised by its heading and header row), writing
// nothing over a healthy tab; someone's own tab named "Weekly Trend" is left as it is.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { LocalSheet } from "../../src/local/sheets";
import { PROTECTION, tab, trackerInUse } from "../support/inUse";
import { fireTrigger, refreshTriggersOf, RHYTHM_ADMIN, trackers } from "../support/rhythm";
import { newScriptProject } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";

const TREND = "Weekly Trend";
const RECORD = "okrSheets.trendBlock";
/** The first summary's widths of a 13-week cycle's columns A..Q: ID, Key result, Week 1..13, Trend, Last weeks. */
const WIDTHS = [100, 240, ...new Array(13).fill(70), 100, 100];

const widths = (wb: Workbook) => Array.from({ length: WIDTHS.length }, (_, c) => tab(wb, TREND).getColumnWidth(c + 1));
const protections = (wb: Workbook) => tab(wb, TREND).getProtections(PROTECTION.SHEET).map((p) => p.isWarningOnly());
const record = (wb: Workbook) => wb.services.toSnapshot().documentProperties[RECORD];

/** The Weekly Trend's columns whose width `run` asked for (Sheet.getColumnWidth), in order. */
function widthsRead(wb: Workbook, run: () => void): number[] {
  const proto = LocalSheet.prototype as unknown as { getColumnWidth: (c: number) => number; getName: () => string };
  const getColumnWidth = proto.getColumnWidth;
  const asked: number[] = [];
  proto.getColumnWidth = function (this: typeof proto, c: number) {
    if (this.getName() === TREND) asked.push(c);
    return getColumnWidth.call(this, c);
  };
  try {
    run();
  } finally {
    proto.getColumnWidth = getColumnWidth;
  }
  return asked;
}

/** Frozen rows, widths and protection undone by hand, as a user might. */
function spoil(wb: Workbook): void {
  const t = tab(wb, TREND);
  t.setFrozenRows(0);
  t.setColumnWidth(2, 90);
  t.setColumnWidths(5, 3, 150);
  t.setColumnWidth(15, 40);
  for (const p of t.getProtections(PROTECTION.SHEET)) p.remove();
}

function expectLook(wb: Workbook): void {
  expect(tab(wb, TREND).getFrozenRows()).toBe(2);
  expect(widths(wb)).toEqual(WIDTHS);
  expect(protections(wb)).toEqual([true]);
}

/** A tracker whose Weekly Summary and Weekly Trend were made by the weekly refresh's trigger run without document properties. */
function madeByTriggerWithoutDocument(): Workbook {
  const [wb] = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: true });
  setToday(wb, "2026-01-07");
  wb.services.session.setUser("dispatch.lead@example.com");
  expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "86", confidence: 6 }).ok).toBe(true);
  wb.services.session.setUser(RHYTHM_ADMIN);
  expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
  setToday(wb, "2026-01-12");
  expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });
  expect(ss(wb).getSheetByName(TREND), "the Weekly Trend made by the trigger run").not.toBeNull();
  return wb;
}

describe("Repair and the Weekly Trend tab's look", () => {
  it("restores its frozen rows and widths as the first summary set them, then writes nothing", () => {
    const wb = trackerInUse();
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
    spoil(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
  });

  it("takes the weeks from the tab's header row when the record (written before it said) does not give them", () => {
    const wb = trackerInUse();
    const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    const r = JSON.parse(record(wb)!) as Record<string, unknown>;
    expect(r.weeks).toBe(13);
    delete r.weeks;
    props.setProperty(RECORD, JSON.stringify(r));
    spoil(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expectLook(wb);
  });

  it("writes only the widths that differ, one call per run of adjacent columns", () => {
    const wb = trackerInUse();
    tab(wb, TREND).setColumnWidths(14, 2, 150);
    expect(repairWrites(wb)).toEqual({ "Sheet.setColumnWidths": 1 });
    expectLook(wb);
  });

  it("reads three widths over a healthy tab, whatever the cycle's weeks (until session 20 one a week: 14 at 13 weeks, 53 at 52)", () => {
    for (const weeks of [13, 52]) {
      const wb = newTracker({ template: "operations", start: "2026-01-05", weeks });
      setToday(wb, "2026-01-12");
      expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" }).ok).toBe(true);
      expect(widthsRead(wb, () => expect(repairWrites(wb)).toEqual({})).sort((a, b) => a - b)).toEqual([2, 3, 2 + weeks]);
    }
  });

  it("a week between the first and the last resized by hand is left as it was sized; the weeks of a lengthened cycle get theirs", () => {
    const wb = trackerInUse();
    tab(wb, TREND).setColumnWidth(8, 120);
    expect(repairWrites(wb)).toEqual({});
    expect(widths(wb)[7]).toBe(120);
    // Every column resized at once (the first and last weeks with them): each week's width is read and set again.
    tab(wb, TREND).setColumnWidths(3, 13, 100);
    expect(repairWrites(wb)).toEqual({ "Sheet.setColumnWidths": 1 });
    expectLook(wb);
  });
});

describe("a Weekly Trend made by a trigger run without document properties", () => {
  it("is not recorded, yet Repair recognises it by its heading and header row and restores its look and protection", () => {
    const wb = madeByTriggerWithoutDocument();
    expect(record(wb), "no record: the run had no document properties").toBeUndefined();
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
    spoil(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
  });
});

describe("someone's own tab named Weekly Trend", () => {
  it("is left as it is by Repair: no protection, no frozen rows, no widths", () => {
    const wb = trackerInUse();
    ss(wb).deleteSheet(tab(wb, TREND));
    const own = ss(wb).insertSheet(TREND);
    own.getRange("A1:C2").setValues([["Our trend notes", "", ""], ["ID", "Key result", "Week 1"]]);
    own.setColumnWidth(2, 90);
    const widthsBefore = Array.from({ length: 17 }, (_, c) => own.getColumnWidth(c + 1));
    expect(repairWrites(wb)).toEqual({});
    expect(own.getFrozenRows()).toBe(0);
    expect(Array.from({ length: 17 }, (_, c) => own.getColumnWidth(c + 1))).toEqual(widthsBefore);
    expect(own.getProtections(PROTECTION.SHEET)).toEqual([]);
  });

  it("is left as it is even with the trend's heading in A1, when its second row is not the trend's header", () => {
    const wb = trackerInUse();
    ss(wb).deleteSheet(tab(wb, TREND));
    const own = ss(wb).insertSheet(TREND);
    own.getRange("A1:A2").setValues([["Trend: value at the end of each week"], ["copied from last quarter"]]);
    expect(repairWrites(wb)).toEqual({});
    expect(own.getFrozenRows()).toBe(0);
    expect(own.getProtections(PROTECTION.SHEET)).toEqual([]);
  });
});

describe("a Weekly Trend trimmed by hand below the trend's layout", () => {
  // The tab's look is set where the tab has room for it: Sheets refuses to freeze every row of a tab and to
  // size a column beyond its last, and Repair failed ("Something went wrong") on either, part-way through.
  // The next summary rewrites the tab whole (trendCache.ts: the block's rows are gone).
  it("Repair runs on a recorded tab cut to one column, and restores its protection", () => {
    const wb = trackerInUse();
    const t = tab(wb, TREND);
    for (const p of t.getProtections(PROTECTION.SHEET)) p.remove();
    t.deleteColumns(2, t.getMaxColumns() - 1);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(protections(wb)).toEqual([true]);
    expect(t.getFrozenRows()).toBe(2);
  });

  it("Repair runs on a recorded tab cut to its heading and header rows", () => {
    const wb = trackerInUse();
    const t = tab(wb, TREND);
    t.setFrozenRows(0);
    t.deleteRows(3, t.getMaxRows() - 2);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(t.getFrozenRows()).toBe(0);
    expect(widths(wb).slice(0, 3)).toEqual(WIDTHS.slice(0, 3));
  });

  it("Repair runs on an unrecorded tab (a trigger run's) cut to its heading and header rows", () => {
    const wb = madeByTriggerWithoutDocument();
    const t = tab(wb, TREND);
    t.setFrozenRows(0);
    t.deleteRows(3, t.getMaxRows() - 2);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(t.getFrozenRows()).toBe(0);
  });
});

// Repair tracker and the Weekly Summary tab's own look, through the BUILT add-on (run `npm run build` first).
// The first summary gives the tab two frozen title rows and its widths (A and C–G 120 px, B 320, H 260:
// summaryTab.ts SUMMARY_LOOK); later summaries clear only its cells, so a look undone by hand stayed undone:
// Repair restored the Weekly Trend's frozen rows and widths but not the Weekly Summary's. Now it restores
// them on our Weekly Summary (recorded, or told by its title without the record), writing only what differs
// and nothing over a healthy tab; someone's own tab of that name keeps its look.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { callAddon, ss } from "../support/tracker";
import { tab, trackerInUse } from "../support/inUse";
import { forgetRecord } from "../support/weeklyTrend";
import type { Workbook } from "../../src/local/runtime";

const SUMMARY = "Weekly Summary";
/** The first summary's widths of columns A..I: labels and values 120, the key result 320, H Needs attention's Forecast 260, I Sheets' 100. */
const WIDTHS = [120, 320, 120, 120, 120, 120, 120, 260, 100];

const widths = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => Array.from({ length: WIDTHS.length }, (_, c) => sheet.getColumnWidth(c + 1));

/** Frozen rows and widths undone by hand, as a user might. */
function spoil(wb: Workbook): void {
  const t = tab(wb, SUMMARY);
  t.setFrozenRows(0);
  t.setColumnWidth(1, 60);
  t.setColumnWidth(2, 100);
  t.setColumnWidths(4, 2, 200);
  t.setColumnWidth(8, 100);
}

function expectLook(wb: Workbook): void {
  expect(tab(wb, SUMMARY).getFrozenRows()).toBe(2);
  expect(widths(tab(wb, SUMMARY))).toEqual(WIDTHS);
}

describe("Repair and the Weekly Summary tab's look", () => {
  it("restores its frozen rows and widths as the first summary set them, then writes nothing", () => {
    const wb = trackerInUse();
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
    spoil(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expectLook(wb);
    expect(repairWrites(wb)).toEqual({});
  });

  it("writes only what differs, one call per run of adjacent columns of one width", () => {
    const wb = trackerInUse();
    tab(wb, SUMMARY).setColumnWidths(4, 2, 200);
    expect(repairWrites(wb)).toEqual({ "Sheet.setColumnWidths": 1 });
    expectLook(wb);
    tab(wb, SUMMARY).setFrozenRows(5);
    expect(repairWrites(wb)).toEqual({ "Sheet.setFrozenRows": 1 });
    expectLook(wb);
  });

  it("restores them without the summary's record, the tab told by its title", () => {
    const wb = trackerInUse();
    forgetRecord(wb);
    spoil(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expectLook(wb);
  });

  it("runs on a tab cut by hand to three columns, giving the widths that fit", () => {
    const wb = trackerInUse();
    const t = tab(wb, SUMMARY);
    spoil(wb);
    t.deleteColumns(4, t.getMaxColumns() - 3);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(t.getFrozenRows()).toBe(2);
    expect(widths(t).slice(0, 3)).toEqual(WIDTHS.slice(0, 3));
  });
});

describe("someone's own tab named Weekly Summary", () => {
  it("keeps its frozen rows and widths", () => {
    const wb = trackerInUse();
    ss(wb).deleteSheet(tab(wb, SUMMARY));
    const own = ss(wb).insertSheet(SUMMARY);
    own.getRange("A1:B2").setValues([["Our notes", "Who"], ["Offsite agenda", "Ben"]]);
    own.setFrozenRows(1);
    own.setColumnWidth(2, 90);
    const before = widths(own);
    expect(repairWrites(wb)).toEqual({});
    expect(own.getFrozenRows()).toBe(1);
    expect(widths(own)).toEqual(before);
  });
});

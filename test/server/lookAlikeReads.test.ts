// What a user's big tab costs the roll over and Repair. Both look through the tabs that are not ours (not
// archives) for one that looks like a missing tracker tab, and only a tab's first rows (where a header is
// looked for) can make it look like one: each such tab is read there only, never whole, so a tab of
// 50,000 rows is not moved twice inside the document lock. Through the built add-on (dist/Code.js).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, setToday, ss } from "../support/tracker";
import { IN_USE_TODAY, tab, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const NEXT = "2026-04-06";
const COLUMNS = 6;

/** A tab of the user's, `rows` rows of numbers in COLUMNS columns, as the last tab. */
function userTab(wb: Workbook, rows: number): void {
  const sheet = ss(wb).insertSheet("Raw orders", ss(wb).getSheets().length);
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: COLUMNS }, (_, c) => r * COLUMNS + c));
  sheet.getRange(1, 1, rows, COLUMNS).setValues(values);
}

/** The counted calls and cells read of `run` on a tracker in use, closed, holding a user tab of `rows` rows. */
function measured(rows: number, run: (wb: Workbook) => void) {
  const wb = trackerInUse();
  expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
  setToday(wb, NEXT);
  userTab(wb, rows);
  wb.services.counters.reset();
  run(wb);
  const { serviceCalls, cellsRead } = wb.services.counters.snapshot();
  return { serviceCalls, cellsRead };
}

const rollOver = (wb: Workbook) => expect(callAddon(wb, "rollOverCycle", { start: NEXT }).ok).toBe(true);
const repairWithoutHistory = (wb: Workbook) => {
  ss(wb).deleteSheet(tab(wb, "History"));
  expect(callAddon(wb, "repairTracker").ok).toBe(true);
};

describe("A user's big tab beside the tracker", () => {
  for (const [what, run] of [["roll over", rollOver], ["Repair with History missing", repairWithoutHistory]] as const) {
    it(`${what}: reads no more of a 20,000-row tab than of a 3-row one`, () => {
      const small = measured(3, run);
      const big = measured(20000, run);
      expect(big).toEqual(small);
    });
  }
});

// Repair flushes exactly when it wrote (src/server/setupWrites.ts), through the BUILT add-on (run `npm run
// build` first). Over a healthy tracker it writes nothing and releases the document lock without
// SpreadsheetApp.flush(), the dearest call it made (0.6 s on a busy day: bench/costModel.ts); after any
// repair that writes, the flush must follow the last write before the lock is released, or the next
// execution under the lock could read stale rows on Google. Each damage below is one Repair mends; the
// smallest ones (one cell, the last row) are here because a cheaper check could miss them.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { flushFollowsWrites, repairWrites } from "../support/writes";
import { callAddon, ss } from "../support/tracker";
import { tab, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

function column(wb: Workbook, name: string, header: string): number {
  const t = tab(wb, name);
  const c = t.getRange(1, 1, 1, t.getLastColumn()).getValues()[0].map(String).indexOf(header) + 1;
  if (c < 1) throw new Error(`no column ${header} in ${name}`);
  return c;
}

/** The last row of a table holding an ID (the formulas run 20 rows further, and the grid further still). */
function lastDataRow(wb: Workbook, name: string): number {
  const ids = tab(wb, name).getRange("A1:A200").getValues().map((r) => String(r[0]));
  let last = ids.length;
  while (last > 1 && ids[last - 1] === "") last--;
  return last;
}

/** A Key Results row by its KR's ID. */
function rowOf(wb: Workbook, id: string): number {
  const r = tab(wb, "Key Results").getRange("A1:A200").getValues().findIndex((x) => x[0] === id) + 1;
  if (r < 1) throw new Error(`no KR ${id}`);
  return r;
}

/** A Settings row by its label. */
function settingsRow(wb: Workbook, label: string): number {
  const r = tab(wb, "Settings").getRange("A1:A40").getValues().findIndex((x) => x[0] === label) + 1;
  if (r < 1) throw new Error(`no Settings row ${label}`);
  return r;
}

/** Repair (it must succeed), checked by flushFollowsWrites; returns its reply and whether it flushed. */
function repairFlushed(wb: Workbook): { flushed: boolean; reply: { restored: string[] } } {
  let reply: { ok: boolean; restored: string[] } = { ok: false, restored: [] };
  const flushed = flushFollowsWrites(wb, () => {
    reply = callAddon(wb, "repairTracker");
  });
  expect(reply.ok).toBe(true);
  return { flushed, reply };
}

describe("Repair's flush", () => {
  it("over a healthy tracker in use (both report tabs): nothing written, no flush", () => {
    const wb = trackerInUse();
    expect(repairWrites(wb)).toEqual({});
    expect(repairFlushed(wb).flushed).toBe(false);
  });

  it("Set up tracker over a healthy tracker: nothing written, no flush either", () => {
    const wb = trackerInUse();
    let ok = false;
    expect(flushFollowsWrites(wb, () => (ok = callAddon(wb, "setupTracker", {}).ok))).toBe(false);
    expect(ok).toBe(true);
  });

  const last = (wb: Workbook, name: string, header: string) => tab(wb, name).getRange(lastDataRow(wb, name), column(wb, name, header));
  const cases: [string, (wb: Workbook) => void, (wb: Workbook, restored: string) => void][] = [
    [
      "a Key Results formula typed over in the last data row",
      (wb) => last(wb, "Key Results", "Counted weight").setValue(1),
      (wb, restored) => {
        expect(last(wb, "Key Results", "Counted weight").getFormula()).toMatch(/^=/);
        expect(restored).toContain(`Key Results: Counted weight formula in row ${lastDataRow(wb, "Key Results")}`);
      },
    ],
    [
      "an Objectives formula cleared in the last data row",
      (wb) => last(wb, "Objectives", "Status").clearContent(),
      (wb) => expect(last(wb, "Objectives", "Status").getFormula()).toMatch(/^=/),
    ],
    [
      "a formula typed over in the last spare row below the data",
      (wb) => tab(wb, "Key Results").getRange(lastDataRow(wb, "Key Results") + 20, column(wb, "Key Results", "Score")).setValue(""),
      (wb) => expect(tab(wb, "Key Results").getRange(lastDataRow(wb, "Key Results") + 20, column(wb, "Key Results", "Score")).getFormula()).toMatch(/^=/),
    ],
    [
      "a number format changed on one row (Weeks to target, the last data row)",
      (wb) => last(wb, "Key Results", "Weeks to target").setNumberFormat("0.000"),
      (wb) => expect(last(wb, "Key Results", "Weeks to target").getNumberFormat()).toBe("0.0"),
    ],
    [
      "a date format changed on one row (Counts from, the last column)",
      (wb) => last(wb, "Key Results", "Counts from").setNumberFormat("General"),
      (wb) => expect(last(wb, "Key Results", "Counts from").getNumberFormat()).toBe("yyyy-mm-dd"),
    ],
    [
      "a dropdown removed from one cell (Weight, the last data row)",
      (wb) => last(wb, "Key Results", "Weight").clearDataValidations(),
      (wb) => expect(last(wb, "Key Results", "Weight").getDataValidation()).not.toBeNull(),
    ],
    [
      "a dropdown removed from one Objectives cell (P&L link)",
      (wb) => last(wb, "Objectives", "P&L link").clearDataValidations(),
      (wb) => expect(last(wb, "Objectives", "P&L link").getDataValidation()).not.toBeNull(),
    ],
    [
      "a Settings computed cell typed over with its own value",
      (wb) => {
        const cell = tab(wb, "Settings").getRange(settingsRow(wb, "Key result header row (computed)"), 2);
        cell.setValue(cell.getValue());
      },
      (wb) => expect(tab(wb, "Settings").getRange(settingsRow(wb, "Key result header row (computed)"), 2).getFormula()).toMatch(/^=ROW/),
    ],
    [
      "a Settings dropdown removed",
      (wb) => tab(wb, "Settings").getRange(settingsRow(wb, "Check-in cadence"), 2).clearDataValidations(),
      (wb) => expect(tab(wb, "Settings").getRange(settingsRow(wb, "Check-in cadence"), 2).getDataValidation()).not.toBeNull(),
    ],
    [
      "a Settings number format changed",
      (wb) => tab(wb, "Settings").getRange(settingsRow(wb, "Aspirational goal"), 2).setNumberFormat("0%"),
      (wb) => expect(tab(wb, "Settings").getRange(settingsRow(wb, "Aspirational goal"), 2).getNumberFormat()).toBe("0.00"),
    ],
    [
      "a named range moved to another cell",
      (wb) => ss(wb).getNamedRanges().find((n) => n.getName() === "CycleStart")!.setRange(tab(wb, "Settings").getRange("C30")),
      (wb) => expect(ss(wb).getRangeByName("CycleStart")?.getA1Notation()).toBe("B3"),
    ],
    [
      "a Settings column resized",
      (wb) => tab(wb, "Settings").setColumnWidth(3, 90),
      (wb) => expect(tab(wb, "Settings").getColumnWidth(3)).toBe(260),
    ],
    [
      "Key Results' frozen header undone",
      (wb) => tab(wb, "Key Results").setFrozenRows(0),
      (wb) => expect(tab(wb, "Key Results").getFrozenRows()).toBe(1),
    ],
    [
      // The last week's (O at 13 weeks): Repair reads the first and the last week's widths, and every week's
      // when one of those differs (a week between them resized by hand is the user's: repairTrend.test.ts).
      "the Weekly Trend's last week column resized",
      (wb) => tab(wb, "Weekly Trend").setColumnWidth(15, 300),
      (wb) => expect(tab(wb, "Weekly Trend").getColumnWidth(15)).toBe(70),
    ],
    [
      // Session 20: Repair gives a money KR's value cells their currency's format (moneyCells.ts moneyFixes).
      "a money KR's Current cell without its money format (the operations template's EUR KR, O3.KR1)",
      (wb) => tab(wb, "Key Results").getRange(rowOf(wb, "O3.KR1"), column(wb, "Key Results", "Current")).setNumberFormat("General"),
      (wb) => expect(tab(wb, "Key Results").getRange(rowOf(wb, "O3.KR1"), column(wb, "Key Results", "Current")).getNumberFormat()).toBe('#,##0.00" EUR"'),
    ],
    [
      "the Weekly Summary's frozen rows undone",
      (wb) => tab(wb, "Weekly Summary").setFrozenRows(0),
      (wb) => expect(tab(wb, "Weekly Summary").getFrozenRows()).toBe(2),
    ],
    [
      "the Weekly Summary cut shorter than a cycle needs",
      (wb) => tab(wb, "Weekly Summary").deleteRows(100, tab(wb, "Weekly Summary").getMaxRows() - 100),
      (wb) => expect(tab(wb, "Weekly Summary").getMaxRows()).toBeGreaterThan(100),
    ],
    [
      "History's conditional colours removed",
      (wb) => tab(wb, "History").setConditionalFormatRules([]),
      (wb) => expect(tab(wb, "History").getConditionalFormatRules().length).toBeGreaterThan(0),
    ],
    [
      "the Check-ins tab deleted",
      (wb) => ss(wb).deleteSheet(tab(wb, "Check-ins")),
      (wb) => expect(ss(wb).getSheetByName("Check-ins")).not.toBeNull(),
    ],
    [
      "the History tab renamed",
      (wb) => tab(wb, "History").setName("History (old)"),
      (wb) => expect(ss(wb).getSheetByName("History")).not.toBeNull(),
    ],
  ];
  it.each(cases)("%s: mended, flushed after its last write, then nothing to write", (...[, damage, mended]) => {
    const wb = trackerInUse();
    damage(wb);
    const { flushed, reply } = repairFlushed(wb);
    expect(flushed).toBe(true);
    mended(wb, reply.restored.join("\n"));
    expect(repairWrites(wb), "a second repair").toEqual({});
  });
});

// Setup and Repair change only what is wrong (issue 14): over a healthy tracker they read and write
// nothing; each kind of damage is repaired with writes of that kind only, and a second repair writes nothing.
// Calls are counted by method on the offline spreadsheet, as the bench counts them, through the built add-on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites as repair, writesOf } from "../support/writes";
import { callAddon, ss } from "../support/tracker";
import { PROTECTION, tab as sheet, TWO_CHECKINS, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** A tracker in use: check-ins and a summary, so every tab has rows. */
const inUse = (): Workbook => trackerInUse({ checkins: [...TWO_CHECKINS, ["O3.KR2", "1"]], whatChanged: "moved on" });

function column(wb: Workbook, tab: string, header: string): number {
  const headers = sheet(wb, tab).getRange(1, 1, 1, sheet(wb, tab).getLastColumn()).getValues()[0].map(String);
  const c = headers.indexOf(header) + 1;
  if (c < 1) throw new Error(`no column ${header} in ${tab}`);
  return c;
}

/** The add-on's protections on a tab: its whole-tab protection (setup gives it no description), and column protections by description. */
function ours(wb: Workbook, tab: string) {
  return [...sheet(wb, tab).getProtections(PROTECTION.SHEET), ...sheet(wb, tab).getProtections(PROTECTION.RANGE).filter((p) =>
    String(p.getDescription()).startsWith("okr-sheets:"),
  )];
}

describe("setup and Repair over a healthy tracker", () => {
  it.each(["repairTracker", "setupTracker"] as const)("%s writes nothing at all (no data write, no structural change)", (fn) => {
    const wb = inUse();
    expect(repair(wb), "the first repair after setup").toEqual({});
    // The person is looking at another tab: Repair leaves them there.
    ss(wb).setActiveSheet(sheet(wb, "Objectives"));
    const w = writesOf(wb, () => expect(callAddon(wb, fn, ...(fn === "setupTracker" ? [{}] : [])).ok).toBe(true));
    expect(w).toEqual({});
  });

  it("a tracker protected one column at a time (an earlier version) is healthy as it is", () => {
    const wb = inUse();
    const kr = sheet(wb, "Key Results");
    const runs = ours(wb, "Key Results");
    expect(runs.length).toBeGreaterThan(0);
    for (const p of runs) {
      const r = p.getRange();
      p.remove();
      for (let c = r.getColumn(); c <= r.getLastColumn(); c++) {
        kr.getRange(r.getRow(), c, r.getNumRows(), 1).protect().setDescription("okr-sheets: written by the add-on").setWarningOnly(true);
      }
    }
    const before = ours(wb, "Key Results").length;
    expect(repair(wb)).toEqual({});
    expect(ours(wb, "Key Results")).toHaveLength(before);
  });
});

describe("each kind of damage is repaired with writes of that kind only", () => {
  const cases: [string, (wb: Workbook) => void, string[], (wb: Workbook) => void][] = [
    [
      "a removed column protection",
      (wb) => ours(wb, "Key Results").forEach((p) => p.remove()),
      ["Range.protect", "Protection.setDescription", "Protection.setWarningOnly"],
      (wb) => expect(ours(wb, "Key Results").length).toBeGreaterThan(0),
    ],
    [
      "a column protection that stops short of the last formula row (the table grew past it)",
      (wb) => ours(wb, "Key Results").forEach((p) => {
        const r = p.getRange();
        p.setRange(sheet(wb, "Key Results").getRange(r.getRow(), r.getColumn(), 10, r.getNumColumns()));
      }),
      ["Protection.setRange"],
      (wb) => {
        const n = ours(wb, "Key Results");
        expect(n.length).toBeGreaterThan(0);
        for (const p of n) expect(p.getRange().getNumRows()).toBeGreaterThan(10);
      },
    ],
    [
      "a removed tab protection",
      (wb) => ours(wb, "Check-ins").forEach((p) => p.remove()),
      ["Sheet.protect", "Protection.setDescription", "Protection.setWarningOnly"],
      (wb) => expect(ours(wb, "Check-ins")).toHaveLength(1),
    ],
    [
      "a protection made hard (not warning-only)",
      (wb) => ours(wb, "History")[0].setWarningOnly(false),
      ["Protection.setWarningOnly"],
      (wb) => expect(ours(wb, "History").map((p) => p.isWarningOnly())).toEqual([true]),
    ],
    [
      "a deleted named range",
      (wb) => ss(wb).removeNamedRange("CycleStart"),
      ["Spreadsheet.setNamedRange"],
      (wb) => expect(ss(wb).getRangeByName("CycleStart")?.getA1Notation()).toBe("B3"),
    ],
    [
      "lost conditional formats",
      (wb) => sheet(wb, "Key Results").setConditionalFormatRules([]),
      ["Sheet.setConditionalFormatRules"],
      (wb) => expect(sheet(wb, "Key Results").getConditionalFormatRules().length).toBeGreaterThan(5),
    ],
    [
      "a lost dropdown",
      (wb) => sheet(wb, "Key Results").getRange(2, column(wb, "Key Results", "Metric"), 60, 1).clearDataValidations(),
      ["Range.setDataValidation"],
      (wb) => expect(String(sheet(wb, "Key Results").getRange(5, column(wb, "Key Results", "Metric")).getDataValidation()?.getCriteriaType())).toBe("VALUE_IN_LIST"),
    ],
    [
      "a formula overwritten by a number",
      (wb) => sheet(wb, "Key Results").getRange(3, column(wb, "Key Results", "Score")).setValue(0.5),
      ["Range.setFormulas"],
      (wb) => expect(sheet(wb, "Key Results").getRange(3, column(wb, "Key Results", "Score")).getFormula()).toMatch(/^=/),
    ],
    [
      "a cleared number format",
      (wb) => sheet(wb, "Key Results").getRange(2, column(wb, "Key Results", "Score"), 10, 1).setNumberFormat("General"),
      ["Range.setNumberFormat"],
      (wb) => expect(sheet(wb, "Key Results").getRange(4, column(wb, "Key Results", "Score")).getNumberFormat()).toBe("0.00"),
    ],
    [
      "a resized column",
      (wb) => sheet(wb, "Objectives").setColumnWidth(2, 40),
      ["Sheet.setColumnWidth"],
      (wb) => expect(sheet(wb, "Objectives").getColumnWidth(2)).toBe(300),
    ],
  ];
  it.each(cases)("%s", (...[, damage, allowed, repaired]) => {
    const wb = inUse();
    damage(wb);
    const w = repair(wb);
    expect(Object.keys(w).length, JSON.stringify(w)).toBeGreaterThan(0);
    for (const m of Object.keys(w)) expect(allowed, `${m} written: ${JSON.stringify(w)}`).toContain(m);
    repaired(wb);
    expect(repair(wb), "a second repair").toEqual({});
  });
});

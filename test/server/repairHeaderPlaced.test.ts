// Repair over a Key Results or Check-ins header that rows inserted above pushed below row 30, through the
// BUILT add-on (run `npm run build` first). The Settings computed cells follow such a header
// (=ROW('Key Results'!A41)), and the check-in, the summary, the Review and closing the cycle take it there
// (headerBelowRow30.test.ts): Repair does too, and repairs the tracker around it (no second header, no row
// moved, formulas, dropdowns, colours and protections from the row below it). A header those cells do not
// place is still refused (repairHeaderBelow.test.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites as repair } from "../support/writes";
import { callAddon } from "../support/tracker";
import { checkIn, everything, PROTECTION, tab, trackerInUse as inUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** The Settings computed formulas that place the headers (label → formula). */
function computed(wb: Workbook): Record<string, string> {
  const s = tab(wb, "Settings");
  const out: Record<string, string> = {};
  s.getRange("A1:B40").getFormulas().forEach((r, i) => {
    const label = String(s.getRange(i + 1, 1).getValue());
    if (/header.*\(computed\)/.test(label)) out[label] = r[1];
  });
  return out;
}

/** 1-based column of a header in a tab's header row. */
function column(wb: Workbook, name: string, header: string, row: number): number {
  const t = tab(wb, name);
  const c = t.getRange(row, 1, 1, t.getLastColumn()).getValues()[0].map(String).indexOf(header) + 1;
  if (c < 1) throw new Error(`no column ${header} in ${name} row ${row}`);
  return c;
}

/** The rows above the header hold nothing: no second header was written there. */
function blankAbove(wb: Workbook, name: string, row: number): boolean {
  const t = tab(wb, name);
  return t.getRange(1, 1, row - 1, t.getLastColumn()).getValues().every((r) => r.every((v) => v === ""));
}

describe("Repair over a header below row 30 that the Settings computed cells place", () => {
  for (const names of [["Key Results"], ["Check-ins"], ["Key Results", "Check-ins"]]) {
    it(`40 rows inserted above the ${names.map((n) => `"${n}"`).join(" and ")} header: Repair changes nothing; a check-in, a summary and a second Repair then work`, () => {
      const wb = inUse();
      for (const n of names) tab(wb, n).insertRowsBefore(1, 40);
      const before = everything(wb);
      // It refused before ('The "Key Results" tab's header row is row 41; …').
      expect(repair(wb)).toEqual({});
      expect(everything(wb)).toBe(before);
      // Nothing written covers setFrozenRows too: where the frozen rows end up after rows are inserted above
      // the header is Google's (docs/apps-script-fidelity.md, "to check" 4), not asserted here.
      expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
      expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
      expect(repair(wb), "a second repair").toEqual({});
      for (const n of names) expect(blankAbove(wb, n, 41)).toBe(true);
    });
  }

  it("Key Results at row 41, damaged: each thing is repaired on the rows below its header, and nothing is written above it", () => {
    const wb = inUse();
    const kr = tab(wb, "Key Results");
    kr.insertRowsBefore(1, 40);
    const at = (h: string) => column(wb, "Key Results", h, 41);
    const last = kr.getLastColumn();
    const lastHeader = String(kr.getRange(41, last).getValue());
    const width = kr.getColumnWidth(at("Key result"));
    // A formula typed over, a dropdown cleared, colours and protections removed, a number format and a width changed, a header cleared.
    kr.getRange(43, at("Score")).setValue(0.5);
    kr.getRange(42, at("Metric"), 60, 1).clearDataValidations();
    kr.setConditionalFormatRules([]);
    kr.getProtections(PROTECTION.RANGE).forEach((p) => p.remove());
    kr.getRange(42, at("Score"), 10, 1).setNumberFormat("General");
    kr.setColumnWidth(at("Key result"), 40);
    kr.getRange(41, last).clearContent();

    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.restored).toEqual(expect.arrayContaining([`Key Results: column ${lastHeader}`, "Key Results: Score formula in row 43"]));
    expect(kr.getRange(41, last).getValue()).toBe(lastHeader);
    expect(blankAbove(wb, "Key Results", 41)).toBe(true);
    expect(kr.getRange(43, at("Score")).getFormula()).toMatch(/^=.*43/);
    expect(String(kr.getRange(42, at("Metric")).getDataValidation()?.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(kr.getRange(41, at("Metric")).getDataValidation()).toBeNull();
    const rules = kr.getConditionalFormatRules().flatMap((c) => c.getRanges().map((g) => g.getRow()));
    expect(rules.length).toBeGreaterThan(5);
    expect(new Set(rules)).toEqual(new Set([42]));
    const protections = kr.getProtections(PROTECTION.RANGE).map((p) => p.getRange().getRow());
    expect(protections.length).toBeGreaterThan(0);
    expect(new Set(protections)).toEqual(new Set([42]));
    expect(kr.getRange(45, at("Score")).getNumberFormat()).toBe("0.00");
    expect(kr.getColumnWidth(at("Key result"))).toBe(width);
    expect(computed(wb)["Key result header row (computed)"]).toBe("=ROW('Key Results'!A41)");

    expect(checkIn(wb, "O2.KR1", "4").ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    expect(repair(wb), "a second repair").toEqual({});
  });

  it("Key Results at row 41 with only row 1 frozen: Repair leaves the frozen rows as they are (41 would fill the screen)", () => {
    const wb = inUse();
    const kr = tab(wb, "Key Results");
    kr.insertRowsBefore(1, 40);
    kr.setFrozenRows(1);
    expect(repair(wb)).toEqual({});
    expect(kr.getFrozenRows()).toBe(1);
  });

  it("Check-ins at row 41 without its protection: the tab is protected again, and no header is written at row 1", () => {
    const wb = inUse();
    const log = tab(wb, "Check-ins");
    log.insertRowsBefore(1, 40);
    log.getProtections(PROTECTION.SHEET).forEach((p) => p.remove());
    const w = repair(wb);
    expect(Object.keys(w).sort()).toEqual(["Protection.setWarningOnly", "Sheet.protect"]);
    expect(log.getProtections(PROTECTION.SHEET)).toHaveLength(1);
    expect(blankAbove(wb, "Check-ins", 41)).toBe(true);
    expect(computed(wb)["Check-in header row (computed)"]).toBe("=ROW('Check-ins'!A41)");
    expect(checkIn(wb, "O1.KR1", "87").ok).toBe(true);
    expect(repair(wb), "a second repair").toEqual({});
  });
});

describe("Repair keeps the computed cells on a header it finds below row 1", () => {
  it("4 rows inserted above the Key Results header: Repair leaves the cells at row 5, so 36 more rows later every operation still finds it", () => {
    const wb = inUse();
    const kr = tab(wb, "Key Results");
    kr.insertRowsBefore(1, 4);
    // Repair rewrote these to row 1 before, so the header's place was lost and the next rows inserted were refused.
    expect(repair(wb)).toEqual({});
    expect(computed(wb)["Key result header row (computed)"]).toBe("=ROW('Key Results'!A5)");
    kr.insertRowsBefore(1, 36);
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    expect(callAddon(wb, "createMidCycleReview", {}).ok).toBe(true);
    expect(repair(wb)).toEqual({});
  });

  it("a header moved to row 5 by copying (the cells still say row 1): Repair points them at it", () => {
    const wb = inUse();
    const kr = tab(wb, "Key Results");
    const width = kr.getLastColumn();
    kr.insertRowsAfter(1, 4);
    kr.getRange(5, 1, 1, width).setValues(kr.getRange(1, 1, 1, width).getValues());
    kr.getRange(1, 1, 1, width).clearContent();
    expect(computed(wb)["Key result header row (computed)"]).toBe("=ROW('Key Results'!A1)");
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(computed(wb)["Key result header row (computed)"]).toBe("=ROW('Key Results'!A5)");
    expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
    expect(repair(wb), "a second repair").toEqual({});
  });
});

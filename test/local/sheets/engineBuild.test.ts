// A new engine (src/local/engine.ts buildEvaluated) holds every formula evaluated and nothing left to
// recalculate: HyperFormula left the formulas naming a build-time named expression marked dirty, so the
// first change of any cell evaluated them all again (on a large tracker, every Objectives Status's COUNTIFS).
import { describe, it } from "@jest/globals";
import type { HyperFormula } from "hyperformula";
import { expect } from "../../support/expect";
import { createEngine } from "../../../src/local/engine";
import { setup } from "./helpers";

/** The vertices HyperFormula would evaluate again on its next recalculation. */
function pending(hf: HyperFormula): unknown[] {
  return (hf as unknown as { dependencyGraph: { verticesToRecompute(): unknown[] } }).dependencyGraph.verticesToRecompute();
}

const SHEETS = { S: [[2, "=Gap*10", "=A1+1", "=LEN(Label)"], ["x"]] };
const NAMED = [
  { name: "Gap", expression: "=S!$A$1" },
  { name: "Label", expression: "=S!$A$2" },
];

describe("a new engine", () => {
  it("has evaluated the formulas naming a named expression and leaves none to evaluate again", () => {
    const hf = createEngine(SHEETS, undefined, NAMED);
    expect(hf.getSheetValues(0)[0]).toEqual([2, 20, 3, 1]);
    expect(pending(hf)).toEqual([]);
  });

  it("still recalculates them when the named cells change", () => {
    const hf = createEngine(SHEETS, undefined, NAMED);
    const changed: unknown[] = [];
    hf.on("valuesUpdated", (c: unknown[]) => changed.push(...c));
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 7);
    expect(hf.getSheetValues(0)[0]).toEqual([2, 20, 3, 1]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 3);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, "abc");
    expect(hf.getSheetValues(0)[0]).toEqual([3, 30, 4, 3]);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("keeps TODAY() volatile: the only formula left to evaluate again is the one that reads the clock", () => {
    const hf = createEngine({ S: [[1, "=TODAY()", "=A1*2"]] }, { now: () => Date.UTC(2026, 0, 5, 12) });
    expect(pending(hf)).toHaveLength(1);
    expect(hf.getSheetValues(0)[0].slice(1)).toEqual([46027, 2]);
  });

  it("a workbook's named ranges read their cells after the load and after a change", () => {
    const { services } = setup({}, {
      id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC", documentProperties: {}, triggers: [],
      sheets: [{ name: "Settings", rows: [[{ v: 0.1 }, { f: "=Gap*100" }]] }],
      namedRanges: [{ name: "Gap", sheet: "Settings", a1: "A1" }],
    } as never);
    const sheet = (services.globals as { SpreadsheetApp: { getActive(): { getSheets(): { getRange(a: string): { getValue(): unknown; setValue(v: unknown): void } }[] } } }).SpreadsheetApp.getActive().getSheets()[0];
    expect(sheet.getRange("B1").getValue()).toBe(10);
    sheet.getRange("A1").setValue(0.25);
    expect(sheet.getRange("B1").getValue()).toBe(25);
  });
});

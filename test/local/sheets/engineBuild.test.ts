// A new engine (src/local/engine.ts buildEvaluated) holds every formula evaluated and nothing left to
// recalculate: HyperFormula left the formulas naming a build-time named expression marked dirty, so the
// first change of any cell evaluated them all again (on a large tracker, every Objectives Status's COUNTIFS).
// And a large workbook's engine links a formula naming a range already made to that range only (engine.ts
// linkKnownRangesOnce): its values must follow the range's cells as HyperFormula's own linking does.
import { describe, it } from "@jest/globals";
import type { HyperFormula } from "hyperformula";
import { expect } from "../../support/expect";
import { createEngine, linkKnownRangesOnce } from "../../../src/local/engine";
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

describe("an engine with many formulas (linkKnownRangesOnce)", () => {
  // Installed when this file's tests are collected, so every engine of the file has it (as a workbook with many formulas);
  // the expected values are HyperFormula's own without them.
  linkKnownRangesOnce();

  it("links every formula naming a range already made to it: each follows the range's cells as they change", () => {
    const hf = createEngine({
      Data: [["a", 1], ["b", 2], ["a", 3]],
      Sums: [['=SUMIF(Data!$A:$A,"a",Data!$B:$B)', "=SUM(Data!$B$1:$B$3)", '=COUNTIF(Data!$A:$A,"a")'], ['=SUMIF(Data!$A:$A,"b",Data!$B:$B)', "=SUM(Data!$B$1:$B$3)*2", '=COUNTIF(Data!$A:$A,"b")']],
    });
    const sums = () => hf.getSheetValues(1);
    // HyperFormula tells a block of cells from one value by `instanceof Array`, so a block is an array of the
    // engine's realm (the suite's runtime is the Jest worker's, outside this file's vm context: scripts/jest-shared.mjs).
    const EngineArray = sums().constructor as ArrayConstructor;
    const block = (rows: (string | number)[][]) => EngineArray.from(rows, (r) => EngineArray.from(r));
    expect(sums()).toEqual([[4, 6, 2], [2, 12, 1]]);
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 20);
    expect(sums()).toEqual([[4, 24, 2], [20, 48, 1]]);
    // Cells below the data: the whole-column ranges take them, the finite ones do not.
    hf.setCellContents({ sheet: 0, row: 5, col: 0 }, block([["b", 100]]));
    expect(sums()).toEqual([[4, 24, 2], [120, 48, 2]]);
    // A row inserted inside the finite range widens it; one removed narrows it.
    hf.addRows(0, [1, 1]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, block([["a", 1000]]));
    expect(sums()).toEqual([[1004, 1024, 3], [120, 2048, 2]]);
    hf.removeRows(0, [0, 1]);
    expect(sums()).toEqual([[1003, 1023, 2], [120, 2046, 2]]);
  });

  it("a formula written later naming a range the build made follows it too", () => {
    const hf = createEngine({ Data: [[1], [2], [3]], Out: [["=SUM(Data!$A:$A)"]] });
    hf.setCellContents({ sheet: 1, row: 1, col: 0 }, "=SUM(Data!$A:$A)*10");
    hf.setCellContents({ sheet: 1, row: 2, col: 0 }, "=MATCH(3,Data!$A:$A,0)");
    expect(hf.getSheetValues(1)).toEqual([[6], [60], [3]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 3);
    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, 5);
    expect(hf.getSheetValues(1)).toEqual([[10], [100], [1]]);
  });
});

describe("formulas of one shape parsed once (scripts/hyperformula-formula-keys.mjs)", () => {
  it("keep each cell's ranges in order: the shared tree where no cell's address can reorder them, a per-cell one where it can", () => {
    const values = Array.from({ length: 8 }, (_, r) => [r + 1]);
    const rows = values.map((v, r) => [
      ...v,
      `=SUM(A${r + 1}:A$4)`, // mixed: A4:An below row 4, An:A4 above it
      `=SUM(A${r + 2}:A${r + 1})`, // written backwards, both relative
      `=SUM($A$1:A${r + 1})`, // in order at every row
      `=COUNTIF(A:A,">"&A${r + 1})`,
    ]);
    const hf = createEngine({ S: rows });
    const sum = (a: number, b: number) => Array.from({ length: Math.max(a, b) - Math.min(a, b) + 1 }, (_, i) => Math.min(a, b) + i).reduce((x, y) => x + y, 0);
    hf.getSheetValues(0).forEach((row, r) => {
      const n = r + 1;
      expect(row).toEqual([n, sum(n, 4), n === 8 ? 8 : sum(n, n + 1), sum(1, n), 8 - n]);
    });
    expect(hf.getCellFormula({ sheet: 0, row: 6, col: 1 })).toBe("=SUM(A$4:A7)");
  });
});

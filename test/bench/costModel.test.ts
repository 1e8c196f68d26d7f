// The cost model's pricing of what the offline spreadsheet counts (bench/costModel.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { kindOf, project, RATES } from "../../bench/costModel";

describe("cost model", () => {
  it("prices chart changes as structural calls and chart lookups as handles", () => {
    for (const m of ["Sheet.insertChart", "Sheet.updateChart", "Sheet.removeChart"]) expect(kindOf(m)).toBe("structural");
    expect(kindOf("Sheet.getCharts")).toBe("handle");
  });

  it("prices formatted cells as free in the low projection and as written cells in the high one", () => {
    const base = { byMethod: { "Range.setBackgrounds": 1 }, cellsRead: 0, cellsWritten: 0 };
    const without = project(base, { executions: 1 });
    const withCells = project({ ...base, cellsFormatted: 10_000 }, { executions: 1 });
    expect(withCells.projectedSeconds.low).toBe(without.projectedSeconds.low);
    expect(withCells.projectedSeconds.high - without.projectedSeconds.high).toBeCloseTo(10_000 * RATES.high.cellWritten, 5);
    expect(withCells.floorSeconds).toEqual(without.floorSeconds);
  });

  it("prices property store calls by their measured round trips, above a handle call", () => {
    for (const m of ["Properties.getProperty", "Properties.getProperties", "Properties.getKeys"]) expect(kindOf(m)).toBe("propertyRead");
    for (const m of ["Properties.setProperty", "Properties.setProperties", "Properties.deleteProperty"]) expect(kindOf(m)).toBe("propertyWrite");
    expect(kindOf("PropertiesService.getDocumentProperties")).toBe("handle");
    const one = project({ byMethod: { "Properties.getProperties": 1, "Properties.setProperties": 1 }, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
    const three = project({ byMethod: { "Properties.getProperty": 3, "Properties.setProperty": 3 }, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
    expect(three.projectedSeconds.high - one.projectedSeconds.high).toBeCloseTo(2 * (RATES.high.propertyRead + RATES.high.propertyWrite), 5);
    expect(RATES.high.propertyRead).toBeGreaterThan(RATES.high.handle);
    // Writing a property is not writing the sheet: no flush is priced for it.
    expect(one.floorSeconds).toEqual(project({ byMethod: {}, cellsRead: 0, cellsWritten: 0 }, { executions: 1 }).floorSeconds);
  });

  it("prices an end-of-execution flush for structural changes, not for structural reads", () => {
    const none = project({ byMethod: {}, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
    const reads = { "Spreadsheet.getProtections": 2, "Range.getDataValidations": 3, "Sheet.getConditionalFormatRules": 3, "Spreadsheet.getNamedRanges": 1 };
    const read = project({ byMethod: reads, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
    expect(read.calls.structural).toBe(9);
    expect(read.floorSeconds).toEqual(none.floorSeconds);
    expect(read.projectedSeconds.high - none.projectedSeconds.high).toBeCloseTo(9 * RATES.high.structural, 5);
    // One change among them (a rule written back) commits at the end: a flush, called or not.
    for (const m of ["Sheet.setConditionalFormatRules", "Range.setDataValidations", "Protection.setWarningOnly", "Spreadsheet.setNamedRange"]) {
      const wrote = project({ byMethod: { ...reads, [m]: 1 }, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
      expect(wrote.floorSeconds.high - none.floorSeconds.high, m).toBeCloseTo(RATES.high.flush, 5);
    }
    // A flush called with nothing written is still a call, and priced.
    const flushed = project({ byMethod: { ...reads, "SpreadsheetApp.flush": 1 }, cellsRead: 0, cellsWritten: 0 }, { executions: 1 });
    expect(flushed.projectedSeconds.high - read.projectedSeconds.high).toBeCloseTo(RATES.high.flush, 5);
  });
});

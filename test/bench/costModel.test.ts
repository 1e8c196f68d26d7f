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
});

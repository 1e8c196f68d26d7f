// A money KR's Forecast cell in its currency, through the BUILT add-on (`npm run build` first). Session 20
// gave it the money format where the add-on writes the KR's row, but Repair did not mend it (a KR typed by
// hand, an older tracker: `1117,5` beside Current's `1171,50 €`), and a new tracker's template lost it: the
// new Key Results tab's number formats, written after the rows as one box from Confidence to Counts from, set
// it back to General. Repair now checks it with Start, Target and Current, inside the box of formats it reads
// anyway (session 21: moneyCells.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";
import { repairWrites } from "../support/writes";
import { rangeReads } from "../support/rangeReads";

const krTab = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!;
const columnOf = (wb: Workbook, h: string) => krTab(wb).getRange(1, 1, 1, 26).getValues()[0].map(String).indexOf(h) + 1;
const rowOf = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").findIndex((r) => r.ID === id) + 2;
const cell = (wb: Workbook, id: string, h: string) => krTab(wb).getRange(rowOf(wb, id), columnOf(wb, h));

/** The rectangles of Key Results whose number formats `run` read. */
const formatReads = (run: () => void) => rangeReads("getNumberFormats", "Key Results", run);

describe("A money KR's Forecast cell", () => {
  it("a new tracker's template: the EUR KR's Forecast is in EUR, and Repair finds nothing to mend", () => {
    const wb = newTracker({ template: "operations" });
    expect(cell(wb, "O3.KR1", "Forecast").getNumberFormat()).toBe('#,##0.00" EUR"');
    expect(cell(wb, "O3.KR1", "Start").getNumberFormat()).toBe('#,##0.00" EUR"');
    expect(repairWrites(wb)).toEqual({});
  });

  it("typed by hand with a $ unit: Repair gives its Forecast the format of its other value cells, in the same call", () => {
    const wb = newTracker({ template: "operations" });
    const row = rowsOf(wb, "Key Results").length + 2;
    krTab(wb).getRange(row, 1, 1, 9).setValues([["O3.KR9", "O3", "Cut cost per unit from $41.50 to $36", "ana@example.com", "decrease", "$", 41.5, 36, ""]]);
    expect(repairWrites(wb)).toEqual({ "RangeList.setNumberFormat": 1 });
    expect(["Start", "Target", "Current", "Forecast"].map((h) => cell(wb, "O3.KR9", h).getNumberFormat())).toEqual(['"$"#,##0.00', '"$"#,##0.00', '"$"#,##0.00', '"$"#,##0.00']);
    expect(repairWrites(wb)).toEqual({});
  });

  it("set back to General, or to a plain number format: mended; a currency format of the team's own is kept", () => {
    const wb = newTracker({ template: "operations" });
    cell(wb, "O3.KR1", "Forecast").setNumberFormat("0.0");
    expect(repairWrites(wb)).toEqual({ "RangeList.setNumberFormat": 1 });
    expect(cell(wb, "O3.KR1", "Forecast").getNumberFormat()).toBe('#,##0.00" EUR"');
    cell(wb, "O3.KR1", "Forecast").setNumberFormat('#,##0" EUR"');
    expect(repairWrites(wb)).toEqual({});
    expect(cell(wb, "O3.KR1", "Forecast").getNumberFormat()).toBe('#,##0" EUR"');
  });

  it("is checked inside the formats Repair reads anyway: one read of the KR rows, Start to Counts from", () => {
    const wb = newTracker({ template: "operations" });
    const reads = formatReads(() => expect(callAddon(wb, "repairTracker").ok).toBe(true));
    expect(reads.map((r) => [r.c1, r.c2])).toEqual([[columnOf(wb, "Start"), columnOf(wb, "Counts from")]]);
    expect(columnOf(wb, "Forecast")).toBeLessThan(columnOf(wb, "Counts from"));
  });
});

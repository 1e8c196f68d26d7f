import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("Sheet.getRangeList", () => {
  it("formats every range of the list in one call, and counts each cell once", () => {
    const { sheet, services } = setup();
    const list = sheet.getRangeList(["A1:B2", "D4", "B2:C2"]);
    list.setNumberFormat("0.00").setFontWeight("bold").setBackground("#e8eaed").setFontColor("#ffffff");
    const c = services.counters.snapshot();
    expect(c.byMethod).toEqual({
      "Sheet.getRangeList": 1,
      "RangeList.setNumberFormat": 1,
      "RangeList.setFontWeight": 1,
      "RangeList.setBackground": 1,
      "RangeList.setFontColor": 1,
    });
    // A1:B2 (4) + D4 (1) + C2 (B2 counted once): 6 cells, four times.
    expect(c.cellsFormatted).toBe(4 * 6);
    expect(c.cellsWritten).toBe(0);
    expect(sheet.getRange("A1:D4").getNumberFormats()).toEqual([
      ["0.00", "0.00", "0.###############", "0.###############"],
      ["0.00", "0.00", "0.00", "0.###############"],
      ["0.###############", "0.###############", "0.###############", "0.###############"],
      ["0.###############", "0.###############", "0.###############", "0.00"],
    ]);
    expect(sheet.getRange("C2").getFontWeight()).toBe("bold");
    expect(sheet.getRange("C1").getFontWeight()).toBe("normal");
    expect([sheet.getRange("D4").getBackground(), sheet.getRange("D4").getFontColor()]).toEqual(["#e8eaed", "#ffffff"]);
    expect(sheet.getRange("D3").getBackground()).toBe("#ffffff");
    expect(list.getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(["A1:B2", "D4", "B2:C2"]);
  });

  it("refuses an empty list and a range beyond the sheet, as getRange does", () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList([])).toThrow("getRangeList");
    expect(() => sheet.getRangeList(["A1", "A5000"])).toThrow("Range not found");
  });

  it("setValue writes the same value into every range (cells written, not formatted)", () => {
    const { sheet, services } = setup();
    sheet.getRangeList(["A1:A2", "C3"]).setValue(7);
    expect(sheet.getRange("A1:C3").getValues()).toEqual([
      [7, "", ""],
      [7, "", ""],
      ["", "", 7],
    ]);
    expect(services.counters.snapshot().cellsWritten).toBe(3);
  });
});

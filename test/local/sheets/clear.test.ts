// What Sheet.clear() removes on the offline spreadsheet, and why (docs/apps-script-fidelity.md, "Sheet.clear()").
// Google documents that clear() "clears the sheet of content and formatting information" and that
// formatting is what the Format menu sets, conditional formatting included, "and not width or height of
// cells" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearFormats()). So the
// rules go; code that keeps a cleared tab coloured must set its rules again.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup, type Any } from "./helpers";
import { ProtectionType } from "../../../src/local/sheets";


function colouredSheet() {
  const t = setup();
  const { SpreadsheetApp, sheet } = t;
  sheet.getRange("A1:B2").setValues([
    ["On track", 1],
    ["At risk", 2],
  ]);
  sheet.getRange("A1").setBackground("#ff0000").setNumberFormat("0.00");
  const rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("On track").setBackground("#00ff00").setRanges([sheet.getRange("A1:A2")]).build();
  sheet.setConditionalFormatRules([rule]);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 250);
  sheet.protect().setDescription("ours").setWarningOnly(true);
  const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange("A1:B2")).setPosition(1, 4, 0, 0).setOption("title", "Scores").build();
  sheet.insertChart(chart);
  return t;
}

describe("Sheet.clear()", () => {
  it("removes contents, cell formats and conditional format rules (Google: conditional formatting is formatting)", () => {
    const { sheet } = colouredSheet();
    sheet.clear();
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
    expect(sheet.getRange("A1").getNumberFormat()).toBe(sheet.getRange("C9").getNumberFormat());
    expect(sheet.getConditionalFormatRules().length).toBe(0);
  });

  it("clear({formatOnly: true}) removes the rules too; clear({contentsOnly: true}) keeps them", () => {
    const a = colouredSheet();
    a.sheet.clear({ formatOnly: true });
    expect(a.sheet.getConditionalFormatRules().length).toBe(0);
    expect(a.sheet.getRange("A1").getValue()).toBe("On track");
    const b = colouredSheet();
    b.sheet.clear({ contentsOnly: true });
    expect(b.sheet.getConditionalFormatRules().length).toBe(1);
    expect(b.sheet.getRange("A1").getBackground()).toBe("#ff0000");
  });

  it("keeps column widths (documented), frozen rows, the protection and embedded charts (to check on Google, see the fidelity doc)", () => {
    const { sheet, ss } = colouredSheet();
    sheet.clear();
    expect(sheet.getColumnWidth(1)).toBe(250);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(ss.getProtections(ProtectionType.SHEET).map((p: Any) => p.getDescription())).toEqual(["ours"]);
    expect(sheet.getCharts().map((c: Any) => c.getOptions().get("title"))).toEqual(["Scores"]);
  });
});

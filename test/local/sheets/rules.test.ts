import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { createServices, evaluateConditionalFormat } from "../../../src/local/sheets";
import { setup } from "./helpers";

describe("conditional formats", () => {
  it("builds rules, reads them back and paints cells (first matching rule wins)", () => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange("A1:A5").setValues([["On track"], ["At risk"], ["Off track"], [""], ["on track!"]]);
    const range = sheet.getRange("A1:A5");
    const green = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("On track").setBackground("#B7E1CD").setRanges([range]).build();
    const contains = SpreadsheetApp.newConditionalFormatRule().whenTextContains("track").setFontColor("#FF0000").setBold(true).setRanges([range]).build();
    const empty = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("#eeeeee").setRanges([range]).build();
    sheet.setConditionalFormatRules([green, contains, empty]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    const c = rules[0].getBooleanCondition();
    expect([String(c.getCriteriaType()), c.getCriteriaValues(), c.getBackground()]).toEqual(["TEXT_EQUAL_TO", ["On track"], "#b7e1cd"]);
    expect(rules[0].getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(["A1:A5"]);
    expect(c.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
    expect(evaluateConditionalFormat(sheet, 1, 1)).toEqual({ background: "#b7e1cd" });
    expect(evaluateConditionalFormat(sheet, 3, 1)).toEqual({ fontColor: "#ff0000", bold: true });
    expect(evaluateConditionalFormat(sheet, 4, 1)).toEqual({ background: "#eeeeee" });
    expect(evaluateConditionalFormat(sheet, 5, 1)).toEqual({ fontColor: "#ff0000", bold: true });
    expect(evaluateConditionalFormat(sheet, 1, 2)).toBeNull();
    // copy() gives a builder that keeps ranges and condition.
    const red = rules[0].copy().setBackground("#ff0000").build();
    expect(red.getBooleanCondition().getCriteriaValues()).toEqual(["On track"]);
    expect(red.getRanges()[0].getA1Notation()).toBe("A1:A5");
  });

  it("number conditions (confidence 1-3 red, 4-6 amber, 7-10 green)", () => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange("B1:B6").setValues([[2], [5], [9], ["x"], [11], [0]]);
    const r = [sheet.getRange("B1:B6")];
    const b = () => SpreadsheetApp.newConditionalFormatRule().setRanges(r);
    sheet.setConditionalFormatRules([
      b().whenNumberBetween(1, 3).setBackground("#f00").build(),
      b().whenNumberBetween(4, 6).setBackground("#fa0").build(),
      b().whenNumberBetween(7, 10).setBackground("#0f0").build(),
      b().whenNumberGreaterThan(10).setItalic(true).build(),
      b().whenNumberLessThanOrEqualTo(0).setStrikethrough(true).build(),
    ]);
    const paint = [1, 2, 3, 4, 5, 6].map((row) => evaluateConditionalFormat(sheet, row, 2));
    expect(paint).toEqual([{ background: "#ff0000" }, { background: "#ffaa00" }, { background: "#00ff00" }, null, { italic: true }, { strikethrough: true }]);
  });

  it("custom formulas are relative to the rule's first cell; cross-sheet references are rejected", () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    ss.insertSheet("Other");
    sheet.getRange("A1:B3").setValues([[1, 5], [7, 5], [3, 5]]);
    const range = sheet.getRange("A1:A3");
    const ok = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied("=$A1>$B1").setBackground("#ff0000").setRanges([range]).build();
    sheet.setConditionalFormatRules([ok]);
    expect([1, 2, 3].map((r) => evaluateConditionalFormat(sheet, r, 1))).toEqual([null, { background: "#ff0000" }, null]);
    const bad = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied("=A1>Other!A1").setBackground("#ff0000").setRanges([range]).build();
    expect(() => sheet.setConditionalFormatRules([bad])).toThrow(/another sheet/);
    const quoted = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied("=A1>'Key Results'!$B$2").setRanges([range]).setBold(true).build();
    expect(() => sheet.setConditionalFormatRules([quoted])).toThrow(/another sheet/);
    const indirect = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=A1>INDIRECT("Other!A1")').setRanges([range]).setBold(true).build();
    expect(() => sheet.setConditionalFormatRules([indirect])).not.toThrow();
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });

  it("rule ranges move with inserted and deleted rows, and persist in snapshots", () => {
    const { SpreadsheetApp, sheet, services } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule().whenCellNotEmpty().setBackground("#123456").setRanges([sheet.getRange("C2:C10")]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe("C4:C12");
    sheet.insertRowsAfter(5, 3);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe("C4:C15");
    sheet.deleteRows(1, 5);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe("C1:C10");
    const snap = services.toSnapshot();
    expect(snap.sheets[0].conditionalFormats).toEqual([
      { ranges: ["C1:C10"], condition: { type: "CELL_NOT_EMPTY", values: [] }, format: { background: "#123456" } },
    ]);
    const again = createServices(snap);
    const s2 = (again.globals.SpreadsheetApp as any).getActive().getSheets()[0];
    s2.getRange("C3").setValue("x");
    expect(evaluateConditionalFormat(s2, 3, 3)).toEqual({ background: "#123456" });
  });
});

describe("data validation", () => {
  it("builds rules and reads them back per cell", () => {
    const { SpreadsheetApp, sheet } = setup();
    const list = SpreadsheetApp.newDataValidation().requireValueInList(["committed", "aspirational"], true).setAllowInvalid(false).setHelpText("Pick one").build();
    sheet.getRange("F2:F10").setDataValidation(list);
    const got = sheet.getRange("F5").getDataValidation();
    expect(got.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([["committed", "aspirational"], true]);
    expect([got.getAllowInvalid(), got.getHelpText()]).toEqual([false, "Pick one"]);
    expect(sheet.getRange("F1").getDataValidation()).toBeNull();
    const num = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).build();
    sheet.getRange("F5").setDataValidation(num);
    const grid = sheet.getRange("F4:F6").getDataValidations().map((r: any[]) => String(r[0].getCriteriaType()));
    expect(grid).toEqual(["VALUE_IN_LIST", "NUMBER_BETWEEN", "VALUE_IN_LIST"]);
    expect(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build().getCriteriaValues()).toEqual([0]);
    expect(SpreadsheetApp.newDataValidation().requireDate().build().getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE);
    expect(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
    // An enum object, as on Google: never the string (the add-on compares through String()).
    expect(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType() === "CHECKBOX").toBe(false);
    expect(SpreadsheetApp.newDataValidation().requireFormulaSatisfied("=A1>0").build().getCriteriaValues()).toEqual(["=A1>0"]);
    sheet.getRange("F2:F10").clearDataValidations();
    expect(sheet.getRange("F5").getDataValidation()).toBeNull();
  });

  it("survives a snapshot round trip, including a list without dropdown", () => {
    const { SpreadsheetApp, sheet, services } = setup();
    sheet.getRange("A2:A5").setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["a", "b"], false).build());
    const snap = services.toSnapshot();
    expect(snap.sheets[0].validations).toEqual([{ range: "A2:A5", type: "VALUE_IN_LIST", values: ["a", "b", false], allowInvalid: true }]);
    const s2 = (createServices(snap).globals.SpreadsheetApp as any).getActive().getSheets()[0];
    expect(s2.getRange("A3").getDataValidation().getCriteriaValues()).toEqual([["a", "b"], false]);
  });
});

describe("protections", () => {
  it("warning-only protections are recorded and never block writes", () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    const p = sheet.getRange("M2:O100").protect().setDescription("Formula columns").setWarningOnly(true);
    expect([p.getDescription(), p.isWarningOnly(), p.canEdit(), p.getProtectionType()]).toEqual(["Formula columns", true, true, SpreadsheetApp.ProtectionType.RANGE]);
    expect(p.getRange().getA1Notation()).toBe("M2:O100");
    sheet.getRange("M2").setValue(1);
    expect(sheet.getRange("M2").getValue()).toBe(1);
    const sp = sheet.protect().setWarningOnly(true);
    expect(sheet.protect().getDescription()).toBe(sp.getDescription());
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    sheet.insertRowsBefore(1, 1);
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe("M3:O101");
    ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].remove();
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });
});

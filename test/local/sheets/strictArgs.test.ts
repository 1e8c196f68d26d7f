// Arguments the offline spreadsheet took where Google likely refuses them (docs/apps-script-fidelity.md,
// "to check" 40 and 41): a count of no rows or columns, a fraction where a row or column is meant (it was
// floored), and a tab named like a reference (`A1`, `Q1`, `R1C1`) unquoted in A1 notation. Add-on code
// doing any of these passed its tests offline; each is refused now, and the add-on's quoting follows.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../../support/expect";
import { setup } from "./helpers";
import { quoteSheet } from "../../../src/core/a1";
import { parseA1 } from "../../../src/local/sheets/a1";

describe("arguments Google takes as whole numbers", () => {
  it("refuses to insert or delete no rows or columns, changing nothing", () => {
    const { sheet } = setup();
    sheet.getRange("A2").setValue("kept");
    expect(() => sheet.insertRowsAfter(1, 0)).toThrow("Sheet.insertRowsAfter's howMany must be at least 1, not 0.");
    expect(() => sheet.insertRowsBefore(1, 0)).toThrow("must be at least 1");
    expect(() => sheet.insertColumnsAfter(1, 0)).toThrow("must be at least 1");
    expect(() => sheet.deleteRows(1, 0)).toThrow("must be at least 1");
    expect(() => sheet.deleteColumns(1, 0)).toThrow("must be at least 1");
    expect(() => sheet.insertRowsAfter(1, -2)).toThrow("must be at least 1");
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.getRange("A2").getValue()).toBe("kept");
  });

  it("refuses a fraction where a row, a column or a count is meant, instead of flooring it", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1.5, 1)).toThrow("Sheet.getRange's row must be a whole number, not 1.5.");
    expect(() => sheet.getRange(1, 2.5)).toThrow("column must be a whole number");
    expect(() => sheet.getRange(1, 1, 2.5, 1)).toThrow("numRows must be a whole number");
    expect(() => sheet.getRange(1, 1, 1, 1.2)).toThrow("numColumns must be a whole number");
    expect(() => sheet.insertRowsAfter(1.5, 1)).toThrow("whole number");
    expect(() => sheet.insertRowsAfter(1, 1.5)).toThrow("whole number");
    expect(() => sheet.deleteRows(2, 1.5)).toThrow("whole number");
    expect(() => sheet.setFrozenRows(1.5)).toThrow("whole number");
    expect(() => sheet.getRange(1, 1, 3, 3).getCell(1.5, 1)).toThrow("whole numbers");
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange(2, 3, 2, 2).getA1Notation()).toBe("C2:D3");
  });
});

describe("a tab named like a reference, in A1 notation", () => {
  it("is refused unquoted and taken quoted (the stricter reading: \"to check\" 40)", () => {
    const { ss } = setup();
    for (const name of ["A1", "Q1", "ZZ9", "R1C1", "RC", "r2c"]) {
      ss.insertSheet(name).getRange("B2").setValue(name);
      expect(() => ss.getRange(`${name}!B2`), name).toThrow("Range not found");
      expect(ss.getRange(`'${name}'!B2`).getValue()).toBe(name);
      expect(ss.getRange(`${quoteSheet(name)}!B2`).getValue()).toBe(name);
    }
    // Plain words that are no reference stay unquoted: a four-letter column is beyond the grid's ZZZ.
    for (const name of ["Settings", "Log_2", "ABCD1", "Q1_goals", "Cycle"]) {
      ss.insertSheet(name).getRange("A1").setValue(name);
      expect(ss.getRange(`${name}!A1`).getValue()).toBe(name);
    }
  });

  it("is always named so by the add-on's quoteSheet, whatever the name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (name) => {
        expect(parseA1(`${quoteSheet(name)}!B2`, true).sheet).toBe(name);
      }),
    );
    expect(parseA1(`${quoteSheet("R1C1")}!B2`, true).sheet).toBe("R1C1");
  });
});

describe("names and weights outside what Google documents (session 21, \"to check\" 54)", () => {
  it("refuses a tab with no name, as setName does (insertSheet(\"\") made a tab named \"\")", () => {
    const { ss } = setup();
    expect(() => ss.insertSheet("")).toThrow("Sheet names cannot be empty.");
    expect(() => ss.insertSheet("", 0)).toThrow("Sheet names cannot be empty.");
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(["Sheet1"]);
    // No name at all is a default one, as documented.
    expect(ss.insertSheet().getName()).toBe("Sheet2");
  });

  it("refuses an index past the last tab, negative or fractional (it was clamped), and takes 0 to the number of tabs", () => {
    const { ss } = setup();
    expect(() => ss.insertSheet("Far", 5)).toThrow("insertSheet's index must be a whole number from 0 to 1 (the number of tabs), not 5.");
    expect(() => ss.insertSheet("Before", -1)).toThrow("not -1.");
    expect(() => ss.insertSheet(0.5)).toThrow("not 0.5.");
    expect(ss.getSheets().length).toBe(1);
    ss.insertSheet("Last", 1);
    ss.insertSheet("First", 0);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(["First", "Sheet1", "Last"]);
  });

  it("takes \"bold\", \"normal\" or null as a font weight, refusing anything else (\"BOLD\" was taken as normal)", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    expect(() => r.setFontWeight("BOLD")).toThrow('a font weight is "bold", "normal" or null, not "BOLD".');
    expect(() => r.setFontWeights([["bold", "700"]])).toThrow('not "700"');
    expect(r.getFontWeights()).toEqual([["normal", "normal"]]);
    expect(r.setFontWeights([["bold", null]]).getFontWeights()).toEqual([["bold", "normal"]]);
    expect(r.setFontWeight("normal").getFontWeights()).toEqual([["normal", "normal"]]);
  });
});

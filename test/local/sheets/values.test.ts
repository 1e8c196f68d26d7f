import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";
import { localeInfo } from "../../../src/local/sheets/format";

const isDate = (v: unknown) => Object.prototype.toString.call(v) === "[object Date]";

describe("values", () => {
  it("reads empty cells as '' and numbers, booleans and text as themselves", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C1").setValues([[3.5, true, "hello"]]);
    expect(sheet.getRange("A1:D2").getValues()).toEqual([
      [3.5, true, "hello", ""],
      ["", "", "", ""],
    ]);
    expect(sheet.getRange(2, 1).getValue()).toBe("");
  });

  it("takes a block wider than 200 columns (a long cycle's Weekly Summary: the Trend and the Chart data have a column per week)", () => {
    const { sheet } = setup();
    const row = Array.from({ length: 303 }, (_, i) => i);
    sheet.insertColumnsAfter(26, 303 - 26);
    sheet.getRange(1, 1, 2, 303).setValues([row, row.map((x) => -x)]);
    expect(sheet.getRange(2, 303).getValue()).toBe(-302);
    expect(sheet.getLastColumn()).toBe(303);
  });

  it("a large block of mostly blanks clears what it covers and writes what it holds", () => {
    const { sheet } = setup();
    sheet.getRange("A1:Z3").setValues([Array.from({ length: 26 }, (_, i) => `old ${i}`), Array(26).fill(""), Array(26).fill(7)]);
    const block = Array.from({ length: 500 }, (_, r) => Array.from({ length: 26 }, (_, c) => (r === 1 && c === 3 ? "new" : r === 499 && c === 0 ? 5 : null)));
    sheet.getRange(1, 1, 500, 26).setValues(block);
    expect(sheet.getRange("A1:Z3").getValues()).toEqual([Array(26).fill(""), ["", "", "", "new", ...Array(22).fill("")], Array(26).fill("")]);
    expect(sheet.getRange("A500").getValue()).toBe(5);
    expect(sheet.getLastRow()).toBe(500);
  });

  it("rejects wrongly sized data with the real messages", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    expect(() => r.setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => r.setValues([[1, 2, 3], [4, 5, 6]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow("The data has 1 but the range has 2.");
    expect(r.getValues()).toEqual([["", ""], ["", ""]]);
  });

  it("parses written strings like typing: formulas, apostrophes, numbers, percents, dates, booleans", () => {
    const { sheet } = setup();
    sheet.getRange("A1:H1").setValues([["=1+1", "'=1+1", "'12", "12", "-4", "1e3", "50%", "2026-01-05"]]);
    const v = sheet.getRange("A1:H1").getValues()[0];
    expect(v.slice(0, 7)).toEqual([2, "=1+1", "12", 12, -4, 1000, 0.5]);
    expect(isDate(v[7])).toBe(true);
    expect((v[7] as Date).toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["=1+1", "", ""]]);
    expect(sheet.getRange("G1").getDisplayValue()).toBe("50%");
    expect(sheet.getRange("H1").getNumberFormat()).toBe("yyyy-mm-dd");
    sheet.getRange("A2:C2").setValues([["TRUE", "false", "3.5.1"]]);
    expect(sheet.getRange("A2:C2").getValues()).toEqual([[true, false, "3.5.1"]]);
  });

  it("keeps impossible dates as typed text instead of rolling them over (2026-02-30 is not 2026-03-02)", () => {
    const { sheet } = setup();
    sheet.getRange("A1:E1").setValues([["2026-02-30", "2026-13-01", "2025-02-29", "2/30/2026", "2024-02-29"]]);
    const v = sheet.getRange("A1:E1").getValues()[0];
    expect(v.slice(0, 4)).toEqual(["2026-02-30", "2026-13-01", "2025-02-29", "2/30/2026"]);
    expect(isDate(v[4])).toBe(true);
    expect((v[4] as Date).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it("keeps text '=...', '+1', '-x' and '@x' from user comments as text when written with an apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange("A1:D1").setValues([["'=HYPERLINK(\"x\")", "'+1", "'-x", "'@x"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([['=HYPERLINK("x")', "+1", "-x", "@x"]]);
    expect(sheet.getRange("A1:D1").getFormulas()).toEqual([["", "", "", ""]]);
  });

  it("plain-text format '@' keeps strings (even =...) as text", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setNumberFormat("@");
    sheet.getRange("A1:B1").setValues([["0012", "=1+1"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["0012", "=1+1"]]);
  });

  it("uses the locale's decimal comma", () => {
    const { sheet, ss } = setup();
    ss.setSpreadsheetLocale("de_DE");
    sheet.getRange("A1:C1").setValues([["3,5", "1.234,5", "12.35"]]);
    // "12.35": its dot a thousands separator there, never the text (typedInput.test.ts, session 19).
    expect(sheet.getRange("A1:C1").getValues()).toEqual([[3.5, 1234.5, 1235]]);
    sheet.getRange("A1").setNumberFormat("0.00");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3,50");
    ss.setSpreadsheetLocale("fr_FR");
    sheet.getRange("A2").setValue("2,25");
    expect(sheet.getRange("A2").getValue()).toBe(2.25);
    ss.setSpreadsheetLocale("en_US");
    sheet.getRange("A3").setValue("3,5");
    expect(sheet.getRange("A3").getValue()).toBe("3,5");
  });

  it("reads date-formatted cells as Date (through the spreadsheet time zone) and writes Dates as serials", () => {
    const { sheet, ss, g } = setup();
    const d = new Date("2026-03-01T00:00:00Z");
    sheet.getRange("A1").setValue(d);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("yyyy-mm-dd");
    const back = sheet.getRange("A1").getValue();
    expect(isDate(back)).toBe(true);
    expect(back).toBeInstanceOf(g.Date);
    expect(back.getTime()).toBe(d.getTime());
    sheet.getRange("A2").setValue(new Date("2026-03-01T10:30:00Z"));
    expect(sheet.getRange("A2").getNumberFormat()).toBe("yyyy-mm-dd hh:mm:ss");
    expect(sheet.getRange("A2").getDisplayValue()).toBe("2026-03-01 10:30:00");
    // The serial is wall time in the spreadsheet zone.
    sheet.getRange("B1").setNumberFormat("0.00");
    sheet.getRange("B1").setFormula("=A1");
    expect(sheet.getRange("B1").getValue()).toBe(46082);
    ss.setSpreadsheetTimeZone("Europe/Berlin");
    sheet.getRange("A3").setValue(new Date("2026-03-01T00:00:00+01:00"));
    expect(sheet.getRange("A3").getDisplayValue()).toBe("2026-03-01");
    expect(sheet.getRange("A3").getValue().toISOString()).toBe("2026-02-28T23:00:00.000Z");
    // A number written into a date-formatted cell reads as a Date.
    sheet.getRange("C1").setNumberFormat("yyyy-mm-dd");
    sheet.getRange("C1").setValue(46082);
    expect(isDate(sheet.getRange("C1").getValue())).toBe(true);
  });

  it("formats display values", () => {
    const { sheet } = setup();
    const cases: [number, string, string][] = [
      [3.14159, "0", "3"],
      [3.14159, "0.00", "3.14"],
      [3.14159, "0.0", "3.1"],
      [0.256, "0%", "26%"],
      [0.256, "0.0%", "25.6%"],
      [1234567.891, "#,##0", "1,234,568"],
      [1234567.891, "#,##0.00", "1,234,567.89"],
      [-5.5, "0.00", "-5.50"],
      [46027, "yyyy-mm-dd", "2026-01-05"],
      [46027.5, "yyyy-mm-dd hh:mm", "2026-01-05 12:00"],
      [46027, "dd mmm yyyy", "05 Jan 2026"],
      [0.1 + 0.2, "General", "0.3"],
      [1 / 3, "0.###############", "0.3333333333"],
    ];
    cases.forEach(([v, f], i) => {
      sheet.getRange(i + 1, 1).setValue(v);
      sheet.getRange(i + 1, 1).setNumberFormat(f);
    });
    const shown = sheet.getRange(1, 1, cases.length, 1).getDisplayValues().map((r: string[]) => r[0]);
    expect(shown).toEqual(cases.map((c) => c[2]));
    sheet.getRange("B1:B2").setValues([["text"], [true]]);
    sheet.getRange("B1").setNumberFormat("@");
    expect(sheet.getRange("B1:B2").getDisplayValues()).toEqual([["text"], ["TRUE"]]);
  });

  it("validates coordinates like Apps Script", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sheet.getRange("A1:AA1")).toThrow("Range not found");
    expect(() => sheet.getRange("not a range")).toThrow("Range not found");
    expect(sheet.getRange("B2:C3").getA1Notation()).toBe("B2:C3");
    const whole = sheet.getRange("A:B");
    expect([whole.getNumRows(), whole.getNumColumns()]).toEqual([1000, 2]);
    expect(sheet.getRange("A2:A").getNumRows()).toBe(999);
  });

  it("tracks last row/column by content only, and getDataRange", () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("C5").setValue("x");
    sheet.getRange("A10").setBackground("#ff0000");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
    sheet.getRange("C5").clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  it("appendRow writes after the last row, parses typed input and grows the sheet", () => {
    const { sheet } = setup();
    sheet.appendRow(["a", "2", "'3"]);
    sheet.appendRow(["b", 5]);
    expect(sheet.getRange("A1:C2").getValues()).toEqual([["a", 2, "3"], ["b", 5, ""]]);
    sheet.getRange("A1000").setValue("last");
    sheet.getRange("B1000").setNumberFormat("0.00");
    sheet.appendRow(["over", 1.5]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001:B1001").getDisplayValues()).toEqual([["over", "1.50"]]);
  });

  it("setFormula on many cells adjusts relative references; setFormulas takes a grid", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1:B3").setFormula("=A1*10+$A$1");
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([["=A1*10+$A$1"], ["=A2*10+$A$1"], ["=A3*10+$A$1"]]);
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[11], [21], [31]]);
    sheet.getRange("C1:C2").setFormulas([["=SUM(A1:A3)"], ["=COUNT(A:A)"]]);
    expect(sheet.getRange("C1:C2").getValues()).toEqual([[6], [3]]);
    expect(() => sheet.getRange("C1:C2").setFormulas([["=1"]])).toThrow("The data has 1 but the range has 2.");
  });

  it("clear, clearContent and clearFormat do what they say", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    r.setValues([[1, 2]]).setBackground("#FF0000").setFontWeight("bold").setNote("n");
    r.clearFormat();
    expect([r.getBackground(), r.getFontWeight(), r.getValues()[0], r.getNote()]).toEqual(["#ffffff", "normal", [1, 2], "n"]);
    r.setBackground("red");
    expect(r.getBackground()).toBe("#ff0000");
    r.clearContent();
    expect([r.getValues()[0], r.getBackground()]).toEqual([["", ""], "#ff0000"]);
    r.setValue(5);
    r.clear();
    expect([r.getValues()[0], r.getBackground()]).toEqual([["", ""], "#ffffff"]);
  });

  it("formats: backgrounds, weights, notes, number formats as grids", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    r.setBackgrounds([["#aabbcc", null], [null, "#000"]]);
    r.setFontWeights([["bold", null], [null, "normal"]]);
    r.setNotes([["x", ""], ["", "y"]]);
    sheet.getRange("A1").setWrap(true);
    sheet.getRange("B2").setWrap(true);
    r.setNumberFormats([["0.00", "0%"], ["@", "yyyy-mm-dd"]]);
    expect(r.getBackgrounds()).toEqual([["#aabbcc", "#ffffff"], ["#ffffff", "#000000"]]);
    expect(r.getFontWeights()).toEqual([["bold", "normal"], ["normal", "normal"]]);
    expect(r.getNotes()).toEqual([["x", ""], ["", "y"]]);
    expect(r.getWraps()).toEqual([[true, false], [false, true]]);
    expect(r.getNumberFormats()).toEqual([["0.00", "0%"], ["@", "yyyy-mm-dd"]]);
    expect(sheet.getRange("C3").getNumberFormat()).toBe("0.###############");
    expect(() => r.setBackgrounds([["#fff"]])).toThrow("The data has 1 but the range has 2.");
  });

  it("text styles as a grid: weight, colour and size in one call; a builder is not a service call", () => {
    const { sheet, SpreadsheetApp, services } = setup();
    const title = SpreadsheetApp.newTextStyle().setBold(true).setForegroundColor("#1F3B57").setFontSize(16).build();
    const plain = SpreadsheetApp.newTextStyle().setBold(false).setForegroundColor("#202124").setFontSize(10).build();
    const r = sheet.getRange("A1:B1");
    r.setFontWeights([["normal", "bold"]]);
    services.counters.reset();
    r.setTextStyles([[title, plain]]);
    expect(services.counters.serviceCalls).toBe(1);
    expect(r.getFontWeights()).toEqual([["bold", "normal"]]);
    expect(r.getFontColors()).toEqual([["#1f3b57", "#202124"]]);
    expect([sheet.getRange("A1").getFontSize(), sheet.getRange("B1").getFontSize()]).toEqual([16, 10]);
    expect(() => r.setTextStyles([[title]])).toThrow("The data has 1 but the range has 2.");
  });

  it("one text style over a range: the fields it sets on every cell, the others kept (Range.setTextStyle)", () => {
    const { sheet, SpreadsheetApp, services } = setup();
    const r = sheet.getRange("A1:C1");
    sheet.getRange("C1").setFontSize(14);
    services.counters.reset();
    r.setTextStyle(SpreadsheetApp.newTextStyle().setBold(true).setForegroundColor("#FFFFFF").build());
    expect(services.counters.snapshot().byMethod).toEqual({ "Range.setTextStyle": 1 });
    expect(services.counters.cellsFormatted).toBe(3);
    expect(r.getFontWeights()).toEqual([["bold", "bold", "bold"]]);
    expect(r.getFontColors()).toEqual([["#ffffff", "#ffffff", "#ffffff"]]);
    expect(sheet.getRange("C1").getFontSize()).toBe(14);
  });

  it("copies formats to another tab (Range.copyTo, PASTE_FORMAT): values untouched; a whole multiple repeats the source", () => {
    const { sheet, ss, SpreadsheetApp, services } = setup();
    const other = ss.insertSheet("Other");
    other.getRange("A1:D1").setValues([["a", "b", "c", "d"]]);
    other.getRange("D1").setNumberFormat("0.00");
    sheet.getRange("A1:B1").setBackground("#1f3b57").setWrap(true);
    sheet.getRange("A1").setFontWeight("bold");
    const [from, to] = [sheet.getRange("A1:B1"), other.getRange("A1:D1")];
    services.counters.reset();
    from.copyTo(to, SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
    expect(services.counters.snapshot().byMethod).toEqual({ "Range.copyTo": 1 });
    expect(services.counters.cellsFormatted).toBe(4);
    const row = other.getRange("A1:D1");
    expect(row.getBackgrounds()).toEqual([["#1f3b57", "#1f3b57", "#1f3b57", "#1f3b57"]]);
    expect(row.getFontWeights()).toEqual([["bold", "normal", "bold", "normal"]]);
    expect(row.getWraps()).toEqual([[true, true, true, true]]);
    expect(row.getNumberFormats()[0][3]).toBe(sheet.getRange("B1").getNumberFormat()); // the source's, not kept
    expect(row.getValues()).toEqual([["a", "b", "c", "d"]]);
    // Not a multiple: the source's own size from the destination's top-left cell.
    sheet.getRange("A1:B1").copyTo(other.getRange("A3:C3"), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
    expect(other.getRange("A3:C3").getBackgrounds()).toEqual([["#1f3b57", "#1f3b57", "#ffffff"]]);
    expect(() => sheet.getRange("A1").copyTo(other.getRange("A5"))).toThrow("PASTE_FORMAT");
  });

  it("knows en_US's separators and date order as Intl has them (they are not looked up for it)", () => {
    expect(localeInfo("en_US")).toEqual(localeInfo("en-US"));
  });

  it("a value Google does not document writing (NaN, Infinity, an invalid Date, an object or array) fails the write whole; null and undefined are blanks", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([["kept", 1]]);
    for (const bad of [NaN, Infinity, -Infinity, new Date("nope"), { a: 1 }, [1, 2]]) {
      expect(() => sheet.getRange("A1:B1").setValues([["new", bad]])).toThrow("Offline spreadsheet: a cell cannot be given");
      expect(() => sheet.getRange("B1").setValue(bad)).toThrow("Offline spreadsheet: a cell cannot be given");
      expect(() => sheet.appendRow([bad])).toThrow("Offline spreadsheet: a cell cannot be given");
    }
    // NaN and Infinity were written as =NA(), an invalid Date as a blank, an object as "[object Object]".
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["kept", 1]]);
    expect(sheet.getLastRow()).toBe(1);
    sheet.getRange("A1:B1").setValues([[null, undefined]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["", ""]]);
  });
});

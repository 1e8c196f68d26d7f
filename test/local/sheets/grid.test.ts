// Grid limits the offline spreadsheet enforces as Google does (docs/apps-script-fidelity.md, "Grid limits"):
// frozen rows need a row below them, column widths only exist for the tab's columns, sheet names are unique
// whatever their case, a number-format grid must match its range, and what counts as the last row.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("grid limits", () => {
  it("setFrozenRows: all of a tab's rows cannot be frozen (Sheets: \"You can't freeze all visible rows on the sheet.\")", () => {
    const { sheet } = setup();
    sheet.setFrozenRows(999);
    expect(sheet.getFrozenRows()).toBe(999);
    expect(() => sheet.setFrozenRows(1000)).toThrow("You can't freeze all visible rows on the sheet.");
    expect(() => sheet.setFrozenRows(-1)).toThrow();
    sheet.setFrozenRows(1);
    sheet.deleteRows(2, 900);
    expect(() => sheet.setFrozenRows(100)).toThrow("You can't freeze all visible rows on the sheet.");
    sheet.setFrozenRows(0);
    expect(sheet.getFrozenRows()).toBe(0);
  });

  it("setColumnWidth(s): columns beyond the tab's last column are out of bounds", () => {
    const { sheet } = setup();
    sheet.setColumnWidths(8, 19, 70); // H..Z: the 26 columns of a new tab
    expect(sheet.getColumnWidth(26)).toBe(70);
    expect(() => sheet.setColumnWidths(8, 20, 70)).toThrow("Those columns are out of bounds.");
    expect(() => sheet.setColumnWidth(27, 70)).toThrow("Those columns are out of bounds.");
    expect(() => sheet.setColumnWidth(0, 70)).toThrow("Those columns are out of bounds.");
    sheet.insertColumnsAfter(26, 1);
    sheet.setColumnWidth(27, 70);
    expect(sheet.getColumnWidth(27)).toBe(70);
  });

  it("A1 notation names a tab that is not a plain word in single quotes (the stricter reading: \"to check\" 40)", () => {
    const { ss } = setup();
    const tab = ss.insertSheet("Key Results");
    ss.insertSheet("Check-ins");
    ss.insertSheet("Log_2");
    ss.getRange("'Key Results'!A1").setValue("x");
    expect(tab.getRange("'Key Results'!A1").getValue()).toBe("x");
    expect(() => ss.getRange("Key Results!A1")).toThrow("Range not found");
    expect(() => ss.getRange("Check-ins!A1:B2")).toThrow("Range not found");
    expect(() => tab.getRange("Key Results!A1")).toThrow("Range not found");
    expect(() => tab.getRangeList(["Key Results!A1"])).toThrow("Range not found");
    expect(ss.getRange("Log_2!A1").getSheet().getName()).toBe("Log_2");
    expect(ss.getRange("'Check-ins'!A1").getSheet().getName()).toBe("Check-ins");
  });

  it("insertSheet with a name already used, in any case, fails", () => {
    const { ss } = setup();
    ss.insertSheet("Weekly Summary", 0);
    expect(() => ss.insertSheet("weekly summary", 0)).toThrow('A sheet with the name "weekly summary" already exists. Please enter another name.');
    expect(() => ss.insertSheet("Weekly Summary")).toThrow("already exists");
  });

  it("setNumberFormats with a grid of the wrong size fails like setValues", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    expect(() => r.setNumberFormats([["0", "0"]])).toThrow("The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.");
    expect(() => r.setNumberFormats([["0"], ["0"]])).toThrow("The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.");
  });

  it("getLastRow counts a formula that shows an empty text as content; formats alone are not content", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A2").setValues([["a"], ["b"]]);
    sheet.getRange("B5").setFormula('=IF(A1="zzz","x","")');
    expect(sheet.getRange("B5").getDisplayValue()).toBe("");
    expect(sheet.getLastRow()).toBe(5);
    sheet.getRange("A9:C9").setBackground("#ffeeee").setNumberFormat("0.00");
    expect(sheet.getLastRow()).toBe(5);
  });

  it("appendRow writes below the last row with content, not below rows that only have formats", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([["Date", "Value"]]);
    sheet.getRange("A2:B50").setNumberFormat("0.00").setBackground("#eeeeee");
    sheet.appendRow(["Monday", 3]);
    expect(sheet.getRange("A2:B2").getValues()[0][1]).toBe(3);
    expect(sheet.getLastRow()).toBe(2);
  });

  it("appendRow of no values fails and adds nothing (it appended nothing and went on)", () => {
    // Reported from live runs: vlucas/sheetquery#15, "appendRow with empty array, which throws".
    const { sheet } = setup();
    sheet.getRange("A1").setValue("Date");
    expect(() => sheet.appendRow([])).toThrow(/appendRow/);
    expect(sheet.getLastRow()).toBe(1);
  });
});

describe("tab names", () => {
  it("a tab name has at most 100 characters, inserted or renamed (it took any length; the stricter reading, \"to check\" 36)", () => {
    const { ss, sheet } = setup();
    expect(() => ss.insertSheet("x".repeat(101))).toThrow("a tab name has at most 100 characters (this one has 101)");
    expect(() => sheet.setName("y".repeat(101))).toThrow("at most 100 characters");
    expect(ss.getSheets()).toHaveLength(1);
    expect(ss.insertSheet("x".repeat(100)).getName()).toHaveLength(100);
  });

  it("getSheetByName finds a tab whatever its case, or (option exactSheetNames, \"to check\" 27) by its exact name only; names stay unique whatever their case", () => {
    const loose = setup();
    loose.ss.insertSheet("Weekly Summary");
    expect(loose.ss.getSheetByName("WEEKLY SUMMARY").getName()).toBe("Weekly Summary");
    const exact = setup({ exactSheetNames: true });
    exact.ss.insertSheet("Weekly Summary");
    expect(exact.ss.getSheetByName("WEEKLY SUMMARY")).toBeNull();
    expect(exact.ss.getSheetByName("Weekly Summary").getName()).toBe("Weekly Summary");
    expect(() => exact.ss.insertSheet("WEEKLY SUMMARY")).toThrow('A sheet with the name "WEEKLY SUMMARY" already exists.');
    // A1 notation names a tab as getSheetByName does, under either reading.
    expect(loose.ss.getRange("'WEEKLY SUMMARY'!A1").getSheet().getName()).toBe("Weekly Summary");
    expect(() => exact.ss.getRange("'WEEKLY SUMMARY'!A1")).toThrow("Range not found");
    expect(exact.ss.getRange("'Weekly Summary'!A1").getA1Notation()).toBe("A1");
  });
});

describe("cell size", () => {
  it("a cell holds at most 50,000 characters; a longer write fails whole (Sheets: \"Your input contains more than the maximum of 50000 characters in a single cell.\")", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("x".repeat(50000));
    sheet.getRange("A2").setValue("'" + "1".repeat(50000)); // the apostrophe is not stored
    expect(sheet.getRange("A1").getValue().length).toBe(50000);
    expect(() => sheet.getRange("B1:B2").setValues([["ok"], ["x".repeat(50001)]])).toThrow("Your input contains more than the maximum of 50000 characters in a single cell.");
    expect(sheet.getRange("B1").getValue()).toBe("");
    expect(() => sheet.appendRow(["y".repeat(50001)])).toThrow("more than the maximum of 50000 characters");
  });
});

describe("deleting rows under a frozen header", () => {
  it("refuses to delete every row below the frozen ones (Apps Script: \"Sorry, it is not possible to delete all non-frozen rows.\")", () => {
    const { sheet } = setup();
    sheet.setFrozenRows(2);
    expect(() => sheet.deleteRows(3, 998)).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
    sheet.deleteRows(3, 997);
    expect(sheet.getMaxRows()).toBe(3);
  });
});

describe("spreadsheet size (Google Drive help: \"Up to 10 million cells or 18,278 columns (column ZZZ)\")", () => {
  it("a change that would take the workbook past 10 million cells fails and changes nothing; blank cells count", () => {
    const { ss, sheet } = setup();
    // 26 columns: 384,615 rows make 9,999,990 cells.
    sheet.insertRowsAfter(1000, 384_615 - 1000);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow("This action would increase the number of cells in the workbook above the limit of 10000000 cells.");
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(() => ss.insertSheet("Another")).toThrow("above the limit of 10000000 cells");
    expect(ss.getSheetByName("Another")).toBeNull();
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow("above the limit of 10000000 cells");
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.deleteRows(2, 30_000);
    ss.insertSheet("Another");
  });

  it("no tab grows past 18,278 columns", () => {
    const { sheet } = setup();
    sheet.deleteRows(2, 999);
    sheet.insertColumnsAfter(26, 18_278 - 26);
    expect(sheet.getMaxColumns()).toBe(18_278);
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow("above the limit of 18278");
  });
});

describe("Sheet.getRange with A1 naming a tab", () => {
  it("names this tab: its range; names another: refused (it gave this tab's range; Google's answer is \"to check\" 21)", () => {
    const { ss, sheet } = setup();
    sheet.setName("Log");
    const other = ss.insertSheet("Other");
    other.getRange("A1").setValue("theirs");
    sheet.getRange("A1").setValue("mine");
    expect(sheet.getRange("'Log'!A1").getValue()).toBe("mine");
    expect(sheet.getRange("log!A1").getValue()).toBe("mine");
    expect(() => sheet.getRange("Other!A1")).toThrow('Sheet.getRange("Other!A1") on "Log" names another tab');
    expect(() => sheet.getRange("Nowhere!A1")).toThrow("names another tab");
    expect(ss.getRange("Other!A1").getValue()).toBe("theirs");
  });
});

// Writes under a protection the running user may not edit (docs/apps-script-fidelity.md, "Writing under a
// hard protection"). A script runs as its user, so Sheets refuses its edits of a range or sheet protected hard
// ("Restrict who can edit") to everyone not among the protection's editors; warning-only protection lets
// every user edit (the Sheets API's ProtectedRange.warningOnly), and a protection never hardened mirrors the
// spreadsheet's sharing (Sheet.protect()). Offline, only changing such a protection was refused before
// session 12: a write under it went through.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup, type Any } from "./helpers";

const REFUSED = /You are trying to edit a protected cell or object/;
const ANNA = "anna@example.com";
const BOB = "bob@example.com";

/** Anna protects `what` (the tab, or one of its ranges) and makes it hard; Bob then runs. */
function hardenedBy(what: "tab" | "B2:C3") {
  const t = setup({ user: ANNA });
  t.sheet.getRange("A1:D4").setValues([
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
    [13, 14, 15, 16],
  ]);
  const p = what === "tab" ? t.sheet.protect() : t.sheet.getRange(what).protect();
  p.setWarningOnly(false);
  t.services.session.setUser(BOB);
  return t;
}

describe("a hard protection of a range refuses another user's edits of its cells, and only of them", () => {
  const edits: [string, (sheet: Any) => void][] = [
    ["setValues", (s) => s.getRange("A1:B2").setValues([[0, 0], [0, 0]])],
    ["setValue", (s) => s.getRange("C3").setValue(0)],
    ["setFormula", (s) => s.getRange("B2").setFormula("=1+1")],
    ["clearContent", (s) => s.getRange("A2:D2").clearContent()],
    ["setNumberFormat", (s) => s.getRange("B1:B4").setNumberFormat("0.00")],
    ["setBackgrounds", (s) => s.getRange("C3").setBackgrounds([["#ff0000"]])],
    ["setDataValidation", (s) => s.getRange("B2").setDataValidation(null)],
    ["deleteRows", (s) => s.deleteRows(3, 1)],
    ["deleteColumns", (s) => s.deleteColumns(2, 1)],
  ];
  it.each(edits)("%s over the range is refused and changes nothing", (...[, edit]) => {
    const { sheet } = hardenedBy("B2:C3");
    // Values, formulas, formats and validations: what each of these edits would change.
    const look = () => {
      const r = sheet.getRange("A1:D4");
      return [r.getValues(), r.getFormulas(), r.getNumberFormats(), r.getBackgrounds(), r.getDataValidations(), sheet.getMaxRows(), sheet.getMaxColumns()];
    };
    const before = look();
    expect(() => edit(sheet)).toThrow(REFUSED);
    expect(look()).toEqual(before);
  });

  it("cells beside it, rows below it and a new row at the end are Bob's to change", () => {
    const { sheet } = hardenedBy("B2:C3");
    sheet.getRange("A1:D1").setValues([[0, 0, 0, 0]]);
    sheet.getRange("D2:D3").setBackground("#ffff00");
    sheet.appendRow(["new"]);
    sheet.deleteRows(4, 1);
    expect(sheet.getRange("A1").getValue()).toBe(0);
  });

  it("Anna, its editor, changes it; so does anyone once it only warns", () => {
    const t = hardenedBy("B2:C3");
    t.services.session.setUser(ANNA);
    t.sheet.getRange("B2").setValue(100);
    t.sheet.getProtections(t.g.SpreadsheetApp.ProtectionType.RANGE)[0].setWarningOnly(true);
    t.services.session.setUser(BOB);
    t.sheet.getRange("B2").setValue(200);
    expect(t.sheet.getRange("B2").getValue()).toBe(200);
  });

  it("a protection never hardened refuses no one (it mirrors the spreadsheet's sharing)", () => {
    const t = setup({ user: ANNA });
    t.sheet.getRange("A1:B2").protect().setDescription("ours");
    t.services.session.setUser(BOB);
    t.sheet.getRange("A1").setValue(1);
    expect(t.sheet.getRange("A1").getValue()).toBe(1);
  });
});

describe("a hard protection of the tab refuses another user's every change of it", () => {
  const edits: [string, (sheet: Any, t: Any) => void][] = [
    ["appendRow", (s) => s.appendRow([1, 2])],
    ["insertRowsAfter", (s) => s.insertRowsAfter(1, 2)],
    ["insertColumnsAfter", (s) => s.insertColumnsAfter(1, 1)],
    ["clear", (s) => s.clear()],
    ["setName", (s) => s.setName("Renamed")],
    ["setConditionalFormatRules", (s) => s.setConditionalFormatRules([])],
    ["a RangeList's format", (s) => s.getRangeList(["A1", "D4"]).setFontWeight("bold")],
    ["deleteSheet", (s, t) => {
      t.ss.insertSheet("Other");
      t.ss.deleteSheet(s);
    }],
  ];
  it.each(edits)("%s is refused", (...[, edit]) => {
    const t = hardenedBy("tab");
    const name = t.sheet.getName();
    const look = () => [t.sheet.getRange("A1:D4").getValues(), t.sheet.getRange("A1:D4").getFontWeights(), t.sheet.getMaxRows(), t.sheet.getMaxColumns(), t.sheet.getName()];
    const before = look();
    expect(() => edit(t.sheet, t)).toThrow(REFUSED);
    expect(t.sheet.getRange("A1").getValue()).toBe(1);
    expect(t.sheet.getMaxRows()).toBe(1000);
    expect(look()).toEqual(before);
    expect(t.ss.getSheetByName(name)).not.toBeNull();
  });
});

// "Import OKRs from a tab" of a tab whose cells are formulas that failed (a VLOOKUP of the owners' emails
// giving #N/A, a start computed as =x/0), through the built add-on (dist/Code.js). Before session 17 a text
// column took the error as its text (a KR owned by "#N/A", whom no sidebar lists), and a number column said
// "type the number only, without a unit" of "#DIV/0!". Now each is refused naming the column and the error;
// nothing is written.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";

describe("Import from a tab: a formula's error in a cell", () => {
  it("is refused naming its column and the error, whatever the column; nothing is written", () => {
    const wb = newTracker({ template: "blank", start: "2026-01-05", at: "2026-01-20" });
    const tab = ss(wb).insertSheet("Paste");
    tab.getRange(1, 1, 1, 7).setValues([["objective", "key_result", "owner", "metric", "unit", "start", "target"]]);
    tab.getRange(2, 1, 2, 7).setValues([
      ["Ship", "On time", "", "increase", "%", 80, 95],
      ["Ship", "Lead time", "ben@example.com", "decrease", "days", "", 6],
    ]);
    tab.getRange("C2").setFormula("=NA()");
    tab.getRange("F3").setFormula("=10/0");
    expect(tab.getRange("C2:F3").getValues().flat()).toEqual(expect.arrayContaining(["#N/A", "#DIV/0!"]));
    const r = callAddon(wb, "importOkrsFromTab", { tab: "Paste" });
    expect(r).toMatchObject({
      ok: false,
      message:
        'Nothing was imported. row 2: owner is "#N/A", a formula\'s error: fix the formula, then import again; ' +
        'row 3: start is "#DIV/0!", a formula\'s error: fix the formula, then import again.',
    });
    expect(rowsOf(wb, "Key Results")).toEqual([]);
  });
});

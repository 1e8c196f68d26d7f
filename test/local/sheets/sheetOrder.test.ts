// Tab order: Spreadsheet.moveActiveSheet, with setActiveSheet / Sheet.activate choosing the tab, as Google's
// reference gives them (docs/apps-script-fidelity.md, "to check" 52), and where insertSheet puts a new tab.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { unpub } from "../../../src/local/sheets/counters";
import { setup, type Any } from "./helpers";

/** A spreadsheet of tabs a, b, c, d (in that order), the counters reset. */
function abcd() {
  const t = setup();
  t.sheet.setName("a");
  for (const n of ["b", "c", "d"]) t.ss.insertSheet(n, t.ss.getSheets().length);
  t.services.counters.reset();
  return t;
}
const names = (ss: Any) => ss.getSheets().map((s: Any) => s.getName()).join(" ");

describe("moveActiveSheet", () => {
  it("puts the active tab at the 1-based position given, as it is once moved (the reference's example)", () => {
    const { ss } = abcd();
    const a = ss.getSheetByName("a").activate();
    expect(a.getIndex()).toBe(1);
    ss.moveActiveSheet(2);
    expect(a.getIndex()).toBe(2);
    expect(names(ss)).toBe("b a c d");
    ss.moveActiveSheet(4); // the number of sheets: last
    expect(names(ss)).toBe("b c d a");
    ss.setActiveSheet(ss.getSheetByName("d"));
    ss.moveActiveSheet(1);
    expect(names(ss)).toBe("d b c a");
  });

  it("moves the tab setActiveSheet or activate chose, not the first one nor the last one inserted", () => {
    const { ss } = abcd();
    ss.setActiveSheet(ss.getSheetByName("c"));
    ss.moveActiveSheet(4);
    expect(names(ss)).toBe("a b d c");
    ss.getSheetByName("b").activate();
    ss.moveActiveSheet(1);
    expect(names(ss)).toBe("b a d c");
    expect(ss.getActiveSheet().getName()).toBe("b");
  });

  it("refuses a position below 1, past the number of sheets, or not whole, and moves nothing", () => {
    const { ss } = abcd();
    ss.getSheetByName("b").activate();
    for (const pos of [-1, 0, 5, 2.5, "2"]) {
      expect(() => ss.moveActiveSheet(pos), String(pos)).toThrow("is not between 1 and the number of sheets (4)");
      expect(names(ss)).toBe("a b c d");
    }
  });

  it("is one counted call (a write), and the order is what the workbook saves", () => {
    const { ss, services } = abcd();
    ss.getSheetByName("a").activate();
    services.counters.reset();
    ss.moveActiveSheet(3);
    expect(services.counters.snapshot().byMethod["Spreadsheet.moveActiveSheet"]).toBe(1);
    expect(services.toSnapshot().sheets.map((s) => s.name)).toEqual(["b", "c", "a", "d"]);
  });
});

describe("insertSheet without an index", () => {
  it("puts the new tab after the active one, or last when the placement is set so ('to check' 52)", () => {
    const { ss } = abcd();
    ss.getSheetByName("b").activate();
    ss.insertSheet("x");
    expect(names(ss)).toBe("a b x c d");
    expect(ss.getActiveSheet().getName()).toBe("x");
    unpub(ss)._book.newTabPlacement = "end";
    ss.getSheetByName("a").activate();
    ss.insertSheet("y");
    expect(names(ss)).toBe("a b x c d y");
  });
});

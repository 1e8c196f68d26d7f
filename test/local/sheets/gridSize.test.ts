// A tab's grid size (getMaxRows/getMaxColumns) is the document's, not its cells': on Google a grid keeps
// its blank rows and columns until they are deleted, so a workbook saved and opened again must give back
// the same size, whether the tab was grown past its data or trimmed below a new sheet's 1000 × 26. Code
// that reads "to the sheet's end" or grows a tab when a range fails relies on it.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { createServices } from "../../../src/local/sheets";
import { snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import type { WorkbookSnapshot } from "../../../src/local/snapshot";
import { setup, type Any } from "./helpers";

/** Three tabs: one grown past its data, one trimmed below a new sheet's size, one new (1000 × 26). */
function shaped() {
  const t = setup();
  const { ss, sheet } = t;
  sheet.setName("Grown");
  sheet.getRange("A1:B3").setValues([["a", 1], ["b", 2], ["c", 3]]);
  sheet.insertRowsAfter(1000, 500);
  sheet.insertColumnsAfter(26, 4);
  const trimmed = ss.insertSheet("Trimmed");
  trimmed.getRange("A1").setValue("x");
  trimmed.deleteRows(51, 950);
  trimmed.deleteColumns(6, 21);
  ss.insertSheet("New");
  return t;
}

const sizes = (ss: Any) => ss.getSheets().map((s: Any) => [s.getName(), s.getMaxRows(), s.getMaxColumns()]);
const reopened = (snap: WorkbookSnapshot) => (createServices(snap, { now: new Date("2026-01-05T12:00:00Z") }).globals as Record<string, Any>).SpreadsheetApp.getActive();

const EXPECTED = [
  ["Grown", 1500, 30],
  ["Trimmed", 50, 5],
  ["New", 1000, 26],
];

describe("A tab's grid size through a save and a load", () => {
  it("is what it was before (the shaped tabs are as expected to begin with)", () => {
    expect(sizes(shaped().ss)).toEqual(EXPECTED);
  });

  it("survives a snapshot", () => {
    const { services } = shaped();
    expect(sizes(reopened(services.toSnapshot()))).toEqual(EXPECTED);
    expect(sizes(reopened(services.toSnapshot({ forSaving: true })))).toEqual(EXPECTED);
  });

  it("survives the .xlsx file, and a second trip changes nothing", async () => {
    const { services } = shaped();
    const back = await xlsxToSnapshot(await snapshotToXlsx(services.toSnapshot({ forSaving: true })));
    expect(sizes(reopened(back))).toEqual(EXPECTED);
    const again = await xlsxToSnapshot(await snapshotToXlsx(back));
    expect(again).toEqual(back);
  });

  it("is metadata: the blank rows are not cells of the snapshot", () => {
    const { services } = shaped();
    const grown = services.toSnapshot().sheets[0];
    expect(grown.rows.length).toBe(3);
    expect([grown.maxRows, grown.maxColumns]).toEqual([1500, 30]);
    // A new tab's size is the default and is not written out.
    const fresh = services.toSnapshot().sheets[2];
    expect([fresh.maxRows, fresh.maxColumns]).toEqual([undefined, undefined]);
  });

  it("a snapshot without a size (an imported file, a generated tracker) gets a new sheet's, or its cells'", () => {
    const snap: WorkbookSnapshot = { ...services0(), sheets: [{ name: "Wide", rows: [new Array(30).fill({ v: 1 })] }, { name: "Small", rows: [[{ v: 1 }]] }] };
    expect(sizes(reopened(snap))).toEqual([
      ["Wide", 1000, 30],
      ["Small", 1000, 26],
    ]);
  });

  it("a size smaller than the snapshot's cells (a file edited elsewhere) grows to hold them", () => {
    const snap: WorkbookSnapshot = { ...services0(), sheets: [{ name: "S", rows: [[{ v: 1 }, { v: 2 }], [], [{ v: 3 }]], maxRows: 2, maxColumns: 1 }] };
    expect(sizes(reopened(snap))).toEqual([["S", 3, 2]]);
  });

  it("a size in a file beyond what the offline engine holds (a damaged file) is not taken", async () => {
    const snap: WorkbookSnapshot = { ...services0(), sheets: [{ name: "S", rows: [[{ v: 1 }]], maxRows: 1e9, maxColumns: 0.5 }] };
    const back = await xlsxToSnapshot(await snapshotToXlsx(snap));
    expect([back.sheets[0].maxRows, back.sheets[0].maxColumns]).toEqual([undefined, undefined]);
    expect(sizes(reopened(back))).toEqual([["S", 1000, 26]]);
  });
});

function services0(): WorkbookSnapshot {
  return setup().services.toSnapshot();
}

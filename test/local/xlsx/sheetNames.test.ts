// Google Sheets takes tab names Excel refuses: up to 100 characters (Excel: 31), the characters
// : \ / ? * [ ] and a leading or trailing apostrophe. exceljs's streaming writer put such a name in the
// file as it was, and the file could then not be opened again (by okr-sheets, exceljs or Excel). The file
// now gets a name Excel takes, and the tab's own name comes back from the `_okr_local` sheet.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { expect } from "../../support/expect";
import { createServices } from "../../../src/local/sheets";
import { loadXlsxAndValues, saveXlsx, snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import { valuesHash } from "../../../src/local/cachedValues";
import { allowHistorySheetName } from "../../../src/local/xlsx/historyName";
import { emptySnapshot, type WorkbookSnapshot } from "../../../src/local/snapshot";
import { setup, type Any } from "../sheets/helpers";
import { libreOfficeAvailable, recalcWithLibreOffice } from "../../support/libreoffice";

const LONG = "Retrospective 2026 Q1 — Platform and Infrastructure team"; // 56 characters
const LONG_TOO = "Retrospective 2026 Q1 — Platform and Data team"; // the same first 31
const UNQUOTED = "PlatformAndInfrastructureTeamObjectives2026"; // 43, a formula may name it without quotes

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "okr-xlsx-names-"));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const reopen = (snap: WorkbookSnapshot) => (createServices(snap, { now: new Date("2026-01-05T12:00:00Z") }).globals as Record<string, Any>).SpreadsheetApp.getActive();

/** The tab names in the file as exceljs (and so Excel's rules) sees them; the load fails on a name Excel refuses. */
async function namesInFile(buf: Buffer): Promise<string[]> {
  allowHistorySheetName();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((w) => w.name);
}

function excelTakes(names: string[]): void {
  for (const n of names) {
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[:\\/?*[\]]|^'|'$/);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

/** A workbook whose tabs have the given names, each holding its name in A1, and a first tab reading them. */
function bookWith(names: string[]) {
  const t = setup();
  t.sheet.setName("Index");
  names.forEach((n, i) => {
    t.ss.insertSheet(n).getRange("A1").setValue(`tab ${i}`);
    t.sheet.getRange(i + 1, 1).setFormula(`='${n.replace(/'/g, "''")}'!A1`);
  });
  return t;
}

describe("A tab name Excel refuses, through a save and a load", () => {
  it("a 56-character tab saved by the offline spreadsheet opens again with its name, formulas and named range", async () => {
    const t = bookWith([LONG]);
    t.ss.setNamedRange("TeamGoal", t.ss.getSheetByName(LONG).getRange("A1"));
    t.sheet.getRange("B1").setFormula("=TeamGoal");
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, t.services.toSnapshot({ forSaving: true }), { valuesAsOf: "2026-01-05" });

    excelTakes(await namesInFile(await fsp.readFile(file)));
    const { snapshot, values } = await loadXlsxAndValues(file);
    // The saved formula results still match what is read back, so `show` may use them (cachedValues.ts).
    expect(values?.hash).toBe(valuesHash(snapshot.sheets, snapshot.namedRanges));
    const ss = reopen(snapshot);
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(["Index", LONG]);
    expect(ss.getSheetByName(LONG).getRange("A1").getValue()).toBe("tab 0");
    expect(ss.getSheetByName("Index").getRange("A1:B1").getFormulas()).toEqual([[`='${LONG}'!A1`, "=TeamGoal"]]);
    expect(ss.getSheetByName("Index").getRange("A1:B1").getValues()).toEqual([["tab 0", "tab 0"]]);
    expect(ss.getRangeByName("TeamGoal").getSheet().getName()).toBe(LONG);
  });

  it("two long names alike in their first 31 characters stay two tabs", async () => {
    const t = bookWith([LONG, LONG_TOO]);
    const buf = await snapshotToXlsx(t.services.toSnapshot({ forSaving: true }));
    excelTakes(await namesInFile(buf));
    const ss = reopen(await xlsxToSnapshot(buf));
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(["Index", LONG, LONG_TOO]);
    expect(ss.getSheetByName("Index").getRange("A1:A2").getValues()).toEqual([["tab 0"], ["tab 1"]]);
  });

  it("names with : \\ / ? * [ ] or an apostrophe at either end keep them, beside a tab already named as Excel would shorten one", async () => {
    const odd = ["Q1: goals", "A\\B", "A/B", "Why?", "Top*", "[draft]", "'quoted'", "O'Brien's", "A_B", "a_b (2)"];
    const t = bookWith(odd);
    const snap = t.services.toSnapshot({ forSaving: true });
    const buf = await snapshotToXlsx(snap);
    const inFile = await namesInFile(buf);
    excelTakes(inFile);
    // Names Excel takes are written as they are.
    for (const n of ["Index", "O'Brien's", "A_B", "a_b (2)", "_okr_local"]) expect(inFile).toContain(n);
    const back = await xlsxToSnapshot(buf);
    expect(back.sheets.map((s) => s.name)).toEqual(["Index", ...odd]);
    const ss = reopen(back);
    expect(ss.getSheetByName("Index").getRange(1, 1, odd.length, 1).getValues()).toEqual(odd.map((_, i) => [`tab ${i}`]));
    // A second trip changes nothing.
    expect(await xlsxToSnapshot(await snapshotToXlsx(back))).toEqual(back);
  });

  it("a tab named as the metadata sheet, in any case, is saved under another name and keeps its own", async () => {
    for (const name of ["_okr_local", "_OKR_LOCAL"]) {
      const t = bookWith([name]);
      const buf = await snapshotToXlsx(t.services.toSnapshot({ forSaving: true }));
      expect(await namesInFile(buf)).toEqual(["Index", `${name} (2)`, "_okr_local"]);
      const back = await xlsxToSnapshot(buf);
      expect(back.sheets.map((s) => s.name)).toEqual(["Index", name]);
      expect(reopen(back).getSheetByName("Index").getRange("A1").getValue()).toBe("tab 0");
    }
  });

  it("rewrites references in formulas, rules and validations to the name in the file, and back", async () => {
    const snap = emptySnapshot("Refs");
    snap.sheets = [
      {
        name: "Index",
        rows: [[{ f: `=${UNQUOTED}!A1+'${LONG}'!B2`, v: 3 }, { f: `="${UNQUOTED}!A1"`, v: `${UNQUOTED}!A1` }]],
        conditionalFormats: [{ ranges: ["A1"], condition: { type: "CUSTOM_FORMULA", values: [`=A1>'${LONG}'!A1`] }, format: { background: "#ff0000" } }],
        validations: [{ range: "A2", type: "CUSTOM_FORMULA", values: [`=A2<${UNQUOTED}!A1`], allowInvalid: true }],
      },
      { name: UNQUOTED, rows: [[{ v: 1 }]] },
      { name: LONG, rows: [[{ v: 5 }], [null, { v: 2 }]] },
    ];
    const buf = await snapshotToXlsx(snap);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const [, short, long] = wb.worksheets.map((w) => w.name);
    const f = (wb.getWorksheet("Index")!.getCell("A1").value as ExcelJS.CellFormulaValue).formula;
    expect(f).toBe(`'${short}'!A1+'${long}'!B2`);
    // A string that merely looks like a reference is text, not a reference.
    expect((wb.getWorksheet("Index")!.getCell("B1").value as ExcelJS.CellFormulaValue).formula).toBe(`"${UNQUOTED}!A1"`);
    const back = await xlsxToSnapshot(buf);
    expect(back.sheets.map((s) => s.name)).toEqual(["Index", UNQUOTED, LONG]);
    expect(back.sheets[0].rows[0].map((c) => c?.f)).toEqual([`=${UNQUOTED}!A1+'${LONG}'!B2`, `="${UNQUOTED}!A1"`]);
    expect(back.sheets[0].conditionalFormats).toEqual(snap.sheets[0].conditionalFormats);
    expect(back.sheets[0].validations).toEqual(snap.sheets[0].validations);
  });

  it("a file edited elsewhere (its exact rule lists no longer match) still reads the rules' references back", async () => {
    const snap = emptySnapshot("Edited");
    snap.sheets = [
      { name: "Index", rows: [[{ v: 1 }]], conditionalFormats: [{ ranges: ["A1"], condition: { type: "CUSTOM_FORMULA", values: [`=A1>'${LONG}'!A1`] }, format: { background: "#ff0000" } }] },
      { name: LONG, rows: [[{ v: 5 }]] },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(snap)) as unknown as ExcelJS.Buffer);
    const index = wb.getWorksheet("Index") as unknown as { conditionalFormattings: { rules: { style: Record<string, unknown> }[] }[] };
    index.conditionalFormattings[0].rules[0].style = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } };
    const back = await xlsxToSnapshot((await wb.xlsx.writeBuffer()) as unknown as Buffer);
    expect(back.sheets.map((s) => s.name)).toEqual(["Index", LONG]);
    expect(back.sheets[0].conditionalFormats?.[0].condition.values).toEqual([`=A1>'${LONG}'!A1`]);
  });

  it("a tab renamed in another program keeps its new name", async () => {
    const t = bookWith([LONG]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(t.services.toSnapshot({ forSaving: true }))) as unknown as ExcelJS.Buffer);
    wb.worksheets[1].name = "Platform retro";
    const back = await xlsxToSnapshot((await wb.xlsx.writeBuffer()) as unknown as Buffer);
    expect(back.sheets.map((s) => s.name)).toEqual(["Index", "Platform retro"]);
  });
});

(libreOfficeAvailable() ? describe : describe.skip)("A tab name Excel refuses, in LibreOffice", () => {
  it("opens the file and follows formulas and named ranges to the tab under its name in the file", async () => {
    const snap = emptySnapshot("LibreOffice names");
    const stale = 999; // only a recalculation that finds the tabs gives the right values
    snap.sheets = [
      { name: "Index", rows: [[{ f: `='${LONG}'!A1+${UNQUOTED}!A1`, v: stale }, { f: "=SUM(Goal)", v: stale }, { f: "='Q1: goals'!A1*2", v: stale }]] },
      { name: LONG, rows: [[{ v: 5 }]] },
      { name: UNQUOTED, rows: [[{ v: 1 }]] },
      { name: "Q1: goals", rows: [[{ v: 21 }]] },
    ];
    snap.namedRanges = [{ name: "Goal", sheet: LONG, a1: "A1" }];
    const file = path.join(dir, "names.xlsx");
    await saveXlsx(file, snap);
    const sheets = await recalcWithLibreOffice(file);
    expect(sheets["Index"][0]).toEqual([6, 5, 42]);
  }, 180_000);
});

import ExcelJS from "exceljs";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { METADATA_SHEET, snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import { everythingSnapshot, JAN6, normalise } from "./fixtures";

async function openWithExcelJs(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe("xlsx round trip", () => {
  it("gives back every feature of the snapshot", async () => {
    const s = everythingSnapshot();
    const back = await xlsxToSnapshot(await snapshotToXlsx(s));
    expect(back).toEqual(normalise(s));
    // and a second trip changes nothing
    const again = await xlsxToSnapshot(await snapshotToXlsx(back));
    expect(again).toEqual(back);
  });

  it("keeps date serials exact, including times finer than a millisecond", async () => {
    const serials = [JAN6, JAN6 + 0.5, 45678.123456789012, 1, 60, 61, 2958465.999988426, 45663.000000001];
    const s = everythingSnapshot();
    s.sheets = [{ name: "Dates", rows: serials.map((v) => [{ v, fmt: "yyyy-mm-dd hh:mm:ss" }, { f: "=A1", v, fmt: "dd/mm/yyyy" }]) }];
    const back = await xlsxToSnapshot(await snapshotToXlsx(s));
    const got = back.sheets[0].rows.map((r) => [r[0]?.v, r[1]?.v]);
    expect(got).toEqual(serials.map((v) => [v, v]));
    for (const row of got) for (const v of row) expect(typeof v).toBe("number");
  });

  it("stores the metadata in a very hidden sheet that never shows up among the sheets", async () => {
    const buf = await snapshotToXlsx(everythingSnapshot());
    const wb = await openWithExcelJs(buf);
    const meta = wb.getWorksheet(METADATA_SHEET);
    expect(meta?.state).toBe("veryHidden");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Settings", "Key Results", "Check-ins", "O'Brien's tab", METADATA_SHEET]);
    const back = await xlsxToSnapshot(buf);
    expect(back.sheets.map((x) => x.name)).toEqual(["Settings", "Key Results", "Check-ins", "O'Brien's tab"]);
    expect(wb.getWorksheet("Check-ins")?.state).toBe("hidden");
  });

  it("splits metadata bigger than one cell across cells", async () => {
    for (const pad of ["", "a", "ab", "abc"]) {
      const s = everythingSnapshot();
      // surrogate pairs everywhere; the pad moves the cell boundaries across them
      s.documentProperties = { pad, big: "😀é€".repeat(40_000), ...s.documentProperties };
      const buf = await snapshotToXlsx(s);
      const wb = await openWithExcelJs(buf);
      const meta = wb.getWorksheet(METADATA_SHEET)!;
      expect(meta.rowCount).toBeGreaterThan(3);
      meta.eachRow((row) => expect(String(row.getCell(1).value).length).toBeLessThanOrEqual(32_000));
      expect((await xlsxToSnapshot(buf)).documentProperties).toEqual(s.documentProperties);
    }
  });

  it("writes formulas as Excel wants them: no '=', _xlfn. for newer functions, cached results", async () => {
    const wb = await openWithExcelJs(await snapshotToXlsx(everythingSnapshot()));
    const kr = wb.getWorksheet("Key Results")!;
    expect(kr.getCell("G2").value).toEqual({ formula: "IF(ISNUMBER(D2),MIN(1,MAX(0,(D2-F2)/(D2-E2))),\"\")", result: 0.5 });
    expect((kr.getCell("H2").value as ExcelJS.CellFormulaValue).formula).toBe('_xlfn.IFS(G2>=0.7,"On track",G2>=0.4,"At risk",TRUE,"Off track")');
    expect(kr.getCell("H3").value).toEqual({ formula: "1/0", result: { error: "#DIV/0!" } });
    expect(kr.getCell("C3").value).toBe("=not a formula, just text");
    expect(wb.definedNames.model).toEqual(
      expect.arrayContaining([
        { name: "CycleStart", ranges: ["Settings!$B$4"] },
        { name: "KrScores", ranges: ["'Key Results'!$G$2:$G$100"] },
        { name: "Odd", ranges: ["'O''Brien''s tab'!$A$1"] },
      ]),
    );
    const settings = wb.getWorksheet("Settings")!;
    expect(settings.getColumn(1).width).toBeCloseTo(180 / 7, 6);
    expect(kr.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  });

  it("writes conditional formats and validations that Excel and LibreOffice understand", async () => {
    const wb = await openWithExcelJs(await snapshotToXlsx(everythingSnapshot()));
    const kr = wb.getWorksheet("Key Results")! as unknown as {
      conditionalFormattings: { ref: string; rules: Record<string, any>[] }[];
      dataValidations: { model: Record<string, any> };
    };
    const rules: Record<string, any>[] = kr.conditionalFormattings.map((cf) => ({ ref: cf.ref, ...cf.rules[0] }));
    expect(rules[0]).toMatchObject({ ref: "H2:H100", type: "cellIs", operator: "equal", formulae: ['"On track"'] });
    expect(rules[0].style.fill.bgColor.argb).toBe("FFB7E1CD");
    expect(rules[0].style.font.color.argb).toBe("FF0B5D1E");
    expect(rules[1]).toMatchObject({ type: "expression", formulae: ['NOT(ISERROR(SEARCH("risk",H2)))'] });
    expect(rules[2]).toMatchObject({ type: "cellIs", operator: "between", formulae: ["1", "3"] });
    expect(rules[9]).toMatchObject({ ref: "A2:J100 L2:L5", type: "expression", formulae: ['$H2="Off track"'] });
    const dv = kr.dataValidations.model;
    expect(dv.H2).toMatchObject({ type: "list", formulae: ['"On track,At risk,Off track,Not started"'], errorStyle: "warning" });
    expect(dv.I50).toMatchObject({ type: "decimal", operator: "between", formulae: [1, 10], errorStyle: "stop", prompt: "Confidence 1-10" });
    expect(dv.K2).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'] });
    expect(dv.N2).toBeUndefined(); // a list item with a comma cannot be an inline xlsx list: metadata only
  });

  it("falls back to the file's own rules when they were edited outside okr-sheets", async () => {
    const wb = await openWithExcelJs(await snapshotToXlsx(everythingSnapshot()));
    const kr = wb.getWorksheet("Key Results")! as unknown as {
      conditionalFormattings: { ref: string; rules: Record<string, any>[] }[];
      dataValidations: { model: Record<string, any> };
    };
    kr.conditionalFormattings.splice(1); // keep only the first rule
    kr.conditionalFormattings[0].rules[0].formulae = ['"Done"'];
    for (const k of Object.keys(kr.dataValidations.model)) if (!k.startsWith("H")) delete kr.dataValidations.model[k];
    const back = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = back.sheets[1];
    expect(sheet.conditionalFormats).toEqual([
      { ranges: ["H2:H100"], condition: { type: "TEXT_EQUAL_TO", values: ["Done"] }, format: { background: "#b7e1cd", fontColor: "#0b5d1e" } },
    ]);
    expect(sheet.validations).toEqual([
      { range: "H2:H100", type: "VALUE_IN_LIST", values: ["On track", "At risk", "Off track", "Not started"], allowInvalid: true },
    ]);
  });

  it("translates its own rules back even without the metadata sheet", async () => {
    const wb = await openWithExcelJs(await snapshotToXlsx(everythingSnapshot()));
    wb.removeWorksheet(wb.getWorksheet(METADATA_SHEET)!.id);
    const back = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    const kr = everythingSnapshot().sheets[1];
    expect(back.sheets[1].conditionalFormats).toEqual(kr.conditionalFormats);
    const expected = kr.validations!
      .filter((v) => v.range !== "N2:N100")
      .map((v) => (v.type === "CHECKBOX" ? { ...v, type: "VALUE_IN_LIST", values: ["TRUE", "FALSE"] } : v));
    const byRange = (a: { range: string }, b: { range: string }) => a.range.localeCompare(b.range);
    expect([...back.sheets[1].validations!].sort(byRange)).toEqual(expected.sort(byRange));
    expect(back.sheets[1].protections).toBeUndefined();
    expect(back.name).toBe("Ops pilot Q1"); // from the document title
  });

  it("reads a workbook made elsewhere (no metadata) with sensible defaults", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "when";
    // 2025-01-06 as exceljs writes a Date, its serial under a date format (the sheet's and styles' XML are the
    // same byte for byte): a Date of this file's realm is not one to the suite's exceljs, the worker's
    // (scripts/jest-shared.mjs), which would write it as text.
    ws.getCell("A2").value = 45663;
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    ws.getCell("B2").value = { formula: "_xlfn.XLOOKUP(1,C:C,D:D)", result: 3 };
    ws.getColumn(1).width = 20;
    const back = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.sheets).toEqual([
      {
        name: "Data",
        rows: [[{ v: "when" }], [{ v: JAN6, fmt: "yyyy-mm-dd" }, { f: "=XLOOKUP(1,C:C,D:D)", v: 3 }]],
        columnWidths: { 1: 140 },
      },
    ]);
    expect(back.locale).toBe("en_US");
    expect(back.timeZone).toBe("Etc/UTC");
    expect(back.id).toMatch(/^local-/);
  });

  it("keeps a sheet named like the metadata sheet, saved under another name (sheetNames.test.ts)", async () => {
    const s = everythingSnapshot();
    s.sheets.push({ name: METADATA_SHEET, rows: [[{ v: "mine" }]] });
    const back = await xlsxToSnapshot(await snapshotToXlsx(s));
    expect(back.sheets.map((x) => x.name)).toEqual([...everythingSnapshot().sheets.map((x) => x.name), METADATA_SHEET]);
    expect(back.sheets.at(-1)?.rows).toEqual([[{ v: "mine" }]]);
  });
});

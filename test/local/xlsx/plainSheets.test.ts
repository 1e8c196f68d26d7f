// The plain-sheet reader (src/local/xlsx/plainSheets.ts) reads a large values-only worksheet from its XML,
// and the writer (plainWrite.ts) writes one as XML; what they give must be what exceljs's cells gave. The
// size thresholds are lowered so every qualifying sheet of the fixtures goes through them, and each file
// is read both ways.
import { afterEach, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import type { SnapshotCell, WorkbookSnapshot } from "../../../src/local/snapshot";
import { snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { intercept, PLAIN_SHEET_MIN_CHARS } from "../../../src/local/xlsx/plainSheets";
import { PLAIN_WRITE_MIN_CELLS } from "../../../src/local/xlsx/plainWrite";
import { everythingSnapshot, JAN6, normalise } from "./fixtures";

const DEFAULT = PLAIN_SHEET_MIN_CHARS.value;
const WRITE_DEFAULT = PLAIN_WRITE_MIN_CELLS.value;
afterEach(() => {
  PLAIN_SHEET_MIN_CHARS.value = DEFAULT;
});

async function bothWays(buf: Buffer): Promise<{ exceljs: WorkbookSnapshot; plain: WorkbookSnapshot }> {
  PLAIN_SHEET_MIN_CHARS.value = Infinity;
  const exceljs = await xlsxToSnapshot(buf);
  PLAIN_SHEET_MIN_CHARS.value = 0;
  const plain = await xlsxToSnapshot(buf);
  return { exceljs, plain };
}

/** A log-like tab: every kind of plain value and every style the snapshot has, with gaps. */
function logSheet(): WorkbookSnapshot["sheets"][number] {
  const rows: (SnapshotCell | null)[][] = [["Timestamp", "KR ID", "Value", "Done", "Comment"].map((v) => ({ v, bold: true, bg: "#1f4e78", color: "#ffffff", hAlign: "center", wrap: true }))];
  for (let r = 0; r < 40; r++) {
    rows.push([
      { v: JAN6 + r + 0.375, fmt: "yyyy-mm-dd hh:mm" },
      { v: `O${r % 3}.KR${r % 4}` },
      r % 5 === 0 ? null : { v: r * 1.25 - 7, fmt: "0.00", italic: r % 2 === 0 ? true : undefined },
      { v: r % 2 === 0 },
      { v: r % 7 === 0 ? "O'Brien's \"quote\" & <tag> — ünï 💡" : `Comment ${r}`, fontSize: r % 9 === 0 ? 14 : undefined, wrap: true },
      r % 6 === 0 ? { bg: "#fff2cc" } : null,
      r % 8 === 0 ? { v: "#N/A" } : null,
    ]);
  }
  rows.push([]);
  rows.push([null, null, { v: 1e21 }, { v: -3.25e-7 }, { v: "  padded  ", hAlign: "right" }]);
  for (const row of rows) for (const c of row) if (c) for (const k of Object.keys(c) as (keyof SnapshotCell)[]) if (c[k] === undefined) delete c[k];
  return { name: "Log", rows, frozenRows: 1, columnWidths: { 1: 160, 5: 300 } };
}

describe("reading large plain sheets from their XML", () => {
  it("gives the same snapshot as exceljs's cells for every sheet of a workbook with every feature", async () => {
    const s = everythingSnapshot();
    s.sheets.push(logSheet());
    const buf = await snapshotToXlsx(s);
    const { exceljs, plain } = await bothWays(buf);
    expect(plain).toEqual({ ...exceljs, id: plain.id });
    expect(plain).toEqual(normalise(s));
  });

  it("a sheet with a note is left to exceljs whole, its formulas too, and reads the same", async () => {
    const s = everythingSnapshot();
    const log = logSheet();
    log.rows[3]![1] = { v: "O1.KR1", note: "a note" };
    log.rows[4]![2] = { f: "=1+1", v: 2 };
    s.sheets.push(log);
    const { exceljs, plain } = await bothWays(await snapshotToXlsx(s));
    expect(plain).toEqual({ ...exceljs, id: plain.id });
    expect(plain.sheets.find((x) => x.name === "Log")!.rows[3]![1]).toEqual({ v: "O1.KR1", note: "a note" });
  });

  it("reads a sheet of formulas from its XML too (since session 15), giving what exceljs's cells gave", async () => {
    const s = everythingSnapshot();
    const odd = "Q1 [draft]"; // a name Excel refuses: written under another, references renamed (sheetNames.ts)
    s.sheets.push({ name: odd, rows: [[{ v: 5 }]] });
    const rows: (SnapshotCell | null)[][] = [];
    for (let r = 0; r < 30; r++) {
      rows.push([
        { f: `=A${r + 2}+1`, v: r, fmt: r % 3 === 0 ? "yyyy-mm-dd" : "0.00" },
        { f: '=IF(TRUE,"O\'Brien & <co> \"q\" &amp; &lt;","")', v: "O'Brien & <co> \"q\" &amp; &lt;", bold: true },
        { f: "=1/0", v: "#DIV/0!" },
        { f: "=B1=B1", v: r % 2 === 0 },
        { f: '=""', v: "" },
        { f: "=NOW()" },
        { f: `='${odd}'!A1*2`, v: 10 },
        { f: '="line\r\nbreak"&CHAR(10)', v: "line\nbreak\n" },
        r % 4 === 0 ? { v: "plain text & <more>", wrap: true } : null,
        r % 5 === 0 ? { bg: "#fff2cc" } : null,
      ]);
    }
    s.sheets.push({ name: "Formulas", rows, frozenRows: 1 });
    const buf = await snapshotToXlsx(s);
    const { exceljs, plain } = await bothWays(buf);
    expect(plain).toEqual({ ...exceljs, id: plain.id });
    // It did go through the XML reader.
    PLAIN_SHEET_MIN_CHARS.value = 0;
    const wb = new ExcelJS.Workbook();
    const sheets = intercept(wb);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(sheets.rows("Formulas")).toBeDefined();
  });

  it("keeps the metadata sheet's record (time zone, protections) when that sheet is read from its XML too", async () => {
    const s = everythingSnapshot();
    const { plain } = await bothWays(await snapshotToXlsx(s));
    expect(plain.timeZone).toBe("Europe/Berlin");
    expect(plain.sheets[0].protections).toEqual(s.sheets[0].protections);
  });
});

describe("writing large plain sheets as XML", () => {
  afterEach(() => {
    PLAIN_WRITE_MIN_CELLS.value = WRITE_DEFAULT;
  });

  it("writes a file that reads back as exceljs's cell-by-cell file does, both ways of reading", async () => {
    const s = everythingSnapshot();
    s.sheets.push(logSheet());
    PLAIN_WRITE_MIN_CELLS.value = Infinity;
    const byExceljs = await snapshotToXlsx(s);
    PLAIN_WRITE_MIN_CELLS.value = 0;
    const byXml = await snapshotToXlsx(s);
    const a = await bothWays(byExceljs);
    const b = await bothWays(byXml);
    expect(b.exceljs).toEqual({ ...a.exceljs, id: b.exceljs.id });
    expect(b.plain).toEqual({ ...a.exceljs, id: b.plain.id });
    expect(b.plain).toEqual(normalise(s));
    // The shared strings as exceljs lists and counts them (its count attribute counts every text cell).
    const strings = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file("xl/sharedStrings.xml")!.async("string");
    expect(await strings(byXml)).toBe(await strings(byExceljs));
  });
});

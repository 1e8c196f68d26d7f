// A large sheet with formulas (and no notes) is written as XML directly (src/local/xlsx/plainWrite.ts,
// directWrite "formulas") instead of cell by cell through exceljs: the file must hold the same bytes
// exceljs wrote, every formula result type, escape and style included. (JSZip is exceljs's own zip library.)
import { afterEach, describe, it } from "@jest/globals";
import JSZip from "jszip";
import { expect } from "../../support/expect";
import type { SnapshotCell, WorkbookSnapshot } from "../../../src/local/snapshot";
import { snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import { directWrite, PLAIN_WRITE_MIN_CELLS } from "../../../src/local/xlsx/plainWrite";

const WRITE_DEFAULT = PLAIN_WRITE_MIN_CELLS.value;
afterEach(() => {
  PLAIN_WRITE_MIN_CELLS.value = WRITE_DEFAULT;
});

/** A Key Results-like tab: formulas with every kind of result, text needing escapes, styles shared across types, gaps. */
function formulaSheet(): WorkbookSnapshot["sheets"][number] {
  const pct = { fmt: "0%", bold: true };
  const rows: (SnapshotCell | null)[][] = [["ID", "Score", "Status", "Flag", "Note & <more>"].map((v) => ({ v, bold: true, bg: "#1f4e78", color: "#ffffff" }))];
  for (let r = 2; r < 40; r++) {
    rows.push([
      { v: `O1.KR${r}` },
      { f: `=IF(LEN($A${r})=0,"",B${r - 1}*2)`, v: r / 7, ...pct },
      { f: `=IF(B${r}>1,"On track","Off <track> & 'late' \u0001")`, v: r % 3 ? "On track" : "Off <track> & 'late' \u0001", ...pct },
      r % 4 ? { f: `=B${r}>1`, v: r % 2 === 0 } : { f: `=1/0`, v: "#DIV/0!" },
      r % 5 ? null : { f: "=SPARKLINE(B2:B9)" },
      r % 6 ? { f: '=""', v: "" } : { bg: "#fff2cc" },
      r % 7 ? {} : { v: "plain & text", italic: true },
      { f: "=TODAY()", v: 46107, fmt: "yyyy-mm-dd" },
    ]);
  }
  rows.push([], [null, null, { bg: "#eeeeee" }], [{}, {}]);
  return { name: "Key Results", frozenRows: 1, rows, columnWidths: { 3: 200 } };
}

function book(): WorkbookSnapshot {
  return { id: "local-x", name: "Formulas", locale: "en_US", timeZone: "Etc/UTC", sheets: [formulaSheet(), { name: "Other", rows: [[{ f: "='Key Results'!B2", v: 2 / 7 }]] }], namedRanges: [], documentProperties: {}, triggers: [] };
}

async function parts(buf: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!name.startsWith("docProps/")) out[name] = await zip.files[name].async("string");
  return out;
}

describe("writing large sheets with formulas as XML", () => {
  it("takes a sheet with formulas and no notes; a note, or a result that is not a text, number or true/false, leaves it to exceljs", () => {
    PLAIN_WRITE_MIN_CELLS.value = 0;
    expect(directWrite(formulaSheet())).toBe("formulas");
    const noted = formulaSheet();
    noted.rows[3]![0] = { v: "O1.KR3", note: "owner" };
    expect(directWrite(noted)).toBe(null);
    const dated = formulaSheet();
    dated.rows[3]![1] = { f: "=NOW()", v: new Date(0) as never };
    expect(directWrite(dated)).toBe(null);
    PLAIN_WRITE_MIN_CELLS.value = 10_000;
    expect(directWrite(formulaSheet())).toBe(null);
  });

  it("writes the same bytes as exceljs cell by cell, and reads back the same", async () => {
    PLAIN_WRITE_MIN_CELLS.value = Infinity;
    const byExceljs = await snapshotToXlsx(book());
    PLAIN_WRITE_MIN_CELLS.value = 0;
    const byXml = await snapshotToXlsx(book());
    expect(await parts(byXml)).toEqual(await parts(byExceljs));
    const back = await xlsxToSnapshot(byXml);
    // The control character is dropped from the file, as exceljs drops it.
    expect(back.sheets[0].rows[3]![2]).toEqual({ f: `=IF(B4>1,"On track","Off <track> & 'late' ")`, v: "On track", fmt: "0%", bold: true });
  });
});

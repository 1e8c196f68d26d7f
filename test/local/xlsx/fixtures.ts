// Snapshots shared by the xlsx tests.
import type { SnapshotCell, WorkbookSnapshot } from "../../../src/local/snapshot";

/** 2025-01-06 as a serial day number. */
export const JAN6 = 45663;

/** A workbook using every feature the snapshot can express. */
export function everythingSnapshot(): WorkbookSnapshot {
  const header = (v: string): SnapshotCell => ({ v, bold: true, bg: "#1f4e78", color: "#ffffff", hAlign: "center", wrap: true });
  return {
    id: "local-abc123xyz",
    name: "Ops pilot Q1",
    locale: "de_DE",
    timeZone: "Europe/Berlin",
    sheets: [
      {
        name: "Settings",
        rows: [
          [{ v: "OKR settings", bold: true, fontSize: 14 }],
          [],
          [{ v: "Cycle name" }, { v: "Q1 pilot" }],
          [{ v: "Start date" }, { v: JAN6, fmt: "yyyy-mm-dd", note: "First Monday of the cycle" }],
          [{ v: "Weeks" }, { v: 13, fmt: "0" }],
          [{ v: "Aspirational goal" }, { v: 0.7, fmt: "0.00", italic: true }],
          [{ v: "As of" }, { v: JAN6 + 0.5, fmt: "yyyy-mm-dd hh:mm:ss" }],
          [{ v: "Stamp" }, { v: 45678.123456789012, fmt: "yyyy-mm-dd hh:mm:ss.000" }],
          [{ v: "Cycle end" }, { f: "=B4+7*B5", v: JAN6 + 91, fmt: "yyyy-mm-dd" }],
          [{ v: "Explicit 11pt" }, { v: "x", fontSize: 11 }],
          [null, null, { bg: "#fff2cc" }],
          [{ f: "=B5-13", v: 0 }, { f: "=B5>100", v: false }, { f: '=""', v: "" }, { f: "=B5=13", v: true }],
        ],
        columnWidths: { 1: 180, 2: 120, 3: 101 },
        protections: [{ range: null, description: "Settings are edited by admins", warningOnly: true }],
        tabColor: "#7f7f7f",
      },
      {
        name: "Key Results",
        frozenRows: 1,
        frozenColumns: 2,
        rows: [
          ["ID", "Objective ID", "Key result", "Start", "Target", "Current", "Score", "Status", "Confidence", "Notes"].map(header),
          [
            { v: "O1.KR1" },
            { v: "O1" },
            { v: "Cut lead time", note: "Owner: ana@example.com\nsecond line" },
            { v: 10 },
            { v: 5 },
            { v: 7.5 },
            { f: "=IF(ISNUMBER(D2),MIN(1,MAX(0,(D2-F2)/(D2-E2))),\"\")", v: 0.5, fmt: "0.00" },
            { f: '=IFS(G2>=0.7,"On track",G2>=0.4,"At risk",TRUE,"Off track")', v: "At risk" },
            { v: 6 },
            { v: "  padded text  " },
          ],
          [
            { v: "O1.KR2" },
            { v: "O1" },
            { v: "=not a formula, just text" },
            { v: 0 },
            { v: 100 },
            { v: true },
            { f: "=IFERROR(1/0,\"n/a\")", v: "n/a" },
            { f: "=1/0", v: "#DIV/0!" },
            { f: "=SPARKLINE(D3:F3)" },
            { v: "O'Brien's \"quote\" & <tag>" },
          ],
          [{ v: false }, null, null, { v: -3.25e-7 }, { v: 1e21 }],
        ],
        columnWidths: { 3: 320, 10: 250 },
        conditionalFormats: [
          { ranges: ["H2:H100"], condition: { type: "TEXT_EQUAL_TO", values: ["On track"] }, format: { background: "#b7e1cd", fontColor: "#0b5d1e" } },
          { ranges: ["H2:H100"], condition: { type: "TEXT_CONTAINS", values: ["risk"] }, format: { background: "#fce8b2", bold: true } },
          { ranges: ["I2:I100"], condition: { type: "NUMBER_BETWEEN", values: [1, 3] }, format: { background: "#f4c7c3" } },
          { ranges: ["I2:I100"], condition: { type: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [7] }, format: { background: "#b7e1cd" } },
          { ranges: ["G2:G100"], condition: { type: "NUMBER_LESS_THAN_OR_EQUAL_TO", values: [0.25] }, format: { italic: true } },
          { ranges: ["G2:G100"], condition: { type: "NUMBER_GREATER_THAN", values: [1] }, format: { strikethrough: true } },
          { ranges: ["G2:G100"], condition: { type: "NUMBER_LESS_THAN", values: [0] }, format: { fontColor: "#ff0000" } },
          { ranges: ["J2:J100"], condition: { type: "CELL_EMPTY", values: [] }, format: { background: "#eeeeee" } },
          { ranges: ["J2:J100"], condition: { type: "CELL_NOT_EMPTY", values: [] }, format: { background: "#ffffff" } },
          { ranges: ["A2:J100", "L2:L5"], condition: { type: "CUSTOM_FORMULA", values: ['=$H2="Off track"'] }, format: { background: "#f4c7c3" } },
        ],
        validations: [
          { range: "I2:I100", type: "NUMBER_BETWEEN", values: [1, 10], allowInvalid: false, helpText: "Confidence 1-10" },
          { range: "H2:H100", type: "VALUE_IN_LIST", values: ["On track", "At risk", "Off track", "Not started"], allowInvalid: true },
          { range: "F2:F100", type: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [0], allowInvalid: true },
          { range: "K2:K100", type: "CHECKBOX", values: [], allowInvalid: false },
          { range: "L2:L100", type: "DATE_IS_VALID_DATE", values: [], allowInvalid: false },
          { range: "M2:M100", type: "CUSTOM_FORMULA", values: ["=LEN(M2)<=200"], allowInvalid: false },
          { range: "N2:N100", type: "VALUE_IN_LIST", values: ["a, with comma", "b"], allowInvalid: false },
        ],
        protections: [{ range: "G2:H100", description: "Formula columns", warningOnly: true }],
      },
      {
        name: "Check-ins",
        hidden: true,
        rows: [[{ v: "Timestamp" }, { v: "KR ID" }], [{ v: 45663.375, fmt: "yyyy-mm-dd hh:mm" }, { v: "O1.KR1" }]],
      },
      {
        name: "O'Brien's tab",
        rows: [[{ f: "=SUMIF('Key Results'!B:B,\"O1\",'Key Results'!G:G)", v: 0.5 }, { f: "=CycleStart+1", v: JAN6 + 1 }]],
      },
    ],
    namedRanges: [
      { name: "CycleStart", sheet: "Settings", a1: "B4" },
      { name: "KrScores", sheet: "Key Results", a1: "G2:G100" },
      { name: "Odd", sheet: "O'Brien's tab", a1: "A1" },
      { name: "KrIds", sheet: "Key Results", a1: "A:A" },
    ],
    documentProperties: { schemaVersion: "3", "okr.adminEmails": "ana@example.com,bo@example.com" },
    triggers: [{ id: "t1", handler: "weeklySummary", type: "CLOCK", weekDay: "MONDAY", atHour: 7 }],
  };
}

/** A snapshot in the canonical shape the reader produces: no empty cells as objects, no trailing empties. */
export function normalise(s: WorkbookSnapshot): WorkbookSnapshot {
  const copy = JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
  for (const sheet of copy.sheets) {
    sheet.rows = sheet.rows.map((row) => {
      const cells = (row ?? []).map((c) => (c && Object.keys(c).length ? c : null));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
    for (const k of ["conditionalFormats", "validations", "protections"] as const) if (sheet[k] && sheet[k]!.length === 0) delete sheet[k];
    if (sheet.columnWidths && Object.keys(sheet.columnWidths).length === 0) delete sheet.columnWidths;
    if (!sheet.hidden) delete sheet.hidden;
    if (!sheet.frozenRows) delete sheet.frozenRows;
    if (!sheet.frozenColumns) delete sheet.frozenColumns;
  }
  return copy;
}

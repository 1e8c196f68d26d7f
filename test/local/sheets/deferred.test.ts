// A large tab of values that formulas name only through Settings' computed rows (COUNTA of a column, header
// cells joined by &, ROW of a cell) stays out of the formula engine (src/local/sheets/deferred.ts). Every
// case runs the same steps on the same workbook twice: once as loaded, once with a named range on the log,
// which keeps it in the engine from the start (the behaviour before); values, formulas and the saved
// snapshot must be the same.
import { types } from "node:util";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { createServices } from "../../../src/local/sheets";
import { unpub } from "../../../src/local/sheets/counters";
import { DEFER_MIN_CELLS } from "../../../src/local/sheets/deferred";
import type { WorkbookSnapshot } from "../../../src/local/snapshot";

const HEADER = ["Timestamp", "Week", "KR ID", "Value", "Note"];
const SETTINGS_FORMULAS = [
  "=MAX(0,COUNTA('Check-ins'!A:A)-1)",
  // With the guard the add-on's computed headers end in since session 22 (core/tabs.ts joined): COLUMN of the last cell.
  "=" + "ABCDEF".split("").map((c) => `'Check-ins'!${c}1`).join('&"|"&') + `&IF(COLUMN('Check-ins'!F1)=6,"","|")`,
  "=ROW('Check-ins'!A1)",
  "=COUNTA(Other!A:A)",
];

function workbook(formulas: string[], keepInEngine: boolean): WorkbookSnapshot {
  const log = [HEADER.map((v) => ({ v })), ...Array.from({ length: 400 }, (_, r) => [{ v: 46000 + r, fmt: "yyyy-mm-dd" }, { v: (r % 13) + 1 }, { v: `KR${r % 40}` }, { v: r * 1.5 }, { v: r % 3 ? `n"${r}` : true }])];
  return {
    id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC",
    sheets: [
      { name: "Settings", rows: formulas.map((f, i) => [{ v: `row ${i}` }, { f }]) },
      { name: "Other", rows: [[{ v: "a" }], [{ v: "b" }]] },
      { name: "Check-ins", rows: log },
    ],
    namedRanges: keepInEngine ? [{ name: "WholeLog", sheet: "Check-ins", a1: "A1:E2" }] : [],
    documentProperties: {}, triggers: [],
  };
}

function open(formulas: string[], keepInEngine: boolean) {
  const services = createServices(workbook(formulas, keepInEngine), { now: new Date("2026-01-05T12:00:00Z") });
  const ss = (services.globals as any).SpreadsheetApp.getActive();
  const inEngine = () => (unpub(services.spreadsheet) as any)._book.hf.getSheetNames().includes("Check-ins");
  const state = () => {
    const settings = ss.getSheetByName("Settings").getDataRange();
    const log = ss.getSheetByName("Check-ins");
    const snap = services.toSnapshot();
    snap.namedRanges = snap.namedRanges.filter((n) => n.name !== "WholeLog");
    return {
      values: settings.getValues(),
      formulas: settings.getFormulas(),
      logLast: [log.getLastRow(), log.getLastColumn()],
      logTail: log.getRange(Math.max(1, log.getLastRow() - 2), 1, 3, 6).getValues().map((r: unknown[]) => r.map((v) => (types.isDate(v) ? v.toISOString() : v))),
      snap,
    };
  };
  return { ss, state, inEngine };
}

/** Runs `steps` on both workbooks, comparing after each; returns whether the log was in the engine at the end. */
function same(formulas: string[], steps: ((ss: any) => void)[]): boolean {
  const a = open(formulas, false);
  const b = open(formulas, true);
  expect(a.state()).toEqual(b.state());
  for (const step of steps) {
    step(a.ss);
    step(b.ss);
    expect(a.state()).toEqual(b.state());
  }
  expect(b.inEngine()).toBe(true);
  return a.inEngine();
}

describe("a large log that only Settings' computed rows name", () => {
  // A 401-row log stands for the 55,000-row one: tabs from 2,000 cells on are kept out of the engine here.
  const before = DEFER_MIN_CELLS.value;
  beforeAll(() => void (DEFER_MIN_CELLS.value = 2_000));
  afterAll(() => void (DEFER_MIN_CELLS.value = before));

  it("is read, counted and saved without entering the engine; its formulas read and save as loaded", () => {
    const { ss, state, inEngine } = open(SETTINGS_FORMULAS, false);
    const s = state();
    expect(s.values.map((r: unknown[]) => r[1])).toEqual([400, "Timestamp|Week|KR ID|Value|Note|", 1, 2]);
    expect(s.formulas.map((r: string[]) => r[1])).toEqual(SETTINGS_FORMULAS);
    expect(s.snap.sheets[0].rows.map((r) => r[1])).toEqual(SETTINGS_FORMULAS.map((f, i) => ({ f, v: s.values[i][1] })));
    expect(types.isDate(ss.getSheetByName("Check-ins").getRange("A2:E2").getValues()[0][0])).toBe(true);
    expect(inEngine()).toBe(false);
    expect(same(SETTINGS_FORMULAS, [])).toBe(false);
  });

  it("takes rows appended and cells changed or cleared, the computed rows following, still outside the engine", () => {
    const out = same(SETTINGS_FORMULAS, [
      (ss) => ss.getSheetByName("Check-ins").appendRow([new Date("2026-01-05T10:00:00Z"), 2, "KR1", 42, 'say "hi"']),
      (ss) => ss.getSheetByName("Check-ins").getRange("F1:G1").setValues([["Extra", "More"]]),
      (ss) => ss.getSheetByName("Check-ins").getRange("B3:C4").clearContent(),
      (ss) => ss.getSheetByName("Check-ins").getRange(399, 1, 2, 3).setValues([["2026-01-06", "3", "x"], [true, 1.25, ""]]),
      (ss) => ss.getSheetByName("Check-ins").getRange("A390:E395").clearContent(),
      // The last row of the grid, then a row appended below it: the grid grows, its cells still outside.
      (ss) => ss.getSheetByName("Check-ins").getRange(1000, 2).setValue(5),
      (ss) => ss.getSheetByName("Check-ins").appendRow(["2026-01-07", 4, "KR2"]),
    ]);
    expect(out).toBe(false);
  });

  it("enters the engine, the formulas as loaded going back with it, when its rows move or a formula names it", () => {
    expect(same(SETTINGS_FORMULAS, [(ss) => ss.getSheetByName("Check-ins").insertRowsBefore(1, 2)])).toBe(true);
    // A column inserted among the header's: the guard's COLUMN() moves with it and the joined header says so.
    expect(same(SETTINGS_FORMULAS, [(ss) => ss.getSheetByName("Check-ins").insertColumnsAfter(2, 1)])).toBe(true);
    expect(same(SETTINGS_FORMULAS, [(ss) => ss.getSheetByName("Other").getRange("B1").setFormula("=SUM('Check-ins'!D:D)")])).toBe(true);
    expect(same(SETTINGS_FORMULAS, [(ss) => ss.getSheetByName("Check-ins").getRange("Z9").setFormula("=D9*2")])).toBe(true);
  });

  it("puts the formulas as loaded back when their own sheet changes, and they then follow the change", () => {
    same(SETTINGS_FORMULAS, [
      (ss) => ss.getSheetByName("Settings").insertRowsBefore(1, 1),
      (ss) => ss.getSheetByName("Check-ins").appendRow(["x"]),
    ]);
    same(SETTINGS_FORMULAS, [(ss) => ss.getSheetByName("Settings").getRange("A1").setValue("changed")]);
  });

  it("stays in the engine from the start when a formula reads it some other way", () => {
    for (const f of ["=SUM('Check-ins'!D:D)", "='Check-ins'!A2", "=LEN('Check-ins'!C1&\"x\")+'Check-ins'!B2", "=COUNTA('Check-ins'!A:B)", "=\"'Check-ins'!A1\"&'Check-ins'!A1"]) {
      expect(same([...SETTINGS_FORMULAS, f], [])).toBe(true);
    }
  });

  it("is saved from its loaded rows while neither its values nor its formats changed, else as the engine has it", () => {
    const snap = workbook(SETTINGS_FORMULAS, false);
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    const log = () => services.toSnapshot({ forSaving: true }).sheets[2].rows;
    expect(log()[5]).toBe(snap.sheets[2].rows[5]);
    expect(log()).toEqual(services.toSnapshot().sheets[2].rows);
    const steps = [
      () => ss.getSheetByName("Check-ins").getRange("A3").setFontWeight("bold"),
      () => ss.getSheetByName("Check-ins").getRange("A3").setFontWeight("normal"),
      () => ss.getSheetByName("Check-ins").getRange("B7:C8").setNumberFormat("0.0"),
      () => ss.getSheetByName("Check-ins").getRange("E9").setValue("changed"),
    ];
    for (const step of steps) {
      step();
      expect(log()).toEqual(services.toSnapshot().sheets[2].rows);
    }
    expect(log()[9]).not.toBe(snap.sheets[2].rows[9]);
    expect(snap).toEqual(workbook(SETTINGS_FORMULAS, false));
  });

  it("is saved from its loaded rows with the rows appended below them, until a loaded row changes", () => {
    const snap = workbook(SETTINGS_FORMULAS, false);
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    const log = ss.getSheetByName("Check-ins");
    const saved = () => services.toSnapshot({ forSaving: true }).sheets[2].rows;
    const steps: [string, () => void][] = [
      ["a check-in appended (a date: a format on the new row)", () => log.appendRow([new Date("2026-01-05T10:00:00Z"), 2, "KR1", 42, 'say "hi"'])],
      ["another, shorter", () => log.appendRow(["2026-01-06", 3])],
      ["a format below every row", () => log.getRange(420, 2).setNumberFormat("0.0")],
      ["rows inserted after the last", () => log.insertRowsAfter(log.getMaxRows(), 2)],
      ["an appended cell cleared", () => log.getRange(403, 2).clearContent()],
      ["a value far below", () => log.getRange(430, 6).setValue("far")],
    ];
    for (const [name, step] of steps) {
      step();
      const rows = saved();
      expect(rows, name).toEqual(services.toSnapshot().sheets[2].rows);
      expect(rows[400], `${name}: the loaded rows as they are`).toBe(snap.sheets[2].rows[400]);
      expect(rows.length, name).toBeGreaterThan(401);
    }
    log.getRange("B5").setValue(7);
    expect(saved()).toEqual(services.toSnapshot().sheets[2].rows);
    expect(saved()[400]).not.toBe(snap.sheets[2].rows[400]);
    expect((unpub(services.spreadsheet) as any)._book.sheets[2].pending).toBeDefined();
  });

  it("is saved with a change of formats or notes alone, whichever way it is made", () => {
    // Column A is dated and column E bold: most changes below keep each cell's number of format keys, so
    // only the formats-changed flag (pending.ts formatChanged) tells the loaded rows are stale.
    const changes: [string, (log: any, ss: any, app: any) => void][] = [
      ["setNumberFormat", (log) => log.getRange("A3").setNumberFormat("0.0")],
      ["setNumberFormats", (log) => log.getRange("A4:A5").setNumberFormats([["0.0"], ["0.00"]])],
      ["setFontWeight", (log) => log.getRange("B3").setFontWeight("bold")],
      ["setNote", (log) => log.getRange("C5").setNote("checked")],
      ["setTextStyle", (log, _ss, app) => log.getRange("E6").setTextStyle(app.newTextStyle().setBold(false).setItalic(true).build())],
      // clearFormat keeps number formats (Google: "does not reset any number formatting rules"): column E's bold goes.
      ["clearFormat", (log) => log.getRange("A2:E9").clearFormat()],
      ["clear formats only", (log) => log.getRange("A10:E12").clear({ formatOnly: true })],
      ["sheet clear formats only", (log) => log.clear({ formatOnly: true })],
      ["copyTo PASTE_FORMAT", (log, ss, app) => ss.getSheetByName("Other").getRange("A1").setNumberFormat("0.00").copyTo(log.getRange("A2"), app.CopyPasteType.PASTE_FORMAT, false)],
      ["insertRowsAfter the last row (its formats copied)", (log) => log.insertRowsAfter(401, 2)],
      ["insertColumnsAfter the last column (its formats copied)", (log) => log.insertColumnsAfter(5, 1)],
    ];
    for (const [name, change] of changes) {
      const snap = workbook(SETTINGS_FORMULAS, false);
      for (const row of snap.sheets[2].rows) row[4] = { ...row[4], bold: true };
      const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
      const app = (services.globals as any).SpreadsheetApp;
      const ss = app.getActive();
      change(ss.getSheetByName("Check-ins"), ss, app);
      expect((unpub(services.spreadsheet) as any)._book.sheets[2].pending, `${name}: still outside the engine`).toBeDefined();
      const saved = services.toSnapshot({ forSaving: true }).sheets[2].rows;
      expect(saved, name).toEqual(services.toSnapshot().sheets[2].rows);
      expect(saved, name).not.toEqual(snap.sheets[2].rows);
    }
  });

  it("reads a formula as the engine prints it when that is not how it was written", () => {
    expect(same(["=max(0, counta('Check-ins'!A:A)-1)", "=  'Check-ins'!A1&'Check-ins'!B1"], [])).toBe(true);
  });
});

describe("two large tabs Settings names (the log, and History by ROW of its first cell)", () => {
  const before = DEFER_MIN_CELLS.value;
  beforeAll(() => void (DEFER_MIN_CELLS.value = 2_000));
  afterAll(() => void (DEFER_MIN_CELLS.value = before));
  const FORMULAS = [...SETTINGS_FORMULAS, "=ROW(History!A1)"];

  function withHistory(keepInEngine: boolean) {
    const snap = workbook(FORMULAS, keepInEngine);
    snap.sheets.push({ name: "History", rows: [["Week", "KR ID", "Score"].map((v) => ({ v })), ...Array.from({ length: 800 }, (_, r) => [{ v: (r % 13) + 1 }, { v: `KR${r % 40}` }, { v: (r % 10) / 10 }])] });
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    const names = () => (unpub(services.spreadsheet) as any)._book.hf.getSheetNames() as string[];
    const settings = () => {
      const r = ss.getSheetByName("Settings").getDataRange();
      return { values: r.getValues(), formulas: r.getFormulas() };
    };
    return { ss, names, settings };
  }

  it("History written to, then taken into the engine, leaves the log out; Settings' values and formulas as with every tab in", () => {
    const a = withHistory(false);
    const b = withHistory(true);
    expect(a.names()).not.toContain("History");
    const steps = [
      (ss: any) => ss.getSheetByName("History").getRange(802, 1, 2, 3).setValues([[2, "KR1", 0.5], [2, "KR2", 0.25]]),
      (ss: any) => ss.getSheetByName("History").getRange("E1").setFormula("=C2*2"),
    ];
    for (const step of steps) {
      step(a.ss);
      step(b.ss);
      expect(a.settings()).toEqual(b.settings());
      // Before: History's rewritten ROW() failed beside the log's (another tab named), so every tab came in.
      expect(a.names(), "the log stays out of the engine").not.toContain("Check-ins");
    }
    expect(a.names()).toContain("History");
    expect(a.settings().formulas.map((r: string[]) => r[1])).toEqual(FORMULAS);
  });
});

// `show` reuses the formula results okr-sheets saved with the file (src/local/cachedValues.ts) only when they
// are what the engine would compute: same "today", no cell changed since, no formula depending on more than
// the day. Whatever it reuses, it shows exactly what building the engine shows.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makeFixtures, runCli } from "../support/cli";
import { openWorkbook } from "../../src/local/runtime";
import { readTab, renderTable } from "../../src/local/showTab";
import { savedValuesSnapshot, valuesHash, type SavedValues } from "../../src/local/cachedValues";
import { loadXlsxAndValues, saveXlsx } from "../../src/local/xlsx";
import type { WorkbookSnapshot } from "../../src/local/snapshot";

const dir = mkdtempSync(join(tmpdir(), "okr-cached-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AT = "2026-01-20";
const TABS = ["Key Results", "Objectives", "Settings", "Check-ins", "History"];
let file: string;

beforeAll(async () => {
  const fixtures = await makeFixtures(join(dir, "_fixtures"));
  file = join(dir, "t.xlsx");
  fixtures.copy("operations", file);
  const r = await runCli(dir, ["checkin", "t.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", AT]);
  expect(r.status, r.stderr).toBe(0);
});

describe("show on a file okr-sheets saved", () => {
  it("uses the saved results on the day they were computed for, and shows what the engine shows", async () => {
    for (const tab of TABS) {
      const saved = await openWorkbook(file, { at: AT, readOnly: true });
      const engine = await openWorkbook(file, { at: AT });
      expect(saved.savedValues, tab).toBe(true);
      expect(engine.savedValues, tab).toBe(false);
      expect(readTab(saved, tab), tab).toEqual(readTab(engine, tab));
      expect(renderTable(readTab(saved, tab)), tab).toBe(renderTable(readTab(engine, tab)));
    }
    const r = await runCli(dir, ["show", "t.xlsx", "--sheet", "Key Results", "--json", "--at", AT]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(readTab(await openWorkbook(file, { at: AT }), "Key Results").rows);
  });

  it("reads a tab's rows without formatting its cells (readTab withDisplay false, as checkin's owner look-up)", async () => {
    const engine = await openWorkbook(file, { at: AT });
    for (const tab of TABS) {
      const full = readTab(engine, tab);
      const bare = readTab(engine, tab, false);
      expect(bare.rows, tab).toEqual(full.rows);
      expect(bare.headers, tab).toEqual(full.headers);
      expect(bare.display, tab).toEqual(full.display.slice(0, 1));
    }
  });

  it("opens only the shown tab's cells (onlyTab), keeping every tab's name", async () => {
    const engine = await openWorkbook(file, { at: AT });
    for (const tab of TABS) {
      const one = await openWorkbook(file, { at: AT, readOnly: true, onlyTab: tab });
      expect(one.savedValues, tab).toBe(true);
      expect(readTab(one, tab), tab).toEqual(readTab(engine, tab));
      const names = (wb: typeof one) => (wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheets().map((s) => s.getName());
      expect(names(one)).toEqual(names(engine));
    }
    const r = await runCli(dir, ["show", "t.xlsx", "--sheet", "Nope", "--at", AT]);
    expect(r.stderr).toMatch(/^okr-sheets: No tab named "Nope"\. Tabs: .*Key Results.*Check-ins/);
  });

  it("builds the engine on another day (TODAY() moved)", async () => {
    expect((await openWorkbook(file, { at: "2026-01-21", readOnly: true })).savedValues).toBe(false);
  });

  it("never saves a workbook opened with its saved results", async () => {
    const wb = await openWorkbook(file, { at: AT, readOnly: true });
    await expect(wb.save()).rejects.toThrow(/cannot be saved/);
  });

  it("builds the engine for a file saved without the record (another tool, or okr-sheets before this)", async () => {
    const { snapshot } = await loadXlsxAndValues(file);
    const other = join(dir, "other.xlsx");
    await saveXlsx(other, snapshot);
    expect((await openWorkbook(other, { at: AT, readOnly: true })).savedValues).toBe(false);
  });
});

describe("the saved results are refused when", () => {
  let snap: WorkbookSnapshot;
  let values: SavedValues;
  beforeAll(async () => {
    const copy = join(dir, "refused.xlsx");
    copyFileSync(file, copy);
    const r = await loadXlsxAndValues(copy);
    snap = r.snapshot;
    values = r.values!;
    expect(values.asOf).toBe(AT);
    expect(savedValuesSnapshot(snap, values, AT), "unchanged file").not.toBeNull();
  });
  const clone = (): WorkbookSnapshot => structuredClone(snap);
  const kr = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === "Key Results")!;

  it.each([
    ["an input changed", (s: WorkbookSnapshot) => void (kr(s).rows[1][9] = { v: 12345 })],
    ["a result was recomputed by someone else", (s: WorkbookSnapshot) => void (kr(s).rows[1][12] = { ...kr(s).rows[1][12], v: 0.123 })],
    ["a formula changed", (s: WorkbookSnapshot) => void (kr(s).rows[1][12] = { ...kr(s).rows[1][12], f: "=1+1" })],
    ["a row was added", (s: WorkbookSnapshot) => void kr(s).rows.push([{ v: "O9.KR9" }])],
    ["a tab was renamed", (s: WorkbookSnapshot) => void (s.sheets[0].name = "Renamed")],
  ])("%s", (...[, change]) => {
    const s = clone();
    change(s);
    expect(valuesHash(s.sheets)).not.toBe(values.hash);
    expect(savedValuesSnapshot(s, values, AT)).toBeNull();
  });

  // Settings reads the log only as COUNTA of column A and its header row: the rest of it cannot change a result.
  const log = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === "Check-ins")!;
  const changeLogComment = (s: WorkbookSnapshot) => void (log(s).rows[1]![5] = { v: "edited elsewhere" });

  it("a log cell no formula reads changed: the saved results are still used", () => {
    const s = clone();
    changeLogComment(s);
    expect(valuesHash(s.sheets, s.namedRanges)).toBe(values.hash);
    expect(savedValuesSnapshot(s, values, AT)).not.toBeNull();
  });

  it.each([
    ["the log's column A changed", (s: WorkbookSnapshot) => void (log(s).rows[1]![0] = { v: "changed" })],
    ["a row was added to the log", (s: WorkbookSnapshot) => void log(s).rows.push([{ v: "2026-01-21" }])],
    ["the log's header changed", (s: WorkbookSnapshot) => void (log(s).rows[0]![3] = { v: "Renamed" })],
  ])("%s", (...[, change]) => {
    const s = clone();
    change(s);
    expect(savedValuesSnapshot(s, values, AT)).toBeNull();
  });

  it.each([
    ["INDIRECT", (s: WorkbookSnapshot) => void (kr(s).rows[1]![20] = { f: '=INDIRECT("A1")', v: 1 })],
    ["OFFSET", (s: WorkbookSnapshot) => void (kr(s).rows[1]![20] = { f: "=OFFSET('Check-ins'!A1,1,5)", v: 1 })],
    ["a named range on the log", (s: WorkbookSnapshot) => void (s.namedRanges = [...(s.namedRanges ?? []), { name: "Log", sheet: "Check-ins", a1: "A1:P9" }])],
  ])("with %s any log cell counts", (...[, setUp]) => {
    const s = clone();
    setUp(s);
    const before = valuesHash(s.sheets, s.namedRanges);
    changeLogComment(s);
    expect(valuesHash(s.sheets, s.namedRanges)).not.toBe(before);
  });

  it.each([
    ["NOW()", "=NOW()", "yyyy-mm-dd"],
    ["RAND()", "=RAND()", "0.00"],
    ["a date function's result with no format of its own", "=DATE(2026,1,1)", undefined],
  ])("a formula uses %s", (...[, f, fmt]) => {
    const s = clone();
    kr(s).rows[1][20] = { f, v: 46000, ...(fmt ? { fmt } : {}) };
    const rehashed = { ...values, hash: valuesHash(s.sheets) };
    expect(savedValuesSnapshot(s, rehashed, AT)).toBeNull();
  });
});

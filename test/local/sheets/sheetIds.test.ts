// A tab's sheet ID (getSheetId) is the document's: on Google it never changes, whatever tab is inserted
// before it or however the tabs are moved, and no two tabs share one. The add-on records IDs (History's
// Score format record in summaryLook.ts), so a save and a load offline must give each tab its ID back,
// or the add-on redoes work it would not redo on Google.
import { describe, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { expect } from "../../support/expect";
import { createServices } from "../../../src/local/sheets";
import { snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import { allowHistorySheetName } from "../../../src/local/xlsx/historyName";
import { restoreSetAside, setAsideOversize } from "../../../src/local/oversize";
import { workbookFromSnapshot } from "../../../src/local/runtime";
import { sheetIdsOf, type WorkbookSnapshot } from "../../../src/local/snapshot";
import { callAddon, newTracker, setToday, ss as spreadsheetOf } from "../../support/tracker";
import { setup, type Any } from "./helpers";

const reopened = (snap: WorkbookSnapshot) => (createServices(snap, { now: new Date("2026-01-05T12:00:00Z") }).globals as Record<string, Any>).SpreadsheetApp.getActive();
const ids = (ss: Any): [string, number][] => ss.getSheets().map((s: Any) => [s.getName(), s.getSheetId()]);
const unique = (ss: Any) => new Set(ss.getSheets().map((s: Any) => s.getSheetId())).size === ss.getSheets().length;

/** "History" first (ID 0), then a tab inserted before it, as the first weekly summary inserts its tab. */
function insertedBefore() {
  const t = setup();
  t.sheet.setName("History");
  t.sheet.getRange("A1:B2").setValues([["Week", "Score"], [1, 0.5]]);
  t.ss.insertSheet("Settings");
  t.ss.insertSheet("Weekly Summary", 0);
  return t;
}

describe("A tab's sheet ID through a save and a load", () => {
  it("stays when a tab is inserted before it, through a snapshot", () => {
    const { ss, services } = insertedBefore();
    const before = ids(ss);
    expect(before[1]).toEqual(["History", 0]);
    expect(ids(reopened(services.toSnapshot()))).toEqual(before);
    expect(ids(reopened(services.toSnapshot({ forSaving: true })))).toEqual(before);
  });

  it("stays through the .xlsx file, and a second trip changes nothing", async () => {
    const { ss, services } = insertedBefore();
    const before = ids(ss);
    const back = await xlsxToSnapshot(await snapshotToXlsx(services.toSnapshot({ forSaving: true })));
    expect(ids(reopened(back))).toEqual(before);
    expect(await xlsxToSnapshot(await snapshotToXlsx(back))).toEqual(back);
  });

  it("stays when another program moves the tabs of the .xlsx (every tab's ID is in the metadata)", async () => {
    // Tabs still at their places: their IDs are what their places give, so the snapshot records none.
    const { ss, services } = setup();
    ss.getSheets()[0].setName("First");
    ss.insertSheet("Second");
    ss.insertSheet("Third");
    const before = new Map(ids(ss));
    expect(services.toSnapshot().sheets.map((s) => s.sheetId)).toEqual([undefined, undefined, undefined]);
    // The file opened and saved elsewhere with the first tab moved last.
    allowHistorySheetName();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(services.toSnapshot({ forSaving: true }))) as unknown as ExcelJS.Buffer);
    (wb.getWorksheet("First") as unknown as { orderNo: number }).orderNo = 99; // what exceljs orders its tabs by
    const moved = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(moved.sheets.map((s) => s.name)).toEqual(["Second", "Third", "First"]);
    expect(new Map(ids(reopened(moved)))).toEqual(before);
  });

  it("is recorded only where a tab's place would not give it back: a workbook never reordered is as before", () => {
    const { services, ss } = setup();
    ss.insertSheet("Two");
    const snap = services.toSnapshot();
    expect(snap.sheets.map((s) => s.sheetId)).toEqual([undefined, undefined]);
    expect(ids(reopened(snap)).map(([, id]) => id)).toEqual([0, 100_001]);
  });

  it("a snapshot without IDs (a file saved before they were recorded) numbers its tabs by place, as before", () => {
    const snap: WorkbookSnapshot = { ...setup().services.toSnapshot(), sheets: [{ name: "A", rows: [] }, { name: "B", rows: [] }, { name: "C", rows: [] }] };
    expect(ids(reopened(snap))).toEqual([["A", 0], ["B", 100_001], ["C", 100_002]]);
  });
});

describe("No two tabs share a sheet ID", () => {
  it("after inserting and deleting tabs, and a deleted tab's ID is not given again", () => {
    const { ss } = setup();
    const a = ss.insertSheet("A");
    const b = ss.insertSheet("B", 0);
    const gone = b.getSheetId();
    ss.deleteSheet(b);
    const c = ss.insertSheet("C", 0);
    ss.deleteSheet(a);
    ss.insertSheet("D");
    ss.insertSheet("E", 1);
    expect(unique(ss)).toBe(true);
    expect(ss.getSheets().map((s: Any) => s.getSheetId())).not.toContain(gone);
    expect(c.getSheetId()).not.toBe(gone);
  });

  it("a deleted tab's ID is not given again after a save and a load either (snapshot and .xlsx)", async () => {
    const { ss, services } = setup();
    const gone = ss.insertSheet("Gone").getSheetId();
    ss.deleteSheet(ss.getSheetByName("Gone"));
    const snap = services.toSnapshot({ forSaving: true });
    expect(snap.topSheetId).toBe(gone);
    for (const back of [snap, await xlsxToSnapshot(await snapshotToXlsx(snap))]) {
      const again = reopened(back);
      expect(again.insertSheet("Gone").getSheetId()).not.toBe(gone);
    }
  });

  it("after tabs were inserted, deleted and moved across saves (new tabs never take a loaded tab's ID)", () => {
    let { ss, services } = insertedBefore();
    for (let round = 0; round < 3; round++) {
      ss.insertSheet(`New${round}`, 0);
      ss.deleteSheet(ss.getSheetByName("Settings") ?? ss.getSheets()[2]);
      const snap = services.toSnapshot();
      services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
      ss = (services.globals as Record<string, Any>).SpreadsheetApp.getActive();
      ss.insertSheet(`Other${round}`);
      expect(unique(ss)).toBe(true);
      expect(ss.getSheetByName("History").getSheetId()).toBe(0);
    }
  });

  it("a tab added to the .xlsx by another program gets a new ID, never a deleted tab's (the metadata recorded the others)", async () => {
    // Tabs A..D (0, 100,001, 100,002, 100,003); B is deleted offline, then the file is saved: the metadata
    // records A, C and D and no top (D's 100,003 is the highest ever given).
    const { ss, services } = setup();
    ss.getSheets()[0].setName("A");
    for (const n of ["B", "C", "D"]) ss.insertSheet(n);
    const gone = ss.getSheetByName("B").getSheetId();
    ss.deleteSheet(ss.getSheetByName("B"));
    const before = new Map(ids(ss));
    // Another program adds tab X second (where B was) and tab Y last.
    allowHistorySheetName();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(services.toSnapshot({ forSaving: true }))) as unknown as ExcelJS.Buffer);
    const order = (name: string, n: number) => ((wb.getWorksheet(name) as unknown as { orderNo: number }).orderNo = n);
    wb.addWorksheet("X");
    wb.addWorksheet("Y");
    ["A", "X", "C", "D", "Y"].forEach((name, i) => order(name, i + 1));
    const edited = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(edited.sheets.map((s) => s.name)).toEqual(["A", "X", "C", "D", "Y"]);
    const again = reopened(edited);
    expect(unique(again)).toBe(true);
    const got = new Map(ids(again));
    for (const [name, id] of before) expect(got.get(name)).toBe(id);
    // X and Y: fresh IDs above every ID the book gave, neither B's nor the place's.
    expect([got.get("X"), got.get("Y")]).toEqual([100_004, 100_005]);
    expect([...got.values()]).not.toContain(gone);
    // The same once the deleted tab was the highest (the metadata's top): a tab added last does not take it.
    const t = setup();
    t.ss.getSheets()[0].setName("A");
    const last = t.ss.insertSheet("Last").getSheetId();
    t.ss.deleteSheet(t.ss.getSheetByName("Last"));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await snapshotToXlsx(t.services.toSnapshot({ forSaving: true }))) as unknown as ExcelJS.Buffer);
    wb2.addWorksheet("Z");
    const z = ids(reopened(await xlsxToSnapshot(Buffer.from(await wb2.xlsx.writeBuffer())))).find(([n]) => n === "Z")![1];
    expect(z).toBe(last + 1);
  });

  it("a tab of an .xlsx without okr-sheets' metadata (made elsewhere) is numbered by its place, as before", async () => {
    const wb = new ExcelJS.Workbook();
    for (const n of ["P", "Q", "R"]) wb.addWorksheet(n);
    const snap = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ids(reopened(snap))).toEqual([["P", 0], ["Q", 100_001], ["R", 100_002]]);
  });

  it("a tab copied in the snapshot (or an edited file) with another's ID gets one of its own", () => {
    const { services } = insertedBefore();
    const snap = services.toSnapshot();
    const history = snap.sheets.find((s) => s.name === "History")!;
    snap.sheets.push({ ...history, name: "History copy", sheetId: 0 });
    snap.sheets.push({ name: "Bad", rows: [], sheetId: -3 });
    snap.sheets.push({ name: "Placed", rows: [], sheetId: 100_001 });
    const ss = reopened(snap);
    expect(unique(ss)).toBe(true);
    expect(ss.getSheetByName("History").getSheetId()).toBe(0);
    ss.insertSheet("Later");
    expect(unique(ss)).toBe(true);
  });

  it("a tab set aside as too large for the engine keeps its ID, and so do the tabs after it", () => {
    const { services } = insertedBefore();
    const snap = services.toSnapshot({ forSaving: true });
    const huge = { name: "Huge", rows: new Array(200_001).fill(null).map(() => [] as never[]) };
    snap.sheets.splice(1, 0, huge);
    const before = snap.sheets.map((s, i) => [s.name, sheetIdsOf(snap.sheets)[i]]);
    const aside = setAsideOversize(snap);
    const opened = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (opened.globals as Record<string, Any>).SpreadsheetApp.getActive();
    expect(ids(ss)).toEqual(before.filter(([n]) => n !== "Huge"));
    ss.insertSheet("Made offline");
    const saved = restoreSetAside(opened.toSnapshot({ forSaving: true }), aside);
    const savedIds = saved.sheets.map((s, i) => [s.name, sheetIdsOf(saved.sheets)[i]]);
    expect(savedIds.filter(([n]) => n !== "Made offline")).toEqual(before);
    expect(new Set(savedIds.map(([, id]) => id)).size).toBe(savedIds.length);
  });
});

describe("The add-on after a save and a load (dist/Code.js)", () => {
  it("a second summary does not format History's Score column again (its record names History's ID)", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-12" });
    callAddon(wb, "generateWeeklySummary", { at: "2026-01-12" });
    const history = spreadsheetOf(wb).getSheetByName("History")!.getSheetId();
    // The CLI saves and opens again between commands: the same workbook, through a snapshot.
    const copy = workbookFromSnapshot("/nonexistent/copy.xlsx", wb.services.toSnapshot(), { at: "2026-01-12", user: "ops.lead@example.com" });
    expect(spreadsheetOf(copy).getSheetByName("History")!.getSheetId()).toBe(history);
    const second = (w: typeof wb) => {
      setToday(w, "2026-01-19");
      w.services.counters.reset();
      callAddon(w, "generateWeeklySummary", { at: "2026-01-19" });
      return w.services.counters.snapshot();
    };
    const kept = second(wb);
    const reloaded = second(copy);
    expect(reloaded.cellsFormatted).toBe(kept.cellsFormatted);
    expect(reloaded.byMethod["Range.setNumberFormat"] ?? 0).toBe(kept.byMethod["Range.setNumberFormat"] ?? 0);
  });
});

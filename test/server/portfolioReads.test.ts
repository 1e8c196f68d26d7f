// How "Refresh portfolio" reads a team tracker, through the built add-on: in bounded reads placed by the
// Settings computed cells, whose size follows the team's OKRs and not its check-in log or the blank rows
// of its grid; and, for a tracker those cells cannot place (set up before them, a blank row between KRs)
// or a company tracker without them, in today's whole reads, with the same roll-up.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot, type WorkbookSnapshot } from "../../src/local/snapshot";
import { callAddon, workbookFromSnapshot } from "../../src/local/runtime";
import type { CounterSnapshot } from "../../src/local/sheets/counters";
import type { OtherWorkbook } from "../../src/local/sheets/workbooks";
import { newTracker, requestId, ss } from "../support/tracker";
import { copyHeaderTo } from "../support/inUse";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const AT = "2026-02-12"; // Thursday of week 6

/** A copy of a snapshot changed through the offline spreadsheet, as a user's edits would change it. */
function edit(snap: WorkbookSnapshot, change: (s: Spreadsheet) => void): WorkbookSnapshot {
  const wb = workbookFromSnapshot("/nonexistent/t.xlsx", snap, { at: AT });
  change(ss(wb));
  return wb.services.toSnapshot();
}

/** Clears the Settings rows a tracker set up before the computed cells existed does not have. */
function withoutComputedCells(s: Spreadsheet): void {
  const sheet = s.getSheetByName("Settings")!;
  sheet.getRange("A1:A40").getValues().forEach((r, i) => {
    if (String(r[0]).endsWith("(computed)")) sheet.getRange(i + 1, 1, 1, 3).clearContent();
  });
}

let teamSnap: WorkbookSnapshot | null = null;
/** A team tracker (the operations template) with objectives aligned to CO1/CO2 and two check-ins. */
function team(): WorkbookSnapshot {
  if (teamSnap) return teamSnap;
  const wb = newTracker({ snapshot: { ...emptySnapshot("team"), id: "team" } });
  const obj = ss(wb).getSheetByName("Objectives")!;
  obj.getRange("E2:E4").setValues([["CO1"], ["CO2"], ["CO1"]]);
  wb.services.clock.set(new Date("2026-02-10T12:00:00Z"));
  for (const [krId, value] of [["O1.KR1", "95"], ["O2.KR1", "3"]]) {
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: "7" });
    if (!r.ok) throw new Error(r.message);
  }
  return (teamSnap = wb.services.toSnapshot());
}

let companySnap: WorkbookSnapshot | null = null;
function company(): WorkbookSnapshot {
  if (companySnap) return companySnap;
  const wb = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } });
  ss(wb).getSheetByName("Objectives")!.getRange("A2:A3").setValues([["CO1"], ["CO2"]]);
  return (companySnap = wb.services.toSnapshot());
}

/** Refreshes a company tracker listing these team trackers (by ID); the roll-up tabs and what it cost. */
function refresh(teams: WorkbookSnapshot[], companyTracker = company()): { values: unknown[][]; history: unknown[][]; counts: CounterSnapshot } {
  const registry = new Map<string, OtherWorkbook>(teams.map((t, i) => [`team-${i + 1}`, { ...t, id: `team-${i + 1}` }]));
  const wb = workbookFromSnapshot("/nonexistent/company.xlsx", companyTracker, { at: AT, user: "ops.lead@example.com", workbooks: (ref) => registry.get(ref) });
  const portfolio = ss(wb).insertSheet("Portfolio");
  const list = [["Tracker", "Team", "Weight", "Notes"], ...teams.map((_, i) => [`team-${i + 1}`, `Team ${i + 1}`, "", ""])];
  portfolio.getRange(1, 1, list.length, 4).setValues(list);
  wb.services.counters.reset();
  const r = callAddon(wb, "refreshPortfolio", { at: AT });
  expect(r.ok, r.message).toBe(true);
  const counts = wb.services.counters.snapshot();
  const tab = (name: string) => ss(wb).getSheetByName(name)!.getDataRange().getValues();
  return { values: tab("Portfolio Roll-up"), history: tab("Portfolio History"), counts };
}

/** The Read column of the roll-up's team rows. */
function readColumn(values: unknown[][]): unknown[] {
  const h = values.findIndex((r) => r[0] === "Team" && r[2] === "Read");
  const out: unknown[] = [];
  for (const r of values.slice(h + 1)) {
    if (r[0] === "") break;
    out.push(r[2]);
  }
  return out;
}

describe("Refresh portfolio reads each team tracker with bounded reads", () => {
  it("reads a team in 9 calls (11 when it checked in this period: its log's last rows) whose cells do not grow with its check-in log or its blank grid rows", () => {
    const one = refresh([team()]);
    expect(readColumn(one.values)).toEqual(["Yes"]);
    // The same team with 2,000 more log rows (older check-ins, a week before its period's: since session 19 the
    // log's last rows are read for this period's blockers), and 4,000-row grids on each tab (a snapshot keeps a
    // grid's size as its number of rows, so blank rows are added to it).
    const logged = edit(team(), (s) => {
      const log = s.getSheetByName("Check-ins")!;
      const row = log.getRange(2, 1, 1, 10).getValues()[0];
      const older = [new Date("2026-02-03T12:00:00Z"), ...row.slice(1)];
      log.insertRowsBefore(2, 2000);
      log.getRange(2, 1, 2000, 10).setValues(Array.from({ length: 2000 }, () => older));
    });
    const grown: WorkbookSnapshot = { ...logged, sheets: logged.sheets.map((t) => ({ ...t, rows: t.rows.concat(Array.from({ length: 4000 - t.rows.length }, () => [])) })) };
    const opened = ss(workbookFromSnapshot("/nonexistent/t.xlsx", grown, { at: AT }));
    expect(["Objectives", "Key Results", "Check-ins"].map((t) => opened.getSheetByName(t)!.getMaxRows())).toEqual([4000, 4000, 4000]);
    expect(opened.getSheetByName("Check-ins")!.getDataRange().getNumRows()).toBe(2003);
    const big = refresh([grown]);
    expect(big.values).toEqual(one.values);
    // The log's last rows: one per KR checked in this period (2) and 20 of slack, its 10 columns; the 2-row log
    // of `one` is read whole in them. Not the 2,000 rows before.
    expect(big.counts.cellsRead - one.counts.cellsRead).toBe(20 * 10);
    expect(big.counts.serviceCalls).toBe(one.counts.serviceCalls);

    // What one more team tracker costs: opened, its time zone once, Settings and the Key Results rows
    // (a getRange each), Objectives as its data range; a few hundred cells (Settings A1:C40 is 120). And, since
    // session 19, its log's last rows for this period's blockers (a getRange and its values): it checked in.
    const two = refresh([team(), team()]);
    const more: Record<string, number> = {};
    for (const [m, n] of Object.entries(two.counts.byMethod)) if (n !== (one.counts.byMethod[m] ?? 0)) more[m] = n - (one.counts.byMethod[m] ?? 0);
    expect(more).toEqual({
      "SpreadsheetApp.openById": 1,
      "Spreadsheet.getSpreadsheetTimeZone": 1,
      "Spreadsheet.getRange": 3,
      "Range.getValues": 4,
      "Spreadsheet.getSheetByName": 1,
      "Sheet.getDataRange": 1,
    });
    expect(two.counts.cellsRead - one.counts.cellsRead).toBeLessThan(1000);
    // The company tracker's time zone is asked once too.
    expect(one.counts.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(2);
  });

  it("reads a tracker without the computed cells, or with a blank row between KRs, whole: the same roll-up", () => {
    const one = refresh([team()]);
    const older = refresh([edit(team(), withoutComputedCells)]);
    expect(older.values).toEqual(one.values);
    expect(older.history).toEqual(one.history);
    // Key Results as whole columns A:Z of its 1,000-row grid, as before the bounded reads.
    expect(older.counts.cellsRead - one.counts.cellsRead).toBeGreaterThan(26 * 900);

    const gap = refresh([edit(team(), (s) => s.getSheetByName("Key Results")!.insertRowsAfter(4, 1))]);
    expect(gap.values).toEqual(one.values);
    expect(gap.counts.cellsRead - one.counts.cellsRead).toBeGreaterThan(26 * 900);

    // A company tracker set up before the computed cells rolls up the same way.
    const oldCompany = refresh([team()], edit(company(), withoutComputedCells));
    expect(oldCompany.values).toEqual(one.values);
  });

  it("a team whose Key Results header rows inserted above pushed to row 41 is read as before, where its Settings place it", () => {
    const one = refresh([team()]);
    const pushed = (s: Spreadsheet) => s.getSheetByName("Key Results")!.insertRowsBefore(1, 40);
    // Placed by the computed cells: the same bounded reads (it was "Its tracker needs fixing: … row 41 …").
    const moved = refresh([edit(team(), pushed)]);
    expect(readColumn(moved.values)).toEqual(["Yes"]);
    expect(moved.values).toEqual(one.values);
    expect(moved.history).toEqual(one.history);
    expect(moved.counts.serviceCalls).toBe(one.counts.serviceCalls);
    // A note typed above the header makes the ID count disagree: the whole read, with the header still where Settings place it.
    const noted = refresh([edit(team(), (s) => (pushed(s), s.getSheetByName("Key Results")!.getRange("A1").setValue("Q1 plan")))]);
    expect(noted.values).toEqual(one.values);
    expect(noted.counts.cellsRead - one.counts.cellsRead).toBeGreaterThan(26 * 900);
  });

  it("a team whose Key Results header was copied to row 41 (Settings no longer place it) is named with the row, as its add-on says", () => {
    const copied = edit(team(), (s) => copyHeaderTo(s.getSheetByName("Key Results")!, 41));
    expect(readColumn(refresh([copied]).values)).toEqual([
      'Its tracker needs fixing: The "Key Results" tab\'s header row is row 41; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.',
    ]);
  });

  it("a team, and the company tracker, whose Objectives header rows inserted above pushed to row 36 roll up as before, where their Settings place it", () => {
    const one = refresh([team()]);
    const pushed = (s: Spreadsheet) => s.getSheetByName("Objectives")!.insertRowsBefore(1, 35);
    // It was "Its tracker needs fixing: The "Objectives" tab's header row is row 36; …".
    const moved = refresh([edit(team(), pushed)]);
    expect(readColumn(moved.values)).toEqual(["Yes"]);
    expect(moved.values).toEqual(one.values);
    expect(moved.history).toEqual(one.history);
    expect(moved.counts.serviceCalls).toBe(one.counts.serviceCalls);
    // The company tracker's own Objectives (its company objectives) are read the same way.
    const company2 = refresh([team()], edit(company(), pushed));
    expect(company2.values).toEqual(one.values);
    expect(company2.counts.serviceCalls).toBe(one.counts.serviceCalls);
    // Copied there instead (Settings no longer place it): named with its row, as the team's add-on says.
    const copied = edit(team(), (s) => copyHeaderTo(s.getSheetByName("Objectives")!, 36));
    expect(readColumn(refresh([copied]).values)).toEqual([
      'Its tracker needs fixing: The "Objectives" tab\'s header row is row 36; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.',
    ]);
  });

  it("a team whose tabs are renamed or damaged gets the same message as before", () => {
    const renamed = edit(team(), (s) => s.getSheetByName("Key Results")!.setName("KRs"));
    const noObjectives = edit(team(), (s) => s.getSheetByName("Objectives")!.setName("Goals"));
    const lostColumn = edit(team(), (s) => s.getSheetByName("Key Results")!.getRange("J1").setValue("Now"));
    const badSettings = edit(team(), (s) => {
      const sheet = s.getSheetByName("Settings")!;
      const row = sheet.getRange("A1:A40").getValues().findIndex((r) => r[0] === "Length in weeks");
      sheet.getRange(row + 1, 2).setValue(0);
    });
    const r = refresh([renamed, noObjectives, lostColumn, badSettings]);
    expect(readColumn(r.values)).toEqual([
      // Since session 18 the team's fix (its Settings are a tracker's), not "Not an okr-sheets tracker" (portfolioRenamedTab.test.ts).
      'Its tracker needs fixing: its "Key Results" tab is missing (renamed or deleted?): name it back "Key Results" in that tracker, or choose "Repair tracker" there, which names a renamed one back.',
      'Its tracker needs fixing: its "Objectives" tab is missing (renamed or deleted?): name it back "Objectives" in that tracker, or choose "Repair tracker" there, which names a renamed one back.',
      // A column renamed: named as the team's own check-ins and Repair name it (test/server/repairRenamedColumn.test.ts).
      'Its tracker needs fixing: Key Results has no "Current" column but has "Now": rename it back, or, if it is yours, add a column "Current".',
      'Its Settings need fixing: Length in weeks must be a whole number from 1 to 52; it is "0".',
    ]);
  });
});

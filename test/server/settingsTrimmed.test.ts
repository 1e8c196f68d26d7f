// A team tidying the Settings tab may delete its blank rows below the computed ones (22 rows left of 1000).
// Apps Script refuses a range beyond a tab's grid ("Range not found"; modelled offline), and every operation
// read Settings as A1:C40: until session 15 the sidebar, check-ins, the summary and the review failed
// "Something went wrong: Range not found", and Repair and closing failed writing a row below the tab's end.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import type { Workbook } from "../../src/local/runtime";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver, teamsTable } from "../support/portfolioCompany";

const ADMIN = "ops.lead@example.com";

/** The template tracker with Settings cut to its last row in use. */
function trimmed(): { wb: Workbook; rows: number } {
  const wb = newTracker({ user: ADMIN, start: "2026-01-05", at: "2026-01-06" });
  const sheet = ss(wb).getSheetByName("Settings")!;
  const rows = sheet.getLastRow();
  sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  expect(sheet.getMaxRows()).toBeLessThan(40);
  return { wb, rows };
}

const settings = (wb: Workbook) => ss(wb).getSheetByName("Settings")!;

describe("a Settings tab whose blank rows were deleted", () => {
  it("still serves the sidebar, a check-in, the weekly summary and the mid-cycle review", () => {
    const { wb } = trimmed();
    expect(callAddon(wb, "getSidebarData", {}).ok).toBe(true);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "84", confidence: 5 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(1);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-06" }).ok).toBe(true);
    setToday(wb, "2026-02-16");
    expect(callAddon(wb, "createMidCycleReview", {}).ok).toBe(true);
  });

  it("has a deleted setting put back by Repair, the tab grown to hold it", () => {
    const { wb } = trimmed();
    const labels = settings(wb).getDataRange().getValues().map((r) => r[0]);
    settings(wb).deleteRow(labels.indexOf("Leaders' emails") + 1);
    const r = callAddon(wb, "repairTracker", {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.restored).toContain("Settings: Leaders' emails");
    expect(settings(wb).getDataRange().getValues().map((x) => x[0])).toContain("Leaders' emails");
    expect(callAddon(wb, "getSidebarData", {}).ok).toBe(true);
  });

  it("records the close of the cycle below its last row", () => {
    const { wb, rows } = trimmed();
    setToday(wb, "2026-04-10");
    const r = callAddon(wb, "endCycle", {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/could not be recorded/);
    expect(settings(wb).getMaxRows()).toBe(rows + 1);
    expect(settings(wb).getRange(rows + 1, 1).getValue()).toBe("Cycle closed as of (set by closing)");
  });

  // Read since session 15 as far as the tab goes (read.ts readSettingsValues), but written as A:C: Repair,
  // which the answers send the user to, failed "Something went wrong: The coordinates of the range are outside
  // the dimensions of the sheet", and closing made the Retrospective, then failed "Range not found".
  it("with its Notes column deleted, is repaired, and records the close of the cycle", () => {
    const wb = newTracker({ user: ADMIN, start: "2026-01-05", at: "2026-01-06" });
    settings(wb).deleteColumns(3, settings(wb).getMaxColumns() - 2);
    const repaired = callAddon(wb, "repairTracker", {});
    expect(repaired.ok, JSON.stringify(repaired)).toBe(true);
    expect(settings(wb).getMaxColumns()).toBe(3);
    settings(wb).deleteColumns(3, settings(wb).getMaxColumns() - 2);
    setToday(wb, "2026-04-10");
    const r = callAddon(wb, "endCycle", {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/could not be recorded/);
    const labels = settings(wb).getDataRange().getValues().map((x) => x[0]);
    expect(labels).toContain("Cycle closed as of (set by closing)");
  });

  // The tab's size is asked where Repair reads it (setupTabs.ts withinGrid, a call each when A1:C40 is refused)
  // and nowhere else: that read says how far the grid goes within A1:C40, where every row written is, so the
  // write grows it from there (settingsRoom.ts growSettingsFor). Before session 16 Repair asked getMaxRows
  // again before writing below the rows in use, and getMaxColumns again before writing A:C.
  it("is grown by Repair from the size its read found, without asking it again", () => {
    const sizeAsked = (trim: (sheet: ReturnType<typeof settings>) => void) => {
      const wb = newTracker({ user: ADMIN, start: "2026-01-05", at: "2026-01-06" });
      const labels = settings(wb).getDataRange().getValues().map((r) => r[0]);
      settings(wb).deleteRow(labels.indexOf("Leaders' emails") + 1);
      trim(settings(wb));
      wb.services.counters.reset();
      const r = callAddon(wb, "repairTracker", {});
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(r.restored).toContain("Settings: Leaders' emails");
      expect(settings(wb).getDataRange().getValues().map((x) => x[0])).toContain("Leaders' emails");
      const m = wb.services.counters.byMethod;
      return { rows: m["Sheet.getMaxRows"] ?? 0, columns: m["Sheet.getMaxColumns"] ?? 0 };
    };
    const whole = sizeAsked(() => undefined);
    const cutRows = (sheet: ReturnType<typeof settings>) => sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
    const cutNotes = (sheet: ReturnType<typeof settings>) => sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
    const read = { rows: whole.rows + 1, columns: whole.columns + 1 };
    expect(sizeAsked(cutRows)).toEqual(read);
    expect(sizeAsked(cutNotes)).toEqual(read);
    expect(
      sizeAsked((sheet) => {
        cutRows(sheet);
        cutNotes(sheet);
      }),
    ).toEqual(read);
  });

  // The team's own operations read it as far as it goes; the company's roll-up read A1:C40, then 40 rows of A:C.
  it("trimmed to its rows and its Notes column deleted, a team's is read by the company's roll-up", () => {
    const [base, team] = trackers(2);
    const sheet = settings(team);
    sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
    sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
    const company = companyOver(base, { Team: team });
    company.services.clock.set(new Date("2026-01-12T07:00:00Z"));
    // Before: "Could not be read: The coordinates of the range are outside the dimensions of the sheet."
    expect(fireTrigger(company, refreshTriggersOf(company)[0]).outcome.portfolio).toMatchObject({ read: 1, unreadable: [] });
    expect(teamsTable(company)[0]).toMatchObject({ Team: "Team", Read: "Yes", Week: "1 of 13" });
  });
});

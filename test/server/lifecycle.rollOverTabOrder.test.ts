// Where a roll over leaves the tabs: the new cycle's working tabs first, the finished cycle's archives after
// them, older archives last, and the person on Key Results (src/server/archiveOrder.ts). Through the built
// add-on (dist/Code.js). Until session 20 the archives stayed where the tabs were: the archived
// Retrospective (made after whichever tab was active when closing) came first, before the new Settings.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, setToday, ss } from "../support/tracker";
import { closedTracker, IN_USE_TODAY, NEXT_CYCLE, trackerInUse } from "../support/inUse";
import { unpub } from "../../src/local/sheets/counters";
import type { Workbook } from "../../src/local/runtime";

const WORKING = ["Settings", "Objectives", "Key Results", "Check-ins", "History"];
const ARCHIVES = ["Order-to-delivery · Objectives", "Order-to-delivery · Key Results", "Order-to-delivery p · Check-ins", "Order-to-delivery pil · History", "Order-to-delive · Retrospective"];
const REVIEW = "Order-to-del · Mid-cycle Review";

const names = (wb: Workbook) => ss(wb).getSheets().map((s) => s.getName());
const active = (wb: Workbook) => ss(wb).getActiveSheet().getName();

/** A tracker in use reviewed and closed while other tabs were in view, so both reports sit among the cycle's tabs. */
function reviewedAndClosed(): Workbook {
  const wb = trackerInUse();
  ss(wb).setActiveSheet(ss(wb).getSheetByName("Objectives")!);
  expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
  ss(wb).setActiveSheet(ss(wb).getSheetByName("Weekly Summary")!);
  expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
  setToday(wb, NEXT_CYCLE);
  return wb;
}

function rollOver(wb: Workbook, start = NEXT_CYCLE) {
  wb.services.counters.reset();
  expect(callAddon(wb, "rollOverCycle", { start }).ok).toBe(true);
  return wb.services.counters.snapshot();
}

describe("Roll over: tab order", () => {
  it("the new cycle's tabs first, then the archives in the tracker's order, Retrospective and Review last; Key Results active", () => {
    const wb = reviewedAndClosed();
    expect(names(wb).indexOf("Retrospective")).toBeLessThan(names(wb).indexOf("Settings"));
    const counts = rollOver(wb);
    expect(names(wb)).toEqual([...WORKING, ...ARCHIVES, REVIEW]);
    expect(active(wb)).toBe("Key Results");
    // Two moves (the Retrospective and the Review; the table archives are in order already), Settings made
    // active, and one look at where Objectives landed; Settings is no longer asked for by name.
    expect(counts.byMethod["Spreadsheet.moveActiveSheet"]).toBe(2);
    expect(counts.byMethod["Sheet.getIndex"]).toBeGreaterThanOrEqual(1);
  });

  it("the closed tracker of the other roll over tests: one move (371 → 374 calls: lifecycle.calls.test.ts)", () => {
    const wb = closedTracker();
    const counts = rollOver(wb);
    expect(names(wb)).toEqual([...WORKING, ...ARCHIVES]);
    expect(active(wb)).toBe("Key Results");
    expect(counts.byMethod["Spreadsheet.moveActiveSheet"]).toBe(1);
    expect(counts.byMethod["Spreadsheet.setActiveSheet"]).toBe(2); // the Retrospective's archive, then Settings
  });

  it("a tab of the team's stays with the working tabs; a second roll over puts its archives before the first's", () => {
    const wb = closedTracker();
    ss(wb).insertSheet("Team notes", ss(wb).getSheets().length);
    const first = rollOver(wb);
    expect(names(wb)).toEqual([...WORKING, "Team notes", ...ARCHIVES]);
    // Two moves: the team's tab to before the archives, the archived Retrospective last (moving the four
    // table archives past the team's tab instead would take four).
    expect(first.byMethod["Spreadsheet.moveActiveSheet"]).toBe(2);
    setToday(wb, "2026-07-06");
    expect(callAddon(wb, "endCycle", { at: "2026-07-05" }).ok).toBe(true);
    const secondCost = rollOver(wb, "2026-07-06");
    // The team's tab again (the new tabs came after Settings, before it), and the Retrospective, made after Key Results.
    expect(secondCost.byMethod["Spreadsheet.moveActiveSheet"]).toBe(2);
    // The second cycle's archives, named apart from the first's (" (2)": its name cut to fit 31 characters).
    const second = ["Order-to-deliv · Objectives (2)", "Order-to-deli · Key Results (2)", "Order-to-delive · Check-ins (2)", "Order-to-delivery · History (2)", "Order-to-de · Retrospective (2)"];
    expect(names(wb)).toEqual([...WORKING, "Team notes", ...second, ...ARCHIVES]);
    expect(active(wb)).toBe("Key Results");
  });

  it("when insertSheet puts new tabs last (the other reading of Google's reference), the order and active tab are the same", () => {
    const wb = reviewedAndClosed();
    unpub(ss(wb) as never as { _book: { newTabPlacement: string } })._book.newTabPlacement = "end";
    rollOver(wb);
    expect(names(wb)).toEqual([...WORKING, ...ARCHIVES, REVIEW]);
    expect(active(wb)).toBe("Key Results");
  });
});

// Repair over a tab whose header rows inserted above have pushed below row 30 (where the add-on looks for
// it), where nothing says the header is there: Objectives and History (no Settings computed cell follows
// them), and a Key Results or Check-ins header moved by copying (the computed cells then no longer place it;
// one they place is repaired around: repairHeaderPlaced.test.ts). Repair must not write a second header at
// row 1 over the tab's rows; it refuses, names the header's row and says to delete rows above it, and
// changes no cell of any tab.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, newTracker, requestId, setToday, ss } from "../support/tracker";
import type { Workbook } from "../../src/local/runtime";

const TODAY = "2026-01-20";

/** A tracker in use: two check-ins and one summary, so History and the log hold rows. */
function inUse(): Workbook {
  const wb = newTracker({ template: "operations", start: "2026-01-05", user: "ops.lead@example.com" });
  setToday(wb, TODAY);
  for (const [kr, v] of [["O1.KR1", "85"], ["O2.KR1", "5"]] as const) {
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr, value: v, confidence: 6 }).ok).toBe(true);
  }
  expect(callAddon(wb, "generateWeeklySummary", { at: TODAY }).ok).toBe(true);
  return wb;
}

/** Every tab's values and formulas, and the tabs' names: JSON-comparable. */
function everything(wb: Workbook): string {
  return JSON.stringify(
    ss(wb).getSheets().map((s) => {
      const r = s.getDataRange();
      return [s.getName(), s.getMaxRows(), r.getValues(), r.getFormulas()];
    }),
  );
}

describe("Repair over a header below row 30", () => {
  for (const tab of ["History", "Objectives"]) {
    it(`"${tab}" with 40 rows inserted above its header: Repair refuses, names row 41, and changes nothing`, () => {
      const wb = inUse();
      const sheet = ss(wb).getSheetByName(tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      sheet.insertRowsBefore(1, 40);
      const before = everything(wb);
      const r = callAddonRaw(wb, "repairTracker");
      expect(r.ok).toBe(false);
      expect(r.message).toBe(
        `The "${tab}" tab's header row is row 41; the add-on looks for it in the first 30 rows only. ` +
          "Delete rows above it so that it is in row 30 or above. Nothing was changed.",
      );
      expect(everything(wb)).toBe(before);
      // Deleting the rows, as the message says, is all it takes: Repair then has nothing to restore in that tab.
      sheet.deleteRows(1, 40);
      const again = callAddon(wb, "repairTracker");
      expect(again.ok).toBe(true);
      expect(again.restored.filter((x: string) => x.indexOf(tab) >= 0)).toEqual([]);
    });
  }

  for (const tab of ["Check-ins", "Key Results"]) {
    it(`"${tab}" with its header copied to row 41 and row 1 cleared (the Settings computed cells no longer place it): Repair refuses and changes nothing`, () => {
      const wb = inUse();
      const sheet = ss(wb).getSheetByName(tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      const width = sheet.getLastColumn();
      sheet.getRange(41, 1, 1, width).setValues(sheet.getRange(1, 1, 1, width).getValues());
      sheet.getRange(1, 1, 1, width).clearContent();
      const before = everything(wb);
      const r = callAddonRaw(wb, "repairTracker");
      expect(r.ok).toBe(false);
      expect(r.message).toBe(
        `The "${tab}" tab's header row is row 41; the add-on looks for it in the first 30 rows only. ` +
          "Delete rows above it so that it is in row 30 or above. Nothing was changed.",
      );
      expect(everything(wb)).toBe(before);
    });
  }

  it("two tabs with their header below row 30: one message names both", () => {
    const wb = inUse();
    ss(wb).getSheetByName("History")?.insertRowsBefore(1, 40);
    ss(wb).getSheetByName("Objectives")?.insertRowsBefore(1, 35);
    const before = everything(wb);
    const r = callAddonRaw(wb, "repairTracker");
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^The "Objectives" tab's header row is row 36;.* The "History" tab's header row is row 41;.* Nothing was changed\.$/);
    expect(r.message).not.toMatch(/\n/);
    expect(everything(wb)).toBe(before);
  });

  it("History with a note typed above its header, now at row 41: still named, not called a foreign tab", () => {
    const wb = inUse();
    const h = ss(wb).getSheetByName("History");
    if (!h) throw new Error("no History");
    h.insertRowsBefore(1, 40);
    h.getRange(1, 1).setValue("Summaries of the quarter");
    const before = everything(wb);
    const r = callAddonRaw(wb, "repairTracker");
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^The "History" tab's header row is row 41; .*Nothing was changed\.$/);
    expect(everything(wb)).toBe(before);
  });

  it("an emptied History still gets its header back at row 1", () => {
    const wb = inUse();
    const h = ss(wb).getSheetByName("History");
    if (!h) throw new Error("no History");
    h.getDataRange().clearContent();
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored).toContain("History: header row");
    expect(h.getRange(1, 1, 1, 6).getValues()[0]).toEqual(["Week", "As of", "KR ID", "Value", "Score", "Status"]);
  });
});

// Repair over a tab whose header is below row 30 (where the add-on looks for it) where nothing says the
// header is there: a header moved by copying (the Settings computed cells then no longer place it; one they
// place, rows inserted above it, is repaired around: repairHeaderPlaced.test.ts, objHistoryBelowRow30.test.ts),
// or rows inserted above the Objectives or History header of a tracker set up before their computed cells.
// Repair must not write a second header at row 1 over the tab's rows; it refuses, names the header's row
// and says to delete rows above it, and changes no cell of any tab.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw } from "../support/tracker";
import { copyHeaderTo as copyTo, everything, tab, trackerInUse as inUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** Repair's refusal: not ok, one line, and no tab changed; its message. */
function refused(wb: Workbook): string {
  const before = everything(wb);
  const r = callAddonRaw(wb, "repairTracker");
  expect(r.ok).toBe(false);
  expect(r.message).not.toMatch(/\n/);
  expect(everything(wb)).toBe(before);
  return r.message;
}

/** The refusal's message for one tab whose header is at row 41. */
const AT_41 = (tab: string) =>
  `The "${tab}" tab's header row is row 41; the add-on looks for it in the first 30 rows only. ` +
  "Delete rows above it so that it is in row 30 or above. Nothing was changed.";

/** Clears the Settings computed rows placing the Objectives and History headers, as a tracker set up before them. */
function withoutObjHistoryCells(wb: Workbook): void {
  const settings = tab(wb, "Settings");
  settings.getRange("A1:A40").getValues().forEach((r, i) => {
    if (/^(Objective|History) header row \(computed\)$/.test(String(r[0]))) settings.getRange(i + 1, 1, 1, 3).clearContent();
  });
}

/** Copies a tab's header to row `row` and clears row 1: the computed cells no longer place it. */
const copyHeaderTo = (wb: Workbook, name: string, row: number) => copyTo(tab(wb, name), row);

describe("Repair over a header below row 30", () => {
  for (const name of ["History", "Objectives"]) {
    it(`"${name}" with 40 rows inserted above its header, on a tracker set up before its computed cell: Repair refuses, names row 41, and changes nothing`, () => {
      const wb = inUse();
      withoutObjHistoryCells(wb);
      const sheet = tab(wb, name);
      sheet.insertRowsBefore(1, 40);
      expect(refused(wb)).toBe(AT_41(name));
      // Deleting the rows, as the message says, is all it takes: Repair then has nothing to restore in that tab.
      sheet.deleteRows(1, 40);
      const again = callAddon(wb, "repairTracker");
      expect(again.ok).toBe(true);
      // (The Settings computed row it lacked is added: "Settings: History header row (computed)".)
      expect(again.restored.filter((x: string) => x.startsWith(`${name}:`))).toEqual([]);
    });
  }

  for (const name of ["Objectives", "Check-ins", "Key Results", "History"]) {
    it(`"${name}" with its header copied to row 41 and row 1 cleared (the Settings computed cells no longer place it): Repair refuses and changes nothing`, () => {
      const wb = inUse();
      copyHeaderTo(wb, name, 41);
      expect(refused(wb)).toBe(AT_41(name));
    });
  }

  it("two tabs with their header below row 30: one message names both", () => {
    const wb = inUse();
    copyHeaderTo(wb, "History", 41);
    copyHeaderTo(wb, "Objectives", 36);
    expect(refused(wb)).toMatch(/^The "Objectives" tab's header row is row 36;.* The "History" tab's header row is row 41;.* Nothing was changed\.$/);
  });

  it("History with a note typed above its header, now at row 41: still named, not called a foreign tab", () => {
    const wb = inUse();
    copyHeaderTo(wb, "History", 41);
    tab(wb, "History").getRange(1, 1).setValue("Summaries of the quarter");
    expect(refused(wb)).toMatch(/^The "History" tab's header row is row 41; .*Nothing was changed\.$/);
  });

  it("an emptied History still gets its header back at row 1", () => {
    const wb = inUse();
    const h = tab(wb, "History");
    h.getDataRange().clearContent();
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored).toContain("History: header row");
    expect(h.getRange(1, 1, 1, 6).getValues()[0]).toEqual(["Week", "As of", "KR ID", "Value", "Score", "Status"]);
  });
});

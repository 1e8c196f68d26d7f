// The report tabs under the other reading of getSheetByName: exact names only (docs/apps-script-fidelity.md,
// "to check" 27; the offline spreadsheet's option `exactSheetNames`). Tab names are unique whatever their
// case either way, so under that reading a report looking its tab up by name found none beside a tab named
// "WEEKLY SUMMARY" and then failed to insert its own: "Something went wrong: A sheet with the name "Weekly
// Summary" already exists." It now finds its tab whatever its case under both readings (server/sheetNamed.ts),
// and Repair gives a tracker tab renamed in capitals its name back.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, setToday, ss } from "../support/tracker";
import { IN_USE_TODAY, tab, trackerInUse } from "../support/inUse";
import { workbookFromSnapshot, type Workbook } from "../../src/local/runtime";

/** The same tracker opened again with getSheetByName matching exact names only. */
function exactly(wb: Workbook): Workbook {
  const again = workbookFromSnapshot(wb.file, wb.services.toSnapshot(), { ...wb.options, at: IN_USE_TODAY, exactSheetNames: true });
  expect(ss(again).getSheetByName("weekly summary")).toBeNull();
  return again;
}

const names = (wb: Workbook) => ss(wb).getSheets().map((s) => s.getName());
const tabs = (wb: Workbook) => JSON.stringify(wb.services.toSnapshot().sheets);

describe("the report tabs when getSheetByName matches exact names only", () => {
  it("the weekly summary beside someone's own \"WEEKLY SUMMARY\": refused in one line naming it, nothing changed", () => {
    const base = trackerInUse();
    ss(base).deleteSheet(tab(base, "Weekly Summary"));
    ss(base).insertSheet("WEEKLY SUMMARY").getRange("A1:B2").setValues([["Our notes", "Who"], ["Offsite agenda", "Ben"]]);
    const wb = exactly(base);
    const before = tabs(wb);
    const r = callAddonRaw(wb, "generateWeeklySummary", { at: IN_USE_TODAY });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'The "WEEKLY SUMMARY" tab (no "Weekly summary — …" title in A1) is not the tracker\'s, and the weekly summary would be written over it. ' +
        'Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.',
    );
    expect(tabs(wb)).toBe(before);
  });

  it("the mid-cycle review and the retrospective beside someone's own tabs of their names in capitals: refused in one line", () => {
    for (const [own, fn, report, item, lacks] of [
      ["MID-CYCLE REVIEW", "createMidCycleReview", "the mid-cycle review", "Mid-cycle review", 'no "Mid-cycle review — …" title in A1'],
      ["RETROSPECTIVE", "endCycle", "the retrospective", "End cycle & retrospective", 'no "Retrospective — …" title in A1 nor its header row'],
    ] as const) {
      const base = trackerInUse();
      ss(base).insertSheet(own).getRange("A1:B2").setValues([["Our notes", "Who"], ["Offsite agenda", "Ben"]]);
      const wb = exactly(base);
      const before = tabs(wb);
      const r = callAddonRaw(wb, fn, { at: IN_USE_TODAY });
      expect(r.message).toBe(`The "${own}" tab (${lacks}) is not the tracker's, and ${report} would be written over it. Rename it (its content is kept), then run "${item}" again. Nothing was changed.`);
      expect(tabs(wb)).toBe(before);
    }
  });

  it("the tracker's own Weekly Summary and Weekly Trend renamed in capitals are written again, not made twice", () => {
    const base = trackerInUse();
    tab(base, "Weekly Summary").setName("WEEKLY SUMMARY");
    tab(base, "Weekly Trend").setName("weekly trend");
    const wb = exactly(base);
    setToday(wb, "2026-01-26");
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    expect(names(wb).filter((n) => /weekly/i.test(n))).toEqual(["WEEKLY SUMMARY", "weekly trend"]);
    expect(String(ss(wb).getSheets()[0].getRange("A1").getValue())).toMatch(/^Weekly summary — /);
  });

  it("Repair renames a tracker tab renamed in capitals back, so that the summary finds it again (Repair failed on it)", () => {
    for (const name of ["Settings", "Objectives", "Key Results", "Check-ins", "History"]) {
      const base = trackerInUse();
      tab(base, name).setName(name.toUpperCase());
      const wb = exactly(base);
      // It failed: "Something went wrong: A sheet with the name "Key Results" already exists. …", and the
      // summary said the tab was missing and to use Repair.
      const r = callAddonRaw(wb, "repairTracker", {});
      expect(r.ok, name).toBe(true);
      expect(r.restored).toEqual([`Tab "${name.toUpperCase()}" renamed back to "${name}" (its rows are kept)`]);
      expect(names(wb)).toContain(name);
      expect(callAddonRaw(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).ok, name).toBe(true);
    }
  });
});

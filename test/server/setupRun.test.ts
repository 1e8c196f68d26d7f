// What setup hands its callers besides the report (src/server/setupTypes.ts SetupRun), run from the source on
// the offline spreadsheet: the Settings rows of ours it had no blank row in A1:C40 for. The roll over runs
// setup again on it once the close's row is freed; until leftovers-6 it matched the report's warning text for
// that, so a reworded warning would have silently stopped the new cycle's name or length being recorded.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { newTracker, ss } from "../support/tracker";
import { setUpTracker } from "../../src/server/setup";
import { SETTINGS_COMPUTED, SETTINGS_ROWS } from "../../src/core/tabs";
import type { Workbook } from "../../src/local/runtime";

const TODAY = "2026-01-20";

/** A1:C40 of Settings as the sheet holds them. */
const settings = (wb: Workbook) => ss(wb).getRange("Settings!A1:C40").getValues().map((r) => r.map(String));

/** The labels of our rows that A1:A40 does not hold. */
function absent(wb: Workbook): string[] {
  const there = new Set(settings(wb).map((r) => r[0]));
  return [...SETTINGS_ROWS, ...SETTINGS_COMPUTED].map((d) => d.label).filter((l) => !there.has(l));
}

/** Clears the rows of `labels`, then fills every blank row of A1:C40 but `leave` of them with a row of the user's. */
function crowd(wb: Workbook, labels: string[], leave = 0): void {
  for (const label of labels) {
    const at = settings(wb).findIndex((r) => r[0] === label) + 1;
    expect(at, label).toBeGreaterThan(1);
    ss(wb).getRange(`Settings!A${at}:C${at}`).clearContent();
  }
  const blank = settings(wb).map((r, i) => (i > 0 && r.every((c) => c === "") ? i + 1 : 0)).filter((r) => r > 0);
  for (const r of blank.slice(leave)) ss(wb).getRange(`Settings!A${r}:B${r}`).setValues([[`Link ${r}`, `url-${r}`]]);
}

/** Setup from the source with the services the built add-on sees as its globals (Utilities, …). */
function setUp(wb: Workbook) {
  Object.assign(globalThis, wb.services.globals);
  return wb.services.execution(() => setUpTracker(ss(wb), {}, TODAY, "Europe/Berlin"));
}

describe("setup's settingsNoRoom", () => {
  it("names the rows of ours it could not write, exactly those A1:C40 lacks after it, whatever the warning says", () => {
    const cases: [string[], number][] = [
      [["Cycle name"], 0],
      [["Length in weeks", SETTINGS_COMPUTED[0].label], 0],
      [["Cycle name", "Length in weeks"], 1],
      [["Cycle name"], 1],
      [[], 0],
    ];
    for (const [labels, leave] of cases) {
      const wb = newTracker({ template: "operations", start: "2026-01-05" });
      crowd(wb, labels, leave);
      const run = setUp(wb);
      const missing = absent(wb);
      expect([...run.settingsNoRoom].sort(), JSON.stringify([labels, leave])).toEqual(missing.sort());
      // The user is still told, in the report (the words are the report's own business).
      expect(run.report.warnings.some((w) => missing.every((l) => w.indexOf(l) >= 0)), JSON.stringify(run.report.warnings)).toBe(missing.length > 0);
      // Exactly what was cleared and found no room (not vacuous: the cases without room lack rows).
      expect(missing.length, JSON.stringify([labels, leave])).toBe(Math.max(0, labels.length - leave));
    }
  });

  it("is not part of the report the Set up and Repair replies spread", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05" });
    crowd(wb, ["Cycle name"]);
    const run = setUp(wb);
    expect(Object.keys(run.report).sort()).toEqual(["created", "ids", "restored", "updated", "warnings"]);
  });
});

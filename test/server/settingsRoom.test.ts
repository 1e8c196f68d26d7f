// Repair and the Settings tab's A1:C40, the only rows every operation reads, through the BUILT add-on (run
// `npm run build` first): a row Repair adds (the two computed rows an older tracker lacks) goes into a
// blank row there, never below row 40 where nothing reads it; with no blank row left it is not written and
// Repair says what to clear. And the user's edits of the computed rows: typed over, deleted, sorted.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../support/tracker";
import { checkIn, tab, trackerInUse } from "../support/inUse";
import { repairWrites, writesOf } from "../support/writes";
import type { Workbook } from "../../src/local/runtime";

const NEW_ROWS = ["Objective header row (computed)", "History header row (computed)"];

/** Column A of A1:C40: the labels every operation sees, by row (index 0 = row 1). */
function labels(wb: Workbook): string[] {
  return tab(wb, "Settings").getRange("A1:A40").getValues().map((r) => String(r[0]));
}

/** A tracker in use set up before the two computed rows: they are cleared away. */
function older(): Workbook {
  const wb = trackerInUse();
  const s = tab(wb, "Settings");
  for (const l of NEW_ROWS) s.getRange(labels(wb).indexOf(l) + 1, 1, 1, 3).clearContent();
  return wb;
}

/** A note of the user's in column A and B of each row given. */
function notes(wb: Workbook, rows: number[]): void {
  for (const r of rows) tab(wb, "Settings").getRange(r, 1, 1, 2).setValues([[`My note ${r}`, "keep me"]]);
}

/** Pushes the Objectives and History headers to row 36, where only the computed rows find them. */
function pushHeaders(wb: Workbook): void {
  tab(wb, "Objectives").insertRowsBefore(1, 35);
  tab(wb, "History").insertRowsBefore(1, 35);
}

describe("Repair adding the computed rows an older tracker lacks", () => {
  it("a note of the user's in row 40: they go into blank rows of A1:C40 (they went to rows 42-43, never read), so a header pushed below row 30 is found", () => {
    const wb = older();
    notes(wb, [40]);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored).toEqual(NEW_ROWS.map((l) => `Settings: ${l}`));
    // Right below the other computed rows (15-20), where they were cleared from.
    expect(NEW_ROWS.map((l) => labels(wb).indexOf(l) + 1)).toEqual([21, 22]);
    expect(tab(wb, "Settings").getRange("A40:B40").getValues()[0]).toEqual(["My note 40", "keep me"]);
    expect(tab(wb, "Settings").getLastRow()).toBe(40);
    expect(repairWrites(wb), "a second Repair").toEqual({});
    pushHeaders(wb);
    // It refused before: 'The "Objectives" tab's header row is row 36; … Delete rows above it …'.
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
  });

  it("the user's notes filling rows 21-40: the blank row between the settings and the computed rows takes one, and Repair says what to clear for the other", () => {
    const wb = older();
    notes(wb, Array.from({ length: 20 }, (_, i) => 21 + i));
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(labels(wb).indexOf(NEW_ROWS[0]) + 1).toBe(14);
    expect(labels(wb)).not.toContain(NEW_ROWS[1]);
    expect(tab(wb, "Settings").getLastRow()).toBe(40);
    expect(r.restored).toEqual([`Settings: ${NEW_ROWS[0]}`]);
    expect(r.warnings[0]).toBe(
      `Settings: no blank row left in A1:C40, where settings are read, for "History header row (computed)": clear a row there (your own rows there: 21–40; move what you need below row 40), then run Repair tracker again.`,
    );
    expect(repairWrites(wb), "a second Repair").toEqual({});
  });

  it("no blank row at all: nothing is written in Settings, Repair says in one line what to clear, and a second Repair neither grows the tab", () => {
    const wb = older();
    notes(wb, [14, ...Array.from({ length: 20 }, (_, i) => 21 + i)]);
    const settings = () => JSON.stringify(tab(wb, "Settings").getDataRange().getValues());
    const before = settings();
    for (const run of ["first", "second"]) {
      let r = {} as ReturnType<typeof callAddon>;
      // Nothing written anywhere (the tracker is otherwise healthy).
      expect(writesOf(wb, () => (r = callAddon(wb, "repairTracker"))), run).toEqual({});
      expect(r.ok, run).toBe(true);
      expect(settings(), run).toBe(before);
      expect(r.restored, run).toEqual([]);
      expect(r.warnings[0], run).toBe(
        `Settings: no blank row left in A1:C40, where settings are read, for "Objective header row (computed)" and "History header row (computed)": clear 2 rows there (your own rows there: 14, 21–40; move what you need below row 40), then run Repair tracker again.`,
      );
    }
    // The menu's Repair says it too, on a line of its own.
    callAddon(wb, "menuRepair");
    expect(wb.services.ui.alerts.at(-1)!.prompt).toContain(
      "\nSettings: no blank row left in A1:C40, where settings are read, for \"Objective header row (computed)\" and \"History header row (computed)\": clear 2 rows there",
    );
    // The tracker works without them, as before they existed (the headers looked for in the first 30 rows).
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
  });

  it("rows an earlier Repair put below row 40 are moved into A1:C40 (their formulas following the header) and cleared below", () => {
    const wb = older();
    notes(wb, [40]);
    const s = tab(wb, "Settings");
    s.getRange(42, 1, 2, 3).setValues(NEW_ROWS.map((l, i) => [l, `=ROW('${i ? "History" : "Objectives"}'!A1)`, "Computed by okr-sheets; do not edit."]));
    pushHeaders(wb); // their formulas now say A36
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored).toEqual(NEW_ROWS.map((l, i) => `Settings: ${l} moved from row ${42 + i} to row ${21 + i} (rows below 40 are not read)`));
    expect(s.getRange("B21:B22").getValues()).toEqual([[36], [36]]);
    expect(s.getLastRow()).toBe(40);
    expect(repairWrites(wb), "a second Repair").toEqual({});
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
  });

  it("a setting the user moved below row 40 is moved back into A1:C40 with its value", () => {
    const wb = trackerInUse();
    notes(wb, [40]);
    const s = tab(wb, "Settings");
    const at = labels(wb).indexOf("Cycle name") + 1;
    s.getRange(45, 1, 1, 3).setValues([["Cycle name", "Q3 pilot", "Shown on the summary."]]);
    s.getRange(at, 1, 1, 3).clearContent();
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    const now = labels(wb).indexOf("Cycle name") + 1;
    expect(now).toBeGreaterThan(0);
    expect(s.getRange(now, 2).getValue()).toBe("Q3 pilot");
    expect(r.restored).toEqual([`Settings: Cycle name moved from row 45 to row ${now} (rows below 40 are not read)`]);
    expect(s.getRange("A45:C45").getValues()[0]).toEqual(["", "", ""]);
  });
});

describe("the user's edits of the computed rows", () => {
  it("a note typed over a computed row's value or note: Repair writes the row back and says so", () => {
    const wb = trackerInUse();
    const s = tab(wb, "Settings");
    const row = labels(wb).indexOf("Key result header row (computed)") + 1;
    s.getRange(row, 3).setValue("my reminder");
    const r = callAddon(wb, "repairTracker");
    expect(r.restored).toEqual(["Settings: Key result header row (computed)"]);
    expect(s.getRange(row, 2).getFormula()).toBe("=ROW('Key Results'!A1)");
    expect(s.getRange(row, 3).getValue()).toBe("Computed by okr-sheets; do not edit.");
  });

  it("a computed row deleted (the rows below move up): Repair adds it back right below the others, once", () => {
    const wb = trackerInUse();
    const s = tab(wb, "Settings");
    s.deleteRow(labels(wb).indexOf("Check-in rows (computed)") + 1);
    const r = callAddon(wb, "repairTracker");
    expect(r.restored).toEqual(["Settings: Check-in rows (computed)"]);
    expect(labels(wb).indexOf("Check-in rows (computed)") + 1).toBe(22);
    expect(repairWrites(wb), "a second Repair").toEqual({});
    expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
  });

  it("a computed row deleted with notes of the user's below the computed rows: it goes right below the others, not under the notes", () => {
    const wb = trackerInUse();
    const s = tab(wb, "Settings");
    notes(wb, [24, 25]);
    s.deleteRow(labels(wb).indexOf("Check-in rows (computed)") + 1); // the notes move up to 23-24
    expect(callAddon(wb, "repairTracker").restored).toEqual(["Settings: Check-in rows (computed)"]);
    expect(labels(wb).indexOf("Check-in rows (computed)") + 1).toBe(22);
    expect(labels(wb).slice(22, 24)).toEqual(["My note 24", "My note 25"]);
    expect(repairWrites(wb), "a second Repair").toEqual({});
  });

  it("Settings sorted by label (as Data > Sort range does, formulas moving with their rows): every operation still works, and Repair only moves the named ranges and dropdowns", () => {
    const wb = trackerInUse();
    const s = tab(wb, "Settings");
    const box = s.getRange("A2:C40");
    const values = box.getValues();
    const formulas = box.getFormulas();
    const formats = box.getNumberFormats();
    const rows = values.map((r, i) => ({ cells: r.map((v, j) => formulas[i][j] || v), formats: formats[i] }));
    const blank = (r: unknown[]) => r.every((v) => v === "");
    rows.sort((a, b) => (blank(a.cells) ? 1 : 0) - (blank(b.cells) ? 1 : 0) || String(a.cells[0]).localeCompare(String(b.cells[0])));
    box.setValues(rows.map((r) => r.cells));
    box.setNumberFormats(rows.map((r) => r.formats));
    const c = checkIn(wb, "O1.KR1", "86");
    expect(c.message).toBeUndefined();
    expect(c.ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    // The sheet formulas' named ranges stayed on their cells (a sort moves values, not cells): Repair moves
    // them to the rows their settings now sit in, and the dropdowns (which this sort left behind), and
    // writes no value.
    const settings = JSON.stringify(s.getDataRange().getValues());
    expect(Object.keys(repairWrites(wb)).sort()).toEqual(["NamedRange.setRange", "Range.setDataValidations"]);
    expect(JSON.stringify(s.getDataRange().getValues())).toBe(settings);
    expect(repairWrites(wb), "a second Repair").toEqual({});
  });
});

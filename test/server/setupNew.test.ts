// Setting up a new tracker makes only what the tracker needs (issue 14: every call is paid for on Google),
// through the built add-on: the named ranges its formulas use and no others, one styled header row copied to
// the others, whole-tab protections without a description. A tracker set up before keeps what it has: its
// extra named ranges and described protections are healthy as they are, and Repair writes nothing over them.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites as repair, writesOf } from "../support/writes";
import { callAddon, newTracker, openTracker, rowsOf, sheetNamesAsked, ss } from "../support/tracker";
import { closedTracker, NEXT_CYCLE, PROTECTION } from "../support/inUse";
import { emptySnapshot } from "../../src/local/snapshot";
import { SETTINGS_COMPUTED, SETTINGS_ROWS, STATUS } from "../../src/core/tabs";
import type { Workbook } from "../../src/local/runtime";

const TABS = ["Settings", "Objectives", "Key Results", "Check-ins", "History"];
const USED = ["AspirationalGoal", "AtRiskGap", "CycleStart", "CycleWeeks", "OnTrackGap"];
const EVERY_NAME: string[] = [...SETTINGS_ROWS, ...SETTINGS_COMPUTED].map((d) => d.name);

/** Where each named range points, by name. */
/** A new, empty spreadsheet (one blank tab), today 2026-01-05. */
function blankSpreadsheet(): Workbook {
  return openTracker({ ...emptySnapshot("test"), id: "test-sheet" }, { at: "2026-01-05" });
}

/** The service calls, by method, of setting up a tracker from `template` on a blank spreadsheet. */
function setUpCounted(template: "blank" | "operations"): Record<string, number> {
  const blank = blankSpreadsheet();
  blank.services.counters.reset();
  expect(callAddon(blank, "setupTracker", { template, start: "2026-01-05" }).ok).toBe(true);
  return blank.services.counters.byMethod;
}

function names(wb: Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of ss(wb).getNamedRanges()) out[n.getName()] = `${n.getRange().getSheet().getName()}!${n.getRange().getA1Notation()}`;
  return out;
}

/** The Settings row of a label (1-based). */
function settingsRow(wb: Workbook, label: string): number {
  const labels = ss(wb).getSheetByName("Settings")!.getRange("A1:A40").getValues().map((r) => String(r[0]));
  return labels.indexOf(label) + 1;
}

/** Every formula of the tracker's tabs. */
function formulas(wb: Workbook): string[] {
  return TABS.flatMap((t) => ss(wb).getSheetByName(t)!.getDataRange().getFormulas().flat().filter((f) => f !== ""));
}

describe("a new tracker's named ranges", () => {
  it("are the settings its formulas use, each on its value cell, and no other", () => {
    const wb = newTracker();
    const byName = names(wb);
    expect(Object.keys(byName).sort()).toEqual(USED);
    for (const d of SETTINGS_ROWS.filter((x) => USED.indexOf(x.name) >= 0)) expect(byName[d.name], d.name).toBe(`Settings!B${settingsRow(wb, d.label)}`);
    // Every name a formula mentions exists, and every name is mentioned by some formula.
    const text = formulas(wb).join("\n");
    const mentioned = EVERY_NAME.filter((n) => new RegExp(`\\b${n}\\b`).test(text)).sort();
    expect(mentioned).toEqual(USED);
  });

  it("are enough for the formulas to evaluate: scores, expected and status of every objective and KR", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-02-02" });
    const statuses = new Set<string>(Object.values(STATUS));
    const objectives = rowsOf(wb, "Objectives");
    const krs = rowsOf(wb, "Key Results");
    expect(objectives.length).toBeGreaterThan(0);
    expect(krs.length).toBeGreaterThan(0);
    for (const r of [...objectives, ...krs]) {
      expect(typeof r.Expected, `${String(r.ID)} Expected`).toBe("number");
      expect(r.Expected as number).toBeGreaterThan(0); // four weeks into the cycle: CycleStart and CycleWeeks read
      expect(statuses.has(String(r.Status)), `${String(r.ID)} Status ${String(r.Status)}`).toBe(true);
    }
  });

  it("an older tracker's other names (every setting and computed row had one) survive Repair, untouched and not added back", () => {
    const wb = newTracker();
    const settings = ss(wb).getSheetByName("Settings")!;
    const extra: Record<string, string> = {};
    for (const d of [...SETTINGS_ROWS, ...SETTINGS_COMPUTED].filter((x) => USED.indexOf(x.name) < 0)) {
      ss(wb).setNamedRange(d.name, settings.getRange(settingsRow(wb, d.label), 2));
      extra[d.name] = `Settings!B${settingsRow(wb, d.label)}`;
    }
    const before = names(wb);
    expect(Object.keys(before)).toHaveLength(EVERY_NAME.length);
    expect(repair(wb)).toEqual({});
    expect(names(wb)).toEqual(before);
    // A user who moved one of those names elsewhere keeps it there: Repair looks after the formulas' names only.
    ss(wb).getNamedRanges().find((n) => n.getName() === "CycleName")!.setRange(settings.getRange("E1"));
    expect(repair(wb)).toEqual({});
    expect(names(wb).CycleName).toBe("Settings!E1");
    // And a new tracker's Repair adds none of them.
    const fresh = newTracker();
    expect(repair(fresh)).toEqual({});
    expect(Object.keys(names(fresh)).sort()).toEqual(USED);
  });
});

describe("a new tracker's look", () => {
  const wb = newTracker();

  it("every tab's header row is bold white on dark blue and wrapped, and only the header row", () => {
    for (const t of TABS) {
      const sheet = ss(wb).getSheetByName(t)!;
      const width = sheet.getLastColumn();
      const header = sheet.getRange(1, 1, 1, width);
      expect(header.getFontWeights()[0], t).toEqual(new Array(width).fill("bold"));
      expect(header.getFontColors()[0], t).toEqual(new Array(width).fill("#ffffff"));
      expect(header.getBackgrounds()[0], t).toEqual(new Array(width).fill("#1f3b57"));
      expect(header.getWraps()[0], t).toEqual(new Array(width).fill(true));
      const below = sheet.getRange(2, 1, 1, width);
      expect(below.getFontWeights()[0], t).toEqual(new Array(width).fill("normal"));
      expect(below.getBackgrounds()[0], t).toEqual(new Array(width).fill("#ffffff"));
    }
  });

  it("is made with five named ranges, one header styled and copied to the others, and described column protections only", () => {
    const blank = blankSpreadsheet();
    const w = writesOf(blank, () => expect(callAddon(blank, "setupTracker", { template: "blank", start: "2026-01-05" }).ok).toBe(true));
    expect(w["Spreadsheet.setNamedRange"]).toBe(USED.length);
    expect(w["Range.setTextStyle"]).toBe(1);
    expect(w["Range.copyTo"]).toBe(TABS.length - 1);
    // Two column protections (Objectives, Key Results) are described; the two whole-tab ones (the log,
    // History) are not.
    expect(w["Protection.setDescription"]).toBe(2);
    expect(w["Sheet.protect"]).toBe(2);
    expect(w["Protection.setWarningOnly"]).toBe(4);
    // Of the log's columns only Timestamp gets a number format; Settings has no frozen row, and there is
    // no Weekly Summary to freeze (the first summary makes it).
    expect(w["Range.setNumberFormat"]).toBe(1);
    expect(w["Sheet.setFrozenRows"]).toBe(4);
    expect(w["Spreadsheet.insertSheet"]).toBe(4); // the empty default tab becomes Settings
    // Widths in nine calls over the five tabs: Settings one, Objectives two (Objective; Owner and Team),
    // Key Results three (Key result, Owner, Objective name), the log two (Timestamp; its four text
    // columns), History one (its three texts); every other column keeps Sheets' default.
    expect((w["Sheet.setColumnWidth"] ?? 0) + (w["Sheet.setColumnWidths"] ?? 0)).toBe(9);
    // Key Results is made last, after Objectives, so it is the active tab without setActiveSheet.
    expect(w["Spreadsheet.setActiveSheet"]).toBeUndefined();
    expect(ss(blank).getActiveSheet().getName()).toBe("Key Results");
    expect(ss(blank).getSheets().map((t) => t.getName())).toEqual(TABS);
  });

  it("Repair puts back a listed width and keeps one a user gave a column left at the default", () => {
    const wb = newTracker();
    const objectives = ss(wb).getSheetByName("Objectives")!;
    const krs = ss(wb).getSheetByName("Key Results")!;
    objectives.setColumnWidth(1, 55); // ID: not listed, Sheets' default
    krs.setColumnWidth(3, 200); // Key result: listed, 320
    expect(repair(wb)).toEqual({ "Sheet.setColumnWidth": 1 });
    expect([objectives.getColumnWidth(1), krs.getColumnWidth(3)]).toEqual([55, 320]);
  });

  it("asks whether the default tab is empty with one read, and sets the named ranges without reading the list of names", () => {
    const calls = setUpCounted("blank");
    expect(calls["Sheet.getLastRow"]).toBe(1);
    expect(calls["Sheet.getLastColumn"]).toBeUndefined();
    expect(calls["Spreadsheet.getNamedRanges"]).toBeUndefined();
  });

  it("lists the spreadsheet's tabs once, for its look at the default tab and its looks for missing tabs (it listed them three times)", () => {
    const calls = setUpCounted("blank");
    expect(calls["Spreadsheet.getSheets"]).toBe(1);
    // The default tab's name (once), and the active tab's at the end.
    expect(calls["Sheet.getName"]).toBe(2);
    // Repair of a tracker missing History, beside a tab of the user's (looked at for a renamed History).
    const wb = newTracker();
    ss(wb).deleteSheet(ss(wb).getSheetByName("History")!);
    ss(wb).insertSheet("Notes").getRange("A1").setValue("ours");
    wb.services.counters.reset();
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(wb.services.counters.byMethod["Spreadsheet.getSheets"]).toBe(1);
    expect(ss(wb).getSheets().map((t) => t.getName()).sort()).toEqual([...TABS, "Notes"].sort());
    expect(ss(wb).getSheetByName("Notes")!.getRange("A1").getValue()).toBe("ours");
  });

  it("asks for the spreadsheet's time zone once, for today's date and the dates it reads (it asked twice), and so do Repair, the roll over and the import", () => {
    expect(setUpCounted("operations")["Spreadsheet.getSpreadsheetTimeZone"]).toBe(1);
    const wb = newTracker({ template: "operations" });
    wb.services.counters.reset();
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(wb.services.counters.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(1);
    // The roll over, which reads the tracker (its dates) and sets up twice (the new tabs, then the carried rows' formulas): it asked three times.
    const closed = closedTracker();
    closed.services.counters.reset();
    expect(callAddon(closed, "rollOverCycle", { start: NEXT_CYCLE }).ok).toBe(true);
    expect(closed.services.counters.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(1);
    // The import, which dates the cells it reads, then sets up (Repair) for the new rows: it asked three times.
    const imported = newTracker({ template: "operations" });
    const paste = ss(imported).insertSheet("New OKRs");
    paste.getRange(1, 1, 2, 6).setValues([["objective_id", "key_result", "owner", "metric", "start", "target"], ["O1", "Cut scrap", "ops.lead@example.com", "milestone", "0", "1"]]);
    imported.services.counters.reset();
    expect(callAddon(imported, "importOkrsFromTab", { tab: "New OKRs" }).ok).toBe(true);
    expect(imported.services.counters.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(1);
  });

  it("reading the tabs, setup of a new tracker asks for Check-ins by name once (it was asked for twice: the log, then its head)", () => {
    const blank = blankSpreadsheet();
    const asked = sheetNamesAsked(blank, () => expect(callAddon(blank, "setupTracker", { template: "blank", start: "2026-01-05" }).ok).toBe(true));
    expect(asked.filter((n) => n === "Check-ins")).toEqual(["Check-ins"]);
  });

  it("a name that already exists when Settings is made anew (its tab cleared) is moved, not set a second time", () => {
    const wb = newTracker();
    const objectives = ss(wb).getSheetByName("Objectives")!;
    // A name of the formulas pointing elsewhere, and the others at the cleared cells: all exist already.
    ss(wb).getNamedRanges().find((n) => n.getName() === "CycleWeeks")!.setRange(objectives.getRange("Z1"));
    const settings = ss(wb).getSheetByName("Settings")!;
    settings.clear();
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(names(wb).CycleWeeks).toBe(`Settings!B${settingsRow(wb, "Length in weeks")}`);
    expect(Object.keys(names(wb)).sort()).toEqual(USED);
  });
});

describe("protections of a tracker set up before", () => {
  it("whole-tab protections with the add-on's description are healthy as they are; one without is not duplicated", () => {
    const wb = newTracker();
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-05" }).ok).toBe(true); // makes the Weekly Summary
    for (const t of ["Check-ins", "History", "Weekly Summary"]) {
      const ps = ss(wb).getSheetByName(t)!.getProtections(PROTECTION.SHEET);
      expect(ps, t).toHaveLength(1);
      expect(ps[0].getDescription(), t).toBe("");
      if (t !== "History") ps[0].setDescription(`okr-sheets: the ${t} tab is written by the add-on`);
    }
    expect(repair(wb)).toEqual({});
    for (const t of ["Check-ins", "History", "Weekly Summary"]) expect(ss(wb).getSheetByName(t)!.getProtections(PROTECTION.SHEET), t).toHaveLength(1);
  });
});

// A team's first day with the tracker, through the built add-on: what a newcomer does by hand (a header
// retyped in another case, a header cell cleared, Settings filled in wrongly, KR IDs typed twice, set up
// over a tab of their own) and what Set up tracker and Repair tracker tell them: one line saying what to
// fix, never "Something went wrong", nothing written on a refusal.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, setSetting, ss } from "../support/tracker";
import { emptySnapshot } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";

function snapshotText(wb: Workbook): string {
  return JSON.stringify(wb.services.toSnapshot());
}

function headerCell(wb: Workbook, tab: string, header: string): GoogleAppsScript.Spreadsheet.Range {
  const sheet = ss(wb).getSheetByName(tab)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`no header ${header} on ${tab}`);
  return sheet.getRange(1, c + 1);
}

const KR_HEADERS = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
const OBJ_HEADERS = ["ID", "Objective", "Owner", "Team", "Parent ID", "Type", "P&L link", "Score", "Expected", "Status"];

describe("a header retyped in another case or with spaces", () => {
  // The add-on reads headers whatever their case (docs/workbook.md): "target " is the Target column. Repair
  // used to stop with "Something went wrong: Key Results: no column letter for "Target"".
  it("is the same column to Repair, which rewrites the formulas over it and keeps every value (any header, any case)", () => {
    const base = newTracker({ template: "operations" });
    const saved = base.services.toSnapshot();
    const scores = ss(base).getSheetByName("Key Results")!.getRange("M2:O8").getDisplayValues();
    const objScores = ss(base).getSheetByName("Objectives")!.getRange("H2:J4").getDisplayValues();
    fc.assert(
      fc.property(
        fc.constantFrom(...KR_HEADERS.map((h) => ["Key Results", h] as const), ...OBJ_HEADERS.map((h) => ["Objectives", h] as const)),
        fc.constantFrom((h: string) => h.toLowerCase(), (h: string) => h.toUpperCase(), (h: string) => ` ${h} `),
        ([tab, header], retype) => {
          const wb = openTracker(JSON.parse(JSON.stringify(saved)), { at: "2026-01-05" });
          headerCell(wb, tab, header).setValue(retype(header));
          // A Score or Status cell typed over is restored whatever its header's case.
          ss(wb).getSheetByName("Key Results")!.getRange("M3").setValue(0.5);
          const r = callAddon(wb, "repairTracker");
          expect(r.ok, `${tab}!${header}: ${r.message}`).toBe(true);
          expect(r.restored.join("; "), `${tab}!${header}`).not.toMatch(/column /);
          expect(ss(wb).getSheetByName("Key Results")!.getRange("M2:O8").getDisplayValues(), `${tab}!${header}`).toEqual(scores);
          expect(ss(wb).getSheetByName("Objectives")!.getRange("H2:J4").getDisplayValues(), `${tab}!${header}`).toEqual(objScores);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("a header cell of the tracker's own table cleared", () => {
  // The tab is the tracker's (every other header is there): Repair names the header to type back, as every
  // other operation does, instead of calling it "not an okr-sheets tab" and asking for it to be renamed.
  const cases: [string, string][] = [
    ["Key Results", "Objective ID"],
    ["Key Results", "ID"],
    ["Objectives", "ID"],
    ["Check-ins", "KR ID"],
    ["History", "Week"],
  ];
  for (const [tab, header] of cases) {
    it(`${tab} without "${header}": Repair says to type "${header}" back and changes nothing`, () => {
      const wb = newTracker({ template: "operations" });
      headerCell(wb, tab, header).setValue("");
      const before = snapshotText(wb);
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(false);
      expect(r.message).not.toMatch(/not okr-sheets tabs|Rename them/);
      expect(r.message).toContain(`has no "${header}"`);
      expect(r.message).toMatch(/Type it back into that row/);
      expect(r.message).toMatch(/Nothing was changed\.$/);
      expect(r.message).not.toMatch(/\n/);
      expect(snapshotText(wb)).toBe(before);
    });
  }

  it("a tab of the user's own under a tracker name, sharing one header name with it, is still not the tracker's", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" });
    ss(wb).insertSheet("History").getRange("A1:C3").setValues([["Week", "Holiday", "Who"], [1, "2026-01-01", "me"], [2, "", ""]]);
    const before = snapshotText(wb);
    const r = callAddon(wb, "setupTracker", {});
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^These tabs already exist and are not okr-sheets tabs: "History"\./);
    expect(snapshotText(wb)).toBe(before);
  });
});

describe("Settings filled in wrongly", () => {
  // Setup fills blanks only; what a person typed wrong used to be heard first by an owner at check-in
  // ("Settings need fixing"), while Set up tracker and Repair tracker said all was restored.
  const cases: [string, unknown, RegExp][] = [
    ["Length in weeks", "0", /Length in weeks must be a whole number from 1 to 52; it is "0"/],
    ["Check-in weekday", "Mo", /Check-in weekday must be a day of the week/],
    // A name is one entry, named as typed (until session 14 each word: "Anna", "Schmidt" are not …).
    ["Admins' emails", "Anna Schmidt", /Admins' emails: "Anna Schmidt" is not an email address\./],
    ["At risk if gap ≤", "0.05", /must not be more than At risk if gap/],
    ["Start date", "12.1.26", /Start date must be a date/],
  ];
  for (const [label, value, said] of cases) {
    it(`${label} = ${JSON.stringify(value)}: Set up tracker and Repair tracker say it in one line, as the check-in does, and leave the value for the person to fix`, () => {
      const wb = newTracker({ template: "operations" });
      setSetting(wb, label, value);
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(true);
      const line = r.warnings.find((w: string) => w.startsWith("Settings need fixing: "));
      expect(line, JSON.stringify(r.warnings)).toMatch(said);
      expect(line).not.toMatch(/\n/);
      expect(callAddon(wb, "getSidebarData", {}).message).toBe(line);
      const ui = wb.services.ui;
      ui.alerts.length = 0;
      callAddon(wb, "menuRepair");
      // No template question on a tracker already set up: Set up tracker reports with an OK alert.
      callAddon(wb, "menuSetUp");
      const [repair, setup] = ui.alerts.map((a) => a.prompt);
      expect(repair).toContain(`\n${line}`);
      expect(setup).toContain(`\n${line}`);
      expect(setup).not.toMatch(/Focus checks:\n• Settings/);
      const cell = ss(wb).getSheetByName("Settings")!.getRange("A1:B40").getDisplayValues().find((row) => row[0] === label)!;
      expect(cell[1]).toBe(String(value));
    });
  }

  it("a new tracker, and one whose settings are right, get no such line", () => {
    for (const template of ["operations", "blank"] as const) {
      const wb = newTracker({ template });
      const again = callAddon(wb, "setupTracker", {});
      expect(again.warnings.filter((w: string) => w.startsWith("Settings")), template).toEqual([]);
    }
  });
});

describe("KR and objective IDs typed by hand", () => {
  // Two KRs with one ID share the log and History (the summary wrote the same values and status for both)
  // and an owner's check-in could be refused as the other row's; Set up tracker said nothing of it.
  it("an ID typed on two rows is a focus check of Set up tracker, with what to do", () => {
    const wb = newTracker({ template: "blank" });
    ss(wb).getSheetByName("Objectives")!.getRange("A2:C4").setValues([["O1", "Faster", "anna@example.com"], ["O2", "Fewer defects", "anna@example.com"], ["o2", "Cheaper", "ben@example.com"]]);
    ss(wb).getSheetByName("Key Results")!.getRange("A2:H5").setValues([
      ["KR1", "O1", "OTIF", "anna@example.com", "increase", "%", "82", "95"],
      ["KR2", "O1", "Lead time", "ben@example.com", "decrease", "days", "10", "6"],
      ["KR1", "O2", "Defects", "anna@example.com", "stay_below", "%", "3", "2"],
      ["KR3", "O2", "Scrap", "ben@example.com", "decrease", "kg", "5", "3"],
    ]);
    const ui = wb.services.ui;
    ui.alerts.length = 0;
    callAddon(wb, "menuSetUp");
    const said = ui.alerts[0].prompt;
    expect(said).toContain("\n• Objective ID O2 is on 2 rows; give each its own ID.");
    expect(said).toContain("\n• Key result ID KR1 is on 2 rows; give each its own ID.");
    expect(said).not.toMatch(/KR2 is on|KR3 is on|O1 is on/);
  });
});

describe("Set up tracker over a spreadsheet holding the team's own tabs", () => {
  // The menu asked "Start with the example operations pilot?" and only then refused: the answer was thrown away.
  for (const own of ["Settings", "Key Results", "Check-ins", "History"]) {
    it(`an own "${own}" tab: the refusal comes first, without the template question, and nothing is written`, () => {
      const wb = openTracker({ ...emptySnapshot("t"), id: "t" });
      ss(wb).insertSheet(own).getRange("A1:C3").setValues([["Metric", "Jan", "Feb"], ["OTIF", 0.91, 0.93], ["Lead time", 10, 9]]);
      const before = snapshotText(wb);
      callAddon(wb, "menuSetUp");
      const said = wb.services.ui.alerts.map((a) => a.prompt);
      expect(said).toEqual([`These tabs already exist and are not okr-sheets tabs: "${own}". Rename them (their content is kept) and run Set up tracker again. Nothing was changed.`]);
      expect(snapshotText(wb)).toBe(before);
    });
  }

  it("a spreadsheet with tabs of other names still gets the question, then the tracker", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" });
    ss(wb).insertSheet("Metrics").getRange("A1:B2").setValues([["OTIF", 0.91], ["Lead time", 10]]);
    wb.services.ui.respond("NO");
    callAddon(wb, "menuSetUp");
    const said = wb.services.ui.alerts.map((a) => a.prompt);
    expect(said[0]).toMatch(/^Start with the example operations pilot/);
    expect(said[1]).toMatch(/^Created: Settings, Objectives, Key Results, Check-ins, History\./);
    expect(ss(wb).getSheetByName("Metrics")!.getRange("A1:B2").getValues()).toEqual([["OTIF", 0.91], ["Lead time", 10]]);
  });
});

describe("a menu item chosen before the tracker is set up", () => {
  // A new add-on user who opens "Generate weekly summary" first was told to use "Repair tracker" only.
  it("says to set the tracker up (or repair a renamed one), and writes nothing", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" });
    const before = snapshotText(wb);
    for (const fn of ["generateWeeklySummary", "createMidCycleReview", "endCycle"] as const) {
      const r = callAddon(wb, fn, {});
      expect(r.ok, fn).toBe(false);
      expect(r.message, fn).toBe('The "Settings" tab is missing. Use "Set up tracker" or "Repair tracker" in the add-on menu (a renamed tab is renamed back).');
    }
    expect(snapshotText(wb)).toBe(before);
  });
});

// The reports beside a tab of their name that is someone's own, through the built add-on (dist/Code.js).
// "Mid-cycle review", "End cycle & retrospective" and "Generate weekly summary" clear the tab of their name
// and write the report over it. Before, they did so whatever it held: someone's own notes in a tab named
// "Mid-cycle Review", "Retrospective" or "Weekly Summary" were wiped. Now each looks first (the title in
// A1, an empty tab; the Retrospective's header row; the Weekly Summary's sheet ID in the summary's record)
// and refuses in one line, changing nothing, when the tab is not ours; its own report is regenerated as before.
// The Weekly Trend beside the Weekly Summary is refused in the same words.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, rowsOf, setToday, ss } from "../support/tracker";
import { IN_USE_TODAY, tab, trackerInUse } from "../support/inUse";
import type { AddonEntry, Workbook } from "../../src/local/runtime";

const OWN_NOTES = [["Notes", "Who"], ["Ask about the budget", "Ana"], ["Offsite agenda", "Ben"]];

type Props = GoogleAppsScript.Properties.PropertiesService;

function docProps(wb: Workbook): GoogleAppsScript.Properties.Properties {
  return (wb.services.globals.PropertiesService as Props).getDocumentProperties();
}

/** Every tab as the snapshot holds it and the document's records: what "nothing changed" compares. */
function everything(wb: Workbook): string {
  return JSON.stringify([wb.services.toSnapshot().sheets, docProps(wb).getProperties()]);
}

/** Someone's own tab `name` (the tracker's of that name deleted first, if any). */
function ownTab(wb: Workbook, name: string): void {
  const old = ss(wb).getSheetByName(name);
  if (old) ss(wb).deleteSheet(old);
  ss(wb).insertSheet(name).getRange(1, 1, OWN_NOTES.length, 2).setValues(OWN_NOTES);
}

const CASES: { what: string; make: () => Workbook; fn: AddonEntry; message: string }[] = [
  {
    what: "the mid-cycle review beside someone's own Mid-cycle Review",
    make: () => {
      const wb = trackerInUse();
      ownTab(wb, "Mid-cycle Review");
      return wb;
    },
    fn: "createMidCycleReview",
    message:
      'The "Mid-cycle Review" tab (no "Mid-cycle review — …" title in A1) is not the tracker\'s, and the mid-cycle review would be written over it. ' +
      'Rename it (its content is kept), then run "Mid-cycle review" again. Nothing was changed.',
  },
  {
    what: "closing the cycle beside someone's own Retrospective",
    make: () => {
      const wb = trackerInUse();
      ownTab(wb, "Retrospective");
      return wb;
    },
    fn: "endCycle",
    message:
      'The "Retrospective" tab (no "Retrospective — …" title in A1 nor its header row) is not the tracker\'s, and the retrospective would be written over it. ' +
      'Rename it (its content is kept), then run "End cycle & retrospective" again. Nothing was changed.',
  },
  {
    what: "the weekly summary beside someone's own Weekly Summary that replaced the tracker's (the record holds another tab's ID)",
    make: () => {
      const wb = trackerInUse();
      ownTab(wb, "Weekly Summary");
      return wb;
    },
    fn: "generateWeeklySummary",
    message:
      'The "Weekly Summary" tab (no "Weekly summary — …" title in A1) is not the tracker\'s, and the weekly summary would be written over it. ' +
      'Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.',
  },
  {
    what: "the first weekly summary beside someone's own tab named \"WEEKLY SUMMARY\" (named as written)",
    make: () => {
      const wb = trackerInUse({ summary: false });
      ownTab(wb, "WEEKLY SUMMARY");
      return wb;
    },
    fn: "generateWeeklySummary",
    message:
      'The "WEEKLY SUMMARY" tab (no "Weekly summary — …" title in A1) is not the tracker\'s, and the weekly summary would be written over it. ' +
      'Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.',
  },
  {
    // Worded as the other reports' refusals (reportTabs.ts refuseTrendTab): it said "holds something else" and
    // named the tab as the add-on spells it, not as the user wrote it.
    what: "the weekly summary beside someone's own tab named \"WEEKLY TREND\" (named as written, worded as the others)",
    make: () => {
      const wb = trackerInUse();
      ownTab(wb, "WEEKLY TREND");
      return wb;
    },
    fn: "generateWeeklySummary",
    message:
      'The "WEEKLY TREND" tab (no "Trend: each KR\'s value on its week\'s summary day" heading over its header row) is not the tracker\'s, and the weekly trend would be written over it. ' +
      'Rename it (its content is kept), then run "Generate weekly summary" again. Nothing was changed.',
  },
];

describe("A report beside someone's own tab of its name", () => {
  for (const { what, make, fn, message } of CASES) {
    it(`${what}: refused, nothing changed`, () => {
      const wb = make();
      const before = everything(wb);
      const r = callAddonRaw(wb, fn, { at: IN_USE_TODAY });
      expect(r.ok, `written: ${JSON.stringify(r)}`).toBe(false);
      expect(r.message).toBe(message);
      expect(everything(wb) === before, "something changed").toBe(true);
    });
  }

  it("the weekly summary in a run without document properties (a trigger's): someone's own tab refused, its title looked at", () => {
    const wb = trackerInUse();
    ownTab(wb, "Weekly Summary");
    (wb.services.globals.PropertiesService as { getDocumentProperties: () => unknown }).getDocumentProperties = () => null;
    const before = JSON.stringify(wb.services.toSnapshot().sheets);
    const r = callAddonRaw(wb, "generateWeeklySummary", { at: IN_USE_TODAY });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('The "Weekly Summary" tab (no "Weekly summary — …" title in A1) is not the tracker\'s');
    expect(JSON.stringify(wb.services.toSnapshot().sheets) === before, "a tab changed").toBe(true);
  });

  it("once renamed as the message says, the report is written and the notes kept", () => {
    const wb = trackerInUse();
    ownTab(wb, "Mid-cycle Review");
    expect(callAddonRaw(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(false);
    tab(wb, "Mid-cycle Review").setName("My review notes");
    expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(tab(wb, "My review notes").getDataRange().getValues()).toEqual(OWN_NOTES);
    expect(String(tab(wb, "Mid-cycle Review").getRange("A1").getValue())).toMatch(/^Mid-cycle review — /);
  });
});

describe("The tracker's own reports are still written over", () => {
  it("the mid-cycle review regenerated, and an empty tab of its name written in", () => {
    const wb = trackerInUse();
    expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
    tab(wb, "Mid-cycle Review").clear();
    expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(String(tab(wb, "Mid-cycle Review").getRange("A1").getValue())).toMatch(/^Mid-cycle review — /);
  });

  it("a Retrospective whose title was deleted is closed again by its header row, its typed decision kept", () => {
    const wb = trackerInUse();
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    const retro = tab(wb, "Retrospective");
    const values = retro.getDataRange().getValues();
    const header = values.findIndex((r) => r[1] === "ID" && r[8] === "Decision");
    const o3 = values.findIndex((r) => r[1] === "O3");
    expect(header).toBeGreaterThan(0);
    retro.getRange(o3 + 1, 9).setValue("remove");
    retro.getRange(1, 1).setValue("");
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    const again = tab(wb, "Retrospective").getDataRange().getValues();
    expect(String(again[0][0])).toMatch(/^Retrospective — /);
    expect(again.find((r) => r[1] === "O3")![8]).toBe("remove");
  });

  it("the Weekly Summary the record places is regenerated even with its title typed over (no cell of it read for the check)", () => {
    const wb = trackerInUse();
    tab(wb, "Weekly Summary").getRange(1, 1).setValue("my own heading");
    expect(callAddon(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(String(tab(wb, "Weekly Summary").getRange("A1").getValue())).toMatch(/^Weekly summary — /);
  });

  it("the Weekly Summary with no record (an older tracker) is recognised by its title, then recorded", () => {
    const wb = trackerInUse();
    docProps(wb).deleteProperty("okrSheets.trendBlock");
    expect(callAddon(wb, "generateWeeklySummary", { at: IN_USE_TODAY }).ok).toBe(true);
    expect(JSON.parse(docProps(wb).getProperty("okrSheets.trendBlock")!).summarySheetId).toBe(tab(wb, "Weekly Summary").getSheetId());
    setToday(wb, "2026-01-27");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-27" }).ok).toBe(true);
    expect(rowsOf(wb, "History").some((r) => r.Week === 4)).toBe(true);
  });
});

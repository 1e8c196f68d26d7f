// Roll over beside a tab that has one of the tracker's names but holds something else, through the built
// add-on (dist/Code.js). The roll over finds the cycle's tabs by name: it renames Check-ins, History and the
// Mid-cycle Review to archives and deletes the Weekly Summary and the Weekly Trend. Before, a tab of one of
// those names was archived (or the Weekly Summary deleted) whatever it held: someone's own list in a tab
// named "History", a Check-ins tab emptied and reused. Now the roll over looks at what each holds (the
// tracker's header row, or the report's title in A1) and refuses, changing nothing, when one is not ours.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, rowsOf, ss } from "../support/tracker";
import { closedTracker, IN_USE_TODAY, NEXT_CYCLE, snapshotSheets, tab } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const NEXT = NEXT_CYCLE;
const OWN_LIST = [["Event", "Who"], ["Kick-off", "Ana"], ["Offsite", "Ben"]];

/** The tab `name` emptied and reused for someone's own list. */
function reused(wb: Workbook, name: string): void {
  const sheet = tab(wb, name);
  sheet.clear();
  sheet.getRange(1, 1, OWN_LIST.length, 2).setValues(OWN_LIST);
}

/** The tracker's tab `name` deleted and someone's own tab of that name in its place. */
function replaced(wb: Workbook, name: string): void {
  const old = ss(wb).getSheetByName(name);
  if (old) ss(wb).deleteSheet(old);
  ss(wb).insertSheet(name).getRange(1, 1, OWN_LIST.length, 2).setValues(OWN_LIST);
}

const TAIL = "Rename it (its content is kept), then roll over again. Nothing was changed.";

const REFUSED: { what: string; damage: (wb: Workbook) => void; message: string }[] = [
  {
    what: "History emptied and reused for someone's own list",
    damage: (wb) => reused(wb, "History"),
    message: `The "History" tab (no header row with "Week", "KR ID" and "Score") is not the tracker's, and rolling over would archive it as this cycle's. ${TAIL}`,
  },
  {
    what: "Check-ins emptied and reused",
    damage: (wb) => reused(wb, "Check-ins"),
    message: `The "Check-ins" tab (no header row with "Timestamp", "KR ID" and "Value") is not the tracker's, and rolling over would archive it as this cycle's. ${TAIL}`,
  },
  {
    what: "someone's own Weekly Summary (the roll over deleted it)",
    damage: (wb) => replaced(wb, "Weekly Summary"),
    message: `The "Weekly Summary" tab (no "Weekly summary — …" title in A1) is not the tracker's, and rolling over would delete it as this cycle's. ${TAIL}`,
  },
  {
    what: "someone's own tab named \"WEEKLY SUMMARY\" (tab names are found whatever their case): named as written",
    damage: (wb) => {
      ss(wb).deleteSheet(tab(wb, "Weekly Summary"));
      replaced(wb, "WEEKLY SUMMARY");
    },
    message: `The "WEEKLY SUMMARY" tab (no "Weekly summary — …" title in A1) is not the tracker's, and rolling over would delete it as this cycle's. ${TAIL}`,
  },
  {
    what: "someone's own Weekly Trend",
    damage: (wb) => replaced(wb, "Weekly Trend"),
    message: `The "Weekly Trend" tab (no "Trend: each KR's value on its week's summary day" heading over its header row) is not the tracker's, and rolling over would delete it as this cycle's. ${TAIL}`,
  },
  {
    what: "someone's own Mid-cycle Review",
    damage: (wb) => replaced(wb, "Mid-cycle Review"),
    message: `The "Mid-cycle Review" tab (no "Mid-cycle review — …" title in A1) is not the tracker's, and rolling over would archive it as this cycle's. ${TAIL}`,
  },
  {
    what: "History reused and someone's own Weekly Summary",
    damage: (wb) => {
      reused(wb, "History");
      replaced(wb, "Weekly Summary");
    },
    message:
      'The "History" tab (no header row with "Week", "KR ID" and "Score") and the "Weekly Summary" tab (no "Weekly summary — …" title in A1) are not the tracker\'s, ' +
      "and rolling over would archive or delete them as this cycle's. Rename them (their content is kept), then roll over again. Nothing was changed.",
  },
];

describe("Roll over beside a tab named like one of the tracker's that holds something else", () => {
  for (const { what, damage, message } of REFUSED) {
    it(`${what}: refused, nothing changed`, () => {
      const wb = closedTracker();
      damage(wb);
      const before = snapshotSheets(wb);
      const r = callAddonRaw(wb, "rollOverCycle", { start: NEXT });
      expect(r.ok, `rolled over: ${JSON.stringify(r)}`).toBe(false);
      expect(r.message).toBe(message);
      expect(snapshotSheets(wb) === before, "a tab changed").toBe(true);
    });
  }

  it("once the tab is renamed as the message says, the roll over goes through and leaves it as it was", () => {
    const wb = closedTracker();
    reused(wb, "History");
    expect(callAddonRaw(wb, "rollOverCycle", { start: NEXT }).ok).toBe(false);
    tab(wb, "History").setName("Events");
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expect(r).toMatchObject({ ok: true, cycle: "Order-to-delivery pilot 2" });
    expect((r.archived as string[]).some((n) => n.endsWith(" · History"))).toBe(false);
    expect(tab(wb, "Events").getDataRange().getValues()).toEqual(OWN_LIST);
    expect(rowsOf(wb, "History")).toHaveLength(0);
  });
});

describe("Tabs that are the tracker's still roll over", () => {
  it("an empty History (nothing lost by archiving it) and a Check-ins tab with rows inserted above its header", () => {
    const wb = closedTracker();
    tab(wb, "History").clear();
    tab(wb, "Check-ins").insertRowsBefore(1, 34); // its header at row 35, below the rows searched; Settings follow it
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expect(r.ok).toBe(true);
    expect((r.archived as string[]).filter((n) => / · (History|Check-ins)$/.test(n))).toHaveLength(2);
  });

  it("an empty Weekly Summary and an empty Weekly Trend are deleted as the tracker's", () => {
    const wb = closedTracker();
    tab(wb, "Weekly Summary").clear();
    tab(wb, "Weekly Trend").clear();
    expect(callAddon(wb, "rollOverCycle", { start: NEXT }).ok).toBe(true);
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(ss(wb).getSheetByName("Weekly Trend")).toBeNull();
  });

  it("the Weekly Summary and Weekly Trend the summary's record names are ours with their title and heading typed over, as the summary and Repair take them", () => {
    const wb = closedTracker();
    tab(wb, "Weekly Summary").getRange(1, 1).setValue("Our notes for the board");
    tab(wb, "Weekly Trend").getRange(1, 1).setValue("Trend");
    expect(callAddon(wb, "rollOverCycle", { start: NEXT }).ok).toBe(true);
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(ss(wb).getSheetByName("Weekly Trend")).toBeNull();
  });

  it("the tracker's own Mid-cycle Review is archived", () => {
    const wb = closedTracker();
    expect(callAddon(wb, "createMidCycleReview", { at: IN_USE_TODAY }).ok).toBe(true);
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expect(r.ok).toBe(true);
    expect((r.archived as string[]).some((n) => n.endsWith(" · Mid-cycle Review"))).toBe(true);
  });
});

describe("What the look costs", () => {
  /** The counted calls and cells read of a roll over, History and Check-ins each holding `rows` more rows below row 40. */
  function measured(rows: number) {
    const wb = closedTracker();
    for (const name of ["History", "Check-ins"]) {
      const sheet = tab(wb, name);
      if (40 + rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 40 + rows - sheet.getMaxRows());
      sheet.getRange(40, 1, rows, 3).setValues(Array.from({ length: rows }, (_, r) => [r, r + 1, r + 2]));
    }
    wb.services.counters.reset();
    expect(callAddon(wb, "rollOverCycle", { start: NEXT }).ok).toBe(true);
    const { serviceCalls, cellsRead } = wb.services.counters.snapshot();
    return { serviceCalls, cellsRead };
  }

  it("History and the log are looked at where their header is, never read whole: 300 rows more read nothing more", () => {
    expect(measured(300)).toEqual(measured(3));
  });

  /** The counted calls and cells read of a roll over with `inserted` rows inserted above History's header. */
  function historyMoved(inserted: number) {
    const wb = closedTracker();
    if (inserted) tab(wb, "History").insertRowsBefore(1, inserted);
    wb.services.counters.reset();
    expect(callAddon(wb, "rollOverCycle", { start: NEXT }).ok).toBe(true);
    const { serviceCalls, cellsRead } = wb.services.counters.snapshot();
    return { serviceCalls, cellsRead };
  }

  it("History's header pushed to row 36 is looked at where the Settings computed cell places it: its row alone, as at row 1", () => {
    // Before, the row-30 search missed it and the whole tab was read: 7 calls and 996 cells more.
    expect(historyMoved(35)).toEqual(historyMoved(0));
  });
});

// Roll over over a workbook holding tabs that look like tracker tabs, through the built add-on (dist/Code.js).
// The roll over renames this cycle's Objectives, Key Results, Check-ins and History to archives and then
// runs setup for the new cycle, which finds all four missing and looks through the other tabs (not ours by
// name, not archives: no " · " in the name) for one the user renamed. Two that look like the same tab made
// setup refuse after the archiving (the tracker left half rolled over: archives made, no new tabs); one was
// renamed into the new cycle's tab, its rows kept and the carried rows written over them. The roll over
// now refuses both before it renames or writes anything. Tabs that the archiving takes away (a Check-ins
// header Repair would refuse, say) do not stop it: the check sees the tabs as they are after the archiving.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, rowsOf, setToday, ss } from "../support/tracker";
import { closedTracker, NEXT_CYCLE, snapshotSheets, tab } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const NEXT = NEXT_CYCLE;

/** The roll over's refusal: not ok, one line, no tab changed, no archive; its message. */
function rollOverRefused(wb: Workbook): string {
  const before = snapshotSheets(wb);
  const r = callAddonRaw(wb, "rollOverCycle", { start: NEXT });
  expect(r.ok, `rolled over: ${JSON.stringify(r)}`).toBe(false);
  expect(r.message).not.toMatch(/\n/);
  expect(snapshotSheets(wb) === before, `a tab changed; the message: ${r.message}`).toBe(true);
  return r.message;
}

/** A copy of the tab `from` (its first rows) as a new last tab named `name`. */
function copyOf(wb: Workbook, from: string, name: string, rows = 3): void {
  const src = tab(wb, from);
  const width = src.getLastColumn();
  ss(wb).insertSheet(name, ss(wb).getSheets().length).getRange(1, 1, rows, width).setValues(src.getRange(1, 1, rows, width).getValues());
}

/** The new cycle's tracker tabs, as a healthy roll over leaves them. */
function expectRolledOver(wb: Workbook, r: Record<string, unknown>): void {
  expect(r).toMatchObject({ ok: true, cycle: "Order-to-delivery pilot 2", carried: { objectives: 3, keyResults: 7 } });
  expect(rowsOf(wb, "Key Results").map((k) => [k["ID"], k["Status"]])).toEqual(
    ["O1.KR1", "O1.KR2", "O1.KR3", "O2.KR1", "O2.KR2", "O3.KR1", "O3.KR2"].map((id) => [id, "Not started"]),
  );
  expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
  expect(rowsOf(wb, "History")).toHaveLength(0);
}

const REFUSED: { what: string; damage: (wb: Workbook) => void; message: string }[] = [
  {
    what: "a copy of Key Results",
    damage: (wb) => copyOf(wb, "Key Results", "KRs backup"),
    message:
      '"KRs backup" looks like a "Key Results" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake it for the new cycle\'s. ' +
      'Delete it, or put " · " in its name (as archives have) to keep it as it is, then roll over again. Nothing was changed.',
  },
  {
    what: "two copies of Key Results",
    damage: (wb) => {
      copyOf(wb, "Key Results", "KRs backup");
      copyOf(wb, "Key Results", "Copy of Key Results");
    },
    message:
      '"KRs backup" and "Copy of Key Results" look like a "Key Results" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake them for the new cycle\'s. ' +
      'Delete them, or put " · " in their names (as archives have) to keep them as they are, then roll over again. Nothing was changed.',
  },
  {
    what: "a copy of Objectives and one of Check-ins",
    damage: (wb) => {
      copyOf(wb, "Check-ins", "Log 2025");
      copyOf(wb, "Objectives", "Goals draft");
    },
    message:
      '"Goals draft" looks like an "Objectives" tab and "Log 2025" like a "Check-ins" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake them for the new cycle\'s. ' +
      'Delete them, or put " · " in their names (as archives have) to keep them as they are, then roll over again. Nothing was changed.',
  },
  {
    what: "the History tab renamed",
    damage: (wb) => tab(wb, "History").setName("History (mine)"),
    message:
      '"History (mine)" looks like the missing "History" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake it for the new cycle\'s. ' +
      'Rename "History (mine)" back to "History" (Repair tracker does) so that it is archived with the cycle, then roll over again. Nothing was changed.',
  },
  {
    what: "the Check-ins tab renamed, and a copy of it beside it",
    damage: (wb) => {
      tab(wb, "Check-ins").setName("Check-ins old");
      copyOf(wb, "Check-ins old", "Check-ins copy");
    },
    message:
      '"Check-ins old" and "Check-ins copy" look like the missing "Check-ins" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake them for the new cycle\'s. ' +
      'Rename whichever of "Check-ins old" and "Check-ins copy" is this cycle\'s back to "Check-ins" so that it is archived with the cycle; delete the other, or put " · " in its name (as archives have) to keep it as it is; then roll over again. Nothing was changed.',
  },
  {
    // One clause per renamed tab: the message once said to rename "it" back to "Check-ins" or "History",
    // "otherwise delete them", inviting the user to delete this cycle's log.
    what: "the History and Check-ins tabs renamed",
    damage: (wb) => {
      tab(wb, "History").setName("H mine");
      tab(wb, "Check-ins").setName("C mine");
    },
    message:
      '"C mine" looks like the missing "Check-ins" tab and "H mine" like the missing "History" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake them for the new cycle\'s. ' +
      'Rename "C mine" back to "Check-ins" and "H mine" back to "History" (Repair tracker does) so that they are archived with the cycle, then roll over again. Nothing was changed.',
  },
  {
    what: "the History tab renamed, and a copy of Key Results",
    damage: (wb) => {
      tab(wb, "History").setName("H mine");
      copyOf(wb, "Key Results", "KRs backup");
    },
    message:
      '"KRs backup" looks like a "Key Results" tab and "H mine" like the missing "History" tab, and rolling over (which archives this cycle\'s tabs and makes new ones) would mistake them for the new cycle\'s. ' +
      'Rename "H mine" back to "History" (Repair tracker does) so that it is archived with the cycle; delete "KRs backup", or put " · " in its name (as archives have) to keep it as it is; then roll over again. Nothing was changed.',
  },
];

describe("Roll over beside tabs that look like tracker tabs", () => {
  for (const { what, damage, message } of REFUSED) {
    it(`${what}: refused before anything is archived or written`, () => {
      const wb = closedTracker();
      damage(wb);
      expect(rollOverRefused(wb)).toBe(message);
      expect(ss(wb).getSheets().some((s) => s.getName().indexOf(" · ") >= 0)).toBe(false);
    });
  }

  it("an archive of the last cycle renamed without its \" · \": the next roll over is refused, and goes through once it has one again", () => {
    const wb = closedTracker();
    expectRolledOver(wb, callAddon(wb, "rollOverCycle", { start: NEXT }));
    const archive = ss(wb).getSheets().map((s) => s.getName()).find((n) => n.endsWith(" · History"))!;
    tab(wb, archive).setName("Pilot history");
    setToday(wb, "2026-07-05");
    expect(callAddon(wb, "endCycle", { at: "2026-07-05" }).ok).toBe(true);
    setToday(wb, "2026-07-06");
    const before = snapshotSheets(wb);
    const r = callAddonRaw(wb, "rollOverCycle", { start: "2026-07-06" });
    expect(r.message).toMatch(/^"Pilot history" looks like a "History" tab, and rolling over .* Nothing was changed\.$/);
    expect(snapshotSheets(wb) === before).toBe(true);
    tab(wb, "Pilot history").setName("Pilot · History");
    expect(callAddon(wb, "rollOverCycle", { start: "2026-07-06" })).toMatchObject({ ok: true, cycle: "Order-to-delivery pilot 3" });
    expect(ss(wb).getSheetByName("Pilot · History")).not.toBeNull();
  });

  it("after doing what the message says, the roll over goes through and leaves the kept copy as it was", () => {
    const wb = closedTracker();
    copyOf(wb, "Key Results", "KRs backup");
    copyOf(wb, "Key Results", "Copy of Key Results");
    rollOverRefused(wb);
    ss(wb).deleteSheet(tab(wb, "Copy of Key Results"));
    tab(wb, "KRs backup").setName("KRs · backup");
    const kept = JSON.stringify(tab(wb, "KRs · backup").getDataRange().getValues());
    expectRolledOver(wb, callAddon(wb, "rollOverCycle", { start: NEXT }));
    expect(JSON.stringify(tab(wb, "KRs · backup").getDataRange().getValues())).toBe(kept);
  });

  it("the History tab renamed, then renamed back by Repair: the roll over archives it with the cycle", () => {
    const wb = closedTracker();
    tab(wb, "History").setName("History (mine)");
    rollOverRefused(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expectRolledOver(wb, r);
    expect((r.archived as string[]).filter((n) => n.endsWith(" · History"))).toHaveLength(1);
  });

  it("the History and Check-ins tabs renamed, then renamed back by Repair as the message says: both archived with the cycle", () => {
    const wb = closedTracker();
    tab(wb, "History").setName("H mine");
    tab(wb, "Check-ins").setName("C mine");
    rollOverRefused(wb);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expectRolledOver(wb, r);
    expect((r.archived as string[]).filter((n) => / · (History|Check-ins)$/.test(n))).toHaveLength(2);
  });
});

describe("Roll overs that went through still do", () => {
  it("beside a tab of OKRs to import and a tab of notes: neither looks like a tracker tab", () => {
    const wb = closedTracker();
    ss(wb).insertSheet("Notes").getRange("A1:B2").setValues([["Idea", "Who"], ["Ship faster", "me"]]);
    ss(wb).insertSheet("New OKRs").getRange("A1:D2").setValues([["objective", "objective_id", "key_result", "owner"], ["Ship", "O9", "Sites", "me"]]);
    expectRolledOver(wb, callAddon(wb, "rollOverCycle", { start: NEXT }));
    expect(tab(wb, "Notes").getRange("A2").getValue()).toBe("Ship faster");
  });

  it("with History deleted: the new cycle gets a fresh one", () => {
    const wb = closedTracker();
    ss(wb).deleteSheet(tab(wb, "History"));
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expectRolledOver(wb, r);
    expect((r.archived as string[]).some((n) => n.endsWith(" · History"))).toBe(false);
  });

  it("with History renamed \"HISTORY\": it is still the History tab (tab names are found whatever their case), archived with the cycle", () => {
    const wb = closedTracker();
    tab(wb, "History").setName("HISTORY");
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expectRolledOver(wb, r);
    expect((r.archived as string[]).filter((n) => n.endsWith(" · History"))).toHaveLength(1);
  });

  it("with a Check-ins header Repair would refuse (copied to row 41): that tab is archived as it is, the new one is fresh", () => {
    // Checking Repair on the tabs as they are before the archiving would refuse this roll over.
    const wb = closedTracker();
    const log = tab(wb, "Check-ins");
    const width = log.getLastColumn();
    log.getRange(41, 1, 1, width).setValues(log.getRange(1, 1, 1, width).getValues());
    log.getRange(1, 1, 1, width).clearContent();
    expect(callAddonRaw(wb, "repairTracker").ok).toBe(false);
    const r = callAddon(wb, "rollOverCycle", { start: NEXT });
    expectRolledOver(wb, r);
    expect(tab(wb, (r.archived as string[]).find((n) => n.endsWith(" · Check-ins"))!).getRange(41, 1).getValue()).toBe("Timestamp");
  });
});

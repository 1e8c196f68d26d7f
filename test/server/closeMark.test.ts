// The Settings row closing writes (server/closeMark.ts, core/cycleClosed.ts) where Settings has no blank row
// left in A1:C40 or is protected from the person closing, through the built add-on: the close is done and its
// answer says, in one line, that the close day could not be recorded (until session 13 it said nothing, and
// a row of the user's at row 40 left the close unrecorded silently). Repair keeps counting the row as ours.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, newTracker, ss } from "../support/tracker";
import { closedTracker, IN_USE_TODAY, NEXT_CYCLE, PROTECTION, trackerInUse } from "../support/inUse";
import { OPERATIONS_OWNER } from "../support/summaryTab";

const ADMIN = "ops.lead@example.com";
const LABEL = "Cycle closed as of (set by closing)";

/** The Settings tab's A1:C40 as shown. */
function settings(wb: ReturnType<typeof newTracker>): string[][] {
  return ss(wb).getRange("Settings!A1:C40").getDisplayValues();
}

/** Fills every blank row of Settings A1:C40 with a row of the user's own ("Link n"). */
function fillSettings(wb: ReturnType<typeof newTracker>): number[] {
  const filled: number[] = [];
  settings(wb).forEach((r, i) => {
    if (i > 0 && r.every((c) => c === "")) {
      ss(wb).getRange(`Settings!A${i + 1}:B${i + 1}`).setValues([[`Link ${i + 1}`, `url-${i + 1}`]]);
      filled.push(i + 1);
    }
  });
  return filled;
}

describe("closing where its Settings row cannot be written", () => {
  it("no blank row left in A1:C40: the close is done, nothing of the user's is written over, and the answer says so in one line", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-03-15" });
    expect(fillSettings(wb).length).toBeGreaterThan(0);
    const before = settings(wb);
    const r = callAddon(wb, "endCycle", { at: "2026-03-15" });
    expect(r.ok).toBe(true);
    expect(r.notice).toBe(
      "The close day could not be recorded in Settings: no blank row is left in A1:C40, where settings are read, so check-ins and summaries after the close will not say the cycle is closed. Clear a row there and close again.",
    );
    expect(settings(wb)).toEqual(before);
    expect(ss(wb).getSheetByName("Retrospective")).not.toBeNull();
  });

  it("Settings protected from the person closing: the close is done and the answer says the day is not recorded", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-03-15" });
    const sheet = ss(wb).getSheetByName("Settings")!;
    (sheet.getProtections(PROTECTION.SHEET)[0] ?? sheet.protect()).setWarningOnly(false);
    wb.services.session.setUser(OPERATIONS_OWNER["O1.KR1"]);
    const r = callAddon(wb, "endCycle", { at: "2026-03-15" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.notice).toBe("The close day could not be recorded in Settings: the tab is protected from you, so check-ins and summaries after the close will not say the cycle is closed.");
  });

  it("written in a blank row, it is left where it is by Repair, and closing again writes the same row", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-03-15" });
    expect(callAddon(wb, "endCycle", { at: "2026-03-15" }).notice).toBeUndefined();
    const at = settings(wb).findIndex((r) => r[0] === LABEL) + 1;
    expect(at).toBeGreaterThan(1);
    const repaired = callAddon(wb, "repairTracker");
    expect(repaired.ok).toBe(true);
    expect(JSON.stringify(repaired.restored ?? [])).not.toMatch(/Cycle closed/);
    expect(callAddon(wb, "endCycle", { at: "2026-03-16" }).notice).toBeUndefined();
    const rows = settings(wb).filter((r) => r[0] === LABEL);
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toBe("2026-03-16");
    expect(settings(wb)[at - 1][0]).toBe(LABEL);
    // With no room for a missing setting, Repair names the user's own rows to clear, not the close's.
    ss(wb).getRange("Settings!A5:C5").setValues([["My row", "x", ""]]);
    const yours = fillSettings(wb).concat(5).sort((a, b) => a - b);
    const message = JSON.stringify(callAddon(wb, "repairTracker"));
    expect(message).toMatch(/no blank row left in A1:C40/);
    expect(message).not.toMatch(new RegExp(`\\b${at}\\b`));
    expect(yours).not.toContain(at);
  });
});

describe("what writing the row costs", () => {
  /** The service calls of closing the cycle as of IN_USE_TODAY, on a tracker in use made by `make`. */
  const closeCalls = (prepare: (wb: ReturnType<typeof newTracker>) => void) => {
    const wb = trackerInUse();
    prepare(wb);
    wb.services.counters.reset();
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).notice).toBeUndefined();
    expect(settings(wb).filter((r) => r[0] === LABEL).map((r) => r[1])).toEqual([IN_USE_TODAY]);
    return wb.services.counters.snapshot().serviceCalls;
  };

  it("a first close finds its blank row in the Settings it read: it costs what a close whose row is there costs (one write)", () => {
    // The row as an earlier cycle's close left it in a tracker rolled over before session 13 (a day before
    // this cycle's start, ignored), right under the last labelled row, where a first close writes it.
    const labelled = closeCalls((wb) => {
      const under = settings(wb).reduce((last, r, i) => (r[0] ? i + 1 : last), 0) + 1;
      ss(wb).getRange(`Settings!A${under}:B${under}`).setValues([[LABEL, "2025-12-28"]]);
    });
    // Before: one call more, Settings A1:C40 read again to find the blank row.
    expect(closeCalls(() => undefined)).toBe(labelled);
  });
});

describe("the roll over and the row closing wrote", () => {
  /** The value of the close's Settings row, or null when there is none. */
  const closedAsOf = (wb: ReturnType<typeof newTracker>) => settings(wb).find((r) => r[0] === LABEL)?.[1] ?? null;

  /** A roll over that fails making the new cycle's first tab (a service error). */
  const failingRollOver = (wb: ReturnType<typeof newTracker>, opts: Record<string, unknown>) => {
    let failed = false;
    wb.services.counters.listener = (name) => {
      if (name !== "Spreadsheet.insertSheet" || failed) return;
      failed = true;
      throw new Error("Service Spreadsheets failed while accessing document with id test-sheet.");
    };
    try {
      expect(callAddonRaw(wb, "rollOverCycle", opts).ok).toBe(false);
    } finally {
      wb.services.counters.listener = null;
    }
    expect(failed).toBe(true);
  };
  /** Settings A1:C40 full: the row of `label` cleared, then every blank row filled with a row of the user's. */
  const fullWithout = (wb: ReturnType<typeof newTracker>, label: string) => {
    const at = settings(wb).findIndex((r) => r[0] === label) + 1;
    expect(at).toBeGreaterThan(1);
    ss(wb).getRange(`Settings!A${at}:C${at}`).clearContent();
    fillSettings(wb);
    expect(settings(wb).filter((r) => r.every((c) => c === ""))).toEqual([]);
  };

  it("a roll over that fails midway (making the new cycle's tabs) leaves the row: the cycle is not rolled over", () => {
    const wb = closedTracker();
    expect(closedAsOf(wb)).toBe(IN_USE_TODAY);
    failingRollOver(wb, { start: NEXT_CYCLE });
    // Before: cleared before setup made the new tabs, so the half-done roll over left the cycle unmarked.
    expect(closedAsOf(wb)).toBe(IN_USE_TODAY);
  });

  it("Settings A1:C40 full and a row of ours missing: the roll over puts it where the close's row was, the new cycle's name and length recorded", () => {
    for (const [label, value] of [["Cycle name", "Q2 pilot"], ["Length in weeks", "10"]]) {
      const wb = closedTracker();
      fullWithout(wb, label);
      const at = settings(wb).findIndex((r) => r[0] === LABEL) + 1;
      const r = callAddon(wb, "rollOverCycle", { start: NEXT_CYCLE, name: "Q2 pilot", weeks: 10 });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      // Before (since the close's row went last): "no blank row left … for "Cycle name"", and the new cycle
      // went on under the old name ("Cycle 1", the default, once its row was gone) or its length.
      expect(JSON.stringify(r.warnings), label).not.toMatch(/no blank row/);
      expect(settings(wb)[at - 1].slice(0, 2), label).toEqual([label, value]);
      expect(closedAsOf(wb)).toBeNull();
      const cycle = callAddon(wb, "getSidebarData").cycle;
      expect([cycle.name, cycle.weeks], label).toEqual(["Q2 pilot", 10]);
    }
  });

  it("… and a roll over failing midway there still leaves the row, and the user's rows as they were", () => {
    const wb = closedTracker();
    fullWithout(wb, "Cycle name");
    const before = settings(wb);
    failingRollOver(wb, { start: NEXT_CYCLE, name: "Q2 pilot" });
    expect(closedAsOf(wb)).toBe(IN_USE_TODAY);
    expect(settings(wb).filter((r) => /^Link /.test(r[0]))).toEqual(before.filter((r) => /^Link /.test(r[0])));
  });

  it("a roll over that succeeds clears it", () => {
    const wb = closedTracker();
    expect(callAddon(wb, "rollOverCycle", { start: NEXT_CYCLE }).ok).toBe(true);
    expect(closedAsOf(wb)).toBeNull();
    expect(settings(wb).filter((r) => r.every((c) => c === "")).length).toBeGreaterThan(0);
  });
});

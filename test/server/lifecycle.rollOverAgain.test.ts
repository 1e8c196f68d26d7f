// A roll over run a second time, and one after the next cycle's start was typed into Settings by hand: two
// mistakes an operations team makes (the first dialog seemed slow; "set up next quarter first"). Through the
// built add-on (dist/Code.js). Before session 17 the second run said "Close the cycle first", and a team that
// did so closed the cycle it had just started; the typed start got "it ran 2026-04-06 to 2026-07-05", a cycle
// that never ran, with nothing saying Settings were the cause.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, setSetting } from "../support/tracker";
import { closedTracker, NEXT_CYCLE, snapshotSheets } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

function refused(wb: Workbook, start = NEXT_CYCLE): string {
  const before = snapshotSheets(wb);
  const r = callAddonRaw(wb, "rollOverCycle", { start });
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(snapshotSheets(wb) === before).toBe(true);
  return r.message;
}

describe("Roll over: mistakes that must not cost a cycle", () => {
  it("run again right after it succeeded: says it is done, not to close the cycle just started", () => {
    const wb = closedTracker();
    expect(callAddonRaw(wb, "rollOverCycle", { start: NEXT_CYCLE }).ok).toBe(true);
    expect(refused(wb)).toBe(
      '"Order-to-delivery pilot" was already rolled over into this cycle: close it ("End cycle & retrospective") when it ends, then roll over. Nothing was changed.',
    );
  });

  it("the menu's item, run again, says the same before asking for a date (its own check of the Retrospective)", () => {
    const wb = closedTracker();
    expect(callAddonRaw(wb, "rollOverCycle", { start: NEXT_CYCLE }).ok).toBe(true);
    const before = snapshotSheets(wb);
    const ui = wb.services.ui;
    ui.alerts.length = 0;
    callAddonRaw(wb, "menuRollOver");
    expect(ui.alerts.map((a) => a.kind)).toEqual(["alert"]);
    expect(ui.alerts[0].prompt).toBe(
      '"Order-to-delivery pilot" was already rolled over into this cycle: close it ("End cycle & retrospective") when it ends, then roll over.\nNothing was changed.',
    );
    expect(snapshotSheets(wb) === before).toBe(true);
  });

  it("the new start typed into Settings before rolling over: names Settings as the thing to put back", () => {
    const wb = closedTracker();
    setSetting(wb, "Start date", new Date(`${NEXT_CYCLE}T00:00:00Z`));
    expect(refused(wb)).toBe(
      `Settings give ${NEXT_CYCLE} as this cycle's start: type back the day it started (roll over writes the new one), then roll over again. Nothing was changed.`,
    );
  });
});

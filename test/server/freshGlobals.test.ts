// Apps Script starts every execution with fresh script globals; the offline spreadsheet evaluates the built
// add-on (dist/Code.js) again for each one (loadAddon). Here the one module-level flag of the add-on,
// env.ts's `triggerRun` (set while a weekly refresh's trigger run works, letting only such a run go on
// without a document lock), must not reach another execution running meanwhile: a check-in during the run.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import { requestId, rowsOf, setToday } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";

const NO_LOCK = "The tracker can only be changed from within its spreadsheet (no document lock here). Nothing was changed.";

describe("An execution's globals are its own", () => {
  it("a check-in without a document lock, made while a trigger run (which may go without one) works, refuses as it would alone", () => {
    // A project whose trigger runs have no containing document: the refresh runs with no document lock.
    const [wb] = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: true });
    expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    setToday(wb, "2026-01-12");
    const checkin = { requestId: requestId(), krId: "O1.KR1", value: "86", confidence: 6 };

    // Alone, it refuses: only a trigger run goes on without the lock.
    wb.services.lock.noDocument(true);
    expect(callAddon(wb, "submitCheckin", checkin)).toMatchObject({ ok: false, message: NO_LOCK });
    wb.services.lock.noDocument(false);

    // The same check-in, from the sidebar (a document, no trigger), in the middle of the refresh's summary.
    let during: { ok: boolean; message?: string } | null = null;
    wb.services.counters.listener = (name) => {
      if (during !== null || name !== "Range.setValues") return;
      wb.services.runningTrigger = false;
      wb.services.lock.noDocument(true);
      try {
        during = callAddon(wb, "submitCheckin", checkin);
      } finally {
        wb.services.lock.noDocument(false);
        wb.services.runningTrigger = true;
      }
    };
    const run = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    wb.services.counters.listener = null;
    expect(run).toMatchObject({ ok: true, outcome: { week: 1 } }); // Monday 2026-01-12's refresh: the week to Sunday
    // On the old emulator the run's flag, a global of the one evaluated bundle, let the check-in through.
    expect(during, "the check-in ran during the refresh").toMatchObject({ ok: false, message: NO_LOCK });
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
  });
});

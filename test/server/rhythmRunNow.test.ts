// "Run weekly refresh now", the add-on menu's way to make up a missed or failed weekly run (the failure email
// points to it), through the BUILT add-on (run `npm run build` first): this week's refresh as the trigger
// runs it (as of yesterday), recorded as the last run with who ran it, and only where the refresh is on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, type Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, setSetting, setToday, ss } from "../support/tracker";
import type { ScriptProject } from "../../src/local/snapshot";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { newScriptProject } from "../../src/local/snapshot";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";

/** Chooses the menu item, answering its question `answer`; gives the dialogs' texts. */
function runNow(wb: Workbook, answer: "YES" | "NO" | null = "YES"): string[] {
  const ui = wb.services.ui;
  ui.alerts.length = 0;
  if (answer) ui.respond(answer);
  callAddonRaw(wb, "menuWeeklyNow");
  return ui.alerts.map((a) => a.prompt);
}

const status = (wb: Workbook) => String(callAddon(wb, "setWeeklyRefresh", {}).status);

describe("Run weekly refresh now", () => {
  it("makes up a failed run once fixed: the summary as of yesterday, recorded as the last run, run by whom", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const krs = ss(wb).getSheetByName("Key Results")!;
    krs.setName("KRs");
    setToday(wb, "2026-01-12");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(false);
    // The failure email says what to do, and the menu now has the item it names.
    expect(wb.services.mail.sent[0].body).toContain('"Run weekly refresh now" runs it again once fixed');
    krs.setName("Key Results");
    setToday(wb, "2026-01-13");
    const [question, answer] = runNow(wb);
    expect(question).toContain("failed: ");
    expect(question).toContain("Run this week's refresh now, as you: the Weekly Summary as of yesterday");
    expect(answer).toContain(`Last weekly refresh: 2026-01-13 12:00 (Etc/UTC), run now by ${ADMIN}, OK.`);
    // As the trigger's run: as of the day before (Monday 2026-01-12), week 2 of the cycle.
    const shown = ss(wb).getSheetByName("Weekly Summary")!.getRange("A1:A3").getDisplayValues().join(" ");
    expect(shown).toMatch(/\bWeek 2 of 13\b.*2026-01-12/);
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });

  it("is no sign the trigger still runs: a refresh silent for more than 8 days is still said so", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-01-12");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    setToday(wb, "2026-01-21"); // the run of the 19th never came
    const [, answer] = runNow(wb);
    expect(answer).toContain("run now by");
    expect(status(wb)).toContain("It has not run since 2026-01-12");
  });

  it("changes nothing when the refresh is off, or when the question is answered No", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-13");
    expect(runNow(wb, null)).toEqual(['The weekly refresh is off: "Weekly refresh on / off" turns it on.\nNothing was changed.']);
    callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(runNow(wb, "NO")).toHaveLength(1);
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(status(wb)).toContain("Last weekly refresh: none yet.");
  });
});

describe("Run weekly refresh now and the trigger's own run of the same week", () => {
  /** A tracker whose refresh is on and mails the leaders' digest, on Monday 2026-01-12 at `time` (UTC). */
  function monday(time: string, withoutDocument = false): Workbook {
    const wb = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument })[0];
    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    at(wb, time);
    return wb;
  }
  const at = (wb: Workbook, time: string) => wb.services.clock.set(new Date(`2026-01-12T${time}Z`));
  const digests = (wb: Workbook) => wb.services.mail.sent.filter((m) => m.to.includes("boss@example.com")).length;
  /** Runs `second` once, just before the first execution's first document lock, after its question if it asks one. */
  function whileWaiting(wb: Workbook, second: () => void): void {
    let done = false;
    wb.services.counters.listener = (name) => {
      if (done || name !== "Lock.tryLock") return;
      done = true;
      second();
    };
  }

  it("a run now asked for just before the trigger's run, which writes this week's while it waits, says so and sends nothing", () => {
    const wb = monday("06:59:30");
    whileWaiting(wb, () => {
      at(wb, "07:00:00");
      expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    });
    const [, answer] = runNow(wb);
    expect(answer).toBe(
      "This week's refresh (as of 2026-01-11) was run by the weekly trigger at 2026-01-12 07:00, after this one was asked for: not run again. Nothing was changed." +
        ' If it fails ("Weekly refresh on / off" shows how it ends), run this again.',
    );
    expect(digests(wb)).toBe(1);
    expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");
  });

  it("a run now asked for just before the trigger's run, which wrote this week's while it waited and then failed, runs", () => {
    const project: ScriptProject = newScriptProject();
    const wb = trackers(1, project)[0];
    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    at(wb, "06:59:30");
    // The trigger runs as its installer, whose day's email quota is spent: its summary is written, its emails fail.
    project.mailQuota!.set(ADMIN, { since: wb.services.clock.now().getTime(), used: 100 });
    const BEN = "ben@example.com";
    wb.services.session.setUser(BEN);
    whileWaiting(wb, () => {
      at(wb, "07:00:00");
      expect(() => fireTrigger(wb, refreshTriggersOf(wb)[0])).toThrow("Google's daily email quota ran out");
      expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), failed: Google's daily email quota ran out");
    });
    const [, answer] = runNow(wb);
    expect(answer).toContain(`Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), run now by ${BEN}, OK.`);
    expect(digests(wb)).toBe(1);
  });

  it("the trigger's run waiting while a run now writes this week's does nothing, recorded as the trigger's run", () => {
    const wb = monday("07:00:00");
    whileWaiting(wb, () => {
      at(wb, "07:00:20");
      wb.services.runningTrigger = false; // the admin's execution, beside the trigger's
      expect(runNow(wb)[1]).toContain(`run now by ${ADMIN}, OK.`);
      wb.services.runningTrigger = true;
    });
    const out = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(out.ok).toBe(true);
    expect(digests(wb)).toBe(1);
    expect(status(wb)).toContain(
      `Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), did nothing: this week's refresh (as of 2026-01-11) was run now by ${ADMIN} at 2026-01-12 07:00, after this one was asked for.`,
    );
  });

  it("the trigger's run starting while a run now sends this week's emails (its summary written, its record saying it started) does nothing", () => {
    const wb = monday("07:00:00");
    let done = false;
    wb.services.counters.listener = (name) => {
      if (done || name !== "MailApp.getRemainingDailyQuota") return;
      done = true;
      at(wb, "07:00:40");
      expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
      wb.services.runningTrigger = false; // back in the admin's execution
    };
    expect(runNow(wb)[1]).toContain(`run now by ${ADMIN}, OK.`);
    expect(done).toBe(true);
    expect(digests(wb), "one digest, not two").toBe(1);
  });

  it.each([false, true])("the trigger's run after a run now of the same week (early that morning) sends no second digest; a run now after the trigger's, asked knowing it, runs (trigger run without the document's properties: %s)", (withoutDocument) => {
    const wb = monday("05:10:00", withoutDocument);
    expect(runNow(wb)[1]).toContain(`run now by ${ADMIN}, OK.`);
    at(wb, "07:00:00");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    expect(digests(wb)).toBe(1);
    expect(status(wb)).toContain(`did nothing: this week's refresh (as of 2026-01-11) was run now by ${ADMIN} at 2026-01-12 05:10.`);
    // The question showed the last run: an admin who asks again means it (a Settings fix to send again).
    at(wb, "09:00:00");
    expect(runNow(wb)[1]).toContain(`Last weekly refresh: 2026-01-12 09:00 (Etc/UTC), run now by ${ADMIN}, OK.`);
    expect(digests(wb)).toBe(2);
  });

  it("a run now that failed after writing its summary does not keep the trigger's run from sending the week's digest", () => {
    const project: ScriptProject = newScriptProject();
    const wb = trackers(1, project)[0];
    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    at(wb, "05:10:00");
    const BEN = "ben@example.com"; // another admin, whose day's email quota is spent
    project.mailQuota!.set(BEN, { since: wb.services.clock.now().getTime(), used: 100 });
    wb.services.session.setUser(BEN);
    expect(runNow(wb)[1]).toContain("Google's daily email quota ran out: nothing was sent to boss@example.com. The Weekly Summary was written");
    wb.services.session.setUser(ADMIN);
    expect(status(wb)).toContain(`run now by ${BEN}, failed: Google's daily email quota ran out`);
    at(wb, "07:00:00");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    expect(digests(wb)).toBe(1);
    expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");
  });
});

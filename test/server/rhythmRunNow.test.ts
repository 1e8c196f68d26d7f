// "Run weekly refresh now", the add-on menu's way to make up a missed or failed weekly run (the failure email
// points to it), through the BUILT add-on (run `npm run build` first): this week's refresh as the trigger
// runs it (as of yesterday), recorded as the last run with who ran it, and only where the refresh is on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, type Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

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

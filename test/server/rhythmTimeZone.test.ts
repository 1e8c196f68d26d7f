// The weekly refresh after the spreadsheet's time zone changed (File › Settings), through the BUILT add-on
// (run `npm run build` first): the trigger keeps the zone it was made in, so the admins are told to make it
// again, and making it again runs it at 07:00 in the new zone.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, setSetting, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";

describe("The spreadsheet's time zone changed after the refresh was turned on", () => {
  it("the status says the trigger runs in the old zone and how to move it; on again moves it", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    ss(wb).setSpreadsheetTimeZone("Europe/Berlin");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true }).status).not.toContain("time zone is now");
    const [old] = refreshTriggersOf(wb);
    old.minute = 47; // Google's pick within the hour (the emulator's is set here so the words below are known)
    wb.services.clock.set(wb.services.nextRun(old, new Date("2026-01-07T12:00:00Z")));
    expect(fireTrigger(wb, old)).toMatchObject({ ok: true, outcome: { week: 1 } }); // Monday 2026-01-12 07:47 in Berlin: the week to Sunday
    ss(wb).setSpreadsheetTimeZone("America/Los_Angeles");
    let status = callAddon(wb, "setWeeklyRefresh", {}).status;
    // Before: "every Monday between 07:00 and 08:00 (Europe/Berlin), reporting the week to Sunday." and nothing else (what a
    // run reports is no longer said: Monday 07:00 in Berlin is Sunday here).
    expect(status).toContain("every Monday between 07:00 and 08:00 (Europe/Berlin). This spreadsheet's time zone is now America/Los_Angeles: turn the refresh off and on again to run it between 07:00 and 08:00 there.");
    // The last run's time stays labelled with the zone it was written in (it said "07:00 (America/Los_Angeles)").
    expect(status).toContain("Last weekly refresh: 2026-01-12 07:47 (Europe/Berlin), OK.");
    // The trigger still fires at 07:00 Berlin: Sunday 22:00 in California, a summary as of the day before
    // there, Saturday (check-ins are dated in the spreadsheet's zone: Sunday's fall in the next run's period).
    const when = wb.services.nextRun(old, new Date("2026-01-14T12:00:00Z"));
    expect(when.toISOString()).toBe("2026-01-19T06:47:00.000Z");
    wb.services.clock.set(when);
    expect(fireTrigger(wb, old)).toMatchObject({ ok: true, outcome: { week: 2 } });
    expect(String(ss(wb).getSheetByName("Weekly Summary")!.getRange("A2").getValue())).toContain("as of 2026-01-17");
    status = callAddon(wb, "setWeeklyRefresh", {}).status;
    expect(status).toContain("Last weekly refresh: 2026-01-18 22:47 (America/Los_Angeles), OK.");
    callAddon(wb, "setWeeklyRefresh", { on: false });
    const again = callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(again).toMatchObject({ ok: true, timeZone: "America/Los_Angeles" });
    expect(again.status).not.toContain("time zone is now");
    const [t] = refreshTriggersOf(wb);
    expect(wb.services.nextRun(t, new Date("2026-01-21T12:00:00Z")).toISOString().slice(0, 13), "Monday 07:00–08:00 PST").toBe("2026-01-26T15");
  });
});

describe("The Settings check-in weekday changed after the refresh was turned on", () => {
  it("the status says the trigger still runs on the old day and how to move it; on again moves it", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setSetting(wb, "Check-in weekday", "wed");
    const r = callAddon(wb, "setWeeklyRefresh", {});
    // Before: "every Monday …, reporting the week to Sunday." and nothing more, while Settings said Wednesday.
    expect(r).toMatchObject({ on: true, weekday: "Monday" });
    expect(r.status).toContain(
      "every Monday between 07:00 and 08:00 (Etc/UTC), reporting the week to Sunday. The Settings check-in weekday is now Wednesday: turn the refresh off and on again to run it on Wednesdays.",
    );
    callAddon(wb, "setWeeklyRefresh", { on: false });
    expect(callAddon(wb, "setWeeklyRefresh", { on: true }).status).not.toContain("check-in weekday is now");
    expect(refreshTriggersOf(wb).map((t) => t.weekDay)).toEqual(["WEDNESDAY"]);
  });
});

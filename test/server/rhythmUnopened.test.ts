// A weekly refresh whose tracker can no longer be opened (deleted, trashed, no longer shared with the
// trigger's owner), through the BUILT add-on (run `npm run build` first). The run cannot record anything in
// the tracker, so its owner's email is all anyone learns: told once, then the trigger turns itself off after
// a second week it cannot open the tracker, and says so, instead of an email every week (docs/summary.md).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, setToday } from "../support/tracker";
import { fireTrigger, openFails, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";

function fireOn(wb: Workbook, day: string) {
  setToday(wb, day);
  const t = refreshTriggersOf(wb)[0];
  if (!t) throw new Error("no weekly trigger installed");
  return fireTrigger(wb, t);
}

const mails = (wb: Workbook) => wb.services.mail.sent.map((m) => m.subject);

describe("A weekly refresh whose tracker cannot be opened", () => {
  it("tells its owner once, then turns itself off the next week and says how to turn it on again", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const uid = refreshTriggersOf(wb)[0].id;
    openFails(wb, () => true);
    const first = "The weekly refresh cannot open its tracker (ID";
    expect(() => fireOn(wb, "2026-01-12")).toThrow(first);
    expect(mails(wb)).toEqual([`OKR tracker: the weekly refresh of a tracker (ID ${wb.services.toSnapshot().id}) failed`]);
    expect(wb.services.mail.sent[0].body).toContain("It tries once more next week; if it cannot open the tracker then either, it turns itself off and tells you.");
    expect(wb.services.mail.sent[0].body).toContain(uid);
    expect(refreshTriggersOf(wb)).toHaveLength(1);

    // Before: the same email every Monday, the trigger kept until someone turned the refresh off.
    expect(() => fireOn(wb, "2026-01-19")).toThrow("nor could it on 2026-01-12: deleted, or no longer shared with you? It has turned itself off and sends nothing more about it.");
    expect(mails(wb)[1]).toBe(`OKR tracker: the weekly refresh of a tracker (ID ${wb.services.toSnapshot().id}) was turned off`);
    expect(wb.services.mail.sent[1].body).toContain('turn the weekly refresh on: its add-on menu\'s "Weekly refresh on / off"');
    expect(refreshTriggersOf(wb)).toHaveLength(0);
    const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getUserProperties();
    expect(Object.keys(props.getProperties()).filter((k) => k.includes(uid))).toEqual([]);

    // The tracker opens again: its status (it could not record the runs) says the trigger is gone (the
    // installer's account no longer lists it: rhythmGone.test.ts), and the admin turns it on again from the
    // menu, as the email said.
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain("But the trigger you installed is no longer in your account, so it does not run");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });

  it("a week it opens again starts the count over: one failure is never taken for a deletion", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    let gone = true;
    openFails(wb, () => gone);
    expect(() => fireOn(wb, "2026-01-12")).toThrow("cannot open its tracker");
    gone = false;
    expect(fireOn(wb, "2026-01-19")).toMatchObject({ ok: true, outcome: { week: 2 } });
    gone = true;
    expect(() => fireOn(wb, "2026-01-26")).toThrow("Nothing was refreshed.");
    expect(mails(wb).map((s) => s.replace(/.* (failed|was turned off)$/, "$1"))).toEqual(["failed", "failed"]);
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });
});

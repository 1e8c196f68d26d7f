// Google's "Triggers: 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas)
// through the BUILT add-on (run `npm run build` first): an add-on's triggers in every tracker count toward
// the same 20, so the 21st tracker's "turn on" must say where this admin's refreshes are and change nothing.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { expectOneLineRefusal, RHYTHM_ADMIN as ADMIN, trackers } from "../support/rhythm";

const BEN = "ben@example.com";

const mine = (wb: Workbook, who = ADMIN) => wb.services.triggers.filter((t) => t.owner === who);

describe("The weekly refresh in more trackers than Google allows one person triggers", () => {
  it("the 21st tracker's turn-on names the trackers holding this admin's refreshes and changes nothing", () => {
    const books = trackers(21);
    for (const wb of books.slice(0, 20)) expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    const last = books[20];

    const r = callAddon(last, "setWeeklyRefresh", { on: true });
    expectOneLineRefusal(r);
    expect(r.message).toContain("Google allows one person 20 triggers for this add-on, and yours are all in use.");
    expect(r.message).toContain('The weekly refresh is on as you in 20 other trackers ("Team 01", "Team 02", "Team 03" and 17 more).');
    expect(r.message).toContain("Turn the weekly refresh off in a tracker you no longer use");
    expect(r.message).toContain("Nothing was changed.");
    expect(mine(last), "no trigger here").toHaveLength(0);
    expect(books.slice(0, 20).every((wb) => mine(wb).length === 1), "none removed elsewhere").toBe(true);
    expect(callAddon(last, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: false, installedBy: "" });

    // Turning it on again where it is already on replaces that tracker's trigger: still possible at the limit.
    expect(callAddon(books[4], "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    expect(mine(books[4])).toHaveLength(1);

    // Another admin has 20 of their own.
    last.services.session.setUser(BEN);
    expect(callAddon(last, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, installedBy: BEN });
    expect(callAddon(last, "setWeeklyRefresh", { on: false })).toMatchObject({ ok: true, on: false, removed: 1 });
    last.services.session.setUser(ADMIN);

    // Off in a tracker no longer used frees a place, and the 21st then turns on.
    expect(callAddon(books[6], "setWeeklyRefresh", { on: false })).toMatchObject({ ok: true, removed: 1 });
    expect(callAddon(last, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
    expect(mine(last)).toHaveLength(1);
  });
});

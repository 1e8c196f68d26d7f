// A weekly refresh whose trigger is gone, as every admin sees it, through the BUILT add-on (`npm run build`
// first). A trigger is its installer's: only their account lists it (ScriptApp.getProjectTriggers), and a run
// that cannot open its tracker records nothing there, removing itself the second week (rhythmUnopened.test.ts).
// A look at the status changes nothing (session 19): it is shown inside the menu's questions, whose "No" must
// leave everything as it was. Until session 18 another admin's status went on saying the installer's trigger "removes itself when it next
// runs" after it had done so without a word to the tracker, and said "On" for a trigger that no longer existed,
// even to the installer, whose account could tell.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, type Workbook } from "../../src/local/runtime";
import { setToday } from "../support/tracker";
import { asUser, fireTrigger, openFails, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "anna@example.com";
const BEN = "ben@example.com";

const status = (wb: Workbook, who: string) => String(asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {})).status);

/** Chooses the menu item `fn` as `who`, answering its question `answer`; gives the dialogs' texts. */
function menu(wb: Workbook, who: string, fn: "menuWeekly" | "menuWeeklyNow", answer: "YES" | "NO"): string[] {
  const ui = wb.services.ui;
  ui.alerts.length = 0;
  ui.respond(answer);
  asUser(wb, who, () => callAddonRaw(wb, fn));
  return ui.alerts.map((a) => a.prompt);
}

/** Anna's refresh, installed on 2026-01-06, whose runs cannot open the tracker while `gone` says so. */
function tracker(): { wb: Workbook; unshare: (gone: boolean) => void } {
  const [wb] = trackers(1);
  setToday(wb, "2026-01-06");
  expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true });
  let gone = false;
  openFails(wb, () => gone);
  return { wb, unshare: (g) => (gone = g) };
}

/** Anna's trigger runs on two Mondays without opening the tracker: it removes itself on the second. */
function removedItself(wb: Workbook, unshare: (gone: boolean) => void): void {
  unshare(true);
  for (const day of ["2026-01-12", "2026-01-19"]) {
    wb.services.clock.set(new Date(`${day}T07:00:00Z`));
    expect(() => fireTrigger(wb, refreshTriggersOf(wb)[0])).toThrow("cannot open its tracker");
  }
  expect(refreshTriggersOf(wb)).toHaveLength(0);
  unshare(false); // shared with Anna again: she can open the menu there
}

describe("A weekly refresh whose trigger is gone", () => {
  it("switched off by another admin: the status stops promising the trigger's next run once it is overdue; the installer's look tells them, changing nothing", () => {
    const { wb, unshare } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(status(wb, BEN)).toContain(`the trigger ${ANNA} installed removes itself when it next runs`);
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    const seen = status(wb, BEN);
    expect(seen).not.toContain("removes itself when it next runs");
    expect(seen).toContain(`Off (switched off by ${BEN} on 2026-01-07). The trigger ${ANNA} installed has recorded no run since;`);
    expect(seen).toContain(`only ${ANNA} can see whether it still exists`);
    expect(seen).toContain("turning the refresh on here replaces it.");
    // Anna's account lists her triggers: her look says hers is gone. Until session 19 it also cleared the record.
    expect(status(wb, ANNA)).toBe(`Off (switched off by ${BEN} on 2026-01-07; the trigger you installed is no longer in your account). Last weekly refresh: none yet.`);
    expect(status(wb, BEN), "unchanged by her look").toBe(seen);
    // Turning it on settles it, whoever does.
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: ANNA });
  });

  it("switched off, the installer turning it off too finds the trigger gone: Off as switched off, not a removal still to come", () => {
    const { wb, unshare } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }))).toMatchObject({ ok: true, on: false, status: `Off (switched off by ${BEN} on 2026-01-07). Last weekly refresh: none yet.` });
  });

  it("on, its trigger gone from the installer's account: On to every admin, the installer told and offered to install it again", () => {
    const { wb, unshare } = tracker();
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    const ben = status(wb, BEN);
    expect(ben).toContain(`It has not run since it was turned on on 2026-01-06`);
    expect(ben).toContain("after two such weeks it removes itself");
    const anna = asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", {}));
    // Until session 20: "Off: the trigger you installed … is no longer in your account" to her alone, On to the others.
    expect(anna).toMatchObject({ on: true, missing: true, reinstall: true, installedBy: ANNA });
    expect(anna.status).toMatch(new RegExp(`^On, installed by ${ANNA} on 2026-01-06: every Monday between 07:00 and 08:00 \\(Etc/UTC\\), reporting the week to Sunday\\. `));
    expect(anna.status).toContain('But the trigger you installed is no longer in your account, so it does not run (it removes itself after two weeks it cannot open this tracker');
    expect(anna.status).toContain('choose "Weekly refresh on / off" to install it again.');
    expect(anna.status, "her line replaces the silence's").not.toContain("It has not run since");
    // The record is left as it was: a look changes nothing.
    expect(status(wb, BEN)).toBe(ben);
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, missing: false, reinstall: false, installedBy: ANNA });
    // Her menu offers to install it again (one Yes), not to turn off a refresh that no longer runs.
    expect(menu(wb, ANNA, "menuWeekly", "NO")[0]).toContain("Install it again, to regenerate the Weekly Summary automatically every Monday");
    expect(refreshTriggersOf(wb)).toHaveLength(0);
    const [, done] = menu(wb, ANNA, "menuWeekly", "YES");
    expect(done).toMatch(new RegExp(`^On, installed by ${ANNA} on 2026-01-20: every Monday`));
    expect(refreshTriggersOf(wb)).toHaveLength(1);
    expect(status(wb, BEN)).not.toContain("It has not run since");
  });

  it("on, its trigger gone: the installer's Run weekly refresh now runs (it was refused), says to install it again, and tells the other admins", () => {
    const { wb, unshare } = tracker();
    removedItself(wb, unshare);
    setToday(wb, "2026-01-14");
    // Until session 20: `The weekly refresh is off: "Weekly refresh on / off" turns it on.`, while Ben's ran.
    const [question, answer] = menu(wb, ANNA, "menuWeeklyNow", "YES");
    expect(question).toContain("But the trigger you installed is no longer in your account");
    expect(question).toContain("Run this week's refresh now, as you");
    expect(answer).toContain(`Last weekly refresh: 2026-01-14 12:00 (Etc/UTC), run now by ${ANNA}, OK.`);
    expect(answer).toContain('choose "Weekly refresh on / off" to install it again.');
    expect(wb.services.toSnapshot().sheets.some((sh) => sh.name === "Weekly Summary")).toBe(true);
    // Ben could not have known before 8 days of silence; her run found it, and every admin now sees it.
    const told = `On 2026-01-14 ${ANNA}'s account no longer listed the trigger they installed (found when they ran the refresh now), so it does not run: ${ANNA} can install it again ("Weekly refresh on / off"), or turn the refresh off and on again to run it as you.`;
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, missing: true, reinstall: false });
    expect(status(wb, BEN)).toContain(told);
    // His own run now keeps it said; her installing it again ends it.
    setToday(wb, "2026-01-15");
    expect(menu(wb, BEN, "menuWeeklyNow", "YES")[1]).toContain(told);
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, missing: false });
    expect(status(wb, BEN)).not.toContain(told);
    // Ben's way: turn it off, then on, as his. Turning it on while hers is recorded is refused, naming her.
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true })).message).toContain(`already on, installed by ${ANNA}`);
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: BEN });
  });

  it("what the installer's run now found ends with a run of that trigger (one Google had stopped and lists again), and is not recorded when it is listed", () => {
    const { wb } = tracker();
    setToday(wb, "2026-01-14");
    menu(wb, ANNA, "menuWeeklyNow", "YES");
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {})), "listed: nothing found").toMatchObject({ on: true, missing: false });
    // Not listed in her account while Google has it stopped (fidelity check 48), then resumed.
    const stopped = refreshTriggersOf(wb)[0];
    wb.services.triggers.splice(wb.services.triggers.indexOf(stopped), 1);
    setToday(wb, "2026-01-15");
    menu(wb, ANNA, "menuWeeklyNow", "YES");
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, missing: true });
    wb.services.triggers.push(stopped);
    wb.services.clock.set(new Date("2026-01-19T07:31:00Z"));
    expect(fireTrigger(wb, stopped)).toMatchObject({ ok: true, outcome: { week: 2 } });
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, missing: false });
    expect(status(wb, BEN)).not.toContain("no longer listed");
  });

  it("switched off by another admin, the installer's look leaves the trigger to remove itself at its next run, as the status says", () => {
    // Until session 19 her look deleted it: answering "No" to the menu's question had already changed something.
    const { wb } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(refreshTriggersOf(wb)).toHaveLength(1);
    expect(status(wb, ANNA)).toBe(
      `Off (switched off by ${BEN} on 2026-01-07; the trigger you installed removes itself when it next runs, or when you turn the refresh on here). Last weekly refresh: none yet.`,
    );
    expect(refreshTriggersOf(wb), "a look changes nothing").toHaveLength(1);
    wb.services.clock.set(new Date("2026-01-12T07:31:00Z"));
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true, outcome: null });
    expect(refreshTriggersOf(wb)).toHaveLength(0);
    // Still says who switched it off, and when (until session 20 a bare "Off." once the trigger removed itself).
    expect(status(wb, BEN)).toBe(
      `Off (switched off by ${BEN} on 2026-01-07). Last weekly refresh: 2026-01-12 07:31 (Etc/UTC), did nothing: switched off, so the trigger removed itself.`,
    );
    expect(status(wb, ANNA), "to the installer too").toContain(`Off (switched off by ${BEN} on 2026-01-07).`);
    // Another admin turning it off again changes nothing of it.
    asUser(wb, "carol@example.com", () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(status(wb, BEN)).toContain(`Off (switched off by ${BEN} on 2026-01-07).`);
  });

  it("an installer's look at a trigger that still exists changes nothing", () => {
    const { wb } = tracker();
    setToday(wb, "2026-01-20");
    expect(status(wb, ANNA)).toContain(`On, installed by ${ANNA} on 2026-01-06`);
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });
});

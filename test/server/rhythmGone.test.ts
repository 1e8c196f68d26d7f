// A weekly refresh whose trigger is gone, as every admin sees it, through the BUILT add-on (`npm run build`
// first). A trigger is its installer's: only their account lists it (ScriptApp.getProjectTriggers), and a run
// that cannot open its tracker records nothing there, removing itself the second week (rhythmUnopened.test.ts).
// A look at the status changes nothing (session 19): it is shown inside the menu's questions, whose "No" must
// leave everything as it was. Until session 18 another admin's status went on saying the installer's trigger "removes itself when it next
// runs" after it had done so without a word to the tracker, and said "On" for a trigger that no longer existed,
// even to the installer, whose account could tell.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { setToday } from "../support/tracker";
import { asUser, fireTrigger, openFails, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "anna@example.com";
const BEN = "ben@example.com";

const status = (wb: Workbook, who: string) => String(asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {})).status);

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

  it("switched off, the installer turning it off too finds the trigger gone: Off, not a removal still to come", () => {
    const { wb, unshare } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }))).toMatchObject({ ok: true, on: false, status: "Off. Last weekly refresh: none yet." });
  });

  it("on: the installer's look finds the trigger gone and says so to them; the record waits for an explicit off or on", () => {
    const { wb, unshare } = tracker();
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    const ben = status(wb, BEN);
    expect(ben).toContain(`It has not run since it was turned on on 2026-01-06`);
    expect(ben).toContain("after two such weeks it removes itself");
    const anna = asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", {}));
    expect(anna).toMatchObject({ on: false, installedBy: ANNA });
    expect(anna.status).toContain("Off: the trigger you installed on 2026-01-06 is no longer in your account");
    // Before (session 18): her look recorded it gone, off for every admin. Now the record is left as it was.
    expect(status(wb, BEN)).toBe(ben);
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, installedBy: ANNA });
    // Anna turning it on replaces it; or another admin turns it off, then on, as the refusal says.
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true })).message).toContain(`already on, installed by ${ANNA}`);
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: BEN });
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
    expect(status(wb, BEN)).toContain("Last weekly refresh: 2026-01-12 07:31 (Etc/UTC), did nothing: switched off, so the trigger removed itself.");
  });

  it("an installer's look at a trigger that still exists changes nothing", () => {
    const { wb } = tracker();
    setToday(wb, "2026-01-20");
    expect(status(wb, ANNA)).toContain(`On, installed by ${ANNA} on 2026-01-06`);
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });
});

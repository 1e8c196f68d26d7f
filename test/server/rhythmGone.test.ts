// A weekly refresh whose trigger is gone, as every admin sees it, through the BUILT add-on (`npm run build`
// first). A trigger is its installer's: only their account lists it (ScriptApp.getProjectTriggers), and a run
// that cannot open its tracker records nothing there, removing itself the second week (rhythmUnopened.test.ts).
// Until session 18 another admin's status went on saying the installer's trigger "removes itself when it next
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
  it("switched off by another admin: the status stops promising the trigger's next run once it is overdue, and the installer's look settles it", () => {
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
    // Anna's account lists her triggers: her look at the status finds hers gone and clears the record, for everyone.
    const settled = `Off (switched off by ${BEN} on 2026-01-07). Last weekly refresh: none yet.`;
    expect(status(wb, ANNA)).toBe(settled);
    expect(status(wb, BEN)).toBe(settled);
  });

  it("switched off, the installer turning it off too finds the trigger gone: Off, not a removal still to come", () => {
    const { wb, unshare } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }))).toMatchObject({ ok: true, on: false, status: "Off. Last weekly refresh: none yet." });
  });

  it("on: the installer's look finds the trigger gone and every admin then sees it off, and why", () => {
    const { wb, unshare } = tracker();
    removedItself(wb, unshare);
    setToday(wb, "2026-01-20");
    expect(status(wb, BEN)).toContain(`It has not run since it was turned on on 2026-01-06`);
    expect(status(wb, BEN)).toContain("after two such weeks it removes itself");
    const gone = `Off: the trigger ${ANNA} installed was found gone from their account on 2026-01-20 (it removes itself after two weeks it cannot open this tracker).`;
    expect(status(wb, ANNA)).toContain(gone);
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: false, installedBy: "" });
    expect(status(wb, BEN)).toContain(gone);
    // Anyone may turn it on again (no longer refused as "already on, installed by anna").
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: BEN });
  });

  it("switched off by another admin, the installer's look removes the trigger now, as its next run would", () => {
    const { wb } = tracker();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(refreshTriggersOf(wb)).toHaveLength(1);
    expect(status(wb, ANNA)).toBe(`Off (switched off by ${BEN} on 2026-01-07). Last weekly refresh: none yet.`);
    expect(refreshTriggersOf(wb)).toHaveLength(0);
  });

  it("an installer's look at a trigger that still exists changes nothing", () => {
    const { wb } = tracker();
    setToday(wb, "2026-01-20");
    expect(status(wb, ANNA)).toContain(`On, installed by ${ANNA} on 2026-01-06`);
    expect(refreshTriggersOf(wb)).toHaveLength(1);
  });
});

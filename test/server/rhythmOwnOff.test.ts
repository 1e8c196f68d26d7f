// The installer turning their own weekly refresh off, through the BUILT add-on (`npm run build` first). Another
// admin's off has said who and when since session 18 (`Off (switched off by ben@… on 2026-01-07; …)`); the
// installer's own cleared the record, so they and every other admin saw a bare "Off." and nobody could tell
// whether the refresh had ever been on, who stopped it or when (session 21).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { setToday } from "../support/tracker";
import { asUser, fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "anna@example.com";
const BEN = "ben@example.com";

const status = (wb: Workbook, who: string) => String(asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {})).status);

/** Anna's refresh, installed on 2026-01-06. */
function annasRefresh(): Workbook {
  const [wb] = trackers(1);
  setToday(wb, "2026-01-06");
  expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true });
  return wb;
}

describe("the installer turning their own refresh off", () => {
  it("is told who switched it off and when, as every other admin is", () => {
    const wb = annasRefresh();
    setToday(wb, "2026-01-13");
    const off = asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(off).toMatchObject({ ok: true, on: false, removed: 1, installedBy: "" });
    expect(off.status).toBe(`Off (switched off by ${ANNA} on 2026-01-13). Last weekly refresh: none yet.`);
    expect(refreshTriggersOf(wb), "her trigger is deleted at once").toHaveLength(0);
    setToday(wb, "2026-02-20");
    expect(status(wb, BEN)).toBe(`Off (switched off by ${ANNA} on 2026-01-13). Last weekly refresh: none yet.`);
    expect(status(wb, ANNA)).toBe(`Off (switched off by ${ANNA} on 2026-01-13). Last weekly refresh: none yet.`);
  });

  it("keeps the earlier off of another admin: who stopped the refresh first, and when", () => {
    const wb = annasRefresh();
    setToday(wb, "2026-01-07");
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    setToday(wb, "2026-01-08");
    const off = asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(off).toMatchObject({ ok: true, on: false, removed: 1 });
    expect(off.status).toBe(`Off (switched off by ${BEN} on 2026-01-07). Last weekly refresh: none yet.`);
  });

  it("turning it on again clears it, whoever does: the new refresh runs", () => {
    const wb = annasRefresh();
    setToday(wb, "2026-01-13");
    asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    const on = asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }));
    expect(on).toMatchObject({ ok: true, on: true, installedBy: BEN });
    expect(on.status).toMatch(new RegExp(`^On, installed by ${BEN} on 2026-01-13: `));
    setToday(wb, "2026-01-19");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true, outcome: { week: 2 } });
  });
});

// Walk 13, story 3: a tracker copied (File › Make a copy: next quarter's, or a pilot for another team), through
// the BUILT add-on (`npm run build` first). Triggers stay with the user and the file they were made in; whether
// a copy carries the add-on's developer metadata and document properties Google does not say (apps-script-
// fidelity.md "To check" 65), so the copy here carries both (the reading where the copy could lie), with and
// without its document properties. Until session 22 the copy said "On, installed by …" with the original's
// last run, and for 8 days nothing said no trigger served it; another admin's "turn on" there was refused as
// "already on", and "Run weekly refresh now" ran there as if it were.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { newScriptProject, type ScriptProject } from "../../src/local/snapshot";
import { setToday } from "../support/tracker";
import { asUser, fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "ops.lead@example.com"; // the admin who turned the refresh on in the original
const BEN = "quality.lead@example.com"; // another editor, who runs the pilot copy

const status = (wb: Workbook, who: string) => asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {}));
const turn = (wb: Workbook, who: string, on: boolean) => asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", { on }));

/** The original with Anna's refresh on since 2026-01-06 and run on 2026-01-12, and a copy of it made on 2026-01-14. */
function copied(keepDocumentProperties: boolean): { original: Workbook; copy: Workbook; project: ScriptProject } {
  const project = newScriptProject();
  const [original] = trackers(1, project);
  setToday(original, "2026-01-06");
  expect(turn(original, ANNA, true)).toMatchObject({ ok: true, on: true });
  original.services.clock.set(new Date("2026-01-12T07:20:00Z"));
  expect(fireTrigger(original, refreshTriggersOf(original)[0])).toMatchObject({ ok: true, outcome: { spreadsheetId: "tracker-1" } });
  setToday(original, "2026-01-14");
  const snap = structuredClone(original.services.toSnapshot());
  const copy = workbookFromSnapshot(
    "/nonexistent/copy-1.xlsx",
    { ...snap, id: "copy-1", name: "Copy of Team 1", triggers: [], documentProperties: keepDocumentProperties ? snap.documentProperties : {} },
    { at: "2026-01-14", user: BEN, project },
  );
  return { original, copy, project };
}

const COPY_OFF = `Off in this copy (the refresh ${ANNA} turned on runs in the original): turn it on here for the copy. Last weekly refresh: none yet.`;

describe.each([true, false])("Walk 13: a copied tracker (document properties copied: %s)", (keepProps) => {
  it("says its refresh is off and why, to everyone; Run weekly refresh now says so; the original's goes on", () => {
    const { original, copy } = copied(keepProps);
    expect(refreshTriggersOf(copy)).toHaveLength(0);
    for (const who of [ANNA, BEN]) expect(status(copy, who)).toMatchObject({ ok: true, on: false, status: COPY_OFF });
    const ui = copy.services.ui;
    ui.alerts.length = 0;
    asUser(copy, BEN, () => callAddonRaw(copy, "menuWeeklyNow"));
    expect(ui.alerts.map((a) => a.prompt)).toEqual(['The weekly refresh is off: "Weekly refresh on / off" turns it on.\nNothing was changed.']);
    setToday(copy, "2026-01-25"); // no "it has not run since": nothing was meant to run here
    expect(status(copy, BEN).status).toBe(COPY_OFF);
    expect(status(original, BEN)).toMatchObject({ on: true, installedBy: ANNA });
    expect(String(status(original, BEN).status)).toContain("Last weekly refresh: 2026-01-12 07:20 (Etc/UTC), OK.");
  });

  it("another editor turns it on in the copy: their own trigger refreshes the copy, Anna's the original, each recorded where it ran", () => {
    const { original, copy } = copied(keepProps);
    expect(turn(copy, BEN, true)).toMatchObject({
      ok: true,
      on: true,
      installedBy: BEN,
      status: `On, installed by ${BEN} on 2026-01-14: every Monday between 07:00 and 08:00 (Etc/UTC), reporting the week to Sunday. Last weekly refresh: none yet.`,
    });
    const [mine] = refreshTriggersOf(copy);
    expect(mine.owner).toBe(BEN);
    for (const wb of [original, copy]) wb.services.clock.set(new Date("2026-01-19T07:20:00Z"));
    expect(fireTrigger(copy, mine)).toMatchObject({ ok: true, outcome: { spreadsheetId: "copy-1", asOf: "2026-01-18" } });
    expect(fireTrigger(original, refreshTriggersOf(original)[0])).toMatchObject({ ok: true, outcome: { spreadsheetId: "tracker-1" } });
    expect(String(status(copy, ANNA).status)).toMatch(new RegExp(`^On, installed by ${BEN} .* Last weekly refresh: 2026-01-19 07:20 \\(Etc/UTC\\), OK\\.$`));
    expect(status(original, BEN)).toMatchObject({ on: true, installedBy: ANNA });
  });

  it("Anna turning it off in the copy, then on, leaves her original's trigger alone: one trigger per file", () => {
    const { original, copy } = copied(keepProps);
    expect(turn(copy, ANNA, false)).toMatchObject({ ok: true, on: false, removed: 0, status: "Off. Last weekly refresh: none yet." });
    expect(refreshTriggersOf(original)).toHaveLength(1);
    expect(turn(copy, ANNA, true)).toMatchObject({ ok: true, on: true, installedBy: ANNA });
    expect([refreshTriggersOf(original).length, refreshTriggersOf(copy).length]).toEqual([1, 1]);
    expect(status(original, BEN)).toMatchObject({ on: true, installedBy: ANNA });
    expect(status(original, ANNA).status).not.toContain("no longer in your account");
  });
});

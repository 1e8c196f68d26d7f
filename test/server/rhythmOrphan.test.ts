// A weekly refresh whose link to its tracker was lost, through the BUILT add-on (run `npm run build:rhythm`
// first). The tracker records its trigger in two places (the user's properties and the document's); with
// both gone, the tracker shows "Off." but Google still holds the admin's time-driven trigger there, and an
// add-on may hold one per user per document: turning the refresh on again used to end in "Something went
// wrong: …". Google's getUserTriggers(spreadsheet) may or may not list time-driven triggers (its reference
// does not say; docs/apps-script-fidelity.md "To check" 13), so both readings are run.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import { ss as ss0 } from "../support/tracker";
import { expectOneLineRefusal, fireTrigger, RHYTHM_ADMIN as ADMIN, trackers } from "../support/rhythm";

const BEN = "ben@example.com";

const props = (wb: Workbook) => wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
const refresh = (wb: Workbook, who = ADMIN) => wb.services.triggers.filter((t) => t.handler === "weeklyRefresh" && t.owner === who);

/** Loses every record of this tracker's trigger: its document properties and developer metadata, and the user's key for it. */
function loseLink(wb: Workbook): void {
  for (const t of refresh(wb)) props(wb).getUserProperties().deleteProperty(`okr.weekly.${t.id}`);
  props(wb).getDocumentProperties().deleteAllProperties();
  for (const m of ss0(wb).createDeveloperMetadataFinder().find()) m.remove();
}

for (const listsClock of [false, true]) {
  describe(`Turning the weekly refresh on over a trigger the tracker no longer records (getUserTriggers ${listsClock ? "lists" : "does not list"} time-driven triggers)`, () => {
    const project = () => ({ ...newScriptProject(), userTriggersListClock: listsClock });

    it("the admin's own unrecorded trigger here is replaced: one trigger, on, and the other tracker's kept", () => {
      const [a, b] = trackers(2, project());
      expect(callAddon(a, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
      expect(callAddon(b, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
      const old = refresh(a)[0].id;
      loseLink(a);
      const shown = callAddon(a, "setWeeklyRefresh", {});
      // Where Google lists it, the tracker finds its trigger again (adopted); otherwise it cannot see it.
      expect(shown).toMatchObject({ ok: true, on: listsClock });
      if (listsClock) expect(shown.status).toContain(`On, installed by ${ADMIN} (when it runs is not recorded here: turn it on again to record it).`);

      const r = callAddon(a, "setWeeklyRefresh", { on: true });
      expect(r.message).toBeUndefined();
      expect(r).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
      expect(refresh(a)).toHaveLength(1);
      expect(refresh(a)[0].id, "a new trigger, recorded").not.toBe(old);
      expect(refresh(b), "the other tracker's refresh is untouched").toHaveLength(1);
      expect(callAddon(b, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: true });
      expect(callAddon(a, "setWeeklyRefresh", { on: false })).toMatchObject({ ok: true, on: false, removed: 1 });
      expect(refresh(a)).toHaveLength(0);
    });

    it("another admin's trigger is never taken for the admin's own", () => {
      const [a] = trackers(1, project());
      a.services.session.setUser(BEN);
      expect(callAddon(a, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, installedBy: BEN });
      loseLink(a);
      a.services.session.setUser(ADMIN);
      expect(callAddon(a, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
      expect(refresh(a, BEN), "Ben's trigger is his to delete").toHaveLength(1);
      expect(refresh(a, ADMIN)).toHaveLength(1);
    });
  });
}

describe("When nothing documented tells which unrecorded trigger is this tracker's", () => {
  it("turning on is refused in one line saying what to do, and nothing is changed; done, it turns on", () => {
    const project = newScriptProject(); // getUserTriggers does not list time-driven triggers: the strict reading
    const [a, b, c] = trackers(3, project);
    for (const wb of [a, b, c]) expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    loseLink(a);
    project.userProperties.clear(); // every record in the user's properties gone: b's and c's only in their documents

    const r = callAddon(a, "setWeeklyRefresh", { on: true });
    expectOneLineRefusal(r);
    expect(r.message).toContain("turn the weekly refresh on again in your other trackers where it is on as you");
    expect(r.message, "no promise that waiting helps: a run may not be able to resolve it").not.toContain("in a week");
    expect([a, b, c].map((wb) => refresh(wb).length), "no trigger deleted or added").toEqual([1, 1, 1]);

    // As the message says: on again in b and c records their triggers again; then only a's is unrecorded.
    for (const wb of [b, c]) expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    expect(callAddon(a, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    expect([a, b, c].map((wb) => refresh(wb).length)).toEqual([1, 1, 1]);
  });
});

// Whether a time-driven run can read document properties is not documented either ("returns null" when they
// are not available; docs/apps-script-fidelity.md "To check" 3): the runs below go under both readings.
for (const withoutDocument of [false, true]) {
  const reading = withoutDocument ? "no document properties in a run without a spreadsheet" : "document properties readable in every run";
  const project = () => ({ ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument });

  describe(`A trigger no record places, when it runs (${reading})`, () => {
    it("with no active spreadsheet: deletes itself only if it can read its document's properties, and turning on then works", () => {
      const [a, b] = trackers(2, project());
      for (const wb of [a, b]) callAddon(wb, "setWeeklyRefresh", { on: true });
      loseLink(a);
      loseLink(b);
      expect(callAddon(a, "setWeeklyRefresh", { on: true }).message, "two unplaced: which is a's is unknown").toContain("Nothing was changed");
      const orphan = refresh(a)[0].id;
      expect(fireTrigger(a, orphan)).toMatchObject({ ok: true, outcome: null });
      expect(ss0(a).getSheetByName("History")!.getLastRow(), "it refreshed nothing").toBe(1);
      if (withoutDocument) {
        // It cannot tell a lost record from an unreadable one, so it stays, and says so in the execution log.
        expect(refresh(a).map((t) => t.id), "kept").toEqual([orphan]);
        expect(a.services.logs.join("\n")).toContain(`trigger ${orphan} has no record this run can read`);
      } else {
        expect(refresh(a), "deleted itself").toHaveLength(0);
        expect(callAddon(a, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
      }
      expect(refresh(b), "b's untouched until it runs").toHaveLength(1);
    });

    it("with no active spreadsheet, its record kept only in its document (the user's properties cleared): it survives", () => {
      const p = project();
      const [a, b, c] = trackers(3, p);
      for (const wb of [a, b, c]) expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
      p.userProperties.clear(); // b's and c's records now only in their documents
      const id = refresh(b)[0].id;
      const r = fireTrigger(b, id);
      expect(r.ok).toBe(true);
      expect(refresh(b).map((t) => t.id), "b's working trigger is kept").toEqual([id]);
      // Where the run reads b's document it finds its record and refreshes b; where it cannot, it does nothing.
      if (withoutDocument) expect(r.outcome).toBeNull();
      else expect(r.outcome).toMatchObject({ spreadsheetId: "tracker-2" });
      expect(callAddon(b, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
      expect(refresh(c), "c's too").toHaveLength(1);
    });

    it("in its document (if Google runs it there): the document adopts it, and every admin sees it on", () => {
      const [a] = trackers(1, project());
      callAddon(a, "setWeeklyRefresh", { on: true });
      loseLink(a);
      const id = refresh(a)[0].id;
      expect(fireTrigger(a, id, { inDocument: true })).toMatchObject({ ok: true, outcome: { spreadsheetId: "tracker-1" } });
      expect(refresh(a).map((t) => t.id)).toEqual([id]);
      a.services.session.setUser(BEN);
      const seen = callAddon(a, "setWeeklyRefresh", {});
      expect(seen).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
      expect(seen.status).toContain(`On, installed by ${ADMIN} (when it runs is not recorded here: turn it on again to record it).`);
      const refused = callAddon(a, "setWeeklyRefresh", { on: true });
      expect(refused.message).toContain(`The weekly refresh is already on, installed by ${ADMIN}. Nothing was changed`);
      a.services.session.setUser(ADMIN);
      expect(callAddon(a, "setWeeklyRefresh", { on: false })).toMatchObject({ ok: true, on: false, removed: 1 });
    });
  });
}

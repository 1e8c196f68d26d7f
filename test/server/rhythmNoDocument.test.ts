// The weekly refresh's trigger run under both readings of what Google gives it, through the BUILT rhythm
// add-on (run `npm run build:rhythm` first). Google documents LockService.getDocumentLock() and
// PropertiesService.getDocumentProperties() as null outside a containing document and does not say whether
// an add-on's time-driven run has one (docs/apps-script-fidelity.md "To check" 3). Before, under the reading
// that it has none, the run refused: "The tracker can only be changed from within its spreadsheet".
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import { requestId, rowsOf, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, RHYTHM_ADMIN as ADMIN, trackers } from "../support/rhythm";

const FORECAST = ["Forecast", "Forecast score", "Weeks to target"];

/** A tracker with a check-in in week 1 and the refresh on, its trigger due on 2026-01-12 (reporting week 1, to Sunday 2026-01-11). */
function tracker(withoutDocument: boolean): Workbook {
  const [wb] = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument });
  setToday(wb, "2026-01-07");
  wb.services.session.setUser("dispatch.lead@example.com");
  const c = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "86", confidence: 6 });
  if (!c.ok) throw new Error(c.message);
  wb.services.session.setUser(ADMIN);
  expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
  setToday(wb, "2026-01-12");
  return wb;
}

/** What the refresh writes: the summary tab's values, History, and the Key Results forecast columns. */
function written(wb: Workbook) {
  const summary = ss(wb).getSheetByName("Weekly Summary");
  return {
    summary: summary ? summary.getDataRange().getValues() : null,
    history: rowsOf(wb, "History"),
    forecasts: rowsOf(wb, "Key Results").map((r) => FORECAST.map((h) => r[h])),
  };
}

const fire = (wb: Workbook, opts: { inDocument?: boolean } = {}) => fireTrigger(wb, refreshTriggersOf(wb)[0], opts);

for (const withoutDocument of [false, true]) {
  const reading = withoutDocument ? "no containing document: no document lock, no document properties" : "its document given (the default)";

  describe(`The weekly refresh's trigger run (${reading})`, () => {
    it("opens the tracker its record names and regenerates the summary, writing what a run in its document writes", () => {
      const reference = tracker(false);
      expect(fire(reference, { inDocument: true })).toMatchObject({ ok: true, outcome: { spreadsheetId: "tracker-1", week: 1 } });

      const wb = tracker(withoutDocument);
      const r = fire(wb);
      expect(r).toMatchObject({ ok: true, outcome: { spreadsheetId: "tracker-1", week: 1 } });
      const out = written(wb);
      expect(String(out.summary![1][0])).toContain("Week 1 of 13 · as of 2026-01-11");
      expect(out.history).toHaveLength(7);
      expect(out.history.every((h) => h.Week === 1)).toBe(true);
      expect(out.forecasts.some((f) => f[0] !== ""), "the forecast columns written").toBe(true);
      expect(out).toEqual(written(reference));
    });

    it("takes the document lock when given one (busy, it refuses and writes nothing); without one it runs unlocked", () => {
      // Another user's update (a check-in) holds the document lock.
      const held = tracker(withoutDocument);
      const before = written(held);
      held.services.lock.holdByOther();
      const r1 = fire(held);
      held.services.lock.releaseByOther();
      if (withoutDocument) {
        // The race accepted (env.ts withDocumentLock): a run with no document lock cannot wait for it.
        expect(r1).toMatchObject({ ok: true, outcome: { week: 1 } });
      } else {
        expect(r1).toMatchObject({ ok: false, message: "The tracker is busy with another update. Nothing was changed: try again." });
        expect(written(held), "nothing half-written").toEqual(before);
      }

      // The owner's run of another tracker holds no lock this run waits for: were the owner's user lock taken
      // instead, an admin's refreshes of several trackers would refuse each other as "busy" (review, session 7).
      const mine = tracker(withoutDocument);
      const LockService = mine.services.globals.LockService as GoogleAppsScript.Lock.LockService;
      const r2 = mine.services.execution(() => {
        expect(LockService.getUserLock().tryLock(0)).toBe(true);
        return fire(mine);
      });
      expect(r2).toMatchObject({ ok: true, outcome: { week: 1 } });
    });

    it("a company tracker's run rolls up its teams too (their writes under the same lock)", () => {
      const [company, team] = trackers(2, { ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument });
      const list = ss(company).insertSheet("Portfolio");
      list.getRange(1, 1, 2, 4).setValues([["Tracker", "Team", "Weight", "Notes"], [team.services.toSnapshot().id, "Two", "", ""]]);
      expect(callAddon(company, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
      setToday(company, "2026-01-12");
      const r = fire(company);
      expect(r).toMatchObject({ ok: true, outcome: { week: 1, portfolio: { created: false, listed: 1, read: 1, pending: 0 } } });
      // The roll-up is of the summary's day too, the day before the run (session 13; it was the run's day).
      expect(r.outcome.portfolio).toMatchObject({ asOf: "2026-01-11", week: 1 });
      expect(ss(company).getSheetByName("Portfolio Roll-up")).not.toBeNull();
    });

    it("a roll-up that fails in the run is every admin's last-run outcome, not \"OK\"; the summary is still refreshed", () => {
      const [company, team] = trackers(2, { ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument });
      // The Portfolio tab's "Team" header renamed: the roll-up cannot read the list.
      const list = ss(company).insertSheet("Portfolio");
      list.getRange(1, 1, 2, 4).setValues([["Tracker", "Name", "Weight", "Notes"], [team.services.toSnapshot().id, "Two", "", ""]]);
      expect(callAddon(company, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
      setToday(company, "2026-01-12");
      const r = fire(company);
      expect(r).toMatchObject({ ok: true, outcome: { week: 1, portfolio: { error: expect.stringMatching(/^The "Portfolio" tab has no header row/) } } });
      expect(String(ss(company).getSheetByName("Weekly Summary")!.getRange("A2").getValue())).toContain("as of 2026-01-11");
      const status = callAddon(company, "setWeeklyRefresh", {}).status as string;
      expect(status).toContain(
        'Last weekly refresh: 2026-01-12 12:00 (Etc/UTC), failed: the Weekly Summary was refreshed, the portfolio roll-up was not: The "Portfolio" tab has no header row with "Tracker" and "Team"',
      );
    });
  });
}

describe("Interactive runs without a document lock still refuse (only a trigger run goes on without one)", () => {
  it("the menu's summary and its 'send the weekly emails now' change nothing and say why", () => {
    const wb = tracker(true);
    const before = written(wb);
    wb.services.lock.noDocument(true);
    for (const fn of ["generateWeeklySummary", "sendWeeklyEmailsNow"] as const) {
      const r = callAddon(wb, fn, {});
      expect(r.ok).toBe(false);
      expect(r.message).toBe("The tracker can only be changed from within its spreadsheet (no document lock here). Nothing was changed.");
    }
    expect(written(wb)).toEqual(before);
    wb.services.lock.noDocument(false);
  });
});

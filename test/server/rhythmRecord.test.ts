// The weekly refresh's shared record (who installed it and which trigger, another admin's "off", the last run)
// as the trigger run reads and writes it, through the BUILT add-on (`npm run build` first), under both
// readings of what Google gives an add-on's time-driven run (docs/apps-script-fidelity.md "To check" 3).
// The record was in document properties: under the reading where the run has no containing document
// (`triggerRunsWithoutDocument`), another admin's off never reached the owner's trigger, a replaced trigger
// kept running (two digests a week) and no run was recorded. These tests failed there on that code; the
// record is now in the spreadsheet's developer metadata (src/server/refreshRecord.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import { rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { asUser, fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "anna@example.com";
const BEN = "ben@example.com";
const LEADER = "boss@example.com";

const status = (wb: Workbook, who = BEN) => asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {}));
const digests = (wb: Workbook) => wb.services.mail.sent.filter((m) => m.to.includes(LEADER)).length;

for (const withoutDocument of [false, true]) {
  const reading = withoutDocument ? "no containing document: no document properties" : "its document given (the default)";

  /** A tracker whose leaders get the digest, Anna's refresh on (installed 2026-01-06). */
  function tracker(): Workbook {
    const [wb] = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: withoutDocument });
    setSetting(wb, "Leaders' emails", LEADER);
    setSetting(wb, "Email digest to leaders", "on");
    setToday(wb, "2026-01-06");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: ANNA });
    return wb;
  }

  /** Runs the `which`th refresh trigger at 07:00 on `day`, with no active spreadsheet (as Google documents it). */
  function fire(wb: Workbook, day: string, which = 0) {
    wb.services.clock.set(new Date(`${day}T07:00:00Z`));
    return fireTrigger(wb, refreshTriggersOf(wb)[which]);
  }

  describe(`The weekly refresh's record in a trigger run (${reading})`, () => {
    it("another admin's off reaches the owner's trigger: it does nothing, removes itself, and every admin sees why", () => {
      const wb = tracker();
      expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }))).toMatchObject({ ok: true, on: false });
      expect(fire(wb, "2026-01-12")).toMatchObject({ ok: true, outcome: null });
      expect(digests(wb), "no digest").toBe(0);
      expect(rowsOf(wb, "History"), "no summary").toHaveLength(0);
      expect(refreshTriggersOf(wb), "Anna's trigger removed itself").toHaveLength(0);
      const seen = status(wb);
      expect(seen).toMatchObject({ ok: true, on: false, installedBy: "" });
      // Who switched it off and when is still said once the trigger removed itself (until session 20: "Off.").
      expect(seen.status).toBe(
        `Off (switched off by ${BEN} on 2026-01-06). Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), did nothing: switched off, so the trigger removed itself.`,
      );
      // Turning it on again, whoever does, clears it.
      expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true })).status).toMatch(/^On, installed by /);
    });

    it("a replaced trigger removes itself: one summary and one digest that week, from the new owner's trigger", () => {
      const wb = tracker();
      asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
      expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: BEN });
      expect(refreshTriggersOf(wb).map((t) => t.owner)).toEqual([ANNA, BEN]);
      expect(fire(wb, "2026-01-12", 0), "Anna's: superseded").toMatchObject({ ok: true, outcome: null });
      expect(refreshTriggersOf(wb).map((t) => t.owner)).toEqual([BEN]);
      expect(fire(wb, "2026-01-12", 0)).toMatchObject({ ok: true, outcome: { week: 1, digestTo: [LEADER] } }); // the week to Sunday 2026-01-11
      expect(digests(wb), "one digest, not two").toBe(1);
      expect(status(wb, ANNA)).toMatchObject({ on: true, installedBy: BEN });
    });

    it("each run's outcome is recorded and the menu shows it: OK, then a failure with its reason", () => {
      const wb = tracker();
      expect(status(wb).status).toContain("Last weekly refresh: none yet.");
      expect(fire(wb, "2026-01-12")).toMatchObject({ ok: true, outcome: { week: 1 } });
      expect(status(wb).status).toBe(
        `On, installed by ${ANNA} on 2026-01-06: every Monday between 07:00 and 08:00 (Etc/UTC), reporting the week to Sunday. Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.`,
      );
      ss(wb).deleteSheet(ss(wb).getSheetByName("Key Results")!);
      expect(fire(wb, "2026-01-19").ok).toBe(false);
      expect(status(wb).status).toMatch(/Last weekly refresh: 2026-01-19 07:00 \(Etc\/UTC\), failed: .*Key Results/);
    });

    it("an earlier version's record in document properties: any admin's write moves it whole, so the owner's trigger obeys the off", () => {
      const wb = tracker();
      // As an earlier version left it: the record in document properties, none in developer metadata.
      const doc = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
      for (const m of ss(wb).createDeveloperMetadataFinder().find()) {
        if (m.getValue() !== "null") doc.setProperty(m.getKey(), m.getValue()!);
        m.remove();
      }
      expect(status(wb, ANNA), "read from the document's properties").toMatchObject({ on: true, installedBy: ANNA });
      asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
      expect(doc.getKeys().filter((k) => /^okr\.weekly\.(installed|off|last)$/.test(k)), "moved, not copied").toEqual([]);
      expect(fire(wb, "2026-01-12")).toMatchObject({ ok: true, outcome: null });
      expect(refreshTriggersOf(wb)).toHaveLength(0);
      expect(digests(wb)).toBe(0);
    });
  });
}

describe("The weekly refresh's record costs the menu one metadata search", () => {
  it("the status is read with one find and no document-properties calls once the record has moved", () => {
    const [wb] = trackers(1);
    callAddon(wb, "setWeeklyRefresh", { on: true });
    wb.services.counters.reset();
    expect(callAddon(wb, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: true });
    const by = wb.services.counters.byMethod;
    expect(by["DeveloperMetadataFinder.find"]).toBe(1);
    expect(by["Spreadsheet.addDeveloperMetadata"] ?? 0, "reading writes nothing").toBe(0);
    expect(by["DeveloperMetadata.setValue"] ?? 0).toBe(0);
    expect(by["Properties.getProperty"] ?? 0, "the record is not read from document properties").toBe(0);
  });
});

describe("An earlier version's record moved while a trigger run works (review R1)", () => {
  it("the run's outcome lands on the entry the other execution added, not beside it: one entry a field, the run recorded", () => {
    const [wb] = trackers(1, { ...newScriptProject(), triggerRunsWithoutDocument: true });
    setToday(wb, "2026-01-06");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true });
    // As an earlier version left it: the record in document properties, none in developer metadata.
    const doc = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    for (const m of ss(wb).createDeveloperMetadataFinder().find()) {
      if (m.getValue() !== "null") doc.setProperty(m.getKey(), m.getValue()!);
      m.remove();
    }
    // The run (no document: it reads no record, so it adds its last run) is in its summary when Ben, from the
    // menu, looks at the status: that moves the record whole, a "null" last run included.
    let moved = false;
    wb.services.counters.listener = (name) => {
      if (moved || name !== "Range.setValues") return;
      moved = true;
      wb.services.runningTrigger = false;
      try {
        expect(status(wb)).toMatchObject({ ok: true, on: true, installedBy: ANNA });
      } finally {
        wb.services.runningTrigger = true;
      }
    };
    wb.services.clock.set(new Date("2026-01-12T07:00:00Z"));
    const run = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    wb.services.counters.listener = null;
    expect(moved, "the status was asked during the run").toBe(true);
    expect(run).toMatchObject({ ok: true, outcome: { week: 1 } });
    const keys = ss(wb).createDeveloperMetadataFinder().find().map((m) => m.getKey()).sort();
    expect(keys, "one entry a field").toEqual(["okr.weekly.installed", "okr.weekly.last", "okr.weekly.off"]);
    expect(status(wb).status).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");
  });
});

describe("A trigger run that cannot write the record (its installer now only views the tracker)", () => {
  it("still emails its installer why it failed", () => {
    const [wb] = trackers(1);
    setToday(wb, "2026-01-06");
    asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }));
    // Anna's access cut to view: Google refuses her run's every write to the spreadsheet (the record's first).
    wb.services.counters.listener = (name) => {
      if (wb.services.runningTrigger && /^(Spreadsheet\.addDeveloperMetadata|DeveloperMetadata\.setValue|Range\.set)/.test(name)) {
        throw new Error("You do not have permission to access the requested document.");
      }
    };
    wb.services.clock.set(new Date("2026-01-12T07:00:00Z"));
    expect(() => fireTrigger(wb, refreshTriggersOf(wb)[0])).toThrow("You do not have permission");
    wb.services.counters.listener = null;
    const mail = wb.services.mail.sent.filter((m) => m.to === ANNA);
    expect(mail.map((m) => m.subject)).toEqual(['OKR tracker: the weekly refresh of "Team 1" failed']);
    expect(mail[0].body).toContain("You do not have permission to access the requested document.");
  });
});

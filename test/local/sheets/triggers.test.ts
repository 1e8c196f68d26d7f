// ScriptApp's limits as Google documents them (docs/apps-script-fidelity.md, ScriptApp and "Quotas and limits"):
// "Triggers: 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas), counted
// across every document an add-on runs in, and "Each add-on can only have one trigger of each type, per user,
// per document" (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { NO_FREQUENCY, ONE_PER_DOCUMENT, TOO_MANY_TRIGGERS } from "../../../src/local/sheets/scriptApp";
import { emptySnapshot, newScriptProject } from "../../../src/local/snapshot";
import { setup, type Any } from "./helpers";

describe("Triggers belong to the user and the script, across documents (quotas: 20 / user / script)", () => {
  const clock = (SA: Any) => SA.newTrigger("weeklyRefresh").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7);

  it("a user's triggers in every document count toward the same 20; the 21st is refused with Apps Script's words", () => {
    const project = newScriptProject();
    const books = Array.from({ length: 21 }, (_, i) => setup({ user: "anna@example.com", project }, { ...emptySnapshot(`T${i}`), id: `doc-${i}` }));
    for (const b of books.slice(0, 20)) clock(b.g.ScriptApp).create();
    const last = books[20];
    expect(last.g.ScriptApp.getProjectTriggers(), "every document's triggers of this user").toHaveLength(20);
    expect(() => clock(last.g.ScriptApp).create()).toThrow(TOO_MANY_TRIGGERS);
    expect(last.services.triggers, "nothing was created").toHaveLength(0);
    // Another user has 20 of their own.
    last.services.session.setUser("ben@example.com");
    clock(last.g.ScriptApp).create();
    // Deleting one of Anna's, from any document, frees a place.
    last.services.session.setUser("anna@example.com");
    last.g.ScriptApp.deleteTrigger(last.g.ScriptApp.getProjectTriggers()[3]);
    expect(books[3].services.triggers).toHaveLength(0);
    clock(last.g.ScriptApp).create();
    expect(last.services.triggers.map((t) => t.owner)).toEqual(["ben@example.com", "anna@example.com"]);
  });

  it("user properties are the script's, whichever document the user is in", () => {
    const project = newScriptProject();
    const a = setup({ user: "anna@example.com", project }, { ...emptySnapshot("A"), id: "doc-a" });
    const b = setup({ user: "anna@example.com", project }, { ...emptySnapshot("B"), id: "doc-b" });
    a.g.PropertiesService.getUserProperties().setProperty("k", "from A");
    expect(b.g.PropertiesService.getUserProperties().getProperty("k")).toBe("from A");
  });

  it("an add-on has one time-driven trigger per user per document", () => {
    const { g, services } = setup({ user: "anna@example.com" });
    clock(g.ScriptApp).create();
    expect(() => clock(g.ScriptApp).create()).toThrow(ONE_PER_DOCUMENT);
    expect(services.triggers).toHaveLength(1);
    services.session.setUser("ben@example.com");
    clock(g.ScriptApp).create(); // "A different user … could have their own separate set of triggers"
    expect(services.triggers).toHaveLength(2);
  });

  it("a time-driven trigger has no source ID; getUserTriggers(spreadsheet) lists it only under the reading the project picks", () => {
    for (const listsClock of [false, true]) {
      const project = { ...newScriptProject(), userTriggersListClock: listsClock };
      const a = setup({ user: "anna@example.com", project }, { ...emptySnapshot("A"), id: "doc-a" });
      const b = setup({ user: "anna@example.com", project }, { ...emptySnapshot("B"), id: "doc-b" });
      const t = clock(a.g.ScriptApp).create();
      expect(t.getTriggerSourceId(), "\"For clock events this returns null\"").toBeNull();
      clock(b.g.ScriptApp).create();
      a.services.session.setUser("ben@example.com");
      clock(a.g.ScriptApp).create();
      a.services.session.setUser("anna@example.com");
      const listed = a.g.ScriptApp.getUserTriggers(a.g.SpreadsheetApp.getActive());
      // The strict reading (default): their source is the clock, not the spreadsheet. The other: the user's
      // own made in this spreadsheet, never another user's or another spreadsheet's.
      expect(listed.map((x: Any) => x.getUniqueId())).toEqual(listsClock ? [t.getUniqueId()] : []);
    }
  });
});

describe("The document in a trigger run with no spreadsheet (null \"outside of the context of a containing document\"; To check 3)", () => {
  it("its properties, lock and cache stay given by default; the project's triggerRunsWithoutDocument makes them all null there, and only there", () => {
    for (const without of [false, true]) {
      const project = { ...newScriptProject(), triggerRunsWithoutDocument: without };
      const { g, services } = setup({ user: "anna@example.com", project }, { ...emptySnapshot("A"), id: "doc-a" });
      g.PropertiesService.getDocumentProperties().setProperty("k", "v");
      services.runningTrigger = true;
      const inTrigger = g.PropertiesService.getDocumentProperties();
      expect(inTrigger === null).toBe(without);
      if (inTrigger) expect(inTrigger.getProperty("k")).toBe("v");
      expect(g.LockService.getDocumentLock() === null, "the lock goes with the properties").toBe(without);
      expect(g.CacheService.getDocumentCache() === null, "and the cache").toBe(without);
      expect(g.PropertiesService.getUserProperties(), "the user's are always there").not.toBeNull();
      expect(g.LockService.getUserLock(), "and the user's lock").not.toBeNull();
      services.runningTrigger = false;
      expect(g.PropertiesService.getDocumentProperties().getProperty("k")).toBe("v");
      expect(g.LockService.getDocumentLock()).not.toBeNull();
    }
  });
});

describe("When a clock trigger runs, and what it needs (ref/script/clock-trigger-builder)", () => {
  it("a recurring trigger fires at a minute within its hour, not at the hour's start; the same minute every week", () => {
    // "If nearMinute() is not called, a random minute value is used" (ref/script/clock-trigger-builder).
    // Before: every trigger fired at 07:00:00, so code taking the run to be at the hour's start passed.
    const minutes = new Set<number>();
    for (const user of ["anna@example.com", "ben@example.com", "carl@example.com", "dora@example.com"]) {
      const { g, services } = setup({ user });
      g.ScriptApp.newTrigger("weeklyRefresh").timeBased().onWeekDay(g.ScriptApp.WeekDay.MONDAY).atHour(7).create();
      const [t] = services.triggers;
      const first = services.nextRun(t, new Date("2026-03-04T00:00:00Z"));
      expect(first.toISOString().slice(0, 13)).toBe("2026-03-09T07");
      const next = services.nextRun(t, first);
      expect(next.getTime() - first.getTime(), "a week later, at the same minute").toBe(7 * 86_400_000);
      minutes.add(first.getUTCMinutes());
      t.minute = 47;
      expect(services.nextRun(t, new Date("2026-03-04T00:00:00Z")).toISOString(), "a test may set the minute").toBe("2026-03-09T07:47:00.000Z");
    }
    expect(minutes.size, "not one minute for every trigger").toBeGreaterThan(1);
  });

  it("a clock trigger with no frequency is refused (\"Frequency is required if you are using atHour()\"); onWeekDay is one", () => {
    const { g, services } = setup();
    const SA = g.ScriptApp;
    // Before: each was created, and nextRun made it a daily 07:00 (or midnight) trigger.
    expect(() => SA.newTrigger("a").timeBased().create()).toThrow(NO_FREQUENCY);
    expect(() => SA.newTrigger("a").timeBased().atHour(7).inTimezone("Europe/Berlin").create()).toThrow(/no frequency/);
    expect(() => SA.newTrigger("a").timeBased().everyWeeks(0)).toThrow(/Invalid argument/);
    expect(services.triggers).toHaveLength(0);
    SA.newTrigger("a").timeBased().onWeekDay(SA.WeekDay.FRIDAY).create();
    services.session.setUser("ben@example.com");
    SA.newTrigger("b").timeBased().everyWeeks(1).onWeekDay(SA.WeekDay.MONDAY).atHour(7).create();
    expect(services.triggers.map((t) => t.weekDay)).toEqual(["FRIDAY", "MONDAY"]);
  });
});

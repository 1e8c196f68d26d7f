// The weekly rhythm through the BUILT add-on (run `npm run build` first): the time-driven trigger, the
// trigger handler opening the spreadsheet by ID, and the leaders' digest and owners' reminders.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, openTracker, requestId, rowsOf, setToday, setSetting, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf as refreshTriggers } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";

function checkIn(wb: Workbook, day: string, owner: string, krId: string, value: number, extra: Record<string, unknown> = {}) {
  setToday(wb, day);
  wb.services.session.setUser(owner);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6, ...extra });
  wb.services.session.setUser(ADMIN);
  if (!r.ok) throw new Error(r.message);
}

/** Runs the `which`th weekly trigger (support/rhythm.ts fireTrigger: as its owner, no active spreadsheet) on `day`. */
function fireOn(wb: Workbook, day: string | Date, which = 0) {
  if (typeof day === "string") setToday(wb, day);
  else wb.services.clock.set(day);
  const t = refreshTriggers(wb)[which];
  if (!t) throw new Error("no weekly trigger installed");
  return fireTrigger(wb, t);
}

describe("Weekly refresh trigger", () => {
  it("on installs exactly one time-driven trigger on the Settings weekday; on again keeps one; off removes it", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setSetting(wb, "Check-in weekday", "Wednesday");
    expect(callAddon(wb, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: false, weekday: "Wednesday" });

    const on = callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(on).toMatchObject({ ok: true, on: true, weekday: "Wednesday", hour: 7 });
    expect(refreshTriggers(wb)).toHaveLength(1);
    expect(refreshTriggers(wb)[0]).toMatchObject({ type: "CLOCK", weekDay: "WEDNESDAY", atHour: 7 });

    callAddon(wb, "setWeeklyRefresh", { on: true });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(refreshTriggers(wb)).toHaveLength(1);
    expect(callAddon(wb, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: true });

    // A changed weekday moves the trigger (still one).
    setSetting(wb, "Check-in weekday", "Friday");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(refreshTriggers(wb).map((t) => t.weekDay)).toEqual(["FRIDAY"]);

    const off = callAddon(wb, "setWeeklyRefresh", { on: false });
    expect(off).toMatchObject({ ok: true, on: false, removed: 1 });
    expect(refreshTriggers(wb)).toHaveLength(0);
    expect(callAddon(wb, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: false });
  });

  it("rejects an unknown option without touching triggers", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const r = callAddon(wb, "setWeeklyRefresh", { on: "yes" });
    expect(r.ok).toBe(false);
    expect(refreshTriggers(wb)).toHaveLength(0);
  });

  it("the trigger survives a save and reload: still reported on, not duplicated, and it still refreshes", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const reopened = openTracker(wb.services.toSnapshot(), { at: "2026-01-12", user: ADMIN });
    expect(refreshTriggers(reopened)).toHaveLength(1);
    expect(callAddon(reopened, "setWeeklyRefresh", {})).toMatchObject({ ok: true, on: true });
    callAddon(reopened, "setWeeklyRefresh", { on: true });
    expect(refreshTriggers(reopened)).toHaveLength(1);

    // And a trigger installed before the reload still finds its spreadsheet.
    const wb2 = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb2, "setWeeklyRefresh", { on: true });
    const again = openTracker(wb2.services.toSnapshot(), { at: "2026-01-12", user: ADMIN });
    const r = fireOn(again, "2026-01-12");
    expect(r).toMatchObject({ ok: true });
    expect(r.outcome).toMatchObject({ week: 1 }); // the week to Sunday 2026-01-11
    expect(ss(again).getSheetByName("Weekly Summary")).not.toBeNull();
    // Off after the reload removes it.
    expect(callAddon(again, "setWeeklyRefresh", { on: false })).toMatchObject({ ok: true, removed: 1 });
    expect(refreshTriggers(again)).toHaveLength(0);
  });

  it("the handler, with no active spreadsheet, opens the tracker by ID and regenerates the summary", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    checkIn(wb, "2026-01-07", "dispatch.lead@example.com", "O1.KR1", 86);
    wb.services.runningTrigger = true;
    expect(ss(wb)).toBeTruthy();
    wb.services.runningTrigger = false;
    const before = wb.services.counters.byMethod["SpreadsheetApp.openById"] ?? 0;
    const r = fireOn(wb, "2026-01-12");
    expect(r).toMatchObject({ ok: true });
    // As of the day before (session 13): the week to Sunday 2026-01-11, week 1 (it said week 2 as of 2026-01-12).
    expect(r.outcome).toMatchObject({ spreadsheetId: "test-sheet", week: 1, digestTo: [], reminded: [] });
    expect((wb.services.counters.byMethod["SpreadsheetApp.openById"] ?? 0) - before).toBe(1);
    const sheet = ss(wb).getSheetByName("Weekly Summary")!;
    expect(String(sheet.getRange("A2").getValue())).toContain("Week 1 of 13 · as of 2026-01-11");
    const hist = rowsOf(wb, "History");
    expect(hist).toHaveLength(7);
    expect(hist.every((h) => h.Week === 1)).toBe(true);
    expect(wb.services.mail.sent).toHaveLength(0); // both email switches are off by default
  });
});

describe("Weekly emails", () => {
  function filled(): Workbook {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    ss(wb).getSheetByName("Key Results")!.getRange("C3").setValue("<script>x</script>"); // O1.KR2's title
    setSetting(wb, "Leaders' emails", "boss@example.com, cfo@example.com");
    // Period for a refresh on Monday 2026-01-19 (as of the day before): 01-12..01-18, week 2.
    checkIn(wb, "2026-01-14", "dispatch.lead@example.com", "O1.KR1", 86);
    checkIn(wb, "2026-01-15", "quality.lead@example.com", "O2.KR1", 6.0);
    checkIn(wb, "2026-01-15", "quality.lead@example.com", "O2.KR2", 93);
    checkIn(wb, "2026-01-11", "finance.partner@example.com", "O3.KR1", 41.5); // 7 days before 01-18: missed
    callAddon(wb, "setWeeklyRefresh", { on: true });
    return wb;
  }

  it("digest on: the leaders get it, with escaped KR text and a link to the sheet", () => {
    const wb = filled();
    setSetting(wb, "Email digest to leaders", "on");
    const r = fireOn(wb, "2026-01-19");
    expect(r).toMatchObject({ ok: true });
    expect(wb.services.mail.sent).toHaveLength(1);
    const m = wb.services.mail.sent[0];
    expect(m.to.split(",").map((s) => s.trim())).toEqual(["boss@example.com", "cfo@example.com"]);
    expect(m.subject).toContain("Order-to-delivery pilot");
    expect(m.subject).toContain("week 2 of 13");
    expect(m.htmlBody).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(m.htmlBody).not.toContain("<script>");
    expect(m.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/test-sheet/edit"');
    expect(m.body).toContain("https://docs.google.com/spreadsheets/d/test-sheet/edit");
  });

  it("reminders on: one per owner who missed the period, none to owners who checked in", () => {
    const wb = filled();
    setSetting(wb, "Remind owners who missed a check-in", "on");
    const r = fireOn(wb, "2026-01-19");
    expect(r).toMatchObject({ ok: true });
    const to = wb.services.mail.sent.map((m) => m.to).sort();
    // Missed: O1.KR2/O1.KR3 (planning.lead), O3.KR1 (finance.partner, 01-11 is outside), O3.KR2 (ops.lead).
    expect(to).toEqual(["finance.partner@example.com", "ops.lead@example.com", "planning.lead@example.com"]);
    expect(to).not.toContain("dispatch.lead@example.com");
    expect(to).not.toContain("quality.lead@example.com");
    expect(to).not.toContain("boss@example.com"); // the digest is off
    const planning = wb.services.mail.sent.find((m) => m.to === "planning.lead@example.com")!;
    expect(planning.subject).toContain("2 key results");
    expect(planning.htmlBody).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(planning.htmlBody).not.toContain("<script>");
  });

  it("both off: nothing is sent", () => {
    const wb = filled();
    setSetting(wb, "Email digest to leaders", "off");
    setSetting(wb, "Remind owners who missed a check-in", "off");
    const r = fireOn(wb, "2026-01-19");
    expect(r).toMatchObject({ ok: true, outcome: { digestTo: [], reminded: [] } });
    expect(wb.services.mail.sent).toHaveLength(0);
  });
});

describe("Two admins share one weekly refresh (a trigger is visible only to its owner)", () => {
  const ANNA = "anna@example.com";
  const BEN = "ben@example.com";
  function asUser<T>(wb: Workbook, who: string, f: () => T): T {
    wb.services.session.setUser(who);
    try {
      return f();
    } finally {
      wb.services.session.setUser(ADMIN);
    }
  }

  it("everyone sees who turned it on; a second admin cannot add a second trigger; anyone can switch it off", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-01-06");
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: ANNA });
    const ben = asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}));
    expect(ben, "Ben sees Anna's refresh as on").toMatchObject({ ok: true, on: true, installedBy: ANNA, installedOn: "2026-01-06" });
    expect(ben.status).toContain(`On, installed by ${ANNA} on 2026-01-06: every Monday between 07:00 and 08:00 (Etc/UTC), reporting the week to Sunday.`);

    const refused = asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(`installed by ${ANNA} on 2026-01-06`);
    expect(refreshTriggers(wb), "still one trigger: one summary, one digest a week").toHaveLength(1);

    // Ben switches it off: he cannot delete Anna's trigger, so the document says off and her trigger obeys.
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }))).toMatchObject({ ok: true, on: false });
    expect(callAddon(wb, "setWeeklyRefresh", {}), "a third admin sees it off").toMatchObject({ ok: true, on: false });
    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    const r = fireOn(wb, "2026-01-12");
    expect(r).toMatchObject({ ok: true, outcome: null });
    expect(wb.services.mail.sent, "a switched-off trigger sends nothing").toHaveLength(0);
    expect(ss(wb).getSheetByName("History")!.getLastRow(), "nor regenerates the summary").toBe(1);
    expect(refreshTriggers(wb), "it removed itself, running as Anna").toHaveLength(0);
    const after = asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", {}));
    expect(after).toMatchObject({ on: false, installedBy: "" });
    expect(after.status).toContain("switched off, so the trigger removed itself");
  });

  it("after one admin switches it off, another may turn it on: only the new trigger runs, the old one removes itself", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", { on: true }));
    asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: false }));
    expect(asUser(wb, BEN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: BEN });
    expect(refreshTriggers(wb).map((t) => t.owner)).toEqual([ANNA, BEN]);
    expect(fireOn(wb, "2026-01-12", 0)).toMatchObject({ ok: true, outcome: null }); // Anna's: superseded
    expect(refreshTriggers(wb).map((t) => t.owner)).toEqual([BEN]);
    expect(fireOn(wb, "2026-01-12", 0)).toMatchObject({ ok: true, outcome: { week: 1 } });
    expect(asUser(wb, ANNA, () => callAddon(wb, "setWeeklyRefresh", {}))).toMatchObject({ on: true, installedBy: BEN });
  });
});

describe("The trigger's hour is the spreadsheet's, not the script's (Etc/UTC)", () => {
  it("a Monday 07:00 refresh of a California tracker runs on Monday at 07:00 in California", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    ss(wb).setSpreadsheetTimeZone("America/Los_Angeles");
    const on = callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(on).toMatchObject({ ok: true, weekday: "Monday", hour: 7, timeZone: "America/Los_Angeles" });
    const [t] = refreshTriggers(wb);
    expect(t.timeZone).toBe("America/Los_Angeles");
    t.minute = 59; // the hour's last minute Google may pick
    const when = wb.services.nextRun(t, new Date("2026-01-07T12:00:00Z"));
    expect(when.toISOString(), "Monday 07:59 PST is 15:59 UTC").toBe("2026-01-12T15:59:00.000Z");
    const r = fireOn(wb, when);
    expect(r).toMatchObject({ ok: true, outcome: { week: 1 } });
    // The day before Monday in California (in UTC it is already Monday 15:00).
    expect(String(ss(wb).getSheetByName("Weekly Summary")!.getRange("A2").getValue())).toContain("as of 2026-01-11");
  });
});

describe("Every run's outcome is recorded where admins see it", () => {
  it("a run that works says OK; an unexpected failure is recorded and reaches Apps Script (its execution log)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain("Last weekly refresh: none yet.");
    fireOn(wb, new Date("2026-01-12T07:00:00Z"));
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");

    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    const mail = wb.services.globals.MailApp as { sendEmail: unknown };
    mail.sendEmail = () => {
      throw new Error("Service invoked too many times for one day: email.");
    };
    expect(() => fireOn(wb, new Date("2026-01-19T07:00:00Z")), "the error reaches Apps Script").toThrow(/too many times/);
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain(
      "Last weekly refresh: 2026-01-19 07:00 (Etc/UTC), failed: Service invoked too many times for one day: email.",
    );
  });

  it("a damaged tracker: the run is refused with the reason, recorded, and emailed to the trigger's owner", () => {
    // Apps Script emails an add-on's user nothing when a trigger fails (editor-triggers, Restrictions): until
    // session 16 such a run was told only in the record, which no one reads until they look.
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    fireOn(wb, "2026-01-12");
    expect(wb.services.mail.sent, "a run that works sends nothing of its own").toHaveLength(0);
    ss(wb).deleteSheet(ss(wb).getSheetByName("Key Results")!);
    const r = fireOn(wb, "2026-01-19");
    expect(r.ok).toBe(false);
    const [last] = ss(wb).createDeveloperMetadataFinder().withKey("okr.weekly.last").find();
    expect(JSON.parse(last.getValue()!)).toMatchObject({ ok: false });
    const reason = JSON.parse(last.getValue()!).reason;
    expect(reason).toContain("Key Results");
    expect(wb.services.mail.sent).toHaveLength(1);
    const m = wb.services.mail.sent[0];
    expect(m.to).toBe(ADMIN);
    expect(m.subject).toBe('OKR tracker: the weekly refresh of "test" failed');
    expect(m.body).toContain(reason);
    expect(m.body).toContain(ss(wb).getUrl());
    expect(m.body).toContain("Weekly refresh on / off");
  });

  it("a refresh shown On that has recorded no run for over a week says so: Google stops an add-on's trigger while the add-on is off in the document", () => {
    // "Add-on triggers stop firing … if the add-on is disabled in a document (if it is re-enabled, the trigger
    // becomes operational again)" (editor-triggers, Restrictions): nothing runs, records or tells anyone.
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-01-13");
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).not.toContain("has not run");
    fireOn(wb, "2026-01-12");
    setToday(wb, "2026-01-20"); // the run of the 19th is late by a day at most: not yet
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).not.toContain("has not run");
    setToday(wb, "2026-01-21");
    const status = callAddon(wb, "setWeeklyRefresh", {}).status as string;
    expect(status).toContain(
      `It has not run since 2026-01-12: Google stops it while the add-on is turned off in this spreadsheet or removed from ${ADMIN}'s account`,
    );
    // Turned off, then on again weeks later: counted from the new installation, not from the old runs.
    callAddon(wb, "setWeeklyRefresh", { on: false });
    setToday(wb, "2026-02-20");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true }).status).not.toContain("has not run");
    setToday(wb, "2026-03-02");
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain("It has not run since it was turned on on 2026-02-20");
  });

  it("a failure email is never what fails the run: with the quota spent, the run's own error is what Apps Script gets", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    ss(wb).deleteSheet(ss(wb).getSheetByName("Key Results")!);
    const mail = wb.services.globals.MailApp as { getRemainingDailyQuota: unknown; sendEmail: unknown };
    mail.getRemainingDailyQuota = () => 0;
    mail.sendEmail = () => {
      throw new Error("Service invoked too many times for one day: email.");
    };
    const r = fireOn(wb, "2026-01-12");
    expect(r.ok).toBe(false);
    expect(r.message).toContain("Key Results");
  });

  it("a tracker deleted (or no longer shared with the trigger's owner): the failure names it, says why, and is emailed to its owner", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const t = refreshTriggers(wb)[0];
    // The owner's record of the trigger names a spreadsheet that no longer opens.
    const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getUserProperties();
    const key = Object.keys(props.getProperties()).find((k) => k.endsWith(t.id))!;
    props.setProperty(key, "gone-1234");
    const reason = "The weekly refresh cannot open its tracker (ID gone-1234): deleted, or no longer shared with you? Nothing was refreshed.";
    expect(() => fireOn(wb, "2026-01-12")).toThrow(reason);
    // No document to record it in: the email is where its owner learns it.
    expect(wb.services.mail.sent).toHaveLength(1);
    const m = wb.services.mail.sent[0];
    expect(m.to).toBe(ADMIN);
    expect(m.subject).toBe("OKR tracker: the weekly refresh of a tracker (ID gone-1234) failed");
    expect(m.body).toContain(reason);
    expect(m.body).toContain(t.id);
  });
});


import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { createServices } from "../../../src/local/sheets";
import { setup } from "./helpers";
import { emptySnapshot } from "../../../src/local/snapshot";

describe("Ui", () => {
  it("records menus, sidebars, dialogs and toasts; answers alerts and prompts from the queue", () => {
    const dir = mkdtempSync(join(tmpdir(), "okr-html-"));
    writeFileSync(join(dir, "Sidebar.html"), "<p>Hi</p>");
    const { g, ss, services } = setup({ htmlDir: dir });
    const ui = g.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem("Set up tracker", "setupTracker").addSeparator().addItem("Check in", "openCheckin").addToUi();
    ui.createMenu("OKR").addSubMenu(ui.createMenu("More").addItem("Help", "help")).addToUi();
    expect(services.ui.menus).toEqual([
      { name: "Add-on", items: [{ caption: "Set up tracker", fn: "setupTracker" }, { caption: "Check in", fn: "openCheckin" }] },
      { name: "OKR", items: [{ caption: "More / Help", fn: "help" }] },
    ]);
    const html = g.HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Check in").setWidth(300);
    expect(html.getTitle()).toBe("Check in");
    ui.showSidebar(html);
    expect(services.ui.sidebars).toEqual([{ title: "Check in", html: "<p>Hi</p>", width: 300 }]);
    expect(() => g.HtmlService.createHtmlOutputFromFile("Missing")).toThrow();
    ui.showModalDialog(g.HtmlService.createHtmlOutput("<b>x</b>").append("!"), "Dialog");
    expect(services.ui.dialogs[0]).toMatchObject({ title: "Dialog", html: "<b>x</b>!", modal: true });
    ss.toast("Saved", "OKR");
    expect(services.ui.toasts).toEqual(["Saved"]);

    expect(ui.alert("Plain")).toBe(ui.Button.OK);
    services.ui.respond(ui.Button.NO, "my answer", { button: ui.Button.CANCEL, text: "ignored" });
    expect(ui.alert("Title", "Really?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const p1 = ui.prompt("Name?");
    expect([p1.getResponseText(), p1.getSelectedButton()]).toEqual(["my answer", ui.Button.OK]);
    const p2 = ui.prompt("Title", "Name?", ui.ButtonSet.OK_CANCEL);
    expect(p2.getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(services.ui.alerts).toEqual([
      { kind: "alert", prompt: "Plain" },
      { kind: "alert", title: "Title", prompt: "Really?", buttons: "YES_NO" },
      { kind: "prompt", prompt: "Name?" },
      { kind: "prompt", title: "Title", prompt: "Name?", buttons: "OK_CANCEL" },
    ]);
  });

  it("enums are objects, as on Google: a button answered is Ui.Button's value, never its name, and a string is no ButtonSet, weekday or protection type", () => {
    const { g, ss, sheet } = setup();
    const ui = g.SpreadsheetApp.getUi();
    const { ScriptApp, SpreadsheetApp } = g;
    const answer = ui.alert("Noted.", ui.ButtonSet.OK);
    expect([typeof answer, String(answer), answer === ui.Button.OK, answer === "OK"]).toEqual(["object", "OK", true, false]);
    // Ui.alert has no (String, String) overload: the second string is no ButtonSet. It showed "Sure?" with buttons "YES_NO".
    expect(() => ui.alert("Title", "YES_NO")).toThrow("The parameters (String,String) don't match the method signature for Ui.alert.");
    expect(() => ui.prompt("Title", "Name?", "OK_CANCEL")).toThrow("The parameters (String,String,String) don't match the method signature for Ui.prompt.");
    expect(() => ScriptApp.newTrigger("f").timeBased().onWeekDay("MONDAY")).toThrow("don't match the method signature for ScriptApp.ClockTriggerBuilder.onWeekDay");
    expect(() => ScriptApp.newTrigger("f").timeBased().onWeekDay(undefined)).toThrow("onWeekDay");
    sheet.protect();
    expect(() => ss.getProtections("SHEET")).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.Spreadsheet.getProtections.");
    expect(() => sheet.getProtections("SHEET")).toThrow("SpreadsheetApp.Sheet.getProtections");
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].getProtectionType()).toBe(SpreadsheetApp.ProtectionType.SHEET);
    expect(() => sheet.getRange("A1").copyTo(sheet.getRange("B1"), "PASTE_FORMAT", false)).toThrow('got the string "PASTE_FORMAT"');
  });

  it("in a time-driven trigger there is no active spreadsheet and no Ui", () => {
    const { g, services, ss } = setup();
    services.runningTrigger = true;
    expect(g.SpreadsheetApp.getActive()).toBeNull();
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
    expect(g.SpreadsheetApp.openById(ss.getId()).getName()).toBe("Test");
    expect(() => g.SpreadsheetApp.openById("nope")).toThrow();
    services.runningTrigger = false;
    expect(g.SpreadsheetApp.getActive().getId()).toBe(ss.getId());
  });
});

describe("SpreadsheetApp.openById", () => {
  it("opens another spreadsheet as it is in each execution: next week's run sees what changed since", () => {
    let name = "Team before";
    const { g, services } = setup({ workbooks: (ref) => (ref === "team" ? { ...emptySnapshot(name), id: "team" } : undefined) });
    const open = () => services.execution(() => g.SpreadsheetApp.openById("team").getName());
    expect(open()).toBe("Team before");
    name = "Team after";
    // Before: kept as first opened for the services' whole life (a weekly roll-up test read last week's team).
    expect(open()).toBe("Team after");
    // Within one execution it is opened once.
    expect(services.execution(() => [g.SpreadsheetApp.openById("team").getName(), (name = "x"), g.SpreadsheetApp.openById("team").getName()])).toEqual(["Team after", "x", "Team after"]);
  });
});

describe("LockService", () => {
  it("locks, and times out while another process holds the lock", () => {
    const { g, services } = setup();
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    services.lock.holdByOther();
    expect(lock.tryLock(5000)).toBe(false);
    expect(() => g.LockService.getScriptLock().waitLock(5000)).toThrow("Lock timeout: another process was holding the lock for too long.");
    expect(lock.hasLock()).toBe(false);
    services.lock.releaseByOther();
    lock.waitLock(1000);
    expect(lock.hasLock()).toBe(true);
  });

  it("hasLock is the Lock object's own, and one releaseLock frees the lock however often it was taken (ref/lock/lock)", () => {
    const { g, services } = setup();
    services.execution(() => {
      const lock = g.LockService.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.tryLock(1000)).toBe(true);
      // Another Lock object never acquired anything ("false if tryLock … never called"), and may not take
      // the lock the first holds (not documented: the stricter reading).
      const other = g.LockService.getDocumentLock();
      expect(other.hasLock()).toBe(false);
      expect(other.tryLock(1000)).toBe(false);
      other.releaseLock(); // "no effect if the lock has not been acquired"
      expect(lock.hasLock()).toBe(true);
      // Taken twice, released once: free. It stayed held offline (a count Google does not document).
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      expect(services.execution(() => g.LockService.getDocumentLock().tryLock(1000))).toBe(true);
      expect(other.tryLock(1000)).toBe(true);
    });
  });
});

describe("LockService.getUserLock (\"concurrent access … by the current user\")", () => {
  it("is one lock per user: another user's update neither holds it nor is held by it", () => {
    const { g, services } = setup({ user: "anna@example.com" });
    const anna = g.LockService.getUserLock();
    services.execution(() => {
      expect(anna.tryLock(1000)).toBe(true);
      // A second execution of Anna's, run in the middle of the first, waits for her lock in vain.
      expect(services.execution(() => g.LockService.getUserLock().tryLock(1000))).toBe(false);
      // Ben's execution has his own lock, and the document lock is not the user lock.
      services.session.setUser("ben@example.com");
      expect(services.execution(() => g.LockService.getUserLock().tryLock(1000))).toBe(true);
      expect(services.execution(() => g.LockService.getDocumentLock().tryLock(1000))).toBe(true);
      services.session.setUser("anna@example.com");
    });
    // Released when the execution ended; another user's update holding the shared locks does not hold hers.
    services.lock.holdByOther();
    expect(services.execution(() => g.LockService.getUserLock().tryLock(1000))).toBe(true);
    expect(services.execution(() => g.LockService.getDocumentLock().tryLock(1000))).toBe(false);
    services.lock.releaseByOther();
  });
});

describe("PropertiesService", () => {
  it("stores document properties in the snapshot; user properties are per user", () => {
    const { g, services } = setup({ user: "ann@example.com" });
    const doc = g.PropertiesService.getDocumentProperties();
    doc.setProperty("schema", 2).setProperties({ a: "1", b: "2" });
    expect(doc.getProperty("schema")).toBe("2");
    expect(doc.getProperty("missing")).toBeNull();
    doc.deleteProperty("a");
    expect(doc.getKeys().sort()).toEqual(["b", "schema"]);
    expect(services.toSnapshot().documentProperties).toEqual({ schema: "2", b: "2" });
    g.PropertiesService.getUserProperties().setProperty("who", "ann");
    services.session.setUser("bob@example.com");
    expect(g.PropertiesService.getUserProperties().getProperty("who")).toBeNull();
    g.PropertiesService.getScriptProperties().setProperty("s", "1");
    expect(g.PropertiesService.getScriptProperties().getProperties()).toEqual({ s: "1" });
    const again = createServices(services.toSnapshot());
    expect((again.globals.PropertiesService as any).getDocumentProperties().getProperties()).toEqual({ schema: "2", b: "2" });
    doc.deleteAllProperties();
    expect(doc.getProperties()).toEqual({});
  });
});

describe("Session", () => {
  it("gives an empty email when the platform gives none", () => {
    const { g, services } = setup({ user: null, effectiveUser: "owner@example.com" });
    expect(g.Session.getActiveUser().getEmail()).toBe("");
    expect(g.Session.getEffectiveUser().getEmail()).toBe("owner@example.com");
    services.session.setUser("ann@example.com");
    expect(g.Session.getActiveUser().getEmail()).toBe("ann@example.com");
    expect(g.Session.getScriptTimeZone()).toBe("Etc/UTC");
    expect(g.Session.getActiveUserLocale()).toBe("en");
    const k1 = g.Session.getTemporaryActiveUserKey();
    expect(k1).toBe(g.Session.getTemporaryActiveUserKey());
    services.session.setUser("bob@example.com");
    expect(g.Session.getTemporaryActiveUserKey()).not.toBe(k1);
  });
});

describe("ScriptApp triggers", () => {
  it("creates, lists and deletes weekly triggers, persisted in the snapshot", () => {
    const { g, services } = setup();
    const ScriptApp = g.ScriptApp;
    const t = ScriptApp.newTrigger("weeklyRefresh").timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).everyWeeks(1).create();
    expect(t.getHandlerFunction()).toBe("weeklyRefresh");
    const list = ScriptApp.getProjectTriggers();
    expect(list).toHaveLength(1);
    expect([list[0].getUniqueId(), list[0].getEventType(), list[0].getTriggerSource()]).toEqual([t.getUniqueId(), ScriptApp.EventType.CLOCK, ScriptApp.TriggerSource.CLOCK]);
    const snap = services.toSnapshot();
    expect(snap.triggers).toEqual([
      { id: t.getUniqueId(), handler: "weeklyRefresh", type: "CLOCK", weekDay: "MONDAY", atHour: 7, timeZone: "Etc/UTC", owner: "user@example.com", minute: snap.triggers[0].minute },
    ]);
    expect(snap.triggers[0].minute).toBeGreaterThanOrEqual(0);
    const again = createServices(snap);
    const SA2 = again.globals.ScriptApp as any;
    expect(SA2.getProjectTriggers()[0].getHandlerFunction()).toBe("weeklyRefresh");
    SA2.deleteTrigger(SA2.getProjectTriggers()[0]);
    expect(SA2.getProjectTriggers()).toHaveLength(0);
    expect(again.toSnapshot().triggers).toEqual([]);
    expect(String(ScriptApp.AuthMode.FULL)).toBe("FULL");
  });
});

describe("ScriptApp as Google documents it", () => {
  it("getProjectTriggers lists only the current user's triggers, and only the owner can delete one", () => {
    const { g, services } = setup({ user: "anna@example.com" });
    const SA = g.ScriptApp;
    const t = SA.newTrigger("weeklyRefresh").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7).create();
    services.session.setUser("ben@example.com");
    expect(SA.getProjectTriggers(), "another user sees no trigger").toHaveLength(0);
    SA.deleteTrigger(t);
    expect(services.triggers, "another user cannot delete it").toHaveLength(1);
    services.session.setUser("anna@example.com");
    expect(SA.getProjectTriggers()).toHaveLength(1);
    SA.deleteTrigger(SA.getProjectTriggers()[0]);
    expect(services.triggers).toHaveLength(0);
  });

  it("atHour is in the script's time zone (Etc/UTC) unless inTimezone says otherwise", () => {
    const { g, services } = setup();
    const SA = g.ScriptApp;
    expect(g.Session.getScriptTimeZone()).toBe("Etc/UTC");
    SA.newTrigger("a").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7).create();
    services.session.setUser("ben@example.com"); // an add-on user has one time-driven trigger per document
    SA.newTrigger("b").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7).inTimezone("America/Los_Angeles").create();
    const [a, b] = services.triggers;
    a.minute = b.minute = 0; // the start of the hour (each fires at a minute of its own: below)
    const after = new Date("2026-03-04T00:00:00Z"); // a Wednesday
    expect(services.nextRun(a, after).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(services.nextRun(b, after).toISOString(), "07:00 in California, after daylight saving starts").toBe("2026-03-09T14:00:00.000Z");
    expect(services.nextRun(b, new Date("2026-01-07T00:00:00Z")).toISOString()).toBe("2026-01-12T15:00:00.000Z");
    expect(() => SA.newTrigger("c").timeBased().inTimezone("Mars/Olympus")).toThrow(/timezone/);
  });
});

describe("Utilities, MailApp, Logger", () => {
  it("formats dates with Java patterns in any time zone", () => {
    const { g } = setup();
    const d = new Date("2026-07-04T21:05:09Z");
    const U = g.Utilities;
    expect(U.formatDate(d, "Etc/UTC", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe("2026-07-04T21:05:09Z");
    expect(U.formatDate(d, "Europe/Berlin", "yyyy-MM-dd HH:mm")).toBe("2026-07-04 23:05");
    expect(U.formatDate(d, "Asia/Tokyo", "EEE, d MMM yyyy HH:mm Z")).toBe("Sun, 5 Jul 2026 06:05 +0900");
    expect(U.formatDate(d, "America/New_York", "EEEE MMMM dd, h:mm a XXX")).toBe("Saturday July 04, 5:05 PM -04:00");
    expect(U.formatDate(new Date("2026-01-15T12:00:00Z"), "America/New_York", "XXX")).toBe("-05:00");
    expect(U.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(U.getUuid()).not.toBe(U.getUuid());
  });

  it("captures mail in both call forms", () => {
    const { g, services } = setup();
    g.MailApp.sendEmail({ to: "lead@example.com", subject: "Weekly", htmlBody: "<b>hi</b>", name: "OKR" });
    g.MailApp.sendEmail("kr@example.com", "Reminder", "Please check in", { name: "OKR" });
    expect(services.mail.sent).toEqual([
      { to: "lead@example.com", subject: "Weekly", htmlBody: "<b>hi</b>", name: "OKR" },
      { to: "kr@example.com", subject: "Reminder", body: "Please check in", name: "OKR" },
    ]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(98);
  });

  it("MailApp's limits (quotas page, consumer account): 50 recipients and 200 KB of body a message, 100 recipients a day per user", () => {
    const { g, services } = setup();
    const many = (n: number, at = "x") => Array.from({ length: n }, (_, i) => `${at}${i}@example.com`).join(",");
    // It sent anything: 60 leaders in one message, a 300 KB digest, a 101st recipient in a day.
    expect(() => g.MailApp.sendEmail({ to: many(40), cc: many(11, "c"), subject: "s", body: "b" })).toThrow("Limit Exceeded: Email Recipients Per Message.");
    expect(() => g.MailApp.sendEmail({ to: "a@example.com", subject: "s", htmlBody: "x".repeat(200 * 1024 + 1) })).toThrow("Limit Exceeded: Email Body Size.");
    expect(services.mail.sent).toEqual([]);
    g.MailApp.sendEmail({ to: many(50), subject: "s", body: "x".repeat(200 * 1024) });
    g.MailApp.sendEmail({ to: many(49, "y"), subject: "s", body: "b" });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => g.MailApp.sendEmail({ to: "p@example.com,q@example.com", subject: "s", body: "b" })).toThrow("Service invoked too many times for one day: email.");
    g.MailApp.sendEmail("p@example.com", "s", "b");
    expect(services.mail.sent).toHaveLength(3);
    // Per user, and 24 hours after the day's first send it starts again.
    services.session.setUser("other@example.com");
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    services.session.setUser("user@example.com");
    services.clock.set(new Date(services.clock.now().getTime() + 24 * 3600 * 1000));
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it("a subject over 250 characters (counted in UTF-8 bytes, the stricter reading) is refused: \"Argument too large: subject\", nothing sent", () => {
    const { g, services } = setup();
    // It sent any subject; Apps Script users quote "Exception: Argument too large: subject" from subjects of ~300 characters.
    expect(() => g.MailApp.sendEmail({ to: "a@example.com", subject: "x".repeat(251), body: "b" })).toThrow("Argument too large: subject");
    expect(() => g.MailApp.sendEmail("a@example.com", "目".repeat(84), "b")).toThrow("Argument too large: subject");
    expect(services.mail.sent).toEqual([]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    g.MailApp.sendEmail({ to: "a@example.com", subject: "x".repeat(250), body: "b" });
    g.MailApp.sendEmail("a@example.com", "目".repeat(83), "b");
    expect(services.mail.sent).toHaveLength(2);
  });

  it("captures Logger and console output quietly", () => {
    const { g, services } = setup();
    g.Logger.log("n=%s", 3);
    g.console.log("x", { a: 1 });
    expect(services.logs).toEqual(["n=3", 'x {"a":1}']);
  });
});

describe("counters", () => {
  it("counts service calls and cells, not builders or pure helpers", () => {
    const { g, sheet, services } = setup();
    const r = sheet.getRange("A1:D3");
    services.counters.reset();
    r.getValues();
    expect(services.counters.snapshot()).toEqual({ serviceCalls: 1, cellsRead: 12, cellsWritten: 0, cellsFormatted: 0, byMethod: { "Range.getValues": 1 } });
    r.setValues([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
    sheet.appendRow(["a", "b"]);
    expect(services.counters.cellsWritten).toBe(14);
    services.counters.reset();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("#fff").setRanges([r]).build();
    g.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    g.Utilities.formatDate(new Date(), "Etc/UTC", "yyyy");
    g.Utilities.getUuid();
    expect(services.counters.serviceCalls).toBe(0);
    sheet.setConditionalFormatRules([rule]);
    g.LockService.getDocumentLock().tryLock(10);
    g.PropertiesService.getDocumentProperties().getProperty("x");
    g.Session.getActiveUser();
    expect(services.counters.byMethod).toEqual({
      "Sheet.setConditionalFormatRules": 1,
      "LockService.getDocumentLock": 1,
      "Lock.tryLock": 1,
      "PropertiesService.getDocumentProperties": 1,
      "Properties.getProperty": 1,
      "Session.getActiveUser": 1,
    });
    expect(services.counters.serviceCalls).toBe(6);
    // Internal work (getValue via the same machinery, setValue on a range) is counted once.
    services.counters.reset();
    sheet.getRange("A1").getValue();
    expect(services.counters.snapshot()).toMatchObject({ serviceCalls: 2, cellsRead: 1 });
  });

  it("counts the cells a format write sets apart from the cells a value write moves", () => {
    const { sheet, services } = setup();
    services.counters.reset();
    sheet.getRange("A1:D3").setBackgrounds(Array.from({ length: 3 }, () => ["#fff", "#000", "#fff", "#000"]));
    sheet.getRange("A1:B2").setNumberFormat("0.00");
    sheet.getRange("A5:C5").setFontWeight("bold");
    sheet.getRange("A1:A2").clearFormat();
    expect(services.counters.snapshot()).toMatchObject({ cellsWritten: 0, cellsFormatted: 12 + 4 + 3 + 2 });
  });
});

describe("snapshot round trip", () => {
  it("toSnapshot -> createServices preserves values, formulas, formats, sheets, names and settings", () => {
    const { g, ss, sheet, services } = setup();
    ss.rename("Pilot");
    ss.setSpreadsheetTimeZone("Europe/Berlin");
    ss.setSpreadsheetLocale("de_DE");
    sheet.setName("Data");
    sheet.getRange("A1:E1").setValues([["'0042", 3.25, true, "2026-01-05", "=B1*2"]]);
    sheet.getRange("B1").setNumberFormat("0.0").setBackground("#ABCDEF").setFontColor("#112233").setFontWeight("bold");
    sheet.getRange("A1").setNote("note").setFontStyle("italic").setFontSize(14).setWrap(true).setHorizontalAlignment("center");
    sheet.getRange("F1").setFormula("=1/0");
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 180);
    sheet.setTabColor("#ff0000");
    const hidden = ss.insertSheet("Hidden");
    hidden.getRange("A1").setValue("secret");
    hidden.hideSheet();
    ss.setNamedRange("Rate", sheet.getRange("B1"));
    sheet.getRange("G1").setFormula("=Rate+1");
    g.PropertiesService.getDocumentProperties().setProperty("k", "v");
    sheet.getRange("H1").protect().setWarningOnly(true).setDescription("d");

    const snap = services.toSnapshot();
    const again = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss2 = (again.globals.SpreadsheetApp as any).getActive();
    const s2 = ss2.getSheetByName("Data");
    expect([ss2.getName(), ss2.getSpreadsheetTimeZone(), ss2.getSpreadsheetLocale(), ss2.getId()]).toEqual(["Pilot", "Europe/Berlin", "de_DE", ss.getId()]);
    expect(s2.getRange("A1:D1").getValues()[0].slice(0, 3)).toEqual(["0042", 3.25, true]);
    expect(s2.getRange("D1").getDisplayValue()).toBe("2026-01-05");
    expect(s2.getRange("E1:G1").getFormulas()).toEqual([["=B1*2", "=1/0", "=Rate+1"]]);
    expect(s2.getRange("E1:G1").getValues()).toEqual([[6.5, "#DIV/0!", 4.25]]);
    expect(s2.getRange("B1").getDisplayValue()).toBe("3,3");
    expect([s2.getRange("B1").getBackground(), s2.getRange("B1").getFontColor(), s2.getRange("B1").getFontWeight()]).toEqual(["#abcdef", "#112233", "bold"]);
    expect([s2.getRange("A1").getNote(), s2.getRange("A1").getFontStyle(), s2.getRange("A1").getFontSize(), s2.getRange("A1").getWrap(), s2.getRange("A1").getHorizontalAlignment()]).toEqual([
      "note", "italic", 14, true, "center",
    ]);
    expect([s2.getFrozenRows(), s2.getColumnWidth(2), s2.getTabColor()]).toEqual([1, 180, "#ff0000"]);
    expect(ss2.getSheetByName("Hidden").isSheetHidden()).toBe(true);
    expect(ss2.getRangeByName("Rate").getA1Notation()).toBe("B1");
    expect(ss2.getProtections((again.globals.SpreadsheetApp as any).ProtectionType.RANGE)[0].isWarningOnly()).toBe(true);
    expect(again.toSnapshot()).toEqual(snap);
    // Formula cells keep f and their last computed v.
    expect(snap.sheets[0].rows[0][4]).toEqual({ f: "=B1*2", v: 6.5 });
  });
});

describe("createServices", () => {
  it("leaves the snapshot it opens unchanged, whatever the script does to the book", () => {
    const snap = {
      id: "s1", name: "T", locale: "en_US", timeZone: "Etc/UTC",
      sheets: [{
        name: "Log",
        rows: [[{ v: "a", bold: true }, { v: 1, fmt: "0.00" }], [{ f: "=B1*2", v: 2 }]],
        conditionalFormats: [{ ranges: ["A1:A9"], condition: { type: "TEXT_EQUAL_TO" as const, values: ["a"] }, format: { background: "#ff0000" } }],
        validations: [{ range: "B1:B9", type: "VALUE_IN_LIST" as const, values: ["x", "y"], allowInvalid: false }],
        protections: [{ range: "A1:A2", description: "d", warningOnly: true }],
        columnWidths: { 1: 100 },
      }],
      namedRanges: [{ name: "N", sheet: "Log", a1: "A1" }],
      documentProperties: { k: "v" },
      triggers: [{ id: "t1", handler: "h", type: "CLOCK" as const, weekDay: "MONDAY", atHour: 7 }],
    };
    const before = structuredClone(snap);
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const sheet = (services.globals as any).SpreadsheetApp.getActive().getSheetByName("Log");
    sheet.getRange("A1:B2").setValues([["b", 3], ["c", 4]]);
    sheet.getRange("A1").setFontWeight("normal").setNumberFormat("@").setBackground("#000000");
    sheet.setColumnWidth(1, 300);
    sheet.insertRowsBefore(1, 2);
    sheet.setConditionalFormatRules([]);
    sheet.getProtections((services.globals as any).SpreadsheetApp.ProtectionType.RANGE).forEach((p: any) => p.remove());
    (services.globals as any).PropertiesService.getDocumentProperties().setProperty("k", "w");
    services.toSnapshot();
    expect(snap).toEqual(before);
  });
});

describe("toSnapshot", () => {
  it("saves the formulas written into a sheet that was loaded with values only", () => {
    const snap = { id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC", sheets: [{ name: "Log", rows: [[{ v: 1 }, { v: 2 }]] }, { name: "Other", rows: [[{ v: "x" }]] }], namedRanges: [], documentProperties: {}, triggers: [] };
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    ss.getSheetByName("Log").getRange("C1").setValue("=A1+B1");
    ss.getSheetByName("Log").getRange("D1:E1").setFormulas([["=C1*2", ""]]);
    ss.insertSheet("New").getRange("A1").setFormula("=Log!C1+1");
    const out = services.toSnapshot();
    expect(out.sheets.find((s) => s.name === "Log")!.rows[0]).toEqual([{ v: 1 }, { v: 2 }, { f: "=A1+B1", v: 3 }, { f: "=C1*2", v: 6 }]);
    expect(out.sheets.find((s) => s.name === "New")!.rows[0]).toEqual([{ f: "=Log!C1+1", v: 4 }]);
    expect(out.sheets.find((s) => s.name === "Other")!.rows).toEqual([[{ v: "x" }]]);
  });
});

describe("a workbook without formulas", () => {
  it("puts a large tab into the engine when first used, and it reads, changes and saves as any tab", () => {
    const rows = Array.from({ length: 6000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ v: c === 0 ? `r${r}` : r * 10 + c })));
    const snap = { id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC", sheets: [{ name: "Small", rows: [[{ v: 1 }]] }, { name: "Big", rows }], namedRanges: [], documentProperties: {}, triggers: [] };
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual(["Small", "Big"]);
    const big = ss.getSheetByName("Big");
    expect(big.getLastRow()).toBe(6000);
    expect(big.getRange("B6000:C6000").getValues()).toEqual([[59991, 59992]]);
    big.insertRowsBefore(1, 1);
    big.getRange("A1:B1").setValues([["head", "=SUM(B2:B6001)"]]);
    ss.getSheetByName("Small").getRange("B1").setFormula("=Big!A2");
    expect(ss.getSheetByName("Small").getRange("B1").getValue()).toBe("r0");
    const out = services.toSnapshot();
    const saved = out.sheets.find((s) => s.name === "Big")!;
    expect(saved.rows).toHaveLength(6001);
    expect(saved.rows[0]).toEqual([{ v: "head" }, { f: "=SUM(B2:B6001)", v: rows.reduce((n, r) => n + (r[1].v as number), 0) }]);
    expect(saved.rows[6000]).toEqual(rows[5999]);
  });

  it("a formula written elsewhere may name a large tab before that tab was used", () => {
    const rows = Array.from({ length: 6000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ v: r * 10 + c })));
    const snap = { id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC", sheets: [{ name: "Small", rows: [[{ v: 1 }]] }, { name: "Big", rows }], namedRanges: [], documentProperties: {}, triggers: [] };
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const small = (services.globals as any).SpreadsheetApp.getActive().getSheetByName("Small");
    small.getRange("B1").setFormula("=Big!B2+SUM(Big!C:C)");
    expect(small.getRange("B1").getValue()).toBe(11 + rows.reduce((n, r) => n + r[2].v, 0));
  });

  it("a large tab no formula names is saved as loaded with the formats given to it, never having been in the engine", () => {
    const rows = Array.from({ length: 6000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 3 ? null : { v: c === 0 ? `r${r}` : c === 1 ? r % 2 === 0 : r * 10 + c })));
    const snap = {
      id: "s", name: "T", locale: "en_US", timeZone: "Etc/UTC",
      sheets: [{ name: "Calc", rows: [[{ f: "=1+1", v: 2 }]] }, { name: "Archive", rows }],
      namedRanges: [], documentProperties: {}, triggers: [],
    };
    const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z") });
    const ss = (services.globals as any).SpreadsheetApp.getActive();
    ss.getSheetByName("Archive").getRange("A1:C1").setFontWeight("bold");
    const out = services.toSnapshot().sheets.find((x) => x.name === "Archive")!;
    const trim = (r: unknown[]) => { const c = [...r]; while (c.length && c[c.length - 1] === null) c.pop(); return c; };
    expect(out.rows[0]).toEqual([{ v: "r0", bold: true }, { v: true, bold: true }, { v: 2, bold: true }, null, ...rows[0].slice(4)]);
    expect(out.rows.slice(1)).toEqual(rows.slice(1).map(trim));
    expect(ss.getSheetByName("Archive").getRange("C6000").getValue()).toBe(59992);
  });
});

// Arguments the offline services took although Google refuses them, or has no overload for them
// (docs/apps-script-fidelity.md, session 22, "to check" 57–63). Each was accepted before, so add-on code
// passing one passed its tests and could fail a user; each is refused now, changing nothing.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("column widths and font sizes", () => {
  it("a width that is no whole number of pixels, at least 1, is refused and nothing is set", () => {
    const { sheet } = setup();
    expect(() => sheet.setColumnWidth(2, -40)).toThrow("Sheet.setColumnWidth's width must be at least 1, not -40.");
    expect(() => sheet.setColumnWidth(2, 0)).toThrow("must be at least 1");
    expect(() => sheet.setColumnWidth(2, 80.5)).toThrow("Sheet.setColumnWidth's width must be a whole number, not 80.5.");
    expect(() => sheet.setColumnWidths(2, 3, -1)).toThrow("Sheet.setColumnWidths's width must be at least 1");
    expect(() => sheet.setColumnWidths(1.5, 2, 80)).toThrow("whole number");
    expect(() => sheet.setColumnWidth(2, "80")).toThrow(
      "The parameters (number,String) don't match the method signature for SpreadsheetApp.Sheet.setColumnWidth.",
    );
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([100, 100, 100, 100]);
    sheet.setColumnWidths(2, 3, 1);
    expect(sheet.getColumnWidth(4)).toBe(1);
  });

  it("a font size that is a string, a fraction or below 1 is refused, on a range, a range list and a text style", () => {
    const { sheet, SpreadsheetApp } = setup();
    const a1 = sheet.getRange("A1");
    expect(() => a1.setFontSize("x")).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setFontSize.");
    expect(() => a1.setFontSize("12")).toThrow("don't match the method signature");
    expect(() => a1.setFontSize(0)).toThrow("a font size is a whole number of points, at least 1, not 0.");
    expect(() => a1.setFontSize(10.5)).toThrow("not 10.5");
    expect(() => sheet.getRange("A1:B1").setFontSizes([[12, "14"]])).toThrow("SpreadsheetApp.Range.setFontSizes");
    expect(() => sheet.getRangeList(["A1", "C3"]).setFontSize(-3)).toThrow("not -3");
    expect(() => SpreadsheetApp.newTextStyle().setFontSize("12")).toThrow("SpreadsheetApp.TextStyleBuilder.setFontSize");
    expect([a1.getFontSize(), sheet.getRange("B1").getFontSize(), sheet.getRange("C3").getFontSize()]).toEqual([10, 10, 10]);
    a1.setFontSize(14);
    expect(a1.getFontSize()).toBe(14);
  });
});

describe("rows and columns given as text", () => {
  it("getRange and the row and column methods refuse a number written as text, which they converted", () => {
    const { sheet } = setup();
    sheet.getRange("A2").setValue("kept");
    expect(() => sheet.getRange("2", 1)).toThrow("The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    expect(() => sheet.getRange(2, 1, "3", 1)).toThrow("(number,number,String,number)");
    expect(() => sheet.getRange(2)).toThrow("The parameters (number) don't match");
    expect(() => sheet.insertRowsAfter("1", 2)).toThrow("don't match the method signature for SpreadsheetApp.Sheet.insertRowsAfter.");
    expect(() => sheet.deleteRow("2")).toThrow("SpreadsheetApp.Sheet.deleteRow.");
    expect(() => sheet.setFrozenRows("1")).toThrow("SpreadsheetApp.Sheet.setFrozenRows.");
    expect([sheet.getMaxRows(), sheet.getFrozenRows(), sheet.getRange(2, 1).getValue()]).toEqual([1000, 0, "kept"]);
  });
});

describe("LockService waits", () => {
  it("a wait given as text fits no overload, and the lock is not taken", () => {
    const { g } = setup();
    const lock = g.LockService.getDocumentLock();
    expect(() => lock.tryLock("30000")).toThrow("The parameters (String) don't match the method signature for LockService.Lock.tryLock.");
    expect(() => lock.waitLock(undefined)).toThrow("LockService.Lock.waitLock");
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(30000)).toBe(true);
  });
});

describe("CacheService expirations", () => {
  it("an expiration below 1 second or over 21,600 is refused and nothing is stored", () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache();
    // 0 s was stored and read back until the clock moved; 7 days were kept 6 hours.
    expect(() => cache.put("k", "v", 0)).toThrow("a cache expiration is a whole number of seconds from 1 to 21600, not 0.");
    expect(() => cache.put("k", "v", -5)).toThrow("not -5");
    expect(() => cache.put("k", "v", 21601)).toThrow("not 21601");
    expect(() => cache.put("k", "v", 1.5)).toThrow("not 1.5");
    expect(() => cache.put("k", "v", "60")).toThrow("The parameters (String,String,String) don't match the method signature for CacheService.Cache.put.");
    expect(() => cache.putAll({ a: "1", b: "2" }, 7 * 24 * 3600)).toThrow("not 604800");
    expect(cache.getAll(["k", "a", "b"])).toEqual({});
  });

  it("keeps a value for the 6 hours asked, and the default 10 minutes when none is", () => {
    const { g, services } = setup();
    const cache = g.CacheService.getDocumentCache();
    const start = new Date("2026-01-05T12:00:00Z").getTime();
    cache.put("p", "v", 21600);
    cache.put("d", "v");
    services.clock.set(new Date(start + 600 * 1000 - 1000));
    expect([cache.get("p"), cache.get("d")]).toEqual(["v", "v"]);
    services.clock.set(new Date(start + 600 * 1000 + 1000));
    expect([cache.get("p"), cache.get("d")]).toEqual(["v", null]);
    services.clock.set(new Date(start + 6 * 3600 * 1000 + 1000));
    expect(cache.get("p")).toBeNull();
  });
});

describe("PropertiesService values", () => {
  it("a null or undefined value is refused, not stored as text, and so is anything but an object of pairs", () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty("kept", "1");
    expect(() => props.setProperty("kept", null)).toThrow('the property "kept" has no value (null); delete it with deleteProperty instead.');
    expect(() => props.setProperty("k", undefined)).toThrow("has no value (undefined)");
    expect(() => props.setProperties({ a: "1", b: null })).toThrow('the property "b" has no value');
    // Not an object of pairs: a string's characters were stored as properties "0", "1"…, and null passed.
    expect(() => props.setProperties("ab")).toThrow("The parameters (String) don't match the method signature for PropertiesService.Properties.setProperties.");
    expect(() => props.setProperties(null)).toThrow("The parameters (null) don't match");
    expect(() => g.CacheService.getDocumentCache().putAll(["v"], 60)).toThrow("The parameters (Object,number) don't match the method signature for CacheService.Cache.putAll.");
    expect(props.getKeys()).toEqual(["kept"]);
  });
});

describe("MailApp.sendEmail's overloads", () => {
  it("a call fitting none of the four is refused and nothing is sent", () => {
    const { g, services } = setup();
    // sendEmail(to, subject) has no overload: it was sent with an empty body.
    expect(() => g.MailApp.sendEmail("anna@example.com", "Hi")).toThrow(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
    expect(() => g.MailApp.sendEmail("anna@example.com", "Hi", 5)).toThrow("(String,String,number)");
    expect(() => g.MailApp.sendEmail({ to: "anna@example.com", subject: "Hi", body: "" }, "extra")).toThrow("(Object,String)");
    expect(services.mail.sent).toEqual([]);
  });

  it("(to, replyTo, subject, body) sends with the reply-to, where it was read as a subject", () => {
    const { g, services } = setup();
    g.MailApp.sendEmail("anna@example.com", "lead@example.com", "Weekly", "Body");
    g.MailApp.sendEmail("anna@example.com", "Weekly", "Body", { cc: "ben@example.com" });
    expect(services.mail.sent).toEqual([
      { to: "anna@example.com", replyTo: "lead@example.com", subject: "Weekly", body: "Body" },
      { to: "anna@example.com", subject: "Weekly", body: "Body", cc: "ben@example.com" },
    ]);
  });
});

describe("rule builders", () => {
  it("requireValueInList with no values, more than 500, or not an array, is refused", () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList([], true)).toThrow("requireValueInList needs at least one value to choose from.");
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList("a,b", true)).toThrow(
      "The parameters (String,Boolean) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    // More than 500 values: the words Apps Script users quote (it was built).
    const many = Array.from({ length: 501 }, (_, i) => `v${i}`);
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList(many, true)).toThrow(
      'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
    );
    expect(SpreadsheetApp.newDataValidation().requireValueInList(many.slice(1), true).build().getCriteriaValues()[0].length).toBe(500);
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(["a"], true).build();
    expect(rule.getCriteriaValues()).toEqual([["a"], true]);
  });

  it("a conditional format rule with no format is refused when built, and so is one whose only colour was cleared", () => {
    const { sheet, SpreadsheetApp } = setup();
    const range = sheet.getRange("A1:A5");
    expect(() => SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([range]).build()).toThrow(
      "a conditional format rule needs a format (for example setBackground).",
    );
    const cleared = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("#ff0000").setBackground(null).setRanges([range]);
    expect(() => cleared.build()).toThrow("needs a format");
    sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBold(false).setRanges([range]).build()]);
    expect(sheet.getConditionalFormatRules().length).toBe(1);
    // null was read as no rules, clearing the tab's; it fits no overload on Google.
    expect(() => sheet.setConditionalFormatRules(null)).toThrow("The parameters (null) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
    expect(() => SpreadsheetApp.newConditionalFormatRule().setRanges(range)).toThrow("ConditionalFormatRuleBuilder.setRanges");
    expect(sheet.getConditionalFormatRules().length).toBe(1);
  });
});

describe("ScriptApp.deleteTrigger", () => {
  it("deleting a trigger already deleted is refused; another user's trigger is still left in place", () => {
    const { g, services } = setup({ user: "anna@example.com" });
    const SA = g.ScriptApp;
    const t = SA.newTrigger("weeklyRefresh").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7).create();
    SA.deleteTrigger(t);
    expect(() => SA.deleteTrigger(t)).toThrow(`the trigger ${t.getUniqueId()} was already deleted.`);
    expect(() => SA.deleteTrigger("weeklyRefresh")).toThrow("The parameters (String) don't match the method signature for ScriptApp.deleteTrigger.");
    const other = SA.newTrigger("weeklyRefresh").timeBased().onWeekDay(SA.WeekDay.MONDAY).atHour(7).create();
    services.session.setUser("ben@example.com");
    SA.deleteTrigger(other);
    services.session.setUser("anna@example.com");
    expect(SA.getProjectTriggers().length).toBe(1);
  });
});

// The services' strictness added in session 13 (docs/apps-script-fidelity.md): each case failed on the
// emulator as it was, which let through what Google refuses or gets wrong.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("Ui", () => {
  it("an answer must be a button the dialog shows (or its close box); an unanswered YES_NO question is closed, never OK", () => {
    const { g, services } = setup();
    const ui = g.SpreadsheetApp.getUi();
    // It returned what was queued: YES to an OK alert, OK to a YES_NO question, answers no user can give.
    services.ui.respond(ui.Button.YES);
    expect(() => ui.alert("Saved.")).toThrow("Offline Ui: answered YES to a dialog whose buttons are OK (or its close box)");
    services.ui.respond("OK");
    expect(() => ui.alert("Title", "Delete?", ui.ButtonSet.YES_NO)).toThrow("buttons are YES, NO");
    services.ui.respond("typed text");
    expect(() => ui.prompt("Title", "Keep?", ui.ButtonSet.YES_NO)).toThrow("answered OK");
    services.ui.respond(ui.Button.CLOSE, ui.Button.CANCEL);
    expect(ui.alert("Saved.")).toBe(ui.Button.CLOSE);
    expect(ui.alert("Title", "Go on?", ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.CANCEL);
    expect(ui.alert("Title", "Delete?", ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    expect(ui.prompt("Title", "Keep?", ui.ButtonSet.YES_NO).getSelectedButton()).toBe(ui.Button.CLOSE);
    expect(ui.alert("Title", "Sure?", ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.OK);
  });
});

describe("Utilities", () => {
  it("\"Y\" is Java's week year, not the year: late December may be next year's (it gave the year)", () => {
    const { g } = setup();
    const U = g.Utilities;
    // 28 December 2026 is in the week of 1 January 2027 (Sunday 27 December to Saturday 2 January).
    expect(U.formatDate(new Date("2026-12-28T12:00:00Z"), "Etc/UTC", "YYYY-MM-dd")).toBe("2027-12-28");
    expect(U.formatDate(new Date("2026-12-28T12:00:00Z"), "Etc/UTC", "yyyy-MM-dd")).toBe("2026-12-28");
    expect(U.formatDate(new Date("2026-12-26T12:00:00Z"), "Etc/UTC", "YYYY 'week' w")).toBe("2026 week 52");
    expect(U.formatDate(new Date("2026-07-04T12:00:00Z"), "Etc/UTC", "YYYY 'week' w")).toBe("2026 week 27");
    // In the spreadsheet's zone: 23:30 on 26 December in Honolulu is already the 27th in UTC.
    expect(U.formatDate(new Date("2026-12-27T09:30:00Z"), "Pacific/Honolulu", "YYYY")).toBe("2026");
  });

  it("Java's custom zones (\"GMT+1\", \"GMT-05:30\") are their offsets (they counted as UTC), and an invalid Date is refused (it gave \"0NaN\") (session 21)", () => {
    const { g } = setup();
    const U = g.Utilities;
    const at = new Date("2026-01-05T07:08:00Z");
    expect(U.formatDate(at, "GMT+1", "yyyy-MM-dd HH:mm")).toBe("2026-01-05 08:08");
    expect(U.formatDate(at, "GMT-05:30", "HH:mm Z")).toBe("01:38 -0530");
    expect(U.formatDate(at, "GMT+0530", "HH:mm")).toBe("12:38");
    // An ID Java does not know is GMT there, as here.
    expect(U.formatDate(at, "Mars/Olympus", "HH:mm")).toBe("07:08");
    expect(() => U.formatDate(new Date("not a date"), "Etc/UTC", "yyyy-MM-dd")).toThrow("the date is invalid");
  });
});

describe("MailApp", () => {
  it("a recipient that is no address fails the send whole, nothing sent and nothing counted", () => {
    const { g, services } = setup();
    // It was sent: a leaders' list with a name typed in it passed offline.
    expect(() => g.MailApp.sendEmail({ to: "lead@example.com,Anna", subject: "s", body: "b" })).toThrow("Invalid email: Anna");
    expect(() => g.MailApp.sendEmail("kr@example.com", "s", "b", { cc: "ops lead@example.com" })).toThrow("Invalid email: ops lead@example.com");
    expect(() => g.MailApp.sendEmail({ to: "kr@example.com", replyTo: "nobody", subject: "s", body: "b" })).toThrow("Invalid email: nobody");
    expect(services.mail.sent).toEqual([]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    g.MailApp.sendEmail({ to: "Lead <lead@example.com>, kr@example.co.uk", subject: "s", body: "b" });
    expect(services.mail.sent).toHaveLength(1);
  });
});

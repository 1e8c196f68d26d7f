// The manifest's scopes beyond the spreadsheet (src/local/sheets/scopes.ts): a script with explicit
// `oauthScopes` may call ScriptApp's trigger methods only with script.scriptapp, and MailApp only with
// script.send_mail (each method's reference page, "Authorization"); without, Apps Script throws "You do not
// have permission to call …".
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

const g = (s: string) => `https://www.googleapis.com/auth/${s}`;
const MINIMAL = [g("spreadsheets.currentonly"), g("script.container.ui"), g("userinfo.email")];

describe("ScriptApp and MailApp under the manifest's scopes", () => {
  it("without their scopes, every trigger and mail method is refused in Apps Script's words", () => {
    const { g: globals } = setup({ scopes: MINIMAL, user: "anna@example.com" });
    const calls: [string, () => unknown, string][] = [
      ["ScriptApp.getProjectTriggers", () => globals.ScriptApp.getProjectTriggers(), "script.scriptapp"],
      ["ScriptApp.newTrigger", () => globals.ScriptApp.newTrigger("f"), "script.scriptapp"],
      ["ScriptApp.getUserTriggers", () => globals.ScriptApp.getUserTriggers(globals.SpreadsheetApp.getActive()), "script.scriptapp"],
      ["MailApp.getRemainingDailyQuota", () => globals.MailApp.getRemainingDailyQuota(), "script.send_mail"],
      ["MailApp.sendEmail", () => globals.MailApp.sendEmail({ to: "a@example.com", subject: "s", body: "b" }), "script.send_mail"],
    ];
    for (const [name, call, scope] of calls) {
      expect(call, name).toThrow(`You do not have permission to call ${name}. Required permissions: ${g(scope)}`);
    }
    expect(String(globals.ScriptApp.WeekDay.MONDAY)).toBe("MONDAY"); // the enums need no scope
  });

  it("with them (the rhythm manifest), or when no manifest is given, they work", () => {
    for (const scopes of [[...MINIMAL, g("spreadsheets"), g("script.scriptapp"), g("script.send_mail")], undefined]) {
      const { g: globals, services } = setup({ scopes, user: "anna@example.com" });
      globals.ScriptApp.newTrigger("f").timeBased().onWeekDay(globals.ScriptApp.WeekDay.MONDAY).atHour(7).create();
      expect(globals.ScriptApp.getProjectTriggers()).toHaveLength(1);
      globals.MailApp.sendEmail({ to: "a@example.com", subject: "s", body: "b" });
      expect(services.mail.sent).toHaveLength(1);
    }
  });
});

// The minimal build (appsscript.json) has no scope to make triggers or send mail (README, "OAuth scopes"). Apps
// Script then refuses ScriptApp's trigger methods and MailApp ("You do not have permission to call …"), which
// the offline spreadsheet checks since session 12 (src/local/sheets/scopes.ts; before, only openById was). Every
// entry point that reaches them must say what is missing in one line, never "Something went wrong".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { projectRoot } from "../../src/local/runtime";
import { callAddon, newTracker, rowsOf, setSetting } from "../support/tracker";

const ADMIN = "ops.lead@example.com";
const manifestScopes = (file: string): string[] => JSON.parse(readFileSync(join(projectRoot(), file), "utf8")).oauthScopes;

function built(file: string): Workbook {
  const snap = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN }).services.toSnapshot();
  return workbookFromSnapshot("/nonexistent/test.xlsx", snap, { at: "2026-01-12", user: ADMIN, scopes: manifestScopes(file) });
}

describe("the minimal build's weekly refresh", () => {
  it.each([[{}], [{ on: true }], [{ on: false }]])("setWeeklyRefresh(%j) says the deployment lacks the permission, in one line", (opts) => {
    const wb = built("appsscript.json");
    const r = callAddon(wb, "setWeeklyRefresh", opts);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/built without them: see README, "OAuth scopes"/);
    expect(r.message.split("\n")).toHaveLength(1);
    expect(wb.services.triggers).toHaveLength(0);
  });

  it("Run weekly refresh now says so too, in one dialog, and runs nothing", () => {
    const wb = built("appsscript.json");
    callAddonRaw(wb, "menuWeeklyNow");
    expect(wb.services.ui.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/^The weekly refresh needs extra permissions.*built without them: see README, "OAuth scopes"\.$/)]);
    expect(rowsOf(wb, "History")).toHaveLength(0);
  });

  it("sending the week's emails now writes the summary and says the emails need the permission, not 'Something went wrong'", () => {
    const wb = built("appsscript.json");
    setSetting(wb, "Leaders' emails", "lead@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    const r = callAddon(wb, "sendWeeklyEmailsNow");
    expect(r.ok).toBe(false);
    expect(r.message).not.toMatch(/Something went wrong/);
    expect(r.message).toMatch(/Weekly Summary was written.*send mail.*OAuth scopes/);
    expect(wb.services.mail.sent).toHaveLength(0);
    expect(rowsOf(wb, "History").length).toBeGreaterThan(0);
  });

  it("with its emails off, sends nothing and needs no permission", () => {
    const wb = built("appsscript.json");
    expect(callAddon(wb, "sendWeeklyEmailsNow").ok).toBe(true);
  });
});

describe("the rhythm build", () => {
  it("turns the refresh on and sends the digest", () => {
    const wb = built("appsscript.rhythm.json");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    setSetting(wb, "Leaders' emails", "lead@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    expect(callAddon(wb, "sendWeeklyEmailsNow").ok).toBe(true);
    expect(wb.services.mail.sent).toHaveLength(1);
  });
});

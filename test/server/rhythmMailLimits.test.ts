// The weekly refresh's emails against MailApp's limits, which the offline spreadsheet models as Google's
// quotas page gives them (consumer account): 50 recipients and 200 KB of body a message, 100 recipients a
// day per user (src/local/sheets/services.ts). Sent as one message with every row, the digest failed on
// Google for more than 50 leaders and for a tracker of 300 KRs, every week, after the summary was written.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { generateTracker } from "../../src/local/generate/tracker";
import { ADMIN as GENERATED_ADMIN } from "../../src/local/generate/okrs";
import { callAddon, newTracker, openTracker, setSetting, setToday } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";
const leaders = (n: number) => Array.from({ length: n }, (_, i) => `leader${i}@example.com`);

function refreshOn(wb: Workbook, day: string) {
  setToday(wb, day);
  return fireTrigger(wb, refreshTriggersOf(wb)[0]);
}
const bytes = (s: string | undefined) => Buffer.byteLength(s ?? "", "utf8");
const lastRun = (wb: Workbook) => callAddon(wb, "setWeeklyRefresh", {}).status as string;

describe("the weekly emails stay within MailApp's limits", () => {
  it("60 leaders get the digest in messages of at most 50 recipients (one message of 60 was refused)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setSetting(wb, "Leaders' emails", leaders(60).join(", "));
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const r = refreshOn(wb, "2026-01-12");
    expect(r).toMatchObject({ ok: true });
    const sent = wb.services.mail.sent.map((m) => m.to.split(",").map((s) => s.trim()));
    expect(sent.map((to) => to.length)).toEqual([50, 10]);
    expect(sent.flat().sort()).toEqual(leaders(60).sort());
    expect(r.outcome.digestTo).toHaveLength(60);
  });

  /** A tracker of `krs` KRs with one leader, refreshed in week 4: the one digest it sent. */
  function digestOf(objectives: number, krs: number) {
    const g = generateTracker({ name: "mail", objectives, krs, checkins: 2000, owners: 4, start: START, today: "2026-01-19" }, { history: false, headroom: false });
    const wb = openTracker(g.snapshot, { at: START, user: GENERATED_ADMIN });
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    setSetting(wb, "Leaders' emails", "ceo@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    const r = refreshOn(wb, "2026-01-26");
    expect(r).toMatchObject({ ok: true, outcome: { digestTo: ["ceo@example.com"] } });
    expect(lastRun(wb)).toContain(", OK.");
    expect(wb.services.mail.sent).toHaveLength(1);
    return wb.services.mail.sent[0];
  }

  it("a tracker of 300 KRs: the digest is cut to fit 200 KB, the rest counted, instead of failing every week", () => {
    const m = digestOf(75, 300);
    expect(bytes(m.htmlBody)).toBeLessThanOrEqual(200 * 1024);
    expect(bytes(m.body)).toBeLessThanOrEqual(200 * 1024);
    expect(m.htmlBody).toMatch(/… and \d+ more on the Weekly Summary tab\./);
  });

  it("a tracker of 200 KRs: its plain and HTML bodies, each under 200 KB, are cut to fit 200 KB together (the stricter reading)", () => {
    const m = digestOf(50, 200);
    expect(bytes(m.htmlBody) + bytes(m.body)).toBeLessThanOrEqual(200 * 1024);
    expect(m.htmlBody).toMatch(/… and \d+ more on the Weekly Summary tab\./);
  });

  it("the day's quota: the digest goes to every leader first; a reminder it cannot carry is not sent and the run fails saying so", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setSetting(wb, "Leaders' emails", leaders(98).join(", "));
    setSetting(wb, "Email digest to leaders", "on");
    setSetting(wb, "Remind owners who missed a check-in", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    // No check-ins: every owner is owed a reminder; what the digest leaves of the day carries two.
    expect(() => refreshOn(wb, "2026-01-12")).toThrow(/Google's daily email quota ran out: nothing was sent to \S+@example\.com/);
    const sent = wb.services.mail.sent;
    expect(sent.slice(0, 2).flatMap((m) => m.to.split(",")).map((s) => s.trim()).sort()).toEqual(leaders(98).sort());
    expect(sent).toHaveLength(4); // two digests, two reminders
    expect(lastRun(wb)).toContain("failed: Google's daily email quota ran out");
  });

  it("a leader's entry MailApp refuses as an address is named in Settings, not left to fail the weekly send", () => {
    // Settings took "ops(lead)@example.com" (only @, spaces, commas and semicolons were looked at), and MailApp
    // refuses such an entry ("Invalid email: …"): every weekly refresh failed after the summary was written.
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setSetting(wb, "Leaders' emails", "ceo@example.com, ops(lead)@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    const r = callAddon(wb, "sendWeeklyEmailsNow");
    expect(r.ok).toBe(false);
    expect(r.message).toContain("ops(lead)@example.com");
    expect(r.message).not.toContain("Invalid email");
    expect(wb.services.mail.sent).toEqual([]);
  });
});

describe("leaders' entries read one way by Settings and by MailApp", () => {
  it("an address ending in a dot is named in Settings (MailApp offline refuses it; Google's answer is unknown)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setSetting(wb, "Leaders' emails", "ceo@example.com, anna@example.com.");
    setSetting(wb, "Email digest to leaders", "on");
    setToday(wb, "2026-01-13"); // week 1 has ended: the digest is due
    const r = callAddon(wb, "sendWeeklyEmailsNow");
    expect(r.ok).toBe(false);
    // Before: taken by Settings, then "Invalid email: anna@example.com." from the send, after the summary.
    expect(r.message).toContain(`Leaders' emails: "anna@example.com." is not an email address.`);
    expect(r.message).not.toContain("Invalid email");
    expect(wb.services.mail.sent).toEqual([]);
  });

  it("a display name, quoted with a comma or not, is one entry: its address gets the digest", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    // Before: split at the comma and the spaces, '"Lee', 'Anna"', '<anna@example.com>', 'Bob', … were named.
    setSetting(wb, "Leaders' emails", `"Lee, Anna" <Anna@Example.com>; Bob Ray <bob@example.com> ceo@example.com`);
    setSetting(wb, "Email digest to leaders", "on");
    setToday(wb, "2026-01-13"); // week 1 has ended: the digest is due
    const r = callAddon(wb, "sendWeeklyEmailsNow");
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // Bare addresses only: one recipient each whether MailApp reads a quoted comma as RFC 5322 does or splits there.
    expect(wb.services.mail.sent.map((m) => m.to)).toEqual(["anna@example.com,bob@example.com,ceo@example.com"]);
  });
});

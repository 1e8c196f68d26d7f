import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { buildDigest } from "../../src/core/emails";
import { buildReminders } from "../../src/core/reminders";
import { escapeHtml, safeHttpUrl } from "../../src/core/escape";
import { isValidEmail } from "../../src/core/settings";
import { buildSummary } from "../../src/core/summary";
import type { CheckinEntry, KeyResult, Tracker } from "../../src/core/model";

const URL = "https://docs.google.com/spreadsheets/d/abc123/edit";

function kr(row: number, id: string, metric: KeyResult["metric"], start: number, target: number, owner: string, title = `KR ${id}`): KeyResult {
  return { row, id, objectiveId: id.split(".")[0], title, owner, metric, unit: "", start, target, weight: null, current: null, confidence: null, lastCheckin: null };
}
function tracker(): Tracker {
  return {
    settings: {
      cycleName: "Cycle <b>1</b>", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday",
      onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: true, ownerReminders: true,
    },
    objectives: [
      { row: 2, id: "O1", title: "Deliver & delight", owner: "ann@example.com", team: "", parentId: "", type: "committed", pnlLink: "none" },
      { row: 3, id: "O2", title: "Cheaper", owner: "cat@example.com", team: "", parentId: "", type: "aspirational", pnlLink: "none" },
    ],
    keyResults: [
      kr(2, "O1.KR1", "increase", 80, 100, "dan@example.com"),
      kr(3, "O1.KR2", "decrease", 10, 6, "Dan@Example.com"),
      kr(4, "O1.KR3", "stay_below", 110, 120, " dan@example.com "),
      kr(5, "O2.KR1", "decrease", 42, 36, "cat@example.com", '<script>alert("x")</script> cost'),
      kr(6, "O2.KR2", "milestone", 0, 1, "Bob (quality)"),
      kr(7, "O2.KR3", "increase", 0, 10, "eve@example.com"),
    ],
  };
}
function ci(row: number, date: string, krId: string, value: number, whatChanged = "", blockers = ""): CheckinEntry {
  return { row, timestamp: `${date}T09:00:00Z`, date, week: 0, krId, value, confidence: 5, whatChanged, blockers, nextStep: "", author: "", requestId: `r-${row}-xxxxxx` };
}
const checkins = [
  ci(2, "2026-01-07", "O1.KR1", 81),
  ci(3, "2026-01-20", "O2.KR1", 42, "<img src=x onerror=alert(1)>", "Vendor & co"),
  ci(4, "2026-01-28", "O1.KR1", 84),
  ci(5, "2026-01-30", "O2.KR3", 5),
  ci(6, "2026-01-25", "O1.KR2", 9.9), // exactly 7 days before as-of: outside
];
const model = buildSummary({ tracker: tracker(), checkins, history: [], asOf: "2026-02-01" });

describe("buildDigest", () => {
  const d = buildDigest(model, URL);
  it("escapes all sheet text", () => {
    expect(d.htmlBody).not.toContain("<script>");
    expect(d.htmlBody).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; cost");
    expect(d.htmlBody).not.toContain("<img");
    expect(d.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(d.htmlBody).toContain("Vendor &amp; co");
    expect(d.htmlBody).toContain("Cycle &lt;b&gt;1&lt;/b&gt;");
    expect(d.htmlBody).not.toContain("<b>1</b>");
  });
  it("has a subject with the cycle, week and overall status", () => {
    expect(d.subject).toContain("Cycle <b>1</b>");
    expect(d.subject).toContain("week 4 of 13");
    expect(d.subject).toContain(model.data.overall.status);
  });
  it("writes RAG statuses as words, with inline styles and a link to the sheet", () => {
    expect(d.htmlBody).toContain(">Off track</span>");
    expect(d.htmlBody).toContain(">Not started</span>");
    expect(d.htmlBody).not.toMatch(/<style/i);
    expect(d.htmlBody).toContain(`href="${URL}"`);
    expect(d.body).toContain(URL);
  });
  it("plain text alternative carries the same content", () => {
    expect(d.body).toContain("OBJECTIVES");
    expect(d.body).toContain("O1 Deliver & delight");
    expect(d.body).toContain("Check-ins this week: 33% (2 of 6 KRs)");
    expect(d.body).toContain("O1.KR2 KR O1.KR2 (Dan@Example.com): last check-in 2026-01-25");
  });
  it("says a missing KR never checked in plainly (it said \"last check-in never\")", () => {
    expect(d.body).toContain("O1.KR3 KR O1.KR3 (dan@example.com): no check-in yet");
    expect(d.htmlBody).toContain("<span style=\"color:#666666\">none yet</span></td>");
    expect(d.body + d.htmlBody).not.toMatch(/never/);
  });
  it("does not link a non-http URL", () => {
    const bad = buildDigest(model, 'javascript:alert(1)"');
    expect(bad.htmlBody).not.toContain("javascript:");
    expect(bad.htmlBody).not.toContain("href=");
  });
});

describe("buildReminders", () => {
  const r = buildReminders(model.data, URL);
  it("one per owner who missed, valid emails only, case-insensitive de-duplication", () => {
    // Missing: O1.KR2 (Dan@), O1.KR3 (dan@), O2.KR1 (cat@, last 01-20), O2.KR2 (not an email).
    // Checked in: O1.KR1 (dan@, but dan missed others), O2.KR3 (eve@): eve gets nothing.
    expect(model.data.missing.map((k) => k.id).sort()).toEqual(["O1.KR2", "O1.KR3", "O2.KR1", "O2.KR2"]); // worst first
    // cat@ (O2's owner) is the only one told of O2.KR2, whose owner has no address, so she is mailed first;
    // ann@ owns O1, whose KRs dan@ missed: she hears of them after the KRs' owners (core/reminders.ts,
    // "Who is mailed first" in docs/summary.md).
    expect(r.map((e) => e.to)).toEqual(["cat@example.com", "Dan@Example.com", "ann@example.com"]);
    expect(r.some((e) => /eve@|bob/i.test(e.to))).toBe(false);
  });
  it("lists the owner's missing KRs with their last check-in", () => {
    const dan = r[1];
    expect(dan.body).toContain("O1.KR2 KR O1.KR2 (last check-in: 2026-01-25)");
    expect(dan.body).toContain("O1.KR3 KR O1.KR3 (no check-in yet)");
    expect(dan.htmlBody).toContain("O1.KR3 KR O1.KR3 <span style=\"color:#666666\">(no check-in yet)</span>");
    expect(dan.body + dan.htmlBody).not.toMatch(/never/);
    expect(dan.body).not.toContain("O1.KR1");
    expect(dan.subject).toContain("2 key results");
    const cat = r[0];
    expect(cat.htmlBody).not.toContain("<script>");
    expect(cat.htmlBody).toContain("&lt;script&gt;");
    // cat@ owns O2 too: O2.KR2's owner has no address, so she alone hears of it, after her own.
    expect(cat.subject).toContain(": 2 key results without a check-in from");
    expect(cat.body).toContain(
      "for this key result you own:\n\n  - O2.KR1 <script>alert(\"x\")</script> cost (last check-in: 2026-01-20)\n\n" +
        "Nor for this key result of objectives you own, which you can check in on as the objective's owner:\n\n" +
        '  - O2.KR2 KR O2.KR2 (its owner "Bob (quality)" has no email address, so nobody else was reminded; no check-in yet)',
    );
    const ann = r[2];
    expect(ann.subject).toContain(": 2 key results of your objectives without a check-in from");
    expect(ann.body).toContain("for these key results of objectives you own, which you can check in on as the objective's owner:");
    expect(ann.body).toContain("  - O1.KR2 KR O1.KR2 (owner: Dan@Example.com; last check-in: 2026-01-25)");
  });
  it("nobody missing → no reminders", () => {
    expect(buildReminders({ ...model.data, missing: [] }, URL)).toEqual([]);
  });
});

describe("escape helpers", () => {
  it("escapes the five characters", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml(null)).toBe("");
  });
  it("accepts only http(s) URLs", () => {
    expect(safeHttpUrl("https://x.example/a?b=1&c=2")).toBe("https://x.example/a?b=1&amp;c=2");
    expect(safeHttpUrl("data:text/html,hi")).toBeNull();
  });
  it("validates emails", () => {
    expect(isValidEmail("a.b@example.com")).toBe(true);
    expect(isValidEmail("Bob (quality)")).toBe(false);
    expect(isValidEmail("a@b")).toBe(false);
    expect(isValidEmail("a b@example.com")).toBe(false);
  });
});

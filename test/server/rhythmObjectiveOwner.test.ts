// The owners' reminders and objectives' owners, through the built add-on's weekly trigger. Until session 19
// the reminders went to KRs' owners only: a KR whose Owner was blank, or named no address, went un-reminded
// without a word, though its objective's owner may check in on it (docs/checkins.md), and an objective's
// owner never heard that its KRs missed their check-in.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setSetting, setToday, ss } from "../support/tracker";
import { asUser, fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com"; // owns O1 and O3, and O3.KR2
const DIRECTOR = "quality.director@example.com"; // owns O2 (below), no KR
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

function checkIn(wb: Workbook, day: string, owner: string, krId: string, value: number): void {
  setToday(wb, day);
  const r = asUser(wb, owner, () => callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6 }));
  if (!r.ok) throw new Error(r.message);
}

/** The operations template with reminders on; O1.KR2's Owner blank, O1.KR3's a name only, O2 owned by someone owning no KR. */
function tracker(): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  ss(wb).getSheetByName("Key Results")!.getRange("D3:D4").setValues([[""], ["Pat Planner"]]);
  ss(wb).getSheetByName("Objectives")!.getRange("C3").setValue(`Quinn Director <${DIRECTOR}>`);
  setSetting(wb, "Remind owners who missed a check-in", "on");
  // Period of a refresh on Monday 2026-01-19: 01-12..01-18. Missed: O1.KR2, O1.KR3, O2.KR2, O3.KR1, O3.KR2.
  checkIn(wb, "2026-01-14", "dispatch.lead@example.com", "O1.KR1", 86);
  checkIn(wb, "2026-01-15", "quality.lead@example.com", "O2.KR1", 6.0);
  callAddon(wb, "setWeeklyRefresh", { on: true });
  return wb;
}

function run(wb: Workbook, day = "2026-01-19") {
  setToday(wb, day);
  const r = fireTrigger(wb, refreshTriggersOf(wb)[0]);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return wb.services.mail.sent;
}

describe("the owners' reminders and objectives' owners", () => {
  it("tell the objective's owner of its KRs nobody else is reminded of, first, then of the others missing, in one email each", () => {
    const wb = tracker();
    const sent = run(wb);
    const to = sent.map((m) => m.to);
    expect([...to].sort()).toEqual([DIRECTOR, "finance.partner@example.com", ADMIN, "quality.lead@example.com"].sort());
    expect(new Set(to).size).toBe(to.length); // one email per person
    const admin = sent.find((m) => m.to === ADMIN)!;
    // Their own KR first, then O1's two that nobody else heard of, then O3.KR1, whose owner was reminded.
    expect(admin.subject).toBe("Check-in reminder — Order-to-delivery pilot: 4 key results without a check-in from 2026-01-12 to 2026-01-18");
    const lines = String(admin.body).split("\n").filter((l) => l.startsWith("  - "));
    expect(lines.map((l) => l.slice(4, 10))).toEqual(["O3.KR2", "O1.KR2", "O1.KR3", "O3.KR1"]);
    expect(lines.slice(1)).toEqual([
      "  - O1.KR2 Cut order cycle time from 9.5 to 6 days (no owner, so nobody else was reminded; no check-in yet)",
      '  - O1.KR3 Keep the open-order backlog at or below 120 orders (its owner "Pat Planner" has no email address, so nobody else was reminded; no check-in yet)',
      "  - O3.KR1 Bring cost per unit from 42.00 to 36.00 (owner: finance.partner@example.com; no check-in yet)",
    ]);
    expect(admin.body).toContain("Nor for these key results of objectives you own, which you can check in on as the objective's owner:");
    expect(admin.htmlBody).toContain("<li style=\"margin:2px 0\">O1.KR2 ");
  });

  it("an objective's owner who owns no KR gets one email naming its KRs' owners", () => {
    const wb = tracker();
    const director = run(wb).find((m) => m.to === DIRECTOR)!;
    expect(director.subject).toBe("Check-in reminder — Order-to-delivery pilot: 1 key result of your objectives without a check-in from 2026-01-12 to 2026-01-18");
    expect(director.body).toContain(
      "No check-in from 2026-01-12 to 2026-01-18 (week 2 of 13) for this key result of objectives you own, which you can check in on as the objective's owner:\n\n" +
        "  - O2.KR2 Keep first-pass yield at or above 92% (owner: quality.lead@example.com; ",
    );
    // Its owner is reminded as before, of their own KR only.
    const quality = wb.services.mail.sent.find((m) => m.to === "quality.lead@example.com")!;
    expect(String(quality.body).split("\n").filter((l) => l.startsWith("  - ")).map((l) => l.slice(4, 10))).toEqual(["O2.KR2"]);
  });

  it("nothing missing in an objective: its owner gets nothing; reminders off: nobody does", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-16", "quality.lead@example.com", "O2.KR2", 93);
    expect(run(wb).map((m) => m.to)).not.toContain(DIRECTOR);
    const off = tracker();
    setSetting(off, "Remind owners who missed a check-in", "off");
    expect(run(off)).toEqual([]);
  });

  it("when the day's quota is short, the only recipient of a KR is mailed first, an objective's owner repeating what owners heard last", () => {
    // Until session 20 the objectives' owners came after every KR's owner: a short quota left out first the
    // one person told of O1.KR2 and O1.KR3, which have no owner to remind.
    const LEAD = "o1.lead@example.com"; // owns O1 (whose KR2 and KR3 reach nobody else), no KR
    const wb = tracker();
    ss(wb).getSheetByName("Objectives")!.getRange("C2").setValue(LEAD);
    setSetting(wb, "Leaders' emails", Array.from({ length: 97 }, (_, i) => `leader${i}@example.com`).join(", "));
    setSetting(wb, "Email digest to leaders", "on");
    setToday(wb, "2026-01-19");
    // The digest takes 97 of the day's 100 recipients: three reminders of five go out.
    expect(() => fireTrigger(wb, refreshTriggersOf(wb)[0])).toThrow(/^Google's daily email quota ran out: nothing was sent to \S+@example\.com, quality\.director@example\.com\./);
    const reminded = wb.services.mail.sent.filter((m) => m.subject.startsWith("Check-in reminder")).map((m) => m.to);
    expect(reminded).toHaveLength(3);
    expect(reminded[0]).toBe(LEAD);
    expect(reminded).not.toContain(DIRECTOR); // O2.KR2's owner was reminded of it
  });

  it("an objective-owner's subject is cut to MailApp's 250 bytes, as every reminder's", () => {
    const wb = tracker();
    setSetting(wb, "Cycle name", "四半期の目標".repeat(17).slice(0, 100));
    const director = run(wb).find((m) => m.to === DIRECTOR)!;
    expect(bytes(director.subject)).toBeLessThanOrEqual(250);
    expect(director.subject).toMatch(/^Check-in reminder — 四半期の目標.*…$/);
  });
});

// The weekly emails' subjects against MailApp's subject limit, which the offline spreadsheet models as Apps
// Script users report it ("Argument too large: subject" past about 250 characters), in UTF-8 bytes, the stricter
// reading (src/local/sheets/services.ts, "to check" 44). A Cycle name may hold 100 characters: in Japanese
// that is 300 bytes, and the digest and the reminders, which name the cycle in their subject, were refused.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, setSetting, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("the weekly emails' subjects", () => {
  it("a Cycle name of 100 Japanese characters: the digest and the reminders go out, their subjects cut to 250 bytes", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const cycle = "四半期の目標".repeat(17).slice(0, 100);
    setSetting(wb, "Cycle name", cycle);
    setSetting(wb, "Leaders' emails", "ceo@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    setSetting(wb, "Remind owners who missed a check-in", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-01-12");
    // It failed every week: "Argument too large: subject", after the summary was written.
    const r = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(r).toMatchObject({ ok: true, outcome: { digestTo: ["ceo@example.com"] } });
    const sent = wb.services.mail.sent;
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) {
      expect(bytes(m.subject)).toBeLessThanOrEqual(250);
      expect(m.subject).toMatch(/…$/);
    }
    expect(sent[0].subject).toContain(cycle.slice(0, 40));
  });

  it("a failed weekly refresh of a tracker named in 100 Japanese characters: its owner's email still arrives, its subject cut", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const name = "営業チームの目標".repeat(13).slice(0, 100);
    (ss(wb) as unknown as { rename(n: string): void }).rename(name);
    callAddon(wb, "setWeeklyRefresh", { on: true });
    ss(wb).deleteSheet(ss(wb).getSheetByName("Key Results")!);
    setToday(wb, "2026-01-12");
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(false);
    // The notice was refused ("Argument too large: subject"), caught and logged: the owner heard nothing.
    expect(wb.services.mail.sent).toHaveLength(1);
    const m = wb.services.mail.sent[0];
    expect(bytes(m.subject)).toBeLessThanOrEqual(250);
    expect(m.subject).toMatch(/^OKR tracker: the weekly refresh of "営業チーム.*…$/);
    expect(m.body).toContain(name);
  });
});

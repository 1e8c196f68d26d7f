// Needs attention lists the KRs the forecast says will miss, through the BUILT add-on (run `npm run build`
// first): session 18's review found a KR On track in week 4 (its score exactly the on-track gap, 0.10, below
// expected) yet forecast to miss, listed only in the Forecast section far below, and not in the digest's
// Needs attention (docs/summary.md, "Needs attention").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { byId, section, summarize, summaryTab } from "../support/summaryTab";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05"; // 13 weeks; week 4 is 2026-01-26..2026-02-01, the cycle's last day 2026-04-05
const W4 = "2026-02-01";
const ADMIN = "ops.lead@example.com";

/** O1.KR1 (on-time delivery 82% → 95%, committed): 84.7% in week 4 is 0.10 below expected, rising ~0.4 a week. */
function slowButOnTrack() {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  for (const [day, value] of [["2026-01-08", 83.5], ["2026-01-15", 84], ["2026-01-22", 84.4], ["2026-01-29", 84.7]] as const) {
    setToday(wb, day);
    wb.services.session.setUser("dispatch.lead@example.com");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: String(value), confidence: 8 });
    if (!r.ok) throw new Error(`check-in on ${day}: ${r.message}`);
  }
  wb.services.session.setUser(ADMIN);
  return wb;
}

describe("Needs attention and the forecast", () => {
  it("week 4: an On track KR forecast to miss is listed, with where it ends against its target", () => {
    const wb = slowButOnTrack();
    summarize(wb, W4);
    const kr = rowsOf(wb, "Key Results").find((r) => r.ID === "O1.KR1")!;
    expect(kr.Status, "on track by the status formula: exactly the on-track gap behind").toBe("On track");
    const tab = summaryTab(wb);
    const forecast = section(tab, "Forecast").rows.map((r) => r.ID);
    expect(forecast, "the forecast says it will miss").toContain("O1.KR1");

    const att = section(tab, "Needs attention");
    expect(String(tab.values[att.heading][0])).toBe("Needs attention: off track, at risk or forecast to miss");
    const row = byId(att.rows).get("O1.KR1");
    expect(row, "listed under Needs attention").toBeDefined();
    expect(row).toMatchObject({ Status: "On track", Owner: "dispatch.lead@example.com", Confidence: 8 });
    expect(String(row!.Forecast)).toMatch(/^Forecast to miss: \d+(\.\d+)?% by 2026-04-05 \(target 95%\); needs to rise /);
    // The same words as the Forecast section's value for the KR, then what it takes (test/server/neededPace.test.ts).
    const f = byId(section(tab, "Forecast").rows).get("O1.KR1")!;
    expect(String(row!.Forecast).split("; ")[0]).toBe(`Forecast to miss: ${String(f.Forecast)} (target 95%)`);
  });

  it("in a decimal-comma locale its words take the comma, as the Forecast section's", () => {
    const wb = slowButOnTrack();
    ss(wb).setSpreadsheetLocale("de_DE");
    summarize(wb, W4);
    const tab = summaryTab(wb);
    const row = byId(section(tab, "Needs attention").rows).get("O1.KR1")!;
    const f = byId(section(tab, "Forecast").rows).get("O1.KR1")!;
    expect(String(f.Forecast)).toMatch(/^\d+,\d+% by 2026-04-05$/);
    expect(String(row.Forecast).split("; ")[0]).toBe(`Forecast to miss: ${String(f.Forecast)} (target 95%)`);
  });

  it("the digest's Needs attention says the same", () => {
    const wb = slowButOnTrack();
    setSetting(wb, "Leaders' emails", "ceo@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-02-02"); // Monday: the refresh reports the week just ended, as of 2026-02-01
    const out = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(out.ok, out.message).toBe(true);
    const digest = wb.services.mail.sent.find((m) => m.to === "ceo@example.com")!;
    const body = String(digest.body);
    const from = body.indexOf("NEEDS ATTENTION: OFF TRACK, AT RISK OR FORECAST TO MISS");
    expect(from, body).toBeGreaterThan(-1);
    const part = body.slice(from, body.indexOf("\n\n", from));
    expect(part).toMatch(/O1\.KR1.*\(dispatch\.lead@example\.com\): On track, score 0\.21\n {4}Forecast to miss: [\d.]+% by 2026-04-05 \(target 95%\); needs to rise /);
    expect(String(digest.htmlBody)).toContain("Forecast to miss: ");
  });
});

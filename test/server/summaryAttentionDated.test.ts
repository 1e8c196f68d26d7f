// Needs attention's Latest comment, Blockers and Next step come from each KR's latest check-in, however old, through
// the BUILT add-on (run `npm run build` first): a KR that stopped checking in weeks ago showed its old blocker in
// the Weekly Summary and the Monday email with nothing to say it was old, beside "no blockers reported" this week
// (until session 21). Now a text from a check-in before this period says its day (docs/summary.md, Needs attention).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, requestId, setToday } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, RHYTHM_ADMIN, trackers } from "../support/rhythm";
import { setSetting } from "../support/portfolioCompany";
import { OPERATIONS_OWNER, summarize, summaryTab } from "../support/summaryTab";

const LEADER = "head.of.ops@example.com";

function checkIn(wb: Workbook, day: string, krId: string, value: number, blockers = "") {
  setToday(wb, day);
  wb.services.session.setUser(OPERATIONS_OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6, confirmed: true, blockers, whatChanged: `Week of ${day}` });
  wb.services.session.setUser(RHYTHM_ADMIN);
  if (!r.ok) throw new Error(r.message);
}

/** The rework rate (O2.KR1) stalls and stops checking in after 2026-02-05 with a blocker; on-time delivery (O1.KR1) crawls on, weekly. */
function team(): Workbook {
  const [wb] = trackers(1);
  for (let w = 0; w < 9; w++) {
    const thursday = addDays("2026-01-08", 7 * w);
    if (w < 5) checkIn(wb, thursday, "O2.KR1", 6.5 - 0.05 * w, w === 4 ? "Lab equipment broken" : "");
    checkIn(wb, thursday, "O1.KR1", 82 + 0.3 * w, w === 8 ? "Carrier strike" : "");
  }
  return wb;
}

describe("Needs attention's texts from a check-in before this period", () => {
  it("say the day of that check-in, in the tab and in the leaders' email; this period's stay as written", () => {
    const wb = team();
    summarize(wb, "2026-03-08"); // week 9: the period is 2026-03-02 to 2026-03-08
    const t = summaryTab(wb).values;
    const h = t.findIndex((r) => r[0] === "ID" && r.includes("Blockers") && r.includes("Confidence change"));
    const row = (id: string) => Object.fromEntries(t[h].map((k, i) => [String(k), String(t.find((r) => r[0] === id)![i])]));
    // Before: "Lab equipment broken" and "Week of 2026-02-05", a month old, read as this week's.
    expect(row("O2.KR1").Blockers).toBe("Lab equipment broken (check-in of 2026-02-05)");
    expect(row("O2.KR1")["Latest comment"]).toBe("Week of 2026-02-05 (check-in of 2026-02-05)");
    expect(row("O1.KR1").Blockers).toBe("Carrier strike");
    expect(row("O1.KR1")["Latest comment"]).toBe("Week of 2026-03-05");
    // The Monday email, as of the same day.
    setSetting(wb, "Leaders' emails", LEADER);
    setSetting(wb, "Email digest to leaders", "on");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true }).ok).toBe(true);
    wb.services.clock.set(new Date("2026-03-09T07:00:00Z"));
    const out = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(out.ok, out.message).toBe(true);
    const mail = wb.services.mail.sent.find((m) => m.to === LEADER)!;
    const body = String(mail.body).split("\n");
    expect(body).toContain("    Blockers: Lab equipment broken (check-in of 2026-02-05)");
    expect(body).toContain("    Blockers: Carrier strike");
    expect(String(mail.htmlBody)).toContain("Lab equipment broken (check-in of 2026-02-05)");
  });
});

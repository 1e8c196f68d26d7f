// A Weekly Summary made after the cycle's last day, through the BUILT add-on (run `npm run build` first).
// Session 19's walkthrough of a whole cycle: made a week after the end (check-ins closed by then), it said
// "At this pace 1 KR ends below its goal by 2026-04-05" and "Forecast to miss: … by 2026-04-05" of a day
// past, and listed every KR as missing a check-in "from 2026-04-07 to 2026-04-13", days after the cycle on
// which nothing was due (docs/summary.md, "Week and period" and "This week").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, setSetting, setToday } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";
import { deliveryCheckin, deliveryTracker } from "../support/importedTracker";
import { byId, section, summarize, summaryTab } from "../support/summaryTab";

/** Thirteen weeks of Thursday check-ins: on-time delivery stalls at 88% (target 95%); cycle time reaches 8.1 days. */
function cycle(opts: { lastWeekOf?: string[] } = {}): Workbook {
  const wb = deliveryTracker();
  for (let w = 1; w <= 13; w++) {
    const thursday = addDays("2026-01-08", 7 * (w - 1));
    for (const id of ["O1.KR1", "O1.KR2"]) {
      if (w === 13 && opts.lastWeekOf && !opts.lastWeekOf.includes(id)) continue;
      deliveryCheckin(wb, thursday, id, id === "O1.KR1" ? String(Math.min(88, 82 + w)) : (12 - 0.3 * w).toFixed(1));
    }
  }
  return wb;
}

const lines = (wb: Workbook) => summaryTab(wb).values.slice(3, 8).map((r) => String(r[0]));

describe("a Weekly Summary after the cycle's last day", () => {
  it("says what happened: the KR ended short of its goal, missed it, on the last day", () => {
    const wb = cycle();
    summarize(wb, "2026-04-13"); // a week and a day after the last day (2026-04-05): check-ins are closed
    const tab = summaryTab(wb);
    expect(lines(wb)).toContain("1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88% (target 95%).");
    expect(lines(wb).join("\n")).not.toMatch(/At this pace|by 2026-04-05/);
    const attention = section(tab, "Needs attention");
    expect(String(tab.values[attention.heading][0])).toBe("Needs attention: off track, at risk or missed");
    expect(byId(attention.rows).get("O1.KR1")!.Forecast).toBe("Missed: 88% on 2026-04-05 (target 95%)");
    const f = section(tab, "Forecast");
    expect(String(tab.values[f.heading][0])).toBe("Forecast: key results that ended short of their goal");
    expect(f.rows.map((r) => [r.ID, r.Forecast])).toEqual([["O1.KR1", "88% on 2026-04-05"]]);
    expect(String(byId(f.rows).get("O1.KR1")!.Why)).toMatch(/the cycle has ended at 88%/);
  });

  it("in the cycle's last week it still forecasts", () => {
    const wb = cycle();
    summarize(wb, "2026-04-05");
    const att = byId(section(summaryTab(wb), "Needs attention").rows).get("O1.KR1")!;
    // Its last check-in is in (week 13's): no weeks left to close the gap, said rather than a pace (docs/forecast.md).
    expect(att.Forecast).toBe("Forecast to miss: 88% by 2026-04-05 (target 95%); no weeks left to close the gap");
    expect(lines(wb)).toContain("At this pace 1 KR ends short of its goal by 2026-04-05: O1.KR1 at 88% (target 95%).");
  });

  it("counts the last week's check-ins, not days after the cycle on which none is due", () => {
    const wb = cycle();
    summarize(wb, "2026-04-13");
    const tab = summaryTab(wb);
    expect(lines(wb)).toContain("2 of 2 KRs checked in this week; no blockers reported.");
    const missing = section(tab, "Missing check-ins");
    expect(String(tab.values[missing.heading][0])).toBe("Missing check-ins: no check-in from 2026-03-30 to 2026-04-13");
    expect(missing.rows.map((r) => r.ID)).toEqual(["None — every key result has checked in this period."]);
  });

  it("lists the KR whose last week's figure never came, and only it", () => {
    const wb = cycle({ lastWeekOf: ["O1.KR2"] });
    summarize(wb, "2026-04-20");
    const tab = summaryTab(wb);
    expect(lines(wb)).toContain("1 of 2 KRs checked in this week (missing: O1.KR1); no blockers reported.");
    expect(section(tab, "Missing check-ins").rows.map((r) => r.ID)).toEqual(["O1.KR1"]);
  });
});

describe("the digest of a weekly refresh after the cycle's last day", () => {
  it("says the same: ended below, missed", () => {
    const wb = cycle();
    setSetting(wb, "Leaders' emails", "ceo@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    setSetting(wb, "Check-in weekday", "Wednesday");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-04-08"); // Wednesday after the last day (Sunday 2026-04-05): the refresh reports as of 2026-04-07
    const out = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(out.ok, out.message).toBe(true);
    const body = String(wb.services.mail.sent.find((m) => m.to === "ceo@example.com")!.body);
    expect(body).toContain("1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88% (target 95%).");
    expect(body).toContain("NEEDS ATTENTION: OFF TRACK, AT RISK OR MISSED\n");
    expect(body).toContain("Missed: 88% on 2026-04-05 (target 95%)");
    expect(body).not.toMatch(/Forecast to miss|At this pace/);
  });
});

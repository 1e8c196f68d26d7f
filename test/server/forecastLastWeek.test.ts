// The cycle's last week through the built add-on (run `npm run build` first): a check-in of that week puts
// the KR's latest point on the cycle's last day, and the Why of a summary made days before it ends must not
// say the cycle has ended (until session 11 it did).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05"; // a Monday; 13 weeks: the last day is 2026-04-05 (week 13: 2026-03-30 .. 2026-04-05)
const ADMIN = "ops.lead@example.com";
const OWNER = "quality.lead@example.com";

function checkIn(wb: Workbook, day: string, value: string) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value, confidence: 7 });
  wb.services.session.setUser(ADMIN);
  if (!r.ok) throw new Error(`${day}: ${r.message}`);
}

/** The rework rate's Why in the Weekly Summary the weekly refresh makes at 07:00 on `day` (as of the day before). */
function whyOn(wb: Workbook, day: string): string {
  wb.services.clock.set(new Date(`${day}T07:00:00Z`));
  expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });
  const v = ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getValues().map((r) => r.map(String));
  const f = v.findIndex((r) => r[0].startsWith("Forecast:"));
  const row = v.slice(f + 2).find((r) => r[0] === "O2.KR1");
  if (!row) throw new Error(`no Forecast row for O2.KR1 on ${day}`);
  return row[8];
}

describe("the cycle's last week", () => {
  it("a summary after a check-in of the last week says where the KR is; one after the last day says the cycle has ended", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    callAddon(wb, "setWeeklyRefresh", { on: true });
    // The rework rate (6.5% → 3%) getting worse, checked in on Thursdays of weeks 1-3 and of week 13.
    for (const [day, rework] of [["2026-01-08", "6.6"], ["2026-01-15", "6.9"], ["2026-01-22", "7.1"], ["2026-04-02", "8.5"]]) checkIn(wb, day, rework);
    const friday = whyOn(wb, "2026-04-03");
    // Weeks 4-12 without a check-in carry 7.1% over: the median pace is no change.
    expect(whyOn(wb, "2026-04-03")).toBe("No change week to week; at 8.5% in the cycle's last week (it ends 2026-04-05) against 3%.");
    // The refresh on the Monday after the last day reports the last week (as of the day before, session 13):
    // the KR is still in it; the day after, the summary (as of Monday 2026-04-06) is after the cycle.
    expect(whyOn(wb, "2026-04-06")).toBe("No change week to week; at 8.5% in the cycle's last week (it ends 2026-04-05) against 3%.");
    expect(whyOn(wb, "2026-04-07")).toBe("No change week to week; the cycle has ended at 8.5% against 3%.");
  });
});

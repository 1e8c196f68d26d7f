// Walk 13, story 5: a team whose spreadsheet is in Asia/Kolkata or America/Los_Angeles (the script's zone is
// Etc/UTC) checks in either side of midnight on the check-in weekday, through the BUILT add-on (`npm run build`
// first). Every day is the spreadsheet's: a check-in at 23:50 on Sunday there is the week just ended, one at
// 00:10 on Monday the new week, whatever the date in UTC; the Monday refresh reports the first and not the second.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { newTracker, requestId, rowsOf, ss } from "../support/tracker";
import { asUser, fireTrigger, refreshTriggersOf } from "../support/rhythm";

const ADMIN = "ops.lead@example.com";
const DISPATCH = "dispatch.lead@example.com";

const sidebarKr = (wb: Workbook) => asUser(wb, DISPATCH, () => callAddon(wb, "getSidebarData", {}));
function send(wb: Workbook, value: string, extra: Record<string, unknown> = {}) {
  return asUser(wb, DISPATCH, () => callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value, confidence: 7, ...extra }));
}

// [zone, Sunday 2026-01-18 23:50 there, Monday 2026-01-19 00:10 there], in UTC.
describe.each([
  ["Asia/Kolkata", "2026-01-18T18:20:00Z", "2026-01-18T18:40:00Z"],
  ["America/Los_Angeles", "2026-01-19T07:50:00Z", "2026-01-19T08:10:00Z"],
])("Walk 13: a team in %s checks in around midnight on the check-in weekday", (tz, sunday, monday) => {
  it("each check-in is dated and weeked in the spreadsheet's zone, and the Monday refresh reports Sunday's alone", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
    ss(wb).setSpreadsheetTimeZone(tz);
    expect(String(callAddon(wb, "setWeeklyRefresh", { on: true }).status)).toContain(`every Monday between 07:00 and 08:00 (${tz}), reporting the week to Sunday.`);
    wb.services.clock.set(new Date(sunday));
    expect(sidebarKr(wb).cycle).toMatchObject({ week: 2, asOf: "2026-01-18" });
    expect(send(wb, "86")).toMatchObject({ ok: true, kr: { lastCheckin: "2026-01-18" } });
    const stale = sidebarKr(wb).krs.find((k: { id: string }) => k.id === "O1.KR1").correctable;
    expect(stale).toMatchObject({ date: "2026-01-18", value: 86 });

    wb.services.clock.set(new Date(monday));
    expect(sidebarKr(wb).cycle).toMatchObject({ week: 3, asOf: "2026-01-19" });
    // A correction from the sidebar opened on Sunday: that check-in is last week's now.
    expect(send(wb, "87", { correct: stale.requestId })).toEqual({ ok: false, message: "O1.KR1 has no check-in this week (week 3) to correct." });
    expect(send(wb, "88")).toMatchObject({ ok: true, kr: { lastCheckin: "2026-01-19" } });
    expect(rowsOf(wb, "Check-ins").map((r) => [r["Week"], r["Value"]])).toEqual([[2, 86], [3, 88]]);

    const [t] = refreshTriggersOf(wb);
    wb.services.clock.set(wb.services.nextRun(t, new Date(monday)));
    expect(fireTrigger(wb, t)).toMatchObject({ ok: true, outcome: { week: 2, asOf: "2026-01-18" } });
    const summary = ss(wb).getSheetByName("Weekly Summary")!.getRange("A1:A8").getValues().map((r) => String(r[0]));
    expect(summary[1]).toMatch(/^Week 2 of 13 · as of 2026-01-18 · .* · generated 2026-01-19 07:\d\d$/);
    expect(summary.join("\n")).toContain("Biggest gain: O1.KR1 +0.31"); // 86, not Monday's 88
  });
});

// Session 19's pilot walked to the end of its cycle, through the BUILT add-on (run `npm run build` first): an
// operations team's figures for a week are known after the week ends, so the cycle's last week's come in on
// the Monday after its last day. They were refused ("outside the cycle: check-ins are closed") though the
// close's own confirmation said "Check-ins stay open until you roll over", and the Retrospective graded the
// week before's values.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, rowsOf, setToday } from "../support/tracker";
import { importedTracker, ownerCheckin } from "../support/importedTracker";
import { byId, section, summarize, summaryTab, trendTab } from "../support/summaryTab";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Deliver on time", "Raise on-time delivery from 82% to 95%", "cara@example.com", "increase", "%", 82, 95],
  ["Deliver on time", "Cut cycle time from 12 to 8 days", "ana@example.com", "decrease", "days", 12, 8],
];
const OWNER: Record<string, string> = { "O1.KR1": "cara@example.com", "O1.KR2": "ana@example.com" };

const checkIn = (wb: Workbook, day: string, krId: string, value: string, extra: Record<string, unknown> = {}) =>
  ownerCheckin(wb, OWNER, day, krId, value, extra);

/** Thirteen weeks of Thursday check-ins, cara's last one missing: her week-13 figure comes after the cycle. */
function pilot(): Workbook {
  const wb = importedTracker(HEADER, KRS);
  for (let w = 1; w <= 13; w++) {
    const thursday = addDays("2026-01-08", 7 * (w - 1));
    expect(checkIn(wb, thursday, "O1.KR2", String(12 - 0.3 * w)).ok).toBe(true);
    if (w < 13) expect(checkIn(wb, thursday, "O1.KR1", String(82 + w)).ok).toBe(true);
  }
  return wb;
}

describe("the cycle's last week's figures, checked in after its last day", () => {
  it("are taken for a week after the last day, as week 13's, and counted by the summary, its trend and forecast, and the Retrospective", () => {
    const wb = pilot();
    // Monday after the last day (2026-04-05): before, "Today (2026-04-06) is outside the cycle … check-ins are closed."
    const late = checkIn(wb, "2026-04-06", "O1.KR1", "95.5", { whatChanged: "week 13's figure" });
    expect(late.ok, late.message).toBe(true);
    const log = rowsOf(wb, "Check-ins");
    expect(log[log.length - 1]).toMatchObject({ Week: 13, "KR ID": "O1.KR1", Value: 95.5 });
    expect(byId(rowsOf(wb, "Key Results")).get("O1.KR1")).toMatchObject({ Current: 95.5, Score: 1, Forecast: 95.5 });

    summarize(wb, "2026-04-06");
    const tab = summaryTab(wb);
    expect(String(tab.values[5][0])).toBe("2 of 2 KRs checked in this week; no blockers reported.");
    // The trend's week 13 and the forecast are as of the summary's day too: capped at 2026-04-05, they said
    // 94 and listed the KR as forecast to miss beside a This week line counting its check-in.
    const trend = byId(section(trendTab(wb), "Trend").rows);
    expect(trend.get("O1.KR1")!["Week 13"]).toBe(95.5);
    expect(section(tab, "Forecast").rows.map((r) => r.ID)).not.toContain("O1.KR1");

    // The sidebar offers to correct it, as week 13's latest check-in.
    wb.services.session.setUser("cara@example.com");
    const sidebar = callAddon(wb, "getSidebarData", {});
    wb.services.session.setUser("ops.lead@example.com");
    expect(sidebar.cycle).toMatchObject({ week: 13, late: { end: "2026-04-05", until: "2026-04-12" } });
    expect(sidebar.krs.find((k: { id: string }) => k.id === "O1.KR1").correctable).toMatchObject({ date: "2026-04-06", value: 95.5 });
    // A correction the day after replaces it (it is week 13's check-in, as the log says).
    const fixed = checkIn(wb, "2026-04-07", "O1.KR1", "95.2", { correct: true });
    expect(fixed.ok, fixed.message).toBe(true);
    expect(String(rowsOf(wb, "Check-ins").pop()!["What changed"])).toMatch(/^Correction of check-in .* \(2026-04-06, value 95\.5%\)/);

    setToday(wb, "2026-04-07");
    const closed = callAddon(wb, "endCycle", { at: "2026-04-07" });
    expect(closed.ok, closed.message).toBe(true);
    const values = (wbTab(wb, "Retrospective") as unknown[][]).find((r) => r[1] === "O1.KR1")!;
    expect(values[4]).toBe(1); // Final score: 95.2 against 95 (it was 0.92, week 12's 94)
  });

  it("are refused from the day after that week, naming the cycle's dates", () => {
    const wb = pilot();
    const r = checkIn(wb, "2026-04-13", "O1.KR1", "95.5");
    expect(r).toMatchObject({ ok: false, message: "Today (2026-04-13) is outside the cycle (2026-01-05 to 2026-04-05): check-ins are closed." });
  });
});

function wbTab(wb: Workbook, name: string): unknown[][] {
  return (wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName(name)!.getDataRange().getValues();
}

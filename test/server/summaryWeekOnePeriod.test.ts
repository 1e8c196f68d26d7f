// Week 1's check-in period on the Weekly Summary tab, through the BUILT add-on (run `npm run build` first): it
// starts on the cycle's first day, not 7 days (14 fortnightly) before the as-of day (docs/summary.md#week-and-period).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setSetting, setToday, ss } from "../support/tracker";

function summarize(wb: Workbook, at: string): string[] {
  setToday(wb, at);
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(`summary ${at}: ${r.message}`);
  return ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getDisplayValues().flat();
}

describe("Weekly Summary: the period of week 1", () => {
  it("Missing check-ins and Period say from the cycle's start; from week 2 the full 7 days", () => {
    const wb = newTracker({ start: "2026-01-05", at: "2026-01-05" });
    setToday(wb, "2026-01-06");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "84", confidence: 7 }).ok).toBe(true);
    const week1 = summarize(wb, "2026-01-07");
    expect(week1).toContain("Missing check-ins: no check-in from 2026-01-05 to 2026-01-07");
    expect(week1).toContain("2026-01-05 to 2026-01-07");
    expect(week1.some((x) => x.includes("2026-01-01"))).toBe(false);
    expect(summarize(wb, "2026-01-12")).toContain("Missing check-ins: no check-in from 2026-01-06 to 2026-01-12");
  });
  it("fortnightly: week 2 from the start, not 14 days back", () => {
    const wb = newTracker({ start: "2026-01-05", at: "2026-01-05" });
    setSetting(wb, "Check-in cadence", "fortnightly");
    expect(summarize(wb, "2026-01-14")).toContain("Missing check-ins: no check-in from 2026-01-05 to 2026-01-14");
  });
});

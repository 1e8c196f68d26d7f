// One rounding for a rate shown as whole percent: the report writes it as typed text (render.ts), the
// subtitles and the digest show it, and Sheets' "0%" format rounds half away from zero on the decimal figure.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { buildDigest } from "../../src/core/emails";
import { buildSummary, percent } from "../../src/core/summary";
import type { Tracker } from "../../src/core/model";

describe("percent", () => {
  it("rounds a half up although ×100 lands just below it in floating point", () => {
    // 57/200 × 100 = 28.499999999999996, 29/200 × 100 = 14.499999999999998: Math.round alone gives 28 and 14.
    expect(percent(57 / 200)).toBe("29%");
    expect(percent(29 / 200)).toBe("15%");
    expect(percent(0.38)).toBe("38%");
    expect(percent(0.284)).toBe("28%");
    expect(percent(1)).toBe("100%");
    expect(percent(0)).toBe("0%");
  });

  it("gives the digest's check-in rate as the report writes it", () => {
    const tracker: Tracker = {
      settings: {
        cycleName: "C", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday",
        onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: true, ownerReminders: true,
      },
      objectives: [],
      keyResults: [],
    };
    const model = buildSummary({ tracker, checkins: [], history: [], asOf: "2026-02-01" });
    model.data.checkinRate = { ...model.data.checkinRate, rate: 57 / 200, checkedIn: 57, total: 200 };
    const d = buildDigest(model, "https://docs.google.com/spreadsheets/d/abc/edit");
    expect(d.body).toContain("29% (57 of 200 KRs)");
    expect(d.htmlBody).toContain("29% (57 of 200 KRs)");
  });
});

// The Mid-cycle Review's Forecast column through the BUILT add-on (run `npm run build` first): session 19's
// pilot found the review without a forecast, though "which KRs will miss" is what its keep / adjust / drop
// decisions rest on. The column is the Weekly Summary's forecast as of the same day (no second forecast): the
// KRs it calls short of their goal are exactly those the summary's Forecast section lists, at the same value.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, setToday, ss } from "../support/tracker";
import { operationsPilot, pilotCheckin } from "../support/importedTracker";
import { section, summarize, summaryTab } from "../support/summaryTab";

const REVIEW_DAY = "2026-02-16"; // week 7 of 13

/** Six weeks of check-ins: rework and cost falling too slowly, on-time and cycle time on pace; yield never. */
function pilot(): Workbook {
  const wb = operationsPilot();
  for (let w = 1; w <= 6; w++) {
    const day = addDays("2026-01-08", 7 * (w - 1));
    pilotCheckin(wb, day, "O1.KR1", String(Math.round((8 - 0.2 * w) * 10) / 10));
    pilotCheckin(wb, day, "O1.KR2", String(Math.round((41.5 - 0.3 * w) * 10) / 10));
    pilotCheckin(wb, day, "O2.KR1", String(82 + w));
    pilotCheckin(wb, day, "O2.KR2", String(Math.round((12 - 0.3 * w) * 10) / 10));
  }
  return wb;
}

function reviewRows(wb: Workbook): { header: string[]; rows: Record<string, string>[] } {
  setToday(wb, REVIEW_DAY);
  const r = callAddon(wb, "createMidCycleReview", { at: REVIEW_DAY });
  expect(r.ok, r.message).toBe(true);
  const v = ss(wb).getSheetByName("Mid-cycle Review")!.getDataRange().getDisplayValues();
  const h = v.findIndex((x) => x[0] === "Type" && x[1] === "ID");
  return { header: v[h], rows: v.slice(h + 1).filter((x) => x[1] !== "").map((x) => Object.fromEntries(v[h].map((k, i) => [k, x[i]]))) };
}

describe("Mid-cycle Review: a Forecast column beside the decision", () => {
  it("gives each KR the summary's forecast as of the review's day, saying which are short of their goal", () => {
    const wb = pilot();
    const { header, rows } = reviewRows(wb);
    expect(header).toEqual(["Type", "ID", "Title", "Owner", "Score", "Expected", "Status", "Forecast", "Decision", "Notes"]);
    const forecast = Object.fromEntries(rows.map((r) => [r.ID, r.Forecast]));
    expect(forecast).toEqual({
      O1: "",
      "O1.KR1": "5.4% by 2026-04-05 — short of its goal",
      "O1.KR2": "$37.60 by 2026-04-05 — short of its goal",
      O2: "",
      "O2.KR1": "95% by 2026-04-05 — on course",
      "O2.KR2": "8.1 days by 2026-04-05 — on course",
      "O2.KR3": "not enough check-ins to forecast yet",
    });

    // The same KRs and values as the Weekly Summary's Forecast section of that day.
    summarize(wb, REVIEW_DAY);
    const listed = section(summaryTab(wb), "Forecast").rows.map((r) => `${r.ID}: ${r.Forecast}`);
    const below = rows.filter((r) => r.Forecast.endsWith("short of its goal")).map((r) => `${r.ID}: ${r.Forecast.replace(/ — short of its goal$/, "")}`);
    expect(below.sort()).toEqual(listed.sort());
  });

  it("agrees with the summary when History holds weeks the log does not (a History imported from the team's old sheet)", () => {
    // Weeks 1-3 kept elsewhere and pasted into History; the log starts in week 4.
    const wb = operationsPilot();
    const imported: unknown[][] = [];
    const past: Record<string, number[]> = { "O1.KR1": [8.4, 8.7, 9], "O1.KR2": [41.5, 41.4, 41.4], "O2.KR1": [82, 83, 83], "O2.KR2": [12, 12.2, 12.4] };
    for (let w = 1; w <= 3; w++) {
      for (const [id, v] of Object.entries(past)) imported.push([w, addDays("2026-01-08", 7 * (w - 1)), id, v[w - 1], 0, "Off track"]);
    }
    ss(wb).getSheetByName("History")!.getRange(2, 1, imported.length, 6).setValues(imported);
    for (let w = 4; w <= 6; w++) {
      const day = addDays("2026-01-08", 7 * (w - 1));
      pilotCheckin(wb, day, "O1.KR1", String(Math.round((9 - 0.4 * (w - 3)) * 10) / 10));
      pilotCheckin(wb, day, "O1.KR2", String(Math.round((41.4 - 0.5 * (w - 3)) * 10) / 10));
      pilotCheckin(wb, day, "O2.KR1", String(83 + 2 * (w - 3)));
      pilotCheckin(wb, day, "O2.KR2", String(Math.round((12.4 - 0.5 * (w - 3)) * 10) / 10));
    }
    const { rows } = reviewRows(wb);
    summarize(wb, REVIEW_DAY);
    const listed = section(summaryTab(wb), "Forecast").rows.map((r) => `${r.ID}: ${r.Forecast}`);
    const below = rows.filter((r) => r.Forecast.endsWith("short of its goal")).map((r) => `${r.ID}: ${r.Forecast.replace(/ — short of its goal$/, "")}`);
    expect(listed.length).toBeGreaterThan(0);
    expect(below.sort()).toEqual(listed.sort());
  });

  it("made after the cycle's last day, says where each KR ended ('on'), as the summary then does, not 'by' a day gone", () => {
    const wb = pilot();
    const after = "2026-04-08"; // the cycle ended on 2026-04-05; check-ins are still taken this week
    setToday(wb, after);
    expect(callAddon(wb, "createMidCycleReview", { at: after }).ok).toBe(true);
    const v = ss(wb).getSheetByName("Mid-cycle Review")!.getDataRange().getDisplayValues();
    const h = v.findIndex((x) => x[0] === "Type" && x[1] === "ID");
    const forecast = Object.fromEntries(v.slice(h + 1).filter((x) => x[1] !== "").map((x) => [x[1], x[v[h].indexOf("Forecast")]]));
    expect(forecast["O1.KR1"]).toBe("6.8% on 2026-04-05 — ended short of its goal");
    expect(forecast["O2.KR1"]).toMatch(/^\d+% on 2026-04-05 — ended (on course|short of its goal)$/);
    expect(Object.values(forecast).some((f) => / by \d{4}-/.test(f))).toBe(false);
    // Read whole beside the decision typed next to it: at 260 px, "6.8% on 2026-04-05 — ended short of its
    // goal" was cut (a generous reader's measure of 10 pt Arial: 6.5 px a character, 4 px padding either side).
    const width = ss(wb).getSheetByName("Mid-cycle Review")!.getColumnWidth(v[h].indexOf("Forecast") + 1);
    for (const f of Object.values(forecast)) expect(f.length * 6.5 + 8, f).toBeLessThanOrEqual(width);
    // The summary of that day lists the same KRs, at the same values, in the same words.
    summarize(wb, after);
    const listed = section(summaryTab(wb), "Forecast").rows.map((r) => `${r.ID}: ${r.Forecast}`);
    const below = Object.entries(forecast).filter(([, f]) => f.endsWith("ended short of its goal")).map(([id, f]) => `${id}: ${f.replace(/ — ended short of its goal$/, "")}`);
    expect(listed).toContain("O1.KR1: 6.8% on 2026-04-05");
    expect(below.sort()).toEqual(listed.sort());
  });

  it("a History without its header row (a tab the summary refuses) does not stop the review: it forecasts from the log", () => {
    const wb = pilot();
    ss(wb).getSheetByName("History")!.getRange(1, 1, 1, 6).clearContent();
    expect(reviewRows(wb).rows.find((r) => r.ID === "O1.KR1")!.Forecast).toBe("5.4% by 2026-04-05 — short of its goal");
  });

  it("running it again keeps the decisions and notes typed (by header, the columns moved by the Forecast)", () => {
    const wb = pilot();
    reviewRows(wb);
    const sh = ss(wb).getSheetByName("Mid-cycle Review")!;
    const v = sh.getDataRange().getValues();
    const h = v.findIndex((x) => x[0] === "Type" && x[1] === "ID");
    const row = v.findIndex((x) => x[1] === "O1.KR2") + 1;
    sh.getRange(row, v[h].indexOf("Decision") + 1).setValue("adjust");
    sh.getRange(row, v[h].indexOf("Notes") + 1).setValue("Supplier price rise: target to $38");
    const again = reviewRows(wb).rows.find((r) => r.ID === "O1.KR2")!;
    expect(again).toMatchObject({ Decision: "adjust", Notes: "Supplier price rise: target to $38" });
  });
});

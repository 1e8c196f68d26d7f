// The Key Results forecast cells hold the forecast at the precision the Weekly Summary shows it, through the
// built add-on (run `npm run build` first). The Forecast column has no number format (a format would cost
// setup and Repair tracker a call), so until session 12 it showed the unrounded forecast: 95.16666667 and
// 4.388888889 beside the summary's 4.39%. Now the cell holds the number the summary says (2 decimals, in the
// units the KR's cells show: a fraction-% KR's percent), Weeks to target the summary's one decimal, and the
// Forecast score stays the summary's (the score of the unrounded forecast).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { byId, section, summarize, summaryTab } from "../support/summaryTab";
import { newTracker, rowsOf, ss } from "../support/tracker";
import { checkInOn } from "../support/inUse";

const START = "2026-01-05"; // a Monday; 13 weeks: the last day is 2026-04-05
const ADMIN = "ops.lead@example.com";
/** On-time delivery typed in whole numbers (82 → 95), the rework rate typed as percentages (6.5% → 3%: cells 0.065, 0.03), both noisy. */
const KRS = [
  { id: "O1.KR1", owner: "dispatch.lead@example.com", weeks: ["83.1", "84.4", "85.0", "86.2"] },
  { id: "O2.KR1", owner: "quality.lead@example.com", weeks: ["0.066", "0.069", "0.068", "0.071"] },
];

function checkIn(wb: Workbook, day: string, owner: string, krId: string, value: string) {
  checkInOn(wb, day, owner, krId, value, { admin: ADMIN, confirmed: true });
}

/** Each KR's Forecast and Weeks to target cells, as held and as shown, and its Forecast score. */
function cells(wb: Workbook) {
  const kr = ss(wb).getSheetByName("Key Results")!;
  const headers = kr.getRange("1:1").getValues()[0].map(String);
  const rows = rowsOf(wb, "Key Results");
  return new Map(
    KRS.map((k) => {
      const row = rows.findIndex((r) => r["ID"] === k.id) + 2;
      const at = (h: string) => kr.getRange(row, headers.indexOf(h) + 1);
      return [k.id, { value: at("Forecast").getValue() as number, shown: at("Forecast").getDisplayValue(), score: at("Forecast score").getValue() as number, weeks: at("Weeks to target").getValue() }];
    }),
  );
}

const twoDecimals = (v: number) => v === Number(v.toFixed(2));

describe("the Key Results forecast cells", () => {
  it("hold the forecast as the Weekly Summary shows it: 2 decimals (a fraction-% KR's percent), Weeks to target to 1, the summary's score", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const krs = ss(wb).getSheetByName("Key Results")!;
    const rowOf = (id: string) => rowsOf(wb, "Key Results").findIndex((r) => r["ID"] === id) + 2;
    krs.getRange(`G${rowOf("O2.KR1")}:H${rowOf("O2.KR1")}`).setValues([["6.5%", "3%"]]);
    for (let w = 0; w < 4; w++) for (const k of KRS) checkIn(wb, `2026-01-${String(8 + 7 * w).padStart(2, "0")}`, k.owner, k.id, k.weeks[w]);

    // What the check-in wrote.
    for (const [id, c] of cells(wb)) {
      expect(typeof c.value, id).toBe("number");
      expect(twoDecimals(c.value), `${id}: Forecast ${c.value} after the check-in`).toBe(true);
      expect(c.shown, id).toBe(String(c.value));
    }

    // What the summary wrote, against what it says.
    summarize(wb, "2026-02-02");
    const forecast = section(summaryTab(wb), "Forecast");
    // Against the weeks the cycle has left after 2026-02-02, to its last day 2026-04-05 (62 days; session 19:
    // the header was "Weeks to target" alone, a 13.7 read with nothing to compare it with).
    expect(forecast.headers[7]).toBe("Weeks to target (8.9 left)");
    const listed = byId(forecast.rows);
    const after = cells(wb);
    for (const [id, c] of after) {
      expect(twoDecimals(c.value), `${id}: Forecast ${c.value} after the summary`).toBe(true);
      expect(typeof c.weeks === "number" ? c.weeks === Math.round(c.weeks * 10) / 10 : c.weeks === "", `${id}: Weeks to target ${c.weeks}`).toBe(true);
    }
    // The rework rate, getting worse, is listed: its Forecast section says the cells' numbers (the percent, not the fraction).
    const rework = listed.get("O2.KR1")!;
    const c = after.get("O2.KR1")!;
    expect(c.value).toBeGreaterThan(7);
    expect(rework["Forecast"]).toBe(`${c.value}% by 2026-04-05`);
    expect(rework["Forecast score"]).toBe(c.score);
    expect(rework["Weeks to target (8.9 left)"] === "—" ? "" : rework["Weeks to target (8.9 left)"]).toBe(c.weeks);
  });
});

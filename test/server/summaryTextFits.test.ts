// The Weekly Summary's long texts are readable on the tab, through the BUILT add-on (run `npm run build`
// first). Needs attention's Forecast (`Forecast to miss: 88.34% by 2026-04-05 (target 95%); needs to rise 1.14
// points a week (so far rising 0.4 points a week)`, 118 characters) sat in Sheets' default 100 px column H,
// cut off by the Latest comment beside it; so were the comments, blockers and owners cut by their neighbours.
// A text with something on its right now wraps where it does not fit its column, and H is 260 px wide.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { rowWhere, section, summaryTab } from "../support/summaryTab";

const START = "2026-01-05"; // 13 weeks; week 4 ends 2026-02-01
const ADMIN = "ops.lead@example.com";
const SAID = {
  whatChanged: "Two new drivers started on the late shift this week",
  blockers: "Waiting on the vendor's new routing software licence",
  nextStep: "Review the route plan with the regional managers on Monday",
};

/** Weeks 1–4 of on-time delivery rising too slowly and the rework rate getting worse: both forecast to miss. */
function weekFour(said: Partial<typeof SAID>): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  for (const [day, onTime, rework] of [["2026-01-08", 83.5, 6.6], ["2026-01-15", 84, 6.9], ["2026-01-22", 84.4, 7.1], ["2026-01-29", 84.7, 7.3]] as const) {
    for (const [owner, krId, value] of [["dispatch.lead@example.com", "O1.KR1", onTime], ["quality.lead@example.com", "O2.KR1", rework]] as const) {
      setToday(wb, day);
      wb.services.session.setUser(owner);
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 3, ...said });
      wb.services.session.setUser(ADMIN);
      if (!r.ok) throw new Error(r.message);
    }
  }
  return wb;
}

function generate(wb: Workbook, at: string) {
  setToday(wb, at);
  wb.services.counters.reset();
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(r.message);
  return wb.services.counters.snapshot().byMethod;
}

/** A generous reader's measure of 10 pt Arial: 7 px a character and 4 px of padding either side. */
const lines = (text: string, width: number) => Math.ceil((text.length * 7) / (width - 8));

/** The tab's text cells cut off by a neighbour: too wide for their column, not wrapped, something on their right. */
function cutOff(wb: Workbook): string[] {
  const sh = ss(wb).getSheetByName("Weekly Summary")!;
  const range = sh.getDataRange();
  const values = range.getDisplayValues();
  const wraps = range.getWraps();
  const cut: string[] = [];
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v && row[j + 1] && lines(v, sh.getColumnWidth(j + 1)) > 1 && !wraps[i][j]) cut.push(`${range.getCell(i + 1, j + 1).getA1Notation()} ${v}`);
    }),
  );
  return cut;
}

describe("the Weekly Summary's long texts", () => {
  it("Needs attention's Forecast is readable whole, in a few lines, as are the texts beside it", () => {
    const wb = weekFour(SAID);
    generate(wb, "2026-02-01");
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const tab = summaryTab(wb);
    const top = rowWhere(tab, (s) => s.startsWith("Needs attention")) + 3; // the first KR's row, 1-based
    const attention = section(tab, "Needs attention").rows;
    expect(attention.map((r) => r.ID)).toEqual(["O2.KR1", "O1.KR1"]);
    const width = sh.getColumnWidth(8);
    attention.forEach((r, i) => {
      const forecast = sh.getRange(top + i, 8);
      expect(forecast.getDisplayValue()).toBe(String(r.Forecast));
      expect(String(r.Forecast)).toMatch(/^Forecast to miss: .*; needs to \w+ [\d.]+ points a week \(so far rising [\d.]+ points a week\)$/);
      expect(forecast.getWrap()).toBe(true);
      expect(lines(String(r.Forecast), width)).toBeLessThanOrEqual(4);
    });
    expect(cutOff(wb)).toEqual([]);
  });

  it("cost no call more: a week whose texts all fit makes the same calls", () => {
    const long = weekFour(SAID);
    const short = weekFour({ whatChanged: "OK", blockers: "", nextStep: "" });
    for (const wb of [long, short]) generate(wb, "2026-01-25");
    const calls = [long, short].map((wb) => generate(wb, "2026-02-01"));
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]["RangeList.setWrap"]).toBe(1);
    expect(cutOff(short)).toEqual([]);
  });
});

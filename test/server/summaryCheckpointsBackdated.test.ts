// A roll over whose new start is backdated (before the day of the cycle before's last summary), through the
// BUILT add-on (run `npm run build` first). The cycle before ends Apr 5; its weekly refresh on Mon Apr 6
// records a week-13 checkpoint; on Apr 8 the team, having closed the cycle as of Mar 31, rolls over with the new
// cycle starting Apr 1. That
// checkpoint describes the archived log (more rows than the new one holds), so were it kept beside the new
// weeks' checkpoints it would be picked every week (the largest last row), fail its History check and make
// every summary read the whole log until the new week 13.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday } from "../support/tracker";
import { summaryCellsRead as summary } from "../support/summaryTab";

const START = "2026-01-05";
const NEW_START = "2026-04-01";
const ADMIN = "ops.lead@example.com";
const KEY = "okrSheets.summaryCheckpoints";
const KRS = ["O1.KR1", "O1.KR2", "O2.KR1", "O3.KR2"];
const VALUES = [["82", "85", "90"], ["9.4", "9", "8"], ["6", "5", "4"], ["0.3", "0.5", "0.7"]];


function checkin(wb: Workbook, day: string, krId: string, value: string): void {
  setToday(wb, day);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 7, confirmed: true, whatChanged: "steady" });
  if (!r.ok) throw new Error(`check-in ${krId} ${day}: ${r.message}`);
}

type Stored = { week: number; asOf: string };
const checkpoints = (wb: Workbook): Stored[] => {
  const text = wb.services.toSnapshot().documentProperties[KEY];
  return text ? (JSON.parse(text) as Stored[]) : [];
};

describe("summary checkpoints after a roll over with a backdated start", () => {
  it("the new cycle's summaries read from their own checkpoints, not the cycle before's", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    // The cycle before: a log longer than the new cycle's will be by its week 4 (24 rows to 17).
    for (let w = 0; w < 6; w++) for (const [i, kr] of KRS.entries()) checkin(wb, addDays(START, 7 * w + 1), kr, VALUES[i][w % 3]);
    summary(wb, "2026-04-05");
    summary(wb, "2026-04-06"); // the Monday refresh, after the cycle's end and after the new start
    expect(checkpoints(wb).some((c) => c.asOf === "2026-04-06")).toBe(true);
    setToday(wb, "2026-04-06");
    // Closed as of Mar 31 (an early close): since session 13 only that lets the next cycle start on Apr 1,
    // inside the cycle before (which ends Apr 5; docs/lifecycle.md, Roll over).
    expect(callAddon(wb, "endCycle", { at: "2026-03-31" }).ok).toBe(true);
    setToday(wb, "2026-04-08");
    expect(callAddon(wb, "rollOverCycle", { start: NEW_START, name: "Cycle 2" }).ok).toBe(true);
    // The new week 1's summary, dated its last day: History then holds the trend's week 1 (without it no
    // checkpoint can answer that week, and every summary reads the whole log: core/summaryPast.ts).
    summary(wb, "2026-04-07");

    for (const day of ["2026-04-08", "2026-04-09", "2026-04-10"]) for (const [i, kr] of KRS.entries()) checkin(wb, day, kr, VALUES[i][day.endsWith("9") ? 1 : 0]);
    summary(wb, "2026-04-12");
    for (const [i, kr] of KRS.entries()) checkin(wb, "2026-04-15", kr, VALUES[i][2]);
    summary(wb, "2026-04-19");

    // Week 4: as many cells as the same tracker holding only the new cycle's checkpoints reads.
    checkin(wb, "2026-04-22", "O2.KR1", "5");
    const snap = wb.services.toSnapshot();
    const newOnly = JSON.stringify(checkpoints(wb).filter((c) => c.asOf >= "2026-04-07"));
    const own = workbookFromSnapshot("/nonexistent/own.xlsx", { ...snap, documentProperties: { ...snap.documentProperties, [KEY]: newOnly } }, { at: "2026-04-23", user: ADMIN });
    const whole = workbookFromSnapshot("/nonexistent/whole.xlsx", { ...snap, documentProperties: { ...snap.documentProperties, [KEY]: "" } }, { at: "2026-04-23", user: ADMIN });
    const cells = summary(wb, "2026-04-23");
    expect(cells).toBeLessThan(summary(whole, "2026-04-23"));
    expect(cells).toBe(summary(own, "2026-04-23"));
    // The cycle before's checkpoint went at the roll over; only the new weeks are kept.
    expect(checkpoints(wb).map((c) => c.week)).toEqual([1, 2, 3, 4]);
  });
});

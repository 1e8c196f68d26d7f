// The check-in's forecast and the next weekly refresh's on the same data, through the built add-on (run
// `npm run build` first). The refresh runs at 07:00 on the check-in weekday and, since session 13, reports
// the week that ended the day before: it records each week's History row as of its last day, where the
// check-in's own computation (from the log) places that week. Until session 12 the summary dated History's
// values at their weeks' last days, six days after the day they were then as of (the run's Monday): in this
// scenario the Sunday-night check-in and Monday's summary forecast up to 3.15 points apart (95.08 and 98.23
// in week 4), and Monday's of week 3 had none (not enough check-ins) where the check-in had 94.50. In session
// 12 Monday's points were the check-in's a day later: they differed by about a day's progress (at most 0.15
// here). Now, with nothing new since the check-in, Monday's refresh forecasts exactly what it did.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, rowsOf } from "../support/tracker";
import { checkInOn } from "../support/inUse";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05"; // a Monday; 13 weeks
const ADMIN = "ops.lead@example.com";
/** On-time delivery (82 → 95 %, rising about a point a week) and the rework rate (6.5 → 3 %, falling slowly), noisy. */
const KRS = [
  { id: "O1.KR1", owner: "dispatch.lead@example.com", weeks: [83.1, 84.4, 85.0, 86.2, 87.5, 88.1, 89.4, 89.9] },
  { id: "O2.KR1", owner: "quality.lead@example.com", weeks: [6.6, 6.4, 6.5, 6.1, 6.0, 5.6, 5.7, 5.3] },
];

function forecastCells(wb: Workbook, id: string): { value: number; weeksToTarget: number } {
  const row = rowsOf(wb, "Key Results").find((r) => r["ID"] === id)!;
  return { value: row["Forecast"] as number, weeksToTarget: row["Weeks to target"] as number };
}

function refresh(wb: Workbook, day: string): void {
  wb.services.clock.set(new Date(`${day}T07:00:00Z`));
  expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });
}

/**
 * Per week 3..8 and KR: the check-in's forecast (on day `weekday` of the week, 6: Sunday night), the next
 * Monday's summary's, and the KR's pace a day (from Weeks to target).
 */
export function checkinThenMonday(weekday = 6): { week: number; id: string; checkin: number; monday: number; perDay: number }[] {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  callAddon(wb, "setWeeklyRefresh", { on: true });
  const out: { week: number; id: string; checkin: number; monday: number; perDay: number }[] = [];
  refresh(wb, START);
  for (let w = 1; w <= 8; w++) {
    const sunday = addDays(START, 7 * (w - 1) + weekday);
    const atCheckin = new Map<string, number>();
    for (const kr of KRS) {
      checkInOn(wb, sunday, kr.owner, kr.id, String(kr.weeks[w - 1]), { admin: ADMIN });
      atCheckin.set(kr.id, forecastCells(wb, kr.id).value);
    }
    refresh(wb, addDays(START, 7 * w));
    if (w < 3) continue;
    for (const kr of KRS) {
      const m = forecastCells(wb, kr.id);
      const target = kr.id === "O1.KR1" ? 95 : 3;
      const perWeek = (target - kr.weeks[w - 1]) / m.weeksToTarget;
      out.push({ week: w, id: kr.id, checkin: atCheckin.get(kr.id)!, monday: m.value, perDay: perWeek / 7 });
    }
  }
  return out;
}

describe("the check-in's forecast and the next weekly refresh's", () => {
  it("a check-in on Sunday night and Monday's 07:00 refresh (as of that Sunday) forecast the same", () => {
    const rows = checkinThenMonday();
    expect(rows.length).toBe(12);
    for (const r of rows) {
      expect(typeof r.checkin, `${r.id} week ${r.week}`).toBe("number");
      // A blank Weeks to target (a line flat or moving away) would make the bound below infinite.
      expect(Number.isFinite(r.perDay), `${r.id} week ${r.week}: a day's pace`).toBe(true);
      // Monday's points are the check-in's: History's weeks as of their Sundays, the week reported to its Sunday.
      expect(r.monday, `${r.id} week ${r.week}: Sunday`).toBe(r.checkin);
    }
  });

  it("so do a check-in on Thursday and Monday's refresh: the check-in's week is placed on its last day, as History's weeks before it", () => {
    const rows = checkinThenMonday(3);
    expect(rows.length).toBe(12);
    for (const r of rows) {
      expect(typeof r.checkin, `${r.id} week ${r.week}`).toBe("number");
      expect(Number.isFinite(r.perDay), `${r.id} week ${r.week}: a day's pace`).toBe(true);
      expect(r.monday, `${r.id} week ${r.week}: Thursday`).toBe(r.checkin);
    }
  });
});

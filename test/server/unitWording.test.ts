// Session 18's review of an operations pilot, continued: small wordings a leader read wrong, through the BUILT
// add-on (run `npm run build` first). A count of one in the singular ("1 day"); the correction note and the
// Weekly Trend's `Last weeks` text in the KR's unit.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, requestId, rowsOf, setToday } from "../support/tracker";
import { importedTracker } from "../support/importedTracker";
import { section, summarize, summaryTab, trendTab } from "../support/summaryTab";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Flow faster", "Cut lead time from 3 days to 1 day", "cara@example.com", "decrease", "days", 3, 1],
  ["Flow faster", "Cut cost per unit from $41.50 to $36.00", "ana@example.com", "decrease", "$", 41.5, 36],
];

const OWNER: Record<string, string> = { "O1.KR1": "cara@example.com", "O1.KR2": "ana@example.com" };

const tracker = (): Workbook => importedTracker(HEADER, KRS);

function checkIn(wb: Workbook, day: string, krId: string, value: string, extra: Record<string, unknown> = {}) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6, confirmed: true, ...extra });
  wb.services.session.setUser("ops.lead@example.com");
  expect(r.ok, `${krId} ${value}: ${r.message}`).toBe(true);
  return r;
}

describe("Values of one, corrections and the trend's text in the KR's unit", () => {
  it("a signal's reason says 1 day, not 1 days", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-09", "O1.KR1", "2");
    checkIn(wb, "2026-01-16", "O1.KR1", "1");
    summarize(wb, "2026-01-16");
    const reasons = section(summaryTab(wb), "Signals").rows.filter((r) => r.ID === "O1.KR1").map((r) => r.Reason);
    // Before: "Reached its target (1 days against 1 days) on 2026-01-16, …".
    expect(reasons).toEqual(["Reached its target (1 day against 1 day) on 2026-01-16, before the cycle's midpoint"]);
  });

  it("a correction's note names the replaced value in the KR's unit, and the log's reports still read it", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-09", "O1.KR2", "$41.5");
    checkIn(wb, "2026-01-16", "O1.KR2", "$1.15");
    checkIn(wb, "2026-01-16", "O1.KR2", "41.15", { correct: true, whatChanged: "typed 1.15" });
    const log = rowsOf(wb, "Check-ins");
    const note = String(log[log.length - 1]["What changed"]);
    // Before: "Correction of check-in <request ID> (2026-01-16, value 1.15). typed 1.15".
    expect(note).toMatch(/^Correction of check-in \S+ \(2026-01-16, value \$1\.15\)\. typed 1\.15$/);
    // The replaced row stays out of the reports: this week's value is the correction's.
    summarize(wb, "2026-01-16");
    const row = trendTab(wb).values.find((r) => r[0] === "O1.KR2")!;
    expect(row.slice(2, 4)).toEqual([41.5, 41.15]);
  });

  it("the Weekly Trend's Last weeks text is in the KR's unit: money with cents on each number, days once", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-09", "O1.KR1", "2");
    checkIn(wb, "2026-01-09", "O1.KR2", "$41.5");
    checkIn(wb, "2026-01-16", "O1.KR1", "1");
    checkIn(wb, "2026-01-16", "O1.KR2", "$41.2");
    summarize(wb, "2026-01-16");
    const lastWeeks = (id: string) => {
      const row = trendTab(wb).values.find((r) => r[0] === id)!;
      return row.filter((v) => typeof v === "string" && v !== "").pop();
    };
    // Before: "█▁ 2 → 1" and "█▁ 41.5 → 41.2".
    expect(lastWeeks("O1.KR1")).toBe("█▁ 2 → 1 day");
    expect(lastWeeks("O1.KR2")).toBe("█▁ $41.50 → $41.20");
  });
});


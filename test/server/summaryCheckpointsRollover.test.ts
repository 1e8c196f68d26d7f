// After a roll over, the new cycle's summaries record and use checkpoints of their own, through the BUILT
// add-on (run `npm run build` first). The 4 kept were the latest by week number: the cycle before's weeks
// 10–13 outranked the new week 1, so the new cycle kept none until its week 10 and every summary read the
// whole log (exact, but a read of every row).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday } from "../support/tracker";
import { summarize as summary } from "../support/summaryTab";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";
const KEY = "okrSheets.summaryCheckpoints";

function checkpointWeeks(wb: Workbook): { week: number; asOf: string }[] {
  const text = wb.services.toSnapshot().documentProperties[KEY];
  return text ? (JSON.parse(text) as { week: number; asOf: string }[]).map(({ week, asOf }) => ({ week, asOf })) : [];
}

describe("summary checkpoints after a roll over", () => {
  it("the new cycle's week 1 is kept over the cycle before's weeks 10-13, and week 2 adds its own", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    setToday(wb, "2026-03-10");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "90", confidence: 7 }).ok).toBe(true);
    for (let w = 10; w <= 13; w++) summary(wb, addDays(START, 7 * w - 1));
    expect(checkpointWeeks(wb).map((c) => c.week)).toEqual([10, 11, 12, 13]);
    setToday(wb, "2026-04-05");
    expect(callAddon(wb, "endCycle", { at: "2026-04-05" }).ok).toBe(true);
    setToday(wb, "2026-04-06");
    expect(callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" }).ok).toBe(true);

    setToday(wb, "2026-04-08");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "3.1", confidence: 7 }).ok).toBe(true);
    summary(wb, "2026-04-12");
    expect(checkpointWeeks(wb)).toEqual([{ week: 1, asOf: "2026-04-12" }]);

    // Week 2 adds its own beside it (the summary it reads the log from: core/summaryPast.ts checkpointFor).
    setToday(wb, "2026-04-15");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "3.05", confidence: 7 }).ok).toBe(true);
    summary(wb, "2026-04-19");
    expect(checkpointWeeks(wb).map((c) => c.week)).toEqual([1, 2]);
  });
});

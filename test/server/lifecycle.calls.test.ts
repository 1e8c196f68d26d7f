// What the lifecycle's operations cost on the tests' tracker in use (service calls, cells read and written),
// through the built add-on: the figures docs/lifecycle.md ("What it costs") gives, held here so that the page
// says the current ones and a change of cost is a decision (counts are deterministic; seconds are not).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../support/tracker";
import { closedTracker, IN_USE_TODAY, NEXT_CYCLE, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

type Entry = Parameters<typeof callAddon>[1];

function cost(wb: Workbook, fn: Entry, args: Record<string, unknown>): [number, number, number] {
  wb.services.counters.reset();
  const r = callAddon(wb, fn, args);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const c = wb.services.counters.snapshot();
  return [c.serviceCalls, c.cellsRead, c.cellsWritten];
}

describe("Lifecycle costs (docs/lifecycle.md, What it costs)", () => {
  it("Mid-cycle Review: the first, then again", () => {
    const wb = trackerInUse();
    expect(cost(wb, "createMidCycleReview", { at: IN_USE_TODAY })).toEqual([48, 68_216, 190]);
    expect(cost(wb, "createMidCycleReview", { at: IN_USE_TODAY })).toEqual([46, 68_406, 190]);
  });

  it("closing: the first, then again", () => {
    const wb = trackerInUse();
    expect(cost(wb, "endCycle", { at: IN_USE_TODAY })).toEqual([50, 68_216, 246]);
    expect(cost(wb, "endCycle", { at: IN_USE_TODAY })).toEqual([48, 68_459, 246]);
  });

  it("roll over of the closed tracker", () => {
    const wb = closedTracker();
    expect(cost(wb, "rollOverCycle", { start: NEXT_CYCLE })).toEqual([374, 62_338, 2_512]);
  });
});

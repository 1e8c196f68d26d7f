// The Retrospective's Final value text (src/core/retroValue.ts): each metric's words, a fraction-% KR × 100,
// a milestone without a target, no final value for a KR nobody checked in on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { finalValueText } from "../../src/core/retroValue";
import type { KeyResult } from "../../src/core/model";

const kr = (over: Partial<KeyResult>): KeyResult => ({
  id: "O1.KR1", objectiveId: "O1", title: "", owner: "", metric: "decrease", unit: "%", start: 8, target: 4, weight: null,
  row: 2, current: 5.2, confidence: null, lastCheckin: "2026-04-02", ...over,
});

describe("finalValueText", () => {
  it("names the target of an increase/decrease KR and the threshold of a stay KR, in the KR's unit", () => {
    expect(finalValueText(kr({}), true, ".")).toBe("5.2% vs target 4%");
    expect(finalValueText(kr({ metric: "stay_below", unit: "orders", start: 112, target: 120, current: 118 }), true, ".")).toBe("118 orders vs at most 120 orders");
    expect(finalValueText(kr({ metric: "stay_above", start: 93, target: 92, current: 91.5 }), true, ",")).toBe("91,5% vs at least 92%");
    expect(finalValueText(kr({ metric: "increase", unit: "EUR", start: 100, target: 120, current: 112.5 }), true, ".")).toBe("112.50 EUR vs target 120.00 EUR");
  });

  it("shows a fraction-% KR's cells as they read (0.052 → 5.2%)", () => {
    expect(finalValueText(kr({ start: 0.08, target: 0.04, current: 0.052, percentCells: true }), true, ".")).toBe("5.2% vs target 4%");
  });

  it("a milestone (its target ignored) and a KR without a target give the value alone", () => {
    expect(finalValueText(kr({ metric: "milestone", unit: "", start: 0, target: 1, current: 0.8 }), true, ".")).toBe("0.8");
    expect(finalValueText(kr({ target: null }), true, ".")).toBe("5.2%");
  });

  it("a KR nobody checked in on has no final value: its start is not a result", () => {
    expect(finalValueText(kr({ current: null, lastCheckin: null }), false, ".")).toBe("not checked in (target 4%)");
    expect(finalValueText(kr({ metric: "milestone", current: null, lastCheckin: null }), false, ".")).toBe("not checked in");
  });
});

// The sidebar's "At this pace" score taken again against the KR row as it is now (core/forecastNow.ts).
import { describe, it } from "@jest/globals";
import { expect } from "./../support/expect";
import { forecastAgainstRow, heldScoreFits } from "../../src/core/forecastNow";
import { krScore } from "../../src/core/scoring";

const line = (value: number, score: number) => ({ ok: true as const, value, score, endDay: "2026-04-05" });

describe("forecastAgainstRow", () => {
  it("keeps the cells' score of an untouched KR, also one written at 2 decimals before session 13", () => {
    const exact = krScore("decrease", 0.05, 0.03, 0.04361).score!;
    expect(forecastAgainstRow(line(0.0436, exact), { metric: "decrease", start: 0.05, target: 0.03 })).toEqual(line(0.0436, exact));
    const old = krScore("increase", 80, 95, 91.4962).score!;
    expect(forecastAgainstRow(line(91.5, old), { metric: "increase", start: 80, target: 95 })).toEqual(line(91.5, old));
  });

  it("scores again a small-span KR whose target was edited (0.05 → 0.03, then 0.04): its cell holds 4 decimals", () => {
    const held = krScore("decrease", 0.05, 0.03, 0.04361).score!; // ≈ 0.32
    const f = forecastAgainstRow(line(0.0436, held), { metric: "decrease", start: 0.05, target: 0.04 });
    // Before: ±0.005 around 0.0436 spans scores 0.07–0.57 against the old row, so 0.32 "fitted" and stayed.
    expect(f).toEqual(line(0.0436, krScore("decrease", 0.05, 0.04, 0.0436).score!));
  });
});

describe("heldScoreFits", () => {
  it("a cell's margin is half a unit of its value's last decimal, never wider than half a hundredth", () => {
    expect(heldScoreFits("increase", 0, 1, 0.5, 0.5)).toBe(true);
    expect(heldScoreFits("increase", 0, 0.01, 0.0043, 0.435)).toBe(true);
    expect(heldScoreFits("increase", 0, 0.01, 0.0043, 0.45)).toBe(false);
    expect(heldScoreFits("increase", 0, 100, 91.5, 0.91503)).toBe(true);
    expect(heldScoreFits("increase", 0, 100, 91.5, 0.92)).toBe(false);
  });
});

// The gap rule decided at GAP_DECIMALS decimals: a gap exactly on a threshold in decimals is within it,
// although expected − score computed in binary floating point lands a few units in the 16th digit beyond it
// (0.8 − 0.7 = 0.10000000000000009), and Google Sheets compares doubles exactly.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import { GAP_DECIMALS, sheetRound, statusFromGap, withinGap } from "../../src/core/scoring";
import { createEngine } from "../../src/local/engine";

describe("the gap rule on its borders", () => {
  it("a gap exactly on a threshold gets the better status", () => {
    expect(0.8 - 0.7).toBeGreaterThan(0.1); // what made 0.7 against 0.8 "At risk"
    expect(statusFromGap(0.7, 0.8, 0.1, 0.25)).toBe("On track");
    expect(1 - 0.95).toBeGreaterThan(0.05);
    expect(statusFromGap(0.95, 1, 0.05, 0.25)).toBe("On track");
    expect(statusFromGap(0.55, 0.8, 0.1, 0.25)).toBe("At risk"); // gap 0.25000000000000006
    expect(statusFromGap(0.45, 0.7, 0.1, 0.25)).toBe("At risk"); // gap 0.24999999999999994
    expect(withinGap(0.7, 0.8, 0.1)).toBe(true);
    expect(withinGap(0.3, 0.3, 0)).toBe(true);
  });

  it("a gap beyond a threshold by 1e-9 or more is beyond it", () => {
    expect(statusFromGap(0.699999999, 0.8, 0.1, 0.25)).toBe("At risk");
    expect(statusFromGap(0.7, 0.800000001, 0.1, 0.25)).toBe("At risk");
    expect(statusFromGap(0.5, 0.75000001, 0.1, 0.25)).toBe("Off track");
    expect(withinGap(0.3, 0.300000001, 0)).toBe(false);
    expect(withinGap(0.3, 0.3000000004, 0)).toBe(true); // within half the 9th decimal: the same gap
  });

  it("values on a decimal grid exactly on a threshold are within it (hundredths)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), (e, g, extra) => {
        const s = e - g; // score + gap = expected, in hundredths
        if (s < 0) return;
        const onTrack = g / 100;
        const atRisk = (g + extra) / 100;
        expect(statusFromGap(s / 100, e / 100, onTrack, atRisk), JSON.stringify({ e, s, g })).toBe("On track");
        if (extra > 0 && g > 0) expect(statusFromGap(s / 100, e / 100, (g - 1) / 100, g / 100)).toBe("At risk");
        if (g > 0) expect(statusFromGap(s / 100, e / 100, (g - 1) / 100, (g - 1) / 100)).toBe("Off track");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the offline spreadsheet compares numbers exactly, as Google Sheets is reported to (docs/apps-script-fidelity.md, the gap rule on a threshold)", () => {
  it("with no tolerance in comparisons, sums or differences (smartRounding off: HyperFormula's epsilon unused)", () => {
    const formulas = ["=0.8-0.7<=0.1", "=10.1-10=0.1", "=(0.6-0.3-0.4)+(-0.3+0.8-0.4)=0", "=0.1+0.2=0.3", "=ROUND(0.8-0.7,9)<=0.1", "=ROUND(1-0.95,9)<=0.05"];
    const hf = createEngine({ Exact: formulas.map((f) => [f]) });
    try {
      expect(formulas.map((_, i) => hf.getCellValue({ sheet: 0, row: i, col: 0 }))).toEqual([false, false, false, false, true, true]);
    } finally {
      hf.destroy();
    }
  });
});

describe("sheetRound is the sheet's ROUND", () => {
  it("rounds half away from zero", () => {
    expect([sheetRound(2.5, 0), sheetRound(-2.5, 0), sheetRound(0.125, 2), sheetRound(-0.125, 2)]).toEqual([3, -3, 0.13, -0.13]);
    expect(sheetRound(0.8 - 0.7, GAP_DECIMALS)).toBe(0.1);
    expect(sheetRound(1 - 0.95, GAP_DECIMALS)).toBe(0.05);
    expect(Object.is(sheetRound(-1e-12, GAP_DECIMALS), -0)).toBe(true); // as HyperFormula: -0 ≤ 0 holds
  });

  it("gives HyperFormula's ROUND(x, 9) bit for bit, near rounding midpoints too", () => {
    const near = fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: -3, max: 3 })).map(([k, ulps]) => {
      let x = (k + 0.5) / 1e9; // about a midpoint of the 9th decimal
      for (let i = 0; i < Math.abs(ulps); i++) x = nextAfter(x, ulps > 0);
      return x;
    });
    const xs = fc.sample(fc.oneof(near, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), 3000);
    const hf = createEngine({ Round: xs.map((x, i) => [x, `=ROUND(A${i + 1},${GAP_DECIMALS})`]) });
    try {
      xs.forEach((x, i) => {
        const got = hf.getCellValue({ sheet: 0, row: i, col: 1 });
        expect(got, String(x)).toBe(sheetRound(x, GAP_DECIMALS) + 0); // (the engine gives -0 back as 0)
      });
    } finally {
      hf.destroy();
    }
  });
});

/** The next double above (up) or below x. */
function nextAfter(x: number, up: boolean): number {
  const b = new Float64Array([x]);
  const n = new BigInt64Array(b.buffer);
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  n[0] += BigInt((x > 0) === up ? 1 : -1);
  return b[0];
}

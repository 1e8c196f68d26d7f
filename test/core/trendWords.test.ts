import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { trendText } from "../../src/core/summaryLeadersLayout";
import { lastWeeksText } from "../../src/core/trendWords";

describe("The Weekly Trend's Last weeks text in the KR's unit (lastWeeksText)", () => {
  it("a percent or money on each number, money with cents; a word unit once, at the end", () => {
    expect(lastWeeksText([8, 7.6, 6.9], "%")).toBe("█▅▁ 8% → 7.6% → 6.9%");
    expect(lastWeeksText([41.5, 41.2], "$")).toBe("█▁ $41.50 → $41.20");
    expect(lastWeeksText([41.5, 41.2], "$", ",")).toBe("█▁ 41,50 $ → 41,20 $");
    expect(lastWeeksText([1234.5, 1200], "EUR")).toBe("█▁ 1234.50 EUR → 1200.00 EUR");
    expect(lastWeeksText([12, 11.8, 11.5], "days")).toBe("█▅▁ 12 → 11.8 → 11.5 days");
    expect(lastWeeksText([2, 1], "days")).toBe("█▁ 2 → 1 day");
    expect(lastWeeksText([null, 3, null], "days")).toBe("▄ 3 days");
    expect(lastWeeksText([null, null], "$")).toBe("");
  });

  it("money under a dollar with cents, as over one (session 19: it kept trendText's 4 significant digits)", () => {
    expect(lastWeeksText([0.455, 0.4], "$")).toBe("█▁ $0.46 → $0.40");
    expect(lastWeeksText([0.455, 0.4], "€", ",")).toBe("█▁ 0,46 € → 0,40 €");
    // A KR whose span needs more decimals (valueDigits: 0.05 → 0.03 has 4) keeps them, money's two at least.
    expect(lastWeeksText([0.0436, 0.04], "$", ".", 4)).toBe("█▁ $0.0436 → $0.04");
  });

  it("without a unit, is trendText as before", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 10 }), fc.constantFrom(".", ","), (values, sep) => {
        expect(lastWeeksText(values, "", sep as "." | ",")).toBe(trendText(values, sep as "." | ","));
      }),
    );
  });

  it("with a unit, keeps trendText's blocks and as many numbers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 10 }),
        fc.constantFrom("%", "$", "€", "EUR", "days", "units/hour"),
        (values, unit) => {
          const plain = trendText(values);
          const out = lastWeeksText(values, unit);
          if (!plain) return expect(out).toBe("");
          expect(out.split(" ")[0]).toBe(plain.split(" ")[0]);
          expect(out.split(" → ").length).toBe(plain.split(" → ").length);
        },
      ),
    );
  });
});

// Values mean what the person meant: the KR's unit decides how "85%" and "8.5 days" read; values that
// are almost certainly typing mistakes ask for confirmation.
import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { parseKrValue } from "../../src/core/numbers";
import { implausible } from "../../src/core/plausible";

const read = (text: string, unit: string | null, locale = "en_US") => parseKrValue(text, locale, unit);

describe("parseKrValue", () => {
  it.each([
    ["85%", "%", 85],
    ["85 %", "%", 85],
    ["12,5%", "%", 12.5],
    ["85", "%", 85],
    ["8.5 days", "days", 8.5],
    ["8.5 Days", "days", 8.5],
    ["1 day", "days", 1],
    ["6,0", "days", 6],
    ["3 done", "done", 3],
    ["42 EUR", "EUR", 42],
    ["-3", "days", -3],
    ["120 orders", "orders", 120],
    // A currency's sign and its code are one unit, either way round.
    ["€3.20", "EUR", 3.2],
    ["3,20 €", "EUR", 3.2],
    ["EUR 3.20", "€", 3.2],
    ["3.2 euros", "EUR", 3.2],
    ["$40", "USD", 40],
    ["USD 40", "$", 40],
    ["£12", "GBP", 12],
    // The local names: the yen's 円, the rupee's ₹ and Rs.
    ["1200 円", "JPY", 1200],
    ["1200円", "¥", 1200],
    ["¥1200", "円", 1200],
    ["₹1,5", "INR", 1.5],
    ["Rs 500", "INR", 500],
    ["Rs 500", "₹", 500],
    ["500 rupees", "INR", 500],
    // The abbreviation's point is the unit's: "Rs. 500" was refused, "Rs.500" read as 0.5. A sign's is the number's.
    ["Rs. 500", "INR", 500],
    ["Rs.500", "INR", 500],
    ["Rs. 0.50", "INR", 0.5],
    ["₹.5", "INR", 0.5],
    ["$.50", "USD", 0.5],
    // A Japanese input method's full-width forms.
    ["８．５", "days", 8.5],
    ["８，５ days", "days", 8.5],
    ["－３", "days", -3],
    ["８５％", "%", 85],
    ["１２０　ｏｒｄｅｒｓ", "orders", 120],
    // Session 18: a minus before a currency's sign is the number's ("Enter a number, using digits only" before);
    // short forms of time units are the unit ("Leave out the unit" before); US$ is a dollar.
    ["-$0.50", "$", -0.5],
    ["−£3", "GBP", -3],
    ["- $ 2", "USD", -2],
    ["12 d", "days", 12],
    ["12d", "days", 12],
    ["3 hrs", "hours", 3],
    ["3 h", "hours", 3],
    ["3 hours", "hrs", 3],
    ["45 min", "minutes", 45],
    ["2 wks", "weeks", 2],
    ["US$41.50", "$", 41.5],
  ])("%s on a KR in %s is %d", (...[text, unit, value]) => {
    expect(read(text, unit)).toEqual({ ok: true, value });
  });

  it("a percent sign on any other unit is refused naming the KR's unit", () => {
    const r = read("85%", "days");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('This key result is measured in "days", not %: type the number without the % sign.');
    const none = read("85%", "");
    if (!none.ok) expect(none.message).toMatch(/plain numbers \(no unit\)/);
    else throw new Error("85% on a KR without unit was accepted");
  });

  it("a unit other than the KR's is refused with 'leave out the unit'", () => {
    for (const [text, unit] of [["8.5 days", "%"], ["8.5 weeks", "days"], ["5 kg", ""], ["$5", "EUR"], ["USD 5", "CAD"], ["€5", "GBP"], ["500 円", "CNY"], ["Rs 5", "USD"], ["₹5", "$"], ["Rs.5", "USD"], ["kg.5", "days"]]) {
      const r = read(text, unit);
      expect(r.ok, `${text} on ${unit}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^Leave out the unit: type the number only/);
    }
  });

  it("a fraction sign or an estimate's mark is refused saying what to type, not 'leave out the unit'", () => {
    for (const [text, unit, locale, message] of [
      ["4½", "days", "en_US", 'Type a plain number, with a decimal point: 4.5 for "4½".'],
      ["4 ½", "", "de_DE", 'Type a plain number, with a decimal comma: 4,5 for "4½".'],
      ["½", "%", "en_US", 'Type a plain number, with a decimal point: 0.5 for "½".'],
      ["−2¼", "", "en_US", 'Type a plain number, with a decimal point: -2.25 for "−2¼".'],
      ["4⅓ days", "days", "en_US", 'Type a plain number, with a decimal point: 4.333 for "4⅓".'],
      ["~5", "days", "en_US", 'Type the number alone, without "~": 5.'],
      ["≈ 4,5", "", "de_DE", 'Type the number alone, without "≈": 4,5.'],
      ["about 5", "%", "en_US", 'Type the number alone, without "about": 5.'],
      // The mark quoted as typed, its point too (until session 17 "approx. 5" was quoted without "approx").
      ["approx. 120 orders", "orders", "en_US", 'Type the number alone, without "approx.": 120.'],
      ["ca. 4,5", "", "de_DE", 'Type the number alone, without "ca.": 4,5.'],
      ["5 approx.", "days", "en_US", 'Type the number alone, without "approx.": 5.'],
      ["<5", "", "en_US", 'Type the number alone, without "<": 5.'],
      ["5+", "days", "en_US", 'Type the number alone, without "+": 5.'],
    ] as [string, string, string, string][]) {
      // The same refusal whether the KR's unit is known yet or not (the check-in's syntax check reads with null).
      for (const u of [unit, null]) expect(read(text, u, locale), `${text} on ${u}`).toEqual({ ok: false, message });
    }
    // A real unit keeps its message; the mark's number is still checked as any number is.
    expect(read("5 kg", "")).toEqual({ ok: false, message: "Leave out the unit: type the number only." });
    expect(read("~1.234", "", "de_DE")).toEqual({ ok: false, message: '"1.234" is ambiguous: type 1234 for the whole number, or 1,234 for a decimal.' });
  });

  it("a multiplier (5k, 1.2k, 3M) is refused saying the number in full, not 'leave out the unit'", () => {
    for (const [text, unit, locale, message] of [
      ["5k", "", "en_US", 'Type the number in full: 5000 for "5k".'],
      ["1.2k", "days", "en_US", 'Type the number in full: 1200 for "1.2k".'],
      ["1,2k", "orders", "de_DE", 'Type the number in full: 1200 for "1,2k".'],
      ["1,2345 K", "", "de_DE", 'Type the number in full: 1234,5 for "1,2345K".'],
      ["3M", "EUR", "en_US", 'Type the number in full: 3000000 for "3M".'],
      ["$5k", "USD", "en_US", 'Type the number in full: 5000 for "5k".'],
      ["1.234k", "", "de_DE", '"1.234" is ambiguous: type 1234 for the whole number, or 1,234 for a decimal.'],
    ] as [string, string, string, string][]) {
      expect(read(text, unit, locale), `${text} on ${unit}`).toEqual({ ok: false, message });
    }
    // A KR measured in "k" takes its unit; "m" may be metres or minutes, so stays a unit; the syntax check passes it.
    expect(read("5k", "k")).toEqual({ ok: true, value: 5 });
    expect(read("3m", "min")).toEqual({ ok: false, message: 'Leave out the unit: type the number only (this key result is measured in "min").' });
    expect(read("5k", null)).toEqual({ ok: true, value: 5 });
  });

  it("before the KR is known (unit null), any unit passes the syntax check; garbage never does", () => {
    expect(read("8.5 days", null)).toEqual({ ok: true, value: 8.5 });
    expect(read("85%", null)).toEqual({ ok: true, value: 85 });
    for (const bad of ["", "abc", "1e3", "1.2.3", "5 days 3", "%5", "days"]) expect(read(bad, null).ok, bad).toBe(false);
  });

  it("a signed amount of money reads the same with its sign before or after the currency's sign, for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("-", "+", "\u2212"), fc.constantFrom("$", "£", "€"), (i, f, sign, cur) => {
        const amount = `${i}.${String(f).padStart(2, "0")}`;
        const after = read(`${cur}${sign}${amount}`, cur);
        expect(after).toEqual({ ok: true, value: (sign === "+" ? 1 : -1) * Number(amount) || 0 });
        expect(read(`${sign}${cur}${amount}`, cur)).toEqual(after);
      }),
    );
  });

  it("a short form of another unit is still refused: 12 d on a KR in weeks, 3 h on one in days", () => {
    for (const [text, unit] of [["12 d", "weeks"], ["3 h", "days"], ["5 m", "minutes"], ["-$5", "EUR"]]) expect(read(text, unit).ok, `${text} on ${unit}`).toBe(false);
  });

  it("a plain number reads the same with or without the KR's unit after it, for every number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("days", "%", "EUR", "orders"), (i, f, unit) => {
        const text = `${i}.${String(f).padStart(2, "0")}`;
        const plain = read(text, unit);
        expect(plain.ok).toBe(true);
        expect(read(`${text} ${unit}`, unit)).toEqual(plain);
      }),
    );
  });
});

describe("implausible", () => {
  it("property: a question that names a fraction to type (value ÷ 100) names one that would not be questioned", () => {
    // Values drawn from -1000..1000 alone reached the question about once in 500 runs, so most runs checked
    // no case at all; half the values are now 100 times a fraction between start and target (the "85" typed
    // for 0.85), which the question is about (about 30 of the 100 runs reach it), and a run reaching none fails.
    let named = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("increase", "decrease", "stay_above", "stay_below"),
        fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }).map((raw) => ({ raw })), fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ at }))),
        (metric, start, target, v) => {
          const from = start === null ? target : start;
          const value = "raw" in v ? v.raw : 100 * (from + v.at * (target - from));
          const kr = { metric, unit: "%", start, target };
          const q = implausible(value, kr);
          const m = q === null ? null : /so type (\S+) for/.exec(q);
          if (!m) return true;
          named++;
          return implausible(value / 100, kr) === null;
        },
      ),
    );
    expect(named).toBeGreaterThan(0);
  });

  const days = { metric: "decrease", unit: "days", start: 9.5, target: 6 };
  it("asks for a sign change or a value beyond the span past either end", () => {
    expect(implausible(-3, days)).toBe("\u22123 days is outside 9.5 days → 6 days; submit anyway?");
    expect(implausible(13.6, days)).toMatch(/outside 9.5 days → 6 days/);
    expect(implausible(2.4, days)).toMatch(/outside/);
    expect(implausible(0.85, { metric: "increase", unit: "%", start: 82, target: 95 })).toBe(
      "0.85% is outside 82% → 95%: its start and target are in whole percentages (95% is typed 95), so type 85 for 85%; submit 0.85 anyway?",
    );
    // Start and target cells typed "82%" and "95%" hold fractions: the question says what to type instead.
    const fractions = { metric: "increase", unit: "%", start: 0.82, target: 0.95 };
    expect(implausible(85, fractions)).toBe(
      "85% is outside 0.82 → 0.95: its start and target are fractions (a cell that shows 82% holds 0.82), so type 0.85 for 85%; submit 85 anyway?",
    );
    expect(implausible(85, fractions, ",")).toMatch(/^85% is outside 0,82 → 0,95: .* so type 0,85 for 85%; submit 85 anyway\?$/);
    expect(implausible(0.85, fractions)).toBeNull();
    expect(implausible(92.5, { metric: "stay_above", unit: "%", start: null, target: 0.92 })).toMatch(/^92.5% is far from the target 0.92: the target is a fraction .* type 0.925 for 92.5%/);
    // Not when the fraction is no more plausible, nor on another unit.
    expect(implausible(400, fractions)).toBe("400% is outside 0.82 → 0.95; submit anyway?");
    expect(implausible(85, { ...fractions, unit: "days" })).toBe("85 days is outside 0.82 days → 0.95 days; submit anyway?");
  });

  it("a fraction on a whole-percent KR asks, though within the span (0.068 on a rework rate 7.5% → 3%)", () => {
    const rework = { metric: "decrease", unit: "%", start: 7.5, target: 3 };
    expect(implausible(0.068, rework)).toBe(
      "0.068% is outside 7.5% → 3%: its start and target are in whole percentages (3% is typed 3), so type 6.8 for 6.8%; submit 0.068 anyway?",
    );
    expect(implausible(0.068, rework, ",")).toMatch(/^0,068% is outside 7,5% → 3%: .* so type 6,8 for 6,8%; submit 0,068 anyway\?$/);
    expect(implausible(0.02, { metric: "stay_below", unit: "%", start: null, target: 2 })).toMatch(/^0.02% is far from the target 2%: the target is in whole percentages .* type 2 for 2%/);
    // Not a fraction times 100 that is no more plausible (0.4 on 2% → 0.5% is a very good week), nor 0, nor
    // a value inside the range, nor another unit.
    expect(implausible(0.4, { metric: "decrease", unit: "%", start: 2, target: 0.5 })).toBeNull();
    expect(implausible(0, rework)).toBeNull();
    expect(implausible(0.9, { metric: "decrease", unit: "%", start: 1.5, target: 0.8 })).toBeNull();
    expect(implausible(0.068, { ...rework, unit: "days" })).toBeNull();
  });

  it("property: a question naming a whole percent to type names one that would not be questioned", () => {
    let named = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("increase", "decrease", "stay_above", "stay_below"),
        fc.option(fc.double({ min: 1.01, max: 100, noNaN: true }), { nil: null }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (metric, start, target, at) => {
          const from = start === null ? target : start;
          const value = (from + at * (target - from)) / 100;
          const kr = { metric, unit: "%", start, target };
          const m = /so type (\S+) for/.exec(implausible(value, kr) ?? "");
          if (!m) return true;
          named++;
          return implausible(Number(m[1]), kr) === null;
        },
      ),
      { numRuns: 500 },
    );
    expect(named).toBeGreaterThan(0);
  });

  it("never asks for ordinary values", () => {
    expect(implausible(8, days)).toBeNull();
    expect(implausible(13, days)).toBeNull();
    expect(implausible(3, days)).toBeNull();
    expect(implausible(99.95, { metric: "stay_above", unit: "%", start: 99.9, target: 99.9 })).toBeNull();
    expect(implausible(12, { metric: "stay_below", unit: "incidents", start: null, target: 10 })).toBeNull();
    expect(implausible(96, { metric: "stay_above", unit: "%", start: 93, target: 92 })).toBeNull();
    expect(implausible(1, { metric: "milestone", unit: "done", start: null, target: null })).toBeNull();
  });

  it("start = target: more than half the target's size away asks", () => {
    const above = { metric: "stay_above", unit: "%", start: 99.9, target: 99.9 };
    expect(implausible(40, above)).toMatch(/^40% is far from the target 99.9%/);
    expect(implausible(16, { metric: "stay_below", unit: "", start: 10, target: 10 })).toMatch(/far from the target 10/);
  });

  it("every value inside the start–target range is plausible (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        fc.pre(a !== b && Math.sign(a) * Math.sign(b) >= 0);
        const v = a + (b - a) * t;
        expect(implausible(v, { metric: a < b ? "increase" : "decrease", unit: "", start: a, target: b }), `${v} in ${a} → ${b}`).toBeNull();
      }),
    );
  });
});

// Thousands in text (session 21): money as the locale's currency format shows it, grouped; plain numbers as
// its automatic format does, not; and whatever the add-on writes in a locale reads back, typed, as the same number.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import {
  decimalSeparatorFor,
  exactText,
  fixedText,
  groupedText,
  groupSeparatorFor,
  localeMatters,
  numberStyleFor,
  parseKrValue,
  parseUserNumber,
  roundedText,
  shownRound,
} from "../../src/core/numbers";
import { moneyFormat, valueWithUnit } from "../../src/core/valueDigits";

const LOCALES = ["en_US", "en_GB", "en_IN", "ja_JP", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "fr_CH", "fr_BE", "fr_LU", "es_ES", "es_MX", "it_IT", "it_CH", "nl_NL", "pt_BR", "pt_PT", "ru_RU", "pl_PL", "sv_SE", "cs_CZ", "fi_FI", "nb_NO", "tr_TR", "en_ZA"];
const NNBSP = "\u202f";
const NBSP = "\u00a0";

const read = (text: string, locale: string, unit: string | null = null) => {
  const r = parseKrValue(text, locale, unit);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} in ${locale}: ${r.message}`);
  return r.value;
};

describe("groupSeparatorFor", () => {
  it("is the grouping CLDR gives the locale (Node's ICU), wherever the decimal separator agrees", () => {
    for (const l of LOCALES) {
      const parts = new Intl.NumberFormat(l.replace("_", "-")).formatToParts(1234567.5);
      expect(decimalSeparatorFor(l), l).toBe(parts.find((p) => p.type === "decimal")?.value);
      expect(groupSeparatorFor(l), l).toBe(parts.find((p) => p.type === "group")?.value);
    }
  });
  // Session 22: Spanish (Spain), Polish, Italian, Hungarian… write 1234,50 but 12.345,50 (CLDR minimumGroupingDigits
  // 2); the add-on grouped every four digits, where Latin America's Spanish and Brazil's Portuguese do.
  it("leaves four digits ungrouped where CLDR does (Node's ICU), and groups five", () => {
    const more = ["es_AR", "es_CO", "es_US", "pt_PT", "hu_HU", "bg_BG", "sl_SI", "lv_LV", "et_EE", "sq_AL", "ro_RO", "uk_UA", "hr_HR", "ca_ES", "da_DK"];
    for (const l of [...LOCALES, ...more]) {
      const cldr = new Intl.NumberFormat(l.replace("_", "-"), { minimumFractionDigits: 2 });
      const style = numberStyleFor(l);
      for (const x of [1234.5, 12345.5]) expect(groupedText(fixedText(x, 2, style), style), l).toBe(cldr.format(x));
    }
  });
  it("names the style's two separators", () => {
    expect([numberStyleFor("en_US"), numberStyleFor("de_DE"), numberStyleFor("fr_FR"), numberStyleFor("de_CH"), numberStyleFor("ru_RU")]).toEqual([
      ".,", ",.", `,${NNBSP}`, ".'", `,${NBSP}`,
    ]);
  });
});

describe("groupedText", () => {
  it("groups the whole part by thousands in the style's separator, and nothing else", () => {
    expect(groupedText("1234567.5", ".,")).toBe("1,234,567.5");
    expect(groupedText("-1234,50", ",.")).toBe("-1.234,50");
    expect(groupedText("1234,50", numberStyleFor("fr_FR"))).toBe(`1${NNBSP}234,50`);
    expect(groupedText("999.99", ".,")).toBe("999.99");
    expect(groupedText("1234.5", ".")).toBe("1234.5"); // a lone separator: no grouping
    expect(groupedText("—", ".,")).toBe("—");
  });
});

describe("money in text, as the locale's currency format shows it", () => {
  it("is grouped: $1,234.50, 1.234,50 €, 1 234,50 € (narrow no-break space), 1'234.50 CHF", () => {
    expect(valueWithUnit("1234.5", "$", numberStyleFor("en_US"))).toBe("$1,234.50");
    expect(valueWithUnit("-1234567.5", "$", numberStyleFor("en_US"))).toBe("-$1,234,567.50");
    expect(valueWithUnit("1234,5", "€", numberStyleFor("de_DE"))).toBe("1.234,50 €");
    expect(valueWithUnit("1234,5", "€", numberStyleFor("fr_FR"))).toBe(`1${NNBSP}234,50 €`);
    expect(valueWithUnit("1234.5", "CHF", numberStyleFor("de_CH"))).toBe("1'234.50 CHF");
    expect(valueWithUnit("1234,5", "$", numberStyleFor("de_DE"))).toBe("1.234,50 $");
  });
  it("a plain number is not grouped (Google's automatic format shows 12500), nor a percent or a count of days", () => {
    expect(valueWithUnit("12500", "orders", numberStyleFor("de_DE"))).toBe("12500 orders");
    expect(valueWithUnit("1234,5", "%", numberStyleFor("de_DE"))).toBe("1234,5%");
    expect(valueWithUnit("1250", "JPY", numberStyleFor("ja_JP"))).toBe("1250 JPY"); // no cents: no money format either
    expect(roundedText(12500.25, 2, numberStyleFor("en_US"))).toBe("12500.25");
  });
  it("the money cells' format groups too, which Sheets shows in the locale's separators", () => {
    expect(moneyFormat({ unit: "$", start: 40, target: 36 }, ".")).toBe('"$"#,##0.00');
    expect(moneyFormat({ unit: "EUR", start: 0.6, target: 0.4 }, ",")).toBe('#,##0.00#" EUR"');
  });
});

describe("typing back what Google shows", () => {
  it("fr_FR reads a space, a no-break and a narrow no-break space between groups of three", () => {
    for (const s of [" ", NBSP, NNBSP]) {
      expect(read(`1${s}234,5`, "fr_FR")).toBe(1234.5);
      expect(read(`12${s}345${s}678`, "fr_FR")).toBe(12345678);
      expect(read(`1${s}234,50 €`, "fr_FR", "EUR")).toBe(1234.5);
    }
    expect(read("-1 234", "fr_FR")).toBe(-1234); // one group is no ambiguity there
  });
  it("de_CH reads its apostrophe, typed or typographic", () => {
    expect(read("1'234.50", "de_CH")).toBe(1234.5);
    expect(read("1’234’567 CHF", "de_CH", "CHF")).toBe(1234567);
  });
  it("refuses what the locale does not group so", () => {
    expect(parseUserNumber("12 34,5", "fr_FR").ok).toBe(false);
    expect(parseUserNumber("1 234,5", "de_DE").ok).toBe(false);
    expect(parseUserNumber("1 234", "en_US").ok).toBe(false);
    expect(parseUserNumber("1'234", "en_US").ok).toBe(false);
    expect(parseUserNumber("1 2345", "fr_FR").ok).toBe(false);
  });
  it("a space or apostrophe before three digits makes the locale matter (the check-in then reads it)", () => {
    expect([localeMatters("1 234"), localeMatters(`1${NNBSP}234,5`), localeMatters("1'234"), localeMatters("12 d")]).toEqual([true, true, true, false]);
  });
});

describe("what the add-on writes in a locale reads back as the same number", () => {
  const locale = fc.constantFrom(...LOCALES);
  it("money, grouped, with its sign or code", () => {
    fc.assert(
      fc.property(locale, fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom("$", "€", "EUR", "USD", "£", "CHF", "€/unit"), fc.integer({ min: 2, max: 4 }), (l, units, unit, digits) => {
        const x = units / 10 ** digits;
        const style = numberStyleFor(l);
        const text = valueWithUnit(fixedText(x, digits, style), unit, style);
        expect(read(text, l, unit), text).toBe(shownRound(x, digits));
      }),
      { numRuns: 500 },
    );
  });
  it("plain numbers, at a KR's decimals and exactly", () => {
    fc.assert(
      fc.property(locale, fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 6 }), (l, n, scale, digits) => {
        const x = n / 10 ** scale;
        const style = numberStyleFor(l);
        const rounded = roundedText(x, digits, style);
        expect(read(rounded, l), rounded).toBe(shownRound(x, digits) || 0);
        const exact = exactText(x, style);
        expect(read(exact, l), exact).toBe(Number(x.toPrecision(12)) || 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a unit typed in the singular on a KR in the plural of its language", () => {
  it("is the KR's unit: 1 Tag on a KR in Tage, as 1 day on one in days", () => {
    expect(read("1 Tag", "de_DE", "Tage")).toBe(1);
    expect(read("1,5 Tage", "de_DE", "Tage")).toBe(1.5);
    expect(read("1 giorno", "it_IT", "giorni")).toBe(1);
    expect(parseKrValue("1 Woche", "de_DE", "Tage").ok).toBe(false);
  });
});

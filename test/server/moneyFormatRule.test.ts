// The rule Repair keeps a money cell's format by (src/server/moneyCells.ts formatShowsUnit): a format that
// writes the KR's currency is left alone, any other gets the import's money format (moneyFormat). So that a
// second Repair writes nothing, every format Repair sets must pass the rule, whatever the KR's start, target,
// unit spelling and the locale's decimal separator; and a plain number format never passes it.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { formatShowsUnit, moneyFixes } from "../../src/server/moneyCells";
import { isMoneyUnit, moneyFormat } from "../../src/core/valueDigits";

const UNITS = ["€", "$", "£", "₹", "₺", "₪", "₽", "EUR", "eur", "Usd", "GBP", "CHF", "SEK", "zar", "€/unit", "USD per order", "$ / hour", " EUR "];
const value = fc.oneof(fc.constant(null), fc.double({ min: -1e7, max: 1e7, noNaN: true }));

describe("formatShowsUnit: the money cells' rule", () => {
  it("every format Repair sets passes it, so a second Repair keeps it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), value, value, fc.constantFrom<"." | ",">(".", ","), (unit, start, target, sep) => {
        expect(isMoneyUnit(unit)).toBe(true);
        const f = moneyFormat({ unit, start, target }, sep);
        expect(f).not.toBeNull();
        expect(formatShowsUnit(f, unit)).toBe(true);
      }),
    );
  });

  it("a plain number format, or none, fails it (the cell is given its money format)", () => {
    for (const unit of UNITS) for (const f of ["General", "", "0", "0.00", "#,##0.00", "0.0#", "0%", "@"]) expect(formatShowsUnit(f, unit)).toBe(false);
  });

  it("a currency format of the team's own passes it: its sign or code, in any case", () => {
    expect(formatShowsUnit('"$"#,##0', "$")).toBe(true);
    expect(formatShowsUnit("[$€-407]#,##0.00", "€")).toBe(true);
    expect(formatShowsUnit('#,##0" EUR"', "eur")).toBe(true);
    expect(formatShowsUnit('#,##0.00" €"', "€/unit")).toBe(true);
    expect(formatShowsUnit('"$"0.00', "EUR")).toBe(false);
  });
});

// Session 22: the add-on's own formats of sessions 19–20, ungrouped ("$"0.00, 0.00##" EUR"), are upgraded by
// Repair to today's; today's are kept, so a second Repair writes nothing (moneyCells.ts oldMoneyFormat).
describe("moneyFixes: the add-on's formats from before session 21", () => {
  const fixes = (f: string, unit: string, start: number | null, target: number | null, sep: "." | ",") =>
    moneyFixes({ cols: [1], krs: [{ row: 1, unit, start, target }] }, [[f]], 1, 1, () => sep);
  it("are given today's format; today's is kept", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), value, value, fc.constantFrom<"." | ",">(".", ","), (unit, start, target, sep) => {
        const now = moneyFormat({ unit, start, target }, sep)!;
        // As session 19's moneyFormat wrote it (bcc5dd38): today's without the grouping.
        const old = now.replace("#,##0.00", "0.00");
        expect(old).not.toBe(now);
        expect(fixes(old, unit, start, target, sep)).toEqual([[1, 1, now]]);
        expect(fixes(now, unit, start, target, sep)).toEqual([]);
      }),
    );
  });
  it("a format of the team's own is kept, ungrouped or not", () => {
    for (const f of ['0" EUR"', '#,##0.0" EUR"', '0.0" EUR"', '[$EUR]0.00', '"EUR "0.00', '0.00 "EUR"']) expect(fixes(f, "EUR", 40, 36, ",")).toEqual([]);
  });
});

// Strings written by setValues are read as typing reads them (format.ts parseTyped). What session 13 added:
// a time of day becomes a time, as in Sheets, where it stayed text offline.
import { types } from "node:util";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";
import { emptySnapshot } from "../../../src/local/snapshot";

describe("typed input: times of day", () => {
  it("\"9:30\", \"17:05:30\" and \"9:30 PM\" become times (a Date on 30 December 1899 to getValues); other text stays text", () => {
    const { sheet } = setup();
    sheet.getRange("A1:F1").setValues([["9:30", "17:05:30", "9:30 PM", "12:00 am", "24:00", "9:75"]]);
    const [v] = sheet.getRange("A1:F1").getValues();
    const hhmmss = (d: unknown) => (types.isDate(d) ? d.toISOString().slice(0, 19) : d);
    // It gave the text back: "9:30" written as a label was a label offline and a time on Google.
    expect(v.map(hhmmss)).toEqual(["1899-12-30T09:30:00", "1899-12-30T17:05:30", "1899-12-30T21:30:00", "1899-12-30T00:00:00", "24:00", "9:75"]);
    expect(sheet.getRange("A1:D1").getDisplayValues()[0]).toEqual(["9:30", "17:05:30", "9:30 PM", "12:00 AM"]);
    sheet.getRange("A2:B2").setValues([["'9:30", "Standup 9:30"]]);
    expect(sheet.getRange("A2:B2").getValues()[0]).toEqual(["9:30", "Standup 9:30"]);
    sheet.getRange("C2").setNumberFormat("@").setValue("9:30");
    expect(sheet.getRange("C2").getValue()).toBe("9:30");
  });
});

describe("typed input: dates with an English month name", () => {
  it("\"Jan 5, 2026\", \"5 Jan 2026\", \"5-Jan-2026\", and without a year \"1/2\" or \"Jan 5\" (this year's) become dates in an English locale; no month, no such day or another locale: text", () => {
    const { sheet } = setup();
    sheet.getRange("A1:D1").setValues([["Jan 5, 2026", "January 5 2026", "5 Jan 2026", "5-Sep-2026"]]);
    const iso = (d: unknown) => (types.isDate(d) ? d.toISOString().slice(0, 10) : d);
    // It gave the text back, so a Start date typed "5 Jan 2026" was refused offline and taken on Google.
    expect(sheet.getRange("A1:D1").getValues()[0].map(iso)).toEqual(["2026-01-05", "2026-01-05", "2026-01-05", "2026-09-05"]);
    // A date without a year is one of this year's ("today" is 2026-01-05 here): "1/2" is 2 January in en_US.
    sheet.getRange("A3:D3").setValues([["1/2", "Jan 5", "5 Sep", "13/1"]]);
    expect(sheet.getRange("A3:D3").getValues()[0].map(iso)).toEqual(["2026-01-02", "2026-01-05", "2026-09-05", "13/1"]);
    sheet.getRange("A2:C2").setValues([["Week 5 2026", "Feb 30, 2026", "Ma 5, 2026"]]);
    expect(sheet.getRange("A2:C2").getValues()[0]).toEqual(["Week 5 2026", "Feb 30, 2026", "Ma 5, 2026"]);
    const de = setup({}, { ...emptySnapshot("Test"), locale: "de_DE" });
    de.sheet.getRange("A1").setValue("5 Jan 2026");
    expect(de.sheet.getRange("A1").getValue()).toBe("5 Jan 2026");
    const gb = setup({}, { ...emptySnapshot("Test"), locale: "en_GB" });
    gb.sheet.getRange("A1").setValue("13/1");
    expect(iso(gb.sheet.getRange("A1").getValue())).toBe("2026-01-13");
  });
});

describe("typed input: dollar amounts in en_US", () => {
  it("\"$1,200.50\" and \"-$5\" become numbers shown as dollars; \"$x\" and \"$1,20\" stay text", () => {
    const { sheet } = setup();
    sheet.getRange("A1:E1").setValues([["$1,200.50", "-$5", "$x", "$1,20", "$0.5"]]);
    // It gave the text back: a Target typed "$1,200" was refused offline and taken on Google.
    expect(sheet.getRange("A1:E1").getValues()[0]).toEqual([1200.5, -5, "$x", "$1,20", 0.5]);
    expect(sheet.getRange("A1").getDisplayValue()).toBe("$1,200.50");
    // (Other locales' currencies are not modelled but the euro where the decimal separator is a comma, below: "to check" 37.)
  });
});

describe("typed input: euro amounts in de_DE (session 20)", () => {
  it("\"1.234,50 €\", \"-5€\" and \"€ 12,5\" become numbers shown as euros; \"1.23,4 €\" and \"1.234,50 EUR\" stay text; \"05.01.2026\" shows its dots", () => {
    const { ss, sheet } = setup();
    ss.setSpreadsheetLocale("de_DE");
    sheet.getRange("A1:E1").setValues([["1.234,50 €", "-5€", "€ 12,5", "1.23,4 €", "1.234,50 EUR"]]);
    // They stayed text: a cost per unit's Start typed so was text to the Score formulas offline, a number on Google.
    expect(sheet.getRange("A1:E1").getValues()[0]).toEqual([1234.5, -5, 12.5, "1.23,4 €", "1.234,50 EUR"]);
    expect(sheet.getRange("A1:C1").getDisplayValues()[0]).toEqual(["1.234,50 €", "-5,00 €", "12,50 €"]);
    // A date typed with dots keeps them, as the sheet shows it (it showed 05/01/2026).
    sheet.getRange("F1").setValue("05.01.2026");
    expect(sheet.getRange("F1").getDisplayValue()).toBe("05.01.2026");
    // In en_US a euro amount is not modelled (nor known): text, as before.
    const en = setup().sheet;
    en.getRange("A1").setValue("1,234.50 €");
    expect(en.getRange("A1").getValue()).toBe("1,234.50 €");
  });
});

describe("typed input: text starting with + or -", () => {
  it("is read as a formula when it is no number, as Sheets' typed input does: \"+Dri7\" and \"- done\" give errors, \"-A1\" A1's value negated", () => {
    const { sheet } = setup();
    sheet.getRange("A1:F1").setValues([[4, "-A1", "+Dri7x", "- done", "+1 555 0100", "-"]]);
    // It gave the text back: a label or an ID written raw with a leading + or - read back as written offline,
    // while Sheets shows "#ERROR!" (Formula parse error) or computes it (reports from use: OWOX/owox-data-marts#1535,
    // nithinmurali/pygsheets#373, robin900/gspread-dataframe#16).
    const [v] = sheet.getRange("A1:F1").getValues();
    expect(v[1]).toBe(-4);
    for (const x of v.slice(2)) expect(String(x)).toMatch(/^#(ERROR!|NAME\?)$/);
    expect(sheet.getRange("B1").getFormula()).toBe("=-A1");
    // Numbers, percentages and literal text keep their reading.
    sheet.getRange("A2:E2").setValues([["-5", "+2.5", "-40%", "'- done", "-$5"]]);
    expect(sheet.getRange("A2:E2").getValues()[0]).toEqual([-5, 2.5, -0.4, "- done", -5]);
    // A Plain text cell keeps the text whole.
    sheet.getRange("A3").setNumberFormat("@").setValue("- done");
    expect(sheet.getRange("A3").getValue()).toBe("- done");
  });
});

describe("typed input: dates with a two-digit year", () => {
  it("\"1/2/26\" is a date in en_US (2 January 2026), \"13/1/99\" one in en_GB (13 January 1999): years 00–29 are 20xx, 30–99 19xx", () => {
    const iso = (d: unknown) => (types.isDate(d) ? d.toISOString().slice(0, 10) : d);
    const { sheet } = setup();
    sheet.getRange("A1:D1").setValues([["1/2/26", "12/31/30", "2/30/26", "12.1.26"]]);
    // It gave the text back, so a Start date typed "1/5/26" was refused offline and taken on Google.
    expect(sheet.getRange("A1:D1").getValues()[0].map(iso)).toEqual(["2026-01-02", "1930-12-31", "2/30/26", "12.1.26"]);
    expect(sheet.getRange("A1").getDisplayValue()).toBe("1/2/26");
    const gb = setup({}, { ...emptySnapshot("Test"), locale: "en_GB" });
    gb.sheet.getRange("A1:B1").setValues([["13/1/99", "5.1.29"]]);
    expect(gb.sheet.getRange("A1:B1").getValues()[0].map(iso)).toEqual(["1999-01-13", "2029-01-05"]);
  });
});

describe("typed input: dots in a decimal-comma locale (de_DE)", () => {
  it("\"1,5\" is one and a half; \"1.5\" is never the text: a day and month of this year, else its dots are thousands separators", () => {
    // Before (session 19): "1.5", "21.23" and "1.123456789" stayed text, so code writing "1.5" for one and a half,
    // or as a label, read back what it wrote offline; Sheets does not keep it ("to check" 47).
    const { sheet } = setup({}, { ...emptySnapshot("Test"), locale: "de_DE" });
    const iso = (d: unknown) => (types.isDate(d) ? d.toISOString().slice(0, 10) : d);
    sheet.getRange("A1:H1").setValues([["1,5", "1.5", "1.5.", "21.23", "1.123456789", "0.7", "1.234,5", "v1.5"]]);
    expect(sheet.getRange("A1:H1").getValues()[0].map(iso)).toEqual([1.5, "2026-05-01", "2026-05-01", 2123, 1123456789, 7, 1234.5, "v1.5"]);
    expect(sheet.getRange("B1").getDisplayValue()).toBe("01.05");
    // Numbers written as numbers are numbers in any locale; a ' keeps the text.
    sheet.getRange("A2:B2").setValues([[1.5, "'1.5"]]);
    expect(sheet.getRange("A2:B2").getValues()[0]).toEqual([1.5, "1.5"]);
    // A locale writing dates with slashes reads "1.5" with its dots as thousands separators (it_IT), and one
    // writing decimals with a dot reads a number (en_GB, de_CH).
    const it_ = setup({}, { ...emptySnapshot("Test"), locale: "it_IT" });
    it_.sheet.getRange("A1").setValue("1.5");
    expect(it_.sheet.getRange("A1").getValue()).toBe(15);
    for (const locale of ["en_GB", "de_CH"]) {
      const other = setup({}, { ...emptySnapshot("Test"), locale });
      other.sheet.getRange("A1").setValue("1.5");
      expect(other.sheet.getRange("A1").getValue()).toBe(1.5);
    }
  });
});

// Scientific number formats on the offline spreadsheet (session 20): shown as a cell shows any number (15
// significant digits, then half away from zero: "to check" 49), or refused where set when Google's
// rendering is not known. The add-on sets none; a test or a tool that does must not see a kinder display.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

function shown(value: number, fmt: string, locale = "en_US"): string {
  const { ss, sheet } = setup();
  ss.setSpreadsheetLocale(locale);
  const cell = sheet.getRange("A1");
  cell.setValue(value);
  cell.setNumberFormat(fmt);
  return cell.getDisplayValue();
}

describe("scientific number formats", () => {
  it("round the mantissa half away from zero on its decimal digits, as fixed formats do", () => {
    // Before (toFixed on the binary value): "1.00E+00" for 1.005, stored 1.00499999999999989…
    expect(shown(1.75e-5, "0.0E+00")).toBe("1.8E-05");
    expect(shown(1.005, "0.00E+00")).toBe("1.01E+00");
    expect(shown(0.000175, "0.00E+0")).toBe("1.75E-4");
    expect(shown(125, "0.0E+0")).toBe("1.3E+2");
    expect(shown(-1.75e-5, "0.0E+00")).toBe("-1.8E-05");
  });

  it("carry a mantissa rounded up to 10 into the exponent", () => {
    // Before: "10.00E+00".
    expect(shown(9.996, "0.00E+00")).toBe("1.00E+01");
    expect(shown(99999, "0E+0")).toBe("1E+5");
  });

  it("drop optional decimals, show E- signs only for negative exponents (Excel's rule), zero as 0", () => {
    // Before: "1.50E+3", and "1.5E+03" for 1500 in 0.0E-00.
    expect(shown(1500, "0.0#E+0")).toBe("1.5E+3");
    expect(shown(1520, "0.0#E+0")).toBe("1.52E+3");
    expect(shown(1500, "0.0E-00")).toBe("1.5E03");
    expect(shown(0.0015, "0.0E-00")).toBe("1.5E-03");
    expect(shown(0, "0.00E+00")).toBe("0.00E+00");
  });

  it("use the locale's decimal separator", () => {
    expect(shown(1234.5, "0.00E+00", "de_DE")).toBe("1,23E+03");
  });

  it("refuse a format with more than one digit before the decimal separator (engineering notation), set one cell or many", () => {
    const { sheet } = setup();
    // Before: taken, and shown as if it had one (12345 in ##0.0E+0 as 1.2E+4; Excel shows 12.3E+3).
    expect(() => sheet.getRange("A1").setNumberFormat("##0.0E+0")).toThrow(/cannot show the number format "##0\.0E\+0" as Google Sheets would/);
    expect(() => sheet.getRange("A1:B1").setNumberFormats([["0.00", "00.0E+00"]])).toThrow(/scientific format with more than one digit/);
    const untouched = sheet.getRange("C1").getNumberFormat();
    expect(sheet.getRange("A1:B1").getNumberFormats()).toEqual([[untouched, untouched]]); // nothing set
    // Quoted text with an E is no exponent.
    expect(() => sheet.getRange("A1").setNumberFormat('00.0" E+ units"')).not.toThrow();
  });
});

import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { absoluteA1, fromXlsxFormula, quoteSheetName, splitSheetRef, toXlsxFormula } from "../../../src/local/xlsx/formulas";

describe("formula text for xlsx", () => {
  it("drops the '=' and leaves Excel 2007 functions alone", () => {
    const f = '=IF(ISNUMBER(G2),MIN(1,MAX(0,(J2-G2)/(H2-G2))),"")';
    expect(toXlsxFormula(f)).toBe(f.slice(1));
    const g = "=IFERROR(SUMIFS('Key Results'!M:M,'Key Results'!B:B,A2)/COUNTIFS('Key Results'!B:B,A2),\"\")";
    expect(toXlsxFormula(g)).toBe(g.slice(1));
  });

  it("prefixes functions newer than Excel 2007, and only real calls", () => {
    expect(toXlsxFormula('=IFS(A1>1,"big",TRUE,"small")')).toBe('_xlfn.IFS(A1>1,"big",TRUE,"small")');
    expect(toXlsxFormula('=SWITCH(A1,1,"a","b")&CONCAT(B1,C1)&TEXTJOIN(",",TRUE,D1:D3)')).toBe(
      '_xlfn.SWITCH(A1,1,"a","b")&_xlfn.CONCAT(B1,C1)&_xlfn.TEXTJOIN(",",TRUE,D1:D3)',
    );
    expect(toXlsxFormula("=xlookup(1,A:A,B:B)+MAXIFS(C:C,D:D,1)+STDEV.S(E:E)")).toBe("_xlfn.xlookup(1,A:A,B:B)+_xlfn.MAXIFS(C:C,D:D,1)+_xlfn.STDEV.S(E:E)");
    expect(toXlsxFormula("=FILTER(A:A,B:B>1)")).toBe("_xlfn._xlws.FILTER(A:A,B:B>1)");
    // not inside strings, not sheet names, not a function merely containing the name
    expect(toXlsxFormula('="IFS(x)"&\'IFS (old)\'!A1&CONCATENATE(A1,B1)')).toBe('"IFS(x)"&\'IFS (old)\'!A1&CONCATENATE(A1,B1)');
    // already prefixed: unchanged
    expect(toXlsxFormula("=_xlfn.IFS(A1,1)")).toBe("_xlfn.IFS(A1,1)");
    // Sheets-only functions are written as they are
    expect(toXlsxFormula("=SPARKLINE(A1:F1)")).toBe("SPARKLINE(A1:F1)");
  });

  it("reads prefixes back to plain names", () => {
    expect(fromXlsxFormula('_xlfn.IFS(A1>1,"_xlfn.keep",TRUE,"small")')).toBe('=IFS(A1>1,"_xlfn.keep",TRUE,"small")');
    expect(fromXlsxFormula("_xlfn._xlws.SORT(A1:A9)+_xlfn.XLOOKUP(1,A:A,B:B)")).toBe("=SORT(A1:A9)+XLOOKUP(1,A:A,B:B)");
    for (const f of ['=IFS(A1,1,TRUE,2)', "=TEXTJOIN(\";\",TRUE,'Key Results'!A2:A9)", "=SUM(A1:A3)"]) {
      expect(fromXlsxFormula(toXlsxFormula(f))).toBe(f);
    }
  });

  it("quotes sheet names that need it", () => {
    expect(quoteSheetName("Settings")).toBe("Settings");
    expect(quoteSheetName("Key Results")).toBe("'Key Results'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("Check-ins")).toBe("'Check-ins'");
    expect(quoteSheetName("AB12")).toBe("'AB12'"); // would read as a cell
    expect(splitSheetRef("'O''Brien'!$B$3")).toEqual({ sheet: "O'Brien", a1: "$B$3" });
    expect(splitSheetRef("Settings!$B$3:$C$4")).toEqual({ sheet: "Settings", a1: "$B$3:$C$4" });
    expect(absoluteA1("b3:C10")).toBe("$B$3:$C$10");
    expect(absoluteA1("A:A")).toBe("$A:$A");
  });
});

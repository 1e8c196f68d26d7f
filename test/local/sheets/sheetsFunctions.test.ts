// The offline spreadsheet's formulas are HyperFormula's, which has functions of its own that Google Sheets
// lacks (its "HF." operators, INTERVAL, MAXPOOL, MEDIANPOOL: HyperFormula's built-in function list).
// A formula using one worked offline and showed #NAME? on Google.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("functions Google Sheets does not have", () => {
  it("HyperFormula's own functions are unknown names offline, as on Google", () => {
    const { sheet } = setup();
    const formulas = ["=HF.ADD(1,2)", "=INTERVAL(90)", "=MAXPOOL(A3:B4,2)", "=MEDIANPOOL(A3:B4,2)", "=HF.CONCAT(\"a\",\"b\")"];
    sheet.getRange(1, 1, 1, formulas.length).setFormulas([formulas]);
    // They computed (3, "PT1M30S", …): code writing one passed its tests.
    expect(sheet.getRange(1, 1, 1, formulas.length).getValues()[0]).toEqual(formulas.map(() => "#NAME?"));
    // Sheets' own names of those operators stay unknown offline (the stricter side), and the rest compute.
    sheet.getRange("A2:G2").setFormulas([["=SUM(1,2)", "=CONCATENATE(\"a\",\"b\")", "=1+2*3-4/2", "=\"a\"&\"b\"", "=-2^2", "=50%", "=1<>2"]]);
    expect(sheet.getRange("A2:G2").getValues()[0]).toEqual([3, "ab", 5, "ab", 4, 0.5, true]);
  });
});

describe("TRUE and FALSE without parentheses", () => {
  it("are the booleans, as in Sheets (`=TRUE` is a common always-true rule); TRUE() and FALSE() too", () => {
    // Before (session 19): HyperFormula read a bare TRUE as a name, #NAME? offline where Sheets gives TRUE,
    // so a formula or rule using one failed its tests though it worked on Google.
    const { sheet } = setup();
    const formulas = ["=TRUE", "=FALSE", "=true", "=IF(FALSE,1,2)", "=AND(TRUE,NOT(FALSE))", "=TRUE()", "=TRUE+1", "=A1=TRUE"];
    sheet.getRange(1, 1, 1, formulas.length).setFormulas([formulas]);
    expect(sheet.getRange(1, 1, 1, formulas.length).getValues()[0]).toEqual([true, false, true, 2, true, true, 2, true]);
    expect(sheet.getRange("A1:B1").getFormulas()[0]).toEqual(["=TRUE", "=FALSE"]);
    // A name Sheets has not stays unknown.
    sheet.getRange("A2").setFormula("=TRUEISH");
    expect(sheet.getRange("A2").getValue()).toBe("#NAME?");
  });
});

// Session 19: a money KR's value cells in its currency. A `$` KR's Start, Target and Current showed `41.5`,
// `36` and `41.3` in the Key Results tab while every text wrote `$41.50`; the rows the add-on writes (an import,
// a new tracker's template) now get the KR's money format, and a check-in keeps it at no call, through the
// BUILT add-on (run `npm run build` first).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { importedTracker } from "../support/importedTracker";
import { repairWrites } from "../support/writes";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Deliver reliably", "Raise on-time delivery from 82% to 95%", "ben@example.com", "increase", "%", "82%", "95%"],
  ["Flow faster", "Cut cost per unit from $41.50 to $36.00", "ana@example.com", "decrease", "$", 41.5, 36],
  ["Flow faster", "Cut the card fee from 0.60 EUR to 0.40 EUR", "ana@example.com", "decrease", "EUR", 0.6, 0.4],
  ["Flow faster", "Cut cycle time from 12 to 8 days", "cara@example.com", "decrease", "days", 12, 8],
];

/** Start, Target and Current of a KR as the tab shows them. */
function shown(wb: Workbook, id: string): string[] {
  const sheet = ss(wb).getSheetByName("Key Results")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === id) + 2;
  return ["Start", "Target", "Current"].map((h) => sheet.getRange(row, headers.indexOf(h) + 1).getDisplayValue());
}

function checkIn(wb: Workbook, id: string, value: string, as = "ana@example.com"): void {
  setToday(wb, "2026-01-09");
  wb.services.session.setUser(as);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: id, value, confidence: 6 });
  expect(r.ok, r.message).toBe(true);
}

describe("A money KR's Start, Target and Current in its currency", () => {
  it("an import formats them as its texts write money; other KRs' cells are left as they were", () => {
    const wb = importedTracker(HEADER, KRS);
    expect(shown(wb, "O2.KR1")).toEqual(["$41.50", "$36.00", ""]);
    // A span of 0.20 shows a third decimal where it has one (valueDigits), two at least.
    expect(shown(wb, "O2.KR2")).toEqual(["0.60 EUR", "0.40 EUR", ""]);
    expect(shown(wb, "O1.KR1")).toEqual(["82", "95", ""]);
    expect(shown(wb, "O2.KR3")).toEqual(["12", "8", ""]);
    checkIn(wb, "O2.KR1", "41.3");
    checkIn(wb, "O2.KR2", "0.455");
    expect(shown(wb, "O2.KR1")).toEqual(["$41.50", "$36.00", "$41.30"]);
    expect(shown(wb, "O2.KR2")).toEqual(["0.60 EUR", "0.40 EUR", "0.455 EUR"]);
  });

  it("with a decimal comma the dollar follows, as the texts write it", () => {
    const wb = newTracker({ template: "blank", start: "2026-01-05", at: "2026-01-05" });
    ss(wb).setSpreadsheetLocale("de_DE");
    const tab = ss(wb).insertSheet("Paste");
    tab.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    tab.getRange(2, 1, 1, HEADER.length).setValues([KRS[1]]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" }).ok).toBe(true);
    expect(shown(wb, "O1.KR1")).toEqual(["41,50 $", "36,00 $", ""]);
  });

  it("the operations template's cost KR in EUR, kept by a check-in (which writes only the value)", () => {
    const wb = newTracker({ template: "operations" });
    expect(shown(wb, "O3.KR1")).toEqual(["42.00 EUR", "36.00 EUR", ""]);
    checkIn(wb, "O3.KR1", "41.2", "finance.partner@example.com");
    expect(shown(wb, "O3.KR1")).toEqual(["42.00 EUR", "36.00 EUR", "41.20 EUR"]);
  });
});

// Session 20: Repair gives a money KR's Start, Target and Current their currency's format where theirs does not
// write it (a KR typed by hand, a unit changed to money later, a tracker older than session 19), reading their
// formats with the KR rows' other formats (no call more); a cell whose format writes the currency, the team's
// or the add-on's, is left alone, and a second Repair writes nothing (moneyCells.ts moneyFixes).
describe("Repair and a money KR's value cells", () => {
  const krTab = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!;
  const columnOf = (wb: Workbook, h: string) => krTab(wb).getRange(1, 1, 1, 26).getValues()[0].map(String).indexOf(h) + 1;
  const rowOf = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").findIndex((r) => r.ID === id) + 2;
  const cell = (wb: Workbook, id: string, h: string) => krTab(wb).getRange(rowOf(wb, id), columnOf(wb, h));
  const repair = (wb: Workbook) => expect(callAddon(wb, "repairTracker").ok).toBe(true);

  it("a KR typed by hand with a $ unit: its cells get the format an import gives, then nothing is written", () => {
    const wb = newTracker({ template: "operations" });
    const row = rowsOf(wb, "Key Results").length + 2;
    krTab(wb).getRange(row, 1, 1, 9).setValues([["O3.KR9", "O3", "Cut cost per unit from $41.50 to $36", "ana@example.com", "decrease", "$", 41.5, 36, ""]]);
    expect(shown(wb, "O3.KR9")).toEqual(["41.5", "36", ""]);
    expect(repairWrites(wb)).toEqual({ "RangeList.setNumberFormat": 1 });
    expect(shown(wb, "O3.KR9")).toEqual(["$41.50", "$36.00", ""]);
    checkIn(wb, "O3.KR9", "40.1");
    expect(shown(wb, "O3.KR9")).toEqual(["$41.50", "$36.00", "$40.10"]);
    expect(repairWrites(wb)).toEqual({});
  });

  it("a unit changed to money later, and one changed from money: only the money KR's cells are formatted", () => {
    const wb = newTracker({ template: "operations" });
    const days = rowsOf(wb, "Key Results").find((r) => r.Unit === "days")!.ID as string;
    cell(wb, days, "Unit").setValue("EUR");
    cell(wb, "O3.KR1", "Unit").setValue("orders");
    repair(wb);
    expect(shown(wb, days).slice(0, 2).every((s) => / EUR$/.test(s))).toBe(true);
    // A format that wrote a currency is kept when the unit changes: it may be the team's.
    expect(shown(wb, "O3.KR1")).toEqual(["42.00 EUR", "36.00 EUR", ""]);
    expect(repairWrites(wb)).toEqual({});
  });

  it("an older tracker's money cells (General): formatted; a currency format of the team's own is kept", () => {
    const wb = newTracker({ template: "operations" });
    cell(wb, "O3.KR1", "Start").setNumberFormat("General");
    cell(wb, "O3.KR1", "Current").setNumberFormat("0.00");
    cell(wb, "O3.KR1", "Target").setNumberFormat('#,##0" EUR"');
    expect(repairWrites(wb)).toEqual({ "RangeList.setNumberFormat": 1 });
    expect([cell(wb, "O3.KR1", "Start"), cell(wb, "O3.KR1", "Target"), cell(wb, "O3.KR1", "Current")].map((c) => c.getNumberFormat())).toEqual([
      '#,##0.00" EUR"',
      '#,##0" EUR"',
      '#,##0.00" EUR"',
    ]);
  });

  it("with a decimal comma a $ KR typed by hand gets the dollar after it, as the texts write it", () => {
    const wb = newTracker({ template: "operations" });
    ss(wb).setSpreadsheetLocale("de_DE");
    const row = rowsOf(wb, "Key Results").length + 2;
    krTab(wb).getRange(row, 1, 1, 9).setValues([["O3.KR9", "O3", "Cut cost per unit", "ana@example.com", "decrease", "$", 41.5, 36, ""]]);
    repair(wb);
    expect(shown(wb, "O3.KR9")).toEqual(["41,50 $", "36,00 $", ""]);
  });

  it("with other formats to mend: the box of the formatted columns written as before, the money cells apart", () => {
    const wb = newTracker({ template: "operations" });
    cell(wb, "O3.KR1", "Start").setNumberFormat("General");
    cell(wb, "O1.KR1", "Score").setNumberFormat("0.0");
    cell(wb, "O1.KR1", "Last check-in").setNumberFormat("General");
    expect(repairWrites(wb)).toEqual({ "Range.setNumberFormats": 1, "RangeList.setNumberFormat": 1 });
    expect(cell(wb, "O3.KR1", "Start").getNumberFormat()).toBe('#,##0.00" EUR"');
    expect(cell(wb, "O1.KR1", "Last check-in").getNumberFormat()).toBe("yyyy-mm-dd");
    expect(cell(wb, "O1.KR1", "Score").getNumberFormat()).toBe("0.00");
    expect(repairWrites(wb)).toEqual({});
  });
});

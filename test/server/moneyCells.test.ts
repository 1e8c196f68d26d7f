// Session 19: a money KR's value cells in its currency. A `$` KR's Start, Target and Current showed `41.5`,
// `36` and `41.3` in the Key Results tab while every text wrote `$41.50`; the rows the add-on writes (an import,
// a new tracker's template) now get the KR's money format, and a check-in keeps it at no call, through the
// BUILT add-on (run `npm run build` first).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { importedTracker } from "../support/importedTracker";

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

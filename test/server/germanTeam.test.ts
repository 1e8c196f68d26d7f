// A German operations team's cycle through the BUILT add-on (run `npm run build` first) on an offline
// spreadsheet in de_DE and Europe/Berlin: its four hard metrics pasted into a tab and imported as a German
// types them, then checked in from the sidebar with decimal commas and thousands points (session 20).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

const START = "2026-01-05";
const OWNER: Record<string, string> = { "O1.KR1": "anna@example.de", "O1.KR2": "bernd@example.de", "O2.KR1": "clara@example.de", "O3.KR1": "dieter@example.de" };

/**
 * Rework rate, on-time delivery, cycle time and cost per unit, typed into a tab of a de_DE spreadsheet (the
 * cost's Start and Target in a Plain text column, as "1.234,50" stays when pasted from a document) and imported.
 */
function germanTracker(): Workbook {
  const wb = newTracker({ template: "blank", start: START, at: START });
  ss(wb).setSpreadsheetLocale("de_DE");
  ss(wb).setSpreadsheetTimeZone("Europe/Berlin");
  const tab = ss(wb).insertSheet("Import");
  tab.getRange("F5:G5").setNumberFormat("@");
  tab.getRange(1, 1, 5, 8).setValues([
    ["objective", "key_result", "owner", "metric", "unit", "start", "target", "type"],
    ["Qualität steigern", "Nacharbeitsquote senken", OWNER["O1.KR1"], "decrease", "%", "8,5", "4,5", "committed"],
    ["Qualität steigern", "Termintreue erhöhen", OWNER["O1.KR2"], "increase", "%", "82,0", "95", "committed"],
    ["Schneller liefern", "Durchlaufzeit senken", OWNER["O2.KR1"], "decrease", "Tage", "12,5", "9", "committed"],
    ["Kosten senken", "Kosten pro Einheit senken", OWNER["O3.KR1"], "decrease", "€", "1.234,50", "1.100,00", "aspirational"],
  ]);
  const r = callAddon(wb, "importOkrsFromTab", { tab: "Import" });
  expect(r.ok, r.message).toBe(true);
  return wb;
}

function checkIn(wb: Workbook, day: string, krId: string, value: string) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  return callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 7, confirmed: true });
}

const kr = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").find((r) => r.ID === id)!;

describe("a de_DE team's numbers, typed as a German types them", () => {
  it("the import reads '1.234,50' in a Plain text cell as 1234.5", () => {
    // Before: 'row 5: start "1.234,50" is not a number: type the number without thousands separators, …'
    const wb = germanTracker();
    expect(rowsOf(wb, "Key Results").map((r) => [r.ID, r.Start, r.Target])).toEqual([
      ["O1.KR1", 8.5, 4.5],
      ["O1.KR2", 82, 95],
      ["O2.KR1", 12.5, 9],
      ["O3.KR1", 1234.5, 1100],
    ]);
  });

  it("the sidebar's check-in takes '4,5', '1.216,5' and '1.207,50 €'; '1,216.5' is refused saying how to type it", () => {
    const wb = germanTracker();
    expect(checkIn(wb, "2026-01-07", "O1.KR1", "4,5")).toMatchObject({ ok: true, kr: { current: 4.5 } });
    // Before: "Type the number without thousands separators, with at most one decimal separator."
    expect(checkIn(wb, "2026-01-07", "O3.KR1", "1.216,5")).toMatchObject({ ok: true, kr: { current: 1216.5 } });
    expect(checkIn(wb, "2026-01-14", "O3.KR1", "1.207,50 €")).toMatchObject({ ok: true, kr: { current: 1207.5 } });
    expect(kr(wb, "O3.KR1").Current).toBe(1207.5);
    const log = rowsOf(wb, "Check-ins").map((r) => [r["KR ID"], r.Value]);
    expect(log).toEqual([["O1.KR1", 4.5], ["O3.KR1", 1216.5], ["O3.KR1", 1207.5]]);
    const before = JSON.stringify(ss(wb).getSheetByName("Check-ins")!.getDataRange().getValues());
    const r = checkIn(wb, "2026-01-14", "O3.KR1", "1,216.5");
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain("Type the number with at most one decimal comma, and thousands separators, if any, as in 1.234,5.");
    expect(JSON.stringify(ss(wb).getSheetByName("Check-ins")!.getDataRange().getValues())).toBe(before);
  });
});

describe("the cost per unit's Forecast cell in euros, as its other cells and the summary write it", () => {
  it("shows '1.117,50 €' where it showed 1117,5 beside Current's '1.207,50 €'; a reason stays text", () => {
    const wb = germanTracker();
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const cell = (h: string) => sheet.getRange(5, headers.indexOf(h) + 1);
    expect(rowsOf(wb, "Key Results")[3].ID).toBe("O3.KR1");
    checkIn(wb, "2026-01-07", "O3.KR1", "1.225,50");
    expect(cell("Forecast").getDisplayValue()).toBe("not enough check-ins to forecast yet");
    checkIn(wb, "2026-01-14", "O3.KR1", "1.216,50");
    checkIn(wb, "2026-01-21", "O3.KR1", "1.207,50");
    // Grouped by thousands as a German writes money, in the cells as in the texts (session 21; "1207,50 €" before).
    expect(cell("Current").getDisplayValue()).toBe("1.207,50 €");
    const forecast = cell("Forecast").getDisplayValue();
    expect(forecast).toBe("1.117,50 €"); // 9 € a week to 2026-04-05
    // The Mid-cycle Review's Forecast (the summary's words) names the same value: "1.117,50 € by 2026-04-05 — on course".
    wb.services.session.setUser("ops.lead@example.com");
    expect(callAddon(wb, "createMidCycleReview", {})).toMatchObject({ ok: true });
    const review = ss(wb).getSheetByName("Mid-cycle Review")!.getDataRange().getDisplayValues();
    expect(review.find((r) => r[1] === "O3.KR1")!.join("|")).toContain(`|${forecast} by 2026-04-05`);
    expect(cell("Forecast").getNumberFormat()).toBe('#,##0.00" €"');
  });
});

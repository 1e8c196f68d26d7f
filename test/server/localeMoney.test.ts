// Money as each locale writes it, what session 21 left (session 22), through the BUILT add-on (`npm run build`
// first): money cells the add-on formatted before session 21 (`0.00" EUR"`, ungrouped beside the texts'
// grouped amounts) upgraded by Repair, the import's start/target-reversed note in the KR's unit and the locale
// (it wrote bare numbers: 82, 1234.5), and four-digit amounts left ungrouped where CLDR does (es_ES: 1234,50 €).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { repairWrites } from "../support/writes";

const krTab = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!;
const columnOf = (wb: Workbook, h: string) => krTab(wb).getRange(1, 1, 1, 26).getValues()[0].map(String).indexOf(h) + 1;
const rowOf = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").findIndex((r) => r.ID === id) + 2;
const cell = (wb: Workbook, id: string, h: string) => krTab(wb).getRange(rowOf(wb, id), columnOf(wb, h));
const VALUES = ["Start", "Target", "Current", "Forecast"];
const formats = (wb: Workbook, id: string) => VALUES.map((h) => cell(wb, id, h).getNumberFormat());

/** The Apps Script calls of a Repair, by method, as the bench counts them. */
function repairCalls(wb: Workbook): Record<string, number> {
  const c = wb.services.counters;
  c.reset();
  expect(callAddon(wb, "repairTracker").ok).toBe(true);
  return { ...c.snapshot().byMethod };
}

describe("money cells formatted before session 21", () => {
  it("Repair upgrades the add-on's old ungrouped formats to grouped ones in its one format call, and keeps a team's own", () => {
    const wb = newTracker({ template: "operations" });
    const healthy = repairCalls(wb);
    expect(healthy["RangeList.setNumberFormat"]).toBeUndefined();
    // As session 19 and 20 wrote them: the EUR KR's cells, and a $ KR's (typed by hand) at a span needing 3 decimals.
    const row = rowsOf(wb, "Key Results").length + 2;
    krTab(wb).getRange(row, 1, 1, 9).setValues([["O3.KR9", "O3", "Cut the card fee", "ana@example.com", "decrease", "$", 1234.5, 1234.3, ""]]);
    cell(wb, "O3.KR1", "Start").setValue(1234.5);
    for (const h of ["Start", "Current", "Forecast"]) cell(wb, "O3.KR1", h).setNumberFormat('0.00" EUR"');
    cell(wb, "O3.KR1", "Target").setNumberFormat('#,##0.0" EUR"'); // a team's own: kept
    for (const h of VALUES) cell(wb, "O3.KR9", h).setNumberFormat('"$"0.00#');
    expect(cell(wb, "O3.KR1", "Start").getDisplayValue()).toBe("1234.50 EUR");
    // The formats are read in Repair's one read of them, as on a healthy tracker; the writes are a session-20 mend's.
    const calls = repairCalls(wb);
    expect(calls["Range.getNumberFormats"]).toBe(healthy["Range.getNumberFormats"]);
    expect(calls["RangeList.setNumberFormat"]).toBe(2);
    expect(formats(wb, "O3.KR1")).toEqual(['#,##0.00" EUR"', '#,##0.0" EUR"', '#,##0.00" EUR"', '#,##0.00" EUR"']);
    expect(formats(wb, "O3.KR9")).toEqual(Array(4).fill('"$"#,##0.00#'));
    expect(cell(wb, "O3.KR1", "Start").getDisplayValue()).toBe("1,234.50 EUR");
    expect(repairWrites(wb)).toEqual({});
  });

  it("a decimal-comma locale's old `0.00\" $\"`, and a person's ungrouped format of another shape, kept", () => {
    const wb = newTracker({ template: "operations" });
    ss(wb).setSpreadsheetLocale("de_DE");
    const row = rowsOf(wb, "Key Results").length + 2;
    krTab(wb).getRange(row, 1, 1, 9).setValues([["O3.KR9", "O3", "Cut cost per unit", "ana@example.com", "decrease", "$", 41.5, 36, ""]]);
    for (const h of VALUES) cell(wb, "O3.KR9", h).setNumberFormat('0.00" $"');
    cell(wb, "O3.KR1", "Start").setNumberFormat('0" EUR"'); // a team's own, ungrouped: kept
    cell(wb, "O3.KR1", "Target").setNumberFormat('0.00" EUR"');
    expect(repairWrites(wb)).toEqual({ "RangeList.setNumberFormat": 2 });
    expect(formats(wb, "O3.KR9")).toEqual(Array(4).fill('#,##0.00" $"'));
    expect(formats(wb, "O3.KR1").slice(0, 2)).toEqual(['0" EUR"', '#,##0.00" EUR"']);
  });
});

function importInto(locale: string, rows: unknown[][]): { wb: Workbook; notes: string[] } {
  const snapshot = Object.assign(emptySnapshot("Sheet1"), { locale, timeZone: "Europe/Madrid" });
  const wb = newTracker({ template: "blank", start: "2026-01-05", snapshot });
  const tab = ss(wb).insertSheet("Import");
  tab.getRange(1, 1, rows.length + 1, 7).setNumberFormat("@");
  tab.getRange(1, 1, rows.length + 1, 7).setValues([["objective", "key_result", "owner", "metric", "unit", "start", "target"], ...rows]);
  const r = callAddon(wb, "importOkrsFromTab", { tab: "Import" });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return { wb, notes: r.notes };
}

describe("the import's note on a start and target the wrong way round", () => {
  it("writes them in the KR's unit, at its decimals, in the locale (82 and 1234.5 before)", () => {
    const { notes } = importInto("de_DE", [
      ["Kosten", "Stückkosten", "ana@example.com", "decrease", "€", "1100", "1.234,5"],
      ["Kosten", "Pünktlich", "ana@example.com", "increase", "%", "95", "82,5"],
      ["Kosten", "Durchlaufzeit", "ana@example.com", "decrease", "Tage", "1", "3"],
    ]);
    expect(notes.filter((n) => /wrong|score a/.test(n))).toEqual([
      'Row 2: O1.KR1 is "decrease" but its target (1.234,50 €) is above its start (1.100,00 €), so it would score a rise as progress; swap start and target, or make the metric "increase".',
      'Row 3: O1.KR2 is "increase" but its target (82,5%) is below its start (95%), so it would score a fall as progress; swap start and target, or make the metric "decrease".',
      'Row 4: O1.KR3 is "decrease" but its target (3 Tage) is above its start (1 Tag), so it would score a rise as progress; swap start and target, or make the metric "increase".',
    ]);
  });
});

describe("four-digit amounts in Spain's Spanish (CLDR: 1234,50 € but 12.345,50 €)", () => {
  it("the import's note and a check-in's question group from five digits", () => {
    const { wb, notes } = importInto("es_ES", [
      ["Costes", "Coste por unidad", "ana@example.com", "decrease", "€", "1234,50", "1100"],
      ["Costes", "Ingresos", "ana@example.com", "increase", "€", "12.345,50", "11000"],
    ]);
    expect(notes.some((n) => n.includes("its target (11.000,00 €) is below its start (12.345,50 €)"))).toBe(true);
    setToday(wb, "2026-01-09");
    wb.services.session.setUser("ana@example.com");
    const ask = (krId: string, value: string) => callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 7 }).message;
    expect(ask("O1.KR1", "2500")).toBe("2500,00 € is outside 1234,50 € → 1100,00 €; submit anyway?");
    expect(ask("O1.KR2", "20.000,5 €")).toBe("20.000,50 € is outside 12.345,50 € → 11.000,00 €; submit anyway?");
  });
});

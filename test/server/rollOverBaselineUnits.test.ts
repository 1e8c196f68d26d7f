// Roll over's line for a carried KR whose new start equals or is past its target, through the BUILT add-on
// (`npm run build` first): its numbers in the KR's unit, as the summary and the Retrospective write them
// (core valueWithUnit, krValueText), in the spreadsheet locale's style. Until session 21 they were bare
// numbers, and a % KR whose cells hold fractions (typed 82%) read "the new start (0.955) … target (0.95)".
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { OPERATIONS_OWNER } from "../support/summaryTab";

const START = "2026-01-05";
const FIX = "so the KR would score a move back towards";

function checkIn(wb: Workbook, krId: string, value: string): void {
  wb.services.session.setUser(OPERATIONS_OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 8, confirmed: true });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

/** The operations template, checked in on 2026-03-30 (`values`: KR → value typed), closed and rolled over: its warnings. */
function rollOver(values: Record<string, string>, locale = "en_US", before: (wb: Workbook) => void = () => {}): string[] {
  const wb = newTracker({ template: "operations", start: START, at: START });
  ss(wb).setSpreadsheetLocale(locale);
  before(wb);
  setToday(wb, "2026-03-30");
  for (const [kr, v] of Object.entries(values)) checkIn(wb, kr, v);
  wb.services.session.setUser("ops.lead@example.com");
  setToday(wb, "2026-04-05");
  expect(callAddon(wb, "endCycle", { at: "2026-04-05" }).ok).toBe(true);
  const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
  expect(r.ok, r.message).toBe(true);
  return (r.warnings as string[]).filter((w) => / the new start /.test(w));
}

describe("roll over's baseline lines, in the KR's unit", () => {
  it("a % KR whose cells hold fractions: 95.5%, not 0.955", () => {
    const lines = rollOver({ "O1.KR1": "0.955" }, "en_US", (wb) => {
      ss(wb).getSheetByName("Key Results")!.getRange("G2:H2").setValues([["82%", "95%"]]);
    });
    expect(lines).toEqual([`O1.KR1: the new start (95.5%) is already past the target (95%), ${FIX} 95% as progress; set a new target before the first check-in.`]);
  });

  it("days, % and money, in en_US and de_DE", () => {
    const values = { "O1.KR1": "95", "O1.KR2": "5.5", "O3.KR1": "1234.5" };
    // O3.KR1 (EUR, 42 → 36) made an increase to 1200 for the money's grouping.
    const money = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!.getRange("E7:H7").setValues([["increase", "EUR", 800, 1200]]);
    expect(rollOver(values, "en_US", money)).toEqual([
      "O1.KR1: the new start (95%) equals the target; set a new target before the first check-in.",
      `O1.KR2: the new start (5.5 days) is already past the target (6 days), ${FIX} 6 days as progress; set a new target before the first check-in.`,
      `O3.KR1: the new start (1,234.50 EUR) is already past the target (1,200.00 EUR), ${FIX} 1,200.00 EUR as progress; set a new target before the first check-in.`,
    ]);
    expect(rollOver({ ...values, "O1.KR2": "5,5", "O3.KR1": "1234,5" }, "de_DE", money)).toEqual([
      "O1.KR1: the new start (95%) equals the target; set a new target before the first check-in.",
      `O1.KR2: the new start (5,5 days) is already past the target (6 days), ${FIX} 6 days as progress; set a new target before the first check-in.`,
      `O3.KR1: the new start (1.234,50 EUR) is already past the target (1.200,00 EUR), ${FIX} 1.200,00 EUR as progress; set a new target before the first check-in.`,
    ]);
  });
});

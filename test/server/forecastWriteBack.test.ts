// The forecast columns of Key Results are written in one block from the first KR row to the last, and the
// cells of rows that are no KR's (and of KRs whose forecast is kept) were written back as getValues read
// them. setValues reads a string as typing it would (src/local/sheets/format.ts parseTyped, as Sheets'
// USER_ENTERED does), so a person's text typed literal there ("'00123", a date or "TRUE" as text) came back
// a number, a date or a boolean, and a formula came back as its value: the cell silently changed.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, setToday, ss } from "../support/tracker";
import { checkIn } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";
import fc from "fast-check";
import { parseTyped } from "../../src/local/sheets/format";
import { writesBackAsIs } from "../../src/server/table";

const ADMIN = "ops.lead@example.com";
const TYPED = ["'00123", "'2026-01-20", "'TRUE"];
const AS_TEXT = ["00123", "2026-01-20", "TRUE"];

function tracker(): { wb: Workbook; krs: GoogleAppsScript.Spreadsheet.Sheet; fc: number } {
  const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
  const krs = ss(wb).getSheetByName("Key Results")!;
  const fc = (krs.getRange(1, 1, 1, krs.getLastColumn()).getValues()[0] as string[]).indexOf("Forecast") + 1;
  return { wb, krs, fc };
}

describe("the forecast columns written back", () => {
  it("keep a person's text and formula in a row between KRs through the weekly summary", () => {
    const { wb, krs, fc } = tracker();
    krs.insertRowsAfter(3, 2); // rows 4 and 5, between O1.KR2 and O1.KR3: a note row and a sum row
    krs.getRange(4, fc, 1, 3).setValues([TYPED]);
    krs.getRange(5, fc).setFormula("=1+1");
    setToday(wb, "2026-01-20");
    expect(checkIn(wb, "O1.KR1", "90").ok).toBe(true);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    expect(krs.getRange(4, fc, 1, 3).getValues()[0]).toEqual(AS_TEXT);
    expect(krs.getRange(5, fc).getFormula()).toBe("=1+1");
    // The KRs on either side still get the summary's forecast.
    expect(krs.getRange(3, fc).getValue()).toBe("not enough check-ins to forecast yet");
    expect(krs.getRange(6, fc).getValue()).toBe("not enough check-ins to forecast yet");
  });

  it("cost no call more when the rows between KRs are blank", () => {
    const summaryCalls = (blankRow: boolean) => {
      const { wb, krs } = tracker();
      if (blankRow) krs.insertRowsAfter(3, 1);
      setToday(wb, "2026-01-20");
      wb.services.counters.reset();
      expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" }).ok).toBe(true);
      return wb.services.counters.byMethod["Range.setValues"];
    };
    expect(summaryCalls(true)).toBe(summaryCalls(false));
  });

  it("keep a kept KR's own text as typed", () => {
    const { wb, krs, fc } = tracker();
    // O1.KR2 checked in after the summary's day keeps its cells (its check-in's forecast, newer than the summary's).
    setToday(wb, "2026-01-21");
    expect(checkIn(wb, "O1.KR2", "9").ok).toBe(true);
    krs.getRange(3, fc, 1, 3).setValues([TYPED]);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    expect(krs.getRange(3, fc, 1, 3).getValues()[0]).toEqual(AS_TEXT);
  });

  it("keep a KR's cells through a check-in that keeps the summary's forecast (a log longer than its tail)", () => {
    const { wb, krs, fc } = tracker();
    const log = ss(wb).getSheetByName("Check-ins")!;
    const width = log.getLastColumn();
    const head = log.getRange(1, 1, 1, width).getValues()[0] as string[];
    // 210 check-ins of O2.KR1 fill the log's tail: O1.KR1's earlier ones may lie above it.
    const rows = Array.from({ length: 210 }, (_, i) => head.map((h) => (h === "Timestamp" ? new Date(Date.UTC(2026, 0, 6, 0, i)) : h === "KR ID" ? "O2.KR1" : h === "Value" ? 5 : h === "Confidence" ? 6 : "")));
    log.insertRowsAfter(log.getMaxRows(), 300);
    log.getRange(2, 1, rows.length, width).setValues(rows);
    krs.getRange(2, fc, 1, 3).setValues([TYPED]);
    setToday(wb, "2026-01-20");
    const r = checkIn(wb, "O1.KR1", "90");
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    expect(krs.getRange(2, fc, 1, 3).getValues()[0]).toEqual(AS_TEXT);
  });

  it("write back only text the offline spreadsheet reads as itself, in every locale it models", () => {
    const words = fc.array(fc.constantFrom("on", "track", "Jan", "TRUE", "PM", "am", "5", "-", "'", "=", "#", "$", "%", "€", ",", ".", "/", ":", " ", "e", "N/A", "x"), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(words.map((w) => w.join("")), fc.string({ maxLength: 12 })), fc.constantFrom("en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "tr_TR"), (text, locale) => {
        if (!writesBackAsIs(text) || text === "") return;
        expect(parseTyped(text, locale, undefined, () => 2026)).toEqual({ kind: "text", text });
      }),
      { numRuns: 2000 },
    );
    expect(writesBackAsIs("not enough check-ins to forecast yet")).toBe(true);
    for (const typed of ["00123", "2026-01-20", "TRUE", "=x", "Jan 5", "9:30 PM", "#N/A", "WAHR", "+1"]) expect(writesBackAsIs(typed), typed).toBe(false);
  });
});

// A team may format the Check-ins tab as Plain text (Format › Number › Plain text) to keep what people type
// there as typed. A Plain text cell takes the add-on's literal text ("'O1.KR1") as it is, the quote kept as a
// character (the offline spreadsheet models it so: src/local/sheets/format.ts parseTyped), and a whole-percent
// value ("85%") stays text. The log's readers took such rows for another KR's, or for no check-in at all:
// the sidebar showed none, nothing could be corrected, and the reports left the check-in out.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { checkIn } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const ADMIN = "ops.lead@example.com";

function plainTextLog(plain = true): Workbook {
  const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
  const log = ss(wb).getSheetByName("Check-ins")!;
  if (plain) log.getRange(1, 1, log.getMaxRows(), log.getMaxColumns()).setNumberFormat("@");
  const krs = ss(wb).getSheetByName("Key Results")!;
  krs.getRange("G2").setValue("82%"); // O1.KR1's start and target as fractions: its check-ins are written "85%"
  krs.getRange("H2").setValue("95%");
  setToday(wb, "2026-01-20");
  return wb;
}

const sidebarKr = (wb: Workbook, id: string) => callAddon(wb, "getSidebarData", {}).krs.find((k: { id: string }) => k.id === id);

describe("a check-in log formatted as Plain text", () => {
  it("keeps the add-on's quote and the percent as text, as Sheets does", () => {
    const wb = plainTextLog();
    expect(checkIn(wb, "O1.KR1", "0.85", { whatChanged: "new carrier" }).ok).toBe(true);
    const row = rowsOf(wb, "Check-ins")[0];
    expect(row["KR ID"]).toBe("'O1.KR1");
    expect(row["Value"]).toBe("85%");
  });

  it("still shows the check-in in the sidebar, lets it be corrected, and names it in the correction", () => {
    const wb = plainTextLog();
    const id = requestId();
    expect(callAddon(wb, "submitCheckin", { requestId: id, krId: "O1.KR1", value: "0.85", confidence: 6, whatChanged: "new carrier" }).ok).toBe(true);
    const kr = sidebarKr(wb, "O1.KR1");
    expect(kr.recent).toHaveLength(1);
    expect(kr.recent[0]).toMatchObject({ date: "2026-01-20", whatChanged: "new carrier", author: ADMIN });
    expect(kr.correctable).toMatchObject({ requestId: id, date: "2026-01-20" });
    setToday(wb, "2026-01-21");
    const r = checkIn(wb, "O1.KR1", "0.86", { correct: true, whatChanged: "typo" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(rowsOf(wb, "Check-ins")[1]["What changed"]).toBe(`'Correction of check-in ${id} (2026-01-20, value 85%). typo`);
  });

  it("keeps a person's own leading apostrophe, in a Plain text log as in a General one", () => {
    for (const plain of [true, false]) {
      const wb = plainTextLog(plain);
      expect(checkIn(wb, "O1.KR2", "9", { whatChanged: "'007 route" }).ok).toBe(true);
      expect(sidebarKr(wb, "O1.KR2").recent[0].whatChanged, `plain ${plain}`).toBe("'007 route");
    }
  });

  it("counts the check-in in the weekly summary", () => {
    const wb = plainTextLog();
    expect(checkIn(wb, "O1.KR1", "0.85").ok).toBe(true);
    expect(checkIn(wb, "O1.KR2", "9").ok).toBe(true);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    expect(r.data.checkinRate).toMatchObject({ checkedIn: 2, total: 7 });
    const krs = r.data.krs.filter((k: { checkedInThisPeriod: boolean }) => k.checkedInThisPeriod).map((k: { id: string }) => k.id);
    expect(krs.sort()).toEqual(["O1.KR1", "O1.KR2"]);
  });

  it("leaves a corrected check-in out of the summary, as a General log does", () => {
    const wb = plainTextLog();
    const id = requestId();
    expect(callAddon(wb, "submitCheckin", { requestId: id, krId: "O1.KR2", value: "9", confidence: 6 }).ok).toBe(true);
    expect(checkIn(wb, "O1.KR2", "8", { correct: true }).ok).toBe(true);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.ok).toBe(true);
    expect(r.data.krs.find((k: { id: string }) => k.id === "O1.KR2").value).toBe(8);
    expect(r.data.checkinRate).toMatchObject({ checkedIn: 1 });
  });
  // Under the other reading of "to check" 39 (Sheets stores a number written into a Plain text cell as its
  // text), the log holds "9" where the offline spreadsheet keeps 9: the row is made so by hand here.
  it("counts a check-in whose value the Plain text log holds as text, as the other reading of Sheets would", () => {
    const wb = plainTextLog();
    expect(checkIn(wb, "O1.KR2", "9").ok).toBe(true);
    const log = ss(wb).getSheetByName("Check-ins")!;
    const value = rowsOf(wb, "Check-ins")[0]["Value"];
    expect(value).toBe(9);
    const col = (log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0] as string[]).indexOf("Value") + 1;
    log.getRange(2, col).setValue("9");
    expect(rowsOf(wb, "Check-ins")[0]["Value"]).toBe("9");
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    expect(r.data.checkinRate).toMatchObject({ checkedIn: 1 });
    expect(r.data.krs.find((k: { id: string }) => k.id === "O1.KR2").checkedInThisPeriod).toBe(true);
    expect(sidebarKr(wb, "O1.KR2").recent[0].value).toBe(9);
  });

  // The same reading in a decimal-comma spreadsheet: Sheets would keep 8.5 as its text there, "8,5".
  it("counts such a value written with a decimal comma where the spreadsheet's locale writes one", () => {
    for (const [locale, read] of [["de_DE", 8.5], ["en_US", null]] as const) {
      const wb = plainTextLog();
      ss(wb).setSpreadsheetLocale(locale);
      expect(checkIn(wb, "O1.KR2", locale === "de_DE" ? "8,5" : "8.5").ok).toBe(true);
      const log = ss(wb).getSheetByName("Check-ins")!;
      const col = (log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0] as string[]).indexOf("Value") + 1;
      log.getRange(2, col).setValue("8,5");
      const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
      expect(r.data.checkinRate.checkedIn, locale).toBe(read === null ? 0 : 1);
      expect(sidebarKr(wb, "O1.KR2").recent.map((c: { value: unknown }) => c.value), locale).toEqual(read === null ? ["8,5"] : [8.5]);
    }
  });
});

// The check-in sidebar's data as the page receives it (server/checkinSidebar.ts), through the built add-on:
// plain JSON whichever way it travels (google.script.run turns a Date into null, the page's embedded JSON
// into an ISO string), and a spreadsheet that was never set up.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { menuPageData } from "../support/sidebarPage";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { newWorkbook } from "../../src/local/runtime";

const QUALITY = "quality.lead@example.com"; // owns O2.KR1 (decrease 6.5 → 3)

describe("the sidebar's data", () => {
  it("gives the week's check-in to correct with a date typed into its Value or Confidence as text, both ways", () => {
    const wb = newTracker({ user: QUALITY, at: "2026-01-05", start: "2026-01-05" });
    setToday(wb, "2026-01-20");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const log = ss(wb).getSheetByName("Check-ins")!;
    const headers = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    log.getRange(2, headers.indexOf("Value") + 1).setValue("2026-01-21"); // typed: Sheets makes it a date
    log.getRange(2, headers.indexOf("Confidence") + 1).setValue(new Date("2026-01-22T00:00:00Z"));
    const rpc = callAddon(wb, "getSidebarData", {});
    const embedded = menuPageData(wb);
    for (const d of [rpc, embedded]) {
      const kr = d.krs.find((k: { id: string }) => k.id === "O2.KR1");
      // Not null (google.script.run's Date) nor "2026-01-21T00:00:00.000Z" (the page's JSON): what the cell shows.
      expect(kr.correctable).toMatchObject({ date: "2026-01-20", value: "2026-01-21", confidence: "2026-01-22" });
    }
  });

  it("says when today is outside the cycle (check-ins are refused then), both ways, and only then", () => {
    const wb = newTracker({ user: QUALITY, at: "2026-01-05", start: "2026-01-05" }); // 13 weeks
    setToday(wb, "2026-04-05"); // the cycle's last day
    expect(callAddon(wb, "getSidebarData", {}).cycle.closed).toBeUndefined();
    expect(callAddon(wb, "getSidebarData", {}).cycle.late).toBeUndefined();
    // The week after the last day takes check-ins (the last week's figures): no closed, but when it ends.
    for (const day of ["2026-04-06", "2026-04-12"]) {
      setToday(wb, day);
      for (const d of [callAddon(wb, "getSidebarData", {}), menuPageData(wb)]) {
        expect(d.cycle.closed).toBeUndefined();
        expect(d.cycle).toMatchObject({ week: 13, late: { end: "2026-04-05", until: "2026-04-12" } });
      }
    }
    setToday(wb, "2026-04-13");
    for (const d of [callAddon(wb, "getSidebarData", {}), menuPageData(wb)]) {
      expect(d.cycle.closed).toEqual({ start: "2026-01-05", end: "2026-04-05" });
      expect(d.cycle.late).toBeUndefined();
    }
    setToday(wb, "2026-01-04");
    expect(menuPageData(wb).cycle.closed).toEqual({ start: "2026-01-05", end: "2026-04-05" });
  });

  it('marks a % KR whose Start and Target cells show percentages (typed "82%"), not one holding 0.8 → 0.3 as numbers', () => {
    const wb = newTracker({ user: "ops.lead@example.com", at: "2026-01-20", start: "2026-01-05" }); // an admin: every KR
    const krs = ss(wb).getSheetByName("Key Results")!;
    krs.getRange("G2").setValue("82%"); // O1.KR1: the cell holds 0.82 and shows 82%
    krs.getRange("H2").setValue("95%");
    krs.getRange("G3:H3").setValues([[0.8, 0.3]]); // O1.KR2, as plain numbers
    krs.getRange("F3").setValue("%");
    for (const d of [callAddon(wb, "getSidebarData", {}), menuPageData(wb)]) {
      const kr = (id: string) => d.krs.find((k: { id: string }) => k.id === id);
      expect(kr("O1.KR1")).toMatchObject({ start: 0.82, target: 0.95, percentCells: true });
      expect(kr("O1.KR2").percentCells).toBeUndefined();
    }
  });

  it("on a spreadsheet never set up, says to set it up (not to repair it)", () => {
    const wb = newWorkbook("/tmp/okr-sheets-sidebar-data.xlsx", "Budget 2027", { user: QUALITY, at: "2026-01-20" });
    const message = 'This spreadsheet is not an okr-sheets tracker yet (it has no "Settings" or "Key Results" tab). Use "Set up tracker" in the add-on menu first.';
    expect(callAddon(wb, "getSidebarData", {})).toEqual({ ok: false, message });
    expect(menuPageData(wb)).toEqual({ ok: false, message });
  });
});

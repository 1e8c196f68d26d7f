// A History tab a team formatted as Plain text (Format › Number › Plain text) keeps the add-on's literal
// text ("'O1.KR1", "'new carrier": historyWrite.ts asText) with its quote as a character, as the offline
// spreadsheet models such a cell ("to check" 39). Its readers took "'O1.KR1" for the KR's ID and its texts
// as they read: a week regenerated after a later one moves the later rows and writes them back from what
// was read, each time with one quote more ("''O1.KR1", no KR's), so the week's rows were no longer known.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";
import { checkInOn } from "../support/inUse";

const ADMIN = "ops.lead@example.com";
const OWNER = "dispatch.lead@example.com";

describe("a History tab formatted as Plain text", () => {
  it("keeps its rows' IDs and texts through weeks regenerated in any order", () => {
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    const history = ss(wb).getSheetByName("History")!;
    history.getRange(1, 1, history.getMaxRows(), history.getMaxColumns()).setNumberFormat("@");
    checkInOn(wb, "2026-01-13", OWNER, "O1.KR1", "85", { admin: ADMIN });
    wb.services.session.setUser(OWNER);
    expect(callAddon(wb, "submitCheckin", { requestId: "req-000001", krId: "O1.KR1", value: "86", confidence: 6, whatChanged: "new carrier" }).ok).toBe(true);
    wb.services.session.setUser(ADMIN);
    for (const at of ["2026-01-13", "2026-01-20", "2026-01-13", "2026-01-20", "2026-01-13"]) {
      const r = callAddon(wb, "generateWeeklySummary", { at });
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    }
    const rows = rowsOf(wb, "History");
    expect(rows).toHaveLength(14); // weeks 2 and 3, seven KRs each
    // Since session 17 written as they are once History is seen to be Plain text (its As of days read as text):
    // the quote no longer shows (the first week's rows had it until regenerated).
    expect(rows.filter((r) => !/^O\d\.KR\d$/.test(String(r["KR ID"])))).toEqual([]);
    const kr1 = rows.filter((r) => r["KR ID"] === "O1.KR1").map((r) => [r["Week"], r["Value"], r["What changed"]]);
    expect(kr1).toEqual([
      [2, 86, "new carrier"],
      [3, 86, "new carrier"],
    ]);
    // Week 3's summary still finds week 2's rows: last week's score is the KR's.
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    expect(r.data.krs.find((k: { id: string }) => k.id === "O1.KR1").lastWeekScore).toBeCloseTo(4 / 13, 9);
  });

  it("shows no quote from its second week; a text a cell under Automatic would take for a formula keeps it, and stays whole through rewrites", () => {
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    const history = ss(wb).getSheetByName("History")!;
    history.getRange(1, 1, history.getMaxRows(), history.getMaxColumns()).setNumberFormat("@");
    wb.services.session.setUser(OWNER);
    expect(callAddon(wb, "submitCheckin", { requestId: "req-000011", krId: "O1.KR1", value: "86", confidence: 6, whatChanged: "new carrier", blockers: "007 forms" }).ok).toBe(true);
    wb.services.session.setUser(ADMIN);
    const r2 = callAddon(wb, "submitCheckin", { requestId: "req-000012", krId: "O1.KR2", value: "3", confidence: 6, whatChanged: "=1+1 is not a formula" });
    expect(r2.ok, r2.message).toBe(true);
    for (const at of ["2026-01-06", "2026-01-13", "2026-01-06", "2026-01-13"]) {
      const r = callAddon(wb, "generateWeeklySummary", { at });
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    }
    const shown = history.getDataRange().getDisplayValues();
    const head = shown[0];
    const rows = shown.slice(1).filter((r) => r[0] !== "");
    const cell = (r: string[], h: string) => r[head.indexOf(h)];
    expect(rows).toHaveLength(14);
    const kr1 = rows.filter((r) => cell(r, "KR ID") === "O1.KR1");
    expect(kr1.map((r) => [cell(r, "What changed"), cell(r, "Blockers")])).toEqual([
      ["new carrier", "007 forms"],
      ["new carrier", "007 forms"],
    ]);
    expect(rows.filter((r) => cell(r, "KR ID") === "'O1.KR2").map((r) => cell(r, "What changed"))).toEqual(["'=1+1 is not a formula", "'=1+1 is not a formula"]);
    expect(rows.filter((r) => cell(r, "KR ID").startsWith("'"))).toHaveLength(2);
    // The summary still reads them all: week 2's texts are the KRs'.
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-13" });
    expect(r.ok).toBe(true);
  });
});

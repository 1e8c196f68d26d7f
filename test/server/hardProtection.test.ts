// A team may turn the add-on's warning-only protection of a tab into a hard one ("Restrict who can edit this
// range", Data › Protect sheets and ranges), to stop people typing over formulas. The add-on runs as the person
// using it, so Sheets then refuses its writes there to everyone not among that protection's editors ("You are
// trying to edit a protected cell or object…"; docs/apps-script-fidelity.md). The offline spreadsheet let
// them through until session 12, so these failed on Google only: a check-in whose log row was written and
// whose Key Results row was refused (kept in the log, Current not updated, and a retry then taken as a
// resend), and "Something went wrong" for every refusal.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, ss } from "../support/tracker";
import { addNewOkrsTab, closedTracker, NEW_OKRS, NEXT_CYCLE, PROTECTION, snapshotSheets } from "../support/inUse";
import { OPERATIONS_OWNER } from "../support/summaryTab";

const ADMIN = "ops.lead@example.com";
const OWNER = OPERATIONS_OWNER["O1.KR1"];

/** The admin protects the whole of `tab` (the add-on's own tab protection, where it has one), hard: only they may edit it now. */
function harden(wb: ReturnType<typeof newTracker>, tab: string): void {
  wb.services.session.setUser(ADMIN);
  const sheet = ss(wb).getSheetByName(tab)!;
  (sheet.getProtections(PROTECTION.SHEET)[0] ?? sheet.protect()).setWarningOnly(false);
}

function current(wb: ReturnType<typeof newTracker>, krId: string): unknown {
  return rowsOf(wb, "Key Results").find((r) => r["ID"] === krId)?.["Current"];
}

describe("a check-in into a tab protected so that its owner may not edit it", () => {
  it.each(["Key Results", "Check-ins"])("%s hardened by an admin: refused in one line, nothing saved, and a retry is refused too", (tab) => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-06" });
    harden(wb, tab);
    const before = current(wb, "O1.KR1");
    wb.services.session.setUser(OWNER);
    const id = requestId();
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = callAddon(wb, "submitCheckin", { requestId: id, krId: "O1.KR1", value: "85", confidence: 6 });
      expect(r.ok, JSON.stringify(r)).toBe(false);
      expect(r.message).not.toMatch(/Something went wrong/);
      expect(r.message).toMatch(new RegExp(`"${tab}" tab is protected.*Nothing was saved`));
      expect(r.message.split("\n")).toHaveLength(1);
      expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
      expect(current(wb, "O1.KR1")).toEqual(before);
    }
  });

  it("only the KR's Request IDs column hardened: its Current and Confidence, written first, are put back too", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-06" });
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const column = headers.indexOf("Request IDs") + 1;
    expect(column).toBeGreaterThan(0);
    const before = rowsOf(wb, "Key Results").find((r) => r["ID"] === "O1.KR1")!;
    wb.services.session.setUser(ADMIN);
    sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).protect().setWarningOnly(false);
    wb.services.session.setUser(OWNER);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 });
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect(r.message).toMatch(/"Key Results" tab is protected.*Nothing was saved/);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
    const after = rowsOf(wb, "Key Results").find((x) => x["ID"] === "O1.KR1")!;
    for (const h of ["Current", "Confidence", "Last check-in"]) expect(after[h], h).toEqual(before[h]);
  });

  // Sheets refuses to delete a tab's last row below its frozen ones ("Sorry, it is not possible to delete all
  // non-frozen rows."): a log trimmed to its header and one row had the refused check-in's row kept and the
  // answer "Something went wrong".
  it("Key Results hardened, the log trimmed to its header and one row: refused in one line, nothing saved", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-06" });
    const log = ss(wb).getSheetByName("Check-ins")!;
    expect(log.getFrozenRows()).toBe(1);
    log.deleteRows(3, log.getMaxRows() - 2);
    harden(wb, "Key Results");
    const before = current(wb, "O1.KR1");
    wb.services.session.setUser(OWNER);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 });
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect(r.message).toMatch(/"Key Results" tab is protected.*Nothing was saved/);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
    expect(log.getLastRow()).toBe(1);
    expect(current(wb, "O1.KR1")).toEqual(before);
  });

  it("the admin who hardened it still checks in", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-06" });
    harden(wb, "Key Results");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(current(wb, "O1.KR1")).toBe(85);
  });
});

describe("the weekly summary when a report tab is protected so that this admin may not edit it", () => {
  it("is refused in one line naming the protection, not 'Something went wrong'", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: "owner@example.com" });
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-05" }).ok).toBe(true);
    ss(wb).getSheetByName("Weekly Summary")!.getProtections(PROTECTION.SHEET)[0].setWarningOnly(false);
    wb.services.session.setUser(ADMIN);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-05" });
    expect(r.ok).toBe(false);
    expect(r.message).not.toMatch(/Something went wrong/);
    expect(r.message).toMatch(/protected so that you cannot edit it/);
    expect(r.message.split("\n")).toHaveLength(1);
  });
});

describe("rolling over when a tab it archives is protected so that this admin may not edit it", () => {
  it.each(["History", "Check-ins"])("%s hardened by another admin: refused before anything is renamed", (tab) => {
    const wb = closedTracker();
    const other = "other.admin@example.com";
    wb.services.session.setUser(other);
    const sheet = ss(wb).getSheetByName(tab)!;
    (sheet.getProtections(PROTECTION.SHEET)[0] ?? sheet.protect()).setWarningOnly(false);
    wb.services.session.setUser(ADMIN);
    const before = snapshotSheets(wb);
    const r = callAddon(wb, "rollOverCycle", { start: NEXT_CYCLE });
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect(r.message).not.toMatch(/Something went wrong/);
    expect(r.message).toMatch(new RegExp(`"${tab}" tab is protected so that you cannot edit it.*Nothing was changed`));
    expect(snapshotSheets(wb) === before, "a tab changed").toBe(true);
  });
});

describe("importing OKRs when Key Results is protected so that this admin may not edit it", () => {
  it("is refused before a row is written (it wrote the objectives, then failed on their KRs)", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-06" });
    addNewOkrsTab(wb);
    wb.services.session.setUser("other.admin@example.com");
    ss(wb).getSheetByName("Key Results")!.protect().setWarningOnly(false);
    wb.services.session.setUser(ADMIN);
    const before = snapshotSheets(wb);
    const r = callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/"Key Results" tab is protected so that you cannot edit it.*Nothing was imported\.$/);
    expect(snapshotSheets(wb) === before, "a tab changed").toBe(true);
  });
});

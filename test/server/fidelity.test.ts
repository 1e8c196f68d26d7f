// Where real Sheets is less kind than the old offline spreadsheet was (issue 13): the add-on must cope
// with a default tab named in another language, a missing document lock, protections it may not remove.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, newTracker, requestId, rowsOf, ss } from "../support/tracker";
import { PROTECTION } from "../support/inUse";

const ADMIN = "ops.lead@example.com";

describe("setup removes the new spreadsheet's untouched first tab, whatever its language", () => {
  it.each(["Sheet1", "Tabellenblatt1", "Blad1", "Taulukko1", "Feuille 1"])("%s", (...[name]) => {
    const snap = { ...emptySnapshot("t"), id: "test-sheet" };
    snap.sheets[0].name = name;
    const wb = newTracker({ snapshot: snap });
    expect(ss(wb).getSheetByName(name), `${name} is left behind`).toBeNull();
    expect(ss(wb).getSheetByName("Key Results")).not.toBeNull();
  });

  it("a first tab with something in it is kept", () => {
    const snap = { ...emptySnapshot("t"), id: "test-sheet" };
    snap.sheets[0] = { name: "Tabellenblatt1", rows: [[{ v: "my notes" }]] };
    const wb = newTracker({ snapshot: snap });
    expect(ss(wb).getSheetByName("Tabellenblatt1")).not.toBeNull();
  });
});

describe("no document lock (getDocumentLock() returns null outside a document)", () => {
  it("a check-in is refused with a clear message and nothing is written", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
    wb.services.lock.noDocument(true);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/only be changed from within its spreadsheet.*Nothing was changed/);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
  });
});

describe("a protection this user may not edit", () => {
  it("repair and summary leave an owner's hardened protection alone instead of failing", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: "owner@example.com" });
    const sheetType = PROTECTION.SHEET;
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-05" }).ok).toBe(true); // the first summary makes the tab
    const summary = ss(wb).getSheetByName("Weekly Summary")!;
    // The owner hardens the add-on's protection: only they may edit the tab now.
    summary.getProtections(sheetType)[0].setWarningOnly(false);
    wb.services.session.setUser(ADMIN);
    expect(summary.getProtections(sheetType)[0].canEdit()).toBe(false);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(summary.getProtections(sheetType).filter((x) => !x.isWarningOnly())).toHaveLength(1);
  });
});

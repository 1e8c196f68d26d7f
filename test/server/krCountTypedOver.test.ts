// The Settings cell "Key result IDs (computed)" typed over (its protection only warns) with a smaller number,
// through the built add-on: the reads it bounds (the Weekly Summary's, the sidebar's, the portfolio roll-up's)
// still see every KR. Until session 17 the KRs past the typed count vanished from all three without a word.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, workbookFromSnapshot } from "../../src/local/runtime";
import { newTracker, requestId, rowsOf, ss } from "../support/tracker";

const AT = "2026-02-12"; // Thursday of week 6

/** The operations template (7 KRs) with two check-ins, its KR count typed over as 3 (the header and 2 KRs). */
function typedOver() {
  const wb = newTracker({ snapshot: { ...emptySnapshot("team"), id: "team" } });
  wb.services.clock.set(new Date(`${AT}T12:00:00Z`));
  for (const [krId, value] of [["O1.KR1", "95"], ["O2.KR1", "3"]]) {
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: "7" });
    if (!r.ok) throw new Error(r.message);
  }
  const settings = ss(wb).getSheetByName("Settings")!;
  const row = settings.getRange("A1:A40").getValues().findIndex((r) => r[0] === "Key result IDs (computed)") + 1;
  expect(settings.getRange(row, 2).getValue()).toBe(8); // the header and 7 KRs
  settings.getRange(row, 2).setValue(3);
  return wb;
}

describe("a Key result IDs (computed) cell typed over", () => {
  it("the Weekly Summary still counts, scores and lists every KR", () => {
    const wb = typedOver();
    expect(callAddon(wb, "generateWeeklySummary", { at: AT })).toMatchObject({ ok: true });
    const v = ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getValues().map((r) => r.map(String));
    const h = v.findIndex((r) => r[0] === "Status" && r[1] === "Key results");
    const counted = v.slice(h + 1, h + 6).reduce((n, r) => n + Number(r[1]), 0);
    expect(counted).toBe(rowsOf(wb, "Key Results").filter((r) => r.ID).length);
    expect(counted).toBe(7);
  });

  it("the portfolio roll-up reads every KR of the team", () => {
    const team = typedOver().services.toSnapshot();
    const company = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } }).services.toSnapshot();
    const wb = workbookFromSnapshot("/nonexistent/company.xlsx", company, { at: AT, user: "ops.lead@example.com", workbooks: (ref) => (ref === "team-1" ? { ...team, id: "team-1" } : undefined) });
    ss(wb).insertSheet("Portfolio").getRange(1, 1, 2, 4).setValues([["Tracker", "Team", "Weight", "Notes"], ["team-1", "Ops", "", ""]]);
    expect(callAddon(wb, "refreshPortfolio", { at: AT })).toMatchObject({ ok: true });
    const values = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
    const h = values.findIndex((r) => r[0] === "Team" && r[2] === "Read");
    const mix = ["On track", "At risk", "Off track", "Not started", "Setup error"].map((m) => Number(values[h + 1][values[h].indexOf(m)]));
    expect(mix.reduce((a, b) => a + b, 0)).toBe(7);
  });
});

// "Which teams need my help this week": a team on track whose KR owners doubt it (confidence 4 of 10 or less, as
// the team's own Weekly Summary lists them under Low confidence), through the BUILT add-on (run `npm run build`
// first). The roll-up reads each KR's Confidence in the Key Results read it makes anyway.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { requestId, rowsOf } from "../support/tracker";
import { RHYTHM_ADMIN, trackers } from "../support/rhythm";
import { companyOver, teamsTable } from "../support/portfolioCompany";

/** Every KR checks in at `f` of the way from start to target (stay KRs holding), its owner's confidence `conf(id)`. */
function checkIn(wb: Workbook, at: string, f: number, conf: (id: string) => number): void {
  wb.services.clock.set(new Date(at));
  for (const k of rowsOf(wb, "Key Results")) {
    wb.services.session.setUser(String(k.Owner));
    const [s, t] = [Number(k.Start), Number(k.Target)];
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: String(k.ID), value: String(s + f * (t - s)), confidence: conf(String(k.ID)), confirmed: true });
    if (!r.ok) throw new Error(r.message);
  }
  wb.services.session.setUser(RHYTHM_ADMIN);
}

describe("A team on track whose owners doubt it", () => {
  it("shows how many of its on-track KRs have a confidence of 4 or less, and is named in the digest's lines, most first", () => {
    const [base, doubt, sure, worried] = trackers(4);
    // All three on track (well ahead of week 3's expected score).
    checkIn(doubt, "2026-01-15T12:00:00Z", 0.5, (id) => (id.startsWith("O1") ? 3 : 8));
    checkIn(sure, "2026-01-15T12:00:00Z", 0.5, () => 8);
    checkIn(worried, "2026-01-15T12:00:00Z", 0.5, () => 2);
    const company = companyOver(base, { Doubt: doubt, Sure: sure, Worried: worried });
    const r = callAddon(company, "refreshPortfolio", { at: "2026-01-20" });
    expect(r.ok, r.message).toBe(true);
    const rows = Object.fromEntries(teamsTable(company).map((t) => [t.Team, t]));
    expect([rows.Doubt.Status, rows.Sure.Status, rows.Worried.Status]).toEqual(["On track", "On track", "On track"]);
    // Before: no such column; three teams on track, nothing saying two of them doubt they will stay so.
    expect([rows.Doubt["Low confidence"], rows.Sure["Low confidence"], rows.Worried["Low confidence"]]).toEqual(["3", "0", "7"]);
    expect(portfolioTeamLines(r.digest, null)).toContain("Low confidence (on-track KRs whose owners rate it 4 of 10 or less): Worried (7 KRs) and Doubt (3 KRs).");
  });
});

// A team that closed its cycle early ("End cycle & retrospective" before its last week) in the roll-up, through
// the BUILT add-on (run `npm run build` first): it is done, as a team whose cycle ended is, not a running team
// that stopped checking in (docs/portfolio.md "A team set up ahead of its cycle").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, teamsTable } from "../support/portfolioCompany";

describe("A team tracker closed early", () => {
  it("shows when it closed, with the score it closed with; no check-in is due from it, nor is it named silent or behind", () => {
    const [base, closed, running] = trackers(3);
    // Both check in weeks 1-4, a fifth of the way; Closed then ends its 13-week cycle as of 2026-02-01 (week 4).
    for (let w = 0; w < 4; w++) {
      const day = new Date(Date.parse("2026-01-08T12:00:00Z") + w * 7 * 86400000).toISOString();
      everyoneChecksIn(closed, day, (s, t) => s + 0.2 * (t - s));
      everyoneChecksIn(running, day, (s, t) => s + 0.2 * (t - s));
    }
    closed.services.clock.set(new Date("2026-02-01T18:00:00Z"));
    expect(callAddon(closed, "endCycle", { at: "2026-02-01" }).ok).toBe(true);
    const company = companyOver(base, { Closed: closed, Running: running });
    // Three weeks later: the running team's expected score has moved on, and it has not checked in since.
    const r = callAddon(company, "refreshPortfolio", { at: "2026-02-22" });
    expect(r.ok, r.message).toBe(true);
    const rows = Object.fromEntries(teamsTable(company).map((t) => [t.Team, t]));
    // Before: "7 of 13", status as of 2026-02-22 (its expected score still climbing), check-in rate 0%, and named
    // under "No check-in for more than 14 days" and "Off track" with the teams the leader must chase.
    expect(rows.Closed.Week).toBe("closed 2026-02-01");
    expect(rows.Closed["Check-in rate"]).toBe("");
    expect(rows.Closed["Forecast to miss"]).toBe("none: cycle closed");
    expect(rows.Running.Week).toBe("7 of 13");
    // As it closed: the running team's figures as of the close day are the same KR values' then.
    const asOfClose = callAddon(company, "refreshPortfolio", { at: "2026-02-01" });
    expect(asOfClose.ok).toBe(true);
    const then = Object.fromEntries(teamsTable(company).map((t) => [t.Team, t]));
    expect([rows.Closed.Score, rows.Closed.Expected, rows.Closed.Status]).toEqual([then.Running.Score, then.Running.Expected, then.Running.Status]);
    const lines = portfolioTeamLines(r.digest, null);
    // Its KRs ended where they stood on its close day: the 4 forecast ones short of their goal (session 20).
    expect(lines).toContain("Cycle ended, not rolled over yet: Closed (closed 2026-02-01; 4 KRs ended short of their goal).");
    expect(lines.filter((l) => /Closed \(last|Off track: .*Closed|At risk: .*Closed/.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith("No check-in for more than 14 days: Running"))).toBe(true);
  });
});

// The roll-up's Teams table answers "which teams need me" at a glance: the team furthest behind its own pace
// first, whatever the Portfolio tab's order, through the BUILT add-on (run `npm run build` first); and the
// rule (worstFirst, core/portfolioLayout.ts) for any teams, as a fast-check property.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { callAddon } from "../../src/local/runtime";
import { worstFirst } from "../../src/core/portfolioLayout";
import type { TeamFigures, TeamResult } from "../../src/core/portfolio";
import { trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, setSetting, setStart, teamsTable } from "../support/portfolioCompany";

/** A value `f` of the way from start to target; the two stay KRs (starts 112 and 93) fail their condition unless `stays`. */
const at = (f: number, stays = false) => (s: number, t: number) => (!stays && s === 112 ? 125 : !stays && s === 93 ? 90 : s + f * (t - s));
const weekly = (from: string, weeks: number) => Array.from({ length: weeks }, (_, w) => new Date(Date.parse(`${from}T12:00:00Z`) + w * 7 * 86400000).toISOString());

describe("The roll-up's Teams table", () => {
  it("lists the teams worst first: off track, at risk, no check-in yet, on track (each the largest gap to its own expected score first), then those with nothing due, then the trackers not read", () => {
    const [base, ahead, ended, crawl, sprint, risky, silent] = trackers(7);
    for (const day of weekly("2026-01-08", 6)) {
      everyoneChecksIn(ahead, day, at(0.6, true));
      everyoneChecksIn(crawl, day, at(0.1));
      everyoneChecksIn(risky, day, at(0.37));
    }
    // A 6-week cycle in its week 3, not moved at all: further behind its own expected score than Crawl is behind its.
    setStart(sprint, "2026-01-26");
    setSetting(sprint, "Length in weeks", "6");
    everyoneChecksIn(sprint, "2026-02-12T12:00:00Z", at(0));
    // A 6-week cycle over on 2026-02-08, off track as it ended: nothing is due from it.
    setStart(ended, "2025-12-29");
    setSetting(ended, "Length in weeks", "6");
    everyoneChecksIn(ended, "2026-01-29T12:00:00Z", at(0));
    const company = companyOver(base, { Ahead: ahead, Ended: ended, Crawl: crawl, Sprint: sprint, Risky: risky, Silent: silent }, [["gone", "Missing", "", ""]]);
    expect(callAddon(company, "refreshPortfolio", { at: "2026-02-15" }).ok).toBe(true);
    const rows = teamsTable(company);
    // Before: the Portfolio tab's order, Ahead first and the two teams off track in the middle.
    expect(rows.map((r) => [r.Team, r.Status || r.Read])).toEqual([
      ["Sprint", "Off track"],
      ["Crawl", "Off track"],
      ["Risky", "At risk"],
      ["Silent", "Not started"],
      ["Ahead", "On track"],
      ["Ended", "Off track"],
      ["Missing", "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?)."],
    ]);
    const gap = (r: Record<string, unknown>) => Number(r.Expected) - Number(r.Score);
    expect(gap(rows[0])).toBeGreaterThan(gap(rows[1]));
    expect([rows[0].Week, rows[1].Week]).toEqual(["3 of 6", "6 of 13"]);
  });

  it("orders any teams by rank, then the largest gap, then the Portfolio tab's order, keeping every team once", () => {
    const team = fc.record({
      read: fc.boolean(),
      status: fc.constantFrom("Off track", "At risk", "On track", "Not started", "Setup error"),
      score: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      expected: fc.double({ min: 0, max: 1, noNaN: true }),
      krs: fc.integer({ min: 0, max: 3 }),
      phase: fc.constantFrom("running", "starts", "ended"),
    });
    const rank = (t: TeamResult) => {
      const f = t.figures;
      if (!f) return 7;
      if (f.ended) return 6;
      if (f.starts) return 5;
      if (!f.krs) return 4;
      return ({ "Off track": 0, "At risk": 1, "On track": 3 } as Record<string, number>)[f.status] ?? 2;
    };
    fc.assert(
      fc.property(fc.array(team, { maxLength: 15 }), (teams) => {
        const results: TeamResult[] = teams.map((t, i) => {
          const figures = !t.read
            ? null
            : ({
                status: t.status, score: t.score, expected: t.expected, krs: t.krs, week: 2, weeks: 6,
                ...(t.phase === "starts" ? { starts: "2026-05-01" } : t.phase === "ended" ? { ended: "2026-01-01" } : {}),
              } as unknown as TeamFigures);
          return { entry: { row: i + 2, ref: `t${i}`, team: `T${i}`, weight: 1, problem: null }, figures, problem: figures ? null : "Missing" };
        });
        const out = worstFirst(results);
        expect(out.map((t) => t.entry.team).sort()).toEqual(results.map((t) => t.entry.team).sort());
        const gap = (t: TeamResult) => (t.figures && t.figures.score !== null ? t.figures.expected! - t.figures.score : 0);
        for (let i = 1; i < out.length; i++) {
          const [a, b] = [out[i - 1], out[i]];
          expect(rank(a)).toBeLessThanOrEqual(rank(b));
          if (rank(a) === rank(b)) {
            expect(gap(a)).toBeGreaterThanOrEqual(gap(b));
            if (gap(a) === gap(b)) expect(a.entry.row).toBeLessThan(b.entry.row);
          }
        }
      }),
    );
  });
});

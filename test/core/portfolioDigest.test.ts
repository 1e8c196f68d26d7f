// The portfolio section of a company tracker's leaders' digest (core/portfolioDigest.ts): what it says when
// the roll-up failed, how long its lists may get, and that team text is escaped in the HTML part.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { DIGEST_NAMES, portfolioDigest, portfolioDigestHtml, portfolioDigestLines, type PortfolioDigest } from "../../src/core/portfolioDigest";
import type { TeamFigures, TeamResult } from "../../src/core/portfolio";
import { addDays } from "../../src/core/dates";

const h2 = (t: string) => `<h2>${t}</h2>`;

function digest(over: Partial<PortfolioDigest> = {}): PortfolioDigest {
  return { asOf: "2026-02-01", listed: 3, read: 3, pending: 0, worst: [], total: 0, teamsMissing: 0, behind: [], silent: [], unreadable: [], ...over };
}

describe("The digest's portfolio section", () => {
  it("says the roll-up was not refreshed, and why, when it failed", () => {
    const s = portfolioDigestLines({ error: "Settings need fixing: Start date is blank.\nmore" }, ".");
    expect(s.lines).toEqual(["The roll-up was not refreshed: Settings need fixing: Start date is blank."]);
  });

  it("names at most DIGEST_NAMES teams in a line, the rest counted, scores in the company's decimal separator", () => {
    const behind = Array.from({ length: 14 }, (_, i) => ({ team: `T${i + 1}`, status: "Off track", score: 0.2, expected: 0.3 }));
    const s = portfolioDigestLines(digest({ listed: 14, read: 14, behind }), ",");
    const off = s.teams.find((l) => l.startsWith("Off track: "))!;
    expect(off.endsWith(`T${DIGEST_NAMES} (0,20 vs 0,30 expected) and 4 more.`)).toBe(true);
    expect(off.split("(0,20").length - 1).toBe(DIGEST_NAMES);
    expect(s.lines).toContain("At this pace no team's forecast key result ends short of its goal.");
  });

  it("escapes team text in the HTML part", () => {
    const s = portfolioDigestLines(digest({ unreadable: [{ team: "<img src=x onerror=alert(1)>", problem: "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?)." }] }), ".");
    const html = portfolioDigestHtml(s, h2);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("lists a KR forecast to miss as the roll-up does, its owner left out when blank", () => {
    const miss = { team: "berlin", id: "O2.KR1", title: "Kosten pro Einheit", owner: "", unit: "€", value: 13.55, score: 0.2, goal: 1, against: null, endDay: "2026-04-05" };
    const s = portfolioDigestLines(digest({ worst: [miss], total: 1, teamsMissing: 1 }), ",");
    expect(s.lines[1]).toBe("At this pace 1 key result in 1 team ends short of its goal, the largest shortfall first:");
    expect(s.krs).toEqual(["berlin O2.KR1 Kosten pro Einheit: 13,55 € by 2026-04-05"]);
  });

  it("lists the teams behind worst first (off track, then at risk, each the largest gap to expected first) and the silent longest first, for any teams", () => {
    const asOf = "2026-03-01";
    const team = fc.record({
      status: fc.constantFrom("Off track", "At risk", "On track"),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      expected: fc.double({ min: 0, max: 1, noNaN: true }),
      silentFor: fc.integer({ min: 0, max: 50 }), // within the cycle (from 2026-01-05): silence counts from its start at the earliest
      weeks: fc.integer({ min: 4, max: 13 }),
    });
    fc.assert(
      fc.property(fc.array(team, { maxLength: 12 }), (teams) => {
        const results: TeamResult[] = teams.map((t, i) => {
          const figures = { cycle: "Q", week: 3, weeks: t.weeks, score: t.score, expected: t.expected, status: t.status, krs: 4, mix: {}, checkinRate: 1, lastCheckin: addDays(asOf, -t.silentFor), upward: [], cycleStart: "2026-01-05" } as unknown as TeamFigures;
          return { entry: { row: i + 2, ref: `t${i}`, team: `T${i}`, weight: 1, problem: null }, figures, problem: null };
        });
        const d = portfolioDigest(asOf, results);
        const gap = (b: PortfolioDigest["behind"][number]) => b.expected! - b.score!;
        for (let i = 1; i < d.behind.length; i++) {
          const [a, b] = [d.behind[i - 1], d.behind[i]];
          expect(a.status === "At risk" && b.status === "Off track").toBe(false);
          if (a.status === b.status) expect(gap(a)).toBeGreaterThanOrEqual(gap(b));
        }
        expect(d.behind.length).toBe(teams.filter((t) => t.status !== "On track").length);
        const days = d.silent.map((s) => teams[Number(s.team.slice(1))].silentFor);
        expect(days).toEqual([...days].sort((a, b) => b - a));
        expect(days.every((n) => n > 14)).toBe(true);
      }),
    );
  });
});

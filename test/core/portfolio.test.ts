// The roll-up's rules (src/core/portfolio.ts) for all inputs: alignment's weighted score, the roll-up
// History merge, and the Portfolio tab's rows.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { alignTeams, cycleSince, mergeRollupHistory, portfolioEntries, teamFigures, withCheckinsAfterRun, type RollupHistoryRow, type TeamResult } from "../../src/core/portfolio";
import type { Tracker } from "../../src/core/model";
import { coreKr, coreSettings } from "../support/coreTracker";
import { portfolioDigest, portfolioSubject } from "../../src/core/portfolioDigest";

const entry = (team: string, weight: number) => ({ row: 2, ref: team, team, weight, problem: null });

function teamWith(team: string, weight: number, objectives: { parent: string; score: number | null; expected?: number }[]): TeamResult {
  return {
    entry: entry(team, weight),
    problem: null,
    figures: {
      cycle: "c", week: 1, weeks: 13, score: null, expected: 0, status: "Not started", krs: 0, mix: {}, checkinRate: null, lastCheckin: null,
      upward: objectives.map((o, i) => ({ team, id: `O${i + 1}`, title: "", parentId: o.parent, score: o.score, expected: o.expected, status: "On track" as const })),
    },
  };
}

describe("alignTeams", () => {
  const arb = fc.array(
    fc.record({
      weight: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 5, noNaN: true })),
      objectives: fc.array(
        fc.record({ parent: fc.constantFrom("C1", "c1 ", "C2", "X9"), score: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), expected: fc.double({ min: 0, max: 1, noNaN: true }) }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 6 },
  );

  it("the aligned score is the team-weighted mean of the aligned scores, between their min and max", () => {
    fc.assert(
      fc.property(arb, (teams) => {
        const results = teams.map((t, i) => teamWith(`T${i}`, t.weight, t.objectives));
        const a = alignTeams([{ id: "C1", title: "", score: null, status: "Not started" }, { id: "C2", title: "", score: null, status: "Not started" }], results);
        for (const g of a.groups) {
          const counted = g.aligned.filter((x) => x.score !== null && x.weight > 0);
          if (!counted.length) {
            expect(g.alignedScore).toBeNull();
            continue;
          }
          const w = counted.reduce((s, x) => s + x.weight, 0);
          expect(g.alignedScore as number).toBeCloseTo(counted.reduce((s, x) => s + x.weight * (x.score as number), 0) / w, 9);
          expect(g.alignedScore as number).toBeGreaterThanOrEqual(Math.min(...counted.map((x) => x.score as number)) - 1e-12);
          expect(g.alignedScore as number).toBeLessThanOrEqual(Math.max(...counted.map((x) => x.score as number)) + 1e-12);
          // The aligned expected: the same weights over the same objectives, each its own cycle's expected score.
          expect(g.alignedExpected as number).toBeCloseTo(counted.reduce((s, x) => s + x.weight * (x.expected as number), 0) / w, 9);
        }
        // Every upward objective is either in a group (case- and space-insensitive match) or unmatched.
        const total = results.reduce((n, r) => n + r.figures!.upward.length, 0);
        expect(a.groups.reduce((n, g) => n + g.aligned.length, 0) + a.unmatched.length).toBe(total);
        expect(a.unmatched.every((u) => u.parentId === "X9")).toBe(true);
      }),
    );
  });
});

describe("mergeRollupHistory", () => {
  // Rows of two cycles: the last one's (As of before `since`) and this one's.
  const row = fc.record({
    week: fc.integer({ min: 1, max: 5 }),
    asOf: fc.constantFrom("2025-10-06", "2025-12-29", "2026-01-05", "2026-01-20"),
    team: fc.constantFrom("A", "B", "C"),
    score: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    status: fc.constant("On track"),
    lastCheckin: fc.constantFrom("", "none yet", "2026-01-18"),
  });
  const SINCE = "2026-01-05";

  it("is idempotent, keeps other weeks' and earlier cycles' rows in order, and holds one row per listed team for this cycle's week", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), fc.subarray(["A", "B", "D"]), (existing: RollupHistoryRow[], week, names) => {
        const teams = names.map((n) => teamWith(n, 1, []));
        const once = mergeRollupHistory(existing, week, "2026-02-02", teams, SINCE);
        expect(mergeRollupHistory(once, week, "2026-02-02", teams, SINCE)).toEqual(once);
        const untouched = (r: RollupHistoryRow) => r.week !== week || r.asOf < SINCE;
        expect(once.filter(untouched)).toEqual(existing.filter(untouched));
        for (const n of names) expect(once.filter((r) => r.week === week && r.asOf >= SINCE && r.team === n)).toHaveLength(1);
      }),
    );
  });

  it("a cycle's rows start on its start date, or on the day of a refresh before it", () => {
    expect(cycleSince("2026-04-06", "2026-04-08")).toBe("2026-04-06");
    expect(cycleSince("2026-04-06", "2026-04-02")).toBe("2026-04-02");
  });
});

describe("portfolioEntries", () => {
  it.each([
    ["blank weight", "", 1, null],
    ["zero weight", 0, 0, null],
    ["text weight", "two", 1, 'Weight must be a number of 0 or more; it is "two". Fix it in the Portfolio tab.'],
    ["negative weight", -1, 1, 'Weight must be a number of 0 or more; it is "-1". Fix it in the Portfolio tab.'],
    // A cell formatted as plain text holds "2", which shows as 2: refusing it named a weight the person could not see was wrong.
    ["weight stored as text", "2", 2, null],
    ["decimal weight stored as text", " 0.5 ", 0.5, null],
    // A de_DE company's plain-text column: 0,5 is what its people type (before: refused as not a number).
    ["decimal-comma weight stored as text", "0,5", 0.5, null],
    ["decimal-comma weight of two decimals stored as text", "1,25", 1.25, null],
    ["thousands-like weight stored as text", "1,000", 1, 'Weight must be a number of 0 or more; it is "1,000". Fix it in the Portfolio tab.'],
    ["negative weight stored as text", "-1", 1, 'Weight must be a number of 0 or more; it is "-1". Fix it in the Portfolio tab.'],
  ])("%s", (...[, w, weight, problem]) => {
    const [e] = portfolioEntries([{ row: 2, ref: "id-1", team: "", weight: w }]);
    expect([e.team, e.weight, e.problem]).toEqual(["id-1", weight, problem]);
  });

  it("skips blank trackers and marks a tracker listed twice (case-insensitively)", () => {
    const e = portfolioEntries([
      { row: 2, ref: "abc", team: "A", weight: "" },
      { row: 3, ref: " ", team: "nobody", weight: "" },
      { row: 4, ref: "ABC", team: "A again", weight: "" },
    ]);
    expect(e.map((x) => [x.row, x.problem])).toEqual([[2, null], [4, "Listed twice: the same tracker is in row 2 of the Portfolio tab."]]);
  });

  it("a tracker is the spreadsheet its cell names: any Sheets URL of it, or its ID, is the same tracker", () => {
    const refs = [
      "1AbC_d-9",
      "https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0",
      "https://docs.google.com/spreadsheets/d/1AbC_d-9/edit?usp=sharing",
      "https://docs.google.com/spreadsheets/u/1/d/1AbC_d-9/",
      "https://docs.google.com/a/example.com/spreadsheets/d/1AbC_d-9/htmlview",
    ];
    const e = portfolioEntries(refs.map((ref, i) => ({ row: i + 2, ref, team: `T${i}`, weight: "" })));
    expect(e.map((x) => x.problem)).toEqual([null, ...refs.slice(1).map(() => "Listed twice: the same tracker is in row 2 of the Portfolio tab.")]);
    // Published links (/d/e/<key>/pubhtml) are not told apart by their "e".
    const pub = (k: string) => `https://docs.google.com/spreadsheets/d/e/2PACX-${k}/pubhtml`;
    expect(portfolioEntries([pub("a"), pub("b")].map((ref, i) => ({ row: i + 2, ref, team: `P${i}`, weight: "" }))).map((x) => x.problem)).toEqual([null, null]);
    // Offline, a path with or without "./" is the same file.
    const p = portfolioEntries([{ row: 2, ref: "ops.xlsx", team: "", weight: "" }, { row: 3, ref: "./ops.xlsx", team: "Ops 2", weight: "" }]);
    expect(p[1].problem).toBe("Listed twice: the same tracker is in row 2 of the Portfolio tab.");
  });

  it("every team name is used once (History keeps a row per name); a tracker listed twice is named as such first", () => {
    const e = portfolioEntries([
      { row: 2, ref: "a", team: "Ops", weight: "" },
      { row: 3, ref: "b", team: " ops", weight: "" },
      { row: 4, ref: "a", team: "Ops", weight: "" },
      { row: 5, ref: "c", team: "", weight: "" },
      { row: 6, ref: "d", team: "C", weight: "" },
    ]);
    expect(e.map((x) => x.problem)).toEqual([
      null,
      'Team name "ops" is also in row 2 of the Portfolio tab: give each team its own name in the Team column.',
      "Listed twice: the same tracker is in row 2 of the Portfolio tab.",
      null,
      'Team name "C" is also in row 5 of the Portfolio tab: give each team its own name in the Team column.',
    ]);
  });
});

describe("withCheckinsAfterRun", () => {
  // A team of 4 KRs: 1 checked in within the period, 2 on the day before it (2026-01-18, a Sunday).
  const team = (): TeamResult => {
    const t = teamWith("LA", 1, []);
    return { ...t, figures: { ...t.figures!, krs: 4, checkinRate: 0.25, dayBefore: { day: "2026-01-18", krs: 2 } } };
  };
  const row = (lastCheckin: string, asOf = "2026-01-18", name = "la"): RollupHistoryRow => ({ week: 2, asOf, team: name, score: 0.2, status: "On track", lastCheckin });
  const rate = (history: RollupHistoryRow[]) => withCheckinsAfterRun([team()], history)[0].figures!.checkinRate;

  it("counts the day before the period when the refresh of that day saw the team's latest check-in before it, or none", () => {
    expect(rate([row("2026-01-11")])).toBe(0.75);
    expect(rate([row("none yet")])).toBe(0.75);
  });

  it("counts nothing more when that refresh saw a check-in of that day or later, knew none, or there was no refresh that day", () => {
    expect(rate([row("2026-01-18")])).toBe(0.25); // some KRs were checked in before it, and counted then
    expect(rate([row("2026-01-19")])).toBe(0.25);
    expect(rate([row("")])).toBe(0.25); // not read then, or a row written before the column
    expect(rate([row("2026-01-11", "2026-01-17")])).toBe(0.25);
    expect(rate([row("2026-01-11", "2026-01-18", "Berlin")])).toBe(0.25);
    expect(rate([])).toBe(0.25);
  });
});

describe("teamFigures before the team's cycle starts", () => {
  it("has no score, expected score nor check-in rate, and its objectives align without a score", () => {
    const tracker: Tracker = {
      settings: coreSettings({ startDate: "2026-04-06" }),
      objectives: [{ row: 2, id: "O1", title: "Grow", owner: "", type: "committed", parentId: "CO1" }],
      keyResults: [coreKr(2, "O1.KR1", "stay_above", 80, 90, 95, "2026-03-10")],
    } as Tracker;
    const f = teamFigures(tracker, "2026-03-15", "Kolkata");
    expect([f.starts, f.score, f.expected, f.status, f.checkinRate]).toEqual(["2026-04-06", null, null, "Not started", null]);
    expect(f.upward.map((o) => [o.id, o.score, o.status])).toEqual([["O1", null, "Not started"]]);
    // From its first day it is rolled up as ever.
    expect(teamFigures(tracker, "2026-04-06", "Kolkata")).toMatchObject({ week: 1, status: expect.any(String) });
    expect(teamFigures(tracker, "2026-04-06", "Kolkata").starts).toBeUndefined();
  });
});

describe("teamFigures: a team's objectives typed O1 and \"O1 \"", () => {
  it("aligns each with its own score, as its sheet scores them (spaces count), under the Parent ID it names (spaces ignored)", () => {
    const tracker: Tracker = {
      settings: coreSettings(),
      objectives: [
        { row: 2, id: "O1", title: "Grow", owner: "", type: "committed", parentId: "CO1" },
        { row: 3, id: "O1 ", title: "Keep", owner: "", type: "committed", parentId: " co2 " },
      ],
      keyResults: [
        { ...coreKr(2, "O1.KR1", "increase", 0, 100, 80, "2026-01-20"), objectiveId: "O1" },
        { ...coreKr(3, "O1.KR2", "increase", 0, 100, 20, "2026-01-20"), objectiveId: "O1 " },
      ],
    } as Tracker;
    const f = teamFigures(tracker, "2026-01-21", "Kolkata");
    expect(f.upward.map((o) => [o.id, o.parentId, o.score])).toEqual([["O1", "CO1", 0.8], ["O1 ", " co2 ", 0.2]]);
    const company = [{ id: "CO1", title: "" }, { id: "CO2", title: "" }];
    const { groups } = alignTeams(company.map((c) => ({ ...c, score: null, status: "On track" as const })), [{ entry: entry("Kolkata", 1), figures: f, problem: null }]);
    expect(groups.map((g) => g.aligned.map((o) => o.score))).toEqual([[0.8], [0.2]]);
  });
});

describe("teamFigures after the team's cycle ended, not rolled over", () => {
  it("keeps its score but forecasts no KR to miss: its end is known, in the Teams table", () => {
    // Start 2026-01-05, 13 weeks: its last day is 2026-04-05. Checked in on 2026-04-02 at a quarter of the way.
    const tracker: Tracker = {
      settings: coreSettings(),
      objectives: [{ row: 2, id: "O1", title: "Deliver", owner: "", type: "committed", parentId: "" }],
      keyResults: [coreKr(2, "O1.KR1", "increase", 0, 100, 25, "2026-04-02"), coreKr(3, "O1.KR2", "increase", 0, 100, 95, "2026-04-02")],
    } as Tracker;
    const cells = [{ value: 27, score: 0.27 }, { value: 97, score: 0.97 }];
    const inCycle = teamFigures(tracker, "2026-04-05", "Ops", cells);
    expect([inCycle.ended, inCycle.forecast!.missing, inCycle.forecast!.worst.map((m) => m.id)]).toEqual([undefined, 1, ["O1.KR1"]]);
    // Three days on, its latest check-in 6 days old (its forecast would go stale only after 14).
    const after = teamFigures(tracker, "2026-04-08", "Ops", cells);
    expect(after.ended).toBe("2026-04-05");
    expect(after.score).toBe(inCycle.score);
    // Before: 1 forecast to miss, listed and counted with the teams still in their cycle.
    expect(after.forecast).toEqual({ columns: true, forecast: 2, missing: 0, worst: [] });
    const results: TeamResult[] = [{ entry: entry("Ops", 1), problem: null, figures: after }];
    const d = portfolioDigest("2026-04-08", results);
    // How it ended, as its own summary after the end says (session 20): O1.KR1 ended short of its goal, not forecast to.
    // With the standing it ended with (session 21), the Teams table's.
    expect([d.total, d.teamsMissing, d.ended]).toEqual([0, 0, [{ team: "Ops", ended: "2026-04-05", below: 1, score: after.score, expected: after.expected, status: after.status }]]);
    expect(after.endedBelow!.worst.map((m) => [m.id, m.endDay])).toEqual([["O1.KR1", "2026-04-05"]]);
    // And the subject says so (session 21; before, "none forecast to miss", as if none would).
    expect(portfolioSubject(d)).toBe("; teams: 1 KR ended short of its goal");
  });
});

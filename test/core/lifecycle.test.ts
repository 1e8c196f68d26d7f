import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { coreKr, coreSettings } from "../support/coreTracker";
import { evaluateTracker } from "../../src/core/evaluate";
import { krScore } from "../../src/core/scoring";
import { archiveTabName, sanitizeTabName } from "../../src/core/archiveNames";
import { gradeBand } from "../../src/core/retroGrades";
import { MAX_FROZEN_ROWS } from "../../src/core/lifecycleTab";
import { buildReview } from "../../src/core/reviewTab";
import { buildRetrospective } from "../../src/core/retroTab";
import { nextCycleName, parseRetroDecision, planRollover } from "../../src/core/rollover";
import type { RolloverInput, RolloverPlan } from "../../src/core/rollover";
import type { KeyResult, Objective, Tracker } from "../../src/core/model";

function obj(row: number, id: string, title: string, type: "committed" | "aspirational"): Objective {
  return { row, id, title, owner: `${id.toLowerCase()}@example.com`, team: "", parentId: "", type, pnlLink: "none" };
}
const kr = (row: number, id: string, metric: KeyResult["metric"], start: number, target: number, current: number | null) =>
  coreKr(row, id, metric, start, target, current, "2026-03-30");
function tracker(): Tracker {
  return {
    settings: coreSettings(),
    objectives: [obj(2, "O1", "Deliver on time", "committed"), obj(3, "O2", "Right first time", "committed"), obj(4, "O3", "Cheaper", "aspirational")],
    keyResults: [
      kr(2, "O1.KR1", "increase", 80, 100, 95), // 0.75
      kr(3, "O1.KR2", "decrease", 10, 6, 8.42), // 0.395
      kr(4, "O2.KR1", "increase", 0, 50, 20), // 0.4
      kr(5, "O2.KR2", "milestone", 0, 1, null), // 0 never checked in
      kr(6, "O3.KR1", "decrease", 42, 36, 37.8), // 0.7
      kr(7, "O3.KR2", "stay_above", 92, 90, 91), // 1
    ],
  };
}

describe("gradeBand (unrounded score: < 0.4, < 0.7, else)", () => {
  it.each([
    [0, "0.0–0.39"],
    [0.39, "0.0–0.39"],
    [0.395, "0.0–0.39"],
    [0.3999999, "0.0–0.39"],
    [0.4, "0.4–0.69"],
    [0.695, "0.4–0.69"],
    [0.6999999, "0.4–0.69"],
    [0.7, "0.7–1.0"],
    [1, "0.7–1.0"],
  ])("%s → %s", (score, band) => {
    expect(gradeBand(score)).toBe(band);
  });
});

describe("frozen rows: down to the header within MAX_FROZEN_ROWS, else the title block", () => {
  const t = tracker();
  const ev = evaluateTracker(t, "2026-02-16");
  /** A Signals block of `rows` rows as reportSignals.ts makes it: heading, header, then a row per signal (or "None"). */
  const block = (rows: number) => [[{ v: "Signals" }], [{ v: "Signal" }], ...Array.from({ length: rows - 2 }, (_, i) => [{ v: `signal ${i + 1}` }])];
  it.each([
    [3, 9, 9], // no signal ("None") or one
    [4, 10, 10], // two signals
    [5, 11, 3],
    [42, 48, 3],
  ])("review with a Signals block of %i rows: header at row %i, frozen %i", (rows, header, frozen) => {
    const tab = buildReview(t, ev, "2026-02-16", block(rows));
    expect(tab.headerRow).toBe(header);
    expect(tab.frozenRows).toBe(frozen);
  });
  it("the retrospective's grade spread puts its header below the limit: its title block is frozen", () => {
    const tab = buildRetrospective(t, ev, "2026-04-06", block(3));
    expect(tab.headerRow).toBeGreaterThan(MAX_FROZEN_ROWS);
    expect(tab.frozenRows).toBe(3);
    expect(tab.rows[3].every((c) => c.v === "" || c.v === undefined || c.v === null)).toBe(true);
  });
});

describe("buildReview", () => {
  const t = tracker();
  const ev = evaluateTracker(t, "2026-02-16");
  const tab = buildReview(t, ev, "2026-02-16");
  it("title block, then the table header", () => {
    expect(tab.rows[0][0].v).toBe("Mid-cycle review — Cycle 1");
    expect(String(tab.rows[1][0].v)).toContain("as of 2026-02-16");
    expect(String(tab.rows[1][0].v)).toContain("week 7 of 13");
    expect(tab.rows[tab.headerRow - 1].map((c) => c.v)).toEqual(["Type", "ID", "Title", "Owner", "Score", "Expected", "Status", "Forecast", "Decision", "Notes"]);
    expect(tab.firstDataRow).toBe(tab.headerRow + 1);
    expect(tab.decisionColumn).toBe(9);
    expect(tab.decisionOptions).toEqual(["keep", "adjust", "drop"]);
  });
  it("objective rows followed by their KRs, frozen values, empty decision", () => {
    const data = tab.rows.slice(tab.headerRow);
    expect(data).toHaveLength(9);
    expect(tab.dataRows).toBe(9);
    expect(data.map((r) => `${r[0].v}:${r[1].v}`)).toEqual([
      "Objective:O1", "Key result:O1.KR1", "Key result:O1.KR2",
      "Objective:O2", "Key result:O2.KR1", "Key result:O2.KR2",
      "Objective:O3", "Key result:O3.KR1", "Key result:O3.KR2",
    ]);
    expect(data[1][4].v).toBeCloseTo(0.75, 12);
    expect(data[1][5].v).toBeCloseTo(42 / 91, 12);
    expect(data[5][6].v).toBe("Not started");
    for (const r of data) {
      expect(r[7].v).toBe(""); // Forecast: none given
      expect(r[8].v).toBe("");
      expect(r.every((c) => c.formula === undefined)).toBe(true);
      expect(r).toHaveLength(10);
    }
  });
});

describe("buildRetrospective", () => {
  const t = tracker();
  const ev = evaluateTracker(t, "2026-04-06");
  const tab = buildRetrospective(t, ev, "2026-04-06");
  it("grade spread counts objectives and KRs per band", () => {
    const i = tab.rows.findIndex((r) => r[0].v === "Grade spread");
    const spread = tab.rows.slice(i + 2, i + 6).map((r) => [r[0].v, r[1].v, r[2].v]);
    // KRs: 0.75, 0.395, 0.4, 0.7, 1 → low 1, mid 1, high 3; O2.KR2 (0) never checked in, apart.
    // Objectives: O1 (0.75+0.395)/2 = 0.5725 mid; O2 0.2 low (O2.KR1 checked in); O3 0.85 high.
    expect(spread).toEqual([
      ["0.0–0.39", 1, 1],
      ["0.4–0.69", 1, 1],
      ["0.7–1.0", 1, 3],
      ["No check-ins", 0, 1],
    ]);
    expect(String(tab.rows[i + 6][0].v)).toMatch(/^No check-ins: /);
  });
  it("main table: final score, grade, learnings, decision retain", () => {
    expect(tab.rows[tab.headerRow - 1].map((c) => c.v)).toEqual(["Type", "ID", "Title", "Owner", "Final score", "Grade", "Final value", "Learnings", "Decision"]);
    const data = tab.rows.slice(tab.headerRow);
    const row = (id: string) => data.find((r) => r[1].v === id)!;
    expect(row("O1.KR2")[4].v).toBeCloseTo(0.395, 12);
    expect(row("O1.KR2")[5].v).toBe("0.0–0.39");
    expect(row("O2.KR1")[5].v).toBe("0.4–0.69");
    expect(row("O3.KR1")[5].v).toBe("0.7–1.0");
    // Never checked in: its score by the spec's rule (current = start), its grade no band.
    expect(row("O2.KR2")[4].v).toBe(0);
    expect(row("O2.KR2")[5].v).toBe("No check-ins");
    expect(row("O2")[5].v).toBe("0.0–0.39");
    expect(data.every((r) => r[8].v === "retain" && r[7].v === "")).toBe(true);
    expect(tab.decisionOptions).toEqual(["retain", "remove", "change"]);
  });
});

function rollover(over: Partial<RolloverInput> = {}): ReturnType<typeof planRollover> {
  const t = tracker();
  const lastValues = new Map<string, number | null>(t.keyResults.map((k) => [k.id, k.current] as [string, number | null]));
  return planRollover({ tracker: t, retro: [], lastValues, newStart: "2026-04-06", existingTabNames: [], ...over });
}
function ok(r: ReturnType<typeof planRollover>): RolloverPlan {
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("planRollover", () => {
  it("carries baselines: start = last value, or previous start if never checked in; check-in fields cleared", () => {
    const p = ok(rollover());
    const k = (id: string) => p.keyResults.find((x) => x.id === id)!;
    expect(k("O1.KR1")).toMatchObject({ start: 95, target: 100, current: null, confidence: null, lastCheckin: null });
    expect(k("O1.KR2").start).toBe(8.42);
    expect(k("O2.KR2").start).toBe(0);
    expect(p.keyResults.map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(p.settings).toEqual({ cycleName: "Cycle 2", startDate: "2026-04-06", weeks: 13 });
  });
  it("honours retain / remove / change, typed with odd case and spaces", () => {
    const p = ok(
      rollover({
        retro: [
          { id: "O1", decision: " Retain ", row: 10 },
          { id: "O1.KR2", decision: "REMOVE", row: 12 },
          { id: "O2", decision: "remove", row: 13 },
          { id: "O2.KR1", decision: "retain", row: 14 }, // its objective is removed → removed too
          { id: "O3", decision: "Change", row: 16 },
          { id: "O3.KR1", decision: "", row: 17 }, // blank → retain
        ],
      }),
    );
    expect(p.objectives.map((o) => o.id)).toEqual(["O1", "O3"]);
    expect(p.keyResults.map((k) => k.id)).toEqual(["O1.KR1", "O3.KR1", "O3.KR2"]);
    expect(p.removed).toEqual({ objectives: ["O2"], keyResults: ["O1.KR2", "O2.KR1", "O2.KR2"] });
    expect(p.changed).toEqual(["O3"]);
  });
  it("carries a KR whose objective does not exist, with a warning", () => {
    const t = tracker();
    t.keyResults.push({ ...t.keyResults[0], row: 8, id: "O9.KR1", objectiveId: "O9" });
    const p = ok(planRollover({ tracker: t, retro: [], lastValues: new Map(), newStart: "2026-04-06" }));
    expect(p.keyResults.map((k) => k.id)).toContain("O9.KR1");
    expect(p.warnings.join(" ")).toContain("O9.KR1");
  });
  it("refuses an invalid decision, naming the row", () => {
    const r = rollover({ retro: [{ id: "O1", decision: "retain" , row: 10 }, { id: "O1.KR1", decision: "keep", row: 11 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("row 11");
      expect(r.message).toContain('"keep"');
    }
  });
  it("refuses an unknown ID and conflicting decisions", () => {
    const r1 = rollover({ retro: [{ id: "O9", decision: "retain", row: 20 }] });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.message).toMatch(/row 20.*O9/);
    const r2 = rollover({ retro: [{ id: "O1", decision: "retain", row: 3 }, { id: "o1", decision: "remove", row: 4 }] });
    expect(r2.ok).toBe(false);
  });
  it("matches a row's ID to its objective or KR as a person reads the row: any case, spaces around it ignored", () => {
    // The objective's ID lost its spaces after the close (the focus checks ask for it): its row, written "O2 ", still decides it.
    const p = ok(rollover({ retro: [{ id: "O2 ", decision: "remove", row: 13 }, { id: " o1.kr2", decision: "remove", row: 12 }] }));
    expect(p.removed).toEqual({ objectives: ["O2"], keyResults: ["O1.KR2", "O2.KR1", "O2.KR2"] });
    // "O1" and "O1 " are two objectives to the sheet, but their rows look alike: a row's decision is both's, two that differ are refused.
    const t = tracker();
    t.objectives.push(obj(5, "O1 ", "Deliver on time, again", "committed"));
    t.keyResults.push({ ...kr(8, "O1.KR9", "increase", 0, 10, 5), objectiveId: "O1 " });
    const both = ok(planRollover({ tracker: t, retro: [{ id: "O1", decision: "remove", row: 10 }], lastValues: new Map(), newStart: "2026-04-06" }));
    expect(both.removed.objectives).toEqual(["O1", "O1 "]);
    expect(both.keyResults.map((k) => k.id)).not.toContain("O1.KR9");
    const two = planRollover({ tracker: t, retro: [{ id: "O1", decision: "remove", row: 10 }, { id: "O1 ", decision: "retain", row: 11 }], lastValues: new Map(), newStart: "2026-04-06" });
    expect(two).toEqual({ ok: false, message: 'Retrospective row 11: "O1" has two different decisions (remove and retain).' });
  });
  it("refuses a start date that is not after the finished cycle's, and bad lengths", () => {
    expect(rollover({ newStart: "2026-01-05" }).ok).toBe(false);
    // Inside the finished cycle (2026-01-05 to 2026-04-05): refused, naming the earliest day; after an early close, the day after it.
    expect(rollover({ newStart: "2026-03-30" })).toEqual({ ok: false, message: "The new cycle must start after the finished one: on 2026-04-06 or later (it ran 2026-01-05 to 2026-04-05), not 2026-03-30." });
    expect(rollover({ newStart: "2026-03-30", closedOn: "2026-03-15" }).ok).toBe(true);
    expect(rollover({ newStart: "2026-03-15", closedOn: "2026-03-15" }).ok).toBe(false);
    expect(rollover({ newStart: "2026-03-30", closedOn: "2026-04-20" }).ok).toBe(false);
    expect(rollover({ newStart: "2026-13-01" }).ok).toBe(false);
    expect(rollover({ weeks: 0 }).ok).toBe(false);
    expect(rollover({ weeks: 2.5 }).ok).toBe(false);
    expect(ok(rollover({ weeks: 6, name: "Pilot 2" })).settings).toEqual({ cycleName: "Pilot 2", startDate: "2026-04-06", weeks: 6 });
    expect(rollover({ name: "cycle 1" }).ok).toBe(false);
  });
  it("warns when a carried start equals the target", () => {
    const t = tracker();
    const p = ok(rollover({ lastValues: new Map([["O1.KR1", 100]]) }));
    expect(p.keyResults.find((k) => k.id === "O1.KR1")!.start).toBe(100);
    expect(p.baselines).toEqual(["O1.KR1: the new start (100) equals the target; set a new target before the first check-in."]);
    expect(t.keyResults[0].start).toBe(80);
  });
  it("warns when a carried start is past the target, either way (the KR would be turned around)", () => {
    // O1.KR1 increase 80 → 100 ended at 104; O1.KR2 decrease 10 → 6 ended at 5.5; O3.KR1 decrease 42 → 36 ended short at 37.
    const p = ok(rollover({ lastValues: new Map([["O1.KR1", 104], ["O1.KR2", 5.5], ["O3.KR1", 37]]) }));
    expect(p.keyResults.map((k) => [k.id, k.start])).toContainEqual(["O1.KR1", 104]);
    expect(p.baselines).toEqual([
      "O1.KR1: the new start (104) is already past the target (100), so the KR would score a move back towards 100 as progress; set a new target before the first check-in.",
      "O1.KR2: the new start (5.5) is already past the target (6), so the KR would score a move back towards 6 as progress; set a new target before the first check-in.",
    ]);
    // Short of the target, stay KRs past theirs (they are meant to stay there) and milestones: nothing to say.
    expect(ok(rollover({ lastValues: new Map([["O3.KR1", 37], ["O3.KR2", 95], ["O2.KR2", 1]]) })).baselines).toEqual([]);
  });
  it("writes the values in the KR's unit, at its decimals, in the locale's style; past by less than they show reads as equal", () => {
    const t = tracker();
    const [pct, days, money] = [
      { ...kr(2, "O1.KR1", "increase", 0.82, 0.95, null), unit: "%", percentCells: true },
      { ...kr(3, "O1.KR2", "decrease", 10, 6, null), unit: "days" },
      { ...kr(4, "O2.KR1", "increase", 800, 1200, null), unit: "$" },
    ];
    const plan = (last: [string, number][], separator: () => "." | ".," | ",.") =>
      ok(planRollover({ tracker: { ...t, keyResults: [pct, days, money] }, retro: [], lastValues: new Map(last), newStart: "2026-04-06", separator })).baselines;
    const past = (id: string, start: string, target: string) =>
      `${id}: the new start (${start}) is already past the target (${target}), so the KR would score a move back towards ${target} as progress; set a new target before the first check-in.`;
    expect(plan([["O1.KR1", 0.955], ["O1.KR2", 5.5], ["O2.KR1", 1234.5]], () => ".,")).toEqual([past("O1.KR1", "95.5%", "95%"), past("O1.KR2", "5.5 days", "6 days"), past("O2.KR1", "$1,234.50", "$1,200.00")]);
    expect(plan([["O1.KR2", 5.5], ["O2.KR1", 1234.5]], () => ",.")).toEqual([past("O1.KR2", "5,5 days", "6 days"), past("O2.KR1", "1.234,50 $", "1.200,00 $")]);
    // 1200.001 shows as $1,200.00 (2 decimals: 1% of the span of 400): "past $1,200.00 … towards $1,200.00" would read wrong.
    expect(plan([["O2.KR1", 1200.001]], () => ".,")).toEqual(["O2.KR1: the new start ($1,200.00) equals the target; set a new target before the first check-in."]);
  });
  it("property: a carried increase/decrease KR gets a baseline line exactly when its new score would not run its metric's way", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("increase", "decrease"),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -100, max: 100 }),
        (metric, start, distance, last) => {
          const target = metric === "increase" ? start + distance : start - distance;
          const t: Tracker = { ...tracker(), keyResults: [coreKr(2, "O1.KR1", metric as KeyResult["metric"], start, target, last, "2026-03-30")] };
          const p = ok(planRollover({ tracker: t, retro: [], lastValues: new Map([["O1.KR1", last]]), newStart: "2026-04-06" }));
          const next = p.keyResults[0];
          // Checked by the score itself: does a step the metric's way (up for increase) raise it from the new start?
          const step = metric === "increase" ? 0.5 : -0.5;
          const a = krScore(metric, next.start, next.target, next.start!).score;
          const b = krScore(metric, next.start, next.target, next.start! + step).score;
          const runsRight = a !== null && b !== null && b > a;
          return p.baselines.length === (runsRight ? 0 : 1);
        },
      ),
    );
  });
  it("archive names come from the finished cycle, unique against existing tabs", () => {
    const p = ok(rollover({ existingTabNames: ["Objectives", "cycle 1 · objectives"] }));
    expect(p.archiveNames).toEqual({
      objectives: "Cycle 1 · Objectives (2)",
      keyResults: "Cycle 1 · Key Results",
      checkins: "Cycle 1 · Check-ins",
      history: "Cycle 1 · History",
      retrospective: "Cycle 1 · Retrospective",
      review: "Cycle 1 · Mid-cycle Review",
    });
  });
});

describe("tab names", () => {
  it("sanitises characters sheets refuse and apostrophes at the ends", () => {
    expect(sanitizeTabName("Q1/Q2 [pilot]: a*b?c\\d")).toBe("Q1-Q2 -pilot-- a-b-c-d");
    expect(sanitizeTabName("'quoted'")).toBe("quoted");
  });
  it("fits within the length limit, keeping the tab part, and stays unique", () => {
    const long = "A very long cycle name that goes on and on ".repeat(4);
    const n100 = archiveTabName(long, "Retrospective", []);
    expect(n100.length).toBeLessThanOrEqual(100);
    expect(n100.endsWith(" · Retrospective")).toBe(true);
    const n31 = archiveTabName("Order-to-delivery pilot", "Retrospective", [], 31);
    expect(n31).toBe("Order-to-delive · Retrospective");
    const again = archiveTabName("Order-to-delivery pilot", "Retrospective", [n31], 31);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(again.toLowerCase()).not.toBe(n31.toLowerCase());
    expect(again.endsWith(" (2)")).toBe(true);
    const names = ["Objectives", "Key Results", "Check-ins", "History", "Retrospective"].map((t) => archiveTabName("x[]", t, []));
    for (const nm of names) expect(nm).not.toMatch(/[[\]:*?/\\]/);
  });
  it("next cycle names", () => {
    expect(nextCycleName("Cycle 1")).toBe("Cycle 2");
    expect(nextCycleName("Pilot 9")).toBe("Pilot 10");
    expect(nextCycleName("Order pilot")).toBe("Order pilot 2");
  });
  it("parses decisions leniently but strictly", () => {
    expect(parseRetroDecision("  ReTaIn ")).toBe("retain");
    expect(parseRetroDecision("")).toBe("");
    expect(parseRetroDecision("retained")).toBeNull();
  });
});

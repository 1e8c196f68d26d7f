// The key property: the live sheet formulas (evaluated by HyperFormula with TODAY = as-of) and
// evaluateTracker agree exactly on every KR's and objective's Score, Expected and Status.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import { evaluateTracker } from "../../src/core/evaluate";
import { addDays, isoFromDayNumber } from "../../src/core/dates";
import type { KeyResult, Objective, Settings, Tracker } from "../../src/core/model";
import { TAB } from "../../src/core/tabs";
import { SETUP_ERRORS } from "../../src/core/scoring";
import { KR_COLS, OBJ_COLS, buildWorkbook, cell } from "./harness";

const num = fc.oneof(
  fc.integer({ min: -5, max: 12 }),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.25, 0.7, 1, 1e-9, -0.5, 100, 1e6),
  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
);
const maybeNum = fc.option(num, { nil: null, freq: 4 });

const metricArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("increase", "decrease", "stay_above", "stay_below", "milestone") },
  { weight: 2, arbitrary: fc.constantFrom("Increase", " DECREASE ", "Stay_Above", "milestone  ", "bogus", "", "stay above") },
);
const weightArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 0.5, 3, 0.1, 1 / 3) },
  { weight: 1, arbitrary: fc.constantFrom(-1, NaN) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
);
const gapArb = fc.oneof(
  fc.constantFrom(0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const trackerArb = fc
  .record({
    startDay: fc.integer({ min: 19000, max: 21000 }),
    weeks: fc.oneof(fc.constantFrom(1, 2, 6, 13), fc.integer({ min: 1, max: 52 })),
    gaps: fc.tuple(gapArb, gapArb),
    aspirationalGoal: fc.oneof(fc.constantFrom(0.7, 0.5, 1, 0.6), fc.double({ min: 0.01, max: 1, noNaN: true })),
    asOfOffset: fc.integer({ min: -20, max: 400 }),
    objectives: fc.array(
      fc.record({
        type: fc.constantFrom("committed", "aspirational", "committed", "Aspirational ", "aspirational"),
        blankId: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        duplicateOfPrevious: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
      }),
      { minLength: 0, maxLength: 6 },
    ),
    krs: fc.array(
      fc.record({
        objectivePick: fc.integer({ min: 0, max: 7 }),
        lowerCaseRef: fc.boolean(),
        blankId: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
        metric: metricArb,
        start: maybeNum,
        target: maybeNum,
        equalStartTarget: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        weight: weightArb,
        current: maybeNum,
        checkedIn: fc.boolean(),
        handTypedCurrent: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        // Counts from: blank mostly; a day around the cycle (before its start, within, on its last day, after
        // its end), with a time of day, or text (a setup error). Day offsets are relative to the start.
        countsFrom: fc.oneof(
          { weight: 5, arbitrary: fc.constant(null) },
          { weight: 4, arbitrary: fc.integer({ min: -30, max: 380 }).map((d) => ({ day: d })) },
          { weight: 1, arbitrary: fc.double({ min: -30, max: 380, noNaN: true }).map((d) => ({ day: d })) },
          { weight: 1, arbitrary: fc.constantFrom<{ last: number } | string>({ last: 0 }, { last: 1 }, "week 7", "soon", " ") },
        ),
      }),
      { minLength: 0, maxLength: 14 },
    ),
  })
  .map((g) => {
    const startDate = isoFromDayNumber(g.startDay);
    const [a, b] = g.gaps;
    const settings: Settings = {
      cycleName: "Cycle",
      startDate,
      weeks: g.weeks,
      cadence: "weekly",
      weekday: "Monday",
      onTrackGap: Math.min(a, b),
      atRiskGap: Math.max(a, b),
      aspirationalGoal: g.aspirationalGoal,
      leaders: [],
      admins: [],
      emailDigest: false,
      ownerReminders: false,
    };
    const objectives: Objective[] = g.objectives.map((o, i) => ({
      row: i + 2,
      id: o.blankId ? "" : o.duplicateOfPrevious && i > 0 ? `o${i}` : `O${i + 1}`,
      title: `Objective ${i + 1}`,
      owner: "a@example.com",
      team: "",
      parentId: "",
      type: o.type as Objective["type"],
      pnlLink: "none",
    }));
    const keyResults: KeyResult[] = g.krs.map((k, i) => {
      const oid = k.objectivePick < g.objectives.length ? `O${k.objectivePick + 1}` : k.objectivePick === 7 ? "" : "O99";
      const objectiveId = k.lowerCaseRef ? oid.toLowerCase() : oid;
      const checkin = k.checkedIn ? addDays(startDate, 3) : null;
      return {
        row: i + 2,
        id: k.blankId ? "" : `KR${i + 1}`,
        objectiveId,
        title: `KR ${i + 1}`,
        owner: "b@example.com",
        metric: k.metric as KeyResult["metric"],
        unit: "",
        start: k.start,
        target: k.equalStartTarget ? k.start : k.target,
        weight: k.weight,
        current: k.checkedIn || k.handTypedCurrent ? k.current : null,
        confidence: null,
        lastCheckin: checkin,
        // { last: 0 } the cycle's last day, { last: 1 } the day after it (its end, a setup error).
        countsFrom:
          k.countsFrom === null || typeof k.countsFrom === "string" ? k.countsFrom
          : "day" in k.countsFrom ? g.startDay + 25569 + k.countsFrom.day
          : g.startDay + 25569 + 7 * g.weeks - 1 + k.countsFrom.last,
      };
    });
    const tracker: Tracker = { settings, objectives, keyResults };
    return { tracker, asOf: addDays(startDate, g.asOfOffset) };
  });

const seen = new Map<string, number>();
function note(key: string): void {
  seen.set(key, (seen.get(key) ?? 0) + 1);
}

function compare(tracker: Tracker, asOf: string): void {
  const ev = evaluateTracker(tracker, asOf);
  for (const k of ev.krs) note(`kr ${k.status}`);
  // Not vacuous for Counts from: KRs and objectives paced apart from the cycle, and the date's setup error.
  for (const k of ev.krs) if (k.expected !== ev.elapsed * k.goal) note("kr paced from its own day");
  for (const k of ev.krs) if (k.error === SETUP_ERRORS.countsFrom) note("kr counts-from error");
  for (const o of ev.objectives) if (o.expected !== ev.elapsed * o.goal) note("objective paced apart");
  // Blank Counts from is today's rule bit for bit: the KR's and (none of its KRs dated) the objective's
  // expected are elapsed × goal exactly.
  const undated = (k: KeyResult) => k.countsFrom === null || k.countsFrom === undefined;
  for (const k of ev.krs) if (undated(tracker.keyResults.find((x) => x.id === k.id)!)) expect(k.expected).toBe(ev.elapsed * k.goal);
  for (const o of ev.objectives) {
    const mine = tracker.keyResults.filter((k) => k.id !== "" && k.objectiveId.toLowerCase() === o.id.toLowerCase());
    if (mine.every(undated)) expect(o.expected).toBe(ev.elapsed * o.goal);
  }
  for (const o of ev.objectives) note(`objective ${o.status}`);
  const { hf, krRows, objRows } = buildWorkbook(tracker, asOf);
  try {
    const krById = new Map(ev.krs.map((k) => [k.id, k]));
    tracker.keyResults.forEach((kr, i) => {
      const row = krRows[i];
      const get = (h: string) => cell(hf, TAB.keyResults, KR_COLS, h, row);
      if (kr.id === "") {
        for (const h of ["Score", "Expected", "Status", "Weighted score", "Counted weight", "Weighted pace offset"]) expect(get(h)).toBe("");
        return;
      }
      const e = krById.get(kr.id)!;
      const ctx = JSON.stringify({ kr, asOf, settings: tracker.settings });
      if (e.score === null) expect(get("Score"), ctx).toBe(e.error);
      else expect(get("Score"), ctx).toBe(e.score);
      expect(get("Expected"), ctx).toBe(e.expected);
      expect(get("Status"), ctx).toBe(e.status);
      expect(get("Weighted score"), ctx).toBe(e.weightedScore);
      expect(get("Counted weight"), ctx).toBe(e.countedWeight);
      expect(get("Weighted pace offset"), ctx).toBe(e.paceOffset);
    });
    let j = 0;
    tracker.objectives.forEach((o, i) => {
      const row = objRows[i];
      const get = (h: string) => cell(hf, TAB.objectives, OBJ_COLS, h, row);
      if (o.id === "") {
        for (const h of ["Score", "Expected", "Status"]) expect(get(h)).toBe("");
        return;
      }
      const e = ev.objectives[j++];
      expect(e.id).toBe(o.id);
      const ctx = JSON.stringify({ o, e, tracker, asOf });
      expect(get("Score"), ctx).toBe(e.score === null ? "" : e.score);
      expect(get("Expected"), ctx).toBe(e.expected);
      expect(get("Status"), ctx).toBe(e.status);
    });
  } finally {
    hf.destroy();
  }
}

/**
 * Trackers whose figures are decimals on a grid, often exactly on a threshold: the week falls on a whole
 * tenth/fifth/twentieth/quarter of the cycle, goals and thresholds are multiples of 0.05 and 0.1, and each
 * objective's KRs share a score that is its expected value minus a threshold (or one on the grid). Every
 * figure is known in units of 1e-4, so the status the decimals call for is known exactly (`want`).
 */
const gridArb = fc
  .record({
    weeks: fc.constantFrom(4, 5, 10, 20),
    week: fc.integer({ min: 0, max: 22 }),
    goalTenths: fc.integer({ min: 5, max: 10 }),
    onTrackU: fc.constantFrom(0, 500, 1000, 1500, 2000),
    atRiskExtraU: fc.constantFrom(0, 500, 1000, 1500),
    objectives: fc.array(
      fc.record({
        aspirational: fc.boolean(),
        score: fc.oneof(fc.constantFrom("onTrack", "atRisk"), fc.integer({ min: 0, max: 100 }).map((n) => n * 100)),
        krs: fc.array(
          fc.record({ form: fc.constantFrom("milestone", "increase", "decrease", "tenths"), weight: fc.constantFrom(null, 1, 2, 0) }),
          { minLength: 0, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((g) => {
    const startDate = "2026-01-05";
    const elapsedU = (Math.min(g.week, g.weeks) * 10000) / g.weeks;
    const onU = g.onTrackU;
    const riskU = g.onTrackU + g.atRiskExtraU;
    const settings: Settings = {
      cycleName: "Grid", startDate, weeks: g.weeks, cadence: "weekly", weekday: "Monday", onTrackGap: onU / 10000,
      atRiskGap: riskU / 10000, aspirationalGoal: g.goalTenths / 10, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    };
    const want = (gapTimesW: number, w: number) => (gapTimesW <= onU * w ? "On track" : gapTimesW <= riskU * w ? "At risk" : "Off track");
    const objectives: Objective[] = [];
    const keyResults: KeyResult[] = [];
    const wantKr = new Map<string, string>();
    const wantObj = new Map<string, string>();
    g.objectives.forEach((o, i) => {
      const id = `O${i + 1}`;
      objectives.push({ row: i + 2, id, title: id, owner: "", team: "", parentId: "", type: o.aspirational ? "aspirational" : "committed", pnlLink: "none" });
      const eU = (elapsedU * (o.aspirational ? g.goalTenths : 10)) / 10;
      const sU = Math.max(0, o.score === "onTrack" ? eU - onU : o.score === "atRisk" ? eU - riskU : o.score);
      let w = 0;
      o.krs.forEach((k) => {
        const kid = `KR${keyResults.length + 1}`;
        const [start, target, current] =
          k.form === "milestone" ? [0, 1, sU / 10000]
          : k.form === "increase" ? [0, 100, sU / 100]
          : k.form === "decrease" ? [100, 0, 100 - sU / 100]
          : [0, 10, sU / 1000];
        keyResults.push({
          row: keyResults.length + 2, id: kid, objectiveId: id, title: kid, owner: "", metric: k.form === "tenths" ? "increase" : k.form,
          unit: "", start, target, weight: k.weight, current, confidence: null, lastCheckin: "2026-01-05",
        });
        wantKr.set(kid, want(eU - sU, 1));
        w += k.weight ?? 1;
      });
      wantObj.set(id, o.krs.length === 0 ? "No key results" : w === 0 ? "Setup error" : want(eU - sU, 1));
    });
    return { tracker: { settings, objectives, keyResults } as Tracker, asOf: addDays(startDate, 7 * g.week), wantKr, wantObj };
  });

describe("on a decimal grid, a gap exactly on a threshold gets the better status, in the sheet as in TypeScript", () => {
  it("grid trackers", () => {
    const borders = { kr: 0, objective: 0 };
    const runs = Number(process.env.OKR_PROPERTY_RUNS || 300);
    fc.assert(
      fc.property(gridArb, ({ tracker, asOf, wantKr, wantObj }) => {
        compare(tracker, asOf);
        const ev = evaluateTracker(tracker, asOf);
        for (const k of ev.krs) expect(k.status, `${k.id} ${JSON.stringify({ tracker, asOf })}`).toBe(wantKr.get(k.id));
        for (const o of ev.objectives) expect(o.status, `${o.id} ${JSON.stringify({ tracker, asOf })}`).toBe(wantObj.get(o.id));
        // How often the gap is a threshold in decimals but beyond it in floating point (0.10000000000000009).
        const s = tracker.settings;
        const beyond = (score: number | null, expected: number) => {
          const gap = expected - (score as number);
          const gapU = Math.round(gap * 1e4);
          return score !== null && ((gapU === Math.round(s.onTrackGap * 1e4) && gap > s.onTrackGap) || (gapU === Math.round(s.atRiskGap * 1e4) && gap > s.atRiskGap));
        };
        borders.kr += ev.krs.filter((k) => beyond(k.score, k.expected)).length;
        borders.objective += ev.objectives.filter((o) => beyond(o.score, o.expected)).length;
      }),
      { numRuns: runs },
    );
    // Not vacuous: many gaps are a threshold that floating point puts beyond it.
    expect(borders.kr).toBeGreaterThan(runs / 6);
    expect(borders.objective).toBeGreaterThan(runs / 15);
  }, 600_000);
});

describe("sheet formulas agree exactly with evaluateTracker (HyperFormula)", () => {
  it("random trackers", () => {
    fc.assert(
      fc.property(trackerArb, ({ tracker, asOf }) => compare(tracker, asOf)),
      { numRuns: Number(process.env.OKR_PROPERTY_RUNS || 300) },
    );
    // The generator reaches every status (so the comparison above is not vacuous).
    for (const st of ["On track", "At risk", "Off track", "Not started", "Setup error"]) {
      expect(seen.get(`kr ${st}`) ?? 0, `kr ${st}`).toBeGreaterThan(5);
      expect(seen.get(`objective ${st}`) ?? 0, `objective ${st}`).toBeGreaterThan(2);
    }
    expect(seen.get("objective No key results") ?? 0).toBeGreaterThan(2);
    for (const k of ["kr paced from its own day", "kr counts-from error"]) expect(seen.get(k) ?? 0, k).toBeGreaterThan(5);
    // An objective is paced apart only when a dated KR of it counts and the day is inside the cycle: 6 to 17
    // in 300 runs (20 seeds measured), so more than 5 failed about one run in 20 (CI, session 14). Any at all
    // shows the comparison is not vacuous; test/core/countsFrom.test.ts checks such objectives by hand.
    expect(seen.get("objective paced apart") ?? 0, "objective paced apart").toBeGreaterThan(0);
  }, 600_000);
});

import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { SETUP_ERRORS, krScore, statusFromGap } from "../../src/core/scoring";
import { evaluateTracker } from "../../src/core/evaluate";
import type { KeyResult, Objective, Settings, Tracker } from "../../src/core/model";

describe("krScore", () => {
  it("increase", () => {
    expect(krScore("increase", 10, 20, 15)).toEqual({ score: 0.5, error: null });
    expect(krScore("increase", 10, 20, 25)).toEqual({ score: 1, error: null }); // beyond target
    expect(krScore("increase", 10, 20, 5)).toEqual({ score: 0, error: null }); // below start
    expect(krScore("increase", 10, 20, null)).toEqual({ score: 0, error: null }); // no check-in: c = s
    expect(krScore("increase", -10, 10, 0)).toEqual({ score: 0.5, error: null }); // negatives
    // Held to SCORE_DECIMALS (12), as the Score formula's ROUND holds it (session 19; was 1 / 3 unrounded).
    expect(krScore("increase", 0, 3, 1).score).toBe(0.333333333333);
  });
  it("a score at an exact half in decimals is that decimal, not its float-noise neighbour (session 19)", () => {
    // (12 − 11.3) / 4 is 0.17499999999999982 unrounded: a 0.00 cell and the texts disagreed on 0.17 / 0.18.
    expect((12 - 11.3) / 4).not.toBe(0.175);
    expect(krScore("decrease", 12, 8, 11.3).score).toBe(0.175);
    expect(krScore("decrease", 12, 8, 11.8).score).toBe(0.05);
  });
  it("decrease", () => {
    expect(krScore("decrease", 20, 10, 15)).toEqual({ score: 0.5, error: null });
    expect(krScore("decrease", 20, 10, 5)).toEqual({ score: 1, error: null });
    expect(krScore("decrease", 20, 10, 30)).toEqual({ score: 0, error: null });
    expect(krScore("decrease", 0, -4, -1)).toEqual({ score: 0.25, error: null });
    expect(krScore("decrease", 20, 10, null)).toEqual({ score: 0, error: null });
  });
  it("start = target and non-numeric start/target are setup errors", () => {
    expect(krScore("increase", 5, 5, 7)).toEqual({ score: null, error: SETUP_ERRORS.startEqualsTarget });
    expect(krScore("decrease", 0, 0, null)).toEqual({ score: null, error: SETUP_ERRORS.startEqualsTarget });
    expect(krScore("increase", null, 5, 7)).toEqual({ score: null, error: SETUP_ERRORS.startTarget });
    expect(krScore("decrease", 5, null, 7)).toEqual({ score: null, error: SETUP_ERRORS.startTarget });
    expect(krScore("increase", NaN, 5, 7)).toEqual({ score: null, error: SETUP_ERRORS.startTarget });
    expect(SETUP_ERRORS.startEqualsTarget).toBe("Setup error: start equals target");
  });
  it("stay metrics", () => {
    expect(krScore("stay_above", 0, 95, 95).score).toBe(1);
    expect(krScore("stay_above", 0, 95, 94.9).score).toBe(0);
    expect(krScore("stay_below", 0, 5, 5).score).toBe(1);
    expect(krScore("stay_below", 0, 5, 6).score).toBe(0);
    expect(krScore("stay_above", 99, 95, null).score).toBe(1); // c = start
    expect(krScore("stay_above", null, 95, null).score).toBe(0); // no value at all
    expect(krScore("stay_below", null, 5, null).score).toBe(0);
    expect(krScore("stay_below", null, 5, 1).score).toBe(1); // start not needed
    expect(krScore("stay_above", 1, null, 1)).toEqual({ score: null, error: SETUP_ERRORS.target });
  });
  it("milestone", () => {
    expect(krScore("milestone", null, null, 0.4).score).toBe(0.4);
    expect(krScore("milestone", null, null, 1.5).score).toBe(1);
    expect(krScore("milestone", null, null, -1).score).toBe(0);
    expect(krScore("milestone", 0.2, 99, null).score).toBe(0.2); // c = start, target ignored
    expect(krScore("milestone", null, null, null).score).toBe(0);
    expect(krScore("milestone", 1, 1, null).score).toBe(1); // start = target is no error here
  });
  it("metric text is case-insensitive and trimmed; unknown metric is an error", () => {
    expect(krScore(" Increase ", 0, 10, 5).score).toBe(0.5);
    expect(krScore("STAY_BELOW", 0, 10, 5).score).toBe(1);
    expect(krScore("grow", 0, 10, 5)).toEqual({ score: null, error: SETUP_ERRORS.unknownMetric });
    expect(krScore("", 0, 10, 5).error).toBe(SETUP_ERRORS.unknownMetric);
    expect(krScore("increase\t", 0, 10, 5).error).toBe(SETUP_ERRORS.unknownMetric); // TRIM keeps tabs
  });
  it("gap rule", () => {
    expect(statusFromGap(0.5, 0.6, 0.1, 0.25)).toBe("On track"); // gap 0.09999999999999998
    expect(statusFromGap(0.3, 0.5, 0.1, 0.25)).toBe("At risk");
    expect(statusFromGap(0.2, 0.5, 0.1, 0.25)).toBe("Off track"); // gap 0.3
    expect(statusFromGap(0.9, 0.5, 0.1, 0.25)).toBe("On track"); // ahead
    expect(statusFromGap(0.4, 0.5, 0, 0)).toBe("Off track");
  });
});

const settings = (over: Partial<Settings> = {}): Settings => ({
  cycleName: "C",
  startDate: "2026-01-05",
  weeks: 10,
  cadence: "weekly",
  weekday: "Monday",
  onTrackGap: 0.1,
  atRiskGap: 0.25,
  aspirationalGoal: 0.7,
  leaders: [],
  admins: [],
  emailDigest: false,
  ownerReminders: false,
  ...over,
});
let row = 2;
const obj = (id: string, type: Objective["type"] = "committed"): Objective => ({
  row: row++,
  id,
  title: id,
  owner: "",
  team: "",
  parentId: "",
  type,
  pnlLink: "none",
});
const kr = (id: string, objectiveId: string, o: Partial<KeyResult> = {}): KeyResult => ({
  row: row++,
  id,
  objectiveId,
  title: id,
  owner: "x@y.z",
  metric: "increase",
  unit: "",
  start: 0,
  target: 10,
  weight: null,
  current: null,
  confidence: null,
  lastCheckin: null,
  ...o,
});
const checked = (current: number, o: Partial<KeyResult> = {}): Partial<KeyResult> => ({ current, lastCheckin: "2026-01-10", ...o });

describe("evaluateTracker", () => {
  // 10-week cycle from 2026-01-05; as of 2026-02-09 (35 days) elapsed = 0.5.
  const asOf = "2026-02-09";

  it("KR expected, status and objective weighted mean", () => {
    const t: Tracker = {
      settings: settings(),
      objectives: [obj("O1")],
      keyResults: [kr("K1", "O1", checked(5)), kr("K2", "O1", checked(2, { weight: 3 })), kr("K3", "O1", checked(10, { weight: 0 }))],
    };
    const e = evaluateTracker(t, asOf);
    expect(e.elapsed).toBe(0.5);
    expect(e.krs.map((k) => [k.score, k.expected, k.status, k.weight])).toEqual([
      [0.5, 0.5, "On track", 1],
      [0.2, 0.5, "Off track", 3],
      [1, 0.5, "On track", 0],
    ]);
    // (0.5×1 + 0.2×3 + 1×0) / (1 + 3 + 0); weight 0 excluded
    expect(e.objectives[0].score).toBe((0 + 0.5 + 0.6000000000000001 + 0) / 4);
    expect(e.objectives[0].status).toBe("At risk");
    expect(e.objectives[0].krIds).toEqual(["K1", "K2", "K3"]);
    expect(e.overall).toEqual({ score: e.objectives[0].score, expected: 0.5, status: "At risk" });
  });

  it("aspirational goal and thresholds from settings", () => {
    const t: Tracker = {
      settings: settings({ aspirationalGoal: 0.6, onTrackGap: 0, atRiskGap: 0.05 }),
      objectives: [obj("O1", "aspirational"), obj("O2")],
      keyResults: [kr("K1", "O1", checked(3)), kr("K2", "o2", checked(4.6)), kr("K3", "O9", checked(5))],
    };
    const e = evaluateTracker(t, asOf);
    expect(e.krs[0].goal).toBe(0.6);
    expect(e.krs[0].expected).toBe(0.3);
    expect(e.krs[0].status).toBe("On track"); // gap 0
    expect(e.krs[1].goal).toBe(1); // matched case-insensitively
    expect(e.krs[1].status).toBe("At risk"); // gap 0.04 ≤ 0.05
    expect(e.krs[2].goal).toBe(1); // unknown objective → committed
    expect(e.objectives[1].krIds).toEqual(["K2"]);
    expect(e.objectives[0].expected).toBe(0.3);
  });

  it("Not started, setup errors and no key results", () => {
    const t: Tracker = {
      settings: settings(),
      objectives: [obj("O1"), obj("O2"), obj("O3"), obj("O4")],
      keyResults: [
        kr("K1", "O1"), // no check-in
        kr("K2", "O1", { start: 5, target: 5, current: 7, lastCheckin: "2026-01-06" }), // setup error
        kr("K3", "O2", { start: 5, target: 5 }),
        kr("K4", "O4", checked(5, { weight: -1 })),
        kr("K5", "O4", checked(5, { weight: NaN })),
        kr("K6", "O4", checked(5, { metric: "bogus" as KeyResult["metric"] })),
        kr("", "O4", checked(5)), // blank ID: ignored
      ],
    };
    const e = evaluateTracker(t, asOf);
    expect(e.krs.map((k) => [k.id, k.status, k.error])).toEqual([
      ["K1", "Not started", null],
      ["K2", "Setup error", SETUP_ERRORS.startEqualsTarget],
      ["K3", "Setup error", SETUP_ERRORS.startEqualsTarget],
      ["K4", "Setup error", SETUP_ERRORS.weight],
      ["K5", "Setup error", SETUP_ERRORS.weight],
      ["K6", "Setup error", SETUP_ERRORS.unknownMetric],
    ]);
    expect(e.krs[0].score).toBe(0);
    expect(e.objectives.map((o) => [o.id, o.score, o.status])).toEqual([
      ["O1", 0, "Not started"], // the errored K2 is excluded; K1 has no check-in
      ["O2", null, "Setup error"],
      ["O3", null, "No key results"],
      ["O4", null, "Setup error"],
    ]);
    expect(e.overall).toEqual({ score: 0, expected: 0.5, status: "Not started" });
  });

  it("hand-typed Current without a check-in date counts as started", () => {
    const e = evaluateTracker({ settings: settings(), objectives: [obj("O1")], keyResults: [kr("K1", "O1", { current: 5 })] }, asOf);
    expect(e.krs[0].status).toBe("On track");
  });

  it("stay metric statuses", () => {
    const t: Tracker = {
      settings: settings(),
      objectives: [obj("O1")],
      keyResults: [
        kr("K1", "O1", checked(96, { metric: "stay_above", start: null, target: 95 })),
        kr("K2", "O1", checked(94, { metric: "stay_above", start: null, target: 95 })),
        kr("K3", "O1", { metric: "stay_below", start: 1, target: 5 }),
      ],
    };
    const e = evaluateTracker(t, "2026-01-05");
    expect(e.krs.map((k) => [k.score, k.status])).toEqual([
      [1, "On track"],
      [0, "Off track"], // even at elapsed 0
      [1, "Not started"],
    ]);
  });

  it("elapsed before/after the cycle, objective with all weights 0", () => {
    const t: Tracker = { settings: settings(), objectives: [obj("O1")], keyResults: [kr("K1", "O1", checked(1, { weight: 0 }))] };
    expect(evaluateTracker(t, "2025-12-01").elapsed).toBe(0);
    const e = evaluateTracker(t, "2027-01-01");
    expect(e.elapsed).toBe(1);
    expect(e.krs[0].expected).toBe(1);
    expect(e.krs[0].status).toBe("Off track");
    expect(e.objectives[0]).toMatchObject({ score: null, status: "Setup error" });
    expect(e.overall.status).toBe("Setup error");
  });

  it("no objectives at all", () => {
    const e = evaluateTracker({ settings: settings(), objectives: [], keyResults: [] }, asOf);
    expect(e.overall).toEqual({ score: null, expected: 0.5, status: "No key results" });
  });
});

describe("progress never overflows", () => {
  it("tiny start–target distances", () => {
    expect(krScore("increase", 0, 5e-324, 1e6).score).toBe(1);
    expect(krScore("increase", 0, 5e-324, -1e6).score).toBe(0);
    expect(krScore("decrease", 5e-324, 0, -1e6).score).toBe(1);
    expect(krScore("increase", 0, -5e-324, -1e6).score).toBe(1); // "increase" towards a lower target
    expect(krScore("increase", 0, -4, -1).score).toBe(0.25);
  });
});

import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { krFormulas, objectiveFormulas, columnLetter } from "../../src/core/formulas";
import { evaluateTracker } from "../../src/core/evaluate";
import type { KeyResult, Tracker } from "../../src/core/model";
import { TAB } from "../../src/core/tabs";
import { KR_COLS, OBJ_COLS, buildWorkbook, cell } from "./harness";

const settings: Tracker["settings"] = {
  cycleName: "C", startDate: "2026-01-05", weeks: 10, cadence: "weekly", weekday: "Monday",
  onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
};
const kr = (row: number, id: string, o: Partial<KeyResult>): KeyResult => ({
  row, id, objectiveId: "O1", title: id, owner: "", metric: "increase", unit: "", start: 0, target: 10,
  weight: null, current: null, confidence: null, lastCheckin: null, ...o,
});

describe("formulas", () => {
  it("column letters and formula shape", () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702)]).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    const f = krFormulas(7, KR_COLS, OBJ_COLS);
    for (const v of Object.values(f)) {
      expect(v.startsWith('=IF(LEN($A7)=0,"",')).toBe(true);
      expect(v).not.toMatch(/IFS\(|SWITCH|LET\(|ARRAYFORMULA|TRUE|FALSE/);
    }
    expect(objectiveFormulas(3, OBJ_COLS, KR_COLS).Score).toContain("SUMIF('Key Results'!$B:$B,$A3,'Key Results'!$Q:$Q)");
  });

  it("shows setup errors and statuses in the sheet as evaluateTracker does", () => {
    const t: Tracker = {
      settings,
      objectives: [
        { row: 2, id: "O1", title: "", owner: "", team: "", parentId: "", type: "aspirational", pnlLink: "none" },
        { row: 3, id: "O2", title: "", owner: "", team: "", parentId: "", type: "committed", pnlLink: "none" },
      ],
      keyResults: [
        kr(2, "K1", { current: 3, lastCheckin: "2026-01-06" }),
        kr(3, "K2", { start: 4, target: 4, lastCheckin: "2026-01-06" }),
        kr(4, "K3", { weight: NaN }),
        kr(5, "K4", { metric: " Stay_Below " as KeyResult["metric"], start: null, target: 5, current: 6, lastCheckin: "2026-01-06" }),
      ],
    };
    const asOf = "2026-02-09";
    const { hf, krRows, objRows } = buildWorkbook(t, asOf, { krRaw: new Map([[t.keyResults[2], { Weight: "two" }]]) });
    const k = (h: string, i: number) => cell(hf, TAB.keyResults, KR_COLS, h, krRows[i]);
    const o = (h: string, i: number) => cell(hf, TAB.objectives, OBJ_COLS, h, objRows[i]);
    expect([k("Score", 0), k("Expected", 0), k("Status", 0)]).toEqual([0.3, 0.35, "On track"]);
    expect([k("Score", 1), k("Status", 1)]).toEqual(["Setup error: start equals target", "Setup error"]);
    expect([k("Score", 2), k("Status", 2), k("Counted weight", 2)]).toEqual(["Setup error: weight must be a number, 0 or more", "Setup error", 0]);
    expect([k("Score", 3), k("Status", 3)]).toEqual([0, "Off track"]);
    expect([o("Score", 0), o("Expected", 0), o("Status", 0)]).toEqual([0.15, 0.35, "At risk"]);
    expect([o("Score", 1), o("Status", 1)]).toEqual(["", "No key results"]);
    const e = evaluateTracker(t, asOf);
    expect(e.objectives.map((x) => [x.score, x.expected, x.status])).toEqual([[0.15, 0.35, "At risk"], [null, 0.5, "No key results"]]);
    hf.destroy();
  });
});

// The one rule for matching a KR to its objective (core/objectiveKey.ts) is the sheet's: for objective IDs and
// KRs' Objective IDs typed with spaces around them and in any case, the tracker's formulas, evaluated by the
// offline spreadsheet's engine, put each KR in the objective objectiveKey puts it in: its Objective owner cell
// (MATCH, server/setupFormulas.ts) names that objective's owner, and each objective's Score and Status (SUMIF,
// COUNTIFS, core/formulas.ts) are evaluateTracker's, which groups the KRs by objectiveKey.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import { evaluateTracker } from "../../src/core/evaluate";
import type { KeyResult, Objective, Tracker } from "../../src/core/model";
import { objectiveKey } from "../../src/core/objectiveKey";
import { TAB } from "../../src/core/tabs";
import { krRowFormulas } from "../../src/server/setupFormulas";
import { KR_ALL, KR_COLS, OBJ_COLS, buildWorkbook, cell } from "../core/harness";

// An ID starts with a letter (one that looks like a number or a date is read as one: docs/scoring.md), then
// letters, digits, dots and single spaces; typed with spaces around it, and its letters in any case.
const core = fc
  .tuple(fc.constantFrom("O", "o", "K", "k"), fc.array(fc.constantFrom("1", "2", "a", "B", ".", " "), { maxLength: 4 }))
  .map(([a, rest]) => (a + rest.join("")).replace(/ +/g, " ").trim());
const spaces = fc.constantFrom("", "", "", " ", "  ");
const typed = (id: string) =>
  fc.tuple(spaces, fc.array(fc.boolean(), { minLength: id.length, maxLength: id.length }), spaces).map(([before, flips, after]) =>
    before + Array.from(id, (c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join("") + after,
  );

const caseArb = fc.array(core, { minLength: 1, maxLength: 4 }).chain((ids) =>
  fc.record({
    objectives: fc.tuple(...ids.map(typed)),
    krs: fc.array(fc.tuple(fc.integer({ min: 0, max: ids.length }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 8 }).chain((picks) =>
      fc.tuple(...picks.map(([p, score]) => fc.tuple(p < ids.length ? typed(ids[p]) : fc.constant("Z9"), fc.constant(score)))),
    ),
  }),
);

function trackerOf(objectiveIds: string[], krs: [string, number][]): Tracker {
  const objectives: Objective[] = objectiveIds.map((id, i) => ({
    row: i + 2, id, title: `Objective ${i + 1}`, owner: `owner${i + 1}@example.com`, team: "", parentId: "", type: "committed", pnlLink: "none",
  }));
  const keyResults: KeyResult[] = krs.map(([objectiveId, v], i) => ({
    row: i + 2, id: `KR${i + 1}`, objectiveId, title: `KR ${i + 1}`, owner: "b@example.com", metric: "increase", unit: "",
    start: 0, target: 20, weight: 1 + (i % 3), current: v, confidence: null, lastCheckin: "2026-01-08",
  }));
  return {
    settings: {
      cycleName: "Cycle", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday", onTrackGap: 0.1, atRiskGap: 0.25,
      aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    },
    objectives,
    keyResults,
  };
}

describe("objectiveKey and the sheet's formulas", () => {
  it("put every KR in the same objective, whatever spaces and case its ID and its objective's are typed with", () => {
    let spacedMatches = 0;
    let spacedMisses = 0;
    fc.assert(
      fc.property(caseArb, ({ objectives, krs }) => {
        const tracker = trackerOf(objectives, krs);
        const asOf = "2026-01-20";
        const { hf, krRows, objRows } = buildWorkbook(tracker, asOf);
        try {
          // The Objective owner column as setup writes it (only Score and its kin are the harness's).
          const ownerCol = KR_ALL.indexOf("Objective owner");
          const sheet = hf.getSheetId(TAB.keyResults)!;
          for (const row of krRows) hf.setCellContents({ sheet, col: ownerCol, row: row - 1 }, krRowFormulas(row, KR_COLS, OBJ_COLS)["Objective owner"]);
          tracker.keyResults.forEach((kr, i) => {
            const first = tracker.objectives.find((o) => objectiveKey(o.id) === objectiveKey(kr.objectiveId));
            const ctx = JSON.stringify({ kr: kr.objectiveId, objectives });
            expect(cell(hf, TAB.keyResults, KR_COLS, "Objective owner", krRows[i]), ctx).toBe(first ? first.owner : "");
            const spaced = tracker.objectives.some((o) => o.id.trim().toLowerCase() === kr.objectiveId.trim().toLowerCase() && o.id !== kr.objectiveId);
            if (spaced && first) spacedMatches++;
            if (spaced && !first) spacedMisses++;
          });
          const ev = evaluateTracker(tracker, asOf);
          tracker.objectives.forEach((o, i) => {
            const e = ev.objectives[i];
            const ctx = JSON.stringify({ o: o.id, krs });
            expect(cell(hf, TAB.objectives, OBJ_COLS, "Score", objRows[i]), ctx).toBe(e.score === null ? "" : e.score);
            expect(cell(hf, TAB.objectives, OBJ_COLS, "Status", objRows[i]), ctx).toBe(e.status);
          });
        } finally {
          hf.destroy();
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: IDs differing from their objective's in spaces (no match) and in case only (a match).
    expect(spacedMisses).toBeGreaterThan(5);
    expect(spacedMatches).toBeGreaterThan(5);
  });
});

// The import's optional counts_from column (core/importRowCheck.ts; docs/cli.md "OKR import CSV"): the day a
// KR's pace counts from (docs/scoring.md#a-kr-added-mid-cycle), read as every date the CLI reads
// (core/dates.ts unambiguousDate); text that is not a date, or a day after the cycle's last, refuses the
// whole import naming the row, as the sheet would otherwise show a setup error.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import { planImport, type ImportPlan } from "../../src/core/importRows";
import { addDays, cycleLastDay, dateRefusal, unambiguousDate } from "../../src/core/dates";

const H = ["objective", "key_result", "owner", "metric", "start", "target", "Counts from"];
const CYCLE = { start: "2026-01-05", weeks: 13 };
const LAST = cycleLastDay(CYCLE.start, CYCLE.weeks);
const existing = { objectiveIds: [], krIds: [], cycle: CYCLE };
const row = (title: string, day: unknown) => ["Ship", title, "a@x.com", "increase", "0", "10", day];

const okPlan = (p: ImportPlan) => {
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p;
};

describe("counts_from in the import", () => {
  it("a day in any form the CLI reads is the KR's, as YYYY-MM-DD; a blank cell or no column is null (the import then dates it)", () => {
    const p = okPlan(planImport([H, row("A", "2026-02-16"), row("B", "16.02.2026"), row("C", "2026/02/16"), row("D", ""), row("E", " 2026-03-02 ")], existing));
    expect(p.keyResults.map((k) => [k.title, k.countsFrom])).toEqual([["A", "2026-02-16"], ["B", "2026-02-16"], ["C", "2026-02-16"], ["D", null], ["E", "2026-03-02"]]);
    const without = okPlan(planImport([H.slice(0, 6), row("A", "").slice(0, 6)], existing));
    expect(without.keyResults[0].countsFrom).toBeNull();
    expect(without.warnings).toEqual([]);
  });

  it("text that is not a date is refused on its row with the CLI's reason; nothing is planned", () => {
    for (const bad of ["next week", "01/02/2026", "2026-02-30", "46069"]) {
      const p = planImport([H, row("A", "2026-02-16"), row("B", bad)], existing);
      expect(p.ok, bad).toBe(false);
      if (p.ok) continue;
      expect(p.errors, bad).toEqual([{ row: 3, reason: `counts_from "${bad}" is not a date okr-sheets can read: ${dateRefusal(bad)}.` }]);
    }
  });

  it("any day up to the cycle's last is kept as given (on or before the start counts from the start); a later one is refused naming that day", () => {
    const days = fc.integer({ min: -60, max: 7 * CYCLE.weeks + 60 }).map((n) => addDays(CYCLE.start, n));
    fc.assert(
      fc.property(days, fc.integer({ min: 2, max: 4 }), (day, at) => {
        const table = [H, ...Array.from({ length: at - 2 }, (_, i) => row(`K${i}`, "")), row("X", day)];
        const p = planImport(table, existing);
        if (day <= LAST) {
          expect(okPlan(p).keyResults[at - 2].countsFrom).toBe(day);
        } else {
          expect(p.ok).toBe(false);
          if (!p.ok) expect(p.errors).toEqual([{ row: at, reason: `counts_from ${day} is after the cycle's last day (${LAST}): use a day of the cycle, or leave it blank.` }]);
        }
      }),
    );
  });

  it("with no cycle known (Settings that do not parse) a readable day is kept, and Repair's setup error shows a late one", () => {
    const late = addDays(LAST, 10);
    const p = okPlan(planImport([H, row("A", late)], { objectiveIds: [], krIds: [] }));
    expect(p.keyResults[0].countsFrom).toBe(unambiguousDate(late));
  });

  it("errors on several rows are all named, with the other columns' errors", () => {
    const p = planImport([H, row("A", "soon"), ["Ship", "B", "a@x.com", "grow", "0", "10", addDays(LAST, 1)]], existing);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors.map((e) => [e.row, e.reason.split(" ").slice(0, 3).join(" ")])).toEqual([[2, 'counts_from "soon" is'], [3, 'Unknown metric "grow"'], [3, `counts_from ${addDays(LAST, 1)} is`]]);
  });
});

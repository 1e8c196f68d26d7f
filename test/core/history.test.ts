import * as fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { applyHistoryPlan, planHistoryWrite } from "../../src/core/history";
import type { ExistingHistoryRow } from "../../src/core/history";
import type { HistoryEntry } from "../../src/core/model";

function weekRows(week: number, asOf: string, ids: string[], value = 1): HistoryEntry[] {
  return ids.map((krId) => ({ week, asOf, krId, value, score: 0.5, status: "On track" }));
}
function write(existing: ExistingHistoryRow[], week: number, rows: HistoryEntry[]): ExistingHistoryRow[] {
  return applyHistoryPlan(existing, planHistoryWrite(existing, week, rows));
}
const IDS = ["A", "B", "C"];

describe("planHistoryWrite", () => {
  it("appends to an empty History under the header", () => {
    const plan = planHistoryWrite([], 1, weekRows(1, "2026-01-05", IDS));
    expect(plan).toMatchObject({ mode: "append", startRow: 2, clearRows: 0 });
    expect(plan.rows).toHaveLength(3);
  });

  it("appends a new week after the last row", () => {
    const h1 = write([], 1, weekRows(1, "2026-01-05", IDS));
    const plan = planHistoryWrite(h1, 2, weekRows(2, "2026-01-12", IDS));
    expect(plan).toMatchObject({ mode: "append", startRow: 5, clearRows: 0 });
  });

  it("regenerating the same week replaces its rows instead of duplicating them", () => {
    let h = write([], 1, weekRows(1, "2026-01-05", IDS));
    h = write(h, 2, weekRows(2, "2026-01-12", IDS, 10));
    const plan = planHistoryWrite(h, 2, weekRows(2, "2026-01-14", IDS, 20));
    expect(plan).toMatchObject({ mode: "replace-tail", startRow: 5, clearRows: 0 });
    const after = applyHistoryPlan(h, plan);
    expect(after).toHaveLength(6);
    expect(after.filter((r) => r.week === 2).map((r) => [r.asOf, r.value])).toEqual([
      ["2026-01-14", 20],
      ["2026-01-14", 20],
      ["2026-01-14", 20],
    ]);
    expect(after.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("applying the same plan twice, or planning again, gives the same History (idempotent)", () => {
    let h = write([], 1, weekRows(1, "2026-01-05", IDS));
    h = write(h, 2, weekRows(2, "2026-01-12", IDS));
    const rows = weekRows(2, "2026-01-13", IDS, 5);
    const plan = planHistoryWrite(h, 2, rows);
    const once = applyHistoryPlan(h, plan);
    const twice = applyHistoryPlan(once, plan);
    expect(twice).toEqual(once);
    const again = write(once, 2, rows);
    expect(again).toEqual(once);
  });

  it("a week with fewer KRs now clears the freed rows at the bottom", () => {
    let h = write([], 1, weekRows(1, "2026-01-05", IDS));
    h = write(h, 2, weekRows(2, "2026-01-12", IDS));
    const plan = planHistoryWrite(h, 2, weekRows(2, "2026-01-13", ["A"]));
    expect(plan).toMatchObject({ mode: "replace-tail", startRow: 5, clearRows: 2 });
    const after = applyHistoryPlan(h, plan);
    expect(after.map((r) => `${r.week}${r.krId}@${r.row}`)).toEqual(["1A@2", "1B@3", "1C@4", "2A@5"]);
  });

  it("regenerating a week that is not the tail rewrites the block once and keeps later weeks", () => {
    let h = write([], 1, weekRows(1, "2026-01-05", IDS));
    h = write(h, 2, weekRows(2, "2026-01-12", IDS));
    h = write(h, 3, weekRows(3, "2026-01-19", IDS));
    const plan = planHistoryWrite(h, 2, weekRows(2, "2026-01-18", ["A", "B", "C", "D"], 9));
    expect(plan.mode).toBe("rewrite");
    expect(plan.startRow).toBe(5);
    expect(plan.rows.map((r) => `${r.week}${r.krId}`)).toEqual(["2A", "2B", "2C", "2D", "3A", "3B", "3C"]);
    expect(plan.clearRows).toBe(0);
    const after = applyHistoryPlan(h, plan);
    expect(after).toHaveLength(10);
    expect(after.filter((r) => r.week === 2)).toHaveLength(4);
    expect(after.filter((r) => r.week === 3)).toHaveLength(3);
    expect(applyHistoryPlan(after, planHistoryWrite(after, 2, weekRows(2, "2026-01-18", ["A", "B", "C", "D"], 9)))).toEqual(after);
  });

  it("removes scattered duplicates of the week (e.g. from an older version) in one pass", () => {
    const existing: ExistingHistoryRow[] = [
      { row: 2, week: 1, asOf: "2026-01-05", krId: "A", value: 1, score: 0, status: "On track" },
      { row: 3, week: 2, asOf: "2026-01-12", krId: "A", value: 1, score: 0, status: "On track" },
      { row: 4, week: 3, asOf: "2026-01-19", krId: "A", value: 1, score: 0, status: "On track" },
      { row: 5, week: 2, asOf: "2026-01-13", krId: "A", value: 1, score: 0, status: "On track" },
    ];
    const plan = planHistoryWrite(existing, 2, weekRows(2, "2026-01-14", ["A"]));
    expect(plan).toMatchObject({ mode: "rewrite", startRow: 3, clearRows: 1 });
    const after = applyHistoryPlan(existing, plan);
    expect(after.map((r) => `${r.week}@${r.row}:${r.asOf}`)).toEqual(["1@2:2026-01-05", "2@3:2026-01-14", "3@4:2026-01-19"]);
  });

  it("never touches rows above the week being written", () => {
    let h = write([], 1, weekRows(1, "2026-01-05", IDS, 7));
    h = write(h, 2, weekRows(2, "2026-01-12", IDS));
    const plan = planHistoryWrite(h, 2, weekRows(2, "2026-01-14", IDS));
    expect(plan.startRow).toBeGreaterThan(4);
  });
});

describe("planHistoryWrite properties", () => {
  it("replaces exactly week N, keeps every other row in order, stays contiguous, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ week: fc.integer({ min: 1, max: 6 }), krId: fc.constantFrom("A", "B", "C") }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.constantFrom("A", "B", "C", "D"), { maxLength: 5 }),
        (raw, week, ids) => {
          const existing: ExistingHistoryRow[] = raw.map((r, i) => ({ row: i + 2, week: r.week, asOf: "2026-01-01", krId: r.krId, value: i, score: null, status: "x" }));
          const fresh = weekRows(week, "2026-02-02", ids, 99);
          const after = applyHistoryPlan(existing, planHistoryWrite(existing, week, fresh));
          const others = (rows: HistoryEntry[]) => rows.filter((r) => r.week !== week).map((r) => `${r.week}${r.krId}${r.value}`);
          expect(others(after)).toEqual(others(existing));
          expect(after.filter((r) => r.week === week).map((r) => `${r.krId}${r.value}${r.asOf}`)).toEqual(ids.map((id) => `${id}992026-02-02`));
          expect(after.map((r) => r.row)).toEqual(after.map((_, i) => i + 2));
          expect(applyHistoryPlan(after, planHistoryWrite(after, week, fresh))).toEqual(after);
        },
      ),
      { numRuns: 300 },
    );
  });
});

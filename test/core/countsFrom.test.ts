// A KR's own start of pace (core/countsFrom.ts): the edges a user meets, as numbers.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { countsFromBad, krElapsed } from "../../src/core/countsFrom";
import { addDays, elapsed, serialFromIso } from "../../src/core/dates";
import { evaluateTracker } from "../../src/core/evaluate";
import type { Tracker } from "../../src/core/model";
import { TAB } from "../../src/core/tabs";
import { coreKr, coreSettings } from "../support/coreTracker";
import { buildWorkbook, cell, KR_COLS, OBJ_COLS } from "./harness";

const START = "2026-01-05"; // 13 weeks: the last day is 2026-04-05, the end (exclusive) 2026-04-06
const day = (iso: string) => serialFromIso(iso);

describe("krElapsed", () => {
  it("blank, text, or a day on or before the start is the cycle's elapsed, bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 120 }), fc.integer({ min: 1, max: 52 }), fc.integer({ min: -400, max: 0 }), (d, weeks, before) => {
        const asOf = addDays(START, d);
        const want = elapsed(asOf, START, weeks);
        for (const cf of [null, undefined, "", "soon", day(addDays(START, before)), day(addDays(START, before)) + 0.75]) {
          expect(krElapsed(asOf, START, weeks, cf)).toBe(want);
        }
      }),
    );
  });

  it("a KR added on day 42 of 91 is at 0 that day, 28/49 on day 70, 1 from the cycle's end; a time of day is dropped", () => {
    const from = day("2026-02-16");
    expect(krElapsed("2026-02-16", START, 13, from)).toBe(0);
    expect(krElapsed("2026-02-10", START, 13, from)).toBe(0);
    expect(krElapsed("2026-03-16", START, 13, from)).toBe(28 / 49);
    expect(krElapsed("2026-03-16", START, 13, from + 0.6)).toBe(28 / 49);
    expect(krElapsed("2026-04-06", START, 13, from)).toBe(1);
    // Added on the last day: 0 that day, 1 the next.
    expect([krElapsed("2026-04-05", START, 13, day("2026-04-05")), krElapsed("2026-04-06", START, 13, day("2026-04-05"))]).toEqual([0, 1]);
  });
});

describe("countsFromBad", () => {
  it("text and a date after the cycle's last day are setup errors; blank, earlier days and the last day are not", () => {
    expect([null, undefined, "", day("2025-06-01"), day(START), day("2026-04-05"), day("2026-04-05") + 0.9].map((cf) => countsFromBad(cf, START, 13))).toEqual([false, false, false, false, false, false, false]);
    expect([" ", "next week", day("2026-04-06"), day("2027-01-01")].map((cf) => countsFromBad(cf, START, 13))).toEqual([true, true, true, true]);
  });
});

describe("the sheet (HyperFormula) and evaluateTracker agree on the review's edges", () => {
  it("numbers that are no date (5, −3.5, 1e9, 1e15), a date with a time, the last day, weight 0, an objective whose only KR is dated, aspirational", () => {
    const cfs: (number | string | null)[] = [5, -3.5, 1e9, 1e15, day("2026-02-16") + 0.99, day("2026-04-05"), day("2026-04-05") + 0.5, "", null];
    const keyResults = cfs.map((cf, i) => ({ ...coreKr(i + 2, `O${(i % 3) + 1}.KR${i + 1}`, "increase", 0, 10, i, "2026-03-02"), countsFrom: cf, weight: i === 4 ? 0 : null }));
    // O4's only KR is dated: its Expected is that KR's.
    keyResults.push({ ...coreKr(11, "O4.KR1", "increase", 0, 10, 3, "2026-03-02"), countsFrom: day("2026-02-16"), weight: 2 });
    const objectives = ["committed", "aspirational", "committed", "aspirational"].map((type, i) => ({
      row: i + 2, id: `O${i + 1}`, title: `Objective ${i + 1}`, owner: "o@example.com", team: "", parentId: "", pnlLink: "", type: type as "committed" | "aspirational",
    }));
    const tracker: Tracker = { settings: coreSettings(), objectives, keyResults };
    for (const asOf of ["2026-01-05", "2026-02-16", "2026-03-16", "2026-04-05", "2026-04-06"]) {
      const ev = evaluateTracker(tracker, asOf);
      const { hf, krRows, objRows } = buildWorkbook(tracker, asOf);
      try {
        ev.krs.forEach((e, i) => {
          const get = (h: string) => cell(hf, TAB.keyResults, KR_COLS, h, krRows[i]);
          const ctx = `${asOf} ${e.id}`;
          expect(get("Score"), ctx).toBe(e.score === null ? e.error : e.score);
          expect([get("Expected"), get("Status"), get("Weighted pace offset")], ctx).toEqual([e.expected, e.status, e.paceOffset]);
        });
        ev.objectives.forEach((o, i) => {
          const get = (h: string) => cell(hf, TAB.objectives, OBJ_COLS, h, objRows[i]);
          expect([get("Score"), get("Expected"), get("Status")], `${asOf} ${o.id}`).toEqual([o.score ?? "", o.expected, o.status]);
        });
        // 1e9 and 1e15 are after the cycle's end: setup errors; 5 and −3.5 count from the start.
        expect(ev.krs.map((k) => k.error === null)).toEqual([true, true, false, false, true, true, true, true, true, true]);
        const o4 = ev.objectives[3];
        expect(o4.expected).toBeCloseTo(ev.krs[9].expected, 15);
      } finally {
        hf.destroy();
      }
    }
  });
});

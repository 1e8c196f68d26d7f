// A KR's own start of pace (core/countsFrom.ts): the edges a user meets, as numbers.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { countsFromBad, krElapsed } from "../../src/core/countsFrom";
import { addDays, elapsed, serialFromIso } from "../../src/core/dates";

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

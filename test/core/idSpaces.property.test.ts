// The trims Repair makes to IDs typed with spaces around them (core/idSpaces.ts), for any IDs: nothing
// counted is orphaned, no two objectives are merged, and what is left spaced is what could not be trimmed.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { newlyCounted, planIdTrims, type IdTrim } from "../../src/core/idSpaces";
import { objectiveKey } from "../../src/core/objectiveKey";

// Few letters and spaces, so that the same ID typed with and without spaces, in two cases, is common.
const id = fc.oneof(
  fc.constantFrom("", " ", "O1", "o1", "O1 ", " O1", " o1  ", "O2", "O2 ", "\tO2", "O3"),
  fc.tuple(fc.constantFrom("", " ", "  "), fc.constantFrom("O1", "O2", "x y"), fc.constantFrom("", " ")).map(([a, b, c]) => a + b + c),
  fc.integer({ min: 1, max: 3 }),
);
const input = fc.record({
  objectives: fc.array(id, { maxLength: 6 }),
  krs: fc.array(fc.tuple(id, id), { maxLength: 8 }),
  // A formula in an ID's row is rare: one row in four here, so most inputs trim something.
  fixedObjectives: fc.array(fc.constantFrom(false, false, false, true), { minLength: 6, maxLength: 6 }),
  fixedKrs: fc.array(fc.constantFrom(false, false, false, true), { minLength: 8, maxLength: 8 }),
});

const after = (v: readonly unknown[], t: readonly IdTrim[]) => v.map((x, i) => (t[i] !== null ? t[i] : x));
const present = (v: unknown) => String(v ?? "").trim() !== "";
/** The Objectives rows a KR's objective ID names, as the sheet's MATCH and SUMIF do. */
const named = (objectives: readonly unknown[], kr: unknown) =>
  objectives.map((o, i) => (present(o) && present(kr) && objectiveKey(o) === objectiveKey(kr) ? i : -1)).filter((i) => i >= 0);

describe("planIdTrims", () => {
  it("a KR counted for an objective is counted for it after, and newlyCounted names the KRs that counted for none", () => {
    fc.assert(
      fc.property(input, ({ objectives, krs, fixedObjectives, fixedKrs }) => {
        const t = planIdTrims(objectives, krs.map((k) => k[0]), krs.map((k) => k[1]), { objectives: (i) => fixedObjectives[i], krs: (i) => fixedKrs[i] });
        const objAfter = after(objectives, t.objectives);
        const krAfter = after(krs.map((k) => k[1]), t.krObjectives);
        const gained: number[] = [];
        krs.forEach(([, o], i) => {
          const was = named(objectives, o);
          const is = named(objAfter, krAfter[i]);
          for (const row of was) expect(is).toContain(row);
          if (!was.length && is.length) gained.push(i);
        });
        expect(newlyCounted(objectives, krs.map((k) => k[1]), t)).toEqual(gained);
      }),
      { numRuns: 2000 },
    );
  });

  it("merges no objectives, trims only IDs with spaces around them, and never a fixed row's", () => {
    fc.assert(
      fc.property(input, ({ objectives, krs, fixedObjectives, fixedKrs }) => {
        const t = planIdTrims(objectives, krs.map((k) => k[0]), krs.map((k) => k[1]), { objectives: (i) => fixedObjectives[i], krs: (i) => fixedKrs[i] });
        const objAfter = after(objectives, t.objectives);
        const distinct = (v: readonly unknown[]) => new Set(v.filter(present).map(objectiveKey)).size;
        expect(distinct(objAfter)).toBe(distinct(objectives));
        const trims = [...t.objectives.map((x, i) => [x, objectives[i]]), ...t.krIds.map((x, i) => [x, krs[i][0]]), ...t.krObjectives.map((x, i) => [x, krs[i][1]])];
        for (const [x, was] of trims) if (x !== null) expect([typeof was, x]).toEqual(["string", String(was).trim()]);
        for (const [x, was] of trims) if (x !== null) expect(x === "" || x !== was).toBe(true);
        t.objectives.forEach((x, i) => fixedObjectives[i] && expect(x).toBeNull());
        t.krObjectives.forEach((x, i) => fixedKrs[i] && expect([x, t.krIds[i]]).toEqual([null, null]));
      }),
      { numRuns: 2000 },
    );
  });

  it("trims a KR's own ID always, and an objective's with its KRs when no other objective has its trimmed ID", () => {
    const t = planIdTrims(["O1 ", "O2", " O2", "O3"], [" K1", "K2"], ["o1", "O2 "]);
    expect(t.objectives).toEqual(["O1", null, null, null]);
    expect(t.krIds).toEqual(["K1", null]);
    expect(t.krObjectives).toEqual([null, null]);
    expect(planIdTrims(["O1"], ["K1"], [" o1 "]).krObjectives).toEqual(["o1"]);
    // A fixed (formula) objective keeps its spaces, and the KR naming it with them keeps its own.
    expect(planIdTrims(["O1 "], ["K1"], ["O1 "], { objectives: () => true })).toEqual({ objectives: [null], krIds: [null], krObjectives: [null] });
    // A fixed KR keeps its objective ID, and so the objective it names with the same spaces keeps its own.
    expect(planIdTrims(["O1 ", "O2 "], ["K1", "K2 "], ["O1 ", "O2 "], { krs: (i) => i === 0 })).toEqual({ objectives: [null, "O2"], krIds: [null, "K2"], krObjectives: [null, "O2"] });
  });
});

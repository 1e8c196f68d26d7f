// test/support/fcUnits.ts's binaryUnit gives what fast-check's own "binary" unit gives: the same strings for
// the same seed, the same shrinking, and the same strings recognised as its own (fast-check's special strings).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "./support/expect";
import { binaryUnit, codePointOfIndex, indexOfCodePoint, LAST_INDEX } from "./support/fcUnits";

const SEEDS = [42, 854049743, -7];

describe("binaryUnit", () => {
  it("maps each of the 1,112,064 indices to its code point, in order, and back", () => {
    expect(LAST_INDEX + 1).toBe(1_112_064);
    let previous = -1;
    const wrong: number[] = [];
    for (let i = 0; i <= LAST_INDEX; i++) {
      const s = codePointOfIndex(i);
      const cp = s.codePointAt(0)!;
      if (!(cp > previous) || (cp >= 0xd800 && cp <= 0xdfff) || indexOfCodePoint(s) !== i) wrong.push(i);
      previous = cp;
    }
    expect(wrong).toEqual([]);
    expect([codePointOfIndex(0), codePointOfIndex(0xd7ff), codePointOfIndex(0xd800), codePointOfIndex(LAST_INDEX)]).toEqual(["\u0000", "\ud7ff", "\ue000", "\u{10ffff}"]);
  });

  it("generates fast-check's binary strings, seed for seed", () => {
    for (const seed of SEEDS) {
      expect(fc.sample(fc.string({ unit: binaryUnit, maxLength: 30 }), { seed, numRuns: 300 })).toEqual(fc.sample(fc.string({ unit: "binary", maxLength: 30 }), { seed, numRuns: 300 }));
      expect(fc.sample(fc.uniqueArray(fc.string({ unit: binaryUnit }), { minLength: 1, maxLength: 30 }), { seed, numRuns: 50 })).toEqual(
        fc.sample(fc.uniqueArray(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 30 }), { seed, numRuns: 50 }),
      );
    }
  });

  it("shrinks a failure to the same counterexample in the same steps", () => {
    const failing = (s: string) => s.length < 4 || !/[\u0080-\u{10ffff}]/u.test(s);
    for (const seed of SEEDS) {
      const ours = fc.check(fc.property(fc.string({ unit: binaryUnit, maxLength: 30 }), failing), { seed });
      const theirs = fc.check(fc.property(fc.string({ unit: "binary", maxLength: 30 }), failing), { seed });
      expect(ours.failed).toBe(true);
      expect([ours.counterexample, ours.numRuns, ours.numShrinks]).toEqual([theirs.counterexample, theirs.numRuns, theirs.numShrinks]);
    }
  });

  it("takes back exactly the strings fast-check's unit can make", () => {
    const ours = fc.string({ unit: binaryUnit });
    const theirs = fc.string({ unit: "binary" });
    for (const s of ["", "__proto__", "a\u0000b", "😀é", "\u{10ffff}", "\ud7ff\ue000", "\ud800", "x\udfff", "\udbff\udfff"]) {
      expect(ours.canShrinkWithoutContext(s), JSON.stringify(s)).toBe(theirs.canShrinkWithoutContext(s));
    }
    for (const v of [3, null, ["a"]]) expect(binaryUnit.canShrinkWithoutContext(v)).toBe(false);
  });

  it("is what every other test uses: fast-check's own unit costs each file using it ~1.8 s of CPU (scriptWords.test.ts's did)", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const own = readdirSync(here, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !["fcUnits.test.ts", join("support", "fcUnits.ts")].includes(f))
      .filter((f) => /unit:\s*["'`]binary["'`]/.test(readFileSync(join(here, f), "utf8")));
    expect(own).toEqual([]);
  });
});

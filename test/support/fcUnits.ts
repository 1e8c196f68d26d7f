// fast-check's string unit "binary" (any code point but a lone surrogate: fc.string({ unit: "binary" })), built
// as fast-check builds it: a nat over the code points, mapped to one and back. fast-check maps a value back
// through a Map of all 1,112,064 code points, which it builds in every test file using the unit (to try its
// special strings, "__proto__" and the like, as slices): ~1.8 s of CPU a file. Here the way back is arithmetic,
// so the same seed gives the same strings and the same shrinking (test/fcUnits.test.ts compares them).
import fc from "fast-check";

// A module constant: a global read in a test file's vm context costs ~50 times a local's (README "Testing").
const { fromCodePoint } = String;
const SURROGATES = 0xd800;
const SURROGATE_COUNT = 0xe000 - 0xd800;
/** The last index: the code points 0–0x10FFFF less the surrogates. */
export const LAST_INDEX = 0x10ffff - SURROGATE_COUNT;

/** The code point of index `i`, in order, the surrogates skipped. */
export const codePointOfIndex = (i: number): string => fromCodePoint(i < SURROGATES ? i : i + SURROGATE_COUNT);

/** The index of a one-code-point string; throws for anything else, as fast-check's unit does. */
export function indexOfCodePoint(value: unknown): number {
  if (typeof value !== "string") throw new Error("not a string");
  const cp = value.codePointAt(0);
  if (cp === undefined || fromCodePoint(cp) !== value || (cp >= SURROGATES && cp < SURROGATES + SURROGATE_COUNT)) throw new Error("not one code point");
  return cp < SURROGATES ? cp : cp - SURROGATE_COUNT;
}

/** Use as `fc.string({ unit: binaryUnit })`: the strings of `fc.string({ unit: "binary" })`. */
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: LAST_INDEX }).map(codePointOfIndex, indexOfCodePoint);

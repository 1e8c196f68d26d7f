// Jest's expect, taking an optional second argument that says what was being checked:
// expect(value, "row 3 of the log").toBe(…). jest-expect-message prints that text with the failure; it
// wraps the global expect, so the ES-module suite wraps the one @jest/globals exports here instead.
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { expect as jestExpect } from "@jest/globals";

type JestExpect = typeof jestExpect;
type WithMessage = JestExpect & (<T = unknown>(actual: T, message?: string) => ReturnType<JestExpect>);

const require = createRequire(import.meta.url);
const withMessage = require("jest-expect-message/dist/withMessage.js").default as (e: JestExpect) => WithMessage;
const base = withMessage(jestExpect);

const isMatcher = (v: unknown) => typeof v === "object" && v !== null && typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch === "function";

/**
 * toEqual is first decided by Node's deep strict equality, which is stricter (same prototypes, the same keys
 * even where a value is undefined, Object.is on every value), so what it finds equal toEqual passes; anything
 * else goes to Jest's toEqual, which passes or fails as it always did, with its own message. Jest's
 * comparison walked large values at ~6 µs a node: 5.9 s of the 50,000-row round trip's 14 s of CPU
 * (xlsx/large), and much of every test comparing whole tabs. (Values holding Jest's asymmetric matchers,
 * expect.any(…) and the like, are left to Jest: they only match through it.)
 */
export const expect: WithMessage = Object.assign((actual: unknown, message?: string) => {
  const matchers = base(actual, message);
  const toEqual = matchers.toEqual;
  matchers.toEqual = (expected: unknown) => {
    if (isMatcher(actual) || isMatcher(expected) || !isDeepStrictEqual(actual, expected)) return toEqual(expected);
    // Counted as Jest counts a matcher call (expect.assertions, expect.hasAssertions).
    jestExpect.setState({ assertionCalls: jestExpect.getState().assertionCalls + 1 });
  };
  return matchers;
}, base) as WithMessage;

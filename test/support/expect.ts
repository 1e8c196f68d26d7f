// Jest's expect, taking an optional second argument that says what was being checked:
// expect(value, "row 3 of the log").toBe(…). jest-expect-message prints that text with the failure; it
// wraps the global expect, so the ES-module suite wraps the one @jest/globals exports here instead.
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { isRegExp } from "node:util/types";
import { expect as jestExpect } from "@jest/globals";

type JestExpect = typeof jestExpect;
type WithMessage = JestExpect & (<T = unknown>(actual: T, message?: string) => ReturnType<JestExpect>);

const require = createRequire(import.meta.url);
const withMessage = require("jest-expect-message/dist/withMessage.js").default as (e: JestExpect) => WithMessage;
const base = withMessage(jestExpect);

const isMatcher = (v: unknown) => typeof v === "object" && v !== null && typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch === "function";

// The built-ins nodeSeesAll uses, read once: in Jest's vm context each read of a global goes through the
// context's interceptor (scripts/jest-globals.mjs), ~8 reads a node, 1.1 s of xlsx/large's 50,000 x 10 cells.
const { isArray } = Array;
const { isView } = ArrayBuffer;
const { keys: keysOf, getOwnPropertySymbols: symbolsOf } = Object;
const [MapOf, SetOf, StringOf, ITERATOR] = [Map, Set, String, Symbol.iterator] as const;

/**
 * Whether Node's deep strict equality sees all of `v` that Jest's toEqual compares: Jest compares any other
 * iterable (a generator, a Map's or Set's iterator, a class with [Symbol.iterator]) by what it yields,
 * Node by its own properties, so two such values Node finds equal may still differ to Jest.
 */
function nodeSeesAll(v: unknown, seen = new Set<object>()): boolean {
  if (typeof v !== "object" || v === null || seen.has(v)) return true;
  seen.add(v);
  if (isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!nodeSeesAll(v[i], seen)) return false;
    return true;
  }
  if (v instanceof MapOf) {
    for (const [k, x] of v) if (!nodeSeesAll(k, seen) || !nodeSeesAll(x, seen)) return false;
  } else if (v instanceof SetOf) {
    for (const x of v) if (!nodeSeesAll(x, seen)) return false;
  } else if (ITERATOR in v && !isView(v) && !(v instanceof StringOf)) {
    return false;
  }
  for (const k of keysOf(v)) if (!nodeSeesAll((v as Record<string, unknown>)[k], seen)) return false;
  for (const k of symbolsOf(v)) if (!nodeSeesAll((v as Record<symbol, unknown>)[k], seen)) return false;
  return true;
}

/**
 * The caller's message on a failure, as jest-expect-message prints it, by its own code. Given a message, it
 * wrapped every matcher of the expectation and of its .not, .resolves and .rejects (~360 functions) where
 * the test then uses one: ~110 µs an expect call against ~55 µs without a message (in Jest, under load), and
 * the suite makes ~70,000 calls, most of core/formulas.property's 21,000 with a message. Here only the
 * matcher (or .not, .resolves, .rejects) asked for is wrapped: ~50 µs with a message.
 */
function withCustomMessage(matchers: ReturnType<JestExpect>, message: string): ReturnType<JestExpect> {
  return new Proxy(matchers, {
    get(target, name) {
      // The expectation itself as the receiver: its getters read what it expects of (expect below).
      const v: unknown = Reflect.get(target, name);
      if (typeof name === "symbol" || !(typeof v === "function" || (typeof v === "object" && v !== null))) return v;
      return (withMessage((() => ({ [name]: v })) as unknown as JestExpect) as unknown as (a: unknown, m: string) => Record<string, unknown>)(undefined, message)[name];
    },
  });
}

const { getPrototypeOf, is } = Object;
const { isSafeInteger } = Number;
const tagOf = Function.prototype.call.bind(Object.prototype.toString) as (v: unknown) => string;
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty) as (o: object, k: string) => boolean;

/**
 * Whether `a` and `b` are the same plain data (primitives by Object.is, dense arrays, objects whose prototype is
 * an Object.prototype or null with the same own keys and no symbols, Dates at the same instant) whatever realm
 * made them: the offline runtime is the Jest worker's (scripts/jest-shared.mjs), so the arrays and objects it
 * gives are not of the test file's realm, and Node's deep strict equality, which compares prototypes, finds
 * them unequal to the test's literals. Stricter than toEqual like Node's; anything else (Maps, class
 * instances, matchers, cycles past the depth) is false and goes to Jest.
 */
function samePlainData(a: unknown, b: unknown, depth = 0): boolean {
  if (is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || depth > 200) return false;
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  if (tag === "[object Array]") {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length || keysOf(x).length !== x.length || keysOf(y).length !== y.length || symbolsOf(x).length || symbolsOf(y).length) return false;
    for (let i = 0; i < x.length; i++) if (!samePlainData(x[i], y[i], depth + 1)) return false;
    return true;
  }
  if (tag === "[object Date]") return keysOf(a).length === 0 && keysOf(b).length === 0 && (a as Date).getTime() === (b as Date).getTime();
  if (tag !== "[object Object]" || !isPlain(a) || !isPlain(b) || symbolsOf(a).length || symbolsOf(b).length) return false;
  const ka = keysOf(a);
  if (ka.length !== keysOf(b).length) return false;
  for (const k of ka) if (!hasOwn(b, k) || !samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

/** An object made by a literal or JSON.parse in some realm (its prototype that realm's Object.prototype), or with none. */
function isPlain(v: object): boolean {
  const p = getPrototypeOf(v) as object | null;
  return p === null || (getPrototypeOf(p) === null && hasOwn(p, "hasOwnProperty"));
}

/** Counts a passing matcher call as Jest's own matchers do (expect.assertions, expect.hasAssertions). */
function counted(): void {
  jestExpect.setState({ assertionCalls: jestExpect.getState().assertionCalls + 1 });
}

/** Jest's registered matchers (its matchers object on the file's global): the names an expectation has. */
const JEST_MATCHERS = Symbol.for("$$jest-matchers-object");
const matcherNames = (): string[] => Object.keys((globalThis as unknown as Record<symbol, { matchers: object }>)[JEST_MATCHERS].matchers);

interface Lazy {
  readonly actual: unknown;
  full?: ReturnType<JestExpect>;
}

/** Jest's expectation of `actual`, made on first need; its toEqual decided by Node's deep strict equality first. */
function jestOf(lazy: Lazy): ReturnType<JestExpect> {
  if (lazy.full) return lazy.full;
  const { actual } = lazy;
  const matchers = jestExpect(actual);
  const toEqual = matchers.toEqual;
  matchers.toEqual = (expected: unknown) => {
    if (isMatcher(actual) || isMatcher(expected) || !(isDeepStrictEqual(actual, expected) ? nodeSeesAll(actual) : samePlainData(actual, expected))) return toEqual(expected);
    counted();
  };
  return (lazy.full = matchers);
}

/**
 * Other matchers often used, when they pass as Jest's own would (its source: toMatch's `includes` or a copy of
 * the RegExp, toContain's `indexOf` on a string or an array, toHaveLength's `length ===`); any other case,
 * wrong types included, goes to Jest, which passes, fails or reports the misuse itself.
 */
const PASSES: Record<string, (actual: unknown, expected: unknown) => boolean> = {
  toMatch: (a, e) => typeof a === "string" && (typeof e === "string" ? a.includes(e) : isRegExp(e) && new RegExp(e).test(a)),
  toContain: (a, e) => (typeof a === "string" ? typeof e === "string" && a.includes(e) : isArray(a) && a.indexOf(e) !== -1),
  toHaveLength: (a, e) => a !== null && a !== undefined && typeof (a as { length?: unknown }).length === "number" && typeof e === "number" && e >= 0 && isSafeInteger(e) && (a as { length: number }).length === e,
};

/** Runs Jest's matcher; its failure's stack starts at the test's line (where Jest shows the code), not here. */
function fromCaller(matcher: (expected: unknown) => void, run: () => void): void {
  try {
    run();
  } catch (e) {
    if (e instanceof Error) Error.captureStackTrace(e, matcher);
    throw e;
  }
}

/**
 * What expect(actual) gives: toBe and toEqual decided here when they pass, everything else (.not, .resolves,
 * .rejects, the other matchers, and every failure, with Jest's own message) Jest's expectation, made on first
 * use. Jest's expect(actual) makes six closures for each of its ~50 matchers and an error for the stack trace
 * on every call, used or not: ~50 µs a call (in Jest, under load), and the suite makes tens of thousands, two
 * thirds of them toBe or toEqual. The getters are made once per file, for the matchers registered then.
 */
let lazyProto: object | null = null;
function lazyPrototype(): object {
  if (lazyProto) return lazyProto;
  const proto: Record<string, unknown> = {};
  for (const name of [...matcherNames(), "not", "resolves", "rejects"]) {
    if (name === "toBe" || name === "toEqual" || name in PASSES) continue;
    Object.defineProperty(proto, name, {
      get(this: Lazy) {
        return (jestOf(this) as unknown as Record<string, unknown>)[name];
      },
    });
  }
  for (const [name, passes] of Object.entries(PASSES)) {
    Object.defineProperty(proto, name, {
      get(this: Lazy) {
        const matcher = (...args: unknown[]) => {
          if (this.full || args.length !== 1 || !passes(this.actual, args[0])) return fromCaller(matcher, () => (jestOf(this) as unknown as Record<string, (...a: unknown[]) => void>)[name](...args));
          counted();
        };
        return matcher;
      },
    });
  }
  Object.defineProperty(proto, "toBe", {
    get(this: Lazy) {
      const toBe = (expected: unknown) => {
        if (this.full || !is(this.actual, expected)) return fromCaller(toBe, () => jestOf(this).toBe(expected));
        counted();
      };
      return toBe;
    },
  });
  Object.defineProperty(proto, "toEqual", {
    get(this: Lazy) {
      const toEqual = (expected: unknown) => {
        const { actual } = this;
        if (this.full || isMatcher(actual) || isMatcher(expected) || !(isDeepStrictEqual(actual, expected) ? nodeSeesAll(actual) : samePlainData(actual, expected))) return fromCaller(toEqual, () => jestOf(this).toEqual(expected));
        counted();
      };
      return toEqual;
    },
  });
  return (lazyProto = proto);
}

/**
 * toEqual is first decided by Node's deep strict equality, which is stricter (same prototypes, the same keys
 * even where a value is undefined, Object.is on every value), so what it finds equal toEqual passes; anything
 * else goes to Jest's toEqual, which passes or fails as it always did, with its own message. Jest's
 * comparison walked large values at ~6 µs a node: 5.9 s of the 50,000-row round trip's 14 s of CPU
 * (xlsx/large), and much of every test comparing whole tabs. (Values holding Jest's asymmetric matchers,
 * expect.any(…) and the like, are left to Jest: they only match through it; so are values holding other
 * iterables than arrays, Maps and Sets, see nodeSeesAll.) Values Node finds unequal may still be the same plain
 * data made in another realm (the worker's runtime's): samePlainData.
 */
export const expect: WithMessage = Object.assign((actual: unknown, message?: string) => {
  const matchers = Object.create(lazyPrototype(), { actual: { value: actual }, full: { value: undefined, writable: true } }) as ReturnType<JestExpect>;
  return message ? withCustomMessage(matchers, message) : matchers;
}, base) as WithMessage;

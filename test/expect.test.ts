// test/support/expect.ts decides toEqual by Node's deep strict equality first: what that finds equal must be
// what Jest's toEqual passes, and everything else must still pass or fail exactly as Jest's toEqual does.
import { createRequire } from "node:module";
import { describe, expect as jestExpect, it } from "@jest/globals";
import { expect } from "./support/expect";

const fails = (run: () => void): string => {
  try {
    run();
  } catch (e) {
    return String((e as Error).message);
  }
  throw new Error("passed");
};

describe("expect(…).toEqual", () => {
  it("passes on equal values, deep or not, and on what only Jest's toEqual finds equal", () => {
    const rows = Array.from({ length: 100 }, (_, r) => [{ v: r, fmt: "0.00" }, null, { f: `=A${r}`, v: "x" }]);
    expect(rows).toEqual(structuredClone(rows));
    expect({ a: 1, b: undefined }).toEqual({ a: 1 }); // an undefined property: Jest ignores it
    expect([NaN, new Date(0), new Map([[1, { x: 2 }]])]).toEqual([NaN, new Date(0), new Map([[1, { x: 2 }]])]);
    expect({ id: "abc", n: 3 }).toEqual({ id: expect.any(String), n: 3 });
    expect(new (class Row { v = 1; })()).toEqual({ v: 1 }); // Jest's toEqual ignores the class
  });

  it("fails with Jest's own message, the caller's message first", () => {
    expect(fails(() => expect([[1, 2]]).toEqual([[1, 3]]))).toContain("expect(received).toEqual(expected)");
    expect(fails(() => expect({ v: 0 }).toEqual({ v: -0 }))).toContain("toEqual");
    expect(fails(() => expect({ id: 5 }).toEqual({ id: expect.any(String) }))).toContain("Any<String>");
    // Equal to Node (no own properties), different to Jest, which compares what they yield.
    class Rows {
      #all: number[];
      constructor(all: number[]) {
        this.#all = all;
      }
      [Symbol.iterator]() {
        return this.#all[Symbol.iterator]();
      }
    }
    expect(fails(() => expect({ rows: new Rows([1]) }).toEqual({ rows: new Rows([2]) }))).toContain("toEqual");
    expect(fails(() => expect([new Map([[1, "a"]]).values()]).toEqual([new Map([[1, "b"]]).values()]))).toContain("toEqual");
    expect(fails(() => expect([1], "row 3 of the log").toEqual([2]))).toMatch(/^Custom message:\n {2}row 3 of the log\n\n/);
  });

  it("keeps .not, .resolves and .rejects as Jest's", async () => {
    expect([1]).not.toEqual([2]);
    expect(fails(() => expect([1]).not.toEqual([1]))).toContain("not.toEqual");
    await expect(Promise.resolve([1])).resolves.toEqual([1]);
  });
});

describe("expect(…, message): only the matcher used is wrapped with the message", () => {
  const require = createRequire(import.meta.url);
  const withMessage = require("jest-expect-message/dist/withMessage.js").default as (e: typeof jestExpect) => (a: unknown, m?: string) => ReturnType<typeof jestExpect>;
  const reference = withMessage(jestExpect);
  const failure = async (run: () => unknown): Promise<Error> => {
    try {
      await run();
    } catch (e) {
      return e as Error;
    }
    throw new Error("passed");
  };
  const rejected = () => Promise.reject(new Error("no"));

  it("fails as jest-expect-message over Jest's expect does, message for message", async () => {
    type Case = (e: typeof reference) => unknown;
    const cases: Case[] = [
      (e) => e(1).toBe(2),
      (e) => e(1, "row 3").toBe(2),
      (e) => e(1, "row 3").not.toBe(1),
      (e) => e([1, 2], "the list").toContain(3),
      (e) => e("abc", "the text").toMatch(/x/),
      (e) => e(() => 1, "the call").toThrow(),
      (e) => e({ a: 1 }, "the row").toEqual({ a: 2 }),
      (e) => e(rejected(), "the promise").resolves.toBe(1),
      (e) => e(Promise.resolve(1), "the promise").rejects.toThrow(),
      (e) => e(rejected()).resolves.toBe(1),
      (e) => e(Promise.resolve(2)).resolves.not.toBe(2),
      (e) => e(1).resolves.toBe(1),
    ];
    for (const run of cases) {
      const want = await failure(() => run(reference));
      const got = await failure(() => run(expect as unknown as typeof reference));
      expect(got.message).toBe(want.message);
      expect(got.constructor.name).toBe(want.constructor.name);
    }
  });

  it("a promise settled the wrong way is reported with the stack of the test's line", async () => {
    const e = await failure(() => expect(rejected()).resolves.toBe(1));
    expect(e.message).toContain("Received promise rejected instead of resolved");
    expect(e.stack).toContain("expect.test.ts");
  });

  it("counts every matcher call, fast path or not, message or not", () => {
    expect.assertions(5);
    expect(1).toBe(1);
    expect([1], "a list").toEqual([1]);
    expect({ a: 1 }, "a row").not.toEqual({ a: 2 });
    expect([2]).toEqual([2]);
    expect("x", "a text").toMatch(/x/);
  });
});

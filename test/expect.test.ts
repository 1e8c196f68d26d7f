// test/support/expect.ts decides toEqual by Node's deep strict equality first: what that finds equal must be
// what Jest's toEqual passes, and everything else must still pass or fail exactly as Jest's toEqual does.
import { describe, it } from "@jest/globals";
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

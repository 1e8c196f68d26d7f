// The fewest tab moves to a wanted order (core/tabMoves.ts), each applied as Spreadsheet.moveActiveSheet
// applies it: the tab taken out, then put at the 1-based position given.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { tabMoves, type TabMove } from "../../src/core/tabMoves";

function applied(current: readonly string[], moves: TabMove[]): string[] {
  const order = current.slice();
  for (const m of moves) {
    order.splice(order.indexOf(m.name), 1);
    expect(m.pos >= 1 && m.pos <= current.length).toBe(true);
    order.splice(m.pos - 1, 0, m.name);
  }
  return order;
}

/** The longest run of `current` already in `target`'s order (quadratic: a second way to count it). */
function longestKept(current: readonly string[], target: readonly string[]): number {
  const r = current.map((n) => target.indexOf(n));
  const best = r.map(() => 1);
  for (let i = 0; i < r.length; i++) for (let j = 0; j < i; j++) if (r[j] < r[i]) best[i] = Math.max(best[i], best[j] + 1);
  return Math.max(0, ...best);
}

describe("tabMoves", () => {
  it("reaches the target in n minus the longest run already in order, for any two orders", () => {
    const orders = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 9 }).chain((names) =>
      fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length })),
    );
    fc.assert(
      fc.property(orders, ([current, target]) => {
        const moves = tabMoves(current, target);
        expect(applied(current, moves)).toEqual(target);
        expect(moves.length).toBe(current.length - longestKept(current, target));
      }),
    );
  });

  it("the roll over's case: the archived Retrospective before Settings goes last, one move", () => {
    const current = ["Q1 · Retrospective", "Settings", "Q1 · Objectives", "Q1 · Key Results", "Q1 · Check-ins", "Q1 · History"];
    const target = ["Settings", "Q1 · Objectives", "Q1 · Key Results", "Q1 · Check-ins", "Q1 · History", "Q1 · Retrospective"];
    expect(tabMoves(current, target)).toEqual([{ name: "Q1 · Retrospective", pos: 6 }]);
  });

  it("nothing to move when the order is already the target", () => {
    expect(tabMoves(["a", "b", "c"], ["a", "b", "c"])).toEqual([]);
  });

  it("refuses two lists that do not hold the same tabs", () => {
    expect(() => tabMoves(["a", "b"], ["a", "c"])).toThrow("same tabs");
    expect(() => tabMoves(["a", "b"], ["a"])).toThrow("same tabs");
  });
});

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

  it("weighted: the tabs left in place are the heaviest run already in order (every subset tried)", () => {
    const orders = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 7 }).chain((names) =>
      fc.tuple(
        fc.constant(names),
        fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: names.length, maxLength: names.length }),
      ),
    );
    fc.assert(
      fc.property(orders, ([current, target, ws]) => {
        const weight = (n: string) => ws[current.indexOf(n)];
        const moves = tabMoves(current, target, weight);
        expect(applied(current, moves)).toEqual(target);
        const moved = new Set(moves.map((m) => m.name));
        expect(moves.length).toBe(moved.size); // each tab moves at most once
        let heaviest = 0;
        for (let mask = 0; mask < 1 << current.length; mask++) {
          const kept = current.filter((_, i) => mask & (1 << i));
          const inOrder = kept.every((n, i) => i === 0 || target.indexOf(kept[i - 1]) < target.indexOf(n));
          if (inOrder) heaviest = Math.max(heaviest, kept.reduce((s, n) => s + weight(n), 0));
        }
        const keptWeight = current.filter((n) => !moved.has(n)).reduce((s, n) => s + weight(n), 0);
        expect(keptWeight).toBe(heaviest);
      }),
    );
  });

  it("a team's tab after History stays; this cycle's archives move past it", () => {
    const current = ["Settings", "Q1 · Objectives", "Q1 · History", "Lookups", "Q1 · Retrospective"];
    const target = ["Settings", "Lookups", "Q1 · Objectives", "Q1 · History", "Q1 · Retrospective"];
    const heavy = (n: string) => (n.startsWith("Q1 · ") ? 1 : 10);
    expect(tabMoves(current, target, heavy).map((m) => m.name)).toEqual(["Q1 · Objectives", "Q1 · History"]);
    expect(tabMoves(current, target).map((m) => m.name)).toEqual(["Lookups"]);
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

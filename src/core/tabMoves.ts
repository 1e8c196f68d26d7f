// The fewest tab moves that put a spreadsheet's tabs in a wanted order (the roll over's archives after the
// new cycle's tabs: docs/lifecycle.md#archives). Each move is Apps Script's setActiveSheet + moveActiveSheet
// (two calls), so the count matters: tabs already in the wanted relative order stay where they are.
//
// A move's `pos` is the 1-based position the tab has once moved, as Spreadsheet.moveActiveSheet takes it
// (its reference: "the 1-index position to move the active sheet to", moving "first" of two sheets to 2
// leaves it at index 2). The tabs kept in place are a longest subsequence of `current` already in `target`'s
// order; every other tab is moved, in target order, to just after the tab that precedes it in `target`
// (first when it has none). A tab so placed stays next to that one: only its own successor is ever put
// after it, and the tab before it has already had its only move. So the result is `target`, in
// n − (longest kept run) moves, which no other sequence of single moves beats.

export interface TabMove {
  name: string;
  /** 1-based position after the move. */
  pos: number;
}

/** Indices (into `ranks`) of a longest strictly increasing subsequence. */
function longestIncreasing(ranks: number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest last rank of an increasing run of length k + 1
  const prev: number[] = new Array(ranks.length).fill(-1);
  ranks.forEach((r, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[tails[mid]] < r) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/**
 * The moves that turn `current` into `target` (the same names, each once), fewest first-to-last. Names not
 * in both are a caller's mistake: refused, so no tab is moved on a wrong picture of the spreadsheet.
 */
export function tabMoves(current: readonly string[], target: readonly string[]): TabMove[] {
  const rank = new Map(target.map((name, i) => [name, i] as [string, number]));
  if (rank.size !== target.length || current.length !== target.length || current.some((n) => !rank.has(n))) {
    throw new Error("tabMoves: current and target must hold the same tabs");
  }
  const kept = longestIncreasing(current.map((n) => rank.get(n)!));
  const keptNames = new Set(current.filter((_, i) => kept.has(i)));
  const order = current.slice();
  const moves: TabMove[] = [];
  target.forEach((name, i) => {
    if (keptNames.has(name)) return;
    const from = order.indexOf(name);
    order.splice(from, 1);
    const at = i === 0 ? 0 : order.indexOf(target[i - 1]) + 1;
    order.splice(at, 0, name);
    moves.push({ name, pos: at + 1 });
  });
  return moves;
}

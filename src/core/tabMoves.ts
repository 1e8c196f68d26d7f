// The fewest tab moves that put a spreadsheet's tabs in a wanted order (the roll over's archives after the
// new cycle's tabs: docs/lifecycle.md#archives). Each move is Apps Script's setActiveSheet + moveActiveSheet
// (two calls), so the count matters: tabs already in the wanted relative order stay where they are.
//
// A move's `pos` is the 1-based position the tab has once moved, as Spreadsheet.moveActiveSheet takes it
// (its reference: "the 1-index position to move the active sheet to", moving "first" of two sheets to 2
// leaves it at index 2). The tabs kept in place are a longest subsequence of `current` already in `target`'s
// order (the heaviest such run when moves are weighted); every other tab is moved, in target order, to just
// after the tab that precedes it in `target` (first when it has none). A tab so placed stays next to that one:
// only its own successor is ever put after it, and the tab before it has already had its only move. So the
// result is `target`, and the tabs moved are those no order-keeping choice could leave: with equal weights,
// n − (longest kept run) moves, which no other sequence of single moves beats.

export interface TabMove {
  name: string;
  /** 1-based position after the move. */
  pos: number;
}

/**
 * Indices (into `ranks`) of a strictly increasing subsequence of the greatest total `weights` (quadratic: a
 * spreadsheet has tens of tabs, not thousands).
 */
function heaviestIncreasing(ranks: number[], weights: number[]): Set<number> {
  const best = weights.slice();
  const prev: number[] = ranks.map(() => -1);
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < i; j++) {
      if (ranks[j] < ranks[i] && best[j] + weights[i] > best[i]) {
        best[i] = best[j] + weights[i];
        prev[i] = j;
      }
    }
  }
  let end = -1;
  best.forEach((b, i) => (end < 0 || b > best[end] ? (end = i) : 0));
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/**
 * The moves that turn `current` into `target` (the same names, each once), first to last. `weight`: what
 * moving a tab costs (1 each by default: the fewest moves); the tabs kept in place are those of the greatest
 * total weight already in order, so a heavy tab moves only when no lighter choice reaches the target. Names not
 * in both are a caller's mistake: refused, so no tab is moved on a wrong picture of the spreadsheet.
 */
export function tabMoves(current: readonly string[], target: readonly string[], weight: (name: string) => number = () => 1): TabMove[] {
  const rank = new Map(target.map((name, i) => [name, i] as [string, number]));
  if (rank.size !== target.length || current.length !== target.length || current.some((n) => !rank.has(n))) {
    throw new Error("tabMoves: current and target must hold the same tabs");
  }
  const kept = heaviestIncreasing(current.map((n) => rank.get(n)!), current.map(weight));
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

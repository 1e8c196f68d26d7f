// The cells of a tab kept out of the formula engine (deferred.ts), as Book reads and changes them there:
// the same values the engine would give (text was loaded with its quote mark, as the engine takes it).
import type { RawCellContent } from "hyperformula";
import type { Rect } from "./a1";

/** Writes a block of contents (null: empties the range) into a tab outside the engine. */
export function writePending(content: RawCellContent[][], rect: Rect, block: RawCellContent[][] | null): void {
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row = (content[r - 1] ??= []);
    for (let c = rect.c1; c <= rect.c2; c++) {
      const v = block ? block[r - rect.r1][c - rect.c1] : null;
      if (v === null && c > row.length) continue;
      while (row.length < c - 1) row.push(null);
      row[c - 1] = v ?? null;
    }
  }
  for (let r = 0; r < content.length; r++) content[r] ??= [];
}

/** A range of a tab outside the engine, as the engine would give it (text loaded with its quote mark). */
export function pendingValues(content: RawCellContent[][], rect: Rect): unknown[][] {
  const out: unknown[][] = new Array(rect.r2 - rect.r1 + 1);
  for (let i = 0; i < out.length; i++) {
    const row = content[rect.r1 - 1 + i];
    const o: unknown[] = new Array(rect.c2 - rect.c1 + 1).fill(null);
    if (row) {
      for (let j = 0; j < o.length; j++) {
        const c = row[rect.c1 - 1 + j];
        o[j] = typeof c === "string" && c.startsWith("'") ? c.slice(1) : (c ?? null);
      }
    }
    out[i] = o;
  }
  return out;
}

/** The last row and column holding something (0 when none), as the engine's dimensions and isCellEmpty give them. */
export function pendingExtent(content: RawCellContent[][]): { lastRow: number; lastCol: number } {
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 0; r < content.length; r++) {
    const row = content[r];
    if (!row) continue;
    for (let c = row.length; c > 0; c--) {
      if (row[c - 1] === null || row[c - 1] === undefined) continue;
      lastRow = r + 1;
      if (c > lastCol) lastCol = c;
      break;
    }
  }
  return { lastRow, lastCol };
}

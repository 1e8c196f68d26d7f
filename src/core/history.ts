// Writing a week's rows to the History tab without duplicating them when the summary is regenerated.
//
// The plan is one contiguous write plus (optionally) clearing the rows left below it, so the server
// executes it as one setValues and one clearContent:
// - no rows of week N yet: append the new rows after the last existing row ("append");
// - week N already present: the new rows take the place of week N's first row, every later row that is
//   not week N keeps its relative order after them, and the rows freed at the bottom are cleared. When
//   week N is the tail of the tab (the usual case: regenerating this week) that is "replace-tail";
//   otherwise ("rewrite") the block from week N's first row to the end is rewritten.
// Rows above week N's first row are never touched. Applying the same plan twice (or planning again from
// the result) gives the same History: the operation is idempotent.
import type { HistoryEntry } from "./model";

export interface ExistingHistoryRow extends HistoryEntry {
  /** 1-based sheet row. */
  row: number;
  /** Its As of cell held the day as text, which only a Plain text cell keeps (server/historyWrite.ts). */
  asOfText?: boolean;
}

export interface HistoryWritePlan {
  mode: "append" | "replace-tail" | "rewrite";
  /** 1-based sheet row where `rows` are written (consecutive rows). */
  startRow: number;
  rows: HistoryEntry[];
  /** Rows right after the written block to clear (they held rows that moved up or were replaced). */
  clearRows: number;
}

/** The entry without its sheet row (the state columns, when present, move with it). */
function entryOf(r: HistoryEntry | ExistingHistoryRow): HistoryEntry {
  const { row: _row, ...rest } = r as ExistingHistoryRow;
  void _row;
  return rest;
}

/**
 * Plans writing `rows` (the rows of `week`) into History.
 * `existing`: the History data rows in sheet order with their sheet row; `firstDataRow`: the row under
 * the header (2 when the header is row 1), used when History is empty.
 */
export function planHistoryWrite(
  existing: ExistingHistoryRow[],
  week: number,
  rows: HistoryEntry[],
  firstDataRow = 2,
): HistoryWritePlan {
  const fresh = rows.map(entryOf);
  const sorted = existing.slice().sort((a, b) => a.row - b.row);
  const lastRow = sorted.length > 0 ? sorted[sorted.length - 1].row : firstDataRow - 1;
  const ofWeek = sorted.filter((r) => Number(r.week) === week);
  if (ofWeek.length === 0) {
    return { mode: "append", startRow: lastRow + 1, rows: fresh, clearRows: 0 };
  }
  const first = ofWeek[0].row;
  const kept = sorted
    .filter((r) => r.row > first && Number(r.week) !== week)
    .map(entryOf);
  const out = fresh.concat(kept);
  const span = lastRow - first + 1;
  return {
    mode: kept.length === 0 ? "replace-tail" : "rewrite",
    startRow: first,
    rows: out,
    clearRows: Math.max(0, span - out.length),
  };
}

/**
 * Applies a plan to rows as the server would (for the local tool and tests): writes plan.rows from
 * startRow, blanks the clearRows rows after them, and returns the non-blank rows in sheet order.
 */
export function applyHistoryPlan(existing: ExistingHistoryRow[], plan: HistoryWritePlan): ExistingHistoryRow[] {
  const byRow = new Map<number, HistoryEntry>();
  for (const r of existing) byRow.set(r.row, entryOf(r));
  plan.rows.forEach((r, i) => byRow.set(plan.startRow + i, { ...r }));
  for (let i = 0; i < plan.clearRows; i++) byRow.delete(plan.startRow + plan.rows.length + i);
  return Array.from(byRow.entries())
    .sort((a, b) => a[0] - b[0])
    .map(([row, r]) => ({ ...r, row }));
}

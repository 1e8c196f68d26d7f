// A KR's Score typed over in a team's tracker (docs/portfolio.md "Scores typed over"), told from the cells the
// roll-up reads anyway. The roll-up scores each KR from its Current, Start and Target (evaluateTracker, the same
// rules as the sheet's Score formula), so its figures stay right; but the team's own tracker scores the typed
// value: its Key Results, its Objectives' scores (a SUMIF over the Score cells) and its status, which the
// team and anyone opening its tracker read. A leader comparing the two saw them disagree with nothing saying why.
//
// Rules, decided here:
// - The Score cell is read in the Key Results read the roll-up makes anyway (its read reaches the Score column:
//   one column more for a tracker without forecast columns, none otherwise): no call more. Its formula is not read
//   (getFormulas is a call more per team): the value tells instead, since the Score formula depends on the row's
//   cells only, not on the day, so its value is what evaluateKr gives for the same cells.
// - Typed over: a number where the KR scores another (by more than SCORE_TOLERANCE) or where its cells are a
//   setup error; or anything else (text, blank) where the KR scores a number. A typed value equal to the KR's
//   score today is not told (it goes wrong at the KR's next check-in, and is told then); nor is a Status or
//   Expected typed over (both depend on the day, and the roll-up's day is often not the read's).
import type { KrEvaluation } from "./evaluate";

/** Arithmetic of the sheet and of evaluateKr may differ in the last bits; a typed score differs by far more. */
export const SCORE_TOLERANCE = 1e-6;
/** KRs named per team (the rest counted): what a leader passes on, and what a partial run caches. */
export const TYPED_OVER_NAMED = 5;

export interface ScoreTypedOver {
  /** How many of its KRs hold a Score that is not their formula's. */
  krs: number;
  /** The first TYPED_OVER_NAMED, in the tab's order: the cell's value as read, and the KR's score from its cells (null: a setup error). */
  named: { id: string; cell: number | string; score: number | null }[];
}

/**
 * The team's KRs whose Score cell is not what its formula gives for the row (`cells`: each KR's Score cell by its
 * ID, as read); null when none is, or when the read has no Score column (`cells` null).
 */
export function scoresTypedOver(krs: KrEvaluation[], cells: Map<string, unknown> | null): ScoreTypedOver | null {
  if (!cells) return null;
  const named: ScoreTypedOver["named"] = [];
  let count = 0;
  for (const k of krs) {
    if (!cells.has(k.id)) continue;
    const cell = cells.get(k.id);
    const isNum = typeof cell === "number" && isFinite(cell);
    const typed = isNum ? k.score === null || Math.abs((cell as number) - k.score) > SCORE_TOLERANCE : k.score !== null;
    if (!typed) continue;
    count++;
    if (named.length < TYPED_OVER_NAMED) named.push({ id: k.id, cell: isNum ? (cell as number) : String(cell ?? ""), score: k.score });
  }
  return count ? { krs: count, named } : null;
}

// Formula cells typed over in a team's tracker (docs/portfolio.md "Cells typed over"), told from the cells the
// roll-up reads anyway. The roll-up scores each KR from its Current, Start and Target (evaluateTracker, the same
// rules as the sheet's formulas), so its figures stay right; but the team's own tracker shows the typed value, and
// its other formulas use it: a KR's Score in its objective's score, its Expected in its Status. The team and
// anyone opening its tracker read those. A leader comparing the two saw them disagree with nothing saying why.
//
// Rules, decided here (no call more: the formulas are not read, getFormulas being a call per team; the values tell):
// - KR Score: its formula depends on the row's cells only, not on the day, so its value is what evaluateKr gives
//   for the same cells. Typed over: a number where the KR scores another (by more than SCORE_TOLERANCE) or where
//   its cells are a setup error; or anything else (text, blank) where the KR scores a number.
// - KR Expected: the KR's elapsed share × its goal, the share depending on the day (TODAY()), which the roll-up
//   does not know the sheet last computed it on (the weekly refresh is as of the day before its read, and a sheet
//   recomputes TODAY() when it recalculates). So no day is assumed: the share is a whole number of days over the
//   KR's span (7 × weeks, less the days before its Counts from), so a number that is that for no day of the
//   cycle, or anything but a number, is typed over. A typed number that is some day's expected (0, the goal
//   itself, k/91 of it) is not told.
// - KR Status: its formula reads the row's own cells (Score, Expected, Last check-in, Current, Metric) and the
//   Settings gaps, not the day: the status those cells give, against the cell. Not judged when the Expected cell
//   holds no number (the sheet's formula then shows an error; the Expected is named).
// - Objective Score: its formula is a SUMIF over its KRs' Score cells (× weight) as they are, typed values
//   included, rounded to SCORE_DECIMALS: computed from the Score cells read, against the Objectives cell.
// - Not told: a value typed equal to what the formula gives on the day (a Score equal to the KR's score: it goes
//   wrong at the KR's next check-in, and is told then); an objective's Expected or Status.
import { dayNumber, SERIAL_OFFSET } from "./dates";
import { paceStartSerial } from "./countsFrom";
import { krStarted, krStatusFrom, type KrEvaluation, type ObjectiveEvaluation } from "./evaluate";
import type { KeyResult, Settings } from "./model";
import { isNum, isStayMetric, normalizeMetric, SCORE_DECIMALS, sheetRound } from "./scoring";

/** Arithmetic of the sheet and of evaluateKr may differ in the last bits; a typed score differs by far more. */
export const SCORE_TOLERANCE = 1e-6;
/** Cells named per team (the rest counted): what a leader passes on, and what a partial run caches. */
export const TYPED_OVER_NAMED = 5;

/** The formula cells of a KR row as read (Score, Expected, Status), by its ID. */
export interface KrFormulaCells {
  score: unknown;
  expected?: unknown;
  status?: unknown;
}

/** One cell typed over: its KR's (or objective's) ID, its column, what it holds, and what its formula gives. */
export interface TypedCell {
  id: string;
  /** Absent: a KR's Score (as every one was before session 20). */
  column?: "Expected" | "Status" | "Objective score";
  cell: number | string;
  /** What the formula gives for the same cells (a KR's Expected: as of the roll-up's day); null: a setup error. */
  score: number | string | null;
}

export interface CellsTypedOver {
  /** How many formula cells hold a value that is not their formula's. */
  cells: number;
  /** The first TYPED_OVER_NAMED, KRs in the tab's order (Score, Expected, Status), then objectives. */
  named: TypedCell[];
}

const shown = (v: unknown): number | string => (isNum(v) ? v : String(v ?? ""));

/** The KR's Score cell is not its formula's. */
function scoreTyped(k: KrEvaluation, cell: unknown): boolean {
  return isNum(cell) ? k.score === null || Math.abs(cell - k.score) > SCORE_TOLERANCE : k.score !== null;
}

/** The KR's Expected cell is no day's elapsed share × goal (or no number at all). */
function expectedTyped(k: KrEvaluation, kr: KeyResult, s: Settings, cell: unknown): boolean {
  if (!isNum(cell)) return true;
  if (!(k.goal > 0)) return Math.abs(cell) > SCORE_TOLERANCE;
  // The KR's span in days: from its pace start (its Counts from, or the cycle's start) to the cycle's end.
  const span = 7 * s.weeks - (paceStartSerial(kr.countsFrom ?? null, s.startDate, s.weeks) - (dayNumber(s.startDate) + SERIAL_OFFSET));
  const days = (cell / k.goal) * span;
  return days < -SCORE_TOLERANCE || days > span + SCORE_TOLERANCE || Math.abs(days - Math.round(days)) > SCORE_TOLERANCE * Math.max(1, span);
}

/** The status the KR's Status formula gives for its row's cells as read; null when it gives an error (no Expected number). */
function statusOfCells(kr: KeyResult, s: Settings, score: unknown, expected: unknown): string | null {
  const started = krStarted(kr);
  const stay = isStayMetric(normalizeMetric(kr.metric));
  // Where the rule reaches the gap, the formula needs an Expected number: without one it shows an error.
  if (isNum(score) && started && !stay && !isNum(expected)) return null;
  return krStatusFrom(isNum(score) ? score : null, started, stay, isNum(expected) ? expected : 0, s);
}

/** The objective's Score formula over its KRs' Score cells as read: SUMIF(weighted) / SUMIF(counted weight), or "" when none counts. */
function objectiveOfCells(o: ObjectiveEvaluation, krs: Map<string, KeyResult>, cells: Map<string, KrFormulaCells>): number | "" {
  let sum = 0;
  let w = 0;
  for (const id of o.krIds) {
    const c = cells.get(id);
    const kr = krs.get(id);
    if (!c || !kr || !isNum(c.score)) continue;
    const weight = kr.weight === null || kr.weight === undefined ? 1 : kr.weight;
    if (!isNum(weight)) continue;
    sum += c.score * weight;
    w += weight;
  }
  return w > 0 ? sheetRound(sum / w, SCORE_DECIMALS) : "";
}

/**
 * The team's formula cells that are not what their formulas give (`cells`: each KR's Score, Expected and Status
 * cells by its ID, as read; `objectiveScores`: each objective's Score cell by its ID, or null when not read); null
 * when none is, or when the read has no Score column (`cells` null).
 */
export function cellsTypedOver(
  ev: { krs: KrEvaluation[]; objectives: ObjectiveEvaluation[] },
  keyResults: KeyResult[],
  settings: Settings,
  cells: Map<string, KrFormulaCells> | null,
  objectiveScores: Map<string, unknown> | null = null,
): CellsTypedOver | null {
  if (!cells) return null;
  const named: TypedCell[] = [];
  let count = 0;
  const add = (c: TypedCell) => {
    count++;
    if (named.length < TYPED_OVER_NAMED) named.push(c);
  };
  const krs = new Map(keyResults.map((k) => [k.id, k]));
  for (const k of ev.krs) {
    const c = cells.get(k.id);
    const kr = krs.get(k.id);
    if (!c || !kr) continue;
    if (scoreTyped(k, c.score)) add({ id: k.id, cell: shown(c.score), score: k.score });
    if ("expected" in c && expectedTyped(k, kr, settings, c.expected)) add({ id: k.id, column: "Expected", cell: shown(c.expected), score: k.expected });
    if ("status" in c) {
      const status = statusOfCells(kr, settings, c.score, c.expected);
      if (status !== null && String(c.status ?? "").trim() !== status) add({ id: k.id, column: "Status", cell: shown(c.status), score: status });
    }
  }
  if (objectiveScores) {
    for (const o of ev.objectives) {
      if (!objectiveScores.has(o.id)) continue;
      const cell = objectiveScores.get(o.id);
      const formula = objectiveOfCells(o, krs, cells);
      const typed = formula === "" ? cell !== "" && cell !== null && cell !== undefined : !isNum(cell) || Math.abs(cell - formula) > SCORE_TOLERANCE;
      if (typed) add({ id: o.id, column: "Objective score", cell: shown(cell), score: formula === "" ? "" : formula });
    }
  }
  return count ? { cells: count, named } : null;
}

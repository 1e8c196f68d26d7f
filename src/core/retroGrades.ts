// The Retrospective's grades (docs/lifecycle.md#closing-the-cycle-retrospective): the re:Work bands of the
// unrounded score, and "No check-ins" for an OKR nobody checked in on.
//
// Decisions:
// - Bands compare the UNROUNDED score: < 0.4 → "0.0–0.39", < 0.7 → "0.4–0.69", else "0.7–1.0". No score → no grade.
// - A KR with a score but no check-in as of the close's day (evaluate.ts `started`: no Last check-in, no
//   number in Current) is graded "No check-ins", whatever its score. The score itself stays the spec's
//   (before the first check-in, current = start), as the Key Results tab shows it; but a stay_above KR starting
//   above its target scores 1.00 and would read "delivered" for a quarter nobody looked at, an increase KR 0.00
//   "missed", a milestone carried at 0.8 "delivered". An objective is graded so when none of its counted KRs was
//   checked in (its status Not started); one with some KRs checked in keeps its band, the KRs' rows saying which
//   were not. The grade spread counts them in a "No check-ins" row, not in a band.
import type { KrEvaluation, ObjectiveEvaluation, TrackerEvaluation } from "./evaluate";
import { decimalText, type NumberStyle } from "./numbers";
import { STATUS } from "./tabs";

export const GRADE_BANDS = ["0.0–0.39", "0.4–0.69", "0.7–1.0"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];
export const NO_CHECKINS = "No check-ins";
export const NO_SCORE = "No score";
export type Grade = GradeBand | typeof NO_CHECKINS | typeof NO_SCORE;

/** re:Work grade band of an unrounded score (see the decisions above). */
export function gradeBand(score: number): GradeBand {
  if (score < 0.4) return GRADE_BANDS[0];
  if (score < 0.7) return GRADE_BANDS[1];
  return GRADE_BANDS[2];
}

/** A band as the tab writes it: its numbers in the locale's decimal separator ("0,7–1,0"); "No score", "No check-ins" as they are. */
export function gradeBandText(band: Grade, sep: NumberStyle): string {
  return band === NO_CHECKINS ? band : band.split("–").map((x) => decimalText(x, sep)).join("–");
}

const scored = (s: number | null | undefined): s is number => s !== null && s !== undefined && isFinite(s);

/** A KR's or objective's grade as of the close's day: its band, "No check-ins", or "No score". */
export function gradeOf(e: KrEvaluation | ObjectiveEvaluation | undefined): Grade {
  if (!e || !scored(e.score)) return NO_SCORE;
  const unchecked = "started" in e ? !e.started : e.status === STATUS.notStarted;
  return unchecked ? NO_CHECKINS : gradeBand(e.score);
}

export interface GradeSpread {
  band: Grade;
  objectives: number;
  keyResults: number;
}

/** Count of objectives and KRs per grade band, then "No check-ins" and "No score" (setup errors etc.) rows when some. */
export function gradeSpread(evaluation: TrackerEvaluation): GradeSpread[] {
  const out: GradeSpread[] = GRADE_BANDS.map((band) => ({ band, objectives: 0, keyResults: 0 }));
  const extra: GradeSpread[] = [NO_CHECKINS, NO_SCORE].map((band) => ({ band: band as Grade, objectives: 0, keyResults: 0 }));
  const slot = (g: Grade) => out.concat(extra).find((x) => x.band === g)!;
  for (const o of evaluation.objectives) slot(gradeOf(o)).objectives++;
  for (const k of evaluation.krs) slot(gradeOf(k)).keyResults++;
  return out.concat(extra.filter((x) => x.objectives + x.keyResults > 0));
}

// Scores, expected pace and RAG status of a whole tracker, as of a date (docs/scoring.md).
// formulas.ts writes the same rules as live sheet formulas; the two agree exactly
// (test/core/formulas.property.test.ts checks it against HyperFormula).
//
// Conventions shared with the formulas:
// - A row whose ID is "" (blank) is ignored (its formulas show "").
// - KRs belong to the objective whose ID equals their Objective ID, compared case-insensitively
//   (as SUMIF/COUNTIFS/MATCH do). If several objectives share an ID, a KR takes the type of the first
//   (MATCH), and each of them counts all those KRs (SUMIF). IDs must not contain the wildcard
//   characters * ? ~ or start with < > = (criteria syntax); the import refuses such IDs.
// - Metric and Type are compared as LOWER(TRIM(text)).
// - Weight: null = blank = 1; a number ≥ 0; NaN (the server's value for a non-numeric cell) or a
//   negative number is a setup error. Weight 0 keeps the KR's own score but excludes it from the
//   objective.
// - Order of setup-error checks on a KR: unknown metric, then weight, then Counts from, then start/target.
// - A KR's expected = its own elapsed (core/countsFrom.ts krElapsed: from its Counts from day, blank = the
//   cycle's start) × goal. An objective's expected = (cycle elapsed + Σ(pace offset) / Σ(w)) × goal, the
//   offset being (KR elapsed − cycle elapsed) × counted weight (0 with no Counts from date): the counted-
//   weight mean of its KRs' elapsed shares, and today's elapsed × goal bit for bit when none is dated.
// - KR status: setup error → "Setup error"; no check-in (lastCheckin blank AND current not a number)
//   → "Not started"; stay metrics → On track iff score = 1, else Off track; others: the gap rule.
// - Objective score = Σ(score × w) / Σ(w) over its KRs, summed from 0 in sheet-row order (as SUMIF
//   does), errored KRs contributing 0 to both sums, rounded to SCORE_DECIMALS (as a KR's score from a
//   division is: scoring.ts); null when Σw = 0.
// - Objective status: no KR rows → "No key results"; Σw = 0 → "Setup error"; none of its counted KRs
//   (numeric score, weight > 0) has a check-in → "Not started"; else the gap rule.
// - Overall (summary only, no formula): the plain mean of the objective scores that are numbers
//   (objective row order, rounded to SCORE_DECIMALS), expected = mean of those objectives' expected values; status: none scored →
//   "No key results" if no objective has a KR row, else "Setup error"; all scored objectives
//   "Not started" → "Not started"; else the gap rule on overall score vs overall expected.
import type { KeyResult, Objective, Tracker } from "./model";
import { SCORE_DECIMALS, SETUP_ERRORS, isNum, isStayMetric, krScore, lowerTrim, normalizeMetric, sheetRound, statusFromGap } from "./scoring";
import { elapsed as elapsedFraction } from "./dates";
import { countsFromBad, krElapsed } from "./countsFrom";
import { STATUS, type Status } from "./tabs";
import { objectiveKey as idKey } from "./objectiveKey";
import { isBlank as isBlankId } from "./lifecycleIds";

export interface KrEvaluation {
  id: string;
  objectiveId: string;
  score: number | null;
  error: string | null;
  expected: number;
  goal: number;
  status: Status;
  /** Effective weight: blank → 1. NaN for a non-numeric weight (an error). */
  weight: number;
  /** Weight counted in the objective: the weight, or 0 when the KR has a setup error. */
  countedWeight: number;
  /** score × weight, or 0 when the KR has a setup error. */
  weightedScore: number;
  /** (this KR's elapsed − the cycle's) × counted weight, 0 when the KR has a setup error (Weighted pace offset). */
  paceOffset: number;
  /** A check-in exists (Last check-in filled or Current a number). */
  started: boolean;
}

export interface ObjectiveEvaluation {
  id: string;
  score: number | null;
  expected: number;
  goal: number;
  status: Status;
  krIds: string[];
}

export interface TrackerEvaluation {
  asOf: string;
  elapsed: number;
  krs: KrEvaluation[];
  objectives: ObjectiveEvaluation[];
  overall: { score: number | null; expected: number; status: Status };
}

function byRow<T extends { row: number }>(items: readonly T[]): T[] {
  // Stable sort by sheet row (Array.prototype.sort is stable from ES2019).
  return items.slice().sort((a, b) => a.row - b.row);
}

/** goal of an objective type cell: AspirationalGoal if LOWER(TRIM(type)) = "aspirational", else 1. */
export function goalForType(type: unknown, aspirationalGoal: number): number {
  return lowerTrim(type) === "aspirational" ? aspirationalGoal : 1;
}

/** Whether a KR has started, as its Status formula tells Not started: a Last check-in, or a Current typed. */
export function krStarted(kr: Pick<KeyResult, "lastCheckin" | "current">): boolean {
  return !(kr.lastCheckin === null || kr.lastCheckin === undefined || kr.lastCheckin === "") || isNum(kr.current);
}

/**
 * A KR's status by its Status formula's rule (formulas.ts): from its score (null: a setup error), whether it
 * started (krStarted), whether its metric is a stay one, and its expected score.
 */
export function krStatusFrom(score: number | null, started: boolean, stay: boolean, expected: number, s: { onTrackGap: number; atRiskGap: number }): Status {
  if (score === null) return STATUS.setupError;
  if (!started) return STATUS.notStarted;
  if (stay) return score === 1 ? STATUS.onTrack : STATUS.offTrack;
  return statusFromGap(score, expected, s.onTrackGap, s.atRiskGap);
}

/**
 * One KR. `elapsed` is the KR's own elapsed share (krElapsed, the cycle's for a KR without Counts from);
 * `cycleElapsed` the cycle's, for the pace offset (the same by default). With the cycle's start and length in
 * `settings`, a bad Counts from cell is the setup error the sheet shows; without them it is not looked at.
 */
export function evaluateKr(
  kr: KeyResult,
  objectiveType: unknown,
  elapsed: number,
  settings: { onTrackGap: number; atRiskGap: number; aspirationalGoal: number; startDate?: string; weeks?: number },
  cycleElapsed = elapsed,
): KrEvaluation {
  const goal = goalForType(objectiveType, settings.aspirationalGoal);
  const expected = elapsed * goal;
  const metric = normalizeMetric(kr.metric);
  const rawWeight = kr.weight as unknown;
  const weightBlank = rawWeight === null || rawWeight === undefined;
  const weight = weightBlank ? 1 : isNum(rawWeight) ? rawWeight : NaN;
  let result: { score: number | null; error: string | null };
  if (metric === null) result = { score: null, error: SETUP_ERRORS.unknownMetric };
  else if (!(weight >= 0)) result = { score: null, error: SETUP_ERRORS.weight };
  else if (settings.startDate && settings.weeks && countsFromBad(kr.countsFrom, settings.startDate, settings.weeks)) {
    result = { score: null, error: SETUP_ERRORS.countsFrom };
  } else result = krScore(metric, kr.start, kr.target, kr.current);
  const started = krStarted(kr);
  const status = krStatusFrom(result.score, started, isStayMetric(metric), expected, settings);
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    score: result.score,
    error: result.error,
    expected,
    goal,
    status,
    weight,
    countedWeight: result.score === null ? 0 : weight,
    weightedScore: result.score === null ? 0 : result.score * weight,
    // (A negative offset × weight 0 is −0 in JavaScript; a spreadsheet cell holds 0.)
    paceOffset: result.score === null ? 0 : (elapsed - cycleElapsed) * weight || 0,
    started,
  };
}

export function evaluateTracker(t: Tracker, asOf: string): TrackerEvaluation {
  const s = t.settings;
  const el = elapsedFraction(asOf, s.startDate, s.weeks);
  const objectives: Objective[] = byRow(t.objectives).filter((o) => !isBlankId(o.id));
  const keyResults: KeyResult[] = byRow(t.keyResults).filter((k) => !isBlankId(k.id));

  // MATCH(objective ID, Objectives!ID, 0): the first objective row with that ID.
  const firstObjective: Record<string, Objective> = {};
  for (const o of objectives) {
    const k = idKey(o.id);
    if (!Object.prototype.hasOwnProperty.call(firstObjective, k)) firstObjective[k] = o;
  }

  const krs: KrEvaluation[] = keyResults.map((kr) => {
    const key = idKey(kr.objectiveId);
    const obj = Object.prototype.hasOwnProperty.call(firstObjective, key) ? firstObjective[key] : undefined;
    return evaluateKr(kr, obj ? obj.type : "committed", krElapsed(asOf, s.startDate, s.weeks, kr.countsFrom), s, el);
  });

  const objEvals: ObjectiveEvaluation[] = objectives.map((o) => {
    const key = idKey(o.id);
    const goal = goalForType(o.type, s.aspirationalGoal);
    let sumWs = 0;
    let sumW = 0;
    let sumOffset = 0;
    let startedCounted = 0;
    const krIds: string[] = [];
    for (const k of krs) {
      if (idKey(k.objectiveId) !== key) continue;
      krIds.push(k.id);
      sumWs = sumWs + k.weightedScore;
      sumW = sumW + k.countedWeight;
      sumOffset = sumOffset + k.paceOffset;
      if (k.countedWeight > 0 && k.status !== STATUS.notStarted) startedCounted++;
    }
    const score = sumW > 0 ? sheetRound(sumWs / sumW, SCORE_DECIMALS) : null;
    const expected = (el + (sumW > 0 ? sumOffset / sumW : 0)) * goal;
    let status: Status;
    if (krIds.length === 0) status = STATUS.noKeyResults;
    else if (score === null) status = STATUS.setupError;
    else if (startedCounted === 0) status = STATUS.notStarted;
    else status = statusFromGap(score, expected, s.onTrackGap, s.atRiskGap);
    return { id: o.id, score, expected, goal, status, krIds };
  });

  const scored = objEvals.filter((o) => o.score !== null);
  let overall: TrackerEvaluation["overall"];
  if (scored.length === 0) {
    overall = {
      score: null,
      expected: el,
      status: objEvals.some((o) => o.krIds.length > 0) ? STATUS.setupError : STATUS.noKeyResults,
    };
  } else {
    let sum = 0;
    let sumExp = 0;
    for (const o of scored) {
      sum += o.score as number;
      sumExp += o.expected;
    }
    const score = sheetRound(sum / scored.length, SCORE_DECIMALS);
    const expected = sumExp / scored.length;
    const status = scored.every((o) => o.status === STATUS.notStarted)
      ? STATUS.notStarted
      : statusFromGap(score, expected, s.onTrackGap, s.atRiskGap);
    overall = { score, expected, status };
  }
  return { asOf, elapsed: el, krs, objectives: objEvals, overall };
}

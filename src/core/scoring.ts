// KR scoring of docs/scoring.md "KR score", written with exactly the operations (and operation order) of the
// sheet formulas in formulas.ts, so that the TypeScript result and the spreadsheet's are the same number.
import { METRICS, STATUS, type Metric, type Status } from "./tabs";

export type KrScore = { score: number; error: null } | { score: null; error: string };

/** Setup-error texts. The same text is what the Score cell of the sheet shows. */
export const SETUP_ERRORS = {
  unknownMetric: "Setup error: unknown metric",
  weight: "Setup error: weight must be a number, 0 or more",
  countsFrom: "Setup error: counts from must be a date before the cycle's end",
  startTarget: "Setup error: start and target must be numbers",
  startEqualsTarget: "Setup error: start equals target",
  target: "Setup error: target must be a number",
} as const;

/** min(1, max(0, x)), the same calls as the sheet's MIN(1, MAX(0, x)). */
export function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** A usable number, as the sheet's ISNUMBER sees it (blank/text/NaN are not). */
export function isNum(x: unknown): x is number {
  return typeof x === "number" && isFinite(x);
}

/** `x` when it is a finite number, else null. */
export function finiteOrNull(x: unknown): number | null {
  return typeof x === "number" && isFinite(x) ? x : null;
}

/**
 * The sheet's TRIM: removes leading/trailing ASCII spaces and collapses inner runs of spaces to one.
 * (Not String.prototype.trim, which also removes tabs and other white space the sheet keeps.)
 */
export function sheetTrim(s: string): string {
  return s.replace(/^ +/, "").replace(/ +$/, "").replace(/ +/g, " ");
}

/** LOWER(TRIM(x)) of a cell value as text. */
export function lowerTrim(x: unknown): string {
  return sheetTrim(x === null || x === undefined ? "" : String(x)).toLowerCase();
}

/** The metric named by a cell (case-insensitive, trimmed), or null if it is none of METRICS. */
export function normalizeMetric(metric: unknown): Metric | null {
  const m = lowerTrim(metric);
  return (METRICS as readonly string[]).indexOf(m) >= 0 ? (m as Metric) : null;
}

export function isStayMetric(m: Metric | null): boolean {
  return m === "stay_above" || m === "stay_below";
}

/**
 * KR score. `current` null = no check-in yet: c = start.
 * - increase: clamp((c − s) / (t − s)); decrease: clamp((s − c) / (s − t)); both need numeric s ≠ t.
 * - stay_above: 1 if c ≥ t else 0; stay_below: 1 if c ≤ t else 0; need a numeric target. With neither a
 *   current value nor a start there is no value at all: score 0.
 * - milestone: clamp(c), c = current, else start, else 0 (target ignored).
 */
export function krScore(metric: string, start: number | null, target: number | null, current: number | null): KrScore {
  const m = normalizeMetric(metric);
  if (m === null) return { score: null, error: SETUP_ERRORS.unknownMetric };
  const s = isNum(start) ? start : null;
  const t = isNum(target) ? target : null;
  const cur = isNum(current) ? current : null;
  switch (m) {
    case "increase":
    case "decrease": {
      if (s === null || t === null) return { score: null, error: SETUP_ERRORS.startTarget };
      if (s === t) return { score: null, error: SETUP_ERRORS.startEqualsTarget };
      const c = cur !== null ? cur : s;
      return { score: sheetRound(m === "increase" ? progress(c - s, t - s) : progress(s - c, s - t), SCORE_DECIMALS), error: null };
    }
    case "stay_above":
    case "stay_below": {
      if (t === null) return { score: null, error: SETUP_ERRORS.target };
      const c = cur !== null ? cur : s;
      if (c === null) return { score: 0, error: null };
      return { score: (m === "stay_above" ? c >= t : c <= t) ? 1 : 0, error: null };
    }
    case "milestone":
      return { score: clamp(cur !== null ? cur : s !== null ? s : 0), error: null };
  }
}

/**
 * clamp(d / D) for D ≠ 0, without dividing when the result is clamped: the value is exactly
 * clamp(d / D) whenever that division is finite (rounding is monotonic, so d ≥ D > 0 gives d / D ≥ 1,
 * etc.), and a tiny D (start and target 1e-320 apart) can never overflow to a #NUM! error in the sheet.
 * The sheet formula is IF(D>0,IF(d>=D,1,IF(d<=0,0,d/D)),IF(d<=D,1,IF(d>=0,0,d/D))).
 */
export function progress(d: number, D: number): number {
  if (D > 0) return d >= D ? 1 : d <= 0 ? 0 : d / D;
  return d <= D ? 1 : d >= 0 ? 0 : d / D;
}

/**
 * Decimals a score computed by division is held to (the KR's Score formula rounds its increase/decrease
 * progress so, the objective's its weighted mean; evaluate.ts alike). (12 − 11.3) / 4 is 0.17499999999999982 in
 * floating point, which a "0.00" cell shows as 0.17 or 0.18 depending on how many digits the spreadsheet reads
 * it to, and a change from last week's 0.04999999999999982 came out 0.125 exactly: "0.05 → 0.17, +0.13".
 * Rounded to 12 decimals the score is the double a typed 0.175 is, which every spreadsheet and every text the
 * add-on writes (numbers.ts shownRound) shows as 0.18; 12 decimals is far finer than any score a person reads
 * (2 decimals) or any gap the status rule tells apart (GAP_DECIMALS, 9), and coarser than the noise (~1e-16).
 */
export const SCORE_DECIMALS = 12;

/**
 * Decimals the gap is rounded to before it is compared with a threshold. Score and expected are decimal
 * figures computed in binary floating point, so a gap that is exactly a threshold in decimals comes out a
 * few units in the 16th digit off it (0.8 − 0.7 is 0.10000000000000009; 1 − 0.95 is 0.050000000000000044),
 * and Google Sheets compares doubles exactly (`=10.1-10=0.1` is FALSE), so without rounding a KR exactly on
 * the border would get the worse status. 9 decimals is far coarser than that noise (~1e-16 on figures of
 * order 1) and far finer than any gap a person could mean (a score step of 1 in a target of 10^9).
 */
export const GAP_DECIMALS = 9;

/**
 * The sheet's ROUND(x, digits) for digits ≥ 0, bit for bit as HyperFormula computes it (sign × Math.round(|x|
 * × 10^digits) / 10^digits) and as Google Sheets rounds: half away from zero. The result is the double
 * nearest a number of at most `digits` decimals, i.e. the same double as that number typed in a cell, so
 * ROUND(0.8 − 0.7, 9) is 0.1 exactly as the Settings cell holds it.
 */
export function sheetRound(x: number, digits: number): number {
  const m = Math.pow(10, digits);
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}

/**
 * The gap rule's one comparison: the gap (expected − score) rounded to GAP_DECIMALS, then ≤ the threshold,
 * computed exactly as the sheet's `ROUND(expected-score,9)<=gap` (formulas.ts gapStatus;
 * test/core/formulas.property.test.ts). A gap exactly on the threshold is within it. The KR, objective and
 * overall status, the sidebar's projected status and the Forecast section's "on course" all ask it.
 */
export function withinGap(score: number, expected: number, gap: number): boolean {
  return sheetRound(expected - score, GAP_DECIMALS) <= gap;
}

/**
 * The gap rule: gap = expected − score (rounded to GAP_DECIMALS); On track if gap ≤ onTrackGap, At risk if
 * gap ≤ atRiskGap, else Off track (withinGap).
 */
export function statusFromGap(score: number, expected: number, onTrackGap: number, atRiskGap: number): Status {
  if (withinGap(score, expected, onTrackGap)) return STATUS.onTrack;
  if (withinGap(score, expected, atRiskGap)) return STATUS.atRisk;
  return STATUS.offTrack;
}

// The forecast line's score against the KR row as it is now. The Forecast cells are values written by the
// summary and by the KR's check-in; a Start, Target or Metric typed over since leaves their score describing
// the KR as it was ("At this pace: 12.77 € (target 12.8 €) — score 0.84", scored against the old 12.50),
// until the next summary or check-in writes them again. The forecast value itself does not depend on them.
import { krAsShown, type LineForecast } from "./forecast";
import { krScore } from "./scoring";

/**
 * Whether `score` can be the score of the forecast a Forecast cell holds as `value`, against `start` and
 * `target`: the cell holds the forecast rounded (2 decimals until session 13, the KR's valueDigits since) and
 * its score is the unrounded forecast's, so any value within half a unit of the cell's last decimal (never
 * wider than half a hundredth), whose scores lie between those at its two ends (every rule scores
 * monotonically). A cell written unrounded (before session 12) is matched exactly. Shared by the sidebar
 * (forecastAgainstRow) and the roll-up (portfolioForecast.ts), which must tell an edited KR row alike.
 */
export function heldScoreFits(metric: string, start: number | null, target: number | null, value: number, score: number): boolean {
  const half = halfLastDecimal(value);
  const at = (v: number) => krScore(metric, start, target, v).score;
  const ends = [at(value - half), at(value), at(value + half)];
  if (ends.some((s) => s === null)) return false;
  return score >= Math.min(...(ends as number[])) - 1e-9 && score <= Math.max(...(ends as number[])) + 1e-9;
}

/** Half a unit of the last decimal `v` is written with (0.0436 → 0.00005), at most 0.005. */
function halfLastDecimal(v: number): number {
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Number(v.toPrecision(15))));
  const decimals = m ? (m[1] ? m[1].length : 0) - (m[2] ? Number(m[2]) : 0) : 2;
  return Math.min(0.005, 0.5 * Math.pow(10, -Math.max(0, decimals)));
}

/**
 * `f` with its score taken again when the cells' score is not one of its value's against the row now (so an
 * untouched KR keeps the cells' score exactly); a row that no longer scores (a setup error) has no forecast,
 * as the next summary's cells will say.
 */
export function forecastAgainstRow(f: LineForecast | null, kr: { metric: string; start: number | null; target: number | null; percentCells?: boolean }): LineForecast | null {
  if (!f || !f.ok) return f;
  const k = krAsShown(kr);
  const now = krScore(k.metric, k.start, k.target, f.value);
  if (now.score === null) return { ok: false, reason: now.error || "the KR has a setup error" };
  if (heldScoreFits(k.metric, k.start, k.target, f.value, f.score)) return f;
  return { ...f, score: now.score };
}

// The forecast line's score against the KR row as it is now. The Forecast cells are values written by the
// summary and by the KR's check-in; a Start, Target or Metric typed over since leaves their score describing
// the KR as it was ("At this pace: 12.77 € (target 12.8 €) — score 0.84", scored against the old 12.50),
// until the next summary or check-in writes them again. The forecast value itself does not depend on them.
import { krAsShown, type LineForecast } from "./forecast";
import { krScore } from "./scoring";

/** Half a hundredth: the Forecast cell holds the value to 2 decimals, its score is of the unrounded one. */
const HALF_CENT = 0.005;

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
  const ends = [f.value - HALF_CENT, f.value + HALF_CENT].map((v) => krScore(k.metric, k.start, k.target, v).score as number);
  if (f.score >= Math.min(...ends) - 1e-9 && f.score <= Math.max(...ends) + 1e-9) return f;
  return { ...f, score: now.score };
}

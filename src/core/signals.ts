// Signals that keep OKRs honest (docs/forecast.md#signals): each names the KR, the reason and the numbers.
//
// Rules, decided precisely here (boundaries included as written):
// - confidence: the latest confidence ≥ 7 while the forecast score < 0.4, or ≤ 3 while it is ≥ 0.9. Needs
//   a forecast (≥ 3 weekly points) and a confidence.
// - sandbagged (increase and decrease KRs only: a stay KR is meant to score 1 all along, and a milestone's
//   value is a judgement):
//   (a) the KR's score reached 1.0 on a weekly point dated strictly before the cycle's midpoint
//       (day < start + 3.5 × weeks days);
//   (b) its target lies within the normal week-to-week variation of its first weeks: |target − start| ≤ the
//       median of the absolute changes between consecutive points among its first 4 weekly points (so at
//       least 3 points, two changes, are needed).
// - flat: the KR's last 3 check-ins (in log order) carry the same value while the KR is behind pace (status
//   At risk or Off track).
// - calibration (retrospective): the plain mean of the aspirational KRs' scores ≥ 0.9 (too easy) or ≤ 0.3
//   (too hard); aspirational OKRs aim for 0.6–0.7. KRs never checked in are left out by the caller, and counted.
// - Reasons write their numbers with the spreadsheet locale's decimal separator (numbers.ts, decimalText).
import { dayNumber } from "./dates";
import { median, valueDigits, type ForecastPoint } from "./forecast";
import { fixedText, isPercentUnit, roundedText, type NumberStyle } from "./numbers";
import { isNum, krScore, normalizeMetric } from "./scoring";
import { STATUS } from "./tabs";
import { valueWithUnit } from "./valueDigits";

export type SignalRule = "confidence" | "sandbagged" | "flat" | "calibration";

export interface Signal {
  rule: SignalRule;
  /** "" for the team-wide calibration signal. */
  krId: string;
  title: string;
  /** The plain-language reason with its numbers. */
  reason: string;
}

export const RULE_LABEL: Record<SignalRule, string> = {
  confidence: "Confidence disagrees with the trend",
  sandbagged: "Possibly sandbagged",
  flat: "Flat",
  calibration: "Team calibration",
};

export const CONFIDENCE_HIGH = 7;
export const CONFIDENCE_LOW = 3;
export const FORECAST_LOW = 0.4;
export const FORECAST_HIGH = 0.9;
export const FIRST_WEEKS = 4;
export const FLAT_CHECKINS = 3;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;

/** A score in a reason: 2 decimals ("0.35"). */
const s2 = (x: number, sep: NumberStyle) => fixedText(x, 2, sep);
/**
 * A value in a reason: at most 4 decimals ("91.5", "1200"), or the KR's own decimals where it has more
 * (forecast.ts valueDigits: 0.0125 → 0.0100 shows 0.01234, not 0.0123).
 */
const v = (x: number, sep: NumberStyle, digits = 4) => roundedText(x, Math.max(4, digits), sep);
/** A value in a reason with the KR's unit, as its other values are written: "4% against 4%", "12 days", "$39.40". */
const vu = (x: number, unit: string | undefined, sep: NumberStyle, digits = 4) => valueWithUnit(v(x, sep, digits), unit, sep);

/** The confidence rule's reason, or null when confidence and trend agree (or either is unknown). */
export function confidenceReason(confidence: number | null, forecastScore: number | null, sep: NumberStyle = "."): string | null {
  if (!isNum(confidence) || !isNum(forecastScore)) return null;
  const disagrees =
    (confidence >= CONFIDENCE_HIGH && forecastScore < FORECAST_LOW) || (confidence <= CONFIDENCE_LOW && forecastScore >= FORECAST_HIGH);
  return disagrees ? `Confidence ${v(confidence, sep)}/10, but at this pace the KR ends at ${s2(forecastScore, sep)}` : null;
}

/** The sandbagging rule's reason, or null. `points` are the KR's weekly points sorted by day. */
export function sandbagReason(
  kr: { metric: unknown; start: number | null; target: number | null; unit?: string },
  points: ForecastPoint[],
  cycle: { startDate: string; weeks: number },
  sep: NumberStyle = ".",
): string | null {
  const metric = normalizeMetric(kr.metric);
  if (metric !== "increase" && metric !== "decrease") return null;
  if (!isNum(kr.start) || !isNum(kr.target) || kr.start === kr.target) return null;
  const d = valueDigits(kr);
  const day0 = dayNumber(cycle.startDate);
  const half = 3.5 * cycle.weeks;
  for (const p of points) {
    const x = dayNumber(p.day) - day0;
    if (x >= half) break;
    if (krScore(metric, kr.start, kr.target, p.value).score === 1) {
      return `Reached its target (${vu(p.value, kr.unit, sep, d)} against ${vu(kr.target, kr.unit, sep, d)}) on ${p.day}, before the cycle's midpoint`;
    }
  }
  const first = points.slice(0, FIRST_WEEKS);
  if (first.length >= 3) {
    const changes: number[] = [];
    for (let i = 1; i < first.length; i++) changes.push(Math.abs(first[i].value - first[i - 1].value));
    const noise = median(changes);
    const distance = Math.abs(kr.target - kr.start);
    if (distance <= noise) {
      // A distance in % is in points, as the Why's paces are ("rising 0.14 points a week"): "2%" would read as relative.
      const size = (x: number) => vu(x, isPercentUnit(kr.unit || "") ? "points" : kr.unit, sep, d);
      return `The target is ${size(distance)} from the start, within the usual week-to-week change of ${size(noise)} in its first ${first.length} weeks`;
    }
  }
  return null;
}

/** The flat rule's reason, or null. `values`: the KR's check-in values in log order; `digits`: the KR's valueDigits; `unit`: the KR's. */
export function flatReason(values: number[], status: string, sep: NumberStyle = ".", digits = 2, unit = ""): string | null {
  if (status !== STATUS.atRisk && status !== STATUS.offTrack) return null;
  if (values.length < FLAT_CHECKINS) return null;
  const last = values.slice(-FLAT_CHECKINS);
  if (!last.every((x) => x === last[0])) return null;
  return `No change over the last ${FLAT_CHECKINS} check-ins (value ${vu(last[0], unit, sep, digits)}) while ${status.toLowerCase()}`;
}

/**
 * The team calibration signal from the aspirational KRs' scores, or null. `leftOut`: aspirational KRs never
 * checked in, whose scores the caller left out (a start's score says nothing of how hard the target was: a
 * cycle nobody checked in on read "too hard"); the reason says how many.
 */
export function calibrationSignal(aspirationalScores: (number | null)[], sep: NumberStyle = ".", leftOut = 0): Signal | null {
  const xs = aspirationalScores.filter(isNum);
  if (xs.length === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const n = `${xs.length} aspirational KR${xs.length === 1 ? "" : "s"}${leftOut > 0 ? " checked in" : ""}`;
  const aim =
    `aspirational OKRs aim for ${roundedText(0.6, 1, sep)}–${roundedText(0.7, 1, sep)}` +
    (leftOut > 0 ? ` (${leftOut} never checked in ${leftOut === 1 ? "is" : "are"} left out)` : "");
  let reason: string | null = null;
  if (mean >= TOO_EASY) reason = `The ${n} averaged ${s2(mean, sep)}: too easy — ${aim}`;
  else if (mean <= TOO_HARD) reason = `The ${n} averaged ${s2(mean, sep)}: too hard — ${aim}`;
  return reason === null ? null : { rule: "calibration", krId: "", title: "All aspirational key results", reason };
}

export interface SignalKrInput {
  id: string;
  title: string;
  metric: unknown;
  /** The KR's unit, written after (or a $ before) its values in the reasons. */
  unit?: string;
  start: number | null;
  target: number | null;
  status: string;
  confidence: number | null;
  /** null when there is no forecast. */
  forecastScore: number | null;
  points: ForecastPoint[];
  /** Check-in values in log order. */
  checkinValues: number[];
}

/** The per-KR signals, KR by KR in the given order, rules in the order confidence, sandbagged, flat. */
export function krSignals(krs: SignalKrInput[], cycle: { startDate: string; weeks: number }, sep: NumberStyle = "."): Signal[] {
  const out: Signal[] = [];
  for (const k of krs) {
    const add = (rule: SignalRule, reason: string | null) => {
      if (reason !== null) out.push({ rule, krId: k.id, title: k.title, reason });
    };
    add("confidence", confidenceReason(k.confidence, k.forecastScore, sep));
    add("sandbagged", sandbagReason(k, k.points, cycle, sep));
    add("flat", flatReason(k.checkinValues, k.status, sep, valueDigits(k), k.unit));
  }
  return out;
}

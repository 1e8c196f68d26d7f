// Values that are almost certainly typing mistakes ask for confirmation before they are written.
//
// Decisions:
// - A value is implausible when it changes sign (negative where start and target are both ≥ 0, positive
//   where both are ≤ 0), or lies more than the start–target span beyond either end of the range.
// - Where there is no span (start equals target or is blank, as in most stay-above/stay-below KRs), the
//   yardstick is the target's size: more than half of |target| away from it (if the target is 0, more than 1).
//   A stay-above/stay-below KR with a start is allowed the larger of the two (93 → 92 is a span of 1,
//   yet 96 on "stay above 92" is ordinary).
// - A milestone's range is 0 → 1; a value outside it that is a percentage of it (33) names the fraction to
//   type (0.33), as the % KR's question below does.
// - Ordinary values never ask: 99.95 on "stay above 99.9", 12 on "stay below 10".
// - A % KR with start and target within −1..1 (cells typed "82%" hold 0.82) whose value is implausible
//   but plausible divided by 100 gets a question that says so and names the fraction to type.
// - The mirror: a % KR in whole percentages (7.5 → 3) given a fraction (0.068, copied from a cell that
//   shows 6.8%) outside its range but within the span of it, times 100, asks too: within the span it is no
//   typing mistake by the rule above, yet it would score 1.00 on a rework rate that moved 0.7 points.
import type { Metric } from "./tabs";
import { decimalText, type NumberStyle } from "./numbers";
import { valueWithUnit } from "./valueDigits";

export interface RangeOf {
  metric: Metric | string;
  unit: string;
  start: number | null | undefined;
  target: number | null | undefined;
}

/** A number as a message shows it: at most 4 decimals, a true minus sign. */
export function showNumber(n: number, sep: NumberStyle = "."): string {
  const t = decimalText(String(Math.round(n * 1e4) / 1e4), sep);
  return t.replace(/^-/, "\u2212");
}

/** null when the value is plausible; otherwise the question to ask ("−3 days is outside 9.5 days → 6 days; submit anyway?"). */
export function implausible(value: number, kr: RangeOf, sep: NumberStyle = "."): string | null {
  const milestone = kr.metric === "milestone";
  const target = milestone ? 1 : kr.target;
  if (typeof target !== "number" || !isFinite(target)) return null;
  const start = milestone ? 0 : typeof kr.start === "number" && isFinite(kr.start) ? kr.start : target;
  const lo = Math.min(start, target);
  const hi = Math.max(start, target);
  const span = hi - lo;
  const unit = kr.unit ? kr.unit.trim() : "";
  // With its unit as every other place writes the KR's values: "−3 days", "$1.15", "41,50 $" (valueWithUnit).
  const what = valueWithUnit(showNumber(value, sep), unit, sep);
  const signChange = (value < 0 && lo >= 0) || (value > 0 && hi <= 0);
  const stay = kr.metric === "stay_above" || kr.metric === "stay_below";
  const room = span > 0 && !stay ? span : Math.max(span, target === 0 ? 1 : Math.abs(target) / 2);
  const outside = (v: number) => v < lo - room || v > hi + room;
  // The range in the value's unit ("6.5% → 3%"), but bare on a % KR within −1..1, whose cells may hold
  // fractions (a cell typed 82% holds 0.82: "0.82% → 0.95%" would be wrong).
  const fractions = unit === "%" && lo >= -1 && hi <= 1;
  // A fraction on a whole-percent KR: |value| < 1 outside the range whose × 100 is ordinary (and ≥ 1, so
  // the value the question names is never questioned itself). 0 is 0 either way.
  // The percentage named is the one the message shows (4 decimals), so it is the one checked.
  const named = Math.round(value * 100 * 1e4) / 1e4;
  const percentAsFraction =
    unit === "%" && !fractions && !signChange && value !== 0 && Math.abs(value) < 1 && (value < lo || value > hi) &&
    Math.abs(named) >= 1 && !outside(named);
  if (!signChange && !outside(value) && !percentAsFraction) return null;
  const r = (n: number) => (fractions ? showNumber(n, sep) : valueWithUnit(showNumber(n, sep), unit, sep));
  const out = span > 0 && !stay ? `${what} is outside ${r(start)} → ${r(target)}` : `${what} is far from the target ${r(target)}`;
  if (percentAsFraction) {
    const whole = start === target ? "the target is in whole percentages" : "its start and target are in whole percentages";
    return `${out}: ${whole} (${r(target)} is typed ${showNumber(target, sep)}), so type ${showNumber(named, sep)} for ${showNumber(named, sep)}%; submit ${showNumber(value, sep)} anyway?`;
  }
  // A % KR whose start and target cells were typed "82%" and "95%" holds 0.82 and 0.95 (the cells show them
  // as percentages), so the 85 meant is 0.85: say so rather than only ask.
  if (fractions && !outside(value / 100) && !signChange) {
    const whole = start === target ? "the target is a fraction" : "its start and target are fractions";
    return `${out}: ${whole} (a cell that shows 82% holds 0.82), so type ${showNumber(value / 100, sep)} for ${what}; submit ${showNumber(value, sep)} anyway?`;
  }
  // A milestone's 33 meant as 33%: its value is the fraction done, so say which number to type. A 3 is as
  // likely 3 of 6 stations as 3%, so under 10 the question names the fraction without guessing a percentage.
  if (milestone && !signChange && value / 100 <= 1) {
    if (value < 10) return `${out}: a milestone is the fraction done (1 = done, 0.5 = half done); submit ${showNumber(value, sep)} anyway?`;
    return `${out}: a milestone is the fraction done (1 = done), so type ${showNumber(value / 100, sep)} for ${showNumber(value, sep)}%; submit ${showNumber(value, sep)} anyway?`;
  }
  return `${out}; submit anyway?`;
}

// Values that are almost certainly typing mistakes ask for confirmation before they are written.
//
// Decisions:
// - A value is implausible when it changes sign (negative where start and target are both ≥ 0, positive
//   where both are ≤ 0), or lies more than the start–target span beyond either end of the range.
// - Where there is no span (start equals target or is blank, as in most stay-above/stay-below KRs), the
//   yardstick is the target's size: more than half of |target| away from it (if the target is 0, more than 1).
//   A stay-above/stay-below KR with a start is allowed the larger of the two (93 → 92 is a span of 1,
//   yet 96 on "stay above 92" is ordinary).
// - A milestone's range is 0 → 1.
// - Ordinary values never ask: 99.95 on "stay above 99.9", 12 on "stay below 10".
import type { Metric } from "./tabs";
import { decimalText, type DecimalSeparator } from "./numbers";

export interface RangeOf {
  metric: Metric | string;
  unit: string;
  start: number | null | undefined;
  target: number | null | undefined;
}

/** A number as a message shows it: at most 4 decimals, a true minus sign. */
export function showNumber(n: number, sep: DecimalSeparator = "."): string {
  const t = decimalText(String(Math.round(n * 1e4) / 1e4), sep);
  return t.replace(/^-/, "\u2212");
}

/** null when the value is plausible; otherwise the question to ask ("−3 days is outside 9.5 → 6; submit anyway?"). */
export function implausible(value: number, kr: RangeOf, sep: DecimalSeparator = "."): string | null {
  const milestone = kr.metric === "milestone";
  const target = milestone ? 1 : kr.target;
  if (typeof target !== "number" || !isFinite(target)) return null;
  const start = milestone ? 0 : typeof kr.start === "number" && isFinite(kr.start) ? kr.start : target;
  const lo = Math.min(start, target);
  const hi = Math.max(start, target);
  const span = hi - lo;
  const unit = kr.unit && kr.unit.trim() ? (kr.unit.trim() === "%" ? "%" : " " + kr.unit.trim()) : "";
  const what = `${showNumber(value, sep)}${unit}`;
  const signChange = (value < 0 && lo >= 0) || (value > 0 && hi <= 0);
  const stay = kr.metric === "stay_above" || kr.metric === "stay_below";
  if (span > 0 && !stay) {
    if (signChange || value < lo - span || value > hi + span) {
      return `${what} is outside ${showNumber(start, sep)} → ${showNumber(target, sep)}; submit anyway?`;
    }
    return null;
  }
  const room = Math.max(span, target === 0 ? 1 : Math.abs(target) / 2);
  if (signChange || value < lo - room || value > hi + room) return `${what} is far from the target ${showNumber(target, sep)}; submit anyway?`;
  return null;
}

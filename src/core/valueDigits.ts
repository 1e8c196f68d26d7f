// The decimals a KR's values are shown with (docs/forecast.md, "How values are rounded"): one rule, from the
// KR's own start and target, for every place that rounds one of its values or a change of them.
import { percentShown } from "./numbers";

/** The most decimals a KR's values are shown with (a span of 1e-6 and less): past them, float noise. */
export const MAX_VALUE_DIGITS = 8;

/**
 * The decimals a KR's values and changes of value are shown with wherever the add-on rounds them (the
 * Forecast cell, the Weekly Summary's Forecast section and Why, the This week line and the digest, the
 * sidebar's line, the roll-up's At this pace; docs/forecast.md, "How values are rounded"): enough that a
 * move of 1% of the KR's span shows, and never fewer than 2. The span is |target − start| as the KR's
 * cells show them (krAsShown: a fraction-% KR's in percent); without one (no start, or start = target) the
 * target's size, else the start's. A KR whose start and target are 1 or more apart keeps 2 decimals, as
 * before session 13; "defects per unit 0.05 → 0.03" (span 0.02) gets 4, so its forecast 0.0436 no longer
 * shows as 0.04 and its pace of 0.0015 a week as "no change week to week". The KR's own scale, not the
 * value's: the same KR shows the same decimals in every place and every week, and 1200 stays 1200.
 */
export function valueDigits(kr: { start?: number | null; target?: number | null }): number {
  const ok = (x: unknown): x is number => typeof x === "number" && isFinite(x);
  const { start, target } = kr;
  const scale = ok(start) && ok(target) && start !== target ? Math.abs(target - start) : ok(target) && target !== 0 ? Math.abs(target) : ok(start) ? Math.abs(start) : 0;
  let d = 2;
  // 10^−d ≤ 1% of the scale (a hair of tolerance: a span of exactly 0.01 is 4 decimals, not 5 by float noise).
  while (scale > 0 && d < MAX_VALUE_DIGITS && Math.pow(10, -d) > (scale / 100) * (1 + 1e-9)) d++;
  return d;
}

/**
 * How a fraction-% KR's values show where a cell holds the fraction (the Weekly Trend's weeks, History's
 * Value): 0.86 as 86.0%, 0.066 as 6.6%, at one decimal, not "0.##%" (Sheets shows that format's whole numbers
 * with a trailing point, "86.%"). A KR whose valueDigits (of its start and target as shown, in percent) are
 * more than 2 shows that many: 0.5% → 0.3% (a span of 0.2 points) as "0.000%", 0.00436 as 0.436%, not 0.4%.
 */
export const PERCENT_VALUE_FORMAT = "0.0%";
export function percentValueFormat(kr: { start: number | null; target: number | null }): string {
  const pct = (x: number | null) => (x === null || !isFinite(x) ? x : percentShown(x));
  const d = valueDigits({ start: pct(kr.start), target: pct(kr.target) });
  return d <= 2 ? PERCENT_VALUE_FORMAT : `0.${"0".repeat(d)}%`;
}

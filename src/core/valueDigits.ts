// The decimals a KR's values are shown with (docs/forecast.md, "How values are rounded"): one rule, from the
// KR's own start and target, for every place that rounds one of its values or a change of them.
import { decimalOf, groupedText, percentShown, type NumberStyle } from "./numbers";
import { unitAfter } from "./plural";
import { isNum } from "./scoring";

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
  const { start, target } = kr;
  const scale = isNum(start) && isNum(target) && start !== target ? Math.abs(target - start) : isNum(target) && target !== 0 ? Math.abs(target) : isNum(start) ? Math.abs(start) : 0;
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

/**
 * A fraction-% KR's percentValueFormat where it is not the usual PERCENT_VALUE_FORMAT (a small span:
 * "0.000%"), else null: the summary's trend rows carry only such a format, and the Weekly Trend's block key
 * names only such a one, so the keys and rows of KRs of an ordinary span stay as they were (one check for
 * both since session 14; each wrote it out).
 */
export function unusualPercentFormat(kr: { start: number | null; target: number | null }): string | null {
  const f = percentValueFormat(kr);
  return f === PERCENT_VALUE_FORMAT ? null : f;
}

// Money: a KR whose unit is a currency ("€", "$", "EUR", "USD", "€/unit", "EUR per order") shows its values
// with two decimals at least, as money is written (14.20 €, not 14.2 €; 1200.00 €): the same decimals as
// valueDigits gives (more for a small span), with the trailing zeros kept down to two. Only currencies with
// cents: yen and won have no minor unit (1250 JPY, not 1250.00 JPY), so they keep the rule of other units
// (¥ is also the yuan's sign, which has; no forced decimals is the safe reading). No code that is also an
// English word a unit may be ("try": "3 try/day", the Turkish lira's; "rub": the rouble's): their
// symbols (₺, ₽) stay.
const MONEY_UNITS = new Set(
  ["€", "$", "£", "₹", "₺", "₪", "₽", "eur", "usd", "gbp", "cny", "inr", "chf", "aud", "cad", "nzd", "sek", "nok", "dkk", "pln", "czk", "huf", "brl", "mxn", "zar", "sgd", "hkd", "ils"],
);

/**
 * Whether a KR's unit is money written with cents: a currency symbol or code, alone or per something
 * ("€/unit", "USD per order"); not yen or won (no minor unit), nor a code that is an English word ("try").
 */
export function isMoneyUnit(unit: unknown): boolean {
  const u = String(unit ?? "").trim().toLowerCase();
  if (!u) return false;
  return MONEY_UNITS.has(u.split(/\s*\/\s*|\s+per\s+/)[0].trim());
}

/** The fewest decimals a KR's values show with: 2 for money with cents, else none (trailing zeros dropped: 12.5, 1200). */
export function minValueDigits(unit: unknown): number {
  return isMoneyUnit(unit) ? 2 : 0;
}

/**
 * A number's text ("14.2", "14,2", "1200", "-3") with at least `min` decimals ("14.20", "1200.00"), in the
 * separator `sep` where it had none; any other text (a reason, "—") as it is.
 */
export function padDecimals(text: string, min: number, sep: NumberStyle = "."): string {
  if (min <= 0) return text;
  const m = /^([+-]?\d+)(?:([.,])(\d*))?$/.exec(text);
  if (!m) return text;
  const decimals = m[3] ?? "";
  return decimals.length >= min ? text : `${m[1]}${m[2] ?? decimalOf(sep)}${decimals.padEnd(min, "0")}`;
}

// Where a currency's sign goes (session 18's review: an operations team's "cost per unit $41.50 → $36.00"
// read "Now 39.90 $", "34.69 $ by 2026-04-05 (target 36.00 $)"). In a locale with a decimal point (en_US,
// en_GB, en_IN…) these signs come first, as those locales write money: "$39.90", "−$3.00", "£12.50",
// "₹500.00", "¥1250". With a decimal comma (de_DE, fr_FR…) they follow with a space, as those write it:
// "39,90 $". Codes ("USD", "EUR") and every other unit, "€" included (either side is usual, and the add-on
// has written "14.20 €" since session 13), follow with a space; "%" sticks to the number.
const SIGNS_BEFORE = new Set(["$", "£", "₹", "¥", "US$", "A$", "C$", "NZ$", "S$", "HK$"]);

/**
 * A value's text with its unit attached as the KR's values are written everywhere a value is text (the
 * Forecast column and Why, the This week line, the sidebar, the signals' reasons, the check-in's
 * questions): "8.3%", "6.25 days", "$41.50", "−$3.00", "41,50 $", "14.20 €"; money with two decimals at
 * least (minValueDigits) and grouped by thousands as the locale's currency format shows it, where `sep` is
 * the locale's NumberStyle (numbers.ts numberStyleFor: "$1,234.50", "1.234,50 €", "1 234,50 €" in fr_FR);
 * a unit after exactly 1 in the singular ("1 day", plural.ts unitAfter). Text that is no number ("—", "")
 * is returned as it is, a unit-less value too.
 */
export function valueWithUnit(text: string, unit: unknown, sep: NumberStyle = "."): string {
  const u = String(unit ?? "").trim();
  const m = /^([+\-\u2212]?)(\d+(?:[.,]\d*)?)$/.exec(text);
  if (!u || !m) return text;
  const padded = padDecimals(m[2], minValueDigits(u), sep);
  const digits = isMoneyUnit(u) ? groupedText(padded, sep) : padded;
  if (u === "%") return `${m[1]}${digits}%`;
  if (decimalOf(sep) === "." && SIGNS_BEFORE.has(u)) return `${m[1]}${u}${digits}`;
  return `${m[1]}${digits} ${unitAfter(digits, u)}`;
}

/**
 * The number format of a money KR's value cells (Start, Target, Current; session 19: a `$` KR's showed
 * `41.5`): as its values are written in text (valueWithUnit), `"$"0.00` where the decimal separator is a point
 * and the sign comes first ($41.50, −$3.00), `0.00" EUR"` otherwise (41,50 $ with a comma), with more
 * decimals only where the KR's span needs them (`0.00##`: valueDigits, trailing zeros down to two), grouped
 * by thousands (`#,##0.00`, which Sheets shows in the locale's separators: $1,234.50, 1.234,50 €, 1 234,50 €
 * in fr_FR) as the texts are since session 21. null for a KR that is not money (isMoneyUnit).
 */
export function moneyFormat(kr: { unit: unknown; start: number | null; target: number | null }, sep: NumberStyle = "."): string | null {
  const u = String(kr.unit ?? "").trim().replace(/"/g, "");
  if (!isMoneyUnit(u)) return null;
  const digits = `#,##0.00${"#".repeat(Math.max(0, valueDigits(kr) - 2))}`;
  return decimalOf(sep) === "." && SIGNS_BEFORE.has(u) ? `"${u}"${digits}` : `${digits}" ${u}"`;
}

/** Whether a money KR's sign comes first where the decimal separator is a point (its format then depends on the locale). */
export function signFirst(unit: unknown): boolean {
  return SIGNS_BEFORE.has(String(unit ?? "").trim());
}

// The Weekly Trend's `Last weeks` text in the KR's unit (session 18's review of an operations pilot: a $ KR read
// "▅▁ 41.5 → 41.2", a unit-less number a leader takes for anything). The blocks and the weeks shown are
// trendText's (summaryLeadersLayout.ts); this writes the numbers as the rest of the add-on writes the KR's
// values (valueDigits.ts valueWithUnit): a percent or a currency on each number, compact and as money is read
// ("8% → 6.9%", "$41.50 → $41.20": money with cents, under a dollar too: "$0.46", not trendText's 4 significant
// digits "$0.455"; more only where the KR's span needs them, its valueDigits); any other unit once, after the last number
// ("12 → 11.8 → 11.5 days", singular after a last 1: "2 → 1 day"), so six weeks of a word unit stay short.
import { roundedText, type NumberStyle } from "./numbers";
import { shortNumber, trendText, TREND_TEXT_WEEKS } from "./summaryLeadersLayout";
import { isMoneyUnit, valueWithUnit } from "./valueDigits";

/**
 * `values` as the cells show them (a fraction-% KR's × 100, with unit "%"); "" when there is no value. `digits`:
 * a money KR's decimals (valueDigits, 2 unless its span needs more).
 */
export function lastWeeksText(values: (number | null)[], unit: unknown, sep: NumberStyle = ".", digits = 2): string {
  const plain = trendText(values, sep);
  const u = String(unit ?? "").trim();
  if (!plain || !u) return plain;
  const blocks = plain.slice(0, plain.indexOf(" "));
  const shown = values.slice(-TREND_TEXT_WEEKS).filter((v): v is number => v !== null && isFinite(v));
  const money = isMoneyUnit(u);
  const numbers = shown.map((v) => (money ? roundedText(v, Math.max(2, digits), sep) : shortNumber(v, sep)));
  if (money || u === "%") return `${blocks} ${numbers.map((n) => valueWithUnit(n, u, sep)).join(" → ")}`;
  const last = numbers.length - 1;
  return `${blocks} ${numbers.map((n, i) => (i === last ? valueWithUnit(n, u, sep) : n)).join(" → ")}`;
}

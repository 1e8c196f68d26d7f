// The forecast in words a leader acts on (docs/forecast.md, "Why"): where the KR ends at this pace against
// its target, and the pace it has against the pace it needs. Numbers in the spreadsheet locale's decimal
// separator, as the Forecast column's.
import { formatValue } from "./forecast";
import type { DecimalSeparator } from "./numbers";
import { normalizeMetric } from "./scoring";

/** A value with its unit as the Forecast column writes it: "8.3%", "6.25 days", "1200". */
export function withUnit(v: number, unit: string, sep: DecimalSeparator): string {
  const u = unit ? (unit === "%" ? "%" : ` ${unit}`) : "";
  return `${formatValue(v, sep)}${u}`;
}

/** "rising 0.14% a week", "falling 0.5 days a week", "no change". */
function pace(perWeek: number, unit: string, sep: DecimalSeparator): string {
  if (Math.abs(perWeek) < 0.005) return "no change week to week";
  return `${perWeek > 0 ? "rising" : "falling"} ${withUnit(Math.abs(perWeek), unit, sep)} a week`;
}

/** What `forecastWhy` needs of a KR's forecast row (a KrForecastRow is one). */
export interface WhyInput {
  unit: string;
  metric: unknown;
  start: number | null;
  target: number | null;
  /** The objective's goal: 1 committed, the aspirational goal (0.7) aspirational. */
  goal: number;
  forecast:
    | { ok: true; value: number; slopePerWeek: number; latest: number; weeksLeft: number; endDay: string }
    | { ok: false; reason: string };
}

/**
 * The value the KR must reach for its goal: the target, or for an aspirational increase or decrease KR the
 * value that scores its goal (42 → 36 EUR at 0.7: 37.8 EUR), with the word that names it.
 */
export function goalValue(k: WhyInput): { value: number; word: "target" | "goal" } | null {
  if (k.target === null) return null;
  const metric = normalizeMetric(k.metric);
  if (k.goal < 1 && (metric === "increase" || metric === "decrease") && k.start !== null) {
    return { value: k.start + k.goal * (k.target - k.start), word: "goal" };
  }
  return { value: k.target, word: "target" };
}

/**
 * Why a KR is forecast below its goal: its pace against the pace its target needs from its latest value
 * over the weeks left ("Rising 0.14% a week; reaching 3% by 2026-04-05 needs falling 0.54% a week."), or,
 * for a stay KR, the side of its threshold it ends on ("Falling 0.5% a week: below 92% by 2026-04-05.").
 */
export function forecastWhy(k: WhyInput, sep: DecimalSeparator = "."): string {
  const f = k.forecast;
  if (!f.ok) return f.reason;
  const metric = normalizeMetric(k.metric);
  const g = goalValue(k);
  const now = pace(f.slopePerWeek, k.unit, sep);
  const head = now.charAt(0).toUpperCase() + now.slice(1);
  if (g === null || k.target === null) return `${head}.`;
  const target = withUnit(g.value, k.unit, sep) + (g.word === "goal" ? " (the aspirational goal)" : "");
  if (metric === "stay_above" || metric === "stay_below") {
    const side = metric === "stay_above" ? (f.value >= k.target ? "at or above" : "below") : f.value <= k.target ? "at or below" : "above";
    return `${head}: ${side} ${target} by ${f.endDay}.`;
  }
  if (f.weeksLeft <= 0) return `${head}; the cycle has ended at ${withUnit(f.latest, k.unit, sep)} against ${target}.`;
  const up = metric === "increase";
  // Already there, slipping back: the pace it has is the news, not a pace it needs.
  if (up ? f.latest >= g.value : f.latest <= g.value) return `${head}: ${withUnit(f.latest, k.unit, sep)} now, ${withUnit(f.value, k.unit, sep)} by ${f.endDay} against ${target}.`;
  const needed = (g.value - f.latest) / f.weeksLeft;
  return `${head}; reaching ${target} by ${f.endDay} needs ${pace(needed, k.unit, sep)}.`;
}

/**
 * The Weekly Summary's "At this pace" line (and the digest's, which opens with the same lines): the KRs
 * forecast below their goal, the largest shortfall first, at most `named` of them with where they end
 * against their target; the rest counted.
 */
export function atThisPaceLine(
  below: (WhyInput & { id: string })[],
  anyForecast: boolean,
  sep: DecimalSeparator = ".",
  named = 5,
): string {
  if (below.length === 0) {
    return anyForecast ? "At this pace every forecast KR is on course for its goal." : "At this pace: not enough check-ins to forecast yet (3 weeks are needed).";
  }
  const end = below.find((k) => k.forecast.ok)?.forecast;
  const by = end && end.ok ? ` by ${end.endDay}` : "";
  const items = below.slice(0, named).map((k) => {
    const f = k.forecast;
    if (!f.ok) return k.id;
    const g = goalValue(k);
    return `${k.id} at ${withUnit(f.value, k.unit, sep)}` + (g === null ? "" : ` (${g.word} ${withUnit(g.value, k.unit, sep)})`);
  });
  const rest = below.length > named ? ` and ${below.length - named} more` : "";
  return `At this pace ${below.length} KR${below.length === 1 ? "" : "s"} end${below.length === 1 ? "s" : ""} below ${below.length === 1 ? "its" : "their"} goal${by}: ${items.join(", ")}${rest}.`;
}

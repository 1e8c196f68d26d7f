// The forecast in words a leader acts on (docs/forecast.md, "Why"): where the KR ends at this pace against
// its target, and the pace it has against the pace it needs. Numbers in the spreadsheet locale's decimal
// separator and at the KR's decimals (forecast.ts valueDigits), as the Forecast column's.
import { formatValue, NOT_ENOUGH_WEEKS, valueDigits, type GoalValue, type LineForecast } from "./forecast";
import { fixedText, isPercentUnit, type NumberStyle } from "./numbers";
import { normalizeMetric } from "./scoring";
import { valueWithUnit } from "./valueDigits";
import { shortOfGoal } from "./shortOfGoal";
import { neededPace, type NeededPace } from "./neededPace";

/**
 * A value with its unit as the Forecast column writes it, at the KR's `digits` (valueDigits): "8.3%", "6.25 days",
 * "1200", "0.0436"; money with two decimals at least: "14.20 €", "42.40 EUR", "$36.00" (valueWithUnit).
 */
export function withUnit(v: number, unit: string, sep: NumberStyle, digits = 2): string {
  return valueWithUnit(formatValue(v, sep, digits), unit, sep);
}

/** What a KR ends against, as the At this pace line and the sidebar name it: "target 3%", "goal 37.80 EUR". */
export function goalWords(g: GoalValue, unit: string, sep: NumberStyle, digits = 2): string {
  return `${g.word} ${withUnit(g.value, unit, sep, digits)}`;
}

/**
 * The sidebar's line: "At this pace: 9.6% by 2026-04-05 (target 3%) — score 0.00", where the KR ends against
 * its target (or aspirational goal) in the At this pace line's words and numbers, or why there is none ("At
 * this pace: not enough check-ins to forecast yet"). Its numbers take the sidebar's decimal separator, as its
 * other numbers do, so the page words it rather than the server (which would have to ask for the
 * spreadsheet's locale, a service call a check-in otherwise makes only for a value with a comma). Until
 * session 11 it did not name the target. `ended` (after the cycle's last day, when the forecast is where the KR
 * landed) says what happened, as the summary's Missed does: "Ended at 88% on 2026-04-05 (target 95%) — score
 * 0.25" (until session 19 "At this pace: … by 2026-04-05", a date past).
 */
export function forecastLine(f: LineForecast, unit: string, sep: NumberStyle = ".", ended = false): string {
  if (!f.ok) return `At this pace: ${f.reason}`;
  const d = f.digits ?? 2;
  const against = f.goal ? ` (${goalWords(f.goal, unit, sep, d)})` : "";
  const head = ended ? `Ended at ${withUnit(f.value, unit, sep, d)} on` : `At this pace: ${withUnit(f.value, unit, sep, d)} by`;
  const need = !ended && f.need && f.goal ? needWords(f.need, f.goal, unit, sep, d) : "";
  return `${head} ${f.endDay}${against} — score ${fixedText(f.score, 2, sep)}${need}`;
}

/**
 * "rising 0.14 points a week" (a % KR: "%", "percent", "pct"), "falling 0.5 days a week", "no change"; after
 * "needs" (`need`) "to rise …", "to fall …" (until session 22 "needs rising …", which reads as "needs raising"). A
 * change of a % is in percentage points: "rising 0.25% a week" reads as a relative change (0.25% of 7.1),
 * and until session 11 the Why column said it so. At the KR's `digits`, as its values: "no change" is a pace
 * that shows as 0 there (until session 13 below 0.005 for every KR, so a KR going 0.05 → 0.03 over a cycle,
 * 0.0015 a week, needed "no change week to week").
 */
function pace(perWeek: number, unit: string, sep: NumberStyle, digits: number, need = false): string {
  if (Math.abs(perWeek) < 0.5 * Math.pow(10, -digits)) return "no change week to week";
  const size = Math.abs(perWeek);
  const amount = isPercentUnit(unit) ? `${formatValue(size, sep, digits)} point${formatValue(size, ".", digits) === "1" ? "" : "s"}` : withUnit(size, unit, sep, digits);
  return `${need ? (perWeek > 0 ? "to rise" : "to fall") : perWeek > 0 ? "rising" : "falling"} ${amount} a week`;
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
export function goalValue(k: Pick<WhyInput, "metric" | "start" | "target" | "goal">): GoalValue | null {
  if (k.target === null) return null;
  const metric = normalizeMetric(k.metric);
  if (k.goal < 1 && (metric === "increase" || metric === "decrease") && k.start !== null) {
    return { value: k.start + k.goal * (k.target - k.start), word: "goal" };
  }
  return { value: k.target, word: "target" };
}

/**
 * Why a KR is forecast short of its goal: its pace against the pace its target needs from its latest value
 * over the weeks left ("Rising 0.14 points a week; reaching 3% by 2026-04-05 needs to fall 0.54 points a
 * week."), or, for a stay KR, the side of its threshold it ends on ("Falling 0.5 points a week: below 92% by
 * 2026-04-05."; "…: already above 3% (3.4% now), 7.4% by 2026-04-05." when it is there now), or, in the cycle's last week, where it is (`asOf`: the report's day, YYYY-MM-DD).
 */
export function forecastWhy(k: WhyInput, asOf: string, sep: NumberStyle = "."): string {
  const f = k.forecast;
  if (!f.ok) return f.reason;
  const metric = normalizeMetric(k.metric);
  const g = goalValue(k);
  const d = valueDigits(k);
  const now = pace(f.slopePerWeek, k.unit, sep, d);
  const head = now.charAt(0).toUpperCase() + now.slice(1);
  if (g === null || k.target === null) return `${head}.`;
  const target = withUnit(g.value, k.unit, sep, d) + (g.word === "goal" ? " (the aspirational goal)" : "");
  if (metric === "stay_above" || metric === "stay_below") {
    const side = metric === "stay_above" ? (f.value >= k.target ? "at or above" : "below") : f.value <= k.target ? "at or below" : "above";
    // Already on the wrong side (a scrap rate at 3.4% against "stay below 3%"): "above 3% by April" alone read
    // as a breach still to come.
    const out = metric === "stay_above" ? f.latest < k.target : f.latest > k.target;
    if (out && (side === "below" || side === "above")) {
      return `${head}: already ${side} ${target} (${withUnit(f.latest, k.unit, sep, d)} now), ${withUnit(f.value, k.unit, sep, d)} by ${f.endDay}.`;
    }
    return `${head}: ${side} ${target} by ${f.endDay}.`;
  }
  // No weeks left: the latest point is on the cycle's last day. A check-in of the last week puts it there
  // (each week's point is at the week's last day) days before the cycle ends; until session 11 a summary of
  // that week said the cycle "has ended".
  if (f.weeksLeft <= 0) {
    const latest = withUnit(f.latest, k.unit, sep, d);
    if (asOf > f.endDay) return `${head}; the cycle has ended at ${latest} against ${target}.`;
    return `${head}; at ${latest} in the cycle's last week (it ends ${f.endDay}) against ${target}.`;
  }
  const n = neededPace(metric, k, g.value, f);
  // Already there, slipping back: the pace it has is the news, not a pace it needs.
  if (n && n.kind === "hold") return `${head}: ${withUnit(f.latest, k.unit, sep, d)} now, ${withUnit(f.value, k.unit, sep, d)} by ${f.endDay} against ${target}.`;
  return `${head}; reaching ${target} by ${f.endDay} ${n && n.kind === "pace" ? `needs ${pace(n.perWeek, k.unit, sep, d, true)}` : `is ${OUT_OF_REACH}`}.`;
}

/** A change per week beyond the KR's whole start-to-target range (neededPace `out`), said rather than printed. */
const OUT_OF_REACH = "out of reach: it needs more each week than start to target";

/**
 * What it takes, after "Forecast to miss: …" and the sidebar's line (docs/forecast.md, "What it takes"): "; needs
 * to rise 0.94 points a week (so far rising 0.6 points a week)", "; needs to fall 0.2 days a week (so far …)", or
 * plainly when no pace will do.
 */
export function needWords(n: NeededPace, g: GoalValue, unit: string, sep: NumberStyle, d: number): string {
  const now = ` (so far ${pace(n.slope, unit, sep, d)})`;
  if (n.kind === "pace") return `; needs ${pace(n.perWeek, unit, sep, d, true)}${now}`;
  if (n.kind === "hold") return `; at its ${g.word} now, needs to hold it${now}`;
  return n.kind === "out" ? `; ${OUT_OF_REACH}${now}` : "; no weeks left to close the gap";
}

/**
 * The Weekly Summary's "At this pace" line (and the digest's, which opens with the same lines): the KRs
 * forecast short of their goal, the largest shortfall first, at most `named` of them with where they end
 * against their target; the rest counted. `ended` (a report after the cycle's last day, whose forecast is
 * where each KR landed: forecast.ts `landed`) says what happened: "2 KRs ended short of their goal on
 * 2026-04-05: …" (until session 19 "At this pace 2 KRs end below their goal by 2026-04-05", a date past; "below" until
 * session 21, backwards for a lower-is-better KR: shortOfGoal.ts).
 */
export function atThisPaceLine(
  below: (WhyInput & { id: string })[],
  anyForecast: boolean,
  sep: NumberStyle = ".",
  named = 5,
  ended = false,
): string {
  if (below.length === 0) {
    if (ended && anyForecast) return "Every forecast KR ended on course for its goal.";
    return anyForecast ? "At this pace every forecast KR is on course for its goal." : `At this pace: ${NOT_ENOUGH_WEEKS}.`;
  }
  const end = below.find((k) => k.forecast.ok)?.forecast;
  const by = end && end.ok ? ` ${ended ? "on" : "by"} ${end.endDay}` : "";
  const items = below.slice(0, named).map((k) => {
    const f = k.forecast;
    if (!f.ok) return k.id;
    const g = goalValue(k);
    const d = valueDigits(k);
    return `${k.id} at ${withUnit(f.value, k.unit, sep, d)}` + (g === null ? "" : ` (${goalWords(g, k.unit, sep, d)})`);
  });
  const rest = below.length > named ? ` and ${below.length - named} more` : "";
  const n = below.length;
  const short = `${shortOfGoal(n)}${by}: ${items.join(", ")}${rest}.`;
  return ended ? `${n} KR${n === 1 ? "" : "s"} ended ${short}` : `At this pace ${n} KR${n === 1 ? "" : "s"} end${n === 1 ? "s" : ""} ${short}`;
}

/**
 * Why Needs attention lists a KR the forecast says will miss: "Forecast to miss: 85.25% by 2026-04-05
 * (target 95%)", the At this pace line's numbers for one KR ("" when it has no forecast); after the cycle's
 * last day (`ended`) what happened: "Missed: 88.34% on 2026-04-05 (target 95%)".
 */
export function forecastMissWords(k: WhyInput, sep: NumberStyle = ".", ended = false): string {
  const f = k.forecast;
  if (!f.ok) return "";
  const g = goalValue(k);
  const d = valueDigits(k);
  const n = g && !ended ? neededPace(normalizeMetric(k.metric), k, g.value, f) : null;
  return `${ended ? "Missed" : "Forecast to miss"}: ${withUnit(f.value, k.unit, sep, d)} ${ended ? "on" : "by"} ${f.endDay}` + (g === null ? "" : ` (${goalWords(g, k.unit, sep, d)})`) + (n ? needWords(n, g!, k.unit, sep, d) : "");
}

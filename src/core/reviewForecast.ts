// The Mid-cycle Review's Forecast column (docs/lifecycle.md#mid-cycle-review): each KR's forecast as the
// Weekly Summary's Forecast section gives it, so "which KRs will miss", what keep / adjust / drop rest on,
// sits beside the decision. No forecast of its own: the ReportForecast the review's Signals are built from
// (reportSignals.ts, buildSummaryData as of the review's day), its `below` list the summary's (forecastMisses).
//
// Decisions:
// - Text, as the summary's Forecast column: "9.6% by 2026-04-05" (withUnit at the KR's decimals, the locale's
//   separator), then "— short of its goal" for a KR in the summary's Forecast list, "— on course" otherwise.
// - After the cycle's last day (a review made late, or for a day past it) the forecast is where the KR ended,
//   said as the summary's Forecast section then says it: "5.4% on 2026-04-05 — ended short of its goal", "… —
//   ended on course" (until session 20 "by 2026-04-05", a day gone, beside a summary saying "on").
// - A KR that cannot be forecast says why, in the forecast's own words ("not enough check-ins to forecast
//   yet", "milestones are not forecast"). Objectives are not forecast: their cell is empty.
import type { NumberStyle } from "./numbers";
import { forecastValueText, type ReportForecast } from "./summaryForecast";
import { shortOfGoal } from "./shortOfGoal";

export const SHORT_OF_GOAL = shortOfGoal();
export const ON_COURSE = "on course";
/** The same after the cycle's last day, as the summary's "key results that ended short of their goal". */
export const ENDED_SHORT_OF_GOAL = `ended ${SHORT_OF_GOAL}`;
export const ENDED_ON_COURSE = "ended on course";

/** KR ID → its Forecast cell text, for every KR of the report's forecast. */
export function reviewForecastTexts(f: ReportForecast, sep: NumberStyle): Map<string, string> {
  const below = new Set(f.below.map((k) => k.id));
  const ended = f.ended === true;
  const [shortWords, courseWords] = ended ? [ENDED_SHORT_OF_GOAL, ENDED_ON_COURSE] : [SHORT_OF_GOAL, ON_COURSE];
  const out = new Map<string, string>();
  for (const k of f.krs) {
    if (!k.forecast.ok) {
      out.set(k.id, k.forecast.reason);
      continue;
    }
    const value = forecastValueText(k, k.forecast, sep, ended);
    out.set(k.id, `${value} — ${below.has(k.id) ? shortWords : courseWords}`);
  }
  return out;
}

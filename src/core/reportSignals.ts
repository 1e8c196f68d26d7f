// The Signals block of the mid-cycle review and the retrospective: the same per-KR signals as the Weekly
// Summary as of the tab's day, and (retrospective) the team calibration of the aspirational KRs.
import type { TrackerEvaluation } from "./evaluate";
import { lowerTrim } from "./scoring";
import { objectiveKey } from "./objectiveKey";
import type { CheckinEntry, HistoryEntry, Tracker } from "./model";
import { buildSummaryData } from "./summary";
import { signalRows, type ForecastCell, type ReportForecast } from "./summaryForecast";
import { calibrationSignal } from "./signals";
import type { NumberStyle } from "./numbers";

/**
 * The Signals rows and the forecast they come from (the review's Forecast column: reviewForecast.ts). `history`:
 * History's rows, whose past weeks the summary's forecast takes over the log's (a History imported, a check-in
 * deleted since), so that both say the same of the same day.
 */
export function lifecycleReport(
  tracker: Tracker,
  checkins: CheckinEntry[],
  evaluation: TrackerEvaluation,
  asOf: string,
  withCalibration: boolean,
  sep: NumberStyle = ".",
  history: HistoryEntry[] = [],
): { signals: ForecastCell[][]; forecast: ReportForecast } {
  const f = buildSummaryData({ tracker, checkins, history, asOf, decimalSeparator: sep }).forecast;
  const signals = f.signals.slice();
  if (withCalibration) {
    const aspirational = new Set(tracker.objectives.filter((o) => lowerTrim(o.type) === "aspirational").map((o) => objectiveKey(o.id)));
    const krs = evaluation.krs.filter((k) => aspirational.has(objectiveKey(k.objectiveId)));
    // A KR never checked in scores from its start (a stay KR 1, an increase KR 0): no measure of the target.
    const checked = krs.filter((k) => k.started);
    const leftOut = krs.filter((k) => !k.started && k.score !== null).length;
    const c = calibrationSignal(checked.map((k) => k.score), sep, leftOut);
    if (c) signals.push(c);
  }
  return { signals: signalRows({ ...f, signals }), forecast: f };
}

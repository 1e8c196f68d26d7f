// The leaders' Weekly Summary as a pure model: structured data (SummaryData, summaryData.ts) plus the cell
// layout the server writes from A1 (SummaryModel.rows, summaryLayout.ts), and the History rows of the week.
//
// Rules (docs/summary.md, docs/scoring.md), decided precisely here:
// - Week N = weekNumber(asOf, start) clamped to 1..M (M = the cycle length in weeks).
// - A KR's value as of day D (valueAsOf): the check-in in the log with the latest date ≤ D (ties: the later
//   sheet row, then the later array position). A KR with NO check-in in the log at all but a value in its
//   Current cell (entered by hand) uses that value, provided its Last check-in date is blank or ≤ D.
//   Otherwise the value is null (not started: the score uses the start value).
//   A Current that differs from the value of the KR's latest check-in ≤ D, with no check-in after D, was typed
//   over the log: a fifth "This week" line names it (summaryTyped.ts), as Key Results scores it and we do not.
//   The summary evaluates a copy of the tracker whose KR current / confidence / last check-in are these
//   values as of asOf (so `summary --at` a past day shows that day), with evaluateTracker.
// - "Last week": the History rows of week N−1 when there are any (so week-over-week changes survive
//   later edits of the log); a KR absent from those rows, or every KR when week N−1 has no History rows,
//   is recomputed from the log as of asOf − 7 days. Week 1 has no last week: changes are null, no movers.
//   Last week's objective score = weighted mean of last week's KR scores (weight blank = 1, weight 0
//   excluded, KRs without a score excluded) — the same rule for both sources.
// - This period = the 7 days up to and including asOf (14 when the cadence is fortnightly): a check-in
//   dated exactly 7 days before asOf is outside it, one dated asOf is inside. Check-in rate = KRs with
//   at least one check-in in the period ÷ all KRs. Hand-entered values do not count as check-ins.
// - Trend: for weeks 1..N, the KR value (valueAsOf) at min(last day of that week, asOf).
// - Movers: change = KR score now − last week, both known and non-zero; top 3 up and top 3 down
//   (ties keep the tracker's KR order).
// - The log is read without the rows a later correction replaces (corrections.ts).
// - The leaders' view (summaryLeaders.ts, summaryThisWeek.ts): lists worst first by score − expected;
//   confidence now and as of asOf − 7 (log replay); Low confidence = On track and (confidence ≤ 4 or a
//   fall of ≥ 3); blockers of every check-in in the period; the three "This week" lines.
import type { HistoryEntry } from "./model";
import { summaryDataAndState } from "./summaryData";
import { layoutSummary, type SummaryCell } from "./summaryLayout";
import type { SummaryData, SummaryInput } from "./summaryTypes";
import { chartData, type ChartSpec } from "./charts";
import { layoutTrendBlock, type TrendBlock } from "./trendBlock";

export { latestCheckins, trackerAsOf, weightedMean } from "./summaryAsOf";
export { buildSummaryData } from "./summaryData";
export { FMT, krCount, layoutSummary, percent, periodText } from "./summaryLayout";
export type { SummaryCell, SummaryCellStyle } from "./summaryLayout";
export { KR_STATUS_ORDER } from "./summaryTypes";
export type {
  KrStatusLabel,
  SummaryAttentionKr,
  SummaryBlocker,
  SummaryData,
  SummaryInput,
  SummaryKr,
  SummaryLowConfidenceKr,
  SummaryMissingKr,
  SummaryMover,
  SummaryObjective,
  SummaryTrendRow,
} from "./summaryTypes";

export interface SummaryModel {
  width: number;
  /** The report: every row has exactly `width` cells; written from A1. */
  rows: SummaryCell[][];
  /** The Weekly Trend tab's cells: the trend and the Chart data the charts draw, laid out for the cycle (trendBlock.ts). */
  block: TrendBlock;
  week: number;
  weeks: number;
  historyRows: HistoryEntry[];
  data: SummaryData;
  /** The embedded charts (charts.ts), drawn from the Chart data block. */
  charts: ChartSpec[];
}

/** The Weekly Summary model: data, layout, the History rows of week N, the Trend and Chart data block and the charts. */
export function buildSummary(input: SummaryInput): SummaryModel {
  const { data, state } = summaryDataAndState(input);
  const laid = layoutSummary(data);
  const rows = laid.rows;
  // With the state columns (confidence, last check-in, its texts, same-value run) from the same replay.
  const states = state();
  const historyRows: HistoryEntry[] = data.krs.map((k) => ({
    week: data.week,
    asOf: data.asOf,
    krId: k.id,
    value: k.value,
    score: k.score,
    status: k.status,
    ...(states.get(k.id) || {}),
  }));
  // The charts draw History as it will be once this generation has written week N.
  const history = input.history.filter((h) => h.week < data.week).concat(historyRows);
  const tracker = { ...input.tracker, objectives: input.tracker.objectives.filter((o) => o.id !== null && o.id !== undefined && String(o.id) !== "") };
  const block = layoutTrendBlock(data, chartData(tracker, history));
  return { width: laid.width, rows, block, week: data.week, weeks: data.weeks, historyRows, data, charts: block.charts };
}

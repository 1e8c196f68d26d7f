// The structured Weekly Summary data (no layout): what summaryData.ts computes and summaryLayout.ts and
// emails.ts present.
import type { Cadence, CheckinEntry, HistoryEntry, Tracker } from "./model";
import { STATUS } from "./tabs";
import type { ReportForecast } from "./summaryForecast";
import type { NumberStyle } from "./numbers";
import type { Status } from "./tabs";

export interface SummaryInput {
  tracker: Tracker;
  checkins: CheckinEntry[];
  history: HistoryEntry[];
  /** YYYY-MM-DD */
  asOf: string;
  /** "YYYY-MM-DD HH:mm" in the spreadsheet's time zone: when this summary is generated (shown in the subtitle). */
  generatedAt?: string;
  /** The day the cycle was closed as of (core/cycleClosed.ts), when it has been: the subtitle says so. */
  closedOn?: string | null;
  /**
   * The spreadsheet locale's number style (numberStyleFor(ss.getSpreadsheetLocale()): its decimal separator,
   * then its thousands separator, which money is grouped with): numbers inside text (the "This week" lines,
   * forecasts, signal reasons, the text trend, the digest) use it. "." when not given.
   */
  decimalSeparator?: NumberStyle;
  /**
   * The trend's values of past weeks as the Weekly Trend tab holds them (server/trendCache.ts),
   * key `${week}\0${krId}` as pastWeekValues: given when History's rows of those weeks were not read. History's
   * rows, where read, take precedence.
   */
  pastValues?: Map<string, number | null>;
  /**
   * The day each week of `pastValues` is as of (week → day: the summary that wrote the week's column, its
   * History rows' As of, trendCache.ts); History's As of, where its rows are read, takes precedence. A week
   * without a day is dated at its last day (summaryPast.ts trendWeekDays).
   */
  pastDays?: Map<number, string>;
}

/** The five KR status labels, in the order the summary lists them. */
export const KR_STATUS_ORDER = [STATUS.onTrack, STATUS.atRisk, STATUS.offTrack, STATUS.notStarted, STATUS.setupError] as const;
export type KrStatusLabel = (typeof KR_STATUS_ORDER)[number];

export interface SummaryObjective {
  id: string;
  title: string;
  owner: string;
  score: number | null;
  lastWeekScore: number | null;
  /** score − lastWeekScore to the 2 decimals shown (0, never −0, when it shows 0.00); null when either is unknown or in week 1. */
  change: number | null;
  expected: number;
  /** score − expected; null without a score. */
  gap: number | null;
  status: Status;
}

export interface SummaryKr {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  /** The KR value as of asOf (see valueAsOf); null = no check-in yet. */
  value: number | null;
  score: number | null;
  lastWeekScore: number | null;
  /** score − lastWeekScore to the 2 decimals shown, as SummaryObjective.change. */
  change: number | null;
  expected: number;
  status: Status;
  /** score − expected (negative = behind); null without a score. Lists are sorted by it, worst first. */
  gap: number | null;
  /** Last week's status (History's or the log's as of asOf − 7); null in week 1 or when unknown. */
  lastWeekStatus: string | null;
  /** Confidence (1–10) of the check-in the value comes from (or typed by hand); null = none. */
  confidence: number | null;
  /** Confidence as of last week (lastWeekConfidence in summaryLeaders.ts); null in week 1 or when none. */
  lastWeekConfidence: number | null;
  /** confidence − lastWeekConfidence; null when either is unknown. */
  confidenceChange: number | null;
  /** Date of the latest check-in ≤ asOf (or the hand-entered Last check-in), null = never. */
  lastCheckin: string | null;
  checkedInThisPeriod: boolean;
}

export interface SummaryAttentionKr {
  id: string;
  title: string;
  owner: string;
  status: Status;
  score: number | null;
  gap: number | null;
  confidence: number | null;
  confidenceChange: number | null;
  /** "Forecast to miss: 85.25% by 2026-04-05 (target 95%)" when the forecast says it ends short of its goal, else "". */
  forecastMiss: string;
  /** From the KR's latest check-in dated ≤ asOf ("" when none). */
  whatChanged: string;
  blockers: string;
  nextStep: string;
  lastCheckin: string | null;
}

/** An On-track KR whose confidence is low (≤ 4) or fell by 3 or more since last week. */
export interface SummaryLowConfidenceKr {
  id: string;
  title: string;
  owner: string;
  score: number | null;
  confidence: number;
  lastWeekConfidence: number | null;
  confidenceChange: number | null;
  /** "Confidence 3 of 10", "Fell from 8 to 5", or both. */
  reason: string;
  whatChanged: string;
}

/** Blockers one check-in of this period reported (replaced check-ins left out). */
export interface SummaryBlocker {
  id: string;
  title: string;
  owner: string;
  status: Status;
  /** YYYY-MM-DD of the check-in. */
  date: string;
  blockers: string;
  nextStep: string;
}

export interface SummaryMissingKr {
  id: string;
  /** Its objective's ID, as the KR's row has it: the reminders tell the objective's owner (core/reminders.ts). */
  objectiveId: string;
  title: string;
  owner: string;
  /** YYYY-MM-DD, or null = never checked in. */
  lastCheckin: string | null;
}

export interface SummaryMover {
  id: string;
  title: string;
  owner: string;
  lastWeekScore: number;
  score: number;
  change: number;
  /** Its value is last week's: the score moved because its start, target or metric was edited. */
  valueUnchanged?: true;
  /**
   * Its value moved and its start, target or metric was edited too: the change its value alone made (last
   * week's value scored as the KR is now), 2 decimals; absent when the edit changed nothing of the score.
   */
  fromValue?: number;
}

export interface SummaryTrendRow {
  id: string;
  title: string;
  /** values[w − 1] = the value as of week w's day (days[w − 1]); null before the first check-in. */
  values: (number | null)[];
  /**
   * days[w − 1] = the day values[w − 1] is as of: the trend's day of week w, the same for every KR
   * (SummaryData.trend.days). The forecast dates its points by them (summaryForecast.ts forecastPoints).
   */
  days: string[];
  /** The KR's cells hold fractions shown as percentages (KeyResult.percentCells): its values read × 100. */
  percentCells?: true;
  /** The KR's unit, where it has one and is no milestone: the `Last weeks` text writes its values in it (trendWords.ts). */
  unit?: string;
  /** A money KR's valueDigits where they are more than money's 2 (0.05 → 0.03 $: 4): `Last weeks` writes its values so. */
  digits?: number;
  /**
   * Such a KR's format where it needs more decimals than PERCENT_VALUE_FORMAT's one (forecast.ts
   * percentValueFormat: "0.000%" for 0.5% → 0.3%); absent: PERCENT_VALUE_FORMAT.
   */
  percentFormat?: string;
}

export interface SummaryData {
  cycleName: string;
  /** YYYY-MM-DD */
  start: string;
  /** Exclusive end: start + 7 × weeks. */
  end: string;
  week: number;
  weeks: number;
  asOf: string;
  generatedAt?: string;
  /** The day the cycle was closed as of, when it has been. */
  closedOn?: string;
  /** The separator the numbers in this data's text were written with, for the layout and the digest to use the same. */
  decimalSeparator: NumberStyle;
  /** 0..1 */
  elapsed: number;
  cadence: Cadence;
  /** 7 or 14 */
  periodDays: number;
  /** First day of this check-in period (asOf − periodDays + 1, or the cycle's start when that is later). */
  periodStart: string;
  overall: { score: number | null; expected: number; status: Status };
  statusCounts: Record<KrStatusLabel, number>;
  checkinRate: { checkedIn: number; total: number; rate: number | null };
  lastWeek: { source: "history" | "log" | "none"; week: number | null; asOf: string | null };
  /** Worst first: by score − expected, objectives without a score last, ties in tracker order. */
  objectives: SummaryObjective[];
  /** Tracker order. */
  krs: SummaryKr[];
  /** Off track first, then at risk; worst first within each (ties in tracker order). */
  attention: SummaryAttentionKr[];
  /** On-track KRs with low or falling confidence; lowest confidence first. */
  lowConfidence: SummaryLowConfidenceKr[];
  /** Every check-in of this period that reported blockers: KRs worst first, a KR's newest first. */
  blockers: SummaryBlocker[];
  /** Three lines a leader can paste into a message: status changes, check-ins, biggest gain and drop. */
  thisWeek: string[];
  /** Worst first (ties in tracker order). */
  missing: SummaryMissingKr[];
  movers: { up: SummaryMover[]; down: SummaryMover[] };
  /** days[w − 1]: the day week w's values are as of, one for every KR (summaryPast.ts trendWeekDays). */
  trend: { weeks: number[]; days: string[]; rows: SummaryTrendRow[] };
  /** Forecast per KR, the KRs falling short of their goal, and the signals (summaryForecast.ts). */
  forecast: ReportForecast;
}

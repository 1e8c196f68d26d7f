// The structured Weekly Summary data (no layout): what summaryData.ts computes and summaryLayout.ts and
// emails.ts present.
import type { Cadence, CheckinEntry, HistoryEntry, Tracker } from "./model";
import { STATUS } from "./tabs";
import type { ReportForecast } from "./summaryForecast";
import type { Status } from "./tabs";

export interface SummaryInput {
  tracker: Tracker;
  checkins: CheckinEntry[];
  history: HistoryEntry[];
  /** YYYY-MM-DD */
  asOf: string;
  /** "YYYY-MM-DD HH:mm" in the spreadsheet's time zone: when this summary is generated (shown in the subtitle). */
  generatedAt?: string;
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
  /** score − lastWeekScore; null when either is unknown or in week 1. */
  change: number | null;
  expected: number;
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
  change: number | null;
  expected: number;
  status: Status;
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
  /** From the KR's latest check-in dated ≤ asOf ("" when none). */
  whatChanged: string;
  blockers: string;
  nextStep: string;
  lastCheckin: string | null;
}

export interface SummaryMissingKr {
  id: string;
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
}

export interface SummaryTrendRow {
  id: string;
  title: string;
  /** values[w − 1] = the value at the end of week w (capped at asOf); null before the first check-in. */
  values: (number | null)[];
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
  /** 0..1 */
  elapsed: number;
  cadence: Cadence;
  /** 7 or 14 */
  periodDays: number;
  /** First day of this check-in period (asOf − periodDays + 1). */
  periodStart: string;
  overall: { score: number | null; expected: number; status: Status };
  statusCounts: Record<KrStatusLabel, number>;
  checkinRate: { checkedIn: number; total: number; rate: number | null };
  lastWeek: { source: "history" | "log" | "none"; week: number | null; asOf: string | null };
  objectives: SummaryObjective[];
  krs: SummaryKr[];
  /** Off track first, then at risk; tracker order within each. */
  attention: SummaryAttentionKr[];
  missing: SummaryMissingKr[];
  movers: { up: SummaryMover[]; down: SummaryMover[] };
  trend: { weeks: number[]; rows: SummaryTrendRow[] };
  /** Forecast per KR, the KRs heading below their goal, and the signals (summaryForecast.ts). */
  forecast: ReportForecast;
}

// The tracker's data as the server reads it from the sheet, in plain types. Dates are "YYYY-MM-DD"
// strings (calendar days in the spreadsheet's time zone), so core code never meets a time zone.
import type { Metric, ObjectiveType, Status } from "./tabs";

export type Cadence = "weekly" | "fortnightly";

export interface Settings {
  cycleName: string;
  /** YYYY-MM-DD */
  startDate: string;
  weeks: number;
  cadence: Cadence;
  /** "Monday" … "Sunday" */
  weekday: string;
  onTrackGap: number;
  atRiskGap: number;
  aspirationalGoal: number;
  leaders: string[];
  admins: string[];
  emailDigest: boolean;
  ownerReminders: boolean;
}

/** An objective's own columns: what a user, a template or an import defines. */
export interface ObjectiveFields {
  id: string;
  title: string;
  owner: string;
  team: string;
  parentId: string;
  type: ObjectiveType;
  pnlLink: string;
}

export interface Objective extends ObjectiveFields {
  /** 1-based sheet row. */
  row: number;
}

/** A key result's own columns: what a user, a template or an import defines. */
export interface KeyResultFields {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  metric: Metric;
  unit: string;
  start: number | null;
  target: number | null;
  /** null = blank = 1 */
  weight: number | null;
}

export interface KeyResult extends KeyResultFields {
  row: number;
  /** null = no check-in yet (the score then uses start). */
  current: number | null;
  confidence: number | null;
  /** YYYY-MM-DD or null */
  lastCheckin: string | null;
  /**
   * A % KR whose Start and Target cells hold fractions shown as percentages (typed 82%, they hold 0.82):
   * set by the server where it reads their number formats (server/percentCells.ts); reports show it × 100.
   */
  percentCells?: boolean;
  /**
   * The `Counts from` cell (core/countsFrom.ts): a date serial, text (a setup error), or null/absent = blank,
   * the cycle's start. Absent on a tracker set up before the column.
   */
  countsFrom?: number | string | null;
}

export interface CheckinEntry {
  row: number;
  /** ISO date-time of the check-in. */
  timestamp: string;
  /** YYYY-MM-DD of the timestamp in the spreadsheet time zone. */
  date: string;
  week: number;
  krId: string;
  value: number;
  confidence: number | null;
  whatChanged: string;
  blockers: string;
  nextStep: string;
  author: string;
  requestId: string;
}

export interface HistoryEntry {
  week: number;
  /** YYYY-MM-DD */
  asOf: string;
  krId: string;
  value: number | null;
  score: number | null;
  status: Status | string;
  // The KR's state as of `asOf`, written with each summary (HISTORY_STATE_HEADERS); absent on rows of a
  // History tab made before these columns, or left blank. The incremental summary (summaryPast.ts) starts
  // from it; the leaders' view reads last week's confidence from it.
  /** Confidence as of `asOf` (its latest check-in's, or typed by hand); null = none. */
  confidence?: number | null;
  /** Date of the latest check-in ≤ asOf (or the hand-entered Last check-in); null = never. */
  lastCheckin?: string | null;
  whatChanged?: string;
  blockers?: string;
  nextStep?: string;
  /** How many of the KR's latest check-ins (≤ asOf, log order) carry this value in a row, at most 3; 0 = none logged. */
  sameValue?: number | null;
}

export interface Tracker {
  settings: Settings;
  objectives: Objective[];
  keyResults: KeyResult[];
}

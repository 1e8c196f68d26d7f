// Tab names and exact header rows (docs/workbook.md). Reading code finds columns by these header names,
// never by position, so a user who moves a column does not break the tracker.

export const TAB = {
  settings: "Settings",
  objectives: "Objectives",
  keyResults: "Key Results",
  checkins: "Check-ins",
  summary: "Weekly Summary",
  /** The trend by week and the charts' data, written by the summary (core/trendBlock.ts). */
  trend: "Weekly Trend",
  history: "History",
  review: "Mid-cycle Review",
  retrospective: "Retrospective",
} as const;

export const OBJECTIVE_HEADERS = [
  "ID",
  "Objective",
  "Owner",
  "Team",
  "Parent ID",
  "Type",
  "P&L link",
  "Score",
  "Expected",
  "Status",
] as const;

export const KR_HEADERS = [
  "ID",
  "Objective ID",
  "Key result",
  "Owner",
  "Metric",
  "Unit",
  "Start",
  "Target",
  "Weight",
  "Current",
  "Confidence",
  "Last check-in",
  "Score",
  "Expected",
  "Status",
] as const;

// Helper columns after the spec's columns ("more columns may follow"). The first two let the objective
// score be a plain SUMIF, which every spreadsheet engine evaluates the same way; "Objective name" saves
// the sidebar a read of the Objectives tab, and "Objective owner" (session 18) another: an objective's owner
// sees and checks in on its KRs (docs/checkins.md); "Weighted pace offset" lets the objective's Expected be a plain
// SUMIF too (a KR added mid-cycle: KR_COUNTS_FROM_HEADERS below); "Request IDs" keeps the last few check-in
// request IDs of the KR so a resend is recognised without reading the log. "Weighted pace offset" came in
// session 14: a new tracker has it beside the other formula columns (so setup writes them in one call),
// one set up before gets it from Repair after its last column.
export const KR_HELPER_HEADERS = ["Weighted score", "Counted weight", "Objective name", "Objective owner", "Weighted pace offset", "Request IDs"] as const;

// The forecast (docs/forecast.md), values the add-on writes at each check-in and summary. They follow the
// helpers; a tracker set up before them gets them from Repair tracker, and works without them meanwhile.
export const KR_FORECAST_HEADERS = ["Forecast", "Forecast score", "Weeks to target"] as const;

// A KR's own start of pace (docs/scoring.md#a-kr-added-mid-cycle): `Counts from`, a date typed by the user
// or written by an import after the cycle's start. It is the table's last column, after the forecast's
// (the add-on's protected columns stay one run before it); a tracker set up before it gets it from Repair
// tracker, and works without it meanwhile (every KR then counts from the cycle's start).
export const KR_COUNTS_FROM_HEADERS = ["Counts from"] as const;

/** The Key Results columns session 14 added for it: a tracker set up before has neither. */
export const KR_PACE_HEADERS = ["Weighted pace offset", "Counts from"] as const;

export const CHECKIN_HEADERS = [
  "Timestamp",
  "Week",
  "KR ID",
  "Value",
  "Confidence",
  "What changed",
  "Blockers",
  "Next step",
  "Author",
  "Request ID",
] as const;

export const HISTORY_HEADERS = ["Week", "As of", "KR ID", "Value", "Score", "Status"] as const;

// The KR's state as of each summary, after the History columns above: what the next summary starts from so it
// reads only the log rows added since (docs/summary.md#reading-only-what-is-needed). A History tab made before
// them gets them from Repair tracker, and works without them meanwhile (the summary then reads the whole log).
export const HISTORY_STATE_HEADERS = ["Confidence", "Last check-in", "What changed", "Blockers", "Next step", "Same-value check-ins"] as const;

export const SETTINGS_HEADERS = ["Setting", "Value", "Notes"] as const;

/** Settings rows: label (column A), named range (for formulas), default, note. */
export const SETTINGS_ROWS = [
  { key: "cycleName", label: "Cycle name", name: "CycleName", def: "Cycle 1", note: "Shown on the summary." },
  { key: "startDate", label: "Start date", name: "CycleStart", def: "", note: "First day of the cycle (a date)." },
  { key: "weeks", label: "Length in weeks", name: "CycleWeeks", def: 13, note: "Whole number, 1–52. Default 13." },
  { key: "cadence", label: "Check-in cadence", name: "CheckinCadence", def: "weekly", note: "weekly or fortnightly." },
  { key: "weekday", label: "Check-in weekday", name: "CheckinWeekday", def: "Monday", note: "Day of the automatic weekly refresh (between 07:00 and 08:00: Google picks the minute). It reports the week to the day before (on Monday: Monday to Sunday just ended), so this day's check-ins count in the next one." },
  { key: "onTrackGap", label: "On track if gap ≤", name: "OnTrackGap", def: 0.1, note: "gap = expected − score." },
  { key: "atRiskGap", label: "At risk if gap ≤", name: "AtRiskGap", def: 0.25, note: "Above this the KR is off track." },
  { key: "aspirationalGoal", label: "Aspirational goal", name: "AspirationalGoal", def: 0.7, note: "Expected end score for aspirational objectives." },
  { key: "leaders", label: "Leaders' emails", name: "LeaderEmails", def: "", note: "Comma-separated; receive the digest if enabled." },
  { key: "admins", label: "Admins' emails", name: "AdminEmails", def: "", note: "Comma-separated; see and check in every KR." },
  { key: "emailDigest", label: "Email digest to leaders", name: "EmailDigest", def: "off", note: "on or off." },
  { key: "ownerReminders", label: "Remind owners who missed a check-in", name: "OwnerReminders", def: "off", note: "on or off." },
] as const;

/**
 * A header's cells joined by "|", and one "|" more once its last cell is no longer in its column: each
 * reference follows its cell, so after a column inserted by hand among them the join skips the new column
 * and names every header after it one column to the left, where a check-in wrote its value (an admin's
 * into Weight). The extra "|" makes the text split into a count no reader takes, and the header is read.
 */
function joined(tab: string, letters: string): string {
  const last = `'${tab}'!${letters.slice(-1)}1`;
  return `=${letters.split("").map((c) => `'${tab}'!${c}1`).join('&"|"&')}&IF(COLUMN(${last})=${letters.length},"","|")`;
}

/** Values the add-on computes into the Settings tab (below the settings) so one read gets them. */
// The check-in log's row count and header let a check-in read just the log's tail, by header name,
// without a separate call to find the last row.
export const SETTINGS_COMPUTED = [
  { label: "Check-in rows (computed)", name: "CheckinRows", formula: "=MAX(0,COUNTA('Check-ins'!A:A)-1)" },
  {
    label: "Check-in header (computed)",
    name: "CheckinHeader",
    formula: joined("Check-ins", "ABCDEFGHIJKLMNOP"),
  },
  // Rows inserted above the log's header move this reference (in Sheets as in any spreadsheet), so the
  // log's last rows are still found exactly.
  { label: "Check-in header row (computed)", name: "CheckinHeaderRow", formula: "=ROW('Check-ins'!A1)" },
  // The Key Results header and its row, so a check-in reads its KR's row alone (by header name) without
  // reading the table or its header first: the same Settings read carries them.
  {
    label: "Key result header (computed)",
    name: "KrHeader",
    formula: joined("Key Results", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
  },
  { label: "Key result header row (computed)", name: "KrHeaderRow", formula: "=ROW('Key Results'!A1)" },
  // How many cells of the ID column hold something (the header's included): the sidebar reads that many
  // rows below the header, and the table whole only if the IDs it finds there are fewer (a gap among them).
  { label: "Key result IDs (computed)", name: "KrIds", formula: "=COUNTA('Key Results'!A:A)" },
  // The Objectives and History headers' rows, moving the same way: every operation reading those tabs takes
  // a header that rows inserted above pushed below the rows it searches where these place it, from the
  // Settings read it makes anyway (no call more).
  { label: "Objective header row (computed)", name: "ObjectiveHeaderRow", formula: "=ROW('Objectives'!A1)" },
  { label: "History header row (computed)", name: "HistoryHeaderRow", formula: "=ROW('History'!A1)" },
] as const;

/** The label of a computed Settings row, by the name of its named range. */
export function computedLabel(name: (typeof SETTINGS_COMPUTED)[number]["name"]): string {
  for (const c of SETTINGS_COMPUTED) if (c.name === name) return c.label;
  throw new Error(`No computed setting ${name}`);
}

export type SettingKey = (typeof SETTINGS_ROWS)[number]["key"];

export const STATUS = {
  onTrack: "On track",
  atRisk: "At risk",
  offTrack: "Off track",
  notStarted: "Not started",
  setupError: "Setup error",
  noKeyResults: "No key results",
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

export const METRICS = ["increase", "decrease", "stay_above", "stay_below", "milestone"] as const;
export type Metric = (typeof METRICS)[number];

export const OBJECTIVE_TYPES = ["committed", "aspirational"] as const;
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];

export const PNL_LINKS = ["revenue", "margin", "cost", "cash", "none"] as const;
export type PnlLink = (typeof PNL_LINKS)[number];

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// The Weekly Summary tab's layout: SummaryData as rows of cells written from A1.
import { generatedSuffix, scoresNote } from "./summaryStamp";
import { closedSuffix } from "./cycleClosed";
import { KR_STATUS_ORDER, type SummaryData, type SummaryMover } from "./summaryTypes";
import { forecastRows, signalRows } from "./summaryForecast";
import { krsText } from "./summaryThisWeek";
import { blockerRows, confidenceCells, lowConfidenceRows, num, thisWeekRows } from "./summaryLeadersLayout";
import { decimalText, shownRound } from "./numbers";
import { attentionWords } from "./summaryLeaders";

export type SummaryCellStyle = "title" | "subtitle" | "heading" | "header" | "label" | "status" | "muted" | "note";

export interface SummaryCell {
  /**
   * The value. Text that came from the sheet (titles, owners, comments) is given raw; such cells carry
   * fmt "@" and the writer must keep them text (it may begin with = + - @: render.ts writes it with asText).
   * Dates are "YYYY-MM-DD" strings with fmt "yyyy-mm-dd".
   */
  v: string | number | null;
  /** Number format: "0.00", "+0.00;-0.00;0.00", "0%", "yyyy-mm-dd", or "@" (plain text). */
  fmt?: string;
  style?: SummaryCellStyle;
  /** A formula to write instead of v (A1 references relative to the summary tab written from A1). */
  formula?: string;
}

/** The summary's title, "Weekly summary — <cycle>" in A1: how the summary, Repair and a roll over tell the tab is ours (server/reportTabs.ts). */
export const SUMMARY_TITLE = "Weekly summary";

export const FMT = {
  score: "0.00",
  change: "+0.00;-0.00;0.00",
  rate: "0%",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

function text(v: string, style?: SummaryCellStyle): SummaryCell {
  const c: SummaryCell = { v, fmt: FMT.text };
  if (style) c.style = style;
  return c;
}
function label(v: string, style: SummaryCellStyle = "label"): SummaryCell {
  return { v, style };
}
function status(v: string): SummaryCell {
  return { v, style: "status" };
}
function date(v: string | null): SummaryCell {
  return v ? { v, fmt: FMT.date } : { v: "never", style: "muted" };
}
function headers(...names: string[]): SummaryCell[] {
  return names.map((n) => ({ v: n, style: "header" as const }));
}
function none(message: string): SummaryCell[] {
  return [{ v: message, style: "muted" }];
}

/** "Off track" etc. as a plain-language count: "1 key result", "3 key results". */
export function krCount(n: number): string {
  return `${n} key result${n === 1 ? "" : "s"}`;
}

/**
 * A rate as whole percent ("38%"), rounded as Sheets' "0%" format shows it: half away from zero on the
 * decimal figure (numbers.ts shownRound), since 0.285 × 100 is 28.499999999999996 in floating point
 * (Math.round alone gives 28%, the format 29%). The one rounding for
 * the report's rates (written as this text: server/render.ts), the subtitles and the digest, so they agree.
 */
export function percent(x: number): string {
  const p = shownRound(Math.abs(x) * 100, 0);
  return `${x < 0 && p > 0 ? "-" : ""}${p}%`;
}

/** "2026-01-06 to 2026-01-12" */
export function periodText(data: SummaryData): string {
  return `${data.periodStart} to ${data.asOf}`;
}

/** Lays the data out as rows for the Weekly Summary tab (written from A1). */
export function layoutSummary(data: SummaryData): { width: number; rows: SummaryCell[][] } {
  const rows: SummaryCell[][] = [];
  const push = (cells: SummaryCell[]) => rows.push(cells);
  const blank = () => rows.push([]);

  push([text(`${SUMMARY_TITLE} — ${data.cycleName}`, "title")]);
  push([
    label(`Week ${data.week} of ${data.weeks} · as of ${data.asOf} · ${percent(data.elapsed)} of the cycle elapsed${closedSuffix(data.closedOn)}${generatedSuffix(data.generatedAt)}`, "subtitle"),
  ]);
  blank();
  for (const row of thisWeekRows(data)) push(row);
  blank();

  // Overall
  push([label("Overall", "heading")]);
  push(headers("Score", "Expected", "Status", "Check-in rate", "Checked in", "Period"));
  const r = data.checkinRate;
  push([
    num(data.overall.score, FMT.score),
    num(data.overall.expected, FMT.score),
    status(data.overall.status),
    num(r.rate, FMT.rate),
    label(`${r.checkedIn} of ${krsText(r.total)}`),
    label(periodText(data)),
  ]);
  blank();

  // Needs attention
  const attention = attentionWords(data.forecast.ended);
  push([label(attention.heading, "heading")]);
  push(headers("ID", "Key result", "Owner", "Status", "Score", "Confidence", "Confidence change", "Forecast", "Latest comment", "Blockers", "Next step"));
  if (data.attention.length === 0) push(none(attention.none));
  for (const k of data.attention) {
    push([
      text(k.id),
      text(k.title),
      text(k.owner),
      status(k.status),
      num(k.score, FMT.score),
      ...confidenceCells(k.confidence, k.confidenceChange),
      text(k.forecastMiss),
      text(k.whatChanged),
      text(k.blockers),
      text(k.nextStep),
    ]);
  }
  blank();

  // The leaders' lists (summaryLeadersLayout.ts)
  for (const row of lowConfidenceRows(data)) push(row);
  blank();
  for (const row of blockerRows(data)) push(row);
  blank();

  // Objectives
  push([label("Objectives: furthest behind expected first", "heading")]);
  push(headers("ID", "Objective", "Owner", "Score", "Change since last week", "Expected", "Status"));
  if (data.objectives.length === 0) push(none("None — the tracker has no objectives yet."));
  for (const o of data.objectives) {
    push([
      text(o.id),
      text(o.title),
      text(o.owner),
      num(o.score, FMT.score),
      o.change === null ? { v: "—", style: "muted" } : num(o.change, FMT.change),
      num(o.expected, FMT.score),
      status(o.status),
    ]);
  }
  blank();

  // Counts
  push([label("Key results by status", "heading")]);
  push(headers("Status", "Key results", "Share"));
  for (const st of KR_STATUS_ORDER) {
    const n = data.statusCounts[st];
    push([status(st), { v: n }, num(data.krs.length > 0 ? n / data.krs.length : null, FMT.rate)]);
  }
  blank();

  // Missing check-ins
  push([label(`Missing check-ins: no check-in from ${data.periodStart} to ${data.asOf}`, "heading")]);
  push(headers("ID", "Key result", "Owner", "Last check-in"));
  if (data.missing.length === 0) push(none("None — every key result has checked in this period."));
  for (const k of data.missing) push([text(k.id), text(k.title), text(k.owner), date(k.lastCheckin)]);
  blank();

  // Movers
  push([label("Biggest movers since last week", "heading")]);
  push(headers("Direction", "ID", "Key result", "Owner", "Last week", "Now", "Change"));
  if (data.lastWeek.source === "none") push(none("None — this is the first week of the cycle."));
  else if (data.movers.up.length + data.movers.down.length === 0) push(none("None — no score changed since last week."));
  const mover = (dir: string, m: SummaryMover) =>
    push([label(dir), text(m.id), text(m.title), text(m.owner), num(m.lastWeekScore, FMT.score), num(m.score, FMT.score), num(m.change, FMT.change)]);
  for (const m of data.movers.up) mover("Up", m);
  for (const m of data.movers.down) mover("Down", m);
  blank();

  // Forecast and signals (summaryForecast.ts)
  const sep = data.decimalSeparator;
  for (const row of forecastRows(data.forecast, sep)) push(row);
  blank();
  for (const row of signalRows(data.forecast)) push(row);
  blank();

  const lw =
    data.lastWeek.source === "history"
      ? `Change compares with the History rows of week ${data.lastWeek.week}.`
      : data.lastWeek.source === "log"
        ? `Change compares with the check-in log as of ${data.lastWeek.asOf} (no History rows for week ${data.lastWeek.week}).`
        : "Week 1: there is no last week to compare with.";
  push([
    label(
      `${scoresNote(sep, ". Expected")} (${decimalText("1.0", sep)} for committed, the aspirational goal for aspirational objectives). ` +
        lw,
      "note",
    ),
  ]);

  const width = Math.max(7, ...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push({ v: null });
  return { width, rows };
}


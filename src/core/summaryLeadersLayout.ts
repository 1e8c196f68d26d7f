// Layout of the leaders' sections of the Weekly Summary (summaryLeaders.ts): "This week", Low confidence,
// Blockers, and the trend as text for spreadsheets without SPARKLINE.
import type { SummaryData } from "./summaryTypes";
import type { SummaryCell, SummaryCellStyle } from "./summaryLayout";
import { CONFIDENCE_DROP, LOW_CONFIDENCE } from "./summaryLeaders";
import { decimalText, shownRound, type NumberStyle } from "./numbers";

/** Confidence change: "+2", "-3", "0". */
export const CONFIDENCE_CHANGE_FMT = "+0;-0;0";
/** How many of the last weeks the text trend shows. */
export const TREND_TEXT_WEEKS = 6;
const BLOCKS = "▁▂▃▄▅▆▇█";

const text = (v: string, style?: SummaryCellStyle): SummaryCell => (style ? { v, fmt: "@", style } : { v, fmt: "@" });
const label = (v: string, style: SummaryCellStyle = "label"): SummaryCell => ({ v, style });
const header = (...names: string[]): SummaryCell[] => names.map((n) => ({ v: n, style: "header" as const }));
const none = (message: string): SummaryCell[] => [{ v: message, style: "muted" }];
/** A number cell in `fmt`, or a blank one for no number. */
export const num = (v: number | null | undefined, fmt: string): SummaryCell => (v === null || v === undefined || !isFinite(v) ? { v: null } : { v, fmt });
const change = (v: number | null): SummaryCell => (v === null ? { v: "—", style: "muted" } : { v, fmt: CONFIDENCE_CHANGE_FMT });

function period(d: SummaryData): string {
  return d.periodDays === 14 ? "this fortnight" : "this week";
}

/** "This week": the three lines, one cell each, as text. */
export function thisWeekRows(d: SummaryData): SummaryCell[][] {
  return [[label(d.periodDays === 14 ? "This fortnight" : "This week", "heading")], ...d.thisWeek.map((line) => [text(line)])];
}

/** The confidence cells of a KR row: now (blank when none) and the change since last week ("—" unknown). */
export function confidenceCells(confidence: number | null, confidenceChange: number | null): SummaryCell[] {
  return [num(confidence, "0"), change(confidenceChange)];
}

export function lowConfidenceRows(d: SummaryData): SummaryCell[][] {
  const rows: SummaryCell[][] = [
    [label(`Low confidence: on track, but confidence ${LOW_CONFIDENCE} or less, or down ${CONFIDENCE_DROP} or more since last week`, "heading")],
    header("ID", "Key result", "Owner", "Score", "Confidence", "Confidence change", "Why", "Latest comment"),
  ];
  if (d.lowConfidence.length === 0) rows.push(none("None — no on-track key result has low or falling confidence."));
  for (const k of d.lowConfidence) {
    rows.push([text(k.id), text(k.title), text(k.owner), num(k.score, "0.00"), ...confidenceCells(k.confidence, k.confidenceChange), label(k.reason), text(k.whatChanged)]);
  }
  return rows;
}

export function blockerRows(d: SummaryData): SummaryCell[][] {
  const rows: SummaryCell[][] = [
    [label(`Blockers reported ${period(d)}: every check-in from ${d.periodStart} to ${d.asOf}`, "heading")],
    header("ID", "Key result", "Owner", "Status", "Check-in", "Blockers", "Next step"),
  ];
  if (d.blockers.length === 0) rows.push(none(`None — no check-in ${period(d)} reported a blocker.`));
  for (const b of d.blockers) {
    rows.push([text(b.id), text(b.title), text(b.owner), { v: b.status, style: "status" }, { v: b.date, fmt: "yyyy-mm-dd" }, text(b.blockers), text(b.nextStep)]);
  }
  return rows;
}

/** A value as the text trend shows it: at most 4 significant digits below 1,000, whole numbers above. */
export function shortNumber(v: number, sep: NumberStyle = "."): string {
  if (Math.abs(v) >= 1000 || v === 0 || !isFinite(v)) return decimalText(String(Math.round(v)), sep);
  // Four significant digits, rounded as a cell shows them (shownRound: 1.0005 is 1.001, not toPrecision's 1).
  return decimalText(String(shownRound(v, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v))))) || 0), sep);
}

/**
 * The trend for spreadsheets that have no SPARKLINE (LibreOffice, Excel, the preview): the last weeks'
 * values as blocks scaled between their lowest and highest, then as numbers, "▁▄█ 82 → 85 → 88".
 * Weeks before the first check-in are left out; "" when there is no value at all.
 */
export function trendText(values: (number | null)[], sep: NumberStyle = "."): string {
  const shown = values.slice(-TREND_TEXT_WEEKS).filter((v): v is number => v !== null && isFinite(v));
  if (shown.length === 0) return "";
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  const blocks = shown.map((v) => BLOCKS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))]).join("");
  return `${blocks} ${shown.map((v) => shortNumber(v, sep)).join(" → ")}`;
}

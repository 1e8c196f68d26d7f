// The Weekly Trend tab (docs/summary.md, "The Weekly Trend tab"): the trend, a row per KR with a column per
// week of the whole cycle, then the Chart data tables the Weekly Summary's charts draw, below it in the same
// week columns. Nothing in it moves from week to week while the KRs and objectives stay the same, so an
// ordinary week writes only its own week's column (the KR values and the charts' values, one range) and the
// `Last weeks` text column; the past weeks stay where they were written and are read back instead of
// History's rows of every week (server/trendCache.ts). Its own tab, so that the Weekly Summary can still be
// cleared whole every week (Sheet.clear: one call, whatever the tab holds).
import { columnLetter } from "./a1";
import { chartBlock, type ChartData, type ChartSpec } from "./charts";
import { lastWeeksText } from "./trendWords";
import type { SummaryCell } from "./summaryLayout";
import type { SummaryData } from "./summaryTypes";
import type { Tracker } from "./model";
import { withoutBlankIds } from "./summaryData";
import { lowerTrim } from "./scoring";
import { digest } from "./summaryPast";
import { TAB } from "./tabs";
import { PERCENT_VALUE_FORMAT, valueAsShown } from "./forecast";
import { unusualPercentFormat } from "./valueDigits";

/** Top-left corner of the Weekly Summary's charts: beside its first sections, right of their widest table (10 columns). */
export const CHART_ANCHOR = { row: 3, column: 12 };
/** The tab's first cell: how a summary tells the add-on's Weekly Trend from someone's tab of that name. */
/**
 * The Weekly Trend's heading. A week's column holds each KR's value on the day that week's summary was made
 * (History's As of: with the weekly refresh, the morning of the check-in weekday, before that day's
 * check-ins), which the heading said was "the end of each week" until session 12.
 */
export const TREND_HEADING = "Trend: each KR's value on its week's summary day";
/** The heading of a Weekly Trend written before session 12: still the add-on's (rewritten at its next whole rewrite). */
export const TREND_HEADING_BEFORE = "Trend: value at the end of each week";
/** Where the block starts on the Weekly Trend tab: its heading in row 1, the table's header in row 2 (frozen). */
export const TREND_PLACE = { row: 1, column: 1 };
/** The block's columns before the weeks: ID and Key result. */
const LEAD = 2;

export interface TrendBlock {
  row: number;
  column: number;
  /** Every row has `width` cells: ID, Key result, a column per week of the cycle, Trend, Last weeks. */
  width: number;
  rows: SummaryCell[][];
  charts: ChartSpec[];
  /** Sheet row of the first KR (the trend's rows are firstKrRow .. firstKrRow + krs − 1). */
  firstKrRow: number;
  krs: number;
  /**
   * Sheet rows of the KRs whose cells hold fractions shown as percentages (SummaryTrendRow.percentCells): their
   * week cells hold the fractions, as History and the log do, and show them through `format`
   * (SummaryTrendRow.percentFormat: PERCENT_VALUE_FORMAT, or more decimals for a KR of a small span).
   */
  percentRows: { row: number; format: string }[];
  /** Sheet rows of the objective score series (the Chart data's first table), formatted 0.00 across every week. */
  scoreRows: { first: number; last: number } | null;
  /**
   * days[w − 1]: the one day week w's KR values are as of (SummaryData.trend.days), for the record of the block
   * (trendCache.ts): one day per week, whatever the KRs. Until session 12's fix, a KR added or renamed since
   * a week was dated at the week's last day, and the record kept each such KR's day (~19 bytes per KR and
   * week, unbounded: past Google's 9 KB per property with 60 of 200 KRs renamed).
   */
  days: string[];
}

/** Sheet column (1-based) of week `w`'s values in a block at `place`. */
export function weekColumn(w: number, place = TREND_PLACE): number {
  return place.column + LEAD + w - 1;
}

/** Sheet column (1-based) of the `Last weeks` text in a cycle of `weeks` weeks. */
export function lastWeeksColumn(weeks: number, place = TREND_PLACE): number {
  return place.column + LEAD + weeks + 1;
}

const text = (v: string, style?: SummaryCell["style"]): SummaryCell => (style ? { v, fmt: "@", style } : { v, fmt: "@" });

/**
 * The whole block: the trend of data.trend (weeks 1..N of a cycle of data.weeks; later weeks blank) and the
 * Chart data tables of `chart` below it, the tables' labels in the Key result column so their weeks share
 * the trend's week columns. Each row's Trend cell draws its sparkline over the whole cycle, ignoring the
 * blank weeks, so the formula is the same every week.
 */
export function layoutTrendBlock(data: SummaryData, chart: ChartData, place = TREND_PLACE): TrendBlock {
  const weeks = Math.max(0, data.weeks);
  const width = LEAD + weeks + 2; // ID, Key result, the weeks, Trend, Last weeks
  const rows: SummaryCell[][] = [];
  const pad = (r: SummaryCell[]) => {
    while (r.length < width) r.push({ v: null });
    return r;
  };
  rows.push([text(TREND_HEADING, "heading")]);
  const head: SummaryCell[] = [{ v: "ID", style: "header" }, { v: "Key result", style: "header" }];
  for (let w = 1; w <= weeks; w++) head.push({ v: `Week ${w}`, style: "header" });
  head.push({ v: "Trend", style: "header" }, { v: "Last weeks", style: "header" });
  rows.push(head);
  const firstKrRow = place.row + rows.length;
  if (data.trend.rows.length === 0) rows.push([{ v: "None — the tracker has no key results yet.", style: "muted" }]);
  const first = columnLetter(weekColumn(1, place));
  const last = columnLetter(weekColumn(Math.max(1, weeks), place));
  const percentRows: { row: number; format: string }[] = [];
  for (const t of data.trend.rows) {
    const sheetRow = place.row + rows.length;
    if (t.percentCells) percentRows.push({ row: sheetRow, format: t.percentFormat || PERCENT_VALUE_FORMAT });
    const cells: SummaryCell[] = [text(t.id), text(t.title)];
    for (let w = 1; w <= weeks; w++) {
      const v = w <= t.values.length ? t.values[w - 1] : null;
      cells.push(v === null || v === undefined ? { v: null } : { v });
    }
    // SPARKLINE draws only in Google Sheets; `Last weeks` is the same weeks as text for LibreOffice, Excel and
    // the preview. "ignore": the weeks to come (and those before the first check-in) are not drawn as zero.
    cells.push({ v: null, formula: `=IFERROR(SPARKLINE(${first}${sheetRow}:${last}${sheetRow},{"empty","ignore"}),"")` });
    // A fraction-% KR's words read as the sheet shows it, × 100 (its cells show the fractions as percentages).
    const words = t.values.map((v) => valueAsShown(t.percentCells, v));
    cells.push(text(lastWeeksText(words, t.percentCells ? "%" : t.unit, data.decimalSeparator, t.digits)));
    rows.push(cells);
  }
  rows.push([]);
  const at = { row: place.row + rows.length, column: place.column + 1 };
  const { charts, rows: chartRows, scoreRows } = chartBlock(chart, weeks, at, CHART_ANCHOR, TAB.trend);
  // The tables' labels sit in the Key result column; their heading in the ID column, so that its fill runs
  // across the row as every heading's does (renderStyle.ts backgrounds).
  chartRows.forEach((r, i) => rows.push(i === 0 && r[0]?.style === "heading" ? [r[0] as SummaryCell] : [{ v: null } as SummaryCell].concat(r as SummaryCell[])));
  const days = data.trend.days.slice(0, data.trend.weeks.length);
  return { row: place.row, column: place.column, width, rows: rows.map(pad), charts, firstKrRow, krs: data.trend.rows.length, percentRows, scoreRows, days };
}

/**
 * What an ordinary week writes of the block: week `week`'s column from the first KR row to the block's last
 * row (the KR values, and the Chart data's values of that week, with the blank and header cells between,
 * which hold what they held), and the `Last weeks` column of the KR rows.
 */
export function weekSlices(block: TrendBlock, week: number, weeks: number): { row: number; column: number; width: number; rows: SummaryCell[][] }[] {
  const top = block.firstKrRow - block.row;
  const wc = weekColumn(week, block) - block.column;
  const lc = lastWeeksColumn(weeks, block) - block.column;
  const slices = [{ row: block.firstKrRow, column: block.column + wc, width: 1, rows: block.rows.slice(top).map((r) => [r[wc]]) }];
  if (block.krs > 0) slices.push({ row: block.firstKrRow, column: block.column + lc, width: 1, rows: block.rows.slice(top, top + block.krs).map((r) => [r[lc]]) });
  return slices;
}

/** Bumped when the block's layout changes, so that a block written by an older layout is rewritten whole. */
const LAYOUT_VERSION = 1;

/**
 * What the block depends on besides each week's values: its cells other than the week columns and `Last
 * weeks` (the KRs' IDs and titles in order, the objectives the charts draw, whether an aspirational line is
 * drawn, the cycle's length) and how past weeks' chart values are computed from History (each KR's
 * objective and weight, the aspirational goal). Equal keys, equal cells. Computed from the tracker before
 * anything is read.
 */
export function trendBlockKey(tracker: Tracker): string {
  const t = withoutBlankIds(tracker);
  const s = tracker.settings;
  // A KR whose cells hold fractions marked only then, so that the keys recorded before it was told apart hold;
  // its format too where it is not the usual one (a small span: "0.000%"), so that a Start or Target edited
  // to another span formats its weeks again (an ordinary week writes values only).
  const pct = (k: (typeof t.keyResults)[number]) => {
    if (!k.percentCells) return "";
    const f = unusualPercentFormat(k);
    return f ? `\u001f${f}` : "\u001f%";
  };
  const krs = t.keyResults.map((k) => [k.id, k.title ?? "", String(k.objectiveId ?? "").toLowerCase(), k.weight ?? ""].join("\u001f") + pct(k));
  const objectives = t.objectives;
  const aspirational = objectives.some((o) => lowerTrim(o.type) === "aspirational");
  return digest([`v${LAYOUT_VERSION}|${s.weeks}|${aspirational}|${s.aspirationalGoal}`, ...krs.map((k) => k + "\u001e"), "\u001d", ...objectives.map((o) => `${o.id}\u001e`)]);
}

/** A trend value as it reads back from a cell: what both the written block and the read one are digested as. */
function cellText(v: unknown): string {
  if (typeof v === "number") return isFinite(v) ? String(Number(v.toPrecision(12))) : "";
  return v === null || v === undefined ? "" : String(v);
}

/** The digest of one week's column from the first KR row to the block's last row (written, or read back). */
export function weekDigest(values: unknown[]): string {
  return digest(values.map((v) => cellText(v) + "\u001e"));
}

/** Week `w`'s column of a built block from the first KR row down (the KR values, then the Chart data's), as written. */
export function weekValues(block: TrendBlock, w: number): unknown[] {
  const top = block.firstKrRow - block.row;
  const c = weekColumn(w, block) - block.column;
  return block.rows.slice(top).map((r) => r[c]?.v ?? null);
}

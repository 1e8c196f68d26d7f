// The Weekly Summary's charts (docs/forecast.md#charts): the data they draw, from History, laid out as the
// "Chart data" tables on the Weekly Trend tab at a place fixed for the cycle (trendBlock.ts), and the chart
// specs (type, data ranges, anchor) the server turns into embedded charts, updated in place.
//
// - Weeks: every week with History rows (the current week's rows are the ones this generation writes).
// - Objective score by week: the weighted mean of the objective's KR scores in History for that week
//   (weight blank = 1, weight 0 and unscored KRs left out), the same rule as last week's objective score.
// - Expected by week: elapsed on that week's As of day × goal, one line for committed objectives and one
//   for aspirational ones when the tracker has any.
// - Status mix by week: how many History rows of that week are On track, At risk, Off track.
import { columnLetter } from "./a1";
import { elapsed } from "./dates";
import { goalForType } from "./evaluate";
import type { HistoryEntry, Tracker } from "./model";
import { lowerTrim } from "./scoring";
import { STATUS } from "./tabs";
import { objectiveKey } from "./objectiveKey";

export const CHART_TITLES = {
  scores: "Objective score by week against expected",
  status: "Key results by status, by week",
} as const;

export interface ChartSpec {
  title: string;
  type: "LINE" | "COLUMN";
  stacked: boolean;
  /** A1 ranges (no sheet name) on the tab `sheet`: the header row and first column are the labels. */
  ranges: string[];
  /** The tab the ranges are on (the Weekly Trend: the charts sit on the Weekly Summary). */
  sheet: string;
  /** Series in rows (the header row holds the weeks), so the chart swaps rows and columns. */
  transpose: boolean;
  /** Anchor: 1-based row and column of the chart's top-left corner. */
  row: number;
  column: number;
  width: number;
  height: number;
  /**
   * Draw a line across a blank week (a week without a summary, whose column is blank now that the block
   * has a column for every week of the cycle) rather than break it, as when such a week had no column.
   */
  interpolateNulls: boolean;
}

export interface ChartData {
  weeks: number[];
  /** One series per objective (ID), then the expected lines. */
  scoreSeries: { name: string; values: (number | null)[] }[];
  statusSeries: { name: string; values: number[] }[];
}

const MIX = [STATUS.onTrack, STATUS.atRisk, STATUS.offTrack] as const;

export function chartData(tracker: Tracker, history: HistoryEntry[]): ChartData {
  const s = tracker.settings;
  const weeks = Array.from(new Set(history.filter((h) => Number.isInteger(h.week) && h.week >= 1).map((h) => h.week))).sort((a, b) => a - b);
  const byWeek = new Map<number, HistoryEntry[]>();
  for (const h of history) {
    const list = byWeek.get(h.week);
    if (list) list.push(h);
    else byWeek.set(h.week, [h]);
  }
  const asOfOf = (w: number) => {
    let d = "";
    for (const h of byWeek.get(w) || []) if (typeof h.asOf === "string" && h.asOf > d) d = h.asOf;
    return d;
  };
  const krWeight = new Map(tracker.keyResults.map((k) => [k.id, k.weight] as [string, number | null]));
  const objectives = tracker.objectives.filter((o) => o.id !== "");
  // Looked up by objective and by week, not searched for each objective and week: with 300 objectives,
  // 1,200 KRs and 12 weeks the searches cost ~3.5 s of a summary.
  const krsOf = new Map<string, Tracker["keyResults"]>();
  for (const k of tracker.keyResults) {
    const key = objectiveKey(k.objectiveId);
    const list = krsOf.get(key);
    if (list) list.push(k);
    else krsOf.set(key, [k]);
  }
  const entryOf = new Map<number, Map<unknown, HistoryEntry>>();
  for (const [w, list] of byWeek) {
    const m = new Map<unknown, HistoryEntry>();
    for (const h of list) if (!m.has(h.krId)) m.set(h.krId, h);
    entryOf.set(w, m);
  }
  const scoreSeries: ChartData["scoreSeries"] = objectives.map((o) => ({
    name: o.id,
    values: weeks.map((w) => {
      let sum = 0;
      let total = 0;
      for (const k of krsOf.get(objectiveKey(o.id)) ?? []) {
        const h = entryOf.get(w)?.get(k.id);
        const weight = krWeight.get(k.id);
        const wt = weight === null || weight === undefined ? 1 : weight;
        if (!h || typeof h.score !== "number" || !isFinite(h.score) || !(wt > 0)) continue;
        sum += wt * h.score;
        total += wt;
      }
      return total > 0 ? sum / total : null;
    }),
  }));
  const expected = (goal: number) => weeks.map((w) => (asOfOf(w) ? elapsed(asOfOf(w), s.startDate, s.weeks) * goal : null));
  scoreSeries.push({ name: "Expected (committed)", values: expected(1) });
  if (objectives.some((o) => lowerTrim(o.type) === "aspirational")) {
    scoreSeries.push({ name: "Expected (aspirational)", values: expected(goalForType("aspirational", s.aspirationalGoal)) });
  }
  const statusSeries = MIX.map((st) => ({ name: st as string, values: weeks.map((w) => (byWeek.get(w) || []).filter((h) => h.status === st).length) }));
  return { weeks, scoreSeries, statusSeries };
}

type Cell = { v: string | number | null; fmt?: string; style?: "heading" | "header" | "label" | "muted" };

/** Where the Chart data block sits on the tab (1-based), and its cells, written from there. */
export interface ChartBlock {
  row: number;
  column: number;
  /** Every row has `width` cells. */
  width: number;
  rows: Cell[][];
  charts: ChartSpec[];
  /** Sheet rows of the objective score series (the first table), or null without tables. */
  scoreRows: { first: number; last: number } | null;
}

/**
 * The "Chart data" block, written from sheet row `at.row`, column `at.column`, and the two chart specs that
 * draw it. Each table has the weeks 1..`cycleWeeks` across its header row (the whole cycle: a week without
 * History rows yet is a blank column, so a line stops where the cycle stands; a week outside the cycle, such
 * as one typed by hand into History, gets no column, so the block is never wider than the cycle) and one
 * row per series (the charts read it transposed). The block's place and size are then the same every week of a cycle, and so
 * are the charts' ranges: a chart whose ranges are unchanged is not updated (each update is a structural
 * call on Google). They change only when the number of series does (an objective added or removed).
 */
export function chartBlock(data: ChartData, cycleWeeks: number, at: { row: number; column: number }, anchor: { row: number; column: number }, sheet: string): ChartBlock {
  const rows: Cell[][] = [];
  rows.push([{ v: "Chart data: from History, drawn by the Weekly Summary's charts", style: "heading" }]);
  const weeks = Array.from({ length: Math.max(0, cycleWeeks) }, (_, i) => i + 1);
  const width = 1 + weeks.length;
  const pad = (r: Cell[]) => {
    while (r.length < width) r.push({ v: null });
    return r;
  };
  if (data.weeks.length === 0) {
    rows.push([{ v: "None — History has no weeks yet.", style: "muted" }]);
    return { row: at.row, column: at.column, width, rows: rows.map(pad), charts: [], scoreRows: null };
  }
  const position = new Map(data.weeks.map((w, i) => [w, i] as [number, number]));
  const left = columnLetter(at.column);
  const right = columnLetter(at.column + weeks.length);
  const table = (series: { name: string; values: (number | null)[] }[], fmt: string) => {
    const top = at.row + rows.length;
    rows.push([{ v: "Week", style: "header" }, ...weeks.map((w) => ({ v: w, style: "header" as const }))]);
    for (const x of series) {
      rows.push([
        { v: x.name },
        ...weeks.map((w) => {
          const i = position.get(w);
          const v = i === undefined ? null : x.values[i];
          return v === null || v === undefined ? { v: null } : { v, fmt };
        }),
      ]);
    }
    const range = `${left}${top}:${right}${top + series.length}`;
    rows.push([]);
    return range;
  };
  const scoreTop = at.row + rows.length;
  const scores = table(data.scoreSeries, "0.00");
  const status = table(data.statusSeries, "0");
  rows.pop(); // no blank row after the last table
  const size = { width: 520, height: 300 };
  return {
    row: at.row,
    column: at.column,
    width,
    rows: rows.map(pad),
    scoreRows: { first: scoreTop + 1, last: scoreTop + data.scoreSeries.length },
    charts: [
      { title: CHART_TITLES.scores, type: "LINE", stacked: false, ranges: [scores], sheet, transpose: true, row: anchor.row, column: anchor.column, interpolateNulls: true, ...size },
      { title: CHART_TITLES.status, type: "COLUMN", stacked: true, ranges: [status], sheet, transpose: true, row: anchor.row + 16, column: anchor.column, interpolateNulls: false, ...size },
    ],
  };
}

// The Weekly Summary's charts (docs/forecast.md#charts): the data they draw, from History, laid out as a
// "Chart data" block at the bottom of the summary, and the chart specs (type, data ranges, anchor) the
// server turns into embedded charts, updated in place.
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

export const CHART_TITLES = {
  scores: "Objective score by week against expected",
  status: "Key results by status, by week",
} as const;

export interface ChartSpec {
  title: string;
  type: "LINE" | "COLUMN";
  stacked: boolean;
  /** A1 ranges on the summary tab (no sheet name): the header row and first column are the labels. */
  ranges: string[];
  /** Series in rows (the header row holds the weeks), so the chart swaps rows and columns. */
  transpose: boolean;
  /** Anchor: 1-based row and column of the chart's top-left corner. */
  row: number;
  column: number;
  width: number;
  height: number;
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
    const key = String(k.objectiveId).toLowerCase();
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
      for (const k of krsOf.get(String(o.id).toLowerCase()) ?? []) {
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

/**
 * The "Chart data" rows, to be written from sheet row `firstRow`, and the two chart specs that draw them.
 * Each table has the weeks across its header row and one row per series (the charts read it transposed):
 * the block is then as wide as the trend (one column per week), whereas a column per objective made every
 * row of the summary as wide as the tracker has objectives (303 columns at 300), and each cell of that
 * rectangle is written.
 */
export function chartBlock(data: ChartData, firstRow: number, anchor: { row: number; column: number }): { rows: Cell[][]; charts: ChartSpec[] } {
  const rows: Cell[][] = [];
  rows.push([{ v: "Chart data: from History, drawn by the charts at the top right", style: "heading" }]);
  if (data.weeks.length === 0) {
    rows.push([{ v: "None — History has no weeks yet.", style: "muted" }]);
    return { rows, charts: [] };
  }
  const table = (series: { name: string; values: (number | null)[] }[], fmt: string) => {
    const top = firstRow + rows.length;
    rows.push([{ v: "Week", style: "header" }, ...data.weeks.map((w) => ({ v: w, style: "header" as const }))]);
    for (const x of series) rows.push([{ v: x.name }, ...x.values.map((v) => (v === null ? { v: null } : { v, fmt }))]);
    const range = `A${top}:${columnLetter(1 + data.weeks.length)}${top + series.length}`;
    rows.push([]);
    return range;
  };
  const scores = table(data.scoreSeries, "0.00");
  const status = table(data.statusSeries, "0");
  const size = { width: 520, height: 300 };
  return {
    rows,
    charts: [
      { title: CHART_TITLES.scores, type: "LINE", stacked: false, ranges: [scores], transpose: true, row: anchor.row, column: anchor.column, ...size },
      { title: CHART_TITLES.status, type: "COLUMN", stacked: true, ranges: [status], transpose: true, row: anchor.row + 16, column: anchor.column, ...size },
    ],
  };
}

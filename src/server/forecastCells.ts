// The Key Results forecast columns (Forecast, Forecast score, Weeks to target): values written by the
// summary for every KR and by a check-in for its KR, and the sidebar's "At this pace" line read back from
// them. A tracker set up before these columns existed has none of them: nothing is written (Repair tracker
// adds them) and the sidebar shows no forecast line.
import { columnLetter, quoteSheet } from "../core/a1";
import { cycleLastDay } from "../core/dates";
import { krElapsed } from "../core/countsFrom";
import { forecastCellValues, forecastKr, krAsShown, NOT_ENOUGH, percentShown, valueDigits, type KrForecast, type LineForecast } from "../core/forecast";
import { goalValue } from "../core/forecastWords";
import type { KeyResult, Settings } from "../core/model";
import { forecastMisses, forecastPoints, weekValuesFromCheckins, type KrForecastRow } from "../core/summaryForecast";
import { neededPace } from "../core/neededPace";
import { normalizeMetric } from "../core/scoring";
import { KR_FORECAST_HEADERS } from "../core/tabs";
import { col, num, str, writesBackAsIs, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** 0-based columns of the three headers, or null when one is missing. */
function forecastColumns(t: Table): number[] | null {
  const idx = KR_FORECAST_HEADERS.map((h) => col(t, h));
  return idx.some((i) => i < 0) ? null : idx;
}

/**
 * Writes `cells` (per sheet row) into the forecast columns of the rows from first to last: one call when
 * adjacent. A row whose cells are null is left out: the write is split around it (one write more, three
 * when the columns are apart).
 */
function writeBlock(ss: Spreadsheet, t: Table, idx: number[], first: number, last: number, cells: (row: number) => unknown[] | null): void {
  const adjacent = idx[1] === idx[0] + 1 && idx[2] === idx[0] + 2;
  const sheet = quoteSheet(t.name);
  let rows: unknown[][] = [];
  const flush = (end: number) => {
    if (!rows.length) return;
    const top = end - rows.length + 1;
    if (adjacent) ss.getRange(`${sheet}!${columnLetter(idx[0] + 1)}${top}:${columnLetter(idx[0] + 3)}${end}`).setValues(rows);
    else idx.forEach((c, j) => ss.getRange(`${sheet}!${columnLetter(c + 1)}${top}:${columnLetter(c + 1)}${end}`).setValues(rows.map((r) => [r[j]])));
    rows = [];
  };
  for (let r = first; r <= last; r++) {
    const row = cells(r);
    if (row) rows.push(row);
    else flush(r - 1);
  }
  flush(last);
}

function currentCells(t: Table, idx: number[], row: number): unknown[] {
  const r = t.rows[row - t.headerRow - 1] || [];
  return idx.map((i) => (r[i] === undefined || r[i] === null ? "" : r[i]));
}

/**
 * A row's cells as read, when writing them back changes nothing; null otherwise. A KR's hold the add-on's
 * own forecast (table.ts writesBackAsIs); a row that is no KR's is a person's, whose cells are written back
 * only when blank: anything there may be text Sheets would read again, or a formula read as its value.
 */
function unchangedCells(t: Table, idx: number[], row: number, isKr: boolean): unknown[] | null {
  const cells = currentCells(t, idx, row);
  return cells.every(isKr ? writesBackAsIs : (v) => v === "") ? cells : null;
}

/**
 * The summary's write: every KR row's forecast; rows without a KR keep what they hold, and so do the KRs in
 * `keep` (a KR checked in after the summary's day: its check-in wrote a forecast from later data than this
 * summary's). Written back as read, so the call is the same whatever is kept, unless writing them could
 * change them (a user's "'00123" or "TRUE" in a row between KRs would come back 123 or a boolean, a
 * formula its value): that row is left out, at one write more.
 */
export function writeSummaryForecasts(ss: Spreadsheet, t: Table, krs: KeyResult[], forecasts: KrForecastRow[], keep: ReadonlySet<string> = new Set()): void {
  const idx = forecastColumns(t);
  if (!idx || krs.length === 0) return;
  const byId = new Map(forecasts.map((f) => [f.id, f] as [string, KrForecastRow]));
  const byRow = new Map<number, unknown[]>();
  for (const kr of krs) {
    const f = byId.get(kr.id);
    if (f && !keep.has(kr.id)) byRow.set(kr.row, forecastCellValues(f.forecast, valueDigits(f)));
  }
  const rows = krs.map((k) => k.row);
  const isKr = new Set(rows);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  writeBlock(ss, t, idx, first, last, (r) => byRow.get(r) || unchangedCells(t, idx, r, isKr.has(r)));
}

/** `f`: the forecast the cells were made from, for what it takes (sidebarForecast); absent when the cells are kept. */
export interface CheckinForecast {
  columns: number[];
  cells: unknown[];
  write: boolean;
  f?: KrForecast;
}

/**
 * The check-in's forecast cells for its KR, from the check-ins it has (the log's tail plus this one), and
 * where they go: null without forecast columns. When the tail may have cut off the KR's earlier check-ins
 * (the log is longer than the tail) and they give fewer than the points needed, the cells are the current
 * ones, so the summary's forecast stays: written back as read, so a check-in costs the same calls and cells
 * on any tracker, unless writing them could change them (text typed there, "'00123" or "TRUE", would be read
 * again as a number or a boolean: table.ts writesBackAsIs), when `write` is false and nothing is written.
 */
export function checkinForecast(
  t: Table,
  kr: KeyResult,
  entries: { date: string; value: number; row: number }[],
  settings: Settings,
  today: string,
  logComplete: boolean,
): CheckinForecast | null {
  const idx = forecastColumns(t);
  if (!idx) return null;
  // As of the KR's latest check-in when this one is dated before it (the command line's --at): it joins the
  // log without becoming Current, and the forecast, like Current, describes the KR as of its latest.
  const latest = entries.reduce<string | null>((d, e) => (d === null || e.date > d ? e.date : d), null);
  const asOf = latest !== null && latest > today ? latest : today;
  // A fraction-% KR as its cells show it (× 100), as the summary forecasts it: the same cells either way.
  const shown = kr.percentCells ? entries.map((e) => ({ ...e, value: percentShown(e.value) })) : entries;
  const values = weekValuesFromCheckins(shown, settings.startDate, asOf);
  const asShown = krAsShown(kr);
  const f = forecastKr(asShown, forecastPoints(values, settings.startDate, asOf, latest), settings, latest);
  const keep = !f.ok && f.reason === NOT_ENOUGH && !logComplete;
  if (!keep) return { columns: idx, cells: forecastCellValues(f, valueDigits(asShown)), write: true, f };
  const cells = currentCells(t, idx, kr.row);
  return { columns: idx, cells, write: cells.every(writesBackAsIs) };
}

/**
 * Writes a KR row's cells at the given 0-based columns: one call per run of adjacent columns (the check-in's
 * "Request IDs" and the three forecast columns, side by side as setup lays them out, are one write).
 */
export function writeRowCells(ss: Spreadsheet, t: Table, row: number, cells: { column: number; value: unknown }[]): void {
  writeRowsCells(ss, t, row, cells.map((c) => ({ column: c.column, values: [c.value] })));
}

/** As writeRowCells, over adjacent rows from `row` (each column's `values` one per row): one call per run of adjacent columns. */
export function writeRowsCells(ss: Spreadsheet, t: Table, row: number, cells: { column: number; values: unknown[] }[]): void {
  const sorted = cells.slice().sort((a, b) => a.column - b.column);
  const sheet = quoteSheet(t.name);
  const rows = sorted.length ? sorted[0].values.length : 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].column === sorted[j - 1].column + 1) j++;
    const first = columnLetter(sorted[i].column + 1);
    const last = columnLetter(sorted[j - 1].column + 1);
    const run = sorted.slice(i, j);
    ss.getRange(`${sheet}!${first}${row}:${last}${row + rows - 1}`).setValues(Array.from({ length: rows }, (_, r) => run.map((c) => c.values[r])));
    i = j;
  }
}

/**
 * The objective's goal from the KR's Expected cell (the KR's elapsed share × the goal: 1 committed, the
 * aspirational goal aspirational), the nearer of the two: the sidebar reads the KR row, not the Objectives
 * tab that holds the type. The share is the KR's own (from its Counts from day: core/countsFrom.ts), as the
 * cell's; 1 when the cell holds no number or the KR's time has not begun (a KR added today, until tomorrow).
 */
function goalFromExpected(expected: number | null, settings: Settings, today: string, kr: KeyResult): number {
  const share = krElapsed(today, settings.startDate, settings.weeks, kr.countsFrom);
  const asp = settings.aspirationalGoal;
  if (expected === null || share <= 0 || !(typeof asp === "number" && isFinite(asp))) return 1;
  const ratio = expected / share;
  return Math.abs(ratio - asp) < Math.abs(ratio - 1) ? asp : 1;
}

/**
 * What the sidebar's forecast line says, from a KR's forecast cells (the page words it, in the spreadsheet's
 * decimal separator), with the value it ends against as the summary names it (its target, or an aspirational
 * increase or decrease KR's goal), as its cells show it; null when the tracker has no forecast columns.
 * `expected`: the row's Expected cell, as sidebarKr reads it for the page.
 */
export function sidebarForecast(t: Table, kr: KeyResult, settings: Settings, today: string, expected: number | null, fc?: CheckinForecast | null): LineForecast | null {
  const idx = forecastColumns(t);
  if (!idx) return null;
  const c = fc ? fc.cells : currentCells(t, idx, kr.row);
  const value = num(c[0]);
  const score = num(c[1]);
  if (value === null || score === null) return { ok: false, reason: str(c[0]) || NOT_ENOUGH };
  const asShown = krAsShown(kr);
  const g = goalFromExpected(expected, settings, today, kr);
  const goal = goalValue({ ...asShown, goal: g });
  // The KR's decimals (its start and target as shown), as the summary words it: the page rounds with them
  // (sent only when not the usual 2).
  const digits = valueDigits(asShown);
  const endDay = cycleLastDay(settings.startDate, settings.weeks);
  // What it takes: in a check-in's reply (its forecast's pace is in no cell), for a KR forecast to miss, by the
  // summary's rule, while the cycle runs.
  const f = fc && fc.f;
  const need = f && f.ok && goal && today <= endDay && forecastMisses(score, g, settings.onTrackGap) ? neededPace(normalizeMetric(kr.metric), asShown, goal.value, f) : null;
  return { ok: true, value, score, endDay, ...(goal ? { goal } : {}), ...(digits !== 2 ? { digits } : {}), ...(need ? { need } : {}) };
}

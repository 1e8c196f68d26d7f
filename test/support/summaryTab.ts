// The Weekly Summary as the end-to-end summary tests read it: generated through the built add-on, then its
// tab's values and formulas, and a section's rows by header.
import type { Workbook } from "../../src/local/runtime";
import { callAddon, setToday, ss } from "./tracker";

/** The operations template's KR owners: a check-in on a KR is submitted as its owner. */
export const OPERATIONS_OWNER: Record<string, string> = {
  "O1.KR1": "dispatch.lead@example.com",
  "O1.KR2": "planning.lead@example.com",
  "O1.KR3": "planning.lead@example.com",
  "O2.KR1": "quality.lead@example.com",
  "O2.KR2": "quality.lead@example.com",
  "O3.KR1": "finance.partner@example.com",
  "O3.KR2": "ops.lead@example.com",
};

/** "Generate weekly summary" as of `at` (also today); throws with the add-on's message when it refuses. */
export function summarize(wb: Workbook, at: string) {
  setToday(wb, at);
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(`summary ${at}: ${r.message}`);
  return r;
}

/** summarize, giving the cells the summary read. */
export function summaryCellsRead(wb: Workbook, at: string): number {
  wb.services.counters.reset();
  summarize(wb, at);
  return wb.services.counters.cellsRead;
}

export interface Tab {
  values: unknown[][];
  formulas: string[][];
}

function tabNamed(wb: Workbook, name: string): Tab {
  const sh = ss(wb).getSheetByName(name);
  if (!sh) throw new Error(`no ${name} tab`);
  const range = sh.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

export function summaryTab(wb: Workbook): Tab {
  return tabNamed(wb, "Weekly Summary");
}

/** The Weekly Trend tab: the trend by week from A1 ("Trend" section), then the Chart data below it. */
export function trendTab(wb: Workbook): Tab {
  return tabNamed(wb, "Weekly Trend");
}

/** The first row (0-based) whose first cell's text satisfies `pred`. */
export function rowWhere(t: Tab, pred: (text: string) => boolean): number {
  const i = t.values.findIndex((r) => pred(String(r[0])));
  if (i < 0) throw new Error("row not found");
  return i;
}

/** The "Chart data" block's heading cell (0-based row and column): on the Weekly Trend tab, column A below the trend. */
export function chartDataAt(t: Tab): { row: number; col: number } {
  for (let row = 0; row < t.values.length; row++) {
    const col = t.values[row].findIndex((v) => String(v).startsWith("Chart data"));
    if (col >= 0) return { row, col };
  }
  throw new Error("no Chart data block");
}

/**
 * The report's columns: to its last non-blank one left of a Chart data block beside it (which lies beyond a
 * blank column; a Weekly Summary made before session 8 had one). On the Weekly Trend tab the Chart data is
 * below the trend, in column A: every column counts.
 */
export function reportWidth(t: Tab): number {
  let block = t.values[0]?.length ?? 0;
  for (const r of t.values) {
    const col = r.findIndex((v) => String(v).startsWith("Chart data"));
    if (col > 0) block = Math.min(block, col);
  }
  let width = 0;
  for (const r of t.values) for (let c = block - 1; c >= width; c--) if (r[c] !== "") width = c + 1;
  return width;
}

/** A section: heading row (first cell starts with `heading`), header row, then rows up to a blank row. */
export function section(t: Tab, heading: string): { headers: string[]; rows: Record<string, unknown>[]; at: number[]; heading: number } {
  const h = rowWhere(t, (s) => s.startsWith(heading));
  const width = reportWidth(t);
  const headers = t.values[h + 1].slice(0, width).map(String);
  const rows: Record<string, unknown>[] = [];
  const at: number[] = [];
  for (let i = h + 2; i < t.values.length && t.values[i].slice(0, width).some((v) => v !== ""); i++) {
    rows.push(Object.fromEntries(headers.map((name, j) => [name, t.values[i][j]]).filter(([name]) => name !== "")));
    at.push(i);
  }
  return { headers, rows, at, heading: h };
}

export function byId(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  return new Map(rows.map((r) => [String(r.ID), r]));
}

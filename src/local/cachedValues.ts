// Formula results saved with the file, reused by read-only commands (`show`) instead of building the
// formula engine, which is most of their cost. A file saved by okr-sheets records the day its formulas
// were evaluated for (TODAY() depends on it) and a hash of every cell's formula and value as written. The
// saved results are used only when the command's "today" is that day and the file's cells hash the same,
// i.e. nobody (Excel, LibreOffice, another tool) changed or recalculated anything since; else the engine
// is built as before. A command that writes always builds the engine.
import { createHash } from "node:crypto";
import { hasFormula, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "./snapshot";
import { sheetPrefixes } from "./sheets/a1";
import { tzOffsetMinutes } from "./sheets/time";
import { columnNumber } from "../core/a1";

/** The saved results' record in the file (the metadata sheet). */
export interface SavedValues {
  /** YYYY-MM-DD in the spreadsheet's time zone: the "today" the formulas were evaluated for. */
  asOf: string;
  hash: string;
}

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function dayIn(ms: number, tz: string): string {
  return new Date(ms + tzOffsetMinutes(ms, tz) * 60_000).toISOString().slice(0, 10);
}

/**
 * A hash of every formula and of every value a formula can read, sheet by sheet (formats do not change
 * results). A tab without formulas is hashed only where formulas name it: the ranges they name, or all of it
 * when a mention is not a plain range or some formula can reach beyond its ranges (INDIRECT, OFFSET). The
 * 55,000-row log, which Settings reads only as COUNTA of column A and the header row, then costs one column.
 */
export function valuesHash(sheets: SnapshotSheet[], namedRanges: WorkbookSnapshot["namedRanges"] = []): string {
  const h = createHash("sha256");
  const reads = formulaReads(sheets, new Set((namedRanges ?? []).map((n) => n.sheet.toLowerCase())));
  for (const s of sheets) {
    h.update(`\u0000sheet\u0000${s.name}\u0000`);
    const rects = reads.get(s);
    if (rects === null) continue;
    // The columns read, as ascending runs, for the rows where the same rectangles apply (a log's 55,000
    // rows share one set): each row then visits its read columns only, in the order a whole walk took them.
    // Without rectangles the whole row is one run.
    let runs: number[] = WHOLE_ROW;
    let runsKey = "";
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) continue;
      if (rects) {
        let key = "";
        for (let i = 0; i < rects.length; i++) if (r >= rects[i].r1 && r <= rects[i].r2) key += `${i},`;
        if (!key) continue;
        if (key !== runsKey) {
          runsKey = key;
          runs = columnRuns(rects.filter((x) => r >= x.r1 && r <= x.r2));
        }
      }
      let line = "";
      for (let k = 0; k < runs.length; k += 2) {
        const to = Math.min(runs[k + 1], row.length - 1);
        for (let c = runs[k]; c <= to; c++) {
          const cell = row[c];
          if (!cell || (cell.f === undefined && cell.v === undefined)) continue;
          line += `${c}\u0001${cell.f ?? ""}\u0001${typeof cell.v}\u0001${cell.v ?? ""}\u0002`;
        }
      }
      if (line) h.update(`${r}\u0003${line}`);
    }
  }
  return h.digest("hex");
}

interface Rect { r1: number; r2: number; c1: number; c2: number }

const WHOLE_ROW = [0, Infinity];

/** The columns of `rects` as ascending, disjoint runs [from, to, from, to, …] (to may be Infinity). */
function columnRuns(rects: Rect[]): number[] {
  const sorted = rects.map((x) => [Math.max(0, x.c1), x.c2] as const).sort((a, b) => a[0] - b[0]);
  const runs: number[] = [];
  for (const [c1, c2] of sorted) {
    const last = runs.length - 1;
    if (last > 0 && c1 <= runs[last] + 1) runs[last] = Math.max(runs[last], c2);
    else runs.push(c1, c2);
  }
  return runs;
}
const RANGE = /^(\$?[A-Z]{1,3})?(\$?\d+)?(?::(\$?[A-Z]{1,3})?(\$?\d+)?)?/i;

/** Per tab without formulas (nor named ranges): the rectangles (0-based) formulas read, null when none; absent = hash all. */
function formulaReads(sheets: SnapshotSheet[], named: Set<string>): Map<SnapshotSheet, Rect[] | null> {
  const out = new Map<SnapshotSheet, Rect[] | null>();
  const texts: string[] = [];
  for (const s of sheets) for (const row of s.rows) for (const c of row ?? []) if (c?.f !== undefined) texts.push(c.f);
  const all = texts.join("\n").toLowerCase();
  if (/\b(indirect|offset)\s*\(/.test(all)) return out;
  const col = (a: string) => columnNumber(a.replace("$", "")) - 1;
  const num = (a: string) => Number(a.replace("$", "")) - 1;
  for (const s of sheets) {
    if (hasFormula(s)) continue;
    const name = s.name.toLowerCase();
    if (named.has(name)) continue;
    const mentions = all.split(name).length - 1;
    const rects: Rect[] = [];
    for (const p of sheetPrefixes(name)) {
      for (let i = all.indexOf(p); i >= 0; i = all.indexOf(p, i + 1)) {
        const m = RANGE.exec(all.slice(i + p.length, i + p.length + 40));
        const [, ca, ra, cb, rb] = m ?? [];
        if (!m || (ca === undefined && ra === undefined)) continue;
        const c1 = ca ? col(ca) : 0, r1 = ra ? num(ra) : 0;
        const single = m[0].indexOf(":") < 0;
        rects.push({
          c1, r1,
          c2: single ? (ca ? c1 : Infinity) : cb ? col(cb) : Infinity,
          r2: single ? (ra ? r1 : Infinity) : rb ? num(rb) : Infinity,
        });
      }
    }
    // A mention that is not a plain range (or inside another tab's name, a string): hash all of the tab.
    if (rects.length === mentions) out.set(s, rects.length ? rects : null);
  }
  return out;
}

/** Results that depend on more than the day, or whose date type the engine infers when no format says so. */
const VOLATILE = /\b(NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;
const DATE_RESULT = /\b(TODAY|NOW|DATE|DATEVALUE|EDATE|EOMONTH|WORKDAY|WORKDAY\.INTL|TIME|TIMEVALUE)\s*\(/i;

/**
 * The snapshot with every formula replaced by its saved result, or null when the saved results may not be
 * what the engine would compute today (see the top of this file). Never save what this returns.
 */
export function savedValuesSnapshot(snap: WorkbookSnapshot, saved: SavedValues | undefined, today: string): WorkbookSnapshot | null {
  if (!saved || saved.asOf !== today) return null;
  const sheets: SnapshotSheet[] = [];
  for (const s of snap.sheets) {
    const rows: SnapshotSheet["rows"] = new Array(s.rows.length);
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row || !row.some((c) => c?.f !== undefined)) {
        rows[r] = row;
        continue;
      }
      const out: (SnapshotCell | null)[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.f === undefined) {
          out[c] = cell;
          continue;
        }
        if (VOLATILE.test(cell.f)) return null;
        if (typeof cell.v === "number" && !cell.fmt && DATE_RESULT.test(cell.f)) return null;
        const { f: _formula, ...rest } = cell;
        out[c] = rest;
      }
      rows[r] = out;
    }
    sheets.push({ ...s, rows });
  }
  return valuesHash(snap.sheets, snap.namedRanges) === saved.hash ? { ...snap, sheets } : null;
}

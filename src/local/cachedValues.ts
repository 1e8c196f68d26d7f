// Formula results saved with the file, reused by read-only commands (`show`) instead of building the
// formula engine, which is most of their cost. A file saved by okr-sheets records the day its formulas
// were evaluated for (TODAY() depends on it) and a hash of every cell's formula and value as written. The
// saved results are used only when the command's "today" is that day and the file's cells hash the same,
// i.e. nobody (Excel, LibreOffice, another tool) changed or recalculated anything since; else the engine
// is built as before. A command that writes always builds the engine.
import { createHash } from "node:crypto";
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "./snapshot";
import { tzOffsetMinutes } from "./sheets/time";

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

/** A hash of every cell's formula and value, sheet by sheet (formats do not change results). */
export function valuesHash(sheets: SnapshotSheet[]): string {
  const h = createHash("sha256");
  for (const s of sheets) {
    h.update(`\u0000sheet\u0000${s.name}\u0000`);
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) continue;
      let line = "";
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || (cell.f === undefined && cell.v === undefined)) continue;
        line += `${c}\u0001${cell.f ?? ""}\u0001${typeof cell.v}\u0001${cell.v ?? ""}\u0002`;
      }
      if (line) h.update(`${r}\u0003${line}`);
    }
  }
  return h.digest("hex");
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
  return valuesHash(snap.sheets) === saved.hash ? { ...snap, sheets } : null;
}

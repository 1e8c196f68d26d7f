// Writing rows straight into a tracker's snapshot by header name, for generated trackers (the benchmark's
// tiers and the tests' large trackers): no add-on call per row, so a 55,000-row log is filled in moments.
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../snapshot";

export function sheetOf(snap: WorkbookSnapshot, name: string): SnapshotSheet {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`generate: no ${name} tab`);
  return s;
}

/** A user-typed cell; blank (null) for undefined or "". */
export const cell = (v: string | number | undefined, fmt?: string): SnapshotCell | null =>
  v === undefined || v === "" ? null : fmt ? { v, fmt } : { v };

/** Puts user values into columns by header name, keeping whatever else the row holds (formulas, formats). */
export function putRow(sheet: SnapshotSheet, rowIndex: number, values: Record<string, SnapshotCell | null>): void {
  const headers = (sheet.rows[0] || []).map((c) => String(c?.v ?? ""));
  const row = (sheet.rows[rowIndex] ??= []);
  for (const [h, v] of Object.entries(values)) {
    const c = headers.indexOf(h);
    if (c < 0) throw new Error(`generate: ${sheet.name} has no column ${h}`);
    while (row.length <= c) row.push(null);
    const old = row[c];
    row[c] = v === null ? (old?.fmt ? { fmt: old.fmt } : null) : { ...(old?.fmt ? { fmt: old.fmt } : {}), ...v };
  }
}

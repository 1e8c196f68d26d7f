// Filling a tracker's snapshot directly, for the benchmark's tiers: rows written by header name.
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../src/local/snapshot";

export function sheetOf(snap: WorkbookSnapshot, name: string): SnapshotSheet {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`bench: no ${name} tab`);
  return s;
}

/** Puts user values into columns by header name, keeping whatever else the row holds (formulas, formats). */
export function putRow(sheet: SnapshotSheet, rowIndex: number, values: Record<string, SnapshotCell | null>): void {
  const headers = (sheet.rows[0] || []).map((c) => String(c?.v ?? ""));
  const row = (sheet.rows[rowIndex] ??= []);
  for (const [h, v] of Object.entries(values)) {
    const c = headers.indexOf(h);
    if (c < 0) throw new Error(`bench: ${sheet.name} has no column ${h}`);
    while (row.length <= c) row.push(null);
    const old = row[c];
    row[c] = v === null ? (old?.fmt ? { fmt: old.fmt } : null) : { ...(old?.fmt ? { fmt: old.fmt } : {}), ...v };
  }
}

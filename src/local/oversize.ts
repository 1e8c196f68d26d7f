// A tab larger than the offline engine takes (ENGINE_CONFIG's maxRows × maxColumns) would make every
// command fail with HyperFormula's "Sheet size limit exceeded", naming nothing. A tracker tab that large
// is refused by name; any other tab is set aside, so the commands (which never need it) work, and saved
// back unchanged at its place.
import { TAB } from "../core/tabs";
import { ENGINE_CONFIG } from "./engine";
import { freshSheetId, sheetIdsOf, withSheetIds, type SnapshotSheet, type WorkbookSnapshot } from "./snapshot";

export const MAX_TAB_ROWS = ENGINE_CONFIG.maxRows as number;
export const MAX_TAB_COLUMNS = ENGINE_CONFIG.maxColumns as number;

export interface SetAside {
  index: number;
  sheet: SnapshotSheet;
}

export class TabTooLarge extends Error {}

function size(s: SnapshotSheet): { rows: number; cols: number } {
  return { rows: s.rows.length, cols: s.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0) };
}

export function limitText(s: SnapshotSheet): string {
  const { rows, cols } = size(s);
  return `the tab "${s.name}" has ${rows.toLocaleString("en-US")} rows and ${cols} columns; the offline engine takes at most ${MAX_TAB_ROWS.toLocaleString("en-US")} rows and ${MAX_TAB_COLUMNS} columns per tab`;
}

/** Takes the oversize tabs out of `snap` (changing it); throws TabTooLarge for a tracker tab. */
export function setAsideOversize(snap: WorkbookSnapshot): SetAside[] {
  const tracker = new Set<string>(Object.values(TAB).map((n) => n.toLowerCase()));
  const out: SetAside[] = [];
  // Every tab keeps the ID it has in the whole workbook, though the tabs after a set-aside one move up.
  const ids = sheetIdsOf(snap.sheets, snap.topSheetId);
  snap.sheets.forEach((sheet, index) => {
    const { rows, cols } = size(sheet);
    if (rows <= MAX_TAB_ROWS && cols <= MAX_TAB_COLUMNS) return;
    if (tracker.has(sheet.name.toLowerCase())) throw new TabTooLarge(`${limitText(sheet)}: archive old rows to open it offline`);
    out.push({ index, sheet: { ...sheet, sheetId: ids[index] } });
  });
  if (out.length === snap.sheets.length) throw new TabTooLarge(limitText(out[0].sheet));
  const kept = (_: unknown, i: number) => !out.some((o) => o.index === i);
  const keptIds = ids.filter(kept);
  snap.sheets = withSheetIds(snap.sheets.filter(kept), keptIds);
  // New tabs take IDs above the set-aside tabs', which come back on saving.
  const top = Math.max(snap.topSheetId ?? 0, ...ids);
  if (top > Math.max(...keptIds)) snap.topSheetId = top;
  return out;
}

/** Puts the set-aside tabs back where they were into a snapshot about to be saved. */
export function restoreSetAside(snap: WorkbookSnapshot, aside: SetAside[]): WorkbookSnapshot {
  if (!aside.length) return snap;
  const names = new Set(snap.sheets.map((s) => s.name.toLowerCase()));
  const clash = aside.find((a) => names.has(a.sheet.name.toLowerCase()));
  if (clash) throw new Error(`a new tab "${clash.sheet.name}" has the name of a tab too large to open offline; nothing was saved`);
  const sheets = snap.sheets.slice();
  const ids = sheetIdsOf(sheets);
  // A set-aside tab keeps its ID, unless a tab made since took it (the add-on may have recorded that one's).
  const used = new Set(ids);
  for (const a of aside) {
    // setAsideOversize gave every set-aside tab its ID.
    const id = used.has(a.sheet.sheetId!) ? freshSheetId(used, Math.max(0, ...used)) : a.sheet.sheetId!;
    used.add(id);
    const at = Math.min(a.index, sheets.length);
    sheets.splice(at, 0, a.sheet);
    ids.splice(at, 0, id);
  }
  const { topSheetId, ...rest } = snap;
  const top = Math.max(topSheetId ?? 0, ...used);
  return { ...rest, sheets: withSheetIds(sheets, ids), ...(top > Math.max(...ids) ? { topSheetId: top } : {}) };
}

// Rows and columns inserted or deleted: the engine's cells move (a deferred tab's only when the change lies
// within its loaded cells, which takes it into the engine), and the sheet's CellMeta, frozen rows, column
// widths, and the rectangles of its conditional formats, validations, protections and named ranges follow,
// as in Sheets. The sheet's Apps Script face (sheet.ts) calls these; Book holds the cells they move.
import {
  type Rect,
  shiftRectColsForDelete,
  shiftRectColsForInsert,
  shiftRectForDelete,
  shiftRectForInsert,
} from "./a1";
import type { Book } from "./book";
import { checkGridLimits, copyFormats, type CellMeta, type SheetModel } from "./model";
import type { DvModel } from "./rules";

/** The extent of the sheet's contents; a deferred tab's from its loaded cells (rows or columns moved within them take it into the engine). */
function dims(book: Book, sheet: SheetModel): { width: number; height: number } {
  return sheet.pending ? sheet.pending.dims() : book.hf.getSheetDimensions(sheet.hfId);
}

/** Inserts `count` rows so that the first new row is `at` (1-based); formats come from `copyFrom`. */
export function insertRows(book: Book, sheet: SheetModel, at: number, count: number, copyFrom: number | null): void {
  if (count <= 0) return;
  checkGridLimits(book.sheets, { sheet, rows: count });
  book.touch(sheet);
  // Rows inserted inside the frozen block join it, as in Sheets: the frozen header grows.
  if (at <= sheet.frozenRows) sheet.frozenRows += count;
  if (at - 1 < dims(book, sheet).height) book.write().addRows(sheet.hfId, [at - 1, count]);
  const src = copyFrom !== null ? sheet.meta[copyFrom - 1] : undefined;
  const fresh = Array.from({ length: count }, () => (src ? src.map((m) => copyFormats(m)) : undefined)) as (CellMeta | undefined)[][];
  // A deferred tab still outside the engine gets rows below its loaded ones: its CellMeta grows.
  sheet.pending?.formatChanged(at);
  if (sheet.meta.length < at - 1) sheet.meta.length = at - 1;
  spliceIn(sheet.meta, at - 1, fresh);
  sheet.maxRows += count;
  shiftStructures(book, sheet, (r) => shiftRectForInsert(r, at, count));
}

export function deleteRows(book: Book, sheet: SheetModel, at: number, count: number): void {
  if (at < 1 || at + count - 1 > sheet.maxRows) throw new Error("Those rows are out of bounds.");
  if (count >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
  // Apps Script's own refusal: a frozen header needs a row below it.
  if (sheet.maxRows - count <= sheet.frozenRows) throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
  book.touch(sheet);
  if (at - 1 < dims(book, sheet).height) book.write().removeRows(sheet.hfId, [at - 1, count]);
  sheet.meta.splice(at - 1, count);
  sheet.maxRows -= count;
  shiftStructures(book, sheet, (r) => shiftRectForDelete(r, at, count));
}

export function insertCols(book: Book, sheet: SheetModel, at: number, count: number, copyFrom: number | null): void {
  if (count <= 0) return;
  checkGridLimits(book.sheets, { sheet, cols: count });
  book.touch(sheet);
  if (at - 1 < dims(book, sheet).width) book.write().addColumns(sheet.hfId, [at - 1, count]);
  sheet.pending?.formatChanged();
  for (const row of sheet.meta) {
    if (!row) continue;
    if (row.length < at - 1) row.length = at - 1;
    const src = copyFrom !== null ? row[copyFrom - 1] : undefined;
    spliceIn(row, at - 1, Array.from({ length: count }, () => (src ? copyFormats(src) : undefined)));
  }
  sheet.maxCols += count;
  shiftStructures(book, sheet, (r) => shiftRectColsForInsert(r, at, count));
  const widths: Record<number, number> = {};
  for (const [k, w] of Object.entries(sheet.widths)) widths[Number(k) >= at ? Number(k) + count : Number(k)] = w;
  sheet.widths = widths;
}

export function deleteCols(book: Book, sheet: SheetModel, at: number, count: number): void {
  if (at < 1 || at + count - 1 > sheet.maxCols) throw new Error("Those columns are out of bounds.");
  if (count >= sheet.maxCols) throw new Error("You can't delete all the columns on the sheet.");
  book.touch(sheet);
  if (at - 1 < dims(book, sheet).width) book.write().removeColumns(sheet.hfId, [at - 1, count]);
  for (const row of sheet.meta) row?.splice(at - 1, count);
  sheet.maxCols -= count;
  shiftStructures(book, sheet, (r) => shiftRectColsForDelete(r, at, count));
  const widths: Record<number, number> = {};
  for (const [k, w] of Object.entries(sheet.widths)) {
    const n = Number(k);
    if (n < at) widths[n] = w;
    else if (n >= at + count) widths[n - count] = w;
  }
  sheet.widths = widths;
}

/** Inserts `items` at `at`, in slices: one spread of 100,000 rows overflows the call stack. */
function spliceIn<T>(list: T[], at: number, items: T[]): void {
  for (let i = 0; i < items.length; i += 10_000) list.splice(at + i, 0, ...items.slice(i, i + 10_000));
}

function shiftStructures(book: Book, sheet: SheetModel, f: (r: Rect) => Rect | null): void {
  sheet.cf = sheet.cf
    .map((rule) => ({ ...rule, rects: rule.rects.map(f).filter((r): r is Rect => r !== null) }))
    .filter((rule) => rule.rects.length > 0);
  sheet.dv = sheet.dv
    .map((e) => ({ rule: e.rule, rect: f(e.rect) }))
    .filter((e): e is { rect: Rect; rule: DvModel } => e.rect !== null);
  for (const p of sheet.protections) {
    if (!p.rect) continue;
    const r = f(p.rect);
    if (r) p.rect = r;
    else p.removed = true;
  }
  sheet.protections = sheet.protections.filter((p) => !p.removed);
  for (const [key, n] of [...book.named]) {
    if (n.sheet !== sheet) continue;
    const r = f(n.rect);
    if (r) n.rect = r;
    else book.removeNamed(key);
  }
}

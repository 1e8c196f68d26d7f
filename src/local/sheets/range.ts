// The Range face: values, formulas, formats, notes and validations of one rectangle.
import type { LocalTextStyle } from "./textStyle";
import { parseA1, Rect, rectContains, rectSubtract, rectToA1, shiftFormula } from "./a1";
import type { Book } from "./book";
import type { CountersImpl } from "./counters";
import { DEFAULT_NUMBER_FORMAT, unrenderedFormat } from "./format";
import { FORMAT_KEYS, normColor, type CellMeta, type ProtectionModel, type SheetModel } from "./model";
import { checkEditable, LocalProtection } from "./protection";
import { DataValidation } from "./rules";
import { appsEnum, enumName, signatureError } from "./enums";

/** An enum object, as on Google (enums.ts): copyTo(range, "PASTE_FORMAT", false) fits no overload. */
export const CopyPasteType = appsEnum("SpreadsheetApp.CopyPasteType", ["PASTE_NORMAL", "PASTE_VALUES", "PASTE_FORMAT"] as const);

/** A number format the offline spreadsheet cannot show as Google would is refused where it is set (format.ts unrenderedFormat). */
function refuseUnrendered(fmts: unknown[][]): void {
  for (const row of Array.isArray(fmts) ? fmts : []) {
    for (const f of Array.isArray(row) ? row : []) {
      const why = typeof f === "string" && /[eE][+-]/.test(f) ? unrenderedFormat(f) : null;
      if (why) throw new Error(why);
    }
  }
}

/**
 * "either 'bold' or 'normal'; a null value resets the font weight" (ref/spreadsheet/range#setFontWeight(String)):
 * anything else (`"BOLD"`, `"700"`) was taken as normal offline; Google's answer is not documented, so it is
 * refused ("to check" 54).
 */
function fontWeight(w: unknown): void {
  if (w !== null && w !== "bold" && w !== "normal") throw new Error(`Offline spreadsheet: a font weight is "bold", "normal" or null, not ${JSON.stringify(w)}.`);
}

/**
 * `setFontSize(size: Integer)`, "the font size in points" (ref/spreadsheet/range#setFontSize(Integer)): a
 * string fits no overload (`"12"` too: Apps Script converts no string to a number); a size below 1 or a
 * fraction is refused in the emulator's words (not documented: "to check" 58). It stored any of them.
 */
export function fontSize(size: unknown, method: string): void {
  if (typeof size !== "number") throw signatureError(`SpreadsheetApp.${method}`, [size]);
  if (!Number.isInteger(size) || size < 1) throw new Error(`Offline spreadsheet: a font size is a whole number of points, at least 1, not ${size}.`);
}

function checkRows(values: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(values)) throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
  if (values.length !== rows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`);
  }
  for (const row of values) {
    const len = Array.isArray(row) ? row.length : 0;
    if (len !== cols) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${len} but the range has ${cols}.`);
    }
  }
  return values as unknown[][];
}

export function rangeFromParsed(book: Book, sheet: SheetModel, p: ReturnType<typeof parseA1>): LocalRange {
  const rect = book.resolve(sheet, p);
  if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols) throw new Error("Range not found");
  return new LocalRange(book, sheet, rect);
}

type Grid<T> = T[][];

function applyTextStyle(m: CellMeta, st: LocalTextStyle): void {
  if (st._bold !== null) st._bold ? (m.bold = true) : delete m.bold;
  if (st._italic !== null) st._italic ? (m.italic = true) : delete m.italic;
  const c = st._color === null ? null : normColor(st._color);
  if (c) m.color = c;
  if (st._size !== null) st._size === 10 ? delete m.fontSize : (m.fontSize = st._size);
}

export class LocalRange {
  readonly _kind = "Range";
  readonly _counters: CountersImpl;
  constructor(
    readonly _book: Book,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {
    this._counters = _book.ctx.counters;
  }
  /**
   * Before every method (counters.ts pub): a range of a deleted tab fails as the tab's own handle does.
   * Google does not say what such a range does; failing is the reading under which code that keeps using
   * one fails a test (it read as "#REF!" and wrote into nothing).
   */
  _alive(): void {
    if (this._sheet.deleted) throw new Error("The sheet has been deleted.");
  }
  private get rows() {
    return this._rect.r2 - this._rect.r1 + 1;
  }
  private get cols() {
    return this._rect.c2 - this._rect.c1 + 1;
  }
  private get cells() {
    return this.rows * this.cols;
  }
  private get topLeft(): Rect {
    return { r1: this._rect.r1, c1: this._rect.c1, r2: this._rect.r1, c2: this._rect.c1 };
  }
  private grid<T>(fn: (m: CellMeta | undefined, r: number, c: number) => T): Grid<T> {
    const out: Grid<T> = [];
    for (let r = this._rect.r1; r <= this._rect.r2; r++) {
      const row: T[] = [];
      const metaRow = this._sheet.meta[r - 1];
      for (let c = this._rect.c1; c <= this._rect.c2; c++) row.push(fn(metaRow?.[c - 1], r, c));
      out.push(row);
    }
    return out;
  }
  /** Refuses a change of these cells under a protection the running user may not edit (protection.ts). */
  _edit(): void {
    checkEditable(this._book, this._sheet, this._rect);
  }
  private setEach(fn: (m: CellMeta, i: number, j: number) => void) {
    this._edit();
    this._counters.formatted(this.cells);
    this._book.forEachMeta(this._sheet, this._rect, fn);
    return this;
  }
  private setGrid<T>(values: Grid<T>, fn: (m: CellMeta, v: T) => void) {
    const g = checkRows(values, this.rows, this.cols) as Grid<T>;
    return this.setEach((m, i, j) => fn(m, g[i][j]));
  }

  getA1Notation() {
    return rectToA1(this._rect);
  }
  getRow() {
    return this._rect.r1;
  }
  getColumn() {
    return this._rect.c1;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this._rect.r2;
  }
  getLastColumn() {
    return this._rect.c2;
  }
  getSheet() {
    return this._book.sheetApi(this._sheet);
  }
  /** The sheet's ID (Sheet.getSheetId): setup compares a named range's sheet with it in one call. */
  getGridId() {
    return this._sheet.gid;
  }
  getCell(row: number, col: number) {
    // A fraction made a range between rows offline; Google takes whole numbers (sheet.ts whole).
    if (!Number.isInteger(row) || !Number.isInteger(col)) throw new Error(`Offline spreadsheet: Range.getCell takes whole numbers, not ${row}, ${col}.`);
    if (row < 1 || col < 1 || row > this.rows || col > this.cols) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    const r = this._rect.r1 + row - 1;
    const c = this._rect.c1 + col - 1;
    return new LocalRange(this._book, this._sheet, { r1: r, c1: c, r2: r, c2: c });
  }

  // ---- values ----
  getValue() {
    this._counters.read(1);
    return this._book.readValues(this._sheet, this.topLeft)[0][0];
  }
  getValues() {
    this._counters.read(this.cells);
    return this._book.readValues(this._sheet, this._rect);
  }
  getDisplayValue() {
    this._counters.read(1);
    return this._book.readValues(this._sheet, this.topLeft, true)[0][0] as string;
  }
  getDisplayValues() {
    this._counters.read(this.cells);
    return this._book.readValues(this._sheet, this._rect, true) as string[][];
  }
  setValue(v: unknown) {
    this._edit();
    const g = Array.from({ length: this.rows }, () => new Array(this.cols).fill(v));
    this._book.writeValues(this._sheet, this._rect, g);
    this._counters.wrote(this.cells);
    return this;
  }
  setValues(values: unknown[][]) {
    const g = checkRows(values, this.rows, this.cols);
    this._edit();
    this._book.writeValues(this._sheet, this._rect, g);
    this._counters.wrote(this.cells);
    return this;
  }
  getFormula() {
    this._counters.read(1);
    return this._book.readFormulas(this._sheet, this.topLeft)[0][0];
  }
  getFormulas() {
    this._counters.read(this.cells);
    return this._book.readFormulas(this._sheet, this._rect);
  }
  setFormula(formula: string) {
    this._edit();
    const f = String(formula);
    const g: string[][] = [];
    for (let i = 0; i < this.rows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.cols; j++) row.push(f.startsWith("=") ? shiftFormula(f, i, j) : f);
      g.push(row);
    }
    this._book.writeValues(this._sheet, this._rect, g, true);
    this._counters.wrote(this.cells);
    return this;
  }
  setFormulas(formulas: string[][]) {
    const g = checkRows(formulas, this.rows, this.cols);
    this._edit();
    this._book.writeValues(this._sheet, this._rect, g.map((r) => r.map((x) => (x === null || x === undefined ? "" : String(x)))), true);
    this._counters.wrote(this.cells);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }) {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    this._edit();
    if (!any || o.contentsOnly) {
      this._book.clearContents(this._sheet, this._rect);
      this._counters.wrote(this.cells);
    }
    // Google: "clearing format also clears data validation rules" (ref/spreadsheet/range#clear(Object)).
    if (!any || o.formatOnly) this._book.clearFormats(this._sheet, this._rect);
    if (!any || o.formatOnly || o.validationsOnly) this.clearDataValidationsInternal();
    if (o.commentsOnly) this.setEach((m) => delete m.note);
    return this;
  }
  clearContent() {
    this._edit();
    this._book.clearContents(this._sheet, this._rect);
    this._counters.wrote(this.cells);
    return this;
  }
  /**
   * Range.copyTo(destination, copyPasteType, transposed), for PASTE_FORMAT only: each cell's format (number
   * format, font, colours, wrap, alignment) copied to the destination in the same spreadsheet, any tab. As
   * the Sheets API's copyPaste does, a destination a whole multiple of the source's size is filled by
   * repeating it; any other is given the source's size from its top-left cell. The API's PASTE_FORMAT pastes
   * "the format and data validation"; offline, dropdowns and conditional formats are not copied
   * (docs/apps-script-fidelity.md), and other paste types are not modelled.
   */
  copyTo(destination: LocalRange, copyPasteType?: unknown, transposed?: boolean) {
    if (!(destination instanceof LocalRange) || destination._book !== this._book) throw new Error("Target range and source range must be on the same spreadsheet.");
    if (enumName(copyPasteType, "SpreadsheetApp.CopyPasteType") !== "PASTE_FORMAT" || transposed) {
      throw new Error(`Range.copyTo is modelled offline for CopyPasteType.PASTE_FORMAT, not transposed (got ${typeof copyPasteType === "string" ? `the string "${copyPasteType}"` : String(copyPasteType)}).`);
    }
    const d = destination._rect;
    const dr = d.r2 - d.r1 + 1;
    const dc = d.c2 - d.c1 + 1;
    const tiles = dr % this.rows === 0 && dc % this.cols === 0;
    const rows = tiles ? dr : this.rows;
    const cols = tiles ? dc : this.cols;
    const to: Rect = { r1: d.r1, c1: d.c1, r2: d.r1 + rows - 1, c2: d.c1 + cols - 1 };
    if (to.r2 > destination._sheet.maxRows || to.c2 > destination._sheet.maxCols) throw new Error("Range not found");
    checkEditable(this._book, destination._sheet, to);
    // The source's formats first: copying a range onto itself (or over part of itself) copies what it was.
    const src = this.grid((m) => ({ ...(m ?? {}) }));
    this._counters.formatted(rows * cols);
    this._book.forEachMeta(destination._sheet, to, (m, i, j) => {
      const from = src[i % this.rows][j % this.cols];
      for (const k of FORMAT_KEYS) {
        if (from[k] === undefined) delete m[k];
        else (m as Record<string, unknown>)[k] = from[k];
      }
    });
    return this;
  }
  /** Google: "clears text formatting … but does not reset any number formatting rules" (range#clearFormat()). */
  clearFormat() {
    this._edit();
    this._counters.formatted(this.cells);
    this._book.clearFormats(this._sheet, this._rect, false, true);
    return this;
  }

  // ---- formats ----
  setNumberFormat(fmt: string) {
    refuseUnrendered([[fmt]]);
    return this.setEach((m) => (m.fmt = String(fmt)));
  }
  setNumberFormats(fmts: string[][]) {
    refuseUnrendered(fmts);
    return this.setGrid(fmts, (m, v) => (m.fmt = String(v)));
  }
  getNumberFormat() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.fmt ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats() {
    this._counters.read(this.cells);
    return this.grid((m) => m?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }
  setBackground(color: string | null) {
    const c = normColor(color);
    return this.setEach((m) => (c ? (m.bg = c) : delete m.bg));
  }
  setBackgrounds(colors: (string | null)[][]) {
    return this.setGrid(colors, (m, v) => {
      const c = normColor(v);
      if (c) m.bg = c;
      else delete m.bg;
    });
  }
  getBackground() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.bg ?? "#ffffff";
  }
  getBackgrounds() {
    this._counters.read(this.cells);
    return this.grid((m) => m?.bg ?? "#ffffff");
  }
  setFontColor(color: string | null) {
    const c = normColor(color);
    return this.setEach((m) => (c ? (m.color = c) : delete m.color));
  }
  setFontColors(colors: (string | null)[][]) {
    return this.setGrid(colors, (m, v) => {
      const c = normColor(v);
      if (c) m.color = c;
      else delete m.color;
    });
  }
  getFontColor() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.color ?? "#000000";
  }
  getFontColors() {
    this._counters.read(this.cells);
    return this.grid((m) => m?.color ?? "#000000");
  }
  setFontWeight(w: string | null) {
    fontWeight(w);
    return this.setEach((m) => (w === "bold" ? (m.bold = true) : delete m.bold));
  }
  setFontWeights(ws: (string | null)[][]) {
    if (Array.isArray(ws)) ws.forEach((row) => (Array.isArray(row) ? row.forEach(fontWeight) : undefined));
    return this.setGrid(ws, (m, w) => (w === "bold" ? (m.bold = true) : delete m.bold));
  }
  getFontWeight() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.bold ? "bold" : "normal";
  }
  getFontWeights() {
    this._counters.read(this.cells);
    return this.grid((m) => (m?.bold ? "bold" : "normal"));
  }
  setFontStyle(s: string | null) {
    return this.setEach((m) => (s === "italic" ? (m.italic = true) : delete m.italic));
  }
  getFontStyle() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.italic ? "italic" : "normal";
  }
  setFontSize(size: number) {
    fontSize(size, "Range.setFontSize");
    return this.setEach((m) => (m.fontSize = size));
  }
  /** Each cell's text style: the style's bold, italic, colour and size where it sets them (a field left unset keeps the cell's). */
  setTextStyles(styles: LocalTextStyle[][]) {
    return this.setGrid(styles, applyTextStyle);
  }
  /** One text style on every cell of the range, as setTextStyles applies each (Range.setTextStyle(style)). */
  setTextStyle(style: LocalTextStyle) {
    return this.setEach((m) => applyTextStyle(m, style));
  }
  setFontSizes(sizes: number[][]) {
    if (Array.isArray(sizes)) sizes.forEach((row) => (Array.isArray(row) ? row.forEach((v) => fontSize(v, "Range.setFontSizes")) : undefined));
    return this.setGrid(sizes, (m, size) => (size === 10 ? delete m.fontSize : (m.fontSize = size)));
  }
  getFontSize() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.fontSize ?? 10;
  }
  setWrap(wrap: boolean) {
    return this.setEach((m) => (wrap ? (m.wrap = true) : delete m.wrap));
  }
  getWrap() {
    return !!this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.wrap;
  }
  getWraps() {
    this._counters.read(this.cells);
    return this.grid((m) => !!m?.wrap);
  }
  setHorizontalAlignment(a: string | null) {
    const v = a === "left" || a === "center" || a === "right" ? a : a === "normal" || !a ? undefined : undefined;
    return this.setEach((m) => (v ? (m.hAlign = v) : delete m.hAlign));
  }
  getHorizontalAlignment() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.hAlign ?? "general";
  }
  setNote(note: string | null) {
    return this.setEach((m) => (note ? (m.note = String(note)) : delete m.note));
  }
  setNotes(notes: (string | null)[][]) {
    return this.setGrid(notes, (m, n) => (n ? (m.note = String(n)) : delete m.note));
  }
  getNote() {
    this._counters.read(1);
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.note ?? "";
  }
  getNotes() {
    this._counters.read(this.cells);
    return this.grid((m) => m?.note ?? "");
  }

  // ---- data validation ----
  setDataValidation(rule: DataValidation | null) {
    this._edit();
    this.clearDataValidationsInternal();
    if (rule) this._sheet.dv.push({ rect: { ...this._rect }, rule: { ...rule._model, values: [...rule._model.values] } });
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]) {
    const g = checkRows(rules, this.rows, this.cols) as (DataValidation | null)[][];
    this._edit();
    this.clearDataValidationsInternal();
    g.forEach((row, i) => {
      let j = 0;
      while (j < row.length) {
        const rule = row[j];
        let k = j;
        while (k + 1 < row.length && row[k + 1] === rule) k++;
        if (rule) {
          const r = this._rect.r1 + i;
          this._sheet.dv.push({ rect: { r1: r, r2: r, c1: this._rect.c1 + j, c2: this._rect.c1 + k }, rule: { ...rule._model, values: [...rule._model.values] } });
        }
        j = k + 1;
      }
    });
    return this;
  }
  private validationAt(r: number, c: number): DataValidation | null {
    for (let i = this._sheet.dv.length - 1; i >= 0; i--) {
      const e = this._sheet.dv[i];
      if (rectContains(e.rect, r, c)) return new DataValidation({ ...e.rule, values: [...e.rule.values] });
    }
    return null;
  }
  getDataValidation() {
    return this.validationAt(this._rect.r1, this._rect.c1);
  }
  getDataValidations() {
    this._counters.read(this.cells);
    return this.grid((_m, r, c) => this.validationAt(r, c));
  }
  private clearDataValidationsInternal() {
    this._sheet.dv = this._sheet.dv.flatMap((e) => rectSubtract(e.rect, this._rect).map((rect) => ({ rect, rule: e.rule })));
  }
  clearDataValidations() {
    this._edit();
    this.clearDataValidationsInternal();
    return this;
  }

  protect() {
    const p: ProtectionModel = { sheet: this._sheet, rect: { ...this._rect }, description: "", warningOnly: false };
    this._sheet.protections.push(p);
    return (p.api = new LocalProtection(this._book, p));
  }
  toString() {
    return "Range";
  }
}

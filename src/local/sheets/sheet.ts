// The Sheet face: ranges, rows and columns, frozen panes, sizes, visibility, rules and protection.
import { parseA1 } from "./a1";
import { clone as cloneChart, insertChart, LocalEmbeddedChart, newChartBuilder, removeChart, updateChart } from "./charts";
import type { Book } from "./book";
import { deleteCols, deleteRows, insertCols, insertRows } from "./book-shape";
import type { CountersImpl } from "./counters";
import { checkGridLimits, normColor, type ProtectionModel, type SheetModel } from "./model";
import { checkEditable, LocalProtection, protectionsOf } from "./protection";
import { LocalRange, rangeFromParsed } from "./range";
import { LocalRangeList } from "./rangeList";
import { checkConditionalFormatRule, ConditionalFormatRule, type CfModel } from "./rules";
import { signatureError } from "./enums";

/**
 * A row or column count or position as Apps Script's methods take it: a whole number. The offline
 * spreadsheet floored a fraction and let a count of 0 through, so code passing `n / 2` or inserting no row
 * passed its tests; Google's answer is not documented ("to check" 41): refused here, in the emulator's words.
 */
function whole(method: string, name: string, v: unknown, least = 1): number {
  if (typeof v !== "number") throw new Error(`Exception: The parameters don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
  const n = v;
  if (!Number.isInteger(n)) throw new Error(`Offline spreadsheet: Sheet.${method}'s ${name} must be a whole number, not ${String(v)}.`);
  if (n < least) throw new Error(`Offline spreadsheet: Sheet.${method}'s ${name} must be at least ${least}, not ${n}.`);
  return n;
}

export class LocalSheet {
  readonly _kind = "Sheet";
  // A chart builder is made locally, like SpreadsheetApp.newDataValidation: only inserting or updating
  // the chart is a round trip.
  readonly _uncounted = ["newChart"];
  readonly _counters: CountersImpl;
  constructor(
    readonly _book: Book,
    readonly _model: SheetModel,
  ) {
    this._counters = _book.ctx.counters;
  }
  private get m() {
    if (this._model.deleted) throw new Error("The sheet has been deleted.");
    return this._model;
  }
  getName() {
    return this.m.name;
  }
  setName(name: string) {
    checkEditable(this._book, this.m, "tab");
    this._book.renameSheet(this.m, String(name));
    return this;
  }
  getIndex() {
    return this._book.sheets.indexOf(this.m) + 1;
  }
  getSheetId() {
    return this.m.gid;
  }
  getParent() {
    return this._book.api;
  }
  getRange(a: unknown, col?: number, numRows?: number, numCols?: number) {
    const m = this.m;
    if (typeof a === "string" && col === undefined && numRows === undefined && numCols === undefined) {
      const p = parseA1(a, true);
      // A1 naming another tab, asked of this one: Google may give that tab's range or refuse; neither is
      // documented ("to check" 21). It gave this tab's range offline, which is wrong under both: refused.
      if (p.sheet !== undefined && this._book.findSheet(p.sheet) !== m) {
        throw new Error(`Offline spreadsheet: Sheet.getRange("${a}") on "${m.name}" names another tab; use Spreadsheet.getRange or that tab's own Sheet.`);
      }
      return rangeFromParsed(this._book, m, { ...p, sheet: undefined });
    }
    // Apps Script turns no string into a number: getRange("2", 1), a row read from a cell or a property as
    // text, fits no overload. It was converted offline ("to check" 64).
    const given: unknown[] = [a, col, numRows, numCols];
    while (given.length && given[given.length - 1] === undefined) given.pop();
    if (given.length < 2 || given.some((v) => typeof v !== "number")) throw signatureError("SpreadsheetApp.Sheet.getRange", given);
    const row = a as number;
    const c = col as number;
    const nr = numRows === undefined ? 1 : numRows;
    const nc = numCols === undefined ? 1 : numCols;
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (c < 1) throw new Error("The starting column of the range is too small.");
    if (nr < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (nc < 1) throw new Error("The number of columns in the range must be at least 1.");
    [row, c, nr, nc].forEach((v, i) => whole("getRange", ["row", "column", "numRows", "numColumns"][i], v));
    const rect = { r1: row, c1: c, r2: row + nr - 1, c2: c + nc - 1 };
    if (rect.r2 > m.maxRows || rect.c2 > m.maxCols) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new LocalRange(this._book, m, rect);
  }
  /** Several ranges of this sheet (A1 notations) that one call formats together (rangeList.ts). */
  getRangeList(a1Notations: string[]) {
    return new LocalRangeList(this._book, this.m, a1Notations);
  }
  // Embedded charts (charts.ts).
  newChart() {
    this.m;
    return newChartBuilder(this._book);
  }
  insertChart(chart: LocalEmbeddedChart) {
    insertChart(this.m.charts, chart);
  }
  updateChart(chart: LocalEmbeddedChart) {
    updateChart(this.m.charts, chart);
  }
  removeChart(chart: LocalEmbeddedChart) {
    removeChart(this.m.charts, chart);
  }
  getCharts() {
    return this.m.charts.map((c) => new LocalEmbeddedChart(this._book, cloneChart(c)));
  }
  getDataRange() {
    const m = this.m;
    return new LocalRange(this._book, m, { r1: 1, c1: 1, r2: Math.max(1, this._book.lastRow(m)), c2: Math.max(1, this._book.lastCol(m)) });
  }
  getLastRow() {
    return this._book.lastRow(this.m);
  }
  getLastColumn() {
    return this._book.lastCol(this.m);
  }
  getMaxRows() {
    return this.m.maxRows;
  }
  getMaxColumns() {
    return this.m.maxCols;
  }
  insertRowsBefore(before: number, howMany: number) {
    const m = this.m;
    whole("insertRowsBefore", "beforePosition", before, -Infinity);
    whole("insertRowsBefore", "howMany", howMany);
    if (before < 1 || before > m.maxRows) throw new Error("Those rows are out of bounds.");
    checkEditable(this._book, m, "tab");
    insertRows(this._book, m, before, howMany, before);
    return this;
  }
  insertRowsAfter(after: number, howMany: number) {
    const m = this.m;
    whole("insertRowsAfter", "afterPosition", after, -Infinity);
    whole("insertRowsAfter", "howMany", howMany);
    if (after < 1 || after > m.maxRows) throw new Error("Those rows are out of bounds.");
    checkEditable(this._book, m, "tab");
    insertRows(this._book, m, after + 1, howMany, after);
    return this;
  }
  deleteRows(start: number, howMany: number) {
    whole("deleteRows", "rowPosition", start, -Infinity);
    whole("deleteRows", "howMany", howMany);
    checkEditable(this._book, this.m, { r1: start, c1: 1, r2: start + howMany - 1, c2: this.m.maxCols });
    deleteRows(this._book, this.m, start, howMany);
  }
  deleteRow(row: number) {
    whole("deleteRow", "rowPosition", row, -Infinity);
    checkEditable(this._book, this.m, { r1: row, c1: 1, r2: row, c2: this.m.maxCols });
    deleteRows(this._book, this.m, row, 1);
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    const m = this.m;
    whole("insertColumnsAfter", "afterPosition", after, -Infinity);
    whole("insertColumnsAfter", "howMany", howMany);
    if (after < 1 || after > m.maxCols) throw new Error("Those columns are out of bounds.");
    checkEditable(this._book, m, "tab");
    insertCols(this._book, m, after + 1, howMany, after);
    return this;
  }
  deleteColumns(start: number, howMany: number) {
    whole("deleteColumns", "columnPosition", start, -Infinity);
    whole("deleteColumns", "howMany", howMany);
    checkEditable(this._book, this.m, { r1: 1, c1: start, r2: this.m.maxRows, c2: start + howMany - 1 });
    deleteCols(this._book, this.m, start, howMany);
  }
  appendRow(values: unknown[]) {
    const m = this.m;
    if (!Array.isArray(values)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    // An empty row fails on Google (reported from live runs, not documented; the message is the emulator's).
    if (values.length === 0) throw new Error("Sheet.appendRow needs at least one value: the row given is empty.");
    const row = this._book.lastRow(m) + 1;
    checkEditable(this._book, m, { r1: row, c1: 1, r2: row, c2: Math.max(1, values.length) });
    if (values.length > m.maxCols) checkGridLimits(this._book.sheets, { sheet: m, rows: Math.max(0, row - m.maxRows), cols: values.length - m.maxCols });
    if (row > m.maxRows) {
      const grow = row - m.maxRows;
      insertRows(this._book, m, m.maxRows + 1, grow, m.maxRows);
    }
    if (values.length > m.maxCols) m.maxCols = values.length;
    if (values.length > 0) this._book.writeValues(m, { r1: row, c1: 1, r2: row, c2: values.length }, [values]);
    this._counters.wrote(values.length);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const m = this.m;
    const rect = { r1: 1, c1: 1, r2: m.maxRows, c2: m.maxCols };
    checkEditable(this._book, m, rect);
    if (!options?.formatOnly) {
      this._book.touch(m);
      this._book.write().clearSheet(m.hfId);
    }
    if (!options?.contentsOnly) {
      this._book.clearFormats(m, rect);
      // Google's clear() removes conditional formatting with the other formats ("Formatting refers to …
      // bold, italics, conditional formatting", ref/spreadsheet/sheet#clearFormats()).
      m.cf = [];
    }
    return this;
  }
  hideSheet() {
    const m = this.m;
    if (this._book.sheets.filter((s) => !s.hidden && s !== m).length === 0) throw new Error("You can't hide all the sheets in a document.");
    m.hidden = true;
    if (this._book.active === m) this._book.active = this._book.sheets.find((s) => !s.hidden) ?? m;
    return this;
  }
  showSheet() {
    this.m.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.m.hidden;
  }
  setFrozenRows(n: number) {
    const m = this.m;
    // Sheets refuses to freeze every row of a tab (the Sheets API's "You can't freeze all visible rows on the
    // sheet."): a frozen header needs at least one row below it.
    if (!(n >= 0)) throw new Error("Exception: The number of rows to freeze must be at least 0.");
    whole("setFrozenRows", "rows", n, 0);
    if (n >= m.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    m.frozenRows = n;
  }
  getFrozenRows() {
    return this.m.frozenRows;
  }
  setColumnWidth(col: number, width: number) {
    return this._widths("setColumnWidth", col, 1, width, [col, width]);
  }
  /**
   * Columns beyond the tab's grid are refused, as every column operation on Google ("Those columns are out of
   * bounds."). A width is an Integer of pixels (ref/spreadsheet/sheet#setColumnWidth(Integer,Integer)): a
   * string fits no overload, and a negative, zero or fractional width is refused in the emulator's words
   * (Google's answer is not documented: "to check" 57); it stored any of them.
   */
  setColumnWidths(start: number, n: number, width: number) {
    return this._widths("setColumnWidths", start, n, width, [start, n, width]);
  }
  private _widths(method: string, start: number, n: number, width: number, args: unknown[]) {
    const m = this.m;
    if (args.some((a) => typeof a !== "number")) throw signatureError(`SpreadsheetApp.Sheet.${method}`, args);
    whole(method, "width", width);
    if (!(start >= 1) || !(n >= 1) || start + n - 1 > m.maxCols) throw new Error("Those columns are out of bounds.");
    whole(method, "column", start);
    whole(method, "count", n);
    for (let i = 0; i < n; i++) m.widths[start + i] = width;
    return this;
  }
  getColumnWidth(col: number) {
    return this.m.widths[col] ?? 100;
  }
  getConditionalFormatRules() {
    return this.m.cf.map((c) => new ConditionalFormatRule(this._book, this.m, cloneCf(c)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]) {
    const m = this.m;
    // null fits no overload on Google; offline it cleared every rule of the tab. [] clears them.
    if (!Array.isArray(rules)) throw signatureError("SpreadsheetApp.Sheet.setConditionalFormatRules", [rules]);
    const models = rules.map((r) => checkConditionalFormatRule(this._book, m, r));
    checkEditable(this._book, m, "tab");
    m.cf = models;
  }
  protect() {
    const m = this.m;
    const existing = m.protections.find((p) => p.rect === null);
    if (existing) return (existing.api ??= new LocalProtection(this._book, existing));
    const p: ProtectionModel = { sheet: m, rect: null, description: "", warningOnly: false };
    m.protections.push(p);
    return (p.api = new LocalProtection(this._book, p));
  }
  getProtections(type: unknown) {
    return protectionsOf(this._book, this.m, type, "SpreadsheetApp.Sheet.getProtections");
  }
  setTabColor(color: string | null) {
    this.m.tabColor = normColor(color) ?? null;
    return this;
  }
  getTabColor() {
    return this.m.tabColor;
  }
  activate() {
    this._book.active = this.m;
    return this;
  }
  toString() {
    return "Sheet";
  }
}

function cloneCf(c: CfModel): CfModel {
  return { rects: c.rects.map((r) => ({ ...r })), type: c.type, values: [...c.values], format: { ...c.format } };
}

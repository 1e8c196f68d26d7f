// The Spreadsheet face: sheets, the active sheet, named ranges, locale and time zone. The models are in
// model.ts, the engine glue in book.ts, snapshots in book-snapshot.ts, the other faces in sheet.ts,
// range.ts and protection.ts; add-on code only ever sees the faces through the counting proxy (pub).
// The faces hold only the methods the add-on, src/local or a test calls: any other Apps Script method is
// a TypeError offline (docs/apps-script-fidelity.md), so new add-on code adds and tests what it uses.
import { parseA1 } from "./a1";
import type { Book } from "./book";
import type { CountersImpl } from "./counters";
import { addArgs, LocalDeveloperMetadataFinder } from "./developerMetadata";
import { checkEditable, checkRangeName, LocalNamedRange, protectionsOf } from "./protection";
import { LocalRange, rangeFromParsed } from "./range";
import type { LocalSheet } from "./sheet";
import { deleteSheet } from "./sheetDelete";

export class LocalSpreadsheet {
  readonly _kind = "Spreadsheet";
  readonly _counters: CountersImpl;
  constructor(readonly _book: Book) {
    this._counters = _book.ctx.counters;
  }
  getId() {
    return this._book.id;
  }
  getName() {
    return this._book.name;
  }
  rename(name: string) {
    this._book.name = String(name);
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._book.id}/edit`;
  }
  getSheets() {
    return this._book.sheets.map((s) => this._book.sheetApi(s));
  }
  getSheetByName(name: string) {
    const s = this._book.sheetByName(String(name));
    return s ? this._book.sheetApi(s) : null;
  }
  insertSheet(a?: unknown, b?: unknown) {
    const book = this._book;
    let name: string | undefined;
    let index = book.newTabPlacement === "end" ? book.sheets.length : book.sheets.indexOf(book.active) + 1;
    if (typeof a === "string") {
      name = a;
      if (typeof b === "number") index = b;
    } else if (typeof a === "number") index = a;
    // "the index of the newly created sheet", 0 for the first: one past the last tab is the furthest a tab can
    // go. A larger, negative or fractional index was clamped (a fraction made a tab between two others);
    // Google's answer is not documented ("to check" 54), so it is refused, as moveActiveSheet refuses one.
    if (!Number.isInteger(index) || index < 0 || index > book.sheets.length) {
      throw new Error(`Offline spreadsheet: insertSheet's index must be a whole number from 0 to ${book.sheets.length} (the number of tabs), not ${index}.`);
    }
    if (name === undefined) {
      let n = book.sheets.length + 1;
      while (book.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = book.addSheetModel(name, index);
    book.active = model;
    return book.sheetApi(model);
  }
  deleteSheet(sheet: LocalSheet) {
    checkEditable(this._book, sheet._model, "delete");
    deleteSheet(this._book, sheet._model);
  }
  getActiveSheet() {
    return this._book.sheetApi(this._book.active);
  }
  setActiveSheet(sheet: LocalSheet) {
    this._book.active = sheet._model;
    return sheet;
  }
  /**
   * Moves the active tab so that it is at `pos`, 1-based, once moved (the reference's example: "first" of two
   * sheets moved to 2 has index 2). The reference throws "if the position is negative or greater than the
   * number of sheets"; 0, which is neither, and a fraction are refused too (the stricter side: "to check" 52).
   * The message is the emulator's own.
   */
  moveActiveSheet(pos: number) {
    const book = this._book;
    const n = book.sheets.length;
    if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 1 || pos > n) {
      throw new Error(`Exception: The position ${String(pos)} is not between 1 and the number of sheets (${n}).`);
    }
    const from = book.sheets.indexOf(book.active);
    book.sheets.splice(from, 1);
    book.sheets.splice(pos - 1, 0, book.active);
  }
  getSpreadsheetLocale() {
    return this._book.locale;
  }
  setSpreadsheetLocale(locale: string) {
    this._book.locale = String(locale);
  }
  getSpreadsheetTimeZone() {
    return this._book.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this._book.timeZone = String(tz);
  }
  getRange(a1: string) {
    const b = this._book;
    const p = parseA1(String(a1), true);
    let sheet = b.active;
    if (p.sheet !== undefined) {
      // A1 names a tab as getSheetByName does (under either reading of tab names, "to check" 27).
      const s = b.sheetByName(p.sheet);
      if (!s) throw new Error(`Range not found`);
      sheet = s;
    }
    return rangeFromParsed(b, sheet, p);
  }
  getRangeByName(name: string) {
    const n = this._book.named.get(String(name).toLowerCase());
    return n ? new LocalRange(this._book, n.sheet, { ...n.rect }) : null;
  }
  setNamedRange(name: string, range: LocalRange) {
    // The stricter of two readings of Google's docs (replace, or fail): see docs/apps-script-fidelity.md.
    // Names are compared whatever their case (it looked the name up as given, so "cyclename" over "CycleName"
    // moved the existing name).
    checkRangeName(String(name), (lower) => this._book.named.has(lower));
    this._book.setNamed(String(name), range._sheet, { ...range._rect });
  }
  getNamedRanges() {
    return [...this._book.named.values()].map((n) => new LocalNamedRange(this._book, n.name));
  }
  removeNamedRange(name: string) {
    if (!this._book.removeNamed(String(name))) throw new Error(`Named range "${name}" not found.`);
  }
  getProtections(type: unknown) {
    return this._book.sheets.flatMap((s) => protectionsOf(this._book, s, type, "SpreadsheetApp.Spreadsheet.getProtections"));
  }
  /** Returns this spreadsheet, "for chaining" (not the entry: code finds it again). */
  addDeveloperMetadata(key: string, b?: unknown, c?: unknown) {
    const { value, visibility } = addArgs(key, b, c);
    this._book.developerMetadata.add(key, value, visibility);
    return this;
  }
  createDeveloperMetadataFinder() {
    return new LocalDeveloperMetadataFinder(this._book.developerMetadata);
  }
  toast(msg: unknown, title?: unknown) {
    this._book.ctx.toast(String(msg), title === undefined ? undefined : String(title));
  }
  toString() {
    return "Spreadsheet";
  }
}

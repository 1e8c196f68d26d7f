// The Protection and NamedRange faces.
import type { Book } from "./book";
import type { CountersImpl } from "./counters";
import { enumName, signatureError } from "./enums";
import { PROTECTION_TYPE, ProtectionType, type ProtectionModel, type SheetModel } from "./model";
import type { LocalRange } from "./range";
import { rectsOverlap, type Rect } from "./a1";

/** Sheets' refusal of an edit under a protection the user may not edit (and of changing such a protection). */
export const PROTECTED_EDIT = "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

/** Whether the user running now may edit under `p`: warning-only, or hard with them among its editors. */
function mayEdit(book: Book, p: ProtectionModel): boolean {
  return p.warningOnly || !p.editors || p.editors.includes(book.ctx.user ? book.ctx.user() : "");
}

/**
 * Refuses a change under a protection the running user may not edit, as Sheets refuses it to a script
 * running as that user (ref/spreadsheet/protection: a protected range or sheet is edited "except by users
 * with permission"; the Sheets API's ProtectedRange: warning-only protection lets "every user" edit, a hard
 * one its `editors`). What is changed: `rect`, cells (values, formulas, formats, notes, validations: any
 * protection covering one of them refuses); "tab", the tab as a whole (rows or columns inserted, conditional
 * format rules: its sheet protection refuses); "delete", the tab and every cell of it (any protection on it
 * refuses). A protection made by protect() and never hardened has no editors list: it mirrors the
 * spreadsheet's sharing, so it refuses no one (Sheet.protect(): "the permissions mirror those of the
 * spreadsheet itself"). Before, only changing such a protection was refused offline, and a script wrote
 * under it freely.
 */
export function checkEditable(book: Book, sheet: SheetModel, what: Rect | "tab" | "delete"): void {
  for (const p of sheet.protections) {
    if (mayEdit(book, p)) continue;
    if (what === "tab" && p.rect) continue;
    if (typeof what === "object" && p.rect && !rectsOverlap(p.rect, what)) continue;
    throw new Error(PROTECTED_EDIT);
  }
}

/** A tab's protections of a ProtectionType (`method` names the caller in the refusal of anything else). */
export function protectionsOf(book: Book, s: SheetModel, type: unknown, method: string): LocalProtection[] {
  const name = enumName(type, PROTECTION_TYPE);
  if (!name) throw signatureError(method, [type]);
  return s.protections
    .filter((p) => (name === "SHEET" ? p.rect === null : p.rect !== null))
    .map((p) => (p.api ??= new LocalProtection(book, p)));
}

export class LocalProtection {
  readonly _kind = "Protection";
  readonly _counters: CountersImpl;
  constructor(
    readonly _book: Book,
    readonly _p: ProtectionModel,
  ) {
    this._counters = _book.ctx.counters;
  }
  setDescription(d: string) {
    this.mayEdit();
    this._p.description = String(d);
    return this;
  }
  getDescription() {
    return this._p.description;
  }
  setWarningOnly(w: boolean) {
    this.mayEdit();
    this._p.warningOnly = !!w;
    // Hardened, it is editable by whoever hardened it (Sheets adds the owner too).
    if (!w && !this._p.editors) this._p.editors = [this.me()];
    return this;
  }
  isWarningOnly() {
    return this._p.warningOnly;
  }
  getRange() {
    const s = this._p.sheet;
    return this._book.rangeApi(s, this._p.rect ? { ...this._p.rect } : { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols });
  }
  /**
   * Moves a range protection to cover `range` instead. Documented for range protections; moving one to
   * another sheet, or giving a sheet protection a range, is refused here (the stricter reading).
   */
  setRange(range: LocalRange) {
    this.mayEdit();
    if (!this._p.rect) throw new Error("setRange: a sheet protection has no range to move.");
    if (range._sheet !== this._p.sheet) throw new Error("setRange: the range is on another sheet.");
    this._p.rect = { ...range._rect };
    return this;
  }
  getProtectionType() {
    return this._p.rect ? ProtectionType.RANGE : ProtectionType.SHEET;
  }
  private me(): string {
    return this._book.ctx.user ? this._book.ctx.user() : "";
  }
  /** Changing a protection one may not edit fails, as in Sheets. */
  private mayEdit(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_EDIT);
  }
  remove() {
    this.mayEdit();
    this._p.removed = true;
    this._p.sheet.protections = this._p.sheet.protections.filter((p) => p !== this._p);
  }
  canEdit() {
    return mayEdit(this._book, this._p);
  }
  toString() {
    return "Protection";
  }
}

/**
 * Google's rules for a named range's name (Docs Editors Help, "Name a range",
 * https://support.google.com/docs/answer/63175, as recalled: the page is not in the stored references): only
 * letters, numbers and underscores; not starting with a number, nor the words "true" or "false"; 1–250
 * characters; not in A1 or R1C1 syntax ("A1:B2", "R1C1:R2C2"). HyperFormula's own rules are looser (it took
 * "First.Quarter" and "KR1"), so a name Google refuses was set offline. The message is the emulator's.
 */
export function checkRangeName(name: string, taken: (lower: string) => boolean): void {
  const bad = (why: string) => new Error(`Offline spreadsheet: "${name}" cannot name a range (${why}).`);
  if (name.length < 1 || name.length > 250) throw bad("1 to 250 characters");
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw bad("letters, numbers and underscores only, not starting with a number");
  if (/^(true|false)/i.test(name)) throw bad('it may not start with "true" or "false"');
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name) || /^[RC]$/i.test(name)) throw bad("it reads as a cell in A1 or R1C1 notation");
  if (taken(name.toLowerCase())) throw new Error(`A named range called "${name}" already exists.`);
}

export class LocalNamedRange {
  readonly _kind = "NamedRange";
  readonly _counters: CountersImpl;
  constructor(
    readonly _book: Book,
    private name: string,
  ) {
    this._counters = _book.ctx.counters;
  }
  private model() {
    const n = this._book.named.get(this.name.toLowerCase());
    if (!n) throw new Error(`Named range "${this.name}" not found.`);
    return n;
  }
  getName() {
    return this.name;
  }
  getRange() {
    const n = this.model();
    return this._book.rangeApi(n.sheet, { ...n.rect });
  }
  setRange(range: LocalRange) {
    this._book.setNamed(this.name, range._sheet, { ...range._rect });
    return this;
  }
  setName(name: string) {
    const n = this.model();
    const to = String(name);
    checkRangeName(to, (lower) => lower !== this.name.toLowerCase() && this._book.named.has(lower));
    this._book.removeNamed(this.name);
    this._book.setNamed(to, n.sheet, n.rect);
    this.name = to;
    return this;
  }
  remove() {
    this._book.removeNamed(this.name);
  }
  toString() {
    return "NamedRange";
  }
}

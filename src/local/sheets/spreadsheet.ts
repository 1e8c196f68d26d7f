// The workbook: HyperFormula holds cell contents and evaluates formulas; the models here hold everything
// else (formats, notes, rules, protections, named ranges). LocalSpreadsheet / LocalSheet / LocalRange
// are the Apps Script faces of them; add-on code only ever sees them through the counting proxy (pub).
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent, SimpleCellAddress } from "hyperformula";
import { createEngine, ENGINE_CONFIG, type Clock } from "../engine";
import type {
  ConditionType,
  SnapshotCell,
  SnapshotSheet,
  ValidationType,
  WorkbookSnapshot,
} from "../snapshot";
import {
  parseA1,
  quoteSheetName,
  Rect,
  rectContains,
  rectsOverlap,
  rectSubtract,
  rectToA1,
  shiftFormula,
  shiftRectColsForDelete,
  shiftRectColsForInsert,
  shiftRectForDelete,
  shiftRectForInsert,
} from "./a1";
import { CountersImpl, pub } from "./counters";
import { DEFAULT_NUMBER_FORMAT, formatNumber, isDateFormat, localeInfo, parseTyped } from "./format";
import { msFromSerialTz, serialFromDate, tzOffsetMinutes } from "./time";
import {
  checkConditionalFormatRule,
  ConditionalFormatRule,
  DataValidation,
  type CfModel,
  type DvModel,
} from "./rules";

export interface CellMeta {
  fmt?: string;
  bg?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  fontSize?: number;
  fontFamily?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: string;
  note?: string;
}

const FORMAT_KEYS: (keyof CellMeta)[] = ["fmt", "bg", "color", "bold", "italic", "strike", "underline", "fontSize", "fontFamily", "wrap", "hAlign", "vAlign"];

export interface Ctx {
  counters: CountersImpl;
  /** Current clock time (ms). */
  now(): number;
  /** The clock-aware Date class handed to add-on code; getValues returns its instances. */
  DateClass: new (ms: number) => Date;
  toast(message: string, title?: string): void;
  isTrigger(): boolean;
  /** The user running the add-on now (protections check it). */
  user?(): string;
}

export interface ProtectionModel {
  sheet: SheetModel;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** Who may edit a hard (not warning-only) protection; undefined = anyone (protections made offline). */
  editors?: string[];
  removed?: boolean;
  api?: LocalProtection;
}

export interface NamedModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
}

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  widths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  tabColor: string | null = null;
  meta: (CellMeta | undefined)[][] = [];
  cf: CfModel[] = [];
  dv: { rect: Rect; rule: DvModel }[] = [];
  protections: ProtectionModel[] = [];
  merges: Rect[] = [];
  borders: { rect: Rect; args: unknown[] }[] = [];
  hiddenCols = new Set<number>();
  hiddenRows = new Set<number>();
  deleted = false;
  api?: LocalSheet;
  constructor(
    public name: string,
    public hfId: number,
    public gid: number,
    public maxRows: number,
    public maxCols: number,
  ) {}
}

/**
 * createEngine's configuration plus undoLimit 0 (the add-on never undoes; keeping undo data made large
 * writes ~50% slower). createEngine is still called once so the clock-aware TODAY/NOW are registered.
 */
function buildEngine(sheets: Record<string, RawCellContent[][]>, clock: Clock, named: { name: string; expression: string }[]): HyperFormula {
  createEngine({}, clock);
  return HyperFormula.buildFromSheets(sheets, { ...ENGINE_CONFIG, undoLimit: 0 }, named);
}

const ERROR_MAP: Record<string, string> = { "#CYCLE!": "#REF!", "#SPILL!": "#REF!", "#LIC!": "#ERROR!" };
const errorString = (e: DetailedCellError) => ERROR_MAP[e.value] ?? e.value;

/** Normalises colours the way Sheets reports them ("#rrggbb", lower case). */
const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff", black: "#000000", red: "#ff0000", green: "#008000", blue: "#0000ff", yellow: "#ffff00",
  orange: "#ffa500", gray: "#808080", grey: "#808080", lightgray: "#d3d3d3", lightgrey: "#d3d3d3", purple: "#800080",
};
export function normColor(c: string | null | undefined): string | undefined {
  if (c === null || c === undefined || c === "") return undefined;
  const s = String(c).trim().toLowerCase();
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  const m3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m3) return `#${m3[1]}${m3[1]}${m3[2]}${m3[2]}${m3[3]}${m3[3]}`;
  return s;
}

const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

export class Book {
  hf!: HyperFormula;
  sheets: SheetModel[] = [];
  named = new Map<string, NamedModel>();
  active!: SheetModel;
  activeRange: Rect | null = null;
  private nextGid = 0;
  api: LocalSpreadsheet;

  constructor(
    public ctx: Ctx,
    public id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {
    this.api = new LocalSpreadsheet(this);
  }

  static fromSnapshot(snap: WorkbookSnapshot, ctx: Ctx): Book {
    const book = new Book(ctx, snap.id, snap.name, snap.locale || "en_US", snap.timeZone || "Etc/UTC");
    const clock = { now: () => ctx.now(), offsetMinutes: (ms: number) => tzOffsetMinutes(ms, book.timeZone) };
    const specs = snap.sheets.length ? snap.sheets : [{ name: "Sheet1", rows: [] } as SnapshotSheet];
    const contents: Record<string, RawCellContent[][]> = {};
    const models: SheetModel[] = [];
    for (const s of specs) {
      const width = s.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
      const gid = book.nextGid++;
      const model = new SheetModel(s.name, -1, gid === 0 ? 0 : 100_000 + gid, Math.max(1000, s.rows.length), Math.max(26, width));
      contents[s.name] = book.loadSheet(model, s);
      models.push(model);
    }
    const named = (snap.namedRanges ?? [])
      .map((n) => {
        const sheet = models.find((m) => m.name.toLowerCase() === n.sheet.toLowerCase());
        return sheet ? { n, sheet, rect: book.resolve(sheet, parseA1(n.a1)) } : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    book.hf = buildEngine(
      contents,
      clock,
      named.map((x) => ({ name: x.n.name, expression: `=${quoteSheetName(x.sheet.name)}!${absA1(x.rect)}` })),
    );
    for (const m of models) m.hfId = book.hf.getSheetId(m.name) as number;
    book.sheets = models;
    for (const x of named) book.named.set(x.n.name.toLowerCase(), { name: x.n.name, sheet: x.sheet, rect: x.rect });
    book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
    return book;
  }

  private loadSheet(model: SheetModel, s: SnapshotSheet): RawCellContent[][] {
    const content: RawCellContent[][] = new Array(s.rows.length);
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) {
        content[r] = [];
        continue;
      }
      const out: RawCellContent[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) {
          out[c] = null;
          continue;
        }
        if (cell.f) out[c] = cell.f;
        else if (typeof cell.v === "string") out[c] = cell.v === "" ? null : `'${cell.v}`;
        else out[c] = cell.v ?? null;
        const meta = metaFromSnapshot(cell);
        if (meta) (model.meta[r] ??= [])[c] = meta;
      }
      content[r] = out;
    }
    model.hidden = !!s.hidden;
    model.frozenRows = s.frozenRows ?? 0;
    model.frozenCols = s.frozenColumns ?? 0;
    model.widths = { ...(s.columnWidths ?? {}) };
    model.tabColor = s.tabColor ?? null;
    for (const cf of s.conditionalFormats ?? []) {
      model.cf.push({
        rects: cf.ranges.map((a) => this.resolve(model, parseA1(a))),
        type: cf.condition.type,
        values: [...cf.condition.values],
        format: { ...cf.format },
      });
    }
    for (const v of s.validations ?? []) {
      const values = [...v.values];
      let showDropdown = true;
      if (v.type === "VALUE_IN_LIST" && typeof values[values.length - 1] === "boolean") showDropdown = values.pop() as boolean;
      model.dv.push({
        rect: this.resolve(model, parseA1(v.range)),
        rule: { type: v.type, values, allowInvalid: v.allowInvalid, helpText: v.helpText, showDropdown },
      });
    }
    for (const p of s.protections ?? []) {
      model.protections.push({ sheet: model, rect: p.range ? this.resolve(model, parseA1(p.range)) : null, description: p.description, warningOnly: p.warningOnly });
    }
    return content;
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheetModel(name: string, index: number): SheetModel {
    if (this.findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const hfName = this.hf.addSheet(name);
    const model = new SheetModel(name, this.hf.getSheetId(hfName) as number, this.nextGid++ === 0 ? 0 : 100_000 + this.nextGid, 1000, 26);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, model);
    return model;
  }

  /** A1 (possibly open-ended) to a concrete rectangle on `sheet`. */
  resolve(sheet: SheetModel, p: { r1: number | null; c1: number | null; r2: number | null; c2: number | null }): Rect {
    return { r1: p.r1 ?? 1, c1: p.c1 ?? 1, r2: p.r2 ?? sheet.maxRows, c2: p.c2 ?? sheet.maxCols };
  }

  setNamed(name: string, sheet: SheetModel, rect: Rect): void {
    const expr = `=${quoteSheetName(sheet.name)}!${absA1(rect)}`;
    const key = name.toLowerCase();
    const existing = this.named.get(key);
    try {
      if (existing) this.hf.changeNamedExpression(existing.name, expr);
      else this.hf.addNamedExpression(name, expr);
    } catch (e) {
      throw new Error(`Invalid named range name "${name}": ${(e as Error).message}`);
    }
    this.named.set(key, { name: existing?.name ?? name, sheet, rect });
  }

  removeNamed(name: string): boolean {
    const key = name.toLowerCase();
    const n = this.named.get(key);
    if (!n) return false;
    this.hf.removeNamedExpression(n.name);
    this.named.delete(key);
    return true;
  }

  tz(): string {
    return this.timeZone;
  }

  sheetApi(model: SheetModel): LocalSheet {
    return (model.api ??= new LocalSheet(this, model));
  }

  // ---- cells ----

  addr(sheet: SheetModel, row: number, col: number): SimpleCellAddress {
    return { sheet: sheet.hfId, row: row - 1, col: col - 1 };
  }

  meta(sheet: SheetModel, row: number, col: number): CellMeta | undefined {
    return sheet.meta[row - 1]?.[col - 1];
  }

  metaFor(sheet: SheetModel, row: number, col: number): CellMeta {
    const r = (sheet.meta[row - 1] ??= []);
    return (r[col - 1] ??= {});
  }

  /** Values as Apps Script returns them. */
  readValues(sheet: SheetModel, rect: Rect, display = false): unknown[][] {
    const hf = this.hf;
    const raw = hf.getRangeValues({ start: this.addr(sheet, rect.r1, rect.c1), end: this.addr(sheet, rect.r2, rect.c2) });
    const loc = display ? localeInfo(this.locale) : null;
    const out: unknown[][] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const row = raw[i];
      const metaRow = sheet.meta[rect.r1 - 1 + i];
      const o: unknown[] = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === null || v === undefined) o[j] = "";
        else if (typeof v === "number") {
          let fmt = metaRow?.[rect.c1 - 1 + j]?.fmt;
          if (!fmt) fmt = this.autoFormat(sheet, rect.r1 + i, rect.c1 + j);
          if (display) o[j] = formatNumber(v, fmt, loc!);
          else o[j] = fmt && isDateFormat(fmt) ? new this.ctx.DateClass(msFromSerialTz(v, this.timeZone)) : v;
        } else if (v instanceof DetailedCellError) o[j] = errorString(v);
        else if (typeof v === "boolean") o[j] = display ? (v ? "TRUE" : "FALSE") : v;
        else o[j] = v;
      }
      out[i] = o;
    }
    return out;
  }

  /** A date format for formula results HyperFormula knows are dates (TODAY(), DATE(), ...). */
  autoFormat(sheet: SheetModel, row: number, col: number): string | undefined {
    const t = this.hf.getCellValueDetailedType(this.addr(sheet, row, col));
    if (t === "NUMBER_DATE") return "yyyy-mm-dd";
    if (t === "NUMBER_DATETIME") return "yyyy-mm-dd hh:mm:ss";
    if (t === "NUMBER_TIME") return "hh:mm:ss";
    return undefined;
  }

  readFormulas(sheet: SheetModel, rect: Rect): string[][] {
    const f = this.hf.getRangeFormulas({ start: this.addr(sheet, rect.r1, rect.c1), end: this.addr(sheet, rect.r2, rect.c2) });
    return f.map((row) => row.map((x) => x ?? ""));
  }

  /** Writes values the way Range.setValues does (strings parsed as typed input). */
  writeValues(sheet: SheetModel, rect: Rect, values: unknown[][], formulasOnly = false): void {
    const content: RawCellContent[][] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      const out: RawCellContent[] = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const r = rect.r1 + i;
        const c = rect.c1 + j;
        out[j] = this.toContent(sheet, r, c, row[j], formulasOnly);
      }
      content[i] = out;
    }
    this.hf.setCellContents(this.addr(sheet, rect.r1, rect.c1), content);
  }

  private toContent(sheet: SheetModel, r: number, c: number, v: unknown, formulasOnly: boolean): RawCellContent {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return isFinite(v) ? v : "=NA()";
    if (typeof v === "boolean") return v;
    if (isDateValue(v)) {
      const ms = v.getTime();
      if (isNaN(ms)) return null;
      const serial = serialFromDate(ms, this.timeZone);
      const m = this.meta(sheet, r, c);
      if (!m?.fmt || !isDateFormat(m.fmt)) {
        this.metaFor(sheet, r, c).fmt = Number.isInteger(serial) ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
      }
      return serial;
    }
    const s = typeof v === "string" ? v : String(v);
    if (formulasOnly && s.startsWith("=")) return s;
    const m = this.meta(sheet, r, c);
    const typed = parseTyped(s, this.locale, m?.fmt);
    switch (typed.kind) {
      case "empty":
        return null;
      case "formula":
        return typed.formula;
      case "text":
        return `'${typed.text}`;
      case "boolean":
        return typed.value;
      case "number":
        if (typed.fmt) {
          const isDate = isDateFormat(typed.fmt);
          if (!m?.fmt || (isDate && !isDateFormat(m.fmt)) || (!isDate && isDateFormat(m.fmt))) this.metaFor(sheet, r, c).fmt = typed.fmt;
        }
        return typed.value;
    }
  }

  clearContents(sheet: SheetModel, rect: Rect): void {
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    const blank: null[][] = Array.from({ length: rows }, () => new Array<null>(cols).fill(null));
    this.hf.setCellContents(this.addr(sheet, rect.r1, rect.c1), blank);
  }

  clearFormats(sheet: SheetModel, rect: Rect, notesToo = false): void {
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row = sheet.meta[r - 1];
      if (!row) continue;
      for (let c = rect.c1; c <= rect.c2; c++) {
        const m = row[c - 1];
        if (!m) continue;
        for (const k of FORMAT_KEYS) delete m[k];
        if (notesToo) delete m.note;
        if (Object.keys(m).length === 0) row[c - 1] = undefined;
      }
    }
  }

  forEachMeta(sheet: SheetModel, rect: Rect, fn: (m: CellMeta, i: number, j: number) => void): void {
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) fn(this.metaFor(sheet, r, c), r - rect.r1, c - rect.c1);
    }
  }

  /** Last row with a value or formula (0 when none). */
  lastRow(sheet: SheetModel): number {
    const { width, height } = this.hf.getSheetDimensions(sheet.hfId);
    for (let r = height; r >= 1; r--) {
      for (let c = 1; c <= width; c++) if (!this.hf.isCellEmpty(this.addr(sheet, r, c))) return r;
    }
    return 0;
  }

  lastCol(sheet: SheetModel): number {
    const { width, height } = this.hf.getSheetDimensions(sheet.hfId);
    for (let c = width; c >= 1; c--) {
      for (let r = 1; r <= height; r++) if (!this.hf.isCellEmpty(this.addr(sheet, r, c))) return c;
    }
    return 0;
  }

  // ---- structure ----

  /** Inserts `count` rows so that the first new row is `at` (1-based); formats come from `copyFrom`. */
  insertRows(sheet: SheetModel, at: number, count: number, copyFrom: number | null): void {
    if (count <= 0) return;
    // Rows inserted inside the frozen block join it, as in Sheets: the frozen header grows.
    if (at <= sheet.frozenRows) sheet.frozenRows += count;
    if (at - 1 < this.hf.getSheetDimensions(sheet.hfId).height) this.hf.addRows(sheet.hfId, [at - 1, count]);
    const src = copyFrom !== null ? sheet.meta[copyFrom - 1] : undefined;
    const fresh = Array.from({ length: count }, () => (src ? src.map((m) => copyFormats(m)) : undefined)) as (CellMeta | undefined)[][];
    if (sheet.meta.length < at - 1) sheet.meta.length = at - 1;
    sheet.meta.splice(at - 1, 0, ...fresh);
    sheet.maxRows += count;
    this.shiftStructures(sheet, (r) => shiftRectForInsert(r, at, count));
    shiftIndexSet(sheet.hiddenRows, at, count);
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    if (at < 1 || at + count - 1 > sheet.maxRows) throw new Error("Those rows are out of bounds.");
    if (count >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    if (at - 1 < this.hf.getSheetDimensions(sheet.hfId).height) this.hf.removeRows(sheet.hfId, [at - 1, count]);
    sheet.meta.splice(at - 1, count);
    sheet.maxRows -= count;
    this.shiftStructures(sheet, (r) => shiftRectForDelete(r, at, count));
    shiftIndexSet(sheet.hiddenRows, at, -count);
  }

  insertCols(sheet: SheetModel, at: number, count: number, copyFrom: number | null): void {
    if (count <= 0) return;
    if (at - 1 < this.hf.getSheetDimensions(sheet.hfId).width) this.hf.addColumns(sheet.hfId, [at - 1, count]);
    for (const row of sheet.meta) {
      if (!row) continue;
      if (row.length < at - 1) row.length = at - 1;
      const src = copyFrom !== null ? row[copyFrom - 1] : undefined;
      row.splice(at - 1, 0, ...Array.from({ length: count }, () => (src ? copyFormats(src) : undefined)));
    }
    sheet.maxCols += count;
    this.shiftStructures(sheet, (r) => shiftRectColsForInsert(r, at, count));
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(sheet.widths)) widths[Number(k) >= at ? Number(k) + count : Number(k)] = w;
    sheet.widths = widths;
    shiftIndexSet(sheet.hiddenCols, at, count);
  }

  deleteCols(sheet: SheetModel, at: number, count: number): void {
    if (at < 1 || at + count - 1 > sheet.maxCols) throw new Error("Those columns are out of bounds.");
    if (count >= sheet.maxCols) throw new Error("You can't delete all the columns on the sheet.");
    if (at - 1 < this.hf.getSheetDimensions(sheet.hfId).width) this.hf.removeColumns(sheet.hfId, [at - 1, count]);
    for (const row of sheet.meta) row?.splice(at - 1, count);
    sheet.maxCols -= count;
    this.shiftStructures(sheet, (r) => shiftRectColsForDelete(r, at, count));
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(sheet.widths)) {
      const n = Number(k);
      if (n < at) widths[n] = w;
      else if (n >= at + count) widths[n - count] = w;
    }
    sheet.widths = widths;
    shiftIndexSet(sheet.hiddenCols, at, -count);
  }

  private shiftStructures(sheet: SheetModel, f: (r: Rect) => Rect | null): void {
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
    sheet.merges = sheet.merges.map(f).filter((r): r is Rect => r !== null);
    for (const [key, n] of [...this.named]) {
      if (n.sheet !== sheet) continue;
      const r = f(n.rect);
      if (r) n.rect = r;
      else this.removeNamed(key);
    }
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    for (const [key, n] of [...this.named]) if (n.sheet === sheet) this.removeNamed(key);
    this.hf.removeSheet(sheet.hfId);
    sheet.deleted = true;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.active === sheet) this.active = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (!name) throw new Error("Sheet names cannot be empty.");
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
  }

  // ---- snapshot ----

  toSnapshot(triggers: WorkbookSnapshot["triggers"], documentProperties: Record<string, string>): WorkbookSnapshot {
    return {
      id: this.id,
      name: this.name,
      locale: this.locale,
      timeZone: this.timeZone,
      sheets: this.sheets.map((s) => this.sheetSnapshot(s)),
      namedRanges: [...this.named.values()].map((n) => ({ name: n.name, sheet: n.sheet.name, a1: rectToA1(n.rect) })),
      documentProperties: { ...documentProperties },
      triggers: triggers.map((t) => ({ ...t })),
    };
  }

  private sheetSnapshot(s: SheetModel): SnapshotSheet {
    const dims = this.hf.getSheetDimensions(s.hfId);
    let height = Math.max(dims.height, s.meta.length);
    const width = Math.max(dims.width, s.meta.reduce((w, r) => Math.max(w, r ? r.length : 0), 0));
    const rows: (SnapshotCell | null)[][] = [];
    if (height > 0 && width > 0) {
      const rect = { r1: 1, c1: 1, r2: height, c2: width };
      const values = this.hf.getRangeValues({ start: this.addr(s, 1, 1), end: this.addr(s, rect.r2, rect.c2) });
      const formulas = this.hf.getRangeFormulas({ start: this.addr(s, 1, 1), end: this.addr(s, rect.r2, rect.c2) });
      for (let i = 0; i < height; i++) {
        const row: (SnapshotCell | null)[] = [];
        for (let j = 0; j < width; j++) {
          const v = values[i][j];
          const f = formulas[i][j];
          const m = s.meta[i]?.[j];
          if ((v === null || v === undefined) && !f && !m) {
            row.push(null);
            continue;
          }
          const cell: SnapshotCell = {};
          if (f) cell.f = f;
          if (v instanceof DetailedCellError) cell.v = errorString(v);
          else if (v !== null && v !== undefined && v !== "") cell.v = v;
          else if (v === "" && f) cell.v = "";
          if (m) metaToSnapshot(m, cell);
          row.push(Object.keys(cell).length ? cell : null);
        }
        while (row.length && row[row.length - 1] === null) row.pop();
        rows.push(row);
      }
      while (height > 0 && rows[height - 1].length === 0) {
        rows.pop();
        height--;
      }
    }
    const out: SnapshotSheet = { name: s.name, rows };
    if (s.hidden) out.hidden = true;
    if (s.frozenRows) out.frozenRows = s.frozenRows;
    if (s.frozenCols) out.frozenColumns = s.frozenCols;
    if (Object.keys(s.widths).length) out.columnWidths = { ...s.widths };
    if (s.tabColor) out.tabColor = s.tabColor;
    if (s.cf.length) {
      out.conditionalFormats = s.cf.map((c) => ({
        ranges: c.rects.map(rectToA1),
        condition: { type: c.type, values: [...c.values] },
        format: { ...c.format },
      }));
    }
    if (s.dv.length) {
      out.validations = s.dv.map((e) => {
        const values = [...e.rule.values];
        if (e.rule.type === "VALUE_IN_LIST" && e.rule.showDropdown === false) values.push(false);
        const v: SnapshotSheet["validations"] extends (infer T)[] | undefined ? T : never = {
          range: rectToA1(e.rect),
          type: e.rule.type,
          values,
          allowInvalid: e.rule.allowInvalid,
        };
        if (e.rule.helpText) v.helpText = e.rule.helpText;
        return v;
      });
    }
    if (s.protections.length) {
      out.protections = s.protections.map((p) => ({ range: p.rect ? rectToA1(p.rect) : null, description: p.description, warningOnly: p.warningOnly }));
    }
    return out;
  }
}

function shiftIndexSet(set: Set<number>, at: number, delta: number): void {
  const items = [...set];
  set.clear();
  for (const i of items) {
    if (i < at) set.add(i);
    else if (delta > 0) set.add(i + delta);
    else if (i >= at - delta) set.add(i + delta);
  }
}

function copyFormats(m: CellMeta | undefined): CellMeta | undefined {
  if (!m) return undefined;
  const out: CellMeta = {};
  for (const k of FORMAT_KEYS) if (m[k] !== undefined) (out as Record<string, unknown>)[k] = m[k];
  return Object.keys(out).length ? out : undefined;
}

function absA1(r: Rect): string {
  const a = rectToA1(r);
  return a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function metaFromSnapshot(cell: SnapshotCell): CellMeta | undefined {
  const m: CellMeta = {};
  if (cell.fmt) m.fmt = cell.fmt;
  if (cell.bg) m.bg = cell.bg;
  if (cell.color) m.color = cell.color;
  if (cell.bold) m.bold = true;
  if (cell.italic) m.italic = true;
  if (cell.fontSize) m.fontSize = cell.fontSize;
  if (cell.wrap) m.wrap = true;
  if (cell.hAlign) m.hAlign = cell.hAlign;
  if (cell.note) m.note = cell.note;
  return Object.keys(m).length ? m : undefined;
}

function metaToSnapshot(m: CellMeta, cell: SnapshotCell): void {
  if (m.fmt) cell.fmt = m.fmt;
  if (m.bg) cell.bg = m.bg;
  if (m.color) cell.color = m.color;
  if (m.bold) cell.bold = true;
  if (m.italic) cell.italic = true;
  if (m.fontSize) cell.fontSize = m.fontSize;
  if (m.wrap) cell.wrap = true;
  if (m.hAlign) cell.hAlign = m.hAlign;
  if (m.note) cell.note = m.note;
}

// ================================================================================================
// Apps Script faces
// ================================================================================================

export const ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" } as const;

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
  getNumSheets() {
    return this._book.sheets.length;
  }
  getSheetByName(name: string) {
    const s = this._book.findSheet(String(name));
    return s ? this._book.sheetApi(s) : null;
  }
  getSheetById(gid: number) {
    const s = this._book.sheets.find((x) => x.gid === gid);
    return s ? this._book.sheetApi(s) : null;
  }
  insertSheet(a?: unknown, b?: unknown) {
    const book = this._book;
    let name: string | undefined;
    let index = book.sheets.indexOf(book.active) + 1;
    if (typeof a === "string") {
      name = a;
      if (typeof b === "number") index = b;
    } else if (typeof a === "number") index = a;
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
    this._book.deleteSheet(sheet._model);
  }
  getActiveSheet() {
    return this._book.sheetApi(this._book.active);
  }
  setActiveSheet(sheet: LocalSheet) {
    this._book.active = sheet._model;
    this._book.activeRange = null;
    return sheet;
  }
  getActiveRange() {
    const b = this._book;
    return new LocalRange(b, b.active, b.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 });
  }
  getActiveCell() {
    const b = this._book;
    const r = b.activeRange ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
    return new LocalRange(b, b.active, { r1: r.r1, c1: r.c1, r2: r.r1, c2: r.c1 });
  }
  moveActiveSheet(pos: number) {
    const b = this._book;
    b.sheets = b.sheets.filter((s) => s !== b.active);
    b.sheets.splice(Math.max(0, pos - 1), 0, b.active);
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
    const p = parseA1(String(a1));
    let sheet = b.active;
    if (p.sheet !== undefined) {
      const s = b.findSheet(p.sheet);
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
    if (this._book.named.has(String(name))) throw new Error(`A named range called "${name}" already exists.`);
    this._book.setNamed(String(name), range._sheet, { ...range._rect });
  }
  getNamedRanges() {
    return [...this._book.named.values()].map((n) => new LocalNamedRange(this._book, n.name));
  }
  removeNamedRange(name: string) {
    if (!this._book.removeNamed(String(name))) throw new Error(`Named range "${name}" not found.`);
  }
  getProtections(type: string) {
    return this._book.sheets.flatMap((s) => protectionsOf(this._book, s, type));
  }
  toast(msg: unknown, title?: unknown) {
    this._book.ctx.toast(String(msg), title === undefined ? undefined : String(title));
  }
  getOwner() {
    return null;
  }
  getEditors() {
    return [];
  }
  addEditor() {
    return this;
  }
  toString() {
    return "Spreadsheet";
  }
}

function protectionsOf(book: Book, s: SheetModel, type: string): LocalProtection[] {
  return s.protections
    .filter((p) => (type === ProtectionType.SHEET ? p.rect === null : p.rect !== null))
    .map((p) => (p.api ??= new LocalProtection(book, p)));
}

function rangeFromParsed(book: Book, sheet: SheetModel, p: ReturnType<typeof parseA1>): LocalRange {
  const rect = book.resolve(sheet, p);
  if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols) throw new Error("Range not found");
  return new LocalRange(book, sheet, rect);
}

export class LocalSheet {
  readonly _kind = "Sheet";
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
    this._book.renameSheet(this.m, String(name));
    return this;
  }
  getIndex() {
    return this._book.sheets.indexOf(this.m) + 1;
  }
  getSheetId() {
    return this.m.gid;
  }
  getSheetName() {
    return this.m.name;
  }
  getParent() {
    return this._book.api;
  }
  getRange(a: unknown, col?: number, numRows?: number, numCols?: number) {
    const m = this.m;
    if (typeof a === "string") return rangeFromParsed(this._book, m, { ...parseA1(a), sheet: undefined });
    const row = Number(a);
    const c = Number(col);
    const nr = numRows === undefined ? 1 : Number(numRows);
    const nc = numCols === undefined ? 1 : Number(numCols);
    if (col === undefined || isNaN(row) || isNaN(c)) throw new Error("Exception: The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (c < 1) throw new Error("The starting column of the range is too small.");
    if (nr < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (nc < 1) throw new Error("The number of columns in the range must be at least 1.");
    const rect = { r1: Math.floor(row), c1: Math.floor(c), r2: Math.floor(row) + Math.floor(nr) - 1, c2: Math.floor(c) + Math.floor(nc) - 1 };
    if (rect.r2 > m.maxRows || rect.c2 > m.maxCols) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new LocalRange(this._book, m, rect);
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
    if (before < 1 || before > m.maxRows) throw new Error("Those rows are out of bounds.");
    this._book.insertRows(m, before, howMany, before);
    return this;
  }
  insertRowsAfter(after: number, howMany: number) {
    const m = this.m;
    if (after < 1 || after > m.maxRows) throw new Error("Those rows are out of bounds.");
    this._book.insertRows(m, after + 1, howMany, after);
    return this;
  }
  insertRows(before: number, howMany = 1) {
    return this.insertRowsBefore(before, howMany);
  }
  insertRowBefore(before: number) {
    return this.insertRowsBefore(before, 1);
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  deleteRows(start: number, howMany: number) {
    this._book.deleteRows(this.m, start, howMany);
  }
  deleteRow(row: number) {
    this._book.deleteRows(this.m, row, 1);
    return this;
  }
  insertColumnsBefore(before: number, howMany: number) {
    const m = this.m;
    if (before < 1 || before > m.maxCols) throw new Error("Those columns are out of bounds.");
    this._book.insertCols(m, before, howMany, before);
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    const m = this.m;
    if (after < 1 || after > m.maxCols) throw new Error("Those columns are out of bounds.");
    this._book.insertCols(m, after + 1, howMany, after);
    return this;
  }
  insertColumnBefore(before: number) {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnAfter(after: number) {
    return this.insertColumnsAfter(after, 1);
  }
  deleteColumns(start: number, howMany: number) {
    this._book.deleteCols(this.m, start, howMany);
  }
  deleteColumn(col: number) {
    this._book.deleteCols(this.m, col, 1);
    return this;
  }
  appendRow(values: unknown[]) {
    const m = this.m;
    if (!Array.isArray(values)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this._book.lastRow(m) + 1;
    if (row > m.maxRows) {
      const grow = row - m.maxRows;
      this._book.insertRows(m, m.maxRows + 1, grow, m.maxRows);
    }
    if (values.length > m.maxCols) m.maxCols = values.length;
    if (values.length > 0) this._book.writeValues(m, { r1: row, c1: 1, r2: row, c2: values.length }, [values]);
    this._counters.wrote(values.length);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const m = this.m;
    const rect = { r1: 1, c1: 1, r2: m.maxRows, c2: m.maxCols };
    if (!options?.formatOnly) this._book.hf.clearSheet(m.hfId);
    if (!options?.contentsOnly) this._book.clearFormats(m, rect);
    return this;
  }
  clearContents() {
    this._book.hf.clearSheet(this.m.hfId);
    return this;
  }
  clearFormats() {
    const m = this.m;
    this._book.clearFormats(m, { r1: 1, c1: 1, r2: m.maxRows, c2: m.maxCols });
    return this;
  }
  clearNotes() {
    for (const row of this.m.meta) for (const c of row ?? []) if (c) delete c.note;
    return this;
  }
  clearConditionalFormatRules() {
    this.m.cf = [];
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
    this.m.frozenRows = n;
  }
  getFrozenRows() {
    return this.m.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.m.frozenCols = n;
  }
  getFrozenColumns() {
    return this.m.frozenCols;
  }
  setColumnWidth(col: number, width: number) {
    this.m.widths[col] = width;
    return this;
  }
  setColumnWidths(start: number, n: number, width: number) {
    for (let i = 0; i < n; i++) this.m.widths[start + i] = width;
    return this;
  }
  getColumnWidth(col: number) {
    return this.m.widths[col] ?? 100;
  }
  setRowHeight(row: number, h: number) {
    this.m.rowHeights[row] = h;
    return this;
  }
  setRowHeights(start: number, n: number, h: number) {
    for (let i = 0; i < n; i++) this.m.rowHeights[start + i] = h;
    return this;
  }
  getRowHeight(row: number) {
    return this.m.rowHeights[row] ?? 21;
  }
  autoResizeColumns() {
    return this;
  }
  autoResizeColumn() {
    return this;
  }
  autoResizeRows() {
    return this;
  }
  hideColumns(col: number, n = 1) {
    for (let i = 0; i < n; i++) this.m.hiddenCols.add(col + i);
  }
  showColumns(col: number, n = 1) {
    for (let i = 0; i < n; i++) this.m.hiddenCols.delete(col + i);
  }
  isColumnHiddenByUser(col: number) {
    return this.m.hiddenCols.has(col);
  }
  hideRows(row: number, n = 1) {
    for (let i = 0; i < n; i++) this.m.hiddenRows.add(row + i);
  }
  showRows(row: number, n = 1) {
    for (let i = 0; i < n; i++) this.m.hiddenRows.delete(row + i);
  }
  isRowHiddenByUser(row: number) {
    return this.m.hiddenRows.has(row);
  }
  getConditionalFormatRules() {
    return this.m.cf.map((c) => new ConditionalFormatRule(this._book, this.m, cloneCf(c)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]) {
    const m = this.m;
    const models = (rules ?? []).map((r) => checkConditionalFormatRule(this._book, m, r));
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
  getProtections(type: string) {
    return protectionsOf(this._book, this.m, type);
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
    this._book.activeRange = null;
    return this;
  }
  getType() {
    return "GRID";
  }
  toString() {
    return "Sheet";
  }
}

function cloneCf(c: CfModel): CfModel {
  return { rects: c.rects.map((r) => ({ ...r })), type: c.type, values: [...c.values], format: { ...c.format } };
}

type Grid<T> = T[][];

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
  private setEach(fn: (m: CellMeta, i: number, j: number) => void) {
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
  getRowIndex() {
    return this._rect.r1;
  }
  getColumn() {
    return this._rect.c1;
  }
  getColumnIndex() {
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
  getGridId() {
    return this._sheet.gid;
  }
  offset(dr: number, dc: number, numRows?: number, numCols?: number) {
    const r1 = this._rect.r1 + dr;
    const c1 = this._rect.c1 + dc;
    const rect = { r1, c1, r2: r1 + (numRows ?? this.rows) - 1, c2: c1 + (numCols ?? this.cols) - 1 };
    if (r1 < 1 || c1 < 1 || rect.r2 > this._sheet.maxRows || rect.c2 > this._sheet.maxCols) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new LocalRange(this._book, this._sheet, rect);
  }
  getCell(row: number, col: number) {
    if (row < 1 || col < 1 || row > this.rows || col > this.cols) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    const r = this._rect.r1 + row - 1;
    const c = this._rect.c1 + col - 1;
    return new LocalRange(this._book, this._sheet, { r1: r, c1: c, r2: r, c2: c });
  }
  activate() {
    this._book.active = this._sheet;
    this._book.activeRange = { ...this._rect };
    return this;
  }
  isBlank() {
    const v = this._book.readFormulas(this._sheet, this._rect);
    const vals = this._book.readValues(this._sheet, this._rect);
    return vals.every((row, i) => row.every((x, j) => x === "" && v[i][j] === ""));
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
    const g = Array.from({ length: this.rows }, () => new Array(this.cols).fill(v));
    this._book.writeValues(this._sheet, this._rect, g);
    this._counters.wrote(this.cells);
    return this;
  }
  setValues(values: unknown[][]) {
    const g = checkRows(values, this.rows, this.cols);
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
    this._book.writeValues(this._sheet, this._rect, g.map((r) => r.map((x) => (x === null || x === undefined ? "" : String(x)))), true);
    this._counters.wrote(this.cells);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }) {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) {
      this._book.clearContents(this._sheet, this._rect);
      this._counters.wrote(this.cells);
    }
    if (!any || o.formatOnly) this._book.clearFormats(this._sheet, this._rect);
    if (o.validationsOnly) this.clearDataValidationsInternal();
    if (o.commentsOnly) this.setEach((m) => delete m.note);
    return this;
  }
  clearContent() {
    this._book.clearContents(this._sheet, this._rect);
    this._counters.wrote(this.cells);
    return this;
  }
  clearFormat() {
    this._book.clearFormats(this._sheet, this._rect);
    return this;
  }
  clearNote() {
    return this.setEach((m) => delete m.note);
  }

  // ---- formats ----
  setNumberFormat(fmt: string) {
    return this.setEach((m) => (m.fmt = String(fmt)));
  }
  setNumberFormats(fmts: string[][]) {
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
    return this.setEach((m) => (w === "bold" ? (m.bold = true) : delete m.bold));
  }
  setFontWeights(ws: (string | null)[][]) {
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
  setFontLine(line: string | null) {
    return this.setEach((m) => {
      delete m.strike;
      delete m.underline;
      if (line === "line-through") m.strike = true;
      if (line === "underline") m.underline = true;
    });
  }
  setFontSize(size: number) {
    return this.setEach((m) => (m.fontSize = size));
  }
  setFontSizes(sizes: number[][]) {
    return this.setGrid(sizes, (m, size) => (size === 10 ? delete m.fontSize : (m.fontSize = size)));
  }
  getFontSize() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.fontSize ?? 10;
  }
  getFontSizes() {
    this._counters.read(this.cells);
    return this.grid((m) => m?.fontSize ?? 10);
  }
  setFontFamily(f: string | null) {
    return this.setEach((m) => (f ? (m.fontFamily = f) : delete m.fontFamily));
  }
  setWrap(wrap: boolean) {
    return this.setEach((m) => (wrap ? (m.wrap = true) : delete m.wrap));
  }
  setWraps(ws: boolean[][]) {
    return this.setGrid(ws, (m, w) => (w ? (m.wrap = true) : delete m.wrap));
  }
  setWrapStrategy(s: string) {
    return this.setEach((m) => (s === "WRAP" ? (m.wrap = true) : delete m.wrap));
  }
  getWrap() {
    return !!this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.wrap;
  }
  setHorizontalAlignment(a: string | null) {
    const v = a === "left" || a === "center" || a === "right" ? a : a === "normal" || !a ? undefined : undefined;
    return this.setEach((m) => (v ? (m.hAlign = v) : delete m.hAlign));
  }
  setHorizontalAlignments(as: (string | null)[][]) {
    return this.setGrid(as, (m, a) => (a === "left" || a === "center" || a === "right" ? (m.hAlign = a) : delete m.hAlign));
  }
  getHorizontalAlignment() {
    return this._book.meta(this._sheet, this._rect.r1, this._rect.c1)?.hAlign ?? "general";
  }
  setVerticalAlignment(a: string | null) {
    return this.setEach((m) => (a ? (m.vAlign = a) : delete m.vAlign));
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
  setBorder(...args: unknown[]) {
    this._sheet.borders.push({ rect: { ...this._rect }, args });
    return this;
  }
  merge() {
    this._sheet.merges.push({ ...this._rect });
    return this;
  }
  mergeAcross() {
    return this.merge();
  }
  breakApart() {
    this._sheet.merges = this._sheet.merges.filter((r) => !rectsOverlap(r, this._rect));
    return this;
  }
  isPartOfMerge() {
    return this._sheet.merges.some((r) => rectsOverlap(r, this._rect));
  }

  // ---- data validation ----
  setDataValidation(rule: DataValidation | null) {
    this.clearDataValidationsInternal();
    if (rule) this._sheet.dv.push({ rect: { ...this._rect }, rule: { ...rule._model, values: [...rule._model.values] } });
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]) {
    const g = checkRows(rules, this.rows, this.cols) as (DataValidation | null)[][];
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
    return new LocalRange(this._book, s, this._p.rect ? { ...this._p.rect } : { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols });
  }
  getProtectionType() {
    return this._p.rect ? ProtectionType.RANGE : ProtectionType.SHEET;
  }
  private me(): string {
    return this._book.ctx.user ? this._book.ctx.user() : "";
  }
  /** Changing a protection one may not edit fails, as in Sheets. */
  private mayEdit(): void {
    if (!this.canEdit()) throw new Error("You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.");
  }
  remove() {
    this.mayEdit();
    this._p.removed = true;
    this._p.sheet.protections = this._p.sheet.protections.filter((p) => p !== this._p);
  }
  canEdit() {
    return this._p.warningOnly || !this._p.editors || this._p.editors.includes(this.me());
  }
  canDomainEdit() {
    return true;
  }
  getEditors() {
    return [];
  }
  addEditor(email: string) {
    this.mayEdit();
    if (this._p.editors && !this._p.editors.includes(String(email))) this._p.editors.push(String(email));
    return this;
  }
  addEditors(emails: string[]) {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(email: string) {
    this.mayEdit();
    if (this._p.editors) this._p.editors = this._p.editors.filter((e) => e !== String(email));
    return this;
  }
  removeEditors(emails: string[]) {
    for (const e of emails) this.removeEditor(e);
    return this;
  }
  setDomainEdit() {
    return this;
  }
  setUnprotectedRanges() {
    return this;
  }
  getUnprotectedRanges() {
    return [];
  }
  toString() {
    return "Protection";
  }
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
    return new LocalRange(this._book, n.sheet, { ...n.rect });
  }
  setRange(range: LocalRange) {
    this._book.setNamed(this.name, range._sheet, { ...range._rect });
    return this;
  }
  setName(name: string) {
    const n = this.model();
    this._book.removeNamed(this.name);
    this._book.setNamed(name, n.sheet, n.rect);
    this.name = name;
    return this;
  }
  remove() {
    this._book.removeNamed(this.name);
  }
  toString() {
    return "NamedRange";
  }
}

/** Exposed for rules.ts (conditional formats read cell values without counting). */
export function cellValueForRules(book: Book, sheet: SheetModel, row: number, col: number): { value: unknown; display: string } {
  const rect = { r1: row, c1: col, r2: row, c2: col };
  return { value: book.readValues(sheet, rect)[0][0], display: book.readValues(sheet, rect, true)[0][0] as string };
}

export { pub };
export type { ConditionType, ValidationType };

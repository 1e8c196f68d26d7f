// The workbook's models: what a sheet holds besides cell contents (formats, notes, rules, protections,
// named ranges). HyperFormula holds the contents; book.ts ties the two together.
import type { ChartModel } from "./charts";
import { rectToA1, type Rect } from "./a1";
import { appsEnum } from "./enums";
import type { CountersImpl } from "./counters";
import type { LocalProtection } from "./protection";
import type { CfModel, DvModel } from "./rules";
import type { OutsideCells } from "./pending";
import type { LocalSheet } from "./sheet";

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

export const FORMAT_KEYS: (keyof CellMeta)[] = ["fmt", "bg", "color", "bold", "italic", "strike", "underline", "fontSize", "fontFamily", "wrap", "hAlign", "vAlign"];

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
  /** getSheetByName matches exact names only (LocalOptions.exactSheetNames). */
  exactSheetNames?: boolean;
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
  tabColor: string | null = null;
  meta: (CellMeta | undefined)[][] = [];
  cf: CfModel[] = [];
  dv: { rect: Rect; rule: DvModel }[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];
  /** Set once a formula was loaded or written into the sheet (Book.toContent): a sheet of values is saved without asking the engine for formulas. */
  hasFormulas = false;
  deleted = false;
  api?: LocalSheet;
  /** A large tab kept out of the engine (deferred.ts): its cells as loaded, read from here until something changes it. */
  pending?: OutsideCells;
  /**
   * Formulas of this sheet that name a tab kept out of the engine, held in the engine with that tab's
   * values written in (deferred.ts): the formula as loaded, by "row,col" (0-based).
   */
  shadows?: Map<string, string>;
  constructor(
    public name: string,
    public hfId: number,
    public gid: number,
    public maxRows: number,
    public maxCols: number,
  ) {}
}

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

/** An enum object, as on Google (enums.ts): getProtections("SHEET") fits no overload. */
export const PROTECTION_TYPE = "SpreadsheetApp.ProtectionType";
export const ProtectionType = appsEnum(PROTECTION_TYPE, ["RANGE", "SHEET"] as const);

export function copyFormats(m: CellMeta | undefined): CellMeta | undefined {
  if (!m) return undefined;
  const out: CellMeta = {};
  for (const k of FORMAT_KEYS) if (m[k] !== undefined) (out as Record<string, unknown>)[k] = m[k];
  return Object.keys(out).length ? out : undefined;
}

export function absA1(r: Rect): string {
  const a = rectToA1(r);
  return a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/**
 * Google Sheets' size limits ("Up to 10 million cells or 18,278 columns (column ZZZ)", Google Drive help,
 * "Files you can store in Google Drive"): a grid's cells are its rows times its columns, blank ones included,
 * counted over every tab. A change that would pass either fails and changes nothing. The message is the one
 * Sheets gives as recalled, not found in Google's reference ("to check" 10).
 */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;
export function checkGridLimits(sheets: readonly SheetModel[], grow: { sheet?: SheetModel; rows?: number; cols?: number; newCells?: number }): void {
  let total = grow.newCells ?? 0;
  for (const s of sheets) {
    const rows = s.maxRows + (s === grow.sheet ? grow.rows ?? 0 : 0);
    const cols = s.maxCols + (s === grow.sheet ? grow.cols ?? 0 : 0);
    if (cols > MAX_COLUMNS) throw new Error(`This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS}.`);
    total += rows * cols;
  }
  if (total > MAX_CELLS) throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
}

// What the xlsx writer and reader share: the metadata sheet's shape, and value conversions.
import type { SnapshotConditionalFormat, SnapshotProtection, SnapshotTrigger, SnapshotValidation, WorkbookSnapshot } from "../snapshot";
import { signature, type NativeDv } from "./rules";
import type { SavedValues } from "../cachedValues";


export const METADATA_SHEET = "_okr_local";
/** Excel allows 32,767 characters in a cell; stay well below. */
export const CHUNK = 32_000;
/** Pixels per Excel character-width unit (the default font's digit width). */
export const PX_PER_CHAR = 7;
export const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#ERROR!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);
/** exceljs's default font (style 0): a cell showing it has no font of its own. */
export const DEFAULT_FONT = { name: "Calibri", size: 11 };

export interface SheetMeta {
  columnWidths?: Record<number, number>;
  protections?: SnapshotProtection[];
  conditionalFormats?: SnapshotConditionalFormat[];
  cfSignature?: string;
  validations?: SnapshotValidation[];
  dvSignature?: string;
  /** Formula cells whose cached result is "" (xlsx cannot tell that from "no cached result"). */
  emptyResults?: string[];
  /** The grid's size when the snapshot records one (xlsx keeps cells, not a grid's blank rows). */
  maxRows?: number;
  maxColumns?: number;
  /** The tab's ID (getSheetId), written for every tab: a tab moved or inserted in another program keeps it. */
  sheetId?: number;
  /** The tab's own name, where Excel refuses it and the file has another (sheetNames.ts); the entry is keyed by that other. */
  name?: string;
}
export interface Metadata {
  format: "okr-sheets-local";
  version: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  documentProperties: Record<string, string>;
  triggers: SnapshotTrigger[];
  /** WorkbookSnapshot.developerMetadata (absent: none). */
  developerMetadata?: WorkbookSnapshot["developerMetadata"];
  /** By the tab's name in the file (its own, unless Excel refuses that: SheetMeta.name). */
  sheets: Record<string, SheetMeta>;
  namedRanges?: WorkbookSnapshot["namedRanges"];
  namedRangesSignature?: string;
  /** WorkbookSnapshot.topSheetId: the highest sheet ID a deleted tab had. */
  topSheetId?: number;
  /** Set when the formula results were computed by okr-sheets (cachedValues.ts). */
  values?: SavedValues;
}

// ---------------------------------------------------------------------------------------------------

/** exceljs reads back names of cells and cell ranges, not whole columns or rows. */
export function exceljsReadsRange(a1: string): boolean {
  return a1.split(":").every((part) => /^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(part));
}
export function canonicalNames(list: WorkbookSnapshot["namedRanges"]): string[] {
  return list.map((nr) => `${nr.name}\u0000${nr.sheet}\u0000${nr.a1.replace(/\$/g, "").toUpperCase()}`).sort();
}

export function argb(hex: string): string {
  const h = hex.replace(/^#/, "");
  const six = h.length === 3 ? h.split("").map((ch) => ch + ch).join("") : h.slice(-6);
  return `FF${six.toUpperCase()}`;
}
export function hexColor(a: string): string {
  return `#${a.slice(-6).toLowerCase()}`;
}

export function dvSignature(natives: NativeDv[]): string {
  // exceljs reorders validations by address when writing, so compare them as a set.
  return signature(natives.map((n) => signature(n)).sort());
}

// WorkbookSnapshot <-> .xlsx. The file is a normal workbook Excel, LibreOffice and Google Sheets open
// (values, cached formula results, formats, conditional formats, validations, notes, named ranges); what
// xlsx has no notion of (warning-only protections, document properties, triggers, locale, time zone, the
// spreadsheet id, exact pixel widths, exact rule lists) rides along as JSON in a very hidden sheet named
// `_okr_local`, which never shows up among the snapshot's sheets.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type {
  SnapshotCell,
  SnapshotConditionalFormat,
  SnapshotProtection,
  SnapshotScalar,
  SnapshotSheet,
  SnapshotTrigger,
  SnapshotValidation,
  WorkbookSnapshot,
} from "../snapshot";
import { columnLetter, columnNumber } from "../../core/a1";
import { patchExcelDates, serialOfDate } from "./dates";
import { allowHistorySheetName } from "./historyName";
import { absoluteA1, fromXlsxFormula, quoteSheetName, splitSheetRef, toXlsxFormula } from "./formulas";
import { writeKeepingFile } from "../safeWrite";
import { checkUnzippedSize } from "./zipSize";
import {
  cfToNative,
  dvToNative,
  nativeCfToExcel,
  nativeDvToExcel,
  nativeToCf,
  nativeToDv,
  readNativeCfs,
  readNativeDvs,
  signature,
  type NativeCf,
  type NativeDv,
} from "./rules";

export { toXlsxFormula, fromXlsxFormula } from "./formulas";

export const METADATA_SHEET = "_okr_local";
/** Excel allows 32,767 characters in a cell; stay well below. */
const CHUNK = 32_000;
/** Pixels per Excel character-width unit (the default font's digit width). */
const PX_PER_CHAR = 7;
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#ERROR!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);
/** exceljs's default font (style 0): a cell showing it has no font of its own. */
const DEFAULT_FONT = { name: "Calibri", size: 11 };

interface SheetMeta {
  columnWidths?: Record<number, number>;
  protections?: SnapshotProtection[];
  conditionalFormats?: SnapshotConditionalFormat[];
  cfSignature?: string;
  validations?: SnapshotValidation[];
  dvSignature?: string;
  /** Formula cells whose cached result is "" (xlsx cannot tell that from "no cached result"). */
  emptyResults?: string[];
}
interface Metadata {
  format: "okr-sheets-local";
  version: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  documentProperties: Record<string, string>;
  triggers: SnapshotTrigger[];
  sheets: Record<string, SheetMeta>;
  namedRanges?: WorkbookSnapshot["namedRanges"];
  namedRangesSignature?: string;
}

// ---------------------------------------------------------------------------------------------------
// Writing

export async function snapshotToXlsx(s: WorkbookSnapshot): Promise<Buffer> {
  const names = new Set<string>();
  for (const sheet of s.sheets) {
    if (sheet.name === METADATA_SHEET) throw new Error(`A sheet may not be named ${METADATA_SHEET} (reserved for okr-sheets metadata)`);
    if (names.has(sheet.name.toLowerCase())) throw new Error(`Two sheets are named "${sheet.name}"`);
    names.add(sheet.name.toLowerCase());
  }

  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = "okr-sheets";
  wb.title = s.name;

  const meta: Metadata = {
    format: "okr-sheets-local",
    version: 1,
    id: s.id,
    name: s.name,
    locale: s.locale,
    timeZone: s.timeZone,
    documentProperties: s.documentProperties ?? {},
    triggers: s.triggers ?? [],
    sheets: {},
  };

  for (const sheet of s.sheets) {
    meta.sheets[sheet.name] = writeSheet(wb, sheet);
  }

  // Defined names go to the file as written: exceljs's own bookkeeping spreads names over single cells
  // and silently drops whole-column ranges such as 'Key Results'!$A:$A.
  const namedRanges = s.namedRanges ?? [];
  const definedNames = namedRanges.map((nr) => ({ name: nr.name, ranges: [`${quoteSheetName(nr.sheet)}!${absoluteA1(nr.a1)}`] }));
  const holder = wb as unknown as { _definedNames?: { model: unknown } };
  if (holder._definedNames && "model" in holder._definedNames) holder._definedNames = { model: definedNames };
  else for (const dn of definedNames) wb.definedNames.add(dn.ranges[0], dn.name);
  if (namedRanges.length) {
    meta.namedRanges = namedRanges;
    meta.namedRangesSignature = signature(canonicalNames(namedRanges.filter((nr) => exceljsReadsRange(nr.a1))));
  }

  const ms = wb.addWorksheet(METADATA_SHEET, { state: "veryHidden" });
  // ASCII only (\uXXXX escapes), so splitting into cells never cuts a character in half.
  const json = JSON.stringify(meta).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  for (let i = 0, r = 1; i < json.length || r === 1; i += CHUNK, r++) {
    const row = ms.getRow(r);
    row.getCell(1).value = json.slice(i, i + CHUNK);
    row.commit();
  }
  ms.commit();

  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SnapshotSheet): SheetMeta {
  const frozenRows = sheet.frozenRows ?? 0;
  const frozenColumns = sheet.frozenColumns ?? 0;
  const views: Partial<ExcelJS.WorksheetView>[] =
    frozenRows > 0 || frozenColumns > 0
      ? [{ state: "frozen", xSplit: frozenColumns, ySplit: frozenRows, topLeftCell: `${columnLetter(frozenColumns + 1)}${frozenRows + 1}` }]
      : [];
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? "hidden" : "visible",
    views,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  } as Partial<ExcelJS.AddWorksheetOptions>);

  const widths = sheet.columnWidths ?? {};
  for (const [col, px] of Object.entries(widths)) {
    const c = Number(col);
    if (c >= 1 && Number.isFinite(px)) ws.getColumn(c).width = px / PX_PER_CHAR;
  }

  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  const emptyResults: string[] = [];
  const rows = sheet.rows ?? [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells || cells.length === 0) continue;
    const row = ws.getRow(r + 1);
    let hasValue = false;
    let hasStyle = false;
    for (let c = 0; c < cells.length; c++) {
      const sc = cells[c];
      if (!sc) continue;
      const cell = row.getCell(c + 1);
      const value = cellValue(sc);
      if (sc.f && sc.v === "") emptyResults.push(`${columnLetter(c + 1)}${r + 1}`);
      if (value !== null) {
        cell.value = value;
        hasValue = true;
      }
      const style = cellStyle(sc, styleCache);
      if (style) {
        cell.style = style;
        hasStyle = true;
      }
      if (sc.note !== undefined && sc.note !== "") {
        cell.note = sc.note;
        hasStyle = true;
      }
    }
    // exceljs drops rows without a value; a default height keeps formatted-but-empty rows in the file.
    if (!hasValue && hasStyle) row.height = 15;
    row.commit();
  }

  const sm: SheetMeta = {};
  if (Object.keys(widths).length) sm.columnWidths = { ...widths };
  if (sheet.protections?.length) sm.protections = sheet.protections;
  if (emptyResults.length) sm.emptyResults = emptyResults;

  const cfs = sheet.conditionalFormats ?? [];
  if (cfs.length) {
    const natives: NativeCf[] = [];
    for (const cf of cfs) {
      const n = cfToNative(cf);
      if (n) natives.push(n);
    }
    natives.forEach((n, i) => ws.addConditionalFormatting(nativeCfToExcel(n, i + 1)));
    sm.conditionalFormats = cfs;
    sm.cfSignature = signature(natives);
  }
  const dvs = sheet.validations ?? [];
  if (dvs.length) {
    const natives: NativeDv[] = [];
    for (const v of dvs) {
      const n = dvToNative(v);
      if (n) natives.push(n);
    }
    const dvModel = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    for (const n of natives) dvModel.add(n.sqref, nativeDvToExcel(n));
    sm.validations = dvs;
    sm.dvSignature = dvSignature(natives);
  }
  ws.commit();
  return sm;
}

function dvSignature(natives: NativeDv[]): string {
  // exceljs reorders validations by address when writing, so compare them as a set.
  return signature(natives.map((n) => signature(n)).sort());
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

function cellValue(sc: SnapshotCell): ExcelJS.CellValue {
  if (sc.f !== undefined && sc.f !== "") {
    const formula = toXlsxFormula(sc.f);
    // Excel refuses a file holding a cell text over 32,767 characters: such a result is left for the
    // reader to compute (the formula is kept).
    if (sc.v === undefined || (typeof sc.v === "string" && sc.v.length > MAX_CELL_TEXT)) return { formula } as ExcelJS.CellFormulaValue;
    const result = typeof sc.v === "string" && ERROR_VALUES.has(sc.v) ? { error: sc.v } : sc.v;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (sc.v === undefined) return null;
  return sc.v;
}

function cellStyle(sc: SnapshotCell, cache: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> | null {
  const hasFont = sc.bold !== undefined || sc.italic !== undefined || sc.fontSize !== undefined || sc.color !== undefined;
  if (!hasFont && sc.fmt === undefined && sc.bg === undefined && sc.wrap === undefined && sc.hAlign === undefined) return null;
  const key = `${sc.fmt}|${sc.bg}|${sc.color}|${sc.bold}|${sc.italic}|${sc.fontSize}|${sc.wrap}|${sc.hAlign}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const style: Partial<ExcelJS.Style> = {};
  if (sc.fmt !== undefined) style.numFmt = sc.fmt;
  if (hasFont) {
    const font: Partial<ExcelJS.Font> = {};
    if (sc.bold !== undefined) font.bold = sc.bold;
    if (sc.italic !== undefined) font.italic = sc.italic;
    if (sc.fontSize !== undefined) {
      font.size = sc.fontSize;
      // A size equal to the default would read back as "no font of its own"; a different face marks it.
      if (sc.fontSize === DEFAULT_FONT.size) font.name = "Arial";
    }
    if (sc.color !== undefined) font.color = { argb: argb(sc.color) };
    style.font = font;
  }
  if (sc.bg !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(sc.bg) }, bgColor: { argb: argb(sc.bg) } };
  if (sc.wrap !== undefined || sc.hAlign !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (sc.wrap !== undefined) alignment.wrapText = sc.wrap;
    if (sc.hAlign !== undefined) alignment.horizontal = sc.hAlign;
    style.alignment = alignment;
  }
  cache.set(key, style);
  return style;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function xlsxToSnapshot(buf: Buffer): Promise<WorkbookSnapshot> {
  return readWorkbook(buf, undefined);
}

async function readWorkbook(buf: Buffer, fallbackName: string | undefined): Promise<WorkbookSnapshot> {
  patchExcelDates();
  allowHistorySheetName();
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw new Error("not an .xlsx file (it is not a zip archive)");
  }
  checkUnzippedSize(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new Error(`not an .xlsx file (cannot be read: ${(e as Error).message})`);
  }

  let meta: Metadata | null = null;
  const metaSheet = wb.getWorksheet(METADATA_SHEET);
  if (metaSheet) meta = readMetadata(metaSheet);

  const sheets: SnapshotSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === METADATA_SHEET) continue;
    sheets.push(readSheet(ws, meta?.sheets?.[ws.name]));
  }
  if (sheets.length === 0) throw new Error("not an .xlsx file (no worksheets in it)");

  const namedRanges: WorkbookSnapshot["namedRanges"] = [];
  for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (dn.name.startsWith("_xlnm.")) continue;
    const ref = dn.ranges[0] && splitSheetRef(dn.ranges[0]);
    if (!ref) continue;
    namedRanges.push({ name: dn.name, sheet: ref.sheet, a1: ref.a1.replace(/\$/g, "") });
  }

  const exactNames =
    meta?.namedRanges && meta.namedRangesSignature === signature(canonicalNames(namedRanges)) ? meta.namedRanges : namedRanges;

  return {
    id: meta?.id ?? `local-${Math.random().toString(36).slice(2, 12)}`,
    name: meta?.name ?? (wb.title || fallbackName || "OKR tracker"),
    locale: meta?.locale ?? "en_US",
    timeZone: meta?.timeZone ?? "Etc/UTC",
    sheets,
    namedRanges: exactNames,
    documentProperties: meta?.documentProperties ?? {},
    triggers: meta?.triggers ?? [],
  };
}

function readMetadata(ws: ExcelJS.Worksheet): Metadata | null {
  let json = "";
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === "string") json += v;
    else if (v && typeof v === "object" && "richText" in v) json += v.richText.map((t) => t.text).join("");
  }
  try {
    const parsed = JSON.parse(json) as Metadata;
    return parsed && parsed.format === "okr-sheets-local" ? parsed : null;
  } catch {
    return null;
  }
}

function readSheet(ws: ExcelJS.Worksheet, sm: SheetMeta | undefined): SnapshotSheet {
  const sheet: SnapshotSheet = { name: ws.name, rows: [] };
  if (ws.state === "hidden" || ws.state === "veryHidden") sheet.hidden = true;

  const view = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (view && (view.state === "frozen" || view.state === ("split" as string))) {
    if (view.ySplit && view.ySplit > 0) sheet.frozenRows = view.ySplit;
    if (view.xSplit && view.xSplit > 0) sheet.frozenColumns = view.xSplit;
  }

  const widths: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    const w = col?.width;
    if (w === undefined || w === null || !Number.isFinite(w)) return;
    const c = i + 1;
    const exact = sm?.columnWidths?.[c];
    widths[c] = exact !== undefined && Math.abs(exact / PX_PER_CHAR - w) < 0.5 / PX_PER_CHAR ? exact : Math.round(w * PX_PER_CHAR);
  });
  if (Object.keys(widths).length) sheet.columnWidths = widths;

  const tab = (ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb;
  if (tab) sheet.tabColor = hexColor(tab);

  const rows: (SnapshotCell | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const out: (SnapshotCell | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const sc = readCell(cell);
      if (sc) out[colNumber - 1] = sc;
    });
    if (out.length) {
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      rows[rowNumber - 1] = out;
    }
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  for (const addr of sm?.emptyResults ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) continue;
    const cell = rows[Number(m[2]) - 1]?.[columnNumber(m[1]) - 1];
    if (cell && cell.f !== undefined && cell.v === undefined) cell.v = "";
  }
  sheet.rows = rows;

  // Conditional formats: the exact list when the file still holds what we wrote, else the file's rules.
  const nativeCfs = readNativeCfs(ws);
  if (sm?.conditionalFormats && sm.cfSignature === signature(nativeCfs)) sheet.conditionalFormats = sm.conditionalFormats;
  else if (nativeCfs.length) sheet.conditionalFormats = nativeCfs.map(nativeToCf);

  const nativeDvs = readNativeDvs(ws, serialOfDate);
  if (sm?.validations && sm.dvSignature === dvSignature(nativeDvs)) sheet.validations = sm.validations;
  else if (nativeDvs.length) sheet.validations = nativeDvs.flatMap(nativeToDv);

  if (sm?.protections?.length) sheet.protections = sm.protections;
  return sheet;
}

function readCell(cell: ExcelJS.Cell): SnapshotCell | null {
  const sc: SnapshotCell = {};
  const value = cell.value;
  if (value !== null && value !== undefined) {
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") sc.v = value;
    else if (value instanceof Date) sc.v = serialOfDate(value);
    else if (typeof value === "object") {
      const o = value as unknown as Record<string, unknown>;
      if ("formula" in o || "sharedFormula" in o) {
        const f = cell.formula;
        if (f) sc.f = fromXlsxFormula(f);
        // cell.value leaves out falsy results (0, false, ""); cell.result has them.
        const res = scalarOf((cell as unknown as { result?: unknown }).result);
        if (res !== undefined) sc.v = res;
      } else if ("richText" in o) sc.v = (o.richText as { text: string }[]).map((t) => t.text).join("");
      else if ("error" in o) sc.v = String(o.error);
      else if ("text" in o) sc.v = String(o.text); // hyperlink
    }
  }

  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== "General") sc.fmt = numFmt;
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    if (font.bold !== undefined) sc.bold = font.bold;
    if (font.italic !== undefined) sc.italic = font.italic;
    if (font.size !== undefined && !(font.size === DEFAULT_FONT.size && (font.name === undefined || font.name === DEFAULT_FONT.name))) sc.fontSize = font.size;
    const c = font.color?.argb;
    if (c) sc.color = hexColor(c);
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = fill.fgColor?.argb ?? fill.bgColor?.argb;
    if (c) sc.bg = hexColor(c);
  }
  const al = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (al) {
    if (al.wrapText !== undefined) sc.wrap = al.wrapText;
    if (al.horizontal === "left" || al.horizontal === "center" || al.horizontal === "right") sc.hAlign = al.horizontal;
  }
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note !== undefined && note !== null) {
    const text = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
    if (text !== "") sc.note = text;
  }
  return Object.keys(sc).length ? sc : null;
}

function scalarOf(x: unknown): SnapshotScalar | undefined {
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  if (x instanceof Date) return serialOfDate(x);
  if (x && typeof x === "object" && "error" in x) return String((x as { error: unknown }).error);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Files

/** Writes the workbook to `file`: atomically, keeping links, mode and owner (see safeWrite.ts). */
export async function saveXlsx(file: string, s: WorkbookSnapshot): Promise<void> {
  await writeKeepingFile(file, await snapshotToXlsx(s));
}

/** Reads a workbook file; a missing file or a file that is not an xlsx gives an Error naming the file. */
export async function loadXlsx(file: string): Promise<WorkbookSnapshot> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${file}: no such file`);
    if (code === "EISDIR") throw new Error(`${file}: is a directory, not an .xlsx file`);
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  try {
    return await readWorkbook(buf, path.basename(file).replace(/\.xlsx$/i, ""));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** exceljs reads back names of cells and cell ranges, not whole columns or rows. */
function exceljsReadsRange(a1: string): boolean {
  return a1.split(":").every((part) => /^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(part));
}
function canonicalNames(list: WorkbookSnapshot["namedRanges"]): string[] {
  return list.map((nr) => `${nr.name}\u0000${nr.sheet}\u0000${nr.a1.replace(/\$/g, "").toUpperCase()}`).sort();
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, "");
  const six = h.length === 3 ? h.split("").map((ch) => ch + ch).join("") : h.slice(-6);
  return `FF${six.toUpperCase()}`;
}
function hexColor(a: string): string {
  return `#${a.slice(-6).toLowerCase()}`;
}

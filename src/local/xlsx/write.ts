// WorkbookSnapshot -> .xlsx (streamed), with the metadata sheet.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { sheetIdsOf, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "../snapshot";
import { columnLetter } from "../../core/a1";
import { valuesHash } from "../cachedValues";
import { absoluteA1, quoteSheetName, toXlsxFormula } from "./formulas";
import { directWrite, writePlainRows, type FormulaCell } from "./plainWrite";
import { fastSharedStrings } from "./sharedStringsXml";
import { excelSheetNames, renamedFormulae, renameSheetRefs, sheetRenames, type SheetRenames } from "./sheetNames";
import { cfToNative, dvToNative, nativeCfToExcel, nativeDvToExcel, signature, type NativeCf, type NativeDv } from "./rules";
import {
  argb,
  canonicalNames,
  CHUNK,
  DEFAULT_FONT,
  dvSignature,
  ERROR_VALUES,
  exceljsReadsRange,
  METADATA_SHEET,
  PX_PER_CHAR,
  type Metadata,
  type SheetMeta,
} from "./shared";

/** valuesAsOf: the day (YYYY-MM-DD) the snapshot's formula results were computed for, when okr-sheets computed them. */
export async function snapshotToXlsx(s: WorkbookSnapshot, opts: { valuesAsOf?: string } = {}): Promise<Buffer> {
  const names = new Set<string>();
  for (const sheet of s.sheets) {
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
  fastSharedStrings(wb);
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
    ...(s.developerMetadata?.length ? { developerMetadata: s.developerMetadata } : {}),
    sheets: {},
    ...(s.topSheetId !== undefined ? { topSheetId: s.topSheetId } : {}),
    ...(opts.valuesAsOf ? { values: { asOf: opts.valuesAsOf, hash: valuesHash(s.sheets, s.namedRanges) } } : {}),
  };

  const ids = sheetIdsOf(s.sheets, s.topSheetId);
  // A tab name Excel refuses is written as one it takes; the metadata, keyed by the name in the file, keeps
  // the tab's own (sheetNames.ts).
  const own = s.sheets.map((sheet) => sheet.name);
  const inFile = excelSheetNames(own);
  const renames = sheetRenames(own, inFile);
  for (const [i, sheet] of s.sheets.entries()) {
    meta.sheets[inFile[i]] = { ...writeSheet(wb, sheet, inFile[i], renames), sheetId: ids[i], ...(inFile[i] !== sheet.name ? { name: sheet.name } : {}) };
  }

  // Defined names go to the file as written: exceljs's own bookkeeping spreads names over single cells
  // and silently drops whole-column ranges such as 'Key Results'!$A:$A.
  const namedRanges = s.namedRanges ?? [];
  const definedNames = namedRanges.map((nr) => ({ name: nr.name, ranges: [`${quoteSheetName(renames?.get(nr.sheet.toLowerCase()) ?? nr.sheet)}!${absoluteA1(nr.a1)}`] }));
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

/** `name`: the tab's name in the file; `renames`: every tab's there, for references (null: all as they are). */
function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SnapshotSheet, name: string, renames: SheetRenames | null): SheetMeta {
  const frozenRows = sheet.frozenRows ?? 0;
  const frozenColumns = sheet.frozenColumns ?? 0;
  const views: Partial<ExcelJS.WorksheetView>[] =
    frozenRows > 0 || frozenColumns > 0
      ? [{ state: "frozen", xSplit: frozenColumns, ySplit: frozenRows, topLeftCell: `${columnLetter(frozenColumns + 1)}${frozenRows + 1}` }]
      : [];
  const ws = wb.addWorksheet(name, {
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
  const direct = directWrite(sheet);
  if (direct === "plain") writePlainRows(ws, rows, columnStyles(styleCache));
  else if (direct === "formulas") {
    writePlainRows(ws, rows, columnStyles(styleCache), (sc) => cellValue(sc, renames) as FormulaCell);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (cells) for (let c = 0; c < cells.length; c++) if (cells[c]?.f && cells[c]!.v === "") emptyResults.push(`${columnLetter(c + 1)}${r + 1}`);
    }
  } else for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells || cells.length === 0) continue;
    const row = ws.getRow(r + 1);
    let hasValue = false;
    let hasStyle = false;
    for (let c = 0; c < cells.length; c++) {
      const sc = cells[c];
      if (!sc) continue;
      const cell = row.getCell(c + 1);
      const value = cellValue(sc, renames);
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
  if (sheet.maxRows !== undefined) sm.maxRows = sheet.maxRows;
  if (sheet.maxColumns !== undefined) sm.maxColumns = sheet.maxColumns;

  const cfs = sheet.conditionalFormats ?? [];
  if (cfs.length) {
    const natives: NativeCf[] = [];
    for (const cf of cfs) {
      const n = cfToNative(cf);
      if (n) natives.push(renamedFormulae(n, renames));
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
      if (n) natives.push(renamedFormulae(n, renames));
    }
    const dvModel = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    for (const n of natives) dvModel.add(n.sqref, nativeDvToExcel(n));
    sm.validations = dvs;
    sm.dvSignature = dvSignature(natives);
  }
  ws.commit();
  return sm;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

function cellValue(sc: SnapshotCell, renames: SheetRenames | null): ExcelJS.CellValue {
  if (sc.f !== undefined && sc.f !== "") {
    const formula = renameSheetRefs(toXlsxFormula(sc.f), renames);
    // Excel refuses a file holding a cell text over 32,767 characters: such a result is left for the
    // reader to compute (the formula is kept).
    if (sc.v === undefined || (typeof sc.v === "string" && sc.v.length > MAX_CELL_TEXT)) return { formula } as ExcelJS.CellFormulaValue;
    const result = typeof sc.v === "string" && ERROR_VALUES.has(sc.v) ? { error: sc.v } : sc.v;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (sc.v === undefined) return null;
  return sc.v;
}

/**
 * The fields cellStyle makes a style of: cells equal in these have the same style (columnStyles) and share
 * its cache key. One list, so that a field cellStyle comes to read cannot be missed by the comparison.
 */
const FORMAT_FIELDS = ["fmt", "bg", "color", "bold", "italic", "fontSize", "wrap", "hAlign"] as const;

function sameFormat(a: SnapshotCell, b: SnapshotCell): boolean {
  for (const k of FORMAT_FIELDS) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * cellStyle for a large tab written row by row (writePlainRows), remembering each column's last cell: a
 * log's column has one format all the way down, so its 55,000 cells are compared with the one above,
 * not each made into cellStyle's key.
 */
function columnStyles(cache: Map<string, Partial<ExcelJS.Style>>): (sc: SnapshotCell, column: number) => Partial<ExcelJS.Style> | null {
  const above: (SnapshotCell | undefined)[] = [];
  const styles: (Partial<ExcelJS.Style> | null)[] = [];
  return (sc, c) => {
    const prev = above[c];
    above[c] = sc;
    if (prev && sameFormat(prev, sc)) return styles[c];
    return (styles[c] = cellStyle(sc, cache));
  };
}

function cellStyle(sc: SnapshotCell, cache: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> | null {
  if (FORMAT_FIELDS.every((k) => sc[k] === undefined)) return null;
  const hasFont = sc.bold !== undefined || sc.italic !== undefined || sc.fontSize !== undefined || sc.color !== undefined;
  const key = FORMAT_FIELDS.map((k) => `${sc[k]}`).join("|");
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

// .xlsx -> WorkbookSnapshot, preferring the metadata sheet's exact values where they still match.
import ExcelJS from "exceljs";
import { freshSheetId, isSheetId, positionalSheetId, type SnapshotCell, type SnapshotScalar, type SnapshotSheet, type WorkbookSnapshot } from "../snapshot";
import { columnNumber } from "../../core/a1";
import { DATE1904_OFFSET, patchExcelDates, serialOfDate } from "./dates";
import utils from "exceljs/lib/utils/utils.js";
import { allowHistorySheetName } from "./historyName";
import { fromXlsxFormula, splitSheetRef } from "./formulas";
import { nativeToCf, nativeToDv, readNativeCfs, readNativeDvs, signature } from "./rules";
import { fileTakes, renamedFormulae, renameSheetRefs, sheetRenames, type SheetRenames } from "./sheetNames";
import { checkUnzippedSize } from "./zipSize";
import { checkInflatedSizes } from "./unzip";
import { dropInflated, keepInflated, patchZipRead } from "./zipRead";
import { MAX_TAB_COLUMNS, MAX_TAB_ROWS } from "../oversize";
import { intercept, type CellMaker, type PlainCell, type PlainSheets, type StyleModel } from "./plainSheets";
import type { SavedValues } from "../cachedValues";
import { canonicalNames, DEFAULT_FONT, dvSignature, hexColor, METADATA_SHEET, PX_PER_CHAR, type Metadata, type SheetMeta } from "./shared";

export async function xlsxToSnapshot(buf: Buffer): Promise<WorkbookSnapshot> {
  return readWorkbook(buf, undefined);
}

export async function readWorkbook(buf: Buffer, fallbackName: string | undefined): Promise<WorkbookSnapshot> {
  return (await readWorkbookAndValues(buf, fallbackName)).snapshot;
}

/** The snapshot and, for a file okr-sheets saved, its record of the saved formula results (cachedValues.ts). */
export async function readWorkbookAndValues(buf: Buffer, fallbackName: string | undefined): Promise<{ snapshot: WorkbookSnapshot; values?: SavedValues }> {
  patchExcelDates();
  allowHistorySheetName();
  patchZipRead();
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw new Error("not an .xlsx file (it is not a zip archive)");
  }
  const parts = checkInflatedSizes(buf, checkUnzippedSize(buf));
  const wb = new ExcelJS.Workbook();
  const plain = intercept(wb);
  keepInflated(buf, parts);
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new Error(`not an .xlsx file (cannot be read: ${(e as Error).message})`);
  } finally {
    dropInflated(buf);
  }

  let meta: Metadata | null = null;
  const metaSheet = wb.getWorksheet(METADATA_SHEET);
  if (metaSheet) meta = readMetadata(metaSheet, plain.rows(METADATA_SHEET));

  // Where the metadata records the tabs' IDs (every tab's, as saved), a tab without one was added (or
  // renamed) by another program since: it gets a new ID above every ID the book gave, as a tab inserted
  // on Google would. Its place's ID may be one a deleted tab had (the place of a tab deleted before the
  // save, or past the last tab when the last was deleted), which the add-on may have recorded.
  const recorded = Object.values(meta?.sheets ?? {}).map((m) => m?.sheetId).filter(isSheetId);
  const used = new Set(recorded);
  let top = recorded.length ? Math.max(isSheetId(meta?.topSheetId) ? meta.topSheetId : 0, ...recorded) : null;
  // A tab written under a name Excel takes in place of its own gets its own back (sheetNames.ts), unless
  // the record is not one okr-sheets writes (a name Excel takes, which could be another tab's, or one
  // claimed twice). A tab renamed in another program has no record under its new name and keeps that.
  const worksheets = wb.worksheets.filter((ws) => ws.name !== METADATA_SHEET);
  const inFile = worksheets.map((ws) => ws.name);
  const recordedNames = inFile.map((n) => meta?.sheets?.[n]?.name);
  const own = inFile.map((n, i) => {
    const name = recordedNames[i];
    const claims = recordedNames.filter((x) => typeof x === "string" && x.toLowerCase() === name?.toLowerCase()).length;
    return typeof name === "string" && !fileTakes(name) && claims === 1 ? name : n;
  });
  const renames = sheetRenames(inFile, own);
  const sheets: SnapshotSheet[] = [];
  for (const [i, ws] of worksheets.entries()) {
    const sm = meta?.sheets?.[ws.name];
    const sheet = readSheet(ws, own[i], sm, plain, !!wb.properties?.date1904, renames);
    // The tab's ID as saved, left out where its place gives it back (as a snapshot records it); a tab
    // of a file made elsewhere (no metadata, or one saved before IDs were recorded) is numbered by its
    // place, and bookFromSnapshot settles any clash.
    let id = isSheetId(sm?.sheetId) ? sm.sheetId : null;
    if (id === null && top !== null) {
      id = freshSheetId(used, top);
      used.add(id);
      top = Math.max(top, id);
    }
    if (id !== null && id !== positionalSheetId(sheets.length)) sheet.sheetId = id;
    sheets.push(sheet);
  }
  if (sheets.length === 0) throw new Error("not an .xlsx file (no worksheets in it)");

  const namedRanges: WorkbookSnapshot["namedRanges"] = [];
  for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (dn.name.startsWith("_xlnm.")) continue;
    const ref = dn.ranges[0] && splitSheetRef(dn.ranges[0]);
    if (!ref) continue;
    namedRanges.push({ name: dn.name, sheet: renames?.get(ref.sheet.toLowerCase()) ?? ref.sheet, a1: ref.a1.replace(/\$/g, "") });
  }

  const exactNames =
    meta?.namedRanges && meta.namedRangesSignature === signature(canonicalNames(namedRanges)) ? meta.namedRanges : namedRanges;

  const snapshot: WorkbookSnapshot = {
    id: meta?.id ?? `local-${Math.random().toString(36).slice(2, 12)}`,
    name: meta?.name ?? (wb.title || fallbackName || "OKR tracker"),
    locale: meta?.locale ?? "en_US",
    timeZone: meta?.timeZone ?? "Etc/UTC",
    sheets,
    namedRanges: exactNames,
    documentProperties: meta?.documentProperties ?? {},
    triggers: meta?.triggers ?? [],
    ...(Array.isArray(meta?.developerMetadata) && meta.developerMetadata.length ? { developerMetadata: meta.developerMetadata } : {}),
    ...(isSheetId(meta?.topSheetId) ? { topSheetId: meta.topSheetId } : {}),
  };
  return { snapshot, ...(meta?.values ? { values: meta.values } : {}) };
}

function readMetadata(ws: ExcelJS.Worksheet, plainRows: (PlainCell | null)[][] | undefined): Metadata | null {
  let json = "";
  const rowCount = plainRows ? plainRows.length : ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const v = plainRows ? (plainRows[r - 1]?.[0]?.value ?? null) : ws.getRow(r).getCell(1).value;
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

/** `name`: the tab's own name; `renames`: from names in the file to own names, for references in formulas. */
function readSheet(ws: ExcelJS.Worksheet, name: string, sm: SheetMeta | undefined, plain: PlainSheets, date1904: boolean, renames: SheetRenames | null): SnapshotSheet {
  const sheet: SnapshotSheet = { name, rows: [] };
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
  const plainRows = plain.rows(ws.name, plainCellMaker(date1904, renames));
  if (plainRows) {
    for (let r = 0; r < plainRows.length; r++) {
      const out: (SnapshotCell | null)[] | undefined = plainRows[r];
      if (!out) continue;
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
      // As below: a row ends at its last cell holding something, and a row of nothing is left empty.
      while (out.length && out[out.length - 1] === null) out.pop();
      if (out.length) rows[r] = out;
    }
  } else ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const out: (SnapshotCell | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const sc = readCell(cell, renames);
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
  else if (nativeCfs.length) sheet.conditionalFormats = nativeCfs.map((n) => nativeToCf(renamedFormulae(n, renames)));

  const nativeDvs = readNativeDvs(ws, serialOfDate);
  if (sm?.validations && sm.dvSignature === dvSignature(nativeDvs)) sheet.validations = sm.validations;
  else if (nativeDvs.length) sheet.validations = nativeDvs.flatMap((n) => nativeToDv(renamedFormulae(n, renames)));

  if (sm?.protections?.length) sheet.protections = sm.protections;
  // The grid's size as saved; bookFromSnapshot grows it if the file (edited elsewhere) holds more cells.
  // A size the offline engine could not hold (a damaged or crafted file) is left out: a new sheet's is used.
  const within = (n: unknown, max: number): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;
  if (within(sm?.maxRows, MAX_TAB_ROWS)) sheet.maxRows = sm.maxRows;
  if (within(sm?.maxColumns, MAX_TAB_COLUMNS)) sheet.maxColumns = sm.maxColumns;
  return sheet;
}

function readCell(cell: ExcelJS.Cell, renames: SheetRenames | null): SnapshotCell | null {
  const sc: SnapshotCell = {};
  const value = cell.value;
  if (value !== null && value !== undefined) {
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") sc.v = value;
    else if (value instanceof Date) sc.v = serialOfDate(value);
    else if (typeof value === "object") {
      const o = value as unknown as Record<string, unknown>;
      if ("formula" in o || "sharedFormula" in o) {
        const f = cell.formula;
        if (f) sc.f = renameSheetRefs(fromXlsxFormula(f), renames);
        // cell.value leaves out falsy results (0, false, ""); cell.result has them.
        const res = scalarOf((cell as unknown as { result?: unknown }).result);
        if (res !== undefined) sc.v = res;
      } else if ("richText" in o) sc.v = (o.richText as { text: string }[]).map((t) => t.text).join("");
      else if ("error" in o) sc.v = String(o.error);
      else if ("text" in o) sc.v = String(o.text); // hyperlink
    }
  }

  styleInto(sc, cell.style);
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note !== undefined && note !== null) {
    const text = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
    if (text !== "") sc.note = text;
  }
  return Object.keys(sc).length ? sc : null;
}

/**
 * readCell for the cells plainSheets.ts reads from the XML (no note), made straight from what
 * the XML holds. What a style gives a cell (styleInto) is worked out once per style, not per cell: 880,000
 * cells of a large log share a few dozen.
 */
function plainCellMaker(date1904: boolean, renames: SheetRenames | null): CellMaker<SnapshotCell> {
  const byStyle = new Map<number, { fields: SnapshotCell; empty: boolean; date: boolean }>();
  return (v, style, styleId, formula) => {
    let s = byStyle.get(styleId);
    if (!s) {
      const fields: SnapshotCell = {};
      if (style) styleInto(fields, style);
      s = { fields, empty: Object.keys(fields).length === 0, date: !!(date1904 && style && utils.isDateFmt(style.numFmt)) };
      byStyle.set(styleId, s);
    }
    let value: SnapshotScalar | undefined;
    // exceljs made a Date of a date-formatted number and serialOfDate gave back its serial (dates.ts).
    if (typeof v === "number") value = s.date ? v + DATE1904_OFFSET : v;
    else if (typeof v === "string" || typeof v === "boolean") value = v;
    else if (v && typeof v === "object" && "richText" in v) value = v.richText.map((t) => t.text).join("");
    // A formula, then its result, then the style's fields: readCell's order.
    const sc: SnapshotCell = formula === undefined ? {} : { f: renameSheetRefs(fromXlsxFormula(formula), renames) };
    if (value !== undefined) sc.v = value;
    else if (formula === undefined) return s.empty ? null : { ...s.fields };
    for (const k in s.fields) (sc as Record<string, unknown>)[k] = (s.fields as Record<string, unknown>)[k];
    return sc;
  };
}

function styleInto(sc: SnapshotCell, style: StyleModel): void {
  const numFmt = style.numFmt;
  if (numFmt && numFmt !== "General") sc.fmt = numFmt;
  const font = style.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    if (font.bold !== undefined) sc.bold = font.bold;
    if (font.italic !== undefined) sc.italic = font.italic;
    if (font.size !== undefined && !(font.size === DEFAULT_FONT.size && (font.name === undefined || font.name === DEFAULT_FONT.name))) sc.fontSize = font.size;
    const c = font.color?.argb;
    if (c) sc.color = hexColor(c);
  }
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = fill.fgColor?.argb ?? fill.bgColor?.argb;
    if (c) sc.bg = hexColor(c);
  }
  const al = style.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (al) {
    if (al.wrapText !== undefined) sc.wrap = al.wrapText;
    if (al.horizontal === "left" || al.horizontal === "center" || al.horizontal === "right") sc.hAlign = al.horizontal;
  }
}

function scalarOf(x: unknown): SnapshotScalar | undefined {
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  if (x instanceof Date) return serialOfDate(x);
  if (x && typeof x === "object" && "error" in x) return String((x as { error: unknown }).error);
  return undefined;
}


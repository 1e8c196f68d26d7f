// Reading the cells of a large plain worksheet (the check-in log, History: values only) without exceljs's
// per-cell work. exceljs parsed a large tracker's 20 MB log with its SAX parser into a model object per
// cell, then a Cell per cell, then our reader copied each into the snapshot: ~2.5 s and a few hundred MB.
// Here the worksheet part is handed to exceljs with an empty <sheetData/> (so it still reads the columns,
// views, rules and validations) and the cells are read straight from the XML, with exceljs's own style
// and shared-string tables, giving the same values and styles the Cell objects gave.
// Only parts written the way okr-sheets (exceljs) writes plain cells qualify; anything else (formulas,
// inline or formula strings, dates as text, notes, links, merges, row styles, a cell without its
// address) is left to exceljs whole, as before.
import { PassThrough, type Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { columnNumber } from "../../core/a1";

/**
 * Worksheet parts shorter than this are read by exceljs whole (they cost little). It was 256 KB, which left
 * a small tracker's check-in log and History (100-160 KB of XML) to exceljs's per-cell reading. Tests
 * lower and raise it.
 */
export const PLAIN_SHEET_MIN_CHARS = { value: 16 * 1024 };

/** A style as exceljs's style table gives it (numFmt, font, fill, alignment...). */
export type StyleModel = Partial<ExcelJS.Style>;

/** A cell read from the XML: what exceljs's Cell would have held. */
export interface PlainCell {
  value: string | number | boolean | { richText: { text: string }[] } | null;
  style: StyleModel | undefined;
}

interface LoadModel {
  worksheets: { name?: string }[];
  sharedStrings?: { getString(i: number): unknown };
  styles?: { getStyleModel(id: number): StyleModel | null };
}

interface Pending {
  sheet: { name?: string };
  xml: string;
}

/** What intercept() collected: call cells() after the load. */
export interface PlainSheets {
  /** The rows of the named sheet read from its XML, or undefined when exceljs read it. */
  rows(name: string): (PlainCell | null)[][] | undefined;
}

const DISQUALIFIED = /<f[\s>/]|t="(?:inlineStr|str|d)"|<is>|customFormat|<legacyDrawing|<hyperlink|<mergeCell|<c>/;

/** The <sheetData> body of a qualifying part, or null. */
function plainBody(xml: string): { start: number; end: number } | null {
  if (xml.length < PLAIN_SHEET_MIN_CHARS.value) return null;
  const open = xml.indexOf("<sheetData>");
  const end = xml.lastIndexOf("</sheetData>");
  if (open < 0 || end < open) return null;
  if (DISQUALIFIED.test(xml)) return null;
  // Every cell must start with its address (exceljs writes r first; the reader below relies on it).
  let cells = 0;
  let addressed = 0;
  for (let i = xml.indexOf("<c ", open); i >= 0 && i < end; i = xml.indexOf("<c ", i + 3)) {
    cells++;
    if (xml.startsWith('<c r="', i)) addressed++;
  }
  if (cells !== addressed) return null;
  return { start: open + "<sheetData>".length, end };
}

async function text(stream: Readable): Promise<string> {
  let s = "";
  for await (const chunk of stream) s += typeof chunk === "string" ? chunk : String(chunk);
  return s;
}

/**
 * Makes `wb.xlsx.load` leave the cells of large plain worksheets to us. Must be called before the load;
 * exceljs's loader hands each worksheet part to _processWorksheetEntry (xlsx.js), replaced here for this
 * workbook only.
 */
export function intercept(wb: ExcelJS.Workbook): PlainSheets {
  const xlsx = wb.xlsx as unknown as {
    _processWorksheetEntry(stream: Readable, model: LoadModel, sheetNo: string, options: unknown, path: string): Promise<void>;
    reconcile(model: LoadModel, options: unknown): void;
  };
  const original = xlsx._processWorksheetEntry;
  const reconcile = xlsx.reconcile;
  const pending: Pending[] = [];
  let loadModel: LoadModel | null = null;
  // The tables are taken before exceljs's reconcile, which drops them from its model once the cells have them.
  xlsx.reconcile = function (model, options) {
    loadModel = { worksheets: model.worksheets, sharedStrings: model.sharedStrings, styles: model.styles };
    return reconcile.call(this, model, options);
  };
  xlsx._processWorksheetEntry = async function (stream, model, sheetNo, options, path) {
    const xml = await text(stream);
    const body = plainBody(xml);
    const forExceljs = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
    forExceljs.end(body ? xml.slice(0, body.start) + xml.slice(body.end) : xml);
    await original.call(this, forExceljs, model, sheetNo, options, path);
    if (body) pending.push({ sheet: model.worksheets[model.worksheets.length - 1], xml: xml.slice(body.start, body.end) });
  };
  return {
    rows(name) {
      const p = pending.find((x) => x.sheet.name === name);
      if (!p || !loadModel) return undefined;
      return readCells(p.xml, loadModel);
    },
  };
}

const CELL = /<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v>([^<]*)<\/v>/;
const ATTR_S = / s="(\d+)"/;
const ATTR_T = / t="(\w+)"/;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))));
}

function readCells(body: string, model: LoadModel): (PlainCell | null)[][] {
  const rows: (PlainCell | null)[][] = [];
  const styles = new Map<number, StyleModel | undefined>();
  const styleOf = (id: number): StyleModel | undefined => {
    if (!id) return undefined; // exceljs: a cell of style 0 has no style of its own
    if (!styles.has(id)) styles.set(id, model.styles?.getStyleModel(id) ?? undefined);
    return styles.get(id);
  };
  CELL.lastIndex = 0;
  for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
    const row = Number(m[2]) - 1;
    const col = columnNumber(m[1]) - 1;
    const attrs = m[3];
    const s = ATTR_S.exec(attrs);
    const style = styleOf(s ? Number(s[1]) : 0);
    const v = m[4] === undefined ? null : VALUE.exec(m[4]);
    let value: PlainCell["value"] = null;
    if (v) {
      const t = ATTR_T.exec(attrs)?.[1];
      const raw = decode(v[1]);
      if (t === "s") {
        const str = model.sharedStrings?.getString(parseInt(raw, 10));
        if (str === undefined || str === null) throw new Error(`a shared string index ${raw} is missing`);
        value = str as PlainCell["value"];
      } else if (t === "b") value = parseInt(raw, 10) !== 0;
      else if (t === "e") value = raw;
      else value = parseFloat(raw);
    }
    if (value === null && !style) continue;
    const r = (rows[row] ??= []);
    r[col] = { value, style };
  }
  return rows;
}

// Reading the cells of a large plain worksheet (the check-in log, History: values only) without exceljs's
// per-cell work. exceljs parsed a large tracker's 20 MB log with its SAX parser into a model object per
// cell, then a Cell per cell, then our reader copied each into the snapshot: ~2.5 s and a few hundred MB.
// Here the worksheet part is handed to exceljs with an empty <sheetData/> (so it still reads the columns,
// views, rules and validations) and the cells are read straight from the XML, with exceljs's own style
// and shared-string tables, giving the same values and styles the Cell objects gave.
// Only parts written the way okr-sheets (exceljs) writes cells qualify: values, and since session 15
// formulas as plainWrite.ts and exceljs write them (<f>text</f>, its result in <v>), so that Key Results'
// 30,000 formula cells skip exceljs's per-cell work too. Anything else (shared or array formulas, inline
// strings, dates as text, notes, links, merges, row styles, a cell without its address) is left to exceljs
// whole, as before.
import { PassThrough, type Readable } from "node:stream";
import type ExcelJS from "exceljs";
import utils from "exceljs/lib/utils/utils.js";

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

/**
 * Makes a row's cell of what the XML holds (`styleId`: the cell's s attribute, 0 for none; `style`: exceljs's
 * model of it; `formula`: the formula as the file holds it, `value` then its saved result); null leaves the
 * place empty. Called only for a cell with a value, a formula or a style of its own.
 */
export type CellMaker<T> = (value: PlainCell["value"], style: StyleModel | undefined, styleId: number, formula: string | undefined) => T | null;

/** What intercept() collected: call rows() after the load. */
export interface PlainSheets {
  /**
   * The rows of the named sheet read from its XML (sparse: a row or cell without anything is a hole), or
   * undefined when exceljs read it. Each cell is what `make` gives (PlainCell without it).
   */
  rows(name: string): (PlainCell | null)[][] | undefined;
  rows<T>(name: string, make: CellMaker<T>): T[][] | undefined;
}

// A formula with attributes (shared, array) or none at all (exceljs then reads the cell as a value).
const DISQUALIFIED = /<f[\s/]|<f><\/f>|t="(?:inlineStr|d)"|<is>|customFormat|<legacyDrawing|<hyperlink|<mergeCell|<c>/;

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
    rows<T>(name: string, make?: CellMaker<T>) {
      const p = pending.find((x) => x.sheet.name === name);
      if (!p || !loadModel) return undefined;
      // Without a maker, formula cells are left out: readMetadata reads only values (exceljs gave it an object).
      return readCells(p.xml, loadModel, make ?? ((value, style, _id, formula) => (formula === undefined ? ({ value, style } as T) : null)));
    },
  };
}

const VALUE = /<v>([^<]*)<\/v>/;
const FORMULA = /<f>([^<]*)<\/f>/;
const ATTR_S = / s="(\d+)"/;
const ATTR_T = / t="(\w+)"/;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  // An XML reader (saxes, under exceljs) reads a line end \r\n or \r as \n.
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))));
}

const OPEN = '<c r="';
const A = 65;
const Z = 90;
const D0 = 48;
const D9 = 57;

/**
 * The cells of a <sheetData> body, read as the regular expression
 * /<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g read them (it did until session 15), but by
 * indexOf and character codes: that expression's five strings and match array per cell, for 880,000 cells
 * of a large tracker's log, were a third of reading the file and garbage the collector then copied.
 */
function readCells<T>(body: string, model: LoadModel, make: CellMaker<T>): T[][] {
  const rows: T[][] = [];
  const styles = new Map<number, StyleModel | undefined>();
  const styleOf = (id: number): StyleModel | undefined => {
    if (!id) return undefined; // exceljs: a cell of style 0 has no style of its own
    if (!styles.has(id)) styles.set(id, model.styles?.getStyleModel(id) ?? undefined);
    return styles.get(id);
  };
  let from = 0;
  for (;;) {
    const at = body.indexOf(OPEN, from);
    if (at < 0) break;
    from = at + 1; // where a cell this expression would not match lets the search go on
    // Column: 1-3 capital letters; row: digits; then the closing quote.
    let p = at + OPEN.length;
    let col = 0;
    let letters = 0;
    for (let ch = body.charCodeAt(p); ch >= A && ch <= Z && letters < 4; ch = body.charCodeAt(++p)) {
      col = col * 26 + (ch - A + 1);
      letters++;
    }
    if (letters === 0 || letters > 3) continue;
    let row = 0;
    const digits = p;
    for (let ch = body.charCodeAt(p); ch >= D0 && ch <= D9; ch = body.charCodeAt(++p)) row = row * 10 + (ch - D0);
    if (p === digits || body.charCodeAt(p) !== 34 /* " */) continue;
    p++;
    const gt = body.indexOf(">", p);
    if (gt < 0) break;
    const selfClosing = body.charCodeAt(gt - 1) === 47; /* / */
    const attrs = body.slice(p, selfClosing ? gt - 1 : gt);
    let content: string | undefined;
    if (!selfClosing) {
      const close = body.indexOf("</c>", gt + 1);
      if (close < 0) continue;
      content = body.slice(gt + 1, close);
      from = close + 4;
    } else from = gt + 1;
    const s = attrs.length > 0 ? ATTR_S.exec(attrs) : null;
    const styleId = s ? Number(s[1]) : 0;
    const style = styleOf(styleId);
    const f = content === undefined || content.indexOf("<f>") < 0 ? null : FORMULA.exec(content);
    const formula = f ? decode(f[1]) : undefined;
    const v = content === undefined ? null : VALUE.exec(content);
    let value: PlainCell["value"] = null;
    // As exceljs (cell-xform.js): an empty <v></v> is no value, and a text result or value (t="str") is
    // decoded once more (utils.xmlDecode).
    if (v && v[1] !== "") {
      const t = attrs.length > 0 ? ATTR_T.exec(attrs)?.[1] : undefined;
      const raw = decode(v[1]);
      if (t === "str") value = utils.xmlDecode(raw);
      else if (t === "s" && formula === undefined) {
        const str = model.sharedStrings?.getString(parseInt(raw, 10));
        if (str === undefined || str === null) throw new Error(`a shared string index ${raw} is missing`);
        value = str as PlainCell["value"];
      } else if (t === "b") value = parseInt(raw, 10) !== 0;
      else if (t === "e") value = raw;
      else value = parseFloat(raw);
    }
    if (value === null && !style && formula === undefined) continue;
    const cell = make(value, style, style ? styleId : 0, formula);
    if (cell === null) continue;
    (rows[row - 1] ??= [])[col - 1] = cell;
  }
  return rows;
}

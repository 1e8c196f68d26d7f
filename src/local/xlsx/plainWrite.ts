// Writing the cells of a large plain worksheet (the check-in log, History: values and formats only) as
// XML directly, the way exceljs's streaming writer renders them (row-xform.js, cell-xform.js), with its
// style and shared-string tables. exceljs made a Row, a Cell, a value object and a style lookup per cell:
// on a large tracker (880,000 cells in the log) that was most of the ~3.5 s a save cost.
// A sheet with a formula or a note anywhere is written by exceljs cell by cell, as before.
import type ExcelJS from "exceljs";
import { columnLetter } from "../../core/a1";
import type { SnapshotCell, SnapshotSheet } from "../snapshot";

/**
 * Sheets with fewer cells than this are written by exceljs (they cost little). It was 20,000: a small
 * tracker's check-in log and History (a few thousand cells each) then went through exceljs, ~0.05 s of a
 * small check-in's ~0.7 s CPU. Tests lower and raise it.
 */
export const PLAIN_WRITE_MIN_CELLS = { value: 1_000 };

/** exceljs's cell value types (doc/enums.js ValueType) that a plain cell can have. */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const BOOLEAN = 9;
const ERROR = 10;

interface WriterInternals {
  startedData: boolean;
  stream: { write(s: string): void };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _workbook: {
    styles: { addStyleModel(style: object, cellType: number): number };
    sharedStrings: { add(s: string): number };
  };
}

/**
 * How the sheet's cells are written: "plain" (large, no formula or note: writePlainRows), "formulas" (large,
 * formulas but no note, every value a text, number or true/false: writePlainRows with its formulas) or
 * null (cell by cell by exceljs).
 */
export function directWrite(sheet: SnapshotSheet): "plain" | "formulas" | null {
  const rows = sheet.rows ?? [];
  let cells = 0;
  let formulas = false;
  for (const row of rows) {
    if (!row) continue;
    for (const c of row) {
      if (!c) continue;
      if (c.note !== undefined && c.note !== "") return null;
      if (c.f !== undefined) {
        formulas = true;
        const t = typeof c.v;
        if (c.v !== undefined && c.v !== null && t !== "string" && t !== "number" && t !== "boolean") return null;
      }
      cells++;
    }
  }
  return cells < PLAIN_WRITE_MIN_CELLS.value ? null : formulas ? "formulas" : "plain";
}

/** A formula cell as write.ts gives it to exceljs: the formula as the file holds it and its result, if any. */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | { error: string };
}

/** exceljs's xmlEncode (utils.js): the five XML entities, and control characters XML cannot hold dropped. */
function xmlEncode(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) out += "&quot;";
    else if (code === 38) out += "&amp;";
    else if (code === 39) out += "&apos;";
    else if (code === 60) out += "&lt;";
    else if (code === 62) out += "&gt;";
    else if (code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13)))) continue;
    else out += text[i];
  }
  return out;
}

/** A formula cell as exceljs's cell-xform.js renderFormula writes it (no shared formulas: okr-sheets writes none). */
function formulaXml(ref: string, s: string, f: FormulaCell): string {
  const formula = `<f>${xmlEncode(f.formula)}</f>`;
  const r = f.result;
  if (r === undefined || r === null) return `<c r="${ref}"${s}>${formula}</c>`;
  if (typeof r === "string") return `<c r="${ref}"${s} t="str">${formula}<v>${xmlEncode(r)}</v></c>`;
  if (typeof r === "number") return `<c r="${ref}"${s}>${formula}<v>${r}</v></c>`;
  if (typeof r === "boolean") return `<c r="${ref}"${s} t="b">${formula}<v>${r ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="e">${formula}<v>${xmlEncode(r.error)}</v></c>`;
}

/**
 * Writes the rows of a plain sheet into the worksheet writer `ws`, before anything else of its data.
 * `styleOf` is the writer's own cell-to-style mapping (write.ts), so formats come out the same.
 * `formulaOf`, for a sheet directWrite calls "formulas": write.ts's formula and result of a formula cell.
 * There every cell the snapshot holds counts for the row's span, as exceljs counts every cell it was given.
 */
export function writePlainRows(
  ws: ExcelJS.Worksheet,
  rows: (SnapshotCell | null)[][],
  styleOf: (sc: SnapshotCell, column: number) => Partial<ExcelJS.Style> | null,
  formulaOf?: (sc: SnapshotCell) => FormulaCell,
): void {
  const w = ws as unknown as WriterInternals;
  const styles = w._workbook.styles;
  const strings = w._workbook.sharedStrings;
  // exceljs gives an unstyled cell the style {} (an ID per value type) and remembers a style object's ID.
  const plainIds = new Map<number, number>();
  const ids = new Map<object, number>();
  const styleId = (style: Partial<ExcelJS.Style> | null, type: number): number => {
    if (!style) {
      let id = plainIds.get(type);
      if (id === undefined) plainIds.set(type, (id = styles.addStyleModel({}, type)));
      return id;
    }
    let id = ids.get(style);
    if (id === undefined) ids.set(style, (id = styles.addStyleModel(style, type)));
    return id;
  };
  // exceljs's table keys its strings in an object, which for a log's 880,000 text cells cost more than the
  // rest of a row's XML: each text is looked up there once, then here. (Its count of references is never
  // written: the streaming writer's sharedStrings part counts distinct texts.)
  const seen = new Map<string, number>();
  const stringIndex = (text: string): number => {
    let i = seen.get(text);
    if (i === undefined) seen.set(text, (i = strings.add(text)));
    return i;
  };
  const letters: string[] = [];
  if (!w.startedData) {
    w._writeColumns();
    w._writeOpenSheetData();
    w.startedData = true;
  }
  let buf = "";
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells || cells.length === 0) continue;
    const n = r + 1;
    let body = "";
    let hasValue = false;
    let min = 0;
    let max = 0;
    for (let c = 0; c < cells.length; c++) {
      const sc = cells[c];
      if (!sc) continue;
      if (formulaOf) {
        if (!min) min = c + 1;
        max = c + 1;
        if (sc.f !== undefined && sc.f !== "") {
          const f = formulaOf(sc);
          const r = f.result;
          const type = r === undefined || r === null ? NULL : typeof r === "number" ? NUMBER : typeof r === "boolean" ? BOOLEAN : typeof r === "string" ? STRING : ERROR;
          const id = styleId(styleOf(sc, c), type);
          body += formulaXml(`${(letters[c] ??= columnLetter(c + 1))}${n}`, id ? ` s="${id}"` : "", f);
          hasValue = true;
          continue;
        }
      }
      const v = sc.v;
      const style = styleOf(sc, c);
      if ((v === undefined || v === null) && !style) continue;
      const type = v === undefined || v === null ? NULL : typeof v === "number" ? NUMBER : typeof v === "boolean" ? BOOLEAN : STRING;
      const id = styleId(style, type);
      if (type === NULL && !id) continue;
      const ref = `${(letters[c] ??= columnLetter(c + 1))}${n}`;
      const s = id ? ` s="${id}"` : "";
      if (type === NULL) body += `<c r="${ref}"${s}/>`;
      else if (type === NUMBER) body += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (type === BOOLEAN) body += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else body += `<c r="${ref}"${s} t="s"><v>${stringIndex(String(v))}</v></c>`;
      if (type !== NULL) hasValue = true;
      if (!formulaOf) {
        if (!min) min = c + 1;
        max = c + 1;
      }
    }
    if (!body) continue;
    // As write.ts: a row of formats only gets a default height, or readers would drop it.
    buf += `<row r="${n}"${hasValue ? "" : ' ht="15" customHeight="1"'} spans="${min}:${max}" x14ac:dyDescent="0.25">${body}</row>`;
    if (buf.length > 1 << 16) {
      w.stream.write(buf);
      buf = "";
    }
  }
  if (buf) w.stream.write(buf);
}

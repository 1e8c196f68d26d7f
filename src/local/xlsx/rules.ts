// Conditional formats and data validations: snapshot form <-> the xlsx form exceljs reads and writes.
//
// The xlsx form is what makes colours and drop-downs work in Excel and LibreOffice. It cannot say
// everything the snapshot says (checkboxes, list items with commas, number-vs-text list values), so the
// writer also keeps the exact snapshot lists in the metadata sheet together with a signature of the
// xlsx form it wrote. The reader uses the exact lists when the file still has that very xlsx form (the
// file was not edited elsewhere), and otherwise translates what the file has.
import type ExcelJS from "exceljs";
import type { ConditionType, SnapshotConditionalFormat, SnapshotValidation, ValidationType } from "../snapshot";
import { columnLetter } from "../../core/a1";
import { fromXlsxFormula, toXlsxFormula } from "./formulas";

// ---------------------------------------------------------------------------------------------------
// Conditional formats

/** One xlsx conditional-format rule in a canonical, comparable shape. */
export interface NativeCf {
  ref: string;
  type: "cellIs" | "expression";
  operator?: string;
  formulae: string[];
  style: { fill?: string; font?: string; bold?: boolean; italic?: boolean; strike?: boolean };
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const hexOf = (a: string | undefined): string | undefined =>
  a && /^[0-9A-Fa-f]{6,8}$/.test(a) ? `#${a.slice(-6).toLowerCase()}` : undefined;

function xlsxString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
function xlsxOperand(v: string | number): string {
  if (typeof v === "number") return String(v);
  if (v.startsWith("=")) return toXlsxFormula(v);
  if (v.trim() !== "" && Number.isFinite(Number(v))) return String(Number(v));
  return xlsxString(v);
}
function topLeft(ranges: string[]): string {
  const first = (ranges[0] ?? "A1").split(":")[0];
  return first.replace(/\$/g, "");
}

const CELL_IS: Partial<Record<ConditionType, string>> = {
  NUMBER_BETWEEN: "between",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "greaterThanOrEqual",
  NUMBER_LESS_THAN_OR_EQUAL_TO: "lessThanOrEqual",
  NUMBER_GREATER_THAN: "greaterThan",
  NUMBER_LESS_THAN: "lessThan",
};

export function cfToNative(cf: SnapshotConditionalFormat): NativeCf | null {
  const ref = cf.ranges.join(" ");
  const style: NativeCf["style"] = {};
  if (cf.format.background) style.fill = argb(cf.format.background);
  if (cf.format.fontColor) style.font = argb(cf.format.fontColor);
  if (cf.format.bold) style.bold = true;
  if (cf.format.italic) style.italic = true;
  if (cf.format.strikethrough) style.strike = true;
  const vals = cf.condition.values;
  const tl = topLeft(cf.ranges);
  switch (cf.condition.type) {
    case "TEXT_EQUAL_TO":
      return { ref, type: "cellIs", operator: "equal", formulae: [xlsxString(String(vals[0] ?? ""))], style };
    case "TEXT_CONTAINS":
      return { ref, type: "expression", formulae: [`NOT(ISERROR(SEARCH(${xlsxString(String(vals[0] ?? ""))},${tl})))`], style };
    case "CELL_EMPTY":
      return { ref, type: "expression", formulae: [`LEN(TRIM(${tl}))=0`], style };
    case "CELL_NOT_EMPTY":
      return { ref, type: "expression", formulae: [`LEN(TRIM(${tl}))>0`], style };
    case "CUSTOM_FORMULA":
      return { ref, type: "expression", formulae: [toXlsxFormula(String(vals[0] ?? "FALSE"))], style };
    default: {
      const operator = CELL_IS[cf.condition.type];
      if (!operator) return null;
      const n = operator === "between" ? 2 : 1;
      if (vals.length < n) return null;
      return { ref, type: "cellIs", operator, formulae: vals.slice(0, n).map(xlsxOperand), style };
    }
  }
}

export function nativeCfToExcel(n: NativeCf, priority: number): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  if (n.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: n.style.fill }, fgColor: { argb: n.style.fill } };
  const font: Partial<ExcelJS.Font> = {};
  if (n.style.font) font.color = { argb: n.style.font };
  if (n.style.bold) font.bold = true;
  if (n.style.italic) font.italic = true;
  if (n.style.strike) font.strike = true;
  if (Object.keys(font).length) style.font = font;
  const rule = { type: n.type, priority, formulae: n.formulae, style } as Record<string, unknown>;
  if (n.operator) rule.operator = n.operator;
  return { ref: n.ref, rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] };
}

/** The rules of a loaded sheet, in priority order, in canonical form (rules exceljs cannot describe are skipped). */
export function readNativeCfs(ws: ExcelJS.Worksheet): NativeCf[] {
  const cfs = ((ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? []);
  const out: { priority: number; order: number; cf: NativeCf }[] = [];
  let order = 0;
  for (const cf of cfs) {
    for (const raw of cf.rules as unknown as Record<string, any>[]) {
      const type = raw.type;
      let native: NativeCf | null = null;
      const style = readDxf(raw.style);
      const formulae = ((raw.formulae ?? []) as unknown[]).map((f) => String(f));
      if (type === "cellIs" || type === "expression") {
        native = { ref: cf.ref, type, formulae, style };
        if (type === "cellIs") native.operator = raw.operator;
      } else if (type === "containsText") {
        const tl = topLeft(cf.ref.split(/\s+/));
        const op = raw.operator;
        const f =
          formulae[0] ??
          (op === "containsBlanks" ? `LEN(TRIM(${tl}))=0` : op === "notContainsBlanks" ? `LEN(TRIM(${tl}))>0` : undefined);
        if (f) native = { ref: cf.ref, type: "expression", formulae: [f], style };
      }
      if (native) out.push({ priority: Number(raw.priority) || 0, order: order++, cf: native });
    }
  }
  out.sort((a, b) => a.priority - b.priority || a.order - b.order);
  return out.map((o) => o.cf);
}

function readDxf(style: any): NativeCf["style"] {
  const out: NativeCf["style"] = {};
  if (!style) return out;
  const fill = style.fill;
  if (fill && fill.type === "pattern") {
    const c = fill.bgColor?.argb ?? fill.fgColor?.argb;
    if (c) out.fill = `FF${String(c).slice(-6).toUpperCase()}`;
  }
  const font = style.font;
  if (font) {
    if (font.color?.argb) out.font = `FF${String(font.color.argb).slice(-6).toUpperCase()}`;
    if (font.bold) out.bold = true;
    if (font.italic) out.italic = true;
    if (font.strike) out.strike = true;
  }
  return out;
}

function unquote(s: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(s.trim());
  return m ? m[1].replace(/""/g, '"') : null;
}

/** Best translation of a file's rule when the metadata's exact list does not apply. */
export function nativeToCf(n: NativeCf): SnapshotConditionalFormat {
  const ranges = n.ref.split(/\s+/).filter(Boolean);
  const format: SnapshotConditionalFormat["format"] = {};
  if (n.style.fill) format.background = hexOf(n.style.fill);
  if (n.style.font) format.fontColor = hexOf(n.style.font);
  if (n.style.bold) format.bold = true;
  if (n.style.italic) format.italic = true;
  if (n.style.strike) format.strikethrough = true;
  const num = (s: string): string | number => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : unquote(s) ?? fromXlsxFormula(s));
  const make = (type: ConditionType, values: (string | number)[]): SnapshotConditionalFormat => ({ ranges, condition: { type, values }, format });
  const tl = topLeft(ranges);
  if (n.type === "cellIs") {
    const [a, b] = n.formulae;
    if (n.operator === "equal" && a !== undefined && unquote(a) !== null) return make("TEXT_EQUAL_TO", [unquote(a) as string]);
    const byOp: Record<string, ConditionType> = {
      between: "NUMBER_BETWEEN",
      greaterThanOrEqual: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      lessThanOrEqual: "NUMBER_LESS_THAN_OR_EQUAL_TO",
      greaterThan: "NUMBER_GREATER_THAN",
      lessThan: "NUMBER_LESS_THAN",
    };
    const t = byOp[n.operator ?? ""];
    if (t) return make(t, (t === "NUMBER_BETWEEN" ? [a, b] : [a]).map((x) => num(x ?? "0")));
    const sym: Record<string, string> = { equal: "=", notEqual: "<>" };
    const rel = n.operator === "notBetween" ? `OR(${tl}<${a},${tl}>${b})` : `${tl}${sym[n.operator ?? ""] ?? "="}${a}`;
    return make("CUSTOM_FORMULA", [fromXlsxFormula(rel)]);
  }
  const f = n.formulae[0] ?? "FALSE";
  const esc = tl.replace(/\$/g, "\\$");
  const contains = new RegExp(`^NOT\\(ISERROR\\(SEARCH\\(("(?:[^"]|"")*"),\\$?${esc.replace(/([A-Z]+)/, "$1\\$?")}\\)\\)\\)$`, "i").exec(f);
  if (contains) return make("TEXT_CONTAINS", [unquote(contains[1]) as string]);
  if (new RegExp(`^LEN\\(TRIM\\(${tl}\\)\\)=0$`, "i").test(f)) return make("CELL_EMPTY", []);
  if (new RegExp(`^LEN\\(TRIM\\(${tl}\\)\\)>0$`, "i").test(f)) return make("CELL_NOT_EMPTY", []);
  return make("CUSTOM_FORMULA", [fromXlsxFormula(f)]);
}

// ---------------------------------------------------------------------------------------------------
// Data validations

/** One xlsx data validation in a canonical, comparable shape. */
export interface NativeDv {
  sqref: string;
  type: string;
  operator?: string;
  formulae: string[];
  errorStyle: "stop" | "warning";
  prompt?: string;
}

const MAX_DATE_SERIAL = 2958465; // 9999-12-31

export function dvToNative(v: SnapshotValidation): NativeDv | null {
  const base = { sqref: v.range, errorStyle: v.allowInvalid ? ("warning" as const) : ("stop" as const), ...(v.helpText ? { prompt: v.helpText } : {}) };
  const operand = (x: string | number | boolean | undefined) =>
    typeof x === "number" ? String(x) : typeof x === "string" && x.startsWith("=") ? toXlsxFormula(x) : String(x ?? 0);
  switch (v.type) {
    case "VALUE_IN_LIST":
    case "CHECKBOX": {
      const items = v.type === "CHECKBOX" ? (v.values.length >= 1 ? v.values.slice(0, 2).map(String) : ["TRUE", "FALSE"]) : v.values.map(String);
      if (v.type === "CHECKBOX" && items.length === 1) items.push("");
      // An inline list cannot hold commas and is limited to 255 characters; such lists live in the metadata only.
      const list = `"${items.join(",").replace(/"/g, '""')}"`;
      if (items.some((s) => s.includes(",")) || list.length > 257 || items.length === 0) return null;
      return { ...base, type: "list", formulae: [list] };
    }
    case "NUMBER_BETWEEN":
      if (v.values.length < 2) return null;
      return { ...base, type: "decimal", operator: "between", formulae: [operand(v.values[0]), operand(v.values[1])] };
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      if (v.values.length < 1) return null;
      return { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [operand(v.values[0])] };
    case "DATE_IS_VALID_DATE":
      return { ...base, type: "date", operator: "between", formulae: ["1", String(MAX_DATE_SERIAL)] };
    case "CUSTOM_FORMULA":
      return { ...base, type: "custom", formulae: [toXlsxFormula(String(v.values[0] ?? "TRUE"))] };
    default:
      return null;
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function nativeDvToExcel(n: NativeDv): ExcelJS.DataValidation {
  const formulae: unknown[] = n.type === "date" ? n.formulae.map((s) => new Date(EXCEL_EPOCH_MS + Number(s) * 86_400_000)) : n.formulae;
  const dv: Record<string, unknown> = {
    type: n.type,
    allowBlank: true,
    formulae,
    showErrorMessage: true,
    errorStyle: n.errorStyle,
  };
  if (n.operator) dv.operator = n.operator;
  if (n.prompt) {
    dv.showInputMessage = true;
    dv.prompt = n.prompt;
  }
  return dv as unknown as ExcelJS.DataValidation;
}

/** exceljs spreads each validation over its cells; this puts them back together, in file order. */
export function readNativeDvs(ws: ExcelJS.Worksheet, serialOf: (d: Date) => number): NativeDv[] {
  const model = ((ws as unknown as { dataValidations?: { model?: Record<string, any> } }).dataValidations?.model ?? {}) as Record<string, any>;
  const groups = new Map<object, string[]>();
  for (const [addr, dv] of Object.entries(model)) {
    if (!dv || typeof dv !== "object") continue;
    const list = groups.get(dv);
    if (list) list.push(addr);
    else groups.set(dv, [addr]);
  }
  const out: NativeDv[] = [];
  for (const [dv, addrs] of groups) {
    const d = dv as Record<string, any>;
    if (!d.type || d.type === "any") continue;
    const formulae = ((d.formulae ?? []) as unknown[]).map((f) => (f instanceof Date ? String(Math.round(serialOf(f))) : String(f)));
    const n: NativeDv = {
      sqref: rangeOf(addrs),
      type: String(d.type),
      formulae,
      errorStyle: d.showErrorMessage === false || (d.errorStyle && d.errorStyle !== "stop") ? "warning" : "stop",
    };
    if (d.operator && d.type !== "list" && d.type !== "custom") n.operator = String(d.operator);
    if (d.prompt) n.prompt = String(d.prompt);
    out.push(n);
  }
  return out;
}

function decode(addr: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(addr);
  if (!m) return { r: 0, c: 0 };
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
}

/** The cells of one validation as a range: the bounding box when it is full, else each cell. */
function rangeOf(addrs: string[]): string {
  if (addrs.length === 1) return addrs[0];
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const a of addrs) {
    const { r, c } = decode(a);
    top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, c); right = Math.max(right, c);
  }
  if ((bottom - top + 1) * (right - left + 1) === new Set(addrs).size) return `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  return addrs.join(" ");
}

export function nativeToDv(n: NativeDv): SnapshotValidation[] {
  const allowInvalid = n.errorStyle !== "stop";
  const extra = n.prompt ? { helpText: n.prompt } : {};
  const num = (s: string | undefined): string | number => (s !== undefined && s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : fromXlsxFormula(s ?? "0"));
  let type: ValidationType;
  let values: (string | number | boolean)[];
  if (n.type === "list") {
    const inline = /^"((?:[^"]|"")*)"$/.exec((n.formulae[0] ?? "").trim());
    if (!inline) return []; // a list taken from a range: no snapshot equivalent
    type = "VALUE_IN_LIST";
    values = inline[1].replace(/""/g, '"').split(",");
  } else if (n.type === "date") {
    type = "DATE_IS_VALID_DATE";
    values = [];
  } else if (n.type === "custom") {
    type = "CUSTOM_FORMULA";
    values = [fromXlsxFormula(n.formulae[0] ?? "TRUE")];
  } else if ((n.type === "decimal" || n.type === "whole") && (n.operator ?? "between") === "between") {
    type = "NUMBER_BETWEEN";
    values = [num(n.formulae[0]), num(n.formulae[1])];
  } else if ((n.type === "decimal" || n.type === "whole") && n.operator === "greaterThanOrEqual") {
    type = "NUMBER_GREATER_THAN_OR_EQUAL_TO";
    values = [num(n.formulae[0])];
  } else return [];
  return n.sqref.split(/\s+/).filter(Boolean).length > 1 && n.sqref.includes(" ")
    ? n.sqref.split(/\s+/).map((range) => ({ range, type, values, allowInvalid, ...extra }))
    : [{ range: n.sqref, type, values, allowInvalid, ...extra }];
}

/** A stable text for comparing what was written with what was read back. */
export function signature(x: unknown): string {
  return JSON.stringify(x, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, v[k]])) : v,
  );
}

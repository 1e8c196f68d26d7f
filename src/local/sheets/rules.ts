// Conditional-format rules and data validations: the builders add-on code uses, the rule objects it reads
// back, and the evaluation the local preview uses to colour cells.
import { DetailedCellError } from "hyperformula";
import type { ConditionType, ValidationType } from "../snapshot";
import { appsEnum, signatureError } from "./enums";
import { quoteSheetName, Rect, rectContains, referencedSheets, shiftFormula } from "./a1";
import { pub, unpub } from "./counters";
import { cellValueForRules, type Book } from "./book";
import { normColor, type SheetModel } from "./model";
import type { LocalRange } from "./range";

export interface CfFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
}

export interface CfModel {
  rects: Rect[];
  type: ConditionType;
  values: (string | number)[];
  format: CfFormat;
}

export interface DvModel {
  type: ValidationType;
  values: (string | number | boolean)[];
  allowInvalid: boolean;
  helpText?: string;
  showDropdown?: boolean;
}

// Enum objects, as on Google (enums.ts): getCriteriaType() gives BooleanCriteria.TEXT_EQUAL_TO, whose String()
// is "TEXT_EQUAL_TO", never the string itself (the add-on compares them through String()).
const CONDITION_TYPES: ConditionType[] = [
  "TEXT_EQUAL_TO", "TEXT_CONTAINS", "NUMBER_BETWEEN", "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_GREATER_THAN", "NUMBER_LESS_THAN", "CELL_EMPTY", "CELL_NOT_EMPTY", "CUSTOM_FORMULA",
];
const VALIDATION_TYPES: ValidationType[] = ["VALUE_IN_LIST", "NUMBER_BETWEEN", "NUMBER_GREATER_THAN_OR_EQUAL_TO", "DATE_IS_VALID_DATE", "CHECKBOX", "CUSTOM_FORMULA"];
export const BooleanCriteria = appsEnum("SpreadsheetApp.BooleanCriteria", CONDITION_TYPES);
export const DataValidationCriteria = appsEnum("SpreadsheetApp.DataValidationCriteria", VALIDATION_TYPES);

interface RuleRanges {
  book: Book | null;
  sheet: SheetModel | null;
  rects: Rect[];
}

export class BooleanCondition {
  constructor(private readonly m: CfModel) {}
  getCriteriaType() {
    return BooleanCriteria[this.m.type];
  }
  getCriteriaValues() {
    return [...this.m.values];
  }
  getBackground() {
    return this.m.format.background ?? null;
  }
  getFontColor() {
    return this.m.format.fontColor ?? null;
  }
  getBold() {
    return this.m.format.bold ?? null;
  }
}

export class ConditionalFormatRule {
  constructor(
    readonly _book: Book | null,
    readonly _sheet: SheetModel | null,
    readonly _model: CfModel,
  ) {}
  getRanges() {
    if (!this._book || !this._sheet) return [];
    return this._model.rects.map((r) => pub((this._book as Book).rangeApi(this._sheet as SheetModel, { ...r })));
  }
  getBooleanCondition() {
    return new BooleanCondition(this._model);
  }
  copy() {
    return new ConditionalFormatRuleBuilder({ book: this._book, sheet: this._sheet, rects: this._model.rects.map((r) => ({ ...r })) }, {
      ...this._model,
      values: [...this._model.values],
      format: { ...this._model.format },
    });
  }
}

export class ConditionalFormatRuleBuilder {
  private ranges: RuleRanges;
  private type: ConditionType | null;
  private values: (string | number)[];
  private format: CfFormat;
  constructor(ranges?: RuleRanges, model?: CfModel) {
    this.ranges = ranges ?? { book: null, sheet: null, rects: [] };
    this.type = model?.type ?? null;
    this.values = model?.values ?? [];
    this.format = model?.format ?? {};
  }
  private when(type: ConditionType, values: (string | number)[]) {
    this.type = type;
    this.values = values;
    return this;
  }
  whenTextEqualTo(text: string) {
    return this.when("TEXT_EQUAL_TO", [String(text)]);
  }
  whenTextContains(text: string) {
    return this.when("TEXT_CONTAINS", [String(text)]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when("NUMBER_BETWEEN", [Number(a), Number(b)]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when("NUMBER_LESS_THAN_OR_EQUAL_TO", [Number(n)]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when("NUMBER_GREATER_THAN", [Number(n)]);
  }
  whenCellEmpty() {
    return this.when("CELL_EMPTY", []);
  }
  whenCellNotEmpty() {
    return this.when("CELL_NOT_EMPTY", []);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when("CUSTOM_FORMULA", [String(formula)]);
  }
  setBackground(c: string | null) {
    const v = normColor(c);
    if (v) this.format.background = v;
    else delete this.format.background;
    return this;
  }
  setFontColor(c: string | null) {
    const v = normColor(c);
    if (v) this.format.fontColor = v;
    else delete this.format.fontColor;
    return this;
  }
  setBold(b: boolean | null) {
    if (b === null) delete this.format.bold;
    else this.format.bold = !!b;
    return this;
  }
  setItalic(b: boolean | null) {
    if (b === null) delete this.format.italic;
    else this.format.italic = !!b;
    return this;
  }
  setStrikethrough(b: boolean | null) {
    if (b === null) delete this.format.strikethrough;
    else this.format.strikethrough = !!b;
    return this;
  }
  setRanges(ranges: LocalRange[]) {
    if (!Array.isArray(ranges)) throw signatureError("SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges", [ranges]);
    const raw = ranges.map((r) => unpub(r));
    const first = raw[0];
    this.ranges = { book: first?._book ?? null, sheet: first?._sheet ?? null, rects: raw.map((r) => ({ ...r._rect })) };
    for (const r of raw) {
      if (first && r._sheet !== first._sheet) throw new Error("All ranges of a conditional format rule must be on the same sheet.");
    }
    return this;
  }
  getRanges() {
    return new ConditionalFormatRule(this.ranges.book, this.ranges.sheet, this.model()).getRanges();
  }
  getBooleanCondition() {
    return this.type ? new BooleanCondition(this.model()) : null;
  }
  private model(): CfModel {
    return { rects: this.ranges.rects.map((r) => ({ ...r })), type: this.type ?? "CELL_NOT_EMPTY", values: [...this.values], format: { ...this.format } };
  }
  /**
   * A rule with no format (no background, font colour, bold, italic or strikethrough set) paints nothing: not
   * documented either way, so refused in the emulator's words ("to check" 62). It was built and set.
   */
  build() {
    if (!this.type) throw new Error("A conditional format rule needs a condition (for example whenTextEqualTo).");
    if (Object.keys(this.format).length === 0) throw new Error("Offline spreadsheet: a conditional format rule needs a format (for example setBackground).");
    return new ConditionalFormatRule(this.ranges.book, this.ranges.sheet, this.model());
  }
  copy() {
    return new ConditionalFormatRuleBuilder({ ...this.ranges, rects: this.ranges.rects.map((r) => ({ ...r })) }, this.model());
  }
}

/** What setConditionalFormatRules stores; rejects what Sheets rejects. */
export function checkConditionalFormatRule(book: Book, sheet: SheetModel, ruleIn: ConditionalFormatRule): CfModel {
  const rule = unpub(ruleIn);
  if (!(rule instanceof ConditionalFormatRule)) throw new Error("Invalid argument: rules");
  const m = rule._model;
  if (rule._sheet && rule._sheet !== sheet) throw new Error("Conditional format rule ranges must be on the sheet the rules are set on.");
  if (m.rects.length === 0) throw new Error("Conditional format rule must have at least one range.");
  if (m.type === "CUSTOM_FORMULA") {
    const f = String(m.values[0] ?? "");
    if (!f.startsWith("=")) throw new Error(`Invalid custom formula "${f}": it must start with "=".`);
    const other = referencedSheets(f).filter((n) => n.toLowerCase() !== sheet.name.toLowerCase());
    if (other.length > 0) {
      throw new Error(
        `Invalid conditional format rule: the custom formula ${f} references another sheet (${quoteSheetName(other[0])}). ` +
          "Conditional formatting cannot reference other sheets directly; use INDIRECT.",
      );
    }
  }
  void book;
  return { rects: m.rects.map((r) => ({ ...r })), type: m.type, values: [...m.values], format: { ...m.format } };
}

function truthy(v: unknown): boolean {
  if (v instanceof DetailedCellError) return false;
  if (Array.isArray(v)) return truthy(v[0]?.[0]);
  if (typeof v === "number") return v !== 0;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v.toUpperCase() === "TRUE";
  return false;
}

function matches(book: Book, sheet: SheetModel, rule: CfModel, row: number, col: number): boolean {
  const { value, display } = cellValueForRules(book, sheet, row, col);
  const num = typeof value === "number" ? value : Object.prototype.toString.call(value) === "[object Date]" ? NaN : NaN;
  const v = rule.values;
  switch (rule.type) {
    case "TEXT_EQUAL_TO":
      return display.toLowerCase() === String(v[0]).toLowerCase() && value !== "";
    case "TEXT_CONTAINS":
      return display.toLowerCase().includes(String(v[0]).toLowerCase()) && value !== "";
    case "NUMBER_BETWEEN":
      return !isNaN(num) && num >= Math.min(Number(v[0]), Number(v[1])) && num <= Math.max(Number(v[0]), Number(v[1]));
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return !isNaN(num) && num >= Number(v[0]);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return !isNaN(num) && num <= Number(v[0]);
    case "NUMBER_GREATER_THAN":
      return !isNaN(num) && num > Number(v[0]);
    case "NUMBER_LESS_THAN":
      return !isNaN(num) && num < Number(v[0]);
    case "CELL_EMPTY":
      return value === "";
    case "CELL_NOT_EMPTY":
      return value !== "";
    case "CUSTOM_FORMULA": {
      const anchor = rule.rects[0];
      const f = shiftFormula(String(v[0]), row - anchor.r1, col - anchor.c1);
      try {
        book.allInEngine(f);
        return truthy(book.settle().calculateFormula(f, sheet.hfId));
      } catch {
        return false;
      }
    }
  }
  return false;
}

/** The format Sheets would paint on a cell: the first matching rule wins; null when none matches. */
export function evaluateConditionalFormatModel(book: Book, sheet: SheetModel, row: number, col: number): CfFormat | null {
  for (const rule of sheet.cf) {
    if (!rule.rects.some((r) => rectContains(r, row, col))) continue;
    if (matches(book, sheet, rule, row, col)) return { ...rule.format };
  }
  return null;
}

// ---- data validation ----

export class DataValidation {
  constructor(readonly _model: DvModel) {}
  getCriteriaType() {
    return DataValidationCriteria[this._model.type];
  }
  getCriteriaValues(): unknown[] {
    const m = this._model;
    if (m.type === "VALUE_IN_LIST") return [[...m.values], m.showDropdown !== false];
    return [...m.values];
  }
  getAllowInvalid() {
    return this._model.allowInvalid;
  }
  getHelpText() {
    return this._model.helpText ?? null;
  }
  copy() {
    return new DataValidationBuilder({ ...this._model, values: [...this._model.values] });
  }
}

export class DataValidationBuilder {
  private m: DvModel;
  constructor(m?: DvModel) {
    this.m = m ?? { type: "CHECKBOX", values: [], allowInvalid: true };
    if (!m) (this as { typeSet?: boolean }).typeSet = false;
  }
  private set(type: ValidationType, values: (string | number | boolean)[], showDropdown?: boolean) {
    this.m = { ...this.m, type, values, showDropdown };
    (this as { typeSet?: boolean }).typeSet = true;
    return this;
  }
  /**
   * `requireValueInList(values: String[], showDropdown?)`: anything but an array fits no overload; an empty
   * list, a dropdown with nothing to pick that refuses every entry, is refused in the emulator's words (what
   * Google does is not documented: "to check" 61). It was built. More than 500 values fail in the words Apps
   * Script users quote from live runs (which call throws them is not said: here the first).
   */
  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values)) throw signatureError("SpreadsheetApp.DataValidationBuilder.requireValueInList", [values, showDropdown]);
    if (values.length === 0) throw new Error("Offline spreadsheet: requireValueInList needs at least one value to choose from.");
    if (values.length > 500) throw new Error('The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.');
    return this.set("VALUE_IN_LIST", values.map((v) => String(v)), showDropdown !== false);
  }
  requireNumberBetween(a: number, b: number) {
    return this.set("NUMBER_BETWEEN", [Number(a), Number(b)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [Number(n)]);
  }
  requireDate() {
    return this.set("DATE_IS_VALID_DATE", []);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    const vals = checked === undefined ? [] : unchecked === undefined ? [checked as string] : [checked as string, unchecked as string];
    return this.set("CHECKBOX", vals);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set("CUSTOM_FORMULA", [String(formula)]);
  }
  setAllowInvalid(allow: boolean) {
    this.m = { ...this.m, allowInvalid: !!allow };
    return this;
  }
  setHelpText(text: string) {
    this.m = { ...this.m, helpText: String(text) };
    return this;
  }
  getCriteriaType() {
    return DataValidationCriteria[this.m.type];
  }
  getCriteriaValues() {
    return new DataValidation(this.m).getCriteriaValues();
  }
  getAllowInvalid() {
    return this.m.allowInvalid;
  }
  getHelpText() {
    return this.m.helpText ?? null;
  }
  build() {
    if ((this as { typeSet?: boolean }).typeSet === false) throw new Error("A data validation rule needs a criterion (for example requireValueInList).");
    return new DataValidation({ ...this.m, values: [...this.m.values] });
  }
  copy() {
    return new DataValidationBuilder({ ...this.m, values: [...this.m.values] });
  }
}

// Setup's conditional formats and dropdowns, compared before they are written: one read of a tab's rules
// (or of the validations of the cells setup looks after), and one write only when something differs.
import { columnNumber } from "../core/a1";
import { METRICS, OBJECTIVE_TYPES, PNL_LINKS, STATUS, WEEKDAYS } from "../core/tabs";
import { RAG, SETUP_ERROR_STYLE } from "./layout";
import { noteWrite } from "./setupWrites";
import { col, type Table } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

interface Rect {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** "B2:B71", "B2", "B:B" as rows and columns (a whole column runs to the end). */
export function parseA1(a1: string): Rect | null {
  const m = /^\$?([A-Z]+)\$?(\d*)(?::\$?([A-Z]+)\$?(\d*))?$/.exec(String(a1).replace(/^.*!/, ""));
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r1 = m[2] ? Number(m[2]) : 1;
  const r2 = m[4] ? Number(m[4]) : m[3] && !m[4] ? Infinity : m[2] ? r1 : Infinity;
  return { r1, r2, c1, c2 };
}

// ---- conditional formats ----

interface CfSpec {
  col: number;
  type: "TEXT_EQUAL_TO" | "TEXT_CONTAINS" | "NUMBER_BETWEEN";
  values: (string | number)[];
  bg: string;
  fg: string;
  bold: boolean;
}

function cfSpecs(t: Table, statusHeaders: string[], confidenceHeader: string | null): CfSpec[] {
  const out: CfSpec[] = [];
  for (const h of statusHeaders) {
    const c = col(t, h) + 1;
    if (c < 1) continue;
    for (const [label, s] of Object.entries(RAG)) out.push({ col: c, type: "TEXT_EQUAL_TO", values: [label], bg: s.bg, fg: s.fg, bold: false });
    out.push({ col: c, type: "TEXT_CONTAINS", values: [STATUS.setupError], bg: SETUP_ERROR_STYLE.bg, fg: SETUP_ERROR_STYLE.fg, bold: true });
  }
  const c = confidenceHeader ? col(t, confidenceHeader) + 1 : 0;
  if (c > 0) {
    for (const [lo, hi, s] of [[1, 3, RAG[STATUS.offTrack]], [4, 6, RAG[STATUS.atRisk]], [7, 10, RAG[STATUS.onTrack]]] as const) {
      out.push({ col: c, type: "NUMBER_BETWEEN", values: [lo, hi], bg: s.bg, fg: s.fg, bold: false });
    }
  }
  return out;
}

function buildCf(s: CfSpec, range: GoogleAppsScript.Spreadsheet.Range): Rule {
  const b = SpreadsheetApp.newConditionalFormatRule();
  const cond = s.type === "NUMBER_BETWEEN" ? b.whenNumberBetween(Number(s.values[0]), Number(s.values[1])) : s.type === "TEXT_CONTAINS" ? b.whenTextContains(String(s.values[0])) : b.whenTextEqualTo(String(s.values[0]));
  cond.setBackground(s.bg).setFontColor(s.fg);
  if (s.bold) cond.setBold(true);
  return cond.setRanges([range]).build();
}

const lower = (v: unknown) => String(v == null ? "" : v).toLowerCase();

/** Whether an existing rule is this spec, on a range from the first data row down to at least `last`. */
function isSpec(rule: Rule, rect: Rect, s: CfSpec, first: number, last: number): boolean {
  if (rect.c1 !== s.col || rect.c2 !== s.col || rect.r1 !== first || rect.r2 < last) return false;
  const c = rule.getBooleanCondition();
  if (!c) return false;
  return (
    String(c.getCriteriaType()) === s.type &&
    JSON.stringify(c.getCriteriaValues().map((v) => (typeof v === "number" ? v : String(v)))) === JSON.stringify(s.values) &&
    lower(c.getBackground()) === s.bg &&
    lower(c.getFontColor()) === s.fg &&
    !!c.getBold() === s.bold
  );
}

/**
 * Status label colours and confidence colours on `rows` rows below the header. The tab's rules are read
 * once; when each of ours is there, unchanged, over enough rows, nothing is written. Otherwise one write
 * puts the user's own rules first and ours after them (a rule on one of our columns alone is ours).
 */
export function ensureConditionalFormats(t: Table, statusHeaders: string[], confidenceHeader: string | null, rows: number, fresh: boolean): void {
  const sheet = t.sheet;
  const specs = cfSpecs(t, statusHeaders, confidenceHeader);
  const first = t.headerRow + 1;
  const last = first + Math.max(1, rows) - 1;
  const ourCols = new Set(specs.map((s) => s.col));
  const kept: Rule[] = [];
  let healthy = !fresh;
  if (!fresh) {
    const found = new Set<number>();
    for (const rule of sheet.getConditionalFormatRules()) {
      const rects = rule.getRanges().map((r) => parseA1(r.getA1Notation()));
      const ours = rects.some((r) => r !== null && r.c1 === r.c2 && ourCols.has(r.c1));
      if (!ours) {
        kept.push(rule);
        continue;
      }
      const i = rects.length === 1 && rects[0] ? specs.findIndex((s, k) => !found.has(k) && isSpec(rule, rects[0] as Rect, s, first, last)) : -1;
      if (i < 0) healthy = false;
      else found.add(i);
    }
    if (found.size !== specs.length) healthy = false;
  }
  if (healthy) return;
  noteWrite();
  // One range per column, shared by its rules (Key Results' Status, Score and Confidence: 3 calls, not 15).
  const ranges = new Map<number, GoogleAppsScript.Spreadsheet.Range>();
  const rangeOf = (c: number) => ranges.get(c) || ranges.set(c, sheet.getRange(first, c, Math.max(1, rows), 1)).get(c)!;
  sheet.setConditionalFormatRules(kept.concat(specs.map((s) => buildCf(s, rangeOf(s.col)))));
}

// ---- data validation ----

/** A dropdown of `values` that refuses anything else, with its help text (setup's columns, the lifecycle tabs' decisions). */
export function listRule(values: readonly string[], help: string): Validation {
  return SpreadsheetApp.newDataValidation().requireValueInList(values as string[], true).setAllowInvalid(false).setHelpText(help).build();
}

/** The dropdowns and number rules of the table tabs, by header. */
export function tableValidations(kind: "objectives" | "keyResults"): Record<string, Validation> {
  if (kind === "objectives") {
    return {
      Type: listRule(OBJECTIVE_TYPES, "committed (goal 1.0) or aspirational (goal from Settings)."),
      "P&L link": listRule(PNL_LINKS, "Which line of the P&L this objective moves."),
    };
  }
  return {
    Metric: listRule(METRICS, "How the KR is scored: increase, decrease, stay_above, stay_below or milestone."),
    Confidence: SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).setHelpText("Confidence from 1 (no chance) to 10 (certain).").build(),
    Weight: SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText("Blank = 1; 0 leaves the KR out of its objective's score.").build(),
  };
}

export const SETTINGS_VALIDATIONS: [string, () => Validation][] = [
  ["Check-in cadence", () => listRule(["weekly", "fortnightly"], "weekly or fortnightly")],
  ["Check-in weekday", () => listRule(WEEKDAYS, "The day the weekly summary refreshes itself (when turned on).")],
  ["Email digest to leaders", () => listRule(["on", "off"], "on or off")],
  ["Remind owners who missed a check-in", () => listRule(["on", "off"], "on or off")],
];

function sameValidation(a: Validation | null, b: Validation): boolean {
  if (!a) return false;
  const vals = (v: Validation) => JSON.stringify(v.getCriteriaValues());
  return String(a.getCriteriaType()) === String(b.getCriteriaType()) && vals(a) === vals(b) && a.getAllowInvalid() === b.getAllowInvalid() && String(a.getHelpText() ?? "") === String(b.getHelpText() ?? "");
}

/**
 * Puts `want`'s rules on their cells (column runs `rows` long from `first`, or single cells). The box
 * around them is read once; nothing is written when every cell has its rule. Otherwise one column that is
 * wrong gets one write; several get one write of the whole box, every other cell keeping the rule it had.
 */
export function ensureValidations(sheet: Sheet, cells: { row: number; col: number; rows: number; rule: Validation }[], fresh: boolean): void {
  if (!cells.length) return;
  const r1 = Math.min(...cells.map((c) => c.row));
  const r2 = Math.max(...cells.map((c) => c.row + c.rows - 1));
  const c1 = Math.min(...cells.map((c) => c.col));
  const c2 = Math.max(...cells.map((c) => c.col));
  const box = sheet.getRange(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  const had: (Validation | null)[][] = fresh ? [] : box.getDataValidations();
  const wrong = cells.filter((c) => {
    if (fresh) return true;
    for (let r = c.row; r < c.row + c.rows; r++) if (!sameValidation(had[r - r1][c.col - c1], c.rule)) return true;
    return false;
  });
  if (!wrong.length) return;
  noteWrite();
  if (wrong.length === 1) {
    const w = wrong[0];
    sheet.getRange(w.row, w.col, w.rows, 1).setDataValidation(w.rule);
    return;
  }
  const grid: (Validation | null)[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: (Validation | null)[] = [];
    for (let c = c1; c <= c2; c++) row.push(fresh ? null : had[r - r1][c - c1]);
    grid.push(row);
  }
  for (const w of wrong) for (let r = w.row; r < w.row + w.rows; r++) grid[r - r1][w.col - c1] = w.rule;
  box.setDataValidations(grid);
}

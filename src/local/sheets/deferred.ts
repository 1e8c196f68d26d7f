// Large tabs kept out of the formula engine until something changes them. A tab of values (the check-in
// log, History) that no formula can read costs the engine its whole dependency graph for nothing: on a
// large tracker the 55,000-row log was ~500,000 cells, ~1.5 s to build and ~150 MB, for a summary that
// only reads it. Such a tab's cells are read from its loaded content (Book.readValues, lastRow) and it
// enters the engine when first changed or when a formula elsewhere is written that could read it.
//
// Settings' computed rows name the log (COUNTA of its column A, its header cells, ROW of its first cell).
// Those few formulas are held in the engine with the log's values written in (COUNTA(...) -> the count,
// 'Check-ins'!A1 -> its text, ROW(...) -> the row), which give the same results; the formula as loaded is
// kept on the side (SheetModel.shadows), is what getFormulas and the saved file show, and goes back into
// the engine as soon as the log does or the sheet holding it changes (Book.touch).
import type { HyperFormula, RawCellContent } from "hyperformula";
import { hasFormula, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "../snapshot";
import { columnNumber } from "../../core/a1";
import { sheetPrefixes } from "./a1";
import type { Book } from "./book";
import type { SheetModel } from "./model";
import { OutsideCells } from "./pending";

/** Below this many cells a tab goes into the engine at once: deferring it saves too little to matter. Tests lower it. */
export const DEFER_MIN_CELLS = { value: 50_000 };

export interface Deferral {
  tabs: Map<SheetModel, OutsideCells>;
  /** Formula cells rewritten to hold deferred tabs' values: where, and the formula as loaded. */
  shadows: { sheet: SheetModel; row: number; col: number; formula: string; rewritten: string }[];
  /** The deferred tabs those formulas name. */
  named: Set<SheetModel>;
}

/** Whether a tab may be kept out of the engine (planDeferral decides): no formula, and large. Its rows are then loaded without engine contents. */
export function mayDefer(s: SnapshotSheet): boolean {
  let size = 0;
  for (const row of s.rows) if (row) size += row.length;
  return size >= DEFER_MIN_CELLS.value && !hasFormula(s);
}

/**
 * Of the tabs mayDefer chose (`loaded`, with their rows), those no formula can read (no named range on
 * them, no rule or validation naming them, no INDIRECT anywhere), or read only in ways `rewrite` can replace
 * by their values. Rewritten formulas are put into `contents` in place of the loaded ones; the tabs not
 * kept out get their engine contents there.
 */
export function planDeferral(snap: WorkbookSnapshot, specs: SnapshotSheet[], models: SheetModel[], contents: Record<string, RawCellContent[][]>, loaded: Map<SheetModel, (SnapshotCell | null)[][]>): Deferral {
  const out: Deferral = { tabs: new Map(), shadows: [], named: new Set() };
  const cellsOf = new Map([...loaded].map(([m, rows]) => [m, new OutsideCells(rows)] as const));
  const candidates = [...cellsOf.keys()];
  const plan = () => {
    for (const [m, cells] of cellsOf) if (!out.tabs.has(m)) contents[m.name] = cells.contents();
    return out;
  };
  if (!candidates.length) return out;
  const cells: { sheet: SheetModel; row: number; col: number; text: string }[] = [];
  for (const m of models) {
    if (!m.hasFormulas) continue;
    contents[m.name].forEach((row, r) => row.forEach((c, j) => {
      if (typeof c === "string" && c.startsWith("=")) cells.push({ sheet: m, row: r, col: j, text: c });
    }));
  }
  const rules: string[] = [];
  for (const sp of specs) {
    for (const cf of sp.conditionalFormats ?? []) for (const v of cf.condition.values) rules.push(String(v));
    for (const dv of sp.validations ?? []) for (const v of dv.values) rules.push(String(v));
  }
  const ruleText = rules.join("\n").toLowerCase();
  if (ruleText.includes("indirect") || cells.some((c) => /indirect/i.test(c.text))) return plan();
  const named = new Set((snap.namedRanges ?? []).map((n) => n.sheet.toLowerCase()));
  const current = new Map<(typeof cells)[number], string>();
  for (const m of candidates) {
    const name = m.name.toLowerCase();
    if (named.has(name) || ruleText.includes(name)) continue;
    const changes = new Map<(typeof cells)[number], string>();
    let ok = true;
    for (const cell of cells) {
      const text = current.get(cell) ?? cell.text;
      if (!text.toLowerCase().includes(name)) continue;
      const r = rewrite(text, m.name, cellsOf.get(m)!);
      if (r === null) {
        ok = false;
        break;
      }
      changes.set(cell, r);
    }
    if (!ok) continue;
    for (const [cell, r] of changes) current.set(cell, r);
    out.tabs.set(m, cellsOf.get(m)!);
    if (changes.size) out.named.add(m);
  }
  for (const [cell, rewritten] of current) {
    contents[cell.sheet.name][cell.row][cell.col] = rewritten;
    out.shadows.push({ sheet: cell.sheet, row: cell.row, col: cell.col, formula: cell.text, rewritten });
  }
  return plan();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const colIndex = (letters: string) => columnNumber(letters) - 1;

/**
 * The formula with every reference to the tab replaced by what it evaluates to, or null when one is used
 * some other way: COUNTA of one whole column (the count), ROW or COLUMN of one cell (its row or column: the
 * computed headers' guard against a column inserted by hand, session 22, is COLUMN of the last), and one cell that is
 * an operand of `&` only (its value as a literal; an empty cell is "" there). References inside string
 * literals, spaces, or any other use leave a mention of the tab, and the tab then goes into the engine.
 */
export function rewrite(formula: string, tab: string, cells: OutsideCells): string | null {
  const ref = `(?:${sheetPrefixes(tab).map(escapeRe).join("|")})`;
  const counta = new RegExp(`\\bCOUNTA\\(${ref}\\$?([A-Z]{1,3}):\\$?([A-Z]{1,3})\\)`, "gi");
  const row = new RegExp(`\\bROW\\(${ref}\\$?[A-Z]{1,3}\\$?([1-9]\\d*)\\)`, "gi");
  const column = new RegExp(`\\bCOLUMN\\(${ref}\\$?([A-Z]{1,3})\\$?[1-9]\\d*\\)`, "gi");
  const cell = new RegExp(`(^=|&)${ref}\\$?([A-Z]{1,3})\\$?([1-9]\\d*)(?=(&|$))`, "gi");
  const lower = tab.toLowerCase();
  // Split off the string literals: even parts are formula text, odd parts literals (left as they are).
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      if (parts[i].toLowerCase().includes(lower)) return null;
      continue;
    }
    let p = parts[i].replace(counta, (m, a: string, b: string) => (a.toUpperCase() === b.toUpperCase() ? String(cells.countColumn(colIndex(a))) : m));
    p = p.replace(row, (_m, r: string) => String(Number(r)));
    p = p.replace(column, (_m, c: string) => String(columnNumber(c)));
    p = p.replace(cell, (m, pre: string, c: string, r: string, after: string, offset: number, whole: string) => {
      // An `&` on one side at least; and a reference ending a part that a literal follows is left (invalid anyway).
      if (pre !== "&" && after !== "&") return m;
      if (offset + m.length === whole.length && i !== parts.length - 1) return m;
      const lit = literal(cells.valueAt(Number(r) - 1, colIndex(c)));
      return lit === null ? m : pre + lit;
    });
    if (p.toLowerCase().includes(lower)) return null;
    parts[i] = p;
  }
  // A reference to another tab would be moved by changes there that the formula as loaded does not see.
  if (parts.some((p, i) => i % 2 === 0 && p.includes("!"))) return null;
  return parts.join("");
}

/** A cell's value (a tab of values: a string is text) as a formula literal with the same value under `&`, or null when it has none. */
function literal(v: string | number | boolean | null): string | null {
  if (v === null) return '""';
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return /^-?\d+(\.\d+)?$/.test(String(v)) ? String(v) : null;
  return `"${v.replace(/"/g, '""')}"`;
}

/**
 * Keeps the planned tabs out of the engine until first used and the rewritten formulas in it until the
 * tabs they name go in (or their sheet changes). When the engine prints a rewritten formula otherwise than
 * it was given (a hand-written formula the engine would print otherwise), everything goes in at once, so
 * getFormulas shows what the engine makes of the formula as loaded.
 */
export function applyDeferral(book: Book, plan: Deferral): void {
  for (const [m, cells] of plan.tabs) deferSheet(book, m, cells, plan.named.has(m));
  if (plan.tabs.size) book.allInEngine = (formula?: string) => {
    const text = formula?.toLowerCase();
    const all = text === undefined || text.includes("indirect");
    for (const m of plan.tabs.keys()) if (m.pending && (all || text.includes(m.name.toLowerCase()))) void m.hfId;
    if (![...plan.tabs.keys()].some((m) => m.pending)) book.allInEngine = () => {};
  };
  if (!plan.shadows.length) return;
  for (const s of plan.shadows) (s.sheet.shadows ??= new Map()).set(`${s.row},${s.col}`, s.formula);
  book.restoreShadows = () => {
    book.restoreShadows = () => {};
    for (const m of plan.named) void m.hfId;
    const hf = book.write();
    for (const s of plan.shadows) {
      if (s.sheet.deleted) continue;
      hf.setCellContents({ sheet: s.sheet.hfId, row: s.row, col: s.col }, s.formula);
      s.sheet.shadows = undefined;
    }
  };
  // A named tab's cells changed while kept out, or the tab came into the engine (deferSheet): the formulas
  // naming it are written again with the tabs still kept out written in. Only the tabs a formula names:
  // rewrite() refuses one naming any other tab, so Settings' ROW(History!A1) beside the log's COUNTA brought
  // every tab back in (a large tracker's command-line summary: the 55,000-row log, +4 s, +400 MB). One that
  // then names no tab still kept out is the formula as loaded, which the engine now holds: no shadow.
  book.pendingChanged = (tab: SheetModel) => {
    if (!plan.named.has(tab)) return;
    const names = (f: string, m: SheetModel) => f.toLowerCase().includes(m.name.toLowerCase());
    for (const s of plan.shadows.slice()) {
      if (!s.sheet.shadows || !names(s.formula, tab)) continue;
      let f: string | null = s.formula;
      for (const m of plan.named) if (f !== null && m.pending && names(f, m)) f = rewrite(f, m.name, m.pending);
      if (f === null) return book.restoreShadows();
      if (f !== s.rewritten) {
        book.write({ sheet: s.sheet, rect: { r1: s.row + 1, c1: s.col + 1, r2: s.row + 1, c2: s.col + 1 } }).setCellContents({ sheet: s.sheet.hfId, row: s.row, col: s.col }, f);
        s.rewritten = f;
      }
      if (f === s.formula) {
        s.sheet.shadows.delete(`${s.row},${s.col}`);
        if (!s.sheet.shadows.size) s.sheet.shadows = undefined;
        plan.shadows.splice(plan.shadows.indexOf(s), 1);
      }
    }
  };
  const printed = (hf: HyperFormula, s: Deferral["shadows"][number]) => hf.getCellFormula({ sheet: s.sheet.hfId, row: s.row, col: s.col });
  if (plan.shadows.some((s) => printed(book.hf, s) !== s.rewritten)) book.restoreShadows();
}

/** The sheet's engine ID, its content added to the engine when first asked for (every change of a sheet's cells goes through it). */
function deferSheet(book: Book, model: SheetModel, cells: OutsideCells, named: boolean): void {
  let id = -1;
  model.pending = cells;
  Object.defineProperty(model, "hfId", {
    configurable: true,
    enumerable: true,
    get(): number {
      if (id < 0) {
        // One recalculation for both steps, not one each (each ran a partial recalculation of the book); a
        // suspended engine (a command writing) stays so, its recalculation left for the next read as always.
        const hf = book.hf;
        book.forgetPrinted();
        const suspended = hf.isEvaluationSuspended();
        if (!suspended) hf.suspendEvaluation();
        id = hf.getSheetId(hf.addSheet(model.name)) as number;
        hf.setSheetContent(id, cells.contents());
        cells.release();
        model.pending = undefined;
        // Formulas holding this tab's values would not follow its changes: they name it again (pendingChanged).
        if (named) book.pendingChanged(model);
        if (!suspended) hf.resumeEvaluation();
      }
      return id;
    },
    set(v: number) {
      id = v;
    },
  });
}

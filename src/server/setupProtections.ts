// Setup's protections, compared before they are written: every protection in the document is read in two
// calls, and only what is missing or wrong is changed, so a healthy tracker costs no structural write.
// All of them are warning-only (docs/workbook.md "Protection"): the add-on runs as the user.
import { TAB } from "../core/tabs";
import { OWNED_COLUMNS, PROTECTION_PREFIX, protectionTypes } from "./layout";
import { parseA1 } from "./setupRules";
import { noteWrite } from "./setupWrites";
import { col, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

interface Ours {
  p: Protection;
  sheet: string;
  /** null for a whole-sheet protection. */
  rect: { row: number; col: number; rows: number; cols: number } | null;
}

/** What a tab must have: protected column runs (Objectives, Key Results) or the whole sheet. */
export interface ProtectionPlan {
  columns: { t: Table; owned: readonly string[]; rows: number }[];
  sheets: { sheet: GoogleAppsScript.Spreadsheet.Sheet; name: string }[];
  /** Report tabs of our names that are someone's own (Repair leaves them as they are; strays, below). */
  notOurs: readonly string[];
}

export function protectionPlan(objT: Table, krT: Table, logT: Table, histT: Table, nObj: number, nKr: number, summary: GoogleAppsScript.Spreadsheet.Sheet | null, trend: GoogleAppsScript.Spreadsheet.Sheet | null = null, notOurs: readonly string[] = []): ProtectionPlan {
  return {
    notOurs,
    columns: [
      { t: objT, owned: OWNED_COLUMNS.objectives, rows: nObj },
      { t: krT, owned: OWNED_COLUMNS.keyResults, rows: nKr },
    ],
    sheets: [
      { sheet: logT.sheet, name: logT.name },
      { sheet: histT.sheet, name: histT.name },
      ...(summary ? [{ sheet: summary, name: TAB.summary }] : []),
      ...(trend ? [{ sheet: trend, name: TAB.trend }] : []),
    ],
  };
}

/**
 * A range's rows and columns from its A1 notation: one call, where its row, column and sizes take four. A
 * whole column ("K:K", set by hand) runs to Infinity, and starts at row 1: not where ours start, so it is moved.
 */
function rectOf(r: GoogleAppsScript.Spreadsheet.Range): Ours["rect"] {
  const a = parseA1(r.getA1Notation()) || { r1: 0, r2: 0, c1: 0, c2: 0 };
  return { row: a.r1, col: a.c1, rows: a.r2 - a.r1 + 1, cols: a.c2 - a.c1 + 1 };
}

/**
 * The add-on's protections on the tabs setup looks after: two reads for the whole document. A column
 * protection is ours by its description. A whole-tab protection is ours whatever its description: a tab has
 * at most one (Sheet.protect() returns it), so there is nothing to tell apart, and setup gives it none.
 * `strays`: the whole-tab protections with our description on someone's own tab of a report's name (notOurs).
 */
function readOurs(ss: Spreadsheet, tabs: Set<string>, notOurs: Set<string>, strays: Protection[]): Ours[] {
  const out: Ours[] = [];
  for (const type of protectionTypes()) {
    for (const p of ss.getProtections(type)) {
      if (type === SpreadsheetApp.ProtectionType.RANGE && String(p.getDescription()).indexOf(PROTECTION_PREFIX) !== 0) continue;
      const r = p.getRange();
      const sheet = r.getSheet().getName();
      if (!tabs.has(sheet)) {
        // Archives and portfolio tabs keep theirs. A description is asked for only on someone's own report tab.
        if (type === SpreadsheetApp.ProtectionType.SHEET && notOurs.has(sheet.toLowerCase()) && String(p.getDescription()).indexOf(PROTECTION_PREFIX) === 0) strays.push(p);
        continue;
      }
      out.push({ p, sheet, rect: type === SpreadsheetApp.ProtectionType.SHEET ? null : rectOf(r) });
    }
  }
  return out;
}

/** Runs of adjacent 1-based columns: one protection each instead of one per column. */
export function columnRuns(cols: number[]): [number, number][] {
  const sorted = cols.slice().sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else if (!last || c > last[1]) runs.push([c, c]);
  }
  return runs;
}

function makeWarningOnly(p: Protection): void {
  // A protection this user may not edit was hardened on purpose by someone who can: it is left as it is.
  if (!p.isWarningOnly() && p.canEdit()) {
    noteWrite();
    p.setWarningOnly(true);
  }
}

/**
 * Brings the protections to the plan. A column protection of ours is kept when it covers only add-on
 * columns, starts on the first row below the header and reaches the last formula row; any other of ours on
 * those tabs is moved to cover the add-on columns left uncovered (columns were moved, or the table grew
 * past it), one protection per run of adjacent columns; one left over is removed, one missing is made.
 */
export function ensureProtections(ss: Spreadsheet, plan: ProtectionPlan, created: Set<string>): void {
  const names = [...plan.columns.map((c) => c.t.name), ...plan.sheets.map((s) => s.name)];
  const notOurs = new Set(plan.notOurs.map((n) => n.toLowerCase()));
  const strays: Protection[] = [];
  // A tab made by this run has no protection yet: reading them is skipped when every tab is new.
  const ours = names.every((n) => created.has(n)) && !notOurs.size ? [] : readOurs(ss, new Set(names), notOurs, strays);
  // Repair used to protect any tab named Weekly Summary as ours, someone's own too, and before whole-tab
  // protections went without a description it described them as ours ("okr-sheets: the Weekly Summary is
  // regenerated by the add-on; edits here are overwritten", untrue of a tab the summary refuses to write
  // over): removed, when still warning-only as it left it and this user may edit it. One without a
  // description is left: Repair gave those none later, but so does a user protecting a tab
  // (docs/workbook.md#protection).
  for (const p of strays) {
    if (!p.isWarningOnly() || !p.canEdit()) continue;
    noteWrite();
    p.remove();
  }
  for (const { t, owned, rows } of plan.columns) {
    const first = t.headerRow + 1;
    const want = new Set(owned.map((h) => col(t, h) + 1).filter((c) => c > 0));
    const covered = new Set<number>();
    const spare: Protection[] = [];
    for (const o of ours) {
      if (o.sheet !== t.name || !o.rect) continue;
      const { row, col: c1, rows: n, cols } = o.rect;
      let onlyOurs = true;
      for (let c = c1; c < c1 + cols; c++) if (!want.has(c)) onlyOurs = false;
      if (onlyOurs && row === first && row + n - 1 >= first + rows - 1) {
        for (let c = c1; c < c1 + cols; c++) covered.add(c);
        makeWarningOnly(o.p);
      } else if (o.p.canEdit()) spare.push(o.p);
    }
    for (const [c1, c2] of columnRuns([...want].filter((c) => !covered.has(c)))) {
      const names2 = t.headers.slice(c1 - 1, c2).join(", ");
      const what = `${PROTECTION_PREFIX} ${names2} ${c1 === c2 ? "is" : "are"} written by the add-on; use the Check in sidebar`;
      const range = t.sheet.getRange(first, c1, Math.max(1, rows), c2 - c1 + 1);
      noteWrite();
      // One of ours that no longer fits (the table grew, a column moved) is moved: one call instead of a
      // removal and a new protection's three.
      const reused = spare.shift();
      if (reused) {
        reused.setRange(range);
        if (reused.getDescription() !== what) reused.setDescription(what);
        makeWarningOnly(reused);
      } else range.protect().setDescription(what).setWarningOnly(true);
    }
    for (const p of spare) {
      noteWrite();
      p.remove();
    }
  }
  for (const { sheet, name } of plan.sheets) {
    const mine = ours.filter((o) => o.sheet === name && o.rect === null);
    if (mine.length) {
      makeWarningOnly(mine[0].p);
      continue;
    }
    // protect() returns the sheet's existing protection; one this user may not edit already protects it.
    // No description: it would only name the tab in the Protected ranges panel, where the tab's name shows
    // anyway, at a structural call per tab (docs/workbook.md#protection).
    noteWrite();
    const p = sheet.protect();
    if (p.canEdit()) p.setWarningOnly(true);
  }
}


// The formula columns of the Objectives and Key Results tabs: written for every data row and the spare rows
// below, naming in the report any data row whose formula had been overwritten.
import { quoteSheet } from "../core/a1";
import { colsFromHeaders, earlierFormulaVersions, krFormulas, objectiveFormulas, type Cols } from "../core/formulas";
import { KR_PACE_HEADERS, TAB } from "../core/tabs";
import { ALL_HEADERS, KR_WIDTH } from "./read";
import type { SetupReport } from "./setupTypes";
import { noteWrite } from "./setupWrites";
import { col, norm, type Table } from "./table";

/** Rows below the data that get formulas too, so a row typed by hand is scored at once. */
const SPARE_ROWS = 20;
const MIN_FORMULA_ROWS = 50;

export function formulaRowCount(t: Table): number {
  return Math.max(t.rows.length + SPARE_ROWS, MIN_FORMULA_ROWS);
}

/**
 * Writes the formula columns of both tables for every data row and the spare rows below. With a report,
 * formula cells of data rows that held something else (a number typed over a score, say) are named in it.
 */
export function writeFormulas(objT: Table, krT: Table, repair?: Repair): void {
  const { objCols, krCols: found } = formulaCols(objT, krT);
  const nObj = formulaRowCount(objT);
  const nKr = formulaRowCount(krT);
  // Pace columns pushed past Z (columns inserted before them) are beyond every read of the add-on (KR_WIDTH):
  // the formulas leave them out too, so the sheet and the reports agree, and the user is told to move them.
  const unread = KR_PACE_HEADERS.some((h) => col(krT, h) >= KR_WIDTH);
  const krCols = unread ? withoutPace(found) : found;
  if (unread && repair) repair.report.warnings.push(PAST_Z);
  // A tracker set up before `Counts from` has the formulas without it: Repair lists them as updated, not as
  // changed by hand (earlierFormulaVersions covers the older gap rule of each); so are the paced ones when
  // the pace columns are past Z.
  const krBefore = unread ? found : withoutPace(krCols);
  const earlierObj = (row: number) => objectiveFormulas(row, objCols, krBefore) as unknown as Record<string, string>;
  const earlierKr = (row: number) => krRowFormulas(row, krBefore, objCols);
  writeFormulaColumns(objT, nObj, (row) => ({ ...objectiveFormulas(row, objCols, krCols) }), repair && { report: repair.report, rows: repair.objRows, earlier: earlierObj });
  writeFormulaColumns(krT, nKr, (row) => krRowFormulas(row, krCols, objCols), repair && { report: repair.report, rows: repair.krRows, earlier: earlierKr });
}

const PAST_Z =
  `${TAB.keyResults}: ${KR_PACE_HEADERS.join(" or ")} is past column Z, where the add-on stops reading, so no KR counts from its own date: ` +
  `move the two columns back within A–Z (your own columns to another tab, say), then run Repair tracker again.`;

/** The Key Results columns as a tracker set up before KR_PACE_HEADERS had them. */
function withoutPace(krCols: Cols): Cols {
  const out: Cols = {};
  for (const h of Object.keys(krCols)) if ((KR_PACE_HEADERS as readonly string[]).indexOf(h) < 0) out[h] = krCols[h];
  return out;
}

/** A formula as this version writes it, or as an earlier one did (`earlier`: this row's formulas before KR_PACE_HEADERS). */
function isEarlier(was: string, now: string, before: string | undefined): boolean {
  const versions = earlierFormulaVersions(now);
  if (before !== undefined && before !== now) versions.push(before, ...earlierFormulaVersions(before));
  return versions.some((f) => sameFormula(was, f));
}

/** A Key Results row's formula cells by header (a check-in writes them on a row inserted by hand: checkin.ts). */
export function krRowFormulas(row: number, krCols: Cols, objCols: Cols): Record<string, string> {
  return {
    ...krFormulas(row, krCols, objCols),
    "Objective name": objectiveCell(row, krCols, objCols, "Objective", ""),
    // Read with the KR's row by the sidebar and the check-in, where reading the Objectives tab would cost three
    // calls; as text (&""), so a blank Owner is "" in every engine, never 0.
    "Objective owner": objectiveCell(row, krCols, objCols, "Owner", '&""'),
  };
}

/** The KR's objective's `header` cell, by its Objective ID ("" when it has none or names no objective). */
function objectiveCell(row: number, krCols: Cols, objCols: Cols, header: string, after: string): string {
  const objName = quoteSheet(TAB.objectives);
  const c = objCols[header];
  return `=IF($${krCols["ID"]}${row}="","",IFERROR(INDEX(${objName}!$${c}:$${c},MATCH($${krCols["Objective ID"]}${row},${objName}!$${objCols["ID"]}:$${objCols["ID"]},0))${after},""))`;
}

/** Each table's columns by our header names, found whatever the case the sheet's headers are typed in. */
export function formulaCols(objT: Table, krT: Table): { objCols: Cols; krCols: Cols } {
  return {
    objCols: colsFromHeaders(spelled(objT.headers, ALL_HEADERS.objectives)),
    krCols: colsFromHeaders(spelled(krT.headers, ALL_HEADERS.keyResults)),
  };
}

/**
 * The headers in our spelling: every operation finds a column whatever its header's case ("target" is
 * Target), so the formulas must too; the formula builder knows each column by its exact name.
 */
function spelled(headers: readonly string[], ours: readonly string[]): string[] {
  return headers.map((h) => ours.find((o) => norm(o) === norm(h)) || h);
}

/** The report to name repaired formulas in, and how many data rows each table had before setup ran. */
export interface Repair {
  report: SetupReport;
  objRows: number;
  krRows: number;
}

/**
 * Formulas compared as the sheet may give them back: spacing, letter case and the quotes around a sheet
 * name that needs none can differ (our formulas hold no text with an apostrophe).
 */
export function sameFormula(a: string, b: string): boolean {
  const n = (f: string) => f.replace(/[\s']+/g, "").toUpperCase();
  return n(a) === n(b);
}

/** The spare formula rows may reach past the sheet's last row: the sheet grows to `last` rows first. */
function growTo(sheet: GoogleAppsScript.Spreadsheet.Sheet, last: number): void {
  const max = sheet.getMaxRows();
  if (last > max) {
    noteWrite();
    sheet.insertRowsAfter(max, last - max);
  }
}

/**
 * The formulas of the box, its rows reaching past the sheet's last (the spare rows) grown first. Asked for
 * first: a range beyond the grid is refused ("outside the dimensions of the sheet"), so the sheet's size is
 * asked for only then, and a tracker whose tabs have the rows costs one call less per tab.
 */
function formulasGrowing(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, rows: number, columns: number): string[][] {
  try {
    return sheet.getRange(row, column, rows, columns).getFormulas();
  } catch {
    growTo(sheet, row + rows - 1);
    return sheet.getRange(row, column, rows, columns).getFormulas();
  }
}

/**
 * The formula columns are read in one call (their span, every formula row) and compared with what they
 * should hold; only columns with a differing cell are written, one call per run of adjacent columns.
 */
function writeFormulaColumns(
  t: Table,
  n: number,
  make: (row: number) => Record<string, string>,
  repair?: { report: SetupReport; rows: number; earlier?: (row: number) => Record<string, string> },
): void {
  const first = t.headerRow + 1;
  const perRow: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) perRow.push(make(first + i));
  const cols = Object.keys(perRow[0] || {})
    .map((header) => ({ header, c: col(t, header) + 1 }))
    .filter((x) => x.c > 0)
    .sort((a, b) => a.c - b.c);
  if (!cols.length) return;
  const c1 = cols[0].c;
  const c2 = cols[cols.length - 1].c;
  // A tab made by this run holds no formulas yet: nothing to read.
  const fresh = !!repair && repair.report.created.indexOf(t.name) >= 0;
  let had: string[][] = [];
  if (fresh) growTo(t.sheet, first + n - 1);
  else had = formulasGrowing(t.sheet, first, c1, n, c2 - c1 + 1);
  const wrong: typeof cols = [];
  const listed = (rows: number[]) => `row${rows.length > 1 ? "s" : ""} ${rows.length > 5 ? `${rows.slice(0, 5).join(", ")} and ${rows.length - 5} more` : rows.join(", ")}`;
  for (const { header, c } of cols) {
    const broken: number[] = [];
    const older: number[] = [];
    let differs = false;
    // A column this Repair just added (a tracker set up before it: ensureTable names it in `added`) has its
    // cells written, not restored; one emptied by hand is restored and named, row by row.
    const empty = repair !== undefined && (t.added || []).indexOf(header) >= 0;
    for (let i = 0; i < n; i++) {
      const was = String((had[i] && had[i][c - c1]) || "");
      if (sameFormula(was, perRow[i][header])) continue;
      differs = true;
      const hasData = i < t.rows.length && t.rows[i].some((v) => v !== "" && v !== null);
      if (!repair || i >= repair.rows || !hasData || empty) continue;
      if (isEarlier(was, perRow[i][header], repair.earlier && repair.earlier(first + i)[header])) older.push(first + i);
      else broken.push(first + i);
    }
    if (differs) wrong.push({ header, c });
    if (repair && broken.length) repair.report.restored.push(`${t.name}: ${header} formula in ${listed(broken)}`);
    if (repair && older.length) repair.report.updated.push(`${t.name}: ${header} in ${listed(older)}`);
  }
  let i = 0;
  while (i < wrong.length) {
    let j = i;
    while (j + 1 < wrong.length && wrong[j + 1].c === wrong[j].c + 1) j++;
    const run = wrong.slice(i, j + 1);
    noteWrite();
    t.sheet.getRange(first, run[0].c, n, run.length).setFormulas(perRow.map((r) => run.map((x) => r[x.header])));
    i = j + 1;
  }
}

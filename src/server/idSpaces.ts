// Setup and Repair remove the spaces typed around objective and KR IDs (session 21; which, and why together:
// core/idSpaces.ts). Until then they named each such ID and asked the user to remove the spaces, which the
// sheet's formulas do not ignore: "Repair" that did not repair.
//
// Found in the rows setup reads anyway (the Objectives tab's, Key Results' typed columns): a tracker without
// such an ID costs no call more. With one, each tab's changed cells are written in one setValues over the
// rows from the first change to the last, after two reads of that block: its formulas (a cell computed by a
// formula is not written, nor is a row holding one: its value would replace the formula) and its number
// formats (the cells written back unchanged keep their text: literal, with the apostrophe that keeps "0012"
// or "2026-01" text in Sheets, except where the cell is Plain text, which keeps what it is given).
import { newlyCounted, planIdTrims, type IdTrim, type IdTrims } from "../core/idSpaces";
import { trimmedKey } from "../core/objectiveKey";
import { firstAndMore } from "../core/plural";
import { asText } from "./env";
import type { SetupReport } from "./setupTypes";
import { noteWrite } from "./setupWrites";
import { col, str, type Table } from "./table";

/** A column's trims: its 0-based column and, per data row, the cell's new text or null. */
type ColumnTrims = [number, IdTrim[]];

/** What the cells of a table's block hold besides values: their formulas and number formats, read once. */
interface Block {
  y1: number;
  c1: number;
  formulas: string[][];
  formats: string[][];
}

/** The rows `trims` change, and the block's formulas and formats (two reads); null when nothing changes. */
function readBlock(t: Table, trims: readonly ColumnTrims[]): Block | null {
  const ys: number[] = [];
  const cs: number[] = [];
  for (const [c, per] of trims) per.forEach((x, y) => x !== null && (ys.push(y), cs.push(c)));
  if (!ys.length) return null;
  const y1 = Math.min(...ys);
  const c1 = Math.min(...cs);
  const range = t.sheet.getRange(t.headerRow + 1 + y1, c1 + 1, Math.max(...ys) - y1 + 1, Math.max(...cs) - c1 + 1);
  return { y1, c1, formulas: range.getFormulas(), formats: range.getNumberFormats() };
}

/** Whether the block holds a formula in data row `y` (any column of it). */
const formulaIn = (b: Block, y: number): boolean => (b.formulas[y - b.y1] || []).some((f) => f !== "");

/**
 * Writes the trims (none in a row holding a formula: planIdTrims) and keeps the table's rows as the sheet now
 * holds them: one setValues per run of rows without a formula from the first change to the last (one, unless
 * a formula sits among them).
 */
function writeTrims(t: Table, b: Block, trims: readonly ColumnTrims[]): void {
  const changed = (y: number) => trims.some(([, per]) => per[y] !== null);
  const width = b.formulas[0].length;
  const last = b.y1 + b.formulas.length - 1;
  let y = b.y1;
  while (y <= last) {
    if (formulaIn(b, y) || !changed(y)) {
      y++;
      continue;
    }
    let end = y;
    while (end + 1 <= last && !formulaIn(b, end + 1)) end++;
    while (!changed(end)) end--;
    for (const [c, per] of trims) for (let r = y; r <= end; r++) if (per[r] !== null) t.rows[r][c] = per[r];
    const values = [];
    for (let r = y; r <= end; r++) {
      values.push(
        t.rows[r].slice(b.c1, b.c1 + width).map((v, x) => (typeof v === "string" && b.formats[r - b.y1][x] !== "@" ? asText(v) : v)),
      );
    }
    noteWrite();
    t.sheet.getRange(t.headerRow + 1 + y, b.c1 + 1, end - y + 1, width).setValues(values);
    y = end + 1;
  }
}

/** "ID "O1 " (row 2)", "O1.KR2's objective ID "O1 "": each ID whose spaces were removed, for the report. */
function changes(t: Table, trims: readonly ColumnTrims[], named: (y: number) => boolean, label: (y: number, c: number) => string): string[] {
  const out: string[] = [];
  t.rows.forEach((_, y) => {
    for (const [c, per] of trims) if (per[y] !== null && named(y)) out.push(label(y, c));
  });
  return out;
}

/** At most six items and how many more. */
const listed = (items: string[]): string => firstAndMore(items, 6);

/**
 * Removes the spaces around the IDs that need it (core/idSpaces.ts), writing only when there are some, and
 * says in `report.ids` what changed and which KRs now count for their objective. Run after the tables'
 * headers are ensured and before anything reads their IDs (the focus checks, the money formats' rows).
 * `imported`: the KRs an import just wrote (lower-case IDs), named in neither: their objective IDs took the
 * objective's spelling, spaces included, so that they count for it whether or not its spaces can be removed
 * (a formula's ID keeps them); trimmed with it, they were the import's text, not the user's (until session 22
 * the import's notes said "O2.KR3's objective ID "O2 "" was trimmed, of the KR it had just added).
 */
export function trimSpacedIds(objT: Table, krT: Table, report: SetupReport, imported: readonly string[] = []): void {
  const [oid, kid, kobj] = [col(objT, "ID"), col(krT, "ID"), col(krT, "Objective ID")];
  if (oid < 0 || kid < 0 || kobj < 0) return;
  const cells = (t: Table, c: number) => t.rows.map((r) => r[c]);
  const [objIds, krIds, krObjIds] = [cells(objT, oid), cells(krT, kid), cells(krT, kobj)];
  const first = planIdTrims(objIds, krIds, krObjIds);
  if (![first.objectives, first.krIds, first.krObjectives].some((p) => p.some((x) => x !== null))) return;
  // Key Results' two ID columns are one block when side by side (as setup makes them), else one each: a block
  // holds only ID columns, whose cells the read of the typed columns gives (not a blank for a cell unread).
  const krGroups = (p: IdTrims): ColumnTrims[][] => {
    const both: ColumnTrims[] = [[kid, p.krIds], [kobj, p.krObjectives]];
    return Math.abs(kid - kobj) === 1 ? [both] : both.map((x) => [x]);
  };
  // A row holding a formula is not written, and what names across tabs keeps its spaces with it (planIdTrims):
  // the blocks, read where the first plan writes, hold every later plan's changes.
  const objBlock = readBlock(objT, [[oid, first.objectives]]);
  const krBlocks = krGroups(first).map((g) => readBlock(krT, g));
  const plan = planIdTrims(objIds, krIds, krObjIds, {
    objectives: (y) => !!objBlock && formulaIn(objBlock, y),
    krs: (y) => krBlocks.some((b) => !!b && formulaIn(b, y)),
  });
  const objTrims: ColumnTrims[] = [[oid, plan.objectives]];
  const krTrims: ColumnTrims[] = [[kid, plan.krIds], [kobj, plan.krObjectives]];
  // A row without an ID is no KR (read.ts keyResultsFrom): its objective ID is trimmed, but it counts for nothing.
  // The KRs the user wrote: an import's new ones are named in neither the trims nor the KRs counted since.
  const mine = (y: number) => imported.indexOf(trimmedKey(krIds[y])) < 0;
  const counted = newlyCounted(objIds, krObjIds, plan).filter((y) => str(krIds[y]) !== "" && mine(y));
  if (objBlock) writeTrims(objT, objBlock, objTrims);
  krGroups(plan).forEach((g, i) => krBlocks[i] && writeTrims(krT, krBlocks[i]!, g));
  const row = (t: Table, y: number) => t.headerRow + 1 + y;
  const objLines = changes(objT, objTrims, () => true, (y) => `"${String(objIds[y])}" (row ${row(objT, y)})`);
  const krLines = changes(krT, krTrims, mine, (y, c) =>
    c === kid ? `key result ID "${String(krIds[y])}" (row ${row(krT, y)})` : `${str(krIds[y]) || `row ${row(krT, y)}`}'s objective ID "${String(krObjIds[y])}"`,
  );
  for (const [t, lines] of [[objT, objLines], [krT, krLines]] as const) {
    if (lines.length) report.ids.push(`${t.name}: spaces typed around ${lines.length === 1 ? "an ID" : `${lines.length} IDs`} removed (${listed(lines)})`);
  }
  if (counted.length) {
    const which = counted.map((y) => `${String(krT.rows[y][kid])} for ${String(krT.rows[y][kobj])}`);
    const now = "that counted for no objective now count";
    report.ids.push(counted.length === 1 ? `A key result ${now}s for its own (${listed(which)}): its objective's score changes` : `${counted.length} key results ${now} for theirs (${listed(which)}): their objectives' scores change`);
  }
}

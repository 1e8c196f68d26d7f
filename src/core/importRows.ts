// The OKR import (docs/cli.md "OKR import CSV"): a table of cells (CSV rows, or a tab's values) →
// the objective and key-result rows to append, or every problem with its row number. Nothing is
// written here; a single bad row makes the whole plan fail.
//
// Decisions:
// - Row numbers count every line of the table (blank lines are skipped but still counted, so the numbers
//   match the file's lines when no cell spans lines). The header is the first non-blank row, usually 1.
// - Cell values quoted in messages are shortened to 60 characters and escaped ("a\nb"), so a message
//   stays one readable line whatever the file holds.
// - Header names are case-insensitive, trimmed; spaces and dashes count as "_" ("Key result" =
//   key_result). A byte-order mark is ignored. Unknown columns are ignored with a warning; a repeated
//   column is an error.
// - Numbers (start, target, weight) are read as a check-in reads a value (core/numbers parseKrValue, in
//   the spreadsheet's locale, ImportExisting.locale): "." or a decimal comma ("6,0"; "1,234" is ambiguous
//   and refused, and so is "1.500" in a decimal-comma locale, where it means 1500), an optional sign, no
//   thousands separators, no exponents; "85%" on a % KR is 85, a unit after the number must be the
//   row's unit. Numbers already typed as numbers (from a tab) are taken as they are.
// - Metric text is case-insensitive; spaces/dashes count as "_" ("Stay above" = stay_above).
//   increase/decrease need numeric start and target, different from each other; stay_above/stay_below
//   need a numeric target (start optional); milestone needs neither (if given they must be numbers).
// - Text cells are kept as typed (trimmed), even when they begin with = + - @: the server writes them
//   as plain text, never as formulas.
// - IDs (objective_id, kr_id, parent_objective_id) must start with a letter and contain only letters,
//   digits, spaces and . _ - / (at most 64 characters): the sheet formulas match IDs as SUMIF/MATCH
//   criteria, where * ? ~ < > = and number- or date-like text would change the meaning.
// - Rows with the same objective_id (case-insensitive), or without objective_id but the same objective
//   text (case-insensitive, spaces collapsed), form one objective. Objective-level columns
//   (objective, objective_owner, type, team, parent_objective_id, pnl_link) given on several rows of
//   one objective must agree; a blank cell takes the value given elsewhere. Objective owner defaults
//   to the owner of the objective's first key result; type to committed; pnl_link to none.
// - An objective_id that already exists in the tracker adds the rows' key results to that objective;
//   the objective itself is not created again and its columns in the file are ignored (warning).
//   A kr_id that already exists in the tracker (or twice in the file) is an error.
// - counts_from (optional): the KR's Counts from day, read as the CLI reads dates (dates.ts unambiguousDate),
//   on or before the cycle's last day (ImportExisting.cycle); blank leaves it to the import (importTab.ts:
//   the import's day mid-cycle). Refused otherwise: the sheet would show the KR's setup error.
// - Generated IDs: objectives O1, O2, … (the lowest free numbers, in order of first appearance);
//   key results <objective ID>.KR1, .KR2, … per objective; IDs already in the tracker or given
//   anywhere in the file are skipped.
//
// How a cell is read (text, numbers, IDs, quoting): importCells.ts; the checks of one row on its own:
// importRowCheck.ts; here, the header, what needs several rows or the tracker, and the generated IDs.
import { ID_RE, IMPORT_REQUIRED, headerKey, isImportColumn, lowerKey, quote, text, textKey, type ImportColumn } from "./importCells";
import { checkRowCells, type ImportCycle } from "./importRowCheck";
import { numberStyleFor, roundedText } from "./numbers";
import { valueDigits, valueWithUnit } from "./valueDigits";
import { andList } from "./plural";
import { ownersKey } from "./owners";
import { spacedId } from "./objectiveKey";
import type { Metric, ObjectiveType, PnlLink } from "./tabs";
import type { KeyResultFields } from "./model";
import type { TemplateObjective } from "./templates";

// Where the import's column names and ID rule live; the callers (importTab.ts, the CLI, tests) import them from here.
export { ID_RE, IMPORT_OPTIONAL, IMPORT_REQUIRED, headerKey } from "./importCells";

/** An objective as the import plans it: the template's shape, plus where it was found. */
export interface ImportObjective extends TemplateObjective {
  /** First table row (1-based, header = 1) that mentions the objective. */
  sourceRow: number;
}

/** A key result as the import plans it (start, target and weight may be blank), plus where it was found. */
export interface ImportKeyResult extends KeyResultFields {
  sourceRow: number;
  /** The row's counts_from day (YYYY-MM-DD), null when blank. */
  countsFrom: string | null;
}

export interface ImportError {
  row: number;
  reason: string;
}

export type ImportPlan =
  | { ok: true; objectives: ImportObjective[]; keyResults: ImportKeyResult[]; warnings: string[] }
  | { ok: false; errors: ImportError[] };

interface Group {
  key: string;
  id: string; // "" until given or generated; an existing objective's trimmed
  /** An existing objective's ID as the tracker holds it (spaces included), which its new KRs' objective IDs take. */
  typed?: string;
  existing: boolean;
  sourceRow: number;
  fields: Partial<Record<"objective" | "objective_owner" | "type" | "team" | "parent_objective_id" | "pnl_link", { value: string; row: number }>>;
  firstOwner: string;
  krs: ImportKeyResult[];
}

const TITLE_ROWS = 10;

/**
 * The header row (0-based; -1: none): the first of the first TITLE_ROWS rows naming one of the import's
 * columns, so a title row above it (a tab headed "Q3 OKRs") is skipped; else the first row that is not blank.
 */
export function importHeaderAt(table: unknown[][]): number {
  const rows = Array.isArray(table) ? table : [];
  const named = rows.slice(0, TITLE_ROWS).findIndex((r) => Array.isArray(r) && r.some((c) => isImportColumn(headerKey(c))));
  return named >= 0 ? named : rows.findIndex((r) => Array.isArray(r) && r.some((c) => text(c) !== ""));
}

/**
 * What the tracker holds: its IDs and, for telling a row imported before (docs/workbook.md "Importing the
 * same OKRs twice"), its objectives' titles and its KRs'.
 */
export interface ImportExisting {
  objectiveIds: string[];
  krIds: string[];
  objectives?: { id: string; title: string }[];
  keyResults?: { id: string; objectiveId: string; title: string }[];
  /** The spreadsheet's locale, which reads numbers typed as text (default en_US). */
  locale?: string;
  /** The tracker's cycle: a counts_from day after its last day is refused. Absent: Settings do not parse. */
  cycle?: ImportCycle;
}

export function planImport(table: unknown[][], existing: ImportExisting): ImportPlan {
  const errors: ImportError[] = [];
  const warnings: string[] = [];
  const err = (row: number, reason: string) => errors.push({ row, reason });

  const headerAt = importHeaderAt(table);
  if (headerAt < 0) {
    return { ok: false, errors: [{ row: 1, reason: "The first row must be the header row (objective, key_result, owner, metric, start, target, …)." }] };
  }
  const headerRow = headerAt + 1;

  // Header.
  const colIndex: Partial<Record<ImportColumn, number>> = {};
  const unknown: string[] = [];
  (table[headerAt] as unknown[]).forEach((h, i) => {
    const k = headerKey(h);
    if (k === "") return;
    if (isImportColumn(k)) {
      if (colIndex[k] !== undefined) err(headerRow, `Column ${k} appears twice.`);
      else colIndex[k] = i;
    } else unknown.push(text(h));
  });
  // `objective` may be left out when `objective_id` is there: a file adding KRs to objectives already in
  // the tracker names them by ID (a row without either is refused on its own: "objective is blank").
  const missing = IMPORT_REQUIRED.filter((c) => colIndex[c] === undefined && !(c === "objective" && colIndex.objective_id !== undefined));
  if (missing.length === IMPORT_REQUIRED.length) err(headerRow, `No header row: none of the first ${TITLE_ROWS} rows names the columns ${missing.join(", ")} (a title row above the header is skipped).`);
  else if (missing.length > 0) err(headerRow, `Missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  if (errors.length > 0) return { ok: false, errors };
  const short = (u: string) => (Array.from(u).length > 60 ? Array.from(u).slice(0, 57).join("") + "…" : u);
  if (unknown.length > 0) warnings.push(`Ignored unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.map(short).join(", ")}.`);

  // The tracker's objective IDs are read as typed (core/objectiveKey.ts); the import's are trimmed: "O1" names
  // an objective typed "O1 ", and its KRs take that spelling, which the sheet's formulas match. Beside an "O1"
  // (another objective to the sheet), "O1" names that one: until session 22 the later of the two.
  const typedKey = (id: unknown) => lowerKey(String(id).trim());
  const existingObj: Record<string, string> = {};
  const hasObj = (k: string) => Object.prototype.hasOwnProperty.call(existingObj, k);
  for (const id of existing.objectiveIds) if (!hasObj(typedKey(id)) || !spacedId(id)) existingObj[typedKey(id)] = String(id);
  const takenKr: Record<string, true> = {};
  for (const id of existing.krIds) takenKr[lowerKey(String(id))] = true;
  const takenObj: Record<string, true> = {};
  for (const id of existing.objectiveIds) takenObj[typedKey(id)] = true;

  // A KR already in the tracker, by its objective (ID, or title) and its own title: a row without a kr_id
  // matches nothing by ID, so the same file imported twice would double every objective and KR.
  const had = new Map<string, string>();
  const objTitle = new Map((existing.objectives || []).map((o) => [typedKey(o.id), textKey(o.title)]));
  for (const k of existing.keyResults || []) {
    for (const o of ["#" + typedKey(k.objectiveId), objTitle.get(typedKey(k.objectiveId))]) if (o) had.set(`${o}\n${textKey(k.title)}`, k.id);
  }
  let again = 0;

  const groups: Group[] = [];
  const byId: Record<string, Group> = {};
  const byText: Record<string, Group> = {};
  const fileKrIds: Record<string, number> = {};
  const parents: { row: number; id: string }[] = [];
  let dataRows = 0;

  for (let r = headerAt + 1; r < table.length; r++) {
    const rowNo = r + 1;
    const cells = Array.isArray(table[r]) ? table[r] : [];
    if (cells.every((c) => text(c) === "")) continue;
    dataRows++;
    const raw = (c: ImportColumn): unknown => (colIndex[c] === undefined ? undefined : cells[colIndex[c] as number]);
    const get = (c: ImportColumn): string => text(raw(c));
    const before = errors.length;

    const { objectiveText, objectiveId, krId, title, owner, metric, start, target, weight, type, pnl, countsFrom } = checkRowCells(get, raw, (reason) => err(rowNo, reason), existing.locale, existing.cycle);

    // kr_id uniqueness.
    if (krId !== "" && ID_RE.test(krId)) {
      const k = lowerKey(krId);
      if (takenKr[k] && fileKrIds[k] === undefined) err(rowNo, `kr_id ${krId} already exists in the tracker.`);
      else if (fileKrIds[k] !== undefined) err(rowNo, `Duplicate kr_id ${krId} (also on row ${fileKrIds[k]}).`);
      else fileKrIds[k] = rowNo;
    }

    // Only on a row otherwise right: when every row is one, the first error is the first of them.
    const was = errors.length === before && !krId && had.get(`${objectiveId ? "#" + lowerKey(objectiveId) : textKey(objectiveText)}\n${textKey(title)}`);
    if (was) {
      again++;
      err(rowNo, `key result ${quote(title)} is already in the tracker (${was})`);
    }

    if (errors.length > before) continue;

    // Find or create the objective group.
    const tKey = textKey(objectiveText);
    let g: Group | undefined;
    if (objectiveId !== "") {
      const idk = lowerKey(objectiveId);
      g = byId[idk];
      if (!g && tKey !== "" && byText[tKey] && byText[tKey].id === "") {
        g = byText[tKey];
        g.id = objectiveId;
        byId[idk] = g;
      }
      if (!g) {
        const ex = hasObj(idk);
        // Named and numbered by its trimmed ID ("O1.KR4", not "O1 .KR1"); until session 21 by the spelling.
        g = { key: idk, id: ex ? existingObj[idk].trim() : objectiveId, typed: ex ? existingObj[idk] : undefined, existing: ex, sourceRow: rowNo, fields: {}, firstOwner: owner, krs: [] };
        groups.push(g);
        byId[idk] = g;
        takenObj[idk] = true;
      }
    } else {
      g = byText[tKey];
      if (!g) {
        g = { key: tKey, id: "", existing: false, sourceRow: rowNo, fields: {}, firstOwner: owner, krs: [] };
        groups.push(g);
      }
    }
    if (tKey !== "" && !byText[tKey]) byText[tKey] = g;

    const fieldValues: [keyof Group["fields"], string, (s: string) => string][] = [
      ["objective", objectiveText, textKey],
      // One person however each row writes them (`Anna Lee <anna@…>` and `anna@…` agree): core/owners.ts.
      ["objective_owner", get("objective_owner"), ownersKey],
      ["type", type, (s) => s],
      ["team", get("team"), (s) => s],
      ["parent_objective_id", get("parent_objective_id"), lowerKey],
      ["pnl_link", pnl, (s) => s],
    ];
    for (const [field, value, norm] of fieldValues) {
      if (value === "") continue;
      const prev = g.fields[field];
      if (!prev) g.fields[field] = { value, row: rowNo };
      else if (norm(prev.value) !== norm(value)) {
        err(rowNo, `Conflicting ${field} for objective ${g.id || quote(g.fields.objective?.value ?? objectiveText)}: row ${prev.row} says ${quote(prev.value)}, this row says ${quote(value)}.`);
      }
    }
    if (get("parent_objective_id") !== "") parents.push({ row: rowNo, id: get("parent_objective_id") });

    g.krs.push({
      sourceRow: rowNo,
      id: krId,
      objectiveId: "",
      title,
      owner,
      metric: metric as Metric,
      unit: get("unit"),
      start: start.ok ? start.value : null,
      target: target.ok ? target.value : null,
      weight: weight.ok ? weight.value : null,
      countsFrom,
    });
  }

  if (dataRows === 0) err(headerRow, "The file has a header row but no key results below it.");
  // Every row imported before: one line, not one per row.
  if (again > 1 && again === dataRows) return { ok: false, errors: [{ row: errors[0].row, reason: `${errors[0].reason}, as is every row: it was imported before.` }] };
  for (const g of groups) {
    if (!g.existing && !g.fields.objective) err(g.sourceRow, `objective is blank for the new objective ${g.id}.`);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  // Generate IDs.
  let n = 1;
  for (const g of groups) {
    if (g.id !== "") continue;
    while (takenObj[lowerKey(`O${n}`)]) n++;
    g.id = `O${n}`;
    takenObj[lowerKey(g.id)] = true;
  }
  for (const k of Object.keys(fileKrIds)) takenKr[k] = true;
  const objectives: ImportObjective[] = [];
  const keyResults: ImportKeyResult[] = [];
  for (const g of groups) {
    let k = 1;
    for (const kr of g.krs) {
      kr.objectiveId = g.typed ?? g.id;
      if (kr.id === "") {
        while (takenKr[lowerKey(`${g.id}.KR${k}`)]) k++;
        kr.id = `${g.id}.KR${k}`;
        takenKr[lowerKey(kr.id)] = true;
      }
    }
    if (g.existing) {
      // "Its other columns … ignored" only when the file gave some (an objective's text, owner, type…): a file
      // adding a KR by objective_id alone gave none, and the line had a team look for what was lost.
      const ignored = Object.keys(g.fields).length > 0 ? " and its other columns in the file are ignored" : "";
      warnings.push(`Objective ${g.id} already exists: ${g.krs.length} key result${g.krs.length === 1 ? " is" : "s are"} added to it${ignored}.`);
    } else {
      objectives.push({
        sourceRow: g.sourceRow,
        id: g.id,
        title: g.fields.objective ? g.fields.objective.value : "",
        owner: g.fields.objective_owner ? g.fields.objective_owner.value : g.firstOwner,
        team: g.fields.team ? g.fields.team.value : "",
        parentId: g.fields.parent_objective_id ? g.fields.parent_objective_id.value : "",
        type: (g.fields.type ? g.fields.type.value : "committed") as ObjectiveType,
        pnlLink: (g.fields.pnl_link ? g.fields.pnl_link.value : "none") as PnlLink,
      });
    }
  }
  for (const g of groups) for (const kr of g.krs) keyResults.push(kr);
  keyResults.sort((a, b) => a.sourceRow - b.sourceRow);

  // One warning per parent ID, not per KR row: a team's objectives name the company tracker's (CO1), which
  // this tracker cannot know, so every team import following docs/portfolio.md warned once per KR.
  const unknownParents = new Map<string, { id: string; rows: number[] }>();
  for (const p of parents) {
    if (takenObj[lowerKey(p.id)]) continue;
    const seen = unknownParents.get(lowerKey(p.id));
    if (seen) seen.rows.push(p.row);
    else unknownParents.set(lowerKey(p.id), { id: p.id, rows: [p.row] });
  }
  for (const { id, rows } of unknownParents.values()) {
    const where = `${rows.length === 1 ? "Row" : "Rows"} ${andList(rows.map(String))}`;
    warnings.push(`${where}: parent_objective_id ${id} is not an objective in the tracker or the file (fine if it is the company tracker's: the portfolio roll-up aligns to it; otherwise a typo?).`);
  }
  for (const o of objectives) {
    if (o.parentId !== "" && lowerKey(o.parentId) === lowerKey(o.id)) warnings.push(`Objective ${o.id} is its own parent.`);
  }
  // Start and target the wrong way round for the metric (a rework rate "decrease" typed 4 → 8, columns
  // swapped) score every step the wrong way all cycle; the add-on cannot tell which of the two is wrong,
  // so it warns, as the roll over does for a carried start past its target. Its values in the KR's unit, at its
  // decimals and in the locale (82%, 1.234,50 €), as the roll over's and the summary's (session 22; bare before: 82, 1234.5).
  const sep = numberStyleFor(existing.locale || "en_US");
  for (const k of keyResults) {
    const num = (x: number) => valueWithUnit(roundedText(x, valueDigits(k), sep), k.unit, sep);
    const up = k.metric === "increase";
    if (!(up || k.metric === "decrease") || k.start === null || k.target === null || k.start === k.target) continue;
    if (up === k.start < k.target) continue;
    warnings.push(
      `Row ${k.sourceRow}: ${k.id} is "${k.metric}" but its target (${num(k.target)}) is ${up ? "below" : "above"} its start (${num(k.start)}), so it would score a ${up ? "fall" : "rise"} as progress; ` +
        `swap start and target, or make the metric "${up ? "decrease" : "increase"}".`,
    );
  }
  return { ok: true, objectives, keyResults, warnings };
}

// Random OKR import tables for the import fuzz tests: a valid model of objectives and key results is
// rendered as a table (shuffled columns, header spelling variants, interleaved rows, blank lines,
// unknown columns, hostile but legal text), optionally with a few corruptions that the spec says must
// refuse the whole import. The expected plan is derived from the model by the rules of docs/cli.md
// "OKR import CSV" and the decisions listed in src/core/importRows.ts, without calling planImport.
import fc from "fast-check";
import type { ImportKeyResult, ImportObjective } from "../../src/core/importRows";
import { caseVariant, givenId, krNumbers, METRICS, metricSpelling, OPTIONAL, REQUIRED, rowNoIn, spelled, textCell, weightCell, type Existing, type ModelKr, type ModelObjective, type NumCell } from "./importCells";
import { corrupt } from "./importCorruptions";

export { METRICS, type Existing };

// What the import must plan: the plan's own row types (the values are derived here independently).
export type ExpectedObjective = ImportObjective;
export type ExpectedKr = ImportKeyResult;

export interface ImportCase {
  existing: Existing;
  /** The table as a tab holds it (numbers may be numbers); `asCsvText` gives the CSV's strings. */
  table: unknown[][];
  /** Empty: the import must succeed with `expected`. Otherwise rows (1-based) of which at least one must be reported. */
  corruptRows: number[];
  corruptions: string[];
  expected: { objectives: ExpectedObjective[]; keyResults: ExpectedKr[]; unknownColumns: boolean };
}

// ---------------------------------------------------------------------------------------------------

export function importCaseArb(opts: { existing: fc.Arbitrary<Existing>; maxObjectives?: number; corrupt?: boolean; numbersAsText?: boolean }): fc.Arbitrary<ImportCase> {
  return opts.existing.chain((existing) =>
    fc
      .integer({ min: 1, max: opts.maxObjectives ?? 4 })
      .chain((nObj) =>
        fc.record({
          objectives: fc.tuple(
            ...Array.from({ length: nObj }, (_, i) =>
              fc.record({
                idMode: fc.constantFrom("generate", "generate", "given", ...(existing.objectiveIds.length ? ["existing"] : [])),
                given: givenId("Obj"),
                existingPick: fc.nat(),
                existingCase: fc.boolean(),
                title: textCell(`#O${i}`, false),
                owner: fc.oneof(fc.constant(""), fc.constantFrom("lead@x.com", "=evil()", "Ann Boss")),
                type: fc.oneof(fc.constant(""), caseVariant("committed"), caseVariant("aspirational")),
                team: fc.oneof(fc.constant(""), fc.constantFrom("Ops", "+Team", "<i>team</i>")),
                parent: fc.oneof(fc.constant(""), fc.constantFrom("O1", "Obj parent", "Z9")),
                pnl: fc.oneof(fc.constant(""), caseVariant("revenue"), caseVariant("cost"), fc.constant("NONE")),
                krs: fc.integer({ min: 1, max: 4 }),
              }),
            ),
          ),
        }),
      )
      .chain(({ objectives: objSpecs }) => {
        const objectives: ModelObjective[] = objSpecs.map((o, i) => {
          const ex = o.idMode === "existing" ? existing.objectiveIds[o.existingPick % existing.objectiveIds.length] : null;
          return {
            id: ex ? (o.existingCase ? ex.toLowerCase() : ex) : o.idMode === "given" ? `${o.given}${i}` : "",
            existing: ex,
            title: o.title,
            owner: o.owner,
            type: o.type,
            team: o.team,
            parent: o.parent,
            pnl: o.pnl,
          };
        });
        const krSlots = objSpecs.flatMap((o, i) => Array.from({ length: o.krs }, () => i));
        return fc.record({
          objectives: fc.constant(objectives),
          krs: fc.tuple(
            ...krSlots.map((obj, j) =>
              fc.record({
                obj: fc.constant(obj),
                id: fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 1, arbitrary: givenId("KR").map((s) => `${s}${j}`) }),
                title: textCell(`#K${j}`, false),
                longTitle: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
                owner: textCell(`@${j}`, false),
                numbers: krNumbers,
                metricSpelling: fc.nat(),
                unit: fc.oneof(fc.constant({ cell: "", value: "" }), textCell(`u${j}`, false)) as fc.Arbitrary<{ cell: string; value: string }>,
                weight: weightCell,
              }),
            ),
          ),
          rowOrder: fc.shuffledSubarray(krSlots.map((_, j) => j), { minLength: krSlots.length, maxLength: krSlots.length }),
          objFieldMask: fc.array(fc.boolean(), { minLength: krSlots.length * 6, maxLength: krSlots.length * 6 }),
          titleVariants: fc.array(fc.constantFrom("same", "upper", "spaces"), { minLength: krSlots.length, maxLength: krSlots.length }),
          columnOrder: fc.shuffledSubarray([...REQUIRED, ...OPTIONAL, "notes", "Comment "], { minLength: 17, maxLength: 17 }),
          includeOptional: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: OPTIONAL.length, maxLength: OPTIONAL.length }),
          includeUnknown: fc.tuple(fc.boolean(), fc.boolean()),
          headerSpellings: fc.tuple(...[...REQUIRED, ...OPTIONAL].map((c) => spelled(c))),
          bom: fc.boolean(),
          blankRowsAt: fc.array(fc.nat(), { maxLength: 3 }),
          unknownJunk: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("=1/0", "<x>", "")), { minLength: krSlots.length, maxLength: krSlots.length }),
          corruptions: opts.corrupt === false ? fc.constant([] as [number, number, number][]) : fc.oneof(
            { weight: 1, arbitrary: fc.constant([] as [number, number, number][]) },
            { weight: 2, arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }) },
          ),
        }).map((m) => build(existing, m, opts.numbersAsText ?? false));
      }),
  );
}

// ---------------------------------------------------------------------------------------------------

interface Drawn {
  objectives: ModelObjective[];
  krs: {
    obj: number;
    id: string;
    title: { cell: string; value: string };
    longTitle: boolean;
    owner: { cell: string; value: string };
    numbers: { metric: (typeof METRICS)[number]; start: NumCell; target: NumCell };
    metricSpelling: number;
    unit: { cell: string; value: string };
    weight: NumCell;
  }[];
  rowOrder: number[];
  objFieldMask: boolean[];
  titleVariants: string[];
  columnOrder: string[];
  includeOptional: number[];
  includeUnknown: [boolean, boolean];
  headerSpellings: string[];
  bom: boolean;
  blankRowsAt: number[];
  unknownJunk: string[];
  corruptions: [number, number, number][];
}

const lower = (s: string) => s.toLowerCase();

function build(existing: Existing, d: Drawn, numbersAsText: boolean): ImportCase {
  const krs: ModelKr[] = d.krs.map((k) => ({
    obj: k.obj,
    id: k.id,
    title: k.longTitle ? { cell: "T".repeat(2000), value: "T".repeat(2000) } : k.title,
    owner: k.owner,
    metricCell: metricSpelling(k.numbers.metric, k.metricSpelling),
    metric: k.numbers.metric,
    unit: k.unit,
    start: k.numbers.start,
    target: k.numbers.target,
    weight: k.weight,
  }));
  // Distinct given KR IDs (case-insensitive), never an existing one.
  const takenKr = new Set(existing.krIds.map(lower));
  for (const k of krs) {
    if (k.id === "") continue;
    if (takenKr.has(lower(k.id))) k.id = "";
    else takenKr.add(lower(k.id));
  }
  // Distinct given objective IDs; a given (non-existing) ID must not be an existing one.
  const takenObj = new Set(existing.objectiveIds.map(lower));
  for (const o of d.objectives) {
    if (o.id === "" || o.existing) continue;
    if (takenObj.has(lower(o.id))) o.id = "";
    else takenObj.add(lower(o.id));
  }
  // Two rows may name the same existing objective: they merge into one, which is fine; different
  // objectives sharing an existing ID would merge too, so the second becomes a generated one.
  const seenExisting = new Set<string>();
  for (const o of d.objectives) {
    if (!o.existing) continue;
    if (seenExisting.has(o.existing)) {
      o.existing = null;
      o.id = "";
    } else seenExisting.add(o.existing);
  }

  const order = d.rowOrder.map((j) => krs[j]);
  // Which columns: required always; optional when needed or drawn; unknown when drawn.
  const needs = new Set<string>();
  if (d.objectives.some((o) => o.id !== "")) needs.add("objective_id");
  if (krs.some((k) => k.id !== "")) needs.add("kr_id");
  const columns = d.columnOrder.filter((c) => {
    if ((REQUIRED as readonly string[]).includes(c)) return true;
    if (c === "notes") return d.includeUnknown[0];
    if (c === "Comment ") return d.includeUnknown[1];
    return needs.has(c) || d.includeOptional[OPTIONAL.indexOf(c as (typeof OPTIONAL)[number])] >= 4;
  });
  const has = (c: string) => columns.includes(c);
  const header = columns.map((c) => {
    const i = [...REQUIRED, ...OPTIONAL].indexOf(c as never);
    return i >= 0 ? d.headerSpellings[i] : c;
  });
  if (d.bom) header[0] = "\ufeff" + String(header[0]).trimStart();

  // Objective-level cells per row: given on the objective's first row, blank or repeated later.
  const firstRowOf = new Map<number, number>();
  const rows: Record<string, unknown>[] = order.map((k, r) => {
    const o = d.objectives[k.obj];
    const first = !firstRowOf.has(k.obj);
    if (first) firstRowOf.set(k.obj, r);
    const mask = (f: number) => first || d.objFieldMask[r * 6 + f];
    const variant = d.titleVariants[r];
    const t = o.title.cell;
    // Later rows may spell the objective differently in case and spacing (the same objective).
    const titleCell =
      variant === "upper" && t.toUpperCase().toLowerCase() === t.toLowerCase() ? t.toUpperCase() : variant === "spaces" ? " " + t.replace(/ /g, "  ") + " " : t;
    // A new objective without an ID needs its text on every row; with an ID, on its first row at least.
    const titleGiven = first || (o.id === "" && !o.existing) || mask(0);
    const row: Record<string, unknown> = {
      objective: titleGiven ? (first ? t : titleCell) : "",
      objective_id: o.id,
      kr_id: k.id,
      key_result: k.title.cell,
      owner: k.owner.cell,
      metric: k.metricCell,
      start: k.start.cell,
      target: k.target.cell,
      weight: has("weight") ? k.weight.cell : "",
      unit: has("unit") ? k.unit.cell : "",
      objective_owner: has("objective_owner") && mask(1) ? o.owner : "",
      type: has("type") && mask(2) ? o.type : "",
      team: has("team") && mask(3) ? o.team : "",
      parent_objective_id: has("parent_objective_id") && mask(4) ? o.parent : "",
      pnl_link: has("pnl_link") && mask(5) ? o.pnl : "",
      notes: d.unknownJunk[r],
      "Comment ": d.unknownJunk[r].toUpperCase(),
    };
    return row;
  });

  let table: unknown[][] = [header, ...rows.map((row) => columns.map((c) => row[c]))];
  if (numbersAsText) table = table.map((r) => r.map((c) => (typeof c === "number" ? String(c) : c)));
  // Blank lines between rows (counted in row numbers).
  const blanks = [...d.blankRowsAt].sort((a, b) => b - a);
  for (const b of blanks) {
    const at = 1 + (b % table.length);
    table.splice(at, 0, b % 2 ? [] : columns.map(() => ""));
  }
  const rowNoOf = (r: number) => rowNoIn(table, r);

  // The expected plan.
  const objOrder: number[] = [];
  for (const k of order) if (!objOrder.includes(k.obj)) objOrder.push(k.obj);
  const taken = new Set([...existing.objectiveIds.map(lower), ...d.objectives.filter((o) => o.id !== "").map((o) => lower(o.id))]);
  const finalId = new Map<number, string>();
  let n = 1;
  for (const i of objOrder) {
    const o = d.objectives[i];
    if (o.existing) finalId.set(i, o.existing);
    else if (o.id !== "") finalId.set(i, o.id);
    else {
      while (taken.has(lower(`O${n}`))) n++;
      finalId.set(i, `O${n}`);
      taken.add(lower(`O${n}`));
    }
  }
  const firstNonBlank = (i: number, key: string, f: (s: string) => string = (s) => s) => {
    for (let r = 0; r < rows.length; r++) {
      const v = String(rows[r][key]).trim();
      if (order[r].obj === i && v !== "") return f(v);
    }
    return "";
  };
  const objectives: ExpectedObjective[] = objOrder
    .filter((i) => !d.objectives[i].existing)
    .map((i) => ({
      sourceRow: rowNoOf(firstRowOf.get(i)!),
      id: finalId.get(i)!,
      title: firstNonBlank(i, "objective"),
      owner: firstNonBlank(i, "objective_owner") || order[firstRowOf.get(i)!].owner.value,
      team: firstNonBlank(i, "team"),
      parentId: firstNonBlank(i, "parent_objective_id"),
      type: (firstNonBlank(i, "type", lower) || "committed") as ExpectedObjective["type"],
      pnlLink: (firstNonBlank(i, "pnl_link", lower) || "none") as ExpectedObjective["pnlLink"],
    }));
  const takenKrAll = new Set([...existing.krIds.map(lower), ...krs.filter((k) => k.id !== "").map((k) => lower(k.id))]);
  const krId = new Map<ModelKr, string>();
  for (const i of objOrder) {
    let k = 1;
    for (const kr of order.filter((x) => x.obj === i)) {
      if (kr.id !== "") krId.set(kr, kr.id);
      else {
        while (takenKrAll.has(lower(`${finalId.get(i)}.KR${k}`))) k++;
        krId.set(kr, `${finalId.get(i)}.KR${k}`);
        takenKrAll.add(lower(`${finalId.get(i)}.KR${k}`));
      }
    }
  }
  const keyResults: ExpectedKr[] = order.map((k, r) => ({
    sourceRow: rowNoOf(r),
    id: krId.get(k)!,
    objectiveId: finalId.get(k.obj)!,
    title: k.title.value,
    owner: k.owner.value,
    metric: k.metric,
    unit: has("unit") ? k.unit.value : "",
    start: k.start.value,
    target: k.target.value,
    weight: has("weight") ? k.weight.value : null,
    // The model renders no counts_from column (test/core/importCountsFrom.test.ts checks it).
    countsFrom: null,
  }));

  // Corruptions: each names the rows of which at least one must be reported.
  const c = corrupt(table, columns, order, d.objectives, existing, d.corruptions);
  return {
    existing,
    table: c.table,
    corruptRows: c.corruptRows,
    corruptions: c.corruptions,
    expected: { objectives, keyResults, unknownColumns: columns.includes("notes") || columns.includes("Comment ") },
  };
}

/** The table as CSV text would carry it: every cell a string. */
export function asCsvText(table: unknown[][]): string[][] {
  return table.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
}

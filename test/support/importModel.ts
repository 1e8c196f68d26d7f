// Random OKR import tables for the import fuzz tests: a valid model of objectives and key results is
// rendered as a table (shuffled columns, header spelling variants, interleaved rows, blank lines,
// unknown columns, hostile but legal text), optionally with a few corruptions that the spec says must
// refuse the whole import. The expected plan is derived from the model by the rules of docs/cli.md
// "OKR import CSV" and the decisions listed in src/core/importRows.ts, without calling planImport.
import fc from "fast-check";
import type { ImportKeyResult, ImportObjective } from "../../src/core/importRows";

export const METRICS = ["increase", "decrease", "stay_above", "stay_below", "milestone"] as const;

// What the import must plan: the plan's own row types (the values are derived here independently).
export type ExpectedObjective = ImportObjective;
export type ExpectedKr = ImportKeyResult;

export interface Existing {
  objectiveIds: string[];
  krIds: string[];
}

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

/** Text that is legal in any text cell but hostile to spreadsheets, HTML or CSV. */
const hostilePrefix = fc.oneof(
  fc.constantFrom(
    "Plain words", "=1+1", "+44 7700", "-minus", "@mention", "=HYPERLINK(\"http://x\",\"y\")", "'quoted", "<b>bold</b>",
    "<script>alert(1)</script>", "a,b,c", "say \"hi\"", "line1\nline2", "tab\there", "Ünïcödé ✓ 数字", "😀 emoji", "\u202eRTL",
    "TRUE", "42", "007", "2026-01-05", "1/2/2026", "50%", "#N/A", "semi;colon", "back\\slash", "\r\ncrlf",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
);
const pad = fc.constantFrom("", "", "", " ", "  ", "\t");

/** A text cell: hostile prefix + a unique tag (so objective texts never collide), padded; expected = trimmed. */
function textCell(tag: string, long: boolean) {
  return fc.tuple(pad, hostilePrefix, pad).map(([a, p, b]) => {
    const body = long ? "L".repeat(2000 - tag.length - 1) + " " + tag : `${p} ${tag}`;
    return { cell: `${a}${body}${b}`, value: `${a}${body}${b}`.trim() };
  });
}

interface NumCell {
  cell: unknown;
  value: number | null;
}

/** A number as a user types it: "12", "+3.50", "-0", ".5", "7.", " 4 ", or a number cell. */
const numCell: fc.Arbitrary<NumCell> = fc
  .record({
    sign: fc.constantFrom("", "", "+", "-"),
    int: fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.constantFrom("0", "1000000000000000", "999999999999999")),
    frac: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9]{0,4}$/)),
    asNumber: fc.boolean(),
    padded: fc.boolean(),
  })
  .filter(({ int, frac }) => Math.abs(Number(`${int}.${frac ?? ""}`)) <= 1e15)
  .map(({ sign, int, frac, asNumber, padded }) => {
    const s = `${sign}${int}${frac === null ? "" : "." + frac}`;
    const v = Number(s);
    const value = v === 0 ? 0 : v;
    return { cell: asNumber ? value : padded ? ` ${s} ` : s, value };
  });
const blankCell: fc.Arbitrary<NumCell> = fc.constantFrom({ cell: "", value: null }, { cell: "  ", value: null });

type KrNumbers = { metric: (typeof METRICS)[number]; start: NumCell; target: NumCell };
const krNumbers: fc.Arbitrary<KrNumbers> = fc.constantFrom(...METRICS).chain((metric): fc.Arbitrary<KrNumbers> => {
  switch (metric) {
    case "increase":
    case "decrease":
      return fc.tuple(numCell, numCell).filter(([a, b]) => a.value !== b.value).map(([start, target]) => ({ metric, start, target }));
    case "stay_above":
    case "stay_below":
      return fc.record({ metric: fc.constant(metric), start: fc.oneof(numCell, blankCell), target: numCell });
    default:
      return fc.record({ metric: fc.constant(metric), start: fc.oneof(numCell, blankCell), target: fc.oneof(numCell, blankCell) });
  }
});

const weightCell = fc.oneof(
  blankCell,
  numCell.filter((n) => (n.value as number) >= 0),
  fc.constantFrom<NumCell>({ cell: "0", value: 0 }, { cell: 2, value: 2 }, { cell: "0.5", value: 0.5 }),
);

/** Case and separator variants: "Stay above", "STAY-ABOVE", " stay_above ". */
function spelled(canonical: string) {
  return fc.record({ sep: fc.constantFrom("_", " ", "-", "  ", " - "), upper: fc.constantFrom("lower", "upper", "title"), pad }).map(({ sep, upper, pad: p }) => {
    let s = canonical.replace(/_/g, sep);
    if (upper === "upper") s = s.toUpperCase();
    if (upper === "title") s = s.replace(/(^|[ _-])([a-z])/g, (m, a: string, c: string) => a + c.toUpperCase());
    return p + s + p;
  });
}
const caseVariant = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.charAt(0).toUpperCase() + s.slice(1), ` ${s} `);

const ID_CHARS = fc.constantFrom(..."abcXYZ019._-/ ".split(""));
const givenId = (prefix: string) => fc.tuple(fc.constantFrom("", "x", "Team ", "T."), fc.array(ID_CHARS, { maxLength: 6 })).map(([a, cs]) => `${prefix}${a}${cs.join("")}`.trim());

// ---------------------------------------------------------------------------------------------------

interface ModelKr {
  obj: number;
  id: string; // "" = generate
  title: { cell: string; value: string };
  owner: { cell: string; value: string };
  metricCell: string;
  metric: (typeof METRICS)[number];
  unit: { cell: string; value: string };
  start: NumCell;
  target: NumCell;
  weight: NumCell;
}

interface ModelObjective {
  id: string; // "" = generate; else given (maybe an existing ID in another case)
  existing: string | null; // the tracker's spelling when the ID already exists
  title: { cell: string; value: string };
  owner: string;
  type: string; // as typed, "" = default
  team: string;
  parent: string;
  pnl: string;
}

const OPTIONAL = ["objective_id", "kr_id", "objective_owner", "type", "unit", "weight", "team", "parent_objective_id", "pnl_link"] as const;
const REQUIRED = ["objective", "key_result", "owner", "metric", "start", "target"] as const;

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
  const rowNoOf = (r: number) => {
    let seen = -1;
    for (let i = 1; i < table.length; i++) {
      if (table[i].some((c) => String(c ?? "").trim() !== "")) seen++;
      if (seen === r) return i + 1;
    }
    throw new Error("row not found");
  };

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
  }));

  // Corruptions: each names the rows of which at least one must be reported.
  const corruptRows = new Set<number>();
  const corruptions: string[] = [];
  const colOf = (c: string) => columns.indexOf(c);
  const dataRowIdx = (r: number) => rowNoOf(r) - 1;
  const setCell = (r: number, c: string, v: unknown) => {
    const i = colOf(c);
    if (i < 0) return false;
    const row = table[dataRowIdx(r)];
    while (row.length < columns.length) row.push("");
    row[i] = v;
    return true;
  };
  const rowsOfObjective = (obj: number) => order.map((x, i) => (x.obj === obj ? rowNoOf(i) : -1)).filter((i) => i > 0);
  for (const [kind, a, b] of d.corruptions) {
    const r = a % order.length;
    const rowNo = rowNoOf(r);
    const k = order[r];
    const o = d.objectives[k.obj];
    const note = (what: string, rowsHit: number[]) => {
      corruptions.push(`${what} (row${rowsHit.length > 1 ? "s" : ""} ${rowsHit.join(", ")})`);
      rowsHit.forEach((x) => corruptRows.add(x));
    };
    /** A bad row; when it is a row of a new objective with a given ID, the objective may be left without
     * its text (reported on another of its rows), so any of its rows may be named. */
    const badRow = (what: string) => note(what, o.id !== "" && !o.existing ? rowsOfObjective(k.obj) : [rowNo]);
    const pick = <T,>(xs: T[]) => xs[b % xs.length];
    let stop = false;
    switch (kind % 16) {
      case 0: if (setCell(r, "metric", pick(["sideways", "", "increase decrease", "stay__above", "=increase"]))) badRow("bad metric"); break;
      case 1: if (setCell(r, "start", pick<unknown>(["abc", "1,500", "1e3", "NaN", "Infinity", "-Infinity", "1 000", "0x1F", "١٢", "--1", "1.2.3", "9999999999999999", NaN, Infinity, 1e16, -1e300]))) badRow("bad start"); break;
      case 2: if (setCell(r, "target", pick<unknown>(["ten", "5,000", "2E2", "∞", "1/2", "$5", "5%", NaN, -Infinity, 1e308]))) badRow("bad target"); break;
      case 3: if (setCell(r, "weight", pick<unknown>(["-1", -0.5, "heavy", "1e1", NaN]))) badRow("bad weight"); break;
      case 4: if (setCell(r, "key_result", pick(["", "   ", "\t"]))) badRow("blank key_result"); break;
      case 5: if (setCell(r, "owner", pick(["", "  "]))) badRow("blank owner"); break;
      case 6: if (setCell(r, "kr_id", pick(["9lives", "a*b", "=A1", "x".repeat(65), "K?1", "<b>", "K~1", "Ω1"]))) badRow("bad kr_id"); break;
      case 7: if (setCell(r, "type", pick(["stretch", "commited", "both"]))) badRow("bad type"); break;
      case 8: if (setCell(r, "pnl_link", pick(["profit", "yes", "n/a"]))) badRow("bad pnl_link"); break;
      case 9: {
        const c = pick(["key_result", "owner", "unit", "team", "objective_owner"]);
        if (setCell(r, c, " " + "w".repeat(2001))) badRow(`over-long ${c}`);
        break;
      }
      case 10: {
        // start = target on an increase/decrease row, a missing start or target where one is needed.
        if (k.metric === "increase" || k.metric === "decrease") {
          const how = b % 3;
          if (how === 0 && setCell(r, "start", k.target.cell)) badRow("start = target");
          if (how === 1 && setCell(r, "start", "")) badRow("blank start");
          if (how === 2 && setCell(r, "target", " ")) badRow("blank target");
        } else if (k.metric === "stay_above" || k.metric === "stay_below") {
          if (setCell(r, "target", "")) badRow("stay without target");
        }
        break;
      }
      case 11: {
        // A kr_id already in the tracker, or the same kr_id (in another case) on two rows.
        if (!has("kr_id")) break;
        const other = (r + 1 + (b % Math.max(1, order.length - 1))) % order.length;
        if (existing.krIds.length && b % 2) {
          setCell(r, "kr_id", existing.krIds[b % existing.krIds.length].toLowerCase());
          badRow("existing kr_id");
        } else if (other !== r) {
          setCell(r, "kr_id", `Dup ${a}`);
          setCell(other, "kr_id", `DUP ${a}`);
          const later = rowNo > rowNoOf(other) ? r : other;
          const lo = d.objectives[order[later].obj];
          note("duplicate kr_id", lo.id !== "" && !lo.existing ? rowsOfObjective(order[later].obj) : [rowNoOf(later)]);
        }
        break;
      }
      case 12: {
        // Conflicting objective-level values on two rows of one objective.
        const same = order.map((x, i) => (x.obj === k.obj ? i : -1)).filter((i) => i >= 0);
        if (same.length < 2 || !has("type")) break;
        setCell(same[0], "type", "committed");
        setCell(same[same.length - 1], "type", "Aspirational");
        note("conflicting type", same.slice(1).map(rowNoOf));
        break;
      }
      case 13: {
        // Header problems: a required column missing, or a column twice.
        const c = pick([...REQUIRED]);
        const i = colOf(c);
        if (a % 2) {
          table = table.map((row) => row.filter((_, j) => j !== i));
          columns.splice(i, 1);
          note(`missing column ${c}`, [1]);
        } else {
          table[0] = [...table[0], c.toUpperCase().replace("_", " ")];
          note(`column ${c} twice`, [1]);
        }
        stop = true;
        break;
      }
      case 14: {
        // No data rows at all, or no header.
        // (With a blank first row the header is the first non-blank row: here a data row, so the
        // required columns are reported missing on that row.)
        if (b % 2) table = [table[0], [], columns.map(() => " ")];
        else table = [columns.map(() => ""), ...table.slice(1)];
        const headerRow = 1 + table.findIndex((row) => row.some((c) => String(c ?? "").trim() !== ""));
        note(b % 2 ? "header only" : "blank header", [headerRow]);
        stop = true;
        break;
      }
      case 15: {
        if (o.id === "" && !o.existing) {
          if (setCell(r, "objective", pick(["", "   "]))) badRow("blank objective");
        } else if (!o.existing && setCell(r, "objective_id", pick(["1st", "O*", "=O1", "O1?", "a".repeat(65)]))) {
          badRow("bad objective_id");
        }
        break;
      }
    }
    if (stop) break;
  }
  return {
    existing,
    table,
    corruptRows: [...corruptRows].sort((x, y) => x - y),
    corruptions,
    expected: { objectives, keyResults, unknownColumns: columns.includes("notes") || columns.includes("Comment ") },
  };
}

function metricSpelling(metric: string, n: number): string {
  const variants = [metric, metric.toUpperCase(), ` ${metric} `, metric.replace(/_/g, " "), metric.replace(/_/g, "-"), metric.charAt(0).toUpperCase() + metric.slice(1).replace(/_/g, " ")];
  return variants[n % variants.length];
}

/** The table as CSV text would carry it: every cell a string. */
export function asCsvText(table: unknown[][]): string[][] {
  return table.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
}

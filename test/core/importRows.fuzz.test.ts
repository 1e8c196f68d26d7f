// Fuzzing the OKR import plan (src/core/importRows.ts planImport): all or nothing.
// 1. Model-based: a random valid OKR set rendered as a table (shuffled and misspelt headers, interleaved
//    rows, blank lines, unknown columns, hostile text), sometimes with corruptions. Valid → the plan is
//    exactly the model (IDs generated as the spec says). Corrupted → refused, and every reported row is
//    one of the corrupted rows (no valid row is blamed).
// 2. Arbitrary cells: never throws; a refusal lists sorted rows within the table with reasons; an
//    accepted plan has exactly one key result per non-blank data row, equal to that row's cells.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import { ID_RE, IMPORT_OPTIONAL, IMPORT_REQUIRED, planImport } from "../../src/core/importRows";
import { asCsvText, importCaseArb, METRICS, type Existing } from "../support/importModel";

const existingArb: fc.Arbitrary<Existing> = fc.record({
  objectiveIds: fc.subarray(["O1", "O2", "O3", "Ops-1"]),
  krIds: fc.subarray(["O1.KR1", "O1.KR2", "O2.KR1", "O4.KR1", "Ops-1.KR1"]),
});

function checkCase(c: ReturnType<typeof importCaseArb> extends fc.Arbitrary<infer T> ? T : never) {
  const plan = planImport(c.table, c.existing);
  const label = `corruptions: ${c.corruptions.join("; ") || "none"}\ntable: ${JSON.stringify(c.table).slice(0, 1500)}\nplan: ${JSON.stringify(plan).slice(0, 1500)}`;
  if (c.corruptRows.length === 0) {
    expect(plan.ok, label).toBe(true);
    if (!plan.ok) return;
    expect(plan.objectives, label).toEqual(c.expected.objectives);
    expect(plan.keyResults, label).toEqual(c.expected.keyResults);
    expect(plan.warnings.some((w) => /^Ignored unknown column/.test(w)), label).toBe(c.expected.unknownColumns);
    return;
  }
  expect(plan.ok, label).toBe(false);
  if (plan.ok) return;
  expect(plan.errors.length, label).toBeGreaterThan(0);
  const rows = plan.errors.map((e) => e.row);
  expect(rows, label).toEqual([...rows].sort((a, b) => a - b));
  for (const e of plan.errors) {
    expect(c.corruptRows, `${label}\nreported: row ${e.row}: ${e.reason}`).toContain(e.row);
    expect(e.reason.trim().length, label).toBeGreaterThan(5);
  }
}

describe("planImport on generated OKR tables", () => {
  it("a valid table gives exactly the model; a corrupted one is refused naming only corrupted rows (cells as a tab holds them)", () => {
    const seen = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(importCaseArb({ existing: existingArb }), (c) => {
        seen[c.corruptRows.length ? "refused" : "ok"]++;
        checkCase(c);
      }),
      { numRuns: 400 },
    );
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it("the same with every cell as CSV text", () => {
    fc.assert(
      fc.property(importCaseArb({ existing: existingArb, numbersAsText: true }), (c) => checkCase({ ...c, table: asCsvText(c.table) })),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------

const KNOWN = [...IMPORT_REQUIRED, ...IMPORT_OPTIONAL] as string[];
const text = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v).trim());

const anyCell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", " ", "=1+1", "<b>", "1e3", "NaN", "-0", "+5", ".5", "5.", "1,5", "TRUE", "\u0000", "x".repeat(2001)),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0, 1e16, 1e15),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
function cellFor(col: string) {
  switch (col) {
    case "metric":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...METRICS, "Stay Above", "MILESTONE") }, { weight: 1, arbitrary: anyCell });
    case "start":
    case "target":
    case "weight":
      return fc.oneof({ weight: 12, arbitrary: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 99 }).map(String), fc.constant("")) }, { weight: 1, arbitrary: anyCell });
    case "objective_id":
    case "kr_id":
    case "parent_objective_id":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom("", "", "O1", "O2", "Ops", "K1", "k1", "O1.KR1") }, { weight: 1, arbitrary: anyCell });
    case "type":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom("", "committed", "Aspirational") }, { weight: 1, arbitrary: anyCell });
    case "pnl_link":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom("", "none", "Cost") }, { weight: 1, arbitrary: anyCell });
    case "objective":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom("Grow", "grow", "Ship", "=SUM(1)") }, { weight: 1, arbitrary: anyCell });
    case "counts_from":
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom("", "", "2026-02-16", "16.02.2026", "2026/02/16") }, { weight: 1, arbitrary: anyCell });
    default:
      return fc.oneof({ weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: anyCell });
  }
}

const arbitraryTable = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.subarray([...IMPORT_OPTIONAL, "notes"]).chain((opt) => fc.shuffledSubarray([...IMPORT_REQUIRED, ...opt], { minLength: IMPORT_REQUIRED.length + opt.length })) },
      { weight: 1, arbitrary: fc.shuffledSubarray([...KNOWN, "notes", "Key Result", " OWNER "], { minLength: 1 }) },
    ),
    fc.integer({ min: 0, max: 5 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .chain(([cols, nRows, weirdRows]) =>
    fc.tuple(
      fc.constant(cols as unknown[]),
      fc.array(
        weirdRows
          ? fc.oneof(fc.tuple(...cols.map(cellFor)) as fc.Arbitrary<unknown>, fc.constantFrom(null, "row", [], [""], {}))
          : (fc.tuple(...cols.map(cellFor)) as fc.Arbitrary<unknown>),
        { minLength: nRows, maxLength: nRows },
      ),
    ),
  )
  .map(([header, rows]) => [header, ...rows] as unknown[][]);

describe("planImport on arbitrary cells", () => {
  it("never throws; refuses with sorted in-range rows, or plans exactly one key result per non-blank row", () => {
    const seen = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(arbitraryTable, existingArb, (table, existing) => {
        const plan = planImport(table, existing);
        if (!plan.ok) {
          seen.refused++;
          expect(plan.errors.length).toBeGreaterThan(0);
          const rows = plan.errors.map((e) => e.row);
          expect(rows).toEqual([...rows].sort((a, b) => a - b));
          for (const e of plan.errors) {
            expect(e.row).toBeGreaterThanOrEqual(1);
            expect(e.row).toBeLessThanOrEqual(Math.max(1, table.length));
            expect(typeof e.reason).toBe("string");
            expect(e.reason.length).toBeGreaterThan(5);
          }
          return;
        }
        seen.ok++;
        const header = (table[0] as unknown[]).map((h) => text(h).toLowerCase().replace(/[\s-]+/g, "_"));
        const at = (row: unknown[], c: string) => (header.indexOf(c) >= 0 ? row[header.indexOf(c)] : undefined);
        const dataRows = table
          .map((r, i) => ({ r: Array.isArray(r) ? r : [], rowNo: i + 1 }))
          .slice(1)
          .filter(({ r }) => r.some((c) => text(c) !== ""));
        expect(plan.keyResults.map((k) => k.sourceRow)).toEqual(dataRows.map((d) => d.rowNo));
        const objIds = new Set([...existing.objectiveIds, ...plan.objectives.map((o) => o.id)].map((s) => s.toLowerCase()));
        const krIds = new Set<string>();
        for (const [i, k] of plan.keyResults.entries()) {
          const row = dataRows[i].r;
          expect(k.title).toBe(text(at(row, "key_result")));
          expect(k.owner).toBe(text(at(row, "owner")));
          expect(k.title).not.toBe("");
          expect(k.owner).not.toBe("");
          expect(k.unit).toBe(text(at(row, "unit")));
          expect(METRICS).toContain(k.metric);
          for (const [n, c] of [[k.start, "start"], [k.target, "target"], [k.weight, "weight"]] as const) {
            if (n === null) expect(text(at(row, c))).toBe("");
            else {
              expect(Number.isFinite(n) && Math.abs(n) <= 1e15).toBe(true);
              // A decimal comma reads as a point (the check-in's parser); "-0" is 0.
              const typed = Number(text(at(row, c)).replace(",", "."));
              expect(n).toBe(typed === 0 ? 0 : typed);
            }
          }
          if (k.weight !== null) expect(k.weight).toBeGreaterThanOrEqual(0);
          if (k.metric === "increase" || k.metric === "decrease") {
            expect(k.start !== null && k.target !== null && k.start !== k.target).toBe(true);
          }
          expect(ID_RE.test(k.id)).toBe(true);
          expect(krIds.has(k.id.toLowerCase())).toBe(false);
          expect(existing.krIds.map((x) => x.toLowerCase())).not.toContain(k.id.toLowerCase());
          krIds.add(k.id.toLowerCase());
          expect(objIds.has(k.objectiveId.toLowerCase())).toBe(true);
          const givenKr = text(at(row, "kr_id"));
          if (givenKr !== "") expect(k.id).toBe(givenKr);
        }
        for (const o of plan.objectives) {
          expect(o.title).not.toBe("");
          expect(["committed", "aspirational"]).toContain(o.type);
          expect(plan.keyResults.some((k) => k.objectiveId === o.id)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
    expect(seen.ok).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(100);
  });
});

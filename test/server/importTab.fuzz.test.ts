// "Import OKRs from a tab" through the built add-on (dist/Code.js), fed generated OKR tables
// (test/support/importModel.ts): a corrupted table is refused with "Nothing was imported" naming a
// corrupted row, and the workbook is byte-for-byte unchanged; a valid one appends exactly the modelled
// objectives and key results (text read back literally, numbers as numbers) after the rows already
// there, and the sheet formulas find every new key result's objective by its ID.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import type { WorkbookSnapshot } from "../../src/local/snapshot";
import { callAddon, newTracker, openTracker, rowsOf, ss } from "../support/tracker";
import { importCaseArb, type Existing } from "../support/importModel";

const ADMIN = "ops.lead@example.com";
const bases: Record<string, { snapshot: WorkbookSnapshot; existing: Existing }> = {};

beforeAll(() => {
  for (const template of ["blank", "operations"] as const) {
    const wb = newTracker({ template, user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    bases[template] = {
      snapshot: wb.services.toSnapshot(),
      existing: {
        objectiveIds: rowsOf(wb, "Objectives").map((r) => String(r["ID"])).filter(Boolean),
        krIds: rowsOf(wb, "Key Results").map((r) => String(r["ID"])).filter(Boolean),
      },
    };
  }
  expect(bases.operations.existing.objectiveIds).toEqual(["O1", "O2", "O3"]);
  expect(bases.blank.existing.krIds).toEqual([]);
});

/** A cell as a user would have it in a tab: text kept literal (leading apostrophe), numbers as numbers. */
function tabCell(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : "'" + String(v);
  const s = v === null || v === undefined ? "" : String(v);
  return s === "" ? "" : "'" + s;
}

const OBJ_COLS = ["ID", "Objective", "Owner", "Team", "Parent ID", "Type", "P&L link"];
const KR_COLS = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight"];
const pickCols = (rows: Record<string, unknown>[], cols: string[]) =>
  rows.filter((r) => r["ID"] !== "").map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));

describe("importOkrsFromTab under generated tables (built add-on)", () => {
  it("all or nothing: refused and untouched, or exactly the modelled rows appended", () => {
    const seen = { ok: 0, refused: 0 };
    const caseArb = fc.constantFrom("blank", "operations").chain((template) =>
      importCaseArb({ existing: fc.constant(bases[template].existing), maxObjectives: 3 }).map((c) => ({ template, c })),
    );
    fc.assert(
      fc.property(caseArb, ({ template, c }) => {
        const wb = openTracker(bases[template].snapshot, { at: "2026-01-20", user: ADMIN });
        const book = ss(wb);
        const before = { objs: pickCols(rowsOf(wb, "Objectives"), OBJ_COLS), krs: pickCols(rowsOf(wb, "Key Results"), KR_COLS) };
        const width = Math.max(...c.table.map((r) => r.length), 1);
        const tab = book.insertSheet("OKRs to import");
        const grid = c.table.map((r) => Array.from({ length: width }, (_, i) => tabCell(r[i])));
        tab.getRange(1, 1, grid.length, width).setValues(grid);
        const snap = JSON.stringify(wb.services.toSnapshot());
        const sourceValues = JSON.stringify(tab.getDataRange().getValues());

        const r = callAddon(wb, "importOkrsFromTab", { tab: "OKRs to import" });
        const label = `${template}; corruptions: ${c.corruptions.join("; ") || "none"}\n→ ${JSON.stringify(r).slice(0, 600)}\ntable: ${JSON.stringify(c.table).slice(0, 800)}`;
        if (c.corruptRows.length) {
          seen.refused++;
          expect(r.ok, label).toBe(false);
          expect(r.message, label).toMatch(/^Nothing was imported\. row \d+: /);
          expect(r.message, label).not.toMatch(/\.\.$|\.;/);
          const named = Array.from(String(r.message).matchAll(/(?:\. |; )row (\d+): /g), (m) => Number(m[1]));
          expect(named.length, label).toBeGreaterThan(0);
          for (const n of named) expect(c.corruptRows, label).toContain(n);
          expect(JSON.stringify(wb.services.toSnapshot()), label).toBe(snap);
          return;
        }
        seen.ok++;
        expect(r, label).toMatchObject({ ok: true, objectives: c.expected.objectives.length, keyResults: c.expected.keyResults.length });
        const objs = rowsOf(wb, "Objectives");
        const krs = rowsOf(wb, "Key Results");
        expect(pickCols(objs, OBJ_COLS), label).toEqual([
          ...before.objs,
          ...c.expected.objectives.map((o) => ({
            ID: o.id, Objective: o.title, Owner: o.owner, Team: o.team, "Parent ID": o.parentId, Type: o.type, "P&L link": o.pnlLink,
          })),
        ]);
        expect(pickCols(krs, KR_COLS), label).toEqual([
          ...before.krs,
          ...c.expected.keyResults.map((k) => ({
            ID: k.id, "Objective ID": k.objectiveId, "Key result": k.title, Owner: k.owner, Metric: k.metric, Unit: k.unit,
            Start: k.start ?? "", Target: k.target ?? "", Weight: k.weight ?? "",
          })),
        ]);
        // The formulas find each new key result's objective by ID, and score it (no setup error).
        const titleOf = new Map(objs.map((o) => [String(o["ID"]), o["Objective"]]));
        for (const k of c.expected.keyResults) {
          const row = krs.find((x) => x["ID"] === k.id)!;
          expect(row["Objective name"], `${label}\n${k.id}`).toBe(titleOf.get(k.objectiveId));
          expect(typeof row["Score"], `${label}\n${k.id} score ${row["Score"]}`).toBe("number");
          expect(row["Status"], label).toBe("Not started");
        }
        // Objective score = weighted mean of its KRs' scores (weight blank = 1, 0 excluded).
        for (const o of c.expected.objectives) {
          const mine = krs.filter((k) => k["Objective ID"] === o.id);
          const w = (k: Record<string, unknown>) => (k["Weight"] === "" ? 1 : (k["Weight"] as number));
          const total = mine.reduce((s, k) => s + w(k), 0);
          const score = objs.find((x) => x["ID"] === o.id)!["Score"];
          if (total > 0) expect(score as number, `${label}\n${o.id}`).toBeCloseTo(mine.reduce((s, k) => s + w(k) * (k["Score"] as number), 0) / total, 9);
        }
        // The source tab is left as it was.
        expect(JSON.stringify(book.getSheetByName("OKRs to import")!.getDataRange().getValues())).toBe(sourceValues);
      }),
      { numRuns: 36 },
    );
    console.log(`import fuzz outcomes: ${JSON.stringify(seen)}`);
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(10);
  }, 120_000);
});

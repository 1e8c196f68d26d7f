// A Retrospective whose main table starts below row 30, through the BUILT add-on (run `npm run build`
// first). The grade spread and the Signals block (one row per signal) sit above the table, so a tracker
// with a couple of dozen signals pushes its header past the 30 rows other tabs' headers are searched in:
// roll over then refused the tab closing had just written ("lost its header row"), and closing again
// silently dropped the learnings and decisions typed into it.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, openTracker, rowsOf, setToday, ss } from "../support/tracker";
import { generateTracker } from "../../src/local/generate/tracker";
import { ADMIN, TODAY } from "../../src/local/generate/okrs";
import type { Workbook } from "../../src/local/runtime";

const RETRO = "Retrospective";

/** The Retrospective's main table: header row (1-based) and rows keyed by header. */
function retroRows(wb: Workbook) {
  const v = ss(wb).getSheetByName(RETRO)!.getDataRange().getValues();
  const h = v.findIndex((r) => r[0] === "Type" && r[1] === "ID");
  const headers = v[h].map(String);
  const rows = v.slice(h + 1).filter((r) => r.some((x) => x !== "")).map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i]])));
  return { headerRow: h + 1, headers, rows };
}

function freshClosed(): Workbook {
  // 30 objectives, 120 KRs: ~25 signals, so the header lands near row 39 (the benchmark's medium tier: 49).
  const g = generateTracker({ name: "long-retro", objectives: 30, krs: 120, checkins: 2_000, owners: 6 });
  const wb = openTracker(g.snapshot, { at: TODAY, user: ADMIN });
  const r = callAddon(wb, "endCycle", { at: TODAY });
  if (!r.ok) throw new Error(r.message);
  return wb;
}

describe("Retrospective with its header below row 30", () => {
  let wb: Workbook;
  let retro: ReturnType<typeof retroRows>;
  beforeAll(() => {
    wb = freshClosed();
    retro = retroRows(wb);
  });

  const write = (id: string, header: string, value: string) => {
    const row = retro.headerRow + 1 + retro.rows.findIndex((x) => x.ID === id);
    ss(wb).getSheetByName(RETRO)!.getRange(row, retro.headers.indexOf(header) + 1).setValue(value);
  };

  it("is the case under test: many signals above the table", () => {
    expect(retro.headerRow).toBeGreaterThan(30);
    expect(retro.rows).toHaveLength(150);
  });

  it("closing again keeps the typed learnings and decisions", () => {
    write("O2", "Decision", "remove");
    write("O1.KR1", "Decision", "change");
    write("O1.KR1", "Learnings", "Baseline was wrong");
    const r = callAddon(wb, "endCycle", { at: TODAY });
    expect(r.ok).toBe(true);
    const again = new Map(retroRows(wb).rows.map((x) => [x.ID, x]));
    expect(again.get("O2")!.Decision).toBe("remove");
    expect(again.get("O1.KR1")).toMatchObject({ Decision: "change", Learnings: "Baseline was wrong" });
  });

  it("a mistyped decision is refused with its sheet row", () => {
    write("O3", "Decision", "delete");
    const row = retro.headerRow + 1 + retro.rows.findIndex((x) => x.ID === "O3");
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06" });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain(`Retrospective row ${row}`);
    write("O3", "Decision", "retain");
  });

  it("roll over reads the decisions and carries the rest", () => {
    const objectives = rowsOf(wb, "Objectives").map((o) => o.ID);
    const removedKrs = rowsOf(wb, "Key Results").filter((k) => k["Objective ID"] === "O2").length;
    setToday(wb, "2026-04-06");
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06" });
    expect(r).toMatchObject({ ok: true, carried: { objectives: objectives.length - 1, keyResults: 120 - removedKrs } });
    expect(rowsOf(wb, "Objectives").map((o) => o.ID)).toEqual(objectives.filter((id) => id !== "O2"));
    expect(ss(wb).getSheetByName(RETRO)).toBeNull();
  });
});

describe("Retrospective that really lost its header", () => {
  it("roll over refuses, names the fix, and changes nothing", () => {
    const wb = freshClosed();
    const { headerRow } = retroRows(wb);
    ss(wb).getSheetByName(RETRO)!.getRange(headerRow, 1, 1, 8).setValues([["", "", "", "", "", "", "", ""]]);
    setToday(wb, "2026-04-06");
    const before = JSON.stringify(wb.services.toSnapshot().sheets);
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06" });
    expect(r).toMatchObject({ ok: false });
    if (r.ok) return;
    expect(r.message).toBe(
      'The "Retrospective" tab has lost its header row (no row holds both "ID" and "Decision"). Close the cycle again ("End cycle & retrospective") to rewrite it, then set the decisions. Nothing was changed.',
    );
    expect(JSON.stringify(wb.services.toSnapshot().sheets)).toBe(before);
  });
});

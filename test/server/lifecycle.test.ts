// The cycle lifecycle end to end through the BUILT add-on (run `npm run build` first): mid-cycle review,
// end of cycle (Retrospective), roll over to a second cycle, and the result through an .xlsx round trip.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { loadXlsx, saveXlsx } from "../../src/local/xlsx";
import { callAddon, newTracker, openTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

const START = "2026-01-05";
const ADMIN = "ops.lead@example.com";

function checkIn(wb: Workbook, day: string, krId: string, value: number, comment = "") {
  setToday(wb, day);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 7, whatChanged: comment });
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
  return r;
}

function values(wb: Workbook, tab: string): { values: unknown[][]; formulas: string[][] } {
  const sh = ss(wb).getSheetByName(tab);
  if (!sh) throw new Error(`no tab ${tab}`);
  const r = sh.getDataRange();
  return { values: r.getValues(), formulas: r.getFormulas() };
}

/** The main table of a report tab: rows under the header row whose first cell is "Type". */
function reportRows(wb: Workbook, tab: string) {
  const { values: v, formulas } = values(wb, tab);
  const h = v.findIndex((r) => r[0] === "Type" && r[1] === "ID");
  const headers = v[h].map(String);
  const rows = v.slice(h + 1).filter((r) => r.some((x) => x !== "")).map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i]])));
  return { headerRow: h + 1, rows, formulas: formulas.slice(h + 1) };
}

function gradeOf(s: number): string {
  return s < 0.4 ? "0.0–0.39" : s < 0.7 ? "0.4–0.69" : "0.7–1.0";
}

describe("Cycle lifecycle on a filled tracker", () => {
  let wb: Workbook;
  const tmp = mkdtempSync(join(tmpdir(), "okr-lifecycle-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  beforeAll(() => {
    // The admin checks in for everyone (admins may).
    wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const weeks: Record<string, number[]> = {
      "O1.KR1": [84, 86, 88, 90, 92, 94, 95, 95, 95, 95, 95, 95],
      "O1.KR2": [9.4, 9.2, 9.0, 8.8, 8.7, 8.6, 8.5, 8.5, 8.4, 8.4, 8.3, 8.3],
      "O1.KR3": [110, 114, 118, 119, 117, 116, 115, 115, 114, 113, 112, 111],
      "O2.KR1": [6.3, 5.9, 5.4, 5.0, 4.6, 4.4, 4.2, 4.0, 3.8, 3.6, 3.4, 3.2],
      "O2.KR2": [93, 92.5, 91, 92.4, 93, 93.3, 93, 93, 93, 93, 93, 93],
      "O3.KR1": [41.8, 41.5, 41.6, 41.1, 41, 41, 40.8, 40.5, 40.2, 40, 39.8, 39.5],
      "O3.KR2": [0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1],
    };
    for (let w = 0; w < 12; w++) {
      const day = new Date(Date.UTC(2026, 0, 6 + 7 * w)).toISOString().slice(0, 10);
      for (const [id, vals] of Object.entries(weeks)) checkIn(wb, day, id, vals[w], `week ${w + 1}`);
      const end = new Date(Date.UTC(2026, 0, 11 + 7 * w)).toISOString().slice(0, 10);
      setToday(wb, end);
      const s = callAddon(wb, "generateWeeklySummary", { at: end });
      if (!s.ok) throw new Error(s.message);
    }
  });

  let review: ReturnType<typeof reportRows>;
  it("mid-cycle review freezes each objective's and KR's score, expected and status as values", () => {
    // At 2026-02-15 (week 6) — but the log goes on to week 12: the review shows that day's scores, the
    // values of the check-ins on or before it (History's week 6, written by that day's summary), as its
    // signals do; not the Current cells, which hold week 12's values (until session 10 it showed those).
    setToday(wb, "2026-02-15");
    const r = callAddon(wb, "createMidCycleReview", { at: "2026-02-15" });
    expect(r).toMatchObject({ ok: true, tab: "Mid-cycle Review", rows: 10 });
    review = reportRows(wb, "Mid-cycle Review");
    expect(review.rows.map((x) => x.ID)).toEqual(["O1", "O1.KR1", "O1.KR2", "O1.KR3", "O2", "O2.KR1", "O2.KR2", "O3", "O3.KR1", "O3.KR2"]);
    expect(review.formulas.flat().every((f) => f === "")).toBe(true);
    const krs = new Map(rowsOf(wb, "Key Results").map((k) => [k.ID, k]));
    const week6 = new Map(rowsOf(wb, "History").filter((h) => h.Week === 6).map((h) => [h["KR ID"], h]));
    const objs = new Map(rowsOf(wb, "Objectives").map((o) => [o.ID, o]));
    for (const row of review.rows) {
      if (row.Type === "Objective") {
        const mine = Array.from(krs.values()).filter((k) => k["Objective ID"] === row.ID);
        const w = (k: Record<string, unknown>) => (k.Weight === "" ? 1 : Number(k.Weight));
        const score = mine.reduce((a, k) => a + w(k) * Number(week6.get(k.ID)!.Score), 0) / mine.reduce((a, k) => a + w(k), 0);
        expect(row.Score).toBeCloseTo(score, 12);
        expect(row.Expected).toBeCloseTo(Number(objs.get(row.ID)!.Expected), 12);
      } else {
        expect(row.Score).toBeCloseTo(Number(week6.get(row.ID)!.Score), 12);
        expect(row.Status).toBe(week6.get(row.ID)!.Status);
        expect(row.Expected).toBeCloseTo(Number(krs.get(row.ID)!.Expected), 12);
      }
      expect(row.Decision).toBe("");
      expect(row.Notes).toBe("");
    }
    // Week 12's values are further on: the table is not the Current cells'.
    expect(review.rows.find((x) => x.ID === "O2.KR1")!.Score).not.toBeCloseTo(Number(krs.get("O2.KR1")!.Score), 2);
    // A dropdown keep / adjust / drop on Decision.
    const sh = ss(wb).getSheetByName("Mid-cycle Review")!;
    const dv = sh.getRange(review.headerRow + 1, 9).getDataValidation();
    expect(dv).not.toBeNull();
    expect(dv!.getCriteriaValues()[0]).toEqual(["keep", "adjust", "drop"]);
    expect(sh.getRange(review.headerRow + 10, 9).getDataValidation()).not.toBeNull();
  });

  it("the review does not change after a later check-in", () => {
    sheetWrite("Mid-cycle Review", review.headerRow + 2, 9, "adjust");
    checkIn(wb, "2026-03-30", "O1.KR2", 6.5, "big jump");
    const after = reportRows(wb, "Mid-cycle Review");
    expect(after.rows.map((r) => ({ ...r, Decision: "" }))).toEqual(review.rows);
    expect(after.rows[1].Decision).toBe("adjust");
  });

  function sheetWrite(tab: string, row: number, col: number, v: unknown) {
    ss(wb).getSheetByName(tab)!.getRange(row, col).setValue(v);
  }

  it("rolling over before closing is refused and changes nothing", () => {
    setToday(wb, "2026-04-05");
    const before = JSON.stringify(wb.services.toSnapshot().sheets);
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/close the cycle first/i);
    expect(JSON.stringify(wb.services.toSnapshot().sheets)).toBe(before);
  });

  let retro: ReturnType<typeof reportRows>;
  it("end of cycle: Retrospective with final scores, grade bands, spread, Learnings and Decision (retain)", () => {
    setToday(wb, "2026-04-05");
    const r = callAddon(wb, "endCycle", { at: "2026-04-05" });
    expect(r).toMatchObject({ ok: true, tab: "Retrospective", rows: 10 });
    retro = reportRows(wb, "Retrospective");
    const krs = new Map(rowsOf(wb, "Key Results").map((k) => [k.ID, k]));
    const objs = new Map(rowsOf(wb, "Objectives").map((o) => [o.ID, o]));
    expect(retro.rows).toHaveLength(10);
    for (const row of retro.rows) {
      const src = row.Type === "Objective" ? objs.get(row.ID) : krs.get(row.ID);
      expect(row["Final score"]).toBeCloseTo(Number(src!.Score), 12);
      expect(row.Grade).toBe(gradeOf(Number(row["Final score"])));
      expect(row.Learnings).toBe("");
      expect(row.Decision).toBe("retain");
    }
    expect(new Set(retro.rows.map((x) => x.Grade)).size).toBeGreaterThan(1);
    // The spread counts match the rows.
    const { values: v } = values(wb, "Retrospective");
    const g = v.findIndex((x) => x[0] === "Grade spread");
    for (const band of ["0.0–0.39", "0.4–0.69", "0.7–1.0"]) {
      const line = v.slice(g, g + 8).find((x) => x[0] === band)!;
      expect(line[1]).toBe(retro.rows.filter((x) => x.Type === "Objective" && x.Grade === band).length);
      expect(line[2]).toBe(retro.rows.filter((x) => x.Type === "Key result" && x.Grade === band).length);
    }
  });

  it("closing again keeps typed learnings and decisions", () => {
    const at = (id: string) => retro.headerRow + 1 + retro.rows.findIndex((x) => x.ID === id);
    sheetWrite("Retrospective", at("O2.KR2"), 9, "remove");
    sheetWrite("Retrospective", at("O3"), 9, "remove");
    sheetWrite("Retrospective", at("O1.KR2"), 9, "change");
    sheetWrite("Retrospective", at("O1.KR2"), 8, "Target was too soft");
    sheetWrite("Retrospective", at("O1"), 8, "'=1+1 is not a formula"); // typed as text
    const r = callAddon(wb, "endCycle", { at: "2026-04-05" });
    expect(r.ok).toBe(true);
    const again = new Map(reportRows(wb, "Retrospective").rows.map((x) => [x.ID, x]));
    expect(again.get("O2.KR2")!.Decision).toBe("remove");
    expect(again.get("O3")!.Decision).toBe("remove");
    expect(again.get("O1.KR2")).toMatchObject({ Decision: "change", Learnings: "Target was too soft" });
    expect(again.get("O1")!.Learnings).toBe("=1+1 is not a formula");
    expect(again.get("O1.KR1")!.Decision).toBe("retain");
  });

  let lastValues: Map<unknown, unknown>;
  let beforeCounts: Record<string, number>;
  let frozen: Record<string, Record<string, unknown>[]>;
  it("roll over: removed OKRs gone, the rest carried with the same IDs and new baselines; the finished cycle archived", () => {
    setToday(wb, "2026-04-06"); // the archive freezes the values of the rollover day
    lastValues = new Map(rowsOf(wb, "Key Results").map((k) => [k.ID, k.Current]));
    frozen = {
      Objectives: rowsOf(wb, "Objectives"),
      "Key Results": rowsOf(wb, "Key Results"),
      "Check-ins": rowsOf(wb, "Check-ins"),
      History: rowsOf(wb, "History"),
    };
    beforeCounts = Object.fromEntries(Object.entries(frozen).map(([k, v]) => [k, v.length]));
    expect(beforeCounts["Check-ins"]).toBe(85);
    expect(beforeCounts.History).toBe(84);
    const retroRows = reportRows(wb, "Retrospective").rows;

    setToday(wb, "2026-04-06");
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
    expect(r).toMatchObject({ ok: true, cycle: "Cycle 2", carried: { objectives: 2, keyResults: 4 } });
    // O1.KR1 ended on its target: the person rolling over is told (the focus checks cannot tell it).
    expect(r.warnings).toContain("O1.KR1: the new start (95%) equals the target; set a new target before the first check-in.");

    expect(rowsOf(wb, "Objectives").map((o) => o.ID)).toEqual(["O1", "O2"]);
    const krs = rowsOf(wb, "Key Results");
    expect(krs.map((k) => k.ID)).toEqual(["O1.KR1", "O1.KR2", "O1.KR3", "O2.KR1"]);
    for (const k of krs) {
      expect(k.Start).toBe(lastValues.get(k.ID));
      expect(k.Current).toBe("");
      expect(k["Last check-in"]).toBe("");
      // O1.KR1 ended on its target (95): new start = target is a setup error until a new target is set.
      expect(k.Status).toBe(k.ID === "O1.KR1" ? "Setup error" : "Not started");
    }
    expect(krs.find((k) => k.ID === "O1.KR2")!.Start).toBe(6.5);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
    expect(rowsOf(wb, "History")).toHaveLength(0);
    // The old cycle's summary is gone, and the new cycle has none until its first summary makes it.
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(ss(wb).getSheetByName("Retrospective")).toBeNull();

    // Archives: ≤ 31 characters, complete, frozen values.
    const archived: string[] = r.archived;
    expect(archived).toHaveLength(6);
    for (const name of archived) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(ss(wb).getSheetByName(name)).not.toBeNull();
    }
    const find = (tab: string) => archived.find((n) => n.endsWith(tab))!;
    for (const tab of ["Objectives", "Key Results", "Check-ins", "History"]) {
      const rows = rowsOf(wb, find(tab));
      expect(rows).toHaveLength(beforeCounts[tab]);
      expect(rows).toEqual(frozen[tab]);
    }
    expect(reportRows(wb, find("Retrospective")).rows).toEqual(retroRows);
    for (const tab of ["Objectives", "Key Results"]) {
      expect(values(wb, find(tab)).formulas.flat().every((f) => f === "")).toBe(true);
    }
    // The archive does not follow today: later days leave it unchanged.
    setToday(wb, "2026-06-01");
    expect(rowsOf(wb, find("Key Results"))).toEqual(frozen["Key Results"]);
    expect(rowsOf(wb, find("Objectives"))).toEqual(frozen.Objectives);
  });

  it("rolling over twice is refused", () => {
    setToday(wb, "2026-04-07");
    const before = JSON.stringify(wb.services.toSnapshot().sheets);
    const r = callAddon(wb, "rollOverCycle", { start: "2026-07-06", name: "Cycle 3" });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(wb.services.toSnapshot().sheets)).toBe(before);
  });

  it("the second cycle works like the first: check in, summary, scores", () => {
    const c = checkIn(wb, "2026-04-08", "O1.KR1", 96, "new cycle");
    // O1.KR1 carried: start 95, target 95 → a setup error is expected; O2.KR1 is a clean case.
    const d = checkIn(wb, "2026-04-08", "O2.KR1", 3.1, "new cycle");
    expect(d.kr.score).toBeCloseTo((3.2 - 3.1) / (3.2 - 3), 12);
    expect(c.ok).toBe(true);
    setToday(wb, "2026-04-12");
    const s = callAddon(wb, "generateWeeklySummary", { at: "2026-04-12" });
    expect(s).toMatchObject({ ok: true, week: 1, weeks: 13 });
    expect(s.data.cycleName).toBe("Cycle 2");
    const krs = new Map(rowsOf(wb, "Key Results").map((k) => [k.ID, k]));
    expect(Number(krs.get("O2.KR1")!.Score)).toBeCloseTo(0.5, 12);
    expect(krs.get("O2.KR1")!.Current).toBe(3.1);
    expect(s.data.checkinRate).toMatchObject({ checkedIn: 2, total: 4 });
    expect(rowsOf(wb, "History")).toHaveLength(4);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(2);
  });

  it("survives an .xlsx save and load after the rollover", async () => {
    const file = join(tmp, "after-rollover.xlsx");
    const snap = wb.services.toSnapshot();
    await saveXlsx(file, snap);
    const loaded = await loadXlsx(file);
    expect(loaded.sheets.map((s) => s.name).sort()).toEqual(snap.sheets.map((s) => s.name).sort());
    const reopened = openTracker(loaded, { at: "2026-04-12", user: ADMIN });
    for (const tab of ["Objectives", "Key Results", "Check-ins", "History"]) {
      const archive = snap.sheets.map((s) => s.name).find((n) => n.endsWith(`· ${tab}`))!;
      expect({ tab, rows: rowsOf(reopened, archive) }).toEqual({ tab, rows: frozen[tab] });
      expect({ tab, rows: rowsOf(reopened, tab) }).toEqual({ tab, rows: rowsOf(wb, tab) });
    }
    const s = callAddon(reopened, "generateWeeklySummary", { at: "2026-04-12" });
    expect(s).toMatchObject({ ok: true, week: 1 });
    expect(callAddon(reopened, "rollOverCycle", { start: "2026-07-06", name: "Cycle 3" }).ok).toBe(false);
  });
});

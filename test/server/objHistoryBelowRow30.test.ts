// The Objectives and History headers below row 30, through the BUILT add-on (run `npm run build` first).
// The add-on looks for a header in a tab's first 30 rows; rows inserted above the Objectives or History
// header move the Settings tab's computed cells with it (=ROW('History'!A1) becomes =ROW('History'!A36)),
// so every operation reading those tabs takes the header there, as they take the Key Results and Check-ins
// headers (headerBelowRow30.test.ts): before, the summary, Repair, the Review, closing, the roll over and
// the portfolio roll-up (portfolioReads.test.ts) each refused such a tracker. A header those cells do not
// place (copied there) is refused alike by all, in one line.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { addNewOkrsTab, copyHeaderTo, everything, NEW_OKRS, tab } from "../support/inUse";
import { callAddon, rowsOf, setToday, ss } from "../support/tracker";
import { forgetRecord, summary, weekCheckins, weekly } from "../support/weeklyTrend";
import type { Workbook } from "../../src/local/runtime";

type Action = Parameters<typeof callAddon>[1];

const INSERTED = 35;
const ROW = INSERTED + 1;
const TABLES = ["Objectives", "History"] as const;

/** A tab's cells as the user reads them (the Weekly Summary's "Generated" line, a clock's, left out). */
function cellsOf(wb: Workbook, name: string, from = 1): unknown[][] {
  const t = tab(wb, name);
  return t.getRange(from, 1, Math.max(1, t.getLastRow() - from + 1), t.getLastColumn()).getValues().filter((r) => !String(r[0]).startsWith("Generated"));
}

/** What the summary shows and keeps: the Weekly Summary, the Weekly Trend, History (from its header). */
function summaryCells(wb: Workbook, historyRow: number): string {
  return JSON.stringify([cellsOf(wb, "Weekly Summary"), cellsOf(wb, "Weekly Trend"), cellsOf(wb, "History", historyRow)]);
}

/** The service calls of the last summary() (it resets the counters first). */
const calls = (wb: Workbook) => wb.services.counters.snapshot().serviceCalls;

/** The one line every operation refuses a header with that the computed cells do not place. */
const MOVED = (name: string) =>
  `The "${name}" tab's header row is row ${ROW}; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.`;

/** What the tracker without inserted rows shows at each step of the first test's run: the same run on the same
 * tracker for both tabs, so made once (the second was ~0.6 s of the file's ~7 s of CPU). */
interface Plain {
  week3: string;
  week4: string;
  week4Calls: number;
  whole: string;
  wholeCalls: number;
  repair: Record<string, number>;
  reviewed: string;
  rolled: Record<string, unknown>;
  tables: Record<string, unknown[][]>;
  /** The tracker itself, rolled over: only read from then on. */
  rolledOver: Workbook;
}
let plainRun: Plain | undefined;
function plainSteps(): Plain {
  if (plainRun) return plainRun;
  const plain = weekly(2).wb;
  weekCheckins(plain, 3); // throws unless every check-in is saved
  expect(summary(plain, 3).whole).toBe(false);
  const week3 = summaryCells(plain, 1);
  weekCheckins(plain, 4);
  expect(summary(plain, 4).whole).toBe(false);
  const week4Calls = calls(plain);
  const week4 = summaryCells(plain, 1);
  forgetRecord(plain);
  expect(summary(plain, 4).whole).toBe(true);
  const wholeCalls = calls(plain);
  const whole = summaryCells(plain, 1);
  const repair = repairWrites(plain);
  setToday(plain, "2026-02-15");
  for (const action of ["createMidCycleReview", "endCycle"] as const) expect(callAddon(plain, action, {}).ok).toBe(true);
  const reviewed = JSON.stringify(["Mid-cycle Review", "Retrospective"].map((n) => cellsOf(plain, n)));
  const rolled = callAddon(plain, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
  const tables = Object.fromEntries(["Objectives", "Key Results", "Settings"].map((t) => [t, cellsOf(plain, t)]));
  return (plainRun = { week3, week4, week4Calls, whole, wholeCalls, repair, reviewed, rolled, tables, rolledOver: plain });
}

describe("The Objectives or History header pushed below row 30 by rows inserted above it", () => {
  for (const name of TABLES) {
    it(`${INSERTED} rows above "${name}": the check-ins, the summary (a whole rewrite and an ordinary week), Repair, the Review, closing and the roll over work as without them`, () => {
      const plain = plainSteps();
      const wb = weekly(2).wb;
      tab(wb, name).insertRowsBefore(1, INSERTED);
      const historyRow = name === "History" ? ROW : 1;
      weekCheckins(wb, 3); // throws unless every check-in is saved
      // Week 3: History's rows moved, so the summary reads it whole and rewrites the Weekly Trend whole.
      expect(summary(wb, 3).whole).toBe(name === "History");
      expect(summaryCells(wb, historyRow)).toBe(plain.week3);
      // Week 4: an ordinary week for both, from week 3's record, in as many calls.
      weekCheckins(wb, 4);
      expect(summary(wb, 4).whole).toBe(false);
      expect(calls(wb)).toBe(plain.week4Calls);
      expect(summaryCells(wb, historyRow)).toBe(plain.week4);
      // The same week regenerated whole (no record of the Weekly Trend): History read whole, in as many calls.
      forgetRecord(wb);
      expect(summary(wb, 4).whole).toBe(true);
      expect(calls(wb)).toBe(plain.wholeCalls);
      expect(summaryCells(wb, historyRow)).toBe(plain.whole);
      // Repair: nothing to write, no second header at row 1, the computed cell still pointing at the header.
      expect(repairWrites(wb)).toEqual(plain.repair);
      expect(cellsOf(wb, name, 1).slice(0, INSERTED).flat().every((v) => v === "")).toBe(true);
      expect(computedFormula(wb, name)).toBe(`=ROW(${name}!A${ROW})`);
      // The Review, closing the cycle and the roll over into the next cycle.
      setToday(wb, "2026-02-15");
      for (const action of ["createMidCycleReview", "endCycle"] as const) expect(callAddon(wb, action, {}).message).toBeUndefined();
      expect(JSON.stringify(["Mid-cycle Review", "Retrospective"].map((n) => cellsOf(wb, n)))).toBe(plain.reviewed);
      const rolled = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
      expect(rolled.message).toBeUndefined();
      expect(rolled).toEqual(plain.rolled);
      for (const t of ["Objectives", "Key Results", "Settings"]) expect(cellsOf(wb, t), t).toEqual(plain.tables[t]);
      // The new cycle's tabs have their header at row 1, and the computed cells point there again.
      expect(computedFormula(wb, name)).toBe(`=ROW(${name}!A1)`);
      const archive = (rolled.archived as string[]).find((n) => n.includes(name))!;
      expect(rowsOf(wb, archive, ROW)).toEqual(rowsOf(plain.rolledOver, archive));
    });
  }

  it(`importing OKRs from a tab, with ${INSERTED} rows above the Objectives header: the objective appended below the others`, () => {
    const plain = weekly(1).wb;
    const wb = weekly(1).wb;
    tab(wb, "Objectives").insertRowsBefore(1, INSERTED);
    for (const w of [plain, wb]) {
      addNewOkrsTab(w);
      expect(callAddon(w, "importOkrsFromTab", { tab: NEW_OKRS })).toEqual(expect.objectContaining({ ok: true, objectives: 1 }));
    }
    expect(rowsOf(wb, "Objectives", ROW)).toEqual(rowsOf(plain, "Objectives"));
  });
});

describe("A tracker set up before the Objectives and History computed cells", () => {
  it("gets them from its next Repair (one write, right below its other computed rows); from then on rows inserted above those headers are fine", () => {
    const wb = weekly(2).wb;
    const settings = tab(wb, "Settings");
    const labels = () => settings.getRange("A1:A40").getValues().map((r) => String(r[0]));
    const fresh = labels();
    const ours = fresh.map((l, i) => (/^(Objective|History) header row \(computed\)$/.test(l) ? i + 1 : 0)).filter((r) => r > 0);
    expect(ours).toHaveLength(2);
    for (const r of ours) settings.getRange(r, 1, 1, 3).clearContent();
    // Until then the first 30 rows are searched, as before: rows inserted above the header are refused.
    tab(wb, "History").insertRowsBefore(1, INSERTED);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-18" }).message).toBe(MOVED("History"));
    tab(wb, "History").deleteRows(1, INSERTED);
    expect(repairWrites(wb)).toEqual({ "Range.setValues": 1 });
    expect(labels()).toEqual(fresh);
    for (const name of TABLES) tab(wb, name).insertRowsBefore(1, INSERTED);
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-18" }).message).toBeUndefined();
    expect(repairWrites(wb)).toEqual({});
  });
});

describe("The Objectives or History header copied below row 30 (the computed cells no longer place it)", () => {
  /** Copies the tab's header to ROW and clears row 1, as a user moving it by copy and paste. */
  const copyHeaderDown = (wb: Workbook, name: string) => copyHeaderTo(tab(wb, name), ROW);

  for (const name of TABLES) {
    it(`"${name}": every operation reading it refuses alike, in one line, changing nothing`, () => {
      const wb = weekly(2).wb;
      setToday(wb, "2026-01-18");
      // Closed first, so that the roll over gets as far as reading the tracker.
      expect(callAddon(wb, "endCycle", {}).ok).toBe(true);
      addNewOkrsTab(wb);
      copyHeaderDown(wb, name);
      const actions: [Action, Record<string, unknown>][] = [["generateWeeklySummary", { at: "2026-01-18" }], ["repairTracker", {}]];
      if (name === "Objectives") {
        actions.push(["createMidCycleReview", {}], ["endCycle", {}], ["rollOverCycle", { start: "2026-04-06" }], ["importOkrsFromTab", { tab: NEW_OKRS }]);
      }
      const before = everything(wb);
      const refusals: Record<string, string> = {};
      for (const [action, args] of actions) refusals[action] = callAddon(wb, action, args).message;
      expect(everything(wb)).toBe(before);
      // Repair (setup's check) and the roll over (every refusal of it) say nothing was changed; the others
      // refuse before writing anything too.
      const nothing = `${MOVED(name)} Nothing was changed.`;
      expect(refusals).toEqual(Object.fromEntries(actions.map(([a]) => [a, a === "repairTracker" || a === "rollOverCycle" ? nothing : MOVED(name)])));
    });
  }
});

/** The Settings computed formula placing a table's header, its tab's name unquoted (as Sheets shows it when rows move it). */
function computedFormula(wb: Workbook, name: string): string {
  const label = name === "Objectives" ? "Objective header row (computed)" : "History header row (computed)";
  const s = tab(wb, "Settings");
  const row = s.getRange("A1:A40").getValues().findIndex((r) => r[0] === label) + 1;
  return row ? s.getRange(row, 2).getFormula().replace(`'${name}'!`, `${name}!`) : "";
}

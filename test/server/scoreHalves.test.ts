// Session 19: a score exactly on a half in decimals. Cycle time 12 → 8 days checked in at 11.8, then 11.3:
// (12 − 11.3) / 4 is 0.175, held as 0.17499999999999982 by the unrounded Score formula; its "0.00" cell showed
// 0.17 while the Biggest movers' change (0.125 exactly from last week's 0.04999999999999982) said +0.13, so a
// leader read "0.05 → 0.17, +0.13". The Score formula (and core's scoring) holds a score to 12 decimals, and
// every text rounds as the cells show (numbers.ts shownRound): the sheet and the words agree on 0.18, through
// the BUILT add-on (run `npm run build` first).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { importedTracker } from "../support/importedTracker";
import { checkedInLines } from "../../src/local/checkinBatch";
import { byId, rowWhere, summarize, summaryTab } from "../support/summaryTab";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Flow faster", "Cut cycle time from 12 to 8 days", "cara@example.com", "decrease", "days", 12, 8],
  ["Flow faster", "Cut cost per unit from $41.50 to $36.00", "ana@example.com", "decrease", "$", 41.5, 36],
];

function checkIn(wb: Workbook, day: string, krId: string, value: string, as: string) {
  setToday(wb, day);
  wb.services.session.setUser(as);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6 });
  wb.services.session.setUser("ops.lead@example.com");
  expect(r.ok, r.message).toBe(true);
  return r;
}

/** The displayed text of the first row whose column A reads `label`, from column A on (as a reader sees it). */
function shownRow(wb: Workbook, tab: string, pred: (a: string) => boolean): string[] {
  const sh = ss(wb).getSheetByName(tab)!;
  const shown = sh.getDataRange().getDisplayValues();
  const i = shown.findIndex((r) => pred(String(r[0])));
  if (i < 0) throw new Error(`no row in ${tab}`);
  return shown[i].map(String);
}

describe("A score on an exact half reads the same in its cell and in every text", () => {
  it("Key Results, the check-in's answer, This week and Biggest movers all say 0.05 → 0.18, +0.13", () => {
    const wb = importedTracker(HEADER, KRS);
    checkIn(wb, "2026-01-09", "O1.KR1", "11.8", "cara@example.com");
    summarize(wb, "2026-01-12");
    const answer = checkIn(wb, "2026-01-16", "O1.KR1", "11.3", "cara@example.com");
    // The score the sidebar's answer words (client/logic.ts formatScore: "0.18"; it said 0.17) and the CLI's line.
    expect(answer.kr.score).toBe(0.175);
    expect(checkedInLines(wb, [{ kr: answer.kr, requestId: "" }])[0]).toBe("Checked in O1.KR1: value 11.3 days, score 0.18, On track.");

    const kr = byId(rowsOf(wb, "Key Results")).get("O1.KR1")!;
    expect(kr.Score).toBe(0.175);
    const krSheet = ss(wb).getSheetByName("Key Results")!;
    const headers = krSheet.getRange(1, 1, 1, krSheet.getLastColumn()).getValues()[0].map(String);
    const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === "O1.KR1") + 2;
    expect(krSheet.getRange(row, headers.indexOf("Score") + 1).getDisplayValue()).toBe("0.18");

    summarize(wb, "2026-01-19");
    const tab = summaryTab(wb);
    expect(String(tab.values[rowWhere(tab, (t) => t.startsWith("Biggest gain"))][0])).toBe("Biggest gain: O1.KR1 +0.13; no score fell.");
    // Direction, ID, Key result, Owner, Last week, Now, Change: 0.05 + 0.13 = 0.18.
    const mover = shownRow(wb, "Weekly Summary", (a) => a === "Up");
    expect(mover.slice(4, 7)).toEqual(["0.05", "0.18", "+0.13"]);
  });

  it("an old tracker's unrounded Score formulas are updated by Repair once, and named as updated, not restored", () => {
    const wb = importedTracker(HEADER, KRS);
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const scoreCol = headers.indexOf("Score") + 1;
    const rows = sheet.getLastRow() - 1;
    const now = sheet.getRange(2, scoreCol, rows, 1).getFormulas();
    // The formula as session 18 wrote it: the same without ROUND(…,12).
    const old = now.map(([f]) => [f.replace(/ROUND\((IF\(LOWER\(TRIM\(\$[A-Z]+\d+\)\)="increase",.*\)),12\)\)/, "$1)")]);
    expect(old[0][0]).not.toBe(now[0][0]);
    expect(old[0][0]).not.toContain(",12)");
    sheet.getRange(2, scoreCol, rows, 1).setFormulas(old);
    const objectives = ss(wb).getSheetByName("Objectives")!;
    const objScore = objectives.getRange(1, 1, 1, objectives.getLastColumn()).getValues()[0].map(String).indexOf("Score") + 1;
    const objNow = objectives.getRange(2, objScore).getFormula();
    objectives.getRange(2, objScore).setFormula(objNow.replace(/ROUND\((SUMIF\([^()]*\)\/SUMIF\([^()]*\)),12\)/, "$1"));
    expect(objectives.getRange(2, objScore).getFormula()).not.toBe(objNow);
    const first = callAddon(wb, "repairTracker", {});
    expect(first.ok, first.message).toBe(true);
    expect(first.updated).toEqual(["Objectives: Score in row 2", "Key Results: Score in rows 2, 3"]);
    expect(first.restored).toEqual([]);
    expect(sheet.getRange(2, scoreCol, rows, 1).getFormulas()).toEqual(now);
    expect(objectives.getRange(2, objScore).getFormula()).toBe(objNow);
    // Over the mended tracker Repair costs what it costs over one set up by this version: no formula written.
    const fresh = importedTracker(HEADER, KRS);
    callAddon(fresh, "repairTracker", {});
    fresh.services.counters.reset();
    callAddon(fresh, "repairTracker", {});
    wb.services.counters.reset();
    const again = callAddon(wb, "repairTracker", {});
    expect(again).toMatchObject({ ok: true, updated: [], restored: [] });
    expect(wb.services.counters.byMethod["Range.setFormulas"] ?? 0).toBe(0);
    expect([wb.services.counters.serviceCalls, wb.services.counters.cellsRead]).toEqual([fresh.services.counters.serviceCalls, fresh.services.counters.cellsRead]);
  });
});

// The leaders' view of the Weekly Summary (issue 15) through the BUILT add-on (run `npm run build` first):
// corrections, confidence, blockers, worst first, the "This week" text and the trend outside Google.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

const START = "2026-01-05"; // a Monday; week 1 = 01-05..01-11, week 2 = 01-12..01-18
const W2 = "2026-01-18";

const OWNER: Record<string, string> = {
  "O1.KR1": "dispatch.lead@example.com",
  "O1.KR2": "planning.lead@example.com",
  "O1.KR3": "planning.lead@example.com",
  "O2.KR1": "quality.lead@example.com",
  "O2.KR2": "quality.lead@example.com",
  "O3.KR1": "finance.partner@example.com",
  "O3.KR2": "ops.lead@example.com",
};

function checkIn(wb: Workbook, day: string, krId: string, value: number, extra: Record<string, unknown> = {}): string {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  const id = requestId();
  const r = callAddon(wb, "submitCheckin", { requestId: id, krId, value: String(value), confidence: 6, confirmed: true, ...extra });
  if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
  return id;
}

function summarize(wb: Workbook, at: string) {
  setToday(wb, at);
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(`summary ${at}: ${r.message}`);
  return r;
}

interface Tab {
  values: unknown[][];
  formulas: string[][];
}
function summaryTab(wb: Workbook): Tab {
  const sh = ss(wb).getSheetByName("Weekly Summary");
  if (!sh) throw new Error("no Weekly Summary tab");
  const range = sh.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}
function rowWhere(t: Tab, pred: (text: string) => boolean): number {
  const i = t.values.findIndex((r) => pred(String(r[0])));
  if (i < 0) throw new Error("row not found");
  return i;
}
/** A section: heading row (first cell starts with `heading`), header row, then rows up to a blank row. */
function section(t: Tab, heading: string): { headers: string[]; rows: Record<string, unknown>[]; at: number[]; heading: number } {
  const h = rowWhere(t, (s) => s.startsWith(heading));
  const headers = t.values[h + 1].map(String);
  const rows: Record<string, unknown>[] = [];
  const at: number[] = [];
  for (let i = h + 2; i < t.values.length && t.values[i].some((v) => v !== ""); i++) {
    rows.push(Object.fromEntries(headers.map((name, j) => [name, t.values[i][j]]).filter(([name]) => name !== "")));
    at.push(i);
  }
  return { headers, rows, at, heading: h };
}
function byId(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  return new Map(rows.map((r) => [String(r.ID), r]));
}
function allText(t: Tab): string {
  return t.values.map((r) => r.map(String).join("\t")).join("\n");
}

describe("A corrected check-in leaves the summary", () => {
  it("a correction dated before the check-in it replaces (offline --at): the replaced row's value and blockers are gone", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    checkIn(wb, "2026-01-16", "O1.KR1", 80, { whatChanged: "typo", blockers: "Wrong blocker typed by mistake" });
    checkIn(wb, "2026-01-15", "O1.KR1", 84, { correct: true, blockers: "Dock doors broken" });
    expect(rowsOf(wb, "Check-ins")).toHaveLength(3); // nothing deleted from the log
    const current = rowsOf(wb, "Key Results").find((r) => r.ID === "O1.KR1")!;
    expect(current.Current, "Current follows the correction").toBe(84);

    summarize(wb, W2);
    const tab = summaryTab(wb);
    expect(allText(tab)).not.toContain("Wrong blocker typed by mistake");
    expect(byId(section(tab, "Trend").rows).get("O1.KR1")!["Week 2"], "the trend shows the corrected value").toBe(84);
    const hist = rowsOf(wb, "History").find((h) => h["KR ID"] === "O1.KR1")!;
    expect(hist.Value, "History agrees with Current").toBe(84);
  });
});

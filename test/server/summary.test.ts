// The Weekly Summary end to end through the BUILT add-on (run `npm run build` first): a known tracker,
// check-ins submitted by their owners on chosen days, the summary generated at two successive weeks.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { ADMIN } from "../../src/local/generate/okrs";
import { generateTracker } from "../../src/local/generate/tracker";
import { callAddon, newTracker, openTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { byId, OPERATIONS_OWNER, rowWhere, section, summarize, summaryTab, trendTab, type Tab } from "../support/summaryTab";

/** A change as the summary keeps and shows it: to 2 decimals (summaryData.ts changeOf). */
const shown = (x: number) => Number(x.toFixed(2));
import { PROTECTION } from "../support/inUse";
import { cellLook } from "../../src/local/sheets/look";
import { RAG } from "../../src/server/layout";

const START = "2026-01-05"; // a Monday; week 1 = 01-05..01-11, week 2 = 01-12..01-18
const W1 = "2026-01-11";
const W2 = "2026-01-18";

const OWNER = OPERATIONS_OWNER;

function checkIn(wb: Workbook, day: string, krId: string, value: number, extra: Record<string, unknown> = {}) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6, ...extra });
  if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
}

function isoOf(v: unknown): string {
  return Object.prototype.toString.call(v) === "[object Date]" ? (v as Date).toISOString().slice(0, 10) : String(v);
}

describe("Weekly summary on a known tracker, two successive weeks", () => {
  let wb: Workbook;
  let week1: ReturnType<typeof summarize>;
  let week2: ReturnType<typeof summarize>;
  let tab1: Tab;
  let tab2: Tab;
  let trend2: Tab;
  let history1: Record<string, unknown>[];
  let history2: Record<string, unknown>[];

  beforeAll(() => {
    wb = newTracker({ template: "operations", start: START, at: START });
    // A KR title that looks like a formula, typed by a user (stored as text).
    const kr = ss(wb).getSheetByName("Key Results")!;
    kr.getRange("C4").setValue("'=HYPERLINK(1)"); // O1.KR3's title
    expect(kr.getRange("A4").getValue()).toBe("O1.KR3");

    checkIn(wb, "2026-01-06", "O1.KR1", 85, { whatChanged: "Cut-off moved" });
    checkIn(wb, "2026-01-07", "O2.KR2", 91, { whatChanged: "=1+1", blockers: "Supplier skipped inspection", nextStep: "Audit" });
    checkIn(wb, "2026-01-11", "O1.KR2", 9.4, { whatChanged: "Baseline" }); // exactly 7 days before W2
    week1 = summarize(wb, W1);
    tab1 = summaryTab(wb);
    history1 = rowsOf(wb, "History");

    checkIn(wb, "2026-01-12", "O2.KR1", 5.5, { whatChanged: "Defect tagging" });
    checkIn(wb, "2026-01-14", "O3.KR2", 0.3, { whatChanged: "Huddles on day shift" });
    checkIn(wb, "2026-01-15", "O2.KR2", 93, { whatChanged: "Back in range" });
    checkIn(wb, "2026-01-16", "O1.KR1", 80, { whatChanged: "Carrier strike", blockers: "=HYPERLINK(\"x\")" });
    checkIn(wb, W2, "O1.KR1", 81, { whatChanged: "Strike over; backlog", blockers: "Carrier capacity" }); // on the as-of day
    week2 = summarize(wb, W2);
    tab2 = summaryTab(wb);
    trend2 = trendTab(wb);
    history2 = rowsOf(wb, "History");
  });

  it("title, week N of M, as-of date and time elapsed", () => {
    expect(tab1.values[0][0]).toBe("Weekly summary — Order-to-delivery pilot");
    expect(String(tab1.values[1][0])).toContain("Week 1 of 13");
    expect(String(tab1.values[1][0])).toContain("as of 2026-01-11");
    // 6 days of 91: 7%
    expect(String(tab1.values[1][0])).toContain(`${Math.round((6 / 91) * 100)}% of the cycle elapsed`);
    expect(String(tab2.values[1][0])).toContain("Week 2 of 13");
    expect(String(tab2.values[1][0])).toContain("as of 2026-01-18");
    expect(String(tab2.values[1][0])).toContain(`${Math.round((13 / 91) * 100)}% of the cycle elapsed`);
    expect(week1.week).toBe(1);
    expect(week2.week).toBe(2);
    expect(week2.weeks).toBe(13);
  });

  it("overall score vs expected and status, KR counts per status, check-in rate", () => {
    const o = section(tab2, "Overall").rows[0];
    expect(o.Score).toBeCloseTo(week2.data.overall.score, 12);
    expect(o.Expected).toBeCloseTo(((1 + 1 + 0.7) / 3) * (13 / 91), 12); // mean of the objectives' expected
    expect(o.Status).toBe(week2.data.overall.status);
    // Check-ins in 01-12..01-18: O2.KR1, O3.KR2, O2.KR2, O1.KR1 = 4 of 7 (O1.KR2's 01-11 is outside).
    // Written as the text typed for it ("57%", render.ts): the number as the 0% format shows it.
    expect(o["Check-in rate"]).toBe(0.57);
    expect(o["Checked in"]).toBe("4 of 7 KRs");
    expect(o.Period).toBe("2026-01-12 to 2026-01-18");
    const w1 = section(tab1, "Overall").rows[0];
    expect(w1["Check-in rate"]).toBe(0.43); // 3 of 7

    const counts = Object.fromEntries(section(tab2, "Key results by status").rows.map((r) => [r.Status, r["Key results"]]));
    const krStatus = week2.data.krs.map((k: { status: string }) => k.status);
    for (const st of ["On track", "At risk", "Off track", "Not started", "Setup error"]) {
      expect(counts[st]).toBe(krStatus.filter((s: string) => s === st).length);
    }
    // O1.KR3 and O3.KR1 never checked in.
    expect(counts["Not started"]).toBe(2);
    expect(Object.values(counts).reduce((a, b) => Number(a) + Number(b), 0)).toBe(7);
  });

  it("every objective with score, change since last week (= difference of the two weeks), expected and status", () => {
    const o1 = byId(section(tab1, "Objectives").rows);
    const o2 = byId(section(tab2, "Objectives").rows);
    expect([...o2.keys()].sort()).toEqual(["O1", "O2", "O3"]);
    // Worst first: furthest behind expected first.
    const gaps = [...o2.values()].map((o) => Number(o.Score) - Number(o.Expected));
    expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
    for (const id of ["O1", "O2", "O3"]) {
      const a = o1.get(id)!;
      const b = o2.get(id)!;
      expect(a["Change since last week"]).toBe("—"); // week 1 has no last week
      // To the 2 decimals shown (summaryData.ts changeOf).
      expect(b["Change since last week"]).toBe(shown(Number(b.Score) - Number(a.Score)));
      expect(typeof b.Score).toBe("number");
      expect(typeof b.Status).toBe("string");
    }
    // O1: the drop of O1.KR1 from 85 to 81 is a real change; O2 moved up.
    expect(Number(o2.get("O1")!["Change since last week"])).toBeLessThan(0);
    expect(Number(o2.get("O2")!["Change since last week"])).toBeGreaterThan(0);
    // Expected: committed 13/91; aspirational O3 13/91 × 0.7.
    expect(o2.get("O1")!.Expected).toBeCloseTo(13 / 91, 12);
    expect(o2.get("O3")!.Expected).toBeCloseTo((13 / 91) * 0.7, 12);
    // The sheet's own objective scores agree with the summary.
    const sheetObj = byId(rowsOf(wb, "Objectives"));
    expect(o2.get("O1")!.Score).toBeCloseTo(Number(sheetObj.get("O1")!.Score), 12);
    expect(o2.get("O2")!.Status).toBe(sheetObj.get("O2")!.Status);
  });

  it("KRs off track or at risk with owner, latest comment and blockers; formula-like text stays literal", () => {
    const att1 = byId(section(tab1, "Needs attention").rows);
    const k = att1.get("O2.KR2")!; // 91 < 92: stay_above fails → off track
    expect(k.Status).toBe("Off track");
    expect(k.Owner).toBe("quality.lead@example.com");
    expect(k["Latest comment"]).toBe("=1+1");
    expect(k.Blockers).toBe("Supplier skipped inspection");
    expect(k["Next step"]).toBe("Audit");
    const i = section(tab1, "Needs attention").at[0];
    expect(tab1.formulas[i].every((f) => f === "" || f === undefined)).toBe(true);

    const att2 = section(tab2, "Needs attention");
    const m = byId(att2.rows);
    expect(m.has("O2.KR2")).toBe(false); // back in range
    const kr1 = m.get("O1.KR1")!; // 81 of 82→95: behind pace
    expect(["Off track", "At risk"]).toContain(kr1.Status);
    expect(kr1.Owner).toBe("dispatch.lead@example.com");
    expect(kr1["Latest comment"]).toBe("Strike over; backlog"); // the latest, not the 01-16 one
    expect(kr1.Blockers).toBe("Carrier capacity");
    // Off track rows come before at-risk rows.
    const statuses = att2.rows.map((r) => r.Status);
    expect(statuses).toEqual([...statuses].sort((a, b) => (a === "Off track" ? 0 : 1) - (b === "Off track" ? 0 : 1)));
  });

  it("KRs missing a check-in: 7 days before as-of is missing, on as-of is not; owner and last check-in", () => {
    const miss = byId(section(tab2, "Missing check-ins").rows);
    expect([...miss.keys()].sort()).toEqual(["O1.KR2", "O1.KR3", "O3.KR1"]);
    expect(miss.get("O1.KR2")!.Owner).toBe("planning.lead@example.com");
    expect(isoOf(miss.get("O1.KR2")!["Last check-in"])).toBe("2026-01-11");
    expect(miss.get("O3.KR1")!["Last check-in"]).toBe("never");
    expect(miss.has("O1.KR1")).toBe(false); // checked in on the as-of day
    // The formula-looking title shows literally.
    expect(miss.get("O1.KR3")!["Key result"]).toBe("=HYPERLINK(1)");
    const row = section(tab2, "Missing check-ins").at[[...miss.keys()].indexOf("O1.KR3")];
    expect(tab2.formulas[row][1]).toBe("");
    expect(String(tab2.values[rowWhere(tab2, (s) => s.startsWith("Missing"))][0])).toContain("2026-01-12 to 2026-01-18");
  });

  it("biggest movers since last week", () => {
    const movers = section(tab2, "Biggest movers").rows;
    const up = movers.filter((r) => r.Direction === "Up").map((r) => String(r.ID));
    const down = movers.filter((r) => r.Direction === "Down").map((r) => String(r.ID));
    expect(down).toEqual(["O1.KR1"]);
    expect(up).toContain("O2.KR2"); // 0 → 1
    expect(up).toContain("O3.KR2");
    const kr1 = movers.find((r) => r.ID === "O1.KR1")!;
    expect(kr1["Last week"]).toBeCloseTo(3 / 13, 12);
    expect(kr1.Now).toBe(0); // 81 is below the start (82): clamped
    expect(kr1.Change).toBe(shown(Number(kr1.Now) - Number(kr1["Last week"])));
    expect(String(section(tab1, "Biggest movers").rows[0].Direction)).toContain("first week");
  });

  it("per-KR trend: weekly values and a SPARKLINE formula over them", () => {
    // On the Weekly Trend tab, laid out for the 13-week cycle; week 2 (an ordinary week) read week 1 back from it.
    const tr = section(trend2, "Trend");
    expect(tr.heading).toBe(0);
    const weeks = Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`);
    expect(tr.headers).toEqual(["ID", "Key result", ...weeks, "Trend", "Last weeks"]);
    const m = byId(tr.rows);
    expect([...m.keys()]).toEqual(Object.keys(OWNER)); // tracker order
    expect(m.get("O1.KR1")!["Week 1"]).toBe(85);
    expect(m.get("O1.KR1")!["Week 2"]).toBe(81);
    expect(m.get("O1.KR1")!["Week 3"]).toBe(""); // the weeks to come are blank
    expect(m.get("O2.KR2")!["Week 1"]).toBe(91);
    expect(m.get("O2.KR2")!["Week 2"]).toBe(93);
    expect(m.get("O3.KR1")!["Week 1"]).toBe("");
    expect(m.get("O1.KR1")!["Last weeks"]).toBe("█▁ 85% → 81%");
    expect(m.get("O1.KR3")!["Key result"]).toBe("=HYPERLINK(1)");
    tr.at.forEach((i) => {
      expect(trend2.formulas[i][15]).toBe(`=IFERROR(SPARKLINE(C${i + 1}:O${i + 1},{"empty","ignore"}),"")`);
      expect(trend2.formulas[i][1]).toBe("");
    });
    // The Weekly Summary no longer holds it.
    expect(tab2.values.some((r) => String(r[0]).startsWith("Trend"))).toBe(false);
    expect(tab2.formulas.flat().some((f) => f.includes("SPARKLINE"))).toBe(false);
  });

  it("History gets each week's rows", () => {
    expect(history1).toHaveLength(7);
    expect(history1.every((h) => h.Week === 1 && isoOf(h["As of"]) === W1)).toBe(true);
    expect(history2).toHaveLength(14);
    expect(history2.slice(0, 7)).toEqual(history1);
    const w2 = history2.slice(7);
    expect(w2.map((h) => h["KR ID"])).toEqual(Object.keys(OWNER));
    expect(w2.find((h) => h["KR ID"] === "O1.KR1")).toMatchObject({ Week: 2, Value: 81 });
    expect(w2.find((h) => h["KR ID"] === "O3.KR1")).toMatchObject({ Week: 2, Value: "", Status: "Not started" });
  });
});

describe("Regenerating the summary", () => {
  it("the same week does not duplicate History; a later edit keeps earlier weeks' rows unchanged", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    summarize(wb, W1);
    checkIn(wb, "2026-01-13", "O1.KR1", 88);
    summarize(wb, W2);
    const before = rowsOf(wb, "History");
    expect(before).toHaveLength(14);
    summarize(wb, W2);
    summarize(wb, W2);
    expect(rowsOf(wb, "History")).toEqual(before);
    // The tab keeps exactly one (warning-only) protection and its frozen title rows across regenerations;
    // so does the Weekly Trend tab (its heading and header rows).
    for (const name of ["Weekly Summary", "Weekly Trend"]) {
      const sh = ss(wb).getSheetByName(name)!;
      const protections = sh.getProtections(PROTECTION.SHEET);
      expect(protections.map((p) => p.isWarningOnly())).toEqual([true]);
      expect(sh.getFrozenRows()).toBe(2);
    }

    // A later edit: O1.KR1's start moves from 82 to 80 (every score of O1.KR1 changes).
    const kr = ss(wb).getSheetByName("Key Results")!;
    expect(kr.getRange("G2").getValue()).toBe(82);
    kr.getRange("G2").setValue(80);
    const again = summarize(wb, W2);
    const after = rowsOf(wb, "History");
    expect(after).toHaveLength(14);
    expect(after.slice(0, 7)).toEqual(before.slice(0, 7)); // week 1 frozen
    const kr1 = after.find((h) => h.Week === 2 && h["KR ID"] === "O1.KR1")!;
    expect(kr1.Score).toBeCloseTo(8 / 15, 12);
    // Change since last week compares with week 1's stored History score (3/13), not a recomputation.
    const k = again.data.krs.find((x: { id: string }) => x.id === "O1.KR1");
    expect(k.change).toBe(shown(8 / 15 - 3 / 13));
    const o1 = again.data.objectives.find((x: { id: string }) => x.id === "O1");
    const w1o1 = (2 * (3 / 13) + 0 + 1) / 4; // weights 2,1,1; O1.KR3 stay_below scores 1
    expect(o1.change).toBe(shown(o1.score - w1o1));
  });

  it("refuses a damaged tracker (Key Results tab deleted) with a message naming the tab", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    const s = ss(wb);
    s.deleteSheet(s.getSheetByName("Key Results")!);
    setToday(wb, W1);
    let r: { ok: boolean; message?: string } | undefined;
    expect(() => (r = callAddon(wb, "generateWeeklySummary", { at: W1 }))).not.toThrow();
    expect(r!.ok).toBe(false);
    expect(r!.message).toContain("Key Results");
  });
});

describe("The tab's look", () => {
  it("title large and bold, section headings white on dark blue, table headers bold on grey, other cells plain", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    summarize(wb, W1);
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const t = summaryTab(wb);
    // As Sheets paints it: the weights, colours and fills are conditional-format rules (render.ts statusColours).
    const look = (row: number, col = 1) => {
      const l = cellLook(sh, row + 1, col);
      return [l.bold ? "bold" : "normal", sh.getRange(row + 1, col).getFontSize(), l.color, l.background];
    };
    expect(look(0)).toEqual(["bold", 16, "#1f3b57", "#ffffff"]);
    const overall = rowWhere(t, (s) => s === "Overall");
    expect(look(overall)).toEqual(["bold", 10, "#ffffff", "#1f3b57"]);
    // Text without a colour of its own keeps the sheet's default (only the cells that differ are formatted).
    expect(look(overall + 1)).toEqual(["bold", 10, "#000000", "#e8eaed"]);
    expect(look(overall + 2)).toEqual(["normal", 10, "#000000", "#ffffff"]);
    // A status word: bold (its cell's look) and coloured by its status (the rules that colour the words come
    // first, so a reading of Google's rules that paints only the first that holds keeps it bold).
    const status = sh.getRange(overall + 3, 3).getValue();
    expect(["On track", "At risk", "Off track", "Not started"]).toContain(status);
    expect(look(overall + 2, 3)).toEqual(["bold", 10, RAG[status as keyof typeof RAG].fg, RAG[status as keyof typeof RAG].bg]);
    // Scores show two decimals, the check-in rate as a percentage.
    const fmts = sh.getRange(overall + 3, 1, 1, 4).getNumberFormats()[0];
    expect([fmts[0], fmts[1], fmts[3]]).toEqual(["0.00", "0.00", "0%"]);
  });
});

describe("A long cycle", () => {
  it("a 52-week cycle's summary works past week 23 (the trend is wider than a new sheet's 26 columns)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, weeks: 52 });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    const r = summarize(wb, "2026-08-01");
    expect(r.week).toBe(30);
    // The Weekly Trend tab has a column per week of the cycle: 56 columns, past a new sheet's 26.
    const tr = section(trendTab(wb), "Trend");
    expect(tr.headers[31]).toBe("Week 30");
    expect(tr.headers[53]).toBe("Week 52");
    expect(tr.headers.slice(54)).toEqual(["Trend", "Last weeks"]);
    expect(byId(tr.rows).get("O1.KR1")!["Week 30"]).toBe(85);
    expect(byId(tr.rows).get("O1.KR1")!["Week 31"]).toBe("");
    const sh = ss(wb).getSheetByName("Weekly Trend")!;
    expect(sh.getMaxColumns()).toBe(56);
    const at = section(trendTab(wb), "Trend").at[0] + 1;
    expect(sh.getRange(at, 55).getFormula()).toBe(`=IFERROR(SPARKLINE(C${at}:BB${at},{"empty","ignore"}),"")`);
    // The weeks past column Z got the trend's width too (set after the columns were inserted).
    expect([sh.getColumnWidth(3), sh.getColumnWidth(26), sh.getColumnWidth(27), sh.getColumnWidth(54)]).toEqual([70, 70, 70, 70]);
  });

  it("regenerating a 30-week summary ten times keeps the tab's size, and the title rows stay the frozen ones", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, weeks: 52 });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    summarize(wb, "2026-08-01");
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const trend = ss(wb).getSheetByName("Weekly Trend")!;
    const size = [sh.getMaxRows(), sh.getMaxColumns()];
    const trendSize = [trend.getMaxRows(), trend.getMaxColumns()];
    for (let i = 0; i < 10; i++) summarize(wb, "2026-08-01");
    expect([sh.getMaxRows(), sh.getMaxColumns()], "the tab grew on regeneration").toEqual(size);
    expect([trend.getMaxRows(), trend.getMaxColumns()], "the Weekly Trend tab grew on regeneration").toEqual(trendSize);
    expect(sh.getMaxRows()).toBe(1000);
    expect(trendSize).toEqual([1000, 56]);
    for (const [tab, title] of [[sh, "Weekly summary"], [trend, "Trend: each KR's value on its week's summary day"]] as const) {
      expect(tab.getFrozenRows()).toBe(2);
      expect(String(tab.getRange("A1").getValue())).toContain(title);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Service calls: bounded, independent of the tracker's size.

/** 200 KRs (50 objectives of 4) and 2,000 check-ins in the first two weeks, History still empty: the
 * benchmark's generator (src/local/generate), then repaired so every KR row has its formulas. */
function bigTracker(): Workbook {
  const g = generateTracker({ name: "summary-budget", objectives: 50, krs: 200, checkins: 2000, owners: 4, start: START, today: "2026-01-19" }, { history: false, headroom: false });
  const wb = openTracker(g.snapshot, { at: START, user: ADMIN });
  const repaired = callAddon(wb, "repairTracker");
  if (!repaired.ok) throw new Error(repaired.message);
  return wb;
}

function measured(wb: Workbook, at: string): number {
  setToday(wb, at);
  wb.services.counters.reset();
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(r.message);
  return wb.services.counters.serviceCalls;
}

describe("Summary generation costs a bounded number of service calls", () => {
  it("the same count for the template and for 200 KRs with 2,000 log rows, at most 76 an ordinary week (87 when the Weekly Trend is rewritten whole, 96 the first, which makes both tabs)", () => {
    const small = newTracker({ template: "operations", start: START, at: START });
    checkIn(small, "2026-01-06", "O1.KR1", 85);
    const smallFirst = measured(small, W1);
    const smallW2 = measured(small, W2);
    const smallRegen = measured(small, W2);
    // Weeks 3 to 13, a summary each week (week 13 as of its first day): each an ordinary week, which reads
    // the past weeks back from the Weekly Trend tab and writes its own week's column there.
    const weekDays = ["2026-01-25", "2026-02-01", "2026-02-08", "2026-02-15", "2026-02-22", "2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29", "2026-03-30"];
    const smallWeeks = weekDays.map((day) => measured(small, day));
    const smallW13 = smallWeeks[smallWeeks.length - 1];

    const big = bigTracker();
    expect(rowsOf(big, "Key Results")).toHaveLength(200);
    expect(rowsOf(big, "Check-ins")).toHaveLength(2000);
    const bigFirst = measured(big, W1);
    const bigW2 = measured(big, W2);
    const bigRegen = measured(big, W2);
    // History is not sized for the cycle (the summary reads it to its last row and grows it when a week
    // needs room): it is a new sheet's 1,000 rows.
    const hist = ss(big).getSheetByName("History")!;
    expect(hist.getMaxRows()).toBe(1000);
    // Weeks 3–6 take History past a new sheet's 1,000 rows (200 KRs × 6 weeks).
    const growing = ["2026-01-25", "2026-02-01", "2026-02-08", "2026-02-15"].map((day) => measured(big, day));
    expect(rowsOf(big, "History")).toHaveLength(1200);
    // The week that grew History carried its Status colours down to the new last row.
    const statusRules = hist.getConditionalFormatRules().map((r) => r.getRanges()[0].getA1Notation()).filter((a1) => /^F2:F\d+$/.test(a1));
    expect(statusRules.length).toBeGreaterThan(0);
    for (const a1 of statusRules) expect(a1).toBe(`F2:F${hist.getMaxRows()}`);
    expect(hist.getMaxRows()).toBeGreaterThan(1200);
    // A past week's value typed over on the Weekly Trend: the next summary reads the past weeks back, finds a
    // digest changed and rewrites the tab whole, from History read whole (a regeneration of week 6).
    ss(big).getSheetByName("Weekly Trend")!.getRange(3, 3).setValue(1);
    const bigWhole = measured(big, "2026-02-15");
    // The same for the Weekly Summary itself (a new sheet's 1,000 rows, made by the first summary): trimmed to 100 rows,
    // the next generation (a regeneration of week 6, an ordinary week: week 5 left its checkpoint) grows it
    // with three calls more (the failed range, the sheet's size, the insert; the status colours are set over
    // the whole grid by every generation, grown or not), and the whole report is there.
    const summaryTab = ss(big).getSheetByName("Weekly Summary")!;
    summaryTab.deleteRows(101, summaryTab.getMaxRows() - 100);
    const growingSummary = measured(big, "2026-02-15");
    expect(growingSummary).toBe(smallW2 - 2 + 3);
    expect(summaryTab.getLastRow()).toBeGreaterThan(400);
    const bigW13 = measured(big, "2026-03-30");
    console.log(`service calls — template: first ${smallFirst}, week 2 ${smallW2}, regen ${smallRegen}, weeks 3–13 ${smallWeeks.join("/")}; ` +
      `200 KRs / 2,000 log rows: first ${bigFirst}, week 2 ${bigW2}, regen ${bigRegen}, weeks 3–6 ${growing.join("/")} (growing History), whole ${bigWhole}, week 13 ${bigW13}`);
    expect(rowsOf(big, "History")).toHaveLength(1400);

    expect(bigFirst).toBe(smallFirst);
    // The template's log and History are a few rows in a new sheet's 1,000: they have many blank rows below
    // them, so the summary asks for each one's last row (one call) rather than read them; the big log ends at
    // the sheet's end, and the big History (201 rows after week 1) within 800 rows of it. Compared like with
    // like: an ordinary week, and a week that rewrites the Weekly Trend tab whole.
    const bigOrdinary = smallW2 - 2;
    expect(growing.filter((n) => n === bigOrdinary)).toHaveLength(3); // weeks 3, 4 and 6
    // A regeneration of the same week is an ordinary week when last week left its checkpoint (the template's
    // week 1 did): it reads the past weeks back and rewrites week 2's column.
    expect(smallRegen).toBe(smallW2);
    // The big tracker's log holds check-ins dated after week 1's as-of day, so week 1 left no checkpoint to
    // read the log from (week 2 reads it whole, with the calls of an ordinary week's read: it ends at the
    // sheet's end), but it recorded where its History rows are: its week 2, and the regeneration, are
    // ordinary weeks too (they write only week 2's column of the Weekly Trend; until session 9 they rewrote it
    // whole).
    expect([bigW2, bigRegen]).toEqual([bigOrdinary, bigOrdinary]);
    // The trend's width (13 weeks) adds no calls: every ordinary week costs the same, week 13 too.
    expect(smallWeeks).toEqual(new Array(weekDays.length).fill(smallW2));
    // Week 13 of the big tracker comes after weeks 7–12 without a summary: the Weekly Trend's record lacks
    // them, so the tab is rewritten whole without reading its past weeks back (three calls fewer than a
    // rewrite after a cell typed over, which reads them: the tab's width, a range and its values; summaryTab.ts
    // uses them only after last week's summary; both ask for the tab's ID, which says the record is this tab's).
    expect(bigW13).toBe(bigWhole - 3);
    // Each tab is read as far as its last row, never the blank rows of a grid. The budget of an ordinary
    // week (week 2 after week 1), by part: the lock and time zone 4; Settings 2; Objectives 3 (tab, data
    // range, values); the KR rows 2 (by the computed ID count); the checkpoint property 2; the Weekly Trend's
    // past weeks 6 (the tab, its record property, its sheet ID, its width, weeks 1..N−1 of the KR and Chart
    // data rows: a range and its values; trendCache.ts); History 7 (tab, its size, last row, header region, and the rows from last
    // week's first row down, every column at once: a range and values each; no last row when History ended
    // within 800 rows of the sheet's end last week: summaryRead.ts); the log 5 (tab, the sheet's size, its
    // last row when many blank rows lie below it, as in the template's, the rows from the checkpoint on: a
    // range and values; summaryRead.ts); the locale 1 (numbers inside text); the summary 18: tab, its ID
    // (the record says it is ours, so someone's own tab of that name is refused before anything is written:
    // reportTabs.ts), clear, the block's range, the values in two bands (a range and a write each, render.ts), and only the cells that
    // differ from a cleared cell's look formatted (renderSparse.ts): the title's text style, and a range list
    // and a call for each of four number formats (8: percentages are written as typed "38%" text, which
    // carries its format; weights, text colours and fills are rules, below; until session 16 they were 10
    // calls more: bold, white and grey text, two fills); the status colours and looks 6 (the tab's size, its
    // whole grid's range, the looks' ranges as one range list and its ranges, the rules: clear() removed them); the Weekly Trend's week-N column (its KR values
    // and Chart data values) and Last weeks 4 (a range and a write each: trendTab.ts); the charts 7
    // (getCharts, and each chart's range's tab, the tab's name and the range's address: getRanges gives Range
    // objects, as on Google; they draw these ranges already); the Weekly Trend's record 2 (the tab's ID);
    // History's rows 2 (range, values); its Score column's format record 2 (the tab's size and ID: formatted
    // already); the records written back in one setProperties 1; the Key Results forecast columns
    // 2; flush and release 2: 76 for the template, 74 for the big tracker (neither last row asked; 84 and 82
    // before session 16's looks as rules). Before
    // the Weekly Trend tab (session 8) it was 74: +6 to read the past weeks back, +4 to write week N's column
    // and Last weeks, +4 to check the charts' ranges' tab, +2 for the record; −2 for History read from last
    // week's first row in one read, −2 for the Chart data block no longer written beside the report; +1 in
    // session 9 for the Weekly Summary's ID (86 before); −3 in session 12, the properties read and written
    // once each (87 before: three getProperty, two setProperty).
    expect(smallW2).toBe(76);
    // A week that rewrites the Weekly Trend whole (the big tracker's week 6 after a past week's value was
    // typed over on the tab) costs 11 more than an ordinary week: History read whole (the header region, the base columns, last
    // week's state columns: 2 more) and the tab cleared and written whole (clear, the range, the values, then
    // a range list and a call for each of its five looks: bold, white text, two fills, 0.00; 13 calls where
    // an ordinary week makes 4).
    expect(bigWhole).toBe(bigOrdinary + 2 + 9);
    // The first generation reads no record (the 4 calls reading the past weeks back), has no History rows
    // to read (two reads, four calls fewer), inserts the charts (4) without reading any chart's range (6
    // fewer) and formats History's Score column (the range and the format: 2; its record goes in the one setProperties); it reads the whole
    // log with the four calls of a log that ends at the sheet's end (the big tracker's). It also makes both
    // tabs (setup does not: summaryTab.ts createSummarySheet, trendTab.ts createTrendSheet): the insert, the
    // frozen rows, two width calls, the protection, canEdit and warning-only, 7 calls each where a later
    // generation clears the tab (1): 6 more each, and one for the Weekly Summary's third width (H's 260 for
    // Needs attention's Forecast, session 22). Finding neither tab by getSheetByName, it looks at every
    // tab's name once (getSheets and a getName for each of the template's five: sheetNamed.ts), so that a tab
    // renamed in capitals is found under either reading of getSheetByName (session 13): 6 more.
    expect(smallFirst).toBe(bigWhole - 4 - 4 + 4 - 6 + 2 + 6 + 6 + 6 + 1);
    for (const n of [smallW2, ...smallWeeks]) expect(n).toBeLessThanOrEqual(76);
    for (const n of [smallRegen, bigW2, bigRegen, bigWhole, bigW13]) expect(n).toBeLessThanOrEqual(87);
    expect(smallFirst).toBeLessThanOrEqual(96);
    // A week that grows History: the failed range, the tab's size, the insert, the range again, and its
    // Status colours carried down (the rules, each one's range and address, the new range, the write).
    expect(Math.max(...growing)).toBeLessThanOrEqual(bigOrdinary + 20);
  });
});

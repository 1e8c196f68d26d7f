// The leaders' view of the Weekly Summary (issue 15) through the BUILT add-on (run `npm run build` first):
// corrections, confidence, blockers, worst first, the "This week" text and the trend outside Google.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { byId, chartDataAt, OPERATIONS_OWNER, reportWidth, rowWhere, section, summarize, summaryTab, trendTab, type Tab } from "../support/summaryTab";
import { cellLooks } from "../../src/local/sheets/look";

const START = "2026-01-05"; // a Monday; week 1 = 01-05..01-11, week 2 = 01-12..01-18
const W2 = "2026-01-18";

const OWNER = OPERATIONS_OWNER;

function checkIn(wb: Workbook, day: string, krId: string, value: number, extra: Record<string, unknown> = {}): string {
  setToday(wb, day);
  wb.services.session.setUser(OWNER[krId]);
  const id = requestId();
  const r = callAddon(wb, "submitCheckin", { requestId: id, krId, value: String(value), confidence: 6, confirmed: true, ...extra });
  if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
  return id;
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
    const trend = byId(section(trendTab(wb), "Trend").rows).get("O1.KR1")!;
    expect(trend["Week 2"], "the trend shows the corrected value").toBe(84);
    expect(trend["Last weeks"], "and so does its text").toBe("█▁ 85% → 84%");
    const hist = rowsOf(wb, "History").find((h) => h["KR ID"] === "O1.KR1")!;
    expect(hist.Value, "History agrees with Current").toBe(84);
  });
});

/**
 * Week 1: five KRs check in, all on track. Week 2: O2.KR2 falls off track (91 < 92), O1.KR1 drops behind
 * with a blocker, O2.KR1 gains but its confidence falls from 7 to 3 and it reports a blocker twice,
 * O3.KR2's confidence falls from 9 to 6 through a correction that also removes a mistyped blocker.
 */
function leadersWeek(): { wb: Workbook; data: any; tab: Tab; tab1: Tab; trend: Tab } {
  const wb = newTracker({ template: "operations", start: START, at: START });
  checkIn(wb, "2026-01-06", "O1.KR1", 85, { confidence: 8 });
  checkIn(wb, "2026-01-07", "O2.KR1", 6, { confidence: 7 });
  checkIn(wb, "2026-01-07", "O2.KR2", 93, { confidence: 9 });
  checkIn(wb, "2026-01-08", "O1.KR2", 9.4, { confidence: 6 });
  checkIn(wb, "2026-01-09", "O3.KR2", 0.3, { confidence: 9 });
  summarize(wb, "2026-01-11");
  const tab1 = summaryTab(wb);

  checkIn(wb, "2026-01-12", "O2.KR1", 5.5, { confidence: 5, blockers: "Waiting on tooling" });
  checkIn(wb, "2026-01-13", "O2.KR1", 5, { confidence: 3, blockers: "Waiting on tooling", nextStep: "Escalate" });
  checkIn(wb, "2026-01-14", "O2.KR2", 91, { confidence: 4 });
  checkIn(wb, "2026-01-15", "O3.KR2", 0.5, { confidence: 9, blockers: "Typo blocker" });
  checkIn(wb, "2026-01-16", "O3.KR2", 0.5, { confidence: 6, correct: true, whatChanged: "meant 6" });
  checkIn(wb, "2026-01-16", "O1.KR1", 81, { confidence: 7, whatChanged: "Carrier strike", blockers: "Carrier capacity" });
  const r = summarize(wb, W2);
  return { wb, data: r.data, tab: summaryTab(wb), tab1, trend: trendTab(wb) };
}

describe("The leaders' view of a week", () => {
  const { data, tab, tab1, trend } = leadersWeek();
  const kr = (id: string) => data.krs.find((k: { id: string }) => k.id === id);

  it("the week is what the scenario says", () => {
    expect(kr("O2.KR2").status).toBe("Off track");
    expect(kr("O2.KR2").lastWeekStatus).toBe("On track");
    expect(["At risk", "Off track"]).toContain(kr("O1.KR1").status);
    expect(kr("O2.KR1").status).toBe("On track");
    expect(kr("O3.KR2").status).toBe("On track");
  });

  it("'This week' comes first: four lines a leader can paste, singular where one", () => {
    const h = rowWhere(tab, (s) => s === "This week");
    expect(h, "right under the title block").toBe(3);
    const lines = [1, 2, 3, 4].map((i) => String(tab.values[h + i][0]));
    expect(lines).toEqual(data.thisWeek);
    const off = data.krs.filter((k: { status: string }) => k.status === "Off track").length;
    const risk = data.krs.filter((k: { status: string }) => k.status === "At risk").length;
    expect(lines[0]).toBe(`1 KR fell off track (O2.KR2); ${off} off track and ${risk} at risk in all.`);
    expect(lines[1]).toBe(
      "4 of 7 KRs checked in this week (missing: O1.KR2, O3.KR1, O1.KR3); 2 KRs reported blockers (O1.KR1, O2.KR1); 2 on-track KRs have low confidence (O2.KR1, O3.KR2).",
    );
    const up = data.movers.up[0];
    const down = data.movers.down[0];
    expect(up.id).toBe("O2.KR1");
    expect(lines[2]).toBe(`Biggest gain: O2.KR1 +${up.change.toFixed(2)}; biggest drop: ${down.id} ${down.change.toFixed(2)}.`);
    // Week 1 has nothing to compare with and says so.
    const w1 = rowWhere(tab1, (s) => s === "This week");
    expect(String(tab1.values[w1 + 1][0])).toBe("No KR off track; no KR at risk.");
    expect(String(tab1.values[w1 + 2][0])).toBe("5 of 7 KRs checked in this week (missing: O3.KR1, O1.KR3); no blockers reported.");
    expect(String(tab1.values[w1 + 3][0])).toBe("First week of the cycle: no change to compare yet.");
    // The fourth: which KRs end short of their goal at this pace (week 2: too early to tell).
    expect(lines[3]).toBe("At this pace: not enough check-ins to forecast yet (3 weeks are needed).");
  });

  it("Needs attention shows confidence now and its change since last week", () => {
    const att = section(tab, "Needs attention");
    expect(att.headers.slice(0, 7)).toEqual(["ID", "Key result", "Owner", "Status", "Score", "Confidence", "Confidence change"]);
    const m = byId(att.rows);
    expect(m.get("O2.KR2")).toMatchObject({ Confidence: 4, "Confidence change": -5 });
    expect(m.get("O1.KR1")).toMatchObject({ Confidence: 7, "Confidence change": -1, Blockers: "Carrier capacity" });
  });

  it("Low confidence lists on-track KRs at 4 or less, or down 3 or more (exactly 3 counts), lowest first", () => {
    const low = section(tab, "Low confidence");
    expect(low.rows.map((r) => r.ID)).toEqual(["O2.KR1", "O3.KR2"]);
    expect(low.rows[0]).toMatchObject({ Confidence: 3, "Confidence change": -4, Why: "Confidence 3 of 10, fell from 7 to 3" });
    expect(low.rows[1]).toMatchObject({ Confidence: 6, "Confidence change": -3, Why: "Fell from 9 to 6" });
    // O2.KR2 has confidence 4 but is off track: it is in Needs attention, not here.
    expect(String(section(tab1, "Low confidence").rows[0].ID)).toMatch(/^None/);
  });

  it("blockers of every KR checked in this week, on-track ones too; repeated text once; a corrected row's never", () => {
    const b = section(tab, "Blockers reported this week");
    expect(b.rows.map((r) => [r.ID, r.Blockers, r.Status])).toEqual([
      ["O1.KR1", "Carrier capacity", kr("O1.KR1").status],
      ["O2.KR1", "Waiting on tooling", "On track"],
    ]);
    expect(b.rows[1]["Next step"]).toBe("Escalate"); // the newest of the two check-ins
    expect(allText(tab)).not.toContain("Typo blocker");
  });

  it("worst first: the attention lists sit above the long tables; objectives and missing check-ins by gap", () => {
    const heading = (s: string) => rowWhere(tab, (t) => t.startsWith(s));
    const order = ["This week", "Overall", "Needs attention", "Low confidence", "Blockers", "Objectives", "Key results by status", "Missing check-ins", "Biggest movers"];
    const at = order.map(heading);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(heading("Needs attention"), "on the first screen").toBeLessThan(15);
    // The longest table, the trend by week, has a tab of its own: none of it is left on the summary.
    expect(() => heading("Trend"), "no Trend section on the Weekly Summary").toThrow("row not found");
    expect(rowWhere(trend, (t) => t.startsWith("Trend")), "the Weekly Trend tab opens with it").toBe(0);

    const objectives = section(tab, "Objectives").rows.map((o) => Number(o.Score) - Number(o.Expected));
    expect(objectives).toEqual([...objectives].sort((x, y) => x - y));
    const gap = (id: unknown) => kr(String(id)).gap ?? Infinity;
    const missing = section(tab, "Missing check-ins").rows.map((r) => r.ID);
    expect(missing).toEqual(["O1.KR2", "O3.KR1", "O1.KR3"]); // tracker order would put O1.KR3 second
    expect(missing.map(gap)).toEqual(missing.map(gap).sort((x, y) => x - y));
    const attention = section(tab, "Needs attention").rows;
    for (const st of ["Off track", "At risk"]) {
      const gaps = attention.filter((r) => r.Status === st).map((r) => gap(r.ID));
      expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
    }
  });

  it("the trend keeps its SPARKLINE and shows the weeks as text beside it", () => {
    const tr = section(trend, "Trend");
    // The whole cycle's 13 weeks (the weeks to come blank), then the sparkline and the text.
    const weekNames = Array.from({ length: 13 }, (_, w) => `Week ${w + 1}`);
    expect(tr.headers).toEqual(["ID", "Key result", ...weekNames, "Trend", "Last weeks"]);
    const m = byId(tr.rows);
    expect(m.get("O1.KR1")!["Last weeks"]).toBe("█▁ 85% → 81%");
    expect(m.get("O2.KR1")!["Last weeks"]).toBe("█▁ 6% → 5%");
    expect(m.get("O3.KR2")!["Last weeks"]).toBe("▁█ 0.3 → 0.5");
    expect(m.get("O3.KR1")!["Last weeks"]).toBe(""); // never checked in
    expect(tr.rows.map((r) => r.ID)).toEqual(["O1.KR1", "O1.KR2", "O1.KR3", "O2.KR1", "O2.KR2", "O3.KR1", "O3.KR2"]); // tracker order
    expect(m.get("O1.KR1")).toMatchObject({ "Week 1": 85, "Week 2": 81, "Week 3": "", "Week 13": "" });
    expect(tr.at[0], "the KR rows from row 3").toBe(2);
    // The sparkline over every week of the cycle, blank weeks not drawn; blank where it cannot draw.
    tr.at.forEach((i) => expect(trend.formulas[i][15]).toBe(`=IFERROR(SPARKLINE(C${i + 1}:O${i + 1},{"empty","ignore"}),"")`));
    tr.at.forEach((i) => expect(trend.values[i][15]).toBe(""));
  });
});

describe("Section headings are readable in Google Sheets", () => {
  it("a heading's dark fill runs across its row, under the white text that flows past column A", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    summarize(wb, W2);
    const tab = summaryTab(wb);
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const width = reportWidth(tab); // the report's columns (the charts float right of them)
    // As painted: the Weekly Summary's fills are conditional-format rules (render.ts statusColours).
    const fills = cellLooks(sh, 1, 1, tab.values.length, width).map((row) => row.map((l) => l.background));
    const headings = ["Needs attention", "Objectives", "Missing check-ins"].map((h) => rowWhere(tab, (s) => s.startsWith(h)));
    for (const r of headings) {
      expect(String(tab.values[r][0]).length, "the heading text is longer than one cell").toBeGreaterThan(12);
      fills[r].forEach((bg, c) => expect(bg.toLowerCase(), `row ${r + 1} column ${c + 1}`).toBe("#1f3b57"));
    }
    // A header row below a heading keeps its own grey, and blank rows stay white.
    expect(fills[headings[0] + 1][0].toLowerCase()).toBe("#e8eaed");
    const blank = tab.values.findIndex((row, i) => i > headings[0] && row.slice(0, width).every((v) => v === ""));
    fills[blank].forEach((bg) => expect(bg.toLowerCase()).toBe("#ffffff"));

    // The Weekly Trend tab's two headings (the trend's in A1, the Chart data's in column A below it) too.
    const trend = trendTab(wb);
    const tw = reportWidth(trend);
    const tfills = ss(wb).getSheetByName("Weekly Trend")!.getRange(1, 1, trend.values.length, tw).getBackgrounds();
    for (const r of [0, chartDataAt(trend).row]) {
      expect(String(trend.values[r][0]).length, "the heading text is longer than one cell").toBeGreaterThan(12);
      tfills[r].forEach((bg, c) => expect(bg.toLowerCase(), `Weekly Trend row ${r + 1} column ${c + 1}`).toBe("#1f3b57"));
    }
    expect(tfills[1][0].toLowerCase()).toBe("#e8eaed");
    tfills[chartDataAt(trend).row - 1].forEach((bg) => expect(bg.toLowerCase()).toBe("#ffffff"));
  });
});

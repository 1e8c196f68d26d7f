// Numbers inside the text the add-on writes follow the spreadsheet locale, through the BUILT add-on (run
// `npm run build` first) on the offline spreadsheet: the same weeks in en_US and in de_DE give the same
// tabs, but for the decimal point of the numbers in our own sentences. Cells that hold numbers stay
// numbers (their formats show them in the locale), and text that came from the sheet (titles with "9.5")
// is left as the user typed it. A check-in's question and a correction's note do the same.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { OPERATIONS_OWNER, section, summarize, summaryTab, trendTab } from "../support/summaryTab";
import { commaOf } from "../support/commaOf";

const START = "2026-01-05";

/** Three weeks of check-ins, values typed as the locale writes them ("82,25" in de_DE). */
function weeks(locale: string): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START });
  ss(wb).setSpreadsheetLocale(locale);
  const typed = (v: number) => (locale === "de_DE" ? String(v).replace(".", ",") : String(v));
  const checkIn = (day: string, krId: string, value: number, confidence: number) => {
    setToday(wb, day);
    wb.services.session.setUser(OPERATIONS_OWNER[krId]);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: typed(value), confidence, confirmed: true });
    wb.services.session.setUser("ops.lead@example.com");
    if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  };
  // O1.KR1 (82 → 95 %) creeps up with confidence 8: forecast short of its goal, and a confidence signal.
  checkIn("2026-01-06", "O1.KR1", 82.25, 8);
  checkIn("2026-01-13", "O1.KR1", 82.5, 8);
  checkIn("2026-01-22", "O1.KR1", 82.75, 8);
  // O1.KR2 (9.5 → 6 days) and O2.KR1 (6.5 → 3 %) move in decimals.
  checkIn("2026-01-07", "O1.KR2", 9.25, 6);
  checkIn("2026-01-14", "O1.KR2", 8.75, 6);
  checkIn("2026-01-21", "O1.KR2", 9.4, 5);
  checkIn("2026-01-08", "O2.KR1", 6.2, 7);
  checkIn("2026-01-20", "O2.KR1", 5.5, 7);
  return wb;
}

function values(wb: Workbook, tab: string): unknown[][] {
  return ss(wb).getSheetByName(tab)!.getDataRange().getValues();
}

/** Every cell of `tab` in de_DE against en_US; returns how many text cells differ. */
function compareTabs(de: Workbook, en: Workbook, tab: string): number {
  const d = values(de, tab);
  const e = values(en, tab);
  const titles = new Set([...rowsOf(en, "Key Results").map((r) => r["Key result"]), ...rowsOf(en, "Objectives").map((r) => r.Objective)].map(String));
  expect(d.length, `${tab}: rows`).toBe(e.length);
  let changed = 0;
  e.forEach((row, i) =>
    row.forEach((v, j) => {
      const at = `${tab} row ${i + 1} column ${j + 1}`;
      if (typeof v === "string" && !titles.has(v)) {
        expect(d[i][j], at).toBe(commaOf(v));
        if (d[i][j] !== v) changed++;
      } else expect(d[i][j], at).toEqual(v); // numbers, dates, and the sheet's own text as they were
    }),
  );
  return changed;
}

describe("a de_DE spreadsheet: decimal commas in the text the add-on writes", () => {
  const de = weeks("de_DE");
  const en = weeks("en_US");

  it("the check-ins stored the same numbers", () => {
    expect(rowsOf(de, "Check-ins").map((r) => r.Value)).toEqual(rowsOf(en, "Check-ins").map((r) => r.Value));
  });

  it("Weekly Summary: This week, Forecast, Signals, the text trend and the note", () => {
    const at = "2026-01-25";
    const dd = summarize(de, at).data;
    summarize(en, at);
    expect(dd.decimalSeparator).toBe(",."); // the decimal comma, then the thousands point (session 21)
    const tab = summaryTab(de);
    const lines = tab.values.map((r) => r.map(String));
    const thisWeek = lines[lines.findIndex((r) => r[0] === "This week") + 3][0];
    expect(thisWeek).toMatch(/^Biggest gain: \S+ \+\d,\d\d; biggest drop: \S+ -\d,\d\d\.$/);
    const forecast = section(tab, "Forecast").rows.find((r) => r.ID === "O1.KR1")!;
    expect(forecast.Forecast).toBe("85,25% by 2026-04-05");
    expect(forecast["Forecast score"]).toBeCloseTo(0.25, 9); // a number: its format shows 0,25
    const signals = section(tab, "Signals").rows.map((r) => String(r.Reason));
    expect(signals).toContain("Confidence 8/10, but at this pace the KR ends at 0,25");
    const trend = section(trendTab(de), "Trend").rows.find((r) => r.ID === "O1.KR2")!;
    expect(trend["Last weeks"]).toMatch(/ 9,25 → 8,75 → 9,4 days$/);
    expect(lines.some((r) => r[0].startsWith("Scores run from 0,00 to 1,00."))).toBe(true);
    // The titles "Cut order cycle time from 9.5 to 6 days" etc. are the user's: left as typed.
    expect(lines.some((r) => r.includes("Cut order cycle time from 9.5 to 6 days"))).toBe(true);
    expect(compareTabs(de, en, "Weekly Summary")).toBeGreaterThanOrEqual(5);
    // The trend has a tab of its own: the Last weeks text of the three KRs checked in with decimals.
    expect(compareTabs(de, en, "Weekly Trend")).toBeGreaterThanOrEqual(3);
  });

  it("Mid-cycle Review and Retrospective: the overall line, the signals and the grade bands", () => {
    for (const wb of [de, en]) {
      setToday(wb, "2026-02-15");
      expect(callAddon(wb, "createMidCycleReview", { at: "2026-02-15" }).ok).toBe(true);
      setToday(wb, "2026-04-05");
      expect(callAddon(wb, "endCycle", { at: "2026-04-05" }).ok).toBe(true);
    }
    expect(String(values(de, "Mid-cycle Review")[1][0])).toMatch(/ · overall \d,\d\d vs \d,\d\d expected \(.+\)$/);
    expect(compareTabs(de, en, "Mid-cycle Review")).toBeGreaterThanOrEqual(2);
    const retro = values(de, "Retrospective").map((r) => r.map(String));
    expect(retro[1][0]).toMatch(/ · overall \d,\d\d$/);
    const spread = retro.findIndex((r) => r[0] === "Grade spread");
    expect(retro.slice(spread + 2, spread + 5).map((r) => r[0])).toEqual(["0,0–0,39", "0,4–0,69", "0,7–1,0"]);
    expect(compareTabs(de, en, "Retrospective")).toBeGreaterThanOrEqual(10);
  });
});

describe("a check-in in de_DE", () => {
  it("the question about an implausible value shows the KR's range with a decimal comma", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    ss(wb).setSpreadsheetLocale("de_DE");
    wb.services.session.setUser(OPERATIONS_OWNER["O1.KR2"]);
    setToday(wb, "2026-01-20");
    // "-3" has no comma: the value's parse does not ask for the locale; the question does.
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR2", value: "-3", confidence: 6 });
    expect(r).toMatchObject({ ok: false, confirm: true, message: "\u22123 days is outside 9,5 days → 6 days; submit anyway?" });
  });

  it("a correction's note names the replaced value with a decimal comma", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    ss(wb).setSpreadsheetLocale("de_DE");
    wb.services.session.setUser(OPERATIONS_OWNER["O1.KR2"]);
    setToday(wb, "2026-01-20");
    const first = requestId();
    expect(callAddon(wb, "submitCheckin", { requestId: first, krId: "O1.KR2", value: "8,5", confidence: 6, confirmed: true }).ok).toBe(true);
    setToday(wb, "2026-01-21");
    // "8" has no comma: the value's parse does not ask for the locale; the note does.
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR2", value: "8", confidence: 6, confirmed: true, correct: true, whatChanged: "typo" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(rowsOf(wb, "Check-ins")[1]["What changed"]).toBe(`Correction of check-in ${first} (2026-01-20, value 8,5 days). typo`);
  });
});

describe("a roll over in de_DE", () => {
  it("a carried KR's baseline line writes its numbers with a decimal comma, in its unit (5,5 days past the target 6 days)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    ss(wb).setSpreadsheetLocale("de_DE");
    setToday(wb, "2026-03-30");
    wb.services.session.setUser(OPERATIONS_OWNER["O1.KR2"]);
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR2", value: "5,5", confidence: 8 }).ok).toBe(true);
    wb.services.session.setUser("ops.lead@example.com");
    setToday(wb, "2026-04-05");
    expect(callAddon(wb, "endCycle", { at: "2026-04-05" }).ok).toBe(true);
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" });
    expect(r.ok).toBe(true);
    expect(r.warnings).toContain(
      "O1.KR2: the new start (5,5 days) is already past the target (6 days), so the KR would score a move back towards 6 days as progress; set a new target before the first check-in.",
    );
  });
});

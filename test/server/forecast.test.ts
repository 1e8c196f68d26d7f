// The forecast columns, sections and sidebar line through the built add-on (run `npm run build` first).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { forecastLine } from "../../src/core/forecastWords";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

const START = "2026-01-05"; // 13 weeks: the last day is 2026-04-05
/** What O1.KR1 (on-time delivery 82% → 95%, committed) ends against, as the sidebar line names it. */
const TARGET_95 = { value: 95, word: "target" };
const OWNER = "dispatch.lead@example.com"; // owns O1.KR1: increase, 82 → 95 (%), objective O1 committed

function checkIn(wb: Workbook, day: string, value: number, confidence = 8) {
  setToday(wb, day);
  wb.services.session.setUser(OWNER);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: String(value), confidence });
  if (!r.ok) throw new Error(`check-in on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
  return r;
}

function summarize(wb: Workbook, at: string) {
  setToday(wb, at);
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(`summary ${at}: ${r.message}`);
}

function kr1(wb: Workbook): Record<string, unknown> {
  return rowsOf(wb, "Key Results").find((r) => r["ID"] === "O1.KR1")!;
}

function summaryText(wb: Workbook, tab = "Weekly Summary"): string[][] {
  return ss(wb).getSheetByName(tab)!.getDataRange().getValues().map((r) => r.map(String));
}

/** Rows of a summary section (heading row starting with `heading`, header row, rows up to a blank one). */
function section(wb: Workbook, heading: string): string[][] {
  const v = summaryText(wb);
  const h = v.findIndex((r) => r[0].startsWith(heading));
  if (h < 0) throw new Error(`no section ${heading}`);
  const out: string[][] = [];
  for (let i = h + 2; i < v.length && v[i].some((c) => c !== ""); i++) out.push(v[i]);
  return out;
}

/** Slow, steady progress: +0.25 a week, so the KR ends near 85.25 (score 0.25) while its owner says 8/10. */
function slowKr(): Workbook {
  const wb = newTracker({ start: START, at: START, user: "ops.lead@example.com" });
  checkIn(wb, "2026-01-06", 82.25);
  checkIn(wb, "2026-01-13", 82.5);
  checkIn(wb, "2026-01-22", 82.75);
  return wb;
}

const NEED_FROM_83 = { kind: "pace", perWeek: (95 - 83) / 9, slope: 0.25 };

describe("forecast columns, sections and the sidebar line", () => {
  it("before 3 weekly points: the reason, in Key Results and the sidebar", () => {
    const wb = newTracker({ start: START, at: START, user: "ops.lead@example.com" });
    const r = checkIn(wb, "2026-01-06", 83);
    expect(r.kr.forecast).toEqual({ ok: false, reason: "not enough check-ins to forecast yet" });
    expect(kr1(wb)["Forecast"]).toBe("not enough check-ins to forecast yet");
    expect(kr1(wb)["Forecast score"]).toBe("");
  });

  it("the summary writes Forecast, Forecast score and Weeks to target, lists the KR and the signal", () => {
    const wb = slowKr();
    summarize(wb, "2026-01-25");
    const row = kr1(wb);
    expect(row["Forecast"] as number).toBeCloseTo(85.25, 9);
    expect(row["Forecast score"] as number).toBeCloseTo(0.25, 9);
    expect(row["Weeks to target"] as number).toBeCloseTo((95 - 82.75) / 0.25, 9);
    const forecast = section(wb, "Forecast");
    expect(forecast[0].slice(0, 4)).toEqual(["O1.KR1", "Raise on-time delivery from 82% to 95%", OWNER, "85.25% by 2026-04-05"]);
    const signals = section(wb, "Signals");
    expect(signals).toContainEqual(["Confidence disagrees with the trend", "O1.KR1", "Raise on-time delivery from 82% to 95%", "Confidence 8/10, but at this pace the KR ends at 0.25", ...signals[0].slice(4)]);
    wb.services.session.setUser(OWNER);
    const d = callAddon(wb, "getSidebarData", {});
    const line = d.krs.find((k: { id: string }) => k.id === "O1.KR1").forecast;
    expect(line).toMatchObject({ ok: true, endDay: "2026-04-05" });
    expect(forecastLine(line, "%")).toBe("At this pace: 85.25% by 2026-04-05 (target 95%) — score 0.25");
  });

  it("the check-in reply carries the forecast it wrote", () => {
    const wb = slowKr();
    const r = checkIn(wb, "2026-01-27", 83);
    const row = kr1(wb);
    expect(typeof row["Forecast"]).toBe("number");
    // Forecast to miss: what it takes from 83 (week 4's point, 9 weeks before the last day), beside 0.25 a week so far.
    expect(r.kr.forecast).toEqual({ ok: true, value: row["Forecast"], score: row["Forecast score"], endDay: "2026-04-05", goal: TARGET_95, need: NEED_FROM_83 });
  });

  it("a check-in dated before the KR's latest (the command line's --at) leaves the forecast as of the latest, as it leaves Current", () => {
    const wb = slowKr();
    checkIn(wb, "2026-01-27", 83);
    const cells = (row: Record<string, unknown>) => [row["Current"], row["Forecast"], row["Forecast score"], row["Weeks to target"]];
    const before = cells(kr1(wb));
    // Week 3's value stays 82.75 (checked in on 01-22, after this one), so the weekly points do not change.
    const r = checkIn(wb, "2026-01-20", 82.6);
    expect(cells(kr1(wb))).toEqual(before);
    expect(r.kr.forecast).toEqual({ ok: true, value: before[1], score: before[2], endDay: "2026-04-05", goal: TARGET_95, need: NEED_FROM_83 });
  });

  it("Monday's summary, before this week's check-ins, forecasts what Thursday's check-in did: no new check-in, no new forecast", () => {
    const wb = newTracker({ start: START, at: START, user: "ops.lead@example.com" });
    checkIn(wb, "2026-01-08", 83); // Thursdays of weeks 1-3
    checkIn(wb, "2026-01-15", 83.9);
    checkIn(wb, "2026-01-22", 84.3);
    const cells = (row: Record<string, unknown>) => [row["Forecast"], row["Forecast score"], row["Weeks to target"]];
    const thursday = cells(kr1(wb));
    expect(typeof thursday[0]).toBe("number");
    // The weekly refresh runs at 07:00 on the check-in weekday: week 4 has no check-in yet. Until session 11
    // the check-in put week 3's point on its own day (the other weeks on their last), the summary added week 3's
    // value again a day later: 92.93 (score 0.84) on Thursday, 89.30 (0.56) on Monday, with nothing new.
    summarize(wb, "2026-01-26");
    expect(cells(kr1(wb))).toEqual(thursday);
    wb.services.session.setUser(OWNER);
    const line = callAddon(wb, "getSidebarData", {}).krs.find((k: { id: string }) => k.id === "O1.KR1").forecast;
    expect(line).toMatchObject({ ok: true, value: thursday[0], score: thursday[1] });
  });

  it("an on-time rate rising 3 points a week is forecast at 100%, not above, in the tab and the sidebar line", () => {
    const wb = newTracker({ start: START, at: START, user: "ops.lead@example.com" });
    checkIn(wb, "2026-01-08", 86);
    checkIn(wb, "2026-01-15", 89);
    const r = checkIn(wb, "2026-01-22", 92); // the line reaches 122% by 2026-04-05
    expect(r.kr.forecast).toEqual({ ok: true, value: 100, score: 1, endDay: "2026-04-05", goal: TARGET_95 });
    summarize(wb, "2026-01-25");
    expect(kr1(wb)["Forecast"]).toBe(100);
    expect(forecastLine(r.kr.forecast, "%")).toBe("At this pace: 100% by 2026-04-05 (target 95%) — score 1.00");
  });

  it("a tracker set up before the forecast columns keeps working, and Repair adds them", () => {
    const wb = newTracker({ start: START, at: START, user: "ops.lead@example.com" });
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const headers = sheet.getRange(1, 1, 1, 26).getValues()[0].map(String);
    const first = headers.indexOf("Forecast") + 1;
    expect(first).toBeGreaterThan(0);
    // As a tracker from before issue 18: neither the forecast columns nor Counts from, which came after them.
    sheet.getRange(1, first, sheet.getMaxRows(), 4).clearContent();
    expect(Object.keys(kr1(wb))).not.toContain("Forecast");
    checkIn(wb, "2026-01-06", 82.25);
    checkIn(wb, "2026-01-13", 82.5);
    const r = checkIn(wb, "2026-01-22", 82.75);
    expect(r.kr.forecast).toBeNull();
    summarize(wb, "2026-01-25");
    expect(section(wb, "Forecast")[0][0]).toBe("O1.KR1");
    const repaired = callAddon(wb, "repairTracker");
    expect(repaired.ok, repaired.message).toBe(true);
    expect(JSON.stringify(repaired)).toContain("Forecast");
    summarize(wb, "2026-01-25");
    expect(kr1(wb)["Forecast score"] as number).toBeCloseTo(0.25, 9);
  });
});

describe("signals in the mid-cycle review and the retrospective", () => {
  function tab(wb: Workbook, name: string): string[][] {
    return ss(wb).getSheetByName(name)!.getDataRange().getValues().map((r) => r.map(String));
  }

  it("the review lists the KR whose confidence disagrees with its trend, above the decisions table", () => {
    const wb = slowKr();
    setToday(wb, "2026-02-23");
    const r = callAddon(wb, "createMidCycleReview", { at: "2026-02-23" });
    expect(r.ok).toBe(true);
    const v = tab(wb, "Mid-cycle Review");
    const heading = v.findIndex((row) => row[0].startsWith("Signals"));
    const table = v.findIndex((row) => row[0] === "Type" && row[8] === "Decision");
    expect(heading).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(heading);
    const signal = v.slice(heading, table).find((row) => row[1] === "O1.KR1")!;
    expect(signal[0]).toBe("Confidence disagrees with the trend");
    expect(signal[3]).toMatch(/^Confidence 8\/10, but at this pace the KR ends at 0\.\d\d$/);
  });

  it("on the cycle's last day the KR has landed: no forecast or signal contradicts its final score", () => {
    const wb = slowKr(); // 82.25, 82.5, 82.75 in weeks 1-3, then nothing until a late jump
    const r = checkIn(wb, "2026-04-05", 95); // the last day: the trend through the flat weeks ends near 82.75
    expect(r.kr.score).toBe(1);
    expect(r.kr.forecast).toEqual({ ok: true, value: 95, score: 1, endDay: "2026-04-05", goal: TARGET_95 });
    expect(callAddon(wb, "endCycle", { at: "2026-04-05" }).ok).toBe(true);
    const v = tab(wb, "Retrospective");
    expect(v.filter((row) => row[1] === "O1.KR1" && row[0] === "Confidence disagrees with the trend")).toEqual([]);
  });

  it("the retrospective adds the team calibration of the aspirational KRs", () => {
    const wb = slowKr();
    // O3 is the template's aspirational objective: O3.KR1 (decrease 42 → 36) and O3.KR2 (milestone).
    setToday(wb, "2026-01-06");
    wb.services.session.setUser("finance.partner@example.com");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O3.KR1", value: "36", confidence: 9 }).ok).toBe(true);
    wb.services.session.setUser("ops.lead@example.com");
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O3.KR2", value: "1", confidence: 9 }).ok).toBe(true);
    setToday(wb, "2026-04-05");
    const r = callAddon(wb, "endCycle", { at: "2026-04-05" });
    expect(r.ok).toBe(true);
    const v = tab(wb, "Retrospective");
    const calibration = v.find((row) => row[0] === "Team calibration")!;
    expect(calibration[3]).toBe("The 2 aspirational KRs averaged 1.00: too easy — aspirational OKRs aim for 0.6–0.7");
    // O3.KR1 hit its target in week 1: possibly sandbagged.
    expect(v.find((row) => row[0] === "Possibly sandbagged" && row[1] === "O3.KR1")![3]).toBe(
      "Reached its target (36.00 EUR against 36.00 EUR) on 2026-01-11, before the cycle's midpoint", // in its unit since session 18
    );
  });
});

describe("Weekly Summary charts", () => {
  it("two charts drawn from the Chart data rows, updated in place week after week; a user's own chart is left alone", () => {
    const wb = slowKr();
    summarize(wb, "2026-01-11");
    const sheet = ss(wb).getSheetByName("Weekly Summary")!;
    const userChart = sheet.newChart().asLineChart().addRange(sheet.getRange("A1:B2")).setOption("title", "Mine").setPosition(1, 1, 0, 0).build();
    sheet.insertChart(userChart);
    summarize(wb, "2026-01-18");
    summarize(wb, "2026-01-25");
    summarize(wb, "2026-01-25");
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get("title"))).toEqual([
      "Objective score by week against expected",
      "Key results by status, by week",
      "Mine",
    ]);
    const [scores, status] = charts;
    // The charts sit on the Weekly Summary and draw the Chart data on the Weekly Trend tab, which holds no chart.
    expect(ss(wb).getSheetByName("Weekly Trend")!.getCharts()).toEqual([]);
    const v = summaryText(wb, "Weekly Trend");
    // The block sits below the trend (heading row 1, header row 2, the 7 KRs in rows 3–9, a blank row 10):
    // its heading in A11, its labels in column B and the weeks in C–O, the trend's week columns, the same
    // place every week of the cycle.
    expect(v[10][0]).toMatch(/^Chart data/);
    expect(v[1].slice(2, 15)).toEqual(Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`));
    const top = 11;
    const at = (r: number) => v[r].slice(1, 15);
    // Weeks 1–13 across (the weeks to come blank), one row per objective (O1–O3), then the committed and
    // aspirational expected lines; the charts read the rows as series (transposed).
    expect(at(top)).toEqual(["Week", ...Array.from({ length: 13 }, (_, i) => String(i + 1))]);
    expect(v.slice(top + 1, top + 6).map((r) => r[1])).toEqual(["O1", "O2", "O3", "Expected (committed)", "Expected (aspirational)"]);
    expect(scores.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([`Weekly Trend!B${top + 1}:O${top + 6}`]);
    expect(Number(v[top + 4][4])).toBeCloseTo(20 / 91, 9); // week 3 (column E): elapsed on 2026-01-25 × 1
    expect(at(top + 4).slice(4)).toEqual(new Array(10).fill("")); // weeks 4–13 not summarised yet
    const mixTop = top + 7;
    expect(at(mixTop).slice(0, 4)).toEqual(["Week", "1", "2", "3"]);
    expect(v.slice(mixTop + 1, mixTop + 4).map((r) => r[1])).toEqual(["On track", "At risk", "Off track"]);
    expect(status.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([`Weekly Trend!B${mixTop + 1}:O${mixTop + 4}`]);
    expect(scores.getOptions().get("interpolateNulls")).toBe(true);
    for (const c of [scores, status]) expect((c as unknown as { getTransposed(): boolean }).getTransposed()).toBe(true);
    expect(status.getOptions().get("isStacked")).toBe(true);
    expect(scores.getContainerInfo().getAnchorRow()).toBe(3);
    expect(scores.getContainerInfo().getAnchorColumn()).toBe(12); // right of Needs attention (10 columns with confidence)
  });
});

import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { buildSummary, buildSummaryData, latestCheckins, trackerAsOf } from "../../src/core/summary";
import { formatValue } from "../../src/core/forecast";
import type { SummaryCell, SummaryModel } from "../../src/core/summary";
import type { CheckinEntry, KeyResult, Objective, Tracker } from "../../src/core/model";

// A known tracker: 3 objectives, 8 KRs (every metric, one setup error), committed + aspirational.
// Cycle starts Monday 2026-01-05, 13 weeks. Summaries at 2026-02-01 (week 4) and 2026-02-08 (week 5).
function obj(row: number, id: string, title: string, owner: string, type: "committed" | "aspirational"): Objective {
  return { row, id, title, owner, team: "Ops", parentId: "", type, pnlLink: "none" };
}
function kr(row: number, id: string, metric: KeyResult["metric"], start: number, target: number, owner: string, weight: number | null = null, title = `KR ${id}`): KeyResult {
  return { row, id, objectiveId: id.split(".")[0], title, owner, metric, unit: "", start, target, weight, current: null, confidence: null, lastCheckin: null };
}
export function fixtureTracker(): Tracker {
  const krs = [
    kr(2, "O1.KR1", "increase", 80, 100, "dan@example.com", 2),
    kr(3, "O1.KR2", "decrease", 10, 6, "Dan@Example.com "),
    kr(4, "O1.KR3", "stay_below", 110, 120, "dan@example.com"),
    kr(5, "O2.KR1", "increase", 0, 50, "bob@example.com"),
    kr(6, "O2.KR2", "milestone", 0, 1, "Bob (quality)"),
    kr(7, "O3.KR1", "decrease", 42, 36, "cat@example.com", null, 'Cut cost <script>alert("x")</script> per unit'),
    kr(8, "O3.KR2", "stay_above", 92, 90, "cat@example.com"),
    kr(9, "O3.KR3", "increase", 5, 5, "cat@example.com"),
  ];
  // The sheet's truth after the last check-in (02-08): summaries for past dates must not use it.
  const final: Record<string, number> = { "O1.KR1": 92, "O1.KR2": 8, "O1.KR3": 125, "O2.KR1": 20, "O2.KR2": 0.5, "O3.KR1": 40, "O3.KR2": 91 };
  for (const k of krs) if (k.id in final) { k.current = final[k.id]; k.lastCheckin = "2026-02-08"; }
  return {
    settings: {
      cycleName: "Cycle 1", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday",
      onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    },
    objectives: [
      obj(2, "O1", "Deliver on time", "ann@example.com", "committed"),
      obj(3, "O2", "Right first time", "bob@example.com", "committed"),
      obj(4, "O3", "Cheaper to run", "cat@example.com", "aspirational"),
    ],
    keyResults: krs,
  };
}
function ci(row: number, date: string, krId: string, value: number, whatChanged = "", blockers = "", nextStep = ""): CheckinEntry {
  return { row, timestamp: `${date}T10:00:00Z`, date, week: 0, krId, value, confidence: 7, whatChanged, blockers, nextStep, author: "x@example.com", requestId: `req-${row}-aaaa` };
}
export function fixtureCheckins(): CheckinEntry[] {
  return [
    ci(2, "2026-01-07", "O1.KR1", 82),
    ci(3, "2026-01-08", "O1.KR2", 9.5),
    ci(4, "2026-01-09", "O2.KR1", 5),
    ci(5, "2026-01-09", "O3.KR1", 41),
    ci(6, "2026-01-14", "O1.KR1", 85),
    ci(8, "2026-01-16", "O2.KR1", 6),
    ci(9, "2026-01-16", "O2.KR1", 8),
    ci(10, "2026-01-20", "O3.KR2", 89, "Yield dipped", "Supplier lot"),
    ci(11, "2026-01-25", "O2.KR2", 0.3),
    ci(12, "2026-01-28", "O1.KR1", 88),
    ci(13, "2026-01-30", "O2.KR1", 9, "=SUM(1,2) slow", "No analyst", "Hire"),
    ci(14, "2026-02-01", "O3.KR1", 40),
    ci(15, "2026-02-03", "O1.KR1", 92),
    ci(16, "2026-02-04", "O1.KR2", 8),
    ci(17, "2026-02-05", "O2.KR1", 20),
    ci(18, "2026-02-06", "O2.KR2", 0.5),
    ci(19, "2026-02-08", "O3.KR2", 91),
    ci(20, "2026-02-07", "O1.KR3", 125, "Backlog spiked", "Two drivers off", "Overtime"),
  ];
}

const A = "2026-02-01";
const B = "2026-02-08";

function summaries(): { a: SummaryModel; b: SummaryModel } {
  const tracker = fixtureTracker();
  const checkins = fixtureCheckins();
  const a = buildSummary({ tracker, checkins, history: [], asOf: A });
  const b = buildSummary({ tracker, checkins, history: a.historyRows, asOf: B });
  return { a, b };
}

function kr_(m: SummaryModel, id: string) {
  const k = m.data.krs.find((x) => x.id === id);
  if (!k) throw new Error(id);
  return k;
}
function obj_(m: SummaryModel, id: string) {
  const o = m.data.objectives.find((x) => x.id === id);
  if (!o) throw new Error(id);
  return o;
}
function rowIndex(m: SummaryModel, pred: (r: SummaryCell[]) => boolean, from = 0): number {
  for (let i = from; i < m.rows.length; i++) if (pred(m.rows[i])) return i;
  return -1;
}

describe("latestCheckins", () => {
  it("takes the latest date, ties to the later row", () => {
    const l = latestCheckins(fixtureCheckins(), "2026-01-16");
    expect(l.get("O2.KR1")!.value).toBe(8);
    expect(l.get("O1.KR1")!.value).toBe(85);
    expect(l.has("O3.KR2")).toBe(false);
  });
  it("ties on date prefer the higher row even when listed first", () => {
    const l = latestCheckins([ci(9, "2026-01-16", "X", 2), ci(8, "2026-01-16", "X", 1)], null);
    expect(l.get("X")!.value).toBe(2);
  });
});

describe("week 4 summary (as of 2026-02-01)", () => {
  const { a } = summaries();
  it("week, weeks, elapsed, period", () => {
    expect(a.week).toBe(4);
    expect(a.weeks).toBe(13);
    expect(a.data.elapsed).toBeCloseTo(27 / 91, 12);
    expect(a.data.periodStart).toBe("2026-01-26");
    expect(a.data.end).toBe("2026-04-06");
  });
  it("uses the log as of the date, not the sheet's current values", () => {
    expect(kr_(a, "O1.KR1").value).toBe(88);
    expect(kr_(a, "O1.KR1").score).toBeCloseTo(0.4, 12);
    expect(kr_(a, "O1.KR3").value).toBeNull();
    expect(kr_(a, "O1.KR3").status).toBe("Not started");
    expect(kr_(a, "O3.KR3").status).toBe("Setup error");
    expect(kr_(a, "O3.KR3").score).toBeNull();
  });
  it("counts KRs per status, all five labels", () => {
    expect(a.data.statusCounts).toEqual({ "On track": 3, "At risk": 2, "Off track": 1, "Not started": 1, "Setup error": 1 });
  });
  it("check-in rate: exactly 7 days before as-of is outside, on as-of is inside", () => {
    expect(a.data.checkinRate).toEqual({ checkedIn: 3, total: 8, rate: 3 / 8 });
    expect(kr_(a, "O2.KR2").checkedInThisPeriod).toBe(false); // 2026-01-25 = as-of − 7
    expect(kr_(a, "O3.KR1").checkedInThisPeriod).toBe(true); // 2026-02-01 = as-of
    // Worst first: furthest behind expected first, the setup error (no score) last.
    expect(a.data.missing.map((k) => [k.id, k.lastCheckin])).toEqual([
      ["O3.KR2", "2026-01-20"],
      ["O1.KR2", "2026-01-08"],
      ["O2.KR2", "2026-01-25"],
      ["O1.KR3", null],
      ["O3.KR3", null],
    ]);
  });
  it("last week recomputed from the log as of as-of − 7 when History has no week 3", () => {
    expect(a.data.lastWeek).toEqual({ source: "log", week: 3, asOf: "2026-01-25" });
    expect(kr_(a, "O1.KR1").change).toBeCloseTo(0.15, 12);
    expect(kr_(a, "O2.KR2").change).toBe(0);
    expect(kr_(a, "O3.KR3").change).toBeNull();
    expect(obj_(a, "O1").score).toBeCloseTo(0.48125, 12);
    expect(obj_(a, "O1").change).toBe(0.08); // 0.48125 − 0.40625, to the 2 decimals shown (summaryData.ts changeOf)
    expect(obj_(a, "O2").change).toBeCloseTo(0.01, 12);
    expect(obj_(a, "O3").change).toBe(0.08); // 1/12, to 2 decimals
  });
  it("movers: top 3 up, none down (zero changes left out)", () => {
    expect(a.data.movers.up.map((m) => m.id)).toEqual(["O3.KR1", "O1.KR1", "O2.KR1"]);
    expect(a.data.movers.up[2].change).toBeCloseTo(0.02, 12);
    expect(a.data.movers.down).toEqual([]);
  });
  it("needs attention: off track first, then at risk, then the others forecast to miss, with the latest comment", () => {
    expect(a.data.attention.map((k) => [k.id, k.status])).toEqual([
      ["O3.KR2", "Off track"],
      ["O1.KR2", "At risk"],
      ["O2.KR1", "At risk"],
      ["O3.KR1", "On track"],
    ]);
    // Every KR the Forecast section lists is here, with its words; no other KR has them.
    const below = a.data.forecast.below.map((k) => k.id);
    expect(below).toContain("O3.KR1");
    for (const k of a.data.attention) expect(k.forecastMiss === "", k.id).toBe(!below.includes(k.id));
    // An aspirational KR ends against its goal (42 → 36 at 0.7: 37.8), as the At this pace line says.
    // What it takes (docs/forecast.md): the pace its goal needs from its latest value, beside the line's so far.
    const f = a.data.forecast.below.find((k) => k.id === "O3.KR1")!.forecast;
    if (!f.ok) throw new Error("forecast");
    const needs = `needs to fall ${formatValue((f.latest - 37.8) / f.weeksLeft)} a week (so far falling ${formatValue(-f.slopePerWeek)} a week)`;
    expect(a.data.attention[3].forecastMiss).toBe(`Forecast to miss: 38.91 by 2026-04-05 (goal 37.8); ${needs}`);
    // Its latest check-in (2026-01-20) is before this period (from 2026-01-26): its texts say their day (session 21).
    expect(a.data.attention[0].whatChanged).toBe("Yield dipped (check-in of 2026-01-20)");
    expect(a.data.attention[0].blockers).toBe("Supplier lot (check-in of 2026-01-20)");
    expect(a.data.attention[2]).toMatchObject({ whatChanged: "=SUM(1,2) slow", blockers: "No analyst", nextStep: "Hire" });
  });
  it("trend: value at the end of each week, null before the first check-in", () => {
    const t = (id: string) => a.data.trend.rows.find((r) => r.id === id)!.values;
    expect(a.data.trend.weeks).toEqual([1, 2, 3, 4]);
    expect(t("O1.KR1")).toEqual([82, 85, 85, 88]);
    expect(t("O2.KR1")).toEqual([5, 8, 8, 9]);
    expect(t("O2.KR2")).toEqual([null, null, 0.3, 0.3]);
    expect(t("O1.KR3")).toEqual([null, null, null, null]);
    expect(t("O3.KR1")).toEqual([41, 41, 41, 40]);
  });
  it("History rows: one per KR for week 4", () => {
    expect(a.historyRows).toHaveLength(8);
    expect(a.historyRows.every((h) => h.week === 4 && h.asOf === A)).toBe(true);
    const state = { confidence: 7, lastCheckin: "2026-01-28", whatChanged: "", blockers: "", nextStep: "", sameValue: 1 };
    expect(a.historyRows[0]).toEqual({ week: 4, asOf: A, krId: "O1.KR1", value: 88, score: 0.4, status: "On track", ...state });
    expect(a.historyRows.find((h) => h.krId === "O3.KR3")).toMatchObject({ week: 4, asOf: A, krId: "O3.KR3", value: null, score: null, status: "Setup error" });
  });
  it("History rows' state columns, worked out by hand: a run of equal values, a corrected check-in, no check-in", () => {
    const checkins = fixtureCheckins().concat([
      // O1.KR1's check-in of 01-28 (88, req-12-aaaa) corrected to 85 on 01-30: the replaced row is dropped,
      // so 85 (01-14), 85 (01-30) is a run of two, and the state is the correction's.
      { ...ci(21, "2026-01-30", "O1.KR1", 85, "Correction of check-in req-12-aaaa (2026-01-28, value 88)."), confidence: 6 },
      // O3.KR2 at 89 on 01-13, 01-20 (the fixture's, with texts), 01-27 and 01-31: a run of four, counted
      // to three (FLAT_CHECKINS); the texts are the latest check-in's, not the last non-blank ones.
      ci(22, "2026-01-13", "O3.KR2", 89),
      ci(23, "2026-01-27", "O3.KR2", 89),
      ci(24, "2026-01-31", "O3.KR2", 89, "", "Still the lot"),
    ]);
    const m = buildSummary({ tracker: fixtureTracker(), checkins, history: [], asOf: A });
    const row = (id: string) => m.historyRows.find((h) => h.krId === id);
    const blank = { whatChanged: "", blockers: "", nextStep: "" };
    expect(row("O1.KR1")).toMatchObject({
      value: 85, confidence: 6, lastCheckin: "2026-01-30", sameValue: 2,
      whatChanged: "Correction of check-in req-12-aaaa (2026-01-28, value 88).", blockers: "", nextStep: "",
    });
    expect(row("O3.KR2")).toMatchObject({ value: 89, confidence: 7, lastCheckin: "2026-01-31", sameValue: 3, whatChanged: "", blockers: "Still the lot", nextStep: "" });
    // The latest of 01-16's two rows (6, then 8) is followed by 9 on 01-30, which has all three texts.
    expect(row("O2.KR1")).toMatchObject({ value: 9, confidence: 7, lastCheckin: "2026-01-30", sameValue: 1, whatChanged: "=SUM(1,2) slow", blockers: "No analyst", nextStep: "Hire" });
    // O1.KR3's only check-in (02-07) is after as-of and its sheet value (125, 02-08) too; O3.KR3 has none.
    for (const id of ["O1.KR3", "O3.KR3"]) expect(row(id)).toMatchObject({ value: null, confidence: null, lastCheckin: null, sameValue: 0, ...blank });
  });
});

describe("week 5 summary (as of 2026-02-08, History of week 4 present)", () => {
  const { a, b } = summaries();
  it("week and elapsed", () => {
    expect(b.week).toBe(5);
    expect(b.data.elapsed).toBeCloseTo(34 / 91, 12);
  });
  it("changes come from History week 4", () => {
    expect(b.data.lastWeek).toEqual({ source: "history", week: 4, asOf: A });
    expect(kr_(b, "O1.KR1").change).toBeCloseTo(0.2, 12);
    expect(kr_(b, "O1.KR3").change).toBe(-1);
    expect(obj_(b, "O1").score).toBeCloseTo(0.425, 12);
    expect(obj_(b, "O1").change).toBe(-0.06); // 0.425 − 0.48125, to 2 decimals
  });
  it("History wins over a later edit of the log", () => {
    const doctored = a.historyRows.map((h) => (h.krId === "O2.KR2" ? { ...h, score: 0.1 } : h));
    const b2 = buildSummary({ tracker: fixtureTracker(), checkins: fixtureCheckins(), history: doctored, asOf: B });
    expect(kr_(b2, "O2.KR2").change).toBeCloseTo(0.4, 12);
    expect(kr_(b, "O2.KR2").change).toBeCloseTo(0.2, 12);
  });
  it("movers up and down", () => {
    expect(b.data.movers.up.map((m) => m.id)).toEqual(["O3.KR2", "O1.KR2", "O2.KR1"]);
    expect(b.data.movers.down.map((m) => [m.id, m.lastWeekScore, m.score, m.change])).toEqual([["O1.KR3", 1, 0, -1]]);
  });
  it("missing: a check-in exactly 7 days before as-of is outside the period", () => {
    expect(b.data.missing.map((k) => [k.id, k.lastCheckin])).toEqual([
      ["O3.KR1", "2026-02-01"],
      ["O3.KR3", null],
    ]);
    expect(b.data.checkinRate).toEqual({ checkedIn: 6, total: 8, rate: 0.75 });
  });
  it("attention and counts", () => {
    expect(b.data.attention.map((k) => [k.id, k.status, k.whatChanged])).toEqual([
      ["O1.KR3", "Off track", "Backlog spiked"],
      // On track, but forecast to miss: after the off track and at risk KRs, largest shortfall first.
      ["O1.KR2", "On track", ""],
      ["O2.KR1", "On track", ""],
    ]);
    expect(b.data.attention.slice(1).map((k) => k.id)).toEqual(b.data.forecast.below.map((k) => k.id).filter((id) => id !== "O1.KR3"));
    expect(b.data.statusCounts).toEqual({ "On track": 6, "At risk": 0, "Off track": 1, "Not started": 0, "Setup error": 1 });
  });
  it("trend has five weeks; week 5 ends at as-of", () => {
    expect(b.data.trend.weeks).toEqual([1, 2, 3, 4, 5]);
    expect(b.data.trend.rows.find((r) => r.id === "O1.KR1")!.values).toEqual([82, 85, 85, 88, 92]);
  });
});

describe("rules around the edges", () => {
  it("week 1 has no last week: changes null, no movers", () => {
    const m = buildSummary({ tracker: fixtureTracker(), checkins: fixtureCheckins(), history: [], asOf: "2026-01-09" });
    expect(m.week).toBe(1);
    expect(m.data.lastWeek.source).toBe("none");
    expect(m.data.objectives.every((o) => o.change === null)).toBe(true);
    expect(m.data.movers).toEqual({ up: [], down: [] });
  });
  it("week is clamped to 1..M", () => {
    expect(buildSummary({ tracker: fixtureTracker(), checkins: [], history: [], asOf: "2025-12-01" }).week).toBe(1);
    const late = buildSummary({ tracker: fixtureTracker(), checkins: [], history: [], asOf: "2026-06-01" });
    expect(late.week).toBe(13);
    expect(late.data.elapsed).toBe(1);
  });
  it("a hand-entered current with no log rows is used; a logged KR ignores the sheet's current", () => {
    const t = fixtureTracker();
    t.keyResults[4].current = 0.6; // O2.KR2 milestone, but O2.KR2 has log rows → the log wins
    const noLog = fixtureCheckins().filter((c) => c.krId !== "O1.KR2");
    t.keyResults[1].current = 7; // O1.KR2 hand-entered, no log rows
    t.keyResults[1].lastCheckin = null;
    const m = buildSummaryData({ tracker: t, checkins: noLog, history: [], asOf: A });
    expect(m.krs.find((k) => k.id === "O1.KR2")!.value).toBe(7);
    expect(m.krs.find((k) => k.id === "O1.KR2")!.checkedInThisPeriod).toBe(false);
    expect(m.krs.find((k) => k.id === "O2.KR2")!.value).toBe(0.3);
  });
  it("a hand-entered value dated after as-of is not used", () => {
    const t = fixtureTracker();
    const rest = fixtureCheckins().filter((c) => c.krId !== "O1.KR2");
    const at = trackerAsOf(t, rest, A); // O1.KR2 current 8, last check-in 2026-02-08 > as-of
    expect(at.keyResults[1].current).toBeNull();
  });
  it("fortnightly cadence looks back 14 days", () => {
    const t = fixtureTracker();
    t.settings.cadence = "fortnightly";
    const m = buildSummaryData({ tracker: t, checkins: fixtureCheckins(), history: [], asOf: A });
    expect(m.periodDays).toBe(14);
    expect(m.periodStart).toBe("2026-01-19");
    // + O3.KR2 (01-20) and O2.KR2 (01-25)
    expect(m.checkinRate.checkedIn).toBe(5);
  });
  it("an empty tracker gives a summary without errors", () => {
    const t = fixtureTracker();
    t.objectives = [];
    t.keyResults = [];
    const m = buildSummary({ tracker: t, checkins: [], history: [], asOf: A });
    expect(m.data.checkinRate).toEqual({ checkedIn: 0, total: 0, rate: null });
    expect(m.historyRows).toEqual([]);
    expect(m.rows.every((r) => r.length === m.width)).toBe(true);
    expect(m.rows.map((r) => String(r[0].v))).toContain("None — the tracker has no objectives yet.");
  });
  it("refuses a tracker without a start date with a clear message", () => {
    const t = fixtureTracker();
    t.settings.startDate = "";
    expect(() => buildSummary({ tracker: t, checkins: [], history: [], asOf: A })).toThrow(/start date/);
  });
  it("does not modify its input", () => {
    const t = fixtureTracker();
    const before = JSON.stringify(t);
    buildSummary({ tracker: t, checkins: fixtureCheckins(), history: [], asOf: A });
    expect(JSON.stringify(t)).toBe(before);
  });
});

describe("layout", () => {
  const { a, b } = summaries();
  it("every row has exactly width cells; width ≥ 7", () => {
    for (const m of [a, b]) {
      expect(m.width).toBeGreaterThanOrEqual(7);
      for (const r of m.rows) expect(r).toHaveLength(m.width);
    }
  });
  it("title and subtitle read plainly", () => {
    expect(a.rows[0][0]).toMatchObject({ v: "Weekly summary — Cycle 1", style: "title" });
    expect(a.rows[1][0].v).toBe("Week 4 of 13 · as of 2026-02-01 · 30% of the cycle elapsed");
  });
  it("has the sections in order with headings", () => {
    const headings = a.rows.filter((r) => r[0].style === "heading").map((r) => String(r[0].v));
    expect(headings.map((h) => h.split(":")[0])).toEqual([
      "This week",
      "Overall",
      "Needs attention",
      "Low confidence",
      "Blockers reported this week",
      "Objectives",
      "Key results by status",
      "Missing check-ins",
      "Biggest movers since last week",
      "Forecast",
      "Signals",
    ]);
    // The Trend and the Chart data are apart from the report, on the Weekly Trend tab (trendBlock.ts).
    expect(String(a.block.rows[0][0].v)).toMatch(/^Trend/);
    expect(a.block.rows.some((r) => String(r[0].v).startsWith("Chart data"))).toBe(true);
  });
  it("overall row: score, expected, status, rate, k of n", () => {
    const i = rowIndex(a, (r) => r[0].v === "Overall");
    const vals = a.rows[i + 2];
    expect(vals[0].fmt).toBe("0.00");
    expect(vals[2].style).toBe("status");
    expect(vals[3]).toEqual({ v: 3 / 8, fmt: "0%" });
    expect(vals[4].v).toBe("3 of 8 KRs");
  });
  it("objective rows carry change with a signed format", () => {
    const i = rowIndex(a, (r) => r[0].v === "O1" && r[1].v === "Deliver on time");
    expect(a.rows[i][4].fmt).toBe("+0.00;-0.00;0.00");
    expect(a.rows[i][4].v).toBe(0.08); // to the 2 decimals shown
    expect(a.rows[i][6]).toMatchObject({ style: "status" });
  });
  it("missing check-ins show dates and 'never'", () => {
    const i = rowIndex(a, (r) => String(r[0].v).startsWith("Missing check-ins"));
    expect(a.rows[i + 3].slice(0, 4).map((c) => c.v)).toEqual(["O1.KR2", "KR O1.KR2", "Dan@Example.com ", "2026-01-08"]);
    expect(a.rows[i + 3][3].fmt).toBe("yyyy-mm-dd");
    expect(a.rows[i + 5][3].v).toBe("never");
  });
  it("trend rows end in a SPARKLINE over the whole cycle's week cells of their row", () => {
    const blk = a.block.rows;
    expect(blk[1].map((c) => c.v).slice(0, 6)).toEqual(["ID", "Key result", "Week 1", "Week 2", "Week 3", "Week 4"]);
    expect(blk[1].slice(-2).map((c) => c.v)).toEqual(["Trend", "Last weeks"]);
    const i = blk.findIndex((r) => r[0].v === "O1.KR1");
    expect(blk[i].slice(2, 7).map((c) => c.v)).toEqual([82, 85, 85, 88, null]);
    // Sheet row i + 1 (the block starts at A1); weeks C..O of a 13-week cycle, blanks not drawn.
    expect(blk[i][15].formula).toBe(`=IFERROR(SPARKLINE(C${i + 1}:O${i + 1},{"empty","ignore"}),"")`);
    expect(a.block.firstKrRow).toBe(3);
  });
  it("empty sections say None", () => {
    const m = buildSummary({ tracker: fixtureTracker(), checkins: [], history: [], asOf: "2026-01-06" });
    const texts = m.rows.map((r) => String(r[0].v));
    expect(texts).toContain("None — this is the first week of the cycle.");
    const noneCount = m.rows.filter((r) => r[0].style === "muted" && String(r[0].v).startsWith("None")).length;
    expect(noneCount).toBeGreaterThanOrEqual(2);
  });
  it("the Chart data block and the charts' ranges stay put all cycle: weeks 1..M across, the weeks to come blank", () => {
    const tracker = fixtureTracker();
    const checkins = fixtureCheckins();
    // Week 4 (A, no History yet), week 5 (B, with week 4's rows) and week 13 (week 4's and 5's rows).
    const late = buildSummary({ tracker, checkins, history: a.historyRows.concat(b.historyRows), asOf: "2026-03-30" });
    const krs = tracker.keyResults.length;
    for (const m of [a, b, late]) {
      expect({ row: m.block.row, column: m.block.column, width: m.block.width }).toEqual({ row: 1, column: 1, width: 17 });
      // Below the trend's heading, header and KR rows and a blank row: the Chart data's heading, then its tables.
      const top = 2 + krs + 2;
      expect(m.charts.map((c) => c.ranges)).toEqual([[`B${top + 1}:O${top + 6}`], [`B${top + 8}:O${top + 11}`]]);
      expect(m.charts.map((c) => c.sheet)).toEqual(["Weekly Trend", "Weekly Trend"]);
      expect(m.block.scoreRows).toEqual({ first: top + 2, last: top + 6 });
      // The report keeps to A..K (the charts, on the Weekly Trend tab since session 8, were at L): its widest
      // table, Needs attention, is 11 columns since its Forecast column (session 18).
      expect(m.width).toBeLessThanOrEqual(11);
    }
    const rows = b.block.rows.slice(2 + krs + 1).map((r) => r.slice(1, 15).map((c) => c.v));
    expect(String(b.block.rows[2 + krs + 1][0].v)).toBe("Chart data: from History, drawn by the Weekly Summary's charts");
    expect(rows[1]).toEqual(["Week", ...Array.from({ length: 13 }, (_, i) => i + 1)]);
    expect(rows.slice(2, 7).map((r) => r[0])).toEqual(["O1", "O2", "O3", "Expected (committed)", "Expected (aspirational)"]);
    // History has weeks 4 and 5 at B: those columns hold values, every other week is blank.
    for (const r of rows.slice(2, 7)) {
      expect(r.slice(1).map((v, i) => (v === null ? null : i + 1)).filter((w) => w !== null)).toEqual([4, 5]);
    }
    expect(rows[8]).toEqual(["Week", ...Array.from({ length: 13 }, (_, i) => i + 1)]);
    expect(rows.slice(9).map((r) => r[0])).toEqual(["On track", "At risk", "Off track"]);
    expect(rows.slice(9).map((r) => r.slice(4, 6).reduce((x, y) => Number(x) + Number(y), 0)).reduce((x, y) => Number(x) + Number(y), 0)).toBeGreaterThan(0);
    expect(rows[9][1]).toBeNull();
    // The same values the charts drew when the block had a column per week of History (weeks 4 and 5).
    const score = b.block.rows[2 + krs + 1 + 2][6];
    expect(score.fmt).toBe("0.00");
    expect(typeof score.v).toBe("number");
    // A line goes on across a week without a summary (its column is blank); the columns stop where the data does.
    expect(b.charts.map((c) => c.interpolateNulls)).toEqual([true, false]);
  });
  it("a longer cycle widens the block, not the report", () => {
    const t = fixtureTracker();
    t.settings.weeks = 26;
    const m = buildSummary({ tracker: t, checkins: fixtureCheckins(), history: [], asOf: A });
    expect([m.block.column, m.block.width]).toEqual([1, 2 + 26 + 2]);
    expect(m.width).toBeLessThanOrEqual(11);
  });
  it("the trend's weeks are the cycle's, the values up to this week", () => {
    const late = buildSummary({ tracker: fixtureTracker(), checkins: fixtureCheckins(), history: [], asOf: "2026-03-30" });
    expect(late.week).toBe(13);
    const i = late.block.rows.findIndex((r) => r[0].v === "O1.KR1");
    expect(late.block.rows[i].slice(2, 15).every((c) => c.v !== undefined)).toBe(true);
    expect(late.block.rows[i][15].formula).toBe(`=IFERROR(SPARKLINE(C${i + 1}:O${i + 1},{"empty","ignore"}),"")`);
  });
});

describe("a KR added mid-cycle", () => {
  it("its objective's change since last week compares with the score History recorded for the objective, not one made up with the new KR's start", () => {
    const before = fixtureTracker();
    before.keyResults = before.keyResults.filter((k) => k.id !== "O2.KR2");
    const a = buildSummary({ tracker: before, checkins: fixtureCheckins().filter((c) => c.krId !== "O2.KR2"), history: [], asOf: A });
    const o2a = a.data.objectives.find((o) => o.id === "O2")!;
    // The milestone O2.KR2 is added in week 5 with a start of 0.9 (its start's score 0.9) and checked in at 0.5.
    const after = fixtureTracker();
    after.keyResults.find((k) => k.id === "O2.KR2")!.start = 0.9;
    const b = buildSummary({ tracker: after, checkins: fixtureCheckins().filter((c) => c.krId !== "O2.KR2" || c.date > A), history: a.historyRows, asOf: B });
    const o2b = b.data.objectives.find((o) => o.id === "O2")!;
    expect(o2b.lastWeekScore).toBeCloseTo(o2a.score!, 12);
    expect(o2b.change).toBe(Number((o2b.score! - o2a.score!).toFixed(2)));
  });
});

// The company roll-up ("Refresh portfolio") through the built add-on: a company tracker whose Portfolio
// tab lists team trackers the offline SpreadsheetApp can open by ID or URL (one readable by URL, one by
// ID, one not shared, one not a tracker, one missing).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot, type WorkbookSnapshot } from "../../src/local/snapshot";
import { callAddon, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import type { OtherWorkbook } from "../../src/local/sheets";
import { newTracker, requestId, setToday, ss } from "../support/tracker";

const AT = "2026-02-12"; // Thursday of week 6
const NEXT_WEEK = "2026-02-19";
const g = (s: string) => `https://www.googleapis.com/auth/${s}`;

/** Sets a column of a tab by header for rows whose ID column matches. */
function setCells(wb: Workbook, tab: string, byId: Record<string, string>, header: string, idHeader = "ID"): void {
  const sheet = ss(wb).getSheetByName(tab)!;
  const values = sheet.getDataRange().getValues();
  const c = values[0].indexOf(header);
  const id = values[0].indexOf(idHeader);
  values.forEach((r, i) => {
    const k = String(r[id]);
    if (i > 0 && k in byId) sheet.getRange(i + 1, c + 1).setValue(byId[k]);
  });
}

function checkin(wb: Workbook, krId: string, value: string, at: string): void {
  wb.services.clock.set(new Date(`${at}T12:00:00Z`));
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: "7" });
  if (!r.ok) throw new Error(r.message);
}

function team(id: string, parents: Record<string, string>, checkins: [string, string][]): WorkbookSnapshot {
  const wb = newTracker({ snapshot: { ...emptySnapshot(id), id } });
  setCells(wb, "Objectives", parents, "Parent ID");
  for (const [kr, v] of checkins) checkin(wb, kr, v, "2026-02-10");
  return wb.services.toSnapshot();
}

// Trackers are set up once (setup is the slow part) and each test opens fresh copies of the snapshots.
let companySnap: WorkbookSnapshot | null = null;
function companySnapshot(): WorkbookSnapshot {
  if (companySnap) return companySnap;
  const c = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } });
  // Company objectives get IDs of their own (CO1..CO3), so team trackers' O1..O3 do not collide.
  setCells(c, "Objectives", { O1: "CO1", O2: "CO2", O3: "CO3" }, "ID");
  setCells(c, "Key Results", { O1: "CO1", O2: "CO2", O3: "CO3" }, "Objective ID", "Objective ID");
  return (companySnap = c.services.toSnapshot());
}

function company(registry: Map<string, OtherWorkbook>, opts: { scopes?: string[] } = {}): Workbook {
  return workbookFromSnapshot("/nonexistent/company.xlsx", companySnapshot(), {
    at: AT,
    user: "ops.lead@example.com",
    workbooks: (ref) => registry.get(ref),
    ...opts,
  });
}

let teamSnaps: Map<string, OtherWorkbook> | null = null;
function teams(): Map<string, OtherWorkbook> {
  if (teamSnaps) return teamSnaps;
  const reg = new Map<string, OtherWorkbook>();
  // Team A: O1 and O2 under CO1, O3 under CO2; O1.KR1 at target (score 1).
  reg.set("team-a", team("team-a", { O1: "CO1", O2: "CO1", O3: "CO2" }, [["O1.KR1", "95"]]));
  // Team B: O1 under CO1; O2 names no company objective; O3 cascades inside the team (its own O1).
  reg.set("team-b", team("team-b", { O1: "CO1", O2: "CO9", O3: "O1" }, [["O1.KR2", "6"]]));
  reg.set("team-c", "denied");
  reg.set("team-d", { ...emptySnapshot("notes"), id: "team-d" });
  return (teamSnaps = reg);
}

const LIST = [
  ["Tracker", "Team", "Weight", "Notes"],
  ["team-a", "Alpha", 2, ""],
  ["https://docs.google.com/spreadsheets/d/team-b/edit#gid=0", "Beta", "", ""],
  ["team-c", "Gamma", "", ""],
  ["team-d", "Delta", "", ""],
  ["team-e", "Epsilon", "", ""],
];

function list(wb: Workbook, rows: unknown[][] = LIST): void {
  const s = ss(wb);
  const sheet = s.getSheetByName("Portfolio") ?? s.insertSheet("Portfolio");
  sheet.clear();
  sheet.getRange(1, 1, rows.length, 4).setValues(rows);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** The table under a header row (found by its first cells) in a tab, as objects (dates as YYYY-MM-DD), up to the first blank row. */
function table(wb: Workbook, tab: string, first: string[]): Record<string, unknown>[] {
  const values = ss(wb).getSheetByName(tab)!.getDataRange().getValues();
  const h = values.findIndex((r) => first.every((f, i) => r[i] === f));
  expect(h, `${tab}: header ${first.join(", ")}`).toBeGreaterThanOrEqual(0);
  const out: Record<string, unknown>[] = [];
  for (const r of values.slice(h + 1)) {
    if (r.every((v) => v === "")) break;
    out.push(Object.fromEntries(values[h].map((k, i) => [String(k), isDate(r[i]) ? r[i].toISOString().slice(0, 10) : r[i]]).filter(([k]) => k !== "")));
  }
  return out;
}

/** An objective's Score as the team's own sheet formulas compute it. */
function sheetScore(snap: WorkbookSnapshot, id: string): number {
  const wb = workbookFromSnapshot("/nonexistent/t.xlsx", snap, { at: AT });
  const row = table(wb, "Objectives", ["ID"]).find((r) => r.ID === id)!;
  return row.Score as number;
}

describe("Refresh portfolio", () => {
  it("creates the Portfolio tab for the admin on first use and reads nothing", () => {
    const wb = company(teams());
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r.ok, r.message).toBe(true);
    expect(r.created).toBe(true);
    expect(ss(wb).getSheetByName("Portfolio")!.getRange(1, 1, 1, 4).getValues()[0]).toEqual(["Tracker", "Team", "Weight", "Notes"]);
    expect(ss(wb).getSheetByName("Portfolio Roll-up")).toBeNull();
  });

  it("rolls up readable teams and says exactly why the others could not be read", () => {
    const reg = teams();
    const wb = company(reg);
    list(wb);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r.ok, r.message).toBe(true);
    expect([r.week, r.listed, r.read, r.pending]).toEqual([6, 5, 2, 0]);
    const rows = table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"]);
    // Worst first (since session 18): Beta is further behind its expected score than Alpha; the trackers not read last.
    expect(rows.map((x) => [x.Team, x.Read])).toEqual([
      ["Beta", "Yes"],
      ["Alpha", "Yes"],
      ["Gamma", "Not shared with you: ask the team to share its tracker with you (view access is enough)."],
      ["Delta", 'Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.'],
      ["Epsilon", "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?)."],
    ]);
    const alpha = rows[1];
    // Overall = mean of the team's objective scores, as its own sheet computes them.
    const a = ["O1", "O2", "O3"].map((o) => sheetScore(reg.get("team-a") as WorkbookSnapshot, o));
    expect(a[0]).toBeCloseTo(0.75, 12); // (2×1 + 1×0 + 1×1) / 4
    expect(a[1]).toBeCloseTo(1 / 3, 12); // (2×0 + 1×1) / 3
    expect(a[2]).toBe(0);
    expect(alpha.Score as number).toBeCloseTo((a[0] + a[1] + a[2]) / 3, 12);
    // KRs: the team's key results, what its counts and its check-in rate are of (since session 22; before, "KRs off
    // track", always the status mix's Off track again).
    expect([alpha.Cycle, alpha.Week, alpha.KRs, alpha["Last check-in"]]).toEqual(["Order-to-delivery pilot", 6, 7, "2026-02-10"]);
    expect(alpha["Check-in rate"] as number).toBeCloseTo(1 / 7, 12);
    const mix = ["On track", "At risk", "Off track", "Not started", "Setup error"].map((k) => alpha[k] as number);
    expect(mix.reduce((x, y) => x + y, 0)).toBe(alpha.KRs);
    expect(alpha["Not started"]).toBe(6);
  });

  it("a spreadsheet pasted by mistake that has a \"Settings\" tab of its own is not a tracker, not one whose Settings need fixing", () => {
    /** A spreadsheet that is not a tracker, with these tabs. */
    const foreign = (id: string, tabs: Record<string, unknown[][]>): WorkbookSnapshot => {
      const wb = workbookFromSnapshot(`/nonexistent/${id}.xlsx`, { ...emptySnapshot(id), id }, {});
      for (const [name, rows] of Object.entries(tabs)) {
        const sheet = ss(wb).insertSheet(name);
        if (rows.length) sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
      }
      return wb.services.toSnapshot();
    };
    const theme = [["Setting", "Value"], ["Theme", "dark"]];
    const reg = new Map<string, OtherWorkbook>([
      ["budget", foreign("budget", { Settings: theme })],
      ["lookalike", foreign("lookalike", { Settings: theme, Objectives: [["Goal"]], "Key Results": [["Metric"]] })],
      ...teams(),
    ]);
    const wb = company(reg);
    list(wb, [LIST[0], ["budget", "Budget", "", ""], ["lookalike", "Lookalike", "", ""], LIST[1]]);
    callAddon(wb, "refreshPortfolio", { at: AT });
    expect(table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"]).map((x) => [x.Team, x.Read])).toEqual([
      ["Alpha", "Yes"],
      ["Budget", 'Not an okr-sheets tracker: no "Objectives", "Key Results" tabs.'],
      ["Lookalike", 'Not an okr-sheets tracker (or its Settings tab was cleared): its "Settings" tab holds none of the tracker\'s settings (Cycle name, Start date, …).'],
    ]);
  });

  it("lists aligned team objectives under company objectives with the weighted score (hand computed)", () => {
    const reg = teams();
    const wb = company(reg);
    list(wb);
    callAddon(wb, "refreshPortfolio", { at: AT });
    const rows = table(wb, "Portfolio Roll-up", ["Objective", "Title", "Team"]);
    const A = (o: string) => sheetScore(reg.get("team-a") as WorkbookSnapshot, o);
    const B = (o: string) => sheetScore(reg.get("team-b") as WorkbookSnapshot, o);
    expect(B("O1")).toBeCloseTo(0.5, 12); // (2×0 + 1×1 + 1×1) / 4
    // CO1: Alpha (weight 2) O1 and O2, Beta (weight 1) O1.
    const co1 = (2 * A("O1") + 2 * A("O2") + 1 * B("O1")) / 5;
    expect(co1).toBeCloseTo((2 * 0.75 + 2 / 3 + 0.5) / 5, 12);
    const at = (id: string) => rows.findIndex((x) => x.Objective === id);
    expect(rows[at("CO1")]["Aligned score"] as number).toBeCloseTo(co1, 12);
    expect(rows[at("CO1")]["Aligned objectives"]).toBe(3);
    expect(rows.slice(at("CO1") + 1, at("CO1") + 4).map((x) => [x.Objective, x.Team])).toEqual([
      ["  ↳ O1", "Alpha"],
      ["  ↳ O2", "Alpha"],
      ["  ↳ O1", "Beta"],
    ]);
    expect(rows[at("CO2")]["Aligned score"]).toBe(0);
    expect(rows[at("CO3")]["Aligned score"]).toBe("");
    expect(rows[at("CO3")]["Aligned objectives"]).toBe(0);
    // The company objective's own score, next to it, is its own sheet's.
    const own = table(wb, "Objectives", ["ID"]).find((x) => x.ID === "CO1")!.Score as number;
    expect(rows[at("CO1")].Score as number).toBeCloseTo(own, 12);
    // Beta's O2 names no company objective; its O3 cascades to Beta's own O1 and is not listed.
    const unmatched = rows.filter((x) => String(x.Objective).startsWith("  ?"));
    expect(unmatched.map((x) => [x.Objective, x.Team, x["Aligned score"]])).toEqual([["  ? O2", "Beta", 'Parent ID "CO9" is not a company objective']]);
    expect(rows.filter((x) => x.Team === "Beta").map((x) => x.Objective)).toEqual(["  ↳ O1", "  ? O2"]);
  });

  it("a second refresh replaces the roll-up; History grows by one row per team per week", () => {
    const wb = company(teams());
    list(wb);
    callAddon(wb, "refreshPortfolio", { at: AT });
    const first = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
    const history1 = table(wb, "Portfolio History", ["Week"]);
    expect(history1.map((h) => [h.Week, h.Team, h.Status])).toEqual([
      [6, "Alpha", "On track"],
      [6, "Beta", expect.any(String)],
      [6, "Gamma", "Not read"],
      [6, "Delta", "Not read"],
      [6, "Epsilon", "Not read"],
    ]);
    callAddon(wb, "refreshPortfolio", { at: AT });
    expect(ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues()).toEqual(first);
    expect(table(wb, "Portfolio History", ["Week"])).toEqual(history1);

    wb.services.clock.set(new Date(`${NEXT_WEEK}T12:00:00Z`));
    callAddon(wb, "refreshPortfolio", {});
    const history2 = table(wb, "Portfolio History", ["Week"]);
    expect(history2).toHaveLength(10);
    expect(history2.slice(0, 5)).toEqual(history1);
    expect(history2.slice(5).map((h) => [h.Week, h["As of"], h.Team])).toEqual(
      ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"].map((t) => [7, NEXT_WEEK, t]),
    );
    const trend = table(wb, "Portfolio Roll-up", ["Team", "W6", "W7"]);
    expect(trend.map((t) => t.Team)).toEqual(["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]);
    expect(trend[0].W6 as number).toBeCloseTo(history1[0].Score as number, 12);
  });

  it("after the company rolls over, the new cycle's weeks neither replace the last cycle's History nor mix with them in the trend", () => {
    const wb = company(teams());
    list(wb, LIST.slice(0, 3));
    for (const day of ["2026-01-07", AT]) expect(callAddon(wb, "refreshPortfolio", { at: day }).ok).toBe(true);
    setToday(wb, "2026-04-03");
    expect(callAddon(wb, "endCycle", {}).ok).toBe(true);
    expect(callAddon(wb, "rollOverCycle", { start: "2026-04-06" }).ok).toBe(true);
    const r = callAddon(wb, "refreshPortfolio", { at: "2026-04-08" });
    expect([r.ok, r.week]).toEqual([true, 1]);
    expect(table(wb, "Portfolio History", ["Week"]).map((h) => [h.Week, h["As of"], h.Team])).toEqual([
      [1, "2026-01-07", "Alpha"],
      [1, "2026-01-07", "Beta"],
      [6, AT, "Alpha"],
      [6, AT, "Beta"],
      [1, "2026-04-08", "Alpha"],
      [1, "2026-04-08", "Beta"],
    ]);
    // The trend is this cycle's: week 1 only, not W1 of this cycle beside W6 of the last.
    const header = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues().find((row) => row[0] === "Team" && String(row[1]).startsWith("W"))!;
    expect(header.filter((v) => v !== "")).toEqual(["Team", "W1"]);
    // Refreshed again the same day: this cycle's week 1 is replaced, the last cycle's is kept.
    callAddon(wb, "refreshPortfolio", { at: "2026-04-08" });
    expect(table(wb, "Portfolio History", ["Week"])).toHaveLength(6);
  });

  it("stops after `limit` trackers with a partial roll-up, and the next refresh continues", () => {
    const wb = company(teams());
    list(wb);
    const r1 = callAddon(wb, "refreshPortfolio", { at: AT, limit: 2 });
    expect([r1.read, r1.pending, r1.continued]).toEqual([2, 3, 0]);
    const values = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
    expect(String(values[2][0])).toMatch(/^Partial: 3 team trackers were not read before the time limit\. Choose "Refresh portfolio" again/);
    expect(table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"])[2].Read).toMatch(/^Not read yet/);
    expect(table(wb, "Portfolio History", ["Week"]).map((h) => h.Team)).toEqual(["Alpha", "Beta"]);
    const r2 = callAddon(wb, "refreshPortfolio", { at: AT });
    expect([r2.read, r2.pending, r2.continued]).toEqual([2, 0, 2]);
    expect(table(wb, "Portfolio History", ["Week"]).map((h) => h.Team)).toEqual(["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]);
    expect(String(ss(wb).getSheetByName("Portfolio Roll-up")!.getRange("A3").getValue())).not.toMatch(/Partial/);
  });

  it("in the minimal build, explains the missing permission and writes nothing", () => {
    const wb = company(teams(), { scopes: [g("spreadsheets.currentonly"), g("script.container.ui"), g("userinfo.email")] });
    list(wb);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/built without it.*OAuth scopes/);
    expect(ss(wb).getSheetByName("Portfolio Roll-up")).toBeNull();
    expect(ss(wb).getSheetByName("Portfolio History")).toBeNull();
    callAddon(wb, "menuPortfolio");
    expect(wb.services.ui.alerts.at(-1)!.prompt).toMatch(/needs the permission to open other spreadsheets/);
  });

  it("refuses a bad limit, and reports a bad weight or a duplicate in the team's row", () => {
    const wb = company(teams());
    list(wb, [...LIST.slice(0, 3), ["team-a", "Alpha again", "", ""], ["team-d", "Delta", "heavy", ""]]);
    const bad = callAddon(wb, "refreshPortfolio", { limit: 0 });
    expect(bad).toEqual({ ok: false, message: 'Option "limit" must be a whole number of 1 or more, not 0.' });
    expect(ss(wb).getSheetByName("Portfolio Roll-up")).toBeNull();
    callAddon(wb, "refreshPortfolio", { at: AT });
    const rows = table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"]);
    expect(rows.map((x) => x.Read)).toEqual([
      "Yes",
      "Yes",
      "Listed twice: the same tracker is in row 2 of the Portfolio tab.",
      'Weight must be a number of 0 or more; it is "heavy". Fix it in the Portfolio tab.',
    ]);
  });

  it("a tracker listed again by another URL of it, or by its ID, is a duplicate: counted once in the alignment", () => {
    const wb = company(teams());
    list(wb, [
      ...LIST.slice(0, 3),
      ["https://docs.google.com/spreadsheets/d/team-a/edit?usp=sharing", "Alpha (link)", "", ""],
      ["team-b", "Beta again", "", ""],
    ]);
    callAddon(wb, "refreshPortfolio", { at: AT });
    const rows = table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"]);
    expect(rows.map((x) => [x.Team, x.Read])).toEqual([
      ["Beta", "Yes"],
      ["Alpha", "Yes"],
      ["Alpha (link)", "Listed twice: the same tracker is in row 2 of the Portfolio tab."],
      ["Beta again", "Listed twice: the same tracker is in row 3 of the Portfolio tab."],
    ]);
    const co1 = table(wb, "Portfolio Roll-up", ["Objective", "Title", "Team"]).find((x) => x.Objective === "CO1")!;
    expect(co1["Aligned objectives"]).toBe(3); // Alpha's O1 and O2, Beta's O1: once each
    expect(table(wb, "Portfolio History", ["Week"]).map((h) => h.Team)).toEqual(["Alpha", "Beta"]);
  });

  it("two trackers under one team name: the second is not read, since History and the trend keep one row per name", () => {
    const wb = company(teams());
    list(wb, [...LIST.slice(0, 3), ["team-d", " alpha ", "", ""]]);
    callAddon(wb, "refreshPortfolio", { at: AT });
    const rows = table(wb, "Portfolio Roll-up", ["Team", "Tracker", "Read"]);
    expect(rows.map((x) => x.Read)).toEqual([
      "Yes",
      "Yes",
      'Team name "alpha" is also in row 2 of the Portfolio tab: give each team its own name in the Team column.',
    ]);
  });

  it("the menu item reports what was read; the weekly refresh refreshes the roll-up too", () => {
    const wb = company(teams());
    list(wb);
    callAddon(wb, "menuPortfolio");
    const alert = wb.services.ui.alerts.at(-1)!;
    expect(alert.title).toBe("Refresh portfolio");
    expect(alert.prompt).toMatch(/^Week 6 of 13: 2 of 5 team trackers read/);
    expect(alert.prompt).toContain("• Gamma: Not shared with you");
    const w = callAddon(wb, "sendWeeklyEmailsNow", {});
    expect(w.ok, w.message).toBe(true);
    expect(w.outcome.portfolio.read).toBe(2);
  });
});

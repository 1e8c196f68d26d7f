// "Refresh portfolio" through the built add-on, on what a user's company tracker may hold besides a plain
// list of teams: a tab of its own named like the roll-up's (refused before anything is written, content
// kept, as the reports refuse theirs), the company tracker listed among its teams, a team with no KRs; and
// a weekly trigger run whose roll-up the time limit cut short (its last-run line says so, not "OK"); and the
// first runs, which make the Portfolio and roll-up tabs asking for each by name once, even when a refresh
// run at the same time made it first.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { emptySnapshot, newScriptProject, type WorkbookSnapshot } from "../../src/local/snapshot";
import { fireTrigger, refreshTriggersOf, RHYTHM_ADMIN, trackers } from "../support/rhythm";
import { newTracker, setToday, sheetNamesAsked, ss } from "../support/tracker";

const AT = "2026-02-12";

let snaps: { company: WorkbookSnapshot; team: WorkbookSnapshot; empty: WorkbookSnapshot } | null = null;
function trackerSnaps() {
  if (snaps) return snaps;
  const company = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } }).services.toSnapshot();
  const team = newTracker({ snapshot: { ...emptySnapshot("team-a"), id: "team-a" } }).services.toSnapshot();
  // A team that set its tracker up and has not written its OKRs yet.
  const empty = newTracker({ template: "blank", snapshot: { ...emptySnapshot("team-e"), id: "team-e" } }).services.toSnapshot();
  return (snaps = { company, team, empty });
}

function company(list: unknown[][]): Workbook {
  const s = trackerSnaps();
  const reg = new Map<string, WorkbookSnapshot>([["team-a", s.team], ["team-e", s.empty]]);
  const wb = workbookFromSnapshot("/nonexistent/company.xlsx", s.company, { at: AT, user: RHYTHM_ADMIN, workbooks: (ref) => reg.get(ref) });
  ss(wb).insertSheet("Portfolio").getRange(1, 1, list.length + 1, 4).setValues([["Tracker", "Team", "Weight", "Notes"], ...list]);
  return wb;
}

/** The roll-up's team rows: Team, Read, Score, Expected. */
function teamRows(wb: Workbook): unknown[][] {
  const values = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
  const h = values.findIndex((r) => r[0] === "Team" && r[1] === "Tracker");
  const out: unknown[][] = [];
  for (const r of values.slice(h + 1)) {
    if (r[0] === "") break;
    out.push([r[0], r[2], r[5], r[6]]);
  }
  return out;
}

describe("Refresh portfolio: what is not a team, and tabs that are not ours", () => {
  it("refuses, in one line naming it, a tab of the user's own named like the roll-up, before anything is written", () => {
    const wb = company([["team-a", "Alpha", "", ""]]);
    const own = ss(wb).insertSheet("PORTFOLIO ROLL-UP");
    own.getRange("A1:B2").setValues([["Our portfolio notes", ""], ["Alpha", "doing fine"]]);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r).toEqual({
      ok: false,
      message:
        'The "PORTFOLIO ROLL-UP" tab (no "Portfolio roll-up: …" title in A1) is not the tracker\'s, and the portfolio roll-up would be written over it. Rename it (its content is kept), then run "Refresh portfolio" again. Nothing was changed.',
    });
    expect(own.getDataRange().getValues()).toEqual([["Our portfolio notes", ""], ["Alpha", "doing fine"]]);
    expect(ss(wb).getSheetByName("Portfolio History")).toBeNull();

    // Renamed as the message says: the roll-up is made beside it, and the next refresh writes over its own.
    own.setName("Portfolio notes");
    expect(callAddon(wb, "refreshPortfolio", { at: AT }).ok).toBe(true);
    expect(callAddon(wb, "refreshPortfolio", { at: AT }).ok).toBe(true);
    expect(teamRows(wb).map((t) => t[1])).toEqual(["Yes"]);
    expect(own.getRange("A1").getValue()).toBe("Our portfolio notes");
  });

  it("refuses a Portfolio History of the user's own the same way; its content is kept", () => {
    const wb = company([["team-a", "Alpha", "", ""]]);
    const own = ss(wb).insertSheet("Portfolio History");
    own.getRange("A1:B1").setValues([["Quarter", "Notes"]]);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^The "Portfolio History" tab \(no "Week", "Team", "Score" header row\) is not the tracker's.*Nothing was changed\.$/) });
    expect(own.getDataRange().getValues()).toEqual([["Quarter", "Notes"]]);
    expect(ss(wb).getSheetByName("Portfolio Roll-up")).toBeNull();
  });

  it("a company tracker listed among its teams (by its ID or link) is refused in its row; the other teams roll up", () => {
    const wb = company([
      ["company", "Us", "", ""],
      ["team-a", "Alpha", "", ""],
      ["https://docs.google.com/spreadsheets/d/company/edit#gid=0", "Us again", "", ""],
    ]);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect([r.ok, r.listed, r.read]).toEqual([true, 3, 1]);
    const self = "This is the company tracker itself, not a team's: remove this row from the Portfolio tab.";
    expect(teamRows(wb).map((t) => t.slice(0, 2))).toEqual([["Alpha", "Yes"], ["Us", self], ["Us again", self]]);
    const history = ss(wb).getSheetByName("Portfolio History")!.getDataRange().getValues();
    expect(history.slice(1).map((h) => h[2])).toEqual(["Alpha"]);
  });

  it("a team with no KRs has no score and no expected score: both blank", () => {
    const wb = company([["team-a", "Alpha", "", ""], ["team-e", "Empty", "", ""]]);
    expect(callAddon(wb, "refreshPortfolio", { at: AT }).ok).toBe(true);
    const [alpha, empty] = teamRows(wb);
    expect(typeof alpha[3]).toBe("number");
    expect(empty.slice(1)).toEqual(["Yes", "", ""]);
  });
});

describe("Refresh portfolio's first runs: each tab asked for by name once", () => {
  const once = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

  it("the run that makes the Portfolio tab, and the first roll-up, ask for each tab once (before, twice: again under the lock)", () => {
    const wb = workbookFromSnapshot("/nonexistent/company.xlsx", trackerSnaps().company, { at: AT, user: RHYTHM_ADMIN, workbooks: (ref) => (ref === "team-a" ? trackerSnaps().team : undefined) });
    const first = sheetNamesAsked(wb, () => expect(callAddon(wb, "refreshPortfolio", { at: AT })).toMatchObject({ ok: true, created: true }));
    expect(first.filter((n) => n === "Portfolio")).toEqual(["Portfolio"]);
    expect(once(first)).toEqual([]);
    ss(wb).getSheetByName("Portfolio")!.getRange("A2:D2").setValues([["team-a", "Alpha", "", ""]]);
    const rollup = sheetNamesAsked(wb, () => expect(callAddon(wb, "refreshPortfolio", { at: AT })).toMatchObject({ ok: true, read: 1 }));
    expect(rollup.filter((n) => /^Portfolio/.test(n))).toEqual(["Portfolio", "Portfolio Roll-up", "Portfolio History"]);
    expect(teamRows(wb).map((t) => t.slice(0, 2))).toEqual([["Alpha", "Yes"]]);
  });

  it("a refresh run at the same time that made the tabs first: this one writes in them, one of each", () => {
    // The other run makes the roll-up while this one reads its team (outside the lock).
    const wb = company([["team-a", "Alpha", "", ""]]);
    let other: { ok: boolean } | null = null;
    wb.services.counters.listener = (name) => {
      if (name !== "SpreadsheetApp.openById") return;
      wb.services.counters.listener = null; // once
      other = callAddon(wb, "refreshPortfolio", { at: AT });
    };
    try {
      expect(callAddon(wb, "refreshPortfolio", { at: AT })).toMatchObject({ ok: true, read: 1 });
    } finally {
      wb.services.counters.listener = null;
    }
    expect(other).toMatchObject({ ok: true, read: 1 });
    expect(ss(wb).getSheets().map((s) => s.getName()).filter((n) => /^Portfolio/.test(n))).toEqual(["Portfolio", "Portfolio History", "Portfolio Roll-up"]);
    expect(teamRows(wb).map((t) => t.slice(0, 2))).toEqual([["Alpha", "Yes"]]);

    // The other run makes the Portfolio tab while this one waits for the lock: it is left as that one made it.
    const fresh = workbookFromSnapshot("/nonexistent/company.xlsx", trackerSnaps().company, { at: AT, user: RHYTHM_ADMIN });
    let made: { ok: boolean } | null = null;
    fresh.services.counters.listener = (name) => {
      if (name !== "LockService.getDocumentLock") return;
      fresh.services.counters.listener = null; // once
      made = callAddon(fresh, "refreshPortfolio", { at: AT });
    };
    try {
      expect(callAddon(fresh, "refreshPortfolio", { at: AT })).toMatchObject({ ok: true, created: true });
    } finally {
      fresh.services.counters.listener = null;
    }
    expect(made).toMatchObject({ ok: true, created: true });
    expect(ss(fresh).getSheets().filter((s) => s.getName() === "Portfolio").length).toBe(1);
    expect(ss(fresh).getSheetByName("Portfolio")!.getDataRange().getNumRows()).toBe(2);
  });
});

describe("The weekly refresh of a company tracker", () => {
  it("a roll-up the time limit cut short is the last run's outcome, not \"OK\"", () => {
    const [base, t1, t2] = trackers(3).map((w) => w.services.toSnapshot());
    const reg = new Map<string, WorkbookSnapshot>([[t1.id, t1], [t2.id, t2]]);
    // Opening a team tracker takes 5 minutes of the run's clock: after the first, the 4½ minutes are spent.
    const wb: Workbook = workbookFromSnapshot("/nonexistent/company.xlsx", base, {
      at: "2026-01-05",
      user: RHYTHM_ADMIN,
      project: newScriptProject(),
      workbooks: (ref) => {
        wb.services.clock.set(new Date(wb.services.clock.now().getTime() + 5 * 60 * 1000));
        return reg.get(ref);
      },
    });
    ss(wb).insertSheet("Portfolio").getRange(1, 1, 3, 4).setValues([["Tracker", "Team", "Weight", "Notes"], [t1.id, "One", "", ""], [t2.id, "Two", "", ""]]);
    expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
    setToday(wb, "2026-01-12");
    const r = fireTrigger(wb, refreshTriggersOf(wb)[0]);
    expect(r).toMatchObject({ ok: true, outcome: { week: 1, portfolio: { listed: 2, read: 1, pending: 1 } } }); // the week to Sunday 2026-01-11
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain(
      'Last weekly refresh: 2026-01-12 12:05 (Etc/UTC), failed: the Weekly Summary was refreshed, the portfolio roll-up is partial: 1 of 2 team trackers were not read before the time limit. Choose "Refresh portfolio" for a whole roll-up (as of the day you choose it).',
    );
  });
});

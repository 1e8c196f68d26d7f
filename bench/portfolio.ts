// The portfolio tier: a company tracker whose Portfolio tab lists 50 team trackers of 200 KRs each,
// refreshed by the built add-on's refreshPortfolio on the offline spreadsheet (the team trackers open
// through its registry of other workbooks, counted like the company's own calls).
//
// Offline milliseconds say nothing about Google, so the tier is judged on a projection of its counted
// calls and cells onto seconds (the benchmark's cost model, plus a cost per opened spreadsheet, which
// that model does not price) against Apps Script's 6 minutes.
import { performance } from "node:perf_hooks";
import { OBJECTIVE_HEADERS, KR_HEADERS, TAB, type Metric } from "../src/core/tabs";
import { ADMIN, START, TODAY } from "../src/local/generate/okrs";
import { cell, putRow, sheetOf } from "../src/local/generate/rows";
import { setUpNewTracker } from "../src/local/generate/tracker";
import { callAddon, workbookFromSnapshot } from "../src/local/runtime";
import type { SnapshotCell, WorkbookSnapshot } from "../src/local/snapshot";
import type { OtherWorkbook } from "../src/local/sheets";
import { project } from "./costModel";

export const PORTFOLIO_TIER = { teams: 50, krsPerTeam: 200, objectivesPerTeam: 60, companyObjectives: 5 };
/** Apps Script stops an execution at 6 minutes. */
export const BUDGET_SECONDS = 360;

/**
 * Opening a spreadsheet by ID or URL: the cost model (bench/costModel.ts) prices it as a handle call, but
 * Sheets loads the document first. Assumed 0.5 s low, 2 s high per opened tracker, added to the model.
 */
const OPEN_SECONDS = { low: 0.5, high: 2.0 };

export function projectSeconds(c: { byMethod: Record<string, number>; cellsRead: number; cellsWritten: number; cellsFormatted?: number }): { low: number; high: number } {
  const p = project(c, { executions: 1 }).projectedSeconds;
  const opens = (c.byMethod["SpreadsheetApp.openById"] ?? 0) + (c.byMethod["SpreadsheetApp.openByUrl"] ?? 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { low: round(p.low + opens * OPEN_SECONDS.low), high: round(p.high + opens * OPEN_SECONDS.high) };
}

function blankTracker(id: string, name: string): WorkbookSnapshot {
  return setUpNewTracker({ id, name, at: START, user: ADMIN, setup: { template: "blank", start: START, weeks: 13, name } }).services.toSnapshot();
}

const SHAPES: { metric: Metric; start: number; target: number; at: (f: number) => number }[] = [
  { metric: "increase", start: 82, target: 95, at: (f) => 82 + 13 * f },
  { metric: "decrease", start: 9.5, target: 6, at: (f) => 9.5 - 3.5 * f },
  { metric: "stay_below", start: 112, target: 120, at: (f) => 110 + 20 * f },
  { metric: "milestone", start: 0, target: 1, at: (f) => Math.round(f * 10) / 10 },
];

/**
 * A KR's Last check-in, as days after START: spread over the 14 days to TODAY (day 80), so half a team's KRs
 * checked in this week. Until session 19 over days 56-70, none this week: the roll-up reads a team's log for the
 * week's blockers only when one did, and the tier would have measured a portfolio in which no team checked in.
 */
const lastCheckinDay = (k: number, i: number) => 80 - ((k + i) % 14);

/** A team tracker: objectives aligned to company objectives or cascading inside the team, KRs checked in. */
function teamTracker(i: number, companyIds: string[]): WorkbookSnapshot {
  const snap = blankTracker(`team-${i}`, `Team ${i}`);
  const { objectivesPerTeam: nObj, krsPerTeam: nKr } = PORTFOLIO_TIER;
  const objSheet = sheetOf(snap, TAB.objectives);
  for (let o = 0; o < nObj; o++) {
    const parent = o < 5 ? companyIds[(o + i) % companyIds.length] : o >= 10 ? `O${1 + (o % 10)}` : "";
    putRow(objSheet, o + 1, { [OBJECTIVE_HEADERS[0]]: cell(`O${o + 1}`), Objective: cell(`Objective ${o + 1} of team ${i}`), Owner: cell(ADMIN), "Parent ID": cell(parent), Type: cell(o % 3 ? "committed" : "aspirational") });
  }
  const krSheet = sheetOf(snap, TAB.keyResults);
  for (let k = 0; k < nKr; k++) {
    const o = Math.floor((k * nObj) / nKr);
    const s = SHAPES[(k + i) % SHAPES.length];
    const progress = ((k * 37 + i * 11) % 100) / 100;
    const day = lastCheckinDay(k, i);
    putRow(krSheet, k + 1, {
      [KR_HEADERS[0]]: cell(`O${o + 1}.KR${k}`), "Objective ID": cell(`O${o + 1}`), "Key result": cell(`Key result ${k}`), Owner: cell(ADMIN),
      Metric: cell(s.metric), Start: cell(s.start), Target: cell(s.target), Weight: cell(k % 5 ? 1 : 2),
      Current: cell(s.at(progress)), Confidence: cell(1 + (k % 10)), "Last check-in": cell(46027 + day, "yyyy-mm-dd"),
    });
  }
  // Its Check-ins log (session 19: the roll-up reads its last rows for the period's blockers): each KR's check-ins
  // of the last two weeks it checked in, oldest first as check-ins append them, a blocker on every sixth.
  const logSheet = sheetOf(snap, TAB.checkins);
  const log: { day: number; k: number; w: number }[] = [];
  for (let k = 0; k < nKr; k++) for (const w of [7, 0]) log.push({ day: lastCheckinDay(k, i) - w, k, w });
  log.sort((a, b) => a.day - b.day || a.k - b.k);
  log.forEach((l, r) => {
    const o = Math.floor((l.k * nObj) / nKr);
    const s = SHAPES[(l.k + i) % SHAPES.length];
    putRow(logSheet, r + 1, {
      Timestamp: cell(46027 + l.day + 0.4, "yyyy-mm-dd hh:mm"), Week: cell(1 + Math.floor(l.day / 7)), "KR ID": cell(`O${o + 1}.KR${l.k}`),
      Value: cell(s.at(((l.k * 37 + i * 11) % 100) / 100)), Confidence: cell(1 + (l.k % 10)), "What changed": cell("Weekly update"),
      Blockers: cell(r % 6 ? "" : "Waiting for IT access"), "Next step": cell(r % 6 ? "" : "Escalate"), Author: cell(ADMIN), "Request ID": cell(`bench-${i}-${r}`),
    });
  });
  // What a real tracker of 200 KRs is: every KR row with its formulas (Score, Expected, Status…), as an import or
  // Repair gives the rows past setup's spare ones. Until session 20 the KRs were written into the file past those
  // rows, so the roll-up truthfully named 150 KRs a team "blank" under Scores typed over.
  const wb = workbookFromSnapshot(`/nonexistent/team-${i}.xlsx`, snap, { at: TODAY, user: ADMIN });
  const repaired = callAddon(wb, "repairTracker");
  if (!repaired.ok) throw new Error(`bench portfolio: team ${i}: repairTracker failed: ${repaired.message}`);
  return wb.services.toSnapshot();
}

export interface PortfolioTierOut {
  teams: number;
  krsPerTeam: number;
  read: number;
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  cellsFormatted: number;
  byMethod: Record<string, number>;
  ms: number;
  projectedSeconds: { low: number; high: number };
  /** A second refresh the same day (replaces the roll-up and this week's History rows). */
  again: { serviceCalls: number; projectedSeconds: { low: number; high: number } };
  buildMs: number;
}

export function runPortfolioTier(): PortfolioTierOut {
  const t0 = performance.now();
  const companyIds = Array.from({ length: PORTFOLIO_TIER.companyObjectives }, (_, i) => `CO${i + 1}`);
  const company = blankTracker("company", "Company");
  companyIds.forEach((id, i) => putRow(sheetOf(company, TAB.objectives), i + 1, { [OBJECTIVE_HEADERS[0]]: cell(id), Objective: cell(`Company objective ${i + 1}`), Owner: cell(ADMIN) }));
  const registry = new Map<string, OtherWorkbook>();
  const list: (SnapshotCell | null)[][] = [["Tracker", "Team", "Weight", "Notes"].map((h) => cell(h))];
  // Setting up a 200-KR tracker is the slow part of building the tier: a few distinct teams are built
  // and listed under 50 IDs (each is opened, read and rolled up as its own tracker).
  const distinct = Array.from({ length: 5 }, (_, i) => teamTracker(i + 1, companyIds));
  for (let i = 1; i <= PORTFOLIO_TIER.teams; i++) {
    const id = `team-${String(i).padStart(2, "0")}`;
    registry.set(id, { ...distinct[i % distinct.length], id });
    list.push([cell(id), cell(`Team ${i}`), cell(1 + (i % 3)), null]);
  }
  company.sheets.push({ name: "Portfolio", rows: list });
  const wb = workbookFromSnapshot("/nonexistent/company.xlsx", company, { at: TODAY, user: ADMIN, workbooks: (ref) => registry.get(ref) });
  const buildMs = performance.now() - t0;

  const c = wb.services.counters;
  c.reset();
  const t1 = performance.now();
  const r = callAddon(wb, "refreshPortfolio", { at: TODAY });
  const ms = performance.now() - t1;
  if (!r.ok) throw new Error(`bench: refreshPortfolio failed: ${r.message}`);
  if (r.read !== PORTFOLIO_TIER.teams || r.pending) throw new Error(`bench: read ${r.read} of ${PORTFOLIO_TIER.teams} (pending ${r.pending})`);
  // Real trackers hold their formulas: a roll-up naming cells typed over would be measuring damaged ones.
  if (r.digest?.typedOver?.length) throw new Error(`bench: ${r.digest.typedOver.length} teams with cells typed over`);
  const s = c.snapshot();
  c.reset();
  callAddon(wb, "refreshPortfolio", { at: TODAY });
  const s2 = c.snapshot();
  return {
    teams: PORTFOLIO_TIER.teams,
    krsPerTeam: PORTFOLIO_TIER.krsPerTeam,
    read: r.read,
    serviceCalls: s.serviceCalls,
    cellsRead: s.cellsRead,
    cellsWritten: s.cellsWritten,
    cellsFormatted: s.cellsFormatted,
    byMethod: s.byMethod,
    ms: Math.round(ms),
    projectedSeconds: projectSeconds(s),
    again: { serviceCalls: s2.serviceCalls, projectedSeconds: projectSeconds(s2) },
    buildMs: Math.round(buildMs),
  };
}

// One tier of the benchmark: its tracker generated (src/local/generate: set up blank, then filled),
// loaded into a fresh offline spreadsheet, and the add-on's operations measured on it; and the control that
// a check-in's reads do not grow with the log.
import { performance } from "node:perf_hooks";
import { addDays } from "../src/core/dates";
import { TAB } from "../src/core/tabs";
import { OPERATIONS_TEMPLATE } from "../src/core/templates";
import { ADMIN, rng, TODAY, valueAt, type KrRow, type LogRow, type TrackerSpec } from "../src/local/generate/okrs";
import { sheetOf } from "../src/local/generate/rows";
import { generateTracker } from "../src/local/generate/tracker";
import { callAddon, clockFor, workbookFromSnapshot, type Workbook } from "../src/local/runtime";
import type { WorkbookSnapshot } from "../src/local/snapshot";
import { measure, measureSidebar, projected, SHAPE, type Measured, type OpName, type OpResult } from "./measure";
import { chartsOf, putCharts, type SavedChart } from "./charts";
import { firstDifference, planWeekOfCheckins, submitCheckins, writeCheckins, type PlannedCheckin } from "./weekCheckins";
import { LOG_TAIL } from "../src/server/checkinLog";

/** Up to this many KRs, the week of check-ins written directly is checked against submitCheckin's (bench/weekCheckins.ts). */
const CHECKED_UP_TO_KRS = 50;

/** --no-headroom: the Key Results grid ends at the last KR (reproduces setup's grid overflow at 1,000+ KRs). */
const NO_HEADROOM = process.argv.includes("--no-headroom");

export const TIERS: TrackerSpec[] = [
  { name: "small", objectives: 3, krs: 7, checkins: 40, owners: 5, operations: true },
  { name: "medium", objectives: 60, krs: 200, checkins: 5_000, owners: 40 },
  { name: "large", objectives: 300, krs: 1_200, checkins: 55_000, owners: 200 },
];

/**
 * Not a tier (nothing of it is reported): a tracker on which the week of check-ins written directly is
 * checked against submitCheckin's where the small tier cannot check it, its log longer than a check-in's
 * tail (LOG_TAIL rows) and some of its KRs with too few check-ins in that tail for a forecast.
 */
export const VERIFY: TrackerSpec = { name: "verify", objectives: 15, krs: 60, checkins: 420, owners: 12 };

/** The tier's tracker: a blank one set up by the add-on (that setup measured), then filled. */
export function fillTracker(spec: TrackerSpec): { snapshot: WorkbookSnapshot; krs: KrRow[]; objectives: { id: string; owner: string }[]; owners: string[]; log: LogRow[]; newSetup: Measured<unknown> } {
  let newSetup: Measured<unknown> | undefined;
  const g = generateTracker(spec, { headroom: !NO_HEADROOM, setup: (wb, options) => (newSetup = measure<{ ok: true }>(wb, "setupTracker", options)) });
  return { snapshot: g.snapshot, krs: g.krs, objectives: g.objectives, owners: g.owners, log: g.log, newSetup: newSetup! };
}

/** How many KRs `owner`'s sidebar lists: theirs, and since session 18 every KR of an objective they own. */
function listedFor(owner: string, krs: KrRow[], objectives: { id: string; owner: string }[]): number {
  const owned = new Set(objectives.filter((o) => o.owner === owner).map((o) => o.id));
  return krs.filter((k) => k.owner === owner || owned.has(k.objectiveId)).length;
}

/**
 * What a large tracker's first page lists for an owner (src/server/checkinSidebar.ts sidebarPageData): their
 * KRs, and when their first KR's objective is theirs too, that objective's other KRs (session 20).
 */
function briefListedFor(owner: string, krs: KrRow[], objectives: { id: string; owner: string }[]): number {
  const first = krs.find((k) => k.owner === owner);
  const ownsIt = first !== undefined && objectives.some((o) => o.id === first.objectiveId && o.owner === owner);
  return krs.filter((k) => k.owner === owner || (ownsIt && k.objectiveId === first.objectiveId)).length;
}

function ownerWithMostKrs(krs: KrRow[]): { owner: string; count: number; kr: KrRow } {
  const n = new Map<string, number>();
  for (const k of krs) n.set(k.owner, (n.get(k.owner) ?? 0) + 1);
  let best = krs[0].owner;
  for (const [o, c] of n) if (c > n.get(best)!) best = o;
  return { owner: best, count: n.get(best)!, kr: krs.find((k) => k.owner === best)! };
}

export interface TierOut {
  name: string;
  objectives: number;
  krs: number;
  checkins: number;
  historyRows: number;
  ops: Record<OpName, OpResult>;
  /** Opening the sidebar as an admin, who sees every KR (the owner's figure is in ops.sidebarOpen). */
  sidebarOpenAdmin: OpResult;
  /** Next week's summary, from this week's checkpoint: the log rows since it are read, not the whole log. */
  summaryNextWeek: OpResult;
  /** Next week's summary when neither History nor the Weekly Summary tab has room left (both must grow). */
  summaryTabsFull: OpResult;
  /**
   * Next week's summary after a week in which every KR checked in once (summaryNextWeek's week has no
   * check-in): on a copy, with one check-in per KR appended to the log as the add-on writes them.
   */
  summaryWeekWithCheckins: OpResult & { checkinsAdded: number };
  sidebarKrs: { owner: number; admin: number };
  /** The calls by method of each operation, and of next week's summary (the summary target's operation). */
  byMethod: Record<OpName | "sidebarOpenAdmin" | "summaryNextWeek", Record<string, number>>;
  /** Setting up a new (blank) tracker, as the tier's tracker was made. */
  setupNew: OpResult;
  /** Repair tracker right after that setup: over a healthy filled tracker (issue 14's setup target). */
  repairHealthy: OpResult;
  /**
   * Repair over the same tracker in use: after two weekly summaries (the Weekly Summary and Weekly Trend tabs
   * exist, and Repair looks after both) and a first Repair, which sizes the Weekly Summary for the cycle once.
   */
  repairWithSummaries: OpResult;
  buildMs: number;
}

/** Every KR the sidebar page lists: with details (krs) and, on a large tracker's page, by name (brief). */
function listed(page: { krs: unknown[]; brief?: unknown[] }): unknown[] {
  return page.krs.concat(page.brief ?? []);
}

/** The sheet row the sidebar's data gives a KR (sent back with the check-in, as the sidebar does). */
function rowShown(page: { krs: unknown[]; brief?: unknown[] }, id: string): number | undefined {
  const k = (listed(page) as { id: string; row?: number }[]).find((x) => x.id === id);
  return k?.row;
}

/**
 * The tier measured, and its filled tracker as generated (no workbook changes it: each copies what it
 * loads), which the command-line bench repairs, as a user's tracker is set up, and saves instead of generating
 * it again (bench/cli.ts saveSetUp: the generator leaves formulas on the first 50 rows only).
 */
export function runTier(spec: TrackerSpec): { tier: TierOut; snapshot: WorkbookSnapshot } {
  const t0 = performance.now();
  const { snapshot, krs, objectives, log, newSetup } = fillTracker(spec);
  const historyRows = sheetOf(snapshot, TAB.history).rows.filter((r) => r.some((c) => c && c.v !== undefined && c.v !== null)).length - 1;
  const wb = workbookFromSnapshot(`/nonexistent/bench-${spec.name}.xlsx`, snapshot, { at: TODAY, user: ADMIN });
  const buildMs = performance.now() - t0;

  const setup = measure<{ ok: true; warnings: string[] }>(wb, "setupTracker", {});
  // The generator leaves formulas, rules and protections over setup's first 50 rows only, so the setup
  // above extends them to every KR; Repair after it is the healthy tracker's cost.
  const repairHealthy = measure<{ ok: true }>(wb, "repairTracker", undefined);

  const who = ownerWithMostKrs(krs);
  wb.services.session.setUser(who.owner);
  const sidebar = measureSidebar(wb);
  wb.services.session.setUser(ADMIN);
  const sidebarAdmin = measureSidebar(wb);
  if (listed(sidebarAdmin.result).length !== krs.length) throw new Error(`bench: admin sidebar lists ${listed(sidebarAdmin.result).length} KRs, expected ${krs.length}`);
  // A large tracker's page lists from the table's first four columns, which carry no objective's owner, and the
  // first KR's row, which does.
  const expected = (sidebar.result as { brief?: unknown[] }).brief ? briefListedFor(who.owner, krs, objectives) : listedFor(who.owner, krs, objectives);
  if (listed(sidebar.result).length !== expected) throw new Error(`bench: owner sidebar lists ${listed(sidebar.result).length} KRs, expected ${expected}`);

  wb.services.session.setUser(who.owner);
  const target = who.kr;
  const checkin = measure<{ ok: true; duplicate: boolean }>(wb, "submitCheckin", {
    requestId: `bench-${spec.name}-checkin-1`,
    krId: target.id,
    // As the sidebar sends it: the row its data showed the KR on.
    row: rowShown(sidebar.result, target.id),
    value: String(valueAt(target, 0.85, 1, rng(1))),
    confidence: "7",
    whatChanged: "Weekly numbers are in",
    blockers: "",
    nextStep: "Keep going",
  });
  if (checkin.result.duplicate) throw new Error("bench: the check-in was taken for a duplicate");

  wb.services.session.setUser(ADMIN);
  const summary = measure<{ ok: true; week: number }>(wb, "generateWeeklySummary", { at: TODAY });

  // A week of use later: next week's summary starts from the checkpoint this one recorded (the tier's
  // tracker was filled without one, so the summary above read the whole log, as a first summary does).
  // Two variants of next week's are measured on copies of the tracker as this summary left it.
  const nextWeek = addDays(TODAY, 7);
  const afterFirst = wb.services.toSnapshot();
  const charts = chartsOf(wb);
  const summaryNext = measure<{ ok: true; week: number }>(wb, "generateWeeklySummary", { at: nextWeek });
  const tabsFull = summaryTabsFull(afterFirst, charts, spec, nextWeek);
  const withCheckins = summaryWeekWithCheckins(afterFirst, charts, spec, krs, nextWeek);
  // The last measurement on this workbook: Repair once (it sizes the Weekly Summary for the cycle, once), then
  // the healthy tracker in use's Repair.
  measure<{ ok: true }>(wb, "repairTracker", undefined);
  const repairWithSummaries = measure<{ ok: true }>(wb, "repairTracker", undefined);

  const tier: TierOut = {
    name: spec.name,
    objectives: spec.operations ? OPERATIONS_TEMPLATE.objectives.length : spec.objectives,
    krs: krs.length,
    checkins: log.length,
    historyRows,
    ops: {
      setup: projected(setup, SHAPE.setup),
      sidebarOpen: projected(sidebar, SHAPE.sidebarOpen),
      checkin: projected(checkin, SHAPE.checkin),
      summary: projected(summary, SHAPE.summary),
    },
    sidebarOpenAdmin: projected(sidebarAdmin, SHAPE.sidebarOpen),
    summaryNextWeek: projected(summaryNext, SHAPE.summary),
    summaryTabsFull: projected(tabsFull, SHAPE.summary),
    summaryWeekWithCheckins: { ...projected(withCheckins.summary, SHAPE.summary), checkinsAdded: withCheckins.checkinsAdded },
    setupNew: projected(newSetup, SHAPE.setup),
    repairHealthy: projected(repairHealthy, SHAPE.setup),
    repairWithSummaries: projected(repairWithSummaries, SHAPE.setup),
    sidebarKrs: { owner: listed(sidebar.result).length, admin: listed(sidebarAdmin.result).length },
    byMethod: { setup: setup.byMethod, sidebarOpen: sidebar.byMethod, sidebarOpenAdmin: sidebarAdmin.byMethod, checkin: checkin.byMethod, summary: summary.byMethod, summaryNextWeek: summaryNext.byMethod },
    buildMs: Math.round(buildMs),
  };
  return { tier, snapshot };
}

/** A workbook of its own on a snapshot (a workbook copies what it loads, so copies may share one). */
function copyOf(snapshot: WorkbookSnapshot, name: string) {
  return workbookFromSnapshot(`/nonexistent/bench-${name}.xlsx`, snapshot, { at: TODAY, user: ADMIN });
}

/**
 * The worst case: next week's summary with no room left in either grid (History ends at its last row,
 * the Weekly Summary tab one row below its frozen title: Sheets keeps a row below the frozen ones), as
 * after KRs were added by hand beyond what setup sized the tabs for. On a copy with the tracker's charts (a
 * snapshot keeps none: bench/charts.ts), so that it measures the grids' growth, not two charts inserted again.
 */
function summaryTabsFull(afterFirst: WorkbookSnapshot, charts: SavedChart[], spec: TrackerSpec, nextWeek: string): Measured<unknown> {
  const copy = copyOf(afterFirst, `${spec.name}-full`);
  putCharts(copy, charts);
  const book = copy.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  for (const name of ["History", "Weekly Summary"]) {
    const sh = book.getSheetByName(name)!;
    const keep = Math.max(sh.getFrozenRows() + 1, name === "History" ? sh.getLastRow() : 1);
    if (sh.getMaxRows() > keep) sh.deleteRows(keep + 1, sh.getMaxRows() - keep);
  }
  return measure<{ ok: true; week: number }>(copy, "generateWeeklySummary", { at: nextWeek });
}

/**
 * An ordinary week as a team that checks in weekly has it: next week's summary after every KR checked in
 * once since the first (bench/weekCheckins.ts writes the check-ins as the add-on does), on a copy of the
 * tracker as the first summary left it, its charts included (as summaryNextWeek's tracker has them).
 */
function summaryWeekWithCheckins(afterFirst: WorkbookSnapshot, charts: SavedChart[], spec: TrackerSpec, krs: KrRow[], nextWeek: string): { summary: Measured<unknown>; checkinsAdded: number } {
  const copy = copyOf(afterFirst, `${spec.name}-week`);
  putCharts(copy, charts);
  const week = planWeekOfCheckins(copy, spec, krs, nextWeek);
  writeCheckins(copy, spec, week);
  // The direct writes leave the tracker exactly as the add-on's check-ins do (checked where that is quick).
  if (krs.length <= CHECKED_UP_TO_KRS) sameAsAddon(afterFirst, spec, copy, week);
  return { summary: measure<{ ok: true; week: number }>(copy, "generateWeeklySummary", { at: nextWeek }), checkinsAdded: week.length };
}

function sameAsAddon(afterFirst: WorkbookSnapshot, spec: TrackerSpec, written: Workbook, week: PlannedCheckin[]): void {
  const viaAddon = copyOf(afterFirst, `${spec.name}-checked`);
  submitCheckins(viaAddon, week, clockFor(TODAY));
  const diff = firstDifference(written, viaAddon);
  if (diff) throw new Error(`bench: ${spec.name}: the week's check-ins written directly differ from submitCheckin's at ${diff}`);
}

/**
 * The check of summaryWeekWithCheckins on VERIFY's tracker, as a tier's first summary leaves it (its
 * forecasts written from the whole log): fails unless the log is longer than LOG_TAIL and some check-in
 * keeps its KR's forecast cells, the two branches the small tier's 40-row log never takes.
 */
export function verifyWeekCheckins(spec: TrackerSpec = VERIFY): { logRows: number; checkins: number; kept: number } {
  const { snapshot, krs } = fillTracker(spec);
  const wb = copyOf(snapshot, spec.name);
  for (const [op, arg] of [["setupTracker", {}], ["generateWeeklySummary", { at: TODAY }]] as const) {
    const r = callAddon(wb, op, arg);
    if (!r.ok) throw new Error(`bench: ${spec.name}: ${op} failed: ${r.message}`);
  }
  const afterFirst = wb.services.toSnapshot();
  const nextWeek = addDays(TODAY, 7);
  const copy = copyOf(afterFirst, `${spec.name}-week`);
  const week = planWeekOfCheckins(copy, spec, krs, nextWeek);
  const { logRows, kept } = writeCheckins(copy, spec, week);
  if (logRows <= LOG_TAIL || kept === 0) throw new Error(`bench: ${spec.name}: ${logRows} log rows, ${kept} forecasts kept: the check does not reach the tail's cut or the kept forecast`);
  sameAsAddon(afterFirst, spec, copy, week);
  return { logRows, checkins: week.length, kept };
}

/**
 * Control for "a check-in's reads do not grow with the log": the same OKRs (the medium tier's) with a log
 * ten times as long. Only the sidebar and a check-in are measured.
 */
export function logGrowthControl(base: TrackerSpec): { krs: number; checkins: [number, number]; checkinReads: [number, number]; checkinCalls: [number, number]; sidebarReads: [number, number] } {
  const out = { krs: base.krs, checkins: [0, 0] as [number, number], checkinReads: [0, 0] as [number, number], checkinCalls: [0, 0] as [number, number], sidebarReads: [0, 0] as [number, number] };
  [base.checkins, base.checkins * 10].forEach((n, i) => {
    const spec = { ...base, name: `${base.name}-log${i}`, checkins: n };
    const { snapshot, krs } = fillTracker(spec);
    const wb = workbookFromSnapshot("/nonexistent/bench-control.xlsx", snapshot, { at: TODAY, user: ADMIN });
    const r = callAddon(wb, "setupTracker", {});
    if (!r.ok) throw new Error(`bench: control setup failed: ${r.message}`);
    const who = ownerWithMostKrs(krs);
    wb.services.session.setUser(who.owner);
    const sb = measureSidebar(wb);
    const ci = measure(wb, "submitCheckin", { requestId: `bench-control-${i}-0001`, krId: who.kr.id, row: rowShown(sb.result, who.kr.id), value: "1", confidence: "5", confirmed: true });
    out.checkins[i] = n;
    out.checkinReads[i] = ci.op.cellsRead;
    out.checkinCalls[i] = ci.op.serviceCalls;
    out.sidebarReads[i] = sb.op.cellsRead;
  });
  return out;
}

// Benchmark: runs the built add-on (dist/Code.js) on the offline spreadsheet at growing tracker sizes and
// measures, per operation, the Apps Script service calls, cells read, cells written and wall time.
//
//   npm run bench            (= npm run build && tsx bench/run.ts)
//   tsx bench/run.ts --only small,medium   (a subset of tiers; results.json is still written)
//
// How a tier is built: a blank tracker is created through setupTracker, saved to a snapshot, and the
// snapshot is filled directly (objectives, KRs with their latest check-in, the check-in log, weekly History
// rows), as a tracker that has been in use for most of a cycle would be. The filled workbook is then loaded
// into a fresh offline spreadsheet and the add-on is measured on it:
//   setup        setupTracker({}) over the filled tracker (restores formulas/formatting for every row)
//   sidebarOpen  the "Check in" menu item as a KR owner: one execution builds the page with the data inside
//                (the target applies here); the admin view is recorded too
//   checkin      one submitCheckin by that owner
//   summary      generateWeeklySummary({at: today})
//   (also)       next week's summary with the History and Weekly Summary grids full, so both must grow
// Each operation starts from counters.reset(); ms is performance.now() around the call, so it includes the
// offline engine's formula recalculation (HyperFormula), which real Sheets does on Google's side.
import { statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { addDays, dayNumber, elapsed, serialFromIso, weekNumber } from "../src/core/dates";
import { krScore, statusFromGap } from "../src/core/scoring";
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, TAB, type Metric, type ObjectiveType, type PnlLink } from "../src/core/tabs";
import { OPERATIONS_TEMPLATE, type TemplateKr, type TemplateObjective } from "../src/core/templates";
import { callAddon, callAddonRaw, distDir, workbookFromSnapshot, type AddonEntry, type Workbook } from "../src/local/runtime";
import { benchCli } from "./cli";
import { emptySnapshot, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "../src/local/snapshot";
import { project, RATES, type Projected, type Shape } from "./costModel";
import { putRow, sheetOf } from "./snapshotRows";
import { BUDGET_SECONDS, PORTFOLIO_TIER, runPortfolioTier, type PortfolioTierOut } from "./portfolio";

const HERE = dirname(fileURLToPath(import.meta.url));
const START = "2026-01-05"; // a Monday
const WEEKS = 13;
const TODAY = "2026-03-26"; // Thursday of week 12: most of the cycle's check-ins are in the log
const ADMIN = "okr.admin@example.com";
const LEADER = "ceo@example.com";
/** --no-headroom: the Key Results grid ends at the last KR (reproduces setup's grid overflow at 1,000+ KRs). */
const NO_HEADROOM = process.argv.includes("--no-headroom");

// ---- targets (issue 14: the cost model's high projection, in seconds, at every tier) ----
const TARGET = {
  sidebarOpenS: 3.5,
  checkinS: 3.0,
  summaryLargeS: 15,
  summaryMediumS: 4,
  setupFilledS: 10,
  setupNewS: 20,
  checkinCellsSmall: 2000,
  bundleBytes: 300 * 1000,
};

type OpName = "setup" | "sidebarOpen" | "checkin" | "summary";
interface OpResult {
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  ms: number;
  /** Seconds on real Apps Script, projected from the counts by bench/costModel.ts (README: the cost model). */
  projectedSeconds?: { low: number; high: number };
  /** The part of projectedSeconds no code can remove (executions, the page, one flush when it writes). */
  floorSeconds?: { low: number; high: number };
  /** The calls by the kind the model prices them as. */
  callKinds?: Projected["calls"];
}
interface TierSpec {
  name: string;
  objectives: number;
  krs: number;
  checkins: number;
  owners: number;
  /** Use the operations template's OKRs (the small tier). */
  operations?: boolean;
}

const TIERS: TierSpec[] = [
  { name: "small", objectives: 3, krs: 7, checkins: 40, owners: 5, operations: true },
  { name: "medium", objectives: 60, krs: 200, checkins: 5_000, owners: 40 },
  { name: "large", objectives: 300, krs: 1_200, checkins: 55_000, owners: 200 },
];

// ---- deterministic random ----
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the OKRs of a tier ----
type ObjRow = TemplateObjective;
interface KrRow extends TemplateKr {
  /** The type of the KR's objective (the History rows' status depends on it). */
  type: ObjectiveType;
}
interface LogRow {
  serial: number; // timestamp (serial, with time of day)
  day: string;
  krIndex: number;
  value: number;
  confidence: number;
  whatChanged: string;
  blockers: string;
  nextStep: string;
  author: string;
  requestId: string;
}

const TEAMS = ["Order to delivery", "Customer service", "Finance", "Sales", "Product", "People", "Supply chain", "IT"];
const PNL: PnlLink[] = ["revenue", "margin", "cost", "cash", "none"];
const KR_SHAPES: { metric: Metric; unit: string; start: number; target: number; title: string }[] = [
  { metric: "increase", unit: "%", start: 82, target: 95, title: "Raise on-time delivery from 82% to 95%" },
  { metric: "decrease", unit: "days", start: 9.5, target: 6, title: "Cut cycle time from 9.5 to 6 days" },
  { metric: "stay_below", unit: "orders", start: 112, target: 120, title: "Keep the backlog at or below 120" },
  { metric: "stay_above", unit: "%", start: 93, target: 92, title: "Keep first-pass yield at or above 92%" },
  { metric: "milestone", unit: "done", start: 0, target: 1, title: "Roll out the new planning routine" },
  { metric: "increase", unit: "EUR k", start: 120, target: 180, title: "Grow monthly recurring revenue to 180k" },
  { metric: "decrease", unit: "EUR", start: 42, target: 36, title: "Bring cost per unit from 42 to 36" },
];

function makeOkrs(spec: TierSpec, rand: () => number): { objectives: ObjRow[]; krs: KrRow[]; owners: string[] } {
  if (spec.operations) {
    const t = OPERATIONS_TEMPLATE;
    const objectives = t.objectives.map((o) => ({ id: o.id, title: o.title, owner: o.owner, team: o.team, parentId: o.parentId, type: o.type, pnlLink: o.pnlLink }));
    const typeOf = new Map(objectives.map((o) => [o.id, o.type]));
    const krs = t.keyResults.map((k) => ({ ...k, type: typeOf.get(k.objectiveId)! }));
    return { objectives, krs, owners: Array.from(new Set(krs.map((k) => k.owner))) };
  }
  const owners = Array.from({ length: spec.owners }, (_, i) => `owner${String(i + 1).padStart(3, "0")}@example.com`);
  const objectives: ObjRow[] = [];
  for (let i = 0; i < spec.objectives; i++) {
    objectives.push({
      id: `O${i + 1}`,
      title: `Objective ${i + 1}: make ${TEAMS[i % TEAMS.length].toLowerCase()} measurably better`,
      owner: owners[(i * 7) % owners.length],
      team: TEAMS[i % TEAMS.length],
      parentId: i >= 10 && rand() < 0.5 ? `O${1 + (i % 10)}` : "",
      type: rand() < 0.3 ? "aspirational" : "committed",
      pnlLink: PNL[i % PNL.length],
    });
  }
  // Spread the KRs evenly over the objectives (3–5 each at these sizes).
  const krs: KrRow[] = [];
  for (let i = 0; i < spec.krs; i++) {
    const o = objectives[Math.floor((i * spec.objectives) / spec.krs)];
    const n = krs.filter((k) => k.objectiveId === o.id).length + 1;
    const shape = KR_SHAPES[Math.floor(rand() * KR_SHAPES.length)];
    const jitter = shape.metric === "milestone" ? 0 : Math.round(rand() * 10) / 10;
    krs.push({
      id: `${o.id}.KR${n}`,
      objectiveId: o.id,
      title: shape.title,
      owner: owners[i % owners.length],
      metric: shape.metric,
      unit: shape.unit,
      start: shape.start + jitter,
      target: shape.target + jitter,
      weight: rand() < 0.2 ? 2 : 1,
      type: o.type,
    });
  }
  return { objectives, krs, owners };
}

/** A KR's value on day d of the cycle: drifting from start towards (sometimes past, sometimes short of) target. */
function valueAt(kr: KrRow, frac: number, pace: number, rand: () => number): number {
  if (kr.metric === "milestone") return Math.min(1, Math.round(frac * pace * 10) / 10);
  if (kr.metric === "stay_above" || kr.metric === "stay_below") {
    const noise = (rand() - 0.5) * 4;
    return Math.round((kr.start + noise) * 10) / 10;
  }
  const v = kr.start + (kr.target - kr.start) * frac * pace + (rand() - 0.5) * Math.abs(kr.target - kr.start) * 0.1;
  return Math.round(v * 100) / 100;
}

const CHANGES = ["Shipped the fix to the picking process", "New supplier onboarded", "Weekly review moved to Mondays", "Two people back from leave", "", "Data cleaned up; figure restated", "Pilot extended to the second line"];
const BLOCKERS = ["", "", "", "Waiting for IT access", "Budget approval pending", ""];
const NEXT = ["Roll out to the night shift", "Review with finance", "", "Automate the weekly report", "Train the new starters"];

function makeLog(spec: TierSpec, krs: KrRow[], rand: () => number): LogRow[] {
  const days = dayNumber(TODAY) - dayNumber(START); // check-ins on the days before today
  const pace = krs.map(() => 0.5 + rand() * 0.9);
  const rows: LogRow[] = [];
  for (let i = 0; i < spec.checkins; i++) {
    const k = i % krs.length;
    const d = Math.floor(rand() * days);
    const day = addDays(START, d);
    const seconds = 8 * 3600 + Math.floor(rand() * 10 * 3600);
    rows.push({
      serial: serialFromIso(day) + seconds / 86400,
      day,
      krIndex: k,
      value: 0,
      confidence: 1 + Math.floor(rand() * 10),
      whatChanged: CHANGES[i % CHANGES.length],
      blockers: BLOCKERS[i % BLOCKERS.length],
      nextStep: NEXT[i % NEXT.length],
      author: krs[k].owner,
      requestId: `bench-${spec.name}-${String(i + 1).padStart(7, "0")}`,
    });
  }
  rows.sort((a, b) => a.serial - b.serial); // the log is append-only, so chronological
  for (const r of rows) r.value = valueAt(krs[r.krIndex], (dayNumber(r.day) - dayNumber(START)) / (WEEKS * 7), pace[r.krIndex], rand);
  return rows;
}

// ---- filling a snapshot ----
const cell = (v: string | number | undefined, fmt?: string): SnapshotCell | null =>
  v === undefined || v === "" ? null : fmt ? { v, fmt } : { v };


function fillTracker(spec: TierSpec): { snapshot: WorkbookSnapshot; krs: KrRow[]; owners: string[]; log: LogRow[]; newSetup: Measured<unknown> } {
  const rand = rng(0x5eed + spec.krs);
  const { objectives, krs, owners } = makeOkrs(spec, rand);
  const log = makeLog(spec, krs, rand);

  // A blank tracker made by the add-on itself.
  const wb = workbookFromSnapshot("/nonexistent/bench.xlsx", { ...emptySnapshot(`bench ${spec.name}`), id: `bench-${spec.name}` }, { at: START, user: ADMIN });
  const newSetup = measure<{ ok: true }>(wb, "setupTracker", { template: "blank", start: START, weeks: WEEKS, name: `Bench ${spec.name}` });
  const snap = wb.services.toSnapshot();

  // Settings: admins and leaders.
  const settings = sheetOf(snap, TAB.settings);
  for (const row of settings.rows) {
    const label = String(row?.[0]?.v ?? "");
    if (label === "Admins' emails") row[1] = { v: ADMIN };
    if (label === "Leaders' emails") row[1] = { v: LEADER };
  }

  const objSheet = sheetOf(snap, TAB.objectives);
  objectives.forEach((o, i) =>
    putRow(objSheet, i + 1, {
      [OBJECTIVE_HEADERS[0]]: cell(o.id), Objective: cell(o.title), Owner: cell(o.owner), Team: cell(o.team),
      "Parent ID": cell(o.parentId), Type: cell(o.type), "P&L link": cell(o.pnlLink),
    }),
  );

  // Each KR's latest check-in (by date, then submission order) fills Current / Confidence / Last check-in.
  const latest = new Map<number, LogRow>();
  for (const l of log) latest.set(l.krIndex, l);
  const krSheet = sheetOf(snap, TAB.keyResults);
  krs.forEach((k, i) => {
    const l = latest.get(i);
    putRow(krSheet, i + 1, {
      [KR_HEADERS[0]]: cell(k.id), "Objective ID": cell(k.objectiveId), "Key result": cell(k.title), Owner: cell(k.owner),
      Metric: cell(k.metric), Unit: cell(k.unit), Start: cell(k.start), Target: cell(k.target), Weight: cell(k.weight),
      Current: cell(l?.value), Confidence: cell(l?.confidence), "Last check-in": cell(l ? Math.floor(l.serial) : undefined, "yyyy-mm-dd"),
    });
  });

  const logSheet = sheetOf(snap, TAB.checkins);
  log.forEach((l, i) =>
    putRow(logSheet, i + 1, {
      [CHECKIN_HEADERS[0]]: cell(l.serial, "yyyy-mm-dd hh:mm"), Week: cell(weekNumber(l.day, START)), "KR ID": cell(krs[l.krIndex].id),
      Value: cell(l.value), Confidence: cell(l.confidence), "What changed": cell(l.whatChanged), Blockers: cell(l.blockers),
      "Next step": cell(l.nextStep), Author: cell(l.author), "Request ID": cell(l.requestId),
    }),
  );

  // History: what the weekly refresh (Mondays) wrote for weeks 1 .. this week − 1.
  const histSheet = sheetOf(snap, TAB.history);
  const thisWeek = weekNumber(TODAY, START);
  let h = 1;
  let li = 0;
  const current = new Map<number, number>();
  for (let w = 1; w < thisWeek; w++) {
    const asOf = addDays(START, 7 * (w - 1));
    while (li < log.length && log[li].day <= asOf) current.set(log[li].krIndex, log[li++].value);
    const el = elapsed(asOf, START, WEEKS);
    krs.forEach((k, i) => {
      const c = current.get(i);
      const sc = krScore(k.metric, k.start, k.target, c ?? null);
      const score = sc.score ?? 0;
      const status =
        c === undefined ? "Not started"
        : k.metric === "stay_above" || k.metric === "stay_below" ? (score === 1 ? "On track" : "Off track")
        : statusFromGap(score, el * (k.type === "aspirational" ? 0.7 : 1), 0.1, 0.25);
      putRow(histSheet, h++, {
        [HISTORY_HEADERS[0]]: cell(w), "As of": cell(serialFromIso(asOf), "yyyy-mm-dd"), "KR ID": cell(k.id),
        Value: cell(c ?? k.start), Score: cell(score, "0.00"), Status: cell(status),
      });
    });
  }
  // The History grid ends at its last row (setup, measured first, then sizes it for the cycle). The Key
  // Results grid gets 100 empty rows below the KRs, as a sheet grown by hand usually has: without them
  // setup fails at 1,000+ KRs, writing its 20 spare formula rows past the grid (see README, Performance).
  if (!NO_HEADROOM) for (let i = 0; i < 100; i++) krSheet.rows.push([]);
  return { snapshot: snap, krs, owners, log, newSetup };
}

// ---- measuring ----
interface Measured<T> {
  op: OpResult;
  byMethod: Record<string, number>;
  result: T;
}

function measure<T>(wb: Workbook, fn: AddonEntry, arg: unknown): Measured<T> {
  const c = wb.services.counters;
  c.reset();
  const t0 = performance.now();
  const result = callAddonRaw(wb, fn, arg) as T;
  const ms = performance.now() - t0;
  const s = c.snapshot();
  const r = result as { ok?: boolean; message?: string };
  if (!r || r.ok !== true) throw new Error(`bench: ${fn} failed: ${r?.message ?? JSON.stringify(result)}`);
  return { op: { serviceCalls: s.serviceCalls, cellsRead: s.cellsRead, cellsWritten: s.cellsWritten, ms: Math.round(ms * 10) / 10 }, byMethod: s.byMethod, result };
}

/** A menu item (no return value): the sidebar it showed is parsed for the data embedded in it. */
function measureSidebar(wb: Workbook): Measured<{ ok: true; krs: unknown[] }> {
  const c = wb.services.counters;
  const ui = wb.services.ui;
  c.reset();
  const t0 = performance.now();
  callAddon(wb, "menuCheckIn");
  const ms = performance.now() - t0;
  const s = c.snapshot();
  const html = ui.sidebars[ui.sidebars.length - 1]?.html ?? "";
  const m = /<script type="application\/json" id="sidebar-data">([\s\S]*?)<\/script>/.exec(html);
  const result = m && m[1] ? JSON.parse(m[1]) : null;
  if (!result || result.ok !== true) throw new Error(`bench: the sidebar page carries no data: ${JSON.stringify(result)?.slice(0, 200)}`);
  return { op: { serviceCalls: s.serviceCalls, cellsRead: s.cellsRead, cellsWritten: s.cellsWritten, ms: Math.round(ms * 10) / 10 }, byMethod: s.byMethod, result };
}

/** How many executions (and pages) the person waits on, per operation. */
const SHAPE: Record<OpName, Shape> = {
  setup: { executions: 1 },
  sidebarOpen: { executions: 1, pages: 1 },
  checkin: { executions: 1 },
  summary: { executions: 1 },
};

function projected(m: Measured<unknown>, shape: Shape): OpResult {
  const p = project({ byMethod: m.byMethod, cellsRead: m.op.cellsRead, cellsWritten: m.op.cellsWritten }, shape);
  return { ...m.op, projectedSeconds: p.projectedSeconds, floorSeconds: p.floorSeconds, callKinds: p.calls };
}

function ownerWithMostKrs(krs: KrRow[]): { owner: string; count: number; kr: KrRow } {
  const n = new Map<string, number>();
  for (const k of krs) n.set(k.owner, (n.get(k.owner) ?? 0) + 1);
  let best = krs[0].owner;
  for (const [o, c] of n) if (c > n.get(best)!) best = o;
  return { owner: best, count: n.get(best)!, kr: krs.find((k) => k.owner === best)! };
}

interface TierOut {
  name: string;
  objectives: number;
  krs: number;
  checkins: number;
  historyRows: number;
  ops: Record<OpName, OpResult>;
  /** Opening the sidebar as an admin, who sees every KR (the owner's figure is in ops.sidebarOpen). */
  sidebarOpenAdmin: OpResult;
  /** Next week's summary when neither History nor the Weekly Summary tab has room left (both must grow). */
  summaryTabsFull: OpResult;
  sidebarKrs: { owner: number; admin: number };
  byMethod: Record<OpName | "sidebarOpenAdmin", Record<string, number>>;
  /** Setting up a new (blank) tracker, as the tier's tracker was made. */
  setupNew: OpResult;
  buildMs: number;
}

function runTier(spec: TierSpec): TierOut {
  const t0 = performance.now();
  const { snapshot, krs, log, newSetup } = fillTracker(spec);
  const historyRows = sheetOf(snapshot, TAB.history).rows.length - 1;
  const wb = workbookFromSnapshot(`/nonexistent/bench-${spec.name}.xlsx`, snapshot, { at: TODAY, user: ADMIN });
  const buildMs = performance.now() - t0;

  const setup = measure<{ ok: true; warnings: string[] }>(wb, "setupTracker", {});

  const who = ownerWithMostKrs(krs);
  wb.services.session.setUser(who.owner);
  const sidebar = measureSidebar(wb);
  wb.services.session.setUser(ADMIN);
  const sidebarAdmin = measureSidebar(wb);
  if (sidebarAdmin.result.krs.length !== krs.length) throw new Error(`bench: admin sidebar lists ${sidebarAdmin.result.krs.length} KRs, expected ${krs.length}`);
  if (sidebar.result.krs.length !== who.count) throw new Error(`bench: owner sidebar lists ${sidebar.result.krs.length} KRs, expected ${who.count}`);

  wb.services.session.setUser(who.owner);
  const target = who.kr;
  const checkin = measure<{ ok: true; duplicate: boolean }>(wb, "submitCheckin", {
    requestId: `bench-${spec.name}-checkin-1`,
    krId: target.id,
    value: String(valueAt(target, 0.85, 1, rng(1))),
    confidence: "7",
    whatChanged: "Weekly numbers are in",
    blockers: "",
    nextStep: "Keep going",
  });
  if (checkin.result.duplicate) throw new Error("bench: the check-in was taken for a duplicate");

  wb.services.session.setUser(ADMIN);
  const summary = measure<{ ok: true; week: number }>(wb, "generateWeeklySummary", { at: TODAY });

  // The worst case: next week's summary with no room left in either grid (History ends at its last row,
  // the Weekly Summary tab at row 1), as after KRs were added by hand beyond what setup sized the tabs for.
  const book = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  for (const name of ["History", "Weekly Summary"]) {
    const sh = book.getSheetByName(name)!;
    const keep = Math.max(1, name === "History" ? sh.getLastRow() : 1);
    if (sh.getMaxRows() > keep) sh.deleteRows(keep + 1, sh.getMaxRows() - keep);
  }
  const nextWeek = addDays(TODAY, 7);
  const tabsFull = measure<{ ok: true; week: number }>(wb, "generateWeeklySummary", { at: nextWeek });

  return {
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
    summaryTabsFull: projected(tabsFull, SHAPE.summary),
    setupNew: projected(newSetup, SHAPE.setup),
    sidebarKrs: { owner: sidebar.result.krs.length, admin: sidebarAdmin.result.krs.length },
    byMethod: { setup: setup.byMethod, sidebarOpen: sidebar.byMethod, sidebarOpenAdmin: sidebarAdmin.byMethod, checkin: checkin.byMethod, summary: summary.byMethod },
    buildMs: Math.round(buildMs),
  };
}

/**
 * Control for "a check-in's reads do not grow with the log": the same OKRs (the medium tier's) with a log
 * ten times as long. Only the sidebar and a check-in are measured.
 */
function logGrowthControl(base: TierSpec): { krs: number; checkins: [number, number]; checkinReads: [number, number]; checkinCalls: [number, number]; sidebarReads: [number, number] } {
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
    const ci = measure(wb, "submitCheckin", { requestId: `bench-control-${i}-0001`, krId: who.kr.id, value: "1", confidence: "5", confirmed: true });
    out.checkins[i] = n;
    out.checkinReads[i] = ci.op.cellsRead;
    out.checkinCalls[i] = ci.op.serviceCalls;
    out.sidebarReads[i] = sb.op.cellsRead;
  });
  return out;
}

// ---- report ----
function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

const range = (p?: { low: number; high: number }) => (p ? `${p.low.toFixed(1)}–${p.high.toFixed(1)}` : "");

function printTable(tiers: TierOut[]): void {
  const head = ["tier", "KRs", "check-ins", "operation", "calls", "cells read", "cells written", "ms", "projected s", "floor s"];
  const rows: string[][] = [];
  for (const t of tiers) {
    const ops: [string, OpResult][] = [
      ["setup (new tracker)", t.setupNew],
      ["setup (over the filled tracker)", t.ops.setup],
      [`sidebarOpen (owner, ${t.sidebarKrs.owner} KRs)`, t.ops.sidebarOpen],
      [`sidebarOpen (admin, ${t.sidebarKrs.admin} KRs)`, t.sidebarOpenAdmin],
      ["checkin", t.ops.checkin],
      ["summary", t.ops.summary],
      ["summary (History and Summary grids full)", t.summaryTabsFull],
    ];
    ops.forEach(([name, o], i) =>
      rows.push([i === 0 ? t.name : "", i === 0 ? fmtInt(t.krs) : "", i === 0 ? fmtInt(t.checkins) : "", name, fmtInt(o.serviceCalls), fmtInt(o.cellsRead), fmtInt(o.cellsWritten), o.ms.toFixed(0), range(o.projectedSeconds), range(o.floorSeconds)]),
    );
  }
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 || i === 1 || i === 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join("  ");
  console.log(line(head));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
}

/** The portfolio tier (bench/portfolio.ts), with its line of the report. */
function portfolioTier(): PortfolioTierOut {
  const p = PORTFOLIO_TIER;
  process.stderr.write(`bench: portfolio (${p.teams} team trackers of ${p.krsPerTeam} KRs) ... `);
  const r = runPortfolioTier();
  process.stderr.write(`built in ${r.buildMs} ms, measured\n`);
  console.log(
    `portfolio: refreshPortfolio over ${r.teams} team trackers of ${r.krsPerTeam} KRs: ${fmtInt(r.serviceCalls)} calls, ` +
      `${fmtInt(r.cellsRead)} cells read, ${fmtInt(r.cellsWritten)} written, ${r.ms} ms offline; projected ` +
      `${r.projectedSeconds.low}–${r.projectedSeconds.high} s on Google (budget ${BUDGET_SECONDS} s: ${r.projectedSeconds.high < BUDGET_SECONDS ? "MET" : "MISSED"})`,
  );
  return r;
}

function main(): void {
  const only = (() => {
    const i = process.argv.indexOf("--only");
    return i >= 0 ? new Set(process.argv[i + 1].split(",")) : null;
  })();
  const t0 = performance.now();
  const bundleBytes = statSync(join(distDir(), "Code.js")).size;
  const tiers: TierOut[] = [];
  for (const spec of TIERS) {
    if (only && !only.has(spec.name)) continue;
    process.stderr.write(`bench: ${spec.name} (${spec.krs} KRs, ${spec.checkins} check-ins) ... `);
    const t = runTier(spec);
    process.stderr.write(`built in ${t.buildMs} ms, measured\n`);
    tiers.push(t);
  }
  const portfolio = !only || only.has("portfolio") ? portfolioTier() : null;
  if (only && !tiers.length) return; // --only portfolio: the tier's own report, results.json untouched
  const medium = TIERS.find((t) => t.name === "medium")!;
  process.stderr.write(`bench: log-growth control (${medium.krs} KRs, ${medium.checkins} vs ${medium.checkins * 10} check-ins) ...\n`);
  const control = logGrowthControl(medium);

  const all = (f: (t: TierOut) => number) => tiers.map(f);
  const same = (xs: number[]) => xs.every((x) => x === xs[0]);
  const checkinCalls = all((t) => t.ops.checkin.serviceCalls);
  const sidebarCalls = all((t) => t.ops.sidebarOpen.serviceCalls);
  const summaryCalls = all((t) => t.ops.summary.serviceCalls);
  const high = (o: OpResult) => o.projectedSeconds!.high;
  const byTier = (f: (t: TierOut) => number) => Object.fromEntries(tiers.map((t) => [t.name, f(t)]));
  const tier = (name: string) => tiers.find((t) => t.name === name);
  const atMost = (f: (t: TierOut) => number, limit: number) => ({ met: tiers.every((t) => f(t) <= limit), measured: byTier(f) });
  const small = tier("small");
  const med = tier("medium");
  const large = tier("large");
  const targets = {
    sidebarUsableAtMost3_5s: atMost((t) => high(t.ops.sidebarOpen), TARGET.sidebarOpenS),
    sidebarUsableAdminAtMost3_5s: atMost((t) => high(t.sidebarOpenAdmin), TARGET.sidebarOpenS),
    checkinAtMost3s: atMost((t) => high(t.ops.checkin), TARGET.checkinS),
    summaryLargeAtMost15s: { met: !large || high(large.ops.summary) <= TARGET.summaryLargeS, measured: large ? high(large.ops.summary) : null },
    summaryMediumAtMost4s: { met: !med || high(med.ops.summary) <= TARGET.summaryMediumS, measured: med ? high(med.ops.summary) : null },
    setupFilledAtMost10s: atMost((t) => high(t.ops.setup), TARGET.setupFilledS),
    setupNewAtMost20s: atMost((t) => high(t.setupNew), TARGET.setupNewS),
    checkinCellsSmallAtMost2000: { met: !small || small.ops.checkin.cellsRead <= TARGET.checkinCellsSmall, measured: small ? small.ops.checkin.cellsRead : null },
    checkinReadsFlatWithLog: { met: control.checkinReads[1] === control.checkinReads[0], measured: { checkins: control.checkins, cellsRead: control.checkinReads } },
    checkinCallsSameAtEverySize: { met: same(checkinCalls), measured: checkinCalls },
    sidebarOpenCallsSameAtEverySize: { met: same(sidebarCalls), measured: sidebarCalls },
    summaryCallsSameAtEverySize: { met: same(summaryCalls), measured: summaryCalls },
    bundleUnder300KB: { met: bundleBytes < TARGET.bundleBytes, measured: bundleBytes },
    ...(portfolio ? { portfolioUnder6Minutes: { met: portfolio.projectedSeconds.high < BUDGET_SECONDS, measured: portfolio.projectedSeconds } } : {}),
  };

  const results = {
    generated: new Date().toISOString(),
    node: process.version,
    cycle: { start: START, weeks: WEEKS, today: TODAY },
    costModel: { secondsPer: RATES, shapes: SHAPE },
    bundleBytes,
    targets,
    logGrowthControl: control,
    tiers,
    ...(portfolio ? { portfolio } : {}),
  };
  writeFileSync(join(HERE, "results.json"), JSON.stringify(results, null, 2) + "\n");

  console.log("");
  printTable(tiers);
  console.log("");
  console.log(`log-growth control (${control.krs} KRs): check-in cells read ${control.checkinReads.map(fmtInt).join(" vs ")} with ${control.checkins.map(fmtInt).join(" vs ")} check-ins in the log`);
  console.log(`dist/Code.js: ${fmtInt(bundleBytes)} bytes`);
  console.log("");
  for (const [k, v] of Object.entries(targets)) console.log(`${v.met ? "MET   " : "MISSED"} ${k}: ${JSON.stringify(v.measured)}`);
  console.log(`\nwrote bench/results.json in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
// The command line on each tier saved as .xlsx (bench/cli.ts): adds `cli` to results.json.
await benchCli(TIERS.map((spec) => ({ name: spec.name, snapshot: () => fillTracker(spec).snapshot })));

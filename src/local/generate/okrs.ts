// What a tracker in use for part of a cycle holds, generated deterministically from a size: objectives,
// key results with their owners, and a chronological check-in log between the cycle's start and "today"
// (fill.ts writes it into a set-up tracker's snapshot).
import { addDays, dayNumber, serialFromIso } from "../../core/dates";
import type { Metric, ObjectiveType, PnlLink } from "../../core/tabs";
import { OPERATIONS_TEMPLATE, type TemplateKr, type TemplateObjective } from "../../core/templates";

/** The benchmark's cycle, the default of every generated tracker. */
export const START = "2026-01-05"; // a Monday
export const WEEKS = 13;
export const TODAY = "2026-03-26"; // Thursday of week 12: most of the cycle's check-ins are in the log
export const ADMIN = "okr.admin@example.com";
export const LEADER = "ceo@example.com";

export interface TrackerSpec {
  /** Names the tracker and its check-ins' request IDs. */
  name: string;
  objectives: number;
  krs: number;
  checkins: number;
  owners: number;
  /** Use the operations template's OKRs (the small tier). */
  operations?: boolean;
  /** The cycle (defaults: START, WEEKS) and the day the tracker is as of (TODAY): check-ins fall before it. */
  start?: string;
  weeks?: number;
  today?: string;
}

/** The cycle of a spec, defaults filled in. */
export function cycleOf(spec: TrackerSpec): { start: string; weeks: number; today: string } {
  return { start: spec.start ?? START, weeks: spec.weeks ?? WEEKS, today: spec.today ?? TODAY };
}

// ---- deterministic random ----
export function rng(seed: number): () => number {
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
export type ObjRow = TemplateObjective;
export interface KrRow extends TemplateKr {
  /** The type of the KR's objective (the History rows' status depends on it). */
  type: ObjectiveType;
}
export interface LogRow {
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

function makeOkrs(spec: TrackerSpec, rand: () => number): { objectives: ObjRow[]; krs: KrRow[]; owners: string[] } {
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
export function valueAt(kr: KrRow, frac: number, pace: number, rand: () => number): number {
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

function makeLog(spec: TrackerSpec, krs: KrRow[], rand: () => number): LogRow[] {
  const { start, weeks, today } = cycleOf(spec);
  const days = dayNumber(today) - dayNumber(start); // check-ins on the days before today
  const pace = krs.map(() => 0.5 + rand() * 0.9);
  const rows: LogRow[] = [];
  for (let i = 0; i < spec.checkins; i++) {
    const k = i % krs.length;
    const d = Math.floor(rand() * days);
    const day = addDays(start, d);
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
      requestId: `gen-${spec.name}-${String(i + 1).padStart(7, "0")}`,
    });
  }
  rows.sort((a, b) => a.serial - b.serial); // the log is append-only, so chronological
  for (const r of rows) r.value = valueAt(krs[r.krIndex], (dayNumber(r.day) - dayNumber(start)) / (weeks * 7), pace[r.krIndex], rand);
  return rows;
}

export interface TrackerData {
  objectives: ObjRow[];
  krs: KrRow[];
  owners: string[];
  log: LogRow[];
}

/** The same data for the same spec, every run (seeded by the number of KRs). */
export function trackerData(spec: TrackerSpec): TrackerData {
  const rand = rng(0x5eed + spec.krs);
  const { objectives, krs, owners } = makeOkrs(spec, rand);
  const log = makeLog(spec, krs, rand);
  return { objectives, krs, owners, log };
}

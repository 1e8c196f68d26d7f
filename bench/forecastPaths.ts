// The KRs of the forecast backtest (bench/forecastBacktest.ts): an operations team's hard metrics over a
// 13-week cycle, each a known path plus weekly measurement noise, checked in once a week on the team's
// weekday with some weeks missed. The path is hidden from the forecast; the check-ins are all it sees, and the
// last check-in is the value the retrospective scores (the "true end").
//
// A path is the share of the start→target distance covered at time t (0 at the cycle's start, 1 at its last
// day): `reach` is where it ends (1 = exactly the target), so every shape has KRs that hit and KRs that miss.
import { addDays } from "../src/core/dates";
import { rng } from "../src/local/generate/okrs";

export const START = "2027-01-04"; // a Monday
export const WEEKS = 13;
const DAYS = 7 * WEEKS - 1; // the cycle's last day, as a day number from START

export type Shape =
  | "linear"
  | "late start"
  | "burst, plateau"
  | "stall"
  | "getting worse"
  | "slips back"
  | "stay above/below"
  | "milestone";
export const SHAPES: Shape[] = ["linear", "late start", "burst, plateau", "stall", "getting worse", "slips back", "stay above/below", "milestone"];

export interface Template {
  name: string;
  metric: "increase" | "decrease" | "stay_above" | "stay_below" | "milestone";
  unit: string;
  start: number;
  target: number;
}

/** The ops pilot's KRs (the template's kinds): the shape decides the path, the template the numbers and bounds. */
const MOVING: Template[] = [
  { name: "on-time delivery", metric: "increase", unit: "%", start: 82, target: 95 },
  { name: "rework rate", metric: "decrease", unit: "%", start: 6.5, target: 3 },
  { name: "cycle time", metric: "decrease", unit: "days", start: 8.3, target: 6 },
  { name: "cost per unit", metric: "decrease", unit: "EUR", start: 42, target: 36 },
  { name: "throughput", metric: "increase", unit: "orders", start: 1200, target: 1500 },
];
const STAY: Template[] = [
  { name: "first-pass yield", metric: "stay_above", unit: "%", start: 93.5, target: 92 },
  { name: "open backlog", metric: "stay_below", unit: "orders", start: 110, target: 120 },
];
const MILESTONE: Template = { name: "new WMS live", metric: "milestone", unit: "", start: 0, target: 1 };

export interface Checkin {
  date: string;
  value: number;
  row: number;
}

export interface BacktestKr {
  shape: Shape;
  kr: Template;
  /** Weekly noise as a share of |target − start| (stay KRs: of their margin's scale). */
  noise: number;
  checkins: Checkin[];
}

export interface Options {
  seed: number;
  /** KRs per shape. */
  perShape: number;
  /** Weekly noise levels drawn from, as shares of the span. */
  noises?: number[];
  /** Chance that a week has no check-in. */
  missRate?: number;
  /** How far the KR's real day-0 level is from its Start, in weeks' noise (1 by default: a fair baseline). */
  startError?: number;
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}
const between = (r: () => number, a: number, b: number) => a + (b - a) * r();
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

/** Share of the distance covered at t ∈ [0, 1] for a moving KR's shape (random parameters drawn once). */
function movingPath(shape: Shape, r: () => number): (t: number) => number {
  switch (shape) {
    case "linear": {
      const reach = between(r, 0.55, 1.25);
      return (t) => reach * t;
    }
    case "late start": {
      // Flat for the first weeks (preparation), then an S-curve: logistic around the cycle's middle.
      const reach = between(r, 0.6, 1.2);
      const mid = between(r, 0.35, 0.6);
      const k = between(r, 9, 14);
      const s = (t: number) => 1 / (1 + Math.exp(-k * (t - mid)));
      return (t) => (reach * (s(t) - s(0))) / (s(1) - s(0));
    }
    case "burst, plateau": {
      // Quick early wins, then little more: most of the way is covered in the first weeks.
      const reach = between(r, 0.5, 1.15);
      const tau = between(r, 0.08, 0.25);
      return (t) => (reach * (1 - Math.exp(-t / tau))) / (1 - Math.exp(-1 / tau));
    }
    case "stall": {
      // On pace (or a little ahead) until a week between 2 and 9, then flat.
      const pace = between(r, 0.95, 1.25);
      const at = (7 * Math.floor(between(r, 2, 10))) / DAYS;
      return (t) => pace * Math.min(t, at);
    }
    case "getting worse": {
      // Moving away from the target from the start.
      const rate = between(r, 0.1, 0.5);
      return (t) => -rate * t;
    }
    case "slips back": {
      // On pace until a week between 4 and 8, then losing ground (a fix that did not hold).
      const pace = between(r, 0.9, 1.2);
      const peak = (7 * Math.floor(between(r, 4, 9))) / DAYS;
      const back = between(r, 0.3, 1.2);
      return (t) => (t <= peak ? pace * t : pace * peak - back * pace * (t - peak));
    }
    default:
      throw new Error(`not a moving shape: ${shape}`);
  }
}

/** A stay KR's distance above its threshold (in the direction it must stay), in units of its scale, at t. */
function stayPath(r: () => number): (t: number) => number {
  const margin = between(r, 0.3, 3); // where it starts, on the good side
  const drift = between(r, -4, 1.5); // over the cycle: most drift towards the threshold, some cross it
  return (t) => margin + drift * t;
}

/** Milestone: fraction done, in steps of 5%, never falling; on plan, late, or stuck. */
function milestonePath(r: () => number): (t: number) => number {
  const reach = between(r, 0.5, 1.2);
  const delay = between(r, 0, 0.4);
  return (t) => Math.min(1, Math.max(0, (reach * (t - delay)) / (1 - delay)));
}

/** The backtest's KRs for a seed: the same every run. */
export function backtestKrs(o: Options): BacktestKr[] {
  const r = rng(o.seed);
  const noises = o.noises ?? [0.03, 0.08, 0.15];
  const missRate = o.missRate ?? 0.15;
  const out: BacktestKr[] = [];
  for (const shape of SHAPES) {
    for (let i = 0; i < o.perShape; i++) {
      const noise = pick(r, noises);
      const weekday = Math.floor(r() * 7); // the team's check-in day within each week
      const firstWeek = r() < 0.2 ? 2 : 1; // a fifth of owners first check in in week 2
      let kr: Template;
      let valueAt: (t: number) => number;
      if (shape === "stay above/below") {
        kr = pick(r, STAY);
        const path = stayPath(r);
        const scale = Math.abs(kr.start - kr.target) / 1.5; // the template's start sits 1.5 scales from the threshold
        const sign = kr.metric === "stay_above" ? 1 : -1;
        valueAt = (t) => kr.target + sign * scale * path(t);
      } else if (shape === "milestone") {
        kr = MILESTONE;
        const path = milestonePath(r);
        valueAt = (t) => Math.round(path(t) * 20) / 20;
      } else {
        kr = pick(r, MOVING);
        const path = movingPath(shape, r);
        // Start is a baseline typed at setup (last quarter's figure): the KR's real level on day 0 is off it by
        // about a week's noise, so a rule that leans on Start is not handed an exact first point.
        const offset = normal(r) * (o.startError ?? 1) * noise * Math.abs(kr.target - kr.start);
        valueAt = (t) => kr.start + offset + (kr.target - kr.start) * path(t);
      }
      // Noise is a share of the span; a stay KR's of four times its scale (its values wander around the threshold).
      const span = shape === "stay above/below" ? (4 * Math.abs(kr.target - kr.start)) / 1.5 : Math.abs(kr.target - kr.start);
      const checkins: Checkin[] = [];
      let last = 0;
      for (let w = firstWeek; w <= WEEKS; w++) {
        const missed = w > firstWeek && r() < missRate;
        const eps = normal(r);
        if (missed) continue;
        const day = 7 * (w - 1) + weekday;
        const t = day / DAYS;
        let v = valueAt(t);
        if (kr.metric === "milestone") v = Math.max(last, v); // a milestone's done share is not noisy
        else v += eps * noise * span;
        v = bounded(kr, v);
        last = v;
        checkins.push({ date: addDays(START, day), value: round(v, kr.unit), row: checkins.length + 2 });
      }
      out.push({ shape, kr, noise, checkins });
    }
  }
  return out;
}

/** What the metric can be: a % within 0–100, a count or a duration ≥ 0. */
function bounded(kr: Template, v: number): number {
  if (kr.unit === "%") return Math.min(100, Math.max(0, v));
  return Math.max(0, v);
}

/** As an owner types it: % and days to one decimal, money to cents, counts whole. */
function round(v: number, unit: string): number {
  const d = unit === "orders" ? 0 : unit === "EUR" ? 2 : unit === "" ? 2 : 1;
  return Number(v.toFixed(d));
}

// Measuring one add-on call on the offline spreadsheet: the Apps Script service calls and cells it cost
// (from counters.reset()), its wall time, and what that projects to on Google (bench/costModel.ts).
import { performance } from "node:perf_hooks";
import { callAddon, callAddonRaw, type AddonEntry, type Workbook } from "../src/local/runtime";
import { project, type Projected, type Shape } from "./costModel";

export type OpName = "setup" | "sidebarOpen" | "checkin" | "summary";
export interface OpResult {
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Cells whose format was set (priced apart by the cost model: free in the low projection, as a written cell in the high). */
  cellsFormatted: number;
  ms: number;
  /** Seconds on real Apps Script, projected from the counts by bench/costModel.ts (README: the cost model). */
  projectedSeconds?: { low: number; high: number };
  /** The part of projectedSeconds no code can remove (executions, the page, one flush when it writes). */
  floorSeconds?: { low: number; high: number };
  /** The calls by the kind the model prices them as. */
  callKinds?: Projected["calls"];
}

export interface Measured<T> {
  op: OpResult;
  byMethod: Record<string, number>;
  result: T;
}

export function measure<T>(wb: Workbook, fn: AddonEntry, arg: unknown): Measured<T> {
  const c = wb.services.counters;
  c.reset();
  const t0 = performance.now();
  const result = callAddonRaw(wb, fn, arg) as T;
  const ms = performance.now() - t0;
  const s = c.snapshot();
  const r = result as { ok?: boolean; message?: string };
  if (!r || r.ok !== true) throw new Error(`bench: ${fn} failed: ${r?.message ?? JSON.stringify(result)}`);
  return { op: { serviceCalls: s.serviceCalls, cellsRead: s.cellsRead, cellsWritten: s.cellsWritten, cellsFormatted: s.cellsFormatted, ms: Math.round(ms * 10) / 10 }, byMethod: s.byMethod, result };
}

/** A menu item (no return value): the sidebar it showed is parsed for the data embedded in it. */
/** The page's data: `krs` with details and, on a large tracker's page, `brief`: the KRs listed by name. */
export function measureSidebar(wb: Workbook): Measured<{ ok: true; krs: unknown[]; brief?: unknown[] }> {
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
  return { op: { serviceCalls: s.serviceCalls, cellsRead: s.cellsRead, cellsWritten: s.cellsWritten, cellsFormatted: s.cellsFormatted, ms: Math.round(ms * 10) / 10 }, byMethod: s.byMethod, result };
}

/** How many executions (and pages) the person waits on, per operation. */
export const SHAPE: Record<OpName, Shape> = {
  setup: { executions: 1 },
  sidebarOpen: { executions: 1, pages: 1 },
  checkin: { executions: 1 },
  summary: { executions: 1 },
};

export function projected(m: Measured<unknown>, shape: Shape): OpResult {
  const p = project({ byMethod: m.byMethod, cellsRead: m.op.cellsRead, cellsWritten: m.op.cellsWritten, cellsFormatted: m.op.cellsFormatted }, shape);
  return { ...m.op, projectedSeconds: p.projectedSeconds, floorSeconds: p.floorSeconds, callKinds: p.calls };
}

// What an add-on call changed, by method: setup and Repair over a healthy tracker must write nothing.
import { expect } from "./expect";
import { kindOf } from "../../bench/costModel";
import { callAddon } from "./tracker";
import type { Workbook } from "../../src/local/runtime";

/** The methods a call wrote with (data writes and structural changes, never reads of either), and how often. */
export function writesOf(wb: Workbook, fn: () => void): Record<string, number> {
  const c = wb.services.counters;
  c.reset();
  fn();
  const out: Record<string, number> = {};
  for (const [m, n] of Object.entries(c.snapshot().byMethod)) {
    const k = kindOf(m);
    if ((k === "write" || k === "structural") && !/\.get[A-Z]/.test(m)) out[m] = n;
  }
  return out;
}

/** Repair tracker's writes (it must succeed). */
export function repairWrites(wb: Workbook): Record<string, number> {
  return writesOf(wb, () => expect(callAddon(wb, "repairTracker").ok).toBe(true));
}

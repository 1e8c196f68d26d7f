// What an add-on call changed, by method: setup and Repair over a healthy tracker must write nothing.
import { expect } from "./expect";
import { kindOf } from "../../bench/costModel";
import { isBufferedWrite } from "../../src/local/sheets/buffering";
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

/**
 * Runs `fn` (one add-on execution that takes the document lock) and checks its flush against its writes:
 * every write Sheets buffers is followed by SpreadsheetApp.flush() before the lock is released (else the
 * next execution under the lock could read stale rows on Google), and a run that wrote nothing makes no
 * flush (Repair over a healthy tracker: src/server/setupWrites.ts). Returns whether it flushed.
 */
export function flushFollowsWrites(wb: Workbook, fn: () => void): boolean {
  const c = wb.services.counters;
  const outer = c.listener;
  const calls: string[] = [];
  c.listener = (name) => {
    calls.push(name);
    if (outer) outer(name);
  };
  try {
    fn();
  } finally {
    c.listener = outer;
  }
  const lastWrite = calls.map(isBufferedWrite).lastIndexOf(true);
  const flush = calls.lastIndexOf("SpreadsheetApp.flush");
  const release = calls.lastIndexOf("Lock.releaseLock");
  const wrote = lastWrite >= 0 ? calls[lastWrite] : null;
  expect({ wrote, flushed: flush >= 0 }, "a run flushes exactly when it wrote").toEqual({ wrote, flushed: wrote !== null });
  if (wrote) {
    expect(flush > lastWrite, `the flush follows the last write (${wrote})`).toBe(true);
    expect(release < 0 || release > flush, "the lock is released after the flush").toBe(true);
  }
  return flush >= 0;
}

/** Repair tracker's writes (it must succeed, and flush exactly when it wrote: flushFollowsWrites). */
export function repairWrites(wb: Workbook): Record<string, number> {
  return writesOf(wb, () => flushFollowsWrites(wb, () => expect(callAddon(wb, "repairTracker").ok).toBe(true)));
}

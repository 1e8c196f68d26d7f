// The weekly refresh's trigger run, and several trackers of one add-on, for the rhythm tests (through the
// BUILT add-on: run `npm run build` or `npm run build:rhythm` first).
import { callAddon, callAddonRaw, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { newScriptProject, type ScriptProject, type SnapshotTrigger, type WorkbookSnapshot } from "../../src/local/snapshot";
import { newTracker } from "./tracker";
import { expect } from "./expect";

export const RHYTHM_START = "2026-01-05";
export const RHYTHM_ADMIN = "ops.lead@example.com";

/** This workbook's weekly refresh triggers (every user's, in the order made). */
export const refreshTriggersOf = (wb: Workbook): SnapshotTrigger[] => wb.services.triggers.filter((t) => t.handler === "weeklyRefresh");

/**
 * Runs a trigger as Apps Script would: as its owner (the active user, restored after), the event carrying its
 * ID; `inDocument`: with an active spreadsheet (by default none, as Google documents a time-driven run).
 * Gives the add-on's answer (`{ ok, outcome }`); an error the handler rethrows is thrown.
 */
export function fireTrigger(wb: Workbook, trigger: SnapshotTrigger | string, opts: { inDocument?: boolean } = {}): any {
  const t = typeof trigger === "string" ? wb.services.triggers.find((x) => x.id === trigger) : trigger;
  if (!t) throw new Error(`no trigger ${String(trigger)} in this workbook`);
  const before = wb.services.session.user();
  wb.services.runningTrigger = !opts.inDocument;
  if (t.owner) wb.services.session.setUser(t.owner);
  try {
    return callAddon(wb, "weeklyRefresh", { triggerUid: t.id, authMode: "FULL" });
  } finally {
    wb.services.runningTrigger = false;
    wb.services.session.setUser(before);
  }
}

/**
 * The operations template as set up by RHYTHM_ADMIN on RHYTHM_START, set up once per test file: every tracker
 * trackers() makes is opened from it (a copy for each call), as before from a tracker set up for the call.
 */
let setUp: WorkbookSnapshot | undefined;

/**
 * `n` trackers of one add-on (one script project: their triggers and the admin's user properties are
 * shared), set up from the operations template as RHYTHM_ADMIN, able to open each other by ID. IDs and names
 * are numbered with as many digits as `n` has: `tracker-1`/"Team 1", or `tracker-01`/"Team 01" from 10 on.
 */
export function trackers(n: number, project: ScriptProject = newScriptProject()): Workbook[] {
  const at = RHYTHM_START;
  const base = structuredClone((setUp ??= newTracker({ template: "operations", start: at, at, user: RHYTHM_ADMIN }).services.toSnapshot()));
  const snaps = new Map<string, WorkbookSnapshot>();
  const digits = String(n).length;
  for (let i = 1; i <= n; i++) {
    const k = String(i).padStart(digits, "0");
    snaps.set(`tracker-${k}`, { ...base, id: `tracker-${k}`, name: `Team ${k}` });
  }
  return [...snaps.values()].map((s) =>
    workbookFromSnapshot(`/nonexistent/${s.id}.xlsx`, s, { at, user: RHYTHM_ADMIN, project, workbooks: (ref) => snaps.get(ref) }),
  );
}

/** A refusal of the weekly refresh as users must see it: one line, never the generic error, saying nothing changed. */
export function expectOneLineRefusal(r: { ok: boolean; message?: string }): string {
  expect(r.ok).toBe(false);
  const m = String(r.message);
  expect(m).not.toContain("Something went wrong");
  expect(m).not.toContain("\n");
  expect(m).toContain("Nothing was changed");
  return m;
}

/** The question the menu's "Weekly refresh" item asks before turning the refresh on (turned off first), answered No. */
export function weeklyQuestion(wb: Workbook): string {
  callAddon(wb, "setWeeklyRefresh", { on: false });
  const ui = wb.services.ui;
  ui.alerts.length = 0;
  ui.respond("NO");
  callAddonRaw(wb, "menuWeekly");
  return ui.alerts[0].prompt;
}

/**
 * The tracker fails to open from a trigger's run (as Google fails a deleted, trashed or unshared one, with
 * its own words) while `gone()` says so.
 */
export function openFails(wb: Workbook, gone: () => boolean): void {
  const app = wb.services.globals.SpreadsheetApp as { openById: (id: string) => unknown };
  const open = app.openById.bind(app);
  app.openById = (id: string) => {
    if (gone()) throw new Error("Unexpected error while getting the method or property openById on object SpreadsheetApp.");
    return open(id);
  };
}

/** Runs `f` signed in as `who` (another admin, the installer), then signs back in as whoever was before. */
export function asUser<T>(wb: Workbook, who: string, f: () => T): T {
  const before = wb.services.session.user();
  wb.services.session.setUser(who);
  try {
    return f();
  } finally {
    wb.services.session.setUser(before);
  }
}

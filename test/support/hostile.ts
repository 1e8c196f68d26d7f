// Shared by the hostile-input tests (test/server/hostile*.test.ts): workbooks in the states the entry points
// meet, a JSON picture of everything a refusal must leave alone, and what a message a person can act on is.
import { expect } from "./expect";
import { emptySnapshot } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, openTracker, requestId, setToday, ss } from "./tracker";

export const ADMIN = "ops.lead@example.com"; // the operations template's admin
export const QUALITY = "quality.lead@example.com"; // owns O2.KR1 (decrease 6.5 → 3) and O2.KR2
export const DISPATCH = "dispatch.lead@example.com"; // owns O1.KR1
export const TODAY = "2026-01-20"; // week 3 of the template's 13-week cycle starting 2026-01-05

export type State = "tracker" | "closed" | "importTab" | "fresh" | "foreignObjectives" | "foreignHistory";

/** A workbook in a given state, "today" inside the cycle. */
export function workbook(state: State = "tracker", user: string | null = QUALITY): Workbook {
  if (state === "fresh" || state === "foreignObjectives") {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" }, { at: "2026-01-05", user });
    if (state === "foreignObjectives") {
      const sheet = ss(wb).insertSheet("Objectives");
      sheet.getRange("A1:C3").setValues([["Quarter", "Goal", "Who"], ["Q1", "grow", "me"], ["Q2", "ship", "you"]]);
    }
    return wb;
  }
  const wb = newTracker({ user, at: "2026-01-05", start: "2026-01-05" });
  setToday(wb, TODAY);
  if (state === "closed") {
    const r = callAddon(wb, "endCycle", { at: "2026-04-05" });
    if (!r.ok) throw new Error(r.message);
  }
  if (state === "importTab") {
    const sheet = ss(wb).insertSheet("Bad OKRs");
    sheet.getRange("A1:F3").setValues([
      ["objective", "key_result", "owner", "metric", "start", "target"],
      ["Ship faster", "Lead time", "a@example.com", "sideways", "1", "5"],
      ["Ship faster", "Defects", "a@example.com", "increase", "abc", "5"],
    ]);
  }
  if (state === "foreignHistory") {
    const sheet = ss(wb).getSheetByName("History")!;
    sheet.clear();
    sheet.getRange("A1:B2").setValues([["Holiday", "Who"], ["2026-02-01", "me"]]);
  }
  return wb;
}

/** A workbook lent by `borrow`, with everything(wb) as it was made. */
export interface Loan {
  wb: Workbook;
  before: string;
  /**
   * Hands the workbook back once the test has compared everything(wb) with `before`: it is lent again only
   * when `after` is `before` and nothing outside everything() changed either (below), so the next test meets
   * it as made. A test that failed never gets here and its workbook is dropped.
   */
  giveBack(after: string): void;
}

const pool = new Map<string, { wb: Workbook; before: string; hidden: string }[]>();

/**
 * A workbook in `state` for a test that must leave it as it was (a refusal). Setting one up cost a third of
 * such a test and everything() another third, so each state is made once and lent out again as long as the
 * tests hand it back unchanged; a test changing the clock, the user or the Settings takes its own workbook().
 */
export function borrow(state: State = "tracker", user: string | null = QUALITY): Loan {
  const key = `${state}|${user}`;
  const free = pool.get(key) ?? [];
  pool.set(key, free);
  const made = free.pop();
  const wb = made?.wb ?? workbook(state, user);
  const before = made?.before ?? everything(wb);
  const hidden = made?.hidden ?? outsideEverything(wb);
  return {
    wb,
    before,
    giveBack(after) {
      if (after === before && outsideEverything(wb) === hidden) free.push({ wb, before, hidden });
    },
  };
}

/**
 * What a test could leave behind that everything() does not compare: document and user properties, the
 * developer metadata (the weekly refresh's record), "today", the user, the dialogs shown and any prompt
 * answer not used up.
 */
function outsideEverything(wb: Workbook): string {
  const props = wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  const ui = wb.services.ui as Workbook["services"]["ui"] & { _queue?: unknown[] };
  return JSON.stringify({
    doc: props.getDocumentProperties().getProperties(),
    user: props.getUserProperties().getProperties(),
    metadata: ss(wb).createDeveloperMetadataFinder().find().map((m) => [m.getId(), m.getKey(), m.getValue(), String(m.getVisibility())]),
    now: wb.services.clock.now().getTime(),
    as: wb.services.session.user(),
    ui: [ui.alerts, ui.toasts, ui.sidebars, ui.dialogs, ui.menus].map((l) => l.length),
    queued: ui._queue?.length ?? 0,
  });
}

/** Everything a refusal must leave alone, JSON-comparable. */
export function everything(wb: Workbook): string {
  const book = ss(wb);
  return JSON.stringify({
    tabs: book.getSheets().map((s) => {
      const r = s.getDataRange();
      return { name: s.getName(), values: r.getValues(), formulas: r.getFormulas() };
    }),
    triggers: wb.services.triggers.map((t) => `${t.handler}:${t.id}`),
    mail: wb.services.mail.sent.length,
  });
}

/** A message a person can act on: a sentence, no stack trace, no leaked internals. */
export function expectHumanMessage(message: unknown): void {
  expect(typeof message).toBe("string");
  const m = message as string;
  expect(m.trim().length).toBeGreaterThan(10);
  expect(m.length).toBeLessThan(600);
  expect(m).not.toMatch(/(^|\n)\s*at \S/); // stack frames
  expect(m).not.toMatch(/\.(js|ts):\d+/);
  expect(m).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError/);
  expect(m).not.toMatch(/undefined|\[object Object\]|Invalid input|Something went wrong/);
}

export function expectRefusal(r: any, pattern: RegExp): void {
  expect(r, "a result object").toBeTruthy();
  expect(r.ok).toBe(false);
  expectHumanMessage(r.message);
  const text = [r.message, ...Object.values(r.fieldErrors ?? {})].join(" | ");
  expect(text).toMatch(pattern);
  for (const f of Object.values(r.fieldErrors ?? {})) expectHumanMessage(f);
}

/** A check-in the sidebar could send: QUALITY on O2.KR1. */
export const good = () => ({ requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7 });

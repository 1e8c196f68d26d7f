// Every text the BUILT add-on (run `npm run build` first) writes during a de_DE team's cycle, read back as
// the sheet stored it (session 20). setValue, setValues and appendRow read a string as typing it would, and a
// de_DE sheet types "1.5" as a date and "1.234" as a number ("to check" 47); the add-on writes its own text
// and people's with a leading apostrophe (env.ts asText). This follows each write through setup, an import,
// check-ins whose texts look like numbers, dates, booleans or formulas, a correction, the weekly summaries,
// the Mid-cycle Review, the close and the roll over, and requires that no string became anything but what
// it was written as: an ISO date meant as a date (History's As of, the summary's Check-in, Settings' Start
// date) and a whole percent meant as its fraction (the summary's shares) are the only texts stored as numbers.
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, callAddonRaw, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A string written and what the cell holds after the write, where they differ. */
interface Misread {
  at: string;
  written: string;
  stored: unknown;
}

const written: Misread[] = [];
const restore: (() => void)[] = [];
/** How many strings each watched method wrote (so a watch that saw nothing fails the test). */
const strings: Record<string, number> = {};

/** Wraps a method of the prototype of `obj` to compare each string written with the cell after the write. */
function watch(obj: object, name: string, cells: (self: never, args: unknown[]) => { grid: unknown[][]; back: () => unknown[][]; at: string }): void {
  const proto = Object.getPrototypeOf(obj) as Record<string, (...a: unknown[]) => unknown>;
  const own = proto[name];
  proto[name] = function (this: never, ...args: unknown[]) {
    const out = own.apply(this, args);
    const { grid, back, at } = cells(this, args);
    const stored = back();
    grid.forEach((row, i) =>
      row.forEach((x, j) => {
        if (typeof x !== "string" || x === "" || x.startsWith("=")) return;
        strings[name] = (strings[name] || 0) + 1;
        const text = x.startsWith("'") ? x.slice(1) : x;
        if (stored[i][j] !== text) written.push({ at: `${at} [${i},${j}]`, written: x, stored: stored[i][j] });
      }),
    );
    return out;
  };
  restore.push(() => (proto[name] = own));
}

const SNAP = Object.assign(emptySnapshot("Tabellenblatt1"), { locale: "de_DE", timeZone: "Europe/Berlin" });
const OWNER: Record<string, string> = { "O1.KR1": "anna@example.de", "O2.KR1": "bernd@example.de", "O3.KR1": "clara@example.de" };
// People's texts that a de_DE sheet would type as something else: a date, numbers, a formula, a boolean.
const LOOK_ALIKES = ["1.5", "2.3.", "12,5", "1.234,5", "0.1", "2026-01-20", "+3", "-2", "1/2", "TRUE", "50%", "3:30", "1e5", "007"];

let setUp: Workbook;
let wb: Workbook;

beforeAll(() => {
  const probe = newTracker({ template: "blank" });
  const range = ss(probe).getSheets()[0].getRange("A1");
  const sheet = ss(probe).getSheets()[0];
  watch(range, "setValue", (r: Range, [v]) => ({ grid: [[v]], back: () => r.getValues(), at: `${r.getSheet().getName()}!${r.getA1Notation()}` }));
  watch(range, "setValues", (r: Range, [v]) => ({ grid: v as unknown[][], back: () => r.getValues(), at: `${r.getSheet().getName()}!${r.getA1Notation()}` }));
  watch(sheet, "appendRow", (s: Sheet, [v]) => ({
    grid: [v as unknown[]],
    back: () => s.getRange(s.getLastRow(), 1, 1, (v as unknown[]).length).getValues(),
    at: `${s.getName()}!row ${s.getLastRow()}`,
  }));
  // The operations template set up in a de_DE spreadsheet: its Settings, Objectives and Key Results.
  setUp = newTracker({ template: "operations", start: "2026-01-05", snapshot: structuredClone(SNAP) });
  // A team's own OKRs, pasted into a tab (the test's own writes there are not the add-on's) and imported.
  wb = newTracker({ template: "blank", start: "2026-01-05", snapshot: structuredClone(SNAP) });
  const tab = ss(wb).insertSheet("Import");
  tab.getRange("A1:G4").setNumberFormat("@");
  tab.getRange("A1:G4").setValues([
    ["objective", "key_result", "owner", "metric", "unit", "start", "target"],
    ["1.5", "2.3.", OWNER["O1.KR1"], "decrease", "%", "8,5", "4,5"],
    ["Qualität", "12,5", OWNER["O2.KR1"], "increase", "1.5", "82", "95"],
    ["Kosten", "TRUE", OWNER["O3.KR1"], "decrease", "€", "1.234,50", "1.100,00"],
  ]);
  written.length = 0;
  expect(callAddon(wb, "importOkrsFromTab", { tab: "Import" })).toMatchObject({ ok: true });
  let k = 0;
  const text = () => LOOK_ALIKES[k++ % LOOK_ALIKES.length];
  for (let w = 1; w <= 5; w++) {
    const day = new Date(Date.parse("2026-01-05") + ((w - 1) * 7 + 2) * 864e5).toISOString().slice(0, 10);
    setToday(wb, day);
    for (const id of Object.keys(OWNER)) {
      wb.services.session.setUser(OWNER[id]);
      const value = id === "O3.KR1" ? `1.${230 - w * 5},5` : String(9 - w * 0.5).replace(".", ",");
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: id, value, confidence: 7, whatChanged: text(), blockers: text(), nextStep: text(), confirmed: true });
      expect(r.ok, `${id} week ${w}: ${r.message}`).toBe(true);
    }
    if (w === 3) {
      wb.services.session.setUser(OWNER["O1.KR1"]);
      const c = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "7,25", confidence: 6, whatChanged: "1.5", correct: true, confirmed: true });
      expect(c.ok, c.message).toBe(true);
    }
    wb.services.session.setUser("ops.lead@example.com");
    const sunday = new Date(Date.parse("2026-01-05") + (w * 7 - 1) * 864e5).toISOString().slice(0, 10);
    expect(callAddon(wb, "generateWeeklySummary", { at: sunday })).toMatchObject({ ok: true });
  }
  expect(callAddon(wb, "createMidCycleReview", {})).toMatchObject({ ok: true });
  expect(callAddon(wb, "endCycle", { at: "2026-02-08" })).toMatchObject({ ok: true });
  wb.services.ui.respond("09.02.2026");
  callAddonRaw(wb, "menuRollOver");
  expect(wb.services.ui.alerts[wb.services.ui.alerts.length - 1].prompt).toMatch(/has started/);
});

afterAll(() => restore.forEach((r) => r()));

describe("a de_DE cycle: no text the add-on writes is read as something else", () => {
  it("only ISO dates and whole percents were stored as other than their text, each as what it says", () => {
    // The watch saw the log's rows (16 check-ins, up to 6 texts each), the summaries' and the tabs' writes.
    expect(strings.appendRow).toBeGreaterThanOrEqual(15 * 6);
    expect(strings.setValues).toBeGreaterThan(500);
    expect(written.length).toBeGreaterThan(0);
    for (const m of written) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(m.written)) {
        expect(Object.prototype.toString.call(m.stored), m.at).toBe("[object Date]");
        // That day in the spreadsheet's zone (Europe/Berlin): midnight there is 23:00 UTC the day before.
        expect(new Date((m.stored as Date).getTime() + 2 * 3600e3).toISOString().slice(0, 10), m.at).toBe(m.written);
      } else {
        expect(m.written, `${m.at}: "${m.written}" was stored as ${JSON.stringify(m.stored)}`).toMatch(/^\d+%$/);
        expect(m.stored, m.at).toBe(Number(m.written.slice(0, -1)) / 100);
      }
    }
  });

  it("people's texts that look like numbers come back as typed, in the archived log and the reports", () => {
    const log = rowsOf(wb, "Cycle 1 · Check-ins");
    expect(log.length).toBe(16);
    const texts = log.flatMap((r) => [r["What changed"], r.Blockers, r["Next step"]]);
    for (const t of LOOK_ALIKES) expect(texts).toContain(t);
    expect(texts.every((t) => typeof t === "string")).toBe(true);
    expect(rowsOf(wb, "Key Results").map((r) => [r["Key result"], r.Unit])).toEqual([["2.3.", "%"], ["12,5", "1.5"], ["TRUE", "€"]]);
    expect(rowsOf(wb, "Objectives").map((r) => r.Objective)).toEqual(["1.5", "Qualität", "Kosten"]);
    expect(rowsOf(setUp, "Settings").find((r) => r.Setting === "On track if gap ≤")!.Value).toBe(0.1);
  });
});

// A table header below row 30, through the BUILT add-on (run `npm run build` first). The add-on looks for a
// header in a tab's first 30 rows, but rows inserted above the Key Results or Check-ins header move the
// Settings tab's computed cells with it (=ROW('Key Results'!A1)), so the add-on still knows where it is: a
// check-in used it, the weekly summary used it for Key Results but not for the log, and the Review and closing
// the cycle used it for neither. Now every one of them takes the header where those cells say, and, when they
// no longer say (the header moved by copying, not by inserting rows), every one refuses with the same message.
// So do the sidebar's and the check-in's whole-table reads (when the computed cells place the header but not
// the rows) and the import from a tab, which looked in the first 30 rows only.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, rowsOf, setSetting, ss } from "../support/tracker";
import { unpub } from "../../src/local/sheets/counters";
import { addNewOkrsTab, checkIn, everything, NEW_OKRS, tab, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** A tracker with two check-ins in its log. */
const tracker = (): Workbook => trackerInUse({ summary: false });

/** What the user sees of each operation: ok, or its message. */
function outcomes(wb: Workbook): Record<string, true | string> {
  const out: Record<string, true | string> = {};
  const seen = (r: { ok: boolean; message?: string }) => (r.ok ? true : String(r.message));
  out.checkin = seen(checkIn(wb, "O1.KR1", "86"));
  out.summary = seen(callAddon(wb, "generateWeeklySummary", {}));
  out.summaryAgain = seen(callAddon(wb, "generateWeeklySummary", {})); // from the checkpoint the first one left
  out.review = seen(callAddon(wb, "createMidCycleReview", {}));
  out.close = seen(callAddon(wb, "endCycle", {}));
  return out;
}

/** The Review's, the Retrospective's and the summary's cells, for comparing a tracker with rows inserted against one without. */
function reports(wb: Workbook): string {
  return JSON.stringify(["Mid-cycle Review", "Retrospective", "Weekly Summary"].map((n) => tab(wb, n).getDataRange().getValues().filter((r) => !String(r[0]).startsWith("Generated"))));
}

const ALL_OK = { checkin: true, summary: true, summaryAgain: true, review: true, close: true };

/** The one line every operation refuses a header with that the computed cells do not place. */
const MOVED = (name: string) =>
  `The "${name}" tab's header row is row 41; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.`;

describe("A header below row 30 that the Settings computed cells still place", () => {
  for (const name of ["Key Results", "Check-ins"]) {
    it(`40 rows inserted above the "${name}" header: the check-in, the summary, the Review and closing all work, and read what they read before`, () => {
      const plain = tracker();
      expect(outcomes(plain)).toEqual(ALL_OK);
      const wb = tracker();
      tab(wb, name).insertRowsBefore(1, 40);
      expect(outcomes(wb)).toEqual(ALL_OK);
      expect(reports(wb)).toBe(reports(plain));
    });
  }
});

describe("A header below row 30 that the computed cells no longer place", () => {
  for (const name of ["Key Results", "Check-ins"]) {
    it(`the "${name}" header copied to row 41 and row 1 cleared: the summary, the Review and closing refuse alike, in one line`, () => {
      const wb = tracker();
      const t = tab(wb, name);
      const width = t.getLastColumn();
      t.getRange(41, 1, 1, width).setValues(t.getRange(1, 1, 1, width).getValues());
      t.getRange(1, 1, 1, width).clearContent();
      const got = outcomes(wb);
      expect(got.summary).toBe(MOVED(name));
      expect(got.review).toBe(MOVED(name));
      expect(got.close).toBe(MOVED(name));
      if (name === "Check-ins") expect(got.checkin).toBe(MOVED(name));
    });
  }
});

// When the computed cells place the header but cannot place the rows (blank rows between KRs, a header cell
// holding "|", which the computed header joins its cells with), the sidebar and the check-in read the whole
// table, and the import always does: each read looked for the header in the first 30 rows only, and refused
// a tracker whose header rows inserted above had pushed to row 41.
describe("The whole-table reads, with the header below row 30 that the computed cells place", () => {
  const INSERTED = 40;
  /** A value as JSON with the check-ins' request IDs (a counter shared by every tracker) left out. */
  const noRequestIds = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/test-req-\d+/g, "test-req"));
  /** The sidebar's KRs, with the rows as they would be without the inserted rows. */
  const sidebarKrs = (wb: Workbook, inserted = 0) => {
    const r = callAddon(wb, "getSidebarData", {}) as { ok: boolean; message?: string; krs?: { id: string; row?: number }[] };
    expect(r.message).toBeUndefined();
    return (r.krs ?? []).map((k) => ({ ...k, row: (k.row ?? 0) - inserted }));
  };

  it("a blank row between KRs: the sidebar lists every KR as it does without the inserted rows, and the other operations work", () => {
    const plain = tracker();
    tab(plain, "Key Results").insertRowsAfter(3, 1);
    const wb = tracker();
    tab(wb, "Key Results").insertRowsAfter(3, 1);
    tab(wb, "Key Results").insertRowsBefore(1, INSERTED);
    expect(noRequestIds(sidebarKrs(wb, INSERTED))).toEqual(noRequestIds(sidebarKrs(plain)));
    expect(sidebarKrs(wb).length).toBe(7);
    expect(outcomes(plain)).toEqual(ALL_OK);
    expect(outcomes(wb)).toEqual(ALL_OK);
    expect(reports(wb)).toBe(reports(plain));
  });

  it(`a Key Results header cell holding "|": the check-in saves on the KR's row and the sidebar lists every KR`, () => {
    const wb = tracker();
    const t = tab(wb, "Key Results");
    t.getRange(1, t.getLastColumn() + 1).setValue("Notes | links");
    t.insertRowsBefore(1, INSERTED);
    expect(checkIn(wb, "O2.KR2", "90").ok).toBe(true);
    const rows = rowsOf(wb, "Key Results", INSERTED + 1);
    expect(rows.find((r) => r["ID"] === "O2.KR2")?.["Current"]).toBe(90);
    expect(sidebarKrs(wb).map((k) => k.id)).toEqual(rows.map((r) => r["ID"]));
  });

  it("importing OKRs from a tab appends them below the KRs, under the formulas, as without the inserted rows", () => {
    const plain = tracker();
    addNewOkrsTab(plain);
    expect(callAddon(plain, "importOkrsFromTab", { tab: NEW_OKRS })).toEqual(expect.objectContaining({ ok: true, keyResults: 2 }));
    const wb = tracker();
    tab(wb, "Key Results").insertRowsBefore(1, INSERTED);
    addNewOkrsTab(wb);
    expect(callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS })).toEqual(expect.objectContaining({ ok: true, keyResults: 2 }));
    const got = rowsOf(wb, "Key Results", INSERTED + 1);
    expect(noRequestIds(got)).toEqual(noRequestIds(rowsOf(plain, "Key Results")));
    expect(got.slice(-2).map((r) => [r["ID"], r["Objective name"], r["Status"]])).toEqual([
      ["O9.KR1", "Ship the pilot", "Not started"],
      ["O9.KR2", "Ship the pilot", "Not started"],
    ]);
  });

  it("the header copied to row 41 and row 1 cleared: the import, the sidebar and the check-in refuse as the other operations do; the import changes nothing", () => {
    const wb = tracker();
    const t = tab(wb, "Key Results");
    const width = t.getLastColumn();
    t.getRange(INSERTED + 1, 1, 1, width).setValues(t.getRange(1, 1, 1, width).getValues());
    t.getRange(1, 1, 1, width).clearContent();
    addNewOkrsTab(wb);
    const before = everything(wb);
    expect(callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS }).message).toBe(MOVED("Key Results"));
    expect(everything(wb)).toBe(before);
    expect(callAddon(wb, "getSidebarData", {}).message).toBe(MOVED("Key Results"));
    expect(checkIn(wb, "O1.KR1", "86", { row: INSERTED + 2 }).message).toBe(MOVED("Key Results"));
  });
});

// Reading where the computed cells place the Key Results header must neither swallow a failure nor read
// the cell another way than the other operations do: either turned into a wrong refusal or a wrong "ok".
describe("The computed header row cells, read alike everywhere", () => {
  const INSERTED = 40;

  /** Makes the first Spreadsheet.getRange(a1) that `matches` fail, as a Google service error does now and then; whether it has. */
  function failOnce(wb: Workbook, matches: (a1: string) => boolean): () => boolean {
    const raw = unpub(ss(wb)) as unknown as Record<string, (...a: unknown[]) => unknown>;
    const getRange = raw.getRange;
    let failed = false;
    raw.getRange = function (this: unknown, ...a: unknown[]) {
      if (!failed && matches(String(a[0]))) {
        failed = true;
        throw new Error("Service Spreadsheets failed while accessing document.");
      }
      return getRange.apply(this, a);
    };
    return () => failed;
  }

  it("the summary's read of the KR rows below a header at row 41 fails once: the whole table is read there instead, not refused with \"delete rows above\"", () => {
    const plain = tracker();
    expect(callAddon(plain, "generateWeeklySummary", {}).ok).toBe(true);
    const wb = tracker();
    tab(wb, "Key Results").insertRowsBefore(1, INSERTED);
    const failed = failOnce(wb, (a1) => a1.startsWith(`'Key Results'!A${INSERTED + 2}:`));
    expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true });
    expect(failed()).toBe(true);
    const summary = (w: Workbook) => JSON.stringify(tab(w, "Weekly Summary").getDataRange().getValues().filter((r) => !String(r[0]).startsWith("Generated")));
    expect(summary(wb)).toBe(summary(plain));
  });

  it("a service error reading Settings during an import (header at row 41) is reported as one, not as \"delete rows above\"; the import then works", () => {
    const wb = tracker();
    tab(wb, "Key Results").insertRowsBefore(1, INSERTED);
    addNewOkrsTab(wb);
    // The first read of the settings range fails once, as a Google service error does now and then.
    const failed = failOnce(wb, (a1) => a1 === "Settings!A1:C40");
    const before = everything(wb);
    const r = callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS });
    expect(failed()).toBe(true);
    expect(r.message).toBe("Something went wrong: Service Spreadsheets failed while accessing document.");
    expect(everything(wb)).toBe(before);
    expect(callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS })).toEqual(expect.objectContaining({ ok: true, keyResults: 2 }));
  });

  for (const [name, label] of [["Key Results", "Key result header row (computed)"], ["Check-ins", "Check-in header row (computed)"]]) {
    it(`the "${name}" header at row 41 and its computed row typed over as text "41": Repair refuses as the summary does, changing nothing`, () => {
      const wb = tracker();
      tab(wb, name).insertRowsBefore(1, INSERTED);
      setSetting(wb, label, "'41");
      expect(callAddon(wb, "generateWeeklySummary", {}).message).toBe(MOVED(name));
      const before = everything(wb);
      expect(callAddon(wb, "repairTracker").message).toBe(`${MOVED(name)} Nothing was changed.`);
      expect(everything(wb)).toBe(before);
    });
  }
});

// "Import OKRs from a tab" over a tracker that Repair refuses, through the built add-on (dist/Code.js). The
// import writes its rows and then runs Repair for their formulas; it wrote them first, so when Repair then
// refused (a tracker tab's header below row 30 that the Settings computed cells do not place, a tracker
// tab holding something else, two tabs that look like a missing one) the message said "Nothing was
// changed." while O9.KR1 and O9.KR2 stayed in Key Results without their formulas. The import now refuses
// before writing, with the message Repair gives, and changes no cell of any tab. A tracker Repair only
// restores or warns about still imports.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, rowsOf, ss } from "../support/tracker";
import { addNewOkrsTab, copyHeaderTo, everything, NEW_OKRS, tab, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** A tracker in use (two check-ins and a summary) with the "New OKRs" tab to import: O9 with two KRs. */
function tracker(): Workbook {
  const wb = trackerInUse();
  addNewOkrsTab(wb);
  return wb;
}

/** The import's refusal: not ok, one line, no tab changed; its message. */
function importRefused(wb: Workbook): string {
  const before = everything(wb);
  const r = callAddonRaw(wb, "importOkrsFromTab", { tab: NEW_OKRS });
  expect(r.ok).toBe(false);
  expect(r.message).not.toMatch(/\n/);
  expect(everything(wb) === before, `a tab changed; the message: ${r.message}`).toBe(true);
  return r.message;
}

/** The header row of `name` copied to row 41 and row 1 cleared: the Settings computed cells no longer place it. */
const headerCopiedTo41 = (wb: Workbook, name: string) => copyHeaderTo(tab(wb, name), 41);

/** Repair's refusal for one tab whose header is at row 41. */
const AT_41 = (name: string) =>
  `The "${name}" tab's header row is row 41; the add-on looks for it in the first 30 rows only. ` +
  "Delete rows above it so that it is in row 30 or above. Nothing was changed.";

/** Each tracker Repair refuses, with what the import must then say. */
const REFUSED: { what: string; damage: (wb: Workbook) => void; message: string | RegExp }[] = [
  { what: 'the "Check-ins" header copied to row 41', damage: (wb) => headerCopiedTo41(wb, "Check-ins"), message: AT_41("Check-ins") },
  { what: 'the "History" header copied to row 41', damage: (wb) => headerCopiedTo41(wb, "History"), message: AT_41("History") },
  {
    what: 'a "History" tab holding something else',
    damage: (wb) => {
      tab(wb, "History").clear();
      tab(wb, "History").getRange("A1:B2").setValues([["Holiday", "Who"], ["2026-02-01", "me"]]);
    },
    message: 'These tabs already exist and are not okr-sheets tabs: "History". Rename them (their content is kept) and import again. Nothing was changed.',
  },
  {
    what: 'a "Settings" tab holding something else',
    damage: (wb) => {
      tab(wb, "Settings").clear();
      tab(wb, "Settings").getRange("A1:B2").setValues([["Budget", "Amount"], ["Travel", 1200]]);
    },
    message: /^These tabs already exist and are not okr-sheets tabs: "Settings"\. .*import again\. Nothing was changed\.$/,
  },
  {
    what: 'the "History" tab renamed, and a copy of it beside it',
    damage: (wb) => {
      const h = tab(wb, "History");
      h.setName("History old");
      const copy = ss(wb).insertSheet("History copy", ss(wb).getSheets().length); // the last tab
      copy.getRange(1, 1, 2, 12).setValues(h.getRange(1, 1, 2, 12).getValues());
    },
    message: 'The "History" tab is missing, and "History old" and "History copy" all look like it. Rename the right one to "History" and import again. Nothing was changed.',
  },
];

describe("Import over a tracker that Repair refuses", () => {
  for (const { what, damage, message } of REFUSED) {
    it(`${what}: the import refuses as Repair does, and writes no row`, () => {
      const wb = tracker();
      damage(wb);
      const got = importRefused(wb);
      if (typeof message === "string") expect(got).toBe(message);
      else expect(got).toMatch(message);
      expect(rowsOf(wb, "Objectives").map((r) => r["ID"])).not.toContain("O9");
      // Repair itself refuses that tracker, changing nothing either.
      const before = everything(wb);
      expect(callAddonRaw(wb, "repairTracker").ok).toBe(false);
      expect(everything(wb) === before, "Repair changed a tab").toBe(true);
    });
  }

  it("after doing what the message says, the same import goes through", () => {
    const wb = tracker();
    headerCopiedTo41(wb, "History");
    importRefused(wb);
    tab(wb, "History").deleteRows(1, 40);
    expect(callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS })).toMatchObject({ ok: true, objectives: 1, keyResults: 2 });
    expect(rowsOf(wb, "Key Results").slice(-2).map((r) => [r["ID"], r["Objective name"], r["Status"]])).toEqual([
      ["O9.KR1", "Ship the pilot", "Not started"],
      ["O9.KR2", "Ship the pilot", "Not started"],
    ]);
  });
});

describe("Import over a tracker that Repair restores or warns about", () => {
  /** The import's result and the new KRs as the formulas see them. */
  function imported(wb: Workbook) {
    const r = callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS });
    const krs = rowsOf(wb, "Key Results").filter((k) => String(k["ID"]).startsWith("O9."));
    return { r, krs: krs.map((k) => [k["ID"], k["Objective name"], k["Status"]]) };
  }

  it("a blank setting: imported, and Repair fills the setting in", () => {
    const wb = tracker();
    const s = tab(wb, "Settings");
    const row = s.getRange("A1:A40").getValues().findIndex((r) => r[0] === "Check-in cadence") + 1;
    s.getRange(row, 2).setValue("");
    const { r, krs } = imported(wb);
    expect(r).toMatchObject({ ok: true, objectives: 1, keyResults: 2, warnings: [] });
    expect(krs).toEqual([["O9.KR1", "Ship the pilot", "Not started"], ["O9.KR2", "Ship the pilot", "Not started"]]);
    expect(s.getRange(row, 2).getValue()).toBe("weekly");
  });

  it("the History tab deleted: imported, and Repair makes it again", () => {
    const wb = tracker();
    ss(wb).deleteSheet(tab(wb, "History"));
    const { r, krs } = imported(wb);
    expect(r).toMatchObject({ ok: true, keyResults: 2 });
    expect(krs.length).toBe(2);
    expect(tab(wb, "History").getRange(1, 1, 1, 3).getValues()[0]).toEqual(["Week", "As of", "KR ID"]);
  });

  it("40 rows inserted above the Check-ins header, which the computed cells place: imported, the log kept", () => {
    const wb = tracker();
    tab(wb, "Check-ins").insertRowsBefore(1, 40);
    const log = JSON.stringify(tab(wb, "Check-ins").getDataRange().getValues());
    const { r, krs } = imported(wb);
    expect(r).toMatchObject({ ok: true, keyResults: 2 });
    expect(krs.length).toBe(2);
    expect(JSON.stringify(tab(wb, "Check-ins").getDataRange().getValues())).toBe(log);
  });

  it("the History tab renamed: imported, and Repair renames it back", () => {
    const wb = tracker();
    tab(wb, "History").setName("History (mine)");
    const { r, krs } = imported(wb);
    expect(r).toMatchObject({ ok: true, keyResults: 2 });
    expect(krs.length).toBe(2);
    expect(ss(wb).getSheetByName("History (mine)")).toBeNull();
    expect(rowsOf(wb, "History").length).toBe(7);
  });

  it("an objective with one key result: imported, with the focus check's warning", () => {
    const wb = trackerInUse();
    addNewOkrsTab(wb, 1);
    const { r, krs } = imported(wb);
    expect(r).toMatchObject({ ok: true, objectives: 1, keyResults: 1 });
    expect(r.warnings).toContain("Objective O9 has only 1 key result; aim for 2–4.");
    expect(krs).toEqual([["O9.KR1", "Ship the pilot", "Not started"]]);
  });
});

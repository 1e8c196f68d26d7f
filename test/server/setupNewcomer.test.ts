// A team's first day with the tracker, through the built add-on: what a newcomer does by hand (a header
// retyped in another case, a header cell cleared, Settings filled in wrongly, KR IDs typed twice, set up
// over a tab of their own) and what Set up tracker and Repair tracker tell them: one line saying what to
// fix, never "Something went wrong", nothing written on a refusal.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, setSetting, ss } from "../support/tracker";
import { emptySnapshot } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";

function snapshotText(wb: Workbook): string {
  return JSON.stringify(wb.services.toSnapshot());
}

function headerCell(wb: Workbook, tab: string, header: string): GoogleAppsScript.Spreadsheet.Range {
  const sheet = ss(wb).getSheetByName(tab)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`no header ${header} on ${tab}`);
  return sheet.getRange(1, c + 1);
}

const KR_HEADERS = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
const OBJ_HEADERS = ["ID", "Objective", "Owner", "Team", "Parent ID", "Type", "P&L link", "Score", "Expected", "Status"];

describe("a header retyped in another case or with spaces", () => {
  // The add-on reads headers whatever their case (docs/workbook.md): "target " is the Target column. Repair
  // used to stop with "Something went wrong: Key Results: no column letter for "Target"".
  it("is the same column to Repair, which rewrites the formulas over it and keeps every value (any header, any case)", () => {
    const base = newTracker({ template: "operations" });
    const saved = base.services.toSnapshot();
    const scores = ss(base).getSheetByName("Key Results")!.getRange("M2:O8").getDisplayValues();
    const objScores = ss(base).getSheetByName("Objectives")!.getRange("H2:J4").getDisplayValues();
    fc.assert(
      fc.property(
        fc.constantFrom(...KR_HEADERS.map((h) => ["Key Results", h] as const), ...OBJ_HEADERS.map((h) => ["Objectives", h] as const)),
        fc.constantFrom((h: string) => h.toLowerCase(), (h: string) => h.toUpperCase(), (h: string) => ` ${h} `),
        ([tab, header], retype) => {
          const wb = openTracker(JSON.parse(JSON.stringify(saved)), { at: "2026-01-05" });
          headerCell(wb, tab, header).setValue(retype(header));
          // A Score or Status cell typed over is restored whatever its header's case.
          ss(wb).getSheetByName("Key Results")!.getRange("M3").setValue(0.5);
          const r = callAddon(wb, "repairTracker");
          expect(r.ok, `${tab}!${header}: ${r.message}`).toBe(true);
          expect(r.restored.join("; "), `${tab}!${header}`).not.toMatch(/column /);
          expect(ss(wb).getSheetByName("Key Results")!.getRange("M2:O8").getDisplayValues(), `${tab}!${header}`).toEqual(scores);
          expect(ss(wb).getSheetByName("Objectives")!.getRange("H2:J4").getDisplayValues(), `${tab}!${header}`).toEqual(objScores);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("a header cell of the tracker's own table cleared", () => {
  // The tab is the tracker's (every other header is there): Repair names the header to type back, as every
  // other operation does, instead of calling it "not an okr-sheets tab" and asking for it to be renamed.
  const cases: [string, string][] = [
    ["Key Results", "Objective ID"],
    ["Key Results", "ID"],
    ["Objectives", "ID"],
    ["Check-ins", "KR ID"],
    ["History", "Week"],
  ];
  for (const [tab, header] of cases) {
    it(`${tab} without "${header}": Repair says to type "${header}" back and changes nothing`, () => {
      const wb = newTracker({ template: "operations" });
      headerCell(wb, tab, header).setValue("");
      const before = snapshotText(wb);
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(false);
      expect(r.message).not.toMatch(/not okr-sheets tabs|Rename them/);
      expect(r.message).toContain(`has no "${header}"`);
      expect(r.message).toMatch(/Type it back into that row/);
      expect(r.message).toMatch(/Nothing was changed\.$/);
      expect(r.message).not.toMatch(/\n/);
      expect(snapshotText(wb)).toBe(before);
    });
  }

  it("a tab of the user's own under a tracker name, sharing one header name with it, is still not the tracker's", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" });
    ss(wb).insertSheet("History").getRange("A1:C3").setValues([["Week", "Holiday", "Who"], [1, "2026-01-01", "me"], [2, "", ""]]);
    const before = snapshotText(wb);
    const r = callAddon(wb, "setupTracker", {});
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^These tabs already exist and are not okr-sheets tabs: "History"\./);
    expect(snapshotText(wb)).toBe(before);
  });
});

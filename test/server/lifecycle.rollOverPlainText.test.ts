// Rolling over freezes the archived Objectives and Key Results as values (their formulas would follow
// TODAY() and the new tabs), writing text back literal: an apostrophe first, as setValues would otherwise
// read "007" or "2026-01-20" as typed. A tab a team formatted as Plain text keeps text whole and keeps that
// apostrophe as a character (src/local/sheets/format.ts parseTyped, "to check" 39): every text of its
// archive showed a quote ("'O1.KR1", "'Raise on-time delivery…").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, ss } from "../support/tracker";
import { closedTracker, NEXT_CYCLE } from "../support/inUse";

describe("rolling over a tracker whose Key Results are formatted as Plain text", () => {
  it("archives their texts as they were, and a General tab's number-like text as text", () => {
    const wb = closedTracker();
    const krs = ss(wb).getSheetByName("Key Results")!;
    const objectives = ss(wb).getSheetByName("Objectives")!;
    const width = krs.getLastColumn();
    const head = krs.getRange(1, 1, 1, width).getValues()[0] as string[];
    const unit = head.indexOf("Unit") + 1;
    // Plain text on the text columns a team types into (ID through Unit), General elsewhere.
    krs.getRange(1, 1, krs.getMaxRows(), unit).setNumberFormat("@");
    const before = krs.getRange(2, 1, 1, unit).getValues()[0];
    // In the General Objectives tab, a text that reads as a number stays the text.
    const objCol = (objectives.getRange(1, 1, 1, objectives.getLastColumn()).getValues()[0] as string[]).indexOf("Objective") + 1;
    objectives.getRange(2, objCol).setValue("'007");
    const r = callAddon(wb, "rollOverCycle", { start: NEXT_CYCLE, name: "Cycle 2" });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    const archived = ss(wb).getSheets().map((s) => s.getName());
    const krArchive = ss(wb).getSheetByName(archived.find((n) => /Key Results/.test(n) && n !== "Key Results")!)!;
    const objArchive = ss(wb).getSheetByName(archived.find((n) => /Objectives/.test(n) && n !== "Objectives")!)!;
    expect(krArchive.getRange(2, 1, 1, unit).getValues()[0]).toEqual(before);
    expect(objArchive.getRange(2, objCol).getValue()).toBe("007");
  });
});

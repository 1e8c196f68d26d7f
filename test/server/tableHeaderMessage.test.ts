// What a user is told when a tab's header row cannot be found, through the BUILT add-on (run `npm run
// build` first). The header is looked for in a tab's first 30 rows; the message used to name the headers
// missing from row 1 only ("ID", "Objective ID", "Key result" not found, even with the header intact at
// row 35) and always said to use Repair, which refuses a tab that holds anything but no header.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, ss } from "../support/tracker";
import { copyHeaderTo } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const KR = "Key Results";

function kr(wb: Workbook) {
  return ss(wb).getSheetByName(KR)!;
}

/** The message of a review that cannot read the tracker: one line, no stack trace. */
function refusal(wb: Workbook): string {
  const r = callAddon(wb, "createMidCycleReview", {});
  expect(r.ok).toBe(false);
  if (r.ok) return "";
  expect(r.message).not.toMatch(/\n|\bat \w+ \(|Error:/);
  return r.message;
}

describe("a tab whose header the add-on cannot find", () => {
  it("names the row of a header below row 30, and says to bring it up", () => {
    const wb = newTracker();
    // Copied there: a header rows inserted above pushed there is taken where the Settings computed cells
    // place it (headerBelowRow30.test.ts, objHistoryBelowRow30.test.ts).
    const objectives = ss(wb).getSheetByName("Objectives")!;
    copyHeaderTo(objectives, 35);
    expect(refusal(wb)).toBe(
      'The "Objectives" tab\'s header row is row 35; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.',
    );
    expect(callAddon(wb, "generateWeeklySummary", {}), "the summary says the same").toMatchObject({ ok: false, message: refusal(wb) });
    objectives.deleteRows(1, 5);
    expect(callAddon(wb, "createMidCycleReview", {}).ok).toBe(true);
  });

  it("a tab read by its first 30 rows only (History) still names the header row further down", () => {
    const wb = newTracker();
    copyHeaderTo(ss(wb).getSheetByName("History")!, 41);
    const r = callAddon(wb, "generateWeeklySummary", {});
    expect(r).toMatchObject({
      ok: false,
      message: 'The "History" tab\'s header row is row 41; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.',
    });
  });

  it("names the header lost from the header row, and does not send the user to Repair (which refuses the tab)", () => {
    const wb = newTracker();
    kr(wb).getRange(1, 1).setValue("Key ID");
    expect(refusal(wb)).toBe(
      'The "Key Results" tab has no header row with "ID", "Objective ID" and "Key result" in its first 30 rows (row 1 has no "ID"). ' +
        "Type it back into that row, or undo the change (Edit > Undo, or File > Version history).",
    );
    // Repair refuses the tab too, with the same words (not "not okr-sheets tabs … Rename them").
    expect(callAddon(wb, "repairTracker", {})).toMatchObject({ ok: false, message: `${refusal(wb)} Nothing was changed.` });
  });

  it("a header row cleared: says to put it back", () => {
    const wb = newTracker();
    kr(wb).getRange(1, 1, 1, kr(wb).getLastColumn()).clearContent();
    expect(refusal(wb)).toBe(
      'The "Key Results" tab has no header row with "ID", "Objective ID" and "Key result" in its first 30 rows. ' +
        "Put the header row back, or undo the change (Edit > Undo, or File > Version history).",
    );
  });

  it("an empty tab: Repair writes its header back, as the message says", () => {
    const wb = newTracker();
    kr(wb).clear();
    expect(refusal(wb)).toBe('The "Key Results" tab is empty: its header row is gone. Use "Repair tracker" in the add-on menu to write it back.');
    expect(callAddon(wb, "repairTracker", {}).ok).toBe(true);
    expect(callAddon(wb, "createMidCycleReview", {}).ok).toBe(true);
  });
});

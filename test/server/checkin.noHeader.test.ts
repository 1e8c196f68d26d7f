// A check-in when the log's header cannot be found: the reply says what is wrong with the Check-ins tab and
// the fix that works for that case (Repair refuses a tab holding rows but no header, so it is offered only
// where it helps), in one line, and nothing is written to any tab.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, requestId, ss } from "../support/tracker";
import { checkIn as submit, everything, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** A tracker with two check-ins in its log. */
const inUse = (): Workbook => trackerInUse({ summary: false });

function log(wb: Workbook) {
  const s = ss(wb).getSheetByName("Check-ins");
  if (!s) throw new Error("no log");
  return s;
}

/** The check-in's refusal: one line, and no tab changed. */
function refused(wb: Workbook): string {
  const before = everything(wb);
  const r = callAddonRaw(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "86", confidence: 7 });
  expect(r.ok).toBe(false);
  expect(r.message).not.toMatch(/\n|TypeError|undefined|\[object/);
  expect(everything(wb)).toBe(before);
  return r.message;
}

const UNDO = "or undo the change (Edit > Undo, or File > Version history).";

describe("a check-in with the log's header gone", () => {
  it("header row cleared, rows kept: put it back or undo (Repair would refuse the tab)", () => {
    const wb = inUse();
    log(wb).getRange(1, 1, 1, log(wb).getLastColumn()).clearContent();
    expect(refused(wb)).toBe(
      `The "Check-ins" tab has no header row with "Timestamp", "KR ID" and "Value" in its first 30 rows. Put the header row back, ${UNDO}`,
    );
    expect(callAddonRaw(wb, "repairTracker").message).toMatch(/not okr-sheets tabs: "Check-ins"/);
  });

  it("a header renamed: names it and the row to type it back into", () => {
    const wb = inUse();
    log(wb).getRange(1, 3).setValue("KR");
    expect(refused(wb)).toBe(
      `The "Check-ins" tab has no header row with "Timestamp", "KR ID" and "Value" in its first 30 rows (row 1 has no "KR ID"). Type it back into that row, ${UNDO}`,
    );
  });

  it("a header the log needs but does not identify it by (Blockers) renamed: named too", () => {
    const wb = inUse();
    const c = (log(wb).getRange(1, 1, 1, log(wb).getLastColumn()).getValues()[0] as unknown[]).indexOf("Blockers") + 1;
    expect(c).toBeGreaterThan(0);
    log(wb).getRange(1, c).setValue("Obstacles");
    expect(refused(wb)).toMatch(/^The "Check-ins" tab has no header row with .* \(row 1 has no "Blockers"\)\. Type it back into that row, or undo/);
  });

  it("header moved below row 30: names its row and says to delete rows above it", () => {
    const wb = inUse();
    const width = log(wb).getLastColumn();
    const header = log(wb).getRange(1, 1, 1, width).getValues();
    log(wb).getRange(41, 1, 1, width).setValues(header);
    log(wb).getRange(1, 1, 1, width).clearContent();
    expect(refused(wb)).toBe(
      `The "Check-ins" tab's header row is row 41; the add-on looks for it in the first 30 rows only. Delete rows above it so that it is in row 30 or above.`,
    );
  });

  it("tab emptied: Repair writes the header back, and then the check-in is saved", () => {
    const wb = inUse();
    log(wb).getDataRange().clearContent();
    expect(refused(wb)).toBe(`The "Check-ins" tab is empty: its header row is gone. Use "Repair tracker" in the add-on menu to write it back.`);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(submit(wb, "O1.KR1", "86").ok).toBe(true);
  });

  it("the header is fine but Settings' computed log cells are gone: Repair writes them back, then the check-in is saved", () => {
    const wb = inUse();
    const settings = ss(wb).getSheetByName("Settings");
    if (!settings) throw new Error("no Settings");
    const labels = settings.getDataRange().getValues().map((r) => r[0]);
    const row = labels.indexOf("Check-in header (computed)") + 1;
    expect(row).toBeGreaterThan(0);
    settings.getRange(row, 2).clearContent();
    expect(refused(wb)).toBe(`The Settings tab's computed check-in rows are missing or changed. Use "Repair tracker" in the add-on menu to write them back.`);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(submit(wb, "O1.KR1", "86").ok).toBe(true);
  });
});

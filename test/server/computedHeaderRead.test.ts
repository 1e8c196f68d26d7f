// The Settings computed cells that place the log's header (core/computedCells.ts computedHeader), where the
// readers that split them on their own until session 21 differed: the check-in took row 1 where the row cell
// was typed over, and the columns of a joined text holding a "|" of a header cell. Through the built add-on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, requestId, rowsOf, setSetting } from "../support/tracker";
import { checkIn, everything, tab, trackerInUse } from "../support/inUse";

const ROW_CELL = "Check-in header row (computed)";

describe("the log's header as the Settings computed cells give it", () => {
  it('a column of the team\'s own named with a "|" between the log\'s columns: the check-in writes each value under its own header', () => {
    const wb = trackerInUse({ summary: false });
    const log = tab(wb, "Check-ins");
    // A column inserted just right of Value (the offline spreadsheet has no insertColumnsBefore: its cells are moved).
    const values = log.getDataRange().getValues();
    const at = values[0].indexOf("Value") + 1;
    const moved = values.map((r, i) => [...r.slice(0, at), i === 0 ? "Source | link" : "", ...r.slice(at)]);
    log.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
    const r = checkIn(wb, "O1.KR1", "86", { confidence: 4, whatChanged: "New supplier", blockers: "Customs hold" });
    expect(r.ok).toBe(true);
    const last = rowsOf(wb, "Check-ins").pop();
    expect(last).toEqual(expect.objectContaining({ "KR ID": "O1.KR1", Value: 86, Confidence: 4, "What changed": "New supplier", Blockers: "Customs hold", "Source | link": "" }));
    // The weekly summary reads the log by the same cells: the blocker is its own, not the column left of it.
    expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
    const summary = tab(wb, "Weekly Summary").getDataRange().getValues().flat().map(String);
    expect(summary.filter((v) => v.includes("Customs hold")).length).toBeGreaterThan(0);
    expect(summary.some((v) => v.includes("New supplier") && !v.includes("Customs"))).toBe(true);
  });

  it("its row cell typed over while rows were inserted above the header: the check-in asks for Repair (it read the wrong rows as row 1's), and after Repair is saved", () => {
    const wb = trackerInUse({ summary: false });
    tab(wb, "Check-ins").insertRowsBefore(1, 1);
    setSetting(wb, ROW_CELL, "'2");
    const before = everything(wb);
    const r = callAddonRaw(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "86", confidence: 6 });
    expect(r.message).toBe(`The Settings tab's computed check-in rows are missing or changed. Use "Repair tracker" in the add-on menu to write them back.`);
    expect(everything(wb)).toBe(before);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(checkIn(wb, "O1.KR1", "86").ok).toBe(true);
    expect(rowsOf(wb, "Check-ins", 2).map((c) => [c["KR ID"], c.Value])).toEqual([["O1.KR1", 85], ["O2.KR1", 5], ["O1.KR1", 86]]);
  });
});

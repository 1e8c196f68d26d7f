// Repair over tabs cut smaller by hand than the ranges it reads, through the BUILT add-on (run `npm run build`
// first). Repair asks for Settings' A1:C40, History's first 30 rows and the formula rows of Objectives and
// Key Results (the data rows and 20 spare, 50 at least) without asking each tab's size first (two calls a
// tab saved on every Repair); a tab smaller than that range is refused it by Sheets, and is then read within
// its size, or grown to the formula rows, as before.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { repairWrites } from "../support/writes";
import { callAddon } from "../support/tracker";
import { tab, trackerInUse } from "../support/inUse";

describe("Repair over tabs smaller than the ranges it reads", () => {
  it("Settings cut to 34 rows and 3 columns, History to 12 rows and its 12 columns: read within their size", () => {
    const wb = trackerInUse();
    const settings = tab(wb, "Settings");
    const last = settings.getLastRow();
    expect(last).toBeLessThan(34);
    settings.deleteRows(35, settings.getMaxRows() - 34);
    settings.deleteColumns(4, settings.getMaxColumns() - 3);
    const history = tab(wb, "History");
    history.deleteColumns(13, history.getMaxColumns() - 12);
    history.deleteRows(13, history.getMaxRows() - 12);
    const values = [settings.getDataRange().getValues(), history.getDataRange().getValues()];
    expect(repairWrites(wb)).toEqual({});
    expect([settings.getDataRange().getValues(), history.getDataRange().getValues()]).toEqual(values);
  });

  it("Key Results cut below its formula rows: grown to them, its formulas written there", () => {
    const wb = trackerInUse();
    const krs = tab(wb, "Key Results");
    krs.deleteRows(21, krs.getMaxRows() - 20);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(krs.getMaxRows()).toBeGreaterThanOrEqual(51);
    const score = krs.getRange(1, 1, 1, krs.getLastColumn()).getValues()[0].indexOf("Score") + 1;
    expect(krs.getRange(51, score).getFormula()).toMatch(/^=/);
    expect(repairWrites(wb)).toEqual({});
  });
});

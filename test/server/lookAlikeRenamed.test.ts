// Repair (setup) with a tracker tab missing and several tabs that look like it, through the built add-on
// (dist/Code.js): it asks which is the one to rename back, changing nothing. Its message joined the names
// with " and " whatever their number ('"A" and "B" and "C"'); it now lists them as every other message does
// (core/plural.ts quotedList: '"A", "B" and "C"').
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, ss } from "../support/tracker";
import { everything, tab, trackerInUse } from "../support/inUse";

describe("Repair with the History tab missing and three tabs that look like it", () => {
  it("names the three as a list and changes nothing", () => {
    const wb = trackerInUse();
    const history = tab(wb, "History");
    history.setName("History old");
    for (const name of ["History copy", "History 2025"]) {
      ss(wb).insertSheet(name, ss(wb).getSheets().length).getRange(1, 1, 2, 12).setValues(history.getRange(1, 1, 2, 12).getValues());
    }
    const before = everything(wb);
    const r = callAddonRaw(wb, "repairTracker");
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'The "History" tab is missing, and "History old", "History copy" and "History 2025" all look like it. Rename the right one to "History" and run Repair tracker again. Nothing was changed.',
    );
    expect(everything(wb) === before, "a tab changed").toBe(true);
  });
});

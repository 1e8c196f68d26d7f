// Repair's focus checks over a KR typed by hand, through the built add-on. An increase/decrease KR whose start
// equals its target shows "Setup error: start equals target" on its row, but Repair's report said nothing
// about it (the import refuses such a row; a KR typed in the tab got no word). Now a focus line names it.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";

describe("Repair's focus checks", () => {
  it("an increase/decrease KR whose start equals its target is reported (its row says 'Setup error'; Repair said nothing)", () => {
    const wb = newTracker({ template: "operations" });
    const krs = rowsOf(wb, "Key Results");
    const i = krs.findIndex((k) => k.Metric === "increase" || k.Metric === "decrease");
    const kr = ss(wb).getSheetByName("Key Results")!;
    kr.getRange(i + 2, kr.getRange("1:1").getValues()[0].indexOf("Start") + 1).setValue(krs[i].Target);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([`Key result ${krs[i].ID} has the same start and target: make them differ to score it.`]);
  });
});

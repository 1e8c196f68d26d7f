// A regenerated Mid-cycle Review (or Retrospective) has decision dropdowns on its table's rows only. Google
// does not document whether Sheet.clear() removes data validation (docs/apps-script-fidelity.md, "to check"
// 9); the offline spreadsheet keeps it, so a table shorter than last time must not leave the old dropdowns
// below it.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, ss } from "../support/tracker";

function dropdownRows(wb: ReturnType<typeof newTracker>): number[] {
  const rev = ss(wb).getSheetByName("Mid-cycle Review")!;
  const dv = rev.getRange(1, 1, rev.getMaxRows(), rev.getMaxColumns()).getDataValidations();
  return dv.map((r, i) => (r.some((v) => v !== null) ? i + 1 : 0)).filter((n) => n > 0);
}

describe("Mid-cycle Review regenerated with fewer key results", () => {
  it("keeps dropdowns on the new table's rows only", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-02-20" });
    const r1 = callAddon(wb, "createMidCycleReview", { at: "2026-02-20" });
    expect(r1.ok).toBe(true);
    const before = dropdownRows(wb);
    expect(before.length).toBe(r1.rows);
    const kr = ss(wb).getSheetByName("Key Results")!;
    kr.deleteRow(2);
    kr.deleteRow(2);
    const r2 = callAddon(wb, "createMidCycleReview", { at: "2026-02-20" });
    expect(r2.ok).toBe(true);
    expect(r2.rows).toBeLessThan(r1.rows);
    const after = dropdownRows(wb);
    expect(after).toEqual(before.slice(0, r2.rows));
  });
});

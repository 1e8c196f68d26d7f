// A stay KR already on the wrong side of its threshold in week four, through the built add-on (run `npm run
// build` first): the Forecast section's Why says it is there now, not only where it ends (docs/forecast.md).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, ss } from "../support/tracker";
import { checkInOn } from "../support/inUse";

const ADMIN = "ops.lead@example.com";

describe("the Why of a stay KR in the Forecast section", () => {
  it("says a backlog that must stay at or below 120 is already above it, where it is now and where it ends", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
    for (const [day, backlog] of [["2026-01-08", "116"], ["2026-01-15", "119"], ["2026-01-22", "124"]]) {
      checkInOn(wb, day, "planning.lead@example.com", "O1.KR3", backlog, { admin: ADMIN, confirmed: true });
    }
    checkInOn(wb, "2026-01-26", ADMIN, "O1.KR1", "84", { admin: ADMIN });
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-26" })).toMatchObject({ ok: true });
    const v = ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getValues().map((r) => r.map(String));
    const f = v.findIndex((r) => r[0].startsWith("Forecast:"));
    const row = v.slice(f + 2).find((r) => r[0] === "O1.KR3")!;
    // Until session 17: "Rising 4 orders a week: above 120 orders by 2026-04-05.", as if the breach were still to come.
    expect(row[8]).toMatch(/^Rising 4 orders a week: already above 120 orders \(124 orders now\), \S+ orders by 2026-04-05\.$/);
    expect(row[8]).toContain(`${row[3]}.`);
  });
});

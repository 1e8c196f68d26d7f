// Whatever a person types into the Settings cells the sheet's formulas use (the thresholds, the aspirational
// goal, the length), the add-on either refuses to read the tracker or reads it as the formulas do: the
// summary's statuses are the Status columns'. Through the BUILT add-on (run `npm run build` first).
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, requestId, rowsOf, setSetting, setToday } from "../support/tracker";

const TODAY = "2026-02-04"; // week 5
const ADMIN = "ops.lead@example.com";

/** The operations template with check-ins spread so that the KRs sit on both sides of the thresholds. */
function base() {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
  setToday(wb, "2026-02-03");
  for (const [kr, v] of [["O1.KR1", "86"], ["O1.KR2", "8.9"], ["O2.KR1", "5.2"], ["O3.KR1", "41"], ["O3.KR2", "0.2"]]) {
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr, value: v, confidence: 7 });
    if (!r.ok) throw new Error(r.message);
  }
  return wb.services.toSnapshot();
}

// What a person may leave in such a cell, typed as text the way the Settings tab takes typing.
const typed = (numbers: string[]) => fc.oneof(fc.constantFrom("", " ", "abc", ...numbers), fc.double({ min: 0, max: 1, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)));

describe("Settings the formulas use: refused, or read as the formulas read them", () => {
  it("property: the summary's KR and objective statuses equal the sheet's whenever the summary is made", () => {
    const snapshot = base();
    fc.assert(
      fc.property(
        typed(["0,1", "0.1", "0,05", "10%", "0,2"]),
        typed(["0,25", "0.25", "0,3", "30%"]),
        typed(["0,7", "0.7", "0,5", "70%"]),
        fc.constantFrom("13", "", "13,0", "12"),
        (onTrack, atRisk, goal, weeks) => {
          const wb = openTracker(snapshot, { at: TODAY, user: ADMIN });
          setSetting(wb, "On track if gap ≤", onTrack);
          setSetting(wb, "At risk if gap ≤", atRisk);
          setSetting(wb, "Aspirational goal", goal);
          setSetting(wb, "Length in weeks", weeks);
          const r = callAddon(wb, "generateWeeklySummary", { at: TODAY });
          if (!r.ok) {
            expect(r.message).toMatch(/^Settings need fixing: /);
            return;
          }
          const sheetKrs = new Map(rowsOf(wb, "Key Results").map((k) => [k.ID, k.Status]));
          for (const k of r.data.krs) expect(k.status, `${k.id} ${JSON.stringify([onTrack, atRisk, goal, weeks])}`).toBe(sheetKrs.get(k.id));
          const sheetObjs = new Map(rowsOf(wb, "Objectives").map((o) => [o.ID, o.Status]));
          for (const o of r.data.objectives) expect(o.status, o.id).toBe(sheetObjs.get(o.id));
        },
      ),
      { numRuns: 40 },
    );
  });
});

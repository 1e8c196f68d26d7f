// The demo tracker: the operations template and six weeks of realistic check-ins, made through the
// add-on's own entry points, so what a person sees is exactly what the add-on produces. Deterministic:
// fixed dates, fixed values, fixed request IDs. The story the forecast tells (docs/forecast.md): cycle time
// (O1.KR2) and the backlog (O1.KR3) are clearly forecast to miss, and the cost owner's confidence of 8/10
// (O3.KR1) disagrees with a trend that ends near 0.3.
import { addDays } from "../core/dates";
import { OPERATIONS_TEMPLATE } from "../core/templates";
import { emptySnapshot } from "./snapshot";
import { callAddon, clockFor, workbookFromSnapshot } from "./runtime";

export const DEMO_START = "2026-10-05";
export const DEMO_WEEKS_DONE = 6;
/** The Sunday that ends week 6: the demo's "today". */
export const DEMO_AS_OF = addDays(DEMO_START, 7 * DEMO_WEEKS_DONE - 1);

interface Week {
  value: number | null; // null: no check-in that week
  confidence: number;
  changed: string;
  blockers?: string;
  next?: string;
}

const W = (value: number | null, confidence: number, changed: string, blockers = "", next = ""): Week => ({
  value, confidence, changed, blockers, next,
});

/** KR ID → its six weeks. */
export const DEMO_CHECKINS: Record<string, Week[]> = {
  "O1.KR1": [
    W(82.6, 7, "Dispatch cut-off moved to 14:00; first week on the new slotting board."),
    W(84.1, 7, "Carrier B now books the afternoon run a day ahead."),
    W(85.3, 7, "Late picks down after the wave change on Line 2."),
    W(86.8, 8, "Two regional carriers onboarded."),
    W(87.5, 8, "Holiday volume absorbed without extra late orders."),
    W(88.9, 8, "Best week so far: 41 of 46 late orders were carrier-caused.", "", "Review carrier scorecards with procurement."),
  ],
  "O1.KR2": [
    W(9.4, 6, "Baseline confirmed from the ERP order log."),
    W(9.2, 6, "Planning now releases orders twice a day."),
    W(9.3, 5, "Supplier delay on housings added half a day.", "Housing supplier lead time slipped from 5 to 8 days."),
    W(9.0, 5, "Kitting area reorganised.", "Housing supplier lead time still 8 days."),
    W(8.9, 4, "Small gain; waiting time between welding and paint unchanged.", "Paint shop runs one shift only."),
    W(8.8, 4, "Still stuck at the paint queue.", "Paint shop runs one shift only; second shift not approved.", "Ask for a 6-week trial of a second paint shift."),
  ],
  "O1.KR3": [
    W(110, 8, "Backlog steady."),
    W(114, 7, "New customer onboarded."),
    W(118, 6, "Backlog rising with the paint queue."),
    W(124, 5, "Above the 120 limit for the first time.", "Paint queue."),
    W(121, 5, "Overtime on Saturday brought it down a little."),
    W(117, 6, "Back under the limit.", "", "Keep Saturday overtime until the paint decision."),
  ],
  "O2.KR1": [
    W(6.3, 7, "Defect tagging started on all stations."),
    W(5.9, 7, "Top defect (weld spatter) fixed with new nozzles."),
    W(5.4, 8, "Second defect (paint runs) root-caused."),
    W(5.0, 8, "Operator checklists live on Line 2."),
    W(4.6, 8, "Poka-yoke jig on the bracket station."),
    W(4.4, 8, "Steady improvement.", "", "Extend checklists to Line 3."),
  ],
  "O2.KR2": [
    W(93.1, 8, "Yield stable."),
    W(92.6, 7, "New operators on night shift."),
    W(91.8, 5, "Below 92% after a bad batch of housings.", "Incoming inspection skipped for one supplier."),
    W(92.4, 6, "Incoming inspection restored."),
    W(92.9, 7, "Back in range."),
    W(93.3, 8, "Best week of the cycle."),
  ],
  "O3.KR1": [
    W(41.8, 7, "Scrap cost down slightly."),
    W(41.5, 8, "Energy tariff renegotiated."),
    W(41.6, 7, "Overtime for backlog added cost.", "Saturday overtime."),
    W(41.1, 8, "Packaging change saves 0.30 per unit; the big savings come with the new supplier contract."),
    W(null, 0, ""),
    W(null, 0, ""),
  ],
  "O3.KR2": [
    W(0.1, 6, "Huddle board designed."),
    W(0.25, 6, "Day shift huddles running."),
    W(0.4, 7, "Night shift started huddles."),
    W(0.5, 7, "Huddle metrics linked to this tracker."),
    W(0.6, 7, "Weekend crew trained."),
    W(0.7, 8, "Running on 4 of 5 shifts.", "", "Train the maintenance shift."),
  ],
};

export async function buildDemo(file: string): Promise<{ asOf: string; summary: string }> {
  const snapshot = { ...emptySnapshot("OKR demo: order-to-delivery pilot"), id: "okr-sheets-demo" };
  const wb = workbookFromSnapshot(file, snapshot, { at: DEMO_START });
  const setup = callAddon(wb, "setupTracker", { template: "operations", start: DEMO_START, weeks: 13, name: OPERATIONS_TEMPLATE.cycleName });
  if (!setup.ok) throw new Error(setup.message);
  const owners = new Map(OPERATIONS_TEMPLATE.keyResults.map((k) => [k.id, k.owner] as [string, string]));
  let n = 0;
  for (let week = 0; week < DEMO_WEEKS_DONE; week++) {
    const krIds = Object.keys(DEMO_CHECKINS);
    krIds.forEach((id, i) => {
      const w = DEMO_CHECKINS[id][week];
      if (w.value === null) return;
      const day = addDays(DEMO_START, 7 * week + (i % 3)); // owners check in Monday to Wednesday
      wb.services.clock.set(clockFor(day));
      wb.services.session.setUser(owners.get(id) || null);
      n++;
      const r = callAddon(wb, "submitCheckin", {
        requestId: `demo-${String(n).padStart(4, "0")}-${id.replace(/\W/g, "")}`,
        krId: id,
        value: String(w.value),
        confidence: w.confidence,
        whatChanged: w.changed,
        blockers: w.blockers || "",
        nextStep: w.next || "",
      });
      if (!r.ok) throw new Error(`demo check-in ${id} week ${week + 1}: ${r.message}`);
    });
    const weekEnd = addDays(DEMO_START, 7 * week + 6);
    wb.services.clock.set(clockFor(weekEnd));
    const s = callAddon(wb, "generateWeeklySummary", { at: weekEnd });
    if (!s.ok) throw new Error(`demo summary week ${week + 1}: ${s.message}`);
  }
  wb.services.session.setUser(null);
  const last = callAddon(wb, "generateWeeklySummary", { at: DEMO_AS_OF });
  await wb.save();
  const o = last.data.overall;
  return {
    asOf: DEMO_AS_OF,
    summary: `${n} check-ins over ${DEMO_WEEKS_DONE} weeks; as of ${DEMO_AS_OF} the overall score is ${o.score === null ? "—" : o.score.toFixed(2)} (${o.status}).`,
  };
}

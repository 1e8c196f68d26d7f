// A blank tracker whose OKRs came in through "Import OKRs from a tab", as a team pasting its sheet starts:
// the rows pasted under the header on a tab named Paste, imported by the built add-on, which must accept them.
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, newTracker, requestId, setToday, ss } from "./tracker";
import { expect } from "./expect";

export function importedTracker(header: unknown[], rows: unknown[][], start = "2026-01-05"): Workbook {
  const wb = newTracker({ template: "blank", start, at: start });
  const tab = ss(wb).insertSheet("Paste");
  tab.getRange(1, 1, 1, header.length).setValues([header]);
  tab.getRange(2, 1, rows.length, header.length).setValues(rows);
  const r = callAddon(wb, "importOkrsFromTab", { tab: "Paste" });
  expect(r.ok, r.message).toBe(true);
  return wb;
}

/** On-time delivery (82% → 95%, cara) and cycle time (12 → 8 days, ana) under one objective, imported. */
export function deliveryTracker(): Workbook {
  return importedTracker(DELIVERY_HEADER, DELIVERY_KRS);
}

const DELIVERY_HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const DELIVERY_KRS = [
  ["Deliver on time", "Raise on-time delivery from 82% to 95%", "cara@example.com", "increase", "%", 82, 95],
  ["Deliver on time", "Cut cycle time from 12 to 8 days", "ana@example.com", "decrease", "days", 12, 8],
];
const DELIVERY_OWNER: Record<string, string> = { "O1.KR1": "cara@example.com", "O1.KR2": "ana@example.com" };

/** A check-in on deliveryTracker's KR by its owner on `day` (confidence 6), which must be taken. */
export function deliveryCheckin(wb: Workbook, day: string, krId: string, value: string): void {
  const r = ownerCheckin(wb, DELIVERY_OWNER, day, krId, value);
  if (!r.ok) throw new Error(`${krId} on ${day}: ${r.message}`);
}

/** Thirteen weeks of Thursday check-ins: on-time delivery stalls at 88% (target 95%); cycle time reaches 8.1 days. */
export function deliveredCycle(): Workbook {
  const wb = deliveryTracker();
  for (let w = 1; w <= 13; w++) {
    const thursday = addDays("2026-01-08", 7 * (w - 1));
    deliveryCheckin(wb, thursday, "O1.KR1", String(Math.min(88, 82 + w)));
    deliveryCheckin(wb, thursday, "O1.KR2", (12 - 0.3 * w).toFixed(1));
  }
  return wb;
}

/**
 * A check-in on `day` by the KR's owner (`owners` maps KR IDs to addresses), confidence 6 unless `extra` says
 * otherwise; the lead (ops.lead@example.com) is the user again after. Returns the add-on's reply.
 */
export function ownerCheckin(wb: Workbook, owners: Record<string, string>, day: string, krId: string, value: string, extra: Record<string, unknown> = {}) {
  setToday(wb, day);
  wb.services.session.setUser(owners[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6, ...extra });
  wb.services.session.setUser("ops.lead@example.com");
  return r;
}

/**
 * An operations pilot of five KRs, all cara's: rework 8% → 4% and cost per unit $41.50 → $36 (O1), on-time
 * delivery 82% → 95%, cycle time 12 → 8 days and first-pass yield at 92% or more (O2), imported.
 */
export function operationsPilot(): Workbook {
  return importedTracker(DELIVERY_HEADER, [
    ["Run a leaner line", "Cut rework from 8% to 4%", "cara@example.com", "decrease", "%", 8, 4],
    ["Run a leaner line", "Cut cost per unit from $41.50 to $36", "cara@example.com", "decrease", "$", 41.5, 36],
    ["Deliver on time", "Raise on-time delivery from 82% to 95%", "cara@example.com", "increase", "%", 82, 95],
    ["Deliver on time", "Cut cycle time from 12 to 8 days", "cara@example.com", "decrease", "days", 12, 8],
    ["Deliver on time", "Keep first-pass yield at 92% or more", "cara@example.com", "stay_above", "%", 93, 92],
  ]);
}

/** A check-in on operationsPilot's KR by cara on `day` (confidence 6), which must be taken. */
export function pilotCheckin(wb: Workbook, day: string, krId: string, value: string): void {
  const r = ownerCheckin(wb, { [krId]: "cara@example.com" }, day, krId, value);
  if (!r.ok) throw new Error(`${krId} on ${day}: ${r.message}`);
}

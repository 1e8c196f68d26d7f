// A Current typed by hand over a KR that has check-ins (session 17's review) through the BUILT add-on (run
// `npm run build` first): Key Results scores the typed value, the summary the log's; the summary says so.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { OPERATIONS_OWNER, rowWhere, summarize, summaryTab } from "../support/summaryTab";

const START = "2026-01-05"; // a Monday; week 2 = 01-12..01-18
const W1 = "2026-01-11";
const W2 = "2026-01-18";
const KR = "O2.KR2"; // Keep first-pass yield at or above 92%: stay_above, start 93, target 92

function checkIn(wb: Workbook, day: string, krId: string, value: number): void {
  setToday(wb, day);
  wb.services.session.setUser(OPERATIONS_OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6, confirmed: true });
  if (!r.ok) throw new Error(`check-in ${krId} on ${day}: ${r.message}`);
  wb.services.session.setUser("ops.lead@example.com");
}

/** Types `value` into the KR's Current cell, as a user past the protection warning does. */
function typeCurrent(wb: Workbook, krId: string, value: unknown): void {
  const sheet = ss(wb).getSheetByName("Key Results")!;
  const values = sheet.getDataRange().getValues();
  const h = values.findIndex((r) => r.map(String).includes("Current") && r.map(String).includes("ID"));
  const c = values[h].map(String).indexOf("Current");
  const r = values.findIndex((row, i) => i > h && String(row[values[h].map(String).indexOf("ID")]) === krId);
  sheet.getRange(r + 1, c + 1).setValue(value);
}

function thisWeek(wb: Workbook): string[] {
  const t = summaryTab(wb);
  const h = rowWhere(t, (s) => s === "This week");
  const out: string[] = [];
  for (let i = h + 1; i < t.values.length && String(t.values[i][0]) !== ""; i++) out.push(String(t.values[i][0]));
  return out;
}

function tracker(): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START });
  checkIn(wb, "2026-01-07", KR, 93);
  summarize(wb, W1); // week 2 then reads the log from week 1's checkpoint
  checkIn(wb, "2026-01-14", KR, 94);
  return wb;
}

const LINE = `${KR}: Current 91 was typed over its last check-in (94, 2026-01-14): the summary counts the check-in. Check in to record it, or use "Correct last check-in".`;

describe("A Current typed over a KR's check-ins", () => {
  it("is named in a fifth 'This week' line, the week read from its checkpoint", () => {
    const wb = tracker();
    typeCurrent(wb, KR, 91);
    const r = summarize(wb, W2);
    const lines = thisWeek(wb);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe(LINE);
    expect(r.data.thisWeek[4]).toBe(LINE);
    // The summary keeps counting the check-in.
    expect(r.data.krs.find((k: { id: string }) => k.id === KR).value).toBe(94);
  });

  it("says nothing when Current is the check-in's, blank, or a check-in after the summary's day", () => {
    const wb = tracker();
    summarize(wb, W2);
    expect(thisWeek(wb)).toHaveLength(4);
    typeCurrent(wb, KR, "");
    summarize(wb, W2);
    expect(thisWeek(wb)).toHaveLength(4);
    checkIn(wb, "2026-01-19", KR, 90); // the weekly refresh is as of the day before a morning's check-in
    summarize(wb, W2);
    expect(thisWeek(wb)).toHaveLength(4);
  });

  it("names several KRs in one line", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-13", "O1.KR1", 85);
    typeCurrent(wb, KR, 91);
    typeCurrent(wb, "O1.KR1", 0.86); // "86%" typed into a whole-percent KR's cell holds 0.86
    summarize(wb, W2);
    expect(thisWeek(wb)[4]).toBe(
      `2 KRs have a Current typed over their last check-in (O1.KR1 0.86 over 85 of 2026-01-13; ${KR} 91 over 94 of 2026-01-14): the summary counts the check-ins. Check in to record them, or use "Correct last check-in".`,
    );
  });
});

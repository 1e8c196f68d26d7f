// The Weekly Trend's record (okrSheets.trendBlock) stays small whatever the KRs: one day per week of the
// cycle. Until session 12's fix it kept, per week, every KR whose day differed from the week's (~19 bytes
// each), and KRs renamed since a week (no History row under the new ID) were dated at the week's last day:
// 60 of 200 renamed in week 10 took the record past Google's 9 KB per property, and every summary of the
// cycle after that failed ("Argument too large: value"). Found by a reviewer's probe.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { generateTracker } from "../../src/local/generate/tracker";
import { ADMIN } from "../../src/local/generate/okrs";
import { callAddon, openTracker, setToday, ss } from "../support/tracker";
import { addDays } from "../../src/core/dates";

const START = "2026-01-05";
const KEY = "okrSheets.trendBlock";

function summary(wb: Workbook, at: string) {
  setToday(wb, at);
  return callAddon(wb, "generateWeeklySummary", { at });
}

function record(wb: Workbook): string {
  const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  return props.getProperty(KEY) || "";
}

describe("the Weekly Trend's record", () => {
  it("keeps one day per week when 60 of 200 KRs are renamed mid-cycle, so weeks 10 and 11 still summarise", () => {
    const g = generateTracker({ name: "x", objectives: 50, krs: 200, checkins: 2000, owners: 4, start: START, today: "2026-01-19" }, { history: false, headroom: false });
    const wb = openTracker(g.snapshot, { at: START, user: ADMIN });
    const repaired = callAddon(wb, "repairTracker");
    if (!repaired.ok) throw new Error(repaired.message);
    for (let w = 1; w <= 9; w++) {
      const r = summary(wb, addDays(START, 7 * (w - 1)));
      if (!r.ok) throw new Error(`week ${w}: ${r.message}`);
    }
    // The last 60 KRs get new IDs: their past weeks have no History rows under them.
    const kr = ss(wb).getSheetByName("Key Results")!;
    const ids = kr.getRange(2, 1, 200, 1).getValues();
    kr.getRange(2, 1, 200, 1).setValues(ids.map((r, i) => [i >= 140 ? `${r[0]}b` : r[0]]));
    const w10 = summary(wb, addDays(START, 63));
    expect(w10.ok ? "" : w10.message).toBe("");
    const after10 = record(wb);
    const w11 = summary(wb, addDays(START, 70));
    expect(w11.ok ? "" : w11.message).toBe("");
    const after11 = record(wb);
    // No record of any kind was too large to keep (propsBatch.ts says so in the execution log).
    expect(wb.services.logs.filter((l) => l.includes("over the 9 KB"))).toEqual([]);
    // Both weeks recorded (a record too large for a property is dropped, propsBatch.ts, and the next week
    // rewrites the Weekly Trend whole), one day per week: the record's size does not depend on the KRs.
    for (const [text, weeks] of [[after10, 10], [after11, 11]] as const) {
      expect(text.length, `record after week ${weeks}`).toBeGreaterThan(0);
      expect(text.length, `record after week ${weeks}`).toBeLessThan(1200);
      const days = (JSON.parse(text) as { days: Record<string, unknown> }).days;
      expect(Object.keys(days).length).toBe(weeks);
      for (const d of Object.values(days)) expect(typeof d).toBe("string");
    }
  }, 300000);
});

// Session 19's pilot, mid-cycle, through the BUILT add-on (run `npm run build` first): the mid-cycle review
// decides to "adjust" the on-time delivery target from 95% to 93%, typed over in week 7, and the week's
// check-in comes in. The summary's This week line named the KR's whole change as its gain, though most of
// it was the edit.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { rowsOf, ss } from "../support/tracker";
import { deliveryCheckin, deliveryTracker } from "../support/importedTracker";
import { section, summarize, summaryTab } from "../support/summaryTab";


/** Weeks 1–6 checked in on Thursdays and summarised on Fridays: on-time delivery 83 … 88, cycle time 11.9 … 11.4. */
function sixWeeks(): Workbook {
  const wb = deliveryTracker();
  for (let w = 1; w <= 6; w++) {
    const thursday = addDays("2026-01-08", 7 * (w - 1));
    deliveryCheckin(wb, thursday, "O1.KR1", String(82 + w));
    deliveryCheckin(wb, thursday, "O1.KR2", String(12 - 0.1 * w));
    summarize(wb, addDays(thursday, 1));
  }
  return wb;
}

function thisWeek(wb: Workbook): string[] {
  return summaryTab(wb).values.slice(4, 8).map((r) => String(r[0]));
}

function typeTarget(wb: Workbook, id: string, target: number): void {
  const krs = ss(wb).getSheetByName("Key Results")!;
  const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === id) + 2;
  krs.getRange(row, 8).setValue(target); // Target (column H)
}

describe("a target adjusted mid-cycle in a week with a check-in", () => {
  it("This week's biggest gain says how much of it the week's value made (it gave the edit's share as the week's gain)", () => {
    const wb = sixWeeks();
    typeTarget(wb, "O1.KR1", 93);
    deliveryCheckin(wb, "2026-02-19", "O1.KR1", "89");
    deliveryCheckin(wb, "2026-02-19", "O1.KR2", "11.3");
    summarize(wb, "2026-02-20");
    // 88 of 82 → 95 scored 0.46 in week 6; 89 of 82 → 93 scores 0.64 (+0.17), of which 88 against the new
    // target, 0.55, leaves +0.09 to the week's value. Before: "Biggest gain: O1.KR1 +0.17; no score fell."
    expect(thisWeek(wb)[2]).toBe("Biggest gain: O1.KR1 +0.17 (+0.09 from its value: its start, target or metric was edited); no score fell.");
    // The movers table keeps the whole change.
    expect(section(summaryTab(wb), "Biggest movers").rows.find((r) => r.ID === "O1.KR1")!.Change).toBe(0.17);
  });

  it("a week without an edit reads as before, and the next week compares with the new target's History", () => {
    const wb = sixWeeks();
    expect(thisWeek(wb)[2]).toBe("Biggest gain: O1.KR1 +0.08; no score fell.");
    typeTarget(wb, "O1.KR1", 93);
    deliveryCheckin(wb, "2026-02-19", "O1.KR1", "89");
    summarize(wb, "2026-02-20");
    deliveryCheckin(wb, "2026-02-26", "O1.KR1", "90");
    summarize(wb, "2026-02-27");
    expect(thisWeek(wb)[2]).toBe("Biggest gain: O1.KR1 +0.09; no score fell.");
  });
});

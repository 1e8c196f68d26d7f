// Closing writes its day into Settings literal ("'2026-01-20": closeMark.ts), so that Sheets keeps it text.
// A Settings tab a team formatted as Plain text keeps the quote as a character (src/local/sheets/format.ts
// parseTyped, "to check" 39), and the day read back was no date: check-ins and summaries after the close
// no longer said the cycle was closed.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, ss } from "../support/tracker";
import { checkIn, IN_USE_TODAY, trackerInUse } from "../support/inUse";

describe("a Settings tab formatted as Plain text", () => {
  it("still tells a check-in and the summary after the close that the cycle is closed", () => {
    const wb = trackerInUse();
    const settings = ss(wb).getSheetByName("Settings")!;
    settings.getRange(1, 1, settings.getMaxRows(), settings.getMaxColumns()).setNumberFormat("@");
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    const r = checkIn(wb, "O1.KR2", "9");
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(`The cycle was closed as of ${IN_USE_TODAY}`);
    const summary = callAddon(wb, "generateWeeklySummary", { at: IN_USE_TODAY });
    expect(summary.ok).toBe(true);
    const title = ss(wb).getSheetByName("Weekly Summary")!.getRange("A1:A3").getValues().flat().join(" ");
    expect(title).toMatch(`cycle closed as of ${IN_USE_TODAY}`);
  });
});

// Tabs a team formatted as Plain text (Format › Number › Plain text) before the add-on wrote in them: such a
// cell keeps the apostrophe the add-on writes text with (env.ts asText) as a character ("to check" 39). Setup
// of a template into such tabs showed every text quoted ('O1, 'Q1 2026), and so did the close's day in Settings.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, ss } from "../support/tracker";
import { emptySnapshot } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";

const ADMIN = "ops.lead@example.com";

/** Every shown cell of a tab that starts with the add-on's apostrophe. */
function quotedCells(wb: Workbook, tab: string): string[] {
  return ss(wb)
    .getSheetByName(tab)!
    .getDataRange()
    .getDisplayValues()
    .flat()
    .filter((v) => v.charAt(0) === "'");
}

const closeDay = (wb: Workbook) => ss(wb).getSheetByName("Settings")!.getDataRange().getDisplayValues().find((r) => /^Cycle closed/.test(r[0]))?.[1];

describe("setup into tabs a team formatted as Plain text", () => {
  it("writes the template's texts and the settings as they are, and the close's day too", () => {
    const wb = openTracker({ ...emptySnapshot("test"), id: "test-sheet" }, { at: "2026-01-05", user: ADMIN });
    const first = ss(wb).getSheets()[0];
    first.setName("Settings");
    for (const name of ["Objectives", "Key Results"]) ss(wb).insertSheet(name);
    for (const sh of ss(wb).getSheets()) sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).setNumberFormat("@");
    const r = callAddon(wb, "setupTracker", { template: "operations", start: "2026-01-05" });
    expect(r.ok, r.message).toBe(true);
    for (const tab of ["Settings", "Objectives", "Key Results"]) expect(quotedCells(wb, tab), tab).toEqual([]);
    // The tracker reads what it wrote: its KRs are known, the cycle's name is the template's.
    const side = callAddon(wb, "getSidebarData");
    expect(side.ok, side.message).toBe(true);
    expect(side.cycle.name).not.toMatch(/^'/);
    expect(side.krs.map((k: { id: string }) => k.id)).toContain("O1.KR1");
    expect(callAddon(wb, "endCycle", { at: "2026-01-20" }).ok).toBe(true);
    expect(closeDay(wb)).toBe("2026-01-20");
  });

  it("a Settings tab formatted so after setup: its first close's day shows the quote (no sign of the format), a close again not", () => {
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    const settings = ss(wb).getSheetByName("Settings")!;
    settings.getRange(1, 1, settings.getMaxRows(), settings.getMaxColumns()).setNumberFormat("@");
    expect(callAddon(wb, "endCycle", { at: "2026-01-20" }).ok).toBe(true);
    expect(closeDay(wb)).toBe("'2026-01-20");
    expect(callAddon(wb, "endCycle", { at: "2026-01-27" }).ok).toBe(true);
    expect(closeDay(wb)).toBe("2026-01-27");
  });
});

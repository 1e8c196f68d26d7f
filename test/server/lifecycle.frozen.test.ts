// How much of the Mid-cycle Review and Retrospective tabs is frozen, through the BUILT add-on (run `npm run
// build` first). The Signals block (a row per signal) sits above the decisions table, so on a tracker with
// many signals the table's header is far down (row 49 on the benchmark's medium tracker): freezing down to
// it made a frozen block taller than the window, which Sheets cannot scroll past, and the decisions table,
// the part to fill in, could not be reached. Such a tab freezes only its title block.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, ss } from "../support/tracker";
import { generateTracker } from "../../src/local/generate/tracker";
import { ADMIN, TODAY } from "../../src/local/generate/okrs";
import type { Workbook } from "../../src/local/runtime";
import { MAX_FROZEN_ROWS } from "../../src/core/lifecycleTab";

const REVIEW = "Mid-cycle Review";
const RETRO = "Retrospective";
/** Title, subtitle and instruction: the rows above the first blank row. */
const TITLE_ROWS = 3;
const LIMIT = MAX_FROZEN_ROWS;

/** The frozen row count, the main table's header row, and what the frozen rows hold. */
function layout(wb: Workbook, tab: string) {
  const sheet = ss(wb).getSheetByName(tab)!;
  const v = sheet.getDataRange().getValues();
  const headerRow = v.findIndex((r) => r[0] === "Type" && r[1] === "ID") + 1;
  const frozen = sheet.getFrozenRows();
  return { frozen, headerRow, firstCells: v.slice(0, frozen).map((r) => String(r[0])), sheet };
}

function run(wb: Workbook, fn: "createMidCycleReview" | "endCycle", at = TODAY): void {
  const r = callAddon(wb, fn, { at });
  if (!r.ok) throw new Error(r.message);
}

describe("a long Signals block above the table", () => {
  // 30 objectives, 120 KRs: ~25 signals, so both headers land far below the limit.
  let wb: Workbook;
  beforeAll(() => {
    const g = generateTracker({ name: "long-signals", objectives: 30, krs: 120, checkins: 2_000, owners: 6 });
    wb = openTracker(g.snapshot, { at: TODAY, user: ADMIN });
    run(wb, "createMidCycleReview");
    run(wb, "endCycle");
  });

  it.each([REVIEW, RETRO])("%s freezes only its title block, not the rows down to the header", (tab) => {
    const { frozen, headerRow, firstCells } = layout(wb, tab);
    expect(headerRow, "the case under test").toBeGreaterThan(30);
    expect(frozen).toBe(TITLE_ROWS);
    expect(firstCells[0]).toMatch(tab === REVIEW ? /^Mid-cycle review — / : /^Retrospective — /);
    expect(firstCells[1]).toMatch(/as of /);
  });

  it("the decisions keep their dropdown under the unfrozen header", () => {
    const { headerRow, sheet } = layout(wb, RETRO);
    const rule = sheet.getRange(headerRow + 1, 9).getDataValidation(); // Decision, after Final value and Learnings
    expect(rule && rule.getCriteriaValues()[0]).toEqual(["retain", "remove", "change"]);
  });
});

describe("a short Signals block", () => {
  let wb: Workbook;
  beforeAll(() => {
    // A new tracker on its first day: no check-ins yet, so few signals.
    wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    run(wb, "createMidCycleReview", "2026-01-05");
    run(wb, "endCycle", "2026-01-05");
  });

  it("the Review keeps its header row frozen, as before", () => {
    const { frozen, headerRow } = layout(wb, REVIEW);
    expect(headerRow).toBeLessThanOrEqual(LIMIT);
    expect(frozen).toBe(headerRow);
  });

  it("the Retrospective, whose grade spread puts its header below the limit anyway, freezes its title block", () => {
    const { frozen, headerRow } = layout(wb, RETRO);
    expect(headerRow).toBeGreaterThan(LIMIT);
    expect(frozen).toBe(TITLE_ROWS);
  });
});

// "No check-in for more than 14 days" in the roll-up's digest lines (the menu's answer, `okr-sheets rollup`,
// the Monday email), through the BUILT add-on (run `npm run build` first): a team is not silent for longer
// than its cycle has run.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { companyOver, setStart } from "../support/portfolioCompany";

const AT = "2026-02-16"; // a Monday, the company's week 7

/** Types `day` into every KR's Last check-in, as a team carrying it over from its last cycle has it. */
function typeLastCheckin(wb: Workbook, day: string): void {
  const sheet = ss(wb).getSheetByName("Key Results")!;
  const values = sheet.getDataRange().getValues();
  const c = values[0].indexOf("Last check-in");
  for (let r = 1; r < values.length; r++) if (values[r][0]) sheet.getRange(r + 1, c + 1).setValue(day);
}

function silentLine(base: Workbook, teams: Record<string, Workbook>): string | undefined {
  const company = companyOver(base, teams);
  company.services.clock.set(new Date(`${AT}T12:00:00Z`));
  const r = callAddon(company, "refreshPortfolio", {});
  expect(r.ok, r.message).toBe(true);
  expect(r.digest.unreadable).toEqual([]);
  return portfolioTeamLines(r.digest, null).find((l) => l.startsWith("No check-in"));
}

describe("A team called silent in the roll-up", () => {
  it("is counted from its cycle's start when it has no check-in: 13 and 14 days in, not yet; 15, silent", () => {
    const [base, d13, d14, d15] = trackers(4);
    setStart(d13, "2026-02-03");
    setStart(d14, "2026-02-02");
    setStart(d15, "2026-02-01");
    // Before: the 14-day team too (its week 3, the rule was "none by week 3"), silent for more than 14 days in 14.
    expect(silentLine(base, { D13: d13, D14: d14, D15: d15 })).toBe("No check-in for more than 14 days: D15 (none yet).");
  });

  it("is counted from its cycle's start when its last check-in is from before it", () => {
    const [base, fresh, old] = trackers(3);
    setStart(fresh, "2026-02-02"); // 14 days in
    typeLastCheckin(fresh, "2026-01-20");
    setStart(old, "2026-02-01"); // 15 days in
    typeLastCheckin(old, "2026-01-20");
    // Before: both, "last 2026-01-20" (27 days), though Fresh's cycle had run 14 days.
    expect(silentLine(base, { Fresh: fresh, Old: old })).toBe("No check-in for more than 14 days: Old (last 2026-01-20).");
  });
});

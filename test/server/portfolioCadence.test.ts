// Each team's own check-in cadence in the roll-up (session 19), through the BUILT add-on (run `npm run build`
// first): a fortnightly team checks in once in each 14-day period, so on schedule two of its check-ins lie up to
// 27 days apart. It is silent, and its forecast out of date, after 28 days (two of its periods), a weekly team
// after 14, as before. Until session 19 both had 14 days, and a fortnightly team on schedule was named silent.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { companyOver, setSetting, teamsTable } from "../support/portfolioCompany";

const AT = "2026-02-16"; // a Monday: the teams' (and the company's) week 7

/** Types `day` into every KR's Last check-in, and a forecast to miss into its first KR (Forecast score 0.2). */
function lastCheckedIn(wb: Workbook, day: string): void {
  const sheet = ss(wb).getSheetByName("Key Results")!;
  const values = sheet.getDataRange().getValues();
  const c = (h: string) => values[0].indexOf(h) + 1;
  for (let r = 1; r < values.length; r++) if (values[r][0]) sheet.getRange(r + 1, c("Last check-in")).setValue(day);
  sheet.getRange(2, c("Forecast"), 1, 2).setValues([[83.9, 0.2]]);
}

function rollup(teams: Record<string, Workbook>, base: Workbook) {
  const company = companyOver(base, teams);
  company.services.clock.set(new Date(`${AT}T12:00:00Z`));
  const r = callAddon(company, "refreshPortfolio", {});
  expect(r.ok, r.message).toBe(true);
  expect(r.digest.unreadable).toEqual([]);
  const forecast = Object.fromEntries(teamsTable(company).map((t) => [t.Team, t["Forecast to miss"]]));
  const notCounted = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues().flat().map(String).find((v) => v.startsWith("Not counted, forecast out of date"));
  return { silent: portfolioTeamLines(r.digest, null).find((l) => l.startsWith("No check-in")), forecast, notCounted };
}

describe("A team's silence in the roll-up is counted in its own check-in periods", () => {
  it("names a fortnightly team silent after 28 days, not 14; a weekly team after 14 as before", () => {
    const [base, weekly, fortnight, gone] = trackers(4);
    lastCheckedIn(weekly, "2026-01-26"); // 21 days before: a weekly team that missed two weeks
    lastCheckedIn(fortnight, "2026-01-26"); // 21 days: in its second fortnight, on schedule
    lastCheckedIn(gone, "2026-01-18"); // 29 days: a fortnightly team that missed a whole fortnight
    setSetting(fortnight, "Check-in cadence", "fortnightly");
    setSetting(gone, "Check-in cadence", "fortnightly");
    const r = rollup({ Weekly: weekly, Fortnight: fortnight, Gone: gone }, base);
    // Before: "No check-in for more than 14 days: Gone (last 2026-01-18), Weekly (last 2026-01-26) and Fortnight (last 2026-01-26)."
    expect(r.silent).toBe("No check-in for more than 14 days, 28 for a fortnightly team: Gone (fortnightly; last 2026-01-18) and Weekly (last 2026-01-26).");
    // Its forecast too: current for the fortnightly team on schedule (before: "out of date: from week 4 of 13").
    expect(r.forecast).toEqual({ Weekly: "out of date: from week 4 of 13", Fortnight: "1", Gone: "out of date: from week 2 of 13" });
    expect(r.notCounted).toBe(
      "Not counted, forecast out of date (the team has not checked in for more than 14 days, 28 for a fortnightly team: its forecast is from its latest check-in): Weekly (from week 4 of 13, 2026-01-26) and Gone (fortnightly; from week 2 of 13, 2026-01-18).",
    );
  });

  it("keeps the words of before when no fortnightly team is silent", () => {
    const [base, weekly, fortnight] = trackers(3);
    lastCheckedIn(weekly, "2026-02-01");
    lastCheckedIn(fortnight, "2026-02-01");
    setSetting(fortnight, "Check-in cadence", "fortnightly");
    const r = rollup({ Weekly: weekly, Fortnight: fortnight }, base);
    expect(r.silent).toBe("No check-in for more than 14 days: Weekly (last 2026-02-01).");
    expect(r.notCounted).toBe("Not counted, forecast out of date (the team has not checked in for more than 14 days: its forecast is from its latest check-in): Weekly (from week 4 of 13, 2026-02-01).");
  });
});

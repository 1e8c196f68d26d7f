// The roll-up's Week column as a leader reads it, through the BUILT add-on (run `npm run build` first): teams
// on cycles of different lengths side by side, each week said with its cycle's length.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { companyOver, setSetting, teamsTable } from "../support/portfolioCompany";

describe("The Portfolio Roll-up's Week column", () => {
  it("says each team's week with its cycle's length, and stays a number to sort by", () => {
    const [base, sprint, quarter] = trackers(3);
    setSetting(sprint, "Length in weeks", "6");
    const company = companyOver(base, { Sprint: sprint, Quarter: quarter });
    company.services.clock.set(new Date("2026-01-21T12:00:00Z")); // week 3 of both cycles (from 2026-01-05)
    const r = callAddon(company, "refreshPortfolio", {});
    expect(r.ok, r.message).toBe(true);
    // Before: "3" and "3", though Sprint is half way through its cycle and Quarter a fifth.
    expect(teamsTable(company).map((t) => [t.Team, t.Week])).toEqual([["Sprint", "3 of 6"], ["Quarter", "3 of 13"]]);
    const sheet = ss(company).getSheetByName("Portfolio Roll-up")!;
    const values = sheet.getDataRange().getValues();
    const h = values.findIndex((row) => row[0] === "Team" && row.includes("Check-in rate"));
    const w = values[h].indexOf("Week");
    expect([values[h + 1][w], values[h + 2][w]]).toEqual([3, 3]);
  });
});

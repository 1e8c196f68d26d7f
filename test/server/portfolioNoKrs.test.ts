// A team tracker with no key results in the portfolio roll-up, through the built add-on: the roll-up, the
// menu's answer and `rollup` say so, instead of "no forecast yet ... fewer than 3 weeks of check-ins" and
// nothing in the team lines (until session 17).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, workbookFromSnapshot } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { newTracker, ss } from "../support/tracker";

const AT = "2026-01-27"; // Tuesday of week 4

describe("a team tracker without key results", () => {
  it("is named as such in the Teams table, not as waiting for a forecast, and in the answer's team lines", () => {
    const empty = newTracker({ template: "blank", snapshot: { ...emptySnapshot("empty"), id: "empty" } }).services.toSnapshot();
    const ops = newTracker({ snapshot: { ...emptySnapshot("ops"), id: "ops" } }).services.toSnapshot();
    const company = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } }).services.toSnapshot();
    const open = (ref: string) => (ref === "empty" ? empty : ref === "ops" ? ops : undefined);
    const wb = workbookFromSnapshot("/nonexistent/company.xlsx", company, { at: AT, user: "ops.lead@example.com", workbooks: open });
    ss(wb).insertSheet("Portfolio").getRange(1, 1, 3, 4).setValues([["Tracker", "Team", "Weight", "Notes"], ["ops", "Ops", "", ""], ["empty", "Empty", "", ""]]);
    const r = callAddon(wb, "refreshPortfolio", { at: AT });
    expect(r).toMatchObject({ ok: true, read: 2 });

    const v = ss(wb).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues();
    const h = v.findIndex((row) => row[0] === "Team" && row[2] === "Read");
    const row = (team: string) => Object.fromEntries(v[h].map((k, i) => [k, v.find((x) => x[0] === team)![i]]));
    expect(row("Empty")).toMatchObject({ Status: "No key results", "Forecast to miss": "none: no key results", "Forecast KRs": "0" });
    expect(row("Ops")["Forecast to miss"]).toBe("no forecast yet");
    // "None forecast yet" stands for both; no line gives the empty team a forecast's reason.
    expect(v.filter((x) => /fewer than 3 weeks|Not forecast yet/.test(x[0]) && x[0].includes("Empty"))).toEqual([]);

    expect(portfolioTeamLines(r.digest, null)).toContain("No key results in the tracker: Empty.");
  });
});

// A partial portfolio refresh remembers the teams it read in the document cache, whose values hold at most
// 100 KB (https://developers.google.com/apps-script/reference/cache/cache; the offline cache refuses more, as
// Google does). A team whose aligned objectives pass that (long titles here; hundreds of objectives in a
// large tracker) made the whole refresh fail with "Argument too large: value" before.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { emptySnapshot } from "../../src/local/snapshot";
import { callAddon, workbookFromSnapshot } from "../../src/local/runtime";
import type { OtherWorkbook } from "../../src/local/sheets";
import { newTracker, ss } from "../support/tracker";

const AT = "2026-02-12";

describe("Refresh portfolio with a team too large for one cache value", () => {
  it("the partial run succeeds and the next run continues from it", () => {
    const team = newTracker({ snapshot: { ...emptySnapshot("team-a"), id: "team-a" } });
    const obj = ss(team).getSheetByName("Objectives")!;
    const headers = obj.getRange(1, 1, 1, obj.getLastColumn()).getValues()[0];
    const parent = headers.indexOf("Parent ID") + 1;
    const title = headers.indexOf("Objective") + 1;
    for (let r = 2; r <= 4; r++) {
      obj.getRange(r, parent).setValue("CO1");
      obj.getRange(r, title).setValue(`Objective ${r - 1} ` + "t".repeat(40000)); // 3 × 40,000 characters: over 100 KB
    }
    const snap = team.services.toSnapshot();
    const reg = new Map<string, OtherWorkbook>([["team-a", snap], ["team-b", { ...snap, id: "team-b" }]]);
    const company = newTracker({ snapshot: { ...emptySnapshot("company"), id: "company" } });
    const wb = workbookFromSnapshot("/nonexistent/company.xlsx", company.services.toSnapshot(), { at: AT, user: "ops.lead@example.com", workbooks: (ref) => reg.get(ref) });
    ss(wb).insertSheet("Portfolio").getRange(1, 1, 3, 4).setValues([
      ["Tracker", "Team", "Weight", "Notes"],
      ["team-a", "Alpha", 1, ""],
      ["team-b", "Beta", 1, ""],
    ]);
    const r1 = callAddon(wb, "refreshPortfolio", { at: AT, limit: 1 });
    expect([r1.ok, r1.read, r1.pending]).toEqual([true, 1, 1]);
    const r2 = callAddon(wb, "refreshPortfolio", { at: AT });
    expect([r2.ok, r2.read, r2.pending, r2.continued]).toEqual([true, 2, 0, 1]);
  });
});

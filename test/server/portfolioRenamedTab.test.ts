// A team tracker whose Key Results (or Objectives) tab was renamed, in the roll-up, through the BUILT add-on (run
// `npm run build` first): it is the team's tracker needing a fix, not "not an okr-sheets tracker" (the wrong file listed?).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { companyOver, teamsTable } from "../support/portfolioCompany";

describe("A team tracker with a tracker tab renamed", () => {
  it.each([
    ["Key Results", "KRs"],
    ["Objectives", "Goals"],
  ])("says its %s tab is missing and how the team gets it back; Repair tracker there does, and the team rolls up", (tab, renamed) => {
    const [base, hr] = trackers(2);
    ss(hr).getSheetByName(tab)!.setName(renamed);
    const company = companyOver(base, { HR: hr });
    expect(callAddon(company, "refreshPortfolio", { at: "2026-01-20" }).ok).toBe(true);
    // Before: 'Not an okr-sheets tracker: no "Key Results" tab.', as for a spreadsheet listed by mistake.
    expect(teamsTable(company)[0].Read).toBe(
      `Its tracker needs fixing: its "${tab}" tab is missing (renamed or deleted?): name it back "${tab}" in that tracker, or choose "Repair tracker" there, which names a renamed one back.`,
    );
    // What the message says to do works.
    hr.services.session.setUser("ops.lead@example.com");
    expect(callAddon(hr, "repairTracker").ok).toBe(true);
    expect(callAddon(company, "refreshPortfolio", { at: "2026-01-20" }).ok).toBe(true);
    expect(teamsTable(company)[0].Read).toBe("Yes");
  });
});

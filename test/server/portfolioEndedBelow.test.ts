// A team whose cycle ended (not rolled over yet) in the roll-up, through the BUILT add-on (run `npm run build`
// first): its own Weekly Summary after the end says "1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88%
// (target 95%)" (session 19); until session 20 the roll-up said only that its KRs were not counted, and the menu's
// answer only that its cycle ended. Now both say how its KRs ended, in its summary's words.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { deliveredCycle as delivery } from "../support/importedTracker";
import { summarize, summaryTab } from "../support/summaryTab";
import { companyOver, setStart } from "../support/portfolioCompany";


describe("A team whose cycle ended, in the roll-up", () => {
  it("says which of its KRs ended short of their goal, as its own summary after the end says it", () => {
    const team = delivery();
    const [base] = trackers(1);
    setStart(base, "2026-03-02"); // the company's cycle runs to 2026-05-31
    const company = companyOver(base, { Delivery: team });
    company.services.clock.set(new Date("2026-04-08T12:00:00Z"));
    company.services.ui.alerts.length = 0;
    callAddonRaw(company, "menuPortfolio");
    const answer = company.services.ui.alerts[0].prompt.split("\n");
    const tab = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues().map((r) => r[0]);
    const line = tab.find((c) => c.startsWith("Delivery: "));
    expect(line).toBe("Delivery: 1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88% (target 95%).");
    expect(answer).toContain("Cycle ended, not rolled over yet: Delivery (ended 2026-04-05; 1 KR ended short of its goal).");
    // The team's own summary after its end, the same words.
    summarize(team, "2026-04-08");
    const own = summaryTab(team).values.slice(3, 8).map((r) => String(r[0]));
    expect(own).toContain(line!.slice("Delivery: ".length));
  });
});

// The leaders' digest of a company tracker when no team KR is counted as forecast to miss, through the BUILT
// add-on (run `npm run build` first) and its weekly refresh's trigger run: the Portfolio Roll-up tab says why
// none is counted ("None forecast yet", "None current: every team's cycle has ended"), and until session 21
// the digest said "At this pace no team's forecast key result ends below its goal." and its subject "teams:
// none forecast to miss" whatever the reason: in week 2, when no team could have a forecast yet, and in the
// quarter's final email, when every team's cycle had ended with KRs short of their goal (docs/portfolio.md
// "In the leaders' digest").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, type Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { deliveredCycle as delivery } from "../support/importedTracker";
import { companyOver, everyoneChecksIn, setSetting } from "../support/portfolioCompany";

const LEADER = "head.of.ops@example.com";

/** The company over `teams`, its digest on, its weekly run at 07:00 UTC on `monday`: the leader's email. */
function mondayEmail(base: Workbook, teams: Record<string, Workbook>, monday: string) {
  const company = companyOver(base, teams);
  setSetting(company, "Leaders' emails", LEADER);
  setSetting(company, "Email digest to leaders", "on");
  company.services.clock.set(new Date(`${monday}T07:00:00Z`));
  const out = fireTrigger(company, refreshTriggersOf(company)[0]);
  expect(out.ok, out.message).toBe(true);
  const mail = company.services.mail.sent.find((m) => m.to === LEADER)!;
  const body = String(mail.body).split("\n");
  const at = body.findIndex((l) => l.startsWith("PORTFOLIO: "));
  return { subject: String(mail.subject), section: body.slice(at + 1, body.indexOf("", at)).map((l) => l.trim()), html: String(mail.htmlBody) };
}


describe("The digest when no team KR is counted as forecast to miss", () => {
  it("in the quarter's final email, every team's cycle over, says how their KRs ended, not that none will miss", () => {
    const [base] = trackers(1);
    // The company and the team share the quarter (2026-01-05 to 2026-04-05); the final summary's run, as of 04-12.
    const { subject, section, html } = mondayEmail(base, { Delivery: delivery() }, "2026-04-13");
    expect(subject).toMatch(/\(final\): .*; teams: 1 KR ended short of its goal$/);
    expect(section).toContain("At this pace: nothing left to forecast, every team's cycle has ended (how each team's key results ended is below).");
    expect(section.find((l) => l.startsWith("Cycle ended, not rolled over yet: Delivery (ended 2026-04-05 at "))).toMatch(/; 1 KR ended short of its goal\)\.$/);
    expect(section.join("\n")).not.toContain("no team's forecast key result ends short of its goal");
    expect(html).toContain("nothing left to forecast, every team&#39;s cycle has ended");
  });

  it("in week 2, before any team has the 3 weeks of check-ins a forecast needs, says none is forecast yet", () => {
    const [base, ops] = trackers(2);
    everyoneChecksIn(ops, "2026-01-08T12:00:00Z", (s, t) => s + 0.05 * (t - s));
    everyoneChecksIn(ops, "2026-01-15T12:00:00Z", (s, t) => s + 0.1 * (t - s));
    const { subject, section } = mondayEmail(base, { Ops: ops }, "2026-01-19");
    expect(subject).toMatch(/, week 2 of 13: .*; teams: none forecast yet$/);
    expect(section).toContain("At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).");
  });

  it("when every team's forecast is out of date, says so, and the silent teams' line names them", () => {
    const [base, ops] = trackers(2);
    for (let w = 0; w < 4; w++) everyoneChecksIn(ops, `${addDays("2026-01-08", 7 * w)}T12:00:00Z`, (s, t) => s + 0.02 * (w + 1) * (t - s));
    const { subject, section } = mondayEmail(base, { Ops: ops }, "2026-02-23"); // as of 02-22: 24 days after its last check-in
    expect(subject).toMatch(/, week 7 of 13: .*; teams: forecasts out of date$/);
    expect(section).toContain("At this pace: no current forecast, every team's forecast is out of date (no check-in for more than 14 days: below).");
    expect(section).toContain("No check-in for more than 14 days: Ops (last 2026-01-29).");
  });
});

describe("The menu's Refresh portfolio answer when no team KR is counted", () => {
  /** The menu's answer at noon UTC on `day`, as lines. */
  function answer(base: Workbook, teams: Record<string, Workbook>, day: string): string[] {
    const company = companyOver(base, teams);
    company.services.clock.set(new Date(`${day}T12:00:00Z`));
    company.services.ui.alerts.length = 0;
    callAddonRaw(company, "menuPortfolio");
    return company.services.ui.alerts[0].prompt.split("\n");
  }

  it("says why, as the digest does (until session 22 nothing, while the Teams table had each team's reason)", () => {
    const [base, ops] = trackers(2);
    everyoneChecksIn(ops, "2026-01-08T12:00:00Z", (s, t) => s + 0.05 * (t - s));
    everyoneChecksIn(ops, "2026-01-15T12:00:00Z", (s, t) => s + 0.1 * (t - s));
    expect(answer(base, { Ops: ops }, "2026-01-19")).toContain("At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).");
    everyoneChecksIn(ops, "2026-01-22T12:00:00Z", (s, t) => s + 0.15 * (t - s));
    everyoneChecksIn(ops, "2026-01-29T12:00:00Z", (s, t) => s + 0.2 * (t - s));
    const stale = answer(base, { Ops: ops }, "2026-02-23");
    expect(stale).toContain("At this pace: no current forecast, every team's forecast is out of date (no check-in for more than 14 days: below).");
    expect(stale.indexOf("No check-in for more than 14 days: Ops (last 2026-01-29).")).toBeGreaterThan(stale.indexOf("At this pace: no current forecast, every team's forecast is out of date (no check-in for more than 14 days: below)."));
    const ended = answer(trackers(1)[0], { Delivery: delivery() }, "2026-04-13");
    expect(ended).toContain("At this pace: nothing left to forecast, every team's cycle has ended (how each team's key results ended is below).");
    expect(ended.some((l) => l.startsWith("Cycle ended, not rolled over yet: Delivery (ended 2026-04-05; 1 KR ended short of its goal)"))).toBe(true);
  });
});

// The leaders' digest names the teams behind with the week of their own cycle, worst first, through the BUILT
// add-on (run `npm run build` first) and its weekly refresh's trigger run: teams on cycles of 6 and 13 weeks
// side by side, where "0.17 vs 0.43 expected" said neither how far into its cycle each was, and the order was
// the Portfolio tab's (docs/portfolio.md "In the leaders' digest").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, setSetting, setStart } from "../support/portfolioCompany";

/** A value `f` of the way from start to target, with the two stay KRs (starts 112 and 93) failing their condition. */
const behind = (f: number) => (s: number, t: number) => (s === 112 ? 125 : s === 93 ? 90 : s + f * (t - s));

describe("The digest's teams behind", () => {
  it("say each team's week of its own cycle, and come worst first (largest gap to expected), whatever the Portfolio tab's order", () => {
    const [base, berlin, sprint] = trackers(3);
    // Berlin: the company's 13-week cycle, a tenth of the way by week 6. Sprint: a 6-week cycle from 2026-01-26,
    // in its week 3 as of 2026-02-15, not moved at all: further behind what its cycle expects.
    for (let w = 0; w < 6; w++) everyoneChecksIn(berlin, new Date(Date.parse("2026-01-08T12:00:00Z") + w * 7 * 86400000).toISOString(), behind(0.1));
    setStart(sprint, "2026-01-26");
    setSetting(sprint, "Length in weeks", "6");
    everyoneChecksIn(sprint, "2026-02-12T12:00:00Z", behind(0));
    const company = companyOver(base, { Berlin: berlin, Sprint: sprint });
    setSetting(company, "Leaders' emails", "head.of.ops@example.com");
    setSetting(company, "Email digest to leaders", "on");
    company.services.clock.set(new Date("2026-02-16T07:00:00Z")); // as of Sunday 2026-02-15
    const out = fireTrigger(company, refreshTriggersOf(company)[0]);
    expect(out.ok, out.message).toBe(true);
    const digest = company.services.mail.sent.find((m) => m.to === "head.of.ops@example.com")!;
    const line = String(digest.body).split("\n").find((l) => l.startsWith("  Off track: "));
    // Before: "Off track: Berlin (0.xx vs 0.xx expected) and Sprint (…)": the tab's order, no week of either's cycle.
    const m = /^ {2}Off track: Sprint \((0\.\d\d) vs (0\.\d\d) expected in week 3 of 6\) and Berlin \((0\.\d\d) vs (0\.\d\d) expected in week 6 of 13\)\.$/.exec(line || "");
    expect(m, `${line}`).not.toBeNull();
    const [sprintScore, sprintExpected, berlinScore, berlinExpected] = m!.slice(1).map(Number);
    expect(sprintExpected - sprintScore).toBeGreaterThan(berlinExpected - berlinScore);
    expect(digest.htmlBody).toContain("expected in week 3 of 6");
  });
});

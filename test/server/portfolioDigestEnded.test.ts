// The teams whose cycle ended, in the company tracker's leaders' digest, through the BUILT add-on (run `npm run
// build` first) and its weekly refresh's trigger run: the quarter's final email is the one that says how each team
// ended. Until session 21 it named them in the Portfolio tab's order with their end day and how many KRs ended below
// their goal, without the score they ended with: teams that ended are in neither the Off track nor the At risk line,
// so the email gave no team's final standing, and the team that ended furthest behind could be named last
// (docs/portfolio.md "In the leaders' digest").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, setSetting, teamsTable } from "../support/portfolioCompany";

const LEADER = "head.of.ops@example.com";

describe("Teams whose cycle ended, in the quarter's final email", () => {
  it("are named worst first, each with the score and status it ended with", () => {
    const [base, ahead, behind] = trackers(3);
    // Both share the company's quarter (2026-01-05 to 2026-04-05); Ahead reaches 95% of the way, Behind 40%.
    for (let w = 0; w < 13; w++) {
      const day = `${addDays("2026-01-08", 7 * w)}T12:00:00Z`;
      everyoneChecksIn(ahead, day, (s, t) => s + 0.95 * ((w + 1) / 13) * (t - s));
      everyoneChecksIn(behind, day, (s, t) => s + 0.4 * ((w + 1) / 13) * (t - s));
    }
    const company = companyOver(base, { Ahead: ahead, Behind: behind });
    setSetting(company, "Leaders' emails", LEADER);
    setSetting(company, "Email digest to leaders", "on");
    company.services.clock.set(new Date("2026-04-13T07:00:00Z")); // the final summary's run, as of 2026-04-12
    const out = fireTrigger(company, refreshTriggersOf(company)[0]);
    expect(out.ok, out.message).toBe(true);
    const mail = company.services.mail.sent.find((m) => m.to === LEADER)!;
    expect(String(mail.subject)).toContain("(final)");
    const line = String(mail.body).split("\n").find((l) => l.startsWith("  Cycle ended, not rolled over yet: "))!;
    const row = Object.fromEntries(teamsTable(company).map((t) => [t.Team, t]));
    expect(row.Behind.Status).toBe("Off track");
    const words = (team: string) => `${team} (ended 2026-04-05 at ${row[team].Score} vs ${row[team].Expected} expected, ${row[team].Status}`;
    // Before: "Ahead (ended 2026-04-05…) and Behind (ended 2026-04-05; …)", the Portfolio tab's order, no score.
    expect(line.indexOf(words("Behind"))).toBe("  Cycle ended, not rolled over yet: ".length);
    expect(line).toContain(` and ${words("Ahead")}`);
    expect(line).toMatch(/Behind \(ended 2026-04-05 at [\d.]+ vs [\d.]+ expected, Off track; \d KRs ended short of their goal\)/);
  });
});

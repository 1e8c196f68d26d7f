// A team that closes its cycle and rolls over before the company's Monday run, through the BUILT add-on (run
// `npm run build` first) and the weekly refresh's trigger run: the roll-up's History and trend keep the team's
// final week, read from the Retrospective its roll over archived, and the Teams table says it rolled over.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, setSetting, teamsTable } from "../support/portfolioCompany";

/** The weekly refresh's run at the instant `at` (a Monday 07:00 in London). */
function weeklyRun(company: Workbook, at: string): any {
  company.services.clock.set(new Date(at));
  const out = fireTrigger(company, refreshTriggersOf(company)[0]);
  expect(out.ok, out.message).toBe(true);
  return out.outcome;
}

/** History's rows of `team`: Week, As of, Score, Status, as shown. */
const historyOf = (company: Workbook, team: string) =>
  ss(company).getSheetByName("Portfolio History")!.getDataRange().getDisplayValues().filter((r) => r[2] === team).map((r) => [r[0], r[1], r[3], r[4]]);

/** The trend's row of `team`, by its week headers (W12, W13). */
function trendOf(company: Workbook, team: string): Record<string, string> {
  const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues();
  const h = values.findIndex((r) => r[0] === "Team" && /^W\d+$/.test(r[1]));
  const row = values.slice(h + 1).find((r) => r[0] === team)!;
  return Object.fromEntries(values[h].map((w, i) => [w, row[i]]));
}

describe("A team that rolls over before the company's Monday run", () => {
  it("has its final week in History and the trend (its archived Retrospective's final score), and its Week says it rolled over", () => {
    const [base, ops, sales] = trackers(3);
    // Both teams check in every Thursday, a little further each week, to their cycle's last week (13 weeks from 2026-01-05).
    for (let w = 0; w < 13; w++) {
      const day = new Date(Date.parse("2026-01-08T12:00:00Z") + w * 7 * 86400000).toISOString();
      everyoneChecksIn(ops, day, (s, t) => s + 0.06 * (w + 1) * (t - s));
      everyoneChecksIn(sales, day, (s, t) => s + 0.05 * (w + 1) * (t - s));
    }
    const company = companyOver(base, { Ops: ops, Sales: sales });
    setSetting(company, "Leaders' emails", "head.of.ops@example.com");
    setSetting(company, "Email digest to leaders", "on");
    weeklyRun(company, "2026-03-30T07:00:00Z"); // week 12, as of 2026-03-29
    // What the roll-up makes of Ops's final week while its tracker still holds it (the menu's refresh as of its last day).
    expect(callAddon(company, "refreshPortfolio", { at: "2026-04-05" }).ok).toBe(true);
    const final = teamsTable(company).find((r) => r.Team === "Ops")!.Score;
    expect(final).toMatch(/^0\.\d\d$/);
    // On Sunday Ops closes its cycle and rolls over to the next, starting Monday: before the company's run.
    ops.services.clock.set(new Date("2026-04-05T15:00:00Z"));
    expect(callAddon(ops, "endCycle", {}).ok).toBe(true);
    expect(callAddon(ops, "rollOverCycle", { start: "2026-04-06" }).ok).toBe(true);
    company.services.counters.reset();
    company.services.mail.sent.length = 0;
    expect(weeklyRun(company, "2026-04-06T07:00:00Z")).toMatchObject({ week: 13, portfolio: { asOf: "2026-04-05", read: 2 } });
    const calls = company.services.counters.snapshot().byMethod;
    // Before: week 13's row had no score ("Not started", its new cycle's), so the trend lost the cycle's last week.
    expect(historyOf(company, "Ops").slice(-2)).toEqual([
      ["12", "2026-03-29", expect.stringMatching(/^0\.\d\d$/), expect.any(String)],
      ["13", "2026-04-05", final, "Rolled over"],
    ]);
    expect(trendOf(company, "Ops").W13).toBe(final);
    const row = teamsTable(company).find((r) => r.Team === "Ops")!;
    expect([row.Week, row.Score, row.Status]).toEqual([`starts 2026-04-06 (rolled over: Order-to-delivery pilot ended at ${final})`, "", "Not started"]);
    // The leader's Monday email says it too (before: "Not started yet: Ops (starts 2026-04-06).").
    const mail = company.services.mail.sent.find((m) => m.to === "head.of.ops@example.com")!;
    expect(String(mail.body).split("\n").map((l) => l.trim())).toContain(`Not started yet: Ops (starts 2026-04-06; rolled over: Order-to-delivery pilot ended at ${final}).`);
    // The team that did not roll over is as before.
    expect(historyOf(company, "Sales").at(-1)!.slice(0, 2)).toEqual(["13", "2026-04-05"]);
    expect(historyOf(company, "Sales").at(-1)![3]).not.toBe("Rolled over");

    // What it costs: Ops's tab list, the names after its new cycle's five tabs up to the archived Retrospective (5 here), and
    // its A1:A2: 8 calls, for the one team not started; the other team's tracker is read as ever.
    expect(calls["Spreadsheet.getSheets"]).toBe(1);
  });
});

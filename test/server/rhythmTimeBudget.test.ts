// The weekly refresh of a company tracker on a slow morning, through the BUILT add-on (run `npm run build`
// first): the summary, the portfolio roll-up and the emails share one execution, which Apps Script stops at
// 6 minutes (the offline spreadsheet too, once a test moves its clock: EXECUTION_LIMIT_MS). The roll-up's
// budget (portfolio.ts BUDGET_MS, 4½ minutes) counts from the execution's start, not the roll-up's.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver } from "../support/portfolioCompany";

/**
 * A slow morning on Google: every service call takes half a second, the summary's first write 3 minutes
 * (Sheets slow to answer), and opening a team tracker after it 20 s more. Returns what stops the pricing.
 */
function slowMorning(company: Workbook): () => void {
  const clock = company.services.clock;
  let summaryWritten = false;
  company.services.counters.listener = (name) => {
    if (name === "SpreadsheetApp.openById" && summaryWritten) clock.advance(20_000);
    if (name === "Range.setValues" && !summaryWritten) {
      summaryWritten = true;
      clock.advance(180_000);
    }
    clock.advance(500);
  };
  return () => void (company.services.counters.listener = null);
}

describe("The weekly refresh's roll-up on a slow morning", () => {
  it("opens no team tracker after 4½ minutes of the run, summary included, and finishes within Google's 6", () => {
    const [base, ...teams] = trackers(6);
    const company = companyOver(base, Object.fromEntries(teams.map((t, i) => [`Team ${i + 1}`, t])));
    company.services.clock.set(new Date("2026-01-19T07:00:00Z"));
    const stop = slowMorning(company);
    let out: any;
    try {
      // Before: the budget counted from the roll-up's start, 4 minutes into the run: every team was read and
      // the run passed 6 minutes before its roll-up was written ("Exceeded maximum execution time").
      out = fireTrigger(company, refreshTriggersOf(company)[0]);
    } finally {
      stop();
    }
    expect(out.ok, out.message).toBe(true);
    const p = out.outcome.portfolio;
    expect(p.listed).toBe(5);
    expect(p.pending).toBeGreaterThan(0);
    expect(p.read + p.pending).toBe(5);
    expect(callAddon(company, "setWeeklyRefresh", {}).status).toContain(
      `failed: the Weekly Summary was refreshed, the portfolio roll-up is partial: ${p.pending} of 5 team trackers were not read before the time limit.`,
    );
  });
});

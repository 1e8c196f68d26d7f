// The alignment section compares teams on different cycles fairly, through the BUILT add-on (run `npm run build`
// first): each aligned objective's expected score (its own cycle's, as its own sheet shows it) beside its score,
// and the company objective's aligned expected beside its aligned score (docs/portfolio.md "Alignment").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { alignUnderCo1, companyOver, everyoneChecksIn, setSetting, setStart } from "../support/portfolioCompany";

const AT = "2026-02-15";


/** A table of the roll-up tab under the header row starting with `first`, keyed by header, to the first blank row. */
function section(company: Workbook, first: string): Record<string, unknown>[] {
  const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
  const h = values.findIndex((r) => r[0] === first);
  const out: Record<string, unknown>[] = [];
  for (const r of values.slice(h + 1)) {
    if (r.every((v) => v === "")) break;
    out.push(Object.fromEntries(values[h].map((k, i) => [String(k), r[i]])));
  }
  return out;
}

/** An objective's Expected as the team's own sheet computes it on `day`. */
function ownExpected(wb: Workbook, id: string, day: string): number {
  wb.services.clock.set(new Date(`${day}T12:00:00Z`));
  const values = ss(wb).getSheetByName("Objectives")!.getDataRange().getValues();
  return values.find((r) => r[0] === id)![values[0].indexOf("Expected")] as number;
}

describe("The alignment of teams on different cycles", () => {
  it("shows each aligned objective's expected score of its own cycle, and the company objective's aligned expected score", () => {
    const [base, long, sprint] = trackers(3);
    // The company's objective O1 becomes CO1 (its KRs with it), so the teams' own O1 can align under it.
    alignUnderCo1(base, [long, sprint]);
    // Long: 13 weeks from 2026-01-05, in its week 6. Sprint: 6 weeks from 2026-01-26, in its week 3.
    setStart(sprint, "2026-01-26");
    setSetting(sprint, "Length in weeks", "6");
    everyoneChecksIn(long, "2026-02-12T12:00:00Z", (s, t) => s + 0.3 * (t - s));
    everyoneChecksIn(sprint, "2026-02-12T12:00:00Z", (s, t) => s + 0.3 * (t - s));
    const company = companyOver(base, { Long: long, Sprint: sprint });
    expect(callAddon(company, "refreshPortfolio", { at: AT }).ok).toBe(true);
    const rows = section(company, "Objective");
    const co1 = rows.find((r) => r.Objective === "CO1")!;
    const aligned = rows.filter((r) => r.Objective === "  ↳ O1");
    expect(aligned.map((r) => r.Team)).toEqual(["Long", "Sprint"]);
    // Before: no Expected column, and an aligned score averaging a week-6-of-13 score with a week-3-of-6 one, with nothing to read it against.
    const [eLong, eSprint] = aligned.map((r) => r.Expected as number);
    expect(eLong).toBeCloseTo(ownExpected(long, "O1", AT), 12);
    expect(eSprint).toBeCloseTo(ownExpected(sprint, "O1", AT), 12);
    expect(eSprint).toBeGreaterThan(eLong);
    expect(co1["Aligned expected"] as number).toBeCloseTo((eLong + eSprint) / 2, 12);
    expect(co1["Aligned score"] as number).toBeCloseTo(((aligned[0].Score as number) + (aligned[1].Score as number)) / 2, 12);
    expect(co1["Aligned objectives"]).toBe(2);
    expect(typeof co1.Expected).toBe("number");
  });
});

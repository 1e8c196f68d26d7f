// The roll-up's blockers of a team (core/portfolioBlockers.ts) are the ones its own Weekly Summary lists
// (summaryLeaders.ts blockersThisPeriod), in the same order, for any log: a leader reads the same blockers in
// both. Property-tested over random KRs (scores, expected scores) and check-ins (days, texts, corrections).
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { teamBlockers } from "../../src/core/portfolioBlockers";
import { blockersThisPeriod } from "../../src/core/summaryLeaders";
import { withoutReplaced } from "../../src/core/corrections";
import { addDays } from "../../src/core/dates";
import type { KrEvaluation } from "../../src/core/evaluate";
import type { CheckinEntry, KeyResult } from "../../src/core/model";
import type { SummaryKr } from "../../src/core/summaryTypes";

const AS_OF = "2026-02-16";
const PERIOD_START = "2026-02-10";

describe("A team's blockers in the roll-up", () => {
  it("are its own summary's blockers this period, in its order", () => {
    const kr = fc.record({ score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), expected: fc.integer({ min: 0, max: 100 }) });
    const checkin = fc.record({
      kr: fc.nat(5),
      day: fc.integer({ min: -12, max: 0 }),
      blockers: fc.constantFrom("", "", "Waiting for IT", "waiting for it", "Budget", "  "),
      corrects: fc.option(fc.nat(15), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(kr, { minLength: 1, maxLength: 6 }), fc.array(checkin, { maxLength: 16 }), (krs, log) => {
        const ids = krs.map((_, i) => `O1.KR${i + 1}`);
        const ev = krs.map((k, i) => ({ id: ids[i], score: k.score === null ? null : k.score / 100, expected: k.expected / 100, status: "At risk" }) as unknown as KrEvaluation);
        const keyResults = ids.map((id) => ({ id, title: `Title of ${id}`, owner: "o@example.com" }) as KeyResult);
        const entries: CheckinEntry[] = log.map((c, i) => ({
          row: i + 2, timestamp: "", date: addDays(AS_OF, c.day), week: 0, krId: `O1.KR${c.kr + 1}`, value: 1, confidence: 5,
          whatChanged: c.corrects !== null ? `Correction of check-in r${c.corrects} (2026-02-01, value 1). typo` : "",
          blockers: c.blockers, nextStep: "", author: "", requestId: `r${i}`,
        }));
        const summaryKrs = ev.map((e, i) => ({ id: e.id, title: keyResults[i].title, owner: keyResults[i].owner, status: e.status, gap: e.score === null ? null : e.score - e.expected }) as unknown as SummaryKr);
        const own = blockersThisPeriod(summaryKrs, withoutReplaced(entries), PERIOD_START, AS_OF).map((b) => [b.id, b.date, b.blockers.trim()]);
        const rolled = teamBlockers(keyResults, ev, entries, PERIOD_START);
        expect(rolled.named.map((b) => [b.id, b.date, b.blockers])).toEqual(own);
        expect(rolled.total).toBe(own.length);
        expect(rolled.krs).toBe(new Set(own.map((b) => b[0])).size);
      }),
      { numRuns: 300 },
    );
  });
});

// The blockers a team's check-ins reported this check-in period, for the roll-up (docs/portfolio.md "Blockers
// this week"): a leader of many teams asks each Monday which teams are blocked and on what. They live only in
// each team's Check-ins log (its Weekly Summary lists them from there), which the roll-up did not read until
// session 19; the server now reads the log's last rows (portfolioRead.ts readBlockerRows), and this picks them.
//
// Rules, decided here (as the team's own summary's blockersThisPeriod, summaryLeaders.ts, so a leader reads the
// same blockers in the roll-up as in that team's summary):
// - Every check-in dated in the team's own period (7 days to the roll-up's day, 14 fortnightly: periodStartOf) or
//   after it (a team east of the company checks in on Monday before the weekly run, as the check-in rate counts
//   it), whose Blockers cell is not blank, of a KR the tracker has, without the rows a later correction replaced.
// - KRs worst first (most behind their expected score, as the team's summary orders them), a KR's newest check-in
//   first; the same text twice for a KR is listed once (the newest).
// - Only while something is due (cycle running, KRs): a team whose cycle ended, or has not started, has none.
import type { KrEvaluation } from "./evaluate";
import { withoutReplaced } from "./corrections";
import type { CheckinEntry, KeyResult } from "./model";
import { blockersByKr, distinctBlockers, worstFirst } from "./summaryLeaders";
import type { SummaryBlocker } from "./summaryTypes";

/** Blockers kept per team (what the roll-up can show, and what a partial run caches); the rest counted. */
export const BLOCKERS_KEPT = 25;

/** A blocker's and a next step's text as kept (the team's own summary shows them whole). */
export const BLOCKER_CHARS = 300;
const cut = (t: string) => (t.length > BLOCKER_CHARS ? `${t.slice(0, BLOCKER_CHARS - 1)}…` : t);

/** A blocker as the team's own summary lists it (summaryTypes.ts SummaryBlocker). */
export type TeamBlocker = SummaryBlocker;

export interface TeamBlockers {
  /** KRs with at least one blocker reported this period. */
  krs: number;
  /** Blockers reported (one per KR and distinct text). */
  total: number;
  /** The first BLOCKERS_KEPT, KRs worst first. */
  named: TeamBlocker[];
}

/** The blockers of `checkins` (the log's last rows, as read) dated `periodStart` or later, KRs worst first. */
export function teamBlockers(keyResults: KeyResult[], ev: KrEvaluation[], checkins: CheckinEntry[], periodStart: string): TeamBlockers {
  const byKr = blockersByKr(withoutReplaced(checkins), (c) => c.date >= periodStart);
  const krs = new Map(keyResults.map((k) => [k.id, k]));
  const ordered = worstFirst(ev.map((e) => ({ e, gap: e.score === null ? null : e.score - e.expected })));
  const named: TeamBlocker[] = [];
  let total = 0;
  let blocked = 0;
  for (const { e } of ordered) {
    const list = byKr.get(e.id);
    const kr = krs.get(e.id);
    if (!list || !kr) continue;
    blocked++;
    for (const c of distinctBlockers(list)) {
      total++;
      // Each text cut at BLOCKER_CHARS: a cached partial run's 25 stay far below a cache value's 100 KB.
      if (named.length < BLOCKERS_KEPT) named.push({ id: e.id, title: kr.title, owner: kr.owner, status: e.status, date: c.date, blockers: cut(String(c.blockers).trim()), nextStep: cut(String(c.nextStep ?? "").trim()) });
    }
  }
  return { krs: blocked, total, named };
}

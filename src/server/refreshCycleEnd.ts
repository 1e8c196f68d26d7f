// The weekly refresh around the cycle's end (session 20; docs/summary.md "The weekly refresh's D").
//
// Check-ins stay open for the 7 days after the cycle's last day, for the last week's figures (core/dates.ts
// LATE_CHECKIN_DAYS; docs/checkins.md "The week after the cycle"). Until session 20 the refresh's run as of a
// day a week or more after the last day did nothing, so those late figures reached no refresh: only
// "Generate weekly summary" or the close showed them. Decided (what a team expects of its Monday refresh):
// - a run as of a day in that week (a Check-in weekday other than the start's weekday) reports as of its day,
//   in the past tense, and reminds the owners still missing the last week's figure, saying until when it is
//   taken;
// - the first run as of the day check-ins close or later (the Monday after that week, for a Monday refresh)
//   writes the final summary, as of that day (whatever its own day, so that every weekday gives the same
//   final figures), and mails it to the leaders; it reminds no one, as nobody can check in any more;
// - the runs after it do nothing until a roll over gives the next cycle's start, as before, and the status
//   says so beforehand.
import { addDays, cycleLastDay, isValidIsoDate, lateCheckinsUntil } from "../core/dates";
import type { LastRun } from "./weeklyState";

export interface CycleEnd {
  /** The cycle's last day. */
  last: string;
  /** The last day check-ins are taken (a week after `last`): the final summary's day. */
  until: string;
}

export function endOfCycle(start: string, weeks: number): CycleEnd | null {
  if (!isValidIsoDate(start) || !(weeks > 0)) return null;
  const last = cycleLastDay(start, weeks);
  return { last, until: lateCheckinsUntil(start, weeks) };
}

/** What a run as of `asOf` (refreshRun.ts refreshDay) does: `skipped` why nothing, or the summary's day and whom it mails. */
export type RefreshPlan = { skipped: string } | { day: string; final: boolean; remind: boolean };

export function planRefresh(start: string, weeks: number, asOf: string): RefreshPlan {
  // Before the start no week of the cycle has ended.
  if (isValidIsoDate(start) && asOf < start) return { skipped: `the cycle starts on ${start}, so no week of it has ended yet` };
  const end = endOfCycle(start, weeks);
  if (!end || asOf < end.until) return { day: asOf, final: false, remind: true };
  // Weekly runs: exactly one has its day in the 7 days from the close of check-ins. Later ones, until a roll
  // over gives a new start, would report the same final summary again, week after week (until session 13,
  // "week M" with every KR missing and every owner reminded).
  if (asOf < addDays(end.until, 7)) return { day: end.until, final: true, remind: false };
  return { skipped: `the cycle ended on ${end.last} and its last week was reported; roll over to start the next cycle` };
}

/**
 * The status's line on what the refresh does about the cycle's end, from the day a run would report as of
 * today (`asOf`) and the last run recorded: "" while the cycle runs.
 */
export function cycleEndLine(start: string, weeks: number, asOf: string, last: LastRun | null): string {
  const end = endOfCycle(start, weeks);
  if (!end || asOf < end.last || (isValidIsoDate(start) && asOf < start)) return "";
  const { last: ended, until } = end;
  const written = !!last && last.ok && !last.running && last.asOf === until;
  if (written || asOf >= addDays(until, 7)) {
    const what = written ? `its final summary, as of ${until}, was written` : `its check-ins closed on ${until}`;
    return ` The cycle ended on ${ended} and ${what}: the refresh does nothing more until "Roll over to the next cycle" starts the next one.`;
  }
  if (asOf >= until) return ` The cycle ended on ${ended} and its check-ins closed on ${until}: the refresh's next run writes the final summary, as of ${until}.`;
  return ` The cycle ended on ${ended}; check-ins stay open until ${until} for its last week's figures, and the refresh's first run after that writes the final summary, as of ${until}.`;
}

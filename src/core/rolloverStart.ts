// The earliest day a roll over may start the next cycle on (core/rollover.ts planRollover asks it).
import { addDays, cycleEnd, cycleLastDay, dayNumber, isValidIsoDate } from "./dates";
import type { Settings } from "./model";

/**
 * Why the next cycle cannot start on `newStart`, or null. Cycles follow each other: a start inside the finished
 * cycle (2026-03-30 typed for a cycle ending 2026-04-05) would make the two overlap, their archives and
 * History weeks telling different stories of the same days. A cycle closed early (its Retrospective frozen
 * before its last day) is over on the day it was closed, so the next may start the day after.
 */
export function startTooEarly(newStart: string, old: Settings, closedOn: string | null | undefined): string | null {
  if (!isValidIsoDate(old.startDate)) return null;
  const weeks = Number.isInteger(old.weeks) && old.weeks >= 1 ? old.weeks : null;
  const last = weeks === null ? old.startDate : cycleLastDay(old.startDate, weeks);
  const early = isValidIsoDate(closedOn) && dayNumber(closedOn) >= dayNumber(old.startDate) && dayNumber(closedOn) < dayNumber(last);
  const earliest = early ? addDays(closedOn as string, 1) : weeks === null ? addDays(old.startDate, 1) : cycleEnd(old.startDate, weeks);
  if (dayNumber(newStart) >= dayNumber(earliest)) return null;
  // The next start typed into Settings by hand first ("set up next quarter"), or a Retrospective frozen before
  // the start Settings give: the dates above are then a cycle that never ran, and Settings are what to fix.
  if (newStart === old.startDate || (isValidIsoDate(closedOn) && closedOn < old.startDate)) {
    return `Settings give ${old.startDate} as this cycle's start: type back the day it started (roll over writes the new one), then roll over again.`;
  }
  const why = early
    ? `it was closed early, with final scores as of ${closedOn}`
    : `it ran ${old.startDate} to ${last}`;
  return `The new cycle must start after the finished one: on ${earliest} or later (${why}), not ${newStart}.`;
}

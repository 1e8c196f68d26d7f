// A KR's own start of pace: the Key Results `Counts from` cell (docs/scoring.md#a-kr-added-mid-cycle). A KR
// added in week 7 is expected to move from the day it was added, not from the cycle's start, so it is not
// Off track the moment it exists. Blank = the cycle's start: today's rule, bit for bit.
//
// The same operations, in the same order, as the sheet formulas (formulas.ts paceStart and krElapsedFormula),
// so the TypeScript result and the sheet's are the same double:
//   F = IF(ISNUMBER(D), MAX(CycleStart, MIN(INT(D), CycleStart + 7·CycleWeeks − 1)), CycleStart)
//   elapsed = MIN(1, MAX(0, (TODAY() − F) / (7·CycleWeeks − (F − CycleStart))))
// With F = CycleStart that is (TODAY() − CycleStart) / (7·CycleWeeks − 0), the cycle's own elapsed exactly.
// Serials and day numbers differ by a constant, so every difference here is the same exact integer in both.
// (INT of a negative number rounds down in Google and towards zero in HyperFormula; either way it is far
// below any cycle's start, so MAX makes them agree.)
import { dayNumber, SERIAL_OFFSET } from "./dates";

/**
 * The `Counts from` cell as the formulas see it: a number is a date serial (a date cell, its time of day
 * dropped), a string is text (not a date: a setup error unless empty), null or undefined is blank.
 */
export type CountsFrom = number | string | null | undefined;

function blank(cf: CountsFrom): boolean {
  return cf === null || cf === undefined || cf === "";
}

/** The cycle's start as a serial (the named range CycleStart holds it). */
function startSerial(start: string): number {
  return dayNumber(start) + SERIAL_OFFSET;
}

/**
 * Whether the cell is a setup error: text, or a date after the cycle's last day (no day of the cycle is left
 * to count). A date on or before the cycle's start is not: the KR counts from the start, as blank does.
 * Sheet: IF(ISNUMBER(D), INT(D) >= CycleStart + 7·CycleWeeks, LEN(D) > 0).
 */
export function countsFromBad(cf: CountsFrom, start: string, weeks: number): boolean {
  if (blank(cf)) return false;
  if (typeof cf !== "number" || !isFinite(cf)) return true;
  return Math.floor(cf) >= startSerial(start) + 7 * weeks;
}

/** The serial of the day the KR's pace counts from (F above): the cycle's start when blank, text or earlier. */
export function paceStartSerial(cf: CountsFrom, start: string, weeks: number): number {
  const s = startSerial(start);
  if (typeof cf !== "number" || !isFinite(cf)) return s;
  return Math.max(s, Math.min(Math.floor(cf), s + 7 * weeks - 1));
}

/**
 * The KR's share of its own time elapsed on `asOf`: from its `Counts from` day (or the cycle's start) to the
 * cycle's end. Equal to dates.elapsed, bit for bit, when the cell is blank or on/before the cycle's start.
 */
export function krElapsed(asOf: string, start: string, weeks: number, cf: CountsFrom): number {
  const s = startSerial(start);
  const f = paceStartSerial(cf, start, weeks);
  const today = dayNumber(asOf) + SERIAL_OFFSET;
  return Math.min(1, Math.max(0, (today - f) / (7 * weeks - (f - s))));
}

// Calendar-day arithmetic on "YYYY-MM-DD" strings. Pure integer maths (no Date, no time zones), so the
// same code gives the same answer in Apps Script, Node and the browser.
//
// Day numbers count days since 1970-01-01 (day 0). A spreadsheet date serial is dayNumber + 25569.
import { WEEKDAYS } from "./tabs";

/** Days between the spreadsheet epoch (1899-12-30) and 1970-01-01: serial = dayNumber + SERIAL_OFFSET. */
export const SERIAL_OFFSET = 25569;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True for a real calendar date written exactly as YYYY-MM-DD (years 0001–9999). */
export function isValidIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const DOTTED_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const YEAR_FIRST_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASH_YEAR_LAST_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as people type it or a spreadsheet program saves it, as YYYY-MM-DD, in the forms that cannot be
 * read two ways: 2026-01-13; 13.01.2026 (day first, as every locale that writes dots has it: de_DE, ru_RU…);
 * 2026/01/13 (year first, as ja_JP writes it). null for any other form and for a day not on the calendar.
 * 01/02/2026 is null: January 2 in the US, February 1 in France (slashReadings gives both).
 */
export function unambiguousDate(text: string): string | null {
  if (isValidIsoDate(text)) return text;
  const two = (n: string) => n.padStart(2, "0");
  const dotted = DOTTED_RE.exec(text);
  const yearFirst = YEAR_FIRST_RE.exec(text);
  const iso = dotted ? `${dotted[3]}-${two(dotted[2])}-${two(dotted[1])}` : yearFirst ? `${yearFirst[1]}-${two(yearFirst[2])}-${two(yearFirst[3])}` : "";
  return isValidIsoDate(iso) ? iso : null;
}

/** The forms unambiguousDate reads, for a prompt or a refusal to name. */
export const DATE_FORMS = "YYYY-MM-DD, DD.MM.YYYY or YYYY/MM/DD";

/** Why unambiguousDate refuses d/m/yyyy and m/d/yyyy, for a refusal to say. */
export const SLASH_DOUBT = "with slashes, day and month could be either way round";

/** A date written with slashes year last (01/02/2026): the real days it can be, month first then day first, each once; [] for other text. */
export function slashReadings(text: string): string[] {
  const m = SLASH_YEAR_LAST_RE.exec(text);
  if (!m) return [];
  const two = (n: string) => n.padStart(2, "0");
  const days = [`${m[3]}-${two(m[1])}-${two(m[2])}`, `${m[3]}-${two(m[2])}-${two(m[1])}`].filter(isValidIsoDate);
  return days.filter((d, i) => days.indexOf(d) === i);
}

/**
 * Why unambiguousDate refuses `text`, as the clause after a caller's own lead-in and a colon (the roll-over
 * prompt's, --at's, a check-in CSV's `at`), so the same text gets the same reason everywhere. Slashes year
 * last name the real days they can be; a form it reads but a day not on the calendar (2026-02-30,
 * 13/13/2026 either way round) says so rather than listing forms the text already has.
 */
export function dateRefusal(text: string): string {
  const readings = slashReadings(text);
  if (readings.length) return `${SLASH_DOUBT}. Type ${readings.join(" or ")}`;
  const calendarShape = [ISO_RE, DOTTED_RE, YEAR_FIRST_RE, SLASH_YEAR_LAST_RE].some((re) => re.test(text));
  if (calendarShape) return SLASH_YEAR_LAST_RE.test(text) ? "there is no such day on the calendar, day first or month first" : "there is no such day on the calendar";
  return `type it as ${DATE_FORMS} (for example 2026-04-06)`;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. Throws on an invalid date. */
export function dayNumber(iso: string): number {
  if (!isValidIsoDate(iso)) throw new Error(`Not a date (YYYY-MM-DD): ${String(iso)}`);
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = "0" + s;
  return s;
}

/** The YYYY-MM-DD date of a day number (inverse of dayNumber). Throws outside years 0001–9999. */
export function isoFromDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`Not a whole day number: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1 || y > 9999) throw new Error(`Day number out of range: ${n}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Spreadsheet serial number (days since 1899-12-30) of a YYYY-MM-DD date. */
export function serialFromIso(iso: string): number {
  return dayNumber(iso) + SERIAL_OFFSET;
}

/** YYYY-MM-DD of a whole spreadsheet serial number (any time-of-day fraction is dropped). */
export function isoFromSerial(serial: number): string {
  return isoFromDayNumber(Math.floor(serial) - SERIAL_OFFSET);
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/**
 * The cycle's end = start + 7 × weeks. It is EXCLUSIVE: the first day after the cycle (a 13-week cycle
 * starting Monday 2026-01-05 runs to Sunday 2026-04-05; cycleEnd is Monday 2026-04-06). On and after that
 * day elapsed is 1.
 */
export function cycleEnd(start: string, weeks: number): string {
  return addDays(start, 7 * weeks);
}

/** The cycle's last day (inclusive): the day before cycleEnd (Sunday 2026-04-05 in the example above). */
export function cycleLastDay(start: string, weeks: number): string {
  return addDays(cycleEnd(start, weeks), -1);
}

/**
 * Fraction of the cycle elapsed on `asOf`: clamp((d − start) / (7 × weeks)), with exactly the operations
 * and order of the sheet formula MIN(1, MAX(0, (TODAY() − CycleStart) / (7 * CycleWeeks))), so the
 * floating-point result is bit-identical (the difference of serials equals the difference of day numbers,
 * an exact integer).
 */
export function elapsed(asOf: string, start: string, weeks: number): number {
  return elapsedFromDays(dayNumber(asOf) - dayNumber(start), weeks);
}

/** elapsed() from a day difference (d − start). */
export function elapsedFromDays(daysSinceStart: number, weeks: number): number {
  return Math.min(1, Math.max(0, daysSinceStart / (7 * weeks)));
}

/** Week N of the cycle: floor((d − start) / 7) + 1. Day 0–6 is week 1; dates before the start give 0 or less. */
export function weekNumber(date: string, start: string): number {
  return Math.floor((dayNumber(date) - dayNumber(start)) / 7) + 1;
}

/** start ≤ date < cycleEnd(start, weeks): the end day itself (the first day after the cycle) is NOT in it. */
export function inCycle(date: string, start: string, weeks: number): boolean {
  const d = dayNumber(date);
  const s = dayNumber(start);
  return d >= s && d < s + 7 * weeks;
}

/**
 * Days after the cycle's last day during which check-ins are still taken: a week's figures (a rework rate,
 * a cycle time) are known after the week ends, so the last week's come in the next Monday, after the
 * cycle. Until the roll over, which starts the next cycle (docs/lifecycle.md).
 */
export const LATE_CHECKIN_DAYS = 7;

/** The last day a check-in is taken: a week after the cycle's last day (2026-04-12 for a cycle ending 2026-04-05). */
export function lateCheckinsUntil(start: string, weeks: number): string {
  return addDays(cycleLastDay(start, weeks), LATE_CHECKIN_DAYS);
}

/** Check-ins are taken from the cycle's start to a week after its last day (lateCheckinsUntil). */
export function checkinsOpen(date: string, start: string, weeks: number): boolean {
  const d = dayNumber(date);
  const s = dayNumber(start);
  return d >= s && d < s + 7 * weeks + LATE_CHECKIN_DAYS;
}

/** "Monday" … "Sunday". 1970-01-01 (day 0) was a Thursday. */
export function weekdayName(iso: string): (typeof WEEKDAYS)[number] {
  const n = dayNumber(iso);
  return WEEKDAYS[(((n + 3) % 7) + 7) % 7];
}

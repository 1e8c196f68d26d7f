// Time zones and date formatting without a date library: Intl for the zone offsets, hand-written pattern
// formatters for Java SimpleDateFormat (Utilities.formatDate) and Sheets number-format date patterns.
import { EPOCH_OFFSET_DAYS, msFromSerial, serialFromMs } from "../engine";

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = formatterFor("UTC");
    }
    offsetFormatters.set(tz, f);
  }
  return f;
}

/**
 * Java's custom time zone IDs, which Utilities.formatDate takes (its reference's own example formats in
 * "GMT"; public scripts pass "GMT+1", "GMT-05:00"): "GMT" Sign Hours [[:] Minutes], hours 0-23. Intl knows
 * none of them, so they counted as UTC: "GMT+1" formatted an hour early.
 */
const CUSTOM_ZONE = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;
function customOffset(tz: string): number | null {
  const m = CUSTOM_ZONE.exec(tz);
  if (!m) return null;
  const h = Number(m[2]), mi = Number(m[3] ?? 0);
  if (h > 23 || mi > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (h * 60 + mi);
}

/** Minutes east of UTC of `tz` at the instant `ms`. Unknown zones count as UTC (Java's TimeZone gives GMT for an ID it does not know). */
export function tzOffsetMinutes(ms: number, tz: string): number {
  if (!tz || tz === "Etc/UTC" || tz === "UTC" || tz === "GMT" || tz === "Etc/GMT") return 0;
  const custom = customOffset(tz);
  if (custom !== null) return custom;
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  const wholeSecondMs = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc - wholeSecondMs) / 60_000);
}

/** Spreadsheet serial (wall time in tz) of an instant. */
export function serialFromDate(ms: number, tz: string): number {
  return serialFromMs(ms, tzOffsetMinutes(ms, tz));
}

/** The instant a serial (wall time in tz) stands for. */
export function msFromSerialTz(serial: number, tz: string): number {
  const guess = msFromSerial(serial, 0);
  const off1 = tzOffsetMinutes(guess, tz);
  const ms1 = msFromSerial(serial, off1);
  const off2 = tzOffsetMinutes(ms1, tz);
  return off2 === off1 ? ms1 : msFromSerial(serial, off2);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, "0");

function offsetString(min: number, style: "Z" | "X" | "XX" | "XXX"): string {
  if (min === 0 && style !== "Z") return "Z";
  const sign = min < 0 ? "-" : "+";
  const h = pad(Math.floor(Math.abs(min) / 60), 2);
  const m = pad(Math.abs(min) % 60, 2);
  if (style === "X") return `${sign}${h}`;
  if (style === "XXX") return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

function zoneAbbrev(ms: number, tz: string, long: boolean): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: long ? "long" : "short" }).formatToParts(new Date(ms));
    return parts.find((p) => p.type === "timeZoneName")?.value ?? tz;
  } catch {
    return "GMT";
  }
}

/**
 * Java's week of year and week year (SimpleDateFormat "w", "Y") under Locale.US's calendar, which the
 * emulator takes Apps Script's Utilities.formatDate to use: weeks start on Sunday and week 1 is the one
 * holding 1 January (minimal days in the first week: 1). Under ISO's rules (Monday, four days) the weeks
 * differ, but both put some late-December days in the next week year ("to check" 35).
 */
export function weekOfYear(y: number, m: number, d: number): { year: number; week: number } {
  const day = Date.UTC(y, m, d);
  const weekStart = (t: number) => t - new Date(t).getUTCDay() * 86_400_000;
  const next = weekStart(Date.UTC(y + 1, 0, 1));
  if (day >= next) return { year: y + 1, week: 1 };
  return { year: y, week: Math.floor((day - weekStart(Date.UTC(y, 0, 1))) / (7 * 86_400_000)) + 1 };
}

/** Utilities.formatDate: Java SimpleDateFormat patterns, English names. */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const off = tzOffsetMinutes(ms, tz);
  const d = new Date(ms + off * 60_000);
  const Y = d.getUTCFullYear(), M = d.getUTCMonth(), D = d.getUTCDate(), H = d.getUTCHours();
  const mi = d.getUTCMinutes(), s = d.getUTCSeconds(), S = d.getUTCMilliseconds(), wd = d.getUTCDay();
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case "y":
      case "Y": {
        // "Y" is Java's week year, not the year: the last days of December may belong to next year's week 1
        // ("YYYY-MM-dd" gives 2027-12-28 for 28 December 2026), the classic slip for "yyyy".
        const year = ch === "Y" ? weekOfYear(Y, M, D).year : Y;
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      }
      case "M":
      case "L":
        out += n >= 4 ? MONTHS[M] : n === 3 ? MONTHS[M].slice(0, 3) : pad(M + 1, n);
        break;
      case "d":
        out += pad(D, n);
        break;
      case "D": {
        const doy = Math.floor((Date.UTC(Y, M, D) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
        out += pad(doy, n);
        break;
      }
      case "E":
        out += n >= 4 ? DAYS[wd] : DAYS[wd].slice(0, 3);
        break;
      case "u":
        out += pad(wd === 0 ? 7 : wd, n);
        break;
      case "H":
        out += pad(H, n);
        break;
      case "k":
        out += pad(H === 0 ? 24 : H, n);
        break;
      case "K":
        out += pad(H % 12, n);
        break;
      case "h":
        out += pad(H % 12 === 0 ? 12 : H % 12, n);
        break;
      case "m":
        out += pad(mi, n);
        break;
      case "s":
        out += pad(s, n);
        break;
      case "S":
        out += pad(S, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case "a":
        out += H < 12 ? "AM" : "PM";
        break;
      case "Z":
        out += offsetString(off, "Z");
        break;
      case "X":
        out += offsetString(off, n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      case "z":
        out += zoneAbbrev(ms, tz, n >= 4);
        break;
      case "w":
        out += pad(weekOfYear(Y, M, D).week, n);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Calendar fields of a serial number (wall time; no zone needed). */
export function serialFields(serial: number) {
  const ms = Math.round((serial - EPOCH_OFFSET_DAYS) * 86_400_000);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

export function serialFromFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo, d, h, mi, s) / 86_400_000 + EPOCH_OFFSET_DAYS;
}

export { MONTHS, DAYS };

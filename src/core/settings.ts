// Reading and validating the Settings tab (labels and defaults in tabs.ts SETTINGS_ROWS).
//
// Input: values keyed by the Settings label (column A), as read from the sheet: numbers, strings,
// booleans, Date objects. (A value keyed by the setting's key, e.g. "startDate", is accepted too.)
// - Blank (null, undefined, "" or spaces) → the default of SETTINGS_ROWS; the start date has none and
//   must be filled in, and the four numbers the sheet's formulas use (FORMULA_NUMBERS) are refused blank.
// - Start date: a "YYYY-MM-DD" string (what the server passes, a date cell converted in the spreadsheet's
//   time zone) or a spreadsheet serial number (a time of day is dropped). A Date object is refused with an
//   Error: read here it would be read in the script's zone (dateCellToIso).
// - Numbers may also be text, parsed by numbers.parseUserNumber, except those of FORMULA_NUMBERS, refused as
//   text ("0,1"), but for a whole-number Length in weeks ("13").
// - Cadence weekly/fortnightly and weekday names are case-insensitive; a weekday may be abbreviated to
//   three letters ("mon"). Flags accept on/off, yes/no, true/false (any case) and booleans.
// - Email lists are separated by commas, semicolons or white space (an address with its display name is one
//   entry: its address is kept); lower-cased; duplicates dropped; an entry that is not an address is an error.
import type { Cadence, Settings } from "./model";
import { SETTINGS_ROWS, WEEKDAYS, type SettingKey } from "./tabs";
import { isValidIsoDate, isoFromSerial } from "./dates";
import { decimalSeparatorFor, decimalText, parseUserNumber } from "./numbers";

export type ParsedSettings = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/**
 * A simple, strict email check: one @, no spaces, angle brackets, parentheses, quotes or colons, a domain of
 * two or more dot-separated parts, none empty. Leaders' entries and owners' addresses both go to MailApp,
 * which refuses an entry it cannot take as an address ("Invalid email: …") and sends nothing: one check for
 * both, so Settings names such an entry rather than the weekly send failing on it (it looked only at @,
 * spaces, commas and semicolons). An empty part is refused since session 14: `anna@example.com.` (a
 * sentence's full stop typed after it), which the offline MailApp refuses and Google may or may not take
 * (docs/apps-script-fidelity.md, "to check" 38), so it is named here either way.
 */
export function isValidEmail(s: string): boolean {
  const m = /^[^\s@<>()",;:]+@([^\s@<>()",;:]+)$/.exec(s);
  if (!m || s.length > 254) return false;
  const parts = m[1].split(".");
  return parts.length >= 2 && parts.every((p) => p !== "");
}

/**
 * The entries of a typed list of addresses, as a person reads it: separated by commas, semicolons or white
 * space, but an address with its display name, quoted or not, is one entry (`"Lee, Anna" <anna@example.com>`,
 * `Anna Lee <anna@example.com>`, as a list copied from a mail program has them), and so are the words of a
 * name typed without an address (`Anna Lee`). Until session 14 every comma and space split one: a quoted name
 * with a comma became three entries, each named in the error. An address followed by its name in parentheses
 * (`anna@example.com (Anna Lee)`, the older form some mail programs still copy) is one entry too (session 18).
 */
export function emailEntries(text: string): string[] {
  const chunks: string[] = [];
  let cur = "";
  let quoted = false;
  let angle = false;
  let paren = 0;
  for (const ch of text) {
    if (ch === '"' && !angle && !paren) quoted = !quoted;
    else if (ch === "<" && !quoted && !paren) angle = true;
    else if (ch === ">" && !quoted && !paren) angle = false;
    else if (ch === "(" && !quoted && !angle) paren++;
    else if (ch === ")" && !quoted && !angle && paren) paren--;
    const splits = !quoted && !angle && !paren && (ch === "," || ch === ";" || /\s/.test(ch));
    if (splits) {
      if (cur) chunks.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) chunks.push(cur);
  // A word without "@" (a name's, quoted or not) joins the words after it up to an <address>; an address
  // (a word with "@", or one in <>) ends an entry.
  // A (comment) right after a bare address is that address's name.
  const out: string[] = [];
  let name: string[] = [];
  let bare = false;
  for (const w of chunks) {
    if (bare && /^\([^()]*\)$/.test(w)) {
      out[out.length - 1] += " " + w;
      bare = false;
    } else if (/<[^<>]*>$/.test(w)) {
      out.push(name.concat(w).join(" "));
      name = [];
      bare = false;
    } else if (w.indexOf("@") >= 0 && w[0] !== '"' && w[0] !== "(") {
      if (name.length) out.push(name.join(" "));
      out.push(w);
      name = [];
      bare = true;
    } else {
      name.push(w);
      bare = false;
    }
  }
  if (name.length) out.push(name.join(" "));
  return out;
}

/**
 * The address of an entry (emailEntries'), bare, after a display name (`Name <address>`) or before one in
 * parentheses (`address (Name)`), else null.
 */
export function entryAddress(entry: string): string | null {
  const commented = /^([^\s()<>"]+)\s*\([^()]*\)$/.exec(entry);
  if (commented) return isValidEmail(commented[1]) ? commented[1] : null;
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(entry);
  if (!named) return isValidEmail(entry) ? entry : null;
  // A name quoted whole, or without quotes and brackets: anything else (an unclosed quote) is a typo to name.
  const name = named[1];
  const nameOk = name === "" || /^"[^"]*"$/.test(name) || !/["<>]/.test(name);
  return nameOk && isValidEmail(named[2].trim()) ? named[2].trim() : null;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function show(v: unknown): string {
  if (isDate(v)) return isNaN(v.getTime()) ? "an invalid date" : `"${v.toString()}"`;
  return `"${String(v)}"`;
}

/**
 * The Start date cell as YYYY-MM-DD, or null if it is not a date. A Date is the caller's mistake, thrown:
 * its day depends on a time zone, and only the server knows the spreadsheet's (read.ts converts every date
 * cell in it before calling parseSettings). Read here, in the script's zone, 00:00 on 6 July in a Berlin
 * sheet would be 5 July in an Etc/UTC script.
 */
function dateCellToIso(v: unknown): string | null {
  if (isDate(v)) throw new Error("parseSettings takes dates as YYYY-MM-DD, converted in the spreadsheet's time zone (server/read.ts does), not as Date objects.");
  if (typeof v === "string") {
    const s = v.trim();
    return isValidIsoDate(s) ? s : null;
  }
  if (typeof v === "number" && isFinite(v) && v >= 1 && v < 2958466) return isoFromSerial(v);
  return null;
}

/**
 * The numbers the sheet's formulas compute with (through their named ranges, docs/workbook.md#settings). The
 * formulas cannot default a blank (they read it as 0) nor read text such as "0,1" (a comparison with text is
 * always true; a product with it is an error), so where those are accepted here the Status column and the
 * summary disagreed: they are refused instead, naming what to type. Length in weeks as whole-number text
 * ("13", from a plain-text cell) is multiplied, which a spreadsheet does with such text in any locale.
 */
const FORMULA_NUMBERS: readonly SettingKey[] = ["weeks", "onTrackGap", "atRiskGap", "aspirationalGoal"];

function toNumber(v: unknown): number | null {
  if (typeof v === "number") return isFinite(v) ? v : null;
  if (typeof v === "string") {
    const r = parseUserNumber(v, "en_US");
    return r.ok ? r.value : null;
  }
  return null;
}

export function parseEmailList(v: unknown): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  if (isBlank(v)) return { emails, invalid };
  for (const entry of emailEntries(String(v))) {
    // The address alone is kept: MailApp gets bare addresses, one recipient each however it reads a name.
    const address = entryAddress(entry);
    const e = address === null ? null : address.toLowerCase();
    if (e === null) invalid.push(entry);
    else if (emails.indexOf(e) < 0) emails.push(e);
  }
  return { emails, invalid };
}

export function parseFlag(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v !== "string") return null;
  const s = v.trim().toLowerCase();
  if (s === "on" || s === "yes" || s === "true") return true;
  if (s === "off" || s === "no" || s === "false") return false;
  return null;
}

/**
 * What to type instead of a formula number held as text (FORMULA_NUMBERS). With the spreadsheet's locale:
 * text with the separator the locale does not use ("0,1" in en_US, "0.1" in de_DE) reads as a number
 * typed the locale's way; any other text stays text only in a cell that keeps what is typed as text (plain
 * text, or a leading '), so that is said too: "type 0.1" would be the same text again in an en_US sheet.
 * Without the locale, the other separator's form is named, the only guess left.
 */
function textNumberAdvice(v: string, n: number, locale: string | null): string {
  if (locale === null) {
    const other = v.indexOf(",") >= 0 ? String(n) : v.indexOf(".") >= 0 ? String(n).replace(".", ",") : null;
    return `type ${other === null ? "it as a number" : other}.`;
  }
  const sep = decimalSeparatorFor(locale);
  const written = decimalText(String(n), sep);
  if (v.indexOf(sep === "," ? "." : ",") >= 0) return `type ${written}.`;
  return `the cell keeps it as text (formatted as plain text, or typed after a '): choose Format › Number › Automatic, then type ${written}.`;
}

/** A number as the spreadsheet shows it, in its locale's decimal separator ("0,25" in de_DE; as en_US without the locale). */
function inLocale(n: number, locale: () => string | null): string {
  const loc = locale();
  return loc === null ? String(n) : decimalText(String(n), decimalSeparatorFor(loc));
}

/** A refused setting's value as show() quotes it, a number in the locale's separator. */
function showNumber(v: unknown, locale: () => string | null): string {
  return typeof v === "number" ? `"${inLocale(v, locale)}"` : show(v);
}

/**
 * What to type when a fraction setting (0 to 1) is refused as a whole number in a decimal-comma locale: a
 * typed "0.1" there is no decimal. Google does not document what it becomes; the offline spreadsheet reads it
 * as 1 (its point a thousands separator: apps-script-fidelity.md "to check" 47), and a sheet that keeps it as
 * text gets textNumberAdvice instead. Either way the person is told to type 0,1. "" when it does not apply.
 */
function pointAdvice(values: unknown[], locale: () => string | null): string {
  const n = values.find((v) => typeof v === "number" && Number.isInteger(v) && v >= 1 && v < 1e6) as number | undefined;
  const loc = n === undefined ? null : locale();
  if (n === undefined || loc === null || decimalSeparatorFor(loc) !== ",") return "";
  return ` If you typed 0.${n}, type 0,${n}: this spreadsheet writes decimals with a comma, and reads a point in a number as a thousands separator.`;
}

/**
 * `locale` (the spreadsheet's, "de_DE") is asked for only when a formula number is blank, text or refused,
 * to write the numbers in its decimal separator (textNumberAdvice, inLocale, pointAdvice); without it, as
 * en_US writes them.
 */
export function parseSettings(values: Record<string, unknown>, locale?: () => string): ParsedSettings {
  const errors: string[] = [];
  let known: string | null | undefined;
  const localeOf = () => (known === undefined ? (known = locale ? locale() : null) : known);
  const raw = {} as Record<SettingKey, unknown>;
  const label = {} as Record<SettingKey, string>;
  for (const r of SETTINGS_ROWS) {
    label[r.key] = r.label;
    const has = (k: string) => Object.prototype.hasOwnProperty.call(values, k);
    const present = has(r.label) || has(r.key);
    const v = has(r.label) ? values[r.label] : has(r.key) ? values[r.key] : undefined;
    raw[r.key] = isBlank(v) ? r.def : v;
    const formula = FORMULA_NUMBERS.indexOf(r.key) >= 0;
    if (formula && present && isBlank(v)) {
      const loc = localeOf();
      const def = loc === null ? String(r.def) : decimalText(String(r.def), decimalSeparatorFor(loc));
      errors.push(`${r.label} is empty, which the sheet's formulas read as 0: type ${def}, its default. Use "Repair tracker" to fill in every blank setting.`);
    } else if (formula && typeof v === "string" && toNumber(v) !== null && !(r.key === "weeks" && /^\s*\d+\s*$/.test(v))) {
      const advice = textNumberAdvice(v, toNumber(v)!, localeOf());
      errors.push(`${r.label} is the text "${v.trim()}", which the sheet's formulas cannot use as a number: ${advice}`);
    }
  }

  const cycleName = String(raw.cycleName).trim() || "Cycle 1";
  // The same limit as Set up tracker and Roll over give a new cycle's name.
  if (cycleName.length > 100) errors.push(`${label.cycleName} must be at most 100 characters; it has ${cycleName.length}.`);

  let startDate = "";
  if (isBlank(raw.startDate)) {
    errors.push(`${label.startDate} is empty: fill in the first day of the cycle (YYYY-MM-DD) on the Settings tab.`);
  } else {
    const iso = dateCellToIso(raw.startDate);
    if (iso === null) errors.push(`${label.startDate} must be a date (YYYY-MM-DD); it is ${show(raw.startDate)}.`);
    else startDate = iso;
  }

  const weeks = toNumber(raw.weeks);
  if (weeks === null || !Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    errors.push(`${label.weeks} must be a whole number from 1 to 52; it is ${show(raw.weeks)}.`);
  }

  const cad = String(raw.cadence).trim().toLowerCase();
  if (cad !== "weekly" && cad !== "fortnightly") {
    errors.push(`${label.cadence} must be weekly or fortnightly; it is ${show(raw.cadence)}.`);
  }

  const wd = String(raw.weekday).trim().toLowerCase();
  let weekday = "";
  for (const d of WEEKDAYS) if (d.toLowerCase() === wd || d.slice(0, 3).toLowerCase() === wd) weekday = d;
  if (!weekday) errors.push(`${label.weekday} must be a day of the week (Monday … Sunday); it is ${show(raw.weekday)}.`);

  const onTrackGap = toNumber(raw.onTrackGap);
  const atRiskGap = toNumber(raw.atRiskGap);
  let gapsOk = true;
  for (const [key, n] of [["onTrackGap", onTrackGap], ["atRiskGap", atRiskGap]] as const) {
    if (n === null || n < 0 || n > 1) {
      errors.push(`${label[key]} must be a number from 0 to 1; it is ${showNumber(raw[key], localeOf)}.${pointAdvice([raw[key]], localeOf)}`);
      gapsOk = false;
    }
  }
  if (gapsOk && (onTrackGap as number) > (atRiskGap as number)) {
    const [a, b] = [onTrackGap, atRiskGap].map((n) => inLocale(n as number, localeOf));
    errors.push(`${label.onTrackGap} (${a}) must not be more than ${label.atRiskGap} (${b}).${pointAdvice([onTrackGap, atRiskGap], localeOf)}`);
  }

  const aspirationalGoal = toNumber(raw.aspirationalGoal);
  if (aspirationalGoal === null || !(aspirationalGoal > 0) || aspirationalGoal > 1) {
    errors.push(`${label.aspirationalGoal} must be a number above 0 and at most 1; it is ${showNumber(raw.aspirationalGoal, localeOf)}.${pointAdvice([raw.aspirationalGoal], localeOf)}`);
  }

  const lists = {} as Record<"leaders" | "admins", string[]>;
  for (const key of ["leaders", "admins"] as const) {
    const { emails, invalid } = parseEmailList(raw[key]);
    if (invalid.length > 0) errors.push(`${label[key]}: ${invalid.map((x) => `"${x}"`).join(", ")} ${invalid.length === 1 ? "is not an email address" : "are not email addresses"}.`);
    lists[key] = emails;
  }

  const flags = {} as Record<"emailDigest" | "ownerReminders", boolean>;
  for (const key of ["emailDigest", "ownerReminders"] as const) {
    const f = parseFlag(raw[key]);
    if (f === null) errors.push(`${label[key]} must be on or off; it is ${show(raw[key])}.`);
    flags[key] = f === true;
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      cycleName,
      startDate,
      weeks: weeks as number,
      cadence: cad as Cadence,
      weekday,
      onTrackGap: onTrackGap as number,
      atRiskGap: atRiskGap as number,
      aspirationalGoal: aspirationalGoal as number,
      leaders: lists.leaders,
      admins: lists.admins,
      emailDigest: flags.emailDigest,
      ownerReminders: flags.ownerReminders,
    },
  };
}

// Number formats (display values) and "typed input" parsing (what a string becomes when written), with
// the spreadsheet locale's decimal and grouping separators.
import { shownFixed } from "../../core/numbers";
import { DAYS, MONTHS, serialFields, serialFromFields } from "./time";

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Day before month in slashed/dotted dates. */
  dayFirst: boolean;
  /** Between day and month in the locale's short date ("/" in en_US, "." in de_DE). */
  dateSep: string;
}

// en_US (every new tracker's locale) is known, which spares each command ~30 ms of CPU setting up ICU's
// number and date formatters; a test checks it against Intl.
export const EN_US: LocaleInfo = { decimal: ".", group: ",", dayFirst: false, dateSep: "/" };
const localeCache = new Map<string, LocaleInfo>([["en_US", EN_US]]);

export function localeInfo(locale: string): LocaleInfo {
  let info = localeCache.get(locale);
  if (!info) {
    const tag = (locale || "en_US").replace("_", "-");
    let decimal = ".";
    let group = ",";
    let dayFirst = false;
    let dateSep = "/";
    try {
      const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
      decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
      group = parts.find((p) => p.type === "group")?.value ?? ",";
      const dparts = new Intl.DateTimeFormat(tag, { timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2020, 10, 22)));
      const day = dparts.findIndex((p) => p.type === "day");
      const month = dparts.findIndex((p) => p.type === "month");
      dayFirst = day < month;
      dateSep = (dparts[Math.min(day, month) + 1]?.value ?? "/").trim() || "/";
    } catch {
      /* en_US defaults */
    }
    info = { decimal, group, dayFirst, dateSep };
    localeCache.set(locale, info);
  }
  return info;
}

export const DEFAULT_NUMBER_FORMAT = "0.###############";

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
}

const dateFmtCache = new Map<string, boolean>();
/** True for date/time patterns ("yyyy-mm-dd", "hh:mm", "dd mmm yyyy"). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let r = dateFmtCache.get(fmt);
  if (r === undefined) {
    const lower = fmt.toLowerCase();
    r = lower !== "general" && fmt !== "@" && /[ydhs]/i.test(stripLiterals(fmt).replace(/general/gi, ""));
    if (!r && /^\[?h+\]?:mm/.test(lower)) r = true;
    dateFmtCache.set(fmt, r);
  }
  return r;
}

export function isGeneral(fmt: string | undefined): boolean {
  return !fmt || fmt === DEFAULT_NUMBER_FORMAT || fmt.toLowerCase() === "general";
}

/** Sheets' General display: up to 10 significant digits, no trailing zeros. */
export function formatGeneral(n: number, loc: LocaleInfo): string {
  if (!isFinite(n)) return "#NUM!";
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) s = String(n);
  else if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-9)) {
    s = n.toExponential(4).replace(/\.?0+e/, "E").replace("E+", "E+");
  } else {
    s = String(Number(n.toPrecision(10)));
    if (/e/.test(s)) s = n.toFixed(10).replace(/\.?0+$/, "");
  }
  return loc.decimal === "." ? s : s.replace(".", loc.decimal);
}

/**
 * A scientific format's digits (`0.00E+00`, `0.0#E-0`) for a|v| of `a`, with one digit before the decimal
 * separator: the mantissa rounded as its cell shows any number (shownFixed: 15 significant digits, then half
 * away from zero, so 1.75E-5 in `0.0E+0` is 1.8E-5, where toFixed gave 1.7E-5), a mantissa rounded up to 10
 * carried into the exponent (9.996 in `0.00E+0` is 1.00E+1, not 10.00E+0), optional `#` decimals dropped when
 * zero, and the exponent's sign shown for a positive exponent only after `E+`. Formats with more than one
 * integer placeholder (engineering `##0.0E+0`) are refused where they are set (checkNumberFormat).
 */
function scientificBody(a: number, e: string, expDigits: number, minInt: number, minFrac: number, maxFrac: number, loc: LocaleInfo): string {
  let exp = a === 0 ? 0 : Number(a.toExponential(14).split("e")[1]);
  let mant = shownFixed(a / Math.pow(10, exp), maxFrac);
  if (Number(mant) >= 10) mant = shownFixed(a / Math.pow(10, ++exp), maxFrac);
  let [ip, fp = ""] = mant.split(".");
  while (fp.length > minFrac && fp.endsWith("0")) fp = fp.slice(0, -1);
  if (ip === "0" && minInt === 0 && fp) ip = "";
  const sign = exp < 0 ? "-" : e === "E+" ? "+" : "";
  return `${fp ? `${ip}${loc.decimal}${fp}` : ip}E${sign}${String(Math.abs(exp)).padStart(expDigits, "0")}`;
}

/**
 * Why the offline spreadsheet cannot show `fmt` as Google would, or null: a scientific format with more than
 * one digit placeholder before its decimal separator (Excel's engineering `##0.0E+0`, exponents in threes),
 * whose rendering in Sheets is not documented. The add-on sets no scientific format; a test that does gets
 * this refusal from setNumberFormat(s) rather than a display Google might not give.
 */
export function unrenderedFormat(fmt: string): string | null {
  for (const section of splitSections(fmt)) {
    const bare = section.replace(/"[^"]*"|\\.|[_*]./g, "");
    const m = /([0#?,]*)(?:\.[0#?]*)?[eE][+-]/.exec(bare);
    if (m && (m[1].match(/[0#?]/g) ?? []).length > 1) {
      return `The offline spreadsheet cannot show the number format "${fmt}" as Google Sheets would: a scientific format with more than one digit before the decimal separator. Use one (0.00E+00).`;
    }
  }
  return null;
}

function formatNumberSection(n: number, section: string, loc: LocaleInfo): string {
  let prefix = "";
  let suffix = "";
  let pat = "";
  let state = 0; // 0: before the number, 1: in it, 2: after it
  let percent = 0;
  const lit = (s: string) => {
    if (state === 1) state = 2;
    if (state === 0) prefix += s;
    else suffix += s;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const next = section[i + 1] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      lit(next);
      i++;
    } else if (ch === "_" || ch === "*") {
      i++;
    } else if (ch === "%") {
      percent++;
      lit("%");
    } else if (state < 2 && ("0#?".includes(ch) || ((ch === "." || ch === ",") && (state === 1 || "0#?".includes(next))))) {
      pat += ch;
      state = 1;
    } else if (state === 1 && (ch === "E" || ch === "e") && (next === "+" || next === "-")) {
      pat += "E" + next;
      i++;
    } else lit(ch);
  }
  let v = n * Math.pow(100, percent);
  const expAt = pat.indexOf("E");
  const numPart = expAt >= 0 ? pat.slice(0, expAt) : pat;
  const dot = numPart.indexOf(".");
  let intPat = dot >= 0 ? numPart.slice(0, dot) : numPart;
  const fracPat = dot >= 0 ? numPart.slice(dot + 1).replace(/,/g, "") : "";
  const scale = /,+$/.exec(intPat)?.[0].length ?? 0;
  if (scale) intPat = intPat.slice(0, -scale);
  v = v / Math.pow(1000, scale);
  const grouping = intPat.includes(",");
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  let body: string;
  if (expAt >= 0) {
    body = scientificBody(Math.abs(v), pat.slice(expAt, expAt + 2), (pat.slice(expAt + 2).match(/0/g) ?? []).length || 1, minInt, minFrac, maxFrac, loc);
  } else {
    // Half away from zero on the number's 15 significant digits, as spreadsheets show it: 0.175 is 0.18 (toFixed: 0.17).
    const fixed = shownFixed(Math.abs(v), maxFrac);
    let [ip, fp = ""] = fixed.split(".");
    while (fp.length > minFrac && fp.endsWith("0")) fp = fp.slice(0, -1);
    if (ip === "0" && minInt === 0) ip = "";
    ip = ip.padStart(minInt, "0");
    if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, loc.group);
    body = fp.length > 0 ? `${ip}${loc.decimal}${fp}` : ip;
    if (body === "") body = "0";
  }
  const negative = v < 0 && /[1-9]/.test(body);
  return `${negative ? "-" : ""}${prefix}${body}${suffix}`;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') inQuote = !inQuote;
    if (ch === "\\" && !inQuote) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !inQuote) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatNumber(n: number, fmt: string | undefined, loc: LocaleInfo): string {
  if (isGeneral(fmt)) return formatGeneral(n, loc);
  const f = fmt as string;
  if (f === "@") return formatGeneral(n, loc);
  if (isDateFormat(f)) return formatSerial(n, f);
  const sections = splitSections(f);
  if (sections.length === 1) return formatNumberSection(n, sections[0], loc);
  if (n > 0 || (n === 0 && sections.length < 3)) return formatNumberSection(n, sections[0], loc);
  if (n < 0) return formatNumberSection(Math.abs(n), sections[1], loc);
  return formatNumberSection(0, sections[2], loc);
}

/** Sheets date/time patterns: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm(min) ss am/pm. */
export function formatSerial(serial: number, fmt: string): string {
  const f = serialFields(serial);
  const tokens: { t: string; lit?: boolean }[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      tokens.push({ t: fmt.slice(i + 1, end < 0 ? fmt.length : end), lit: true });
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      tokens.push({ t: fmt[i + 1] ?? "", lit: true });
      i += 2;
      continue;
    }
    const lower = fmt.slice(i).toLowerCase();
    if (lower.startsWith("am/pm")) {
      tokens.push({ t: "AMPM" });
      i += 5;
      continue;
    }
    if (lower.startsWith("a/p")) {
      tokens.push({ t: "AP" });
      i += 3;
      continue;
    }
    const c = ch.toLowerCase();
    if ("ymdhs".includes(c)) {
      let n = 1;
      while (fmt[i + n]?.toLowerCase() === c) n++;
      tokens.push({ t: c.repeat(n) });
      i += n;
      continue;
    }
    if (ch === "[") {
      const end = fmt.indexOf("]", i);
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    tokens.push({ t: ch, lit: true });
    i++;
  }
  const hasAmPm = tokens.some((t) => t.t === "AMPM" || t.t === "AP");
  let out = "";
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.lit) {
      out += tok.t;
      continue;
    }
    const t = tok.t;
    const p2 = (n: number) => String(n).padStart(2, "0");
    if (t[0] === "y") out += t.length <= 2 ? p2(f.year % 100) : String(f.year);
    else if (t[0] === "d") {
      if (t.length >= 4) out += DAYS[f.weekday];
      else if (t.length === 3) out += DAYS[f.weekday].slice(0, 3);
      else out += t.length === 2 ? p2(f.day) : String(f.day);
    } else if (t[0] === "h") {
      const h = hasAmPm ? (f.hour % 12 === 0 ? 12 : f.hour % 12) : f.hour;
      out += t.length >= 2 ? p2(h) : String(h);
    } else if (t[0] === "s") out += t.length >= 2 ? p2(f.second) : String(f.second);
    else if (t === "AMPM") out += f.hour < 12 ? "AM" : "PM";
    else if (t === "AP") out += f.hour < 12 ? "A" : "P";
    else if (t[0] === "m") {
      // Minutes when right after an hour or right before seconds.
      const prev = tokens.slice(0, k).reverse().find((x) => !x.lit);
      const next = tokens.slice(k + 1).find((x) => !x.lit);
      const isMinute = t.length <= 2 && ((prev && prev.t[0] === "h") || (next && next.t[0] === "s"));
      if (isMinute) out += t.length === 2 ? p2(f.minute) : String(f.minute);
      else if (t.length >= 5) out += MONTHS[f.month][0];
      else if (t.length === 4) out += MONTHS[f.month];
      else if (t.length === 3) out += MONTHS[f.month].slice(0, 3);
      else out += t.length === 2 ? p2(f.month + 1) : String(f.month + 1);
    }
  }
  return out;
}

export type Typed =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; fmt?: string }
  | { kind: "boolean"; value: boolean };

const numberRes = new Map<string, { re: RegExp; group: RegExp }>();
function numberRe(loc: LocaleInfo) {
  const key = loc.decimal + loc.group;
  let r = numberRes.get(key);
  if (!r) {
    const groupChars = loc.group === "\u202f" || loc.group === "\u00a0" || loc.group === " " ? "[ \u00a0\u202f]" : `\\${loc.group}`;
    const dec = `\\${loc.decimal}`;
    r = {
      re: new RegExp(`^([+-]?)(\\d{1,3}(?:${groupChars}\\d{3})+|\\d*)(?:${dec}(\\d*))?(?:[eE]([+-]?\\d+))?$`),
      group: new RegExp(groupChars, "g"),
    };
    numberRes.set(key, r);
  }
  return r;
}

function parseLocaleNumber(s: string, loc: LocaleInfo): number | null {
  let t = s.trim();
  if (t === "" || !/^[+\-\d.,\s\u00a0\u202f]/.test(t)) return null;
  const { re, group } = numberRe(loc);
  const m = re.exec(t);
  if (!m) return null;
  if (m[2] === "" && (m[3] === undefined || m[3] === "")) return null;
  t = `${m[1]}${m[2].replace(group, "") || "0"}.${m[3] ?? ""}${m[4] !== undefined ? `e${m[4]}` : ""}`;
  const v = Number(t.replace(/\.e/, "e").replace(/\.$/, ""));
  return isFinite(v) ? v : null;
}

/** A real day of the calendar (month 1–12): "2026-02-30" is not one, and stays text as in Sheets. */
function isCalendarDay(y: number, mo: number, d: number): boolean {
  if (!(mo >= 1 && mo <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Day, month (1–12) and year of "Jan 5, 2026", "January 5 2026", "5 Jan 2026" or "5-Jan-2026", the year null
 * in "Jan 5", "5 Jan" or "5-Jan" (none written); null otherwise.
 */
function monthNamed(s: string): { y: number | null; mo: number; d: number } | null {
  const month = (name: string) => {
    const n = name.toLowerCase().replace(/\.$/, "");
    if (n.length < 3) return 0;
    const i = MONTHS.findIndex((m) => m.toLowerCase() === n || (n.length === 3 && m.toLowerCase().startsWith(n)) || (n === "sept" && m === "September"));
    return i + 1;
  };
  const year = (y: string | undefined) => (y === undefined ? null : Number(y));
  let m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(s);
  if (m && month(m[1])) return { y: year(m[3]), mo: month(m[1]), d: Number(m[2]) };
  m = /^(\d{1,2})(?:\s+|-)([A-Za-z]+\.?)(?:(?:,?\s+|-)(\d{4}))?$/.exec(s);
  if (m && month(m[2])) return { y: year(m[3]), mo: month(m[2]), d: Number(m[1]) };
  return null;
}

/**
 * What a string becomes when typed into a cell (Apps Script setValue applies the same parsing).
 * `thisYear`: the year of "today" in the spreadsheet's zone (asked only when needed), which a date typed
 * without one takes ("1/2" in en_US, "Jan 5"); without it such text stays text.
 */
export function parseTyped(raw: string, locale: string, cellFmt?: string, thisYear?: () => number): Typed {
  if (raw === "") return { kind: "empty" };
  if (cellFmt === "@") return { kind: "text", text: raw };
  if (raw.startsWith("'")) return { kind: "text", text: raw.slice(1) };
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", formula: raw };
  const s = raw.trim();
  const upper = s.toUpperCase();
  if (upper === "TRUE") return { kind: "boolean", value: true };
  if (upper === "FALSE") return { kind: "boolean", value: false };
  const loc = localeInfo(locale);
  if (s.endsWith("%")) {
    const n = parseLocaleNumber(s.slice(0, -1), loc);
    if (n !== null) return { kind: "number", value: n / 100, fmt: "0%" };
  }
  // A dollar amount in en_US ("$1,200.50", "-$5") is a number with a currency format, as typing it gives
  // (it stayed text offline, so a Target typed "$1,200" was refused offline and taken on Google).
  const dollars = /^(-?)\$(\d[\d,]*(?:\.\d*)?)$/.exec(s);
  if (dollars && (locale || "en_US") === "en_US") {
    const v = parseLocaleNumber(dollars[2], loc);
    if (v !== null) return { kind: "number", value: dollars[1] ? -v : v, fmt: '"$"#,##0.00' };
  }
  // Euros where a decimal comma is the locale's ("1.234,50 €", "-5€", "€ 12,5" in de_DE), as a German typing
  // them gets a currency number (session 20; they stayed text offline, so a cost per unit's Start typed so was
  // text to the Score formulas offline and a number on Google). Other currencies and locales: "to check" 37.
  const euros = loc.decimal === "," ? /^(-?)\s*(?:€\s*([\d.,]+)|([\d.,]+)\s*€)$/.exec(s) : null;
  if (euros) {
    const v = parseLocaleNumber(euros[2] ?? euros[3], loc);
    if (v !== null) return { kind: "number", value: euros[1] ? -v : v, fmt: '#,##0.00" €"' };
  }
  const n = parseLocaleNumber(s, loc);
  if (n !== null) return { kind: "number", value: n };
  // A time of day, as typing one gives a time in every locale ("9:30", "17:05:30", "9:30 PM"): the day's
  // fraction with a time format, read back by getValues as a Date on 30 December 1899. It stayed text
  // offline, so code writing such text as a label passed its tests and wrote a time on Google.
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/.exec(s);
  if (m) {
    let h = Number(m[1]);
    const mi = Number(m[2]), sec = Number(m[3] ?? 0), ap = m[4]?.toUpperCase();
    const okHour = ap ? h >= 1 && h <= 12 : h <= 23;
    if (okHour && mi <= 59 && sec <= 59) {
      if (ap) h = (h % 12) + (ap === "P" ? 12 : 0);
      const fmt = `h:mm${m[3] !== undefined ? ":ss" : ""}${ap ? " am/pm" : ""}`;
      return { kind: "number", value: (h * 3600 + mi * 60 + sec) / 86_400, fmt };
    }
  }
  // ISO dates and date-times.
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isCalendarDay(y, mo, d)) {
      if (m[4] !== undefined) {
        return {
          kind: "number",
          value: serialFromFields(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
          fmt: m[6] !== undefined ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd hh:mm",
        };
      }
      return { kind: "number", value: serialFromFields(y, mo - 1, d), fmt: "yyyy-mm-dd" };
    }
  }
  // Year first with slashes, as ja_JP (and zh_*, ko_KR) write dates: Y/M/D in every locale, since no locale
  // reads a four-digit first number as a day or month (apps-script-fidelity.md "To check" 30).
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return { kind: "number", value: serialFromFields(Number(m[1]), Number(m[2]) - 1, Number(m[3])), fmt: "yyyy/mm/dd" };
  }
  // English month names, in English locales: "Jan 5, 2026", "January 5 2026", "5 Jan 2026", "5-Jan-2026"
  // become dates as typing them does, and "Jan 5" or "5 Jan" one of this year (they stayed text offline).
  const named = /^en\b|^en_/i.test(locale || "en_US") ? monthNamed(s) : null;
  const namedYear = named ? (named.y ?? thisYear?.()) : undefined;
  if (named && namedYear !== undefined && isCalendarDay(namedYear, named.mo, named.d)) {
    return { kind: "number", value: serialFromFields(namedYear, named.mo - 1, named.d), fmt: named.y !== null ? "d mmm yyyy" : "d mmm" };
  }
  // A date without a year takes this year's, as typing one does: "1/2" is 2 January in en_US (1 February in a
  // day-first locale), as "Jan 5" above in an English one (they stayed text offline, "to check" 37).
  if (thisYear !== undefined) {
    const md = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
    if (md) {
      const a = Number(md[1]), b = Number(md[2]), y = thisYear();
      const [d, mo] = loc.dayFirst ? [a, b] : [b, a];
      if (isCalendarDay(y, mo, d)) return { kind: "number", value: serialFromFields(y, mo - 1, d), fmt: loc.dayFirst ? "dd/mm" : "m/d" };
    }
  }
  // Locale dates: M/D/YYYY (en_US), D/M/YYYY or D.M.YYYY (day-first locales), and with a two-digit year
  // ("1/2/26"), which spreadsheets place in 1930–2029 (Excel's and LibreOffice's documented window; Sheets'
  // is taken to be the same: "to check" 37). Two-digit years stayed text offline.
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m && (m[2] === "/" || loc.dayFirst)) {
    const a = Number(m[1]), b = Number(m[3]), short = m[4].length === 2;
    const y = short ? Number(m[4]) + (Number(m[4]) < 30 ? 2000 : 1900) : Number(m[4]);
    const [d, mo] = loc.dayFirst ? [a, b] : [b, a];
    if (isCalendarDay(y, mo, d)) {
      // The locale's own separator, as Sheets keeps the typed layout ("05.01.2026" shows so in de_DE; it showed 05/01/2026).
      const fmt = loc.dayFirst ? `dd${m[2]}mm${m[2]}yyyy` : "m/d/yyyy";
      return { kind: "number", value: serialFromFields(y, mo - 1, d), fmt: short ? fmt.replace("yyyy", "yy") : fmt };
    }
  }
  // Dots in a locale writing dates with them and numbers with a decimal comma (de_DE: "1.5", "21.23"): never
  // the text offline, since Sheets does not keep it either. "1.5" is a day and month of this year there, as "1/2"
  // is in en_US; other dots are read as thousands separators, not checked by threes (a report from use:
  // nithinmurali/pygsheets#414, "1.123456789" became 1123456789 in a German-locale sheet; robin900/gspread-
  // dataframe#30, numbers sent as text "misinterpreted" by the locale). Which of the two Sheets does with "1.5"
  // is not documented ("to check" 47): either way code writing "1.5" for one and a half fails its tests, as it
  // fails on Google. It stayed text offline until session 19, so such code read back what it wrote.
  if (loc.decimal !== "." && loc.group === ".") {
    const dm = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(s);
    if (dm && loc.dayFirst && loc.dateSep === "." && thisYear !== undefined) {
      const d = Number(dm[1]), mo = Number(dm[2]), y = thisYear();
      if (isCalendarDay(y, mo, d)) return { kind: "number", value: serialFromFields(y, mo - 1, d), fmt: "dd.mm" };
    }
    const dots = /^([+-]?)(\d+(?:\.\d+)+)(?:,(\d*))?$/.exec(s);
    if (dots) {
      const v = Number(`${dots[1]}${dots[2].replace(/\./g, "")}.${dots[3] ?? ""}`.replace(/\.$/, ""));
      if (isFinite(v)) return { kind: "number", value: v };
    }
  }
  // Text starting with + or - that is no number is typed as a formula, as "=" is: "+Dri7" or "- done" show
  // "#ERROR!" (a parse error) and "-A1" computes (reports from use: OWOX/owox-data-marts#1535, "Google Sheets
  // parses a cell value that starts with `+` as the beginning of a formula"; nithinmurali/pygsheets#373;
  // robin900/gspread-dataframe#16 for "-"). It stayed text offline, so a label written raw passed its tests.
  if (raw.startsWith("+") || raw.startsWith("-")) return { kind: "formula", formula: `=${raw}` };
  return { kind: "text", text: raw };
}

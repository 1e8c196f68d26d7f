// Numbers as users type them (sidebar "New value", Settings cells typed as text).
//
// Decisions:
// - The decimal separator of the spreadsheet locale is always accepted ("3,5" in de_DE, "3.5" in en_US).
//   The other one ("." in a comma locale, "," in a point locale) is accepted too, EXCEPT when it is
//   followed by exactly three digits ("1.234", "1,234"), which could be a thousands separator: that is
//   refused as ambiguous rather than guessed.
// - Thousands separators only as the locale groups digits, where they cannot be a decimal: the other
//   separator between groups of three, followed by the locale's own decimal separator or repeated
//   ("1.234,5" and "1.234.567" in de_DE, "1,234.5" and "1,234,567" in en_US: session 20, a German team
//   types its cost per unit so), and the locale's own separator where it is no decimal one: a space in fr_FR,
//   ru_RU… ("1 234,5", no-break and narrow no-break spaces too: Google's fr_FR shows the latter), an
//   apostrophe in de_CH (session 21). Other mixes ("1,234.5" in de_DE, "1.23,4", "1.2.3") and other spaces
//   inside the number are refused; a lone "1.234" stays ambiguous (below).
// - A leading "+" or "-" (also the typographic minus "−") is allowed; a trailing "%" divides by 100
//   ("50%" → 0.5, "12,5 %" → 0.125), done on the decimal digits so "12.3%" gives exactly 0.123.
// - No exponents ("1e3"), letters, currency signs, NaN or Infinity; magnitudes above 1e15 are
//   refused as too large. -0 becomes 0.
// - Full-width forms, which a Japanese (or Chinese, Korean) input method types in its default mode
//   ("３，５", "８５％", "－３"), count as their ASCII characters, and the ideographic space as a space.
import { singularKey } from "./plural";

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Full-width ASCII forms (U+FF01–FF5E) as ASCII, the ideographic space as a space: "３，５" → "3,5". */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

export const MAX_MAGNITUDE = 1e15;

// Languages whose Google Sheets locales use a decimal comma, and locale exceptions both ways.
const COMMA_LANGUAGES = [
  "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo", "fr", "gl",
  "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "mn", "nb", "nl", "nn", "no",
  "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi",
];
const POINT_LOCALES = [
  "de_ch", "de_li", "it_ch", "es_mx", "es_us", "es_419", "es_pr", "es_do", "es_gt", "es_hn", "es_ni",
  "es_pa", "es_sv", "es_pe",
];
const COMMA_LOCALES = ["en_za", "en_dk", "en_be", "en_de", "en_nl", "en_fi", "en_se", "en_at", "en_si"];

const localeKey = (locale: string) => String(locale || "").trim().toLowerCase().replace(/-/g, "_");

/** The decimal separator of a Sheets locale ("en_US", "de_DE", "pt_BR", "de", "fr-CA"…). Unknown → ".". */
export function decimalSeparatorFor(locale: string): "." | "," {
  const l = localeKey(locale);
  if (POINT_LOCALES.indexOf(l) >= 0) return ".";
  if (COMMA_LOCALES.indexOf(l) >= 0) return ",";
  const lang = l.split("_")[0];
  return COMMA_LANGUAGES.indexOf(lang) >= 0 ? "," : ".";
}

// The grouping separator a Sheets locale shows in a "#,##0.00" format (its currency format: Google's
// default CURRENCY in en_US is "$1,000.12", and "the actual rendering of the format depends on the
// spreadsheet's locale", developers.google.com/sheets/api/guides/formats), as CLDR writes it (test/core/
// numberStyle.test.ts checks the table against Node's ICU): "," with a decimal point, "'" in Switzerland and
// Liechtenstein, "." with a decimal comma, except the languages that group with a space: a narrow no-break
// space (U+202F) in French (France, Switzerland, Belgium), a no-break space (U+00A0) elsewhere (fr_CA, ru,
// pl, sv, cs, fi, nb, pt_PT, de_AT…).
const SPACE_LANGUAGES = ["af", "be", "bg", "cs", "et", "fi", "fr", "hu", "hy", "ka", "kk", "ky", "lt", "lv", "nb", "nn", "no", "pl", "ru", "sk", "sq", "sv", "uk", "uz"];
const SPACE_LOCALES = ["pt_pt", "de_at", "en_za", "en_fi", "en_se"];
const APOSTROPHE_LOCALES = ["de_ch", "de_li", "it_ch", "en_ch"];

/** The thousands separator of a Sheets locale: ",", ".", "'", "\u202f" (fr_FR) or "\u00a0" (ru_RU, fr_CA…). */
export function groupSeparatorFor(locale: string): string {
  const l = localeKey(locale);
  if (APOSTROPHE_LOCALES.indexOf(l) >= 0) return "'";
  if (decimalSeparatorFor(l) === ".") return ",";
  const lang = l.split("_")[0];
  if (l === "fr_lu") return "."; // Luxembourg's French groups with "." (CLDR), as its German does
  if (lang === "fr" && l !== "fr_ca") return "\u202f";
  return SPACE_LANGUAGES.indexOf(lang) >= 0 || SPACE_LOCALES.indexOf(l) >= 0 ? "\u00a0" : ".";
}

/**
 * Whether the locale can change how `text` reads: it has a comma, or a point followed by exactly three
 * digits ("1.234": a decimal in en_US, ambiguous in a decimal-comma locale), or a space or apostrophe
 * before three ("1 234": a number in fr_FR, refused in en_US), full-width ones included. Anything else reads the same in every locale (a caller may then skip asking for it).
 */
export function localeMatters(text: string): boolean {
  const s = halfWidth(text);
  return s.indexOf(",") >= 0 || /\.\d{3}(?!\d)/.test(s) || /\d[\s'\u2019]\d{3}(?!\d)/.test(s);
}

/** The refusal of a value that is not a number, its example in the locale's own decimal separator ("3,5" in de_DE). */
function digitsOnly(locale: string): ParsedNumber {
  return { ok: false, message: `Enter a number, using digits only (for example 3${decimalSeparatorFor(locale)}5).` };
}

function checkRange(value: number): ParsedNumber {
  if (!isFinite(value)) return { ok: false, message: "Enter a number." };
  if (Math.abs(value) > MAX_MAGNITUDE) return { ok: false, message: "That number is too large." };
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Digits grouped by thousands as the locale writes them, without the grouping: "1.234,5" → "1234,5" and
 * "1.234.567" → "1234567" where the decimal separator is a comma; null when `s` is not so grouped, or when
 * its only grouping separator could be a decimal one ("1.234": the caller's ambiguity rule decides).
 */
function ungrouped(s: string, own: "." | ","): string | null {
  const g = withoutGroups(s, own === "," ? "\\." : ",", own);
  return g && (g.decimal || g.groups >= 3) ? g.text : null;
}

/**
 * `s` read as digits in groups of three separated by `group` (a regular expression's character or class),
 * then perhaps the decimal separator `own` and its digits: the text without the groups' separators, how
 * many groups, and whether a decimal part followed; null when `s` is not so written.
 */
function withoutGroups(s: string, group: string, own: "." | ","): { text: string; groups: number; decimal: boolean } | null {
  const o = own === "." ? "\\." : ",";
  const m = new RegExp(`^([0-9]{1,3}(?:${group}[0-9]{3})+)(${o}[0-9]*)?$`).exec(s);
  if (!m) return null;
  const groups = m[1].split(new RegExp(group));
  return { text: groups.join("") + (m[2] || ""), groups: groups.length, decimal: m[2] !== undefined };
}

/**
 * Digits grouped by thousands with a locale's own separator where it cannot be a decimal one (session 21):
 * a space in fr_FR ("1 234,5", "12 345": a no-break or narrow no-break space too, as Google's fr_FR shows
 * it), an apostrophe in de_CH ("1'234.5", "1’234"), without it; null otherwise. Even one group is no
 * ambiguity here, unlike "1.234" in de_DE.
 */
function ownGrouped(s: string, locale: string): string | null {
  const g = groupSeparatorFor(locale);
  const chars = g === "'" ? "['\u2019]" : /\s/.test(g) ? " " : null;
  const grouped = chars === null ? null : withoutGroups(s, chars, decimalSeparatorFor(locale));
  return grouped ? grouped.text : null;
}

/** Parses a number as typed by a user in a sheet with the given locale. */
export function parseUserNumber(text: string | number, locale: string): ParsedNumber {
  if (typeof text === "number") return checkRange(text);
  if (typeof text !== "string") return { ok: false, message: "Enter a number." };
  let s = halfWidth(text).replace(/[\u00a0\u202f]/g, " ").trim();
  if (s === "") return { ok: false, message: "Enter a number." };
  let percent = false;
  if (/%$/.test(s)) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = "";
  if (/^[+\-\u2212]/.test(s)) {
    sign = s[0] === "+" ? "" : "-";
    s = s.slice(1).trim();
  }
  if (s === "") return { ok: false, message: "Enter a number." };
  const own3 = ownGrouped(s, locale);
  if (own3 !== null) s = own3;
  if (/\s/.test(s)) {
    // Since thousands points are read (session 20) the words name the forms that are, in the locale's separators;
    // where the locale groups with a space (session 21), that form.
    const spaced = /\s/.test(groupSeparatorFor(locale));
    return { ok: false, message: spaced ? "Type the number without spaces, or with one between each three digits: 1234,5 or 1 234,5." : `Type the number without spaces: ${decimalSeparatorFor(locale) === "," ? "1234,5 or 1.234,5" : "1234.5 or 1,234.5"}.` };
  }
  if (!/^[0-9.,]+$/.test(s)) return digitsOnly(locale);
  const own = decimalSeparatorFor(locale);
  const grouped = ungrouped(s, own);
  if (grouped !== null) s = grouped;
  const seps = s.replace(/[0-9]/g, "");
  if (seps.length > 1) {
    const example = own === "," ? "1.234,5" : "1,234.5";
    return { ok: false, message: `Type the number with at most one decimal ${own === "," ? "comma" : "point"}, and thousands separators, if any, as in ${example}.` };
  }
  let intPart = s;
  let fracPart = "";
  if (seps.length === 1) {
    const i = s.indexOf(seps);
    intPart = s.slice(0, i);
    fracPart = s.slice(i + 1);
    if (grouped === null && seps !== own && fracPart.length === 3 && intPart.length > 0) {
      return {
        ok: false,
        message: `"${text.trim()}" is ambiguous: type ${intPart}${fracPart} for the whole number, or ${intPart}${own}${fracPart} for a decimal.`,
      };
    }
  }
  if (intPart === "" && fracPart === "") return { ok: false, message: "Enter a number." };
  if (intPart === "") intPart = "0";
  if (percent) {
    // Shift the decimal point two places left on the digits themselves.
    while (intPart.length < 3) intPart = "0" + intPart;
    fracPart = intPart.slice(-2) + fracPart;
    intPart = intPart.slice(0, -2);
  }
  return checkRange(Number(`${sign}${intPart}.${fracPart || "0"}`));
}

/** A number format that shows the value × 100 with a "%" (not a "%" quoted or escaped as literal text). */
export function isPercentFormat(format: string): boolean {
  return format.replace(/"[^"]*"|\\./g, "").includes("%");
}

// A key result's value as typed in a check-in: what the person meant, in the KR's unit.
// - "85%" on a KR measured in % is 85 (the number in front of the sign), not 0.85; on any other unit
//   the percent sign is refused with a message naming the unit, since 85% of "days" means nothing; "85
//   percent" and "85 pct" are "85%" (until session 12 they were told to leave out the unit on a % KR).
// - A unit typed after (or a currency sign before) the number is accepted when it is the KR's unit
//   ("8.5 days" on a days KR; "day"/"days" and case count as the same; a currency's sign and its codes
//   too: "€3.20" on an EUR KR, "$40" on a USD one, but "USD 40" not on a CAD one), refused otherwise.
// - unit === null: the unit is not known yet (the syntax check before the KR is read): any unit passes.
// - A milestone (`milestone`) is the fraction done, 0 to 1, whatever its unit: "33%" is 0.33, as a cell
//   typed 33% holds it (until session 21 it was refused as "measured in plain numbers (no unit), not %:
//   type the number without the % sign", and the 33 typed next was asked about as outside 0 → 1).

/** True for the units that mean "percent": "%", "percent", "% of orders"… */
export function isPercentUnit(unit: string): boolean {
  return /^\s*(%|percent\b|per cent\b|pct\b)/i.test(unit);
}

// Short forms of the units of time an operations KR is measured in ("12 d" on a KR in days, "3 hrs" on one
// in hours): the same unit, as the plural is. Only these: a lone "m" may be metres or minutes, "s" seconds or
// a plural.
const SHORT_UNITS: Record<string, string> = { d: "day", h: "hour", hr: "hour", min: "minute", wk: "week", mo: "month", yr: "year", sec: "second" };

function unitKey(u: string): string {
  // "1 Tag" on a KR in "Tage", as "1 day" on one in "days" (plural.ts's certain singulars).
  const k = singularKey(u.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.$/, ""));
  const one = k.length > 2 && k.endsWith("s") ? k.slice(0, -1) : k;
  return SHORT_UNITS[one] || one;
}

// A currency's sign stands for each of its codes: "€3.20" on a KR in EUR, "USD 40" on a KR in $ (but a
// code for another code, "USD 40" on a KR in CAD, is refused).
const CURRENCIES = [["€", "eur"], ["£", "gbp"], ["$", "usd", "us$", "cad", "aud", "nzd", "sgd", "hkd"], ["¥", "jpy", "cny"], ["₹", "inr"]];
// Other names of one currency, taken as its code: "1200 円" on a KR in JPY (or ¥), "Rs 500" on one in INR (or ₹).
const CURRENCY_NAMES: Record<string, string> = { euro: "eur", "円": "jpy", yen: "jpy", rs: "inr", rupee: "inr" };

/** The typed unit is the KR's: the same word (case and a plural s aside), or a currency's sign and one of its codes. */
function sameUnit(typed: string, unit: string): boolean {
  const [a, b] = [typed, unit].map((u) => CURRENCY_NAMES[unitKey(u)] || unitKey(u));
  return a === b || CURRENCIES.some((c) => (a === c[0] && c.indexOf(b) > 0) || (b === c[0] && c.indexOf(a) > 0));
}

/** The KR's unit as a message names it. */
function unitName(unit: string): string {
  return unit.trim() ? `"${unit.trim()}"` : "plain numbers (no unit)";
}

// Not units, but ways of writing a number the check-in cannot store: a fraction sign ("4½") and a mark of an
// estimate or a bound ("~5", "about 5", "<5", "5+"). Refused as before, saying what to type instead (until
// session 17 they were told "Leave out the unit"): a value is one plain number; an estimate is for the comment.
const FRACTIONS: Record<string, number> = {
  "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5,
  "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
};
const MARKS = ["~", "≈", "∼", "≃", "~=", "<", ">", "≤", "≥", "<=", ">=", "+", "?", "ish", "-ish", "about", "approx", "approximately", "ca", "circa", "around", "roughly", "almost", "nearly", "over", "under", "or so"];

/** The refusal of a fraction sign or an estimate's mark around the number, or null when there is none. */
function notPlainNumber(before: string, numeral: string, after: string, locale: string): ParsedNumber | null {
  const sep = decimalSeparatorFor(locale);
  const frac = FRACTIONS[after.charAt(0)];
  if (frac !== undefined && /^[+\-\u2212]?\s*[0-9]*$/.test(numeral)) {
    const whole = numeral.replace(/\s/g, "");
    const x = Number(whole.replace("\u2212", "-").replace(/^[+-]?$/, "$&0")) || 0;
    const value = (/^[\-\u2212]/.test(whole) ? -1 : 1) * (Math.abs(x) + frac);
    return { ok: false, message: `Type a plain number, with a decimal ${sep === "," ? "comma" : "point"}: ${roundedText(value, 3, sep)} for "${whole}${after.charAt(0)}".` };
  }
  // An abbreviation's point is quoted as typed ("approx." in "approx. 5", "ca." in "5 ca."), since the mark is.
  const mark = [before, after].find((x) => MARKS.indexOf(x.toLowerCase().replace(/(\p{L})\.$/u, "$1")) >= 0);
  if (mark === undefined) return null;
  const plain = parseUserNumber(numeral, locale);
  return plain.ok ? { ok: false, message: `Type the number alone, without "${mark}": ${numeral.replace(/\s/g, "")}.` } : plain;
}

// A multiplier letter is no unit either ("5k", "1.2k", "3M"): the refusal stays (a KR measured in "k" takes
// "5k" as 5), and says the number in full. Only k/K and M: a lowercase "m" may be metres or minutes.
const MULTIPLIERS: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6 };

/** The refusal of "5k" saying the number in full, or null when `after` is no multiplier (or the numeral is refused anyway). */
function multiplied(numeral: string, after: string, locale: string): ParsedNumber | null {
  const times = MULTIPLIERS[after];
  const plain = times === undefined ? null : parseUserNumber(numeral, locale);
  if (!plain) return null;
  if (!plain.ok) return plain;
  const full = checkRange(plain.value * times);
  if (!full.ok) return full;
  return { ok: false, message: `Type the number in full: ${exactText(full.value, decimalSeparatorFor(locale))} for "${numeral.replace(/\s/g, "")}${after}".` };
}

export function parseKrValue(text: string | number, locale: string, unit: string | null, milestone = false): ParsedNumber {
  if (typeof text !== "string") return parseUserNumber(text, locale);
  const spaced = halfWidth(text).replace(/[\u00a0\u202f]/g, " ").trim();
  // A fraction sign alone ("½"): no digit for the pattern below to hold on to.
  const lone = /^([+\-\u2212]?)\s*(\S)$/.exec(spaced);
  if (lone && FRACTIONS[lone[2]] !== undefined) return notPlainNumber("", lone[1], lone[2], locale) as ParsedNumber;
  // A point closing a unit written in letters is the abbreviation's, not the number's: "Rs. 500" and
  // "Rs.500" are 500 on a KR in INR, as India writes them (the first was refused, the second read as 0.5).
  // A sign's point stays the number's: "$.50" and "₹.5" are halves.
  const abbr = /^([^0-9.,+\-\u2212]*\p{L})\.\s*(?=[+\-\u2212]?\s*[0-9])/u.exec(spaced);
  const unsigned = abbr ? `${abbr[1]} ${spaced.slice(abbr[0].length)}` : spaced;
  // A minus before a currency's sign is the number's, as money is written: "-$0.50" is "$-0.50" (until
  // session 18 it was told to use digits only). Any sign before a unit written first moves after it.
  const signFirst = /^([+\-\u2212])\s*([^\s0-9.,+\-\u2212][^0-9.,+\-\u2212]*?)\s*(?=[0-9.,])/.exec(unsigned);
  const s = signFirst ? `${signFirst[2]} ${signFirst[1]}${unsigned.slice(signFirst[0].length)}` : unsigned;
  // The number is the run of sign, digits, separators and spaces; anything before or after is a unit.
  const m = /^([^0-9.,+\-\u2212]*?)\s*([+\-\u2212]?\s*[0-9][0-9.,\s'\u2019]*|[+\-\u2212]?\s*[.,][0-9][0-9.,\s]*)\s*([^0-9]*)$/.exec(s);
  if (!m || (!m[1] && !m[3])) return parseUserNumber(text, locale);
  const before = m[1].trim();
  const after = m[3].trim();
  // The mark as typed: "approx. 5" is quoted "approx.", the point the abbreviation's step above set aside.
  const notPlain = notPlainNumber(abbr && before === abbr[1].trim() ? `${before}.` : before, m[2].trim(), after, locale);
  if (notPlain) return notPlain;
  const inFull = unit === null || (!before && unit.trim() && sameUnit(after, unit)) ? null : multiplied(m[2].trim(), after, locale);
  if (inFull) return inFull;
  if (before && after) return { ok: false, message: "Type the number only, without a unit." };
  const typed = before || after;
  if (before === "%") return digitsOnly(locale);
  // "89 percent" and "89 pct" are "89%" (isPercentUnit's words; a KR's unit may be any of them).
  if ((typed === "%" || (isPercentUnit(typed) && /^[a-z ]+$/i.test(typed))) && !before) {
    // Hundredths by the digits, as parseUserNumber reads a "%" (33.3% is 0.333, not 0.33299999999999996).
    if (milestone) return parseUserNumber(`${m[2].trim()}%`, locale);
    if (unit !== null && !isPercentUnit(unit)) {
      return { ok: false, message: `This key result is measured in ${unitName(unit)}, not %: type the number without the % sign.` };
    }
    return parseUserNumber(m[2].trim(), locale);
  }
  if (unit === null || (unit.trim() && sameUnit(typed, unit))) return parseUserNumber(m[2].trim(), locale);
  return { ok: false, message: unit.trim() ? `Leave out the unit: type the number only (this key result is measured in ${unitName(unit)}).` : "Leave out the unit: type the number only." };
}

// Numbers the add-on writes inside text (summary lines, signal reasons, the review's overall line, emails,
// the sidebar, the CLI). Cells hold numbers and show them in the spreadsheet locale through their number
// formats; a number inside a sentence is text, so it is written here as its cell shows it in the locale:
// "0,35" next to a cell showing 0,35 in de_DE. Every such number goes through decimalText, so "," text is
// "." text with the one point swapped; "-" stays the minus sign, the words stay English.
// Thousands (session 21): a plain number is written as Google's automatic format and "0.00" show it, without
// grouping ("1234,5", "12500": the KR's cells are General), while money is written as Google's currency
// format shows it in the locale, grouped ("$1,234.50", "1.234,50 €", "1 234,50 €" with a narrow no-break
// space in fr_FR: valueDigits.ts valueWithUnit, and the money cells' "#,##0.00"). The separators travel
// together as a NumberStyle: the decimal separator, then the locale's grouping separator (numberStyleFor:
// ".," in en_US, ",." in de_DE, ",\u202f" in fr_FR); a lone "." or "," (tests, callers that write no
// money) groups nothing. A "2" after them (session 22) marks a locale whose CLDR minimumGroupingDigits is 2, which
// leaves a four-digit whole part ungrouped (es_ES, pl_PL, it_IT…: "1234,50 €", "12.345,50 €"; Node's ICU gives so).
export type NumberStyle = `${"." | ","}${string}`;

// The locales that group only from five digits (CLDR 48 minimumGroupingDigits 2): these languages, but
// Latin America's Spanish (es_419, es_MX, es_AR…) and Brazil's Portuguese, which group from four.
const MIN2_LANGUAGES = ["be", "bg", "et", "hu", "hy", "it", "ka", "lv", "pl", "sl", "sq"];

/** The separators numbers are written with in text in a Sheets locale: its decimal separator, then its thousands separator. */
export function numberStyleFor(locale: string): NumberStyle {
  const l = localeKey(locale);
  const min2 = MIN2_LANGUAGES.indexOf(l.split("_")[0]) >= 0 || ["es", "es_es", "pt_pt"].indexOf(l) >= 0;
  return `${decimalSeparatorFor(l)}${groupSeparatorFor(l)}${min2 ? "2" : ""}`;
}

/** The decimal separator of a NumberStyle (or of a lone separator). */
export function decimalOf(sep: NumberStyle): "." | "," {
  return sep.charAt(0) === "," ? "," : ".";
}

/** A numeral written with "." ("0.35", "-1.5", "1200") in the given decimal separator. */
export function decimalText(numeral: string, sep: NumberStyle): string {
  return decimalOf(sep) === "," ? numeral.replace(".", ",") : numeral;
}

/**
 * A numeral in a style's decimal separator ("1234.5", "1234,5", "-1234") with its whole part grouped by
 * thousands in the style's grouping separator: "1,234.5" (".,"), "1.234,5" (",."), "1\u202f234,5" (fr_FR);
 * as it is when the style has none (a lone "," or "."), and so is text that is no such numeral, and a whole
 * part of four digits in a style marked "2" ("1234,5" in es_ES).
 */
export function groupedText(numeral: string, sep: NumberStyle): string {
  const group = sep.charAt(1);
  const m = /^([+\-\u2212]?)(\d+)(.*)$/.exec(numeral);
  if (!group || !m || !/^([.,]\d*)?$/.test(m[3]) || (sep.charAt(2) && m[2].length < 5)) return numeral;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group)}${m[3]}`;
}

// Rounding as a spreadsheet shows a number (session 19): its 15 significant digits first, then half away from
// zero on those decimal digits, so a score of 0.175 shows 0.18 in a "0.00" cell and in every sentence alike.
// Number.toFixed rounds the double's exact binary value instead: 0.175 is stored 0.17499999999999998889…,
// which toFixed(2) wrote "0.17" beside a cell showing 0.18 (and 1.005 "1.00" beside 1.01). Excel and
// LibreOffice show numbers so; Google Sheets too (docs/apps-script-fidelity.md "to check" 49).
const SHOWN_SIGNIFICANT = 15;

/** x rounded to `digits` decimals as a spreadsheet shows it (15 significant digits, then half away from zero). */
export function shownRound(x: number, digits: number): number {
  if (!isFinite(x) || x === 0 || Math.abs(x) >= 1e15) return x;
  const [m, e] = String(Math.abs(Number(x.toPrecision(SHOWN_SIGNIFICANT)))).split("e");
  const scaled = Math.round(Number(`${m}e${Number(e || 0) + digits}`));
  const r = Number(`${scaled}e${-digits}`);
  return x < 0 ? -r : r;
}

/** Number.toFixed rounded as a spreadsheet shows the number (shownRound): "0.18" for 0.175, never "-0.00". */
export function shownFixed(x: number, digits: number): string {
  if (!isFinite(x)) return String(x);
  return (shownRound(x, digits) || 0).toFixed(digits);
}

/** Exactly `digits` decimals: "0.35", "1.00" ("0,35", "1,00" with ","), rounded as the sheet shows it (shownFixed). */
export function fixedText(x: number, digits: number, sep: NumberStyle): string {
  return decimalText(shownFixed(x, digits), sep);
}

/**
 * At most `digits` decimals, without trailing zeros or float noise: "91.5", "0.35", "1200". Never in
 * exponent notation: String() writes a number under 1e-6 as "1e-7", which a KR of a span of 1e-5 (7
 * decimals, valueDigits) showed its values as; it is written out from toFixed then ("0.0000001").
 */
export function roundedText(x: number, digits: number, sep: NumberStyle): string {
  if (!isFinite(x)) return String(x);
  const r = shownRound(x, digits) || 0;
  const t = String(r);
  return decimalText(/e-/.test(t) ? r.toFixed(digits).replace(/\.?0+$/, "") : t, sep);
}

/**
 * A number as exact as 12 significant digits carry, never in exponent notation ("0.0000003", not "3e-7"):
 * where the number itself is meant (the value a correction names, the value a correction puts back in the
 * form), which rounding to a KR's digits would change.
 */
export function exactText(x: number, sep: NumberStyle): string {
  if (!isFinite(x)) return String(x);
  const n = Number(x.toPrecision(12));
  const t = String(n);
  if (!/e-/.test(t)) return decimalText(t, sep);
  const plain = n.toFixed(Math.min(100, 11 - Math.floor(Math.log10(Math.abs(n))))).replace(/\.?0+$/, "");
  return decimalText(plain === "-0" ? "0" : plain, sep);
}

/** A change with its sign and 2 decimals: "+1.00", "-0.25"; "0.00" when it rounds to zero (never "-0.00"). */
export function signedText(x: number, sep: NumberStyle): string {
  const r = shownFixed(x, 2);
  if (r === "0.00" || r === "-0.00") return decimalText("0.00", sep);
  return decimalText(x > 0 ? `+${r}` : r, sep);
}

/**
 * A fraction written as typed percent text ("92%" for 0.92), which Sheets reads as typing it, as the number
 * 0.92 with a percent format: a cell of a KR whose Start and Target were typed as percentages then shows as
 * they do, with no call to set its format. Only a whole number of percent, whose text needs no decimal
 * separator (the same in every locale, as the Weekly Summary's "38%") and reads back as exactly the fraction
 * (k / 100 is the double nearest k%); null for any other value, written as the number.
 */
export function wholePercentText(x: number): string | null {
  if (!isFinite(x) || Math.abs(x) > 1e6) return null;
  const k = Math.round(x * 100);
  return k / 100 === x ? `${k}%` : null;
}

/** ×100 without float noise (0.862 → 86.2, not 86.19999999999999): a fraction-% KR's number as its cells show it. */
export function percentShown(v: number): number {
  return +(v * 100).toPrecision(15);
}

/** A fraction shown as its percent-formatted cell shows it, in the locale's separator: 0.925 → "92,5%". */
export function percentText(v: number, sep: NumberStyle): string {
  return `${decimalText(String(percentShown(v)), sep)}%`;
}

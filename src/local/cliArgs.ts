// The okr-sheets command's words: the usage text, each command's flags, and reading them from argv.
import { parseArgs } from "node:util";
import { dateRefusal, unambiguousDate } from "../core/dates";

export class UsageError extends Error {}

export const USAGE = `Usage:
  okr-sheets new FILE.xlsx [--template operations|blank] [--start YYYY-MM-DD] [--weeks N] [--name TEXT] [--time-zone ZONE] [--locale CODE]
  okr-sheets import FILE.xlsx OKRS.csv
  okr-sheets checkin FILE.xlsx --kr ID --value V [--confidence N] [--comment T] [--blockers T] [--next T] [--as EMAIL] [--at YYYY-MM-DD] [--correct] [--confirm]
  okr-sheets checkin FILE.xlsx --from CHECKINS.csv [--confirm] [--at YYYY-MM-DD]
  okr-sheets summary FILE.xlsx [--at YYYY-MM-DD]
  okr-sheets show FILE.xlsx --sheet NAME [--json] [--at YYYY-MM-DD]
  okr-sheets serve FILE.xlsx [--port N] [--as EMAIL] [--at YYYY-MM-DD]
  okr-sheets review FILE.xlsx [--at YYYY-MM-DD]
  okr-sheets close FILE.xlsx [--at YYYY-MM-DD] [--early]
  okr-sheets rollover FILE.xlsx --start YYYY-MM-DD [--weeks N] [--name TEXT]
  okr-sheets edit FILE.xlsx --sheet NAME --range A1 --value V [--force]
  okr-sheets repair FILE.xlsx
  okr-sheets rollup COMPANY.xlsx [TEAM.xlsx ...] [--at YYYY-MM-DD] [--limit N]
  okr-sheets demo [DIR] [--portfolio]`;

/** The usage lines of one command (checkin has two), for `COMMAND --help` and `help COMMAND`. */
export function commandUsage(command: string): string {
  const lines = USAGE.split("\n").filter((l) => l.trim().startsWith(`okr-sheets ${command} `));
  if (!lines.length) return USAGE;
  return `Usage:\n${lines.join("\n")}\nEvery flag is described in docs/cli.md.`;
}

/** `--help` or `-h` where an option may stand (not as an option's value, "--comment -h"). */
export function asksHelp(command: string, argv: string[]): boolean {
  const names = FLAGS[command] ?? [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return true;
    const m = /^--([^=]+)$/.exec(a);
    // A string option's value is skipped, as parse() takes it ("--value -h" is a value).
    if (m && names.indexOf(m[1]) >= 0 && !BOOLEAN_FLAGS.has(m[1]) && argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) i++;
  }
  return false;
}

export type Flags = Record<string, string | boolean | undefined>;

export const FLAGS: Record<string, string[]> = {
  new: ["template", "start", "weeks", "name", "time-zone", "locale", "at"],
  import: ["at"],
  checkin: ["kr", "value", "confidence", "comment", "blockers", "next", "as", "at", "correct", "confirm", "from"],
  summary: ["at"],
  show: ["sheet", "json", "at"],
  serve: ["port", "as", "at"],
  review: ["at"],
  close: ["at", "early"],
  rollover: ["start", "weeks", "name", "at"],
  edit: ["sheet", "range", "value", "at", "force"],
  repair: ["at"],
  demo: ["at", "portfolio"],
  rollup: ["at", "limit"],
  "demo-serve": ["port", "at", "fresh"],
};

/** Flags that are switches, not options with a value. */
const BOOLEAN_FLAGS = new Set(["json", "correct", "confirm", "fresh", "early", "force", "portfolio"]);

/** The command-line flag for each check-in field, so a refusal names what to change (never `krId`). */
export const CHECKIN_FLAG_OF: Record<string, string> = {
  krId: "--kr", value: "--value", confidence: "--confidence", whatChanged: "--comment",
  blockers: "--blockers", nextStep: "--next", as: "--as",
};

/** How many positional arguments each command takes (FILE, or FILE and OKRS.csv, or DIR). */
const POSITIONALS: Record<string, number> = { import: 2, rollup: 1000 };

export function parse(command: string, argv: string[]): { positionals: string[]; flags: Flags } {
  const names = FLAGS[command];
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const n of names) options[n] = { type: BOOLEAN_FLAGS.has(n) ? "boolean" : "string" };
  // There are no short options, so a value starting with a single dash ("--value -5", "--comment
  // -fixed") is a value, not an option: pass it as "--value=-5" (parseArgs calls it ambiguous).
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)$/.exec(a);
    const next = argv[i + 1];
    if (m && options[m[1]]?.type === "string" && next !== undefined && next.startsWith("-") && !next.startsWith("--")) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  let r: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true; tokens: true }>>;
  try {
    r = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = (/'(-[^' ]+)/.exec(err.message) || [])[1] || "";
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Unknown option ${opt} for "${command}".`);
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (/does not take an argument/.test(err.message)) throw new UsageError(`${opt} does not take a value.`);
      throw new UsageError(`${opt} needs a value.`);
    }
    throw new UsageError(err.message.split("\n")[0]);
  }
  const seen = new Set<string>();
  for (const t of r.tokens ?? []) {
    if (t.kind !== "option") continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given more than once.`);
    seen.add(t.name);
  }
  const max = POSITIONALS[command] ?? 1;
  if (r.positionals.length > max) {
    throw new UsageError(`Unexpected argument "${r.positionals[max]}" (put text with spaces in quotes).`);
  }
  return { positionals: r.positionals, flags: r.values as Flags };
}

/**
 * `new`'s time zone: --time-zone, else this computer's, as a new Google spreadsheet takes its creator's. A
 * tracker kept in UTC far from it puts "today" on the wrong day for hours each day: a check-in made at 09:00
 * on a Monday in Auckland was Sunday's, in the week before.
 */
export function timeZoneFlag(flags: Flags): string {
  const given = flags["time-zone"];
  const zone = given === undefined ? Intl.DateTimeFormat().resolvedOptions().timeZone || "Etc/UTC" : String(given);
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new UsageError(`--time-zone: "${zone}" is not a time zone (for example Europe/Berlin, Pacific/Auckland, Etc/UTC).`);
  }
  return zone === "UTC" ? "Etc/UTC" : zone;
}

/** `new`'s spreadsheet locale (en_US unless given): de_DE, fr_FR, en_IN, ja_JP… as Google names them. */
export function localeFlag(flags: Flags): string {
  const v = flags.locale === undefined ? "en_US" : String(flags.locale);
  if (!/^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|\d{3}))?$/.test(v)) throw new UsageError(`--locale: "${v}" is not a locale code like de_DE, fr_FR or en_IN.`);
  return v;
}

export function need(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`--${name} is required.`);
  return v;
}

/** A date flag as YYYY-MM-DD, read as the roll-over prompt and a CSV's `at` read dates (13.01.2026, 2026/01/13). */
export function dateFlag(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const iso = typeof v === "string" ? unambiguousDate(v) : null;
  if (iso !== null) return iso;
  // The value as given (a script's variable, another locale's format), cut as the add-on cuts it.
  const shown = String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v);
  throw new UsageError(`--${name} must be a date okr-sheets can read, not "${shown}": ${dateRefusal(String(v))}.`);
}

export function intFlag(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number.`);
  return Number(v);
}

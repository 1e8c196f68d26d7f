// Property tests of submitCheckin through the built add-on (dist/Code.js; run `npm run build` first).
// Payloads mix valid and hostile fields; an independent oracle (written from docs/checkins.md and the
// documented rules in src/core/numbers.ts and src/core/api.ts, not by calling them) says what each one
// must do. For every submission:
// - refused: ok:false with a non-empty message, and the whole workbook (every tab's values, formulas,
//   formats, rules, named ranges, properties) byte-for-byte unchanged;
// - accepted: ok:true, exactly one new log row equal to the parsed input (texts read back as sent),
//   the KR's Current / Confidence / Last check-in updated, and no other input cell or formula changed;
// - a repeated request ID: ok:true, duplicate:true, nothing written.
import { beforeAll, describe, it } from "@jest/globals";
import { KR_FORECAST_HEADERS } from "../../src/core/tabs";
import { expect } from "../support/expect";
import { binaryUnit } from "../support/fcUnits";
import fc from "fast-check";
import type { SnapshotCell, WorkbookSnapshot } from "../../src/local/snapshot";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, openTracker, rowsOf, setToday, ss } from "../support/tracker";

const QUALITY = "quality.lead@example.com"; // owns O2.KR1, O2.KR2
const ADMIN = "ops.lead@example.com"; // Settings "Admins' emails"; also owns O3.KR2
const KR_IDS = ["O1.KR1", "O1.KR2", "O1.KR3", "O2.KR1", "O2.KR2", "O3.KR1", "O3.KR2"];
const CYCLE_START = "2026-01-05"; // 13 weeks: 2026-01-05 .. 2026-04-05 inclusive
const FIELDS = ["requestId", "krId", "value", "confidence", "whatChanged", "blockers", "nextStep", "as", "confirmed", "row"];
/** The template KRs the submissions aim at: unit and range (docs/checkins.md "Values that ask first"). */
const KRS: Record<string, { unit: string; metric: string; start: number; target: number }> = {
  "O1.KR1": { unit: "%", metric: "increase", start: 82, target: 95 },
  "O1.KR2": { unit: "days", metric: "decrease", start: 9.5, target: 6 },
  "O1.KR3": { unit: "orders", metric: "stay_below", start: 112, target: 120 },
  "O3.KR1": { unit: "EUR", metric: "decrease", start: 42, target: 36 },
  "O2.KR1": { unit: "%", metric: "decrease", start: 6.5, target: 3 },
  "O2.KR2": { unit: "%", metric: "stay_above", start: 93, target: 92 },
  "O3.KR2": { unit: "done", metric: "milestone", start: 0, target: 1 },
};

/** The confirmation rule, written out again: a sign change, beyond the range by more than its room, or a fraction on a whole-% KR. */
function needsConfirmation(v: number, kr: { unit: string; metric: string; start: number; target: number }): boolean {
  const lo = Math.min(kr.start, kr.target), hi = Math.max(kr.start, kr.target);
  if ((v < 0 && lo >= 0) || (v > 0 && hi <= 0)) return true;
  const stay = kr.metric === "stay_above" || kr.metric === "stay_below";
  const room = stay ? Math.max(hi - lo, Math.abs(kr.target) / 2 || 1) : hi - lo;
  const outside = (x: number) => x < lo - room || x > hi + room;
  if (outside(v)) return true;
  // 0.068 on a rework rate 7.5% → 3%: under 1, outside the range, its × 100 (to 4 decimals, as asked) ≥ 1 and within the room.
  const wholePercent = kr.unit === "%" && !(lo >= -1 && hi <= 1);
  const named = Math.round(v * 100 * 1e4) / 1e4;
  return wholePercent && v !== 0 && Math.abs(v) < 1 && (v < lo || v > hi) && Math.abs(named) >= 1 && !outside(named);
}
const LOG_COLS = ["Timestamp", "Week", "KR ID", "Value", "Confidence", "What changed", "Blockers", "Next step", "Author", "Request ID"];

let base: WorkbookSnapshot;
let owners: Record<string, string>;

beforeAll(() => {
  const wb = newTracker({ user: QUALITY, at: CYCLE_START, start: CYCLE_START });
  owners = Object.fromEntries(rowsOf(wb, "Key Results").filter((r) => r["ID"]).map((r) => [String(r["ID"]), String(r["Owner"])]));
  expect(Object.keys(owners).sort()).toEqual(KR_IDS);
  base = wb.services.toSnapshot();
});

// ---------------------------------------------------------------------------------------------------
// The oracle.

const norm = (s: string) => s.trim().toLowerCase();

/** "New value" as docs/checkins.md and the numbers.ts header describe it; null = must be refused. */
function expectedValue(v: unknown, decimalComma: boolean, unit: string | null, milestone = false): number | null {
  const range = (n: number) => (isFinite(n) && Math.abs(n) <= 1e15 ? (n === 0 ? 0 : n) : null);
  if (typeof v === "number") return range(v);
  if (typeof v !== "string" || v.length > 64) return null;
  // A Japanese input method's full-width forms are their ASCII characters ("８，５" is "8,5").
  let s = v.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
  s = s.replace(/[\u00a0\u202f]/g, " ").trim();
  // A point right after a unit's letters is the unit's ("Rs.500", "Rs. 500" are 500), not a number's start.
  s = s.replace(/^([^0-9.,+\-\u2212]*\p{L})\.\s*(?=[+\-\u2212]?\s*[0-9])/u, "$1 ");
  // The number is the run of sign, digits, separators and spaces; text before or after it (not both) is a
  // unit (numbers.ts). Before the KR is read (unit null) any such text passes; then it must be the KR's own
  // ("3 done", "$5"; case, spaces, a plural s and a final point do not matter). "%" only after the number, on
  // a % KR, where it means the number itself.
  const affix = /^([^0-9.,+\-\u2212]*?)\s*([+\-\u2212]?\s*(?:[0-9]|[.,][0-9])[0-9.,\s]*)\s*([^0-9]*)$/.exec(s);
  if (affix && (affix[1] || affix[3])) {
    const before = affix[1].trim();
    const after = affix[3].trim();
    if ((before && after) || before === "%") return null;
    if (after === "%") s = `${affix[2].trim()}%`;
    else {
      const key = (u: string) => {
        const k = u.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "");
        return k.length > 2 && k.endsWith("s") ? k.slice(0, -1) : k;
      };
      if (unit !== null && key(before || after) !== key(unit)) return null;
      s = affix[2].trim();
    }
  }
  const [own, group, g] = [decimalComma ? "," : ".", decimalComma ? "." : ",", /^([+\-\u2212]?\s*)([0-9]{1,3}(?:[.,][0-9]{3})+)([.,][0-9]*)?(\s*%?)$/.exec(s)] as const;
  if (g && g[2].indexOf(own) < 0 && (g[3] === undefined ? g[2].split(group).length > 2 : g[3][0] === own)) s = `${g[1]}${g[2].split(group).join("")}${g[3] || ""}${g[4]}`; // "1.234,5", "1.234.567" in de_DE
  const m = /^([+\-\u2212]?)\s*([0-9]*)(?:([.,])([0-9]*))?\s*(%?)$/.exec(s);
  if (!m) return null;
  const [, sign, int, sep, frac = "", pct] = m;
  if (int === "" && frac === "") return null;
  // The locale's own separator is always a decimal point; the other is refused before 3 digits (thousands?).
  if (sep !== undefined && sep !== own && frac.length === 3 && int !== "") return null;
  const digits = `${int}${frac}` || "0";
  if (pct && unit !== null && unit !== "%" && !milestone) return null; // a milestone's "33%" is 0.33, whatever its unit
  const n = Number(`${sign === "" || sign === "+" ? "" : "-"}${digits}e-${frac.length + (pct && milestone ? 2 : 0)}`);
  return range(n);
}

/** Confidence: a whole number 1–10 (typed as text of at most 8 characters, or a number). */
function expectedConfidence(v: unknown): number | null {
  let s: string;
  if (typeof v === "number") s = String(v);
  else if (typeof v === "string" && v.length <= 8) s = v.trim();
  else return null;
  if (!/^[0-9]{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 10 ? n : null;
}

interface World {
  user: string | null;
  day: string;
  decimalComma: boolean;
  /** Request IDs already in the log. */
  logged: Set<string>;
}

type Outcome =
  | { kind: "refused" }
  | { kind: "duplicate"; krId: string }
  | { kind: "written"; krId: string; value: number; confidence: number; texts: [string, string, string]; author: string; requestId: string };

function oracle(payload: unknown, w: World): Outcome {
  const refused = { kind: "refused" } as const;
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return refused;
  const p = payload as Record<string, unknown>;
  if (Object.keys(p).some((k) => !FIELDS.includes(k))) return refused;
  if (typeof p.requestId !== "string" || !/^[A-Za-z0-9-]{8,64}$/.test(p.requestId)) return refused;
  if (typeof p.krId !== "string") return refused;
  const typed = p.krId.trim();
  if (typed.length < 1 || typed.length > 64) return refused;
  // Found in any case; the reply and the log use the tracker's spelling (docs/checkins.md, step 5).
  const krId = KR_IDS.find((id) => id.toLowerCase() === typed.toLowerCase()) ?? typed;
  const texts: string[] = [];
  for (const f of ["whatChanged", "blockers", "nextStep"]) {
    if (p[f] === undefined) texts.push("");
    else if (typeof p[f] === "string" && (p[f] as string).length <= 2000) texts.push(p[f] as string);
    else return refused;
  }
  if (p.as !== undefined && (typeof p.as !== "string" || p.as.length > 254)) return refused;
  if (p.confirmed !== undefined && typeof p.confirmed !== "boolean") return refused;
  // A row is only where the server looks first: any whole number from 2 finds the KR by its ID after all.
  if (p.row !== undefined && !(typeof p.row === "number" && Number.isInteger(p.row) && p.row >= 2 && p.row <= 1e7)) return refused;
  const kr = KRS[krId];
  // Before the KR is known, any unit passes the syntax check.
  const syntax = expectedValue(p.value, w.decimalComma, null);
  const confidence = expectedConfidence(p.confidence);
  if (syntax === null || confidence === null) return refused;
  const acting = w.user !== null ? norm(w.user) : typeof p.as === "string" ? p.as.trim() : "";
  if (acting === "") return refused;
  const start = Date.parse(CYCLE_START), today = Date.parse(w.day);
  // Open from the start to a week after the last day (the last week's figures: core/dates.ts LATE_CHECKIN_DAYS).
  if (today < start || today >= start + (91 + 7) * 86400000) return refused;
  if (!owners[krId]) return refused;
  if (norm(acting) !== norm(ADMIN) && norm(owners[krId]) !== norm(acting)) return refused;
  if (w.logged.has(p.requestId)) return { kind: "duplicate", krId };
  const value = expectedValue(p.value, w.decimalComma, kr.unit, kr.metric === "milestone");
  if (value === null) return refused;
  if (p.confirmed !== true && needsConfirmation(value, kr)) return refused;
  const author = w.user !== null ? acting : `${acting} (chosen; no email available)`;
  return { kind: "written", krId, value, confidence, texts: texts as [string, string, string], author, requestId: p.requestId };
}

// ---------------------------------------------------------------------------------------------------
// Comparing workbooks.

type Cell = SnapshotCell | null | undefined;

/** Every cell that differs between two snapshots ("Sheet!row,col", 1-based); a formula cell's cached value is ignored. */
function changedCells(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const key = (c: Cell) => {
    if (!c) return "null";
    const { v, ...rest } = c;
    return JSON.stringify(c.f ? rest : { v, ...rest });
  };
  const out: string[] = [];
  const meta = (s: WorkbookSnapshot) => JSON.stringify({ ...s, sheets: s.sheets.map((x) => ({ ...x, rows: undefined })) });
  if (meta(a) !== meta(b)) out.push("(workbook structure)");
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i];
    const rows = Math.max(sa.rows.length, sb.rows.length);
    for (let r = 0; r < rows; r++) {
      const ra = sa.rows[r] || [], rb = sb.rows[r] || [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        if (key(ra[c]) !== key(rb[c])) out.push(`${sa.name}!${r + 1},${c + 1}`);
      }
    }
  });
  return out;
}

const snap = (wb: Workbook) => wb.services.toSnapshot();

/**
 * Trackers a world handed back as it found them, by locale: it wrote nothing (every submission refused,
 * each checked to leave the whole snapshot unchanged), so the next world of that locale starts from it
 * with its own user and day instead of opening the tracker again (opening rebuilds every formula: a third
 * of this test's time).
 */
const unchanged = new Map<string, Workbook[]>();
function trackerFor(locale: string, day: string, user: string | null): Workbook {
  const wb = unchanged.get(locale)?.pop() ?? openTracker({ ...base, locale }, { at: day, user });
  wb.services.session.setUser(user);
  return wb;
}
function handBack(locale: string, wb: Workbook): void {
  const free = unchanged.get(locale) ?? [];
  free.push(wb);
  unchanged.set(locale, free);
}

// ---------------------------------------------------------------------------------------------------
// Generators.

const json = fc.jsonValue({ maxDepth: 2 });
const formulaLike = fc.constantFrom("=1+1", "+1", "-x", "@me", "=HYPERLINK(\"http://evil\",\"x\")", "=IMPORTXML(A1)", "'quoted", "'", "''", "-", "=");
const htmlLike = fc.constantFrom("<b>x</b>", "<script>alert(1)</script>", "&amp;&lt;", "<img src=x onerror=alert(1)>", "\"><svg/onload=1>");
const lookAlikes = fc.constantFrom("TRUE", "false", "3", "007", "3,5", "50%", "2026-01-05", "1/2/2026", "1e3", "#N/A", "#REF!", " padded ");
const controls = fc.constantFrom("\u0000", "a\u0007b", "\r\n", "line1\nline2", "\t", "\u2028", "\ufeff", "\u202e", "\ud800", "x\udfff");
const longText = fc.constantFrom(1999, 2000, 2001, 10000).chain((n) => fc.constantFrom("x".repeat(n), "é".repeat(n), "😀".repeat(n / 2)));

/** Text a user may send: any string up to 2,000 characters, or the field left out. */
const validTextArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: binaryUnit, maxLength: 30 }) },
  { weight: 3, arbitrary: formulaLike },
  { weight: 2, arbitrary: htmlLike },
  { weight: 2, arbitrary: lookAlikes },
  { weight: 2, arbitrary: controls },
  { weight: 1, arbitrary: fc.constantFrom("y".repeat(2000), "😀".repeat(1000)) },
);

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: binaryUnit, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 3, arbitrary: formulaLike },
  { weight: 2, arbitrary: htmlLike },
  { weight: 2, arbitrary: lookAlikes },
  { weight: 2, arbitrary: controls },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: json },
);

const decimalText = fc
  .record({
    pad: fc.constantFrom("", " ", "\u00a0", "\t"),
    sign: fc.constantFrom("", "", "+", "-", "\u2212"),
    int: fc.stringMatching(/^[0-9]{0,7}$/),
    sep: fc.constantFrom("", ".", ","),
    frac: fc.stringMatching(/^[0-9]{0,4}$/),
    pct: fc.constantFrom("", "", "%", " %"),
  })
  .map(({ pad, sign, int, sep, frac, pct }) => `${pad}${sign}${int}${sep}${sep ? frac : ""}${pct}${pad}`);

/** The same, some characters typed by a Japanese input method in full-width mode ("８，５", "－３％", "\u3000"). */
const fullWidthText = fc.tuple(decimalText, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 })).map(([t, wide]) =>
  [...t].map((c, i) => (!wide[i % 16] ? c : c === " " ? "\u3000" : c >= "!" && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(""),
);

const valueArb = fc.oneof(
  { weight: 4, arbitrary: decimalText },
  { weight: 1, arbitrary: fullWidthText },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 1e15, -1e15, 1e15 + 0.25, 5e-324, Number.MAX_SAFE_INTEGER) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "", "  ", "NaN", "Infinity", "-Infinity", "1e3", "0x10", "1_000", "1 000", "1.234,5", "1,234.5", "1.234.567", "1,234,567", "-12.345,5 %", "1.23,4", "1.2.3", "1,234", "1.234",
      "5%%", "%", "--5", "+-5", ".", ",", "1.", ",5", "days.5", "Days. 8,5", "$.5", "=1+1", "@5", "<b>5</b>", "5\u0000", "٣", "５", "9".repeat(16), "9".repeat(65), "1e400",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const confidenceArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -1, max: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom("7", " 7 ", "07", "10", "010", "7.0", "7,0", "seven", "", "1e1", "+7", "123456789", "\t3\n") },
  { weight: 1, arbitrary: fc.constantFrom(7.5, NaN, Infinity, 1e308, -0, 10.000000000000002) },
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const krIdArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KR_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(" O2.KR1 ", "\tO2.KR2\n", "o2.kr1", "O9.KR9", "", "   ", "=O2.KR1", "O2.KR1*", "x".repeat(65), "O2.KR1\u0000") },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: json },
);

const asArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom(QUALITY, ADMIN, "dispatch.lead@example.com", " Quality.Lead@Example.COM ", "", "  ", "stranger@x.com", "a".repeat(255), "=cmd|' /C calc'!A0") },
  { weight: 1, arbitrary: json },
);

const extraArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), json, { minKeys: 1, maxKeys: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, unknown>>({ score: 1 }, JSON.parse('{"__proto__": 1}'), { constructor: 1 }, { "": "" }, { Value: 5 }) },
  // The row the sidebar sends: right, another KR's, blank, past the tab's end, or not a row at all.
  { weight: 2, arbitrary: fc.constantFrom<Record<string, unknown>>({ row: 2 }, { row: 5 }, { row: 6 }, { row: 40 }, { row: 5000 }, { row: 1 }, { row: 0 }, { row: 2.5 }, { row: "5" }, { row: null }) },
);

/** Which request ID to send: a fresh valid one, an earlier one of this run, or a malformed one. */
const requestIdArb = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{8,64}$/).map((id) => ({ fresh: id })) },
  { weight: 4, arbitrary: fc.nat().map((i) => ({ repeat: i })) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom("", "short", "has spaces in it", "x".repeat(65), "abc_defgh", "ünïcödé-id", "=abcdefgh", " abcdefgh"),
      json,
      fc.constant(undefined),
    ).map((bad) => ({ bad })),
  },
);

const validFields = fc.record({
  krId: fc.constantFrom("O2.KR1", "O2.KR2", "O2.KR1", "O3.KR2"),
  value: fc.oneof(decimalText, fc.integer({ min: -100, max: 100 })),
  confidence: fc.integer({ min: 1, max: 10 }),
  whatChanged: validTextArb,
  blockers: validTextArb,
  nextStep: validTextArb,
  as: fc.constantFrom(QUALITY, ADMIN, QUALITY),
  // Mostly confirmed: an unconfirmed implausible value is refused, and too few writes (and resends of a
  // write) would leave the written and duplicate outcomes barely exercised.
  confirmed: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constantFrom(false, undefined), weight: 1 }),
});
const hostileFields = fc.record({ krId: krIdArb, value: valueArb, confidence: confidenceArb, whatChanged: textArb, blockers: textArb, nextStep: textArb, as: asArb });
type Fields = Record<string, unknown>;

/** A plausible check-in with none, one or a few of its fields replaced by hostile ones (and sometimes extra keys). */
const submissionArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        rid: requestIdArb,
        valid: validFields,
        hostile: hostileFields,
        hostileCount: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
        replace: fc.shuffledSubarray(["krId", "value", "confidence", "whatChanged", "blockers", "nextStep", "as"], { minLength: 3, maxLength: 3 }),
        extra: extraArb,
      })
      .map(({ rid, valid, hostile, hostileCount, replace, extra }) => ({
        rid,
        fields: { ...valid, ...Object.fromEntries(replace.slice(0, hostileCount).map((k) => [k, (hostile as Fields)[k]])) } as Fields,
        extra: hostileCount ? extra : {},
      })),
  },
  // Not an object at all.
  { weight: 1, arbitrary: json.map((whole) => ({ whole })) },
);

const worldArb = fc.record({
  user: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<string | null>(QUALITY, QUALITY, ADMIN, null, null, "Quality.Lead@Example.COM") },
    { weight: 1, arbitrary: fc.constant("stranger@example.com") },
  ),
  day: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("2026-01-05", "2026-01-20", "2026-02-11", "2026-04-05", "2026-04-12") },
    { weight: 1, arbitrary: fc.constantFrom("2026-01-04", "2026-04-13") },
  ),
  locale: fc.constantFrom("en_US", "en_US", "de_DE", "fr_FR", "en_GB"),
  submissions: fc.array(submissionArb, { minLength: 1, maxLength: 4 }),
});

/**
 * Worlds run before the generated ones on every run: a check-in and its exact resend, so that every seed sees
 * all three outcomes (a random seed once drew only 3 resends of saved check-ins in 90 worlds).
 */
const RESEND_EXAMPLES: unknown[][] = [
  ["2026-01-05", "en_US", "O2.KR2", "93", QUALITY],
  ["2026-01-20", "de_DE", "O2.KR1", "5,5", QUALITY],
  ["2026-02-11", "en_GB", "O3.KR2", "40", ADMIN],
  ["2026-01-20", "fr_FR", "O2.KR2", "92,5", ADMIN],
].map(([day, locale, krId, value, user], i) => {
  const fields = { krId, value, confidence: 7, whatChanged: "steady", blockers: "", nextStep: "", as: undefined, confirmed: true };
  return [{ user, day, locale, submissions: [{ rid: { fresh: `resend-example-${i}` }, fields, extra: {} }, { rid: { repeat: 0 }, fields, extra: {} }] }];
});

// ---------------------------------------------------------------------------------------------------

describe("submitCheckin under hostile input (built add-on)", () => {
  it("refuses cleanly and writes nothing, or writes exactly the parsed check-in; repeats write nothing", () => {
    const seen = { refused: 0, written: 0, duplicate: 0 };
    fc.assert(
      fc.property(worldArb, ({ user, day, locale, submissions }) => {
        const wb = trackerFor(locale, day, user);
        setToday(wb, day);
        const world: World = { user, day, decimalComma: locale === "de_DE" || locale === "fr_FR", logged: new Set() };
        const sent: unknown[] = [];
        // One submission's "after" is the next one's "before": only reads come between them (a snapshot
        // rebuilds every formula's text, and was half of this test's time).
        let current = snap(wb);
        for (const s of submissions) {
          let payload: unknown;
          if ("whole" in s) payload = s.whole;
          else {
            // A repeat resends an ID already in the log when there is one (else any earlier ID of this run).
            const earlier: unknown[] = world.logged.size ? Array.from(world.logged) : sent;
            const rid = "fresh" in s.rid ? s.rid.fresh : "repeat" in s.rid ? (earlier.length ? earlier[s.rid.repeat % earlier.length] : "no-earlier-0") : s.rid.bad;
            payload = { requestId: rid, ...s.fields, ...s.extra };
          }
          if (payload && typeof payload === "object" && "requestId" in payload) sent.push((payload as { requestId: unknown }).requestId);
          // The oracle reads JSON's payload (NaN null, -0 0); the server gets NaN itself (scriptRun.ts): alike.
          const wire = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
          const expected = oracle(wire ?? null, world);
          const before = current;
          const r = callAddon(wb, "submitCheckin", payload);
          const after = (current = snap(wb));
          const label = `payload ${JSON.stringify(wire)?.slice(0, 300)} → ${JSON.stringify(r)?.slice(0, 300)}`;
          seen[expected.kind]++;
          if (expected.kind === "refused") {
            expect(r.ok, label).toBe(false);
            expect(typeof r.message, label).toBe("string");
            expect(r.message.trim().length, label).toBeGreaterThan(5);
            expect(r.message, label).not.toMatch(/Something went wrong|undefined|\[object/);
            expect(JSON.stringify(after), label).toBe(JSON.stringify(before));
            continue;
          }
          expect(r, label).toMatchObject({ ok: true, duplicate: expected.kind === "duplicate" });
          expect(r.kr.id, label).toBe(expected.krId);
          if (expected.kind === "duplicate") {
            expect(JSON.stringify(after), label).toBe(JSON.stringify(before));
            continue;
          }
          world.logged.add(expected.requestId);

          // Exactly one new log row, equal to the parsed input.
          const log = ss(wb).getSheetByName("Check-ins")!;
          const values = log.getDataRange().getValues();
          expect(values[0].slice(0, LOG_COLS.length), label).toEqual(LOG_COLS);
          const rows = values.slice(1).filter((row) => row.some((v) => v !== ""));
          expect(rows.length, label).toBe(world.logged.size);
          const last = Object.fromEntries(LOG_COLS.map((h, i) => [h, rows[rows.length - 1][i]]));
          expect(last["KR ID"], label).toBe(expected.krId);
          expect(last["Value"], label).toBe(expected.value);
          expect(last["Confidence"], label).toBe(expected.confidence);
          expect([last["What changed"], last["Blockers"], last["Next step"]], label).toEqual(expected.texts);
          expect(last["Author"], label).toBe(expected.author);
          expect(last["Request ID"], label).toBe(expected.requestId);
          expect(last["Week"], label).toBe(Math.min(13, Math.floor((Date.parse(day) - Date.parse(CYCLE_START)) / (7 * 86400000)) + 1));
          expect((last["Timestamp"] as Date).toISOString().slice(0, 10), label).toBe(day);
          // Text cells hold no formula.
          const formulas = log.getRange(rows.length + 1, 1, 1, LOG_COLS.length).getFormulas()[0];
          expect(formulas.every((f) => f === ""), label).toBe(true);

          // The KR row: Current, Confidence, Last check-in.
          const kr = rowsOf(wb, "Key Results").find((k) => k["ID"] === expected.krId)!;
          expect(kr["Current"], label).toBe(expected.value);
          expect(kr["Confidence"], label).toBe(expected.confidence);
          expect((kr["Last check-in"] as Date).toISOString().slice(0, 10), label).toBe(day);
          expect(r.kr.current, label).toBe(expected.value);
          expect(r.kr.confidence, label).toBe(expected.confidence);
          expect(r.kr.score, label).toBe(typeof kr["Score"] === "number" ? kr["Score"] : null);
          expect(r.kr.status, label).toBe(kr["Status"]);
          expect(String(kr["Request IDs"]).split(" ")[0], label).toBe(expected.requestId);

          // Nothing else: no other input cell, formula, format or rule changed.
          const krSheet = after.sheets.find((x) => x.name === "Key Results")!;
          const header = (krSheet.rows[0] || []).map((c) => String(c?.v ?? ""));
          const krRow = 1 + krSheet.rows.findIndex((row) => row?.[0]?.v === expected.krId);
          // The KR's own row: what the check-in records, the forecast it recomputes (issue 18) and the
          // request IDs that recognise a resend (issue 14).
          const allowed = new Set(["Current", "Confidence", "Last check-in", "Request IDs", ...KR_FORECAST_HEADERS].map((h) => `Key Results!${krRow},${header.indexOf(h) + 1}`));
          const logRow = rows.length + 1;
          const unexpected = changedCells(before, after).filter((k) => !allowed.has(k) && !k.startsWith(`Check-ins!${logRow},`));
          expect(unexpected, label).toEqual([]);
        }
        // Nothing was written (only refusals, each checked above): the tracker is as it was opened.
        if (world.logged.size === 0) handBack(locale, wb);
      }),
      { numRuns: 90, seed: Number(process.env.FC_SEED) || undefined, examples: RESEND_EXAMPLES as never },
    );
    // The generators must exercise all three outcomes, or the property proves little.
    console.log(`check-in fuzz outcomes: ${JSON.stringify(seen)}`);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.written).toBeGreaterThan(20);
    expect(seen.duplicate).toBeGreaterThan(3);
    // 194 s at load 22 on the 2-core machine (synchronous, so 60 s never stopped it).
  }, 600_000);
});

// The parts of a random OKR import table (test/support/importModel.ts): cells as a user types them
// (hostile text, numbers in every spelling, metric and header variants), the model's rows, and the
// column names.
import fc from "fast-check";

/** The IDs a tracker already holds (an import must not reuse them). */
export interface Existing {
  objectiveIds: string[];
  krIds: string[];
}

export const METRICS = ["increase", "decrease", "stay_above", "stay_below", "milestone"] as const;

/** Text that is legal in any text cell but hostile to spreadsheets, HTML or CSV. */
const hostilePrefix = fc.oneof(
  fc.constantFrom(
    "Plain words", "=1+1", "+44 7700", "-minus", "@mention", "=HYPERLINK(\"http://x\",\"y\")", "'quoted", "<b>bold</b>",
    "<script>alert(1)</script>", "a,b,c", "say \"hi\"", "line1\nline2", "tab\there", "Ünïcödé ✓ 数字", "😀 emoji", "\u202eRTL",
    "TRUE", "42", "007", "2026-01-05", "1/2/2026", "50%", "#N/A", "semi;colon", "back\\slash", "\r\ncrlf",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
);
const pad = fc.constantFrom("", "", "", " ", "  ", "\t");

/** A text cell: hostile prefix + a unique tag (so objective texts never collide), padded; expected = trimmed. */
export function textCell(tag: string, long: boolean) {
  return fc.tuple(pad, hostilePrefix, pad).map(([a, p, b]) => {
    const body = long ? "L".repeat(2000 - tag.length - 1) + " " + tag : `${p} ${tag}`;
    return { cell: `${a}${body}${b}`, value: `${a}${body}${b}`.trim() };
  });
}

export interface NumCell {
  cell: unknown;
  value: number | null;
}

/** A number as a user types it: "12", "+3.50", "-0", ".5", "7.", " 4 ", or a number cell. */
export const numCell: fc.Arbitrary<NumCell> = fc
  .record({
    sign: fc.constantFrom("", "", "+", "-"),
    int: fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.constantFrom("0", "1000000000000000", "999999999999999")),
    frac: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9]{0,4}$/)),
    asNumber: fc.boolean(),
    padded: fc.boolean(),
  })
  .filter(({ int, frac }) => Math.abs(Number(`${int}.${frac ?? ""}`)) <= 1e15)
  .map(({ sign, int, frac, asNumber, padded }) => {
    const s = `${sign}${int}${frac === null ? "" : "." + frac}`;
    const v = Number(s);
    const value = v === 0 ? 0 : v;
    return { cell: asNumber ? value : padded ? ` ${s} ` : s, value };
  });
const blankCell: fc.Arbitrary<NumCell> = fc.constantFrom({ cell: "", value: null }, { cell: "  ", value: null });

export type KrNumbers = { metric: (typeof METRICS)[number]; start: NumCell; target: NumCell };
export const krNumbers: fc.Arbitrary<KrNumbers> = fc.constantFrom(...METRICS).chain((metric): fc.Arbitrary<KrNumbers> => {
  switch (metric) {
    case "increase":
    case "decrease":
      return fc.tuple(numCell, numCell).filter(([a, b]) => a.value !== b.value).map(([start, target]) => ({ metric, start, target }));
    case "stay_above":
    case "stay_below":
      return fc.record({ metric: fc.constant(metric), start: fc.oneof(numCell, blankCell), target: numCell });
    default:
      return fc.record({ metric: fc.constant(metric), start: fc.oneof(numCell, blankCell), target: fc.oneof(numCell, blankCell) });
  }
});

export const weightCell = fc.oneof(
  blankCell,
  numCell.filter((n) => (n.value as number) >= 0),
  fc.constantFrom<NumCell>({ cell: "0", value: 0 }, { cell: 2, value: 2 }, { cell: "0.5", value: 0.5 }),
);

/** Case and separator variants: "Stay above", "STAY-ABOVE", " stay_above ". */
export function spelled(canonical: string) {
  return fc.record({ sep: fc.constantFrom("_", " ", "-", "  ", " - "), upper: fc.constantFrom("lower", "upper", "title"), pad }).map(({ sep, upper, pad: p }) => {
    let s = canonical.replace(/_/g, sep);
    if (upper === "upper") s = s.toUpperCase();
    if (upper === "title") s = s.replace(/(^|[ _-])([a-z])/g, (m, a: string, c: string) => a + c.toUpperCase());
    return p + s + p;
  });
}
export const caseVariant = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.charAt(0).toUpperCase() + s.slice(1), ` ${s} `);

const ID_CHARS = fc.constantFrom(..."abcXYZ019._-/ ".split(""));
export const givenId = (prefix: string) => fc.tuple(fc.constantFrom("", "x", "Team ", "T."), fc.array(ID_CHARS, { maxLength: 6 })).map(([a, cs]) => `${prefix}${a}${cs.join("")}`.trim());

export interface ModelKr {
  obj: number;
  id: string; // "" = generate
  title: { cell: string; value: string };
  owner: { cell: string; value: string };
  metricCell: string;
  metric: (typeof METRICS)[number];
  unit: { cell: string; value: string };
  start: NumCell;
  target: NumCell;
  weight: NumCell;
}

export interface ModelObjective {
  id: string; // "" = generate; else given (maybe an existing ID in another case)
  existing: string | null; // the tracker's spelling when the ID already exists
  title: { cell: string; value: string };
  owner: string;
  type: string; // as typed, "" = default
  team: string;
  parent: string;
  pnl: string;
}

export const OPTIONAL = ["objective_id", "kr_id", "objective_owner", "type", "unit", "weight", "team", "parent_objective_id", "pnl_link"] as const;
export const REQUIRED = ["objective", "key_result", "owner", "metric", "start", "target"] as const;

export function metricSpelling(metric: string, n: number): string {
  const variants = [metric, metric.toUpperCase(), ` ${metric} `, metric.replace(/_/g, " "), metric.replace(/_/g, "-"), metric.charAt(0).toUpperCase() + metric.slice(1).replace(/_/g, " ")];
  return variants[n % variants.length];
}

/** The 1-based row number of the r-th non-blank data row of the table. */
export function rowNoIn(table: unknown[][], r: number): number {
  let seen = -1;
  for (let i = 1; i < table.length; i++) {
    if (table[i].some((c) => String(c ?? "").trim() !== "")) seen++;
    if (seen === r) return i + 1;
  }
  throw new Error("row not found");
}

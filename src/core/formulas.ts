// The rules of evaluate.ts as live sheet formulas. They use only functions that Google Sheets,
// HyperFormula and LibreOffice/Excel evaluate the same way (IF, IFERROR, AND, OR, NOT, ISNUMBER, MIN,
// MAX, ROUND, INT, SUMIF, COUNTIFS, INDEX, MATCH, TODAY, LOWER, TRIM, LEN), English names, commas as separators.
// Every formula returns "" when its row's ID cell is empty, so formulas can be pre-filled on empty rows.
//
// Floating point: each formula performs the same IEEE operations in the same order as evaluate.ts
// (elapsed = MIN(1, MAX(0, (TODAY() − CycleStart) / (7 × CycleWeeks))); expected = elapsed × goal, the
// elapsed counted from a KR's `Counts from` day when it has one (core/countsFrom.ts); objective score =
// SUMIF(weighted) / SUMIF(counted) where SUMIF adds from 0 in row order), so results
// are bit-identical in HyperFormula (checked by the property test). Google Sheets compares doubles
// exactly (`=10.1-10=0.1` is FALSE there), as HyperFormula does with smartRounding off (local/engine.ts),
// so the gap is rounded to 9 decimals before it meets a threshold (gapStatus, scoring.withinGap): a gap
// exactly on a threshold in decimals is within it, and a comparison with a tolerance (Excel's) decides the same.
//
// IDs are matched as SUMIF/COUNTIFS/MATCH criteria: case-insensitive, and an ID containing * ? ~ or
// starting with < > = or looking like a number/date would be read as a pattern/number (the import
// refuses such IDs). An objective whose ID is literally "ID" would match the header row in MATCH.
import { columnLetter as letterOfColumn } from "./a1";
import { GAP_DECIMALS, SCORE_DECIMALS, SETUP_ERRORS } from "./scoring";
import { SETTINGS_ROWS, STATUS, TAB, type SettingKey } from "./tabs";

/** Header name → column letter, e.g. {"ID": "A", "Objective ID": "B"}. */
export type Cols = Record<string, string>;

export interface KrFormulaSet {
  Score: string;
  Expected: string;
  Status: string;
  "Weighted score": string;
  "Counted weight": string;
  /** Only where the Key Results tab has the column (KR_PACE_HEADERS). */
  "Weighted pace offset"?: string;
}

export interface ObjectiveFormulaSet {
  Score: string;
  Expected: string;
  Status: string;
}

/** Column letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  return letterOfColumn(index + 1);
}

/** Cols for a header row laid out from column A (empty header cells are skipped). */
export function colsFromHeaders(headers: readonly unknown[]): Cols {
  const cols: Cols = {};
  headers.forEach((h, i) => {
    const name = h === null || h === undefined ? "" : String(h);
    if (name !== "" && !Object.prototype.hasOwnProperty.call(cols, name)) cols[name] = columnLetter(i);
  });
  return cols;
}


/**
 * The settings the formulas below refer to by name: a new tracker gets a named range for these and no
 * others (each is a structural call on Google), and Repair keeps exactly these right (docs/workbook.md#settings).
 */
export const NAMED_SETTINGS = ["startDate", "weeks", "onTrackGap", "atRiskGap", "aspirationalGoal"] as const satisfies readonly SettingKey[];
export type NamedSetting = (typeof NAMED_SETTINGS)[number];

function name(key: NamedSetting): string {
  for (const r of SETTINGS_ROWS) if (r.key === key) return r.name;
  throw new Error(`No setting ${key}`);
}

/** Whether a setting carries a named range (NAMED_SETTINGS). */
export function isNamedSetting(key: string): boolean {
  return (NAMED_SETTINGS as readonly string[]).indexOf(key) >= 0;
}

/** The named ranges formulas use (NAMED_SETTINGS): header in row 1, SETTINGS_ROWS from `firstRow`, values in column B. */
export function settingsNamedRanges(firstRow = 2): { name: string; formula: string }[] {
  const out: { name: string; formula: string }[] = [];
  SETTINGS_ROWS.forEach((r, i) => {
    if (isNamedSetting(r.key)) out.push({ name: r.name, formula: `=${quoteSheet(TAB.settings)}!$B$${firstRow + i}` });
  });
  return out;
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function col(cols: Cols, header: string, what: string): string {
  const c = cols[header];
  if (!c || !/^[A-Z]{1,3}$/.test(c)) throw new Error(`${what}: no column letter for "${header}"`);
  return c;
}

/** MIN(1, MAX(0, (TODAY() − CycleStart) / (7 × CycleWeeks))) — see dates.elapsed. */
export function elapsedFormula(): string {
  return `MIN(1,MAX(0,(TODAY()-${name("startDate")})/(7*${name("weeks")})))`;
}

/**
 * The day a KR's pace counts from (core/countsFrom.ts paceStartSerial): its `Counts from` date `d`, within the
 * cycle, else the cycle's start. INT drops a time of day typed with the date.
 */
function paceStart(d: string): string {
  const S = name("startDate");
  return `IF(ISNUMBER(${d}),MAX(${S},MIN(INT(${d}),${S}+7*${name("weeks")}-1)),${S})`;
}

/**
 * The KR's share of its own time elapsed (core/countsFrom.ts krElapsed): from paceStart to the cycle's end.
 * With the cycle's start it is elapsedFormula's number exactly ((TODAY()-CycleStart)/(7*CycleWeeks-0)).
 */
function krElapsedFormula(d: string): string {
  const f = paceStart(d);
  return `MIN(1,MAX(0,(TODAY()-${f})/(7*${name("weeks")}-(${f}-${name("startDate")}))))`;
}

/** core/countsFrom.ts countsFromBad: text, or a date after the cycle's last day. */
function countsFromBad(d: string): string {
  return `IF(ISNUMBER(${d}),INT(${d})>=${name("startDate")}+7*${name("weeks")},LEN(${d})>0)`;
}

/**
 * Gap rule on a score cell and an expected cell: the gap rounded to GAP_DECIMALS before it is compared, as
 * scoring.withinGap does, so a gap exactly on a threshold (0.8 − 0.7 against 0.1) is within it under Google's
 * exact comparison.
 */
function gapStatus(score: string, expected: string): string {
  const gap = `ROUND(${expected}-${score},${GAP_DECIMALS})`;
  return (
    `IF(${gap}<=${name("onTrackGap")},${str(STATUS.onTrack)},` +
    `IF(${gap}<=${name("atRiskGap")},${str(STATUS.atRisk)},${str(STATUS.offTrack)}))`
  );
}

/** A score computed by division, held to SCORE_DECIMALS (scoring.ts: the same rounding evaluate.ts does). */
function roundScore(body: string): string {
  return `ROUND(${body},${SCORE_DECIMALS})`;
}

/** `formula` without its roundScore wrappers: each ROUND(…,SCORE_DECIMALS) becomes its body. */
function withoutScoreRounding(formula: string): string {
  const tail = `,${SCORE_DECIMALS})`;
  let out = formula;
  for (let at = out.indexOf("ROUND("); at >= 0; at = out.indexOf("ROUND(", at + 1)) {
    let depth = 0;
    let end = -1;
    for (let i = at + 5; i < out.length && end < 0; i++) {
      if (out[i] === "(") depth++;
      else if (out[i] === ")" && --depth === 0) end = i;
    }
    if (end < 0 || out.slice(end - tail.length + 1, end + 1) !== tail) continue;
    out = out.slice(0, at) + out.slice(at + 6, end - tail.length + 1) + out.slice(end + 1);
  }
  return out;
}

/**
 * The add-on's earlier versions of a formula it writes now, so that Repair can tell a tracker set up by an
 * older version ("updated") from one whose formulas were changed by hand ("restored"). Until session 12 the
 * gap rule compared the unrounded gap: `expected-score<=gap`; until session 19 a score from a division was
 * not rounded to SCORE_DECIMALS (the KR's and the objective's Score).
 */
export function earlierFormulaVersions(formula: string): string[] {
  const ungapped = (f: string) => f.replace(new RegExp(`ROUND\\(([^,()]+-[^,()]+),${GAP_DECIMALS}\\)`, "g"), "$1");
  const versions = [ungapped(formula), withoutScoreRounding(formula)];
  versions.push(ungapped(versions[1]));
  return versions.filter((f, i) => f !== formula && versions.indexOf(f) === i);
}

export function krFormulas(row: number, kr: Cols, obj: Cols): KrFormulaSet {
  const c = (h: string) => `$${col(kr, h, "Key Results")}${row}`;
  const id = c("ID");
  const objId = c("Objective ID");
  const metricCell = c("Metric");
  const s = c("Start");
  const t = c("Target");
  const w = c("Weight");
  const cur = c("Current");
  const last = c("Last check-in");
  const score = c("Score");
  const expected = c("Expected");
  // `Counts from` is optional (a tracker set up before it): without it every KR counts from the cycle's start.
  // So without `Weighted pace offset`, as the objective's Expected then is (server/read.ts keyResultsFrom alike).
  const from = kr["Counts from"] && kr["Weighted pace offset"] ? c("Counts from") : null;
  const O = quoteSheet(TAB.objectives);
  const objIdCol = `${O}!$${col(obj, "ID", "Objectives")}:$${col(obj, "ID", "Objectives")}`;
  const objTypeCol = `${O}!$${col(obj, "Type", "Objectives")}:$${col(obj, "Type", "Objectives")}`;

  const m = `LOWER(TRIM(${metricCell}))`;
  const is = (metric: string) => `${m}=${str(metric)}`;
  const blankRow = (body: string) => `=IF(LEN(${id})=0,"",${body})`;
  // (No TRUE/FALSE literals: comparisons give the booleans, and a bare TRUE was #NAME? offline until session 19.)
  const weightBad = `IF(ISNUMBER(${w}),${w}<0,LEN(${w})>0)`;
  const effWeight = `IF(LEN(${w})=0,1,${w})`;
  const c0 = `IF(ISNUMBER(${cur}),${cur},${s})`;
  // scoring.progress: clamp(d / D) without a division that could overflow.
  const progress = (d: string, D: string) => `IF(${D}>0,IF(${d}>=${D},1,IF(${d}<=0,0,${d}/${D})),IF(${d}<=${D},1,IF(${d}>=0,0,${d}/${D})))`;
  const stayHolds = (v: string) => `IF(IF(${is("stay_above")},${v}>=${t},${v}<=${t}),1,0)`;

  const scoreBody =
    `IF(NOT(OR(${is("increase")},${is("decrease")},${is("stay_above")},${is("stay_below")},${is("milestone")})),${str(SETUP_ERRORS.unknownMetric)},` +
    `IF(${weightBad},${str(SETUP_ERRORS.weight)},` +
    (from ? `IF(${countsFromBad(from)},${str(SETUP_ERRORS.countsFrom)},` : "") +
    `IF(${is("milestone")},MIN(1,MAX(0,IF(ISNUMBER(${cur}),${cur},IF(ISNUMBER(${s}),${s},0)))),` +
    `IF(OR(${is("stay_above")},${is("stay_below")}),` +
    `IF(ISNUMBER(${t}),IF(ISNUMBER(${cur}),${stayHolds(cur)},IF(ISNUMBER(${s}),${stayHolds(s)},0)),${str(SETUP_ERRORS.target)}),` +
    `IF(NOT(AND(ISNUMBER(${s}),ISNUMBER(${t}))),${str(SETUP_ERRORS.startTarget)},` +
    `IF(${s}=${t},${str(SETUP_ERRORS.startEqualsTarget)},` +
    `${roundScore(`IF(${is("increase")},${progress(`(${c0}-${s})`, `(${t}-${s})`)},${progress(`(${s}-${c0})`, `(${s}-${t})`)})`)}))))))` +
    (from ? ")" : "");

  const goal =
    `IF(LEN(${objId})=0,1,IF(IFERROR(LOWER(TRIM(INDEX(${objTypeCol},MATCH(${objId},${objIdCol},0)))),"")="aspirational",` +
    `${name("aspirationalGoal")},1))`;

  const statusBody =
    `IF(NOT(ISNUMBER(${score})),${str(STATUS.setupError)},` +
    `IF(AND(LEN(${last})=0,NOT(ISNUMBER(${cur}))),${str(STATUS.notStarted)},` +
    `IF(OR(${is("stay_above")},${is("stay_below")}),IF(${score}=1,${str(STATUS.onTrack)},${str(STATUS.offTrack)}),` +
    `${gapStatus(score, expected)})))`;

  const offset = from
    ? { "Weighted pace offset": blankRow(`IF(ISNUMBER(${score}),(${krElapsedFormula(from)}-${elapsedFormula()})*${effWeight},0)`) }
    : {};
  return {
    Score: blankRow(scoreBody),
    Expected: blankRow(`${from ? krElapsedFormula(from) : elapsedFormula()}*${goal}`),
    Status: blankRow(statusBody),
    "Weighted score": blankRow(`IF(ISNUMBER(${score}),${score}*${effWeight},0)`),
    "Counted weight": blankRow(`IF(ISNUMBER(${score}),${effWeight},0)`),
    ...offset,
  };
}

export function objectiveFormulas(row: number, obj: Cols, kr: Cols): ObjectiveFormulaSet {
  const c = (h: string) => `$${col(obj, h, "Objectives")}${row}`;
  const id = c("ID");
  const type = c("Type");
  const score = c("Score");
  const expected = c("Expected");
  const K = quoteSheet(TAB.keyResults);
  const kcol = (h: string) => {
    const l = col(kr, h, "Key Results");
    return `${K}!$${l}:$${l}`;
  };
  const krObj = kcol("Objective ID");
  const ws = kcol("Weighted score");
  const cw = kcol("Counted weight");
  const krStatus = kcol("Status");
  const blankRow = (body: string) => `=IF(LEN(${id})=0,"",${body})`;
  const sumW = `SUMIF(${krObj},${id},${cw})`;
  const goal = `IF(LOWER(TRIM(${type}))="aspirational",${name("aspirationalGoal")},1)`;
  // The counted-weight mean of its KRs' elapsed shares, as the cycle's elapsed plus the mean of their offsets
  // from it (Weighted pace offset: 0 for a KR counting from the cycle's start), so that an objective none of
  // whose KRs has a `Counts from` date gets elapsed + 0, today's number bit for bit (core/evaluate.ts).
  const paced = kr["Weighted pace offset"] && kr["Counts from"] ? `(${elapsedFormula()}+IF(${sumW}>0,SUMIF(${krObj},${id},${kcol("Weighted pace offset")})/${sumW},0))` : elapsedFormula();
  return {
    Score: blankRow(`IF(${sumW}>0,${roundScore(`SUMIF(${krObj},${id},${ws})/${sumW}`)},"")`),
    Expected: blankRow(`${paced}*${goal}`),
    Status: blankRow(
      `IF(COUNTIFS(${krObj},${id},${cw},">=0")=0,${str(STATUS.noKeyResults)},` +
        `IF(NOT(ISNUMBER(${score})),${str(STATUS.setupError)},` +
        `IF(COUNTIFS(${krObj},${id},${cw},">0",${krStatus},${str("<>" + STATUS.notStarted)})=0,${str(STATUS.notStarted)},` +
        `${gapStatus(score, expected)})))`,
    ),
  };
}

// Cycle lifecycle (docs/lifecycle.md): the Mid-cycle Review and Retrospective tabs as frozen
// values, the re:Work grade bands, and the plan for rolling over to the next cycle.
//
// Decisions:
// - Grade bands compare the UNROUNDED score: < 0.4 → "0.0–0.39", < 0.7 → "0.4–0.69", else "0.7–1.0".
//   So 0.395 (shown as 0.40) grades "0.0–0.39", and 0.7 exactly grades "0.7–1.0". No score → no grade; a KR
//   nobody checked in on → "No check-ins" (retroGrades.ts).
// - Review/Retrospective list each objective followed by its KRs (tracker order; KR objective IDs match
//   case-insensitively as in the sheet), then KRs whose objective does not exist. Values are frozen
//   numbers and text, not formulas.
// - Rollover decisions are read back from the Retrospective tab: trimmed, inner spaces collapsed,
//   case-insensitive; a blank decision means the default, retain. Any other word is refused with its
//   sheet row. `change` carries the OKR over exactly like `retain` (the user edits it in the new cycle).
//   A KR is removed when it is marked remove OR its objective is removed (a KR whose objective ID names
//   no objective is carried, with a warning). A retrospective ID that is
//   not in the tracker, or one ID given two different decisions, is refused (a typo must not silently
//   drop a decision).
// - A carried KR's new start = its last value (lastValues, the KR's current) when that is a number,
//   else its previous start (never checked in); current, confidence and last check-in are cleared. An
//   increase/decrease KR whose new start equals or is past its target is carried so, with a line in
//   `baselines` (the score runs from start to target, so past it the KR is turned around).
// - Archive tab names (archiveNames.ts): "<finished cycle name> · <tab>", with the characters sheets refuse ([ ] : * ? / \)
//   replaced by "-", no leading/trailing apostrophe, at most maxTabNameLength characters (default 100,
//   the Google Sheets limit; pass 31 for .xlsx) by shortening the cycle-name part, and unique
//   (case-insensitively) against the existing tab names and each other by adding " (2)", " (3)", ….
// - Numbers inside text (the overall line, the grade bands) take the spreadsheet locale's decimal separator.
// - Frozen rows: down to the main table's header when it is at row MAX_FROZEN_ROWS or above, else only the
//   title block (title, subtitle, instruction). The Signals block above the table has a row per signal
//   (header at row 49 on the benchmark's medium tracker, 237 on the large one), and Sheets cannot scroll
//   past a frozen block taller than the window: the decisions table, the part to fill in, was unreachable.
import { isValidIsoDate, weekNumber } from "./dates";
import { startTooEarly } from "./rolloverStart";
import type { TrackerEvaluation } from "./evaluate";
import type { KeyResult, Objective, Settings, Tracker } from "./model";
import type { SummaryCell } from "./summary";
import { FMT, percent } from "./summary";
import { decimalText, fixedText, type DecimalSeparator } from "./numbers";
import { TAB } from "./tabs";
import { objectiveKey } from "./objectiveKey";
import { archiveTabName } from "./archiveNames";
import { FINAL_SCORES_AS_OF } from "./cycleClosed";
import { finalValueText } from "./retroValue";
import { isNum } from "./scoring";
import { GRADE_BANDS, gradeBandText, gradeOf, gradeSpread, NO_CHECKINS, NO_SCORE } from "./retroGrades";

export { archiveTabName, sanitizeTabName } from "./archiveNames";
export { GRADE_BANDS, gradeBand, gradeBandText, gradeSpread, type GradeBand, type GradeSpread } from "./retroGrades";

/** The review's title, "Mid-cycle review — <cycle>" in A1: how the review and a roll over tell the tab is ours (server/reportTabs.ts). */
export const REVIEW_TITLE = "Mid-cycle review";
/** The Retrospective's title, "Retrospective — <cycle>" in A1: how closing again tells the tab is ours (server/reportTabs.ts). */
export const RETRO_TITLE = "Retrospective";
export const REVIEW_HEADERS = ["Type", "ID", "Title", "Owner", "Score", "Expected", "Status", "Forecast", "Decision", "Notes"] as const;
export const REVIEW_DECISIONS = ["keep", "adjust", "drop"] as const;
export const RETRO_HEADERS = ["Type", "ID", "Title", "Owner", "Final score", "Grade", "Final value", "Learnings", "Decision"] as const;
/**
 * The Retrospective's header row as closing wrote it before session 19 (no Final value): a tab of that time
 * whose title was deleted is still ours (server/reportTabs.ts), and closing again rewrites it with the column.
 */
export const RETRO_HEADERS_BEFORE_VALUE = RETRO_HEADERS.filter((h) => h !== "Final value");
export const RETRO_DECISIONS = ["retain", "remove", "change"] as const;
export type RetroDecision = (typeof RETRO_DECISIONS)[number];

/**
 * The most rows a lifecycle tab freezes down to its table's header. Ten rows (the title at 16 pt and nine at
 * 21 px, ~220 px) are about half the grid a 768-px-high laptop screen shows in Sheets (~450 px under the
 * menus, toolbar and formula bar): the other half still scrolls through ~10 table rows. The Review's header
 * is at row 9 with no or one signal; the Retrospective's, below its grade spread, is at row 15 or lower, so
 * it always freezes its title block only.
 */
export const MAX_FROZEN_ROWS = 10;
/** The title block every lifecycle tab starts with: title, subtitle, instruction (then a blank row). */
const TITLE_ROWS = 3;

export const TYPE_OBJECTIVE = "Objective";
export const TYPE_KR = "Key result";

/** A tab laid out as rows written from A1: a title block, then one main table. */
export interface LifecycleTab {
  width: number;
  /** Every row has exactly `width` cells. */
  rows: SummaryCell[][];
  /** 1-based sheet row of the main table's header. */
  headerRow: number;
  /** 1-based sheet row of the first data row (headerRow + 1). */
  firstDataRow: number;
  /** Number of data rows under the header. */
  dataRows: number;
  /** Rows to freeze: to the header when that is within MAX_FROZEN_ROWS, else the title block. */
  frozenRows: number;
  headers: readonly string[];
  /** 1-based column of Decision (the server adds a dropdown of decisionOptions over the data rows). */
  decisionColumn: number;
  decisionOptions: readonly string[];
}

function idKey(id: unknown): string {
  return (id === null || id === undefined ? "" : String(id)).trim().toLowerCase();
}

/** KR → objective matching as the sheet does it (MATCH/SUMIF): case-insensitive, not trimmed. */
function groupKey(id: unknown): string {
  return objectiveKey(id);
}

function isBlank(id: unknown): boolean {
  return id === null || id === undefined || String(id) === "";
}

/** Objectives, each followed by its KRs, then KRs of no existing objective. */
function grouped(tracker: Tracker): { objective: Objective | null; krs: KeyResult[] }[] {
  const objectives = tracker.objectives.filter((o) => !isBlank(o.id));
  const krs = tracker.keyResults.filter((k) => !isBlank(k.id));
  const seen = new Set<string>();
  const out: { objective: Objective | null; krs: KeyResult[] }[] = [];
  for (const o of objectives) {
    const key = groupKey(o.id);
    if (seen.has(key)) {
      out.push({ objective: o, krs: [] });
      continue;
    }
    seen.add(key);
    out.push({ objective: o, krs: krs.filter((k) => groupKey(k.objectiveId) === key) });
  }
  const orphans = krs.filter((k) => !seen.has(groupKey(k.objectiveId)));
  if (orphans.length > 0) out.push({ objective: null, krs: orphans });
  return out;
}

function t(v: string): SummaryCell {
  return { v, fmt: FMT.text };
}
function n(v: number | null | undefined, fmt: string): SummaryCell {
  return v === null || v === undefined || !isFinite(v) ? { v: null } : { v, fmt };
}

function pad(rows: SummaryCell[][], width: number): SummaryCell[][] {
  for (const r of rows) while (r.length < width) r.push({ v: null });
  return rows;
}

function weekText(tracker: Tracker, asOf: string): string {
  const weeks = Math.max(1, Math.floor(tracker.settings.weeks) || 1);
  const w = Math.max(1, Math.min(weeks, weekNumber(asOf, tracker.settings.startDate)));
  return `week ${w} of ${weeks}`;
}

/** The Mid-cycle Review tab: frozen scores with a keep / adjust / drop decision and notes per OKR. */
/** `forecasts`: KR ID → its Forecast cell (reviewForecast.ts: the Weekly Summary's forecast as of the day). */
export function buildReview(tracker: Tracker, evaluation: TrackerEvaluation, asOf: string, signals: SummaryCell[][] = [], sep: DecimalSeparator = ".", forecasts: Map<string, string> = new Map()): LifecycleTab {
  const krEv = new Map(evaluation.krs.map((k) => [k.id, k] as [string, (typeof evaluation.krs)[number]]));
  const objEv = new Map(evaluation.objectives.map((o) => [o.id, o] as [string, (typeof evaluation.objectives)[number]]));
  const rows: SummaryCell[][] = [];
  rows.push([{ v: `${REVIEW_TITLE} — ${tracker.settings.cycleName}`, fmt: FMT.text, style: "title" }]);
  const ov = evaluation.overall;
  rows.push([
    {
      v:
        `Scores frozen as of ${asOf} · ${weekText(tracker, asOf)} · ${percent(evaluation.elapsed)} of the cycle elapsed` +
        (ov.score === null ? "" : ` · overall ${fixedText(ov.score, 2, sep)} vs ${fixedText(ov.expected, 2, sep)} expected (${ov.status})`),
      style: "subtitle",
    },
  ]);
  rows.push([{ v: "For each objective and key result, choose keep, adjust or drop, and note why.", style: "note" }]);
  rows.push([]);
  // Signals (reportSignals.ts) sit above the table, whose rows the decisions are read back from.
  if (signals.length) rows.push(...signals.map((r) => r.slice()), []);
  const headerRow = rows.length + 1;
  rows.push(REVIEW_HEADERS.map((h) => ({ v: h, style: "header" as const })));
  // An objective's row, then its KRs': frozen score, expected and status, then the two columns the team fills in.
  type Scored = { score: number | null; expected: number; status: string } | undefined;
  const row = (type: SummaryCell, x: { id: string; title: string; owner: string }, e: Scored, forecast = ""): SummaryCell[] => [
    type,
    t(x.id),
    t(x.title),
    t(x.owner),
    n(e ? e.score : null, FMT.score),
    n(e ? e.expected : null, FMT.score),
    { v: e ? e.status : "", style: "status" },
    t(forecast),
    { v: "" },
    { v: "" },
  ];
  for (const g of grouped(tracker)) {
    if (g.objective) rows.push(row({ v: TYPE_OBJECTIVE, style: "label" }, g.objective, objEv.get(g.objective.id)));
    for (const k of g.krs) rows.push(row({ v: TYPE_KR }, k, krEv.get(k.id), forecasts.get(k.id)));
  }
  return lifecycleTab(rows, headerRow, REVIEW_HEADERS, REVIEW_DECISIONS);
}

/** The Retrospective tab: final scores, grade spread, learnings and a retain / remove / change decision. */
export function buildRetrospective(tracker: Tracker, evaluation: TrackerEvaluation, asOf: string, signals: SummaryCell[][] = [], sep: DecimalSeparator = "."): LifecycleTab {
  const krEv = new Map(evaluation.krs.map((k) => [k.id, k] as [string, (typeof evaluation.krs)[number]]));
  const objEv = new Map(evaluation.objectives.map((o) => [o.id, o] as [string, (typeof evaluation.objectives)[number]]));
  const rows: SummaryCell[][] = [];
  rows.push([{ v: `${RETRO_TITLE} — ${tracker.settings.cycleName}`, fmt: FMT.text, style: "title" }]);
  const ov = evaluation.overall;
  rows.push([
    {
      v:
        `${FINAL_SCORES_AS_OF}${asOf} · ${weekText(tracker, asOf)} · ${percent(evaluation.elapsed)} of the cycle elapsed` +
        (ov.score === null ? "" : ` · overall ${fixedText(ov.score, 2, sep)}`),
      style: "subtitle",
    },
  ]);
  rows.push([
    {
      v:
        `Grades (re:Work): ${gradeBandText(GRADE_BANDS[2], sep)} delivered, ${gradeBandText(GRADE_BANDS[1], sep)} progress, ${gradeBandText(GRADE_BANDS[0], sep)} missed. ` +
        "Decide per OKR: retain, remove or change; roll over copies retained and changed OKRs.",
      style: "note",
    },
  ]);
  rows.push([]);
  rows.push([{ v: "Grade spread", style: "heading" }]);
  rows.push(["Grade", "Objectives", "Key results"].map((h) => ({ v: h, style: "header" as const })));
  const spread = gradeSpread(evaluation);
  for (const g of spread) rows.push([{ v: gradeBandText(g.band, sep), style: "label" }, { v: g.objectives }, { v: g.keyResults }]);
  // Said under the spread when it applies: a stay KR's 1.00 from its start is no delivery (retroGrades.ts).
  if (spread.some((g) => g.band === NO_CHECKINS)) {
    rows.push([{ v: `${NO_CHECKINS}: nobody checked in on it this cycle, so its score is its start's, not a result (a stay KR's ${fixedText(1, 2, sep)} included).`, style: "note" }]);
  }
  rows.push([]);
  if (signals.length) rows.push(...signals.map((r) => r.slice()), []);
  const headerRow = rows.length + 1;
  rows.push(RETRO_HEADERS.map((h) => ({ v: h, style: "header" as const })));
  const grade = (e: Parameters<typeof gradeOf>[0]): SummaryCell => {
    const g = gradeOf(e);
    return g === NO_SCORE ? { v: "" } : { v: gradeBandText(g, sep) };
  };
  for (const g of grouped(tracker)) {
    if (g.objective) {
      const o = g.objective;
      const e = objEv.get(o.id);
      rows.push([{ v: TYPE_OBJECTIVE, style: "label" }, t(o.id), t(o.title), t(o.owner), n(e ? e.score : null, FMT.score), grade(e), { v: "" }, { v: "" }, { v: "retain" }]);
    }
    for (const k of g.krs) {
      const e = krEv.get(k.id);
      // Where the KR ended against its target, in its unit (retroValue.ts), beside the learnings written on it.
      const value = t(finalValueText(k, e ? e.started : isNum(k.current), sep));
      rows.push([{ v: TYPE_KR }, t(k.id), t(k.title), t(k.owner), n(e ? e.score : null, FMT.score), grade(e), value, { v: "" }, { v: "retain" }]);
    }
  }
  return lifecycleTab(rows, headerRow, RETRO_HEADERS, RETRO_DECISIONS);
}

/** A review or retrospective block: its rows padded to the table's width, and where the table is. */
function lifecycleTab(rows: SummaryCell[][], headerRow: number, headers: readonly string[], decisions: readonly string[]): LifecycleTab {
  const width = headers.length;
  return {
    width,
    rows: pad(rows, width),
    headerRow,
    firstDataRow: headerRow + 1,
    dataRows: rows.length - headerRow,
    frozenRows: headerRow <= MAX_FROZEN_ROWS ? headerRow : TITLE_ROWS,
    headers,
    decisionColumn: headers.indexOf("Decision") + 1,
    decisionOptions: decisions,
  };
}

// ---------------------------------------------------------------------------------------------------
// Rollover

export interface RetroDecisionRow {
  id: string;
  decision: string;
  /** 1-based sheet row in the Retrospective tab (for messages). */
  row?: number;
  /** The Type cell ("Objective" / "Key result"), when read; narrows which ID it names. */
  type?: string;
}

export interface RolloverInput {
  tracker: Tracker;
  retro: RetroDecisionRow[];
  /** KR ID → its last value (the KR's current); null or absent = never checked in. */
  lastValues: Map<string, number | null>;
  /** YYYY-MM-DD, the next cycle's first day. */
  newStart: string;
  /**
   * The day the Retrospective's scores are as of (its "Final scores as of D" line), when it can be read: a
   * cycle closed before its last day may be followed from the day after; otherwise from the day after its last.
   */
  closedOn?: string | null;
  /** Next cycle's length; default: the finished cycle's. */
  weeks?: number;
  /** Next cycle's name; default: nextCycleName(finished name). */
  name?: string;
  /** Tab names already in the spreadsheet (archive names avoid them). */
  existingTabNames?: string[];
  /** 100 for Google Sheets (default); 31 for .xlsx. */
  maxTabNameLength?: number;
  /** The locale's decimal separator for the numbers in the baseline lines, asked for only when one is written ("." without). */
  separator?: () => DecimalSeparator;
}

export interface ArchiveNames {
  objectives: string;
  keyResults: string;
  checkins: string;
  history: string;
  retrospective: string;
  review: string;
}

export interface RolloverPlan {
  ok: true;
  /** The next cycle's objectives (row = 2 + position, under a header in row 1). */
  objectives: Objective[];
  /** The next cycle's KRs: same IDs, start = last value, current / confidence / last check-in cleared. */
  keyResults: KeyResult[];
  settings: Pick<Settings, "cycleName" | "startDate" | "weeks">;
  /** Names to rename the finished cycle's tabs to (never deleted). */
  archiveNames: ArchiveNames;
  removed: { objectives: string[]; keyResults: string[] };
  /** IDs marked change (carried over; to be edited by the user). */
  changed: string[];
  /** Non-blocking notes already made by the new cycle's focus checks (a KR without its objective, an objective without KRs). */
  warnings: string[];
  /**
   * Carried increase/decrease KRs whose new start (the last value) equals or is past the target, one line
   * each, for the person rolling over: the focus checks cannot tell them.
   */
  baselines: string[];
}

export type RolloverResult = RolloverPlan | { ok: false; message: string };

/** Normalised retro decision, "" for blank, or null when invalid. */
export function parseRetroDecision(raw: unknown): RetroDecision | "" | null {
  const s = (raw === null || raw === undefined ? "" : String(raw)).replace(/\s+/g, " ").trim().toLowerCase();
  if (s === "") return "";
  return (RETRO_DECISIONS as readonly string[]).indexOf(s) >= 0 ? (s as RetroDecision) : null;
}

/** "Cycle 1" → "Cycle 2", "Q3 pilot 9" → "Q3 pilot 10"; a name without a trailing number gets " 2". */
export function nextCycleName(name: string): string {
  const base = String(name || "").trim() || "Cycle";
  const m = /^(.*?)(\d+)$/.exec(base);
  if (m) return m[1] + String(Number(m[2]) + 1);
  return `${base} 2`;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Plans the next cycle from the finished one and the Retrospective decisions (see the decisions above). */
export function planRollover(input: RolloverInput): RolloverResult {
  const { tracker } = input;
  const old = tracker.settings;
  if (!isValidIsoDate(input.newStart)) return fail(`The new cycle's start date must be a date (YYYY-MM-DD), not "${input.newStart}".`);
  const tooEarly = startTooEarly(input.newStart, old, input.closedOn);
  if (tooEarly) return fail(tooEarly);
  const weeks = input.weeks === undefined ? old.weeks : input.weeks;
  if (!(typeof weeks === "number" && Number.isInteger(weeks) && weeks >= 1 && weeks <= 52)) {
    return fail(`The new cycle's length must be a whole number of weeks from 1 to 52, not "${String(weeks)}".`);
  }
  const name = input.name === undefined ? nextCycleName(old.cycleName) : String(input.name).trim();
  if (name === "") return fail("The new cycle needs a name.");
  if (name.length > 100) return fail("The new cycle's name is longer than 100 characters.");
  if (name.toLowerCase() === String(old.cycleName).trim().toLowerCase()) {
    return fail(`The new cycle needs a name different from the finished one ("${old.cycleName}").`);
  }

  const objectives = tracker.objectives.filter((o) => !isBlank(o.id));
  const krs = tracker.keyResults.filter((k) => !isBlank(k.id));
  const objKeys = new Set(objectives.map((o) => idKey(o.id)));
  const krKeys = new Set(krs.map((k) => idKey(k.id)));

  // Decisions by kind and ID.
  const objDecision = new Map<string, RetroDecision>();
  const krDecision = new Map<string, RetroDecision>();
  for (const r of input.retro) {
    const key = idKey(r.id);
    if (key === "") continue;
    const where = r.row !== undefined ? `Retrospective row ${r.row}` : `Retrospective ID ${String(r.id).trim()}`;
    const parsed = parseRetroDecision(r.decision);
    if (parsed === null) {
      return fail(`${where}: decision "${String(r.decision).trim()}" is not one of retain, remove, change.`);
    }
    const decision: RetroDecision = parsed === "" ? "retain" : parsed;
    const type = (r.type || "").replace(/\s+/g, " ").trim().toLowerCase();
    const isObj = type === "" || type === TYPE_OBJECTIVE.toLowerCase() ? objKeys.has(key) : false;
    const isKr = type === "" || type === TYPE_KR.toLowerCase() ? krKeys.has(key) : false;
    if (!isObj && !isKr) return fail(`${where}: "${String(r.id).trim()}" is not an objective or key result of this cycle.`);
    for (const [ok, map] of [[isObj, objDecision], [isKr, krDecision]] as [boolean, Map<string, RetroDecision>][]) {
      if (!ok) continue;
      const prev = map.get(key);
      if (prev !== undefined && prev !== decision) {
        return fail(`${where}: "${String(r.id).trim()}" has two different decisions (${prev} and ${decision}).`);
      }
      map.set(key, decision);
    }
  }

  const removed = { objectives: [] as string[], keyResults: [] as string[] };
  const changed: string[] = [];
  const warnings: string[] = [];
  const baselines: string[] = [];
  let sep: DecimalSeparator | undefined;
  const keptObjKeys = new Set<string>();
  const removedObjKeys = new Set<string>();
  const nextObjectives: Objective[] = [];
  for (const o of objectives) {
    const d = objDecision.get(idKey(o.id)) || "retain";
    if (d === "remove") {
      removed.objectives.push(o.id);
      removedObjKeys.add(groupKey(o.id));
      continue;
    }
    if (d === "change") changed.push(o.id);
    keptObjKeys.add(groupKey(o.id));
    nextObjectives.push({ ...o, row: nextObjectives.length + 2 });
  }

  const nextKrs: KeyResult[] = [];
  for (const k of krs) {
    const d = krDecision.get(idKey(k.id)) || "retain";
    const objKey = groupKey(k.objectiveId);
    if (d === "remove" || (removedObjKeys.has(objKey) && !keptObjKeys.has(objKey))) {
      removed.keyResults.push(k.id);
      continue;
    }
    if (d === "change") changed.push(k.id);
    if (!keptObjKeys.has(objKey)) warnings.push(`${k.id}: its objective "${k.objectiveId}" does not exist; carried over as it is.`);
    const last = input.lastValues.get(k.id);
    const start = typeof last === "number" && isFinite(last) ? last : k.start;
    const baseline = baselineWarning(k, start, (x) => decimalText(String(x), sep || (sep = input.separator ? input.separator() : ".")));
    if (baseline) baselines.push(baseline);
    nextKrs.push({ ...k, row: nextKrs.length + 2, start, current: null, confidence: null, lastCheckin: null });
  }
  for (const o of nextObjectives) {
    if (!nextKrs.some((k) => groupKey(k.objectiveId) === groupKey(o.id))) warnings.push(`${o.id} has no key results in the new cycle.`);
  }

  const max = input.maxTabNameLength === undefined ? 100 : input.maxTabNameLength;
  const taken = (input.existingTabNames || []).slice();
  const pick = (tab: string): string => {
    const nm = archiveTabName(old.cycleName, tab, taken, max);
    taken.push(nm);
    return nm;
  };
  const archiveNames: ArchiveNames = {
    objectives: pick(TAB.objectives),
    keyResults: pick(TAB.keyResults),
    checkins: pick(TAB.checkins),
    history: pick(TAB.history),
    retrospective: pick(TAB.retrospective),
    review: pick(TAB.review),
  };

  return {
    ok: true,
    objectives: nextObjectives,
    keyResults: nextKrs,
    settings: { cycleName: name, startDate: input.newStart, weeks },
    archiveNames,
    removed,
    changed,
    warnings,
    baselines,
  };
}

/**
 * Why a carried increase/decrease KR's new start cannot stay as it is: it equals the target (a setup error in
 * the new cycle), or it is already past it, which turns the KR around (the score runs from start to target,
 * so an on-time rate of 97 "increasing" to 95 would score a fall as progress). Null when it is fine.
 */
function baselineWarning(k: KeyResult, start: number | null, n: (x: number) => string): string | null {
  const up = k.metric === "increase";
  const t = k.target;
  if (!(up || k.metric === "decrease") || start === null || t === null) return null;
  const fix = "set a new target before the first check-in.";
  if (start === t) return `${k.id}: the new start (${n(start)}) equals the target; ${fix}`;
  if (up ? start < t : start > t) return null;
  return `${k.id}: the new start (${n(start)}) is already past the target (${n(t)}), so the KR would score a move back towards ${n(t)} as progress; ${fix}`;
}

// The plan for rolling over to the next cycle (docs/lifecycle.md#roll-over): what is carried, with which
// start, the new cycle's settings and the archive names; server/lifecycleTabs.ts carries it out.
//
// Decisions:
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
import { isValidIsoDate } from "./dates";
import { startTooEarly } from "./rolloverStart";
import type { KeyResult, Objective, Settings, Tracker } from "./model";
import type { NumberStyle } from "./numbers";
import { krValueText } from "./forecast";
import { valueWithUnit } from "./valueDigits";
import { TAB } from "./tabs";
import { archiveTabName } from "./archiveNames";
import { RETRO_DECISIONS, TYPE_KR, TYPE_OBJECTIVE, type RetroDecision } from "./lifecycleTab";
import { groupKey, idKey, isBlank } from "./lifecycleIds";

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
  /** The locale's NumberStyle (numberStyleFor) for the values in the baseline lines, asked for only when one is written ("." without). */
  separator?: () => NumberStyle;
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
  let sep: NumberStyle | undefined;
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
    // In the KR's unit, as the summary and the Retrospective write its values: a fraction-% KR's × 100 (95.5%,
    // not 0.955), money with cents and grouped, at the KR's decimals; until session 21 bare numbers.
    const shown = (x: number) => valueWithUnit(krValueText(k, x, (sep = sep || (input.separator ? input.separator() : "."))), k.percentCells ? "%" : k.unit, sep);
    const baseline = baselineWarning(k, start, shown);
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
  if (up ? start < t : start > t) return null;
  // Past by less than the KR's decimals show (1200.001 and 1200 both "$1,200.00") reads as equal.
  if (start === t || n(start) === n(t)) return `${k.id}: the new start (${n(start)}) equals the target; ${fix}`;
  return `${k.id}: the new start (${n(start)}) is already past the target (${n(t)}), so the KR would score a move back towards ${n(t)} as progress; ${fix}`;
}

// Which IDs typed with spaces around them Repair trims (docs/scoring.md#ids-in-formulas, docs/workbook.md
// Repair). The sheet's MATCH and SUMIF keep those spaces (core/objectiveKey.ts), so "O1 " on the Objectives
// tab and "O1" in a KR's Objective ID name different objectives: a KR counted for none, which the focus
// checks only named until session 21. What must change together so that nothing is orphaned:
// - an objective's ID and every KR's Objective ID are trimmed together: a KR that named the objective with
//   the same spaces still names it, and one typed without them (or with others) now does;
// - not an objective whose trimmed ID is another objective's (in any case): "O1 " beside "O1" are two
//   objectives, each with its own KRs, which trimming would merge; those rows, and the KRs' objective IDs
//   that name either, are left for the user (the focus checks name both: the spaces, and the ID on 2 rows);
// - a KR's own ID: no formula matches it, and every read trims it (a check-in's log row, History and the
//   summary's records hold it trimmed already), so trimming it orphans nothing and rewrites nothing else.
// Other IDs are left: a team's Parent ID is matched trimmed by the company roll-up, and the log and History
// are the add-on's own rows.
import { objectiveKey, spacedId, trimmedKey } from "./objectiveKey";

/** A cell's new text where its ID loses its spaces, null where it is kept as it is. */
export type IdTrim = string | null;

export interface IdTrims {
  /** Per Objectives row: its ID's new text, or null. */
  objectives: IdTrim[];
  /** Per Key Results row: its own ID's new text, or null. */
  krIds: IdTrim[];
  /** Per Key Results row: its Objective ID's new text, or null. */
  krObjectives: IdTrim[];
}

/** The text of an ID typed with spaces around it, trimmed; null for any other cell (a number, a blank, an ID without). */
const trimmedText = (v: unknown): string | null => (typeof v === "string" && spacedId(v) ? v.trim() : null);

/** Rows whose ID cells may not be written (a formula in the row: its value would replace the formula). */
export interface FixedRows {
  objectives?: (row: number) => boolean;
  krs?: (row: number) => boolean;
}

/**
 * The trims Repair makes, from the three ID columns as read (each row's cell; a row without one holds "").
 * `fixed`: the rows that may not be written. A fixed objective keeps its spaces, and so do the KRs' objective
 * IDs naming it; a fixed KR keeps its IDs, and the objective its objective ID names with spaces keeps its
 * own, so that the KR still names it.
 */
export function planIdTrims(objectiveIds: readonly unknown[], krIds: readonly unknown[], krObjectiveIds: readonly unknown[], fixed: FixedRows = {}): IdTrims {
  const no = () => false;
  const [fixedObjective, fixedKr] = [fixed.objectives || no, fixed.krs || no];
  // How many objectives each trimmed ID names: two or more are left as typed, and so are the KRs naming them.
  const named = new Map<string, number>();
  for (const id of objectiveIds) {
    const k = trimmedKey(id);
    if (k !== "") named.set(k, (named.get(k) || 0) + 1);
  }
  const pinned = new Set(krObjectiveIds.filter((v, i) => fixedKr(i) && trimmedText(v) !== null).map(trimmedKey));
  const alone = (v: unknown) => (named.get(trimmedKey(v)) || 0) === 1;
  const objectives = objectiveIds.map((v, i) => (alone(v) && !fixedObjective(i) && !pinned.has(trimmedKey(v)) ? trimmedText(v) : null));
  // The trimmed IDs of the objectives typed without spaces once trimmed: a KR's objective ID trimmed names them.
  const bare = new Set(objectiveIds.filter((v, i) => alone(v) && (objectives[i] !== null || trimmedText(v) === null)).map(trimmedKey));
  const krObjectives = krObjectiveIds.map((v, i) => {
    const k = trimmedKey(v);
    return !fixedKr(i) && (!named.has(k) || bare.has(k)) ? trimmedText(v) : null;
  });
  return { objectives, krIds: krIds.map((v, i) => (fixedKr(i) ? null : trimmedText(v))), krObjectives };
}

/**
 * The KRs (by row index) that counted for no objective and count for one once `trims` are made: the KRs whose
 * score Repair's trims bring into an objective's, for its report. A KR counted before is counted after too
 * (test/core/idSpaces.property.test.ts).
 */
export function newlyCounted(objectiveIds: readonly unknown[], krObjectiveIds: readonly unknown[], trims: IdTrims): number[] {
  const keys = (ids: readonly unknown[], t: readonly IdTrim[] | null) =>
    new Set(ids.map((v, i) => (t && t[i] !== null ? t[i] : v)).filter((v) => trimmedKey(v) !== "").map(objectiveKey));
  const before = keys(objectiveIds, null);
  const after = keys(objectiveIds, trims.objectives);
  const out: number[] = [];
  krObjectiveIds.forEach((v, i) => {
    if (trimmedKey(v) === "") return;
    const now = trims.krObjectives[i] !== null ? trims.krObjectives[i] : v;
    if (!before.has(objectiveKey(v)) && after.has(objectiveKey(now))) out.push(i);
  });
  return out;
}

/**
 * A Repair report's `restored`, `ids` and `updated` as the menu's dialog and the CLI say them: "Restored: …; …." for
 * what it put back, then each ID line as a sentence of its own (a trim is no restoring, and "…; A key result
 * counted …" read wrong in that list until session 21), then "Updated to this version's formulas: …." (the menu
 * and the CLI each wrote it until session 22). Empty strings for none. The ID lines are a field of their own
 * (SetupReport.ids): until session 22 they were told apart from `restored` by their words, which a rewording
 * would have moved into the list, and out of the import's notes, without a test failing.
 */
export function restoredSentences(r: { restored: readonly string[]; ids: readonly string[]; updated: readonly string[] }): string[] {
  const updated = r.updated.length ? `Updated to this version's formulas: ${r.updated.join("; ")}.` : "";
  return [r.restored.length ? `Restored: ${r.restored.join("; ")}.` : ""].concat(r.ids.map((l) => `${l}.`), updated);
}

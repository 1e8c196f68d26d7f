// docs/workbook.md "Focus checks": warnings (never blocking) about an OKR set that is hard to focus on.
//
// Decisions:
// - Objectives and KRs with a blank ID are ignored; KRs belong to objectives by ID as the sheet formulas
//   match them: in any case, spaces as typed (core/objectiveKey.ts). An ID with spaces around it is named,
//   with what they do: the sheet counts a KR typed "O1 " for no objective O1, and so does the add-on.
// - An objective with no KR gets only "has no key results" (not also "fewer than 2").
// - "No numeric start/target": increase/decrease need both, and different (equal, the row's Score says
//   "Setup error: start equals target"); stay_above/stay_below need a target only
//   (the start is just a baseline); milestone needs neither (its value is the fraction done). A KR
//   with an unknown metric is reported as such (its Score shows the setup error too).
// - A KR whose objective ID matches no objective is reported.
// - An ID typed on two rows (whatever the case) is reported once: check-ins, the summary and History tell
//   KRs apart by ID, so two KRs with one ID share a log and a History row, and an owner's check-in may be
//   refused as the other row's. KR IDs are compared with spaces around them ignored, as every read of a KR's
//   ID takes it; objective IDs as the sheet's formulas compare them (spaces count): "O1" and "O1 " are two
//   objectives there, so they get the spaces line (saying O1 is taken), not "on 2 rows" (docs/scoring.md#ids-in-formulas).
// - An owner that holds no email address ("Anna Lee", "ops team", "anna@example") is reported, each such
//   person of a cell naming several: the sidebar matches the signed-in email against the owner's address
//   (core/owners.ts), so such a KR is listed to nobody but admins, its other owners and its objective's, and
//   no reminder goes to that person. `Anna Lee <anna@example.com>` holds one and is fine; so do co-owners.
// - An objective's owner is optional (the spec's checks name KRs without one only), but one typed without
//   an address is reported: an objective's owner sees and checks in on its KRs by that address.
import { isNum, normalizeMetric } from "./scoring";
import { objectiveKey, spacedId, trimmedKey } from "./objectiveKey";
import { ownersOf } from "./owners";

export interface FocusObjective {
  id: string;
  owner?: string;
}
export interface FocusKeyResult {
  id: string;
  objectiveId: string;
  owner: string;
  metric: string;
  start: number | null;
  target: number | null;
}

export const MAX_OBJECTIVES = 5;
export const MIN_KRS = 2;
export const MAX_KRS = 4;

export function focusChecks(objectives: readonly FocusObjective[], keyResults: readonly FocusKeyResult[]): string[] {
  const out: string[] = [];
  const objs = objectives.filter((o) => String(o.id ?? "") !== "");
  const krs = keyResults.filter((k) => String(k.id ?? "") !== "");
  if (objs.length > MAX_OBJECTIVES) {
    out.push(`The cycle has ${objs.length} objectives; keep to at most ${MAX_OBJECTIVES} to stay focused.`);
  }
  const key = objectiveKey;
  const known: Record<string, true> = {};
  for (const o of objs) {
    known[key(o.id)] = true;
    const n = krs.filter((k) => key(k.objectiveId) === key(o.id)).length;
    if (n === 0) out.push(`Objective ${o.id} has no key results.`);
    else if (n < MIN_KRS) out.push(`Objective ${o.id} has only 1 key result; aim for ${MIN_KRS}–${MAX_KRS}.`);
    else if (n > MAX_KRS) out.push(`Objective ${o.id} has ${n} key results; aim for ${MIN_KRS}–${MAX_KRS}.`);
    for (const who of withoutAddress(o.owner)) out.push(objectiveNoAddress(o.id, who));
    if (spacedId(o.id)) out.push(spacedObjective(o.id, objs.some((x) => key(x.id) === key(String(o.id).trim()))));
  }
  out.push(...twice(objs, "Objective", key), ...twice(krs, "Key result", trimmedKey) /* a KR's own ID as every read takes it */);
  for (const k of krs) {
    if (!ownersOf(k.owner).length) out.push(`Key result ${k.id} has no owner: only admins and the owner of its objective see it in the sidebar, and only its objective's owner is reminded of it. Type the email of its owner in its Owner cell.`);
    for (const who of withoutAddress(k.owner)) out.push(noAddress(k.id, who));
    const m = normalizeMetric(k.metric);
    if (m === null) out.push(`Key result ${k.id} has an unknown metric "${String(k.metric ?? "")}".`);
    else if (m === "increase" || m === "decrease") {
      const missing = [isNum(k.start) ? "" : "start", isNum(k.target) ? "" : "target"].filter(Boolean).join(" and ");
      if (missing) out.push(`Key result ${k.id} has no numeric ${missing}.`);
      else if (k.start === k.target) out.push(`Key result ${k.id} has the same start and target: make them differ to score it.`);
    } else if ((m === "stay_above" || m === "stay_below") && !isNum(k.target)) {
      out.push(`Key result ${k.id} has no numeric target.`);
    }
    if (String(k.objectiveId ?? "") === "") out.push(`Key result ${k.id} has no objective ID.`);
    else if (!known[key(k.objectiveId)]) out.push(spacedId(k.objectiveId) ? spacedKr(k.id, k.objectiveId) : `Key result ${k.id} belongs to objective ${k.objectiveId}, which does not exist.`);
  }
  return out;
}

/** The people of an Owner cell that hold no address, as typed. */
function withoutAddress(owner: unknown): string[] {
  return ownersOf(owner).filter((o) => o.address === null).map((o) => o.text);
}

function lacks(owner: string): string {
  return owner.indexOf("@") >= 0 ? "is not an email address the add-on can read" : "holds no email address";
}

function objectiveNoAddress(id: string, owner: string): string {
  return (
    `Objective ${id}'s owner "${owner}" ${lacks(owner)}: an objective's owner sees and may check in on its key results ` +
    `by that address, so "${owner}" cannot. Type the owner's email, alone or as Name <email>, or leave it blank.`
  );
}

function noAddress(id: string, owner: string): string {
  return (
    `Key result ${id}'s owner "${owner}" ${lacks(owner)}: the sidebar lists a KR to the person signed in with its owner's address, ` +
    `so "${owner}" does not see ${id} there and is sent no reminder for it. Type the owner's email, alone or as Name <email>.`
  );
}

/**
 * An objective ID typed with spaces around it: the sheet counts for it only KRs naming it with the same spaces.
 * `bareTaken`: another objective has the ID without them, so removing them alone would make one ID of two.
 */
function spacedObjective(id: string, bareTaken: boolean): string {
  const fix = bareTaken ? `Remove the spaces and give it an ID of its own: objective ${String(id).trim()} is on another row.` : "Remove the spaces.";
  return `Objective ID "${id}" has spaces around it, which the sheet's formulas do not ignore: only a key result whose objective ID is typed with the same spaces counts for it. ${fix}`;
}

/** A KR's objective ID typed with spaces around it, naming no objective so: in the sheet it counts for none. */
function spacedKr(id: string, objectiveId: string): string {
  const bare = objectiveId.trim();
  return `Key result ${id}'s objective ID "${objectiveId}" has spaces around it, which the sheet's formulas do not ignore: it counts for no objective ${bare} (not in its score, nor for its owner's sidebar and reminders). Remove the spaces.`;
}


/**
 * "Objective ID O2 is on 2 rows; …" for each ID on more than one row by `key`, in its first spelling (spaces
 * around it left out: spacedObjective names those). Objectives by the sheet's rule: "O1" and "O1 " are two
 * objectives to its formulas (the spaces line says so), "O1" and "o1" one.
 */
function twice(rows: readonly { id: string }[], what: string, key: (id: unknown) => string): string[] {
  const n = new Map<string, string[]>();
  for (const { id } of rows) {
    const l = key(id);
    n.set(l, [...(n.get(l) || []), String(id).trim()]);
  }
  return [...n.values()].filter((x) => x.length > 1).map((x) => `${what} ID ${x[0]} is on ${x.length} rows; give each its own ID.`);
}

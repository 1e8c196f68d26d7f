// The one rule for matching a KR to its objective, everywhere: the sheet's own. The Key Results tab's
// Objective name and Objective owner (MATCH, server/setupFormulas.ts) and the objective's Score, Expected and
// Status (SUMIF, COUNTIFS: core/formulas.ts) compare an ID in any case, and every other character as it is,
// spaces included: a KR whose Objective ID is " O1" or "O1 " belongs to no objective O1 in the sheet. So the
// add-on reads objective IDs as typed (server/read.ts) and compares them with objectiveKey, and the sidebar,
// the check-in, the reminders, the summary, the charts and the retrospective agree with what the sheet shows.
// Ignoring the spaces instead would need a trimmed copy of each tab's ID column (SUMIF and MATCH cannot trim
// the range they search). Setup and Repair remove such spaces, an objective's and its KRs' together
// (core/idSpaces.ts), and the focus checks name those they cannot (docs/scoring.md#ids-in-formulas).

/** An objective ID, or a KR's Objective ID, as the sheet's MATCH and SUMIF compare it: in any case. */
export function objectiveKey(id: unknown): string {
  return id === null || id === undefined ? "" : String(id).toLowerCase();
}

/**
 * A text as the add-on matches it where no formula does, trimmed and in any case: a KR's own ID (every read
 * takes it trimmed), a Retrospective row's ID (lifecycleIds.ts idKey), a header's or a Settings label's name.
 */
export function trimmedKey(v: unknown): string {
  return (v === null || v === undefined ? "" : String(v)).trim().toLowerCase();
}

/** Whether an ID holds spaces before or after it (it is not only spaces): the sheet matches them as typed. */
export function spacedId(id: unknown): boolean {
  const s = id === null || id === undefined ? "" : String(id);
  const t = s.trim();
  return t !== "" && t !== s;
}

// How the lifecycle matches IDs (docs/lifecycle.md, docs/scoring.md#ids-in-formulas): a Retrospective's decision
// to its objective or KR (trimmed, case-insensitive), and a KR to its objective as the sheet does
// (case-insensitive, not trimmed). Shared by the tabs' grouping (lifecycleTab.ts) and the roll over's plan
// (rollover.ts).
import { objectiveKey, trimmedKey } from "./objectiveKey";

/**
 * A Retrospective row's ID as matched to the objective or KR it decides: no formula matches it, and a person
 * reads the row, where spaces around an ID do not show. So an objective whose ID lost its spaces between the
 * close and the roll over (as the focus checks ask) keeps its row's decision; two objectives "O1" and "O1 "
 * (two to the sheet) share one decision, and rows giving them two are refused, naming the row.
 */
export function idKey(id: unknown): string {
  return trimmedKey(id);
}

/** KR → objective matching as the sheet does it (MATCH/SUMIF): case-insensitive, not trimmed. */
export function groupKey(id: unknown): string {
  return objectiveKey(id);
}

export function isBlank(id: unknown): boolean {
  return id === null || id === undefined || String(id) === "";
}

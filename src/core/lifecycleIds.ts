// How the lifecycle matches IDs (docs/lifecycle.md): a Retrospective's decision to its objective or KR
// (trimmed, case-insensitive), and a KR to its objective as the sheet does (case-insensitive, not trimmed).
// Shared by the tabs' grouping (lifecycleTab.ts) and the roll over's plan (rollover.ts).
import { objectiveKey } from "./objectiveKey";

export function idKey(id: unknown): string {
  return (id === null || id === undefined ? "" : String(id)).trim().toLowerCase();
}

/** KR → objective matching as the sheet does it (MATCH/SUMIF): case-insensitive, not trimmed. */
export function groupKey(id: unknown): string {
  return objectiveKey(id);
}

export function isBlank(id: unknown): boolean {
  return id === null || id === undefined || String(id) === "";
}

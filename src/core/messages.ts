// Wording shared by the sidebar and the server, so a message says the same thing wherever it appears.
import { plural } from "./plural";
import { ownersOf } from "./owners";
import { shortOfGoal } from "./shortOfGoal";

/**
 * A check-in with fields to fix (the sidebar marks each field; the CLI names its flags). No direction: the
 * sidebar's status line sits under the fields, so "marked below" pointed the wrong way.
 */
export const FIX_FIELDS_MESSAGE = "Nothing was saved: fix the marked fields.";

/** A check-in naming a key result the tracker does not have, and what its field says. */
export function noSuchKrMessage(id: string): string {
  return `There is no key result with ID "${id}".`;
}
export const NO_SUCH_KR_FIELD = "Unknown key result.";

/**
 * A check-in on someone else's key result, and what its field says; one whose Owner names nobody (blank, or
 * only what a paste adds: a zero-width space, "mailto:") says how it gets one, as core/owners.ts reads it.
 */
export function notOwnerMessage(id: string, owner: string): string {
  if (!ownersOf(owner).length) return `${id} has no owner yet: only its objective's owner or an admin can check in on it until an admin types its owner's email in its Owner cell.`;
  return `${id} belongs to ${owner}; only its owner, its objective's owner or an admin can check in.`;
}
export const NOT_OWNER_FIELD = "You do not own this key result.";

/** Roll over before End cycle (the menu says it before asking for a date; the action says it too). */
export const CLOSE_CYCLE_FIRST = 'Close the cycle first ("End cycle & retrospective"): roll over needs the Retrospective\'s decisions.';

/** "At this pace 2 key results end short of their goal": how many the company roll-up lists, as the menu and the CLI say it. */
export function missingLine(n: number): string {
  return `At this pace ${plural(n, "key result ends", "key results end")} ${shortOfGoal(n)}`;
}

/** The roll over's line naming the OKRs the Retrospective marked "change" (carried as they were), or "" for none. */
export function changedLine(ids: readonly string[]): string {
  if (!ids.length) return "";
  const one = ids.length === 1;
  return `Marked "change" in the Retrospective, carried as ${one ? "it was" : "they were"}: ${ids.join(", ")}. Edit ${one ? "it before its" : "them before their"} first check-in.`;
}

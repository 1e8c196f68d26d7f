// Google's trigger limits, answered in the user's words; the caller has changed nothing.
// - "Triggers: 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas): an
//   add-on's triggers count across every document the user has it in, so the answer names where this user's
//   weekly refreshes run and what to do.
// - One time-driven trigger per user per document for an add-on, when this tracker's own has lost its
//   records and cannot be told from the user's other unrecorded ones (refreshTriggers.ts `unplaced`).
import { UserError } from "./env";

/** `trackers`: the spreadsheet IDs this user's refresh triggers serve elsewhere (the user's properties say). */
export function tooManyTriggers(trackers: string[]): UserError {
  const names: string[] = [];
  for (const id of trackers.slice(0, 3)) {
    try {
      names.push(`"${SpreadsheetApp.openById(id).getName()}"`);
    } catch {
      // deleted, or no longer shared with this user: counted, not named
    }
  }
  const n = trackers.length;
  const more = n - names.length;
  const where = !n
    ? ""
    : ` The weekly refresh is on as you in ${n} other tracker${n === 1 ? "" : "s"}` +
      (names.length ? ` (${names.join(", ")}${more ? ` and ${more} more` : ""})` : "") +
      ".";
  return new UserError(
    `Google allows one person 20 triggers for this add-on, and yours are all in use.${where} ` +
      "Turn the weekly refresh off in a tracker you no longer use (Weekly refresh on / off, there), then turn it on here again. Nothing was changed.",
  );
}

/**
 * `others`: this user's time-driven triggers besides this tracker's that no record from here places. It
 * no longer says to wait for that trigger's next run: a run may read no document properties (rhythm.ts
 * unplacedRun), and then it neither records nor removes itself.
 */
export function unplacedTrigger(others: number): UserError {
  const which =
    others > 0
      ? `and it cannot be told apart from your ${others} other weekly refresh${others === 1 ? "" : "es"} that this tracker has no record of`
      : "and it is not among the triggers Google lists for you";
  return new UserError(
    `Google already has a weekly refresh of yours in this tracker that the tracker no longer records (its properties were cleared), ${which}. ` +
      "Nothing was changed: turn the weekly refresh on again in your other trackers where it is on as you (that records theirs again), then turn it on here again.",
  );
}

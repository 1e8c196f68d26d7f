// Google's "Triggers: 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas),
// answered in the user's words. An add-on's triggers count across every document the user has it in, so
// the answer names where this user's weekly refreshes run and what to do; the caller has changed nothing.
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

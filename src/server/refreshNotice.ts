// The email a failed weekly refresh sends the account it runs as (the trigger's installer).
//
// Apps Script emails a script's owner when a trigger's function throws, but not an add-on's user: "Add-ons
// don't automatically send the user an email when code run by an installable trigger throws an exception. It
// is up to the developer to check for and handle failure cases gracefully" (workspace/add-ons/concepts/
// editor-triggers, Restrictions). Until session 16 the refresh rethrew its failures for that email, so on
// Google a failed run (Settings broken, the mail quota spent, the tracker no longer shared, a roll-up not
// refreshed) was told to no one: only the record an admin sees under "Weekly refresh on / off" said it, and
// the leaders' digest simply stopped. One message to one recipient, on a failed run only (no call on a run
// that works); it must never hide the failure it reports, so anything going wrong here is logged and left.
import { fitSubject } from "../core/emails";
import { currentUser } from "./weeklyState";

/** What failed, for the subject and the body: the tracker by name and link, or by ID when it cannot be opened. */
export interface FailedTracker {
  name?: string;
  url?: string;
  id: string;
}

const WHERE_TO_LOOK = 'Its add-on menu\'s "Run weekly refresh now" runs it again once fixed; "Weekly refresh on / off" shows the last run and turns the refresh off.';

export function tellInstaller(tracker: FailedTracker, reason: string, tries = "It runs again next week.", outcome = "failed"): void {
  try {
    const to = currentUser();
    if (!to) return;
    // The run may have failed because the quota ran out: nothing to send then (sendEmail would throw).
    if (MailApp.getRemainingDailyQuota() < 1) return;
    const named = tracker.name ? `"${oneLine(tracker.name, 100)}"` : `a tracker (ID ${tracker.id})`;
    const body = [`The weekly refresh of ${named}, which runs as you, ${outcome}:`, "", oneLine(reason, 500), "", tries];
    if (tracker.url) body.push("", tracker.url, WHERE_TO_LOOK);
    MailApp.sendEmail({ to, subject: fitSubject(`OKR tracker: the weekly refresh of ${named} ${outcome}`), body: body.join("\n"), name: "OKR tracker" });
  } catch (e) {
    console.warn("okr-sheets: the weekly refresh's failure email was not sent:", e);
  }
}

function oneLine(s: string, max: number): string {
  const t = String(s).replace(/\s*[\r\n]+\s*/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

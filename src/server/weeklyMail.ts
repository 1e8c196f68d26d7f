// The weekly refresh's emails (the leaders' digest, the owners' reminders) within MailApp's limits
// (https://developers.google.com/apps-script/guides/services/quotas, consumer accounts, the stricter): at most
// 50 recipients a message, a body of at most 200 KB, and 100 recipients a day per user (Workspace: 1,500).
// Past a limit sendEmail throws and sends nothing; sent as one message to every leader with every row, the
// digest failed on Google for more than 50 leaders, and for a tracker of about 200 KRs or more (its HTML
// passes 200 KB), after the summary was written, every week (test/server/rhythmMailLimits.test.ts).
import { buildDigest, fitSubject, utf8Bytes, type DigestEmail } from "../core/emails";
import { buildReminders } from "../core/reminders";
import { firstAndMore } from "../core/plural";
import type { SummaryModel } from "../core/summary";
import type { PortfolioDigest } from "../core/portfolioDigest";

const PER_MESSAGE = 50;
/** Google's 200 KB, less room for what MailApp adds around the body. */
const BODY_BYTES = 195 * 1024;
/** Rows per list, tried in turn until the message fits (the rest counted in a line). */
const CAPS = [Infinity, 100, 50, 20, 5];

// Both parts together: Google does not say whether the plain and the HTML body count apart (safe either way).
const fits = (m: { body: string; htmlBody: string }) => utf8Bytes(m.body) + utf8Bytes(m.htmlBody) <= BODY_BYTES;

/** The first of `build(cap)` over CAPS that fits (the last one tried, should none). */
function fitting<T extends { body: string; htmlBody: string }>(build: (cap: number) => T): T {
  let m = build(CAPS[0]);
  for (let i = 1; i < CAPS.length && !fits(m); i++) m = build(CAPS[i]);
  return m;
}

export interface WeeklyMailOutcome {
  digestTo: string[];
  reminded: string[];
}

/**
 * Sends the digest (to the leaders, 50 a message) and the reminders, each kept under the size limit. The
 * user's daily quota is read once: what it cannot carry is not sent, the rest is, and the run then fails
 * naming who got nothing (recorded as the last run's reason, and emailed to the trigger's owner while the
 * quota has a recipient left: refreshNotice.ts), where sendEmail's own "Service invoked too many times for
 * one day: email." stopped it midway.
 */
export function sendWeeklyMail(
  model: SummaryModel,
  url: string,
  leaders: string[] | null,
  reminders: boolean,
  out: WeeklyMailOutcome,
  portfolio?: PortfolioDigest | { error: string },
): void {
  const digest: DigestEmail | null = leaders && leaders.length ? fitting((cap) => buildDigest(model, url, cap, portfolio)) : null;
  const byCap = new Map<number, ReturnType<typeof buildReminders>>();
  const remindersAt = (cap: number) => byCap.get(cap) ?? byCap.set(cap, buildReminders(model.data, url, cap)).get(cap)!;
  const owed = reminders ? remindersAt(Infinity).map((_, i) => fitting((cap) => remindersAt(cap)[i])) : [];
  deliver(digest, leaders, owed, out);
}

/**
 * A company tracker's email when its own cycle reports no week (before its start, after its end): the
 * teams' roll-up only (core/portfolioMail.ts), to the leaders, within the same limits; no reminders.
 * `written`: what the run did before it, for the message when the quota runs out.
 */
export function sendRollupMail(digest: DigestEmail, leaders: string[], out: WeeklyMailOutcome, written: string): void {
  if (leaders.length) deliver(digest, leaders, [], out, written);
}

function deliver(
  digest: DigestEmail | null,
  leaders: string[] | null,
  owed: { to: string; subject: string; body: string; htmlBody: string }[],
  out: WeeklyMailOutcome,
  written = "The Weekly Summary was written",
): void {
  if (!digest && !owed.length) return;
  let left = MailApp.getRemainingDailyQuota();
  const unsent: string[] = [];
  const send = (to: string[], m: { subject: string; body: string; htmlBody: string }): boolean => {
    if (to.length > left) {
      unsent.push(...to);
      return false;
    }
    MailApp.sendEmail({ to: to.join(","), subject: fitSubject(m.subject), body: m.body, htmlBody: m.htmlBody, name: "OKR tracker" });
    left -= to.length;
    return true;
  };
  if (digest && leaders) {
    for (let i = 0; i < leaders.length; i += PER_MESSAGE) {
      const to = leaders.slice(i, i + PER_MESSAGE);
      if (send(to, digest)) out.digestTo.push(...to);
    }
  }
  for (const r of owed) if (send([r.to], r)) out.reminded.push(r.to);
  if (unsent.length) {
    const names = firstAndMore(unsent, 3);
    throw new Error(`Google's daily email quota ran out: nothing was sent to ${names}. ${written}; the emails go out again with next week's refresh.`);
  }
}

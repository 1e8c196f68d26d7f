// The owners' weekly check-in reminders, built from the Weekly Summary's data (no read more): one email per
// person (by address, ignoring case) who owns a KR missing the period's check-in, or owns the objective of one.
//
// Decisions (session 19; docs/summary.md "Owners' reminders"):
// - An objective's owner may check in on its KRs (docs/checkins.md), so they hear of its KRs missing the
//   period's check-in, in a second list under their own KRs: above all of a KR nobody else is reminded of (a
//   blank Owner, or one naming no address), which until session 19 went un-reminded without a word; and of
//   one whose owner is reminded, since nothing tells an address that still receives mail from one of someone
//   who has left. Those KRs come first in that list, each saying so.
// - Still one email per person a week (MailApp's daily recipients quota counts each): a person who owns a KR
//   and its objective finds it once, in their own list; an objective's owner with nothing missing gets none.
import { escapeHtml, safeHttpUrl } from "./escape";
import { krName, lastCheckinText, line, link } from "./emails";
import { objectiveKey } from "./objectiveKey";
import { ownerAddresses, ownersOf } from "./owners";
import type { SummaryData, SummaryMissingKr } from "./summaryTypes";
import { krCount } from "./summaryLayout";
import { cycleLastDay, isValidIsoDate, lateCheckinsUntil } from "./dates";

export interface ReminderEmail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

/** A KR of an objective the person owns, and whom its own owners' reminders reach. */
interface OfObjective {
  kr: SummaryMissingKr;
  /** Why no one else is reminded of it ("no owner"), or "" when its owners are. */
  unreached: string;
}

interface Person {
  to: string;
  own: SummaryMissingKr[];
  objectives: OfObjective[];
}

/** Why a KR's own owners get no reminder of it, or "" when one of them does. */
function unreached(owner: string): string {
  const people = ownersOf(owner);
  if (!people.length) return "no owner";
  if (people.some((p) => p.address !== null)) return "";
  const names = people.map((p) => `"${p.text}"`).join(", ");
  return people.length === 1 ? `its owner ${names} has no email address` : `its owners ${names} have no email address`;
}

/**
 * The people to remind, in the order they are mailed (a short daily quota leaves out the last): first whoever
 * is the only one told of some KR (its objective's owner, for a KR with no owner or one without an address),
 * then the KRs' owners, then the objectives' owners whose every KR's owner is reminded too (their email
 * repeats what the owners heard); within each, in order of first mention.
 */
function people(data: SummaryData): Person[] {
  const byKey = new Map<string, Person>();
  const person = (to: string): Person => {
    const key = to.toLowerCase();
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { to, own: [], objectives: [] }));
    return p;
  };
  // The address alone, also of an owner typed "Name <address>" (core/owners.ts): MailApp gets bare addresses.
  // Each of a KR's co-owners is reminded of it.
  for (const k of data.missing) for (const to of ownerAddresses(k.owner)) person(to).own.push(k);
  const objectiveOwners = new Map<string, string[]>();
  // Its objective as the sheet finds it (core/objectiveKey.ts), so the owner is reminded of the KRs the sidebar lists them.
  for (const o of data.objectives) if (!objectiveOwners.has(objectiveKey(o.id))) objectiveOwners.set(objectiveKey(o.id), ownerAddresses(o.owner));
  const listed = (k: SummaryMissingKr) => ({ kr: k, unreached: unreached(k.owner) });
  // Nobody else reminded first; within each, the summary's worst-first order.
  const missing = data.missing.map(listed).sort((a, b) => Number(!a.unreached) - Number(!b.unreached));
  for (const m of missing) {
    const own = new Set(ownerAddresses(m.kr.owner).map((a) => a.toLowerCase()));
    for (const to of objectiveOwners.get(objectiveKey(m.kr.objectiveId)) || []) if (!own.has(to.toLowerCase())) person(to).objectives.push(m);
  }
  // Until session 20 in order of first mention alone: an objective's owner owning no missing KR came last,
  // the first a short quota left out, though for such KRs nobody else was told.
  const rank = (p: Person) => (p.objectives.some((m) => m.unreached) ? 0 : p.own.length ? 1 : 2);
  return Array.from(byKey.values()).sort((a, b) => rank(a) - rank(b));
}

/** A KR of the person's objective, as its list names it: whose it is, or why nobody else heard of it. */
function whose(m: OfObjective): string {
  return m.unreached ? `${m.unreached}, so nobody else was reminded` : `owner: ${line(m.kr.owner)}`;
}

/**
 * The day check-ins close, when the reminder is of the cycle's last week, sent (the morning after its day)
 * while they are still taken: the week after the last day, for its figures (dates.ts LATE_CHECKIN_DAYS).
 * During the cycle a check-in made after the reminder counts in the next week, and none is due after the
 * close (the refresh then reminds no one: server/refreshCycleEnd.ts).
 */
function lateUntil(data: SummaryData): string {
  if (!isValidIsoDate(data.end)) return "";
  const last = cycleLastDay(data.start, data.weeks);
  const until = lateCheckinsUntil(data.start, data.weeks);
  return data.asOf >= last && data.asOf < until ? until : "";
}

/**
 * One reminder per person who owns KRs missing this period's check-in (listed first), or owns the objective
 * of such KRs (listed after, each with its owner or why nobody else was reminded). Owners that hold no address
 * get none (the focus checks name them). `cap`: at most that many KRs in each list, the rest counted.
 */
export function buildReminders(data: SummaryData, sheetUrl: string, cap = Infinity): ReminderEmail[] {
  const url = safeHttpUrl(sheetUrl);
  return people(data).map(({ to, own, objectives }) => {
    // The period's dates, not "this week": the weekly refresh sends it on the morning after the week it
    // reports (rhythm.ts), when "this week" would read as the week just begun (until session 13).
    const days = `from ${data.periodStart} to ${data.asOf}`;
    const count = own.length ? krCount(own.length + objectives.length) : `${krCount(objectives.length)} of your objectives`;
    const subject = line(`Check-in reminder — ${data.cycleName}: ${count} without a check-in ${days}`);
    const period = `No check-in ${days} (week ${data.week} of ${data.weeks})`;
    const these = (n: number) => (n === 1 ? "this key result" : "these key results");
    const lists: { intro: string; items: { text: string; note: string }[] }[] = [];
    if (own.length) {
      lists.push({ intro: `${period} for ${these(own.length)} you own:`, items: own.map((k) => ({ text: krName(k.id, k.title), note: lastCheckinText(k.lastCheckin, ": ") })) });
    }
    if (objectives.length) {
      const which = `${these(objectives.length)} of objectives you own, which you can check in on as the objective's owner:`;
      lists.push({
        intro: own.length ? `Nor for ${which}` : `${period} for ${which}`,
        items: objectives.map((m) => ({ text: krName(m.kr.id, m.kr.title), note: `${whose(m)}; ${lastCheckinText(m.kr.lastCheckin, ": ")}` })),
      });
    }
    const text: string[] = [`Hello,`];
    const html: string[] = [`<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124"><p>Hello,</p>`];
    for (const { intro, items } of lists) {
      const shown = items.slice(0, cap);
      const rest = items.length - shown.length;
      text.push("", intro, "", ...shown.map((i) => `  - ${line(i.text)} (${line(i.note)})`));
      if (rest) text.push(`  … and ${rest} more.`);
      const lis = shown.map((i) => `<li style="margin:2px 0">${escapeHtml(i.text)} <span style="color:#666666">(${escapeHtml(i.note)})</span></li>`);
      if (rest) lis.push(`<li style="margin:2px 0">… and ${rest} more.</li>`);
      html.push(`<p>${escapeHtml(intro)}</p><ul>${lis.join("")}</ul>`);
    }
    const until = lateUntil(data);
    const by = until ? ` by ${until}, when check-ins for the cycle's last week close` : "";
    const ask = "Please check in from the OKR add-on's Check in sidebar";
    text.push("", `${ask}${by}.`);
    if (url) text.push(`Tracker: ${sheetUrl.trim()}`);
    html.push(`<p>${ask}` + (url ? ` in ${link(url, "the tracker")}` : "") + `${escapeHtml(by)}.</p></div>`);
    return { to, subject, body: text.join("\n"), htmlBody: html.join("") };
  });
}

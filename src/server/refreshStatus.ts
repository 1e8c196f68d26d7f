// What the weekly refresh's status says to each admin (rhythm.ts reads the record and Settings, then asks
// describe): on or off and by whom, when it runs and what it reports, what only the installer's account can
// tell of the trigger (refreshGone.ts), its silence, and what it does about the cycle's end (refreshCycleEnd.ts).
import { WEEKDAYS } from "../core/tabs";
import { isoDate } from "./env";
import { refreshDay } from "./refreshRun";
import { cycleEndLine } from "./refreshCycleEnd";
import { lastRunLine, type Installed, type LastRun } from "./weeklyState";
import { addDays, isValidIsoDate } from "../core/dates";
import type { RefreshRecord } from "./refreshRecord";
import { NOT_IN_ACCOUNT, offStatus, REMOVES_ITSELF } from "./refreshGone";

/** The hour the refresh's trigger runs at, in the spreadsheet's zone (Google picks the minute: `within`). */
export const HOUR = 7;

export interface RefreshStatus {
  on: boolean;
  weekday: string;
  hour: number;
  timeZone: string;
  installedBy: string;
  installedOn: string;
  /** ", reporting the week to Sunday": what a run on `weekday` reports (the menu's question uses it). */
  reports: string;
  /** "On, installed by anna@… on 2026-11-02: every Monday between 07:00 and 08:00 (Europe/Berlin), reporting the week to Sunday." and the last run. */
  status: string;
  /**
   * On, and its trigger known to be gone: the installer's account no longer lists it, or their run now found
   * so (refreshGone.ts); the status says what to do.
   */
  missing: boolean;
  /** The installer's own look at a missing trigger: turning the refresh on installs it again (the menu offers that). */
  reinstall: boolean;
}

/** What describe needs of Settings: the weekday and cadence, and the cycle (its end: refreshCycleEnd.ts). */
export interface Rhythm {
  weekday: string;
  fortnightly: boolean;
  start: string;
  weeks: number;
}

export const rhythmOf = (s: { weekday: string; cadence: string; startDate: string; weeks: number }, weekday = s.weekday): Rhythm => ({
  weekday,
  fortnightly: s.cadence === "fortnightly",
  start: s.startDate,
  weeks: s.weeks,
});

/** "Sunday" for "Monday": the last day of the period a run on `weekday` reports (refreshRun.ts refreshDay); "" when not a weekday. */
function dayBefore(weekday: string): string {
  const i = WEEKDAYS.findIndex((d) => d.toLowerCase() === weekday.toLowerCase());
  return i < 0 ? "" : WEEKDAYS[(i + 6) % 7];
}

/** ", reporting the week to Sunday" (the fortnight, with that cadence): what a run on `weekday` reports. */
function reportsTo(weekday: string, fortnightly: boolean): string {
  const last = dayBefore(weekday);
  return last ? `, reporting the ${fortnightly ? "fortnight" : "week"} to ${last}` : "";
}

export function describe(record: RefreshRecord, rec: Installed | null, tz: string, r: Rhythm, own: "listed" | "gone" | null = null): RefreshStatus {
  const { weekday, fortnightly } = r;
  const off = record.off;
  // On for every admin while the record says so (until session 20 "Off" to an installer whose account no longer
  // listed the trigger, "On" to the others, and "Run weekly refresh now" refused to the installer alone): the
  // record, which other admins read, is left to an explicit on or off; what is known of the trigger is said.
  const on = !!rec && !off;
  const reinstall = on && own === "gone";
  const last = lastRunLine(record.last, tz);
  let status: string;
  if (on && rec && !rec.on) status = `On, installed by ${rec.by} (when it runs is not recorded here: turn it on again to record it).`;
  // What a run reports, unless the zone moved (below): the run then falls on another day here.
  // Google runs a recurring trigger at a time it picks within the hour ("if you create a recurring 9 a.m.
  // trigger, Apps Script chooses a time between 9 a.m. and 10 a.m.": guides/triggers/installable): not "at 07:00".
  else if (on && rec) status = `On, installed by ${rec.by} on ${rec.on}: every ${rec.weekday} ${within(rec.hour)} (${rec.timeZone})${rec.timeZone && rec.timeZone !== tz ? "" : reportsTo(rec.weekday, fortnightly)}.`;
  else status = offStatus(rec, off, tz, own);
  // A trigger keeps the zone it was made in (inTimezone): after File › Settings changed the spreadsheet's,
  // it still runs at 07:00 there, which may be another day here (Monday 07:00 Berlin is Sunday 22:00 in
  // California), and its summary is as of the day before that day (Saturday: refreshRun.ts refreshDay).
  if (on && rec && rec.timeZone && rec.timeZone !== tz) {
    status += ` This spreadsheet's time zone is now ${tz}: ${OFF_AND_ON} ${within(rec.hour)} there.`;
  }
  // Likewise a trigger keeps its weekday: after the Settings check-in weekday changed it still runs on the old
  // day, which nothing said (the Settings note calls that day the refresh's).
  const wanted = WEEKDAYS.find((d) => d.toLowerCase() === weekday.toLowerCase());
  if (on && rec && rec.weekday && wanted && wanted.toLowerCase() !== rec.weekday.toLowerCase()) {
    status += ` The Settings check-in weekday is now ${wanted}: ${OFF_AND_ON} on ${wanted}s.`;
  }
  const found = on && rec && own !== "listed" ? foundMissing(rec, record.last) : "";
  if (reinstall) status += ` ${GONE_HERE}`;
  else if (found) status += found;
  else if (on && rec) status += silentSince(rec, record.last, tz);
  if (on) status += cycleEndLine(r.start, r.weeks, refreshDay(tz), record.last);
  // What the trigger does, or, for one to install (again), what the new one will.
  const runs = on && !reinstall ? rec : null;
  const runsOn = runs && runs.weekday ? runs.weekday : weekday;
  return {
    on,
    weekday: runsOn,
    hour: runs ? runs.hour : HOUR,
    timeZone: runs && runs.timeZone ? runs.timeZone : tz,
    installedBy: rec ? rec.by : "",
    installedOn: rec ? rec.on : "",
    reports: reportsTo(runsOn, fortnightly),
    status: `${status} ${last}`,
    missing: reinstall || !!found,
    reinstall,
  };
}

/** Said to the installer whose account no longer lists the recorded trigger (refreshGone.ts ownTrigger). */
const GONE_HERE =
  `But ${NOT_IN_ACCOUNT}, so it does not run (${REMOVES_ITSELF}, and Google stops an add-on's triggers while it is removed from your account): ` +
  'choose "Weekly refresh on / off" to install it again.';

/** What makes the trigger run anew, as the status words each case that needs it. */
const OFF_AND_ON = "turn the refresh off and on again to run it";

/**
 * Said to every other admin once the installer's run now found the recorded trigger gone from their account
 * (refreshRun.ts recordedRefresh keeps it until a run of that trigger, or a new installation).
 */
function foundMissing(rec: Installed, last: LastRun | null): string {
  const m = last && last.missing;
  if (!m || m.uid !== rec.uid) return "";
  return (
    ` On ${m.on} ${rec.by}'s account no longer listed the trigger they installed (found when they ran the refresh now), so it does not run: ` +
    `${rec.by} can install it again ("Weekly refresh on / off"), or ${OFF_AND_ON} as you.`
  );
}

/**
 * A refresh shown "On" whose trigger has recorded no run for more than 8 days (it runs weekly, within the
 * hour): Google stops an add-on's triggers, without a word to anyone, while the add-on is turned off in the
 * document or uninstalled by its user, and resumes them when it is turned on again (editor-triggers,
 * Restrictions); a run that cannot open its tracker records nothing either. The installer's trigger is not
 * visible from here (ScriptApp shows a user only their own), so the record's dates are all there is to go by.
 */
function silentSince(rec: Installed, last: LastRun | null, tz: string): string {
  // The later of its last run and its installation: a refresh turned on again keeps the record of runs before.
  // A run from the menu (last.by) is no sign the trigger runs: its last run is the one before (refreshRun.ts).
  const at = (last && (last.by ? last.trigger : last.at)) || "";
  const ran = isValidIsoDate(at.slice(0, 10)) ? at.slice(0, 10) : "";
  const installed = isValidIsoDate(rec.on) ? rec.on : "";
  const since = ran > installed ? ran : installed;
  if (!since || addDays(since, 8) >= isoDate(new Date(), tz)) return "";
  const said = since === ran ? `It has not run since ${since}` : `It has not run since it was turned on on ${since}`;
  return (
    ` ${said}: Google stops it while the add-on is turned off in this spreadsheet or removed from ${rec.by}'s account, ` +
    `and it records nothing when ${rec.by} can no longer open the tracker (after two such weeks it removes itself). ` +
    `Turn it off and on again to run it as you.`
  );
}

const hh = (h: number) => `${h < 10 ? "0" : ""}${h % 24}:00`;
/** "between 07:00 and 08:00": the hour a recurring trigger runs in (Google picks the minute). */
export const within = (h: number) => `between ${hh(h)} and ${hh(h + 1)}`;

// What one weekly refresh does (the trigger's run, rhythm.ts, and sendWeeklyEmailsNow, which the menu's "Run
// weekly refresh now" runs): the summary of the period that ended the day before, the portfolio roll-up of the
// same day, then the emails Settings turn on; and the record of the run every admin sees.
import { sendRollupMail, sendWeeklyMail } from "./weeklyMail";
import { buildRollupDigest } from "../core/portfolioMail";
import { partialWords } from "../core/portfolioDigest";
import { numberStyleFor } from "../core/numbers";
import { asTriggerRun, isoDate, UserError } from "./env";
import { plural } from "../core/plural";
import { RefreshRecord } from "./refreshRecord";
import { tellInstaller, type FailedTracker } from "./refreshNotice";
import { currentUser, lastRun, type LastRun } from "./weeklyState";
import { readSettings } from "./read";
import { generateSummary } from "./summaryTab";
import { PORTFOLIO_TAB } from "../core/portfolio";
import { addDays, cycleLastDay, isValidIsoDate } from "../core/dates";
import { planRefresh } from "./refreshCycleEnd";
import { refreshPortfolio, type PortfolioOutcome } from "./portfolio";
import { AlreadyRefreshed, checkRecorded, withdrawMark, type RefreshRun } from "./refreshMark";
import { ownTrigger } from "./refreshGone";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RefreshOutcome {
  spreadsheetId: string;
  /** The week reported (0 when none was: `skipped`). */
  week: number;
  digestTo: string[];
  reminded: string[];
  /** A company tracker (one with a Portfolio tab) also refreshes its roll-up; a failure is recorded here, not thrown. */
  portfolio?: PortfolioOutcome | { error: string };
  /**
   * Why no Weekly Summary was written nor reminder sent (the cycle has not started, or its last week was
   * reported): the run's record says "did nothing: …", or, on a company tracker whose roll-up still ran (and
   * was mailed to the leaders), "the teams' roll-up only…: …" (rhythm.ts).
   */
  skipped?: string;
  /** The day the Weekly Summary written is as of (none when none was). */
  asOf?: string;
}

/**
 * The day a refresh run reports as of: the day before the run's, in the spreadsheet's zone. The summary's
 * period is the 7 days ending on its day, so a refresh as of its own day (07:00 on the check-in weekday,
 * until session 13) left out that weekday's later check-ins for good: after this run, and 7 days before the
 * next one's day. As of the day before, the runs' periods meet: Monday 07:00 reports Monday to Sunday just
 * ended (its week number is that week's), and every check-in dated Monday, before 07:00 or after, falls in
 * the next run's. In the spreadsheet's zone, as check-ins are dated: a trigger left in an older zone (rhythm.ts
 * describe) runs on another local day, and its periods still meet.
 */
export function refreshDay(tz: string, now = new Date()): string {
  return addDays(isoDate(now, tz), -1);
}

/**
 * The refresh: the Weekly Summary and History as of refreshDay, the portfolio roll-up (a company tracker),
 * then the leaders' digest and the owners' reminders of that summary, when Settings turn them on. Before
 * the cycle's start (a refresh on its first Monday) no week of it has ended: nothing is written or sent,
 * rather than a "week 1" of the days before the cycle with every KR missing and every owner reminded. After
 * the cycle's last day: the week of late check-ins, the final summary, then nothing (refreshCycleEnd.ts).
 * A company tracker's roll-up is refreshed
 * in either case, and its leaders get it (the teams' roll-up only, with a line on the company cycle). `runAs`:
 * the trigger's installer (the account the run reads the team trackers as). `started`: when the execution
 * started, which the roll-up's time budget counts from (portfolio.ts). `run`: who asked and when, so that a
 * run finding this week's already done by another does nothing and says so (refreshMark.ts).
 */
export function refreshAndEmail(ss: Spreadsheet, runAs = "", started = Date.now(), run?: RefreshRun): RefreshOutcome {
  const tz = ss.getSpreadsheetTimeZone();
  const asOf = refreshDay(tz);
  checkRecorded(asOf, run);
  const { settings } = readSettings(ss, tz);
  const out: RefreshOutcome = { spreadsheetId: ss.getId(), week: 0, digestTo: [], reminded: [] };
  // Before the start, and a week or more after the final summary, nothing; the week after the cycle's last day
  // (late check-ins) and its final summary: refreshCycleEnd.ts.
  const plan = planRefresh(settings.startDate, settings.weeks, asOf);
  const last = isValidIsoDate(settings.startDate) && settings.weeks > 0 ? cycleLastDay(settings.startDate, settings.weeks) : null;
  if ("skipped" in plan) out.skipped = plan.skipped;
  // A company tracker's roll-up is refreshed all the same, after the summary as ever: its teams' cycles need
  // not be its own.
  const rollUp = () => {
    if (!ss.getSheetByName(PORTFOLIO_TAB)) return;
    try {
      out.portfolio = refreshPortfolio(ss, { at: asOf, runAs, started });
    } catch (e) {
      out.portfolio = { error: String((e as Error)?.message || e) }; // the digest still goes out
    }
  };
  const rollupDigest = () => {
    const p = out.portfolio;
    return !p ? undefined : "error" in p ? p : p.digest;
  };
  if ("skipped" in plan) {
    rollUp();
    // The company's own cycle reports no week, its teams' do: the leaders still get the roll-up, with a line on
    // the company cycle (core/portfolioMail.ts). Until session 15 such a run sent nothing at all, every week
    // until the roll over. The locale is asked only here (the weekly digest has it from the summary).
    const rollup = rollupDigest();
    if (rollup && settings.emailDigest && settings.leaders.length) {
      const c = isValidIsoDate(settings.startDate) && asOf < settings.startDate ? { starts: settings.startDate } : { ended: last || "" };
      const digest = buildRollupDigest(settings.cycleName, c, rollup, ss.getUrl(), numberStyleFor(ss.getSpreadsheetLocale()));
      // A failed roll-up is mailed too (its reason in the email): a send failing after it must not say it was written.
      const written = "error" in rollup ? "The portfolio roll-up was not refreshed" : "The portfolio roll-up was written";
      mailing(written, () => sendRollupMail(digest, settings.leaders, out, written));
    }
    return out;
  }
  // The final summary is as of the day check-ins closed, whichever day runs it: a run now of the same final
  // summary, recorded, is this week's (refreshMark.ts).
  if (plan.day !== asOf) checkRecorded(plan.day, run);
  const model = generateSummary(ss, plan.day, run);
  out.week = model.week;
  out.asOf = plan.day;
  const url = ss.getUrl();
  rollUp();
  // Within MailApp's limits: 50 recipients and 200 KB a message, the user's daily quota (weeklyMail.ts).
  // A company tracker's digest carries its roll-up's headline (core/portfolioDigest.ts): no call more.
  mailing("The Weekly Summary was written", () =>
    sendWeeklyMail(model, url, settings.emailDigest ? settings.leaders : null, settings.ownerReminders && plan.remind, out, rollupDigest()),
  );
  return out;
}

/** Sends; the minimal build has no scope to send mail (sendWeeklyEmailsNow can still be run there): said so. */
function mailing(written: string, send: () => void): void {
  try {
    send();
  } catch (e) {
    if (!/permission to call MailApp/i.test(String((e as Error)?.message || e))) throw e;
    throw new UserError(`${written}; no email was sent: this deployment was built without the permission to send mail (see README, "OAuth scopes").`);
  }
}

/**
 * A refresh recorded as the last run, for every admin to see under "Weekly refresh on / off": the trigger's
 * (`trigger`: without the document lock when the run has none, env.ts; a failure emailed to its owner, who
 * is told by no one else) or one run now (sendWeeklyEmailsNow, the menu's "Run weekly refresh now"), whose
 * user sees its outcome and whose record names them, keeping the trigger's last run for refreshStatus.ts silentSince:
 * a run from the menu is no sign that the trigger still runs.
 */
export function recordedRefresh(
  ss: Spreadsheet,
  record: RefreshRecord,
  runAs: string,
  started: number,
  trigger: boolean,
  asked = started,
  missing?: LastRun["missing"] | null,
  me?: string,
): RefreshOutcome {
  const prev = record.last;
  // A run now keeps what the installer's run now found of their trigger (`missing`: null when they found it listed).
  const kept = missing === undefined && prev && prev.by ? prev.missing : missing;
  const by: Partial<LastRun> = trigger ? {} : { by: me === undefined ? currentUser() : me, trigger: prev ? (prev.by ? prev.trigger : prev.at) : "", ...(kept ? { missing: kept } : {}) };
  let asOf = "";
  const run: RefreshRun = trigger ? { asked, by: "", prior: prev } : { asked, by: by.by || "" };
  // A run recorded as failed leaves this week's to the next one asked for (refreshMark.ts withdrawMark).
  const save = (ok: boolean, reason: string, done?: string) => {
    if (!ok) withdrawMark(run);
    record.save({ last: { ...lastRun(ss, ok, reason, done), ...by, ...(asOf ? { asOf } : {}) } });
  };
  // Recorded as started first: Google stops a run at 6 minutes ("Exceeded maximum execution time"), after which
  // nothing can record it, and the status went on showing the run before (three calls more a run, its zone, the
  // record and a flush: not the menu's summary). The outcome replaces it. Flushed, so that every other execution sees it (Sheets buffers writes).
  const start: LastRun = { ...lastRun(ss, false, ""), ...by, running: true };
  try {
    // In the try: a run that may not write here (its installer now only views the tracker) still emails why.
    record.save({ last: start });
    SpreadsheetApp.flush();
    const out = trigger ? asTriggerRun(() => refreshAndEmail(ss, runAs, started, run)) : refreshAndEmail(ss, runAs, started, run);
    asOf = out.asOf || "";
    // A roll-up that failed does not stop the run (the emails go out), but the admins must see it: the
    // run's outcome is returned to no one, and "OK" would hide it until someone opened the roll-up.
    // A partial roll-up (time ran out) is not continued by the next run: "OK" would hide it for a week. Nor by
    // the menu's, which is as of its own day, not the run's day before, so it reads every team again.
    const p = out.portfolio;
    const failed = !p ? "" : "error" in p ? `was not: ${p.error.split("\n")[0].slice(0, 200)}` : p.pending ? `is partial: ${partialWords(p.pending, p.listed)} (as of the day you choose it)` : "";
    // A run before the cycle's start, or a week after its last week was reported, reports nothing: "did nothing: …".
    const reason = failed ? `${out.skipped ? `${out.skipped}; ` : "the Weekly Summary was refreshed, "}the portfolio roll-up ${failed}` : out.skipped || "";
    // A company tracker's run outside its cycle still rolled the teams up (and mailed the leaders): not "did nothing".
    const done = !failed && out.skipped && p ? `the teams' roll-up only${out.digestTo.length ? `, emailed to ${plural(out.digestTo.length, "leader")}` : ""}` : "";
    save(!failed, reason, done);
    if (failed && trigger) tellInstaller(about(ss), reason);
    return out;
  } catch (err) {
    // This week's was done by another run: the trigger's is recorded as having done nothing (it ran, and says
    // why it sent nothing); one run now only tells its user, leaving the other's outcome as the last run.
    if (err instanceof AlreadyRefreshed && trigger) {
      save(true, err.reason);
      return { spreadsheetId: ss.getId(), week: 0, digestTo: [], reminded: [], skipped: err.reason };
    }
    if (err instanceof AlreadyRefreshed) {
      // The other run's outcome stays the last run, as if this one had not started: read again, as it may have
      // recorded it since (this run's start is then gone already).
      try {
        const now = RefreshRecord.read(ss);
        if (JSON.stringify(now.last) === JSON.stringify(start)) now.save({ last: prev });
      } catch (e) {
        console.warn("okr-sheets: start record kept:", e); // the answer still says why
      }
      throw err;
    }
    const msg = err && typeof err === "object" && "message" in err ? String((err as Error).message) : String(err);
    const reason = msg.split("\n")[0].slice(0, 200);
    try {
      save(false, reason);
    } finally {
      // Apps Script sends an add-on's user no failure email (refreshNotice.ts): the run sends its own.
      if (trigger) tellInstaller(about(ss), reason);
    }
    throw err;
  }
}

/** The tracker a failure email names (three calls, on a failed run only); by ID alone should those fail too. */
function about(ss: Spreadsheet): FailedTracker {
  try {
    return { name: ss.getName(), url: ss.getUrl(), id: ss.getId() };
  } catch {
    return { id: "unknown" };
  }
}

/**
 * sendWeeklyEmailsNow: this week's refresh at once, as the trigger's run (as of yesterday, the same lock),
 * recorded as the last run while the refresh is on, so that a missed or failed run can be made up from the
 * menu ("Run weekly refresh now") and every admin sees it was. The team trackers are read as its user.
 */
export function refreshNow(ss: Spreadsheet, asked?: number): RefreshOutcome {
  const started = Date.now();
  const record = RefreshRecord.read(ss);
  const when = asked === undefined ? started : asked;
  const rec = record.installed;
  if (rec && !record.off) {
    // The installer's run: their account tells whether the trigger still exists (two calls, theirs only), and
    // one gone is recorded for every other admin to see (refreshStatus.ts foundMissing): asked for, not a look.
    const me = currentUser();
    const own = ownTrigger(ss, record, me);
    const missing = own === "gone" ? { uid: rec.uid, on: isoDate(new Date(), ss.getSpreadsheetTimeZone()) } : own === "listed" ? null : undefined;
    return recordedRefresh(ss, record, "", started, false, when, missing, me);
  }
  const run: RefreshRun = { asked: when, by: currentUser() };
  try {
    return refreshAndEmail(ss, "", started, run);
  } catch (e) {
    withdrawMark(run);
    throw e;
  }
}

// Which weekly refresh last wrote its Weekly Summary, and as of which day: kept with the summary's own records
// in the document's properties (propsBatch.ts), read and written under the summary's lock at no call more.
//
// The trigger's run and "Run weekly refresh now" take the document lock one after the other. Without this the
// second wrote the same summary again and sent the emails twice. The refresh record (refreshRecord.ts) cannot
// tell it: a run saves it after its emails, with the lock long released, so the second run would read the
// first's record only if the first had finished before it started. The mark is written with the summary.
//
// A run recorded as failed withdraws its mark (withdrawMark): the mark says "this week's was done, or is being
// done", and a failed run did not do it. Until session 18 a run now asked for just before the trigger's run,
// which wrote its summary meanwhile and then failed (its emails, the mail quota spent), was refused as done.
import { UserError } from "./env";
import type { PropertyStore } from "./propsBatch";
import { docProps, type LastRun } from "./weeklyState";

const KEY = "okr.weekly.wrote";
/** Apps Script's "Script runtime: 6 min / execution" (quotas page). */
const RUN_LIMIT_MS = 6 * 60 * 1000;

export interface RefreshRun {
  /** When the run was asked for (ms): the menu's, when its question was shown with the last run. */
  asked: number;
  /** The admin who ran it now ("" for the trigger's run). */
  by: string;
  /** The trigger's: the last run its record showed when it started (read already: no call more). */
  prior?: LastRun | null;
  /** Set by markRefresh: when this run's mark was written (ms), for withdrawMark. */
  marked?: number;
}

interface Mark {
  asOf: string;
  /** When it was written (ms). */
  t: number;
  at: string;
  by: string;
}

/** A refresh that found this week's already written: said in one line, nothing changed. */
export class AlreadyRefreshed extends UserError {
  constructor(readonly reason: string, then = "") {
    super(`${reason.charAt(0).toUpperCase()}${reason.slice(1)}: not run again. Nothing was changed.${then}`);
  }
}

/**
 * Said to an admin whose run now gave way to another run's mark: that run may still be sending (its outcome
 * not yet in the status shown below this), and should it fail it withdraws its mark (withdrawMark).
 */
const IF_IT_FAILS = ' If it fails ("Weekly refresh on / off" shows how it ends), run this again.';

function markIn(props: PropertyStore): Mark | null {
  try {
    const m = JSON.parse(props.getProperty(KEY) || "null");
    return m && typeof m.asOf === "string" && typeof m.t === "number" ? m : null;
  } catch {
    return null;
  }
}

const runBy = (by: string) => (by ? `run now by ${by}` : "run by the weekly trigger");

/**
 * The trigger's run, before anything is read: its record says an admin ran this as-of day's refresh now, and
 * it went through (a run now in the early hours of the trigger's day reports the same week). The digest is
 * not sent twice; the run is recorded as "did nothing", so the trigger is still seen to run.
 */
export function checkRecorded(asOf: string, run: RefreshRun | undefined): void {
  const p = run && run.prior;
  if (p && p.by && p.ok && !p.reason && p.asOf === asOf) throw new AlreadyRefreshed(`this week's refresh (as of ${asOf}) was ${runBy(p.by)} at ${p.at}`);
}

/**
 * Under the summary's lock, before anything is written: throws when another refresh wrote this as-of day's
 * summary after this one was asked for (it waited on the lock meanwhile), or, for the trigger's run, when an
 * admin ran this week's refresh now (its emails went out, or its record says why not). Else marks this run.
 */
export function markRefresh(props: PropertyStore | null, asOf: string, run: RefreshRun, at: string): void {
  if (!props) return; // a trigger run given no document properties (refreshRecord.ts): the record's check only
  const m = markIn(props);
  // The trigger's run also gives way to a run now whose record it did not see saved: that run is still sending.
  // One whose record it saw (saved after its summary) was judged by checkRecorded: a failed one is run again.
  // A record saying that run started (refreshRun.ts, written before its summary) is not its outcome.
  // Only while it can still be going: Google stops a run at 6 minutes, and one stopped so records no outcome.
  const p = run.prior;
  const going = m && Date.now() - m.t < RUN_LIMIT_MS;
  const unrecorded = !run.by && going && m.by && !(p && !p.running && p.by === m.by && p.at >= m.at);
  if (m && m.asOf === asOf && (m.t >= run.asked || unrecorded)) {
    const reason = `this week's refresh (as of ${asOf}) was ${runBy(m.by)} at ${m.at}${m.t >= run.asked ? ", after this one was asked for" : ""}`;
    throw new AlreadyRefreshed(reason, run.by ? IF_IT_FAILS : "");
  }
  run.marked = Date.now();
  props.setProperty(KEY, JSON.stringify({ asOf, t: run.marked, at, by: run.by }));
}

/**
 * A run that failed after markRefresh (its emails, its roll-up, or the summary's own write): its mark is
 * removed, so that a run now asked for meanwhile, or the trigger's run, runs rather than taking this week's
 * as done. Only this run's own mark (another's written since is kept), under the document lock when there
 * is one; on a failed run only (two calls, a third to delete). Anything going wrong here is logged and left:
 * it must not hide the failure being recorded (the later run is then refused as before, and says so).
 */
export function withdrawMark(run: RefreshRun): void {
  const t = run.marked;
  if (t === undefined) return;
  run.marked = undefined;
  try {
    const props = docProps();
    if (!props) return;
    const lock = LockService.getDocumentLock();
    if (lock && !lock.tryLock(10000)) return;
    try {
      const m = markIn(props);
      if (m && m.t === t) props.deleteProperty(KEY);
    } finally {
      if (lock) lock.releaseLock();
    }
  } catch (e) {
    console.warn("okr-sheets: mark not withdrawn:", e);
  }
}

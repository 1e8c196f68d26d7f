// The weekly summary's checkpoints (a document property): where each of the latest summaries left the
// check-in log and History, so the next summary reads only what is new (summaryRead.ts;
// docs/summary.md#reading-only-what-is-needed). Only this cycle's count: a roll over archives the log and
// History and starts new ones, so a checkpoint of the cycle before describes tabs that are gone (the roll
// over deletes them: lifecycleTabs.ts; each also names its cycle, for a record written before that).
import type { Checkpoint } from "../core/summaryPast";
import type { PropertyStore } from "./propsBatch";

const CHECKPOINTS = "okrSheets.summaryCheckpoints";
/** Checkpoints kept: one per week, the latest weeks. */
const KEEP = 4;

/**
 * Where a summary left History: its week, day and rows' digest, History's last row after its write (what
 * readHistory expects), the first row of that week's rows (where the next summary reads from when the
 * Weekly Trend holds the weeks before), and its cycle's start date (Settings' Start date then; none in a
 * record written before checkpoints named it). Alone (no log fields), it is what a summary that read
 * check-ins dated after its day records: its History rows are as valid a last week for the next summary's
 * trend as any (the Weekly Trend's past weeks depend on the tab's digests, not on the log), but they do not
 * summarise the log, so no summary reads the log from it. Kept without `lastRow`, so that code which
 * knows only full checkpoints skips it (loadCheckpoints' filter before session 9).
 */
export type HistoryPlace = Pick<Checkpoint, "week" | "asOf" | "digest"> & { historyLast?: number; historyFirst?: number; cycle?: string };

/** A checkpoint as stored: where the summary left the log, and History (HistoryPlace). */
export type StoredCheckpoint = Checkpoint & HistoryPlace;

export interface CheckpointStore {
  props: PropertyStore | null;
  list: (StoredCheckpoint | HistoryPlace)[];
}

function readsLog(c: StoredCheckpoint | HistoryPlace): c is StoredCheckpoint {
  return typeof (c as StoredCheckpoint).lastRow === "number";
}

/**
 * Whether the checkpoint was recorded in the cycle that starts on `cycleStart`: it names that start. Not
 * its summary's day against the start: a roll over may backdate the new start to before the last summary
 * of the cycle before (a Monday refresh after the cycle's end), whose checkpoint would then pass for the
 * new cycle's. One without a cycle (an older record) counts for none: the next summary reads the whole log.
 */
function ofCycle(c: StoredCheckpoint | HistoryPlace, cycleStart: string): boolean {
  return c.cycle === cycleStart;
}

/** This cycle's records of where its summaries left History (with the log, or not). */
export function cycleCheckpoints(store: CheckpointStore, cycleStart: string): (StoredCheckpoint | HistoryPlace)[] {
  return store.list.filter((c) => ofCycle(c, cycleStart));
}

/** This cycle's checkpoints of the log: the ones a summary may read the log from (core/summaryPast.ts checkpointFor). */
export function logCheckpoints(store: CheckpointStore, cycleStart: string): StoredCheckpoint[] {
  return cycleCheckpoints(store, cycleStart).filter(readsLog);
}

/**
 * History's last row as this cycle's latest summaries left it (the largest recorded), or null when none
 * recorded it. The cycle before's History was another tab (archived at roll over), so its rows say nothing
 * here; the number only picks the cheaper of two exact reads (summaryRead.ts readHistory).
 */
export function expectedHistoryLast(store: CheckpointStore, cycleStart: string): number | null {
  const rows = cycleCheckpoints(store, cycleStart)
    .map((c) => c.historyLast)
    .filter((n): n is number => typeof n === "number" && n >= 1);
  return rows.length ? Math.max(...rows) : null;
}

/** Forgets every checkpoint: a roll over archives the log and History they describe. */
export function forgetCheckpoints(props: PropertyStore): void {
  props.deleteProperty(CHECKPOINTS);
}

/**
 * The checkpoints recorded in the document (none when unreadable: the summary then reads the whole log);
 * `props` null when the run has no document properties (a trigger run may have none).
 */
export function loadCheckpoints(props: PropertyStore | null): CheckpointStore {
  if (!props) return { props: null, list: [] };
  const text = props.getProperty(CHECKPOINTS);
  if (!text) return { props, list: [] };
  try {
    const list = JSON.parse(text) as (StoredCheckpoint | HistoryPlace)[];
    const kept = (c: StoredCheckpoint | HistoryPlace) => c && typeof c.week === "number" && (readsLog(c) || typeof c.historyFirst === "number");
    return { props, list: Array.isArray(list) ? list.filter(kept) : [] };
  } catch {
    return { props, list: [] }; // a damaged record counts as none
  }
}

/**
 * Records week `week`'s checkpoint of the cycle starting on `cycleStart` (a HistoryPlace when its History
 * rows do not summarise the log; null: forgets it), keeping this cycle's latest KEEP weeks the log can be
 * read from and its latest KEEP places: any other
 * cycle's are dropped, or the cycle before's weeks 10–13 would outrank this cycle's week 1 and leave the new
 * cycle without a checkpoint (every summary reading the whole log) until its week 10.
 */
export function saveCheckpoint(store: CheckpointStore, week: number, cp: StoredCheckpoint | HistoryPlace | null, cycleStart: string): void {
  if (!store.props) return;
  // Written every time (even unchanged), so the summary's calls do not depend on the data.
  const list = cycleCheckpoints(store, cycleStart).filter((c) => c.week !== week);
  if (cp) list.push({ ...cp, cycle: cycleStart });
  list.sort((a, b) => a.week - b.week);
  // The latest KEEP of each kind: places (weeks whose summary saw check-ins after its day) must not crowd out
  // the checkpoints the next summary reads the log from, nor those a place's week (the Weekly Trend's last
  // week, when this week's is regenerated) after them.
  const kept = list.filter(readsLog).slice(-KEEP).concat(list.filter((c) => !readsLog(c)).slice(-KEEP) as never[]).sort((a, b) => a.week - b.week);
  if (kept.length) store.props.setProperty(CHECKPOINTS, JSON.stringify(kept));
  else store.props.deleteProperty(CHECKPOINTS);
}

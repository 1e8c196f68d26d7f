// The weekly summary's checkpoints (a document property): where each of the latest summaries left the
// check-in log and History, so the next summary reads only what is new (summaryRead.ts;
// docs/summary.md#reading-only-what-is-needed). Only this cycle's count: a roll over archives the log and
// History and starts new ones, so a checkpoint of the cycle before describes tabs that are gone (the roll
// over deletes them: lifecycleTabs.ts; each also names its cycle, for a record written before that).
import type { Checkpoint } from "../core/summaryPast";
import { docProps } from "./weeklyState";

const CHECKPOINTS = "okrSheets.summaryCheckpoints";
/** Checkpoints kept: one per week, the latest weeks. */
const KEEP = 4;

/**
 * A checkpoint as stored: with History's last row after that summary's write (what readHistory expects), the
 * first row of that week's rows (where the next summary reads from when the Trend block holds the weeks before), and
 * its cycle's start date (Settings' Start date then; none in a record written before checkpoints named it).
 */
export type StoredCheckpoint = Checkpoint & { historyLast?: number; historyFirst?: number; cycle?: string };

export interface CheckpointStore {
  props: GoogleAppsScript.Properties.Properties | null;
  list: StoredCheckpoint[];
}

/**
 * Whether the checkpoint was recorded in the cycle that starts on `cycleStart`: it names that start. Not
 * its summary's day against the start: a roll over may backdate the new start to before the last summary
 * of the cycle before (a Monday refresh after the cycle's end), whose checkpoint would then pass for the
 * new cycle's. One without a cycle (an older record) counts for none: the next summary reads the whole log.
 */
function ofCycle(c: StoredCheckpoint, cycleStart: string): boolean {
  return c.cycle === cycleStart;
}

/** This cycle's checkpoints: the ones a summary may start from (core/summaryPast.ts checkpointFor). */
export function cycleCheckpoints(store: CheckpointStore, cycleStart: string): StoredCheckpoint[] {
  return store.list.filter((c) => ofCycle(c, cycleStart));
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
export function forgetCheckpoints(props: GoogleAppsScript.Properties.Properties): void {
  props.deleteProperty(CHECKPOINTS);
}

/** The checkpoints recorded in the document (none when unreadable: the summary then reads the whole log). */
export function loadCheckpoints(): CheckpointStore {
  const props = docProps(); // null when not available (a trigger run may have none)
  if (!props) return { props: null, list: [] };
  const text = props.getProperty(CHECKPOINTS);
  if (!text) return { props, list: [] };
  try {
    const list = JSON.parse(text) as StoredCheckpoint[];
    return { props, list: Array.isArray(list) ? list.filter((c) => c && typeof c.week === "number" && typeof c.lastRow === "number") : [] };
  } catch {
    return { props, list: [] }; // a damaged record counts as none
  }
}

/**
 * Records week `week`'s checkpoint of the cycle starting on `cycleStart` (null: forgets it, its History rows
 * no longer summarise the log), keeping this cycle's latest KEEP weeks: any other cycle's are dropped, or
 * the cycle before's weeks 10–13 would outrank this cycle's week 1 and leave the new cycle without a
 * checkpoint (every summary reading the whole log) until its week 10.
 */
export function saveCheckpoint(store: CheckpointStore, week: number, cp: StoredCheckpoint | null, cycleStart: string): void {
  if (!store.props) return;
  // Written every time (even unchanged), so the summary's calls do not depend on the data.
  const list = cycleCheckpoints(store, cycleStart).filter((c) => c.week !== week);
  if (cp) list.push({ ...cp, cycle: cycleStart });
  list.sort((a, b) => a.week - b.week);
  const kept = list.slice(-KEEP);
  if (kept.length) store.props.setProperty(CHECKPOINTS, JSON.stringify(kept));
  else store.props.deleteProperty(CHECKPOINTS);
}

// Trackers made for the benchmark, the tests and the demos: a new tracker set up through the add-on's own
// setupTracker, and a generated tracker of any size (okrs.ts, fill.ts) as a snapshot to open.
import { callAddon, workbookFromSnapshot, type Workbook } from "../runtime";
import { emptySnapshot, type WorkbookSnapshot } from "../snapshot";
import { fillSnapshot, type FillOptions } from "./fill";
import { ADMIN, cycleOf, trackerData, type TrackerData, type TrackerSpec } from "./okrs";

export interface NewTracker {
  /** The spreadsheet's ID and name. */
  id: string;
  name: string;
  /** Where it would be saved (never written by these helpers). */
  file?: string;
  /** "Today" and the active user while setting up (null: no email available). */
  at: string;
  user?: string | null;
  /** setupTracker's options. */
  setup: { template?: string; start?: string; weeks?: number; name?: string };
}

/** Runs setupTracker on the workbook; a failure throws (a generator cannot go on from a broken setup). */
export type SetupRunner = (wb: Workbook, options: NewTracker["setup"]) => void;

export const runSetup: SetupRunner = (wb, options) => {
  const r = callAddon(wb, "setupTracker", options);
  if (!r.ok) throw new Error(`setup failed: ${r.message}`);
};

/** A blank spreadsheet with a tracker set up on it by the add-on. */
export function setUpNewTracker(t: NewTracker, setup: SetupRunner = runSetup): Workbook {
  const wb = workbookFromSnapshot(t.file ?? `/nonexistent/${t.id}.xlsx`, { ...emptySnapshot(t.name), id: t.id }, { at: t.at, user: t.user });
  setup(wb, t.setup);
  return wb;
}

export interface GeneratedTracker extends TrackerData {
  snapshot: WorkbookSnapshot;
}

/**
 * A tracker of the spec's size as of its "today": set up blank by the add-on on the cycle's start (through
 * `setup`, which the benchmark measures), then filled straight into the snapshot. Open it with
 * workbookFromSnapshot; formulas past setup's spare rows come with setupTracker({}) or repairTracker.
 */
export function generateTracker(spec: TrackerSpec, opts: Partial<FillOptions> & { setup?: SetupRunner } = {}): GeneratedTracker {
  const data = trackerData(spec);
  const { start, weeks } = cycleOf(spec);
  const wb = setUpNewTracker(
    { id: `generated-${spec.name}`, name: `Generated ${spec.name}`, at: start, user: ADMIN, setup: { template: "blank", start, weeks, name: `Generated ${spec.name}` } },
    opts.setup,
  );
  const snapshot = wb.services.toSnapshot();
  fillSnapshot(snapshot, spec, data, { headroom: opts.headroom ?? true, history: opts.history ?? true });
  return { snapshot, ...data };
}

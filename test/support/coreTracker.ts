// Small trackers for the core tests (no spreadsheet): a key result with its latest check-in, and the Settings of
// a 13-week weekly cycle from 2026-01-05.
import type { KeyResult, Tracker } from "../../src/core/model";

/** A KR of objective `id`'s prefix, owned by o@example.com; checked in on `lastCheckin` (confidence 6) when it has a current value. */
export function coreKr(
  row: number,
  id: string,
  metric: KeyResult["metric"],
  start: number,
  target: number,
  current: number | null,
  lastCheckin: string,
): KeyResult {
  return {
    row, id, objectiveId: id.split(".")[0], title: `Title ${id}`, owner: "o@example.com", metric, unit: "", start, target, weight: null,
    current, confidence: current === null ? null : 6, lastCheckin: current === null ? null : lastCheckin,
  };
}

export function coreSettings(over: Partial<Tracker["settings"]> = {}): Tracker["settings"] {
  return {
    cycleName: "Cycle 1", startDate: "2026-01-05", weeks: 13, cadence: "weekly", weekday: "Monday",
    onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    ...over,
  };
}

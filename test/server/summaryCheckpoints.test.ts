// The summary's checkpoints count for their own cycle only: after a roll over, the cycle before's weeks
// 10-13 must neither crowd out the new cycle's week 1 (kept: the latest 4 weeks) nor say where the new
// History ends.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { expectedHistoryLast, saveCheckpoint, type CheckpointStore, type StoredCheckpoint } from "../../src/server/summaryCheckpoints";

const KEY = "okrSheets.summaryCheckpoints";

function fakeProps(): { props: GoogleAppsScript.Properties.Properties; stored: Record<string, string> } {
  const stored: Record<string, string> = {};
  const props = {
    getProperty: (k: string) => stored[k] ?? null,
    setProperty: (k: string, v: string) => {
      stored[k] = v;
      return props;
    },
    deleteProperty: (k: string) => {
      delete stored[k];
      return props;
    },
  } as unknown as GoogleAppsScript.Properties.Properties;
  return { props, stored };
}

const cp = (week: number, asOf: string, historyLast: number): StoredCheckpoint => ({
  week, asOf, lastRow: 40, rowKey: "k", maxDate: asOf, headerRow: 1, digest: "d", historyLast,
});
// The cycle before (13 weeks from 2026-01-05): its last four summaries, History ending at row 5,000.
const oldCycle = [cp(10, "2026-03-15", 4000), cp(11, "2026-03-22", 4400), cp(12, "2026-03-29", 4800), cp(13, "2026-04-05", 5000)];
const NEW_START = "2026-04-06";

describe("summary checkpoints across a roll over", () => {
  it("keeps the new cycle's week 1 and drops the cycle before's", () => {
    const { props, stored } = fakeProps();
    const store: CheckpointStore = { props, list: oldCycle.slice() };
    saveCheckpoint(store, 1, cp(1, "2026-04-12", 420), NEW_START);
    const kept = JSON.parse(stored[KEY]) as StoredCheckpoint[];
    expect(kept.map((c) => c.week)).toEqual([1]);
  });

  it("expects History's end from this cycle's checkpoints only", () => {
    const store: CheckpointStore = { props: null, list: oldCycle.concat([cp(1, "2026-04-12", 420)]) };
    expect(expectedHistoryLast(store, NEW_START)).toBe(420);
    expect(expectedHistoryLast({ props: null, list: oldCycle }, NEW_START)).toBe(null);
    expect(expectedHistoryLast({ props: null, list: oldCycle }, "2026-01-05")).toBe(5000);
  });

  it("keeps the latest four weeks within a cycle", () => {
    const { props, stored } = fakeProps();
    const store: CheckpointStore = { props, list: oldCycle.slice(0, 3) };
    saveCheckpoint(store, 13, cp(13, "2026-04-05", 5000), "2026-01-05");
    saveCheckpoint({ props, list: JSON.parse(stored[KEY]) }, 9, cp(9, "2026-03-08", 3600), "2026-01-05");
    expect((JSON.parse(stored[KEY]) as StoredCheckpoint[]).map((c) => c.week)).toEqual([10, 11, 12, 13]);
  });
});

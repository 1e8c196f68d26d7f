// The summary's checkpoints count for their own cycle only (the one whose start they name): after a roll
// over, the cycle before's weeks 10-13 must neither crowd out the new cycle's week 1 (kept: the latest 4
// weeks) nor say where the new History ends, even when the new start is backdated before their summaries.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cycleCheckpoints, expectedHistoryLast, logCheckpoints, saveCheckpoint, type CheckpointStore, type HistoryPlace, type StoredCheckpoint } from "../../src/server/summaryCheckpoints";

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

const OLD_START = "2026-01-05";
const NEW_START = "2026-04-06";
const cp = (week: number, asOf: string, historyLast: number, cycle: string | undefined = asOf < NEW_START ? OLD_START : NEW_START): StoredCheckpoint => ({
  week, asOf, lastRow: 40, rowKey: "k", maxDate: asOf, headerRow: 1, digest: "d", historyLast, ...(cycle === undefined ? {} : { cycle }),
});
// The cycle before (13 weeks from 2026-01-05): its last four summaries, History ending at row 5,000.
const oldCycle = [cp(10, "2026-03-15", 4000), cp(11, "2026-03-22", 4400), cp(12, "2026-03-29", 4800), cp(13, "2026-04-05", 5000)];

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
    expect(expectedHistoryLast({ props: null, list: oldCycle }, OLD_START)).toBe(5000);
  });

  it("tells the cycles apart by their start, not by the summary's day (a backdated new start)", () => {
    // The cycle before's Monday refresh (Apr 6, after its end) and a roll over whose new cycle starts Apr 1.
    const late = cp(13, "2026-04-06", 5000, OLD_START);
    const BACKDATED = "2026-04-01";
    expect(cycleCheckpoints({ props: null, list: [late] }, BACKDATED)).toEqual([]);
    expect(expectedHistoryLast({ props: null, list: [late] }, BACKDATED)).toBe(null);
    const { props, stored } = fakeProps();
    saveCheckpoint({ props, list: [late] }, 2, cp(2, "2026-04-12", 420, undefined), BACKDATED);
    expect(JSON.parse(stored[KEY])).toEqual([{ ...cp(2, "2026-04-12", 420, BACKDATED) }]);
    // A record written before checkpoints named their cycle counts for none (one whole-log read).
    expect(cycleCheckpoints({ props: null, list: [cp(2, "2026-04-12", 420, undefined)] }, BACKDATED)).toEqual([]);
  });

  it("keeps where History's rows are for a summary that saw check-ins after its day, but never reads the log from it", () => {
    // Week 2's summary read a check-in dated after its day: its History rows do not summarise the log.
    const place: HistoryPlace = { week: 2, asOf: "2026-04-15", digest: "d", historyFirst: 16, historyLast: 22 };
    const { props, stored } = fakeProps();
    saveCheckpoint({ props, list: [cp(1, "2026-04-12", 15)] }, 2, place, NEW_START);
    const list = JSON.parse(stored[KEY]) as (StoredCheckpoint | HistoryPlace)[];
    expect(list.map((c) => c.week)).toEqual([1, 2]);
    // Stored without the log's fields, so code that knows only full checkpoints skips it.
    expect("lastRow" in list[1]).toBe(false);
    const store: CheckpointStore = { props: null, list };
    expect(cycleCheckpoints(store, NEW_START).map((c) => c.week)).toEqual([1, 2]);
    expect(logCheckpoints(store, NEW_START).map((c) => c.week)).toEqual([1]);
    expect(expectedHistoryLast(store, NEW_START)).toBe(22);
  });

  it("places of weeks that saw later check-ins do not crowd out the checkpoint the log is read from (review R1)", () => {
    const { props, stored } = fakeProps();
    let list: (StoredCheckpoint | HistoryPlace)[] = [cp(1, "2026-04-12", 15)];
    for (let w = 2; w <= 6; w++) {
      const place: HistoryPlace = { week: w, asOf: `2026-04-${10 + w}`, digest: "d", historyFirst: 7 * w, historyLast: 7 * w + 6 };
      saveCheckpoint({ props, list }, w, place, NEW_START);
      list = JSON.parse(stored[KEY]);
    }
    const store: CheckpointStore = { props: null, list };
    expect(logCheckpoints(store, NEW_START).map((c) => c.week), "week 1's, still read from").toEqual([1]);
    expect(cycleCheckpoints(store, NEW_START).map((c) => c.week)).toEqual([1, 3, 4, 5, 6]);
    // A checkpoint of the log after them: week 6's place stays (week 7 regenerated takes its History rows from it).
    saveCheckpoint({ props, list }, 7, cp(7, "2026-05-24", 60), NEW_START);
    expect((JSON.parse(stored[KEY]) as StoredCheckpoint[]).map((c) => c.week)).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it("keeps the latest four weeks within a cycle", () => {
    const { props, stored } = fakeProps();
    const store: CheckpointStore = { props, list: oldCycle.slice(0, 3) };
    saveCheckpoint(store, 13, cp(13, "2026-04-05", 5000), OLD_START);
    saveCheckpoint({ props, list: JSON.parse(stored[KEY]) }, 9, cp(9, "2026-03-08", 3600), OLD_START);
    expect((JSON.parse(stored[KEY]) as StoredCheckpoint[]).map((c) => c.week)).toEqual([10, 11, 12, 13]);
  });
});

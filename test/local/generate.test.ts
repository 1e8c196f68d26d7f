// The tracker generator the benchmark's tiers and the tests' large trackers share (src/local/generate):
// the same tracker for the same spec, of the asked size, with a log and History a real tracker could hold.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { dayNumber } from "../../src/core/dates";
import { TAB } from "../../src/core/tabs";
import { trackerData, type TrackerSpec } from "../../src/local/generate/okrs";
import { sheetOf } from "../../src/local/generate/rows";
import { generateTracker } from "../../src/local/generate/tracker";

const SPEC: TrackerSpec = { name: "t", objectives: 6, krs: 20, checkins: 300, owners: 5, start: "2026-01-05", weeks: 13, today: "2026-02-05" };

/** A tab's data rows as objects by header (blank rows left out). */
function rows(snap: ReturnType<typeof generateTracker>["snapshot"], tab: string): Record<string, unknown>[] {
  const sheet = sheetOf(snap, tab);
  const headers = (sheet.rows[0] ?? []).map((c) => String(c?.v ?? ""));
  return sheet.rows
    .slice(1)
    .filter((r) => r?.some((c) => c?.v !== undefined && c?.v !== ""))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]?.v])));
}

describe("generated trackers", () => {
  let filled: ReturnType<typeof generateTracker> | undefined;
  const filledOnce = () => (filled ??= generateTracker(SPEC, { headroom: false }));

  it("are the same for the same spec, and differ with its size", () => {
    expect(JSON.stringify(trackerData(SPEC))).toBe(JSON.stringify(trackerData({ ...SPEC })));
    expect(JSON.stringify(trackerData({ ...SPEC, krs: 21 }))).not.toBe(JSON.stringify(trackerData(SPEC)));
  });

  it("hold the spec's objectives, KRs and check-ins, each KR under an objective and checked in by its owner before today", () => {
    const d = trackerData(SPEC);
    expect([d.objectives.length, d.krs.length, d.log.length, d.owners.length]).toEqual([6, 20, 300, 5]);
    expect(new Set(d.krs.map((k) => k.id)).size, "KR IDs are unique").toBe(20);
    const objectiveIds = new Set(d.objectives.map((o) => o.id));
    expect(d.krs.filter((k) => !objectiveIds.has(k.objectiveId))).toEqual([]);
    expect(d.log.every((l, i) => i === 0 || d.log[i - 1].serial <= l.serial), "the log is chronological").toBe(true);
    expect(d.log.every((l) => dayNumber(l.day) >= dayNumber(SPEC.start!) && dayNumber(l.day) < dayNumber(SPEC.today!))).toBe(true);
    expect(d.log.filter((l) => l.author !== d.krs[l.krIndex].owner)).toEqual([]);
    expect(new Set(d.log.map((l) => l.requestId)).size, "request IDs are unique").toBe(300);
  });

  it("fill a set-up tracker: each KR's latest check-in in Key Results, the log, and History for the weeks before today", () => {
    const g = filledOnce();
    const krs = rows(g.snapshot, TAB.keyResults);
    expect(krs.map((r) => r["ID"])).toEqual(g.krs.map((k) => k.id));
    const latest = new Map(g.log.map((l) => [g.krs[l.krIndex].id, l.value]));
    expect(krs.map((r) => r["Current"])).toEqual(g.krs.map((k) => latest.get(k.id)));
    expect(rows(g.snapshot, TAB.checkins).map((r) => r["Request ID"])).toEqual(g.log.map((l) => l.requestId));
    // Today (Thursday 2026-02-05) is in week 5: History holds weeks 1 to 4, one row per KR each.
    const history = rows(g.snapshot, TAB.history);
    expect(history).toHaveLength(4 * 20);
    expect([...new Set(history.map((r) => r["Week"]))]).toEqual([1, 2, 3, 4]);
  });

  it("leave History empty and add 100 blank Key Results rows when asked", () => {
    const roomy = generateTracker(SPEC, { history: false });
    expect(rows(roomy.snapshot, TAB.history)).toEqual([]);
    expect(sheetOf(roomy.snapshot, TAB.keyResults).rows.length - sheetOf(filledOnce().snapshot, TAB.keyResults).rows.length).toBe(100);
  });
});

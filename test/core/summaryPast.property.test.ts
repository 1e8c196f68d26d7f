// The incremental weekly summary (core/summaryPast.ts) against the full replay: for generated histories of
// check-ins (some late, some with repeated values), summaries on generated days (some for an earlier day)
// and History written as the add-on writes it, whenever a checkpoint is accepted the summary built from it
// and the log rows below it equals the summary built from the whole log, and so does the state it writes.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { applyHistoryPlan, planHistoryWrite, type ExistingHistoryRow } from "../../src/core/history";
import type { CheckinEntry, KeyResult, Tracker } from "../../src/core/model";
import { buildSummary } from "../../src/core/summary";
import { checkpointFor, historyDigest, incrementalCheckins, maxCheckinDate, pastCheckins, type Checkpoint } from "../../src/core/summaryPast";

const START = "2026-01-05";

function tracker(cadence: "weekly" | "fortnightly"): Tracker {
  const kr = (row: number, id: string, metric: KeyResult["metric"], start: number, target: number, current: number | null = null): KeyResult => ({
    row, id, objectiveId: id.split(".")[0], title: `KR ${id}`, owner: "o@example.com", metric, unit: "", start, target, weight: null,
    current, confidence: current === null ? null : 5, lastCheckin: null,
  });
  return {
    settings: {
      cycleName: "C", startDate: START, weeks: 6, cadence, weekday: "Monday", onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7,
      leaders: [], admins: [], emailDigest: false, ownerReminders: false,
    },
    objectives: [
      { row: 2, id: "O1", title: "One", owner: "a", team: "", parentId: "", type: "committed", pnlLink: "none" },
      { row: 3, id: "O2", title: "Two", owner: "b", team: "", parentId: "", type: "aspirational", pnlLink: "none" },
    ],
    keyResults: [
      kr(2, "O1.KR1", "increase", 0, 10),
      kr(3, "O1.KR2", "decrease", 10, 4),
      kr(4, "O2.KR1", "increase", 0, 5, 2), // a value typed by hand until its first check-in
      kr(5, "O2.KR2", "stay_above", 3, 3),
    ],
  };
}

type Event =
  | { kind: "checkin"; advance: number; kr: number; value: number; conf: number; text: number; lateBy: number; correct?: boolean }
  | { kind: "summary"; advance: number; back: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("checkin" as const), advance: fc.integer({ min: 0, max: 3 }), kr: fc.integer({ min: 0, max: 4 }), value: fc.integer({ min: 0, max: 3 }), conf: fc.integer({ min: 1, max: 10 }), text: fc.integer({ min: 0, max: 2 }), lateBy: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) }), correct: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("summary" as const), advance: fc.integer({ min: 0, max: 6 }), back: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }) }) },
);

const KR_IDS = ["O1.KR1", "O1.KR2", "O2.KR1", "O2.KR2", "GONE.KR9"];
const TEXTS = ["", "Blocked on data", "Shipped"];

interface Outcome {
  summaries: number;
  incremental: number;
}

/** Runs the events; every accepted checkpoint must give the full replay's summary. */
function run(events: Event[], cadence: "weekly" | "fortnightly"): Outcome {
  const t = tracker(cadence);
  const log: CheckinEntry[] = [];
  let history: ExistingHistoryRow[] = [];
  let checkpoints: Checkpoint[] = [];
  let day = addDays(START, -2);
  const out: Outcome = { summaries: 0, incremental: 0 };
  for (const e of events) {
    day = addDays(day, e.advance);
    if (e.kind === "checkin") {
      const date = addDays(day, -e.lateBy);
      const row = log.length + 2;
      // A correction names the KR's latest row (the log keeps both; reports drop the replaced one).
      const prev = e.correct && e.text === 0 ? log.filter((c) => c.krId === KR_IDS[e.kr]).pop() : undefined;
      const whatChanged = prev ? `Correction of check-in ${prev.requestId} (${prev.date}, value ${prev.value}).` : TEXTS[e.text];
      log.push({ row, timestamp: `${date}T09:00:00.000Z`, date, week: 0, krId: KR_IDS[e.kr], value: e.value, confidence: e.conf, whatChanged, blockers: TEXTS[(e.text + 1) % 3], nextStep: "", author: "", requestId: `r${row}` });
      continue;
    }
    const asOf = addDays(day, -e.back);
    out.summaries++;
    const entries = history.map(({ row: _r, ...h }) => h);
    const full = buildSummary({ tracker: t, checkins: log, history: entries, asOf });
    // The checkpoint the server would try: the latest whose check-ins all lie before this period.
    const cp = checkpointFor(checkpoints, t.settings, asOf);
    if (cp) {
      const res = incrementalCheckins({
        tracker: t, history: entries, asOf, checkpoint: cp,
        checkpointRows: entries.filter((h) => h.week === cp.week),
        tail: log.filter((c) => c.row > cp.lastRow),
      });
      if (res.ok) {
        out.incremental++;
        const inc = buildSummary({ tracker: t, checkins: res.checkins, history: entries, asOf });
        expect(inc.data, `summary as of ${asOf} from week ${cp.week}'s checkpoint`).toEqual(full.data);
        expect(inc.rows).toEqual(full.rows);
        expect(inc.historyRows).toEqual(full.historyRows);
      }
    }
    // History and the checkpoint, as the server writes them (the rows carry their state columns).
    const rows = full.historyRows;
    history = applyHistoryPlan(history, planHistoryWrite(history, full.week, rows));
    const maxDate = maxCheckinDate(log);
    checkpoints = checkpoints.filter((c) => c.week !== full.week);
    if (maxDate === null || maxDate <= asOf) {
      checkpoints.push({ week: full.week, asOf, lastRow: log.length + 1, rowKey: "", maxDate, headerRow: 1, digest: historyDigest(rows) });
    }
  }
  return out;
}

describe("the incremental summary equals the full replay", () => {
  it("for generated logs, late check-ins, summaries and History", () => {
    let incremental = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 5, maxLength: 60 }), fc.constantFrom("weekly" as const, "fortnightly" as const), (events, cadence) => {
        incremental += run(events, cadence).incremental;
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if checkpoints are actually used.
    expect(incremental, "summaries built from a checkpoint").toBeGreaterThan(50);
  });

  it("a week of ordinary use: each summary after the first starts from the previous week's checkpoint", () => {
    const events: Event[] = [];
    for (let w = 0; w < 6; w++) {
      for (let k = 0; k < 4; k++) events.push({ kind: "checkin", advance: k === 0 ? 1 : 0, kr: k, value: w + k, conf: 6, text: 1, lateBy: 0 });
      events.push({ kind: "summary", advance: 6, back: 0 });
    }
    const out = run(events, "weekly");
    expect(out.summaries).toBe(6);
    expect(out.incremental).toBe(5);
  });
});

describe("checkpoints that cannot stand in for the log", () => {
  const t = tracker("weekly");
  const c = (row: number, date: string, krId: string, value: number): CheckinEntry => ({
    row, timestamp: `${date}T09:00:00.000Z`, date, week: 0, krId, value, confidence: 5, whatChanged: "", blockers: "", nextStep: "", author: "", requestId: "",
  });
  const log = [c(2, "2026-01-06", "O1.KR1", 1), c(3, "2026-01-13", "O1.KR1", 2), c(4, "2026-01-13", "O1.KR2", 9)];
  const asOf = "2026-01-14";
  const model = buildSummary({ tracker: t, checkins: log, history: [], asOf });
  const rows = model.historyRows;
  const cp: Checkpoint = { week: 2, asOf, lastRow: 4, rowKey: "", maxDate: "2026-01-13", headerRow: 1, digest: historyDigest(rows) };
  const base = { tracker: t, history: rows, checkpoint: cp, checkpointRows: rows };

  it.each([
    ["History's rows edited by hand", { checkpointRows: rows.map((r, i) => (i === 0 ? { ...r, value: 7 } : r)) }, "History's rows of that week changed"],
    ["summarised check-ins in this period", { asOf: "2026-01-19" }, "summarised check-ins in this period"],
    ["a correction of a summarised check-in", { tail: [{ ...c(5, "2026-01-19", "O1.KR1", 3), whatChanged: "Correction of check-in q3 (2026-01-13, value 2)." }] }, "a correction of a summarised check-in of O1.KR1"],
    ["a late check-in dated before the KR's last summarised one", { asOf: "2026-01-20", tail: [c(5, "2026-01-08", "O1.KR1", 5)] }, "late check-in for O1.KR1"],
    ["a KR added since", { asOf: "2026-01-20", tracker: { ...t, keyResults: t.keyResults.concat({ ...t.keyResults[0], id: "O1.KR9", row: 9 }) } }, "O1.KR9 has no History row in week 2"],
  ])("%s", (...[, change, reason]) => {
    const r = incrementalCheckins({ ...base, asOf: "2026-01-20", tail: [], ...(change as object) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it("stands in three check-ins of the same value on the KR's last day, above the new rows", () => {
    const twice = [c(2, "2026-01-06", "O1.KR1", 2), c(3, "2026-01-13", "O1.KR1", 2)];
    const row = buildSummary({ tracker: t, checkins: twice, history: [], asOf }).historyRows.find((h) => h.krId === "O1.KR1")!;
    expect(row.sameValue).toBe(2);
    const past = pastCheckins([row], 3)!;
    expect(past.checkins.map((x) => [x.row, x.date, x.value])).toEqual([[2, "2026-01-13", 2], [3, "2026-01-13", 2]]);
  });
});

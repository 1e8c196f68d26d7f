// The incremental weekly summary through the BUILT add-on (run `npm run build` first): for generated
// check-in histories (late ones dated back with the clock, as `okr-sheets checkin --at` does, corrections,
// repeated values and blockers) and summaries on generated days (some for an earlier day), every summary
// the add-on generates from its checkpoint (reading only the log rows below it) writes the same Weekly
// Summary and the same History as a summary of the same tracker without a checkpoint (the whole log),
// whether the log's sheet has blank rows below it or ends at its last row.
// test/core/summaryPast.property.test.ts checks the same rule on the core functions with many more cases.
import { types } from "node:util";
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { summaryCellsRead as summarize } from "../support/summaryTab";

const START = "2026-01-05";
const CHECKPOINTS = "okrSheets.summaryCheckpoints";
const TREND_RECORD = "okrSheets.trendBlock";
const OWNER: Record<string, string> = {
  "O1.KR1": "dispatch.lead@example.com",
  "O1.KR2": "planning.lead@example.com",
  "O2.KR1": "quality.lead@example.com",
  "O3.KR2": "ops.lead@example.com",
};
const KRS = Object.keys(OWNER);
const VALUES: Record<string, number[]> = { "O1.KR1": [82, 85, 90], "O1.KR2": [9.4, 9, 8], "O2.KR1": [6, 5, 4], "O3.KR2": [0.3, 0.5, 0.7] };
const BLOCKERS = ["", "Waiting on tooling", "Carrier capacity"];

type Checkin = { day: number; kr: number; value: number; conf: number; blocker: number; lateBy: number; correct: boolean };
/** A week of use: check-ins on its days (some dated back), then its summary, sometimes for an earlier day, sometimes regenerated. */
type Week = { checkins: Checkin[]; back: number; again: boolean };

const checkin: fc.Arbitrary<Checkin> = fc.record({
  day: fc.integer({ min: 0, max: 6 }), kr: fc.integer({ min: 0, max: KRS.length - 1 }), value: fc.integer({ min: 0, max: 2 }),
  conf: fc.integer({ min: 1, max: 10 }), blocker: fc.integer({ min: 0, max: 2 }),
  lateBy: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }) }), correct: fc.boolean(),
});
const week: fc.Arbitrary<Week> = fc.record({
  checkins: fc.array(checkin, { maxLength: 4 }).map((list) => list.sort((a, b) => a.day - b.day)),
  back: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
  again: fc.boolean(),
});

/** Three weeks of on-time check-ins, each summarised on its Sunday. */
const ORDINARY: Week[] = [0, 1, 2].map((w) => ({
  checkins: [
    { day: 1, kr: w % KRS.length, value: w % 3, conf: 7, blocker: 0, lateBy: 0, correct: false },
    { day: 3, kr: (w + 1) % KRS.length, value: (w + 1) % 3, conf: 6, blocker: 1, lateBy: 0, correct: false },
  ],
  back: 0,
  again: false,
}));

/**
 * What a summary leaves behind: the tab's cells (its generation time aside), the Weekly Trend's cells and
 * formulas, History, and the Key Results' forecast cells (dated by the days the past weeks are as of: the
 * trend record's days on the incremental path, History's As of on the whole one).
 */
function written(wb: Workbook): { summary: unknown[][]; trend: unknown[][]; trendFormulas: string[][]; history: unknown[][]; forecasts: unknown[][] } {
  const cells = (tab: string) => ss(wb).getSheetByName(tab)!.getDataRange().getValues().map((r) => r.map((v) => (types.isDate(v) ? v.toISOString() : v)));
  const summary = cells("Weekly Summary").map((r) => r.map((v) => (typeof v === "string" ? v.replace(/ · generated \d{4}-\d\d-\d\d \d\d:\d\d/, "") : v)));
  const kr = cells("Key Results");
  const head = kr.findIndex((r) => r.includes("Forecast"));
  const at = ["ID", "Forecast", "Forecast score", "Weeks to target"].map((h) => kr[head].indexOf(h));
  const forecasts = kr.slice(head + 1).map((r) => at.map((i) => r[i]));
  return { summary, trend: cells("Weekly Trend"), trendFormulas: ss(wb).getSheetByName("Weekly Trend")!.getDataRange().getFormulas(), history: cells("History"), forecasts };
}

/** The trend record as a summary written before session 12 left it: no days per week. */
function withoutRecordedDays(wb: Workbook): void {
  const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  const record = JSON.parse(props.getProperty(TREND_RECORD) as string);
  delete record.days;
  props.setProperty(TREND_RECORD, JSON.stringify(record));
}


/** FC_SEED=n runs the property with that seed (to try others by hand; the committed runs stay random). */
function seedFromEnv(): { seed?: number } {
  const seed = Number(process.env.FC_SEED);
  return Number.isInteger(seed) && process.env.FC_SEED ? { seed } : {};
}

interface Outcome {
  /** Summaries that had a checkpoint to start from. */
  withCheckpoint: number;
  /** Of those, how many read fewer cells than the whole log's summary (the checkpoint was used). */
  fewerCells: number;
  /** Summaries whose Weekly Trend tab had a record of its past weeks (an ordinary week then writes one column). */
  fromTrendTab: number;
  /** KRs with a forecast (a number in Forecast) after the last summary. */
  forecast: number;
  /** The tracker after the last summary. */
  wb: Workbook;
}

/** `logAtSheetEnd`: the log's sheet ends at its last row (as a log grown by its check-ins does), so the
 * summary reads down to the sheet's end instead of asking for the last row (summaryRead.ts readLogFrom). */
function run(weeks: Week[], logAtSheetEnd = false, oldRecordAt = -1, before: (wb: Workbook, week: number) => void = () => {}): Outcome {
  const wb = newTracker({ template: "operations", start: START, at: START });
  if (logAtSheetEnd) {
    const log = ss(wb).getSheetByName("Check-ins")!;
    // One blank row stays below the frozen header (Sheets refuses to delete them all); the first
    // check-in fills it, and the log ends at the sheet's end from then on.
    log.deleteRows(log.getLastRow() + 2, log.getMaxRows() - log.getLastRow() - 1);
  }
  const out: Outcome = { withCheckpoint: 0, fewerCells: 0, fromTrendTab: 0, forecast: 0, wb };
  weeks.forEach((w, i) => {
    const monday = addDays(START, 7 * i);
    for (const e of w.checkins) {
      const krId = KRS[e.kr];
      const date = addDays(monday, e.day - e.lateBy);
      setToday(wb, date < START ? START : date); // check-ins are closed before the cycle
      wb.services.session.setUser(OWNER[krId]);
      // A correction of a KR with no check-in this week is refused; the event is then an ordinary check-in.
      const send = (correct: boolean) =>
        callAddon(wb, "submitCheckin", {
          requestId: requestId(), krId, value: String(VALUES[krId][e.value]), confidence: e.conf, confirmed: true,
          blockers: BLOCKERS[e.blocker], whatChanged: e.blocker ? "" : "steady", ...(correct ? { correct: true } : {}),
        });
      const r = send(e.correct);
      if (!r.ok && !(e.correct && send(false).ok)) throw new Error(`check-in ${krId}: ${r.message}`);
      wb.services.session.setUser("ops.lead@example.com");
    }
    const day = addDays(monday, 6 - w.back);
    const at = day < START ? START : day; // a summary before the cycle is refused (session 13), as check-ins are
    if (i === oldRecordAt) withoutRecordedDays(wb);
    before(wb, i);
    for (let n = 0; n < (w.again ? 2 : 1); n++) {
      // The same tracker without its checkpoints: its summary replays the whole log.
      const snap = wb.services.toSnapshot();
      const hadCheckpoint = !!snap.documentProperties[CHECKPOINTS];
      delete snap.documentProperties[CHECKPOINTS];
      // Nor the record of its Weekly Trend tab: that summary rewrites the tab whole from History.
      delete snap.documentProperties[TREND_RECORD];
      const whole = workbookFromSnapshot("/nonexistent/whole.xlsx", snap, { at, user: "ops.lead@example.com" });
      const wholeCells = summarize(whole, at);
      const wholeWritten = whole.services.counters.cellsWritten;
      const cells = summarize(wb, at);
      // An ordinary week writes one week's column of the Weekly Trend, not the whole tab.
      if (wb.services.counters.cellsWritten < wholeWritten) out.fromTrendTab++;
      expect(written(wb), `summary as of ${at}`).toEqual(written(whole));
      if (hadCheckpoint) {
        out.withCheckpoint++;
        if (cells < wholeCells) out.fewerCells++;
      }
    }
  });
  out.forecast = written(wb).forecasts.filter((r) => typeof r[1] === "number").length;
  return out;
}

/**
 * Week 1 summarised as of its Thursday, after a check-in dated its Saturday (the clock set ahead, as
 * `okr-sheets checkin --at` does): that summary saw a check-in after its day, so its History rows do not
 * summarise the log and it leaves no checkpoint to read the log from. Then two ordinary weeks.
 */
const WEEK1_SAW_LATER: Week[] = [
  {
    checkins: [
      { day: 1, kr: 0, value: 1, conf: 7, blocker: 0, lateBy: 0, correct: false },
      { day: 5, kr: 1, value: 2, conf: 5, blocker: 2, lateBy: 0, correct: false },
    ],
    back: 3,
    again: false,
  },
  ...ORDINARY.slice(1),
];

/**
 * The weekly refresh's rhythm: check-ins on the Tuesday and Thursday of each week (negative days: the week
 * before the summary's), each week summarised on its Monday, before that week's check-ins. History records
 * each week as of its first day; from week 4 the KRs have forecasts, their past points dated on those days.
 */
const MONDAYS: Week[] = [0, 1, 2, 3, 4].map((w) => ({
  checkins: w === 0 ? [] : [
    { day: -6, kr: w % KRS.length, value: w % 3, conf: 7, blocker: 0, lateBy: 0, correct: false },
    { day: -4, kr: (w + 1) % KRS.length, value: (w + 2) % 3, conf: 6, blocker: 1, lateBy: 0, correct: false },
    { day: -4, kr: (w + 2) % KRS.length, value: (w + 1) % 3, conf: 6, blocker: 0, lateBy: 0, correct: false },
  ],
  back: 6,
  again: false,
}));

/**
 * Fast-check seed 2100213651: week 2 skipped (summaries as of 01-10, 01-11 and 01-25), so the Weekly Trend
 * holds week 2 from the log as of its last day (no History rows); then O2.KR1's first check-in entered on
 * 01-27 dated 01-18, 9 days late. A whole rewrite shows it in week 2; until session 18 the incremental
 * summary kept the tab's week 2 (blank) and O2.KR1's trend read "▄ 5" for "▄▄ 5 → 5".
 */
const SKIPPED_WEEK_LATE: Week[] = [
  { checkins: [], back: 1, again: false },
  { checkins: [], back: 7, again: false },
  { checkins: [], back: 0, again: false },
  { checkins: [{ day: 1, kr: 2, value: 1, conf: 7, blocker: 2, lateBy: 9, correct: true }], back: 0, again: false },
];

describe("the add-on's incremental summary equals the whole log's", () => {
  it("for generated check-ins (late, corrected, repeated) and summaries, Weekly Summary, Weekly Trend and History alike", () => {
    let fewer = 0;
    let fromTrend = 0;
    fc.assert(
      fc.property(fc.array(week, { minLength: 2, maxLength: 4 }), fc.boolean(), (weeks, logAtSheetEnd) => {
        const o = run(weeks, logAtSheetEnd);
        fewer += o.fewerCells;
        fromTrend += o.fromTrendTab;
      }),
      // Random weeks may leave no checkpoint to use (late check-ins dated after a summary's day): the first
      // two examples, run first, are ordinary weeks whose later summaries must start from a checkpoint; the
      // third, a check-in dated back into a skipped week (seed 2100213651).
      { numRuns: 6, examples: [[ORDINARY, false], [ORDINARY, true], [SKIPPED_WEEK_LATE, false]], ...seedFromEnv() },
    );
    // Worth something only if checkpoints were actually used (the examples' weeks 2 and 3, twice).
    expect(fewer, "summaries that read the log from a checkpoint").toBeGreaterThanOrEqual(4);
    expect(fromTrend, "summaries that found the Weekly Trend's record").toBeGreaterThanOrEqual(4);
  });

  it("summarised on Mondays, before each week's check-ins: the forecasts from the Weekly Trend's recorded days equal those from History's As of", () => {
    for (const logAtSheetEnd of [false, true]) {
      const o = run(MONDAYS, logAtSheetEnd);
      expect(o.fromTrendTab, "weeks 2-5 from the Weekly Trend's record").toBe(4);
      expect(o.forecast, "KRs forecast in week 5").toBeGreaterThanOrEqual(3);
    }
  });

  it("a trend record written before session 12 (no days): that week rewrites the tab whole from History, once, and equals the whole rewrite", () => {
    const o = run(MONDAYS, false, 3);
    // Weeks 2, 3 and 5 from the record; week 4 rewrote the tab whole and recorded the days again.
    expect(o.fromTrendTab).toBe(3);
  });

  it("a trend record with a week's days per KR (session 12 before its size fix): that week rewrites the tab whole, once, and equals the whole rewrite", () => {
    const o = run(MONDAYS, false, -1, (wb, i) => {
      if (i !== 3) return;
      const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
      const record = JSON.parse(props.getProperty(TREND_RECORD) as string);
      record.days["2"] = { d: record.days["2"], x: { "0": record.days["2"] } };
      props.setProperty(TREND_RECORD, JSON.stringify(record));
    });
    expect(o.fromTrendTab).toBe(3);
  });

  it("a KR added in week 3: its past weeks from the log as of the days the others' are (History's As of), one day per week recorded, equal the whole rewrite", () => {
    let record: { days: Record<string, unknown> } | null = null;
    const o = run(MONDAYS, false, -1, (wb, i) => {
      const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
      if (i === 3) record = JSON.parse(props.getProperty(TREND_RECORD) as string);
      if (i !== 2) return;
      // Added under O3 by hand (as a user types a row), then Repair tracker gives it its formulas.
      const kr = ss(wb).getSheetByName("Key Results")!;
      kr.getRange(9, 1, 1, 9).setValues([["O3.KR3", "O3", "Cut scrap from 5% to 2%", "ops.lead@example.com", "decrease", "%", 5, 2, 1]]);
      const repaired = callAddon(wb, "repairTracker");
      if (!repaired.ok) throw new Error(repaired.message);
      setToday(wb, "2026-01-13");
      callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O3.KR3", value: "4.5", confidence: 6, confirmed: true });
    });
    // Week 3 rewrote the tab whole (a KR added); weeks 2, 4 and 5 read it back.
    expect(o.fromTrendTab).toBe(3);
    // Weeks 1 and 2 dated on their Mondays for every KR, the new one too (its weeks from the log as of those
    // days: its 01-13 check-in not yet in week 2). Until session 12's fix it was dated at the weeks' last
    // days, recorded apart per KR ({ d: "2026-01-12", x: { "7": "2026-01-18" } }): unbounded in the KRs.
    expect(record!.days).toEqual({ "1": "2026-01-05", "2": "2026-01-12", "3": "2026-01-19" });
  });

  it("a Current typed over a KR whose check-ins are summarised before the checkpoint: named alike from the checkpoint and from the whole log", () => {
    const o = run(ORDINARY, false, -1, (wb, i) => {
      if (i === 2) ss(wb).getSheetByName("Key Results")!.getRange("J2").setValue(0.86); // O1.KR1's Current, checked in 82 on 01-06
    });
    expect(o.fewerCells, "week 3 read the log from its checkpoint").toBeGreaterThanOrEqual(1);
    const text = ss(o.wb).getSheetByName("Weekly Summary")!.getDataRange().getValues().map((r) => String(r[0]));
    expect(text).toContain('O1.KR1: Current 0.86 was typed over its last check-in (82, 2026-01-06): the summary counts the check-in. Check in to record it, or use "Correct last check-in".');
  });

  it("after a week 1 summary that saw check-ins dated after its day: week 2 writes only its own week's column, as the whole rewrite would", () => {
    // Week 1 leaves no checkpoint of the log (week 2 reads the whole log), but the Weekly Trend's record and
    // where week 1's History rows are: weeks 2 and 3 each write only their own column, and equal the whole
    // rewrite (run compares every summary with it).
    for (const logAtSheetEnd of [false, true]) {
      const o = run(WEEK1_SAW_LATER, logAtSheetEnd);
      expect(o.fromTrendTab, "weeks 2 and 3 from the Weekly Trend's record").toBe(2);
      expect(o.fewerCells, "week 3 reads the log from week 2's checkpoint").toBe(1);
    }
  });
});

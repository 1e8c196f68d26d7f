// Writes generated tracker data (bench/trackerData.ts) into the snapshot of a tracker the add-on has just
// set up: Settings, Objectives, Key Results with each KR's latest check-in, the log, and the weekly
// History rows, as a tracker that has been in use for most of a cycle would hold them.
import { addDays, elapsed, serialFromIso, weekNumber } from "../src/core/dates";
import { krScore, statusFromGap } from "../src/core/scoring";
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../src/core/tabs";
import type { SnapshotCell, WorkbookSnapshot } from "../src/local/snapshot";
import { putRow, sheetOf } from "./snapshotRows";
import { ADMIN, LEADER, START, TODAY, WEEKS, type LogRow, type TrackerData } from "./trackerData";

const cell = (v: string | number | undefined, fmt?: string): SnapshotCell | null =>
  v === undefined || v === "" ? null : fmt ? { v, fmt } : { v };

/**
 * Fills `snap` in place. headroom: the Key Results grid gets 100 empty rows below the KRs, as a sheet grown
 * by hand usually has; without them setup fails at 1,000+ KRs, writing its 20 spare formula rows past the
 * grid (see README, Performance).
 */
export function fillSnapshot(snap: WorkbookSnapshot, data: TrackerData, opts: { headroom: boolean }): void {
  const { objectives, krs, log } = data;

  // Settings: admins and leaders.
  const settings = sheetOf(snap, TAB.settings);
  for (const row of settings.rows) {
    const label = String(row?.[0]?.v ?? "");
    if (label === "Admins' emails") row[1] = { v: ADMIN };
    if (label === "Leaders' emails") row[1] = { v: LEADER };
  }

  const objSheet = sheetOf(snap, TAB.objectives);
  objectives.forEach((o, i) =>
    putRow(objSheet, i + 1, {
      [OBJECTIVE_HEADERS[0]]: cell(o.id), Objective: cell(o.title), Owner: cell(o.owner), Team: cell(o.team),
      "Parent ID": cell(o.parentId), Type: cell(o.type), "P&L link": cell(o.pnlLink),
    }),
  );

  // Each KR's latest check-in (by date, then submission order) fills Current / Confidence / Last check-in.
  const latest = new Map<number, LogRow>();
  for (const l of log) latest.set(l.krIndex, l);
  const krSheet = sheetOf(snap, TAB.keyResults);
  krs.forEach((k, i) => {
    const l = latest.get(i);
    putRow(krSheet, i + 1, {
      [KR_HEADERS[0]]: cell(k.id), "Objective ID": cell(k.objectiveId), "Key result": cell(k.title), Owner: cell(k.owner),
      Metric: cell(k.metric), Unit: cell(k.unit), Start: cell(k.start), Target: cell(k.target), Weight: cell(k.weight),
      Current: cell(l?.value), Confidence: cell(l?.confidence), "Last check-in": cell(l ? Math.floor(l.serial) : undefined, "yyyy-mm-dd"),
    });
  });

  const logSheet = sheetOf(snap, TAB.checkins);
  log.forEach((l, i) =>
    putRow(logSheet, i + 1, {
      [CHECKIN_HEADERS[0]]: cell(l.serial, "yyyy-mm-dd hh:mm"), Week: cell(weekNumber(l.day, START)), "KR ID": cell(krs[l.krIndex].id),
      Value: cell(l.value), Confidence: cell(l.confidence), "What changed": cell(l.whatChanged), Blockers: cell(l.blockers),
      "Next step": cell(l.nextStep), Author: cell(l.author), "Request ID": cell(l.requestId),
    }),
  );

  // History: what the weekly refresh (Mondays) wrote for weeks 1 .. this week − 1.
  const histSheet = sheetOf(snap, TAB.history);
  const thisWeek = weekNumber(TODAY, START);
  let h = 1;
  let li = 0;
  const current = new Map<number, number>();
  for (let w = 1; w < thisWeek; w++) {
    const asOf = addDays(START, 7 * (w - 1));
    while (li < log.length && log[li].day <= asOf) current.set(log[li].krIndex, log[li++].value);
    const el = elapsed(asOf, START, WEEKS);
    krs.forEach((k, i) => {
      const c = current.get(i);
      const sc = krScore(k.metric, k.start, k.target, c ?? null);
      const score = sc.score ?? 0;
      const status =
        c === undefined ? "Not started"
        : k.metric === "stay_above" || k.metric === "stay_below" ? (score === 1 ? "On track" : "Off track")
        : statusFromGap(score, el * (k.type === "aspirational" ? 0.7 : 1), 0.1, 0.25);
      putRow(histSheet, h++, {
        [HISTORY_HEADERS[0]]: cell(w), "As of": cell(serialFromIso(asOf), "yyyy-mm-dd"), "KR ID": cell(k.id),
        Value: cell(c ?? k.start), Score: cell(score, "0.00"), Status: cell(status),
      });
    });
  }
  // The History grid ends at its last row (setup, measured first, then sizes it for the cycle).
  if (opts.headroom) for (let i = 0; i < 100; i++) krSheet.rows.push([]);
}

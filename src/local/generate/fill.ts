// Writes generated tracker data (okrs.ts) into the snapshot of a tracker the add-on has just set up:
// Settings, Objectives, Key Results with each KR's latest check-in, the log, and the weekly History rows,
// as a tracker that has been in use for part of a cycle would hold them. Formula columns are left as setup
// made them: past its spare rows, setupTracker({}) or repairTracker fills them in.
import { addDays, elapsed, serialFromIso, weekNumber } from "../../core/dates";
import { krScore, statusFromGap } from "../../core/scoring";
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../../core/tabs";
import type { WorkbookSnapshot } from "../snapshot";
import { ADMIN, cycleOf, LEADER, type LogRow, type TrackerData, type TrackerSpec } from "./okrs";
import { cell, putRow, sheetOf } from "./rows";

export interface FillOptions {
  /**
   * The Key Results grid gets 100 empty rows below the KRs, as a sheet grown by hand usually has; without
   * them setup fails at 1,000+ KRs, writing its 20 spare formula rows past the grid (see README, Performance).
   */
  headroom: boolean;
  /** History holds what the weekly refresh wrote for the weeks before today's (false: History stays empty). */
  history: boolean;
}

/** Fills `snap` in place. */
export function fillSnapshot(snap: WorkbookSnapshot, spec: TrackerSpec, data: TrackerData, opts: FillOptions): void {
  const { objectives, krs, log } = data;
  const { start, weeks, today } = cycleOf(spec);

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
      [CHECKIN_HEADERS[0]]: cell(l.serial, "yyyy-mm-dd hh:mm"), Week: cell(weekNumber(l.day, start)), "KR ID": cell(krs[l.krIndex].id),
      Value: cell(l.value), Confidence: cell(l.confidence), "What changed": cell(l.whatChanged), Blockers: cell(l.blockers),
      "Next step": cell(l.nextStep), Author: cell(l.author), "Request ID": cell(l.requestId),
    }),
  );

  // History: what the weekly refresh (Mondays) wrote for weeks 1 .. this week − 1.
  const histSheet = sheetOf(snap, TAB.history);
  const thisWeek = opts.history ? weekNumber(today, start) : 1;
  let h = 1;
  let li = 0;
  const current = new Map<number, number>();
  for (let w = 1; w < thisWeek; w++) {
    const asOf = addDays(start, 7 * (w - 1));
    while (li < log.length && log[li].day <= asOf) current.set(log[li].krIndex, log[li++].value);
    const el = elapsed(asOf, start, weeks);
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
  // Key Results: 100 empty rows (see FillOptions). History: room for the next weeks' rows, as the summary
  // leaves it when it grows the tab (four weeks' rows at least; setup no longer sizes it for the cycle), so
  // a week's summary is an ordinary one, not a growth.
  if (opts.headroom) for (let i = 0; i < 100; i++) krSheet.rows.push([]);
  if (opts.headroom && opts.history) for (let i = 0; i < Math.max(500, 2 * krs.length); i++) histSheet.rows.push([]);
}

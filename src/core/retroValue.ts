// The Retrospective's Final value column (docs/lifecycle.md#closing-the-cycle-retrospective): where each KR
// ended against its target, in the KR's unit, as its values read everywhere else ("5.2% vs target 4%",
// "$37.20 vs target $36.00", "8.1 days vs target 8 days"). A score of 0.63 says how far along a KR got; a
// leader reading the retrospective asks what the figure was.
//
// Decisions:
// - The value is the KR's as of the close's day (the tracker the tab is built from: summaryAsOf.ts), at the
//   KR's decimals and with its unit as the Forecast column and the sidebar write them (krValueText,
//   valueWithUnit): a fraction-% KR's × 100, money with cents, the locale's decimal separator.
// - Against: increase/decrease "vs target T"; stay_above "vs at least T", stay_below "vs at most T" (their
//   target is a threshold to hold, not a figure to reach); a milestone (its target ignored by its score)
//   its value alone. No target (a setup error): the value alone.
// - A KR nobody checked in on (graded "No check-ins") has no final value: "not checked in (target T)", not its
//   start dressed as a result, as its grade says.
// - Objectives have none (their score is their KRs'); the cell is empty.
import { krValueText } from "./forecast";
import type { KeyResult } from "./model";
import type { NumberStyle } from "./numbers";
import { isNum, normalizeMetric } from "./scoring";
import { valueWithUnit } from "./valueDigits";

/** "5.2% vs target 4%", "not checked in (target 4%)", "0.8" (a milestone), or "" when there is nothing to say. */
export function finalValueText(kr: KeyResult, started: boolean, sep: NumberStyle): string {
  const shown = (v: number) => valueWithUnit(krValueText(kr, v, sep), kr.unit, sep);
  const metric = normalizeMetric(kr.metric);
  const against = metric === "milestone" || !isNum(kr.target) ? "" : `${metric === "stay_above" ? "at least" : metric === "stay_below" ? "at most" : "target"} ${shown(kr.target)}`;
  if (!started) return against ? `not checked in (${against})` : "not checked in";
  if (!isNum(kr.current)) return "";
  return against ? `${shown(kr.current)} vs ${against}` : shown(kr.current);
}

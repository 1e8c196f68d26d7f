// The "This week" lines at the top of the Weekly Summary: four sentences a leader can paste into a message
// (docs/summary.md, "This week").
import { atThisPaceLine, type WhyInput } from "./forecastWords";
import { signedText, type NumberStyle } from "./numbers";
import { missingCheckins } from "./summaryLeaders";
import { firstAndMore } from "./plural";
import { STATUS } from "./tabs";
import type { SummaryBlocker, SummaryKr, SummaryLowConfidenceKr, SummaryMover } from "./summaryTypes";

/** At most this many IDs are named in a line; the rest are counted ("and 3 more"). */
const NAMED = 5;

/** "1 KR", "2 KRs" (and "No KR" when `none` is given for zero). */
export function krsText(n: number, none?: string): string {
  if (n === 0 && none) return none;
  return `${n} KR${n === 1 ? "" : "s"}`;
}

function ids(list: { id: string }[]): string {
  return firstAndMore(list.map((k) => k.id), NAMED);
}

function sentence(parts: string[]): string {
  const s = parts.filter((p) => p !== "").join("; ");
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

export interface ThisWeekInput {
  krs: SummaryKr[];
  hasLastWeek: boolean;
  checkinRate: { checkedIn: number; total: number };
  periodDays: number;
  movers: { up: SummaryMover[]; down: SummaryMover[] };
  blockers: SummaryBlocker[];
  lowConfidence: SummaryLowConfidenceKr[];
  /** The spreadsheet locale's decimal separator for the score changes ("+1,00" in de_DE); "." when not given. */
  decimalSeparator?: NumberStyle;
  /** The KRs forecast short of their goal (largest shortfall first), and whether any KR has a forecast: line 4. */
  forecast?: { below: (WhyInput & { id: string })[]; any: boolean; ended?: boolean };
}

/** Line 1: KRs that fell off track or came back on track since last week, and how many are off track / at risk. */
function statusLine(d: ThisWeekInput): string {
  const off = d.krs.filter((k) => k.status === STATUS.offTrack);
  const risk = d.krs.filter((k) => k.status === STATUS.atRisk);
  const totals = `${off.length} off track and ${risk.length} at risk in all`;
  // A KR whose start or target was typed wrong mid-cycle leaves its objective's score and every list but
  // the status counts; said here, a leader does not read the missing KR as a good week.
  const broken = d.krs.filter((k) => k.status === STATUS.setupError);
  const unscored = broken.length ? `${krsText(broken.length)} not scored: setup error (${ids(broken)})` : "";
  if (!d.hasLastWeek) {
    return sentence([`${krsText(off.length, "no KR")} off track${off.length ? ` (${ids(off)})` : ""}`, `${krsText(risk.length, "no KR")} at risk${risk.length ? ` (${ids(risk)})` : ""}`, unscored]);
  }
  // Fell: it was on track or at risk. A KR not started last week (added since, or checked in for the first
  // time) or with a setup error then starts off track; it did not fall.
  const was = (k: SummaryKr, a: string, b: string) => k.lastWeekStatus === a || k.lastWeekStatus === b;
  const fell = off.filter((k) => was(k, STATUS.onTrack, STATUS.atRisk));
  const back = d.krs.filter((k) => k.status === STATUS.onTrack && was(k, STATUS.offTrack, STATUS.atRisk));
  const parts: string[] = [];
  if (fell.length) parts.push(`${krsText(fell.length)} fell off track (${ids(fell)})`);
  if (back.length) parts.push(`${krsText(back.length)} back on track (${ids(back)})`);
  if (!parts.length) parts.push("no KR fell off track");
  parts.push(totals, unscored);
  return sentence(parts);
}

/** Line 2: check-ins of this period (and which KRs are missing theirs), blockers reported, low confidence. */
function checkinLine(d: ThisWeekInput): string {
  const r = d.checkinRate;
  const period = d.periodDays === 14 ? "this fortnight" : "this week";
  // Who to chase, named where a leader reads first (session 18's review: "3 of 4 KRs checked in" left them
  // to find the one in the Missing check-ins table, below the fold), in that table's order.
  const missing = missingCheckins(d.krs);
  const parts = [`${r.checkedIn} of ${krsText(r.total)} checked in ${period}${missing.length ? ` (missing: ${ids(missing)})` : ""}`];
  const blocked = Array.from(new Set(d.blockers.map((b) => b.id)));
  parts.push(blocked.length ? `${krsText(blocked.length)} reported blockers (${ids(blocked.map((id) => ({ id })))})` : "no blockers reported");
  if (d.lowConfidence.length) {
    parts.push(`${d.lowConfidence.length} on-track ${d.lowConfidence.length === 1 ? "KR has" : "KRs have"} low confidence (${ids(d.lowConfidence)})`);
  }
  return sentence(parts);
}

/** Line 3: the biggest gain and the biggest drop in score since last week. */
function moverLine(d: ThisWeekInput): string {
  if (!d.hasLastWeek) return "First week of the cycle: no change to compare yet.";
  const up = d.movers.up[0];
  const down = d.movers.down[0];
  if (!up && !down) return "No score changed since last week.";
  const sep = d.decimalSeparator || ".";
  const edited = (m: SummaryMover) =>
    m.valueUnchanged
      ? " (value unchanged: its start, target or metric was edited)"
      : m.fromValue !== undefined
        ? ` (${signedText(m.fromValue, sep)} from its value: its start, target or metric was edited)`
        : "";
  return sentence([
    up ? `biggest gain: ${up.id} ${signedText(up.change, sep)}${edited(up)}` : "no score rose",
    down ? `biggest drop: ${down.id} ${signedText(down.change, sep)}${edited(down)}` : "no score fell",
  ]);
}

export function thisWeekLines(d: ThisWeekInput): string[] {
  const lines = [statusLine(d), checkinLine(d), moverLine(d)];
  // Which KRs will miss, in week four already: the line a leader forwards (the digest opens with these lines).
  if (d.forecast) lines.push(atThisPaceLine(d.forecast.below, d.forecast.any, d.decimalSeparator || ".", undefined, d.forecast.ended));
  return lines;
}

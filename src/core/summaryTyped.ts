// A Current typed over a KR's check-ins (docs/workbook.md, Key Results): the Key Results formulas score the
// typed value, the summary replays the log, and the two disagree until the KR's next check-in. The summary
// says so in a "This week" line, derived each time from what it reads (the KR row's Current and the log),
// so an ordinary week, reading the log from its checkpoint, says the same as a whole read.
import type { CheckinEntry, KeyResult } from "./model";
import { percentText, roundedText, type NumberStyle } from "./numbers";
import { krAsOf, latestCheckins } from "./summaryAsOf";

/** At most this many KRs are named in the line; the rest are counted. */
const NAMED = 5;

export interface TypedOver {
  id: string;
  current: number;
  value: number;
  date: string;
  percentCells?: true;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The KRs whose Current cell differs from the value of their latest check-in dated ≤ asOf. A blank Current,
 * a KR without check-ins (the summary uses its Current), and a KR checked in after asOf (its Current is that
 * later check-in's: the weekly refresh is as of the day before a morning's check-in) are no difference.
 */
export function typedOver(krs: KeyResult[], checkins: CheckinEntry[], latestNow: Map<string, CheckinEntry>, logged: Set<string>, asOf: string): TypedOver[] {
  const latestAll = latestCheckins(checkins, null);
  const out: TypedOver[] = [];
  for (const kr of krs) {
    const a = krAsOf(kr, latestNow, logged, asOf);
    const cur = kr.current;
    if (!a.checkin || a.value === null || typeof a.value !== "number" || !isFinite(a.value)) continue;
    if (cur === null || typeof cur !== "number" || !isFinite(cur) || same(cur, a.value)) continue;
    if (latestAll.get(kr.id) !== a.checkin) continue;
    out.push({ id: kr.id, current: cur, value: a.value, date: a.checkin.date, ...(kr.percentCells ? { percentCells: true as const } : {}) });
  }
  return out;
}

/** The "This week" line naming such KRs, or null when there is none. */
export function typedOverLine(list: TypedOver[], sep: NumberStyle = "."): string | null {
  if (!list.length) return null;
  const v = (t: TypedOver, x: number) => (t.percentCells ? percentText(x, sep) : roundedText(x, 4, sep));
  const fix = `Check in to record ${list.length === 1 ? "it" : "them"}, or use "Correct last check-in".`;
  if (list.length === 1) {
    const t = list[0];
    return `${t.id}: Current ${v(t, t.current)} was typed over its last check-in (${v(t, t.value)}, ${t.date}): the summary counts the check-in. ${fix}`;
  }
  const named = list.slice(0, NAMED).map((t) => `${t.id} ${v(t, t.current)} over ${v(t, t.value)} of ${t.date}`).join("; ");
  const more = list.length > NAMED ? ` and ${list.length - NAMED} more` : "";
  return `${list.length} KRs have a Current typed over their last check-in (${named}${more}): the summary counts the check-ins. ${fix}`;
}

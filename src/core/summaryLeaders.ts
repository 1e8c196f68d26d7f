// The leaders' view of the Weekly Summary (issue 15): confidence now and last week, the low-confidence list,
// the blockers of every check-in this period, and "worst first" ordering. Rules: docs/summary.md.
import { commentShown } from "./corrections";
import { addDays } from "./dates";
import { forecastMissWords, type WhyInput } from "./forecastWords";
import type { CheckinEntry, Tracker } from "./model";
import { roundedText, type NumberStyle } from "./numbers";
import { isIso, krAsOf, latestCheckins, logOrder } from "./summaryAsOf";
import { finiteOrNull } from "./scoring";
import { STATUS } from "./tabs";
import type { SummaryAttentionKr, SummaryBlocker, SummaryKr, SummaryLowConfidenceKr, SummaryMissingKr } from "./summaryTypes";

/** On-track KRs at or below this confidence are listed as low confidence. */
export const LOW_CONFIDENCE = 4;
/** ... and those whose confidence fell by at least this much since last week. */
export const CONFIDENCE_DROP = 3;

/**
 * Each KR's confidence as of last week: the log replayed as of asOf − 7 days, as last week's values are
 * when History has no row for them. Empty in week 1. One function so that the source can become History
 * once History keeps confidence.
 */
export function lastWeekConfidence(tracker: Tracker, checkins: CheckinEntry[], asOf: string, week: number): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (week <= 1) return out;
  const day = addDays(asOf, -7);
  const latest = latestCheckins(checkins, day);
  const logged = new Set(checkins.map((c) => c.krId));
  for (const kr of tracker.keyResults) out.set(kr.id, finiteOrNull(krAsOf(kr, latest, logged, day).confidence));
  return out;
}

/** A confidence that is a number, else null (a hand-typed cell may hold text). */
export { finiteOrNull as confidenceOf };

/** Stable sort, most behind expected first; items without a gap (no score) last. */
export function worstFirst<T extends { gap: number | null }>(items: T[]): T[] {
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => {
      const ga = a.it.gap;
      const gb = b.it.gap;
      if (ga === null || gb === null) return (ga === null ? 1 : 0) - (gb === null ? 1 : 0) || a.i - b.i;
      return ga - gb || a.i - b.i;
    })
    .map((x) => x.it);
}

/** Needs attention's heading and its line when empty, the tab's and the digest's. */
export const ATTENTION_HEADING = "Needs attention: off track, at risk or forecast to miss";
export const ATTENTION_NONE = "None — no key result is off track, at risk or forecast to miss.";

/** The same after the cycle's last day (`ended`: ReportForecast.ended), whose forecasts are where the KRs landed. */
export function attentionWords(ended: boolean | undefined): { heading: string; none: string } {
  if (!ended) return { heading: ATTENTION_HEADING, none: ATTENTION_NONE };
  return { heading: "Needs attention: off track, at risk or missed", none: "None — no key result is off track, at risk or missed its goal." };
}

/** What needsAttention needs of the forecast: the KRs forecast to miss, largest shortfall first (summaryForecast.ts `below`). */
export interface AttentionForecast {
  below: (WhyInput & { id: string })[];
  sep: NumberStyle;
  /** After the cycle's last day: "Missed: …" (forecastMissWords). */
  ended?: boolean;
  /** This period's first day: a text from a check-in before it says that check-in's day (datedIfOlder). */
  periodStart?: string;
}

/**
 * A Needs attention text (Latest comment, Blockers, Next step) of a KR whose latest check-in is before this period,
 * with that check-in's day: "Lab equipment broken (check-in of 2026-02-05)". The texts come from the KR's latest
 * check-in however old, so until session 21 a KR silent for a month showed its old blocker in the tab and the
 * leaders' email as if current, beside "no blockers reported" this week. This period's texts stay as written.
 */
export function datedIfOlder(text: string, day: string | null, periodStart: string | undefined): string {
  return text && day && periodStart && day < periodStart ? `${text} (check-in of ${day})` : text;
}

/**
 * Off track first, then at risk, each worst first, then the other KRs the forecast says will miss (an On
 * track KR behind a falling pace; largest shortfall first), with each KR's latest comment and confidence.
 * Every KR forecast to miss carries its "Forecast to miss: …" words, so a leader reads in one list which
 * KRs will miss, as early as week four, without the Forecast section (docs/summary.md, Needs attention).
 */
export function needsAttention(krs: SummaryKr[], latestNow: Map<string, CheckinEntry>, forecast?: AttentionForecast): SummaryAttentionKr[] {
  const miss = new Map<string, string>();
  for (const f of forecast?.below ?? []) if (!miss.has(f.id)) miss.set(f.id, forecastMissWords(f, forecast!.sep, forecast!.ended));
  const dated = (text: string, c: CheckinEntry) => datedIfOlder(text, c.date || null, forecast?.periodStart);
  const row = (k: SummaryKr): SummaryAttentionKr => {
    const c = latestNow.get(k.id);
    return {
      id: k.id,
      title: k.title,
      owner: k.owner,
      status: k.status,
      score: k.score,
      gap: k.gap,
      confidence: k.confidence,
      confidenceChange: k.confidenceChange,
      forecastMiss: miss.get(k.id) ?? "",
      whatChanged: c ? dated(commentShown(c.whatChanged), c) : "",
      blockers: c ? dated(String(c.blockers ?? ""), c) : "",
      nextStep: c ? dated(String(c.nextStep ?? ""), c) : "",
      lastCheckin: k.lastCheckin,
    };
  };
  const attention: SummaryAttentionKr[] = [];
  for (const st of [STATUS.offTrack, STATUS.atRisk]) for (const k of worstFirst(krs)) if (k.status === st) attention.push(row(k));
  const listed = new Set(attention.map((a) => a.id));
  const byId = new Map(krs.map((k) => [k.id, k] as [string, SummaryKr]));
  for (const id of miss.keys()) {
    const k = byId.get(id);
    if (k && !listed.has(id)) {
      listed.add(id);
      attention.push(row(k));
    }
  }
  return attention;
}

export function missingCheckins(krs: SummaryKr[]): SummaryMissingKr[] {
  return worstFirst(krs.filter((k) => !k.checkedInThisPeriod)).map((k) => ({ id: k.id, objectiveId: k.objectiveId, title: k.title, owner: k.owner, lastCheckin: k.lastCheckin }));
}

/** On-track KRs whose confidence is ≤ LOW_CONFIDENCE or fell by ≥ CONFIDENCE_DROP; lowest confidence first. */
export function lowConfidence(krs: SummaryKr[], latestNow: Map<string, CheckinEntry>, sep: NumberStyle = "."): SummaryLowConfidenceKr[] {
  const out: SummaryLowConfidenceKr[] = [];
  for (const k of krs) {
    if (k.status !== STATUS.onTrack || k.confidence === null) continue;
    const low = k.confidence <= LOW_CONFIDENCE;
    const fell = k.confidenceChange !== null && k.confidenceChange <= -CONFIDENCE_DROP;
    if (!low && !fell) continue;
    const reasons: string[] = [];
    // Whole numbers from the sidebar; a Confidence typed by hand may have decimals ("6,5" in de_DE).
    const c10 = (x: number | null) => (x === null ? "" : roundedText(x, 4, sep));
    if (low) reasons.push(`Confidence ${c10(k.confidence)} of 10`);
    if (fell) reasons.push(`fell from ${c10(k.lastWeekConfidence)} to ${c10(k.confidence)}`);
    const reason = reasons.join(", ");
    const c = latestNow.get(k.id);
    out.push({
      id: k.id,
      title: k.title,
      owner: k.owner,
      score: k.score,
      confidence: k.confidence,
      lastWeekConfidence: k.lastWeekConfidence,
      confidenceChange: k.confidenceChange,
      reason: reason.charAt(0).toUpperCase() + reason.slice(1),
      whatChanged: c ? commentShown(c.whatChanged) : "",
    });
  }
  const order = new Map(krs.map((k, i) => [k.id, i] as [string, number]));
  return out.sort((a, b) => a.confidence - b.confidence || (a.confidenceChange ?? 0) - (b.confidenceChange ?? 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The blockers reported by every check-in dated in this period (periodStart..asOf), whatever the KR's
 * status: KRs worst first, a KR's newest check-in first; the same text twice for a KR is listed once (the
 * newest). `checkins` is the log without replaced rows (corrections.ts); rows of unknown KRs are skipped.
 */
export function blockersThisPeriod(krs: SummaryKr[], checkins: CheckinEntry[], periodStart: string, asOf: string): SummaryBlocker[] {
  const byKr = blockersByKr(checkins, (c) => isIso(c.date) && c.date >= periodStart && c.date <= asOf);
  const out: SummaryBlocker[] = [];
  for (const k of worstFirst(krs)) {
    for (const c of distinctBlockers(byKr.get(k.id))) {
      out.push({ id: k.id, title: k.title, owner: k.owner, status: k.status, date: c.date, blockers: String(c.blockers), nextStep: String(c.nextStep ?? "") });
    }
  }
  return out;
}

/** The check-ins `keep` takes whose Blockers cell is not blank, by KR ID (the summary's and the roll-up's blockers). */
export function blockersByKr(checkins: CheckinEntry[], keep: (c: CheckinEntry) => boolean): Map<string, CheckinEntry[]> {
  const byKr = new Map<string, CheckinEntry[]>();
  for (const c of checkins) {
    if (!keep(c) || String(c.blockers ?? "").trim() === "") continue;
    const list = byKr.get(c.krId);
    if (list) list.push(c);
    else byKr.set(c.krId, [c]);
  }
  return byKr;
}

/** A KR's check-ins with blockers, newest first (sorted in place), a text repeated in any case kept once: its newest. */
export function distinctBlockers(list: CheckinEntry[] | undefined): CheckinEntry[] {
  if (!list) return [];
  list.sort((a, b) => logOrder(b, a));
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = String(c.blockers).trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The roll-up's forecast (docs/portfolio.md, "At this pace"): which of a team's KRs its own add-on forecast to
// miss, read from the Key Results forecast columns its check-ins and summaries wrote (Forecast, Forecast
// score), not recomputed: the roll-up reads neither the log nor History, so a team costs the same calls.
//
// Rules, decided here:
// - A KR is "forecast to miss" exactly when the team's own Weekly Summary lists it in its Forecast section
//   (summaryForecast.ts buildReportForecast): it has a forecast score, and that score falls short of its
//   objective's goal (1 committed, the team's aspirational goal aspirational) by more than the team's own
//   on-track gap, as the team's own summary decides it (summaryForecast.ts forecastMisses, krGoals). Only the Forecast score decides: a
//   fraction-% KR's Forecast cell may hold the fraction (written before session 11) or the percent, and
//   its score is the same either way.
// - A KR without a forecast score (a milestone, too few check-ins, no check-in or summary yet, a setup
//   error) is not counted either way; a tracker whose Key Results have no forecast columns (set up before
//   them) says so instead of a count.
// - Worst first: the largest shortfall (goal − forecast score), as the team's summary orders them; teams in
//   the Portfolio tab's order, then the KRs' rows, among equals.
// - Shown as the team's summary shows it: "<value><unit> by <the team's cycle's last day>", against its
//   target or (aspirational increase or decrease KR) the value that scores its goal, at the KR's decimals
//   (forecast.ts valueDigits, from its start and target as shown). Whether a % KR's
//   cells hold fractions only their number formats say, which the roll-up does not read (a call per team):
//   the Forecast score tells it instead when it can (below, shownAsPercentCells).
import { cycleLastDay, dayNumber } from "./dates";
import { percentShown, valueDigits, type GoalValue } from "./forecast";
import { goalValue, goalWords, withUnit } from "./forecastWords";
import type { Tracker } from "./model";
import type { NumberStyle } from "./numbers";
import { forecastMisses, krGoals } from "./summaryForecast";
import { heldScoreFits } from "./forecastNow";
import { shortOfGoal } from "./shortOfGoal";

/** The forecast cells of one KR row as read: numbers, or null for a blank or a reason (text). */
export interface KrForecastCells {
  value: number | null;
  score: number | null;
}

/** A KR forecast to miss its goal, as the roll-up lists it. */
export interface ForecastMiss {
  team: string;
  id: string;
  title: string;
  owner: string;
  unit: string;
  /** Where the KR ends at this pace, as its cells show it (a fraction-% KR's × 100); null when its Forecast cell holds no number. */
  value: number | null;
  score: number;
  goal: number;
  /** What it ends against: its target, or the value that scores an aspirational goal. */
  against: GoalValue | null;
  /** The team's cycle's last day, YYYY-MM-DD. */
  endDay: string;
  /**
   * The KR's decimals (forecast.ts valueDigits of its start and target as shown), as its own summary words it;
   * absent when 2, and in a result cached before session 13.
   */
  digits?: number;
  /**
   * The forecast's own decimals where they differ from `digits`: a % KR within ±1 whose cells may hold
   * fractions or whole percents (shownAsPercentCells guesses) is shown at the finer of the two readings'.
   */
  valueDigits?: number;
}

export interface TeamForecast {
  /** False: the tracker's Key Results have no forecast columns (set up before them; Repair tracker adds them). */
  columns: boolean;
  /** KRs with a forecast score. */
  forecast: number;
  /** How many KRs are forecast to miss. */
  missing: number;
  /** The worst of them, at most ROLLUP_MISSES (what the roll-up can show, and what a partial run caches). */
  worst: ForecastMiss[];
  /**
   * Set when the forecast is out of date: the team's latest check-in (its `day` and the `week` of its cycle it
   * fell in) is more than silentAfterDays (14, or 28 for a fortnightly team) before the roll-up's day. Its KRs are then not counted nor
   * listed as forecast to miss (see staleForecast).
   */
  stale?: { day: string; week: number };
  // A team whose cycle ended has none forecast to miss (endedForecast); that it ended is its figures' `ended`
  // (portfolio.ts TeamFigures), the one mark the layout and the digest read: until session 16 it was set here
  // too, a second source of the same fact.
}

/**
 * A weekly team's forecast older than this many days is not shown as current, and the team is named as silent in
 * the digest. The roll-up reads no date of the team's summaries (that would be a read more per team), only each
 * KR's `Last check-in`: a forecast is at most as fresh as the check-ins it is drawn from, and a team that stopped
 * checking in (its week-4 forecast shown in week 13, session 13's pilot) has stopped renewing it. Two check-in
 * periods: a team checks in once in each period, so two check-ins on schedule lie at most 13 days apart for a
 * weekly team (the first day of one week, the last of the next), 27 for a fortnightly one. A fortnightly team
 * gets twice as long (silentAfterDays): until session 19 it had the same 14 days, so one checking in early in
 * one fortnight and late in the next was named silent, its forecast dropped, while it kept its rhythm.
 */
export const STALE_FORECAST_DAYS = 14;

/** Days without a check-in after which a team is silent and its forecast out of date: two of its check-in periods. */
export function silentAfterDays(periodDays: number | undefined): number {
  return periodDays === 14 ? 2 * 14 : STALE_FORECAST_DAYS;
}

/**
 * Marks a team's forecast out of date when its latest check-in (`lastCheckin`) is more than `days`
 * (silentAfterDays of its cadence) before `asOf`; `week` is that check-in's week of the team's cycle.
 */
export function staleForecast(f: TeamForecast, lastCheckin: string | null, asOf: string, week: number, days = STALE_FORECAST_DAYS): TeamForecast {
  if (!f.columns || f.forecast === 0 || lastCheckin === null) return f;
  if (dayNumber(asOf) - dayNumber(lastCheckin) <= days) return f;
  return { ...f, missing: 0, worst: [], stale: { day: lastCheckin, week } };
}

/**
 * A team whose cycle ended (its figures' `ended`, before the roll-up's day) and was not rolled over: its KRs
 * ended where they stand, and the score they ended with is the team's result (the Teams table's), not a
 * forecast. Listed as "forecast to miss" they would count in the roll-up, the menu's answer and the digest's
 * subject every week until the roll over (or, from a last check-in in the cycle's last days, for up to 14 more
 * days until the forecast went stale), beside the teams whose miss can still be turned round.
 */
export function endedForecast(f: TeamForecast): TeamForecast {
  return { ...f, missing: 0, worst: [] };
}

/**
 * Where a team's KRs ended, short of their goal, for a team whose cycle ended (or was closed) and was not rolled
 * over: what its own Weekly Summary after the end says ("1 KR ended short of its goal on 2026-04-05: O1.KR1 at 88%
 * (target 95%)", forecastWords.ts atThisPaceLine), so the roll-up says the same of it. Its KRs ended where they
 * stand, so each is judged by its score from its cells (`scores`: the KR's, as its sheet and the Teams table score
 * it) against its goal, as the summary judges a forecast, and shown at its Current (× 100 for a % KR whose cells hold
 * fractions, as its Forecast cell tells: shownAsPercentCells). Only KRs its add-on forecast (a Forecast score: not a
 * milestone, 3 weeks of check-ins), as the summary lists only those. Its Forecast cells are not taken for the value:
 * without a summary or a check-in since the last day they hold the older projection, not where the KR landed.
 */
export function endedMisses(tracker: Tracker, cells: (KrForecastCells | undefined)[] | null, scores: Map<string, number | null>, team: string, endDay: string): TeamForecast {
  if (!cells) return { columns: false, forecast: 0, missing: 0, worst: [] };
  const s = tracker.settings;
  const goalOf = krGoals(tracker);
  let forecast = 0;
  const misses: ForecastMiss[] = [];
  tracker.keyResults.forEach((kr, i) => {
    const c = cells[i];
    const held = c ? num(c.score) : null;
    const score = scores.get(kr.id) ?? null;
    if (held === null || score === null) return;
    forecast++;
    const goal = goalOf(kr);
    if (!forecastMisses(score, goal, s.onTrackGap)) return;
    const fractions = c && c.value !== null ? shownAsPercentCells(kr, c.value, held) : false;
    const current = num(kr.current);
    misses.push(missOf(kr, team, current === null ? null : fractions ? percentShown(current) : current, score, goal, endDay, fractions));
  });
  const worst = sortWorstFirst(misses);
  return { columns: true, forecast, missing: worst.length, worst: worst.slice(0, ROLLUP_MISSES) };
}

/** KRs named in an ended team's line (its summary's "At this pace" line names 5; the rest counted), and kept for it. */
export const ENDED_NAMED = 5;

/** "3 KRs ended short of their goal on 2026-04-05: O1.KR1 at 88% (target 95%), …": the team summary's words after its end (atThisPaceLine). */
export function endedMissLine(m: { missing: number; worst: ForecastMiss[] }, endDay: string, sep: NumberStyle): string {
  const items = m.worst.slice(0, ENDED_NAMED).map((x) => {
    const against = againstText(x, sep);
    return `${x.id} at ${typeof x.value === "number" ? withUnit(x.value, x.unit, sep, x.valueDigits ?? x.digits ?? 2) : "—"}${against ? ` (${against})` : ""}`;
  });
  const rest = m.missing > items.length ? ` and ${m.missing - items.length} more` : "";
  const one = m.missing === 1;
  return `${m.missing} KR${one ? "" : "s"} ended ${shortOfGoal(m.missing)} on ${endDay}: ${items.join(", ")}${rest}.`;
}

/** At most this many KRs are listed in the roll-up's "At this pace" section; the rest are counted. */
export const ROLLUP_MISSES = 25;

const num = (v: unknown): number | null => (typeof v === "number" && isFinite(v) ? v : null);

/**
 * Whether a % KR's Forecast cell is in percent while its Start and Target cells hold fractions (typed 82%:
 * 0.82): its add-on forecast it × 100 (forecast.ts krAsShown), as only the cells' number formats say, which
 * the roll-up does not read (a call per team). The Forecast score tells instead: it is the score of the value
 * against the start and target as shown (× 100), not as held, for such a KR, and the other way round for a
 * KR going from 0.8% to 0.3% in whole numbers. When both give it (a KR forecast beyond its start: score 0
 * either way), the forecast is taken in the units its Current cell is nearer to, as held or × 100 (the
 * forecast leans towards the latest value): the rework rate typed 6.5% → 3%, at 7.1% (0.071) and forecast at
 * 9.6, is a fraction KR, not a whole-number one 100 times beyond its start. A forecast of 0 reads the same
 * either way: then the reading in which it lies nearer its start and target, and on a tie, fractions (the
 * way a % is usually typed). A Forecast cell written before session 11 holds the fraction: shown as held, as
 * that summary showed it, until the team's next check-in or summary rewrites it.
 */
export function shownAsPercentCells(
  kr: { metric: unknown; unit: string; start: number | null; target: number | null; current?: number | null },
  value: number,
  score: number,
): boolean {
  const { start, target } = kr;
  if (kr.unit.trim() !== "%" || start === null || target === null || Math.abs(start) > 1 || Math.abs(target) > 1) return false;
  const metric = String(kr.metric);
  const asHeld = heldScoreFits(metric, start, target, value, score);
  const asShown = heldScoreFits(metric, percentShown(start), percentShown(target), value, score);
  if (asHeld !== asShown) return asShown;
  if (!asShown) return false;
  const latest = kr.current ?? null;
  if (latest !== null && latest * value > 0) return Math.abs(Math.log(value / percentShown(latest))) < Math.abs(Math.log(value / latest));
  return beyond(value, start, target, 100) <= beyond(value, start, target, 1);
}

/** How far `value` lies outside start..target (scaled by k), in spans of them (of the target for a stay KR). */
function beyond(value: number, start: number, target: number, k: number): number {
  const lo = Math.min(start, target) * k;
  const hi = Math.max(start, target) * k;
  const span = hi - lo || Math.abs(target * k) || 1;
  return (value < lo ? lo - value : value > hi ? value - hi : 0) / span;
}

/**
 * A team's forecast from its tracker and each KR's forecast cells by KR row order (`cells[i]` for
 * `tracker.keyResults[i]`); `cells` null: no forecast columns.
 */
export function teamForecast(tracker: Tracker, cells: (KrForecastCells | undefined)[] | null, team: string): TeamForecast {
  if (!cells) return { columns: false, forecast: 0, missing: 0, worst: [] };
  const s = tracker.settings;
  // The goal and the miss as the team's own summary decides them (summaryForecast.ts).
  const goalOf = krGoals(tracker);
  const endDay = cycleLastDay(s.startDate, s.weeks);
  let forecast = 0;
  const misses: ForecastMiss[] = [];
  tracker.keyResults.forEach((kr, i) => {
    const c = cells[i];
    const score = c ? num(c.score) : null;
    if (score === null) return;
    forecast++;
    const goal = goalOf(kr);
    if (!forecastMisses(score, goal, s.onTrackGap)) return;
    const value = c ? num(c.value) : null;
    misses.push(missOf(kr, team, value, score, goal, endDay, value !== null && shownAsPercentCells(kr, value, score)));
  });
  const worst = sortWorstFirst(misses);
  return { columns: true, forecast, missing: worst.length, worst: worst.slice(0, ROLLUP_MISSES) };
}

/** A KR listed as ending short of its goal at `value` (in the units its cells show: `shown`, a fraction-% KR's × 100). */
function missOf(kr: Tracker["keyResults"][number], team: string, value: number | null, score: number, goal: number, endDay: string, shown: boolean): ForecastMiss {
  const start = shown && kr.start !== null ? percentShown(kr.start) : kr.start;
  const target = shown && kr.target !== null ? percentShown(kr.target) : kr.target;
  const digits = valueDigits({ start, target });
  // The cell holds the forecast rounded at its KR's digits, in the units its cells show. Where the guess
  // above could go either way (a % KR within ±1), the finer of the two readings' digits shows the cell's
  // number as written (trailing zeros are not shown): 0.01517 of a KR going 0.016% → 0.017%, not 0.015.
  // That is always the reading as held: × 100 makes the span 100 times wider, so never more digits; and
  // for any other KR it is `digits` (shownAsPercentCells is false).
  const finer = valueDigits({ start: kr.start, target: kr.target });
  return {
    team,
    id: kr.id,
    title: kr.title,
    owner: kr.owner,
    unit: kr.unit,
    value,
    score,
    goal,
    against: goalValue({ metric: kr.metric, start, target, goal }),
    endDay,
    ...(digits !== 2 ? { digits } : {}),
    ...(finer !== digits ? { valueDigits: finer } : {}),
  };
}

/** The largest shortfall (goal − forecast score) first; equals keep their order (Array sort is stable, as the summary's relies on). */
export function sortWorstFirst(misses: ForecastMiss[]): ForecastMiss[] {
  return misses.slice().sort((a, b) => b.goal - b.score - (a.goal - a.score));
}

/** The company's KRs forecast to miss, worst first across teams (teams in their listed order among equals), and how many in all. */
export function companyMisses(teams: (TeamForecast | null | undefined)[]): { worst: ForecastMiss[]; total: number } {
  const all: ForecastMiss[] = [];
  let total = 0;
  for (const t of teams) {
    if (!t) continue;
    all.push(...t.worst);
    total += t.missing;
  }
  return { worst: sortWorstFirst(all).slice(0, ROLLUP_MISSES), total };
}

/**
 * Why no KR of the teams read is counted as forecast to miss, when none is: `onCourse`, some team has a current
 * forecast and none of its KRs falls short; otherwise no team's forecast counts, every one being out of date
 * (`outOfDate`), of a cycle that ended (`ended`), both (`outOfDateOrEnded`), or none forecast yet (`notYet`).
 * One rule for the roll-up tab's "At this pace" and the digest's line and subject, which until session 21 said
 * "no team's forecast key result ends short of its goal" for all five (the quarter's final email among them).
 */
export type NoneCounted = "onCourse" | "outOfDate" | "ended" | "outOfDateOrEnded" | "notYet";

/** Why no team's forecast counts, as the roll-up tab's "None current: …" and the digest's "At this pace" line say it. */
export const NONE_WHY = {
  outOfDate: "every team's forecast is out of date",
  ended: "every team's cycle has ended",
  outOfDateOrEnded: "every team's forecast is out of date or its cycle has ended",
} as const;

export function noneCounted(teams: { f: TeamForecast; ended?: string | null }[]): NoneCounted {
  if (teams.some((t) => t.f.forecast > 0 && !t.f.stale && !t.ended)) return "onCourse";
  const stale = teams.some((t) => t.f.stale);
  const ended = teams.some((t) => t.ended);
  return stale && ended ? "outOfDateOrEnded" : stale ? "outOfDate" : ended ? "ended" : "notYet";
}

/** "8.4% by 2026-04-05", in the company tracker's decimal separator ("—" when the Forecast cell holds no number: edited by hand). */
export function forecastText(m: ForecastMiss, sep: NumberStyle): string {
  return typeof m.value === "number" && isFinite(m.value) ? `${withUnit(m.value, m.unit, sep, m.valueDigits ?? m.digits ?? 2)} by ${m.endDay}` : "—";
}

/** "target 3%", "goal 37.8 EUR" (blank without a target). */
export function againstText(m: ForecastMiss, sep: NumberStyle): string {
  return m.against ? goalWords(m.against, m.unit, sep, m.digits ?? 2) : "";
}

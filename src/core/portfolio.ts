// The company roll-up of many team trackers (docs/portfolio.md), as pure functions: a team's figures
// from its tracker, the alignment of team objectives under company objectives, and the roll-up History.
//
// Rules, decided here:
// - A team's figures are its tracker evaluated as of the company's "today" (evaluateTracker: the same
//   scores as the team's own sheet formulas). Week = weekNumber clamped to 1..weeks. Status mix counts
//   the KR statuses. Check-in rate = KRs whose Last check-in falls in the 7 days up to today (14 when the
//   team's cadence is fortnightly), or after it, ÷ KRs; unlike the Weekly Summary it reads Last check-in,
//   not the log, so a value typed by hand with a date counts too. A Last check-in after today counts: the
//   weekly run is as of the day before it, and a team east of the company (Tokyo, Sydney) checks in on
//   Monday morning before the run (07:00–08:00); that check-in hides the week's own, and the values scored are
//   the ones it wrote. Last check-in = the latest KR Last check-in. A KR dated the day before the period
//   counts when made after the refresh of that day (withCheckinsAfterRun, from History).
// - A team whose cycle starts after today (a tracker set up ahead) has not started: no score, expected
//   score nor check-in rate, status Not started, its objectives aligned without a score; `starts` says when.
//   One whose cycle ended before today (not rolled over yet) keeps the score and status it ended with, but no
//   check-in rate (none is due) and no KR forecast to miss (its end is known: endedForecast); `ended` says
//   when, and the digest names it apart from the teams behind. One whose Settings say it closed its cycle (End
//   cycle & retrospective, often early) is ended as of its close day, its figures as of that day.
// - Low confidence = its on-track KRs whose Confidence is 4 or less (the team summary's Low confidence, without
//   the fall since last week, which needs its log); only while its cycle runs.
// - Alignment: a team objective is aligned to company objective C when its Parent ID equals C's ID
//   (case-insensitive, trimmed: no formula matches a Parent ID, and a person sees no spaces around it) and does
//   not name an objective of the team's own tracker (a team may cascade inside its own tracker: its own IDs win).
//   A Parent ID naming neither is listed as unmatched. The aligned objective's own score is its sheet's: by its
//   ID as typed (core/objectiveKey.ts), so "O1" and "O1 " each bring their own (docs/scoring.md#ids-in-formulas).
// - Aligned score of C = Σ(team weight × objective score) / Σ(team weight) over the aligned objectives
//   that have a score and a team weight > 0; null when there are none. Team weight comes from the
//   Portfolio tab (blank = 1).
import { addDays, cycleLastDay, isValidIsoDate, weekNumber } from "./dates";
import { evaluateTracker } from "./evaluate";
import type { CheckinEntry, Tracker } from "./model";
import { objectiveKey } from "./objectiveKey";
import { teamBlockers, type TeamBlockers } from "./portfolioBlockers";
import { ENDED_NAMED, endedForecast, endedMisses, silentAfterDays, staleForecast, teamForecast, type ForecastMiss, type KrForecastCells, type TeamForecast } from "./portfolioForecast";
import { cellsTypedOver, type CellsTypedOver, type KrFormulaCells } from "./portfolioScoreCells";
import { periodDaysOf, periodStartOf } from "./summaryAsOf";
import { LOW_CONFIDENCE } from "./summaryLeaders";
import { fixedText, type NumberStyle } from "./numbers";
import { STATUS, type Status } from "./tabs";

export const PORTFOLIO_TAB = "Portfolio";
export const ROLLUP_TAB = "Portfolio Roll-up";
export const ROLLUP_HISTORY_TAB = "Portfolio History";
export const PORTFOLIO_HEADERS = ["Tracker", "Team", "Weight", "Notes"] as const;
export const ROLLUP_HISTORY_HEADERS = ["Week", "As of", "Team", "Score", "Status", "Last check-in"] as const;
/** History's Last check-in of a team read with no check-in at all (blank: not read, or a row written before the column). */
export const NONE_YET = "none yet";
/** History's Status of a team's week that ended its cycle, rolled over before the run (TeamFigures.rolled). */
export const ROLLED_OVER = "Rolled over";
/** At most this many team trackers are listed (the rest of the tab is reported, not read). */
export const MAX_TEAMS = 200;

/** The KR statuses counted in a team's status mix, in display order. */
export const MIX_ORDER = [STATUS.onTrack, STATUS.atRisk, STATUS.offTrack, STATUS.notStarted, STATUS.setupError] as const;

export interface PortfolioEntry {
  /** 1-based row in the Portfolio tab. */
  row: number;
  /** Spreadsheet URL, ID, or (offline) an .xlsx path. */
  ref: string;
  team: string;
  weight: number;
  /** Why this row is not read (a bad weight, a duplicate); null when it is fine. */
  problem: string | null;
}

export interface AlignedObjective {
  team: string;
  id: string;
  title: string;
  parentId: string;
  score: number | null;
  /** Its expected score as of the roll-up's day, in its team's own cycle (absent in a result cached before session 18). */
  expected?: number | null;
  status: Status;
}

export interface TeamFigures {
  cycle: string;
  week: number;
  weeks: number;
  score: number | null;
  /** Null for a team with no KRs: there is nothing to expect (its score is blank too). */
  expected: number | null;
  status: Status;
  krs: number;
  mix: Record<string, number>;
  checkinRate: number | null;
  /**
   * Its KRs on track whose Confidence is LOW_CONFIDENCE (4) or less, as its own Weekly Summary lists them under Low
   * confidence (without the fall since last week: that needs its log): null when nothing is due from the team
   * (not started, ended, no KRs); absent in a result cached before session 18.
   */
  lowConfidence?: number | null;
  lastCheckin: string | null;
  /** The team's objectives whose Parent ID is not one of its own objectives (alignment candidates). */
  upward: AlignedObjective[];
  /** Its KRs forecast to miss, from its forecast columns (portfolioForecast.ts); absent in a result cached before it. */
  forecast?: TeamForecast;
  /**
   * Its check-in period in days, 7 or 14 (fortnightly): it is silent, and its forecast out of date, after two of
   * them (silentAfterDays); absent in a result cached before session 19 (taken as 7).
   */
  periodDays?: number;
  /**
   * Its formula cells holding a value typed over (KR Score, Expected, Status; objective Score: portfolioScoreCells.ts):
   * its own tracker shows that value, the roll-up what the formulas give. Absent when none (and in a result cached
   * before session 20, whose scoreTypedOver, of Scores only, is no longer read).
   */
  typedOver?: CellsTypedOver;
  /**
   * The blockers its check-ins reported this period (portfolioBlockers.ts), read from its log's last rows while
   * something is due from it; null when its log could not be read (its tab renamed or deleted); absent when nothing is
   * due (and in a result cached before session 19).
   */
  blockers?: TeamBlockers | null;
  /** The team's cycle's first day (absent in a result cached before session 17): silence is counted from it at the earliest. */
  cycleStart?: string;
  /** The team's cycle starts after the roll-up's day (a tracker set up ahead): its start date; no score, no rate. */
  starts?: string;
  /** The team's cycle ended before the roll-up's day and was not rolled over: its last day (or its close day); no rate. */
  ended?: string;
  /**
   * Its KRs that ended short of their goal, the largest shortfall first (portfolioForecast.ts endedMisses), when its
   * cycle ended and its Key Results have forecast columns; absent otherwise (and in a result cached before session 20).
   */
  endedBelow?: { missing: number; worst: ForecastMiss[] };
  /**
   * The day the team closed its cycle ("End cycle & retrospective", its Settings' close mark), when on or before
   * the roll-up's day: `ended` is that day too, and the figures are as of it (since session 18; before, a team
   * closed early stayed a running one, its expected score climbing, silent and behind until its last week).
   */
  closed?: string;
  /**
   * Its KRs whose Last check-in is the day before its check-in period (`day`): counted by this roll-up only when
   * an earlier refresh as of that day saw the team's latest check-in before it (withCheckinsAfterRun).
   */
  dayBefore?: { day: string; krs: number };
  /**
   * Its cycle not started, rolled over since the last weekly run (its archived Retrospective's final scores are of a
   * day in the 7 to the roll-up's day, or the day after): the cycle that ended and its final overall score, this week's
   * in History (server/portfolioRead.ts rolledFrom). Until session 22 that week's row was its new cycle's, no score.
   */
  rolled?: { cycle: string; score: number | null };
}

export interface TeamResult {
  entry: PortfolioEntry;
  /** Null when the tracker could not be read; `problem` then says why. */
  figures: TeamFigures | null;
  problem: string | null;
  /** Not read in this run (time ran out): "Refresh portfolio" again continues with it. */
  pending?: boolean;
}

const key = (s: string) => s.trim().toLowerCase();

/**
 * The spreadsheet a Tracker cell names, for telling duplicates: the ID inside a Sheets URL (whatever follows
 * it, /edit#gid=0 or ?usp=sharing, or a /u/1/ or /a/domain/ before it; not the "e" of a published link's
 * /d/e/2PACX-…), else the cell (an ID; offline a path, "./" dropped). A tracker listed by its link and by its ID would otherwise be rolled up twice.
 */
function trackerKey(ref: string): string {
  const m = /\/spreadsheets\/(?:u\/\d+\/)?d\/([^/?#]{2,})/i.exec(ref);
  return key(m ? m[1] : ref.replace(/^(\.\/)+/, ""));
}

/** The rows of the Portfolio tab (header found by the caller), validated one by one; `self`: the company tracker's ID. */
export function portfolioEntries(rows: { row: number; ref: unknown; team: unknown; weight: unknown }[], self = ""): PortfolioEntry[] {
  const out: PortfolioEntry[] = [];
  const seen = new Map<string, number>();
  // History and the trend keep one row per team name: a second tracker under a name would lose its rows.
  const names = new Map<string, number>();
  for (const r of rows) {
    const ref = String(r.ref ?? "").trim();
    if (!ref) continue;
    const team = String(r.team ?? "").trim() || ref;
    let weight = 1;
    let problem: string | null = null;
    const w = r.weight;
    if (w !== "" && w !== null && w !== undefined) {
      // A number stored as text (a column formatted as plain text, a paste) shows as 2 like a number does; in
      // a decimal-comma locale (de_DE) it reads 0,5. A comma before exactly three digits (1,000) could be a
      // thousands separator: refused, as the import refuses it (docs/cli.md).
      const t = String(w).trim();
      const n = typeof w === "number" ? w : /^\d+(\.\d+)?$/.test(t) ? Number(t) : /^\d+,(\d{1,2}|\d{4,})$/.test(t) ? Number(t.replace(",", ".")) : NaN;
      if (isFinite(n) && n >= 0) weight = n;
      else problem = `Weight must be a number of 0 or more; it is "${String(w).slice(0, 20)}". Fix it in the Portfolio tab.`;
    }
    const first = seen.get(trackerKey(ref));
    const named = names.get(key(team));
    // The company's own objectives and History are its own: rolled up as a team, it would count them twice.
    if (self && trackerKey(ref) === key(self)) problem = "This is the company tracker itself, not a team's: remove this row from the Portfolio tab.";
    else if (first !== undefined) problem = `Listed twice: the same tracker is in row ${first} of the Portfolio tab.`;
    else if (named !== undefined) problem = `Team name "${team.slice(0, 60)}" is also in row ${named} of the Portfolio tab: give each team its own name in the Team column.`;
    if (first === undefined) seen.set(trackerKey(ref), r.row);
    if (named === undefined) names.set(key(team), r.row);
    if (out.length >= MAX_TEAMS) problem = `Not read: at most ${MAX_TEAMS} team trackers are rolled up.`;
    out.push({ row: r.row, ref, team, weight, problem });
  }
  return out;
}

/**
 * A team tracker's figures as of `asOf` (see the rules at the top); `forecastCells`: each KR's forecast
 * cells in tracker.keyResults' order, null when its Key Results have no forecast columns; `closedOn`: the day
 * its Settings say the cycle was closed as of (core/cycleClosed.ts closedAsOf), or null.
 */
export function teamFigures(
  tracker: Tracker,
  asOf: string,
  team: string,
  forecastCells: (KrForecastCells | undefined)[] | null = null,
  closedOn: string | null = null,
  more: {
    scoreCells?: Map<string, KrFormulaCells> | null;
    objectiveScores?: Map<string, unknown> | null;
    blockerRows?: (periodStart: string, latest: { id: string; day: string }[]) => CheckinEntry[] | null;
  } = {},
): TeamFigures {
  const s = tracker.settings;
  // The week of the team's cycle a day falls in, clamped to 1..weeks.
  const weekOf = (day: string) => Math.min(Math.max(weekNumber(day, s.startDate), 1), s.weeks);
  // Closed (early or on time): done as of its close day, as its Retrospective is; a roll-up dated before it sees a running cycle.
  const closed = closedOn && closedOn <= asOf ? closedOn : undefined;
  const ev = evaluateTracker(tracker, closed || asOf);
  const mix: Record<string, number> = {};
  for (const m of MIX_ORDER) mix[m] = 0;
  for (const k of ev.krs) if (k.status in mix) mix[k.status]++;
  const periodStart = periodStartOf(s, asOf);
  const periodDays = periodDaysOf(s);
  const dayBefore = addDays(periodStart, -1);
  let checkedIn = 0;
  let before = 0;
  // The KRs checked in this period and their latest day: the log read must reach each one's row (a row backdated
  // or imported below it does not hide it: server/portfolioBlockers.ts).
  const latest: { id: string; day: string }[] = [];
  let last: string | null = null;
  for (const k of tracker.keyResults) {
    if (!k.id) continue;
    const d = k.lastCheckin;
    if (!d) continue;
    if (d >= periodStart) {
      checkedIn++;
      latest.push({ id: k.id, day: d });
    }
    else if (d === dayBefore) before++;
    if (last === null || d > last) last = d;
  }
  const krCount = ev.krs.length;
  const confidence = new Map(tracker.keyResults.map((k) => [k.id, k.confidence]));
  let doubted = 0;
  for (const k of ev.krs) {
    const c = confidence.get(k.id);
    if (k.status === STATUS.onTrack && typeof c === "number" && c <= LOW_CONFIDENCE) doubted++;
  }
  // A tracker set up ahead of its cycle: evaluated as of a day before its start it would be "week 1" with a
  // score of its stay KRs and a 0% check-in rate, read as behind or silent. It has not started: said so.
  const starts = isValidIsoDate(s.startDate) && asOf < s.startDate ? s.startDate : undefined;
  // Its cycle over, not rolled over: week after week "Off track" and "no check-in for 14 days" (none is due) would
  // hide what the team has to do, roll over. The score it ended with stays.
  const lastDay = isValidIsoDate(s.startDate) && s.weeks > 0 ? cycleLastDay(s.startDate, s.weeks) : "";
  const ended = closed || (lastDay && asOf > lastDay ? lastDay : undefined);
  const due = krCount > 0 && !starts && !ended;
  const own = new Set(tracker.objectives.map((o) => key(o.id)));
  // The team's own objective's figures by its ID as its sheet matches it (core/objectiveKey.ts): "O1" and "O1 " are
  // two objectives there, each with its KRs; a Parent ID, which no formula matches, is matched trimmed (key).
  const evById = new Map(ev.objectives.map((o) => [objectiveKey(o.id), o]));
  const upward: AlignedObjective[] = [];
  for (const o of tracker.objectives) {
    if (!o.id || !o.parentId || own.has(key(o.parentId))) continue;
    const e = evById.get(objectiveKey(o.id));
    upward.push({ team, id: o.id, title: o.title, parentId: o.parentId, score: e ? e.score : null, expected: e && e.score !== null ? e.expected : null, status: e ? e.status : STATUS.noKeyResults });
  }
  if (starts) for (const o of upward) Object.assign(o, { score: null, expected: null, status: STATUS.notStarted });
  const forecast = teamForecast(tracker, forecastCells, team);
  // Its cycle over: where its KRs ended short of their goal, as its own summary after the end says (no call: the same cells).
  const endedBelow = ended ? endedMisses(tracker, forecastCells, new Map(ev.krs.map((k) => [k.id, k.score])), team, ended) : null;
  // The formula cells (KR Score, Expected, Status; objective Score) against what their formulas give for the cells read.
  const typedOver = cellsTypedOver(ev, tracker.keyResults, s, more.scoreCells ?? null, more.objectiveScores ?? null);
  // The log's last rows for this period's blockers, only while something is due. No KR whose Last check-in is in
  // the period: nothing checked in, so none reported, and the log is not read (null: it could not be read).
  const blockerRows = due && more.blockerRows ? (checkedIn ? more.blockerRows(periodStart, latest) : []) : [];
  return {
    cycle: s.cycleName,
    week: weekOf(asOf),
    weeks: s.weeks,
    score: starts ? null : ev.overall.score,
    expected: krCount > 0 && !starts ? ev.overall.expected : null,
    status: starts ? STATUS.notStarted : ev.overall.status,
    krs: krCount,
    mix,
    checkinRate: due ? checkedIn / krCount : null,
    lowConfidence: due ? doubted : null,
    lastCheckin: last,
    upward,
    forecast: ended ? endedForecast(forecast) : staleForecast(forecast, last, asOf, last === null ? 0 : weekOf(last), silentAfterDays(periodDays)),
    periodDays,
    ...(typedOver ? { typedOver } : {}),
    ...(due && more.blockerRows ? { blockers: blockerRows ? teamBlockers(tracker.keyResults, ev.krs, blockerRows, periodStart) : null } : {}),
    ...(isValidIsoDate(s.startDate) ? { cycleStart: s.startDate } : {}),
    ...(starts ? { starts } : {}),
    ...(ended ? { ended } : {}),
    ...(endedBelow && endedBelow.forecast > 0 ? { endedBelow: { missing: endedBelow.missing, worst: endedBelow.worst.slice(0, ENDED_NAMED) } } : {}),
    ...(closed ? { closed } : {}),
    ...(before && due ? { dayBefore: { day: dayBefore, krs: before } } : {}),
  };
}

/** How far behind its own cycle's pace a team is: expected − score (0 without either); compares cycles of any length. */
export function paceGap(f: { score: number | null; expected: number | null }): number {
  return f.score === null || f.expected === null ? 0 : f.expected - f.score;
}

/**
 * "ended 2026-04-05", or "closed 2026-02-01" for a team that closed its cycle (its `ended` is then the close day):
 * the roll-up's Week cell and the lists' words, the tab's and the digest's.
 */
export function endedWords(f: { ended?: string; closed?: string | boolean }): string {
  return `${f.closed ? "closed" : "ended"} ${f.ended}`;
}

/**
 * "rolled over: Q1 pilot ended at 0.72" (TeamFigures.rolled), its score in the company's separator (none without
 * `sep`: the menu's answer asks no locale): the Teams table's Week cell's words and the digest's.
 */
export function rolledWords(r: NonNullable<TeamFigures["rolled"]>, sep: NumberStyle | null): string {
  return `rolled over: ${r.cycle} ended${sep === null || r.score === null ? "" : ` at ${fixedText(r.score, 2, sep)}`}`;
}

export interface CompanyObjective {
  id: string;
  title: string;
  score: number | null;
  expected?: number | null;
  status: Status;
}

export interface AlignmentGroup {
  objective: CompanyObjective;
  aligned: (AlignedObjective & { weight: number })[];
  alignedScore: number | null;
  /**
   * Σ(team weight × objective expected) / Σ(team weight) over the objectives the aligned score counts: what the
   * aligned score is read against, each team's expected being its own cycle's (a week-3-of-6 team and a
   * week-11-of-13 one averaged into one score said nothing alone). Null when one of them has none (a cached result).
   */
  alignedExpected: number | null;
}

export interface Alignment {
  groups: AlignmentGroup[];
  /** Team objectives whose Parent ID names no company objective (nor one of the team's own). */
  unmatched: AlignedObjective[];
}

/** Team objectives listed under the company objective their Parent ID names, with the weighted score. */
export function alignTeams(company: CompanyObjective[], teams: TeamResult[]): Alignment {
  const groups: AlignmentGroup[] = company.map((objective) => ({ objective, aligned: [], alignedScore: null, alignedExpected: null }));
  const byId = new Map<string, AlignmentGroup>();
  for (const g of groups) if (!byId.has(key(g.objective.id))) byId.set(key(g.objective.id), g);
  const unmatched: AlignedObjective[] = [];
  for (const t of teams) {
    if (!t.figures) continue;
    for (const o of t.figures.upward) {
      const g = byId.get(key(o.parentId));
      if (g) g.aligned.push({ ...o, weight: t.entry.weight });
      else unmatched.push(o);
    }
  }
  for (const g of groups) {
    let sum = 0;
    let expected: number | null = 0;
    let w = 0;
    for (const a of g.aligned) {
      if (a.score === null || !(a.weight > 0)) continue;
      sum += a.weight * a.score;
      expected = expected !== null && typeof a.expected === "number" ? expected + a.weight * a.expected : null;
      w += a.weight;
    }
    g.alignedScore = w > 0 ? sum / w : null;
    g.alignedExpected = w > 0 && expected !== null ? expected / w : null;
  }
  return { groups, unmatched };
}

export interface RollupHistoryRow {
  week: number;
  asOf: string;
  team: string;
  score: number | null;
  status: string;
  /** The team's latest Last check-in as that refresh saw it (ISO date), NONE_YET, or "" (not known). */
  lastCheckin: string;
}

/**
 * The first day whose History rows are the company's current cycle's: its start date, or the refresh's day
 * when that comes first (a refresh before the start is week 1). Older rows are an earlier cycle's (the
 * company tracker rolled over): week numbers start again at 1, so they must not be replaced by this cycle's
 * weeks of the same number, nor shown beside them in the trend.
 */
export function cycleSince(start: string, asOf: string): string {
  return asOf < start ? asOf : start;
}

/**
 * The roll-up History after this refresh: this week's rows (one per team read or not, keyed by team
 * name) replace the rows of the same week and team of this cycle (As of on or after `since`); every
 * other row is kept in its order.
 */
export function mergeRollupHistory(existing: RollupHistoryRow[], week: number, asOf: string, teams: TeamResult[], since: string): RollupHistoryRow[] {
  const fresh: RollupHistoryRow[] = [];
  const names = new Set<string>();
  for (const t of teams) {
    if (t.entry.problem || t.pending || names.has(key(t.entry.team))) continue;
    names.add(key(t.entry.team));
    fresh.push({
      week,
      asOf,
      team: t.entry.team,
      score: t.figures ? (t.figures.rolled || t.figures).score : null,
      status: t.figures ? (t.figures.rolled ? ROLLED_OVER : t.figures.status) : "Not read",
      lastCheckin: t.figures ? t.figures.lastCheckin || NONE_YET : "",
    });
  }
  const kept = existing.filter((r) => !(r.week === week && r.asOf >= since && names.has(key(r.team))));
  return kept.concat(fresh);
}

/** Each team's score per week from the roll-up History (latest row of a week wins), for the trend. */
export function teamTrend(history: RollupHistoryRow[], teams: string[]): { weeks: number[]; rows: { team: string; scores: (number | null)[] }[] } {
  const weeks = Array.from(new Set(history.map((h) => h.week))).sort((a, b) => a - b);
  const rows = teams.map((team) => {
    const mine = new Map<number, number | null>();
    for (const h of history) if (key(h.team) === key(team)) mine.set(h.week, h.score);
    return { team, scores: weeks.map((w) => (mine.has(w) ? (mine.get(w) as number | null) : null)) };
  });
  return { weeks, rows };
}

/**
 * The teams with the check-ins made after an earlier refresh as of the day before their period counted
 * (docs/portfolio.md "Check-ins after the roll-up's day"). A team far west of the company checks in on the
 * period's last day after the weekly run (Sunday evening in Los Angeles, the run on Monday between 07:00 and 08:00 in Tokyo):
 * that run did not see it, and the next run's period starts the day after it. Only the dates are read, so a
 * KR dated that day counts here only when History's row of that refresh (same team, As of that day) recorded
 * the team's latest check-in as earlier, or none: every KR dated that day was checked in after it, and no
 * refresh counted it. A row that saw one dated that day (some KRs before the run), or none known (not read, a
 * row written before the column), counts nothing more: such a KR may have been counted by it.
 */
export function withCheckinsAfterRun(results: TeamResult[], history: RollupHistoryRow[]): TeamResult[] {
  return results.map((r) => {
    const f = r.figures;
    const before = f && f.dayBefore;
    if (!f || !before || f.checkinRate === null || !f.krs) return r;
    const seen = history.find((h) => h.asOf === before.day && key(h.team) === key(r.entry.team));
    if (!seen || !(seen.lastCheckin === NONE_YET || (/^\d{4}-\d\d-\d\d$/.test(seen.lastCheckin) && seen.lastCheckin < before.day))) return r;
    const checkedIn = Math.round(f.checkinRate * f.krs) + before.krs;
    return { ...r, figures: { ...f, checkinRate: checkedIn / f.krs } };
  });
}

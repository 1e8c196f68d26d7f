// The company tracker's leaders' digest carries the headline of the portfolio roll-up its weekly refresh
// just wrote (docs/portfolio.md "In the leaders' digest"): until session 14 the digest of a company tracker
// was its own Weekly Summary only, so the head of operations' Monday email said nothing of the teams (which
// KRs will miss, which team stopped checking in, which tracker could not be read) while the roll-up tab did.
//
// Rules, decided here:
// - Built from the roll-up's own results (no call more): the KRs forecast to miss, worst first, as the
//   roll-up's "At this pace" section lists them, at most DIGEST_MISSES; the teams whose status is Off track or
//   At risk; the teams with no check-in for more than two of their check-in periods (silentAfterDays: 14 days, 28
//   fortnightly; counted from their cycle's start at the earliest); the teams whose cycle has not started, and those whose cycle ended and was not rolled over (in neither list
//   before: no check-in is due, and what they have to do is start or roll over); the teams read whose tracker
//   has no KR (until session 17 in no list: a team tracking nothing went unmentioned); the teams with on-track KRs
//   their owners doubt (confidence LOW_CONFIDENCE or less, most first: session 18); the trackers not read and
//   why. Each list is cut at DIGEST_NAMES, the rest counted. The teams behind come worst first (the largest gap
//   to their own cycle's expected score) with their own week ("in week 3 of 6"), the silent longest first.
// - Numbers in the company tracker's decimal separator, as the roll-up tab writes them.
import { escapeHtml } from "./escape";
import { fixedText, type NumberStyle } from "./numbers";
import { andList, firstAndMore, ofTotal, plural } from "./plural";
import { endedWords, paceGap, rolledWords, type Alignment, type TeamFigures, type TeamResult } from "./portfolio";
import { againstText, companyMisses, forecastText, NONE_WHY, noneCounted, silentAfterDays, STALE_FORECAST_DAYS, type ForecastMiss, type NoneCounted } from "./portfolioForecast";
import { dayNumber } from "./dates";
import { worstFirst } from "./portfolioLayout";
import { STATUS } from "./tabs";
import { LOW_CONFIDENCE } from "./summaryLeaders";
import type { TypedCell } from "./portfolioScoreCells";
import { shortOfGoal } from "./shortOfGoal";
import { objectiveKey } from "./objectiveKey";

/** A typed-over cell as the digest names it: "O1.KR1" (its Score), "O1.KR2 Status", "objective O3". */
function typedCellId(n: TypedCell): string {
  return n.column === "Objective score" ? `objective ${n.id}` : n.column ? `${n.id} ${n.column}` : n.id;
}

/** Blockers quoted per team in the digest (the tab lists 25 across teams). */
export const DIGEST_BLOCKERS = 2;


/** KRs forecast to miss listed in the digest (the tab lists 25). */
export const DIGEST_MISSES = 5;
/** Teams named in one of the digest's lines before "and N more". */
export const DIGEST_NAMES = 10;

/**
 * The digest's "At this pace" line when no KR is counted, by why (noneCounted): the roll-up tab's reasons, in an
 * email's words. The teams out of date are named in the "No check-in for more than 14 days" line below it, those
 * whose cycle ended in "Cycle ended, not rolled over yet", with how many of their KRs ended short of their goal.
 */
const NONE_LINE: Record<NoneCounted, string> = {
  onCourse: `At this pace no team's forecast key result ends ${shortOfGoal()}.`,
  notYet: "At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).",
  outOfDate: `At this pace: no current forecast, ${NONE_WHY.outOfDate} (no check-in for more than ${STALE_FORECAST_DAYS} days: below).`,
  ended: `At this pace: nothing left to forecast, ${NONE_WHY.ended} (how each team's key results ended is below).`,
  outOfDateOrEnded: `At this pace: no current forecast, ${NONE_WHY.outOfDateOrEnded} (below).`,
};
/**
 * That line after `before`, or "" when some KR is counted or no team was read: the digest's, and since session 22 the
 * menu's answer's and the CLI's `rollup`, which until then said nothing when none was counted (the Teams table's
 * `Forecast to miss` had each team's reason, the answers none).
 */
export const noneLine = (p: PortfolioDigest | undefined, before = ""): string => (p && p.read && !p.total ? before + NONE_LINE[p.none ?? "onCourse"] : "");
const NONE_SUBJECT: Record<NoneCounted, string> = {
  onCourse: "none forecast to miss",
  notYet: "none forecast yet",
  outOfDate: "forecasts out of date",
  ended: `none ended ${shortOfGoal()}`,
  outOfDateOrEnded: "forecasts out of date",
};

/**
 * A team whose cycle ended, not rolled over yet; `below`: its KRs that ended short of their goal (absent when none, and
 * before session 20); `score`, `expected`, `status`: what it ended with, as the Teams table shows it (absent before
 * session 21).
 */
export interface EndedTeam {
  team: string;
  ended: string;
  closed?: boolean;
  below?: number;
  score?: number | null;
  expected?: number | null;
  status?: string;
}

/** What the digest says of the roll-up: JSON (it travels in the refresh's outcome). */
export interface PortfolioDigest {
  asOf: string;
  /** The company cycle's week and length, when the roll-up is in it (absent outside it, and before session 18). */
  week?: number;
  weeks?: number;
  listed: number;
  read: number;
  pending: number;
  worst: ForecastMiss[];
  total: number;
  teamsMissing: number;
  /**
   * When no KR is counted (`total` 0): why, as the roll-up tab's "At this pace" says it (noneCounted; absent before
   * session 21, read as `onCourse`, and when the roll-up read no team).
   */
  none?: NoneCounted;
  /** Off track first, then at risk, each the largest gap (expected − score) first; week of its own cycle (absent before session 18). */
  behind: { team: string; status: string; score: number | null; expected: number | null; week?: number; weeks?: number }[];
  /** `fortnightly`: the team checks in every 14 days, so it is silent after 28 (absent before session 19, and for a weekly team). */
  silent: { team: string; last: string | null; fortnightly?: boolean }[];
  /**
   * Teams whose cycle starts after the roll-up's day (absent in an outcome made before session 15); `rolled`: the cycle
   * it ended, rolled over before the run, and its final score (TeamFigures.rolled; since session 22).
   */
  notStarted?: { team: string; starts: string; rolled?: TeamFigures["rolled"] }[];
  /**
   * Teams whose cycle ended before the roll-up's day, not rolled over yet (absent before session 15); `below`: its KRs
   * that ended short of their goal (absent when none, and before session 20).
   */
  ended?: EndedTeam[];
  /** Teams with on-track KRs of confidence LOW_CONFIDENCE or less, most first (absent before session 18). */
  lowConfidence?: { team: string; krs: number }[];
  /**
   * Teams whose check-ins reported a blocker this period, in the Teams table's order (worst first), each with its
   * first DIGEST_BLOCKERS (KRs most behind first) and how many in all (absent before session 19).
   */
  blocked?: { team: string; total: number; first: { id: string; blockers: string }[] }[];
  /**
   * Teams whose tracker holds formula cells typed over (KR Score, Expected, Status; objective Score), most first,
   * `krs` counting the cells (absent before session 19, when it was Scores only, until session 20).
   */
  typedOver?: { team: string; krs: number; ids: string[] }[];
  /** Teams read whose tracker has no KR (absent before session 17). */
  noKrs?: string[];
  /**
   * The company objectives with team objectives aligned under them: the roll-up's aligned score and aligned expected
   * (alignTeams) and how many are aligned, for the digest's Objectives (absent before session 21).
   */
  aligned?: AlignedLine[];
  unreadable: { team: string; problem: string }[];
}

/**
 * How many days a team has had no check-in, when more than STALE_FORECAST_DAYS (else null), counted from the later of its last
 * check-in and its cycle's start: until session 17 a team 14 days into its cycle with none yet ("none by its week
 * 3"), or one whose Last check-in was from before its cycle's start, was called silent for longer than its cycle
 * had run. A result cached before session 17 (no cycleStart), with no check-in: none by its week 3, as before.
 * The days order the silent, the longest silence first.
 */
function silentDays(f: TeamFigures, asOf: string): number | null {
  const from = f.cycleStart && !(f.lastCheckin && f.lastCheckin > f.cycleStart) ? f.cycleStart : f.lastCheckin;
  // Two of its own check-in periods (silentAfterDays): a fortnightly team on schedule goes up to 27 days between check-ins.
  if (from) return dayNumber(asOf) - dayNumber(from) > silentAfterDays(f.periodDays) ? dayNumber(asOf) - dayNumber(from) : null;
  return f.krs > 0 && f.week >= 3 ? (f.week - 1) * 7 : null;
}


/** A company objective's teams, as the roll-up's alignment section shows them. */
export interface AlignedLine {
  id: string;
  score: number | null;
  expected: number | null;
  objectives: number;
}

/**
 * The digest's data from the roll-up's results as of `asOf`; `cycle`: the company's week, when in its cycle;
 * `alignment`: the roll-up's, for the company objectives' aligned scores.
 */
export function portfolioDigest(asOf: string, results: TeamResult[], cycle?: { week: number; weeks: number }, alignment?: Alignment): PortfolioDigest {
  const read = results.filter((r) => r.figures);
  const { worst, total } = companyMisses(read.map((r) => r.figures!.forecast));
  const behind: PortfolioDigest["behind"] = [];
  const silent: (PortfolioDigest["silent"][number] & { days: number })[] = [];
  const notStarted: NonNullable<PortfolioDigest["notStarted"]> = [];
  const ended: EndedTeam[] = [];
  const noKrs: string[] = [];
  const doubted: { team: string; krs: number }[] = [];
  const typedOver: { team: string; krs: number; ids: string[] }[] = [];
  // Worst first, as the Teams table lists them: the leader reads the first names.
  const blocked = worstFirst(read).flatMap((r) => {
    const b = r.figures!.blockers;
    return b && b.total ? [{ team: r.entry.team, total: b.total, first: b.named.slice(0, DIGEST_BLOCKERS).map((x) => ({ id: x.id, blockers: x.blockers })) }] : [];
  });
  for (const r of read) {
    const f = r.figures!;
    // Whatever its cycle's state: its own sheet shows a score its cells do not give.
    if (f.typedOver) typedOver.push({ team: r.entry.team, krs: f.typedOver.cells, ids: f.typedOver.named.map(typedCellId) });
    if (!f.krs) {
      noKrs.push(r.entry.team);
      continue;
    }
    if (f.starts) {
      notStarted.push({ team: r.entry.team, starts: f.starts, ...(f.rolled ? { rolled: f.rolled } : {}) });
      continue;
    }
    if (f.ended) {
      ended.push({
        team: r.entry.team,
        ended: f.ended,
        ...(f.closed ? { closed: true } : {}),
        ...(f.endedBelow && f.endedBelow.missing ? { below: f.endedBelow.missing } : {}),
        score: f.score,
        expected: f.expected,
        status: f.status,
      });
      continue;
    }
    if (f.status === STATUS.offTrack || f.status === STATUS.atRisk) behind.push({ team: r.entry.team, status: f.status, score: f.score, expected: f.expected, week: f.week, weeks: f.weeks });
    if (f.lowConfidence) doubted.push({ team: r.entry.team, krs: f.lowConfidence });
    const days = silentDays(f, asOf);
    if (days !== null) silent.push({ team: r.entry.team, last: f.lastCheckin, days, ...(f.periodDays === 14 ? { fortnightly: true } : {}) });
  }
  // Worst first (the leader reads the first names): off track, then at risk, each the largest gap to its own
  // cycle's expected score first (teams on cycles of 6 and 13 weeks compared by how far behind their own pace
  // they are, not by raw score); the silent, the longest silence first; ties keep the Portfolio tab's order.
  behind.sort((a, b) => Number(a.status !== STATUS.offTrack) - Number(b.status !== STATUS.offTrack) || paceGap(b) - paceGap(a));
  // The teams that ended too, as they ended (the quarter's final email): off track, at risk, the rest, furthest behind first.
  const rank = (x: EndedTeam) => (x.status === STATUS.offTrack ? 0 : x.status === STATUS.atRisk ? 1 : 2);
  ended.sort((a, b) => rank(a) - rank(b) || paceGap({ score: b.score ?? null, expected: b.expected ?? null }) - paceGap({ score: a.score ?? null, expected: a.expected ?? null }));
  silent.sort((a, b) => b.days - a.days);
  doubted.sort((a, b) => b.krs - a.krs);
  typedOver.sort((a, b) => b.krs - a.krs);
  return {
    asOf,
    ...(cycle ? { week: cycle.week, weeks: cycle.weeks } : {}),
    listed: results.length,
    read: read.length,
    pending: results.filter((r) => r.pending).length,
    worst: worst.slice(0, DIGEST_MISSES),
    total,
    teamsMissing: read.filter((r) => r.figures!.forecast && r.figures!.forecast.missing > 0).length,
    ...(total === 0 && read.length ? { none: noneCounted(read.flatMap((r) => (r.figures!.forecast ? [{ f: r.figures!.forecast, ended: r.figures!.ended }] : []))) } : {}),
    behind,
    silent: silent.map((x) => ({ team: x.team, last: x.last, ...(x.fortnightly ? { fortnightly: true } : {}) })),
    notStarted,
    ended,
    noKrs,
    lowConfidence: doubted,
    typedOver,
    blocked,
    ...(alignment ? { aligned: alignment.groups.filter((g) => g.aligned.length).map((g) => ({ id: g.objective.id, score: g.alignedScore, expected: g.alignedExpected, objectives: g.aligned.length })) } : {}),
    unreadable: results.filter((r) => !r.figures && !r.pending).map((r) => ({ team: r.entry.team, problem: r.problem || "Not read" })),
  };
}

/** The section: its heading, its lines, the KRs listed, the lines on teams behind or silent, the trackers not read. */
export interface DigestSection {
  heading: string;
  lines: string[];
  krs: string[];
  teams: string[];
  unread: string[];
}

/** "a, b and c", or the first DIGEST_NAMES and "N more". */
function names(items: string[]): string {
  if (items.length <= DIGEST_NAMES) return andList(items);
  return firstAndMore(items, DIGEST_NAMES);
}

const score = (x: number | null, sep: NumberStyle) => (x === null ? "—" : fixedText(x, 2, sep));

/**
 * The digest's Portfolio section as text lines (the plain body indents them; the HTML body gives each its
 * paragraph, the KRs a list). `p`: the roll-up's digest, or the error that stopped the roll-up.
 */
export function portfolioDigestLines(p: PortfolioDigest | { error: string }, sep: NumberStyle): DigestSection {
  if ("error" in p) {
    return {
      heading: "Portfolio: the team trackers",
      // Its reason says what to do (a tab of someone's own in its place, the company's Settings): nothing more is known.
      lines: [`The roll-up was not refreshed: ${p.error.split("\n")[0].slice(0, 300)}`],
      krs: [],
      teams: [],
      unread: [],
    };
  }
  const heading = `Portfolio: ${plural(p.listed, "team tracker")} as of ${p.asOf}`;
  // The company's week, as the roll-up tab's second line and the menu's answer begin (outside the cycle, the email's own line says where it stands).
  const week = p.week && p.weeks ? `Week ${p.week} of ${p.weeks}: ` : "";
  const lines = [`${week}${ofTotal(p.read, p.listed, "team tracker")} read; the whole roll-up is on the Portfolio Roll-up tab.`];
  if (p.pending) lines.push(`Partial: ${partialWords(p.pending, p.listed)}.`);
  const krs: string[] = [];
  if (p.total > 0) {
    lines.push(`At this pace ${plural(p.total, "key result")} in ${plural(p.teamsMissing, "team")} ${p.total === 1 ? "ends" : "end"} ${shortOfGoal(p.total)}, the largest shortfall first:`);
    for (const m of p.worst) {
      const against = againstText(m, sep);
      krs.push(`${m.team} ${m.id} ${m.title}${m.owner ? ` (${m.owner})` : ""}: ${forecastText(m, sep)}${against ? `, ${against}` : ""}`);
    }
    if (p.total > p.worst.length) krs.push(`and ${p.total - p.worst.length} more on the Portfolio Roll-up tab.`);
  } else if (p.read) lines.push(noneLine(p));
  const teams = portfolioTeamLines(p, sep);
  const unread = p.unreadable.slice(0, DIGEST_NAMES).map((u) => `Not read: ${u.team}. ${u.problem}`);
  if (p.unreadable.length > DIGEST_NAMES) unread.push(`Not read: ${p.unreadable.length - DIGEST_NAMES} more (the Teams table says why).`);
  return { heading, lines, krs, teams, unread };
}

/**
 * The lines on the teams behind, silent, not started yet, or ended and not rolled over, each naming at most
 * DIGEST_NAMES teams. `sep`: the company's decimal separator for each team's score against its expected one;
 * null names the teams only (the menu's answer, which does not ask the locale: the Teams table has the scores).
 */
export function portfolioTeamLines(p: PortfolioDigest, sep: NumberStyle | null): string[] {
  const teams: string[] = [];
  // "in week 3 of 6": the expected score is its own cycle's, and teams on cycles of 6 and 13 weeks sit side by side.
  const inWeek = (b: PortfolioDigest["behind"][number]) => (b.week && b.weeks ? ` in week ${b.week} of ${b.weeks}` : "");
  const named = (b: PortfolioDigest["behind"][number]) => (sep === null ? b.team : `${b.team} (${score(b.score, sep)} vs ${score(b.expected, sep)} expected${inWeek(b)})`);
  const off = p.behind.filter((b) => b.status === STATUS.offTrack).map(named);
  const risk = p.behind.filter((b) => b.status === STATUS.atRisk).map(named);
  if (off.length) teams.push(`Off track: ${names(off)}.`);
  if (risk.length) teams.push(`At risk: ${names(risk)}.`);
  const blocked = p.blocked || [];
  // "tokyo (O1.KR2: Waiting for IT access; O3.KR1: Budget approval pending; and 3 more)": each text on one line, cut.
  const cut = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t);
  const words = (b: (typeof blocked)[number]) =>
    `${b.team} (${b.first.map((x) => `${x.id}: ${cut(x.blockers.replace(/\s+/g, " "))}`).join("; ")}${b.total > b.first.length ? `; and ${b.total - b.first.length} more` : ""})`;
  if (blocked.length) teams.push(`Blockers this week: ${names(blocked.map(words))}.`);
  if (p.silent.length) {
    // A fortnightly team is silent after 28 days, said where one is named (each team's own cadence: session 19).
    const silent = p.silent.map((s) => `${s.team} (${s.fortnightly ? "fortnightly; " : ""}${s.last ? `last ${s.last}` : "none yet"})`);
    const fortnightly = p.silent.some((s) => s.fortnightly) ? `, ${silentAfterDays(14)} for a fortnightly team` : "";
    teams.push(`No check-in for more than ${STALE_FORECAST_DAYS} days${fortnightly}: ${names(silent)}.`);
  }
  // On track, but its owners doubt it: help asked for before the status turns (the team's own summary's Low confidence).
  const doubted = p.lowConfidence || [];
  if (doubted.length) teams.push(`Low confidence (on-track KRs whose owners rate it ${LOW_CONFIDENCE} of 10 or less): ${names(doubted.map((d) => `${d.team} (${plural(d.krs, "KR")})`))}.`);
  // Its own tracker scores a typed value, so the team, and anyone opening its tracker, read another score than this one.
  const typed = p.typedOver || [];
  if (typed.length) {
    const which = (t: { team: string; krs: number; ids: string[] }) => `${t.team} (${t.krs > t.ids.length ? plural(t.krs, "cell") : t.ids.join(", ")})`;
    teams.push(`Typed over in the team's tracker ("Repair tracker" there restores the formulas): ${names(typed.map(which))}.`);
  }
  const later = p.notStarted || [];
  if (later.length) teams.push(`Not started yet: ${names(later.map((n) => `${n.team} (starts ${n.starts}${n.rolled ? `; ${rolledWords(n.rolled, sep)}` : ""})`))}.`);
  const over = p.ended || [];
  // With how many of its KRs ended short of their goal, as its own summary after the end says it ("ended short of … on").
  const below = (n: (typeof over)[number]) => (n.below ? `; ${plural(n.below, "KR")} ended ${shortOfGoal(n.below)}` : "");
  // And the standing it ended with (session 21): an ended team is in neither line above, so the final email said none.
  const standing = (n: (typeof over)[number]) =>
    sep === null || n.status === undefined ? "" : ` at ${score(n.score ?? null, sep)} vs ${score(n.expected ?? null, sep)} expected, ${n.status}`;
  if (over.length) teams.push(`Cycle ended, not rolled over yet: ${names(over.map((n) => `${n.team} (${endedWords(n)}${standing(n)}${below(n)})`))}.`);
  // Read, but nothing in it to roll up: a team still to import its OKRs, or the wrong tracker listed.
  if (p.noKrs && p.noKrs.length) teams.push(`No key results in the tracker: ${names(p.noKrs)}.`);
  return teams;
}

/**
 * The subject's words on the teams: a company tracker's own KRs are often never checked in, so its subject
 * alone ("Not started (0.00 vs 0.30 expected)") is no headline for the head of operations.
 */
export function portfolioSubject(p: PortfolioDigest | { error: string }): string {
  if ("error" in p) return "; portfolio roll-up not refreshed";
  // The teams blocked this week after the forecast: the headline a leader acts on, a few bytes (fitSubject cuts the end).
  const blocked = p.blocked && p.blocked.length ? `, ${p.blocked.length} blocked` : "";
  if (p.total > 0) return `; teams: ${plural(p.total, "KR")} forecast to miss${blocked}`;
  if (!p.read) return "";
  const none = p.none ?? "onCourse";
  // The quarter's final email: every team's cycle over, how their KRs ended is the headline, not "none forecast to miss".
  const below = (p.ended || []).reduce((n, e) => n + (e.below || 0), 0);
  if (below && (none === "ended" || none === "outOfDateOrEnded")) return `; teams: ${plural(below, "KR")} ended ${shortOfGoal(below)}${blocked}`;
  return `; teams: ${NONE_SUBJECT[none]}${blocked}`;
}

/** The section's HTML, every text escaped. */
export function portfolioDigestHtml(s: DigestSection, h2: (text: string) => string): string {
  const p = (t: string) => `<p style="margin:4px 0">${escapeHtml(t)}</p>`;
  const list = s.krs.length ? `<ul style="margin:4px 0 8px 0">${s.krs.map((k) => `<li style="margin:2px 0">${escapeHtml(k)}</li>`).join("")}</ul>` : "";
  return h2(s.heading) + s.lines.map(p).join("") + list + s.teams.concat(s.unread).map(p).join("") + `<div style="margin:0 0 16px 0"></div>`;
}

/**
 * "teams aligned: 0.41 vs 0.53 expected (2 objectives)": a company objective's teams in its digest line. A company
 * tracker's own KRs are often never checked in, so its objective reads "Not started" at the score its stay KRs give
 * while the teams under it are behind; the roll-up tab shows both, and since session 21 the Monday email too.
 * Null for an objective no team aligns to. The company's own objective is matched to its alignment as the sheet
 * matches objective IDs, in any case, spaces kept (objectiveKey): "CO1 " beside CO1 is another objective, which
 * until session 22 (matched trimmed) showed the teams aligned under CO1 as its own.
 */
export function alignedWords(p: PortfolioDigest | { error: string } | undefined, id: string, sep: NumberStyle): { text: string; cell: string } | null {
  if (!p || "error" in p || !p.aligned) return null;
  const a = p.aligned.find((x) => objectiveKey(x.id) === objectiveKey(id));
  if (!a) return null;
  return {
    text: `teams aligned: ${score(a.score, sep)} vs ${score(a.expected, sep)} expected (${plural(a.objectives, "objective")})`,
    cell: `${score(a.score, sep)} vs ${score(a.expected, sep)} (${a.objectives})`,
  };
}

/** A roll-up cut short by the time limit, as the digest and the weekly refresh's status say it. */
export function partialWords(pending: number, listed: number): string {
  return `${pending} of ${listed} team trackers were not read before the time limit. Choose "Refresh portfolio" for a whole roll-up`;
}

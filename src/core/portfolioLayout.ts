// The Portfolio Roll-up tab's cells, written from A1 by the server (the same cell model as the Weekly
// Summary): a title block, one row per listed team, the KRs forecast to miss across teams, the alignment
// of team objectives under company objectives, and each team's score per week from the roll-up History.
import { fixedText, type NumberStyle } from "./numbers";
import { andList, ofTotal, plural } from "./plural";
import type { Alignment, RollupHistoryRow, TeamResult } from "./portfolio";
import { endedWords, MIX_ORDER, paceGap, rolledWords, teamTrend } from "./portfolio";
import { againstText, companyMisses, endedMissLine, forecastText, NONE_WHY, noneCounted, silentAfterDays, STALE_FORECAST_DAYS } from "./portfolioForecast";
import { blockerSectionRows, LOG_NOT_READ } from "./portfolioBlockersLayout";
import type { TypedCell } from "./portfolioScoreCells";
import { FMT, type SummaryCell } from "./summary";
import { STATUS } from "./tabs";
import { shortOfGoal } from "./shortOfGoal";

export const TEAM_HEADERS = [
  "Team", "Tracker", "Read", "Cycle", "Week", "Score", "Expected", "Status",
  ...MIX_ORDER, "Check-in rate", "KRs", "Low confidence", "Blockers", "Forecast to miss", "Forecast KRs", "Last check-in", "Typed over",
] as const;
export const AT_THIS_PACE_HEADERS = ["Team", "KR", "Key result", "Owner", "Forecast", "Ends against", "Forecast score", "Goal", "Shortfall"] as const;
/** The "Forecast to miss" cell of a team whose Key Results have no forecast columns, and of one with no forecast yet. */
export const NO_FORECAST_COLUMNS = "no forecast columns";
export const NO_FORECAST_YET = "no forecast yet";
/** The "Forecast to miss" cell of a team whose tracker has no KR: nothing to forecast, not "yet". */
export const NO_KRS_CELL = "none: no key results";
/** The "Forecast to miss" cell of a team whose forecast is out of date (portfolioForecast.ts staleForecast). */
export const staleCell = (week: number, weeks: number): string => `out of date: from week ${week} of ${weeks}`;
/**
 * A team's Week cell: the week as a number (sorts, reads back as one) shown with its cycle's length, "3 of 6":
 * teams on cycles of 6 and 13 weeks side by side, a bare "3" said neither how far either had come.
 */
export const weekOfFormat = (weeks: number): string => `0" of ${weeks}"`;
/** The "Forecast to miss" cell of a team whose cycle ended, not rolled over (portfolioForecast.ts endedForecast). */
export const ENDED_CELL = "none: cycle ended";
/** The "Forecast to miss" cell of a team whose cycle has not started: nothing to forecast yet, nor to wait for (not "no forecast yet"). */
export const NOT_STARTED_CELL = "none: not started";
/** The same, of a team that closed its cycle (early, or on its last days): its Retrospective is the record. */
export const CLOSED_CELL = "none: cycle closed";
export const ALIGNMENT_HEADERS = ["Objective", "Title", "Team", "Score", "Expected", "Status", "Aligned score", "Aligned expected", "Aligned objectives"] as const;

export interface RollupInput {
  cycle: string;
  asOf: string;
  week: number;
  weeks: number;
  /** The company cycle's last day, when the roll-up is as of a day after it (History is then left as it was). */
  ended?: string;
  /** The company cycle's start, when the roll-up is as of a day before it (no History row written either). */
  starts?: string;
  teams: TeamResult[];
  alignment: Alignment;
  history: RollupHistoryRow[];
  /** Teams left for the next run (0 when the refresh is complete). */
  pending: number;
  /** The company tracker's decimal separator, for the numbers inside the forecast's text ("." when not given). */
  decimalSeparator?: NumberStyle;
}

const text = (v: string, style?: SummaryCell["style"]): SummaryCell => ({ v, fmt: FMT.text, ...(style ? { style } : {}) });
const score = (v: number | null): SummaryCell => (v === null ? { v: null } : { v, fmt: FMT.score });
const blank = (): SummaryCell => ({ v: null });

function pad(row: SummaryCell[], width: number): SummaryCell[] {
  while (row.length < width) row.push(blank());
  return row;
}

export const READ_OK = "Yes";
/** A1 of the roll-up: "<ROLLUP_TITLE>: <cycle>" (how a tab of that name is told to be ours). */
export const ROLLUP_TITLE = "Portfolio roll-up";

function teamRow(t: TeamResult, sep: NumberStyle): SummaryCell[] {
  const f = t.figures;
  const row: SummaryCell[] = [text(t.entry.team, "label"), text(t.entry.ref), text(f ? READ_OK : t.problem || "Not read")];
  if (!f) return row;
  // A cycle not started yet is no "week 1", nor one over its last week (portfolio.ts teamFigures): its Week says when.
  // Rolled over before the run: the cycle that ended and its final score (History keeps it as this week's).
  const rolled = f.rolled ? ` (${rolledWords(f.rolled, sep)})` : "";
  const week: SummaryCell = f.starts ? text(`starts ${f.starts}${rolled}`, "muted") : f.ended ? text(endedWords(f), "muted") : { v: f.week, fmt: weekOfFormat(f.weeks) };
  row.push(text(f.cycle), week, score(f.score), score(f.expected), text(f.status, "status"));
  for (const m of MIX_ORDER) row.push({ v: f.mix[m], fmt: "0" });
  row.push(f.checkinRate === null ? blank() : { v: f.checkinRate, fmt: FMT.rate }, { v: f.krs, fmt: "0" });
  // On-track KRs their owners doubt: the team needing help before its status says so (blank: nothing due, or cached before it).
  row.push(typeof f.lowConfidence === "number" ? { v: f.lowConfidence, fmt: "0" } : blank());
  // KRs with a blocker reported this period (blank: nothing due, or cached before session 19).
  row.push(f.blockers ? { v: f.blockers.krs, fmt: "0" } : f.blockers === null ? text(LOG_NOT_READ, "muted") : blank());
  const fc = f.forecast;
  if (!fc) row.push(blank(), blank());
  else if (f.ended) row.push(text(f.closed ? CLOSED_CELL : ENDED_CELL, "muted"), fc.columns ? { v: fc.forecast, fmt: "0" } : blank());
  else if (!f.krs) row.push(text(NO_KRS_CELL, "muted"), fc.columns ? { v: 0, fmt: "0" } : blank());
  else if (f.starts) row.push(text(NOT_STARTED_CELL, "muted"), fc.columns ? { v: fc.forecast, fmt: "0" } : blank());
  else if (!fc.columns) row.push(text(NO_FORECAST_COLUMNS, "muted"), blank());
  else if (fc.stale) row.push(text(staleCell(fc.stale.week, f.weeks), "muted"), { v: fc.forecast, fmt: "0" });
  else row.push(fc.forecast ? { v: fc.missing, fmt: "0" } : text(NO_FORECAST_YET, "muted"), { v: fc.forecast, fmt: "0" });
  row.push(f.lastCheckin ? { v: f.lastCheckin, fmt: FMT.date } : text("none yet", "muted"));
  // Blank when none: the few teams whose own sheet shows a typed value stand out (named under the table).
  row.push(f.typedOver ? { v: f.typedOver.cells, fmt: "0" } : blank());
  return row;
}

/**
 * Two numbers as text at 2 decimals, or at as many more as it takes them to differ (up to SCORE_DECIMALS): a score
 * typed as the 0.46 its cell showed, its formula's 0.4629, read "holds 0.46 (its cells score 0.46)" until session 20.
 */
function apart(a: number, b: number, sep: NumberStyle): [string, string] {
  let d = 2;
  while (d < 12 && fixedText(a, d, sep) === fixedText(b, d, sep)) d++;
  // The typed value as typed (0.46, not 0.460), when fewer digits hold it.
  let k = 2;
  while (k < d && Math.abs(Number(fixedText(a, k, ".")) - a) > 1e-12) k++;
  return [fixedText(a, k, sep), fixedText(b, d, sep)];
}

/** "O1.KR1 holds 0.90 (its cells score 0.42)", "O1.KR2 Status holds "On track" (its cells give Off track)", … */
export function typedCellWords(n: TypedCell, asOf: string, sep: NumberStyle): string {
  const text = (v: number | string | null) => (typeof v === "number" ? fixedText(v, 2, sep) : v === null ? "a setup error" : `"${v.slice(0, 30)}"`);
  const [cell, formula] = typeof n.cell === "number" && typeof n.score === "number" ? apart(n.cell, n.score, sep) : [text(n.cell), text(n.score)];
  const holds = n.cell === "" ? "is blank" : `holds ${cell}`;
  if (n.column === "Expected") return `${n.id} Expected ${holds} (no day's expected; ${formula} on ${asOf})`;
  if (n.column === "Status") return `${n.id} Status ${holds} (its cells give ${String(n.score)})`;
  if (n.column === "Objective score") return `objective ${n.id}'s Score ${holds} (its KRs' Score cells give ${n.score === "" ? "none" : formula})`;
  return `${n.id} ${holds} (its cells score ${formula})`;
}

/**
 * The line under the Teams table naming the formula cells typed over in their team's tracker
 * (portfolioScoreCells.ts), worst-first teams' order; null when none.
 */
export function typedOverLine(teams: TeamResult[], asOf: string, sep: NumberStyle): string | null {
  const each = teams.flatMap((t) => {
    const x = t.figures && t.figures.typedOver;
    if (!x) return [];
    const more = x.cells > x.named.length ? ` and ${x.cells - x.named.length} more` : "";
    return [`${t.entry.team}: ${x.named.map((n) => typedCellWords(n, asOf, sep)).join(", ")}${more}`];
  });
  if (!each.length) return null;
  return `Typed over in the team's tracker (its sheet shows and uses the typed value, this roll-up what its formulas give; "Repair tracker" there restores them): ${each.join("; ")}.`;
}

/**
 * Where a team stands in the Teams table, the team needing the leader most first (since session 18; before,
 * the Portfolio tab's order, so in a list of 30 the teams off track were wherever their rows were): off track,
 * at risk, then setup errors and teams with no check-in yet in a running cycle, then on track; after those
 * the teams with nothing due (no KRs, a cycle not started yet, one ended), then the trackers not read (their
 * reason is on their row, and in the digest).
 */
function rankOf(t: TeamResult): number {
  const f = t.figures;
  if (!f) return 7;
  if (f.ended) return 6;
  if (f.starts) return 5;
  if (!f.krs) return 4;
  if (f.status === STATUS.offTrack) return 0;
  if (f.status === STATUS.atRisk) return 1;
  if (f.status === STATUS.onTrack) return 3;
  return 2;
}

/**
 * The teams worst first (rankOf), within a rank the largest gap to expected first, ties in the Portfolio tab's
 * order. The gap is what each team's own status is decided by, so teams on cycles of 6 and 13 weeks, or started on
 * different days, are compared by how far behind their own pace they are, not by raw score.
 */
export function worstFirst(teams: TeamResult[]): TeamResult[] {
  return teams
    .map((t, i) => ({ t, i, rank: rankOf(t), gap: t.figures ? paceGap(t.figures) : 0 }))
    .sort((a, b) => a.rank - b.rank || b.gap - a.gap || a.i - b.i)
    .map((x) => x.t);
}

/**
 * Where the company cycle stands for a refresh, as the roll-up tab, the menu's answer and `okr-sheets rollup`
 * all say it (one wording: they had three): after its last week, before its start, or `week` (the caller's,
 * "week 3 of 13", as each of them says it since session 17).
 */
export function rollupWhen(r: { ended?: string; starts?: string }, week: string): string {
  if (r.ended) return `after the cycle's last week (it ended on ${r.ended}; History keeps its weeks as they were)`;
  if (r.starts) return `before the cycle's start (it starts on ${r.starts}; no History row written)`;
  return week;
}

/** The roll-up tab's rows; every row has `width` cells. */
export function layoutRollup(input: RollupInput): { width: number; rows: SummaryCell[][] } {
  const trend = teamTrend(input.history, uniqueTeams(input.teams));
  const width = Math.max(TEAM_HEADERS.length, ALIGNMENT_HEADERS.length, 1 + trend.weeks.length);
  const rows: SummaryCell[][] = [];
  const read = input.teams.filter((t) => t.figures).length;
  rows.push([text(`${ROLLUP_TITLE}: ${input.cycle}`, "title")]);
  const when = rollupWhen(input, `week ${input.week} of ${input.weeks}`);
  rows.push([text(`As of ${input.asOf} · ${when} · ${ofTotal(read, input.teams.length, "team tracker")} read`, "subtitle")]);
  rows.push([
    input.pending > 0
      ? text(`Partial: ${input.pending} team tracker${input.pending === 1 ? " was" : "s were"} not read before the time limit. Choose "Refresh portfolio" again to continue with them.`, "note")
      : text('Rewritten by "Refresh portfolio"; edits here are overwritten. The list of team trackers is the Portfolio tab.', "note"),
  ]);
  rows.push([]);

  rows.push([text("Teams", "heading")]);
  rows.push(TEAM_HEADERS.map((h) => text(h, "header")));
  if (!input.teams.length) rows.push([text("No team trackers are listed in the Portfolio tab yet.", "muted")]);
  const ordered = worstFirst(input.teams);
  for (const t of ordered) rows.push(teamRow(t, input.decimalSeparator || "."));
  const typed = typedOverLine(ordered, input.asOf, input.decimalSeparator || ".");
  if (typed) rows.push([text(typed, "muted")]);
  rows.push([]);

  rows.push(...blockerSectionRows(ordered));
  rows.push([]);

  rows.push(...atThisPaceRows(input.teams, input.decimalSeparator || "."));
  rows.push([]);

  rows.push([text("Alignment: team objectives under company objectives", "heading")]);
  rows.push(ALIGNMENT_HEADERS.map((h) => text(h, "header")));
  if (!input.alignment.groups.length) rows.push([text("The company tracker has no objectives yet.", "muted")]);
  for (const g of input.alignment.groups) {
    const o = g.objective;
    rows.push([
      text(o.id, "label"), text(o.title, "label"), text("Company"), score(o.score), score(o.expected ?? null), text(o.status, "status"),
      score(g.alignedScore), score(g.alignedExpected), { v: g.aligned.length, fmt: "0" },
    ]);
    // Each team objective's expected score is its own cycle's: teams on cycles of 6 and 13 weeks are read each against its own.
    for (const a of g.aligned) {
      rows.push([text(`  ↳ ${a.id}`, "muted"), text(a.title), text(a.team), score(a.score), score(a.expected ?? null), text(a.status, "status"), blank(), blank(), blank()]);
    }
  }
  for (const u of input.alignment.unmatched) {
    rows.push([text(`  ? ${u.id}`, "muted"), text(u.title), text(u.team), score(u.score), score(u.expected ?? null), text(u.status, "status"), text(`Parent ID "${u.parentId}" is not a company objective`, "muted"), blank(), blank()]);
  }
  rows.push([]);

  rows.push([text("Team trend: overall score per week (Portfolio History)", "heading")]);
  rows.push([text("Team", "header"), ...trend.weeks.map((w) => text(`W${w}`, "header"))]);
  for (const r of trend.rows) rows.push([text(r.team, "label"), ...r.scores.map(score)]);
  return { width, rows: rows.map((r) => pad(r, width)) };
}

/**
 * "At this pace": the company's KRs forecast to miss their goal, worst first, at most ROLLUP_MISSES of them
 * and the rest counted; then the teams read whose forecast says nothing, each said plainly (not counted as
 * missing): no forecast columns, or none of its KRs forecast yet.
 */
function atThisPaceRows(teams: TeamResult[], sep: NumberStyle): SummaryCell[][] {
  const rows: SummaryCell[][] = [[text("At this pace: key results forecast to miss their goal", "heading")]];
  // The teams read, each with its forecast (a result cached before the forecast has none) and the last day of
  // its cycle when that ended (its figures' `ended`: its forecast then has none to miss).
  const read = teams.flatMap((t) => (t.figures && t.figures.forecast ? [{ team: t.entry.team, f: t.figures.forecast, ended: t.figures.ended, closed: t.figures.closed, starts: t.figures.starts, krs: t.figures.krs, weeks: t.figures.weeks, fortnightly: t.figures.periodDays === 14 }] : []));
  const { worst, total } = companyMisses(read.map((r) => r.f));
  const forecasting = read.filter((r) => r.f.forecast > 0 && !r.f.stale && !r.ended).length;
  const teamsMissing = read.filter((r) => r.f.missing > 0).length;
  const stale = read.flatMap((r) => (r.f.stale ? [`${r.team} (${r.fortnightly ? "fortnightly; " : ""}from week ${r.f.stale.week} of ${r.weeks}, ${r.f.stale.day})`] : []));
  // A fortnightly team's forecast is out of date after 28 days, two of its periods (silentAfterDays): said where one is named.
  const fortnightly = read.some((r) => r.f.stale && r.fortnightly) ? `, ${silentAfterDays(14)} for a fortnightly team` : "";
  const ended = read.flatMap((r) => (r.ended ? [`${r.team} (${endedWords(r)})`] : []));
  const none = noneCounted(read);
  if (total > 0) {
    rows.push([text(`${plural(total, "KR")} in ${plural(teamsMissing, "team")} ${total === 1 ? "ends" : "end"} ${shortOfGoal(total)} at this pace (by more than ${total === 1 ? "its" : "their"} team's on-track gap), as the teams' latest check-ins and Weekly Summaries forecast them; the largest shortfall first.`, "note")]);
  } else if (none === "onCourse") {
    rows.push([text(`None: every forecast KR of the ${plural(forecasting, "team")} with a forecast is on course for its goal (within its team's on-track gap).`, "muted")]);
  } else if (none !== "notYet") {
    rows.push([text(`None current: ${NONE_WHY[none]} (below).`, "muted")]);
  } else {
    rows.push([text("None forecast yet: no team tracker read has a forecast (its check-ins and Weekly Summary write it once a KR has 3 weeks of check-ins).", "muted")]);
  }
  if (worst.length) {
    rows.push(AT_THIS_PACE_HEADERS.map((h) => text(h, "header")));
    for (const m of worst) {
      rows.push([
        text(m.team, "label"), text(m.id), text(m.title), text(m.owner), text(forecastText(m, sep)), text(againstText(m, sep)),
        score(m.score), score(m.goal), score(m.goal - m.score),
      ]);
    }
    if (total > worst.length) rows.push([text(`and ${total - worst.length} more: each team's own Weekly Summary lists its own (Forecast section); the Teams table counts them.`, "muted")]);
  }
  // A team whose cycle ended has nothing left to forecast: named on its own line, not told to repair or wait.
  // A team without KRs is neither waiting for a forecast nor for its columns (its Status says "No key results").
  // Nor is a team whose cycle has not started (its Week says when): its first check-ins are still to come.
  const noColumns = read.filter((r) => !r.f.columns && !r.ended && !r.starts && r.krs).map((r) => r.team);
  const notYet = read.filter((r) => r.f.columns && r.f.forecast === 0 && !r.ended && !r.starts && r.krs).map((r) => r.team);
  if (noColumns.length) {
    rows.push([text(`Not forecast, no forecast columns in its Key Results (set up before them; "Repair tracker" in that tracker adds them, its next check-in or summary fills them): ${andList(noColumns)}.`, "muted")]);
  }
  if (stale.length) {
    rows.push([text(`Not counted, forecast out of date (the team has not checked in for more than ${STALE_FORECAST_DAYS} days${fortnightly}: its forecast is from its latest check-in): ${andList(stale)}.`, "muted")]);
  }
  if (ended.length) {
    rows.push([text(`Not counted, cycle ended and not rolled over yet (its key results ended where they stand: its final score is in the Teams table): ${andList(ended)}.`, "muted")]);
    // What each such team's own summary after its end says, not a forecast: "3 KRs ended short of their goal on …".
    for (const t of teams) {
      const f = t.figures;
      if (!f || !f.ended || !f.endedBelow) continue;
      const line = f.endedBelow.missing ? endedMissLine(f.endedBelow, f.ended, sep) : "every forecast KR ended on course for its goal.";
      rows.push([text(`${t.entry.team}: ${line}`, "muted")]);
    }
  }
  if (notYet.length && (total > 0 || forecasting)) {
    rows.push([text(`Not forecast yet (no check-in or summary has forecast a KR: fewer than 3 weeks of check-ins, or only milestones): ${andList(notYet)}.`, "muted")]);
  }
  return rows;
}

function uniqueTeams(teams: TeamResult[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of teams) {
    const k = t.entry.team.trim().toLowerCase();
    if (t.entry.problem || seen.has(k)) continue;
    seen.add(k);
    out.push(t.entry.team);
  }
  return out;
}

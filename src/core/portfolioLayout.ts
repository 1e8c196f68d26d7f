// The Portfolio Roll-up tab's cells, written from A1 by the server (the same cell model as the Weekly
// Summary): a title block, one row per listed team, the alignment of team objectives under company
// objectives, and each team's score per week from the roll-up History.
import { ofTotal } from "./plural";
import type { Alignment, RollupHistoryRow, TeamResult } from "./portfolio";
import { MIX_ORDER, teamTrend } from "./portfolio";
import { FMT, type SummaryCell } from "./summary";

export const TEAM_HEADERS = [
  "Team", "Tracker", "Read", "Cycle", "Week", "Score", "Expected", "Status",
  ...MIX_ORDER, "Check-in rate", "KRs off track", "Last check-in",
] as const;
export const ALIGNMENT_HEADERS = ["Objective", "Title", "Team", "Score", "Status", "Aligned score", "Aligned objectives"] as const;

export interface RollupInput {
  cycle: string;
  asOf: string;
  week: number;
  weeks: number;
  teams: TeamResult[];
  alignment: Alignment;
  history: RollupHistoryRow[];
  /** Teams left for the next run (0 when the refresh is complete). */
  pending: number;
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

function teamRow(t: TeamResult): SummaryCell[] {
  const f = t.figures;
  const row: SummaryCell[] = [text(t.entry.team, "label"), text(t.entry.ref), text(f ? READ_OK : t.problem || "Not read")];
  if (!f) return row;
  row.push(text(f.cycle), { v: f.week, fmt: "0" }, score(f.score), score(f.expected), text(f.status, "status"));
  for (const m of MIX_ORDER) row.push({ v: f.mix[m], fmt: "0" });
  row.push(f.checkinRate === null ? blank() : { v: f.checkinRate, fmt: FMT.rate }, { v: f.offTrack, fmt: "0" });
  row.push(f.lastCheckin ? { v: f.lastCheckin, fmt: FMT.date } : text("none yet", "muted"));
  return row;
}

/** The roll-up tab's rows; every row has `width` cells. */
export function layoutRollup(input: RollupInput): { width: number; rows: SummaryCell[][] } {
  const trend = teamTrend(input.history, uniqueTeams(input.teams));
  const width = Math.max(TEAM_HEADERS.length, ALIGNMENT_HEADERS.length, 1 + trend.weeks.length);
  const rows: SummaryCell[][] = [];
  const read = input.teams.filter((t) => t.figures).length;
  rows.push([text(`${ROLLUP_TITLE}: ${input.cycle}`, "title")]);
  rows.push([text(`As of ${input.asOf} · week ${input.week} of ${input.weeks} · ${ofTotal(read, input.teams.length, "team tracker")} read`, "subtitle")]);
  rows.push([
    input.pending > 0
      ? text(`Partial: ${input.pending} team tracker${input.pending === 1 ? " was" : "s were"} not read before the time limit. Choose "Refresh portfolio" again to continue with them.`, "note")
      : text('Rewritten by "Refresh portfolio"; edits here are overwritten. The list of team trackers is the Portfolio tab.', "note"),
  ]);
  rows.push([]);

  rows.push([text("Teams", "heading")]);
  rows.push(TEAM_HEADERS.map((h) => text(h, "header")));
  if (!input.teams.length) rows.push([text("No team trackers are listed in the Portfolio tab yet.", "muted")]);
  for (const t of input.teams) rows.push(teamRow(t));
  rows.push([]);

  rows.push([text("Alignment: team objectives under company objectives", "heading")]);
  rows.push(ALIGNMENT_HEADERS.map((h) => text(h, "header")));
  if (!input.alignment.groups.length) rows.push([text("The company tracker has no objectives yet.", "muted")]);
  for (const g of input.alignment.groups) {
    const o = g.objective;
    rows.push([text(o.id, "label"), text(o.title, "label"), text("Company"), score(o.score), text(o.status, "status"), score(g.alignedScore), { v: g.aligned.length, fmt: "0" }]);
    for (const a of g.aligned) {
      rows.push([text(`  ↳ ${a.id}`, "muted"), text(a.title), text(a.team), score(a.score), text(a.status, "status"), blank(), blank()]);
    }
  }
  for (const u of input.alignment.unmatched) {
    rows.push([text(`  ? ${u.id}`, "muted"), text(u.title), text(u.team), score(u.score), text(u.status, "status"), text(`Parent ID "${u.parentId}" is not a company objective`, "muted"), blank()]);
  }
  rows.push([]);

  rows.push([text("Team trend: overall score per week (Portfolio History)", "heading")]);
  rows.push([text("Team", "header"), ...trend.weeks.map((w) => text(`W${w}`, "header"))]);
  for (const r of trend.rows) rows.push([text(r.team, "label"), ...r.scores.map(score)]);
  return { width, rows: rows.map((r) => pad(r, width)) };
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

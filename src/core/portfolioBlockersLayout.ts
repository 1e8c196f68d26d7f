// The roll-up tab's "Blockers this week" section (docs/portfolio.md "Blockers this week"): under the Teams table,
// the blockers the teams' check-ins reported in their own period, teams in the Teams table's order (worst first),
// a team's KRs worst first, as each team's own Weekly Summary lists its own.
import { plural } from "./plural";
import type { TeamResult } from "./portfolio";
import { FMT, type SummaryCell } from "./summary";

export const BLOCKER_HEADERS = ["Team", "KR", "Key result", "Owner", "Status", "Check-in", "Blockers", "Next step"] as const;
/** Rows listed across teams (what a leader reads in a meeting), the rest counted. */
export const ROLLUP_BLOCKERS = 25;
/** A team's Teams-table "Blockers" cell when its Check-ins log could not be read (the tab renamed or deleted). */
export const LOG_NOT_READ = "log not read";

const text = (v: string, style?: SummaryCell["style"]): SummaryCell => ({ v, fmt: FMT.text, ...(style ? { style } : {}) });

/** The section's rows; `ordered`: the teams as the Teams table lists them (worstFirst). */
export function blockerSectionRows(ordered: TeamResult[]): SummaryCell[][] {
  const rows: SummaryCell[][] = [[text("Blockers this week (each team's check-in period: 7 days, 14 fortnightly)", "heading")]];
  const teams = ordered.filter((t) => t.figures && t.figures.blockers);
  const all = teams.flatMap((t) => t.figures!.blockers!.named.map((b) => ({ team: t.entry.team, b })));
  const total = teams.reduce((n, t) => n + t.figures!.blockers!.total, 0);
  if (!total) {
    rows.push([text(teams.length ? `None: no check-in of the ${plural(teams.length, "team")} with a running cycle reported one.` : "None: no team read has a running cycle.", "muted")]);
  } else {
    const blocked = teams.filter((t) => t.figures!.blockers!.total > 0).length;
    rows.push([text(`${plural(total, "blocker")} in ${plural(blocked, "team")}, worst first.`, "note")]);
    rows.push(BLOCKER_HEADERS.map((h) => text(h, "header")));
    for (const { team, b } of all.slice(0, ROLLUP_BLOCKERS)) {
      rows.push([text(team, "label"), text(b.id), text(b.title), text(b.owner), text(b.status, "status"), { v: b.date, fmt: FMT.date }, text(b.blockers), text(b.nextStep)]);
    }
    if (total > Math.min(all.length, ROLLUP_BLOCKERS)) rows.push([text(`and ${total - Math.min(all.length, ROLLUP_BLOCKERS)} more: each team's Weekly Summary lists its own.`, "muted")]);
  }
  return rows;
}

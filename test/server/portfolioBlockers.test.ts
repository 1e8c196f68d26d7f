// Blockers in the roll-up (session 19), through the BUILT add-on (run `npm run build` first): which teams are
// blocked and on what, this week. They live in each team's Check-ins log, which the roll-up now reads from its end
// back to its period's start (one read call for a team whose cycle runs and whose log has rows). Before, neither
// the tab, the digest nor the menu's answer said anything of them.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { portfolioSubject, portfolioTeamLines } from "../../src/core/portfolioDigest";
import { requestId, rowsOf, setToday, ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { refreshedAt, teamsTable } from "../support/portfolioCompany";

const AT = "2026-02-16"; // a Monday; the teams' period is 2026-02-10 to 2026-02-16

function checkIn(wb: Workbook, day: string, krId: string, blockers = "", nextStep = "") {
  setToday(wb, day);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: "1", confidence: 5, blockers, nextStep, confirmed: true });
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
}

function rollup(base: Workbook, teams: Record<string, Workbook>) {
  const { company, r } = refreshedAt(base, teams, AT);
  const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues();
  const h = values.findIndex((row) => row[0] === "Team" && row[6] === "Blockers");
  const section: string[][] = [];
  for (let i = h + 1; h >= 0 && i < values.length && values[i][0] !== ""; i++) section.push(values[i].slice(0, 8));
  const reads = company.services.counters.snapshot().byMethod["Range.getValues"] ?? 0;
  return { r, teams: teamsTable(company), section, values: values.map((row) => row[0]), reads };
}

describe("Blockers in the portfolio roll-up", () => {
  it("lists this period's blockers by team, worst first, in the tab, the digest and its subject", () => {
    const [base, tokyo, berlin] = trackers(3);
    const [k1, k2] = rowsOf(tokyo, "Key Results").map((k) => String(k.ID));
    checkIn(tokyo, "2026-02-03", k1, "Old blocker, last week's"); // before the period: not listed
    checkIn(tokyo, "2026-02-11", k1, "Waiting for IT access", "Escalate to the CIO");
    checkIn(tokyo, "2026-02-12", k2, "Budget approval pending");
    checkIn(berlin, "2026-02-12", k1);
    const { r, teams, section } = rollup(base, { Tokyo: tokyo, Berlin: berlin });
    const row = (team: string) => teams.find((t) => t.Team === team)!;
    expect(row("Tokyo").Blockers).toBe("2");
    expect(row("Berlin").Blockers).toBe("0");
    const title = (id: string) => String(rowsOf(tokyo, "Key Results").find((k) => k.ID === id)!["Key result"]);
    expect(section.map((s) => [s[0], s[1], s[2], s[5], s[6], s[7]])).toEqual([
      ["Tokyo", k1, title(k1), "2026-02-11", "Waiting for IT access", "Escalate to the CIO"],
      ["Tokyo", k2, title(k2), "2026-02-12", "Budget approval pending", ""],
    ]);
    expect(portfolioTeamLines(r.digest, null)).toContain(`Blockers this week: Tokyo (${k1}: Waiting for IT access; ${k2}: Budget approval pending).`);
    // Their check-ins of one week forecast nothing yet (session 21; before, "none forecast to miss").
    expect(portfolioSubject(r.digest)).toBe("; teams: none forecast yet, 1 blocked");
  });

  it("reads back past its first read when the period holds more check-ins than it sized, and says none when none", () => {
    const [base, busy, quiet] = trackers(3);
    const ids = rowsOf(busy, "Key Results").map((k) => String(k.ID));
    checkIn(busy, "2026-02-10", ids[0], "Reported on the period's first day");
    // More check-ins than one per KR and the slack of 20: the first read starts after the blocker's row.
    for (let i = 0; i < ids.length + 25; i++) checkIn(busy, "2026-02-13", ids[i % ids.length]);
    const quietOnly = rollup(base, { Quiet: quiet });
    expect(quietOnly.values).toContain("None: no check-in of the 1 team with a running cycle reported one.");
    const { section, reads } = rollup(base, { Busy: busy });
    expect(section.map((s) => s[6])).toEqual(["Reported on the period's first day"]);
    // Quiet's log is empty (no read); Busy's takes two: the rows sized by its KRs, then those above.
    expect(reads - quietOnly.reads).toBe(2);
  });
});

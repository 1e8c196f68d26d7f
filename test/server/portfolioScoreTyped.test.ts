// A KR's Score typed over in a team's tracker (session 19), through the BUILT add-on (run `npm run build`
// first): the team's own sheet scores the typed value, the roll-up the KR's cells; the roll-up now says so, from
// the Score cells its Key Results read brings anyway (no call more). Before, nothing said why the two disagreed.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { portfolioTeamLines } from "../../src/core/portfolioDigest";
import { rowsOf, ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { refreshedAt, teamsTable } from "../support/portfolioCompany";

const AT = "2026-02-16";

function typeOver(wb: Workbook, row: number, value: unknown, column = "Score", tab = "Key Results"): void {
  const sheet = ss(wb).getSheetByName(tab)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(row, headers.indexOf(column) + 1).setValue(value);
}

function rollup(base: Workbook, teams: Record<string, Workbook>) {
  const { company, r } = refreshedAt(base, teams, AT);
  const calls = company.services.counters.snapshot().serviceCalls;
  const cells = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues().flat();
  return { teams: teamsTable(company), line: cells.find((v) => v.startsWith("Typed over in")), digest: portfolioTeamLines(r.digest, null).find((l) => l.startsWith("Typed over")), calls };
}

describe("A Score typed over in a team's tracker", () => {
  it("is named in the roll-up and the digest, and the roll-up scores the KR's cells", () => {
    const [base, typed, clean] = trackers(3);
    const krs = rowsOf(typed, "Key Results");
    const score1 = Number(krs[0].Score);
    typeOver(typed, 2, 0.9); // a number over the formula
    typeOver(typed, 3, "done"); // text over it
    typeOver(typed, 4, ""); // cleared: its sheet scores nothing for the KR
    const r = rollup(base, { Typed: typed, Clean: clean });
    const row = (team: string) => r.teams.find((t) => t.Team === team)!;
    expect(row("Typed")["Typed over"]).toBe("3");
    expect(row("Clean")["Typed over"]).toBe("");
    // The roll-up's score is the cells', the same as the untouched copy's.
    expect(row("Typed").Score).toBe(row("Clean").Score);
    expect(r.line).toBe(
      `Typed over in the team's tracker (its sheet shows and uses the typed value, this roll-up what its formulas give; "Repair tracker" there restores them): Typed: ${krs[0].ID} holds 0.90 (its cells score ${score1.toFixed(2)}), ${krs[1].ID} holds "done" (its cells score ${Number(krs[1].Score).toFixed(2)}), ${krs[2].ID} is blank (its cells score ${Number(krs[2].Score).toFixed(2)}).`,
    );
    expect(r.digest).toBe(`Typed over in the team's tracker ("Repair tracker" there restores the formulas): Typed (${krs[0].ID}, ${krs[1].ID}, ${krs[2].ID}).`);
  });

  it("costs no call per team, and is told in a tracker without forecast columns too (its read reaches Score)", () => {
    const [base, a, b] = trackers(3);
    const before = rollup(base, { A: a }).calls;
    const sheet = ss(b).getSheetByName("Key Results")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    // As a tracker set up before the forecast and pace columns: its read ended at Last check-in.
    for (const h of ["Counts from", "Weighted pace offset", "Forecast"]) sheet.getRange(1, headers.indexOf(h) + 1, sheet.getMaxRows(), h === "Forecast" ? 3 : 1).clearContent();
    typeOver(b, 2, 0.25);
    const r = rollup(base, { B: b });
    expect(r.teams[0]["Typed over"]).toBe("1");
    // No call per team; once per refresh, the company's locale for the line's numbers (since session 20).
    expect(r.calls).toBe(before + 1);
  });

  it("names an Expected, a Status and an objective's Score typed over, and a Score typed as shown, with no call per team (session 20)", () => {
    const [base, typed, clean] = trackers(3);
    const before = rollup(base, { Clean: clean }).calls;
    const krs = rowsOf(typed, "Key Results");
    const objectives = rowsOf(typed, "Objectives");
    // The KR's score as its cell shows it (2 decimals), typed over the formula: its sheet scores 0.46, its cells 0.4629 (said "0.46 (its cells score 0.46)" until session 20).
    const exact = 0.46 + 0.0029;
    typed.services.clock.set(new Date(`${AT}T12:00:00Z`));
    const sheet = ss(typed).getSheetByName("Key Results")!;
    const h = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    for (const [c, v] of [["Metric", "increase"], ["Start", 0], ["Target", 1], ["Current", exact], ["Last check-in", "2026-02-12"]] as const) sheet.getRange(2, h.indexOf(c) + 1).setValue(v);
    typeOver(typed, 2, 0.46);
    typeOver(typed, 3, 0.5, "Expected"); // no day of the cycle's expected
    typeOver(typed, 4, "On track", "Status"); // a KR not started: its cells give Not started
    typeOver(typed, 2, 0.9, "Score", "Objectives");
    const r = rollup(base, { Typed: typed });
    expect(r.teams[0]["Typed over"]).toBe("4");
    const o1 = String(objectives[0].ID);
    expect(r.line).toContain(`Typed: ${krs[0].ID} holds 0.46 (its cells score 0.463), ${krs[1].ID} Expected holds 0.50 (no day's expected; `);
    expect(r.line).toContain(`, ${krs[2].ID} Status holds "On track" (its cells give Not started), objective ${o1}'s Score holds 0.90 (its KRs' Score cells give `);
    expect(r.digest).toBe(`Typed over in the team's tracker ("Repair tracker" there restores the formulas): Typed (${krs[0].ID}, ${krs[1].ID} Expected, ${krs[2].ID} Status, objective ${o1}).`);
    // The untouched tracker names nothing: its formulas' values, whatever the day, are theirs.
    expect(rollup(base, { Clean: clean }).line).toBeUndefined();
    expect(r.calls).toBe(before + 1);
  });

  it("writes the numbers in the company tracker's decimal separator, with no KR forecast to miss (session 20)", () => {
    const [base, typed] = trackers(2);
    ss(base).setSpreadsheetLocale("de_DE");
    typeOver(typed, 2, 0.9);
    // Before: "holds 0.90" in a de_DE company (the locale was asked only when a KR was forecast to miss).
    expect(rollup(base, { Typed: typed }).line).toContain(" holds 0,90 (its cells score ");
  });
});

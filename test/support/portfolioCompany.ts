// A head of operations' company tracker over team trackers of one add-on, its weekly refresh on, for the
// portfolio tests through the BUILT add-on (run `npm run build` first; support/rhythm.ts runs the trigger).
import { callAddon, workbookFromSnapshot, type Workbook } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import type { OtherWorkbook } from "../../src/local/sheets";
import { requestId, rowsOf, ss } from "./tracker";
import { RHYTHM_ADMIN, RHYTHM_START } from "./rhythm";
import { expect } from "./expect";

/** Every KR of `wb` checks in at the instant `at`, as its owner. */
export function everyoneChecksIn(wb: Workbook, at: string, value: (start: number, target: number) => number) {
  wb.services.clock.set(new Date(at));
  for (const k of rowsOf(wb, "Key Results")) {
    wb.services.session.setUser(String(k.Owner));
    const v = value(Number(k.Start), Number(k.Target));
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: String(k.ID), value: String(v), confidence: 7, confirmed: true });
    if (!r.ok) throw new Error(r.message);
  }
  wb.services.session.setUser(RHYTHM_ADMIN);
}

/** Types a Settings value (found by its label), as the admin would. */
export function setSetting(wb: Workbook, label: string, value: string) {
  const sh = ss(wb).getSheetByName("Settings")!;
  sh.getRange(sh.getRange("A1:A40").getValues().findIndex((r) => r[0] === label) + 1, 2).setValue(value);
}

/** Types the cycle's Start date in Settings. */
export const setStart = (wb: Workbook, day: string) => setSetting(wb, "Start date", day);

/** Types `to` over every cell of a column (by header) holding `from`. */
export function retype(wb: Workbook, tab: string, header: string, from: string, to: string): void {
  const sheet = ss(wb).getSheetByName(tab)!;
  const values = sheet.getDataRange().getValues();
  const c = values[0].indexOf(header);
  values.forEach((r, i) => {
    if (i > 0 && r[c] === from) sheet.getRange(i + 1, c + 1).setValue(to);
  });
}

/** The company's objective O1 becomes CO1 (its KRs with it), and each team's own O1 gets CO1 as its Parent ID. */
export function alignUnderCo1(company: Workbook, teams: Workbook[]): void {
  retype(company, "Objectives", "ID", "O1", "CO1");
  retype(company, "Key Results", "Objective ID", "O1", "CO1");
  for (const t of teams) {
    const sheet = ss(t).getSheetByName("Objectives")!;
    const values = sheet.getDataRange().getValues();
    sheet.getRange(values.findIndex((r) => r[0] === "O1") + 1, values[0].indexOf("Parent ID") + 1).setValue("CO1");
  }
}

/**
 * A company tracker (Europe/London) listing the teams, its weekly refresh on (Mondays 07:00 London). Each
 * team tracker is opened as it is at that moment, so check-ins made after this show in later roll-ups.
 */
export function companyOver(base: Workbook, teams: Record<string, Workbook>, extra: string[][] = [], denied: string[] = []): Workbook {
  const live = new Map<string, Workbook>(Object.values(teams).map((t) => [t.services.toSnapshot().id, t]));
  const open = (ref: string): OtherWorkbook | undefined => (denied.includes(ref) ? "denied" : live.get(ref)?.services.toSnapshot());
  const company = workbookFromSnapshot("/nonexistent/company.xlsx", base.services.toSnapshot(), {
    at: RHYTHM_START,
    user: RHYTHM_ADMIN,
    project: newScriptProject(),
    workbooks: open,
  });
  ss(company).setSpreadsheetTimeZone("Europe/London");
  const rows = Object.entries(teams).map(([name, t]) => [t.services.toSnapshot().id, name, "", ""]).concat(extra);
  ss(company).insertSheet("Portfolio").getRange(1, 1, rows.length + 1, 4).setValues([["Tracker", "Team", "Weight", "Notes"], ...rows]);
  expect(callAddon(company, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
  return company;
}

/**
 * The company over `teams` refreshed by the menu at noon UTC on `at`, its counters reset just before: the reply
 * (which must be ok) and the company, whose counters then hold the refresh's calls alone.
 */
export function refreshedAt(base: Workbook, teams: Record<string, Workbook>, at: string) {
  const company = companyOver(base, teams);
  company.services.clock.set(new Date(`${at}T12:00:00Z`));
  company.services.counters.reset();
  const r = callAddon(company, "refreshPortfolio", {});
  expect(r.ok, r.message).toBe(true);
  return { company, r };
}

/** The roll-up's Teams table as shown, one object per team keyed by its header. */
export function teamsTable(company: Workbook): Record<string, unknown>[] {
  const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues();
  const h = values.findIndex((r) => r[0] === "Team" && r.includes("Check-in rate"));
  const out: Record<string, unknown>[] = [];
  for (const r of values.slice(h + 1)) {
    if (r[0] === "" || r[1] === "") break; // a line under the table (Scores typed over) has no Tracker
    out.push(Object.fromEntries(values[h].map((name, i) => [String(name), r[i]])));
  }
  return out;
}

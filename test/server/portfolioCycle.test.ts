// A head of operations running a company roll-up through its cycle and past its end, through the BUILT
// add-on (run `npm run build` first): the menu's "Refresh portfolio" answer, a team set up ahead of its cycle,
// a team far west of the company, and the Monday email once the company cycle is over.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, type Workbook } from "../../src/local/runtime";
import { ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";
import { companyOver, everyoneChecksIn, setSetting, setStart, teamsTable } from "../support/portfolioCompany";

/** The menu's "Refresh portfolio" at the instant `at`, and the answer it shows. */
function menuRefresh(company: Workbook, at: string): string {
  company.services.clock.set(new Date(at));
  company.services.ui.alerts.length = 0;
  callAddonRaw(company, "menuPortfolio");
  return company.services.ui.alerts[0].prompt;
}

/** The weekly refresh's run at the instant `at` (a Monday 07:00 in London). */
function weeklyRun(company: Workbook, at: string): any {
  company.services.clock.set(new Date(at));
  const out = fireTrigger(company, refreshTriggersOf(company)[0]);
  expect(out.ok, out.message).toBe(true);
  return out.outcome;
}

const history = (company: Workbook) => ss(company).getSheetByName("Portfolio History")!.getDataRange().getDisplayValues();

describe("The menu's Refresh portfolio answer", () => {
  it("names the teams behind, silent and not started, as the digest does, without a score (no locale asked)", () => {
    const [base, berlin, tokyo, kolkata] = trackers(4);
    // Berlin crawls (2% of the way a week), Tokyo checks in twice then stops, Kolkata's tracker is set up ahead.
    for (let w = 0; w < 6; w++) {
      const day = new Date(Date.parse("2026-01-08T12:00:00Z") + w * 7 * 86400000).toISOString();
      everyoneChecksIn(berlin, day, (s, t) => s + 0.02 * (w + 1) * (t - s));
      if (w < 2) everyoneChecksIn(tokyo, day, (s, t) => s + 0.1 * (w + 1) * (t - s));
    }
    setStart(kolkata, "2026-04-06");
    const company = companyOver(base, { Berlin: berlin, Tokyo: tokyo, Kolkata: kolkata });
    const answer = menuRefresh(company, "2026-02-16T12:00:00Z").split("\n");
    // Before: the first line, and nothing of which teams: the roll-up tab and the Monday email had to be opened.
    expect(answer[0]).toBe('Week 7 of 13: 3 of 3 team trackers read; the "Portfolio Roll-up" tab is up to date.');
    const status = teamsTable(company).find((r) => r.Team === "Berlin")!.Status;
    expect(["Off track", "At risk"]).toContain(status);
    expect(answer).toContain(`${status}: Berlin.`);
    expect(answer).toContain("No check-in for more than 14 days: Tokyo (last 2026-01-15).");
    expect(answer).toContain("Not started yet: Kolkata (starts 2026-04-06).");
    expect(answer.join("\n")).not.toMatch(/expected/);
  });

  it("lists at most 10 trackers not read, the rest counted", () => {
    const [base, berlin] = trackers(2);
    const gone = Array.from({ length: 12 }, (_, i) => [`gone-${i + 1}`, `Gone ${i + 1}`, "", ""]);
    const company = companyOver(base, { Berlin: berlin }, gone);
    const answer = menuRefresh(company, "2026-01-14T12:00:00Z");
    // Before: all 12, one line each (200 at most): a dialog taller than the screen.
    expect(answer.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(11);
    expect(answer).toContain("• Gone 10: Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).");
    expect(answer).not.toContain("Gone 11:");
    expect(answer).toContain("• 2 more: the roll-up's Teams table says why.");
  });
});

describe("A team whose tracker is set up ahead of its cycle", () => {
  it("is shown as not started, with its start date, not as week 1 behind with no check-ins", () => {
    const [base, berlin, kolkata] = trackers(3);
    everyoneChecksIn(berlin, "2026-03-12T12:00:00Z", (s, t) => s + 0.7 * (t - s));
    setStart(kolkata, "2026-04-06");
    const company = companyOver(base, { Berlin: berlin, Kolkata: kolkata });
    weeklyRun(company, "2026-03-16T07:00:00Z");
    const row = teamsTable(company).find((r) => r.Team === "Kolkata")!;
    // Before: Week 1, a score of its stay KRs against an expected 0.00, a check-in rate of 0%.
    expect([row.Cycle, row.Week, row.Score, row.Expected, row.Status, row["Check-in rate"]]).toEqual(["Order-to-delivery pilot", "starts 2026-04-06", "", "", "Not started", ""]);
    // Before session 18: "no forecast yet", and named under "Not forecast yet (… fewer than 3 weeks of check-ins …)".
    expect(row["Forecast to miss"]).toBe("none: not started");
    // Its History row has no score either, so its trend starts with its cycle.
    const kept = history(company).filter((r) => r[2] === "Kolkata");
    expect(kept.map((r) => r.slice(0, 6))).toEqual([["10", "2026-03-15", "Kolkata", "", "Not started", "none yet"]]);
  });
});

describe("A team far west of the company", () => {
  it("checking in every Sunday evening, after the company's Monday 07:00 run, counts in the next run, and once only", () => {
    const [base, la, berlin] = trackers(3);
    ss(la).setSpreadsheetTimeZone("America/Los_Angeles");
    ss(berlin).setSpreadsheetTimeZone("Europe/Berlin");
    const company = companyOver(base, { LA: la, Berlin: berlin });
    const rate = () => Object.fromEntries(teamsTable(company).map((r) => [r.Team, r["Check-in rate"]]));
    // Monday 07:00 London is Sunday 23:00 in Los Angeles: LA's Sunday 23:30 check-ins are after each run.
    weeklyRun(company, "2026-01-12T07:00:00Z");
    everyoneChecksIn(la, "2026-01-12T07:30:00Z", (s, t) => s + 0.1 * (t - s)); // Sunday 2026-01-11, 23:30 in LA
    // Berlin checks in on Sunday morning, before the run, in week 2 only.
    everyoneChecksIn(berlin, "2026-01-18T09:00:00Z", (s, t) => s + 0.1 * (t - s));
    weeklyRun(company, "2026-01-19T07:00:00Z");
    // Before: 0%: dated the day before the period, after the run that reported that day.
    expect(rate()).toEqual({ LA: "100%", Berlin: "100%" });
    everyoneChecksIn(la, "2026-01-19T07:30:00Z", (s, t) => s + 0.2 * (t - s)); // Sunday 2026-01-18
    weeklyRun(company, "2026-01-26T07:00:00Z");
    // Berlin's Sunday check-in was in the run of its day: not counted again in the next one.
    expect(rate()).toEqual({ LA: "100%", Berlin: "0%" });
    expect(history(company).map((r) => r.slice(0, 3).concat(r[5]))).toEqual([
      ["Week", "As of", "Team", "Last check-in"],
      ["1", "2026-01-11", "LA", "none yet"],
      ["1", "2026-01-11", "Berlin", "none yet"],
      ["2", "2026-01-18", "LA", "2026-01-11"],
      ["2", "2026-01-18", "Berlin", "2026-01-18"],
      ["3", "2026-01-25", "LA", "2026-01-18"],
      ["3", "2026-01-25", "Berlin", "2026-01-18"],
    ]);
    // The menu's refresh on Wednesday: its 7 days start on Thursday, and no refresh was as of the Wednesday before.
    menuRefresh(company, "2026-01-28T12:00:00Z");
    expect(rate()).toEqual({ LA: "0%", Berlin: "0%" });
  });
});

describe("A Portfolio History written before its Last check-in column", () => {
  it("gets the column's header with the next refresh; its older rows stay blank there and count nothing more", () => {
    const [base, la] = trackers(2);
    ss(la).setSpreadsheetTimeZone("America/Los_Angeles");
    const company = companyOver(base, { LA: la });
    weeklyRun(company, "2026-01-12T07:00:00Z");
    ss(company).getSheetByName("Portfolio History")!.getRange("F1:F2").clearContent(); // as session 14 wrote it
    everyoneChecksIn(la, "2026-01-12T07:30:00Z", (s, t) => s + 0.1 * (t - s)); // Sunday 2026-01-11 in LA
    weeklyRun(company, "2026-01-19T07:00:00Z");
    expect(history(company).map((r) => r.slice(0, 3).concat(r[5]))).toEqual([
      ["Week", "As of", "Team", "Last check-in"],
      ["1", "2026-01-11", "LA", ""],
      ["2", "2026-01-18", "LA", "2026-01-11"],
    ]);
    // What the run of 2026-01-11 saw is not known: LA's check-in of that day is not counted (as before).
    expect(teamsTable(company)[0]["Check-in rate"]).toBe("0%");
  });

  it("a History tab trimmed to its five columns of before gets the sixth: the roll-up does not fail", () => {
    const [base, la] = trackers(2);
    const company = companyOver(base, { LA: la });
    weeklyRun(company, "2026-01-12T07:00:00Z");
    const sheet = ss(company).getSheetByName("Portfolio History")!;
    sheet.getRange("F1:F2").clearContent();
    sheet.deleteColumns(6, sheet.getMaxColumns() - 5); // a tidy head of operations, before the column existed
    // Before: "The coordinates of the range are outside the dimensions of the sheet.", every run.
    expect(weeklyRun(company, "2026-01-19T07:00:00Z").portfolio).toMatchObject({ read: 1 });
    expect(history(company).map((r) => r.slice(0, 3).concat(r[5]))).toEqual([
      ["Week", "As of", "Team", "Last check-in"],
      ["1", "2026-01-11", "LA", ""],
      ["2", "2026-01-18", "LA", "none yet"],
    ]);
  });
});

describe("A team whose cycle ended and was not rolled over", () => {
  it("keeps the score it ended with, is due no check-in, and is named apart from the teams behind or silent", () => {
    const [base, ops, next] = trackers(3);
    setStart(next, "2026-02-02"); // runs to 2026-05-03
    everyoneChecksIn(ops, "2026-03-02T10:00:00Z", (s, t) => s + 0.2 * (t - s));
    everyoneChecksIn(next, "2026-04-15T10:00:00Z", (s, t) => s + 0.6 * (t - s));
    setStart(base, "2026-03-02"); // the company's cycle runs to 2026-05-31
    const company = companyOver(base, { Ops: ops, Next: next });
    const answer = menuRefresh(company, "2026-04-22T12:00:00Z").split("\n");
    const row = teamsTable(company).find((r) => r.Team === "Ops")!;
    // Before: Week 13, a check-in rate of 0%, and "Off track" and "No check-in for more than 14 days" every week until it rolled over.
    expect([row.Week, row["Check-in rate"], row["Last check-in"]]).toEqual(["ended 2026-04-05", "", "2026-03-02"]);
    expect(row.Score).not.toBe("");
    expect(answer).toContain("Cycle ended, not rolled over yet: Ops (ended 2026-04-05).");
    expect(answer.filter((l) => /^(Off track|At risk|No check-in)/.test(l) && l.includes("Ops"))).toEqual([]);
  });

  it("has no KR forecast to miss: its result is final, in the Teams table, not counted in the answer nor the email", () => {
    const [base, ops, next] = trackers(3);
    setStart(next, "2026-02-02"); // runs to 2026-05-03; Ops runs to 2026-04-05
    setStart(base, "2026-03-02"); // the company's cycle runs to 2026-05-31
    // Both crawl through March (a forecast from the third week on); Ops checks in last three days before its end.
    for (const [i, day] of ["2026-03-12", "2026-03-19", "2026-03-26", "2026-04-02"].entries()) {
      for (const team of [ops, next]) everyoneChecksIn(team, `${day}T10:00:00Z`, (s, t) => s + 0.03 * (i + 1) * (t - s));
    }
    const company = companyOver(base, { Ops: ops, Next: next });
    setSetting(company, "Leaders' emails", "head.of.ops@example.com");
    setSetting(company, "Email digest to leaders", "on");
    const answer = menuRefresh(company, "2026-04-08T12:00:00Z").split("\n");
    const rows = Object.fromEntries(teamsTable(company).map((r) => [r.Team, r]));
    const missing = Number(rows.Next["Forecast to miss"]);
    expect(missing).toBeGreaterThan(0);
    // Before: Ops' KRs forecast to miss too, counted with Next's until its forecast went stale (2026-04-17).
    expect([rows.Ops.Week, rows.Ops["Forecast to miss"]]).toEqual(["ended 2026-04-05", "none: cycle ended"]);
    expect(rows.Ops.Score).not.toBe("");
    expect(answer).toContain(`At this pace ${missing} key results end short of their goal: listed under "At this pace" on the roll-up.`);
    const tab = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues().map((r) => r[0]);
    const pace = tab.slice(tab.indexOf("At this pace: key results forecast to miss their goal"), tab.indexOf("Alignment: team objectives under company objectives"));
    expect(pace.filter((c) => c === "Next").length).toBe(missing);
    expect(pace.filter((c) => c === "Ops")).toEqual([]);
    expect(pace).toContain(
      "Not counted, cycle ended and not rolled over yet (its key results ended where they stand: its final score is in the Teams table): Ops (ended 2026-04-05).",
    );
    weeklyRun(company, "2026-04-13T07:00:00Z");
    const m = company.services.mail.sent.at(-1)!;
    expect(m.subject).toMatch(new RegExp(`; teams: ${missing} KRs forecast to miss$`));
    expect(String(m.body)).toContain(`At this pace ${missing} key results in 1 team end short of their goal`);
    expect(String(m.body)).not.toMatch(/^ {4}Ops /m);
  });
});

describe("The company tracker's Monday email outside its own cycle", () => {
  it("after the company cycle's last week still carries the teams' roll-up, and says how to start the next cycle", () => {
    const [base, team] = trackers(2);
    setStart(team, "2026-02-02"); // the team's cycle runs to 2026-05-03, past the company's 2026-04-05
    const company = companyOver(base, { Team: team });
    setSetting(company, "Leaders' emails", "head.of.ops@example.com");
    setSetting(company, "Email digest to leaders", "on");
    setSetting(company, "Remind owners who missed a check-in", "on");
    everyoneChecksIn(team, "2026-04-01T10:00:00Z", (s, t) => s + 0.5 * (t - s));
    expect(weeklyRun(company, "2026-04-06T07:00:00Z")).toMatchObject({ week: 13 });
    const sent = company.services.mail.sent.length;
    everyoneChecksIn(team, "2026-04-15T10:00:00Z", (s, t) => s + 0.6 * (t - s));
    const out = weeklyRun(company, "2026-04-20T07:00:00Z");
    expect(out).toMatchObject({ week: 0, digestTo: ["head.of.ops@example.com"], reminded: [], portfolio: { asOf: "2026-04-19", read: 1 } });
    // Before: nothing sent, every week until the roll over, while the teams went on.
    const mails = company.services.mail.sent.slice(sent);
    expect(mails.map((m) => m.to)).toEqual(["head.of.ops@example.com"]);
    const m = mails[0];
    expect(m.subject).toMatch(/^OKR weekly summary — Order-to-delivery pilot: the cycle ended on 2026-04-05; teams: \d+ KRs forecast to miss$/);
    const body = String(m.body).split("\n");
    expect(body[1]).toBe(
      'The company cycle ended on 2026-04-05 and its last week was reported. To start the next one, choose "Roll over to the next cycle" in the add-on menu (okr-sheets rollover): until then this email carries the teams\' roll-up only, and Portfolio History keeps the cycle\'s weeks as they were.',
    );
    expect(body).toContain("PORTFOLIO: 1 TEAM TRACKER AS OF 2026-04-19");
    expect(body).toContain("  1 of 1 team tracker read; the whole roll-up is on the Portfolio Roll-up tab.");
    expect(m.htmlBody).toContain("Portfolio: 1 team tracker as of 2026-04-19");
    expect(m.htmlBody).toContain("The company cycle ended on 2026-04-05");
    // Admins see that run as what it did, not "did nothing".
    expect(String(callAddon(company, "setWeeklyRefresh", {}).status)).toContain(
      "Last weekly refresh: 2026-04-20 08:00 (Europe/London), the teams' roll-up only, emailed to 1 leader: the cycle ended on 2026-04-05 and its last week was reported; roll over to start the next cycle.",
    );
  });

  it("a roll-up that failed, mailed when the day's quota runs out: the run's failure does not say the roll-up was written", () => {
    const [base, team] = trackers(2);
    const company = companyOver(base, { Team: team });
    // 101 leaders: the day's 100 recipients carry all but one. A tab of the user's named Portfolio History fails the roll-up.
    setSetting(company, "Leaders' emails", Array.from({ length: 101 }, (_, i) => `leader${i}@example.com`).join(", "));
    setSetting(company, "Email digest to leaders", "on");
    ss(company).insertSheet("Portfolio History").getRange("A1").setValue("My notes");
    company.services.clock.set(new Date("2026-04-20T07:00:00Z"));
    expect(() => fireTrigger(company, refreshTriggersOf(company)[0])).toThrow(/quota ran out/);
    const status = String(callAddon(company, "setWeeklyRefresh", {}).status);
    expect(status).toMatch(/failed: Google's daily email quota ran out: nothing was sent to leader100@example\.com\. The portfolio roll-up was not refreshed; the emails go out again with next week's refresh\.$/);
    expect(company.services.mail.sent.at(-1)!.body).toContain("The roll-up was not refreshed");
  });

  it("before the company cycle's start carries the teams' roll-up too, saying when it starts", () => {
    const [base, team] = trackers(2);
    const company = companyOver(base, { Team: team });
    setStart(company, "2026-02-02");
    setSetting(company, "Leaders' emails", "head.of.ops@example.com");
    setSetting(company, "Email digest to leaders", "on");
    everyoneChecksIn(team, "2026-01-08T10:00:00Z", (s, t) => s + 0.1 * (t - s));
    expect(weeklyRun(company, "2026-01-12T07:00:00Z")).toMatchObject({ week: 0, digestTo: ["head.of.ops@example.com"] });
    const m = company.services.mail.sent.at(-1)!;
    // One week of check-ins: no forecast yet (session 21; before, "none forecast to miss").
    expect(m.subject).toBe("OKR weekly summary — Order-to-delivery pilot: the cycle starts on 2026-02-02; teams: none forecast yet");
    expect(String(m.body).split("\n")[1]).toBe("The company cycle starts on 2026-02-02; its own weekly summary begins once its first week has been checked in. Until then this email carries the teams' roll-up only.");
    // The roll-up is in no week of the company cycle: no History row (before: "week 1" rows dated before the cycle).
    expect(history(company)).toEqual([["Week", "As of", "Team", "Score", "Status", "Last check-in"]]);
    expect(ss(company).getSheetByName("Portfolio Roll-up")!.getRange("A2").getDisplayValue()).toBe(
      "As of 2026-01-11 · before the cycle's start (it starts on 2026-02-02; no History row written) · 1 of 1 team tracker read",
    );
    expect(menuRefresh(company, "2026-01-14T12:00:00Z")).toMatch(/^Before the cycle's start \(it starts on 2026-02-02; no History row written\): 1 of 1 team tracker read;/);
    expect(history(company)).toHaveLength(1);
  });
});

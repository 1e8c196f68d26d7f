// The weekly refresh reports the period that ended the day before it runs (docs/summary.md "Weekly automatic
// refresh"), through the BUILT add-on (run `npm run build` first), its trigger run as Apps Script runs it
// (support/rhythm.ts fireTrigger: as its owner, no active spreadsheet) at 07:00 on the check-in weekday.
// Until session 13 the refresh was as of its own day: a team checking in on that weekday after 07:00 was in no
// refresh's period (listed missing and reminded every week, its blockers in no summary), and Monday's "Week 2"
// reported week 1.
import { types } from "node:util";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, openTracker, requestId, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers, weeklyQuestion } from "../support/rhythm";
import { workbookFromSnapshot } from "../../src/local/runtime";
import { newScriptProject } from "../../src/local/snapshot";
import { addDays } from "../../src/core/dates";

const START = "2026-01-05"; // a Monday; 13 weeks, to Sunday 2026-04-05
const ADMIN = "ops.lead@example.com"; // RHYTHM_ADMIN too
const LEADER = "boss@example.com";

/** Every KR's ID and owner, in tracker order. */
const krsOf = (wb: Workbook) =>
  rowsOf(wb, "Key Results").map((k) => ({ id: String(k.ID), owner: String(k.Owner), start: Number(k.Start), target: Number(k.Target) }));

/** A check-in as its KR's owner at `at` (an instant: the tracker is in Etc/UTC). */
function checkIn(wb: Workbook, at: string, krId: string, value: number, extra: Record<string, unknown> = {}) {
  wb.services.clock.set(new Date(at));
  const owner = krsOf(wb).find((k) => k.id === krId)!.owner;
  wb.services.session.setUser(owner);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 7, ...extra });
  wb.services.session.setUser(ADMIN);
  if (!r.ok) throw new Error(r.message);
}

/** Every KR checks in at `at`, `part` of the way from its start to its target (rounded to 2 decimals). */
function everyoneChecksIn(wb: Workbook, at: string, part: number, extra: (id: string) => Record<string, unknown> = () => ({})) {
  for (const k of krsOf(wb)) checkIn(wb, at, k.id, valueAt(k, part), extra(k.id));
}
const valueAt = (k: { start: number; target: number }, part: number) => Math.round((k.start + part * (k.target - k.start)) * 100) / 100;

/** The trigger's run at `at` (an instant), as Apps Script runs it. */
function refreshAt(wb: Workbook, at: string) {
  wb.services.clock.set(new Date(at));
  const [t] = refreshTriggersOf(wb);
  const r = fireTrigger(wb, t);
  if (!r.ok) throw new Error(r.message);
  return r.outcome;
}

/** The Weekly Summary's cells as text, one line per row (cells joined by " | "). */
function summaryLines(wb: Workbook): string[] {
  const sh = ss(wb).getSheetByName("Weekly Summary")!;
  return sh
    .getDataRange()
    .getDisplayValues()
    .map((r) => r.filter((c) => c !== "").join(" | "));
}

/** The rows of a summary section, from its heading to the next blank line. */
function section(wb: Workbook, heading: string): string[] {
  const lines = summaryLines(wb);
  const at = lines.findIndex((l) => l.startsWith(heading));
  if (at < 0) throw new Error(`no "${heading}" on the Weekly Summary`);
  const end = lines.findIndex((l, i) => i > at && l === "");
  return lines.slice(at + 1, end < 0 ? undefined : end).filter((l) => !l.startsWith("ID | "));
}

/** The Overall section's values by its header (`Period`: "2026-01-12 to 2026-01-18"). */
function overall(wb: Workbook): Record<string, string> {
  const [header, values] = section(wb, "Overall").map((l) => l.split(" | "));
  return Object.fromEntries(header.map((h, i) => [h, values[i]]));
}

/** A History date cell as YYYY-MM-DD (the cell holds a date). */
const day = (v: unknown) => (types.isDate(v) ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function tracker(opts: { reminders?: boolean; digest?: boolean } = {}): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  setSetting(wb, "Leaders' emails", LEADER);
  if (opts.digest) setSetting(wb, "Email digest to leaders", "on");
  if (opts.reminders !== false) setSetting(wb, "Remind owners who missed a check-in", "on");
  setToday(wb, START);
  expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, weekday: "Monday", hour: 7 });
  return wb;
}

const docProps = (wb: Workbook) => (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
const checkpoints = (wb: Workbook): { week: number; lastRow?: number }[] => JSON.parse(docProps(wb).getProperty("okrSheets.summaryCheckpoints") || "[]");

const reminders = (wb: Workbook) => wb.services.mail.sent.filter((m) => m.to !== LEADER);

describe("The refresh reports the week that ended the day before it runs", () => {
  it("a team checking in on Mondays after 07:00 (the check-in weekday) is never missing nor reminded, and its blockers are reported", () => {
    const wb = tracker({ digest: true });
    const n = krsOf(wb).length;
    // Week 1's check-ins on its Monday at 10:00, after that day's 07:00 refresh.
    everyoneChecksIn(wb, "2026-01-05T10:00:00Z", 0.1, (id) => (id === "O1.KR1" ? { blockers: "Carrier contract unsigned" } : {}));
    const w1 = refreshAt(wb, "2026-01-12T07:00:00Z");
    expect(w1, "Monday 2026-01-12's refresh reports week 1 (2026-01-05..2026-01-11)").toMatchObject({ week: 1, reminded: [], digestTo: [LEADER] });
    // Before: week 2 as of 2026-01-12, every KR missing (its check-in was 7 days before), 5 owners reminded.
    expect(summaryLines(wb)[1]).toContain("Week 1 of 13 · as of 2026-01-11");
    expect(section(wb, "Missing check-ins")).toEqual(["None — every key result has checked in this period."]);
    expect(section(wb, "Blockers reported this week").join("\n")).toContain("Carrier contract unsigned");
    expect(reminders(wb)).toHaveLength(0);
    expect(wb.services.mail.sent[0].subject).toContain("week 1 of 13");
    const h1 = rowsOf(wb, "History");
    expect(h1).toHaveLength(n);
    expect(h1.every((h) => h.Week === 1 && day(h["As of"]) === "2026-01-11")).toBe(true);

    // Week 2: the same team, the same habit.
    everyoneChecksIn(wb, "2026-01-12T10:00:00Z", 0.2);
    const w2 = refreshAt(wb, "2026-01-19T07:00:00Z");
    expect(w2).toMatchObject({ week: 2, reminded: [] });
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-18");
    expect(section(wb, "Missing check-ins")).toEqual(["None — every key result has checked in this period."]);
    expect(reminders(wb)).toHaveLength(0);
    const h2 = rowsOf(wb, "History").filter((h) => h.Week === 2);
    expect(h2).toHaveLength(n);
    expect(h2.find((h) => h["KR ID"] === "O1.KR1")!.Value, "week 2's value is its own check-in's").toBe(valueAt(krsOf(wb)[0], 0.2));
  });

  it("the week's label matches its data: a check-in of week 2 shows in Week 2, not in the summary labelled Week 3", () => {
    const wb = tracker({ reminders: false });
    checkIn(wb, "2026-01-14T12:00:00Z", "O1.KR1", 86); // Wednesday of week 2
    refreshAt(wb, "2026-01-19T07:00:00Z");
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-18");
    const row = rowsOf(wb, "History").find((h) => h["KR ID"] === "O1.KR1")!;
    expect(row).toMatchObject({ Week: 2, Value: 86 });
    const trend = ss(wb).getSheetByName("Weekly Trend")!.getDataRange().getValues();
    const header = trend[1].map(String);
    const kr = trend.find((r) => r[0] === "O1.KR1")!;
    expect(kr[header.indexOf("Week 2")], "the Weekly Trend's Week 2 holds week 2's value").toBe(86);
  });

  it("a check-in made on Monday before the 07:00 run (dated Monday) is outside that run's week and inside the next one's", () => {
    const wb = tracker();
    everyoneChecksIn(wb, "2026-01-05T10:00:00Z", 0.1);
    refreshAt(wb, "2026-01-12T07:00:00Z"); // week 1, whose checkpoint the next summaries may read the log from
    everyoneChecksIn(wb, "2026-01-12T10:00:00Z", 0.2);
    // Monday 2026-01-19 06:30: O1.KR1 checks in (dated 2026-01-19, week 3), half an hour before week 2's refresh.
    checkIn(wb, "2026-01-19T06:30:00Z", "O1.KR1", 91, { whatChanged: "New route planner live", blockers: "Depot B not migrated" });
    const forecastOf = (id: string) => {
      const kr = rowsOf(wb, "Key Results").find((k) => k.ID === id)!;
      return [kr.Forecast, kr["Forecast score"], kr["Weeks to target"]];
    };
    const written = forecastOf("O1.KR1");
    expect(typeof written[0], "the check-in forecasts from weeks 1, 2 and its own").toBe("number");
    refreshAt(wb, "2026-01-19T07:00:00Z");
    // The refresh's forecast is as of Sunday, without this check-in: the check-in's cells are kept (they were
    // overwritten with "not enough check-ins", weeks 1-2 only, until the KR's next check-in or summary).
    expect(forecastOf("O1.KR1")).toEqual(written);
    expect(forecastOf("O1.KR2")[0], "the other KRs' cells are the refresh's").toBe("not enough check-ins to forecast yet");
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-18");
    expect(rowsOf(wb, "History").find((h) => h.Week === 2 && h["KR ID"] === "O1.KR1")!.Value, "week 2 ends before Monday's check-in").toBe(valueAt(krsOf(wb)[0], 0.2));
    expect(section(wb, "Blockers reported this week").join("\n")).not.toContain("Depot B");
    // The others check in on Monday 2026-01-19 after the run; O1.KR1 did already, at 06:30.
    for (const k of krsOf(wb)) if (k.id !== "O1.KR1") checkIn(wb, "2026-01-19T10:00:00Z", k.id, valueAt(k, 0.3));
    const sent = wb.services.mail.sent.length;
    const w3 = refreshAt(wb, "2026-01-26T07:00:00Z");
    expect(w3).toMatchObject({ week: 3, reminded: [] });
    expect(wb.services.mail.sent.length - sent, "no reminder: everyone checked in in week 3").toBe(0);
    expect(summaryLines(wb)[1]).toContain("Week 3 of 13 · as of 2026-01-25");
    expect(section(wb, "Missing check-ins")).toEqual(["None — every key result has checked in this period."]);
    expect(section(wb, "Blockers reported this week").join("\n")).toContain("Depot B not migrated");
    const row = rowsOf(wb, "History").find((h) => h.Week === 3 && h["KR ID"] === "O1.KR1")!;
    expect(row).toMatchObject({ Value: 91, "What changed": "New route planner live", Blockers: "Depot B not migrated" });
    expect(day(row["Last check-in"])).toBe("2026-01-19");
    // Week 2's refresh read a row dated after its day, so it recorded where its History rows are but no
    // checkpoint to read the log from; week 3's read the log from week 1's. The same as the whole log gives:
    const kinds = checkpoints(wb).map((c) => [c.week, typeof c.lastRow === "number"]);
    expect(kinds).toEqual([[1, true], [2, false], [3, true]]);
    const whole = openTracker(wb.services.toSnapshot(), { at: "2026-01-25", user: ADMIN });
    docProps(whole).deleteAllProperties();
    expect(callAddon(whole, "generateWeeklySummary", {})).toMatchObject({ ok: true, week: 3 });
    expect(summaryLines(whole).slice(2), "the whole log's summary").toEqual(summaryLines(wb).slice(2));
    expect(rowsOf(whole, "History")).toEqual(rowsOf(wb, "History"));
  });

  it("a manual summary on Monday afternoon (as of Monday) and the next Monday's refresh (as of Sunday) write that week's History rows once", () => {
    const wb = tracker({ reminders: false });
    const n = krsOf(wb).length;
    refreshAt(wb, "2026-01-12T07:00:00Z"); // week 1
    checkIn(wb, "2026-01-12T10:00:00Z", "O1.KR1", 85);
    setToday(wb, "2026-01-12");
    expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true, week: 2 }); // the menu: as of today
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-12");
    checkIn(wb, "2026-01-15T10:00:00Z", "O1.KR1", 87);
    refreshAt(wb, "2026-01-19T07:00:00Z");
    const hist = rowsOf(wb, "History");
    expect(hist.filter((h) => h.Week === 1)).toHaveLength(n);
    const w2 = hist.filter((h) => h.Week === 2);
    expect(w2, "week 2's rows replaced, not duplicated").toHaveLength(n);
    expect(w2.every((h) => day(h["As of"]) === "2026-01-18")).toBe(true);
    expect(w2.find((h) => h["KR ID"] === "O1.KR1")!.Value).toBe(87);
  });

  it("fortnightly: the refresh reports the 14 days to Sunday, so a Monday check-in two weeks before is inside", () => {
    const wb = tracker();
    setSetting(wb, "Check-in cadence", "fortnightly");
    everyoneChecksIn(wb, "2026-01-05T10:00:00Z", 0.1);
    const r = refreshAt(wb, "2026-01-19T07:00:00Z");
    // Before: as of 2026-01-19, the 14 days 01-06..01-19, every KR missing.
    expect(r).toMatchObject({ week: 2, reminded: [] });
        expect(overall(wb).Period).toBe("2026-01-05 to 2026-01-18");
    expect(section(wb, "Missing check-ins")).toEqual(["None — every key result has checked in this period."]);
  });

  it("the refresh the Monday after the cycle's last week reports that whole week", () => {
    const wb = tracker();
    everyoneChecksIn(wb, "2026-03-30T10:00:00Z", 0.9); // Monday of week 13
    const r = refreshAt(wb, "2026-04-06T07:00:00Z");
    expect(r).toMatchObject({ week: 13, reminded: [] });
    expect(summaryLines(wb)[1]).toContain("Week 13 of 13 · as of 2026-04-05");
    expect(section(wb, "Missing check-ins")).toEqual(["None — every key result has checked in this period."]);
  });

  it("a refresh a week after the final summary does nothing: no week 13 again, nobody reminded", () => {
    const wb = tracker({ digest: true });
    checkIn(wb, "2026-03-30T10:00:00Z", "O1.KR1", 86);
    expect(refreshAt(wb, "2026-04-06T07:00:00Z")).toMatchObject({ week: 13 });
    // The final summary, once check-ins for the last week closed (rhythmCycleEnd.test.ts).
    expect(refreshAt(wb, "2026-04-13T07:00:00Z")).toMatchObject({ week: 13, asOf: "2026-04-12", reminded: [] });
    const sent = wb.services.mail.sent.length;
    const history = rowsOf(wb, "History").length;
    const summary = summaryLines(wb);
    // Before session 13: as of 2026-04-12, "week 13" again, every KR missing and every owner reminded, week after week until a roll over.
    expect(refreshAt(wb, "2026-04-20T07:00:00Z")).toMatchObject({ week: 0, digestTo: [], reminded: [] });
    expect(wb.services.mail.sent).toHaveLength(sent);
    expect(rowsOf(wb, "History")).toHaveLength(history);
    expect(summaryLines(wb)).toEqual(summary);
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain(
      "did nothing: the cycle ended on 2026-04-05 and its last week was reported; roll over to start the next cycle.",
    );
  });

  it("owners who missed the week just ended are reminded of that week, by its dates", () => {
    const wb = tracker();
    checkIn(wb, "2026-01-14T10:00:00Z", "O1.KR1", 86);
    const r = refreshAt(wb, "2026-01-19T07:00:00Z");
    expect(r.reminded.length).toBeGreaterThan(0);
    const planning = reminders(wb).find((m) => m.to === "planning.lead@example.com")!;
    expect(planning.subject).toBe("Check-in reminder — Order-to-delivery pilot: 2 key results without a check-in from 2026-01-12 to 2026-01-18");
    expect(planning.body).toContain("No check-in from 2026-01-12 to 2026-01-18 (week 2 of 13)");
    expect(reminders(wb).map((m) => m.to)).not.toContain("dispatch.lead@example.com");
  });
});

describe("The forecast of a refreshed tracker", () => {
  it("the Monday refresh (History as of Sundays) forecasts what the last Thursday check-in forecast, with nothing new since", () => {
    const wb = tracker({ reminders: false });
    const forecastOf = () => {
      const kr = rowsOf(wb, "Key Results").find((k) => k.ID === "O1.KR1")!;
      return [kr.Forecast, kr["Forecast score"], kr["Weeks to target"]];
    };
    const values = [83, 84.5, 85, 86.5, 87.5];
    values.forEach((v, i) => {
      checkIn(wb, `${addDays("2026-01-08", 7 * i)}T15:00:00Z`, "O1.KR1", v); // Thursdays of weeks 1-5
      if (i < values.length - 1) refreshAt(wb, `${addDays("2026-01-12", 7 * i)}T07:00:00Z`);
    });
    expect(rowsOf(wb, "History").filter((h) => h["KR ID"] === "O1.KR1").map((h) => [h.Week, day(h["As of"]), h.Value])).toEqual([
      [1, "2026-01-11", 83],
      [2, "2026-01-18", 84.5],
      [3, "2026-01-25", 85],
      [4, "2026-02-01", 86.5],
    ]);
    const checkedIn = forecastOf();
    expect(checkedIn[0], "the check-in forecasts (4 weeks of values)").not.toBe("");
    refreshAt(wb, "2026-02-09T07:00:00Z"); // week 5, as of Sunday 2026-02-08
    expect(forecastOf()).toEqual(checkedIn);
  });
});

/** A company tracker (from `base`) whose Portfolio tab lists `teamWb`'s tracker, its weekly refresh on. */
function companyOver(base: Workbook, teamWb: Workbook): Workbook {
  const team = teamWb.services.toSnapshot();
  const company = workbookFromSnapshot("/nonexistent/company.xlsx", base.services.toSnapshot(), {
    at: START,
    user: ADMIN,
    project: newScriptProject(),
    workbooks: (ref) => (ref === team.id ? team : undefined),
  });
  ss(company).insertSheet("Portfolio").getRange(1, 1, 2, 4).setValues([["Tracker", "Team", "Weight", "Notes"], [team.id, "Two", "", ""]]);
  expect(callAddon(company, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true });
  return company;
}

describe("A company tracker's refresh", () => {
  it("rolls its teams up as of the same day: a team checking in on Mondays after 07:00 has checked in", () => {
    const [base, teamWb] = trackers(2);
    everyoneChecksIn(teamWb, "2026-01-05T10:00:00Z", 0.1);
    const company = companyOver(base, teamWb);
    const out = refreshAt(company, "2026-01-12T07:00:00Z");
    expect(out).toMatchObject({ week: 1, portfolio: { asOf: "2026-01-11", week: 1, read: 1, pending: 0 } });
    const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getValues();
    const h = values.findIndex((r) => r.includes("Check-in rate") && r.includes("Team"));
    const row = values.slice(h + 1).find((r) => r[values[h].indexOf("Team")] === "Two")!;
    // Before: as of 2026-01-12, the team's check-ins of 2026-01-05 were 7 days old: a rate of 0.
    expect(row[values[h].indexOf("Check-in rate")]).toBe(1);
  });

  it("after its own cycle ended still refreshes the roll-up of its teams (their cycles go on) though it writes no summary and sends nothing", () => {
    const [base, teamWb] = trackers(2);
    setSetting(teamWb, "Start date", "2026-02-02"); // the team's cycle runs to 2026-05-03
    everyoneChecksIn(teamWb, "2026-04-14T10:00:00Z", 0.5);
    const company = companyOver(base, teamWb);
    // Its cycle's last day is 2026-04-05; a week after the run that reported it, the roll-up was left stale.
    const out = refreshAt(company, "2026-04-20T07:00:00Z");
    expect(out).toMatchObject({ week: 0, digestTo: [], reminded: [], portfolio: { asOf: "2026-04-19", read: 1, pending: 0 } });
    expect(ss(company).getSheetByName("Weekly Summary")).toBeNull();
    // Its digest is off: the run rolled the teams up and sent nothing (portfolioCycle.test.ts: the digest on).
    expect(callAddon(company, "setWeeklyRefresh", {}).status).toContain("the teams' roll-up only: the cycle ended on 2026-04-05");
  });
});

describe("The refresh on the cycle's first day", () => {
  it("has no week to report yet: it writes and sends nothing and says so in the menu's last run", () => {
    const wb = tracker({ digest: true });
    const out = refreshAt(wb, "2026-01-05T07:00:00Z");
    expect(out).toMatchObject({ week: 0, digestTo: [], reminded: [] });
    expect(wb.services.mail.sent).toHaveLength(0);
    expect(ss(wb).getSheetByName("Weekly Summary")).toBeNull();
    expect(rowsOf(wb, "History")).toHaveLength(0);
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain(
      "Last weekly refresh: 2026-01-05 07:00 (Etc/UTC), did nothing: the cycle starts on 2026-01-05, so no week of it has ended yet.",
    );
  });
});

describe("sendWeeklyEmailsNow (the script editor's entry point)", () => {
  it("does what the trigger does: as of yesterday, while the menu's summary is as of today", () => {
    const wb = tracker({ reminders: false });
    checkIn(wb, "2026-01-14T10:00:00Z", "O1.KR1", 86); // Wednesday
    wb.services.clock.set(new Date("2026-01-14T16:00:00Z"));
    expect(callAddon(wb, "sendWeeklyEmailsNow", {})).toMatchObject({ ok: true, outcome: { week: 2 } });
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-13");
    expect(section(wb, "Missing check-ins").join("\n"), "Wednesday's check-in is after Tuesday").toContain("O1.KR1");
    expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true, week: 2 });
    expect(summaryLines(wb)[1]).toContain("Week 2 of 13 · as of 2026-01-14");
    expect(section(wb, "Missing check-ins").join("\n")).not.toContain("O1.KR1");
  });
});

describe("What the tracker says of the refresh", () => {
  it("the Settings note of Check-in weekday and the refresh's status say it reports the week to the day before", () => {
    const wb = tracker({ reminders: false });
    const row = ss(wb).getSheetByName("Settings")!.getDataRange().getValues().find((r) => r[0] === "Check-in weekday")!;
    // Before: "Day of the automatic weekly refresh." (nothing said which days a run reports).
    // Session 19: "(07:00)" said the hour's start, while Google runs it at a minute of its choosing within the hour.
    expect(row[2]).toBe("Day of the automatic weekly refresh (between 07:00 and 08:00: Google picks the minute). It reports the week to the day before (on Monday: Monday to Sunday just ended), so this day's check-ins count in the next one.");
    expect(callAddon(wb, "setWeeklyRefresh", {})).toMatchObject({ reports: ", reporting the week to Sunday" });
    expect(callAddon(wb, "setWeeklyRefresh", {}).status).toContain("every Monday between 07:00 and 08:00 (Etc/UTC), reporting the week to Sunday.");
    setSetting(wb, "Check-in cadence", "fortnightly");
    setSetting(wb, "Check-in weekday", "Wednesday");
    expect(callAddon(wb, "setWeeklyRefresh", { on: true }).status).toContain("every Wednesday between 07:00 and 08:00 (Etc/UTC), reporting the fortnight to Tuesday.");
    // The menu's question before turning it on says it too.
    setSetting(wb, "Check-in cadence", "weekly");
    expect(weeklyQuestion(wb)).toContain(
      "Regenerate the Weekly Summary automatically every Wednesday (the Settings check-in weekday) between 07:00 and 08:00 Etc/UTC time, reporting the week to Tuesday (and send the emails turned on in Settings)?",
    );
  });
});

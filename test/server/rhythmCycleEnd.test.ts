// The weekly refresh after the cycle's last day (docs/summary.md "The weekly refresh's D", src/server/
// refreshCycleEnd.ts), through the BUILT add-on (run `npm run build` first), its trigger run as Apps Script runs
// it (support/rhythm.ts fireTrigger). Check-ins are taken for the 7 days after the last day, for the last
// week's figures (docs/checkins.md "The week after the cycle"); until session 20 the refresh's run after them did
// nothing, so those figures reached no refresh: only "Generate weekly summary" or the close showed them.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { newTracker, requestId, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";
import type { SentMail } from "../../src/local/sheets/services";

const START = "2026-01-05"; // a Monday; 13 weeks, to Sunday 2026-04-05; check-ins taken until 2026-04-12
const ADMIN = "ops.lead@example.com";
const LEADER = "boss@example.com";

const krsOf = (wb: Workbook) => rowsOf(wb, "Key Results").map((k) => ({ id: String(k.ID), owner: String(k.Owner), start: Number(k.Start), target: Number(k.Target) }));

/** A check-in as its KR's owner at `at` (an instant: the tracker is in Etc/UTC). */
function checkIn(wb: Workbook, at: string, krId: string, value: number) {
  wb.services.clock.set(new Date(at));
  const owner = krsOf(wb).find((k) => k.id === krId)!.owner;
  wb.services.session.setUser(owner);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 7 });
  wb.services.session.setUser(ADMIN);
  if (!r.ok) throw new Error(r.message);
}

/** Every KR but `except` checks in at `at`, half way from its start to its target. */
function checkInAllBut(wb: Workbook, at: string, except: string) {
  for (const k of krsOf(wb)) if (k.id !== except) checkIn(wb, at, k.id, Math.round((k.start + 0.5 * (k.target - k.start)) * 100) / 100);
}

/** The trigger's run at `at` (an instant), as Apps Script runs it; the mail it sent. */
function refreshAt(wb: Workbook, at: string): Record<string, unknown> & { mail: SentMail[] } {
  const before = wb.services.mail.sent.length;
  wb.services.clock.set(new Date(at));
  const r = fireTrigger(wb, refreshTriggersOf(wb)[0]);
  if (!r.ok) throw new Error(r.message);
  return { ...r.outcome, mail: wb.services.mail.sent.slice(before) };
}

const summaryText = (wb: Workbook) =>
  ss(wb)
    .getSheetByName("Weekly Summary")!
    .getDataRange()
    .getDisplayValues()
    .map((r) => r.filter((c) => c !== "").join(" | "));

const status = (wb: Workbook) => String(callAddon(wb, "setWeeklyRefresh", {}).status);

/** The operations tracker, digest and reminders on, its refresh on `weekday` (turned on at the start). */
function tracker(weekday = "Monday"): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  setSetting(wb, "Leaders' emails", LEADER);
  setSetting(wb, "Email digest to leaders", "on");
  setSetting(wb, "Remind owners who missed a check-in", "on");
  setSetting(wb, "Check-in weekday", weekday);
  expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true, on: true, weekday });
  return wb;
}

describe("The weekly refresh after the cycle's last day", () => {
  it("Monday: the run after the week of late check-ins writes the final summary with them, mails it as final and reminds no one; then nothing", () => {
    const wb = tracker();
    const late = krsOf(wb)[0];
    checkInAllBut(wb, "2026-03-31T10:00:00Z", late.id);
    const w13 = refreshAt(wb, "2026-04-06T07:00:00Z");
    expect(w13).toMatchObject({ week: 13, asOf: "2026-04-05" });
    // Its owner is reminded of the last week, and told until when the figure is still taken.
    const reminder = w13.mail.find((m) => m.to !== LEADER && String(m.body).includes(late.id))!;
    expect(reminder.body).toContain("Please check in from the OKR add-on's Check in sidebar by 2026-04-12, when check-ins for the cycle's last week close.");
    expect(reminder.htmlBody).toContain("by 2026-04-12, when check-ins for the cycle&#39;s last week close.");
    setToday(wb, "2026-04-07");
    expect(status(wb)).toContain(
      "The cycle ended on 2026-04-05; check-ins stay open until 2026-04-12 for its last week's figures, and the refresh's first run after that writes the final summary, as of 2026-04-12.",
    );
    checkIn(wb, "2026-04-08T09:00:00Z", late.id, late.target); // the last week's figure, in the week after
    // Before: "did nothing: the cycle ended on 2026-04-05 and its last week was reported", the late figure in no refresh.
    const final = refreshAt(wb, "2026-04-13T07:00:00Z");
    expect(final).toMatchObject({ week: 13, asOf: "2026-04-12", digestTo: [LEADER], reminded: [] });
    expect(final.mail.map((m) => m.to)).toEqual([LEADER]);
    expect(final.mail[0].subject).toMatch(/^OKR weekly summary — .*, week 13 of 13 \(final\): /);
    expect(w13.mail.find((m) => m.to === LEADER)!.subject, "the digest of the last day is not final").not.toContain("(final)");
    const text = summaryText(wb);
    expect(text.some((l) => l.includes("Week 13 of 13 · as of 2026-04-12"))).toBe(true);
    expect(text.join("\n")).toContain("Missing check-ins: no check-in from 2026-03-30 to 2026-04-12\nID | Key result | Owner | Last check-in\nNone — every key result has checked in this period.");
    expect(text, "in the past tense").toContain("Needs attention: off track, at risk or missed");
    const history = rowsOf(wb, "History").filter((h) => h["KR ID"] === late.id && h.Week === 13);
    expect(history.map((h) => h.Value)).toEqual([late.target]);
    setToday(wb, "2026-04-14");
    expect(status(wb)).toContain(
      'The cycle ended on 2026-04-05 and its final summary, as of 2026-04-12, was written: the refresh does nothing more until "Roll over to the next cycle" starts the next one.',
    );
    const after = refreshAt(wb, "2026-04-20T07:00:00Z");
    expect(after).toMatchObject({ week: 0, digestTo: [], reminded: [], mail: [] });
    expect(status(wb)).toContain("did nothing: the cycle ended on 2026-04-05 and its last week was reported; roll over to start the next cycle.");
  });

  it("Wednesday: the run in the week of late check-ins reports as of its day, past tense, reminding who still misses the figure; the next one is the final", () => {
    const wb = tracker("Wednesday");
    const late = krsOf(wb)[0];
    checkInAllBut(wb, "2026-03-31T10:00:00Z", late.id);
    const inWeek = refreshAt(wb, "2026-04-08T07:00:00Z");
    expect(inWeek).toMatchObject({ week: 13, asOf: "2026-04-07" });
    expect(summaryText(wb).some((l) => l.includes("Week 13 of 13 · as of 2026-04-07"))).toBe(true);
    const reminded = inWeek.mail.filter((m) => m.to !== LEADER);
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((m) => String(m.body).includes("No check-in from 2026-03-30 to 2026-04-07 (week 13 of 13)"))).toBe(true);
    expect(reminded.every((m) => String(m.body).includes("by 2026-04-12, when check-ins for the cycle's last week close"))).toBe(true);
    checkIn(wb, "2026-04-10T09:00:00Z", late.id, late.target);
    // Before: as of 2026-04-14 "did nothing", the figure of 2026-04-10 in no refresh.
    const final = refreshAt(wb, "2026-04-15T07:00:00Z");
    expect(final).toMatchObject({ week: 13, asOf: "2026-04-12", digestTo: [LEADER], reminded: [] });
    expect(summaryText(wb).join("\n")).toContain("None — every key result has checked in this period.");
    expect(refreshAt(wb, "2026-04-22T07:00:00Z")).toMatchObject({ week: 0, mail: [] });
  });

  it("an admin's run now of the final summary is not repeated by the trigger's run of another day", () => {
    const wb = tracker("Wednesday");
    setToday(wb, "2026-04-14"); // Tuesday: as of Monday, past the close of check-ins: the final summary
    expect(callAddon(wb, "sendWeeklyEmailsNow", {})).toMatchObject({ ok: true, outcome: { week: 13, asOf: "2026-04-12", digestTo: [LEADER] } });
    const run = refreshAt(wb, "2026-04-15T07:00:00Z");
    expect(run).toMatchObject({ week: 0, mail: [] });
    expect(status(wb)).toContain(`did nothing: this week's refresh (as of 2026-04-12) was run now by ${ADMIN} at 2026-04-14 12:00.`);
  });
});

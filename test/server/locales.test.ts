// Check-ins typed as people in other locales type them, through the BUILT add-on (run `npm run build`
// first) on the offline spreadsheet: a Japanese input method's full-width digits, and a currency written
// the local way on a KR measured in it.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, callAddonRaw, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { OPERATIONS_OWNER } from "../support/summaryTab";

const START = "2026-01-05";

function trackerIn(locale: string): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START });
  ss(wb).setSpreadsheetLocale(locale);
  setToday(wb, "2026-01-13");
  return wb;
}

function checkIn(wb: Workbook, krId: string, value: string) {
  wb.services.session.setUser(OPERATIONS_OWNER[krId]);
  return callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6, confirmed: true });
}

const current = (wb: Workbook, krId: string) => rowsOf(wb, "Key Results").find((r) => r.ID === krId)!.Current;

describe("a ja_JP tracker: the input method's full-width forms", () => {
  it("full-width digits, separators, percent sign and space read as the number typed", () => {
    const wb = trackerIn("ja_JP");
    // Before: each was refused with "Enter a number, using digits only (for example 3.5)."
    expect(checkIn(wb, "O1.KR2", "８．５")).toMatchObject({ ok: true });
    expect(current(wb, "O1.KR2")).toBe(8.5);
    expect(checkIn(wb, "O2.KR1", "４，５％")).toMatchObject({ ok: true }); // a % KR: the number in front of the sign
    expect(current(wb, "O2.KR1")).toBe(4.5);
    expect(checkIn(wb, "O1.KR1", "８３　％")).toMatchObject({ ok: true }); // the ideographic space
    expect(current(wb, "O1.KR1")).toBe(83);
    expect(checkIn(wb, "O1.KR2", "８．５ｘ")).toMatchObject({ ok: false }); // a unit that is not the KR's is still refused
  });

  it("de_DE: a full-width '１．２３４' is as ambiguous as '1.234' (the locale is asked for it too)", () => {
    const wb = trackerIn("de_DE");
    const r = checkIn(wb, "O1.KR2", "１．２３４");
    expect(r).toMatchObject({ ok: false });
    expect(JSON.stringify(r)).toContain("is ambiguous");
  });
});

describe("a currency written the local way on a KR measured in it", () => {
  /** O3.KR1 (cost per unit, 42 → 36) measured in `unit` instead of EUR. */
  function costIn(locale: string, unit: string): Workbook {
    const wb = trackerIn(locale);
    const row = rowsOf(wb, "Key Results").findIndex((r) => r.ID === "O3.KR1") + 2;
    ss(wb).getSheetByName("Key Results")!.getRange(`F${row}`).setValue(unit);
    return wb;
  }

  it("en_IN: ₹ and Rs on a KR in INR", () => {
    const wb = costIn("en_IN", "INR");
    // Before: "Leave out the unit: type the number only (this key result is measured in "INR")."
    expect(checkIn(wb, "O3.KR1", "₹41.5")).toMatchObject({ ok: true });
    expect(current(wb, "O3.KR1")).toBe(41.5);
    expect(checkIn(wb, "O3.KR1", "Rs 41")).toMatchObject({ ok: true });
    expect(current(wb, "O3.KR1")).toBe(41);
    // With the abbreviation's point: "Rs. 40" was refused ("Type the number without spaces…"), "Rs.39" read as 0.39.
    expect(checkIn(wb, "O3.KR1", "Rs. 40")).toMatchObject({ ok: true });
    expect(current(wb, "O3.KR1")).toBe(40);
    expect(checkIn(wb, "O3.KR1", "Rs.39")).toMatchObject({ ok: true });
    expect(current(wb, "O3.KR1")).toBe(39);
  });

  it("ja_JP: 円 on a KR in JPY, typed full-width or not", () => {
    const wb = costIn("ja_JP", "JPY");
    expect(checkIn(wb, "O3.KR1", "41 円")).toMatchObject({ ok: true });
    expect(checkIn(wb, "O3.KR1", "４０円")).toMatchObject({ ok: true });
    expect(current(wb, "O3.KR1")).toBe(40);
  });
});

describe("a refusal's example number is written as the locale writes it", () => {
  it("de_DE: 'for example 3,5' (en_US keeps 3.5)", () => {
    const de = trackerIn("de_DE");
    // Before: "(for example 3.5)" to a team whose sheet shows 3,5.
    expect(JSON.stringify(checkIn(de, "O1.KR2", "drei"))).toContain("Enter a number, using digits only (for example 3,5).");
    expect(JSON.stringify(checkIn(trackerIn("en_US"), "O1.KR2", "three"))).toContain("Enter a number, using digits only (for example 3.5).");
  });
});

describe("a check-in typed late in the evening, far from UTC", () => {
  // The log, Last check-in and the week follow the spreadsheet's zone, not the script's (Etc/UTC).
  it.each([
    ["America/Los_Angeles", "2026-01-12T07:30:00Z"], // Sunday 23:30 PST is Monday 07:30 UTC
    ["Pacific/Auckland", "2026-01-11T10:30:00Z"], // Sunday 23:30 NZDT is Sunday 10:30 UTC
  ])("%s: Sunday 23:30 local is the cycle's first Sunday, week 1", (tz, instant) => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    ss(wb).setSpreadsheetTimeZone(tz);
    wb.services.clock.set(new Date(instant));
    expect(checkIn(wb, "O1.KR2", "8.5")).toMatchObject({ ok: true, kr: { lastCheckin: "2026-01-11" } });
    const log = ss(wb).getSheetByName("Check-ins")!.getRange("A2:C2").getDisplayValues()[0];
    expect(log).toEqual(["2026-01-11 23:30", "1", "O1.KR2"]);
    expect(ss(wb).getSheetByName("Key Results")!.getRange("L3").getDisplayValue()).toBe("2026-01-11");
    const sum = callAddon(wb, "generateWeeklySummary", {});
    expect(sum).toMatchObject({ ok: true, week: 1 });
    const lines = ss(wb).getSheetByName("Weekly Summary")!.getRange("A1:A8").getDisplayValues().map((r) => r[0]);
    expect(lines).toContain("1 of 7 KRs checked in this week (missing: O1.KR1, O2.KR1, O3.KR1, O3.KR2, O1.KR3 and 1 more); no blockers reported.");
  });
});

describe("the tests' setToday on a tracker far from UTC", () => {
  it("Pacific/Auckland: setToday(Sunday) is that Sunday there, not Monday (noon UTC is 01:00 the next day)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    ss(wb).setSpreadsheetTimeZone("Pacific/Auckland");
    setToday(wb, "2026-01-11");
    // Before: lastCheckin "2026-01-12", week 2.
    expect(checkIn(wb, "O1.KR2", "8.5")).toMatchObject({ ok: true, kr: { lastCheckin: "2026-01-11" } });
    expect(ss(wb).getSheetByName("Check-ins")!.getRange("A2:B2").getDisplayValues()[0]).toEqual(["2026-01-11 12:00", "1"]);
  });
});

describe("Import from a tab in de_DE", () => {
  it("a 3-decimal percentage cell (12,345%) still imports, and '1.500' typed as text is ambiguous as in a check-in", () => {
    const wb = newTracker({ template: "blank" });
    ss(wb).setSpreadsheetLocale("de_DE");
    const tab = ss(wb).insertSheet("Paste");
    tab.getRange(1, 1, 1, 7).setValues([["objective", "key_result", "owner", "metric", "unit", "start", "target"]]);
    tab.getRange(2, 1, 1, 5).setValues([["Ship", "Rework", "ana@example.com", "decrease", "%"]]);
    tab.getRange("F2:G2").setValues([[0.12345, 0.05]]);
    tab.getRange("F2:G2").setNumberFormat("0.000%");
    // The percent cell goes to the parser as "12,345%": read in de_DE, "12.345%" would be ambiguous.
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" })).toMatchObject({ ok: true });
    expect(rowsOf(wb, "Key Results").map((k) => [k.Start, k.Target])).toEqual([[12.345, 5]]);
    tab.getRange(2, 1, 1, 7).setValues([["Ship", "Orders", "ana@example.com", "increase", "orders", "'1.200", "'1.500"]]);
    const r = callAddon(wb, "importOkrsFromTab", { tab: "Paste" });
    // Before: imported as 1.2 → 1.5 orders, read in en_US.
    expect(r.ok).toBe(false);
    expect(r.message).toContain('row 2: start "1.200" is not a number: "1.200" is ambiguous');
  });
});

describe("the roll-over prompt reads the next cycle's start as the team writes dates", () => {
  /** A closed de_DE tracker; the prompt answered with `typed`; the last alert and the Settings start date. */
  function rollOver(typed: string) {
    const wb = trackerIn("de_DE");
    expect(callAddon(wb, "endCycle", { at: "2026-04-05" })).toMatchObject({ ok: true });
    const ui = wb.services.ui;
    ui.alerts.length = 0;
    ui.respond(typed);
    callAddonRaw(wb, "menuRollOver");
    const settings = ss(wb).getSheetByName("Settings")!;
    const row = settings.getRange("A1:A40").getDisplayValues().findIndex((r) => r[0] === "Start date") + 1;
    return { alert: ui.alerts[ui.alerts.length - 1].prompt, start: settings.getRange(row, 2).getDisplayValue() };
  }

  it("the prompt names the forms it takes", () => {
    const wb = trackerIn("de_DE");
    expect(callAddon(wb, "endCycle", { at: "2026-04-05" })).toMatchObject({ ok: true });
    const ui = wb.services.ui;
    ui.respond({ button: "CANCEL" });
    callAddonRaw(wb, "menuRollOver");
    // Before: "Start date of the next cycle (YYYY-MM-DD):", though 06.04.2026 and 2026/04/06 were read too.
    expect(ui.alerts[ui.alerts.length - 1]).toMatchObject({ kind: "prompt", prompt: "Start date of the next cycle (YYYY-MM-DD, DD.MM.YYYY or YYYY/MM/DD):" });
  });

  it("06.04.2026 (day first with dots) and 2026/04/06 start the cycle on 6 April", () => {
    // Before: '"06.04.2026" is not a date in the form YYYY-MM-DD (for example 2026-04-06).'
    for (const typed of ["06.04.2026", "6.4.2026", "2026/04/06"]) {
      const r = rollOver(typed);
      expect(r.alert).toMatch(/has started with/);
      expect(r.start).toBe("2026-04-06");
    }
  });

  it("01/02/2026 is refused, saying it could be either day; 31.02.2026 and 13/13/2026 are not a day", () => {
    const r = rollOver("04/06/2026");
    expect(r.alert).toBe('"04/06/2026" is not a date the add-on can read: with slashes, day and month could be either way round. Type 2026-04-06 or 2026-06-04.\nNothing was changed.');
    expect(rollOver("13/04/2026").alert).toMatch(/either way round\. Type 2026-04-13\./);
    expect(rollOver("31.02.2026").alert).toBe('"31.02.2026" is not a date the add-on can read: there is no such day on the calendar.\nNothing was changed.');
    // Before: '"13/13/2026" is not a date in the form YYYY-MM-DD, DD.MM.YYYY or YYYY/MM/DD (for example 2026-04-06).'
    expect(rollOver("13/13/2026").alert).toBe('"13/13/2026" is not a date the add-on can read: there is no such day on the calendar, day first or month first.\nNothing was changed.');
  });
});

describe("a formula setting typed as text: the advice writes the number in the locale's separator", () => {
  /** The summary's refusal after `typed` went into On track if gap ≤, its cell plain text or not. */
  function advice(locale: string, typed: string, plainText: boolean): string {
    const wb = trackerIn(locale);
    const sheet = ss(wb).getSheetByName("Settings")!;
    const row = sheet.getRange("A1:A40").getDisplayValues().findIndex((r) => r[0] === "On track if gap ≤") + 1;
    if (plainText) sheet.getRange(row, 2).setNumberFormat("@");
    sheet.getRange(row, 2).setValue(typed);
    const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-13" });
    expect(r.ok).toBe(false);
    return r.message.replace(/^.*cannot use as a number: /, "");
  }

  it("de_DE: '0,1' in a plain-text cell is not to be retyped as 0.1 (text again there)", () => {
    // Before: "type 0.1." (0.1 is no number in a de_DE sheet).
    expect(advice("de_DE", "0,1", true)).toBe("the cell keeps it as text (formatted as plain text, or typed after a '): choose Format › Number › Automatic, then type 0,1.");
    // "0.1" typed in a de_DE sheet is not text there (its dot a thousands separator, session 19: "to check" 47):
    // the number 1, which the summary refuses as such, saying what to type (session 20; before, only
    // "(1) must not be more than … (0.25).", its 0,25 written with a point).
    expect(advice("de_DE", "0.1", false)).toBe(
      "Settings need fixing: On track if gap ≤ (1) must not be more than At risk if gap ≤ (0,25). If you typed 0.1, type 0,1: this spreadsheet writes decimals with a comma, and reads a point in a number as a thousands separator.",
    );
  });

  it("de_DE: whatever a typed '0.25' or '0.7' becomes, the refusal says to type 0,25 or 0,7 (session 20)", () => {
    const wb = trackerIn("de_DE");
    const sheet = ss(wb).getSheetByName("Settings")!;
    const rowOf = (label: string) => sheet.getRange("A1:A40").getDisplayValues().findIndex((r) => r[0] === label) + 1;
    const refusal = (label: string, typed: unknown, plainText = false) => {
      const cell = sheet.getRange(rowOf(label), 2);
      const was = cell.getValue();
      if (plainText) cell.setNumberFormat("@");
      cell.setValue(typed);
      const r = callAddon(wb, "generateWeeklySummary", { at: "2026-01-13" });
      cell.setNumberFormat("0.00");
      cell.setValue(was);
      expect(r.ok).toBe(false);
      return r.message as string;
    };
    // Read as 25 and 7 here (the offline spreadsheet's reading of "to check" 47). Before: 'it is "25".' alone.
    expect(refusal("At risk if gap ≤", "0.25")).toContain('At risk if gap ≤ must be a number from 0 to 1; it is "25". If you typed 0.25, type 0,25: this spreadsheet writes decimals');
    expect(refusal("Aspirational goal", "0.7")).toContain('must be a number above 0 and at most 1; it is "7". If you typed 0.7, type 0,7:');
    // Kept as text, as a sheet that does not read it as a number would: the same advice.
    expect(refusal("At risk if gap ≤", "0.25", true)).toContain('At risk if gap ≤ is the text "0.25", which the sheet\'s formulas cannot use as a number: type 0,25.');
    // A number refused for its size is written as the sheet shows it. Before: 'it is "1.5".'
    const r = refusal("At risk if gap ≤", 1.5);
    expect(r).toContain('it is "1,5".');
    expect(r).not.toContain("If you typed");
  });

  it("en_US: '0.1' in a plain-text cell is not to be retyped as 0,1; '0,1' is to be retyped 0.1", () => {
    // Before: "type 0,1." — in an en_US sheet 0,1 is text, and its advice was "type 0.1".
    expect(advice("en_US", "0.1", true)).toMatch(/Format › Number › Automatic, then type 0\.1\.$/);
    expect(advice("en_US", "0,1", false)).toBe("type 0.1.");
  });
});

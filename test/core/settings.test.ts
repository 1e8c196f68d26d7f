import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { parseSettings } from "../../src/core/settings";

const base = { "Start date": "2026-01-05" };
const errs = (v: Record<string, unknown>) => {
  const r = parseSettings({ ...base, ...v });
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

describe("parseSettings", () => {
  it("defaults when blank", () => {
    const r = parseSettings({ ...base, "Cycle name": "", "Check-in cadence": " ", "Leaders' emails": null });
    expect(r).toEqual({
      ok: true,
      settings: {
        cycleName: "Cycle 1",
        startDate: "2026-01-05",
        weeks: 13,
        cadence: "weekly",
        weekday: "Monday",
        onTrackGap: 0.1,
        atRiskGap: 0.25,
        aspirationalGoal: 0.7,
        leaders: [],
        admins: [],
        emailDigest: false,
        ownerReminders: false,
      },
    });
  });

  it("reads typed values", () => {
    const r = parseSettings({
      "Cycle name": "Q3 pilot",
      "Start date": "2026-07-06",
      "Length in weeks": "6",
      "Check-in cadence": " Fortnightly ",
      "Check-in weekday": "fri",
      "On track if gap ≤": 0.05,
      "At risk if gap ≤": 0.2,
      "Aspirational goal": 1,
      "Leaders' emails": "A@X.com; b@x.com,\nA@x.com",
      "Admins' emails": "root@x.org",
      "Email digest to leaders": "ON",
      "Remind owners who missed a check-in": true,
    });
    expect(r.ok && r.settings).toEqual({
      cycleName: "Q3 pilot",
      startDate: "2026-07-06",
      weeks: 6,
      cadence: "fortnightly",
      weekday: "Friday",
      onTrackGap: 0.05,
      atRiskGap: 0.2,
      aspirationalGoal: 1,
      leaders: ["a@x.com", "b@x.com"],
      admins: ["root@x.org"],
      emailDigest: true,
      ownerReminders: true,
    });
  });

  it("refuses blank or text numbers the sheet's formulas use, which they would read otherwise than the add-on", () => {
    // Blank: the formulas read 0 (a division by zero for the length), where a default was used here.
    expect(errs({ "Length in weeks": "", "On track if gap ≤": null, "Aspirational goal": " " })).toEqual([
      'Length in weeks is empty, which the sheet\'s formulas read as 0: type 13, its default. Use "Repair tracker" to fill in every blank setting.',
      'On track if gap ≤ is empty, which the sheet\'s formulas read as 0: type 0.1, its default. Use "Repair tracker" to fill in every blank setting.',
      'Aspirational goal is empty, which the sheet\'s formulas read as 0: type 0.7, its default. Use "Repair tracker" to fill in every blank setting.',
    ]);
    // Text: "0,1" in an en_US sheet stays text, and gap <= "0,1" is always true there (every KR On track).
    expect(errs({ "On track if gap ≤": "0,1" })).toEqual(['On track if gap ≤ is the text "0,1", which the sheet\'s formulas cannot use as a number: type 0.1.']);
    expect(errs({ "At risk if gap ≤": "0.2 " })).toEqual(['At risk if gap ≤ is the text "0.2", which the sheet\'s formulas cannot use as a number: type 0,2.']);
    expect(errs({ "Aspirational goal": "70%" })).toEqual(['Aspirational goal is the text "70%", which the sheet\'s formulas cannot use as a number: type it as a number.']);
    expect(errs({ "Length in weeks": "13,0" })).toEqual(['Length in weeks is the text "13,0", which the sheet\'s formulas cannot use as a number: type 13.']);
    // With the spreadsheet's locale the number to type is written in its separator; text already written so
    // stays text only in a plain-text cell (or after a '), which is said, as retyping it would change nothing.
    const de = (v: Record<string, unknown>) => {
      const r = parseSettings({ ...base, ...v }, () => "de_DE");
      return r.ok ? [] : r.errors.map((e) => e.replace(/^.*(cannot use as a number|read as 0): /, ""));
    };
    expect(de({ "On track if gap ≤": "0.1" })).toEqual(["type 0,1."]);
    expect(de({ "On track if gap ≤": "0,1" })).toEqual(["the cell keeps it as text (formatted as plain text, or typed after a '): choose Format › Number › Automatic, then type 0,1."]);
    expect(de({ "Aspirational goal": "70%" })).toEqual([expect.stringMatching(/then type 0,7\.$/)]);
    expect(de({ "At risk if gap ≤": "" })).toEqual(['type 0,25, its default. Use "Repair tracker" to fill in every blank setting.']);
    let asked = 0;
    parseSettings(base, () => String(++asked));
    expect(asked).toBe(0); // a tracker whose settings read asks nothing
    // Length in weeks as whole-number text is multiplied, which works: still read. A setting left out entirely keeps its default.
    const r = parseSettings({ ...base, "Length in weeks": "6" });
    expect(r.ok && [r.settings.weeks, r.settings.onTrackGap]).toEqual([6, 0.1]);
  });

  it("accepts a serial date and the yes/no/TRUE flags", () => {
    const r = parseSettings({ "Start date": 46027, "Email digest to leaders": "yes", "Remind owners who missed a check-in": "TRUE" });
    expect(r.ok && [r.settings.startDate, r.settings.emailDigest, r.settings.ownerReminders]).toEqual(["2026-01-05", true, true]);
  });

  it("missing start date", () => {
    const r = parseSettings({});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join(" ")).toMatch(/Start date is empty: fill in/);
    expect(errs({ "Start date": "2026-02-30" })[0]).toMatch(/Start date must be a date/);
    // A Date's day depends on the zone it is read in, which core does not know: the server converts it first.
    // Before: read in the script's zone (00:00 on 6 July in Berlin was 5 July under Etc/UTC).
    expect(() => parseSettings({ "Start date": new Date("2026-07-05T22:00:00Z") })).toThrow(/converted in the spreadsheet's time zone/);
    expect(() => parseSettings({ "Start date": new Date(NaN) })).toThrow(/not as Date objects/);
  });

  it("weeks", () => {
    expect(errs({ "Length in weeks": 0 })[0]).toMatch(/Length in weeks must be a whole number from 1 to 52/);
    expect(errs({ "Length in weeks": 53 })).toHaveLength(1);
    expect(errs({ "Length in weeks": 6.5 })).toHaveLength(1);
    expect(errs({ "Length in weeks": "six" })).toHaveLength(1);
    expect(parseSettings({ ...base, "Length in weeks": 52 }).ok).toBe(true);
  });

  it("thresholds", () => {
    expect(errs({ "On track if gap ≤": 0.3, "At risk if gap ≤": 0.2 })[0]).toMatch(/On track if gap ≤ \(0.3\) must not be more than At risk if gap ≤ \(0.2\)/);
    expect(errs({ "On track if gap ≤": -0.1 })[0]).toMatch(/from 0 to 1/);
    expect(errs({ "At risk if gap ≤": 1.5 })[0]).toMatch(/from 0 to 1/);
    expect(parseSettings({ ...base, "On track if gap ≤": 0.2, "At risk if gap ≤": 0.2 }).ok).toBe(true);
    expect(errs({ "Aspirational goal": 0 })[0]).toMatch(/above 0 and at most 1/);
    expect(errs({ "Aspirational goal": 1.2 })).toHaveLength(1);
  });

  it("cadence, weekday, emails, flags", () => {
    expect(errs({ "Check-in cadence": "daily" })[0]).toMatch(/weekly or fortnightly/);
    expect(errs({ "Check-in weekday": "Funday" })[0]).toMatch(/day of the week/);
    expect(errs({ "Leaders' emails": "a@x.com, bob" })[0]).toBe(`Leaders' emails: "bob" is not an email address.`);
    expect(errs({ "Email digest to leaders": "maybe" })[0]).toMatch(/on or off/);
  });

  it("cycle name: at most 100 characters, as setup and roll over allow", () => {
    expect(errs({ "Cycle name": "n".repeat(101) })).toEqual(["Cycle name must be at most 100 characters; it has 101."]);
    const r = parseSettings({ ...base, "Cycle name": "n".repeat(100) });
    expect(r.ok && r.settings.cycleName).toBe("n".repeat(100));
  });

  it("reversed thresholds are refused whichever one was edited", () => {
    expect(errs({ "At risk if gap ≤": 0.05 })).toEqual(["On track if gap ≤ (0.1) must not be more than At risk if gap ≤ (0.05)."]);
    expect(errs({ "On track if gap ≤": 0.3 })[0]).toMatch(/On track if gap ≤ \(0.3\) must not be more than At risk if gap ≤ \(0.25\)/);
  });

  it("reports every error at once", () => {
    expect(errs({ "Start date": "", "Length in weeks": 0, "Check-in weekday": "x" })).toHaveLength(3);
  });
});

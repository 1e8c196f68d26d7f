import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import fc from "fast-check";
import {
  addDays,
  dateRefusal,
  cycleEnd,
  dayNumber,
  elapsed,
  inCycle,
  isValidIsoDate,
  isoFromDayNumber,
  isoFromSerial,
  serialFromIso,
  weekNumber,
  weekdayName,
} from "../../src/core/dates";

describe("dates", () => {
  it("day numbers", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2); // 2000 is a leap year
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1); // 2100 is not
    expect(dayNumber("2026-01-05")).toBe(Date.UTC(2026, 0, 5) / 86400000);
    expect(serialFromIso("1899-12-30")).toBe(0);
    expect(serialFromIso("2026-01-05")).toBe(46027);
    expect(isoFromSerial(46027.75)).toBe("2026-01-05");
    expect(() => dayNumber("2026-02-30")).toThrow();
  });

  it("round-trips with Date.UTC over a wide range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => {
        const iso = isoFromDayNumber(n);
        expect(dayNumber(iso)).toBe(n);
        expect(isValidIsoDate(iso)).toBe(true);
        if (n > -600000) expect(new Date(n * 86400000).toISOString().slice(0, 10)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it("validates", () => {
    for (const ok of ["2026-02-28", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) expect(isValidIsoDate(ok)).toBe(true);
    for (const bad of ["2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "26-01-05", "2026-01-05T00:00", " 2026-01-05", "", null, 20260105, "0000-01-01"])
      expect(isValidIsoDate(bad)).toBe(false);
  });

  it("adds days and finds the cycle end (exclusive)", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(cycleEnd("2026-01-05", 13)).toBe("2026-04-06");
    expect(inCycle("2026-01-05", "2026-01-05", 13)).toBe(true);
    expect(inCycle("2026-04-05", "2026-01-05", 13)).toBe(true);
    expect(inCycle("2026-04-06", "2026-01-05", 13)).toBe(false);
    expect(inCycle("2026-01-04", "2026-01-05", 13)).toBe(false);
  });

  it("elapsed is clamped and uses the sheet's operation order", () => {
    expect(elapsed("2026-01-04", "2026-01-05", 13)).toBe(0);
    expect(elapsed("2026-01-05", "2026-01-05", 13)).toBe(0);
    expect(elapsed("2026-01-12", "2026-01-05", 13)).toBe(7 / 91);
    expect(elapsed("2026-04-06", "2026-01-05", 13)).toBe(1);
    expect(elapsed("2027-01-01", "2026-01-05", 13)).toBe(1);
    expect(elapsed("2026-01-08", "2026-01-05", 1)).toBe(3 / 7);
  });

  it("week numbers", () => {
    expect(weekNumber("2026-01-05", "2026-01-05")).toBe(1);
    expect(weekNumber("2026-01-11", "2026-01-05")).toBe(1);
    expect(weekNumber("2026-01-12", "2026-01-05")).toBe(2);
    expect(weekNumber("2026-01-04", "2026-01-05")).toBe(0);
    expect(weekNumber("2026-04-05", "2026-01-05")).toBe(13);
  });

  it("weekday names", () => {
    expect(weekdayName("1970-01-01")).toBe("Thursday");
    expect(weekdayName("2026-01-05")).toBe("Monday");
    expect(weekdayName("2026-01-11")).toBe("Sunday");
    expect(weekdayName("1969-12-29")).toBe("Monday");
  });
});

describe("dateRefusal: why a typed date is refused, the same for the prompt, --at and a CSV's at", () => {
  it("slashes year last name each real day they can be", () => {
    expect(dateRefusal("04/06/2026")).toBe("with slashes, day and month could be either way round. Type 2026-04-06 or 2026-06-04");
    expect(dateRefusal("13/04/2026")).toBe("with slashes, day and month could be either way round. Type 2026-04-13");
  });

  it("13/13/2026 is no day either way round, so there is no doubt to report (before: a CSV's at got the either-way-round note)", () => {
    expect(dateRefusal("13/13/2026")).toBe("there is no such day on the calendar, day first or month first");
  });

  it("a form it reads holding a day not on the calendar says so; other text is told the forms", () => {
    for (const d of ["2026-02-30", "2026-13-01", "31.02.2026", "2026/02/30"]) expect(dateRefusal(d)).toBe("there is no such day on the calendar");
    for (const d of ["yesterday", "Jan 21", "2026-1-5", "1e400", ""]) expect(dateRefusal(d)).toBe("type it as YYYY-MM-DD, DD.MM.YYYY or YYYY/MM/DD (for example 2026-04-06)");
  });
});

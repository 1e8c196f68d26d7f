// What session 13's explorer left after a 13-week pilot (the operations team of cli.pilot.test.ts), through
// the command line and the built add-on. Each case failed before its fix.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { addDays } from "../../src/core/dates";
import { cliWorkspace } from "../support/cli";

const { dir, fixtures, run, rejected, ok } = cliWorkspace("okr-cli-leftovers-");

describe("rolling over into a start inside the finished cycle", () => {
  it("a start before the day after the cycle's last day is refused, naming the earliest day (2026-03-30 was taken for a cycle ending 2026-04-05)", async () => {
    fixtures.copy("operations", join(dir, "ro.xlsx"));
    await ok("close", "ro.xlsx", "--at", "2026-04-05");
    expect(await rejected("ro.xlsx", ["rollover", "ro.xlsx", "--start", "2026-03-30"])).toBe(
      "okr-sheets: The new cycle must start after the finished one: on 2026-04-06 or later (it ran 2026-01-05 to 2026-04-05), not 2026-03-30. Nothing was changed.",
    );
    expect(await ok("rollover", "ro.xlsx", "--start", "2026-04-06")).toMatch(/Order-to-delivery pilot 2/);
  });

  it("a cycle closed early may be followed from the day after its close", async () => {
    fixtures.copy("operations", join(dir, "early.xlsx"));
    await ok("close", "early.xlsx", "--at", "2026-03-15", "--early");
    expect(await rejected("early.xlsx", ["rollover", "early.xlsx", "--start", "2026-03-15"])).toBe(
      "okr-sheets: The new cycle must start after the finished one: on 2026-03-16 or later (it was closed early, with final scores as of 2026-03-15), not 2026-03-15. Nothing was changed.",
    );
    await ok("rollover", "early.xlsx", "--start", "2026-03-16");
    // The new cycle is not closed: the Settings row the close left names a day before its start.
    expect((await ok("checkin", "early.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-03-17")).trim().split("\n")).toHaveLength(1);
  });
});

describe("check-ins and summaries after an early close", () => {
  it("a check-in after the close is saved and says the cycle is closed; the summary's date line says it too (both said nothing)", async () => {
    fixtures.copy("operations", join(dir, "closed.xlsx"));
    await ok("checkin", "closed.xlsx", "--kr", "O1.KR1", "--value", "88", "--at", "2026-03-10");
    const before = await ok("checkin", "closed.xlsx", "--kr", "O1.KR1", "--value", "89", "--at", "2026-03-12");
    expect(before.trim().split("\n")).toHaveLength(1);
    await ok("close", "closed.xlsx", "--at", "2026-03-15", "--early");
    const out = (await ok("checkin", "closed.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-03-17")).trim().split("\n");
    expect(out).toHaveLength(2);
    // In the terminal's words: the command that closes, not the add-on's menu item (session 21; it said
    // ("End cycle & retrospective"), which a terminal has not).
    expect(out[1]).toBe(
      'The cycle was closed as of 2026-03-15: this check-in is saved, but the Retrospective keeps its scores as of 2026-03-15 until you close the cycle again ("okr-sheets close closed.xlsx"), which keeps the learnings and decisions typed.',
    );
    // A batch says it once, after its count.
    writeFileSync(join(dir, "late.csv"), "kr_id,value,at\nO1.KR1,91,2026-03-18\nO1.KR2,9,2026-03-18\n");
    const batch = (await ok("checkin", "closed.xlsx", "--from", "late.csv", "--at", "2026-03-18")).trim().split("\n");
    expect(batch.slice(2)).toEqual(["2 check-ins saved.", out[1]]);
    await ok("summary", "closed.xlsx", "--at", "2026-03-22");
    const summary = JSON.parse(await ok("show", "closed.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-03-22"));
    expect(JSON.stringify(summary)).toMatch(/Week 11 of 13 · as of 2026-03-22 · \d+% of the cycle elapsed · cycle closed as of 2026-03-15/);
    // A summary for a day before the close does not say it.
    await ok("summary", "closed.xlsx", "--at", "2026-03-14");
    expect(await ok("show", "closed.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-03-14")).not.toMatch(/cycle closed/);
  });
});

describe("the Settings row closing writes (reviewed after session 13)", () => {
  /** The Settings tab's rows as shown, [A, B] of each. */
  const settingsRows = async (file: string): Promise<string[][]> =>
    (JSON.parse(await ok("show", file, "--sheet", "Settings", "--json")) as Record<string, unknown>[]).map((r) => [String(r["Setting"] ?? ""), String(r["Value"] ?? "")]);

  it("a roll over after a close as of a day past the cycle's end leaves the new cycle open (it said closed as of that day)", async () => {
    fixtures.copy("operations", join(dir, "late.xlsx"));
    await ok("close", "late.xlsx", "--at", "2026-04-08");
    await ok("rollover", "late.xlsx", "--start", "2026-04-06");
    // Before: a second line, "The cycle was closed as of 2026-04-08: …", in the new cycle.
    expect((await ok("checkin", "late.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-04-09")).trim().split("\n")).toHaveLength(1);
    await ok("summary", "late.xlsx", "--at", "2026-04-12");
    expect(await ok("show", "late.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-04-12")).not.toMatch(/cycle closed/);
    expect((await settingsRows("late.xlsx")).some(([a]) => /cycle closed/i.test(a))).toBe(false);
    // Closing the new cycle records its own day again.
    await ok("close", "late.xlsx", "--at", "2026-05-01", "--early");
    expect((await ok("checkin", "late.xlsx", "--kr", "O1.KR1", "--value", "91", "--at", "2026-05-02")).trim().split("\n")[1]).toMatch(/^The cycle was closed as of 2026-05-01:/);
  });

  it("closing writes its row in a blank row, never over a second row of the same label (url-b was overwritten)", async () => {
    fixtures.copy("operations", join(dir, "own.xlsx"));
    for (const [cell, value] of [["A24", "Budget link"], ["B24", "url-a"], ["A25", "Budget link"], ["B25", "url-b"]]) await ok("edit", "own.xlsx", "--sheet", "Settings", "--range", cell, "--value", value);
    const out = (await ok("close", "own.xlsx", "--at", "2026-03-15", "--early")).trim().split("\n");
    expect(out).toHaveLength(1);
    const rows = await settingsRows("own.xlsx");
    expect(rows.filter(([a]) => a === "Budget link").map(([, b]) => b)).toEqual(["url-a", "url-b"]);
    expect(rows.find(([a]) => /cycle closed/i.test(a))).toEqual(["Cycle closed as of (set by closing)", "2026-03-15"]);
    expect((await ok("checkin", "own.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-03-17")).trim().split("\n")).toHaveLength(2);
  });

  it("a row of the user's at row 40 does not stop the close's row being written in a blank row above (nothing was written)", async () => {
    fixtures.copy("operations", join(dir, "row40.xlsx"));
    await ok("edit", "row40.xlsx", "--sheet", "Settings", "--range", "A40", "--value", "Notes");
    await ok("close", "row40.xlsx", "--at", "2026-03-15", "--early");
    const out = (await ok("checkin", "row40.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-03-17")).trim().split("\n");
    expect(out[1]).toMatch(/^The cycle was closed as of 2026-03-15:/);
  });
});

describe("money", () => {
  it("a KR in € or EUR shows its values with two decimals in the summary, its forecast words and the check-in line (14.2 € was shown)", async () => {
    fixtures.copy("blank", join(dir, "money.xlsx"));
    writeFileSync(join(dir, "money.csv"), "objective,key_result,owner,metric,unit,start,target\nCost,Cut cost per unit,ana@x,decrease,€,14.2,12.5\nCost,Revenue per order,ana@x,increase,EUR,40,48\n");
    await ok("import", "money.xlsx", "money.csv");
    for (let w = 0; w < 5; w++) {
      const day = addDays("2026-01-06", 7 * w);
      await ok("checkin", "money.xlsx", "--kr", "O1.KR1", "--value", String(+(14.2 - 0.1 * w).toFixed(2)), "--at", day);
      await ok("checkin", "money.xlsx", "--kr", "O1.KR2", "--value", String(40 + 0.2 * w), "--at", day);
    }
    await ok("summary", "money.xlsx", "--at", "2026-02-09");
    const shown = await ok("show", "money.xlsx", "--sheet", "Weekly Summary", "--at", "2026-02-09");
    expect(shown).toContain("At this pace 2 KRs end short of their goal by 2026-04-05: O1.KR2 at 42.40 EUR (target 48.00 EUR), O1.KR1 at 13.00 € (target 12.50 €).");
    expect(shown).toMatch(/13\.00 € by 2026-04-05/);
    expect(shown).toMatch(/Falling 0\.10 € a week; reaching 12\.50 €/);
    expect(shown).not.toMatch(/\b(13|12\.5|42\.4|48) (€|EUR)/);
    expect((await ok("checkin", "money.xlsx", "--kr", "O1.KR1", "--value", "13.7", "--at", "2026-02-10")).trim()).toBe("Checked in O1.KR1: value 13.70 €, score 0.29, At risk.");
  });
});

describe("the check-in's line", () => {
  it("shows a value at the KR's decimals, never in exponent notation (a value under 1e-6 printed as \"5e-7\")", async () => {
    fixtures.copy("blank", join(dir, "tiny.xlsx"));
    writeFileSync(join(dir, "tiny.csv"), "objective,key_result,owner,metric,unit,start,target\nPurity,Impurity share,ana@x,increase,,0,0.000002\nPurity,Batches,ana@x,increase,,0,100\n");
    await ok("import", "tiny.xlsx", "tiny.csv");
    // Span 2e-6: 8 decimals (valueDigits), as the summary and the sidebar's line write its values.
    expect(await ok("checkin", "tiny.xlsx", "--kr", "O1.KR1", "--value", "0.0000005", "--at", "2026-01-06")).toMatch(/^Checked in O1\.KR1: value 0\.0000005, score /);
    // A KR of an ordinary span: 2 decimals, as the summary writes 85.13.
    expect(await ok("checkin", "tiny.xlsx", "--kr", "O1.KR2", "--value", "85.125", "--at", "2026-01-06")).toMatch(/^Checked in O1\.KR2: value 85\.13, score /);
  });
});

describe("a summary before the cycle's start", () => {
  it("is refused in one line, nothing written (it wrote week-1 History rows dated before the cycle)", async () => {
    fixtures.copy("operations", join(dir, "early-summary.xlsx"));
    expect(await rejected("early-summary.xlsx", ["summary", "early-summary.xlsx", "--at", "2026-01-02"])).toBe(
      "okr-sheets: The cycle starts on 2026-01-05: a Weekly Summary as of 2026-01-02 would come before it (its History rows dated before the cycle). Make it on or after 2026-01-05. Nothing was changed.",
    );
    await ok("summary", "early-summary.xlsx", "--at", "2026-01-05");
    const history = JSON.parse(await ok("show", "early-summary.xlsx", "--sheet", "History", "--json")) as Record<string, unknown>[];
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((r) => String(r["As of"]) >= "2026-01-05")).toBe(true);
  });
});

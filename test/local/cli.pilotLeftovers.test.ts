// What session 13's explorer left after a 13-week pilot (the operations team of cli.pilot.test.ts), through
// the command line and the built add-on. Each case failed before its fix.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makeFixtures, rejectedBy, runCli, type CliRun } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-leftovers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fixtures: Awaited<ReturnType<typeof makeFixtures>>;
beforeAll(async () => {
  fixtures = await makeFixtures(dir);
});

function run(...args: string[]): Promise<CliRun> {
  return runCli(dir, args);
}
const rejected = (file: string, args: string[]): Promise<string> => rejectedBy(run, dir, file, args);
const ok = async (...args: string[]): Promise<string> => {
  const r = await run(...args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

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
    expect(out[1]).toBe(
      'The cycle was closed as of 2026-03-15: this check-in is saved, but the Retrospective keeps its scores as of 2026-03-15 until you close the cycle again ("End cycle & retrospective"), which keeps the learnings and decisions typed.',
    );
    await ok("summary", "closed.xlsx", "--at", "2026-03-22");
    const summary = JSON.parse(await ok("show", "closed.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-03-22"));
    expect(JSON.stringify(summary)).toMatch(/Week 11 of 13 · as of 2026-03-22 · \d+% of the cycle elapsed · cycle closed as of 2026-03-15/);
    // A summary for a day before the close does not say it.
    await ok("summary", "closed.xlsx", "--at", "2026-03-14");
    expect(await ok("show", "closed.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-03-14")).not.toMatch(/cycle closed/);
  });
});

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

// `okr-sheets rollup` adding team files to the Portfolio tab, in-process (test/support/cli.ts runCli): a file
// named twice in one command is listed once, two files with the same name in different folders get team names
// of their own (the roll-up reads one tracker per team name), and a run cut short by --limit says how to read
// the rest offline, where no run continues the last one.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-rollup-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ok(...args: string[]): Promise<string> {
  const r = await runCli(dir, args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  mkdirSync(join(dir, "east"));
  mkdirSync(join(dir, "west"));
  // Three alike trackers: one made, two copies (a `new` of the operations template is the costly command here).
  await ok("new", "company.xlsx", "--template", "operations", "--start", "2026-01-05");
  for (const f of ["east/ops.xlsx", "west/ops.xlsx"]) copyFileSync(join(dir, "company.xlsx"), join(dir, f));
}, 180_000);

describe("okr-sheets rollup: the team files it lists", () => {
  it("a file named twice is listed once; same-named files in two folders are two teams, both read", async () => {
    const out = await ok("rollup", "company.xlsx", "east/ops.xlsx", "./east/ops.xlsx", "west/ops.xlsx", "--at", "2026-02-12");
    // Teams with no check-in by their week 3 are named, as the company's weekly digest names them (session 14).
    expect(out).toBe("Portfolio refreshed: week 6 of 13; 2 of 2 team trackers read.\n  At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).\n  No check-in for more than 14 days: ops (none yet) and west/ops (none yet).\n");
    const list = JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio", "--json"));
    expect(list.map((r: Record<string, unknown>) => [r.Tracker, r.Team])).toEqual([["east/ops.xlsx", "ops"], ["west/ops.xlsx", "west/ops"]]);
  }, 180_000);

  it("--limit: the rest are read by a run without it (offline, a run does not continue the last one)", async () => {
    const out = await ok("rollup", "company.xlsx", "--limit", "1", "--at", "2026-02-12");
    expect(out).toBe(
      "Portfolio refreshed: week 6 of 13; 1 of 2 team trackers read.\n" +
        "  At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).\n" +
        "  No check-in for more than 14 days: ops (none yet).\n" +
        "  1 team tracker was left for the next run: run rollup without --limit to read them all (offline, a run does not continue the last one).\n",
    );
  }, 180_000);
});

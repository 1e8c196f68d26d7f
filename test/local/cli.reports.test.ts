// The command line on report tabs and cycle changes, in process (test/support/cli.ts): `show` of the
// Weekly Summary, Mid-cycle Review and Retrospective, rollover's focus checks, batch check-ins on the
// command's "today", and terminal wording.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makeFixtures, runCli, type CliRun } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-reports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fixtures: Awaited<ReturnType<typeof makeFixtures>>;
beforeAll(async () => {
  fixtures = await makeFixtures(join(dir, "fixtures"));
});

async function ok(args: string[], opts: { now?: Date } = {}): Promise<CliRun> {
  const r = await runCli(dir, args, opts);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
}

async function json(file: string, sheet: string): Promise<any> {
  return JSON.parse((await ok(["show", file, "--sheet", sheet, "--json"])).stdout);
}

describe("checkin --from on the command's today", () => {
  it("a row without `at` is dated on the injected today, not the real clock", async () => {
    fixtures.copy("operations", join(dir, "now.xlsx"));
    writeFileSync(join(dir, "now.csv"), "kr_id,value\nO1.KR1,85\nO2.KR1,5.5\n");
    await ok(["checkin", "now.xlsx", "--from", "now.csv"], { now: new Date("2026-01-21T09:00:00Z") });
    const log = await json("now.xlsx", "Check-ins");
    expect(log.map((r: Record<string, unknown>) => [r["KR ID"], r["Timestamp"], r["Week"]])).toEqual([
      ["O1.KR1", "2026-01-21", 3],
      ["O2.KR1", "2026-01-21", 3],
    ]);
  });
});

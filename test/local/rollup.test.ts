// `okr-sheets rollup`: a company tracker and team trackers as .xlsx files in a folder. The commands run
// in-process (test/support/cli.ts runCli), as the other CLI tests' do: spawning `node bin/okr-sheets.js` for
// each of its 11 commands cost ~1 s of CPU apiece in Node's start-up and module loading; the binary as a user
// runs it is test/local/cli.test.ts's smoke tests'.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-rollup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const r = await runCli(dir, args);
  expect(r.stderr, args.join(" ")).not.toMatch(/^\s+at /m);
  return r;
}

async function ok(...args: string[]): Promise<string> {
  const r = await run(...args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const bytes = (f: string) => readFileSync(join(dir, f));

describe("okr-sheets rollup", () => {
  it("rolls up team .xlsx files into the company tracker, never writing to them", async () => {
    await ok("new", "company.xlsx", "--template", "operations", "--start", "2026-01-05");
    await ok("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05");
    await ok("checkin", "ops.xlsx", "--kr", "O1.KR1", "--value", "95", "--at", "2026-02-10");
    writeFileSync(join(dir, "notes.xlsx"), "not a workbook");
    const before = { ops: bytes("ops.xlsx"), notes: bytes("notes.xlsx") };

    // A file named on the command line must exist: a typo is refused before anything is listed.
    const typo = await run("rollup", "company.xlsx", "opz.xlsx");
    expect([typo.status, typo.stderr.trim()]).toEqual([1, "okr-sheets: opz.xlsx: no such file (nothing was changed)."]);

    const out = await ok("rollup", "company.xlsx", "ops.xlsx", "notes.xlsx", "--at", "2026-02-12");
    expect(out).toBe(
      "Portfolio refreshed: week 6 of 13; 1 of 2 team trackers read.\n" +
        // Why nothing is counted at this pace, in the digest's words (docs/portfolio.md; said since session 22).
        "  At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).\n" +
        '  notes: Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.\n',
    );
    expect(bytes("ops.xlsx").equals(before.ops)).toBe(true);
    expect(bytes("notes.xlsx").equals(before.notes)).toBe(true);

    // The Portfolio tab lists the paths relative to the company file; a path typed there that is gone says so.
    const list = JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio", "--json"));
    expect(list.map((r: Record<string, unknown>) => [r.Tracker, r.Team])).toEqual([["ops.xlsx", "ops"], ["notes.xlsx", "notes"]]);
    await ok("edit", "company.xlsx", "--sheet", "Portfolio", "--range", "A4", "--value", "gone.xlsx");
    await ok("edit", "company.xlsx", "--sheet", "Portfolio", "--range", "B4", "--value", "Gone");
    const again = await ok("rollup", "company.xlsx", "--at", "2026-02-12");
    expect(again).toContain("1 of 3 team trackers read");
    expect(again).toContain("  Gone: Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).");

    // The roll-up is a report: its "Teams" section holds the table.
    const report = JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio Roll-up", "--json"));
    const rollup = report.sections.find((s: { title: string }) => s.title === "Teams").rows;
    expect(rollup.map((r: Record<string, unknown>) => [r.Team, r.Read, r["Last check-in"]])).toEqual([
      ["ops", "Yes", "2026-02-10"],
      ["notes", 'Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.', ""],
      ["Gone", "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).", ""],
    ]);
    // Same week again: replaced, not appended.
    const history = JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio History", "--json"));
    expect(history.map((h: Record<string, unknown>) => [h.Week, h.Team])).toEqual([
      [6, "ops"],
      [6, "notes"],
      [6, "Gone"],
    ]);
    // Before the company cycle's start: in no week of it, so no History row (before: "week 1" rows dated before it).
    expect(await ok("rollup", "company.xlsx", "--at", "2026-01-04")).toBe(
      "Portfolio refreshed: before the cycle's start (it starts on 2026-01-05; no History row written); 1 of 3 team trackers read.\n" +
        "  At this pace: no team has a forecast yet (a key result needs 3 weeks of check-ins).\n" +
        "  Not started yet: ops (starts 2026-01-05).\n" +
        '  notes: Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.\n' +
        "  Gone: Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).\n",
    );
    expect(JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio History", "--json"))).toHaveLength(3);
  }, 600_000);
});

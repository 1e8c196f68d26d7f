// `okr-sheets rollup` as a user runs it: a company tracker and team trackers as .xlsx files in a folder.
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, "..", "..", "bin", "okr-sheets.js");
const dir = mkdtempSync(join(tmpdir(), "okr-rollup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  expect(r.stderr, args.join(" ")).not.toMatch(/^\s+at /m);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(...args: string[]): string {
  const r = run(...args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const bytes = (f: string) => readFileSync(join(dir, f));

describe("okr-sheets rollup", () => {
  it("rolls up team .xlsx files into the company tracker, never writing to them", () => {
    ok("new", "company.xlsx", "--template", "operations", "--start", "2026-01-05");
    ok("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05");
    ok("checkin", "ops.xlsx", "--kr", "O1.KR1", "--value", "95", "--at", "2026-02-10");
    writeFileSync(join(dir, "notes.xlsx"), "not a workbook");
    const before = { ops: bytes("ops.xlsx"), notes: bytes("notes.xlsx") };

    // A file named on the command line must exist: a typo is refused before anything is listed.
    const typo = run("rollup", "company.xlsx", "opz.xlsx");
    expect([typo.status, typo.stderr.trim()]).toEqual([1, "okr-sheets: opz.xlsx: no such file (nothing was changed)."]);

    const out = ok("rollup", "company.xlsx", "ops.xlsx", "notes.xlsx", "--at", "2026-02-12");
    expect(out).toBe(
      "Portfolio refreshed: week 6; 1 of 2 team trackers read.\n" +
        '  notes: Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.\n',
    );
    expect(bytes("ops.xlsx").equals(before.ops)).toBe(true);
    expect(bytes("notes.xlsx").equals(before.notes)).toBe(true);

    // The Portfolio tab lists the paths relative to the company file; a path typed there that is gone says so.
    const list = JSON.parse(ok("show", "company.xlsx", "--sheet", "Portfolio", "--json"));
    expect(list.map((r: Record<string, unknown>) => [r.Tracker, r.Team])).toEqual([["ops.xlsx", "ops"], ["notes.xlsx", "notes"]]);
    ok("edit", "company.xlsx", "--sheet", "Portfolio", "--range", "A4", "--value", "gone.xlsx");
    ok("edit", "company.xlsx", "--sheet", "Portfolio", "--range", "B4", "--value", "Gone");
    const again = ok("rollup", "company.xlsx", "--at", "2026-02-12");
    expect(again).toContain("1 of 3 team trackers read");
    expect(again).toContain("  Gone: Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).");

    // The roll-up is a report: its "Teams" section holds the table.
    const report = JSON.parse(ok("show", "company.xlsx", "--sheet", "Portfolio Roll-up", "--json"));
    const rollup = report.sections.find((s: { title: string }) => s.title === "Teams").rows;
    expect(rollup.map((r: Record<string, unknown>) => [r.Team, r.Read, r["Last check-in"]])).toEqual([
      ["ops", "Yes", "2026-02-10"],
      ["notes", 'Not an okr-sheets tracker: no "Settings", "Objectives", "Key Results" tabs.', ""],
      ["Gone", "Missing: no spreadsheet has this URL or ID (mistyped, or deleted?).", ""],
    ]);
    // Same week again: replaced, not appended.
    const history = JSON.parse(ok("show", "company.xlsx", "--sheet", "Portfolio History", "--json"));
    expect(history.map((h: Record<string, unknown>) => [h.Week, h.Team])).toEqual([
      [6, "ops"],
      [6, "notes"],
      [6, "Gone"],
    ]);
    // 113 s at load 22 on the 2-core machine (synchronous: its commands run with spawnSync).
  }, 600_000);
});

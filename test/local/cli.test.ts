// The okr-sheets command: most cases run in-process through `main` (test/support/cli.ts) in a temporary
// folder; the smoke tests at the end spawn `node bin/okr-sheets.js` as a user runs it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makeFixtures, runCli, spawnCli, type CliRun } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fixtures: Awaited<ReturnType<typeof makeFixtures>>;
beforeAll(async () => {
  fixtures = await makeFixtures(join(dir, "_fixtures"));
});
/** A copy of the operations-template tracker (cycle from 2026-01-05), as `new` makes it. */
const opsCopy = (name: string) => fixtures.copy("operations", join(dir, name));
const blankCopy = (name: string) => fixtures.copy("blank", join(dir, name));

function checked(args: string[], r: CliRun): CliRun {
  // Never a stack trace, whatever happened.
  expect(r.stderr, `stderr of ${args.join(" ")}`).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
  return r;
}

async function run(...args: string[]): Promise<CliRun> {
  return checked(args, await runCli(dir, args));
}

async function json(file: string, sheet: string, ...more: string[]): Promise<Record<string, unknown>[]> {
  const r = await run("show", file, "--sheet", sheet, "--json", ...more);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function bytes(file: string): Buffer {
  return readFileSync(join(dir, file));
}

/** A rejected command: exit 1, one line on stderr, the file byte-identical. */
async function expectRejected(file: string, args: string[], pattern?: RegExp): Promise<string> {
  const before = bytes(file);
  const r = await run(...args);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^okr-sheets: /);
  if (pattern) expect(lines[0]).toMatch(pattern);
  expect(bytes(file).equals(before), `${file} changed`).toBe(true);
  return lines[0];
}

describe("new", () => {
  it("creates a tracker (exit 0) and refuses to overwrite it (exit 1, byte-identical)", async () => {
    const r = await run("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, "ops.xlsx"))).toBe(true);
    expect(r.stdout).not.toMatch(/unknown metric/);
    await expectRejected("ops.xlsx", ["new", "ops.xlsx", "--template", "blank"], /already exists/);
  });

  it("refuses bad options as usage errors (exit 2) and writes no file", async () => {
    for (const args of [["--weeks", "x"], ["--start", "2026-02-30"], ["--template", "sales"], ["--bogus"]]) {
      const r = await run("new", "bad.xlsx", ...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    }
    // a value the add-on refuses: exit 1, no file
    const r = await run("new", "bad.xlsx", "--weeks", "60");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  });
});

describe("show --json", () => {
  it("keys rows by the spec headers with _row; numbers unrounded; dates YYYY-MM-DD", async () => {
    opsCopy("show.xlsx");
    const krs = await json("show.xlsx", "Key Results", "--at", "2026-01-20");
    expect(krs).toHaveLength(7);
    const spec = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
    for (const k of spec) expect(Object.keys(krs[0])).toContain(k);
    expect(krs.map((k) => k._row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // 15 of 91 days elapsed on 2026-01-20: expected is not rounded to 2 decimals
    expect(krs[0]["Expected"]).toBeCloseTo(15 / 91, 12);
    expect(krs[0]["Metric"]).toBe("increase");
    const objs = await json("show.xlsx", "Objectives");
    expect(objs.map((o) => o["ID"])).toEqual(["O1", "O2", "O3"]);
    const settings = await json("show.xlsx", "Settings");
    expect(settings.find((s) => s["Setting"] === "Start date")!["Value"]).toBe("2026-01-05");
  });

  it("--at changes today (and so Expected)", async () => {
    const a = (await json("show.xlsx", "Key Results", "--at", "2026-01-20"))[0]["Expected"] as number;
    const b = (await json("show.xlsx", "Key Results", "--at", "2026-03-02"))[0]["Expected"] as number;
    expect(a).toBeCloseTo(15 / 91, 12);
    expect(b).toBeCloseTo(56 / 91, 12);
  });

  it("an unknown tab is rejected (exit 1)", async () => {
    await expectRejected("show.xlsx", ["show", "show.xlsx", "--sheet", "Nope", "--json"], /Nope/);
  });
});

describe("import", () => {
  it("imports a good CSV with generated IDs", async () => {
    blankCopy("imp.xlsx");
    writeFileSync(
      join(dir, "good.csv"),
      [
        "Objective,Key_Result,Owner,Metric,Start,Target,Type",
        "Ship faster,Cut lead time,a@x.com,decrease,10,5,committed",
        "Ship faster,Raise deploys,b@x.com,increase,2,10,",
        "Delight users,NPS at or above 40,c@x.com,stay_above,35,40,aspirational",
        "Delight users,Launch help centre,c@x.com,milestone,0,1,aspirational",
      ].join("\n"),
    );
    const r = await run("import", "imp.xlsx", "good.csv");
    expect(r.status, r.stderr).toBe(0);
    const objs = await json("imp.xlsx", "Objectives");
    expect(objs.map((o) => [o["ID"], o["Objective"], o["Type"]])).toEqual([
      ["O1", "Ship faster", "committed"],
      ["O2", "Delight users", "aspirational"],
    ]);
    const krs = await json("imp.xlsx", "Key Results", "--at", "2026-01-20");
    expect(krs.map((k) => [k["ID"], k["Objective ID"], k["Start"], k["Target"]])).toEqual([
      ["O1.KR1", "O1", 10, 5],
      ["O1.KR2", "O1", 2, 10],
      ["O2.KR1", "O2", 35, 40],
      ["O2.KR2", "O2", 0, 1],
    ]);
    expect(krs.every((k) => k["Status"] === "Not started")).toBe(true);
  });

  it("rejects a bad CSV naming the row; the file is byte-identical", async () => {
    blankCopy("imp2.xlsx");
    writeFileSync(
      join(dir, "bad.csv"),
      ["objective,key_result,owner,metric,start,target", "A,k1,a@x.com,increase,1,5", "A,k2,a@x.com,sideways,1,5"].join("\n"),
    );
    const line = await expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "bad.csv"]);
    expect(line).toMatch(/row 3|line 3/i);
    writeFileSync(join(dir, "bad2.csv"), ["objective,key_result,owner,metric,start", "A,k1,a@x.com,increase,1"].join("\n"));
    await expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "bad2.csv"], /target/i);
    await expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "missing.csv"], /missing\.csv/);
  });
});

describe("checkin", () => {
  it("checks in (exit 0) and updates the KR", async () => {
    opsCopy("ci.xlsx");
    const r = await run("checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "90", "--confidence", "8", "--comment", "=SUM(1)", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/O1\.KR1/);
    const kr = (await json("ci.xlsx", "Key Results", "--at", "2026-01-20")).find((k) => k["ID"] === "O1.KR1")!;
    expect(kr["Current"]).toBe(90);
    expect(kr["Confidence"]).toBe(8);
    expect(kr["Last check-in"]).toBe("2026-01-20");
    expect(kr["Score"]).toBeCloseTo(8 / 13, 12);
    const log = await json("ci.xlsx", "Check-ins");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ "KR ID": "O1.KR1", Value: 90, Confidence: 8, "What changed": "=SUM(1)", Timestamp: "2026-01-20" });
    expect(String(log[0]["Author"])).toMatch(/chosen/);
    // Without --confidence the last confidence is kept.
    expect((await run("checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "91", "--at", "2026-01-27")).status).toBe(0);
    expect((await json("ci.xlsx", "Check-ins"))[1]["Confidence"]).toBe(8);
  });

  it("rejects a bad value, an unknown KR, a date outside the cycle, a stranger (exit 1, file unchanged)", async () => {
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "abc", "--at", "2026-01-20"], /value/i);
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--confidence", "11", "--at", "2026-01-20"], /onfidence/);
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O9.KR9", "--value", "5", "--at", "2026-01-20"], /O9\.KR9/);
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2025-12-01"], /outside the cycle/);
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--as", "stranger@x.com", "--at", "2026-01-20"], /owner/);
    await expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--comment", "x".repeat(2001), "--at", "2026-01-20"]);
  });
});

describe("edit", () => {
  it("a number typed into Target changes the score", async () => {
    opsCopy("ed.xlsx");
    expect((await run("checkin", "ed.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20")).status).toBe(0);
    const before = (await json("ed.xlsx", "Key Results", "--at", "2026-01-20")).find((k) => k["ID"] === "O1.KR1")!;
    expect(before["Score"]).toBeCloseTo(8 / 13, 12);
    const r = await run("edit", "ed.xlsx", "--sheet", "Key Results", "--range", `H${before._row}`, "--value", "100");
    expect(r.status, r.stderr).toBe(0);
    const after = (await json("ed.xlsx", "Key Results", "--at", "2026-01-20")).find((k) => k["ID"] === "O1.KR1")!;
    expect(after["Target"]).toBe(100);
    expect(after["Score"]).toBeCloseTo(8 / 18, 12);
    // typed text stays text; a formula typed by a user is a formula
    expect((await run("edit", "ed.xlsx", "--sheet", "Key Results", "--range", `F${before._row}`, "--value", "pct")).status).toBe(0);
    expect((await json("ed.xlsx", "Key Results")).find((k) => k["ID"] === "O1.KR1")!["Unit"]).toBe("pct");
  });

  it("a KR without an owner: checkin without --as says what to do; an admin's --as works", async () => {
    opsCopy("noowner.xlsx");
    expect((await run("edit", "noowner.xlsx", "--sheet", "Key Results", "--range", "D2", "--value", "")).status).toBe(0);
    await expectRejected("noowner.xlsx", ["checkin", "noowner.xlsx", "--kr", "O1.KR1", "--value", "85", "--at", "2026-01-20"], /O1\.KR1 has no owner.*--as/);
    const r = await run("checkin", "noowner.xlsx", "--kr", "O1.KR1", "--value", "85", "--at", "2026-01-20", "--as", "ops.lead@example.com");
    expect(r.status, r.stderr).toBe(0);
    // Offline nobody is signed in: --as is a choice, and the Author says so (issue 16).
    expect((await json("noowner.xlsx", "Check-ins"))[0]["Author"]).toBe("ops.lead@example.com (chosen; no email available)");
  });

  it("an unknown sheet or a bad range is rejected (exit 1, file unchanged)", async () => {
    await expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Nope", "--range", "A1", "--value", "1"], /Nope/);
    await expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Key Results", "--range", "A1:B2", "--value", "1"]);
    await expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Key Results", "--range", "not a cell", "--value", "1"]);
  });
});

describe("usage errors exit 2", () => {
  const cases: [string, string[]][] = [
    ["no command", []],
    ["unknown command", ["frobnicate", "x.xlsx"]],
    ["missing --kr", ["checkin", "ci.xlsx", "--value", "3"]],
    ["missing --value", ["checkin", "ci.xlsx", "--kr", "O1.KR1"]],
    ["bad --at", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "3", "--at", "20-01-2026"]],
    ["bad --at on show", ["show", "ci.xlsx", "--sheet", "Key Results", "--at", "2026-13-01"]],
    ["unknown flag", ["show", "ci.xlsx", "--sheet", "Key Results", "--colour"]],
    ["missing file argument", ["show"]],
    ["missing --sheet", ["show", "ci.xlsx"]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const before = existsSync(join(dir, "ci.xlsx")) ? bytes("ci.xlsx") : null;
      const r = await run(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^okr-sheets: /);
      expect(r.stderr).toMatch(/Usage:/);
      if (before) expect(bytes("ci.xlsx").equals(before)).toBe(true);
    });
  }

  it("a missing file is rejected (exit 1), not a crash", async () => {
    const r = await run("show", "nothere.xlsx", "--sheet", "Key Results");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("as a user runs it (spawned)", () => {
  it("new, checkin and show --json through bin/okr-sheets.js", async () => {
    const sh = (...args: string[]) => spawnCli(dir, args).then((r) => checked(args, r));
    let r = await sh("new", "smoke.xlsx", "--template", "operations", "--start", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    r = await sh("checkin", "smoke.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Checked in O1\.KR1: value 90/);
    // Nothing on stderr when a command succeeds (the bundled exceljs once printed Node's Buffer() deprecation).
    expect(r.stderr, "stderr of the check-in").toBe("");
    r = await sh("show", "smoke.xlsx", "--sheet", "Check-ins", "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ "KR ID": "O1.KR1", Value: 90 });
  });

  it("a usage error exits 2 and a rejection exits 1, each with its message on stderr", async () => {
    const usage = await spawnCli(dir, ["show", "smoke.xlsx"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^okr-sheets: --sheet is required\.\nUsage:/);
    const rejected = await spawnCli(dir, ["show", "nothere.xlsx", "--sheet", "Key Results"]);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toBe("okr-sheets: nothere.xlsx: no such file.\n");
  });
});

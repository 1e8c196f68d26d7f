// The okr-sheets command as a user runs it: `node bin/okr-sheets.js …` in a temporary folder.
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { rmSync } from "node:fs";

const HERE = dirname(fileURLToPath(import.meta.url));

const BIN = join(HERE, "..", "..", "bin", "okr-sheets.js");
const dir = mkdtempSync(join(tmpdir(), "okr-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const out = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  // Never a stack trace, whatever happened.
  expect(out.stderr, `stderr of ${args.join(" ")}`).not.toMatch(/^\s+at /m);
  expect(out.stdout).not.toMatch(/^\s+at /m);
  return out;
}

function json(file: string, sheet: string, ...more: string[]): Record<string, unknown>[] {
  const r = run("show", file, "--sheet", sheet, "--json", ...more);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function bytes(file: string): Buffer {
  return readFileSync(join(dir, file));
}

/** A rejected command: exit 1, one line on stderr, the file byte-identical. */
function expectRejected(file: string, args: string[], pattern?: RegExp): string {
  const before = bytes(file);
  const r = run(...args);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^okr-sheets: /);
  if (pattern) expect(lines[0]).toMatch(pattern);
  expect(bytes(file).equals(before), `${file} changed`).toBe(true);
  return lines[0];
}

describe("new", () => {
  it("creates a tracker (exit 0) and refuses to overwrite it (exit 1, byte-identical)", () => {
    const r = run("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, "ops.xlsx"))).toBe(true);
    expect(r.stdout).not.toMatch(/unknown metric/);
    expectRejected("ops.xlsx", ["new", "ops.xlsx", "--template", "blank"], /already exists/);
  });

  it("refuses bad options as usage errors (exit 2) and writes no file", () => {
    for (const args of [["--weeks", "x"], ["--start", "2026-02-30"], ["--template", "sales"], ["--bogus"]]) {
      const r = run("new", "bad.xlsx", ...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    }
    // a value the add-on refuses: exit 1, no file
    const r = run("new", "bad.xlsx", "--weeks", "60");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  });
});

describe("show --json", () => {
  it("keys rows by the spec headers with _row; numbers unrounded; dates YYYY-MM-DD", () => {
    run("new", "show.xlsx", "--template", "operations", "--start", "2026-01-05");
    const krs = json("show.xlsx", "Key Results", "--at", "2026-01-20");
    expect(krs).toHaveLength(7);
    const spec = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
    for (const k of spec) expect(Object.keys(krs[0])).toContain(k);
    expect(krs.map((k) => k._row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // 15 of 91 days elapsed on 2026-01-20: expected is not rounded to 2 decimals
    expect(krs[0]["Expected"]).toBeCloseTo(15 / 91, 12);
    expect(krs[0]["Metric"]).toBe("increase");
    const objs = json("show.xlsx", "Objectives");
    expect(objs.map((o) => o["ID"])).toEqual(["O1", "O2", "O3"]);
    const settings = json("show.xlsx", "Settings");
    expect(settings.find((s) => s["Setting"] === "Start date")!["Value"]).toBe("2026-01-05");
  });

  it("--at changes today (and so Expected)", () => {
    const a = json("show.xlsx", "Key Results", "--at", "2026-01-20")[0]["Expected"] as number;
    const b = json("show.xlsx", "Key Results", "--at", "2026-03-02")[0]["Expected"] as number;
    expect(a).toBeCloseTo(15 / 91, 12);
    expect(b).toBeCloseTo(56 / 91, 12);
  });

  it("an unknown tab is rejected (exit 1)", () => {
    expectRejected("show.xlsx", ["show", "show.xlsx", "--sheet", "Nope", "--json"], /Nope/);
  });
});

describe("import", () => {
  it("imports a good CSV with generated IDs", () => {
    run("new", "imp.xlsx", "--start", "2026-01-05");
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
    const r = run("import", "imp.xlsx", "good.csv");
    expect(r.status, r.stderr).toBe(0);
    const objs = json("imp.xlsx", "Objectives");
    expect(objs.map((o) => [o["ID"], o["Objective"], o["Type"]])).toEqual([
      ["O1", "Ship faster", "committed"],
      ["O2", "Delight users", "aspirational"],
    ]);
    const krs = json("imp.xlsx", "Key Results", "--at", "2026-01-20");
    expect(krs.map((k) => [k["ID"], k["Objective ID"], k["Start"], k["Target"]])).toEqual([
      ["O1.KR1", "O1", 10, 5],
      ["O1.KR2", "O1", 2, 10],
      ["O2.KR1", "O2", 35, 40],
      ["O2.KR2", "O2", 0, 1],
    ]);
    expect(krs.every((k) => k["Status"] === "Not started")).toBe(true);
  });

  it("rejects a bad CSV naming the row; the file is byte-identical", () => {
    run("new", "imp2.xlsx", "--start", "2026-01-05");
    writeFileSync(
      join(dir, "bad.csv"),
      ["objective,key_result,owner,metric,start,target", "A,k1,a@x.com,increase,1,5", "A,k2,a@x.com,sideways,1,5"].join("\n"),
    );
    const line = expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "bad.csv"]);
    expect(line).toMatch(/row 3|line 3/i);
    writeFileSync(join(dir, "bad2.csv"), ["objective,key_result,owner,metric,start", "A,k1,a@x.com,increase,1"].join("\n"));
    expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "bad2.csv"], /target/i);
    expectRejected("imp2.xlsx", ["import", "imp2.xlsx", "missing.csv"], /missing\.csv/);
  });
});

describe("checkin", () => {
  it("checks in (exit 0) and updates the KR", () => {
    run("new", "ci.xlsx", "--template", "operations", "--start", "2026-01-05");
    const r = run("checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "90", "--confidence", "8", "--comment", "=SUM(1)", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/O1\.KR1/);
    const kr = json("ci.xlsx", "Key Results", "--at", "2026-01-20").find((k) => k["ID"] === "O1.KR1")!;
    expect(kr["Current"]).toBe(90);
    expect(kr["Confidence"]).toBe(8);
    expect(kr["Last check-in"]).toBe("2026-01-20");
    expect(kr["Score"]).toBeCloseTo(8 / 13, 12);
    const log = json("ci.xlsx", "Check-ins");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ "KR ID": "O1.KR1", Value: 90, Confidence: 8, "What changed": "=SUM(1)", Timestamp: "2026-01-20" });
    expect(String(log[0]["Author"])).toMatch(/chosen/);
    // Without --confidence the last confidence is kept.
    expect(run("checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "91", "--at", "2026-01-27").status).toBe(0);
    expect(json("ci.xlsx", "Check-ins")[1]["Confidence"]).toBe(8);
  });

  it("rejects a bad value, an unknown KR, a date outside the cycle, a stranger (exit 1, file unchanged)", () => {
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "abc", "--at", "2026-01-20"], /value/i);
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--confidence", "11", "--at", "2026-01-20"], /onfidence/);
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O9.KR9", "--value", "5", "--at", "2026-01-20"], /O9\.KR9/);
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2025-12-01"], /outside the cycle/);
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--as", "stranger@x.com", "--at", "2026-01-20"], /owner/);
    expectRejected("ci.xlsx", ["checkin", "ci.xlsx", "--kr", "O1.KR1", "--value", "5", "--comment", "x".repeat(2001), "--at", "2026-01-20"]);
  });
});

describe("edit", () => {
  it("a number typed into Target changes the score", () => {
    run("new", "ed.xlsx", "--template", "operations", "--start", "2026-01-05");
    expect(run("checkin", "ed.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20").status).toBe(0);
    const before = json("ed.xlsx", "Key Results", "--at", "2026-01-20").find((k) => k["ID"] === "O1.KR1")!;
    expect(before["Score"]).toBeCloseTo(8 / 13, 12);
    const r = run("edit", "ed.xlsx", "--sheet", "Key Results", "--range", `H${before._row}`, "--value", "100");
    expect(r.status, r.stderr).toBe(0);
    const after = json("ed.xlsx", "Key Results", "--at", "2026-01-20").find((k) => k["ID"] === "O1.KR1")!;
    expect(after["Target"]).toBe(100);
    expect(after["Score"]).toBeCloseTo(8 / 18, 12);
    // typed text stays text; a formula typed by a user is a formula
    expect(run("edit", "ed.xlsx", "--sheet", "Key Results", "--range", `F${before._row}`, "--value", "pct").status).toBe(0);
    expect(json("ed.xlsx", "Key Results").find((k) => k["ID"] === "O1.KR1")!["Unit"]).toBe("pct");
  });

  it("a KR without an owner: checkin without --as says what to do; an admin's --as works", () => {
    run("new", "noowner.xlsx", "--template", "operations", "--start", "2026-01-05");
    expect(run("edit", "noowner.xlsx", "--sheet", "Key Results", "--range", "D2", "--value", "").status).toBe(0);
    expectRejected("noowner.xlsx", ["checkin", "noowner.xlsx", "--kr", "O1.KR1", "--value", "85", "--at", "2026-01-20"], /O1\.KR1 has no owner.*--as/);
    const r = run("checkin", "noowner.xlsx", "--kr", "O1.KR1", "--value", "85", "--at", "2026-01-20", "--as", "ops.lead@example.com");
    expect(r.status, r.stderr).toBe(0);
    expect(json("noowner.xlsx", "Check-ins")[0]["Author"]).toBe("ops.lead@example.com");
  });

  it("an unknown sheet or a bad range is rejected (exit 1, file unchanged)", () => {
    expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Nope", "--range", "A1", "--value", "1"], /Nope/);
    expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Key Results", "--range", "A1:B2", "--value", "1"]);
    expectRejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "Key Results", "--range", "not a cell", "--value", "1"]);
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
    it(name, () => {
      const before = existsSync(join(dir, "ci.xlsx")) ? bytes("ci.xlsx") : null;
      const r = run(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^okr-sheets: /);
      expect(r.stderr).toMatch(/Usage:/);
      if (before) expect(bytes("ci.xlsx").equals(before)).toBe(true);
    });
  }

  it("a missing file is rejected (exit 1), not a crash", () => {
    const r = run("show", "nothere.xlsx", "--sheet", "Key Results");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

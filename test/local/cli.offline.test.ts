// Offline mode loses nothing (issue 16): one writer at a time across processes, the file kept as it was,
// limits that name themselves. Commands run in-process through main(); real processes only where two
// processes are the point.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { main } from "../../src/local/cli";

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, "support", "checkinWorker.mjs");
const dir = mkdtempSync(join(tmpdir(), "okr-offline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `okr-sheets ARGS` in this process, capturing what it prints. Paths are relative to `dir`. */
async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write;
  const w2 = process.stderr.write;
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const status = await main(args);
    return { status, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.chdir(cwd);
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

const p = (f: string) => join(dir, f);

async function ok(...args: string[]): Promise<Run> {
  const r = await cli(...args);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
}

/** A refusal: exit 1, one line on stderr, the file byte-identical. */
async function refused(file: string, args: string[], pattern: RegExp): Promise<string> {
  const before = readFileSync(p(file));
  const r = await cli(...args);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(readFileSync(p(file)).equals(before), `${file} changed`).toBe(true);
  return lines[0];
}

async function logRows(file: string): Promise<Record<string, unknown>[]> {
  const r = await ok("show", file, "--sheet", "Check-ins", "--json");
  return JSON.parse(r.stdout);
}

function spawnWorker(file: string, tag: string, n: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [WORKER, file, tag, String(n)], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolveRun({ code, stderr }));
  });
}

/** A small tracker: one objective, one key result O1.KR1 owned by a@x.com. */
async function tracker(file: string): Promise<void> {
  await ok("new", file, "--start", "2026-01-05");
  writeFileSync(p("one.csv"), "Objective,Key_Result,Owner,Metric,Start,Target\nShip,Cut lead time,a@x.com,increase,0,100\n");
  await ok("import", file, "one.csv");
}

describe("one writer at a time", () => {
  it("two processes checking in 20 times each at the same moment keep all 40 check-ins", async () => {
    await tracker("race.xlsx");
    const [a, b] = await Promise.all([spawnWorker("race.xlsx", "a", 20), spawnWorker("race.xlsx", "b", 20)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const comments = (await logRows("race.xlsx")).map((r) => String(r["What changed"])).sort();
    const want = ["a", "b"].flatMap((t) => Array.from({ length: 20 }, (_, i) => `${t}-${i + 1}`)).sort();
    expect(comments).toEqual(want);
    expect(existsSync(p("race.xlsx.lock")), "lock left behind").toBe(false);
  }, 300_000);

  it("a second writer refuses with one line while the file is locked, and works once the lock is stale", async () => {
    await tracker("busy.xlsx");
    mkdirSync(p("busy.xlsx.lock"));
    process.env.OKR_SHEETS_LOCK_WAIT_MS = "200";
    try {
      await refused("busy.xlsx", ["checkin", "busy.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2026-01-20"], /^okr-sheets: busy\.xlsx is being changed by another okr-sheets command; try again\.$/);
      // A lock whose owner died (not refreshed for a minute) is taken over.
      const old = new Date(Date.now() - 60_000);
      const { utimesSync } = await import("node:fs");
      utimesSync(p("busy.xlsx.lock"), old, old);
      await ok("checkin", "busy.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2026-01-20");
    } finally {
      delete process.env.OKR_SHEETS_LOCK_WAIT_MS;
    }
    expect(await logRows("busy.xlsx")).toHaveLength(1);
  });
});

// Runs okr-sheets commands for tests. Most cases run in-process through `main` with their own folder and
// output (a child process per case cost about a second of Node start-up and module loading each); a few
// smoke tests still spawn `node bin/okr-sheets.js` as a user runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "@jest/globals";
import { main } from "../../src/local/cli";
import { expect } from "./expect";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "okr-sheets.js");

/** One command in-process, in folder `cwd`; `now` is its "today" when it has no --at (default: the real clock). */
export async function runCli(cwd: string, args: string[], opts: { now?: Date } = {}): Promise<CliRun> {
  let stdout = "", stderr = "";
  const status = await main(args, { cwd, now: opts.now, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

/** A rejection of `run(...args)`: exit 1, one line naming the problem, `file` (in `dir`) byte-identical; its line. */
export async function rejectedBy(run: (...args: string[]) => Promise<CliRun>, dir: string, file: string, args: string[]): Promise<string> {
  const before = readFileSync(join(dir, file));
  const r = await run(...args);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
  expect(readFileSync(join(dir, file)).equals(before), `${file} changed`).toBe(true);
  return r.stderr.trim();
}

const running = new Set<ChildProcess>();
// A test that failed or timed out can leave a command running; it must not outlive its test file (a live
// child keeps the Jest worker from exiting, and Jest then force-exits it).
afterAll(() => {
  for (const p of running) p.kill("SIGKILL");
});

/** One command as a user runs it: a child process of the built binary (killed after 3 min, the test timeout). */
export function spawnCli(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 });
    running.add(p);
    let stdout = "", stderr = "";
    p.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    p.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    p.on("error", (e) => {
      running.delete(p);
      reject(e);
    });
    p.on("close", (status) => {
      running.delete(p);
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * Set-up trackers made once per test file ("new" with each template, cycle starting 2026-01-05) and copied
 * for each case, instead of running setup for every case.
 */
export async function makeFixtures(dir: string): Promise<{ copy(template: "operations" | "blank", to: string): void }> {
  mkdirSync(dir, { recursive: true });
  for (const template of ["operations", "blank"]) {
    const r = await runCli(dir, ["new", `${template}.xlsx`, "--template", template, "--start", "2026-01-05"]);
    if (r.status !== 0) throw new Error(`fixture ${template}: ${r.stderr}`);
  }
  return { copy: (template, to) => copyFileSync(join(dir, `${template}.xlsx`), to) };
}

/**
 * A test file's own directory (removed after it) with the fixtures made once in it, and the CLI run there:
 * `rejected` is a rejection (exit 1, one line, the file byte-identical), `ok` a success's stdout.
 */
export function cliWorkspace(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let made: Awaited<ReturnType<typeof makeFixtures>> | null = null;
  beforeAll(async () => {
    made = await makeFixtures(dir);
  });
  const run = (...args: string[]): Promise<CliRun> => runCli(dir, args);
  return {
    dir,
    run,
    fixtures: { copy: (template: "operations" | "blank", to: string): void => made!.copy(template, to) },
    rejected: (file: string, args: string[]): Promise<string> => rejectedBy(run, dir, file, args),
    ok: async (...args: string[]): Promise<string> => {
      const r = await run(...args);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    },
  };
}

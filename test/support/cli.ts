// Runs okr-sheets commands for tests. Most cases run in-process through `main` with their own folder and
// output (a child process per case cost about a second of Node start-up and module loading each); a few
// smoke tests still spawn `node bin/okr-sheets.js` as a user runs it.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/local/cli";

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

/** One command as a user runs it: a child process of the built binary. */
export function spawnCli(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "", stderr = "";
    p.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    p.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    p.on("error", reject);
    p.on("close", (status) => resolve({ status, stdout, stderr }));
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

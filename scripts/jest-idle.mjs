// `node scripts/jest-idle.mjs [jest arguments]` (Linux): runs `npm run jest` with OKR_JEST_CPU and samples its
// process tree every 20 ms, then prints, per test file, the seconds its worker's whole tree (the worker, Chromium,
// LibreOffice, spawned CLIs) had no thread runnable: asleep on timers, the disk or the network. On a quiet
// 2-core machine that is a core left idle; a busy machine stretches the runnable time but not those waits, so it
// is measured whatever the load (CPU seconds alone cannot say why the wall clock is over CPU / 2: README "How
// long the suite takes"). Also printed: Jest's start before its first file and how long the last worker ran
// alone. The CPU log goes to OKR_JEST_IDLE_LOG (a folder) or a new temporary one.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const INTERVAL = 20;
const dir = process.env.OKR_JEST_IDLE_LOG || mkdtempSync(join(tmpdir(), "okr-jest-idle-"));
mkdirSync(dir, { recursive: true });
const cpuLog = join(dir, "cpu.jsonl");
writeFileSync(cpuLog, ""); // a folder used before: this run's files only

const read = (p) => {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return null;
  }
};
const tasks = (pid) => {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
};
const children = (pid) => tasks(pid).flatMap((t) => (read(`/proc/${pid}/task/${t}/children`) ?? "").trim().split(/\s+/).filter(Boolean).map(Number));
/** Runnable threads (state R) of pid and its descendants. */
function runnable(pid) {
  let n = 0;
  for (const t of tasks(pid)) {
    const s = read(`/proc/${pid}/task/${t}/stat`);
    if (s && s[s.lastIndexOf(")") + 2] === "R") n++;
  }
  for (const c of children(pid)) n += runnable(c);
  return n;
}

/** Whether pid is a Jest worker (jest-worker's child process), by its command line (read each time: a process
 * just forked still shows its parent's). */
const workerPid = (pid) => /jest-worker[\\/]build[\\/]processChild/.test(read(`/proc/${pid}/cmdline`) ?? "");
/** The Jest workers under pid (npm, its shell and Jest's own process lie between). */
const workers = (pid) => (workerPid(pid) ? [pid] : children(pid).flatMap(workers));

const started = Date.now();
const jest = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "jest", "--", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, OKR_JEST_CPU: cpuLog },
});
/** Per sample: its time and each Jest worker's runnable threads (its pid's tree). */
const samples = [];
const timer = setInterval(() => {
  const per = {};
  for (const worker of workers(jest.pid)) per[worker] = runnable(worker);
  samples.push({ t: Date.now(), per });
}, INTERVAL);

jest.on("close", (code) => {
  clearInterval(timer);
  const files = (read(cpuLog) ?? "").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  if (files.length === 0) return void (process.exitCode = code ?? 1);
  for (const f of files) Object.assign(f, { start: f.end - f.wall * 1000, asleep: 0 });
  for (let i = 1; i < samples.length; i++) {
    const { t, per } = samples[i];
    const dt = (t - samples[i - 1].t) / 1000;
    for (const f of files) if (t >= f.start && t <= f.end && per[f.pid] === 0) f.asleep += dt;
  }
  files.sort((a, b) => b.asleep - a.asleep);
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  const ends = [...new Set(files.map((f) => f.pid))].map((pid) => Math.max(...files.filter((f) => f.pid === pid).map((f) => f.end))).sort((a, b) => b - a);
  const out = [
    `${files.length} files: CPU ${sum("own").toFixed(1)} s own + ${sum("children").toFixed(1)} s children; asleep ${sum("asleep").toFixed(1)} s (a sample every ${((samples.at(-1).t - samples[0].t) / samples.length).toFixed(0)} ms)`,
    `first file started ${((Math.min(...files.map((f) => f.start)) - started) / 1000).toFixed(1)} s after Jest; the last worker ran alone for ${ends.length > 1 ? ((ends[0] - ends[1]) / 1000).toFixed(1) : "-"} s`,
    ...files.slice(0, 15).map((f) => `  ${f.asleep.toFixed(1).padStart(5)} s asleep  ${f.file.replace(/^.*?\/test\//, "test/")} (CPU ${(f.own + f.children).toFixed(1)} s, wall ${f.wall.toFixed(1)} s)`),
    `(the CPU log: ${cpuLog})`,
  ];
  process.stdout.write(`\njest-idle: ${out.join("\n")}\n`);
  process.exitCode = code ?? 1;
});

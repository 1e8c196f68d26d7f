// OKR_JEST_CPU=file (Linux): each test file's CPU seconds appended to the file as a line of JSON, the worker's
// own (all its threads: GC's too) and its child processes' (Chromium, LibreOffice, spawned CLIs and what they
// reaped), with the file's wall seconds and when it ended. On a machine shared with other work the wall clock measures the load;
// CPU seconds say where a run's time goes (README "How long the suite takes"). Read by jest-environment.mjs.
import { appendFileSync, readFileSync, readdirSync } from "node:fs";

const LOG = process.env.OKR_JEST_CPU;
const TICKS = 100; // USER_HZ

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null; // ended meanwhile
  }
}

/** CPU seconds of this process's descendants: the living ones' (with what each reaped) and those it reaped. */
function childrenSeconds() {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) (children.get(s.ppid) ?? children.set(s.ppid, []).get(s.ppid)).push([Number(name), s]);
  }
  let ticks = stat(process.pid)?.reaped ?? 0;
  const walk = (pid) => {
    for (const [child, s] of children.get(pid) ?? []) {
      ticks += s.own + s.reaped;
      walk(child);
    }
  };
  walk(process.pid);
  return ticks / TICKS;
}

/** Starts measuring a test file; the returned function logs what it used. Nothing without OKR_JEST_CPU. */
export function cpuMeter(file) {
  if (!LOG) return () => undefined;
  const cpu = process.cpuUsage(), children = childrenSeconds(), at = performance.now();
  return () => {
    const d = process.cpuUsage(cpu);
    // `end` (ms since the epoch) puts the file on a timeline (scripts/jest-idle.mjs).
    const line = { file, pid: process.pid, own: (d.user + d.system) / 1e6, children: childrenSeconds() - children, wall: (performance.now() - at) / 1000, end: Date.now() };
    appendFileSync(LOG, `${JSON.stringify(line)}\n`);
  };
}

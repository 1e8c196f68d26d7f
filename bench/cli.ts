// The command line on each tier's tracker saved as .xlsx (issue 17): CPU seconds (user + system) and peak
// memory of the okr-sheets child process, best of 3 runs, each on a fresh copy of the file. Called by
// bench/run.ts after its own measurements (it adds `cli` to bench/results.json); on its own,
//   tsx bench/cli.ts [--only small,large]
// re-times the trackers bench/run.ts saved last (bench/out/TIER-setup.xlsx) without building them again.
// The file timed is the tier's generated tracker after Repair tracker (what `okr-sheets repair` does), as a
// user's tracker is once set up: the generator leaves KR and objective formulas on the first 50 rows only
// (src/local/generate), and a command then paid for writing the missing ones (the summary does, once).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkbookSnapshot } from "../src/local/snapshot";
import { callAddon, workbookFromSnapshot } from "../src/local/runtime";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "out");
const CHILD = join(HERE, "cli-child.mjs");
const TODAY = "2026-03-26";
const RUNS = 3;

/** Targets from issue 17, CPU seconds; memory in MB (large only). */
export const CLI_TARGETS: Record<string, Record<string, number>> = {
  small: { checkin: 0.8, summary: 1.0, show: 0.6 },
  large: { checkin: 6, summary: 8, show: 3, peakMb: 600 },
};

export interface CliMeasure {
  /** Best (lowest) CPU seconds, user + system, of RUNS runs. */
  cpuS: number;
  /** Highest peak resident memory of the runs, MB. */
  peakMb: number;
  /** Wall seconds of the best-CPU run. */
  wallS: number;
  runs: number[];
}

function commands(krId: string): Record<string, string[]> {
  return {
    checkin: ["checkin", "t.xlsx", "--kr", krId, "--value", "42", "--confirm", "--comment", "bench", "--at", TODAY],
    summary: ["summary", "t.xlsx", "--at", TODAY],
    show: ["show", "t.xlsx", "--sheet", "Key Results", "--at", TODAY],
  };
}

function runOnce(xlsx: string, args: string[]): { cpuS: number; peakMb: number; wallS: number } {
  const dir = mkdtempSync(join(tmpdir(), "okr-bench-cli-"));
  try {
    copyFileSync(xlsx, join(dir, "t.xlsx"));
    const usage = join(dir, "usage.json");
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CHILD, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, OKR_BENCH_USAGE: usage } });
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`bench: okr-sheets ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    const u = JSON.parse(readFileSync(usage, "utf8")) as { userUs: number; systemUs: number; maxRssKb: number };
    return { cpuS: (u.userUs + u.systemUs) / 1e6, peakMb: u.maxRssKb / 1024, wallS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ID of the first key result on the tracker (row 2 of Key Results). */
function firstKr(s: WorkbookSnapshot): string {
  const kr = s.sheets.find((x) => x.name === "Key Results")!;
  return String(kr.rows[1]![0]!.v);
}

export function timeTier(xlsx: string, krId: string): Record<string, CliMeasure> {
  const out: Record<string, CliMeasure> = {};
  for (const [name, args] of Object.entries(commands(krId))) {
    const runs = Array.from({ length: RUNS }, () => runOnce(xlsx, args));
    const best = runs.reduce((a, b) => (b.cpuS < a.cpuS ? b : a));
    const round = (x: number, d = 2) => Number(x.toFixed(d));
    out[name] = { cpuS: round(best.cpuS), peakMb: round(Math.max(...runs.map((r) => r.peakMb)), 0), wallS: round(best.wallS), runs: runs.map((r) => round(r.cpuS)) };
    process.stderr.write(`bench cli: ${name} ${out[name].cpuS} s CPU, ${out[name].peakMb} MB\n`);
  }
  return out;
}

export function cliTargets(cli: Record<string, Record<string, CliMeasure>>): Record<string, { met: boolean; measured: number; target: number }> {
  const t: Record<string, { met: boolean; measured: number; target: number }> = {};
  for (const [tier, targets] of Object.entries(CLI_TARGETS)) {
    const m = cli[tier];
    if (!m) continue;
    for (const [what, target] of Object.entries(targets)) {
      const measured = what === "peakMb" ? Math.max(...Object.values(m).map((x) => x.peakMb)) : m[what].cpuS;
      t[`${tier}.${what}`] = { met: measured <= target, measured, target };
    }
  }
  return t;
}

function only(): Set<string> | null {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? new Set(process.argv[i + 1].split(",")) : null;
}

function printCli(cli: Record<string, Record<string, CliMeasure>>): void {
  console.log("\nokr-sheets on the saved tracker (CPU s best of 3 / peak MB):");
  for (const [tier, m] of Object.entries(cli)) {
    console.log(`  ${tier.padEnd(7)} ${Object.entries(m).map(([k, v]) => `${k} ${v.cpuS.toFixed(2)} s / ${v.peakMb} MB`).join("   ")}`);
  }
  for (const [k, v] of Object.entries(cliTargets(cli))) console.log(`${v.met ? "MET   " : "MISSED"} cli ${k}: ${v.measured} (target ${v.target})`);
}

function addToResults(resultsFile: string, cli: Record<string, Record<string, CliMeasure>>): void {
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
  results.cli = { today: TODAY, runs: RUNS, targets: cliTargets(cli), tiers: cli };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
}

/**
 * The tier's tracker repaired and saved as `okr-sheets repair` does (formula results computed for TODAY, and
 * recorded so): formulas on every KR and objective row, the file a user has. Returns the file and its first KR.
 */
export async function saveSetUp(name: string, snap: WorkbookSnapshot): Promise<{ xlsx: string; kr: string }> {
  mkdirSync(OUT, { recursive: true });
  const xlsx = join(OUT, `${name}-setup.xlsx`);
  const wb = workbookFromSnapshot(xlsx, snap, { at: TODAY });
  const repaired = callAddon(wb, "repairTracker");
  if (!repaired.ok) throw new Error(`bench cli: ${name}: repairTracker failed: ${repaired.message}`);
  await wb.save();
  writeFileSync(join(OUT, `${name}.kr`), firstKr(snap));
  return { xlsx, kr: firstKr(snap) };
}

/** Saves each tier, repaired, as bench/out/TIER-setup.xlsx, times the commands on it and adds `cli` to results.json. */
export async function benchCli(tiers: { name: string; snapshot: () => WorkbookSnapshot }[], resultsFile = join(HERE, "results.json")): Promise<void> {
  const want = only();
  mkdirSync(OUT, { recursive: true });
  const cli: Record<string, Record<string, CliMeasure>> = {};
  for (const tier of tiers) {
    if (want && !want.has(tier.name)) continue;
    process.stderr.write(`bench cli: ${tier.name} ...\n`);
    const { xlsx, kr } = await saveSetUp(tier.name, tier.snapshot());
    cli[tier.name] = timeTier(xlsx, kr);
  }
  addToResults(resultsFile, cli);
  printCli(cli);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const want = only();
  const cli: Record<string, Record<string, CliMeasure>> = {};
  for (const tier of ["small", "medium", "large"]) {
    if (want && !want.has(tier)) continue;
    const xlsx = join(OUT, `${tier}-setup.xlsx`);
    if (!existsSync(xlsx)) continue;
    process.stderr.write(`bench cli: ${tier} ...\n`);
    cli[tier] = timeTier(xlsx, readFileSync(join(OUT, `${tier}.kr`), "utf8"));
  }
  if (!Object.keys(cli).length) throw new Error("bench cli: no bench/out/*-setup.xlsx yet; run `npm run bench` first.");
  addToResults(join(HERE, "results.json"), cli);
  printCli(cli);
}

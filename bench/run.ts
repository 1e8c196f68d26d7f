// Benchmark: runs the built add-on (dist/Code.js) on the offline spreadsheet at growing tracker sizes and
// measures, per operation, the Apps Script service calls, cells read, cells written and wall time.
//
//   npm run bench            (= npm run build && tsx bench/run.ts)
//   tsx bench/run.ts --only small,medium   (a subset of tiers; results.json is still written)
//
// How a tier is built (bench/tier.ts, with the generator in src/local/generate that the tests share): a
// blank tracker is created through setupTracker, saved to a snapshot, and the snapshot is filled directly
// (objectives, KRs with their latest check-in, the check-in log, weekly History rows), as a tracker that
// has been in use for most of a cycle would be. The filled workbook is then loaded
// into a fresh offline spreadsheet and the add-on is measured on it:
//   setup        setupTracker({}) over the filled tracker (restores formulas/formatting for every row)
//   (also)       repairTracker right after it: the healthy filled tracker, which the setup target is about
//   sidebarOpen  the "Check in" menu item as a KR owner: one execution builds the page with the data inside
//                (the target applies here); the admin view is recorded too
//   checkin      one submitCheckin by that owner
//   summary      generateWeeklySummary({at: today})
//   (also)       next week's summary with the History and Weekly Summary grids full, so both must grow
//   (also)       next week's summary after one check-in per KR in that week (bench/weekCheckins.ts)
// Each operation starts from counters.reset(); ms is performance.now() around the call, so it includes the
// offline engine's formula recalculation (HyperFormula), which real Sheets does on Google's side.
import { statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { distDir } from "../src/local/runtime";
import { benchCli } from "./cli";
import { RATES } from "./costModel";
import { runBacktest } from "./forecastBacktest";
import { SHAPE, type OpResult } from "./measure";
import { BUDGET_SECONDS } from "./portfolio";
import { fmtInt, portfolioTier, printTable } from "./report";
import { logGrowthControl, runTier, TIERS, VERIFY, verifyWeekCheckins, type TierOut } from "./tier";
import { START, TODAY, WEEKS } from "../src/local/generate/okrs";
import type { WorkbookSnapshot } from "../src/local/snapshot";

const HERE = dirname(fileURLToPath(import.meta.url));

// ---- targets (issue 14: the cost model's high projection, in seconds, at every tier) ----
const TARGET = {
  sidebarOpenS: 3.5,
  checkinS: 3.0,
  summaryLargeS: 15,
  summaryMediumS: 4,
  setupFilledS: 10,
  setupNewS: 20,
  checkinCellsSmall: 2000,
  bundleBytes: 300 * 1000,
};

/** Each measured tier's filled tracker, for the command-line bench (saved as .xlsx, not generated again). */
const filled = new Map<string, WorkbookSnapshot>();

/** Whether results.json was written (not for `--only portfolio`, which only prints its tier's line). */
function main(): boolean {
  const only = (() => {
    const i = process.argv.indexOf("--only");
    return i >= 0 ? new Set(process.argv[i + 1].split(",")) : null;
  })();
  const t0 = performance.now();
  const bundleBytes = statSync(join(distDir(), "Code.js")).size;
  const tiers: TierOut[] = [];
  for (const spec of TIERS) {
    if (only && !only.has(spec.name)) continue;
    process.stderr.write(`bench: ${spec.name} (${spec.krs} KRs, ${spec.checkins} check-ins) ... `);
    const { tier: t, snapshot } = runTier(spec);
    filled.set(spec.name, snapshot);
    process.stderr.write(`built in ${t.buildMs} ms, measured\n`);
    tiers.push(t);
  }
  const portfolio = !only || only.has("portfolio") ? portfolioTier() : null;
  if (only && !tiers.length) return false; // --only portfolio: the tier's own report, results.json untouched
  const medium = TIERS.find((t) => t.name === "medium")!;
  process.stderr.write(`bench: log-growth control (${medium.krs} KRs, ${medium.checkins} vs ${medium.checkins * 10} check-ins) ...\n`);
  const control = logGrowthControl(medium);
  // Not reported: throws unless the week of check-ins written directly, which the medium and large figures
  // rest on, matches submitCheckin's on a log longer than a check-in's tail (bench/tier.ts VERIFY).
  process.stderr.write(`bench: check of the week's check-ins (${VERIFY.krs} KRs, ${VERIFY.checkins} check-ins) ... `);
  const verified = verifyWeekCheckins();
  process.stderr.write(`same as submitCheckin's (${verified.checkins} check-ins on a ${verified.logRows}-row log, ${verified.kept} kept their forecast)\n`);

  const all = (f: (t: TierOut) => number) => tiers.map(f);
  const same = (xs: number[]) => xs.every((x) => x === xs[0]);
  const checkinCalls = all((t) => t.ops.checkin.serviceCalls);
  const sidebarCalls = all((t) => t.ops.sidebarOpen.serviceCalls);
  // Flat with size on an ordinary week, as the summary targets are; a first summary also makes the Weekly Summary
  // tab, and a report longer than a new tab's 1,000 rows grows it once (one insert), so it is reported beside.
  const summaryCalls = all((t) => t.summaryNextWeek.serviceCalls);
  const firstSummaryCalls = all((t) => t.ops.summary.serviceCalls);
  const high = (o: OpResult) => o.projectedSeconds!.high;
  const byTier = (f: (t: TierOut) => number) => Object.fromEntries(tiers.map((t) => [t.name, f(t)]));
  const tier = (name: string) => tiers.find((t) => t.name === name);
  const atMost = (f: (t: TierOut) => number, limit: number) => ({ met: tiers.every((t) => f(t) <= limit), measured: byTier(f) });
  const small = tier("small");
  const med = tier("medium");
  const large = tier("large");
  const targets = {
    sidebarUsableAtMost3_5s: atMost((t) => high(t.ops.sidebarOpen), TARGET.sidebarOpenS),
    sidebarUsableAdminAtMost3_5s: atMost((t) => high(t.sidebarOpenAdmin), TARGET.sidebarOpenS),
    checkinAtMost3s: atMost((t) => high(t.ops.checkin), TARGET.checkinS),
    // The weekly summary is an ordinary week's: it starts from last week's checkpoint (issue 14's incremental
    // summary). A tracker's first summary reads the whole log once; its figure is reported beside, not a target.
    // weekWithCheckins: the same week after every KR checked in once (summaryNextWeek's week has none), beside.
    summaryLargeAtMost15s: { met: !large || high(large.summaryNextWeek) <= TARGET.summaryLargeS, measured: large ? high(large.summaryNextWeek) : null, firstSummary: large ? high(large.ops.summary) : null, weekWithCheckins: large ? high(large.summaryWeekWithCheckins) : null },
    summaryMediumAtMost4s: { met: !med || high(med.summaryNextWeek) <= TARGET.summaryMediumS, measured: med ? high(med.summaryNextWeek) : null, firstSummary: med ? high(med.ops.summary) : null, weekWithCheckins: med ? high(med.summaryWeekWithCheckins) : null },
    // "Setup / Repair over a healthy filled tracker": the Repair after the setup that extended the tier's rows,
    // and the same tracker's Repair once it is in use (both summary tabs made): the slower of the two.
    setupFilledAtMost10s: atMost((t) => Math.max(high(t.repairHealthy), high(t.repairWithSummaries)), TARGET.setupFilledS),
    setupNewAtMost20s: atMost((t) => high(t.setupNew), TARGET.setupNewS),
    checkinCellsSmallAtMost2000: { met: !small || small.ops.checkin.cellsRead <= TARGET.checkinCellsSmall, measured: small ? small.ops.checkin.cellsRead : null },
    checkinReadsFlatWithLog: { met: control.checkinReads[1] === control.checkinReads[0], measured: { checkins: control.checkins, cellsRead: control.checkinReads } },
    checkinCallsSameAtEverySize: { met: same(checkinCalls), measured: checkinCalls },
    sidebarOpenCallsSameAtEverySize: { met: same(sidebarCalls), measured: sidebarCalls },
    // Flat with size: no tier makes more calls than the small one. Not always the same count: a tab whose data
    // ends at its grid's end is read without asking for its last row (one call fewer, summaryRead.ts).
    summaryCallsFlatWithSize: { met: summaryCalls.every((n) => n <= summaryCalls[0]), measured: summaryCalls, firstSummary: firstSummaryCalls },
    bundleUnder300KB: { met: bundleBytes < TARGET.bundleBytes, measured: bundleBytes },
    ...(portfolio ? { portfolioUnder6Minutes: { met: portfolio.projectedSeconds.high < BUDGET_SECONDS, measured: portfolio.projectedSeconds } } : {}),
  };

  // How well the forecast sees a miss in weeks 3-6 (bench/forecastBacktest.ts): deterministic, about 3 s with the "how sure" grades (bench/forecastSure.ts).
  const forecastBacktest = runBacktest();
  const results = {
    generated: new Date().toISOString(),
    node: process.version,
    cycle: { start: START, weeks: WEEKS, today: TODAY },
    costModel: { secondsPer: RATES, shapes: SHAPE },
    bundleBytes,
    targets,
    logGrowthControl: control,
    tiers,
    ...(portfolio ? { portfolio } : {}),
    forecastBacktest,
  };
  writeFileSync(join(HERE, "results.json"), JSON.stringify(results, null, 2) + "\n");

  console.log("");
  printTable(tiers);
  console.log("");
  console.log(`log-growth control (${control.krs} KRs): check-in cells read ${control.checkinReads.map(fmtInt).join(" vs ")} with ${control.checkins.map(fmtInt).join(" vs ")} check-ins in the log`);
  console.log(`dist/Code.js: ${fmtInt(bundleBytes)} bytes`);
  const w4 = forecastBacktest.overall.forecast[4];
  console.log(`forecast backtest, week 4: recall ${w4.recall}, precision ${w4.precision}, false alarms ${w4.falseAlarms}, mean abs. error ${w4.mae} (npm run bench:forecast)`);
  console.log("");
  for (const [k, v] of Object.entries(targets)) console.log(`${v.met ? "MET   " : "MISSED"} ${k}: ${JSON.stringify(v.measured)}`);
  console.log(`\nwrote bench/results.json in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

const wrote = main();
// The command line on each tier saved as .xlsx (bench/cli.ts): adds `cli` to results.json.
if (wrote) await benchCli([...filled].map(([name, snapshot]) => ({ name, snapshot: () => snapshot })));

// The benchmark's report on the console: the table of tiers and operations, and the portfolio tier's line.
import { BUDGET_SECONDS, PORTFOLIO_TIER, runPortfolioTier, type PortfolioTierOut } from "./portfolio";
import type { OpResult } from "./measure";
import type { TierOut } from "./tier";

export function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

const range = (p?: { low: number; high: number }) => (p ? `${p.low.toFixed(1)}–${p.high.toFixed(1)}` : "");

export function printTable(tiers: TierOut[]): void {
  const head = ["tier", "KRs", "check-ins", "operation", "calls", "cells read", "cells written", "cells formatted", "ms", "projected s", "floor s"];
  const rows: string[][] = [];
  for (const t of tiers) {
    const ops: [string, OpResult][] = [
      ["setup (new tracker)", t.setupNew],
      ["setup (over the filled tracker)", t.ops.setup],
      ["repair (over the healthy tracker)", t.repairHealthy],
      ["repair (the tracker in use: both summary tabs)", t.repairWithSummaries],
      [`sidebarOpen (owner, ${t.sidebarKrs.owner} KRs)`, t.ops.sidebarOpen],
      [`sidebarOpen (admin, ${t.sidebarKrs.admin} KRs)`, t.sidebarOpenAdmin],
      ["checkin", t.ops.checkin],
      ["summary", t.ops.summary],
      ["summary next week (from this one's checkpoint)", t.summaryNextWeek],
      ["summary (History and Summary grids full)", t.summaryTabsFull],
      [`summary next week, every KR checked in (${fmtInt(t.summaryWeekWithCheckins.checkinsAdded)} check-ins)`, t.summaryWeekWithCheckins],
    ];
    ops.forEach(([name, o], i) =>
      rows.push([i === 0 ? t.name : "", i === 0 ? fmtInt(t.krs) : "", i === 0 ? fmtInt(t.checkins) : "", name, fmtInt(o.serviceCalls), fmtInt(o.cellsRead), fmtInt(o.cellsWritten), fmtInt(o.cellsFormatted), o.ms.toFixed(0), range(o.projectedSeconds), range(o.floorSeconds)]),
    );
  }
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 || i === 1 || i === 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join("  ");
  console.log(line(head));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
}

/** The portfolio tier (bench/portfolio.ts), with its line of the report. */
export function portfolioTier(): PortfolioTierOut {
  const p = PORTFOLIO_TIER;
  process.stderr.write(`bench: portfolio (${p.teams} team trackers of ${p.krsPerTeam} KRs) ... `);
  const r = runPortfolioTier();
  process.stderr.write(`built in ${r.buildMs} ms, measured\n`);
  console.log(
    `portfolio: refreshPortfolio over ${r.teams} team trackers of ${r.krsPerTeam} KRs: ${fmtInt(r.serviceCalls)} calls, ` +
      `${fmtInt(r.cellsRead)} cells read, ${fmtInt(r.cellsWritten)} written, ${r.ms} ms offline; projected ` +
      `${r.projectedSeconds.low}–${r.projectedSeconds.high} s on Google (budget ${BUDGET_SECONDS} s: ${r.projectedSeconds.high < BUDGET_SECONDS ? "MET" : "MISSED"})`,
  );
  return r;
}

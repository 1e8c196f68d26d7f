// Runs one okr-sheets command (the built bin/okr-sheets.js) and, as the process exits, writes its own CPU
// time and peak memory (process.resourceUsage) to the file named by OKR_BENCH_USAGE, for bench/cli.ts.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.OKR_BENCH_USAGE, JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKb: u.maxRSS }));
});
await import("../bin/okr-sheets.js");

// One real okr-sheets process that runs N check-ins one after another through the built CLI's main()
// (so two of these started together contend for the same tracker N times, like N pairs of processes): node checkinWorker.mjs FILE TAG N
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [file, tag, n] = process.argv.slice(2);
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "build", "cli.mjs");
const { main } = await import(pathToFileURL(cli).href);
let failed = 0;
for (let i = 1; i <= Number(n); i++) {
  const code = await main(["checkin", file, "--kr", "O1.KR1", "--value", String(i), "--comment", `${tag}-${i}`, "--at", "2026-01-20"]);
  if (code !== 0) failed++;
  // A new okr-sheets process takes this long to start: without the gap this loop would take the lock
  // back at once, every time, which no two people running the command do.
  await new Promise((r) => setTimeout(r, 150 + Math.random() * 150));
}
process.exitCode = failed ? 1 : 0;

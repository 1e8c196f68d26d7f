// `npm start`: checks the preview's port first (a busy port is reported before anything is built), then
// builds unless dist/ and build/ are up to date with src/ (scripts/build-stamp.mjs), then runs
// `okr-sheets demo-serve` with the arguments given after `npm start --`.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

function portArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--port(?:=(.*))?$/.exec(argv[i]);
    if (m) return m[1] !== undefined ? m[1] : argv[i + 1];
  }
  return "8080";
}

// The same probe as src/local/port.ts, which is not built yet at this point.
function free(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e) => (e.code === "EADDRINUSE" ? resolve(false) : reject(e)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const text = portArg(args);
const port = /^\d+$/.test(String(text)) ? Number(text) : NaN;
if (!(port >= 1 && port <= 65535)) {
  process.stderr.write("npm start: --port must be a whole number from 1 to 65535.\n");
  process.exit(2);
}
if (!(await free(port).catch(() => true))) {
  let next = port + 1;
  while (next < Math.min(65535, port + 50) && !(await free(next).catch(() => false))) next++;
  process.stderr.write(`port ${port} is busy — try npm start -- --port ${next}\n`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--if-changed"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const { main } = await import(pathToFileURL(join(root, "build", "cli.mjs")).href);
process.exitCode = await main(["demo-serve", ...args], { command: "npm start --" });

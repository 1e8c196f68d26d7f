// `npm test` after the build: the typecheck and Jest at the same time, Jest's output as it comes and the
// typecheck's after it; fails when either does. One after the other, the typecheck (5-13 s of one core,
// incremental) left the second core idle before Jest started; beside Jest's two workers it costs the same
// CPU and less of the wall clock. Arguments go to Jest (`npm test -- test/core`).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(args, stdio) {
  const child = spawn(npm, args, { cwd: root, stdio });
  let out = "";
  if (stdio === "pipe") {
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
  }
  return new Promise((resolve) => {
    child.on("error", (e) => resolve({ code: 1, out: `${out}${e.message}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const typecheck = run(["run", "--silent", "typecheck"], "pipe");
const jest = await run(["run", "jest", "--", ...process.argv.slice(2)], "inherit");
const tsc = await typecheck;
if (tsc.code !== 0) process.stderr.write(`\nnpm run typecheck failed:\n${tsc.out}`);
else process.stdout.write("npm run typecheck: no errors\n");
process.exitCode = jest.code !== 0 ? jest.code : tsc.code;

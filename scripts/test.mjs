// `npm test`: the build, then Jest, with the typecheck beside both; Jest's output as it comes and the
// typecheck's after it; fails when any of them does. Arguments go to Jest (`npm test -- test/core`).
// Why beside: the build is mostly terser, one thread, so the second core idled through it (~8 s of a clean
// clone's wall); the typecheck (~10 s of one core incremental, ~28 s on a clean clone) only reads src/,
// test/, bench/ and scripts/, never what the build writes, so it fills that core and then Jest's start. One after
// the other, it had left the second core idle before Jest started (README "How long the suite takes").
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptWords } from "./script-words.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
// Each script's words, before anything runs: one that needs a shell stops `npm test` with one line
// (scripts/script-words.mjs), not a command run with "&&" among its arguments.
const words = {};
try {
  for (const name of ["typecheck", "build", "jest"]) words[name] = scriptWords(name, scripts[name]);
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}

// package.json's script `name` run as npm runs it (node_modules/.bin on the PATH), without npm: each `npm run`
// was ~0.4 s of CPU to start npm, and the build's and Jest's were on the way to Jest's start. The scripts are
// plain commands, quotes allowed, no shell syntax; `node` is this Node, as npm's PATH would find it.
function run(name, extra, stdio) {
  const [cmd, ...args] = words[name];
  const child = spawn(cmd === "node" ? process.execPath : cmd, [...args, ...extra], { cwd: root, stdio, env, shell: process.platform === "win32" && cmd !== "node" });
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

const typecheck = run("typecheck", [], "pipe");
// Jest's shared runtime bundle (scripts/jest-shared.mjs; its globalSetup finds it made) beside the build too: it
// reads src/ and the dependencies, never dist/, and on a clean clone its ~2 s of esbuild was Jest's start, before
// any worker ran; beside terser's ~10 s on one core it shares the second with the typecheck.
const shared = spawn(process.execPath, ["--input-type=module", "-e", 'await (await import("./scripts/jest-shared.mjs")).buildShared();'], { cwd: root, stdio: "inherit" });
const sharedDone = new Promise((resolve) => {
  shared.on("error", resolve);
  shared.on("close", resolve);
});
const build = await run("build", [], "inherit");
// Whatever it did: Jest's globalSetup makes the bundle itself if this one failed.
await sharedDone;
// A failed build fails the run without Jest (its tests would fail for want of dist/), as `build && jest` did.
const jest = build.code === 0 ? await run("jest", process.argv.slice(2), "inherit") : build;
const tsc = await typecheck;
if (tsc.code !== 0) process.stderr.write(`\nnpm run typecheck failed:\n${tsc.out}`);
else process.stdout.write("npm run typecheck: no errors\n");
process.exitCode = jest.code !== 0 ? jest.code : tsc.code;

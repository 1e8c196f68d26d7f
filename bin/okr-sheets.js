#!/usr/bin/env node
// The okr-sheets command: runs the built CLI (build/cli.cjs, one bundled file), which runs the built add-on
// (dist/Code.js). The bundle is compiled with a V8 code cache kept next to it (build/cli.cjs.cache): without
// it, compiling exceljs and HyperFormula took about half a second of every command. The cache starts with
// the hash on the bundle's first line; a cache of another build, another Node or other V8 flags is not used
// and is written again after the command, atomically (commands may run side by side).
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

// A command runs for about a second, mostly in code that runs once (loading the xlsx, building the formula
// engine); V8's default budget sends hundreds of its functions to the optimizing compiler, whose work (on
// another thread, but this process's CPU) mostly never pays back before the process exits. Sixteen times
// the budget (1,000,000 instead of 67,584) still optimizes what runs hot for long: small-tier commands took
// ~40% less CPU (checkin 1.65 -> 0.97 s under load), the large tier's check-in no more (12.3 -> 12.0 s) and
// less memory (1.05 -> 0.92 GB). Set before the bundle is compiled: the code cache is keyed by V8's flags.
v8.setFlagsFromString("--interrupt-budget=1000000");

// `okr-sheets … | head -1`: the reader may close the pipe before everything is printed. The write then fails
// with EPIPE, which as an unhandled 'error' event crashed the command with a stack trace and exit 1 after its
// work was done (the file saved). What is left to print has no reader: it is dropped and the command ends as
// it would have, its lock released (exiting at once would skip that).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED")) return;
    throw e;
  });
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "build", "cli.cjs");
if (!existsSync(cli) || !existsSync(join(root, "dist", "Code.js"))) {
  process.stderr.write("okr-sheets is not built yet: run `npm run build` first.\n");
  process.exit(2);
}
// Node warns about `new Buffer()` only from code outside node_modules; archiver-utils (under exceljs's writer)
// calls it and is now inside build/cli.cjs, so that one warning is dropped. Every other warning still prints.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  if (rest[0] === "DeprecationWarning" && rest[1] === "DEP0005") return;
  return emitWarning.call(this, warning, ...rest);
};
// The bundle is ASCII (esbuild escapes other characters), so latin1 reads it without UTF-8 decoding (~40 ms).
const source = readFileSync(cli, "latin1");
const key = Buffer.from(`${source.slice(0, source.indexOf("\n"))} ${process.version}\n`);
const cacheFile = `${cli}.cache`;
let cachedData;
try {
  const c = readFileSync(cacheFile);
  if (c.subarray(0, key.length).equals(key)) cachedData = c.subarray(key.length);
} catch {
  // no cache yet
}
const require = createRequire(cli);
const script = new vm.Script(require("node:module").wrap(source), { filename: cli, cachedData });
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, require, module, cli, dirname(cli));
process.exitCode = await module.exports.main(process.argv.slice(2));
if (!cachedData || script.cachedDataRejected) {
  // After the command, so the cache holds the functions it compiled too. A read-only install just runs uncached.
  try {
    const tmp = `${cacheFile}.${process.pid}`;
    writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
    renameSync(tmp, cacheFile);
  } catch {
    // not writable
  }
}

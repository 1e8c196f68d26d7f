#!/usr/bin/env node
// The okr-sheets command: runs the built CLI (build/cli.mjs), which runs the built add-on (dist/Code.js).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "build", "cli.mjs");
if (!existsSync(cli) || !existsSync(join(root, "dist", "Code.js"))) {
  process.stderr.write("okr-sheets is not built yet: run `npm run build` first.\n");
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));

// terser's output for dist/Code.js kept by what it was made from (scripts/build.mjs). terser is ~10 of the
// build's ~11 s of CPU, on one thread, and gives the same code for the same input: its input text, its options
// (the names it keeps), the scripts that set them and reshape its tree (build.mjs, server-bundle.mjs) and its
// version make the key, so a build whose server bundle did not change (only src/local or src/client edited,
// `npm run bench` after `npm test`, the fresh clone `npm start` test builds into, whose node_modules is this
// one) skips it. esbuild heads each module with its path from the folder the build ran in (`// src/core/x.ts`,
// `// ../../repo/node_modules/zod/…`), a comment terser drops: the key reads it from src/ or node_modules/ on.
// Kept in node_modules/.cache/okr-sheets/ (`npm ci` starts without it); deleting the folder is always safe.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DAY = 86_400_000;

/** The code `make()` gives for `input` with `options` (text), from the cache when the same made it before. */
export async function cachedTerser(root, input, options, make) {
  const dir = join(root, "node_modules", ".cache", "okr-sheets");
  const h = createHash("sha256");
  for (const f of ["scripts/build.mjs", "scripts/server-bundle.mjs", "scripts/terser-cache.mjs", "node_modules/terser/package.json"]) {
    h.update(f).update("\0").update(readFileSync(join(root, f))).update("\0");
  }
  h.update(options).update("\0").update(input.replace(/^\/\/ .*?((?:src|node_modules)\/\S*)$/gm, "// $1"));
  const file = join(dir, `terser-${h.digest("hex").slice(0, 32)}.js`);
  if (existsSync(file)) return readFileSync(file, "utf8");
  const code = await make();
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: a build running beside this one reads either no file or the whole of it.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  // Outputs of earlier sources go once a day old.
  for (const old of readdirSync(dir)) {
    const path = join(dir, old);
    if (/^terser-.*\.js$/.test(old) && path !== file && Date.now() - statSync(path).mtimeMs > DAY) rmSync(path, { force: true });
  }
  return code;
}

// Jest transform for the TypeScript tests and sources: esbuild (already the project's bundler) strips the
// types and keeps ES modules, so Jest runs the same ESM the build sees; no second compiler is involved.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync, version } from "esbuild";
import { banner, define } from "./jest-globals.mjs";
import { sharedKey, sharing, shimOf } from "./jest-shared.mjs";

const SELF = [import.meta.url, "./jest-globals.mjs", "./jest-shared.mjs"].map((f) => readFileSync(new URL(f, import.meta.url), "utf8")).join("\0");

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const isSource = (filename) => /^src[\\/]/.test(relative(ROOT, filename));

function process(source, filename, options) {
  // ES modules: a module of the shared runtime becomes its worker instance's exports (scripts/jest-shared.mjs).
  if (options?.supportsStaticESM && sharing() && sharedKey(filename)) return { code: shimOf(filename) };
  const r = transformSync(source, {
    loader: filename.endsWith(".tsx") ? "tsx" : "ts",
    format: options?.supportsStaticESM ? "esm" : "cjs",
    target: "node20",
    sourcefile: filename,
    sourcemap: "inline",
    sourcesContent: false,
    // The suite's tsconfig sets useDefineForClassFields: false; keep class fields as assignments here too.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    // The sources' built-ins as module constants: a global read in Jest's vm context is ~50 times slower
    // (jest-globals.mjs). Not the tests': a test hands functions to the browser as their text (page.evaluate),
    // where a module constant is not defined.
    ...(isSource(filename) ? { define, banner } : {}),
  });
  return { code: r.code };
}

function getCacheKey(source, filename, options) {
  return createHash("sha256")
    // A shared module's shim lists the exports of the bundle it was made for (named by its sources' hash).
    .update(sharing() && sharedKey(filename) ? `shared:${globalThis.process.env.OKR_JEST_SHARED ?? ""}` : "own").update("\0")
    .update(SELF).update("\0").update(version).update("\0")
    .update(String(Boolean(options?.supportsStaticESM))).update("\0")
    .update(filename).update("\0").update(source)
    .digest("hex");
}

export default { process, getCacheKey };

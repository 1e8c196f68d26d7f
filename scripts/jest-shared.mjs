// The offline runtime shared by the test files a Jest worker runs: src/local and src/core (the emulator, the CLI,
// the formula engine's setup, the pure logic) and HyperFormula with the CLI bundle's parser edits, bundled by
// esbuild once per change of the sources (globalSetup) and loaded once per worker, outside the files' vm
// contexts (scripts/jest-environment.mjs), as Playwright is. A test file's import of one of those modules is
// that instance's exports (jest-transform.mjs: shimOf). Tests still run the built dist/Code.js on the emulator.
//
// Why: Jest gives each file a fresh vm context and module registry, so V8 compiled and warmed the emulator,
// HyperFormula and the add-on's realms' code again in every file. Four server files' tests run twice in one
// context took 15.0 s the first time and 5.2 s the second (session 16); one warm runtime per worker
// keeps that warmth from file to file.
//
// What a test sees differently: the runtime's arrays, objects, Dates and errors are of the worker's realm, not
// the file's. `v instanceof Date` on a value from it is false (use util.types.isDate), HyperFormula takes a
// block of cells only as an array of its realm, and a prototype compared must be that realm's.
// toEqual, toThrow and the other matchers compare across realms (test/support/expect.ts: samePlainData). The
// runtime's module state (a compiled add-on, HyperFormula's function registry and its process-wide engine
// patches for large workbooks, the TODAY() clock) now lasts for the worker, as it does for a CLI process,
// instead of one file: a test must not rely on being the first of its worker. `exceljs` and `jszip` in a
// test are the worker's too (jest-exceljs.cjs, jest-jszip.cjs), the ones the runtime patches.
// OKR_JEST_SHARED=off gives every file a runtime of its own, as before (to tell a realm problem from a real one).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { editsPlugin } from "./jest-hyperformula-bundle.mjs";
import { inputsHash } from "./build-stamp.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "okr-sheets");

/** The shared folders' modules (relative to the root, "/" separated). */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(rel);
    }
  };
  walk("src/local");
  walk("src/core");
  return out.sort();
}

const importMetaUrl = {
  name: "okr-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

/** Bundles every module of src/local and src/core (once per change of src/, scripts/ or the dependencies). */
export async function buildShared() {
  const files = sources();
  const inputs = inputsHash(ROOT);
  const made = inputs && join(CACHE, `jest-shared-${inputs.slice(0, 20)}.mjs`);
  if (made && existsSync(made)) return { file: made, files };
  const entry = files.map((f, i) => `import * as m${i} from ${JSON.stringify(join(ROOT, f))};`).join("\n") +
    `\nexport const modules = { ${files.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(", ")} };\n`;
  const r = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: "js", sourcefile: "jest-shared-entry.js" },
    bundle: true, format: "esm", platform: "node", target: "node20", write: false, logLevel: "warning",
    // The source map's paths relative to where the bundle is written, so a stack trace names src/ files.
    outfile: join(CACHE, "jest-shared.mjs"),
    packages: "external", plugins: [importMetaUrl, editsPlugin(false)], sourcemap: "inline", sourcesContent: false,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  });
  const code = r.outputFiles[0].text;
  mkdirSync(CACHE, { recursive: true });
  const file = made ?? join(CACHE, `jest-shared-${createHash("sha256").update(code).digest("hex").slice(0, 20)}.mjs`);
  // Written aside and renamed: a second run starting meanwhile reads either no file or the whole of it.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  // Bundles of earlier sources go, once a day old (a run started before the change may still be loading one).
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (/^jest-shared-.*\.mjs$/.test(old) && path !== file && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { force: true });
  }
  return { file, files };
}

let loaded = null;
/** The loaded bundle's modules by path ("src/local/runtime.ts"), once sharedRuntime has loaded them. */
let modulesNow = null;

/** The worker's runtime: the bundle made by globalSetup (its path in OKR_JEST_SHARED), or made here without it. */
export function sharedRuntime() {
  return (loaded ??= (async () => {
    const file = process.env.OKR_JEST_SHARED || (await buildShared()).file;
    const { modules } = await import(pathToFileURL(file).href);
    return (modulesNow = modules);
  })());
}

/** Whether the suite shares the runtime (OKR_JEST_SHARED=off runs every file on a runtime of its own, as before). */
export const sharing = () => process.env.OKR_JEST_SHARED !== "off";

/** The module's key in the bundle, or null when it is not in it. */
export function sharedKey(filename) {
  const rel = relative(ROOT, filename).split("\\").join("/");
  return /^src\/(local|core)\/.*\.ts$/.test(rel) && !rel.endsWith(".d.ts") ? rel : null;
}

/** A test file's import of a shared module: the worker's instance's exports, read once. */
export function shimOf(filename) {
  const key = sharedKey(filename);
  if (!modulesNow) throw new Error("jest-shared: the shared runtime is not loaded (scripts/jest-environment.mjs loads it)");
  const ns = modulesNow[key];
  if (!ns) throw new Error(`jest-shared: ${key} is not in the shared bundle (a new file? run Jest again)`);
  const names = Object.keys(ns);
  const lines = [`const m = globalThis.__okrShared[${JSON.stringify(key)}];`];
  for (const n of names) lines.push(n === "default" ? "export default m.default;" : `export const ${n} = m.${n};`);
  return lines.join("\n") + "\n";
}

/** Jest's globalSetup (jest-shared-setup.mjs): the bundle made before the workers start, which inherit its path. */
export async function globalSetup() {
  if (!sharing() || process.env.OKR_JEST_SHARED) return;
  process.env.OKR_JEST_SHARED = (await buildShared()).file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  const { file, files } = await buildShared();
  console.log(file, files.length, Math.round(performance.now() - t), "ms");
  const t2 = performance.now();
  const m = await import(pathToFileURL(file).href);
  console.log(Object.keys(m.modules).length, Math.round(performance.now() - t2), "ms load");
}

// What scripts/build.mjs reads in esbuild's bundle of src/server/index.ts before terser shortens it. The
// bundle is read as esbuild prints it without whitespace minification: each module's code follows a line
// `// PATH` (src/core/plural.ts, node_modules/zod/v4/core/util.js). A bundle without that shape throws, so
// an esbuild release that prints otherwise fails the build instead of shipping a different bundle.

const MODULE_LINE = /^ *\/\/ (\S+\.(?:[cm]?js|tsx?))$/gm;

/** The bundle's modules in order, as { path, code }; esbuild's own code before the first is path "". */
function modulesOf(esm) {
  const marks = [...esm.matchAll(MODULE_LINE)];
  if (!marks.length) throw new Error("build: esbuild's bundle no longer has a `// PATH` line before each module");
  const starts = [0, ...marks.map((m) => m.index), esm.length];
  return starts.slice(0, -1).map((at, i) => ({ path: i ? marks[i - 1][1] : "", code: esm.slice(at, starts[i + 1]) }));
}

/**
 * Names a module gives a function or class, as esbuild prints them: `function f`, `class C`, `f = function`,
 * `f = class`, `f = (…) =>` (defaults with one level of parentheses), `f = x =>`, each maybe `async`.
 */
const DECLARED = /(?<![\w$])(?:function\*?|class)\s+([A-Za-z_$][\w$]*)|(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|class\b|\((?:[^()]|\([^()]*\))*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g;

const declaredIn = (code) => Array.from(code.matchAll(DECLARED), (m) => m[1] ?? m[2]);

/**
 * The function and class names the bundled libraries declare and no `src/` module does (zod's
 * `normalizeParams`, `$constructor`, and `strictObject` that src/ calls as `z.strictObject`): terser may
 * shorten these and no `src/` function is renamed, so a stack trace names every `src/` frame as before.
 */
export function libraryOnlyNames(esm) {
  const library = new Set();
  const ours = new Set();
  for (const { path, code } of modulesOf(esm)) for (const n of declaredIn(code)) (path.includes("node_modules/") ? library : ours).add(n);
  return [...library].filter((n) => !ours.has(n)).sort();
}

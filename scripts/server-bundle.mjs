// How scripts/build.mjs turns esbuild's ES-module bundle of src/server/index.ts into dist/Code.js's script,
// before terser shortens it. The bundle is read as esbuild prints it without whitespace minification: each
// module's code follows a line `// PATH` (src/core/plural.ts, node_modules/zod/v4/core/util.js), and the
// entry's exports are one `export { a, b2 as b };` at the end. A bundle without that shape throws, so an
// esbuild release that prints otherwise fails the build instead of shipping a different bundle.

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

/**
 * The bundle as a classic script: its code inside `var GLOBAL = (() => { … })()`, which returns the entry's
 * exports by their exported names (esbuild's own IIFE format defines them as getters through three helpers,
 * ~1.3 KB). `names` are the exports esbuild's metafile lists; the export statement must name exactly them.
 */
export function asScript(esm, global, names) {
  const m = /\nexport\s*\{([^}]*)\};?\s*$/.exec(esm);
  if (!m) throw new Error("build: esbuild's bundle no longer ends with one `export { … }`");
  const entries = m[1].split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
    const [local, exported = local] = s.split(/\s+as\s+/);
    return [exported, local];
  });
  const exported = entries.map(([e]) => e).sort();
  if (exported.join() !== [...names].sort().join()) throw new Error(`build: the bundle exports ${exported.join(", ")}, not ${names.join(", ")}`);
  const object = entries.map(([e, local]) => (e === local ? e : `${e}: ${local}`)).join(", ");
  return `"use strict";\nvar ${global} = (() => {\n${esm.slice(0, m.index)}\nreturn { ${object} };\n})();\n`;
}

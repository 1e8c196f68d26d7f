// Jest transform for scripts/jest-hyperformula-entry.mjs, which jest.config.js maps `hyperformula` to: the
// entry becomes HyperFormula's ES module build (and chevrotain, tiny-emitter) bundled into one module by
// esbuild, with the parser edits scripts/jest-hyperformula.mjs makes (one shared formula parser, known
// formula shapes not tokenized again; the CLI bundle's). Jest loads every test file's module graph afresh:
// as ~230 modules HyperFormula cost each file that reaches the offline engine ~0.13 s of CPU (resolving,
// compiling and linking each), as one module ~0.04 s. Jest caches the bundle with its other transforms.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build, version } from "esbuild";
import patchParser from "./jest-hyperformula.mjs";
import { applyEdits } from "./hyperformula-edits.mjs";
import { ENGINE_EDITS } from "./hyperformula-pass-reads.mjs";
import { trustedGrammar } from "./hyperformula-grammar.mjs";
import { banner, define } from "./jest-globals.mjs";

const require = createRequire(import.meta.url);
/** The folder of package `name` (as resolved from `from`), found above its main file: not all export package.json. */
function packageDir(name, from) {
  let dir = dirname(require.resolve(name, from ? { paths: [from] } : undefined));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name) dir = dirname(dir);
  return dir;
}
const HF = packageDir("hyperformula");
const SELF = ["./jest-hyperformula-bundle.mjs", "./jest-hyperformula.mjs", "./hyperformula-shared-parser.mjs", "./hyperformula-formula-keys.mjs", "./hyperformula-scans.mjs", "./hyperformula-pass-reads.mjs", "./hyperformula-edits.mjs", "./hyperformula-grammar.mjs", "./jest-globals.mjs"]
  .map((f) => readFileSync(new URL(f, import.meta.url), "utf8"))
  .join("\0");
// What the bundle is made of: the three packages' releases (a reinstall of another version changes the key).
const PACKAGES = ["hyperformula", "chevrotain", "tiny-emitter"]
  .map((p) => readFileSync(join(p === "hyperformula" ? HF : packageDir(p, HF), "package.json"), "utf8"))
  .join("\0");

const SCANS = [...ENGINE_EDITS, ["parser[\\\\/]FormulaParser", [trustedGrammar]]];
const scanned = new Set();

const parserEdits = editsPlugin(true);

/**
 * The parser and range-scan edits as an esbuild plugin. `formulaKeyExternal`: the edited parser's import of
 * src/local/formulaKey.ts is left to Jest (this bundle); scripts/jest-shared.mjs bundles it with the rest.
 */
export function editsPlugin(formulaKeyExternal) {
  return {
  name: "okr-parser-edits",
  setup(b) {
    b.onLoad({ filter: /[\\/]hyperformula[\\/]es[\\/]parser[\\/]ParserWithCaching\.mjs$/ }, (args) => ({
      contents: patchParser.process(readFileSync(args.path, "utf8"), args.path).code,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
    // The CLI bundle's range-scan edits and its trusted grammar (scripts/build.mjs), so the suite computes
    // through what ships; the grammar check was ~30 ms of CPU in every test file that parses a formula.
    for (const [file, edits] of SCANS) {
      b.onLoad({ filter: new RegExp(`[\\\\/]hyperformula[\\\\/]es[\\\\/]${file}\\.mjs$`) }, (args) => {
        const text = applyEdits(readFileSync(args.path, "utf8"), edits, `jest-hyperformula-bundle: ${args.path} changed; update scripts/hyperformula-scans.mjs`);
        scanned.add(file);
        return { contents: text, loader: "js", resolveDir: dirname(args.path) };
      });
    }
    // The edited parser imports src/local/formulaKey.ts: left to Jest, so it is the suite's own module.
    if (formulaKeyExternal) b.onResolve({ filter: /[\\/]src[\\/]local[\\/]formulaKey\.ts$/ }, (args) => ({ path: args.path, external: true }));
    // Bundled wherever it is imported from (scripts/jest-shared.mjs leaves other packages to Node).
    b.onResolve({ filter: /^hyperformula$/ }, () => ({ path: join(HF, "es", "index.mjs") }));
  },
  };
}

function cacheKey(source, filename) {
  return createHash("sha256").update(SELF).update("\0").update(PACKAGES).update("\0").update(version).update("\0").update(filename).update("\0").update(source).digest("hex");
}

async function processAsync() {
  const r = await build({
    entryPoints: [join(HF, "es", "index.mjs")], bundle: true, format: "esm", platform: "node", target: "node20",
    write: false, logLevel: "warning", plugins: [parserEdits],
    // HyperFormula reads Math, isNaN, String... in its inner loops; in Jest's vm context each read was ~50 times
    // the cost outside it, so they are module constants here (jest-globals.mjs).
    define, banner: { js: banner },
  });
  const code = r.outputFiles[0].text;
  if (!code.includes("okrSharedParsing") || !code.includes("relativeFormulaKey")) throw new Error("jest-hyperformula-bundle: the parser edits are missing from the bundle");
  if (scanned.size !== SCANS.length) throw new Error("jest-hyperformula-bundle: a range-scan or grammar edit found no file to edit");
  return { code };
}

// No synchronous `process`: esbuild runs plugins only in its asynchronous build, and the suite imports
// HyperFormula as an ES module, which Jest transforms asynchronously when the transformer has no `process`.
export default {
  processAsync,
  getCacheKey: cacheKey,
  getCacheKeyAsync: async (source, filename) => cacheKey(source, filename),
};

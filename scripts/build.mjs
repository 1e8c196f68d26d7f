// Builds what ships (dist/: Code.js, Sidebar.html, appsscript.json) and the local tool (build/cli.mjs).
// Apps Script only sees top-level functions, so each export of src/server/index.ts becomes a top-level
// `function NAME(){return OkrSheets.NAME.apply(this,arguments)}` after the bundle, which defines OkrSheets
// (the one other global): `var OkrSheets = (() => { ... return { NAME, ... }; })()`.
import * as esbuild from "esbuild";
import { minify } from "terser";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedParserEdit, sharedParserModule } from "./hyperformula-shared-parser.mjs";
import { formulaKeys, hashKept, keyImport } from "./hyperformula-formula-keys.mjs";
import { applyEdits } from "./hyperformula-edits.mjs";
import { ENGINE_EDITS } from "./hyperformula-pass-reads.mjs";
import { trustedGrammar as trustedGrammarEdit } from "./hyperformula-grammar.mjs";
import { clearStamp, inputsHash, upToDate, writeStamp } from "./build-stamp.mjs";
import { asScript, CALL_VAR, libraryOnlyNames, sharedConstants, sharedProperties, throughVars } from "./server-bundle.mjs";
import { cachedTerser } from "./terser-cache.mjs";
import { zodUnused } from "./zod-unused.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const build = join(root, "build");
// `npm start` builds only when something the build reads changed since the last build (build-stamp.mjs).
// The inputs are hashed once, before the build reads them, and that hash is what the stamp records.
const inputs = inputsHash(root);
if (process.argv.includes("--if-changed") && upToDate(root, process.env, inputs)) {
  console.log("dist/ and build/ are up to date (npm run build rebuilds them anyway)");
  process.exit(0);
}
clearStamp(root);
mkdirSync(dist, { recursive: true });
mkdirSync(build, { recursive: true });

const GLOBAL = "OkrSheets";
const serverEntry = join(root, "src/server/index.ts");

/**
 * Code.js is syntax-minified by esbuild, then terser compresses it and shortens local variables and
 * parameters but keeps every function and class name of src/ (keep_fnames, keep_classnames): Apps Script's
 * execution log names the failing functions ("at forecastKr (Code:19:5120)"), and those names are the ones
 * in src/, where the code is read. With every identifier kept it reached 300.7 KB (session 10) against the
 * 300 KB target; mangling only the locals takes about 53 KB off. The names only the bundled libraries
 * declare (zod's, scripts/server-bundle.mjs libraryOnlyNames) are shortened too: ~2.7 KB, and no src/
 * frame changes. terser's compression (its defaults and COMPRESS's options, two passes: constants put where
 * they are used, constant objects' properties made variables, the code's shape tightened) takes ~7.8 KB more; a small
 * function called once or twice may be inlined into its caller, whose frame then holds its line, and a
 * closure used once may be written where it is used, where its frame has no name (README, "How it is
 * built"). Top-level names (the entry points, the global) are never touched. esbuild bundles as an ES
 * module, with whitespace left in for libraryOnlyNames to read its `// PATH` line before each module
 * (terser prints the same code either way); asScript puts it inside the IIFE that returns the exports
 * (esbuild's own IIFE format defines them as getters through three helpers: 1.3 KB). Each kept name was
 * also written at each call, ~29.5 KB of names: throughVars (scripts/server-bundle.mjs) has src/'s
 * top-level functions called through variables terser shortens, each function keeping its own name,
 * which is what a stack trace shows (−13.3 KB). Before that, sharedConstants (scripts/server-bundle.mjs) has
 * strings written in many places, `void 0`, `null` and JavaScript's own objects (`Math`…) read through
 * variables assigned first, which terser shortens too (−12.7 KB, session 19); before that, sharedProperties has
 * the most-used property names written as such strings (`x[Ke]` for `x.keyResults`: −19.0 KB, session 20).
 */
async function buildServer() {
  // zod's methods nothing calls are left out (scripts/zod-unused.mjs).
  const zodEdited = new Set();
  const r = await esbuild.build({
    entryPoints: [serverEntry], bundle: true, format: "esm", write: false, metafile: true, outdir: "out",
    target: "es2019", platform: "neutral", mainFields: ["module", "main"],
    minifySyntax: true, legalComments: "none", charset: "utf8", logLevel: "warning",
    plugins: [zodUnused(zodEdited)],
  });
  if (zodEdited.size !== 2) throw new Error("build: scripts/zod-unused.mjs edited no zod schemas.js; the bundle no longer loads the files it edits");
  const esm = r.outputFiles[0].text;
  const names = Object.values(r.metafile.outputs).find((o) => o.entryPoint).exports.slice().sort();
  const library = libraryOnlyNames(esm);
  if (!library.includes("normalizeParams")) throw new Error("build: libraryOnlyNames no longer finds zod's function names");
  // terser keeps a function or class name when the pattern matches it: every name but the library's and
  // the variables throughVars adds to call functions through.
  const escaped = (n) => n.replace(/\$/g, "\\$&");
  const keep = new RegExp(`^(?!${escaped(CALL_VAR)})(?!(?:${library.map(escaped).join("|")})$)`);
  // terser's output is kept by its input (scripts/terser-cache.mjs): the same input gives the same code.
  const input = asScript(esm, GLOBAL, names);
  const body = await cachedTerser(root, input, keep.source, () => terse(input, keep));
  // One line each: Apps Script's editor shows these, and lists them as the script's functions.
  const wrappers = names.map((n) => `function ${n}(){return ${GLOBAL}.${n}.apply(this,arguments)}`).join("\n");
  const code = `// okr-sheets: built by scripts/build.mjs. Do not edit; edit src/ instead.\n${body}\n${wrappers}\n`;
  writeFileSync(join(dist, "Code.js"), code);
  return { names, bytes: Buffer.byteLength(code) };
}

/**
 * The bytes a property name's sites must save together for sharedProperties to have them read it through a
 * variable (`x[Ke]` for `x.keyResults`): 57 names in session 20, −19.0 KB of the −28.5 KB all that pay would
 * give with ~2,700 more sites read so; a later session can lower it for room (README, "How it is built").
 */
const PROPERTY_GAIN = 100;

/**
 * terser's options beyond its defaults that the bundle is known to be safe under (session 22, each checked
 * on the diff of its output; −1.2 KB together). Apps Script's V8, like Node, leaves JavaScript's own
 * objects as the language defines them, and nothing in the bundle changes them (the offline realm drops
 * an execution's realm when one did).
 * - unsafe (−0.65 KB): `String(x)` and `` `a${x}` `` become `x + ""` and `"a" + x`; `new Error(…)`,
 *   `new RegExp(string)` and `new Array(n)` lose their `new` (the same object made); calls of built-ins on
 *   constants are worked out (`[…].join("\n\n")` of the help text). `+` asks an object for its valueOf
 *   before its toString, and throws on a symbol, where String() does neither: no value converted is such a
 *   thing. They are cells' values (text, numbers, booleans, Dates, whose default is their text), properties'
 *   and JSON's text and plain data (google.script.run's arguments too), errors caught (Error has no valueOf
 *   of its own), and the bundle's own plain objects; nothing in src/ defines valueOf or Symbol.toPrimitive.
 * - pure_getters (−0.34 KB): reading a property has no side effect, so `null === k.weight || void 0 ===
 *   k.weight` reads it once and a variable read once is written where it is used. The getters in src/
 *   return a field (refreshRecord.ts) or look the Key Results tab up (krRow.ts `sheet`: a read the same
 *   each time); zod's getters compute a value once and keep it; Apps Script's objects have methods. It
 *   may also drop a read whose value is unused, which on null would have thrown: src/ reads nothing only to
 *   throw, and the diff dropped no read.
 * - unsafe_arrows (−0.12 KB): an inlined function expression that reads no `this` or `arguments` becomes an
 *   arrow; in this bundle each is called where it is written (zod's helpers inlined), never with `new`.
 * - unsafe_proto (−0.12 KB): `Object.prototype.hasOwnProperty.call` as `{}.hasOwnProperty.call`.
 * Measured and left: unsafe_comps (−0.1 KB; `!(a < b)` as `a >= b` is wrong for NaN, and scores and
 * typed values can be NaN), passes: 3 (−0.1 KB for one more pass of CPU in every build), hoist_funs
 * (−0.06 KB), keep_fargs: false (−0.02 KB; changes functions' length), unsafe_math, unsafe_methods,
 * unsafe_regexp, unsafe_undefined (nothing or more bytes).
 */
const COMPRESS = { passes: 2, unsafe: true, pure_getters: true, unsafe_arrows: true, unsafe_proto: true };

/** terser's two runs over the bundle as a script (buildServer): its code. */
async function terse(input, keep) {
  const compressed = await minify(input, {
    ecma: 2019,
    compress: { keep_fnames: keep, keep_classnames: keep, ...COMPRESS },
    // Mangled here only for the compressor to weigh names at their mangled length (it inlines a constant
    // where that is shorter): throughVars scopes the AST anew, which names every variable as in the source.
    mangle: { keep_fnames: keep, keep_classnames: keep, toplevel: false },
    format: { ast: true, code: false },
  });
  // join_vars makes neighbouring `var $f$a = function a…; var $f$b = …` one statement.
  const shared = sharedConstants(sharedProperties(compressed.ast, GLOBAL, PROPERTY_GAIN), GLOBAL);
  const mangled = await minify(throughVars(shared, GLOBAL, keep), {
    ecma: 2019,
    compress: { defaults: false, join_vars: true },
    mangle: { keep_fnames: keep, keep_classnames: keep, toplevel: false },
    format: { comments: false, ascii_only: false },
  });
  return mangled.code;
}

async function buildSidebar() {
  const htmlPath = join(root, "src/client/sidebar.html");
  if (!existsSync(htmlPath)) return null;
  const js = await esbuild.build({
    entryPoints: [join(root, "src/client/sidebar.ts")], bundle: true, format: "iife", write: false,
    target: "es2019", minify: true, legalComments: "none", charset: "utf8", logLevel: "warning",
  });
  const css = readFileSync(join(root, "src/client/sidebar.css"), "utf8");
  // A literal "</script" inside the inlined code would end the script element early.
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
  const html = readFileSync(htmlPath, "utf8")
    .replace("/* INLINE:CSS */", () => css)
    .replace("/* INLINE:JS */", () => script);
  writeFileSync(join(dist, "Sidebar.html"), html);
  return { bytes: Buffer.byteLength(html) };
}

async function buildCli() {
  const entry = join(root, "src/local/cli.ts");
  if (!existsSync(entry)) return null;
  await esbuild.build({
    entryPoints: [entry], bundle: true, format: "esm", platform: "node", target: "node20",
    packages: "external", outfile: join(build, "cli.mjs"), logLevel: "warning", sourcemap: "inline",
  });
  await buildCliBundle(entry);
  return {};
}

/**
 * exceljs requires unzipper at load time for its streaming reader, which okr-sheets never uses (it reads
 * with xlsx.load), and unzipper's big-integer dependency spends ~0.1 s building tables when loaded. In the
 * bundle, exceljs gets a stand-in that loads the real unzipper on first use.
 */
const lazyUnzipper = {
  name: "lazy-unzipper",
  setup(b) {
    b.onResolve({ filter: /^unzipper$/ }, (args) =>
      args.namespace === "lazy-unzipper" ? undefined : { path: "unzipper", namespace: "lazy-unzipper", pluginData: args.resolveDir });
    b.onLoad({ filter: /.*/, namespace: "lazy-unzipper" }, (args) => ({
      contents: 'let real; module.exports = new Proxy({}, { get: (_, k) => (real ??= require("unzipper"))[k] });',
      resolveDir: args.pluginData,
      loader: "js",
    }));
  },
};

/**
 * JSZip (exceljs reads and writes .xlsx with it) inflates and deflates with pako, JavaScript zlib: on a
 * small tracker's ~0.6 MB of XML that was ~0.15 s of a check-in's CPU, more than Node's own zlib takes
 * for the large tier. In the bundle its flate worker is one that collects an entry's chunks and runs
 * zlib's raw (in|de)flate on them at the end of the entry: the same streams, deflated at the same level
 * (the compressed bytes may differ from pako's; the unzipped files do not).
 */
const nativeFlate = {
  name: "native-flate",
  setup(b) {
    b.onLoad({ filter: /[\\/]jszip[\\/]lib[\\/]flate\.js$/ }, (args) => {
      patchedFiles.set("native-flate", (patchedFiles.get("native-flate") ?? 0) + 1);
      return {
        resolveDir: dirname(args.path),
        loader: "js",
        contents: `"use strict";
var zlib = require("zlib");
var utils = require("./utils");
var GenericWorker = require("./stream/GenericWorker");
exports.magic = "\\x08\\x00";
function FlateWorker(action, options) {
  GenericWorker.call(this, "FlateWorker/" + action);
  this._action = action;
  this._level = options.level || -1;
  this._chunks = [];
  this.meta = {};
}
utils.inherits(FlateWorker, GenericWorker);
FlateWorker.prototype.processChunk = function (chunk) {
  this.meta = chunk.meta;
  var data = utils.transformTo("uint8array", chunk.data);
  this._chunks.push(Buffer.from(data.buffer, data.byteOffset, data.length));
};
FlateWorker.prototype.flush = function () {
  GenericWorker.prototype.flush.call(this);
  var input = this._chunks.length === 1 ? this._chunks[0] : Buffer.concat(this._chunks);
  this._chunks = [];
  var out = this._action === "Deflate" ? zlib.deflateRawSync(input, { level: this._level }) : zlib.inflateRawSync(input);
  this.push({ data: new Uint8Array(out.buffer, out.byteOffset, out.length), meta: this.meta });
};
FlateWorker.prototype.cleanUp = function () {
  GenericWorker.prototype.cleanUp.call(this);
  this._chunks = [];
};
exports.compressWorker = function (compressionOptions) { return new FlateWorker("Deflate", compressionOptions || {}); };
exports.uncompressWorker = function () { return new FlateWorker("Inflate", {}); };
`,
      };
    });
  },
};

/**
 * A plugin that replaces `from` with `to` in the HyperFormula source file `file` (DIR/NAME), in its
 * CommonJS (.js) or ES module (.mjs) build, whichever the bundle resolves: the CLI's sources import
 * HyperFormula as an ES module, so it is the .mjs one. Each `from` is asserted, so a HyperFormula release
 * that changes the text fails the build, and so does a bundle that never loads the file (patched reports it).
 */
const patchedFiles = new Map();
function patchHyperFormula(name, file, ...edits) {
  return {
    name,
    setup(b) {
      const filter = new RegExp(`hyperformula[\\\\/](commonjs|es)[\\\\/]${file.replaceAll("/", "[\\\\/]")}\\.m?js$`);
      b.onLoad({ filter }, (args) => {
        const text = applyEdits(readFileSync(args.path, "utf8"), edits, `build: ${args.path} changed; update ${name} in scripts/build.mjs`);
        patchedFiles.set(name, (patchedFiles.get(name) ?? 0) + 1);
        return { contents: text, loader: "js" };
      });
    },
  };
}

/**
 * HyperFormula builds its formula lexer and parser (chevrotain, with a grammar self-analysis) for every
 * engine, before it knows whether any cell holds a formula. In the bundle (as in the test suite) the
 * engines of a process share one of each, built on first use (scripts/hyperformula-shared-parser.mjs):
 * `show` on saved results builds an engine of values only, where building them was ~0.15 s of CPU.
 */
const lazyFormulaParser = () =>
  patchHyperFormula("lazy-formula-parser", "parser/ParserWithCaching", sharedParserEdit, formulaKeys, hashKept, keyImport, [["\nexport class ParserWithCaching", `${sharedParserModule}\nexport class ParserWithCaching`]]);

/** chevrotain's check of HyperFormula's fixed grammar skipped (scripts/hyperformula-grammar.mjs): ~5-30 ms CPU of every command that builds the engine with formulas. */
const trustedGrammar = () => patchHyperFormula("trusted-grammar", "parser/FormulaParser", trustedGrammarEdit);

/**
 * The engine edits (ENGINE_EDITS, scripts/hyperformula-pass-reads.mjs): conditional aggregations and lookups
 * scan ranges with less work, same results (scripts/hyperformula-scans.mjs), a range's values are read once
 * per evaluation pass, INDEX reads its one cell. The list Jest's bundle and the comparison with unedited
 * HyperFormula apply, so the CLI ships the engine the tests check. Each is named by its file.
 */
const engineEdits = () =>
  ENGINE_EDITS.map(([pattern, edits]) => {
    const file = pattern.replaceAll("[\\\\/]", "/");
    return patchHyperFormula(`engine ${file}`, file, ...edits);
  });

/**
 * build/cli.cjs: the CLI with its dependencies in one CommonJS file, which bin/okr-sheets.js compiles with
 * a V8 code cache (build/cli.cjs.cache). Loading exceljs and HyperFormula as hundreds of files cost about
 * 1 s of every command, mostly compiling. The first line carries the bundle's hash, which the cache must
 * match (V8 itself only checks the source's length). import.meta.url becomes the bundle's own file URL.
 */
async function buildCliBundle(entry) {
  const patches = [lazyFormulaParser(), trustedGrammar(), ...engineEdits()];
  const r = await esbuild.build({
    entryPoints: [entry], bundle: true, format: "cjs", platform: "node", target: "node20", write: false,
    minifyWhitespace: true, minifySyntax: true, legalComments: "none", logLevel: "warning", charset: "ascii",
    define: { "import.meta.url": "__okrModuleUrl" },
    banner: { js: 'var __okrModuleUrl = require("url").pathToFileURL(__filename).href;' },
    plugins: [lazyUnzipper, nativeFlate, ...patches],
  });
  for (const p of [nativeFlate, ...patches]) if (!patchedFiles.get(p.name)) throw new Error(`build: ${p.name} patched nothing; the bundle no longer loads the file it patches`);
  const body = r.outputFiles[0].text;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 32);
  writeFileSync(join(build, "cli.cjs"), `// okr-sheets ${hash}\n${body}`);
  rmSync(join(build, "cli.cjs.cache"), { force: true });
}

const [server, sidebar] = await Promise.all([buildServer(), buildSidebar(), buildCli()]);
// OKR_RHYTHM=1 ships the manifest with the scopes the weekly refresh and emails need (README, "OAuth scopes").
const manifest = process.env.OKR_RHYTHM === "1" ? "appsscript.rhythm.json" : "appsscript.json";
copyFileSync(join(root, manifest), join(dist, "appsscript.json"));
writeStamp(root, process.env, inputs);
console.log(
  `dist/Code.js ${(server.bytes / 1024).toFixed(1)} KB, ${server.names.length} entry points` +
    (sidebar ? `; dist/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB` : ""),
);

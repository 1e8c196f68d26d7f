// How scripts/build.mjs shapes dist/Code.js beyond esbuild and terser (scripts/server-bundle.mjs): the
// script around esbuild's ES-module bundle, which function names it lets terser shorten, and that
// dist/Code.js keeps src/'s (run `npm run build` first; surface.test.ts checks the script's globals).
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { distDir } from "../../src/local/runtime";

interface ServerBundle {
  libraryOnlyNames(esm: string): string[];
  asScript(esm: string, global: string, names: string[]): string;
}
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "server-bundle.mjs");
const { libraryOnlyNames, asScript } = (await import(pathToFileURL(SCRIPT).href)) as ServerBundle;

const code = readFileSync(join(distDir(), "Code.js"), "utf8");

/** The names dist/Code.js gives its functions and classes (declared, or assigned to a variable). */
function functionNames(source: string): Set<string> {
  const file = ts.createSourceFile("Code.js", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassDeclaration(n) || ts.isClassExpression(n)) && n.name) names.add(n.name.text);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) names.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return names;
}

describe("libraryOnlyNames", () => {
  const bundle = [
    "// node_modules/lib/a.js",
    "function normalize(x) { return x; }",
    "function shared() {}",
    "var $make = (a, b = f(1)) => a;",
    "var half = async x => x / 2, Klass = class {};",
    "var notAFunction = 3;",
    "// src/core/ours.ts",
    "function shared() { return normalize(1); }",
    "const mine = (x = g()) => x, Cls = class {};",
    "",
  ].join("\n");

  it("lists the functions and classes only library modules declare, not a name a src/ module also declares", () => {
    expect(libraryOnlyNames(bundle)).toEqual(["$make", "Klass", "half", "normalize"]);
  });

  it("keeps a name src/ declares in any of the forms esbuild prints", () => {
    const lib = "// node_modules/lib/b.js\nfunction mine() {}\nfunction Cls() {}\nfunction ours() {}\n";
    expect(libraryOnlyNames(`${lib}// src/x.ts\nvar mine = async (a, b = (1)) => a;\nlet Cls = class {};\nvar ours = function () {};\n`)).toEqual([]);
  });

  it("refuses a bundle without a `// PATH` line per module, rather than shorten what it cannot tell", () => {
    expect(() => libraryOnlyNames("function a() {}\n")).toThrow(/PATH/);
  });
});

describe("asScript", () => {
  const esm = '// src/x.ts\nvar hidden = 1;\nfunction a() { return hidden; }\nfunction b2(x) { return x * 2; }\nexport {\n  a,\n  b2 as b\n};\n';

  it("defines only the global, whose properties are the exports by their exported names", () => {
    const context = vm.createContext({});
    vm.runInContext(asScript(esm, "G", ["b", "a"]), context);
    const g = vm.runInContext("globalThis", context) as Record<string, unknown>;
    expect(Object.keys(g)).toEqual(["G"]);
    const api = g.G as Record<string, (x?: number) => number>;
    expect(Object.keys(api).sort()).toEqual(["a", "b"]);
    expect([api.a(), api.b(21)]).toEqual([1, 42]);
  });

  it("refuses exports that differ from the metafile's, or a bundle that does not end with them", () => {
    expect(() => asScript(esm, "G", ["a"])).toThrow(/exports a, b, not a/);
    expect(() => asScript(esm.replace(/export \{[^}]*\};\n$/, ""), "G", ["a", "b"])).toThrow(/export/);
  });
});

describe("dist/Code.js names", () => {
  const names = functionNames(code);

  it("keeps src/'s function names, which Apps Script's execution log shows", () => {
    for (const n of ["onOpen", "submitCheckin", "forecastKr", "runWeeklyRefresh", "guarded", "parseOpts", "withDocumentLock"]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it("shortens the names only zod declares", () => {
    for (const n of ["normalizeParams", "$constructor", "finalizeIssue", "strictObject", "shallowClone"]) expect(names.has(n), n).toBe(false);
  });
});

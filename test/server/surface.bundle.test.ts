// How scripts/build.mjs shapes dist/Code.js beyond esbuild and terser (scripts/server-bundle.mjs): the
// script around esbuild's ES-module bundle, which function names it lets terser shorten, and that
// dist/Code.js keeps src/'s (run `npm run build` first; surface.test.ts checks the script's globals).
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { minify, type MinifyOptions } from "terser";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { distDir } from "../../src/local/runtime";

interface ServerBundle {
  libraryOnlyNames(esm: string): string[];
  asScript(esm: string, global: string, names: string[]): string;
  throughVars(ast: unknown, global: string, kept: RegExp): string;
  CALL_VAR: string;
}
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "server-bundle.mjs");
const { libraryOnlyNames, asScript, throughVars, CALL_VAR } = (await import(pathToFileURL(SCRIPT).href)) as ServerBundle;

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

describe("throughVars", () => {
  // TABLE is computed while the script loads, by table and squared; described and entryOf run when called.
  const script = [
    '"use strict";',
    "var G = (() => {",
    "  var TABLE = table(4);",
    "  function table(n) { return Array.from({ length: n }, (_, i) => squared(i) + squared(i) - squared(i) + squared(0) * squared(1)); }",
    "  function squared(n) { return n * n; }",
    "  function described(x) { return `${entryOf(x)} ${entryOf(x + 1)} ${entryOf(x + 2)}`; }",
    "  function entryOf(x) { if (x < 0) throw new Error('negative'); return TABLE[x % 4] + x; }",
    "  function libraryOnly(x) { return entryOf(x) + entryOf(x); }",
    "  return { described, table, libraryOnly };",
    "})();",
  ].join("\n");
  const kept = /^(?!libraryOnly$)/;
  const transformed = async (source: string): Promise<string> => {
    // terser's AST output (as scripts/build.mjs takes it), which its type declarations do not list.
    const options = { compress: false, mangle: false, format: { ast: true, code: false } } as unknown as MinifyOptions;
    const { ast } = (await minify(source, options)) as { ast?: unknown };
    return throughVars(ast, "G", kept);
  };
  const load = (source: string) => {
    const context = vm.createContext({});
    vm.runInContext(source, context);
    return vm.runInContext("G", context) as { described(x: number): string; table(n: number): number[]; libraryOnly(x: number): number };
  };
  /** The functions a stack trace names, without their positions. */
  const frames = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      return String((e as Error).stack).split("\n").slice(1, 3).map((l) => l.trim().replace(/ \(.*\)$/, ""));
    }
    throw new Error("did not throw");
  };
  const calls = (out: string, name: string) => out.match(new RegExp(`(?<![\\w$])${name}\\(`, "g"))?.length ?? 0;

  it("calls a function only a call reaches through a variable holding it, under its own name", async () => {
    const out = await transformed(script);
    expect(out).toContain(`var ${CALL_VAR}described=function described(`);
    expect(out).toContain(`${CALL_VAR}entryOf=function entryOf(`);
    expect(calls(out, "entryOf")).toBe(1); // its own `function entryOf(`
    expect(out).toContain(`described:${CALL_VAR}described`);
  });

  it("keeps what loading calls declared (hoisted), through an alias assigned first when its calls pay for it", async () => {
    const out = await transformed(script);
    expect(out.startsWith(`"use strict";var G=(()=>{var ${CALL_VAR}squared=squared;`), out).toBe(true);
    expect(out).toContain("function squared(");
    expect(calls(out, "squared")).toBe(1);
    // Two mentions of a five-letter name do not pay for an alias.
    expect(out).toContain("function table(");
    expect(out).toContain("TABLE=table(4)");
  });

  it("leaves the functions whose names terser shortens anyway", async () => {
    const out = await transformed(script);
    expect(out).toContain("function libraryOnly(");
    expect(out).not.toContain(`${CALL_VAR}libraryOnly`);
  });

  it("behaves as before, and a stack trace names the same functions", async () => {
    const before = load(script);
    const after = load(await transformed(script));
    expect([after.described(1), after.table(3), after.libraryOnly(2)]).toEqual([before.described(1), before.table(3), before.libraryOnly(2)]);
    expect(frames(() => after.described(-1))).toEqual(frames(() => before.described(-1)));
    expect(frames(() => after.described(-1))[0]).toBe("at entryOf");
  });

  it("refuses a script of another shape, rather than guess what runs while it loads", async () => {
    await expect(transformed('"use strict";var G = 1;')).rejects.toThrow(/throughVars/);
    await expect(transformed('"use strict";var G = (() => { function a() {} })();')).rejects.toThrow(/return/);
    // A name of its own with the prefix would capture the calls renamed to it.
    await expect(transformed(`"use strict";var G = (() => { function f(${CALL_VAR}entryOf) { return entryOf(1) + entryOf(2) + entryOf(3); } function entryOf(x) { return x; } return { f }; })();`)).rejects.toThrow(/has a name/);
  });
});

describe("dist/Code.js names", () => {
  const names = functionNames(code);

  it("keeps src/'s function names, which Apps Script's execution log shows", () => {
    for (const n of ["onOpen", "submitCheckin", "forecastKr", "runWeeklyRefresh", "guarded", "parseOpts", "withDocumentLock"]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it("names src/'s functions in the stack trace guarded logs, though calls go through shortened variables", () => {
    expect(code).toMatch(/[\w$]+=function context\(/);
    const logged: unknown[] = [];
    const context = vm.createContext({ console: { error: (e: unknown) => logged.push(e) } });
    vm.runInContext(code, context, { filename: "Code.js" });
    // No SpreadsheetApp here: context() fails inside guarded, which logs the error as Apps Script's log would.
    expect(vm.runInContext("getSidebarData()", context)).toEqual({ ok: false, message: "Something went wrong: SpreadsheetApp is not defined" });
    const names = String((logged[0] as Error).stack).split("\n").slice(1).map((l) => /at (\S+) \(/.exec(l)?.[1]);
    expect(names.slice(0, 5)).toEqual(["context", undefined, "guarded", "getSidebarData", "getSidebarData"]);
  });

  it("shortens the names only zod declares", () => {
    for (const n of ["normalizeParams", "$constructor", "finalizeIssue", "strictObject", "shallowClone"]) expect(names.has(n), n).toBe(false);
  });
});

// scripts/server-bundle.mjs's sharedProperties, which scripts/build.mjs runs before sharedConstants: the property
// names written most often become strings (`x["keyResults"]`, `{ ["keyResults"]: … }`) that sharedConstants
// writes once, in a variable, and the script behaves as before (every test/server file runs dist/Code.js so built).
import vm from "node:vm";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { minify, type MinifyOptions } from "terser";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";

interface Ast {
  print_to_string(options: object): string;
}
interface ServerBundle {
  sharedProperties(ast: unknown, global: string, minGain: number): Ast;
  sharedConstants(ast: unknown, global: string): Ast;
  CONST_VAR: string;
}
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "server-bundle.mjs");
const { sharedProperties, sharedConstants, CONST_VAR } = (await import(pathToFileURL(SCRIPT).href)) as ServerBundle;

const script = [
  '"use strict";',
  "var G = (() => {",
  "  var proto = { inherited: 7 };",
  "  function make(keyResults, n) {",
  "    let made = { keyResults: keyResults.slice(), count: keyResults.length, 1: 'one', __proto__: proto, row: () => n, get size() { return this.keyResults.length; } };",
  "    made.keyResults.push(made.keyResults.length);",
  "    return made;",
  "  }",
  "  function read(o) { let { keyResults: krs, missing = 'default' } = o; return [krs.length, o.keyResults.length, missing, o.inherited, o.row.name, o.size, o[1]]; }",
  "  function short(keyResults) { return { keyResults }; }",
  "  function rest(o) { let { keyResults, ...others } = o; return [keyResults.length, Object.keys(others).sort()]; }",
  "  function rare(o) { return o.seldom; }",
  "  return { make, read, short, rest, rare, keyResults: 1 };",
  "})();",
].join("\n");

/** sharedProperties (then sharedConstants, as scripts/build.mjs runs them) on terser's AST of `source`, printed. */
async function transformed(source: string, minGain = 0, constants = true): Promise<string> {
  // terser's AST output, which its type declarations do not list.
  const options = { compress: false, mangle: false, format: { ast: true, code: false } } as unknown as MinifyOptions;
  const { ast } = (await minify(source, options)) as { ast?: unknown };
  const props = sharedProperties(ast, "G", minGain);
  return (constants ? sharedConstants(props, "G") : props).print_to_string({ ecma: 2019, comments: false });
}

type Api = {
  make(k: number[], n: number): Record<string, unknown>;
  read(o: object): unknown[];
  short(k: unknown): object;
  rest(o: object): unknown[];
  rare(o: object): unknown;
  keyResults: number;
};
const load = (source: string): Api => {
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return vm.runInContext("G", context) as Api;
};
const results = (g: Api) => {
  const made = g.make([1, 2], 5);
  return [Object.keys(made), made.keyResults, g.read(made), g.short(3), g.rest(made), g.rare({ seldom: 2 }), g.keyResults, Object.keys(g).sort()];
};

describe("sharedProperties", () => {
  it("writes a property name used often as a string in a variable, read and defined through it", async () => {
    const out = await transformed(script);
    expect(out).not.toContain(".keyResults");
    // Only the exports' key is still written as a name.
    expect(out.match(/[{,]keyResults:/g), out).toEqual([",keyResults:"]);
    expect(out).toMatch(/made\[\$c\$\d+\]\.push/);
    expect(out).toMatch(/\{\[\$c\$\d+\]:keyResults\.slice\(\)/);
    expect(out).toMatch(/\{\[\$c\$\d+\]:krs,/);
    expect(out).toContain(`${CONST_VAR}0="keyResults"`);
  });

  it("leaves __proto__, numeric keys, getters, a key written with its value, and the exports' keys", async () => {
    const out = await transformed(script);
    expect(out).toContain("__proto__:proto");
    expect(out).toContain("1:");
    expect(out).toContain("get size()");
    expect(out).toContain("return{keyResults}");
    expect(out).toContain("keyResults:1}");
  });

  it("rewrites only the names whose sites save minGain bytes together", async () => {
    const few = await transformed(script, 1000, false);
    expect(few).toContain(".keyResults.length");
    const many = await transformed(script, 0, false);
    expect(many).toContain('made["keyResults"].push');
    // Its one site saves less than its variable costs.
    expect(many).toContain("o.seldom");
  });

  it("behaves as before: the same properties, prototype and function names", async () => {
    const before = results(load(script));
    const after = results(load(await transformed(script)));
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect((after[2] as unknown[]).slice(3, 5)).toEqual([7, "row"]);
  });

  it("refuses a script of another shape", async () => {
    await expect(transformed('"use strict";var G = 1;')).rejects.toThrow(/sharedProperties/);
  });
});

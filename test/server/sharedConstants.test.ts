// scripts/server-bundle.mjs's sharedConstants, which scripts/build.mjs runs on dist/Code.js before throughVars:
// a string written in many places, `void 0`, `null` and JavaScript's own objects read through variables
// assigned first, and the script behaves as before (every test/server file runs dist/Code.js so built).
import vm from "node:vm";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { minify, type MinifyOptions } from "terser";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";

interface Ast {
  print_to_string(options?: object): string;
}
interface ServerBundle {
  sharedConstants(ast: unknown, global: string): Ast;
  CONST_VAR: string;
}
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "server-bundle.mjs");
const { sharedConstants, CONST_VAR } = (await import(pathToFileURL(SCRIPT).href)) as ServerBundle;

const script = [
  '"use strict";',
  "var G = (() => {",
  '  var TITLES = ["Key result", "Key result"];',
  '  function label(kind) { "use strict"; return kind === "Key result" ? { "Key result": "Key result", kind: "Key result" } : null; }',
  '  function pick(o) { return o["Key result"] + String(o.kind) + Math.max(1, 2) + TITLES.length; }',
  "  function local(Math) { return Math.max(3, 4); }",
  '  function tagged(x) { return `Key result ${x}` + "Key result"; }',
  "  function none(x) { return x === void 0 ? null : x; }",
  "  return { label, pick, local, tagged, none, isNull: (x) => x === null };",
  "})();",
].join("\n");

/** sharedConstants on terser's AST of `source` (as scripts/build.mjs takes it), printed. */
async function transformed(source: string): Promise<string> {
  // terser's AST output, which its type declarations do not list.
  const options = { compress: false, mangle: false, format: { ast: true, code: false } } as unknown as MinifyOptions;
  const { ast } = (await minify(source, options)) as { ast?: unknown };
  return sharedConstants(ast, "G").print_to_string({ ecma: 2019, comments: false });
}

type Api = {
  label(k: string): unknown;
  pick(o: object): string;
  local(m: object): unknown;
  tagged(x: number): string;
  none(x?: unknown): unknown;
  isNull(x: unknown): boolean;
};
const load = (source: string): Api => {
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return vm.runInContext("G", context) as Api;
};
const results = (g: Api) => [
  g.label("Key result"),
  g.label("x"),
  g.pick({ "Key result": "a", kind: 3 }),
  g.local({ max: () => "its own" }),
  g.tagged(1),
  g.none(),
  g.none(0),
  g.isNull(null),
  g.isNull(undefined),
];

describe("sharedConstants", () => {
  it("writes a repeated string once, and leaves property names, directives and template text as they are", async () => {
    const out = await transformed(script);
    // Once in its variable, once as the object's property name.
    expect(out.match(/"Key result"/g)?.length, out).toBe(2);
    expect(out).toContain(`var ${CONST_VAR}0="Key result"`);
    expect(out).toContain('{"Key result":');
    expect(out).toContain('function label(kind){"use strict";');
    expect(out).toContain("`Key result ${x}`");
    expect(out).toContain(`o[${CONST_VAR}0]`);
  });

  it("reads void 0, null and JavaScript's own objects through variables, but not a name the script declares", async () => {
    const out = await transformed(script);
    expect(out).not.toContain("void 0");
    // `null` only where its variable is assigned.
    expect(out.match(/(?<!\$)\bnull\b/g)?.length, out).toBe(1);
    expect(out).toContain(`${CONST_VAR}null=null`);
    expect(out).toContain(`${CONST_VAR}Math=Math`);
    expect(out).toContain(`${CONST_VAR}Math.max(1,2)`);
    expect(out).toContain("function local(Math){return Math.max(3,4)}");
    expect(out.startsWith(`"use strict";var G=(()=>{var ${CONST_VAR}`), out).toBe(true);
  });

  it("behaves as before", async () => {
    const before = results(load(script));
    const after = results(load(await transformed(script)));
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(after[5]).toBe(null);
    expect(after[7]).toBe(true);
    expect(after[8]).toBe(false);
  });

  it("refuses a script of another shape, or one with a name of its prefix", async () => {
    await expect(transformed('"use strict";var G = 1;')).rejects.toThrow(/sharedConstants/);
    await expect(transformed(`"use strict";var G = (() => { var ${CONST_VAR}0 = 1; return { a: "x" + "x" }; })();`)).rejects.toThrow(/has a name/);
  });
});

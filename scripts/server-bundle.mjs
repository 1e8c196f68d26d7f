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

/** The prefix of the variables throughVars adds; terser's mangling must shorten every name that has it. */
export const CALL_VAR = "$f$";

/**
 * Has the top-level functions of `ast` (terser's AST of asScript's script `"use strict"; var GLOBAL = (() =>
 * { … })();`, compressed, not yet mangled) called through variables that terser's mangling then shortens,
 * where each call wrote the function's kept name: `isValidIsoDate` is called from 33 places. Each function
 * keeps its name, which is the one a stack trace shows, whatever variable it was called through:
 * - a function the script cannot reach while it loads becomes a named function expression held by a
 *   variable, `var $f$isValidIsoDate = function isValidIsoDate(…) {…}`: no longer hoisted, which nothing
 *   notices, since nothing reads the variable before the script has loaded;
 * - a function loading may call (zod defines its classes at load; a few tables are computed at load)
 *   stays a declaration, hoisted as before, and if its calls pay for it gets a variable assigned first
 *   thing, `var $f$quotedList = quotedList`.
 * What loading may reach is over-approximated: every function named in the script's top-level code (but
 * the final `return { … }` of the exports, which runs once every variable is assigned), anywhere in it,
 * including in the functions written there, and in turn every function named in the body of a function
 * so reached.
 * Only the functions whose names match `kept` (those terser keeps) are called through variables.
 * Returns the script's text. terser's AST is not its documented API: what it relies on is checked, so a
 * terser release that changes it fails the build rather than ship a different script.
 */
export function throughVars(ast, global, kept) {
  const fail = (what) => {
    throw new Error(`build: throughVars: ${what}`);
  };
  if (typeof ast?.figure_out_scope !== "function" || typeof ast._children_backwards !== "function") fail("terser's AST no longer has figure_out_scope and _children_backwards");
  ast.figure_out_scope();
  const [directive, decl, ...more] = ast.body;
  const call = decl?.TYPE === "Var" && decl.definitions.length === 1 && decl.definitions[0].name.name === global ? decl.definitions[0].value : undefined;
  const fn = call?.TYPE === "Call" && !call.args.length ? call.expression : undefined;
  if (directive?.TYPE !== "Directive" || more.length || fn?.TYPE !== "Arrow") fail(`the script is not "use strict"; var ${global} = (() => { … })();`);
  const last = fn.body[fn.body.length - 1];
  if (last?.TYPE !== "Return" || last.value?.TYPE !== "Object") fail("the bundle does not end with return { … }");

  const defuns = new Map(fn.body.filter((s) => s.TYPE === "Defun").map((s) => [s.name.definition(), s]));
  for (const def of defuns.keys()) if (def.orig.length !== 1) fail(`${def.name} is declared more than once`);
  const walk = (node, visit) => {
    const todo = [node];
    const push = (n) => todo.push(n);
    while (todo.length) visit(todo.pop())._children_backwards(push);
  };
  // A name of the script's own with the prefix could capture the calls renamed to it.
  walk(fn, (n) => (/^Symbol/.test(n.TYPE) && n.name.startsWith(CALL_VAR) ? fail(`the script has a name ${n.name}`) : n));
  const named = (node) => {
    const found = [];
    walk(node, (n) => (n.TYPE === "SymbolRef" && defuns.has(n.thedef) && found.push(n.thedef), n));
    return found;
  };
  const reached = new Set();
  const reach = (defs) => {
    for (const def of defs) if (!reached.has(def)) reached.add(def), reach(named(defuns.get(def)));
  };
  for (const s of fn.body) if (s.TYPE !== "Defun" && s !== last) reach(named(s));

  // terser's own node classes, taken from nodes the script always has.
  const Var = decl.constructor, VarDef = decl.definitions[0].constructor, SymbolVar = decl.definitions[0].name.constructor;
  const variable = (name, value) => new VarDef({ name: new SymbolVar({ name }), value });
  const first = [];
  let SymbolRef;
  fn.body = fn.body.map((s) => {
    const def = s.TYPE === "Defun" ? s.name.definition() : undefined;
    const refs = def?.references ?? [];
    // A name terser shortens anyway (the library's) gains nothing.
    if (!refs.length || !kept.test(def.name)) return s;
    const name = CALL_VAR + def.name;
    const saved = refs.length * (def.name.length - 2);
    // Kept as declarations: what loading may call, where an alias costs the name once more.
    if (reached.has(def) ? saved <= def.name.length + 4 : saved <= 3) return s;
    SymbolRef ??= refs[0].constructor;
    for (const r of refs) (r.name = name), (r.thedef = undefined);
    if (!reached.has(def)) return new Var({ definitions: [variable(name, s)] });
    first.push(variable(name, new SymbolRef({ name: def.name })));
    return s;
  });
  if (first.length) fn.body.unshift(new Var({ definitions: first }));
  return ast.print_to_string({ ecma: 2019, comments: false });
}

/**
 * The arrow function of `"use strict"; var <global> = (() => { … })();` (what both shared-name passes
 * rewrite), or undefined when the script is not that shape; `fail` when terser's AST lacks what they use.
 */
function scriptWrapper(ast, global, fail) {
  if (typeof ast?.figure_out_scope !== "function" || typeof ast._children_backwards !== "function") fail("terser's AST no longer has figure_out_scope and _children_backwards");
  const [directive, decl, ...more] = ast.body;
  if (directive?.TYPE !== "Directive" || more.length) return undefined;
  const call = decl?.TYPE === "Var" && decl.definitions.length === 1 && decl.definitions[0].name.name === global ? decl.definitions[0].value : undefined;
  return call?.TYPE === "Call" && !call.args.length ? call.expression : undefined;
}

/**
 * Has the property names `ast` (the script as sharedConstants takes it) writes most often written as strings,
 * `x.keyResults` as `x["keyResults"]` and `{ startDate: d }` as `{ ["startDate"]: d }`, which sharedConstants
 * then writes once, in a variable: `x[Ke]`. The same property is read or defined, so the script behaves as
 * before; a function written as a property's value (`{ row: (e) => … }`) is named by its key either way.
 * Only a name whose sites save at least `minGain` bytes together is rewritten (each site counted with a
 * two-character variable: `.length` → `[Ke]`, `keyResults:` → `[Ke]:`, less the variable's own `Ke="…",`):
 * the most-used names are most of the gain, and the code's other properties read as they are. Left as they
 * are: `__proto__` keys (a computed one does not set the prototype), numeric keys, a key written once with its
 * value (`{ text }`, which may print as such), getters, setters, methods, classes' members, `?.` (lowered
 * by esbuild) and the object of exports the script's function returns. Returns `ast`, changed.
 */
export function sharedProperties(ast, global, minGain) {
  const fail = (what) => {
    throw new Error(`build: sharedProperties: ${what}`);
  };
  const fn = scriptWrapper(ast, global, fail);
  const last = fn?.body?.[fn.body.length - 1];
  if (fn?.TYPE !== "Arrow" || last?.TYPE !== "Return" || last.value?.TYPE !== "Object") fail(`the script is not "use strict"; var ${global} = (() => { … return { … }; })();`);
  const exportsObject = last.value;
  const dots = [];
  const keys = [];
  let SubNode, StringNode;
  const todo = [fn];
  while (todo.length) {
    const n = todo.pop();
    if (n.TYPE === "Sub") SubNode ??= n.constructor;
    else if (n.TYPE === "String") StringNode ??= n.constructor;
    else if (n.TYPE === "Dot" && !n.optional && typeof n.property === "string") dots.push(n);
    else if ((n.TYPE === "Object" || n.TYPE === "Destructuring") && n !== exportsObject) {
      for (const p of n.TYPE === "Object" ? n.properties : n.is_array ? [] : n.names) {
        if (p.TYPE !== "ObjectKeyVal" || typeof p.key !== "string" || p.key === "__proto__" || "" + +p.key === p.key) continue;
        const named = p.value?.TYPE === "DefaultAssign" ? p.value.left : p.value;
        if (/^Symbol/.test(named?.TYPE) && named.name === p.key) continue;
        keys.push(p);
      }
    }
    n._children_backwards((c) => todo.push(c));
  }
  if (!SubNode || !StringNode) fail("the script has no x[…] or no string");
  const gain = new Map();
  const add = (name, g) => gain.set(name, (gain.get(name) ?? 0) + g);
  for (const d of dots) add(d.property, d.property.length - 3);
  for (const p of keys) add(p.key, (/^[A-Za-z_$][\w$]*$/.test(p.key) ? p.key.length : JSON.stringify(p.key).length) - 4);
  const shared = new Set([...gain].filter(([name, g]) => g - (JSON.stringify(name).length + 4) >= minGain).map(([name]) => name));
  const text = (name, at) => new StringNode({ value: name, start: at.start, end: at.end });
  for (const p of keys) if (shared.has(p.key)) p.key = text(p.key, p);
  const subs = new Map(dots.filter((d) => shared.has(d.property)).map((d) => [d, new SubNode({ expression: d.expression, property: text(d.property, d), start: d.start, end: d.end })]));
  todo.push(fn);
  while (todo.length) {
    const n = todo.pop();
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (subs.has(v)) n[k] = subs.get(v);
      else if (Array.isArray(v) && v.some((e) => subs.has(e))) n[k] = v.map((e) => subs.get(e) ?? e);
    }
    n._children_backwards((c) => todo.push(c));
  }
  return ast;
}

/** The prefix of the variables sharedConstants adds; terser's mangling shortens them. */
export const CONST_VAR = "$c$";

/** JavaScript's own objects and functions sharedConstants reads through variables (`isFinite` since session 22: −0.3 KB). */
const BUILTINS = ["Math", "String", "Object", "Number", "Array", "JSON", "Map", "Set", "Error", "Promise", "Date", "isFinite", "RegExp", "isNaN", "Boolean"];

/**
 * Has the constants `ast` (the script as throughVars takes it, compressed, not yet mangled) writes in many
 * places written once, in variables of the bundle's function `var GLOBAL = (() => { … })()` that each place
 * reads instead, and terser's mangling then shortens (counted as two characters each):
 * - a string literal, where that is shorter: `"Key result"` at 22 places, `"number"` at 77. A string is a
 *   value, the same wherever it is read. Only string literals in expressions are replaced (terser's `String`
 *   nodes): property names (`{ a: 1 }`, `x.a`; but those sharedProperties wrote as strings), directives ("use strict")
 *   and template literals' text are other nodes, and stay as they are;
 * - `void 0` (183 places), as a variable never assigned, and `null` (844), as one assigned `null`;
 * - JavaScript's own objects and functions named as globals (BUILTINS: `Math.round` at 217 places, `isFinite` at 54), which neither the script,
 *   Apps Script nor the tests assign; a name the script declares itself is its own and stays. Not Apps Script's
 *   services (`SpreadsheetApp`): the tests set those globals, and what the script reads of Apps Script while it
 *   loads stays what it was.
 * The variables are assigned in the function's first statement, before any of its code runs.
 * Returns `ast`, changed.
 */
export function sharedConstants(ast, global) {
  const fail = (what) => {
    throw new Error(`build: sharedConstants: ${what}`);
  };
  const fn = scriptWrapper(ast, global, fail);
  if (fn?.TYPE !== "Arrow") fail(`the script is not "use strict"; var ${global} = (() => { … })();`);
  const decl = ast.body[1];
  ast.figure_out_scope();
  const walk = (visit) => {
    const todo = [fn];
    while (todo.length) {
      const n = todo.pop();
      visit(n);
      n._children_backwards((c) => todo.push(c));
    }
  };
  const strings = [];
  const undefineds = [];
  const nulls = [];
  const builtins = new Map();
  let SymbolRef, StringNode;
  walk((n) => {
    if (/^Symbol/.test(n.TYPE) && n.name.startsWith(CONST_VAR)) fail(`the script has a name ${n.name}`);
    if (n.TYPE === "String") strings.push(n), (StringNode ??= n.constructor);
    else if (n.TYPE === "Undefined" || (n.TYPE === "UnaryPrefix" && n.operator === "void" && n.expression.TYPE === "Number" && n.expression.value === 0)) undefineds.push(n);
    else if (n.TYPE === "Null") nulls.push(n);
    else if (n.TYPE === "SymbolRef") {
      SymbolRef ??= n.constructor;
      if (BUILTINS.includes(n.name) && n.thedef?.undeclared) builtins.set(n, n.name);
    }
  });
  if (!SymbolRef || !StringNode) fail("the script has no string or no variable");
  const count = new Map();
  for (const s of strings) count.set(s.value, (count.get(s.value) ?? 0) + 1);
  const names = new Map();
  // Most read first: the variables declared first get the shortest names.
  for (const [value, n] of [...count].sort((a, b) => b[1] - a[1])) {
    const written = JSON.stringify(value).length;
    if (n * written > n * 2 + written + 4) names.set(value, `${CONST_VAR}${names.size}`);
  }
  const replaced = new Map();
  for (const s of strings) if (names.has(s.value)) replaced.set(s, names.get(s.value));
  const UNDEFINED = `${CONST_VAR}undefined`;
  for (const u of undefineds) replaced.set(u, UNDEFINED);
  const NULL = `${CONST_VAR}null`;
  for (const u of nulls) replaced.set(u, NULL);
  // Each node whose field (or an element of a field) is a replaced node reads its variable instead.
  const ref = (n) => new SymbolRef({ name: replaced.get(n), start: n.start, end: n.end });
  walk((n) => {
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (replaced.has(v)) n[k] = ref(v);
      else if (Array.isArray(v) && v.some((e) => replaced.has(e))) n[k] = v.map((e) => (replaced.has(e) ? ref(e) : e));
    }
  });
  const uses = new Map();
  for (const [r, name] of builtins) (r.name = CONST_VAR + name), (r.thedef = undefined), uses.set(name, (uses.get(name) ?? 0) + 1);
  const Var = decl.constructor, VarDef = decl.definitions[0].constructor, SymbolVar = decl.definitions[0].name.constructor;
  const variable = (name, value) => new VarDef({ name: new SymbolVar({ name }), value });
  const defs = [...names].map(([value, name]) => variable(name, new StringNode({ value })));
  if (undefineds.length) defs.push(variable(UNDEFINED, null));
  if (nulls.length) defs.push(variable(NULL, nulls[0]));
  for (const [name] of [...uses].sort((a, b) => b[1] - a[1])) defs.push(variable(CONST_VAR + name, new SymbolRef({ name })));
  if (defs.length) fn.body.unshift(new Var({ definitions: defs }));
  return ast;
}

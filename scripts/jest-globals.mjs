// Jest only: the JavaScript built-ins (Math, isNaN, String, Map, ...) read once per module instead of at every
// use. Jest runs each test file in a node:vm context, and on Node 20 every read of a global there goes through
// the context's interceptor (and Jest's global proxy): `Math.floor` or `isNaN(x)` in a loop costs ~50 times what
// it costs outside a context (3e6 reads: 15 ms against 870 ms). HyperFormula, the offline spreadsheet and the
// sources read them millions of times; a profile of test/server/damage had HyperFormula's isNumberOverflow
// (`isNaN(arg) || ...`) at 365 ms of its 5 s. Both transforms (jest-transform.mjs for src/, not the tests,
// whose functions may be sent to a browser as text; jest-hyperformula-bundle.mjs) let esbuild replace each
// free reference to a name below with a module constant holding the same object, read from the test file's
// global once when the module loads: same values, same realm, nothing else changes.
// Left out: what a test could replace on the global after a module has loaded (Date, the timers, console,
// process), which must stay looked up each time.
export const BUILTINS = [
  "Math", "JSON", "Reflect", "Intl", "globalThis",
  "Object", "Function", "Array", "Number", "String", "Boolean", "Symbol", "BigInt",
  "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Promise", "Proxy", "RegExp",
  "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError",
  "ArrayBuffer", "DataView", "Uint8Array", "Int8Array", "Uint8ClampedArray", "Uint16Array", "Int16Array",
  "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "isNaN", "isFinite", "parseInt", "parseFloat", "NaN", "Infinity",
  "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI",
];

const local = (name) => `__jestBuiltin_${name}`;

/** esbuild's define: each free reference to a built-in becomes its module constant. */
export const define = Object.fromEntries(BUILTINS.map((n) => [n, local(n)]));

/** The module constants, on one line (a banner of one line keeps the source map's other lines as they were). */
export const banner = `const ${BUILTINS.map((n) => `${local(n)} = globalThis.${n}`).join(", ")};`;

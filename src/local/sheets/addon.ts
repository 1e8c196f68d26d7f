// Runs the built add-on (dist/Code.js) with the services as its globals. Apps Script starts every execution
// (a menu item, each google.script.run call, each trigger run) with fresh script globals, so every call here
// evaluates the whole bundle again: a module-level cache or flag of the add-on never outlives its execution,
// and a call made during another (a check-in during a trigger run) has globals of its own. The services'
// state (spreadsheet, properties, triggers, caches, locks) is the workbook's and persists.
//
// How, cheaply: the bundle is compiled once as the body of a function returning its top-level functions.
// Each call runs that function again, in a V8 context ("realm") not running another execution, so every
// binding of the bundle is new. A realm is reused for later executions only while it is as it was made:
// after each one, what the execution added to the global object is deleted, and a realm whose built-ins it
// changed (a prototype patched, Error.stackTraceLimit left changed) is dropped for a new one. The built-ins
// looked at are each global one and its prototype's own properties: a patch one level deeper (e.g.
// Intl.NumberFormat.prototype.format) would outlive its execution here, not on Google; the add-on patches
// none. A new context per call did the same at ~1-2 ms more CPU per call (getSidebarData 3.4-4.5 ms against
// 2.1-2.3 ms): creating the context, and the add-on's code starting cold every time in a new realm instead
// of reusing the compiled code V8 keeps per function of a realm.
import vm from "node:vm";
import { randomUUID } from "node:crypto";
import { crossScriptRun } from "./scriptRun";

export interface AddonContext {
  /** Runs one top-level function of the bundle as an execution of its own, with fresh globals. */
  call(name: string, ...args: unknown[]): unknown;
}

/** What loadAddon needs of the services (index.ts LocalServices). */
export interface AddonHost {
  globals: Record<string, unknown>;
  execution<T>(run: () => T): T;
}

type Entry = (...a: unknown[]) => unknown;
type Bundle = () => Record<string, Entry>;

interface Compiled {
  code: string;
  /** Evaluated in a realm and called with its global, gives the function that evaluates the bundle there. */
  script: vm.Script;
}

const GLOBAL = new vm.Script("globalThis");
const JSON_OF = new vm.Script("JSON");
let compiled: Compiled | null = null;

/** The last bundle compiled (the test files and the CLI load one); compiling costs ~10 ms. */
function compile(code: string, globals: Record<string, unknown>): Compiled {
  if (compiled?.code === code) return compiled;
  // The bundle's top-level functions: what evaluating it adds to a global object.
  const probe = vm.createContext({ ...globals });
  const before = new Set(Object.getOwnPropertyNames(GLOBAL.runInContext(probe)));
  vm.runInContext(code, probe, { filename: "Code.js" });
  const g = GLOBAL.runInContext(probe) as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(g).filter((n) => !before.has(n) && typeof g[n] === "function");
  // The realm's built-ins (Math, JSON, String, isNaN...: what a context has and the services do not give) as
  // constants of a scope around the bundle, read from the realm's global when the realm is made. A read of a
  // global in a node:vm context goes through the context's interceptor, ~50 times the cost of a local's
  // (3e6 reads of Math: 870 ms against 15 ms), and the add-on reads them in its loops; the constants hold the
  // same objects, and a realm whose built-ins an execution changed is dropped (reset). eval stays global: a
  // constant would make `eval(...)` an indirect eval. The bundle's own declarations shadow these as before.
  const builtins = [...before].filter((n) => !(n in globals) && n !== "eval" && /^[A-Za-z_$][\w$]*$/.test(n) && ((typeof g[n] === "object" && g[n] !== null) || typeof g[n] === "function"));
  // The header on a line of its own (lineOffset: -1), so stack traces give Code.js's own lines.
  const source = `(function (__okrRealm) { const { ${builtins.join(", ")} } = __okrRealm; return function () {\n${code}\nreturn { ${names.map((n) => `${JSON.stringify(n)}: ${n}`).join(", ")} };\n}; })`;
  compiled = { code, script: new vm.Script(source, { filename: "Code.js", lineOffset: -1 }) };
  return compiled;
}

/** One V8 context the bundle runs in, one execution at a time. */
class Realm {
  private readonly sandbox: Record<string, unknown>;
  private readonly global: object;
  private readonly bundle: Bundle;
  readonly json: JSON;
  /** The built-ins as made: each object or function the global holds, and its prototype, with its own properties. */
  private readonly builtins: { holder: object; keys: (string | symbol)[]; values: unknown[] }[] = [];

  constructor(script: vm.Script, globals: Record<string, unknown>) {
    this.sandbox = { ...globals };
    const context = vm.createContext(this.sandbox);
    this.global = GLOBAL.runInContext(context) as object;
    this.json = JSON_OF.runInContext(context) as JSON;
    this.bundle = (script.runInContext(context) as (global: object) => Bundle)(this.global);
    for (const name of Object.getOwnPropertyNames(this.global)) {
      if (name in globals || name === "globalThis") continue;
      const v = (this.global as Record<string, unknown>)[name];
      if ((typeof v !== "object" && typeof v !== "function") || v === null) continue;
      this.record(v);
      const proto = (v as { prototype?: unknown }).prototype;
      if (proto && typeof proto === "object") this.record(proto);
    }
  }

  private record(holder: object): void {
    const keys = Reflect.ownKeys(holder);
    this.builtins.push({ holder, keys, values: keys.map((k) => slot(holder, k)) });
  }

  /** Evaluates the bundle afresh (the services' globals as they are now) and gives its top-level functions. */
  start(globals: Record<string, unknown>): Record<string, Entry> {
    Object.assign(this.sandbox, globals);
    return this.bundle.call(this.global);
  }

  /**
   * After an execution: deletes what it added to the global object. False when it changed a built-in (or
   * could not be undone): the next execution must then have a new realm, as it would on Google.
   */
  reset(globals: Record<string, unknown>): boolean {
    for (const k of Reflect.ownKeys(this.sandbox)) {
      if (!(typeof k === "string" && k in globals) && !Reflect.deleteProperty(this.sandbox, k)) return false;
    }
    for (const { holder, keys, values } of this.builtins) {
      const now = Reflect.ownKeys(holder);
      if (now.length !== keys.length) return false;
      for (let i = 0; i < keys.length; i++) if (now[i] !== keys[i] || !Object.is(slot(holder, keys[i]), values[i])) return false;
    }
    return true;
  }
}

/** A property's value, or for an accessor its getter and setter (never called: Function.prototype.caller throws). */
function slot(holder: object, key: string | symbol): unknown {
  const d = Object.getOwnPropertyDescriptor(holder, key);
  if (!d) return undefined;
  return "value" in d ? d.value : accessors(d.get, d.set);
}

/** One token per getter/setter pair, the same for the same pair. */
const pairs = new WeakMap<object, WeakMap<object, object>>();
const NONE = {};
function accessors(get: unknown, set: unknown): object {
  const g = (get ?? NONE) as object;
  const s = (set ?? NONE) as object;
  let bySet = pairs.get(g);
  if (!bySet) pairs.set(g, (bySet = new WeakMap()));
  let token = bySet.get(s);
  if (!token) bySet.set(s, (token = {}));
  return token;
}

/** A string no sender can make (a fresh UUID after a NUL): a non-finite number's place in the JSON sent. */
const NON_FINITE = `\u0000${randomUUID()}:`;
function keepNonFinite(_key: string, v: unknown): unknown {
  return typeof v === "number" && !Number.isFinite(v) ? NON_FINITE + String(v) : v;
}
function restoreNonFinite(_key: string, v: unknown): unknown {
  return typeof v === "string" && v.startsWith(NON_FINITE) ? Number(v.slice(NON_FINITE.length)) : v;
}

/**
 * Loads built add-on code; loading compiles it and touches no service. `call` behaves like google.script.run:
 * arguments and result cross by Google's rules (scriptRun.ts: a Date sent fails, a Date returned arrives as
 * null), not by a JSON round trip.
 */
export function loadAddon(code: string, services: AddonHost): AddonContext {
  const { script } = compile(code, services.globals);
  /** Realms no execution is running in. */
  const idle: Realm[] = [];
  const call = (name: string, ...args: unknown[]): unknown => {
    // Checked by Google's rules before anything runs (what remains is JSON, but for NaN and ±Infinity, which
    // scriptRun.ts lets reach the server as themselves: JSON alone made them null, so the server's own
    // handling of a NaN was never reached through here).
    const sent = JSON.stringify(crossScriptRun(args, "toServer"), keepNonFinite);
    const out = services.execution(() => {
      const realm = idle.pop() ?? new Realm(script, services.globals);
      try {
        const fn = realm.start(services.globals)[name];
        if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
        // Rebuilt in the add-on's realm, as its own objects.
        const ctxArgs = realm.json.parse(sent, restoreNonFinite) as unknown[];
        try {
          return fn.apply(undefined, ctxArgs);
        } catch (e) {
          const message = e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e);
          const err = Object.assign(new Error(message), { cause: e });
          const errName = e && typeof e === "object" && "name" in e ? String((e as Error).name) : "Error";
          if (errName !== "Error") err.name = errName;
          throw err;
        }
      } finally {
        if (realm.reset(services.globals)) idle.push(realm);
      }
    });
    return crossScriptRun(out, "toClient");
  };
  return { call };
}

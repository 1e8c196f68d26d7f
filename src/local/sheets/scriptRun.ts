// What crosses google.script.run, by Google's rules rather than a JSON round trip
// (https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values):
// - to the server: primitives, null, and arrays and plain objects of them. A Date, a function or any
//   other object fails the call, as does a circular structure; undefined inside an array becomes null.
//   NaN and ±Infinity reach the server as themselves and fail a return (not documented: the stricter readings).
// - back to the client: the same, except that a return value holding a Date anywhere arrives as null *as a
//   whole* (not only the Date: a getValues() grid with one date cell reaches the success handler as null);
//   functions and undefined object fields are dropped (undefined inside an array becomes null); any other
//   object fails the call. Google documents Date as no legal type; what a return holding one gives is
//   reported from live runs (docs/apps-script-fidelity.md "to check" 34).
// Values come from the add-on's own V8 context, so types are recognised by their internal class name.

export type Direction = "toServer" | "toClient";

function className(v: object): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Google's client refuses an argument before sending it, with a TypeError naming the property (an argument's
 * index, or the key holding the value): "Failed due to illegal value in property: 1" for an event object
 * passed as the second argument, "…: TanggalBinaan" for a Date inside an object, and "Failed due to circular
 * reference." (strings of Google's client library, quoted from live runs where no execution reached the
 * server; docs/apps-script-fidelity.md, google.script.run). The emulator's explanation follows the words.
 */
export const ILLEGAL_VALUE = "Failed due to illegal value in property: ";
export const CIRCULAR = "Failed due to circular reference.";

function fail(direction: Direction, what: string, key: string): never {
  if (direction === "toServer") {
    const head = what === "a circular structure" ? CIRCULAR : `${ILLEGAL_VALUE}${key}.`;
    throw new TypeError(`${head} google.script.run cannot send ${what} to the server: only numbers, strings, booleans, null, arrays and plain objects.`);
  }
  throw new Error(`The server function returned ${what}, which google.script.run cannot carry to the client.`);
}

/** A copy of `v` as the other side receives it, or an Error naming what cannot cross. */
export function crossScriptRun(v: unknown, direction: Direction): unknown {
  const seen = new Set<object>();
  let dated = false;
  const walk = (x: unknown, inArray: boolean, key: string): unknown => {
    if (x === null || typeof x === "string" || typeof x === "boolean") return x;
    // NaN and ±Infinity: numbers, but JSON has neither, and whether they arrive as null, as themselves or fail
    // the call is not documented ("to check" 23). Sent to the server they arrive as themselves (the server
    // must refuse them: it was given null instead, so a test sending NaN never reached its NaN handling);
    // returned to the sidebar they fail the call, so code returning one (a score of 0/0) fails a test instead
    // of showing "null" or "NaN" there.
    if (typeof x === "number") {
      if (!Number.isFinite(x) && direction === "toClient") fail(direction, String(x), key);
      return x;
    }
    if (x === undefined) return inArray ? null : undefined;
    if (typeof x === "function") {
      if (direction === "toServer") fail(direction, "a function", key);
      return inArray ? null : undefined;
    }
    if (typeof x !== "object") fail(direction, `a ${typeof x}`, key);
    const o = x as object;
    const kind = className(o);
    if (kind === "Date") {
      if (direction === "toServer") fail(direction, "a Date", key);
      dated = true;
      return null;
    }
    if (seen.has(o)) fail(direction, "a circular structure", key);
    seen.add(o);
    try {
      if (Array.isArray(o)) return o.map((e, i) => walk(e, true, String(i)));
      if (!isPlainObject(o)) fail(direction, `an object of type ${kind === "Object" ? (o.constructor && o.constructor.name) || "Object" : kind}`, key);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o)) {
        const e = walk((o as Record<string, unknown>)[k], false, k);
        // defineProperty, not assignment: an own "__proto__" key (JSON.parse makes one) must arrive as a key
        // the server can see and refuse, not silently become the copy's prototype.
        if (e !== undefined) Object.defineProperty(out, k, { value: e, enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      seen.delete(o);
    }
  };
  const out = walk(v, false, "");
  // A Date anywhere in a return: the whole value arrives as null (the stricter of the two readings; it
  // nulled the Date alone, so a sidebar given one date among its data still drew the rest offline).
  return dated ? null : out;
}

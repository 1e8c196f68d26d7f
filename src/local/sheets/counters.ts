// Service-call accounting. Every object that stands for an Apps Script service round trip is handed to
// add-on code through a Proxy that counts each method call ("Range.getValues"); the objects themselves
// call each other directly, so internal work is never counted. Cells read/written are added by the methods.

export interface CounterSnapshot {
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Cells whose format a call set (number format, fill, font, wrap, note): the cost model prices them apart. */
  cellsFormatted: number;
  byMethod: Record<string, number>;
}

export interface Counters extends CounterSnapshot {
  listener: ((name: string) => void) | null;
  afterListener: ((name: string) => void) | null;
  reset(): void;
  snapshot(): CounterSnapshot;
}

export class CountersImpl implements Counters {
  serviceCalls = 0;
  cellsRead = 0;
  cellsWritten = 0;
  cellsFormatted = 0;
  byMethod: Record<string, number> = {};
  /** Called before each counted service call (tests use it to run another execution mid-way). */
  listener: ((name: string) => void) | null = null;
  /** Called after each counted service call returns (tests run another execution just after one). */
  afterListener: ((name: string) => void) | null = null;
  /** The offline spreadsheet's own bookkeeping of each call (write buffering), before the call. */
  observer: ((name: string) => void) | null = null;
  call(name: string): void {
    if (this.listener) this.listener(name);
    if (this.observer) this.observer(name);
    this.serviceCalls++;
    this.byMethod[name] = (this.byMethod[name] ?? 0) + 1;
  }
  read(n: number): void {
    this.cellsRead += n;
  }
  wrote(n: number): void {
    this.cellsWritten += n;
  }
  formatted(n: number): void {
    this.cellsFormatted += n;
  }
  reset(): void {
    this.serviceCalls = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.cellsFormatted = 0;
    this.byMethod = {};
  }
  snapshot(): CounterSnapshot {
    return { serviceCalls: this.serviceCalls, cellsRead: this.cellsRead, cellsWritten: this.cellsWritten, cellsFormatted: this.cellsFormatted, byMethod: { ...this.byMethod } };
  }
}

/** Implemented by objects whose method calls count as service calls. */
export interface Countable {
  readonly _kind: string;
  readonly _counters: CountersImpl;
  /** Methods that are not service round trips (builders). */
  readonly _uncounted?: readonly string[];
  /** Throws when the object can no longer be used (a range of a deleted tab), before any method. */
  _alive?(): void;
}

const proxies = new WeakMap<object, object>();
const raws = new WeakMap<object, object>();
const NOT_COUNTED = new Set(["toString", "valueOf", "toJSON", "constructor"]);

function isCountable(o: unknown): o is Countable {
  return typeof o === "object" && o !== null && typeof (o as Countable)._kind === "string" && (o as Countable)._counters instanceof CountersImpl;
}

/** The counted face of an object (arrays of countable objects are mapped; anything else passes through). */
export function pub<T>(o: T): T {
  if (typeof o !== "object" || o === null) return o;
  if (Array.isArray(o)) {
    if (o.length > 0 && isCountable(o[0])) return o.map((x) => pub(x)) as unknown as T;
    return o;
  }
  if (!isCountable(o)) return o;
  const existing = proxies.get(o);
  if (existing) return existing as T;
  const target = o as unknown as Record<string | symbol, unknown> & Countable;
  const proxy = new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t);
      if (typeof v !== "function" || typeof prop === "symbol" || prop.startsWith("_") || NOT_COUNTED.has(prop)) return v;
      return function counted(...args: unknown[]) {
        t._alive?.();
        const counted = !t._uncounted?.includes(prop);
        if (counted) t._counters.call(`${t._kind}.${prop}`);
        const out = pub((v as (...a: unknown[]) => unknown).apply(t, args.map(unpub)));
        if (counted && t._counters.afterListener) t._counters.afterListener(`${t._kind}.${prop}`);
        return out;
      };
    },
  });
  proxies.set(o, proxy);
  raws.set(proxy, o);
  return proxy as unknown as T;
}

/** The raw object behind a counted face (also unwraps one level of arrays). */
export function unpub<T>(o: T): T {
  if (typeof o !== "object" || o === null) return o;
  const r = raws.get(o as object);
  if (r) return r as T;
  if (Array.isArray(o) && o.length > 0 && typeof o[0] === "object" && o[0] !== null && raws.has(o[0])) {
    return o.map((x) => unpub(x)) as unknown as T;
  }
  return o;
}

// Apps Script enums as Google gives them: objects, not strings. `SpreadsheetApp.DeveloperMetadataVisibility.PROJECT`
// is an enum value whose toString() and name() give "PROJECT"; a method that takes an enum matches its
// overloads by the argument's type, so the string "PROJECT" is a String there, never the enum
// (addDeveloperMetadata(key, "PROJECT") stores the value "PROJECT" with DOCUMENT visibility; a method taking
// only an enum refuses a string: "The parameters (String) don't match the method signature for …").
// Offline enums were plain strings, which let add-on code passing a string pass a test and misbehave on
// Google. Only the enums modelled here are objects (developer metadata's); the others are still strings
// (docs/apps-script-fidelity.md, "Enums").

export interface AppsEnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

const NAMES = new WeakMap<object, { enumName: string; name: string }>();

/** An enum's values, each a frozen object whose toString() and name() are its name. */
export function appsEnum<K extends string>(enumName: string, names: readonly K[]): Readonly<Record<K, AppsEnumValue>> {
  const out = {} as Record<K, AppsEnumValue>;
  names.forEach((name, i) => {
    const v: AppsEnumValue = Object.freeze({
      toString: () => name,
      name: () => name,
      ordinal: () => i,
      toJSON: () => name,
    });
    NAMES.set(v, { enumName, name });
    out[name] = v;
  });
  return Object.freeze(out);
}

/** The value's name when it is one of `enumName`'s values (never for a string), else null. */
export function enumName(x: unknown, enumNameWanted: string): string | null {
  if (typeof x !== "object" || x === null) return null;
  const e = NAMES.get(x);
  return e && e.enumName === enumNameWanted ? e.name : null;
}

/** Google's refusal of an argument that fits no overload, naming the arguments' types as Apps Script does. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  const type = (a: unknown) => {
    if (typeof a === "string") return "String";
    if (typeof a === "number") return "number";
    if (typeof a === "boolean") return "Boolean";
    if (a === null || a === undefined) return "null";
    const e = NAMES.get(a as object);
    return e ? e.enumName : "Object";
  };
  return new Error(`Exception: The parameters (${args.map(type).join(",")}) don't match the method signature for ${method}.`);
}

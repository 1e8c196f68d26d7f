/**
 * A value built on its first use, then kept for the rest of the execution. For the zod schemas: Apps Script
 * evaluates the whole script at the start of every execution (a menu item, each google.script.run call,
 * each trigger run), which checks one request at most, and building them all there was most of that start
 * (~2 of ~2.7 ms of CPU per execution offline).
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

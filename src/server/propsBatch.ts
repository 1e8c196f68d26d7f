// Document properties read in one call and written in one. On Google each property call is a round trip of
// its own (measured 20–84 ms a read and 43–231 ms a write: README, "The cost model"), and the weekly summary
// reads three records and writes up to three; through this it pays one getProperties and one setProperties.
// What it writes goes in when the caller commits, so a generation that fails part-way records nothing.
// The records it carries are caches (a missing one makes the next generation read and write more, never
// wrong), so one too large for a property is dropped rather than failing the generation and losing the others.
import { utf8Bytes } from "../core/emails";

/** Google's limit on one property value ("9kB per val": Apps Script quotas); setProperties refuses past it. */
export const PROPERTY_VALUE_BYTES = 9 * 1024;

type Properties = GoogleAppsScript.Properties.Properties;

/** What the summary's records need of a property store: the real one, or the batch below. */
export interface PropertyStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}

export interface PropsBatch extends PropertyStore {
  /** Writes what was set (one setProperties) and deletes what was deleted; nothing when neither. */
  commit(): void;
}

/** A batch over `props` (null when the run has no document properties: nothing to read or record). */
export function batchedProps(props: Properties | null): PropsBatch | null {
  if (!props) return null;
  let values: Record<string, string> | null = null;
  const set: Record<string, string> = {};
  const deleted = new Set<string>();
  const read = (): Record<string, string> => (values = values || props.getProperties());
  return {
    getProperty(key) {
      if (Object.prototype.hasOwnProperty.call(set, key)) return set[key];
      if (deleted.has(key)) return null;
      const all = read();
      return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : null;
    },
    setProperty(key, value) {
      set[key] = String(value);
      deleted.delete(key);
    },
    deleteProperty(key) {
      delete set[key];
      deleted.add(key);
    },
    commit() {
      for (const key of Object.keys(set)) {
        const bytes = utf8Bytes(set[key]);
        if (bytes <= PROPERTY_VALUE_BYTES) continue;
        // Said in the execution log (and to a test): a record that outgrows a property makes every run slower.
        console.warn(`okr-sheets: the record ${key} is ${bytes} bytes, over the 9 KB a property holds: not kept.`);
        delete set[key]; // an older record of it would describe tabs as they no longer are
        deleted.add(key);
      }
      if (Object.keys(set).length) props.setProperties(set);
      // Only a key that is there costs a call (a roll over's or the first cycle's summary deletes none).
      for (const key of deleted) if (values === null || Object.prototype.hasOwnProperty.call(values, key)) props.deleteProperty(key);
    },
  };
}

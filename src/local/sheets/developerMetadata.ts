// Developer metadata on the spreadsheet: Spreadsheet.addDeveloperMetadata, createDeveloperMetadataFinder,
// the DeveloperMetadataFinder and DeveloperMetadata faces (ref/spreadsheet/developer-metadata*). The add-on
// keeps the weekly refresh's shared record there because a trigger run reads it through the spreadsheet it
// opens by ID, whether or not Google gives that run document properties (docs/apps-script-fidelity.md).
//
// Modelled as Google documents it, where the add-on depends on it:
// - Metadata at the spreadsheet's own location only (the add-on attaches none to sheets, rows or columns:
//   those methods are absent, a TypeError offline, as every method the faces do not hold).
// - Visibility: DOCUMENT metadata is seen by every developer project; PROJECT metadata only by the project
//   that created it ("Project-visible metadata is only visible to and accessible by the developer project
//   that created the metadata", ref/spreadsheet/developer-metadata-visibility). An entry a snapshot marks
//   with another `project` stands for another add-on's: the finder never returns it, yet it takes room.
// - addDeveloperMetadata returns the spreadsheet ("for chaining"), not the entry: code finds it again.
// - Several entries may share a key ("There may be multiple metadata in a spreadsheet with the same key",
//   Sheets API DeveloperMetadata.metadataKey); each has a spreadsheet-scoped positive ID, random (freshId).
// - Visibility and location type are enum objects (enums.ts): a string is a value, or fits no overload.
// - Size: at most METADATA_CHARS characters of keys and values at one location (the Sheets API guide's
//   figure; its exact wording, and whether other projects' entries count, are "to check" 19). A write past it
//   throws and stores nothing.
// - A removed entry's handle fails on every method (Google's behaviour there is not documented: the stricter
//   reading).
// Counted as service calls ("Spreadsheet.addDeveloperMetadata", "DeveloperMetadataFinder.find",
// "DeveloperMetadata.setValue"), priced by bench/costModel.ts: find a read, add/setValue/remove writes; the
// finder's with* methods build the query locally and are not counted.
import { randomInt } from "node:crypto";
import type { CountersImpl } from "./counters";
import { appsEnum, enumName, signatureError } from "./enums";
import type { SnapshotMetadata } from "../snapshot";

/** The developer project the add-on's code runs as (offline: one add-on). */
export const ADDON_PROJECT = "okr-sheets";
/** Characters of keys and values one location may hold (Sheets API guide, "to check" 19). */
export const METADATA_CHARS = 30_000;
export const METADATA_ERRORS = {
  tooLarge: `The developer metadata at this location would exceed the limit of ${METADATA_CHARS} characters.`,
  gone: "The developer metadata no longer exists.",
  badKey: "Invalid argument: key",
};

const VISIBILITY = "SpreadsheetApp.DeveloperMetadataVisibility";
const LOCATION_TYPE = "SpreadsheetApp.DeveloperMetadataLocationType";
/** Enum objects, as on Google (enums.ts): the string "PROJECT" is a value, never a visibility. */
export const DeveloperMetadataVisibility = appsEnum(VISIBILITY, ["DOCUMENT", "PROJECT"] as const);
export const DeveloperMetadataLocationType = appsEnum(LOCATION_TYPE, ["SPREADSHEET", "SHEET", "ROW", "COLUMN"] as const);
type Visibility = "DOCUMENT" | "PROJECT";

/**
 * A new entry's ID: Google's are "randomly generated" ("The spreadsheet-scoped unique ID …; otherwise one
 * will be randomly generated and assigned. Must be positive", Sheets API DeveloperMetadata.metadataId). They
 * counted up from the highest one present, so a removed entry's ID came back after a save and a load, and
 * code comparing IDs for order could pass offline.
 */
function freshId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = randomInt(1, 2 ** 31 - 1);
    if (!taken(id)) return id;
  }
}

interface Entry {
  id: number;
  key: string;
  value: string | null;
  visibility: Visibility;
  project: string;
  api?: LocalDeveloperMetadata;
}

/** One spreadsheet's developer metadata (kept on its Book, saved with the snapshot and the .xlsx). */
export class DeveloperMetadataStore {
  private readonly entries: Entry[] = [];
  /** Every ID this store has held (removed ones too), so none is given twice while it lives. */
  private readonly given = new Set<number>();
  constructor(
    readonly counters: CountersImpl,
    saved: SnapshotMetadata[] = [],
  ) {
    for (const m of saved) {
      const n = Number(m.id);
      const id = Number.isInteger(n) && n > 0 && !this.given.has(n) ? n : freshId((x) => this.given.has(x));
      this.given.add(id);
      this.entries.push({ id, key: String(m.key), value: m.value ?? null, visibility: m.visibility === "PROJECT" ? "PROJECT" : "DOCUMENT", project: m.project ?? ADDON_PROJECT });
    }
  }
  private size(extra: number): number {
    return this.entries.reduce((n, e) => n + e.key.length + (e.value ?? "").length, extra);
  }
  add(key: unknown, value: string | null, visibility: Visibility): void {
    const k = String(key ?? "");
    if (!k) throw new Error(METADATA_ERRORS.badKey);
    if (this.size(k.length + (value ?? "").length) > METADATA_CHARS) throw new Error(METADATA_ERRORS.tooLarge);
    const id = freshId((x) => this.given.has(x));
    this.given.add(id);
    this.entries.push({ id, key: k, value, visibility, project: ADDON_PROJECT });
  }
  setValue(e: Entry, value: string): void {
    this.alive(e);
    if (this.size(value.length - (e.value ?? "").length) > METADATA_CHARS) throw new Error(METADATA_ERRORS.tooLarge);
    e.value = value;
  }
  remove(e: Entry): void {
    this.alive(e);
    this.entries.splice(this.entries.indexOf(e), 1);
  }
  alive(e: Entry): void {
    if (this.entries.indexOf(e) < 0) throw new Error(METADATA_ERRORS.gone);
  }
  /** What the add-on's project may see, matching the query. */
  find(q: Query): LocalDeveloperMetadata[] {
    return this.entries
      .filter((e) => e.visibility === "DOCUMENT" || e.project === ADDON_PROJECT)
      .filter((e) => (q.key === undefined || e.key === q.key) && (q.value === undefined || e.value === q.value))
      .filter((e) => (q.id === undefined || e.id === q.id) && (q.visibility === undefined || e.visibility === q.visibility))
      .filter(() => q.locationType === undefined || q.locationType === "SPREADSHEET")
      .map((e) => (e.api ??= new LocalDeveloperMetadata(this, e)));
  }
  toSnapshot(): SnapshotMetadata[] {
    return this.entries.map((e) => ({
      id: e.id,
      key: e.key,
      ...(e.value !== null ? { value: e.value } : {}),
      visibility: e.visibility,
      ...(e.project !== ADDON_PROJECT ? { project: e.project } : {}),
    }));
  }
}

/** Spreadsheet.addDeveloperMetadata's overloads: (key), (key, visibility), (key, value), (key, value, visibility). */
export function addArgs(key: unknown, b: unknown, c: unknown): { value: string | null; visibility: Visibility } {
  const vis = (x: unknown) => enumName(x, VISIBILITY) as Visibility | null;
  const text = (x: unknown) => (x === null || x === undefined ? null : String(x));
  if (c !== undefined) {
    // Google matches the overload by the argument's type: a third argument that is no visibility fits none
    // (the string "PROJECT" included).
    const v = vis(c);
    if (!v) throw signatureError("SpreadsheetApp.Spreadsheet.addDeveloperMetadata", [key, b, c]);
    return { value: text(b), visibility: v };
  }
  const v = vis(b);
  if (v) return { value: null, visibility: v };
  return { value: text(b), visibility: "DOCUMENT" };
}

interface Query {
  key?: string;
  value?: string;
  id?: number;
  visibility?: string;
  locationType?: string;
}

export class LocalDeveloperMetadataFinder {
  readonly _kind = "DeveloperMetadataFinder";
  readonly _uncounted = ["withKey", "withValue", "withId", "withVisibility", "withLocationType"];
  readonly _counters: CountersImpl;
  private readonly q: Query = {};
  constructor(private readonly store: DeveloperMetadataStore) {
    this._counters = store.counters;
  }
  withKey(key: string) {
    this.q.key = String(key);
    return this;
  }
  withValue(value: string) {
    this.q.value = String(value);
    return this;
  }
  withId(id: number) {
    this.q.id = Number(id);
    return this;
  }
  /** Takes the enum only: a string fits no overload on Google. */
  withVisibility(v: unknown) {
    const name = enumName(v, VISIBILITY);
    if (!name) throw signatureError("SpreadsheetApp.DeveloperMetadataFinder.withVisibility", [v]);
    this.q.visibility = name;
    return this;
  }
  withLocationType(t: unknown) {
    const name = enumName(t, LOCATION_TYPE);
    if (!name) throw signatureError("SpreadsheetApp.DeveloperMetadataFinder.withLocationType", [t]);
    this.q.locationType = name;
    return this;
  }
  find() {
    return this.store.find(this.q);
  }
}

export class LocalDeveloperMetadata {
  readonly _kind = "DeveloperMetadata";
  readonly _counters: CountersImpl;
  constructor(
    private readonly store: DeveloperMetadataStore,
    private readonly e: Entry,
  ) {
    this._counters = store.counters;
  }
  /** Before every method (counters.ts pub): a removed entry's handle fails. */
  _alive(): void {
    this.store.alive(this.e);
  }
  getId() {
    return this.e.id;
  }
  getKey() {
    return this.e.key;
  }
  getValue() {
    return this.e.value;
  }
  getVisibility() {
    return DeveloperMetadataVisibility[this.e.visibility];
  }
  setValue(value: string) {
    this.store.setValue(this.e, String(value));
    return this;
  }
  remove() {
    this.store.remove(this.e);
  }
}

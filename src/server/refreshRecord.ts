// The weekly refresh's shared record (weeklyState.ts says what it holds: who installed the refresh and its
// trigger's ID, another admin's "off", the last run), kept in the spreadsheet's developer metadata.
//
// It was kept in the document's properties. The trigger run opens its tracker by ID, and Google does not say
// whether an add-on's time-driven run has a containing document; without one getDocumentProperties() is null
// (docs/apps-script-fidelity.md "To check" 3), and the run could read neither the "off" switch nor which
// trigger is the recorded one, nor record its outcome: another admin's off never reached the owner's
// trigger, a superseded trigger kept running (the leaders' digest twice a week), and no run was recorded.
// Developer metadata belongs to the spreadsheet and is read and written through the Spreadsheet the run
// opened, under either reading. PROJECT visibility: only this add-on's project sees it, and every user of
// the add-on runs as that one project. Keys and values stay far below the 30,000 characters a location
// holds (a failure reason is cut to 200 characters).
//
// One entry per field, as the properties were one per key, so that a run that takes minutes records its
// outcome without overwriting an "off" written meanwhile. A cleared field is stored as "null", telling it
// from a field never written here: that one is read from the document's properties, where an earlier version
// recorded it (when they are readable), and moved here the first time it is written. Document properties are
// not kept as a second copy: a run without them could update only this one, and the two would disagree.
import { docProps, type Installed, type LastRun, type SwitchedOff } from "./weeklyState";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export interface RefreshState {
  installed: Installed | null;
  off: SwitchedOff | null;
  last: LastRun | null;
}
type Field = keyof RefreshState;

const FIELDS: Field[] = ["installed", "off", "last"];
/** The metadata keys, the same as the document properties an earlier version used. */
const KEYS: Record<Field, string> = { installed: "okr.weekly.installed", off: "okr.weekly.off", last: "okr.weekly.last" };

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null; // a damaged record counts as none
  }
}

function findAll(ss: Spreadsheet, key?: string): Metadata[] {
  let finder = ss
    .createDeveloperMetadataFinder()
    .withVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET);
  if (key) finder = finder.withKey(key);
  return finder.find();
}

/** Each field's entries among those found. */
function byField(found: Metadata[]): Partial<Record<Field, Metadata[]>> {
  const entries: Partial<Record<Field, Metadata[]>> = {};
  for (const m of found) {
    const key = m.getKey();
    const field = FIELDS.find((f) => KEYS[f] === key);
    if (field) (entries[field] ??= []).push(m);
  }
  return entries;
}

/** The record as read once per execution (one metadata search); `save` writes only the fields given. */
export class RefreshRecord {
  private constructor(
    private readonly ss: Spreadsheet,
    /** Each field's entries (several only if two executions added one at once); "added": written, not yet found. */
    private readonly entries: Partial<Record<Field, Metadata[] | "added">>,
    private readonly state: RefreshState,
    /** Fields read from the document's properties. */
    private readonly legacy: Set<Field>,
    /** Fields with no entry here that the document's properties (readable) do not hold either: none. */
    private readonly unset: Set<Field>,
    /** The record came with a copy of the file (Make a copy): it describes the original's trigger, not this file's. */
    private copied: boolean,
  ) {}

  static read(ss: Spreadsheet): RefreshRecord {
    const entries = byField(findAll(ss));
    const state: RefreshState = { installed: null, off: null, last: null };
    const legacy = new Set<Field>();
    const unset = new Set<Field>();
    let props: GoogleAppsScript.Properties.Properties | null | undefined;
    for (const f of FIELDS) {
      const found = entries[f];
      if (found) {
        (state as Record<Field, unknown>)[f] = parse(found[0].getValue());
        continue;
      }
      if (props === undefined) props = docProps();
      const text = props ? props.getProperty(KEYS[f]) : null;
      if (!text && props) unset.add(f);
      if (!text) continue;
      (state as Record<Field, unknown>)[f] = parse(text);
      legacy.add(f);
    }
    // Developer metadata (and document properties) may travel with a copy of the file; triggers do not
    // (docs/apps-script-fidelity.md "To check" 66). Such a record is the original's: its trigger refreshes the
    // original, and its last run was there. The copy is off until turned on here, which replaces the record.
    const rec = state.installed;
    return new RefreshRecord(ss, entries, state, legacy, unset, !!rec && !!rec.ss && rec.ss !== ss.getId());
  }

  get installed(): Installed | null {
    return this.copied ? null : this.state.installed;
  }
  get off(): SwitchedOff | null {
    const rec = this.state.installed;
    return this.copied && rec ? { by: rec.by, on: rec.on, copy: true } : this.state.off;
  }
  get last(): LastRun | null {
    return this.copied ? null : this.state.last;
  }

  /**
   * Writes the fields given (null clears one); a field already holding the value is not written again. Fields
   * still in the document's properties move here with any write, so that the record is never split between
   * the two (a trigger run without document properties would see only part of it). A field known to hold
   * nothing is then written as "null" too (once), so that later reads never look in the document's properties.
   */
  save(change: Partial<RefreshState>): void {
    // The first change in a copy starts its own record: the original's fields are cleared with it.
    if (this.copied && FIELDS.some((f) => f in change)) {
      change = { installed: null, off: null, last: null, ...change };
      this.copied = false;
    }
    const writing = FIELDS.some((f) => f in change) || this.legacy.size > 0;
    // Read again before the first entry is added: another execution may have added it since this one read the
    // record (an admin's off during a trigger run of minutes). Adding beside it would leave two entries of a
    // field, and which one find() gives first Google does not say. One more search, only on a save that adds.
    let fresh: Partial<Record<Field, Metadata[]>> | null = null;
    for (const f of FIELDS) {
      const none = writing && this.unset.delete(f);
      if (!(f in change) && !this.legacy.has(f) && !none) continue;
      let found = this.entries[f];
      const adds = (f in change ? (change[f] ?? null) : this.state[f]) !== null || this.legacy.has(f) || none;
      if (!found && adds) {
        fresh ??= byField(findAll(this.ss));
        found = this.entries[f] = fresh[f];
        if (found) {
          // Written meanwhile by another execution: newer than what this one read (or was moving).
          (this.state as Record<Field, unknown>)[f] = parse(found[0].getValue());
          this.legacy.delete(f);
          if (!(f in change)) continue;
        }
      }
      const value = f in change ? (change[f] ?? null) : this.state[f];
      const text = JSON.stringify(value);
      const same = JSON.stringify(this.state[f]) === text && !this.legacy.has(f);
      (this.state as Record<Field, unknown>)[f] = value;
      if (found === "added") found = this.entries[f] = findAll(this.ss, KEYS[f]);
      if (found && found.length) {
        if (!same) found[0].setValue(text);
        for (const extra of found.slice(1)) extra.remove();
        this.entries[f] = [found[0]];
      } else if (value !== null || this.legacy.has(f) || none) {
        this.ss.addDeveloperMetadata(KEYS[f], text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        this.entries[f] = "added";
      }
      if (this.legacy.delete(f)) docProps()?.deleteProperty(KEYS[f]);
    }
  }
}

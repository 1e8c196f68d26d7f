// What "Set up tracker" is asked to do, what it reports, and what its callers learn besides.
import type { Table } from "./table";

export interface SetupOptions {
  template?: string;
  start?: string;
  weeks?: number;
  name?: string;
  /**
   * The IDs of the KRs an import has just written (lower case): its Repair's report leaves out the trims of their
   * objective IDs, and does not count them among the KRs that now count for an objective (server/idSpaces.ts).
   */
  imported?: readonly string[];
}

export interface SetupReport {
  created: string[];
  restored: string[];
  /**
   * What Repair changed in the IDs (server/idSpaces.ts): the spaces it removed around them, and the KRs that count
   * for an objective since. Read as they are by the import's notes and the menu's and the CLI's "but for the spaces
   * removed around IDs" (until session 22 picked out of `restored` by their words).
   */
  ids: string[];
  /** Formulas an earlier version of the add-on wrote, now this version's (not damage: nobody changed them). */
  updated: string[];
  warnings: string[];
}

/**
 * A run of setup: its report (spread into the Set up / Repair replies, so nothing else goes in it) and the
 * facts its callers act on, which are theirs alone: the roll over and the import, which run it.
 */
export interface SetupRun {
  report: SetupReport;
  /**
   * The add-on's own Settings rows not written for want of a blank row in A1:C40 (the report's warning
   * names them to the user): the roll over runs setup again once it has freed a row. Decided where the row
   * was placed, not read back from the warning's words.
   */
  settingsNoRoom: readonly string[];
  /** Key Results as setup left it: its columns (those setup appended included) and its data rows. */
  keyResults: Table;
  /**
   * Whether this run wrote anything (setupWrites.ts): a Repair that wrote nothing releases the document lock
   * without a flush, having nothing to commit.
   */
  wrote: boolean;
}

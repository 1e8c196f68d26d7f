// What closing a cycle leaves for the operations after it: the Settings row saying the day it was closed as of
// (core/cycleClosed.ts: check-ins and summaries after it say so), and that day read back from the
// Retrospective's date line (the roll over lets a cycle closed early be followed from the day after).
import { CYCLE_CLOSED_LABEL, CYCLE_CLOSED_NOTE } from "../core/cycleClosed";
import { TAB } from "../core/tabs";
import { asText, isProtectedEdit } from "./env";
import { SETTINGS_LAST_ROW, type SettingsRead } from "./read";
import { norm } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Settings row saying the day the cycle was closed as of (core/cycleClosed.ts): where it is, else the row
 * under the last labelled one in A1:C40 (the rows every operation reads); none when no row is left there. A
 * Settings tab protected from this user is left without it (the close itself is done).
 */
export function markClosed(ss: Spreadsheet, read: SettingsRead, asOf: string): void {
  const at = read.rows.get(norm(CYCLE_CLOSED_LABEL)) ?? Math.max(1, ...Array.from(read.rows.values())) + 1;
  if (at > SETTINGS_LAST_ROW) return;
  try {
    ss.getRange(`'${TAB.settings}'!A${at}:C${at}`).setValues([[CYCLE_CLOSED_LABEL, asText(asOf), CYCLE_CLOSED_NOTE]]);
  } catch (e) {
    if (!isProtectedEdit(e)) throw e;
  }
}

/** The day the Retrospective's scores are as of, from its date line ("Final scores as of D · …"), or null. */
export function retroClosedOn(values: unknown[][]): string | null {
  for (const row of values.slice(0, 3)) {
    const m = /^Final scores as of (\d{4}-\d{2}-\d{2}) /.exec(String(row[0] ?? ""));
    if (m) return m[1];
  }
  return null;
}

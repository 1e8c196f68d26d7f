// What closing a cycle leaves for the operations after it: the Settings row saying the day it was closed as of
// (core/cycleClosed.ts: check-ins and summaries after it say so), and its clearing by the roll over.
import { CYCLE_CLOSED_LABEL, CYCLE_CLOSED_NOTE, closeNotRecorded } from "../core/cycleClosed";
import { TAB } from "../core/tabs";
import { asText, isProtectedEdit } from "./env";
import { settingsGridOf, type SettingsRead } from "./read";
import { growSettingsFor, settingsRoom } from "./settingsRoom";
import { norm } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes the Settings row saying the day the cycle was closed as of (core/cycleClosed.ts): where it is, else
 * in a blank row of A1:C40 (the rows every operation reads), the first under the last labelled one if any.
 * Null when written; else the line the close's answer adds (the close itself is done): no blank row left
 * there, or a Settings tab protected from this user.
 */
export function markClosed(ss: Spreadsheet, read: SettingsRead, asOf: string): string | null {
  let at = read.rows.get(norm(CYCLE_CLOSED_LABEL)) ?? 0;
  if (!at) {
    // A blank row only: read.rows holds each label's first row, so the row under the last one may hold a
    // second row of the same label or a row with only B or C filled (until session 13 it was written over,
    // and a label at row 40 left nothing written, silently). Found in the rows the close read already (until
    // session 14 the first close read A1:C40 a second time).
    const last = Math.max(1, ...Array.from(read.rows.values()));
    at = settingsRoom(read.values).take(last + 1, last);
    if (!at) return closeNotRecorded("no blank row is left in A1:C40, where settings are read", "Clear a row there and close again.");
  }
  try {
    // A blank row past the rows read is beyond a tab whose blank rows were deleted, and one whose Notes
    // column was deleted is narrower than A:C: the tab grows first, from what the close read (no call).
    growSettingsFor(settingsGridOf(read.values), at, () => ss.getSheetByName(TAB.settings));
    ss.getRange(`'${TAB.settings}'!A${at}:C${at}`).setValues([[CYCLE_CLOSED_LABEL, asText(asOf), CYCLE_CLOSED_NOTE]]);
  } catch (e) {
    if (!isProtectedEdit(e)) throw e;
    return closeNotRecorded("the tab is protected from you", "");
  }
  return null;
}

/**
 * Clears the row a close left (its place is in the Settings just read: one write, no read), for the roll over,
 * once the next cycle is made: the next cycle is not closed. Until session 13 it stayed, and a cycle closed as
 * of a day past its last one (close --at after the end) left the next cycle saying it was closed from its
 * first days. Whether there was one: its row is free room now.
 */
export function clearClosedMark(ss: Spreadsheet, read: SettingsRead): boolean {
  const at = read.rows.get(norm(CYCLE_CLOSED_LABEL));
  if (at) ss.getRange(`'${TAB.settings}'!A${at}:C${at}`).clearContent();
  return !!at;
}

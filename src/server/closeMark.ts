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
    const day = plainTextValues(read.values) ? asOf : asText(asOf);
    ss.getRange(`'${TAB.settings}'!A${at}:C${at}`).setValues([[CYCLE_CLOSED_LABEL, day, CYCLE_CLOSED_NOTE]]);
  } catch (e) {
    if (!isProtectedEdit(e)) throw e;
    return closeNotRecorded("the tab is protected from you", "");
  }
  return null;
}

/**
 * Whether Settings' values are formatted as Plain text, from what the close read (no call): the add-on's
 * apostrophe kept as a character (a text written literal: the cycle name, an earlier close's day), or the Start
 * date held as text (written as its day, which Sheets' Automatic format makes a date). The close day is then
 * written as it is: literal, such a tab showed its quote ('2026-01-20) until session 17. A Settings formatted so
 * after setup, whose values were stored as Automatic made them, shows no sign: its first close's day shows the
 * quote, and a close again writes it without (its own quote is the sign). Wrong only where a person typed the
 * start date as text ('2026-01-05) under Automatic: the close day is then a date, which every reader takes as
 * the day (read.ts labelled). docs/lifecycle.md.
 */
function plainTextValues(values: unknown[][]): boolean {
  const start = norm(START_LABEL);
  return values.some((r) => typeof r[1] === "string" && (r[1].charAt(0) === "'" || (norm(r[0]) === start && /^\d{4}-\d{2}-\d{2}$/.test(r[1].trim()))));
}
const START_LABEL = "Start date";

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

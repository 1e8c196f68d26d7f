// What a single cell may be given, as Sheets allows it (book.ts writeValues checks each value written).

/**
 * Sheets holds at most 50,000 characters in a cell and refuses a write of more (Google Sheets' file limits);
 * a text's leading apostrophe is not stored, so it does not count.
 */
export const CELL_CHARS = 50000;
export function checkCellLength(v: unknown): void {
  if (typeof v !== "string" || v.length <= CELL_CHARS) return;
  if (v.length - (v.startsWith("'") ? 1 : 0) > CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${CELL_CHARS} characters in a single cell.`);
}

/**
 * A value Google does not document writing (Range.setValues takes "Object[][]"): NaN, ±Infinity, an invalid
 * Date, an object or an array in a cell. What Sheets makes of each ("NaN" text, an error, a blank) is not
 * settled ("to check" 22), and any of them in a tracker is a bug, so they fail here. NaN and Infinity were
 * written as =NA(), an invalid Date as a blank and an object as "[object Object]".
 */
export const UNWRITABLE = (what: string) => `Offline spreadsheet: a cell cannot be given ${what} (Google's result is not documented).`;

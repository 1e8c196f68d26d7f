// Room in the Settings tab's A1:C40, the only rows every operation reads: where Repair puts a row that is
// missing there, and what it says when there is none.
import { CYCLE_CLOSED_LABEL } from "../core/cycleClosed";
import { quotedList } from "../core/plural";
import { SETTINGS_COMPUTED, SETTINGS_HEADERS, SETTINGS_ROWS } from "../core/tabs";
import { SETTINGS_LAST_ROW, type SettingsGrid } from "./read";
import { isEmpty } from "./setupTabs";
import { noteWrite } from "./setupWrites";
import { norm } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The labels of the add-on's own Settings rows (lower case), the row closing the cycle writes included. */
export const OURS = new Set([...SETTINGS_ROWS, ...SETTINGS_COMPUTED, { label: CYCLE_CLOSED_LABEL }].map((d) => norm(d.label)));

/**
 * The blank rows of A1:C40 (all of A–C empty; rows past those read are blank), where a missing row may go:
 * `take(from, after)` gives the first at or below `from`, else the first below `after` (right under the
 * rows of its kind), else the first of all (a blank row between); 0 when none is left.
 */
export function settingsRoom(values: unknown[][]): { take(from: number, after: number): number } {
  const free: number[] = [];
  for (let r = 2; r <= SETTINGS_LAST_ROW; r++) if (isEmpty([values[r - 1] || []])) free.push(r);
  return {
    take(from, after) {
      let i = free.findIndex((r) => r >= from);
      if (i < 0) i = free.findIndex((r) => r > after);
      if (i < 0 && free.length) i = 0;
      return i < 0 ? 0 : free.splice(i, 1)[0];
    },
  };
}

/**
 * Grows the Settings tab before a write of A:C down to `lastRow`, which Sheets would refuse beyond its grid
 * (a team tidying the tab deletes its blank rows, or its Notes column). The one place every write of
 * Settings rows grows it (closing, setup and Repair): until session 16 closing grew it from the read's size,
 * and setup asked getMaxRows and getMaxColumns (a call each) for what its own read had said. No call when
 * the write fits, which is from the read alone; the tab (`tab`, a lookup where the caller has none in hand)
 * is fetched only to grow it. `grid` is updated to the grown size.
 *
 * Not render.ts rangeFromA1Growing nor setupTabs.ts ensureTable's column growth: those write past what they
 * read (a report's rows, a header after the user's own columns), so what was read says only that the grid is
 * at least that big, and knowing more would be a call; they try the write first and ask only when refused,
 * which costs a tab that fits nothing. Settings rows are all within A1:C40, where the read knows the grid.
 */
export function growSettingsFor(grid: SettingsGrid, lastRow: number, tab: () => Sheet | null): void {
  const cols = SETTINGS_HEADERS.length;
  if (lastRow <= grid.rows && grid.cols >= cols) return;
  const sheet = tab();
  if (!sheet) return;
  // Noted even when the tab turns out tall enough below: a flush more, never one missed.
  noteWrite();
  if (lastRow > grid.rows) {
    // A read that reached row 40 said only "at least 40": below it (no row of ours) the tab is asked.
    const max = grid.rows < SETTINGS_LAST_ROW ? grid.rows : sheet.getMaxRows();
    if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
    grid.rows = Math.max(max, lastRow);
  }
  if (grid.cols < cols) {
    sheet.insertColumnsAfter(grid.cols, cols - grid.cols);
    grid.cols = cols;
  }
}

/** What to clear when A1:C40 has no blank row left for the rows that are missing. */
export function noRoomMessage(labels: string[], values: unknown[][]): string {
  const yours: number[] = [];
  values.forEach((r, i) => {
    const label = norm(r[0]);
    if (i > 0 && !isEmpty([r]) && !OURS.has(label) && label !== norm(SETTINGS_HEADERS[0])) yours.push(i + 1);
  });
  const n = labels.length;
  const where = yours.length ? ` (your own rows there: ${spans(yours)}; move what you need below row 40)` : "";
  return `Settings: no blank row left in A1:C40, where settings are read, for ${quotedList(labels)}: clear ${n === 1 ? "a row" : `${n} rows`} there${where}, then run Repair tracker again.`;
}

/** Rows as "21–25, 30". */
function spans(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

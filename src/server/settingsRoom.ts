// Room in the Settings tab's A1:C40, the only rows every operation reads: where Repair puts a row that is
// missing there, and what it says when there is none.
import { CYCLE_CLOSED_LABEL } from "../core/cycleClosed";
import { quotedList } from "../core/plural";
import { SETTINGS_COMPUTED, SETTINGS_HEADERS, SETTINGS_ROWS } from "../core/tabs";
import { SETTINGS_LAST_ROW } from "./read";
import { isEmpty } from "./setupTabs";
import { norm } from "./table";

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

// A team's Check-ins log, its last rows only, for the blockers reported this period (core/portfolioBlockers.ts):
// one read call per team whose cycle is running and that checked in this period (a KR's Last check-in in it: none,
// no read), its size following the KRs checked in, not its log (docs/portfolio.md "Blockers this week"). The log is placed by the Settings computed rows the roll-up
// read already (its header and row count), as a check-in and the sidebar place its tail (checkinLog.ts).
import { columnLetter } from "../core/a1";
import type { CheckinEntry } from "../core/model";
import { CHECKIN_HEADERS, computedLabel, TAB } from "../core/tabs";
import { cellIsoDate, isDate } from "./env";
import { checkinsFrom, computedLogHeaderRow, computedLogRows, IDENTIFYING, type SettingsRead } from "./read";
import { col, lazyDecimalComma, norm, tableFromValues, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


/**
 * Rows read beyond one per KR checked in this period (its Last check-in in it): a few KRs checked in twice, or
 * corrected. When the first row read is still in the period, the rows above are read too (twice as many each
 * time) until one is dated before it or the header is reached: exact, a call more only then.
 */
const SLACK = 20;

const none = null as unknown as GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The log's rows from its end back to the first one dated before `periodStart` (in its time zone `tz`), as
 * check-ins; [] for an empty log; the whole log when the computed cells do not place it (wholeLog); null when
 * the read fails (the tab renamed or deleted). `krs`: its KRs checked in this period (by their Last check-in), which sizes the first read.
 */
export function readBlockerRows(ss: Spreadsheet, s: SettingsRead, krs: number, periodStart: string, tz: string): CheckinEntry[] | null {
  const raw = s.raw.get(norm(computedLabel("CheckinHeader")));
  const n = computedLogRows(s);
  // The computed header joins row 1's cells: it is the log's header only when that is row 1.
  const headers = typeof raw === "string" && n !== null && computedLogHeaderRow(s) === 1 ? raw.split("|").map((h) => h.trim()) : null;
  // Its columns, all of them (Request ID, the last, names the row a correction replaces): as a check-in reads its tail.
  const idx = CHECKIN_HEADERS.map((h) => (headers ? col({ headers }, h) : -1));
  if (!headers || n === null || idx.some((i) => i < 0)) return wholeLog(ss, tz);
  if (n <= 0) return [];
  const width = Math.max(...idx) + 1;
  const ts = idx[0];
  const last = 1 + n;
  let first = last + 1;
  let chunk = krs + SLACK;
  let rows: unknown[][] = [];
  try {
    while (first > 2) {
      const from = Math.max(2, first - chunk);
      const values = ss.getRange(`'${TAB.checkins}'!A${from}:${columnLetter(width)}${first - 1}`).getValues();
      rows = values.concat(rows);
      first = from;
      const day = values[0] && values[0][ts];
      if (isDate(day) && cellIsoDate(day, tz) < periodStart) break;
      chunk *= 2;
    }
  } catch {
    return null;
  }
  const t: Table = { sheet: none, name: TAB.checkins, headerRow: first - 1, headers: headers.slice(0, width), rows, width };
  return checkinsFrom(t, tz, lazyDecimalComma(ss));
}

/**
 * The whole log, for a tracker whose computed cells do not place it (set up before them, its header moved from
 * row 1): as the Key Results are read whole for such a tracker, its roll-up is the same, at a read growing with
 * its log ("Repair tracker" there writes the cells back). Null when there is no log to read (the tab renamed).
 */
function wholeLog(ss: Spreadsheet, tz: string): CheckinEntry[] | null {
  try {
    const sheet = ss.getSheetByName(TAB.checkins);
    if (!sheet) return null;
    return checkinsFrom(tableFromValues(sheet, TAB.checkins, sheet.getDataRange().getValues(), IDENTIFYING.checkins), tz, lazyDecimalComma(ss));
  } catch {
    return null;
  }
}

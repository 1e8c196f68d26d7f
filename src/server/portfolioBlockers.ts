// A team's Check-ins log, its last rows only, for the blockers reported this period (core/portfolioBlockers.ts):
// one read call per team whose cycle is running and that checked in this period (a KR's Last check-in in it: none,
// no read), its size following the KRs checked in, not its log (docs/portfolio.md "Blockers this week"). The log is
// placed by the Settings computed rows the roll-up read already (checkinLog.ts placedLog: its header row, header
// and row count), as a check-in and the sidebar place its tail.
import { columnLetter } from "../core/a1";
import type { CheckinEntry } from "../core/model";
import { TAB } from "../core/tabs";
import { placedLog } from "./checkinLog";
import { cellIsoDate, isDate } from "./env";
import { checkinsFrom, IDENTIFYING, type SettingsRead } from "./read";
import { lazyDecimalComma, norm as key, tableFromValues, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Rows read beyond one per KR checked in this period (its Last check-in in it): a few KRs checked in twice, or
 * corrected. When the first row read is still in the period, the rows above are read too (twice as many each
 * time) until one is dated before it or the header is reached: exact, a call more only then.
 */
const SLACK = 20;
/**
 * Reads made past a row dated before the period while a KR's latest check-in of the period (its Last check-in)
 * has not been found: rows sit in the order they were appended, not by their day, so a check-in backdated with
 * `okr-sheets checkin --at`, or a file of older check-ins imported after this week's, puts rows dated before the
 * period below the period's. Bounded: a Last check-in typed by hand has no row to find.
 */
const PAST_OLDER = 2;

const none = null as unknown as GoogleAppsScript.Spreadsheet.Sheet;

/** A KR checked in this period and the day of its latest check-in (its Last check-in), whose log row the read must reach. */
export interface PeriodCheckin {
  id: string;
  day: string;
}

/**
 * The log's rows from its end back to the first one dated before `periodStart` (in its time zone `tz`) above
 * every KR's latest check-in of the period (`latest`: their Last check-in, which sizes the first read), as
 * check-ins; [] for an empty log; the whole log when the computed cells do not place it (wholeLog); null when the
 * read fails (the tab renamed or deleted).
 */
export function readBlockerRows(ss: Spreadsheet, s: SettingsRead, latest: PeriodCheckin[], periodStart: string, tz: string): CheckinEntry[] | null {
  // Its columns, all of them (Request ID, the last, names the row a correction replaces): as a check-in reads its tail.
  const log = placedLog(s);
  if (!log) return wholeLog(ss, tz);
  if (log.rows <= 0) return [];
  const width = Math.max(...Object.values(log.cols)) + 1;
  const ts = log.cols.Timestamp;
  const kr = log.cols["KR ID"];
  const top = log.headerRow + 1;
  let first = log.headerRow + log.rows + 1;
  let chunk = latest.length + SLACK;
  let rows: unknown[][] = [];
  const unseen = new Map(latest.map((k) => [key(k.id), k.day]));
  let pastOlder = 0;
  try {
    while (first > top) {
      const from = Math.max(top, first - chunk);
      const values = ss.getRange(`'${TAB.checkins}'!A${from}:${columnLetter(width)}${first - 1}`).getValues();
      rows = values.concat(rows);
      first = from;
      const dayOf = (r: unknown[]) => (isDate(r[ts]) ? cellIsoDate(r[ts], tz) : "");
      for (const r of values) if (unseen.get(key(r[kr])) === dayOf(r)) unseen.delete(key(r[kr]));
      const older = values.length > 0 && dayOf(values[0]) !== "" && dayOf(values[0]) < periodStart;
      if (older && (unseen.size === 0 || ++pastOlder > PAST_OLDER)) break;
      chunk *= 2;
    }
  } catch {
    return null;
  }
  const t: Table = { sheet: none, name: TAB.checkins, headerRow: first - 1, headers: log.headers.slice(0, width), rows, width };
  return checkinsFrom(t, tz, lazyDecimalComma(ss));
}

/**
 * The whole log, for a tracker whose computed cells do not place it (set up before them): as the Key Results are
 * read whole for such a tracker, its roll-up is the same, at a read growing with its log ("Repair tracker" there
 * writes the cells back). Null when there is no log to read (the tab renamed).
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

// The lines the preview shows above the grid: which day it takes as "today" when that is not the real
// date, and a Weekly Summary that check-ins have overtaken ("generated 2026-11-15 10:02; 3 check-ins since").
import { weekdayName } from "../core/dates";
import { plural } from "../core/plural";
import { asOfFrom, generatedFrom } from "../core/summaryStamp";
import { TAB } from "../core/tabs";
import type { PreviewNotice } from "./preview";
import type { Workbook } from "./runtime";

/** The machine's calendar date, YYYY-MM-DD. */
export function realToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function todayNotice(at: string | undefined, today = realToday()): PreviewNotice | null {
  if (!at || at === today) return null;
  const day = weekdayName(at);
  return {
    kind: "today",
    text: `Today is taken as ${day} ${at}, not the real date (${today}): check-ins and the add-on menu's actions are dated that day.`,
  };
}

/** Log rows read at a time, from the bottom up, when counting the check-ins a summary has not seen. */
export const STALE_BLOCK = 200;

/**
 * The summary is stale when the log has check-ins timed after its generation (to the minute, so one made
 * in the same minute counts as included), or, for a summary written before the subtitle carried the
 * time, dated after its "as of" day.
 *
 * The page asks on every refresh, so the log is not read whole: check-ins are appended, so the ones after
 * the summary are its last rows (as the add-on's check-in reads the log's last rows for recent ones). Its
 * Timestamp column is read from the bottom up, STALE_BLOCK rows at a time, up to the first block with none
 * after the summary, so an older row among newer ones (a check-in dated back with the command line's
 * --at) does not end the count early. What is read grows with the check-ins since the summary, not with
 * the log.
 */
export function staleNotice(w: Workbook): PreviewNotice | null {
  const ss = w.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const summary = ss.getSheetByName(TAB.summary);
  const log = ss.getSheetByName(TAB.checkins);
  if (!summary || !log || summary.getLastRow() < 1) return null;
  // The subtitle is the summary's second row; the first rows are read in case a title line is added.
  const top = summary.getRange(1, 1, Math.min(5, summary.getLastRow()), 1).getDisplayValues().map((r) => String(r[0]));
  const subtitle = top.find((t) => asOfFrom(t) !== null) ?? "";
  const generated = generatedFrom(subtitle);
  const asOf = asOfFrom(subtitle);
  if (!generated && !asOf) return null;
  const lastRow = log.getLastRow();
  const lastCol = log.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return null;
  const col = log.getRange(1, 1, 1, lastCol).getValues()[0].indexOf("Timestamp");
  if (col < 0) return null;
  const tz = ss.getSpreadsheetTimeZone();
  const utilities = w.services.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  const pattern = generated ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd";
  const since = generated ?? (asOf as string);
  let n = 0;
  for (let last = lastRow; last >= 2; last -= STALE_BLOCK) {
    const first = Math.max(2, last - STALE_BLOCK + 1);
    let newer = 0;
    for (const [v] of log.getRange(first, col + 1, last - first + 1, 1).getValues()) {
      if (Object.prototype.toString.call(v) === "[object Date]" && utilities.formatDate(v as Date, tz, pattern) > since) newer++;
    }
    n += newer;
    if (newer === 0) break;
  }
  if (n === 0) return null;
  const when = generated ? `generated ${generated}` : `as of ${asOf}`;
  return {
    kind: "stale",
    text: `The Weekly Summary is out of date (${when}; ${plural(n, "check-in")} since): choose "Generate weekly summary" in the add-on menu.`,
  };
}

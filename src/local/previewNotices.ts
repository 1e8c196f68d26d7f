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

/**
 * The summary is stale when the log has check-ins timed after its generation (to the minute, so one made
 * in the same minute counts as included), or, for a summary written before the subtitle carried the
 * time, dated after its "as of" day.
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
  const values = log.getDataRange().getValues();
  const col = values.length ? values[0].indexOf("Timestamp") : -1;
  if (col < 0) return null;
  const tz = ss.getSpreadsheetTimeZone();
  const utilities = w.services.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  const pattern = generated ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd";
  const since = generated ?? (asOf as string);
  let n = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i][col];
    if (Object.prototype.toString.call(v) === "[object Date]" && utilities.formatDate(v as Date, tz, pattern) > since) n++;
  }
  if (n === 0) return null;
  const when = generated ? `generated ${generated}` : `as of ${asOf}`;
  return {
    kind: "stale",
    text: `The Weekly Summary is out of date (${when}; ${plural(n, "check-in")} since): choose "Generate weekly summary" in the add-on menu.`,
  };
}

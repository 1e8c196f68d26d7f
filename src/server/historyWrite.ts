// The week's rows in History, as the Weekly Summary writes them (summaryTab.ts generateSummary): replaced,
// not duplicated, when the week is regenerated; History grows when full, its Status colours with it.
import { columnLetter, quoteSheet } from "../core/a1";
import { planHistoryWrite, type ExistingHistoryRow } from "../core/history";
import type { SummaryModel } from "../core/summary";
import { HISTORY_HEADERS, HISTORY_STATE_HEADERS, TAB } from "../core/tabs";
import { asText, UserError } from "./env";
import { parseA1 } from "./setupRules";
import { readHistoryRows, type HistoryRead } from "./summaryRead";
import { col } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The number format Sheets reports for a cell never formatted. */
const UNFORMATTED = "0.###############";
/** History grows by at least this many rows at a time, so growing is rare. */
const HISTORY_GROWTH = 500;

/**
 * Writes the week's History rows; returns the first row of the week's rows and the last row holding an entry
 * after the write (the next summary reads from the one, and expects the other).
 */
export function writeHistory(ss: Spreadsheet, h: HistoryRead, model: SummaryModel, tz: string, percentKrs: ReadonlyMap<string, string>): { first: number | undefined; last: number } {
  let existing: ExistingHistoryRow[] = h.entries;
  const plan0 = planHistoryWrite(existing, model.week, model.historyRows, h.headerRow + 1);
  if (plan0.mode === "rewrite" && h.hasState) {
    // Rows of later weeks move up: read them whole so their state columns move with them.
    const from = plan0.startRow;
    existing = existing.filter((e) => e.row < from).concat(readHistoryRows(h, from, existing[existing.length - 1].row, tz));
  }
  const plan = planHistoryWrite(existing, model.week, model.historyRows, h.headerRow + 1);
  const t = { headers: h.headers };
  const idx = HISTORY_HEADERS.map((name) => col(t, name));
  if (idx.some((i) => i < 0)) throw new UserError(`The "History" tab is missing a column. Use "Repair tracker".`);
  const stateIdx = h.hasState ? HISTORY_STATE_HEADERS.map((name) => col(t, name)) : [];
  const width = Math.max(...idx, ...stateIdx) + 1;
  const plain = plainTextHistory(existing);
  const rows = plan.rows.map((e) => {
    const r: unknown[] = new Array(width).fill("");
    const text = plain && !needsQuote(e) ? asIs : asText;
    r[idx[0]] = e.week;
    r[idx[1]] = e.asOf;
    r[idx[2]] = text(e.krId);
    r[idx[3]] = e.value ?? "";
    r[idx[4]] = e.score ?? "";
    r[idx[5]] = e.status;
    if (stateIdx.length) {
      r[stateIdx[0]] = e.confidence ?? "";
      r[stateIdx[1]] = e.lastCheckin ?? "";
      r[stateIdx[2]] = text(e.whatChanged ?? "");
      r[stateIdx[3]] = text(e.blockers ?? "");
      r[stateIdx[4]] = text(e.nextStep ?? "");
      r[stateIdx[5]] = e.sameValue ?? "";
    }
    return r;
  });
  const total = rows.length + plan.clearRows;
  // The rows written (and any later ones moved up among them) end the entries; above them, the rows kept.
  let end = h.headerRow;
  for (const e of existing) if (e.row < plan.startRow && e.row > end) end = e.row;
  if (rows.length) end = plan.startRow + rows.length - 1;
  const first = rows.length ? plan.startRow : undefined;
  if (total === 0) return { first, last: end };
  const lastRow = plan.startRow + total - 1;
  // History is not sized ahead: a range beyond the sheet's size is refused, so a full tab grows first (one
  // insert) when the write's range fails; its new rows get the Score format after the write.
  const sheet = h.sheet;
  const a1 = (r1: number, r2: number) => `${quoteSheet(TAB.history)}!A${r1}:${columnLetter(width)}${r2}`;
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ss.getRange(a1(plan.startRow, lastRow));
  } catch {
    const max = sheet.getMaxRows();
    // Room for four more weeks at least, so a growth week (and its colours' two structural calls) is rare.
    const grown = Math.max(lastRow - max, 4 * rows.length, HISTORY_GROWTH);
    sheet.insertRowsAfter(max, grown);
    colourGrownRows(sheet, h, max + grown);
    range = ss.getRange(a1(plan.startRow, lastRow));
  }
  if (rows.length) {
    const blank = new Array(width).fill("");
    // One range for the week's rows and the rows a shorter rewrite leaves behind (cleared with blanks).
    const all = rows.concat(Array.from({ length: plan.clearRows }, () => blank));
    range.setValues(all); // the Score column's format is the column's (ensureHistoryScoreFormat)
    // A fraction-% KR's Value shows as its cells do (0.92 as 92.0%), and the other rows written get Sheets'
    // default back, as a regenerated week's rows move: one call, on a tracker with such a KR only.
    if (percentKrs.size) {
      // Each such KR's own format (forecast.ts percentValueFormat: "0.0%", "0.000%" for 0.5% → 0.3%): one call still.
      const shown = all.map((_, i) => [(i < rows.length && percentKrs.get(String(plan.rows[i].krId))) || UNFORMATTED]);
      sheet.getRange(plan.startRow, idx[3] + 1, all.length, 1).setNumberFormats(shown);
    }
  } else {
    range.clearContent();
  }
  return { first, last: end };
}

/**
 * Whether History is formatted as Plain text, from its latest row read: its As of day, written as text, is read
 * back as text only from such a cell (Sheets' Automatic format makes it a date). Its texts are then written as
 * they are: the apostrophe that keeps them literal under Automatic would show there as a character (it did
 * until session 17). No call: the summary reads those rows already. A History with no rows yet is taken as
 * Automatic (the format every tab starts with): in a Plain text one the first week's rows show the quote until
 * the week is regenerated. docs/apps-script-fidelity.md "Tabs beyond the log formatted as Plain text".
 */
function plainTextHistory(existing: readonly ExistingHistoryRow[]): boolean {
  let latest: ExistingHistoryRow | null = null;
  for (const e of existing) if (!latest || e.row > latest.row) latest = e;
  return !!(latest && latest.asOfText);
}

const asIs = (s: string) => s;

/**
 * A row with a text that a cell under Automatic would take for a formula (= + - @) is written literal, its ID
 * too, as ever: should the guess above be wrong for a column (a team formatted only As of so), no person's text
 * becomes a formula. Its readers know such a row by its ID's quote (summaryRead.ts parseRows).
 */
function needsQuote(e: ReturnType<typeof planHistoryWrite>["rows"][number]): boolean {
  return [e.krId, e.whatChanged, e.blockers, e.nextStep].some((t) => !!t && /^[=+\-@]/.test(t));
}

/**
 * Setup colours History's Status column over the rows the tab has then (conditional formats); rows a
 * growth adds below would stay uncoloured, so the rules on that column reach the tab's new last row. Only
 * in a week that grows History (rare: it grows by HISTORY_GROWTH rows at least).
 */
function colourGrownRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, h: HistoryRead, maxRows: number): void {
  const status = col({ headers: h.headers }, "Status") + 1;
  if (status < 1) return;
  let changed = false;
  const rules = sheet.getConditionalFormatRules().map((rule) => {
    const ranges = rule.getRanges();
    const r = ranges.length === 1 ? parseA1(ranges[0].getA1Notation()) : null;
    if (!r || r.c1 !== status || r.c2 !== status || r.r1 !== h.headerRow + 1 || r.r2 >= maxRows) return rule;
    changed = true;
    return rule.copy().setRanges([sheet.getRange(r.r1, status, maxRows - r.r1 + 1, 1)]).build();
  });
  if (changed) sheet.setConditionalFormatRules(rules);
}

// The Weekly Trend tab as the record of past weeks (docs/summary.md, "The Weekly Trend tab"): a document
// property says which tab, cycle and KRs the block was written for and a digest of each week's column as
// written. When it still holds, an ordinary week reads the block's past weeks (one range of
// KR values) instead of History's rows of every week, and writes only its own week's column; otherwise the
// summary reads History whole and rewrites the block.
import type { Tracker } from "../core/model";
import { trendBlockKey, weekColumn, weekDigest, weekValues, type TrendBlock } from "../core/trendBlock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

const KEY = "okrSheets.trendBlock";

interface TrendRecord {
  /** The Weekly Trend tab's sheet ID (a tab deleted and made again starts without a block). */
  sheetId: number;
  /** The cycle's start date: a roll over starts a new block. */
  cycle: string;
  /** trendBlockKey: the KRs, objectives and cycle length the block was laid out for. */
  key: string;
  /** Sheet row of the first KR. */
  firstKrRow: number;
  /** Per week written: the digest of its column of KR values. */
  digests: Record<string, string>;
}

export interface TrendCache {
  props: Properties | null;
  record: TrendRecord | null;
  /** The past weeks' values read from the block (SummaryInput.pastValues), when the block holds them all. */
  pastValues: Map<string, number | null> | null;
  /** Why the block is rewritten whole (for tests): "" when only this week's column is written. */
  reason: string;
}

function load(props: Properties | null): TrendRecord | null {
  const text = props ? props.getProperty(KEY) : null;
  if (!text) return null;
  try {
    const r = JSON.parse(text) as TrendRecord;
    return r && typeof r.sheetId === "number" && typeof r.firstKrRow === "number" && r.digests && typeof r.digests === "object" ? r : null;
  } catch {
    return null; // a damaged record counts as none: the block is rewritten
  }
}

/**
 * The block's past weeks 1..week−1, when the record says the tab holds them as written for these KRs: one
 * read of the KR rows across those weeks, each week's column checked against its digest (a cell typed over,
 * a row sorted, anything the add-on did not write, and the block is rewritten from History instead).
 */
export function readTrendCache(props: Properties | null, sheet: Sheet | null, tracker: Tracker, week: number): TrendCache {
  const record = load(props);
  const none = (reason: string): TrendCache => ({ props, record, pastValues: null, reason });
  if (!sheet) return none("no tab");
  if (!record) return none("no record");
  if (record.cycle !== tracker.settings.startDate) return none("another cycle");
  if (record.key !== trendBlockKey(tracker)) return none("the KRs or objectives changed");
  if (week < 2) return none("week 1");
  for (const w of Object.keys(record.digests)) if (Number(w) > week) return none("a later week is written");
  for (let w = 1; w < week; w++) if (!record.digests[String(w)]) return none(`week ${w} not written`);
  if (sheet.getSheetId() !== record.sheetId) return none("another tab");
  const ids = tracker.keyResults.map((k) => k.id).filter((id) => id !== null && id !== undefined && String(id) !== "");
  const pastValues = new Map<string, number | null>();
  if (ids.length === 0) return { props, record, pastValues, reason: "" };
  let values: unknown[][];
  try {
    values = sheet.getRange(record.firstKrRow, weekColumn(1), ids.length, week - 1).getValues();
  } catch {
    return none("the tab is smaller"); // a range beyond the tab's size is refused
  }
  for (let w = 1; w < week; w++) {
    const column = values.map((r) => r[w - 1]);
    if (weekDigest(column) !== record.digests[String(w)]) return none(`week ${w} changed`);
    column.forEach((v, i) => pastValues.set(`${w}\u0000${ids[i]}`, typeof v === "number" && isFinite(v) ? v : null));
  }
  return { props, record, pastValues, reason: "" };
}

/**
 * Records the block as this generation left it: all weeks 1..week when it was rewritten whole, else the
 * record's weeks and this one. Written every time, so the summary's calls do not depend on the data.
 */
export function saveTrendCache(cache: TrendCache, sheet: Sheet, tracker: Tracker, block: TrendBlock, week: number, whole: boolean): void {
  if (!cache.props) return;
  const digests: Record<string, string> = whole || !cache.record ? {} : { ...cache.record.digests };
  for (let w = whole ? 1 : week; w <= week; w++) digests[String(w)] = weekDigest(weekValues(block, w));
  const record: TrendRecord = { sheetId: sheet.getSheetId(), cycle: tracker.settings.startDate, key: trendBlockKey(tracker), firstKrRow: block.firstKrRow, digests };
  cache.props.setProperty(KEY, JSON.stringify(record));
}

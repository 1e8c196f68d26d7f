// Reading the tracker's tabs into the plain model of src/core/model.ts: one getValues per tab.
import type { CheckinEntry, KeyResult, Objective, Settings } from "../core/model";
import { parseSettings } from "../core/settings";
import {
  CHECKIN_HEADERS,
  HISTORY_HEADERS,
  HISTORY_STATE_HEADERS,
  KR_HEADERS,
  KR_FORECAST_HEADERS,
  KR_HELPER_HEADERS,
  KR_COUNTS_FROM_HEADERS,
  OBJECTIVE_HEADERS,
  SETTINGS_HEADERS,
  SETTINGS_ROWS,
  TAB,
  type Metric,
  type ObjectiveType,
} from "../core/tabs";
import { serialFromIso } from "../core/dates";
import { cellsOfLabels, computedCount, computedRow, type ComputedCells } from "../core/computedCells";
import { cellIsoDate, isDate, tabMissing, UserError } from "./env";
import { col, idAsTyped, literal, logValue, norm, num, readTable, readTableBounded, rowTexts, str, USE_REPAIR, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The last row where settings are read (A1:C40): setup restores rows within it. */
export const SETTINGS_LAST_ROW = 40;
export const SETTINGS_RANGE = `Settings!A1:C${SETTINGS_LAST_ROW}`;

/**
 * The Settings tab's grid as a read of A1:C40 found it. Every read of it stops at the grid's edge (read.ts
 * readSettingsValues, setupTabs.ts withinGrid): a read shorter than 40 rows or narrower than 3 columns is the
 * tab's own size, one that reached them says the tab is at least that (settingsRoom.ts growSettingsFor).
 */
export interface SettingsGrid {
  rows: number;
  cols: number;
}

/** The grid `values` (a read of A1:C40, as far as the tab goes) say the Settings tab has. */
export function settingsGridOf(values: unknown[][]): SettingsGrid {
  return { rows: values.length, cols: values.length ? values[0].length : SETTINGS_HEADERS.length };
}
// A new sheet has 26 columns (A–Z) and Apps Script refuses a range beyond a sheet's size, so tables are
// read up to column Z: room for the spec's columns, our helpers and a few of the user's own.
export const OBJECTIVE_WIDTH = 26;
export const KR_WIDTH = 26;
export const LOG_WIDTH = 16;

/** Headers that identify each tab's header row (the rest are found by name when present). */
export const IDENTIFYING = {
  objectives: ["ID", "Objective"],
  keyResults: ["ID", "Objective ID", "Key result"],
  checkins: ["Timestamp", "KR ID", "Value"],
  history: ["Week", "KR ID", "Score"],
} as const;

export interface SettingsRead {
  settings: Settings;
  /** Label (lower case) → value as read, for computed rows. */
  raw: Map<string, unknown>;
  /** Label (lower case) → 1-based sheet row. */
  rows: Map<string, number>;
  /** The rows as read (A1:C40, or fewer when the tab ends above row 40): closing finds a blank row there without reading again. */
  values: unknown[][];
}

/** Each label's first row of the Settings tab: its value as read, and its row. */
function labelled(values: unknown[][], tz: string): Pick<SettingsRead, "raw" | "rows"> {
  const raw = new Map<string, unknown>();
  const rows = new Map<string, number>();
  values.forEach((r, i) => {
    const label = norm(r[0]);
    if (label && !raw.has(label)) {
      raw.set(label, isDate(r[1]) ? cellIsoDate(r[1], tz) : r[1]);
      rows.set(label, i + 1);
    }
  });
  return { raw, rows };
}

/** `locale` gives the spreadsheet's, asked for only to word a refusal (core/settings.ts parseSettings). */
export function settingsFromValues(values: unknown[][], tz: string, locale?: () => string): SettingsRead {
  const { raw, rows } = labelled(values, tz);
  const byLabel: Record<string, unknown> = {};
  for (const s of SETTINGS_ROWS) if (raw.has(norm(s.label))) byLabel[s.label] = raw.get(norm(s.label));
  const parsed = parseSettings(byLabel, locale);
  if (!parsed.ok) throw new UserError(`Settings need fixing: ${parsed.errors.join(" ")}`);
  return { settings: parsed.settings, raw, rows, values };
}

/**
 * Settings' A1:C40 in one read; null when there is no Settings tab. A range beyond a tab's grid is refused
 * ("Range not found"), and a team tidying Settings may delete its blank rows (or a column): the tab is then
 * looked up and read as far as it goes (three calls more, only then). Until session 15 every operation but
 * Repair failed "Something went wrong: Range not found" on a Settings tab ending above row 40.
 */
export function readSettingsValues(ss: Spreadsheet): unknown[][] | null {
  try {
    return ss.getRange(SETTINGS_RANGE).getValues();
  } catch (e) {
    const sheet = ss.getSheetByName(TAB.settings);
    if (!sheet) return null;
    const rows = Math.min(SETTINGS_LAST_ROW, sheet.getMaxRows());
    const cols = Math.min(3, sheet.getMaxColumns());
    if (rows === SETTINGS_LAST_ROW && cols === 3) throw e;
    return sheet.getRange(1, 1, rows, cols).getValues();
  }
}

export function readSettings(ss: Spreadsheet, tz: string): SettingsRead {
  // One read; the tab is only looked up (one more call) when that read fails, to say why.
  const values = readSettingsValues(ss);
  if (!values) {
    throw tabMissing(TAB.settings, " (a renamed tab is renamed back)");
  }
  return settingsFromValues(values, tz, () => ss.getSpreadsheetLocale());
}

/** The Settings read's computed cells (see SETTINGS_COMPUTED), for core/computedCells.ts: their one reader. */
export function computedCells(s: Pick<SettingsRead, "raw">): ComputedCells {
  return cellsOfLabels(s.raw);
}

/** The computed number of log rows (see SETTINGS_COMPUTED), or null when the cell is missing. */
export function computedLogRows(s: Pick<SettingsRead, "raw">): number | null {
  return computedCount(computedCells(s)("CheckinRows"));
}

/**
 * 1-based row of the log's header (see SETTINGS_COMPUTED); 1 for a tracker set up before it existed, for the
 * reads that search the log's first rows anyway. The header's text is taken only where the cell places it
 * (core/computedCells.ts computedHeader).
 */
export function computedLogHeaderRow(s: Pick<SettingsRead, "raw">): number {
  return computedRow(computedCells(s)("CheckinHeaderRow")) || 1;
}

/** 1-based row of the Key Results header by the computed cell (see SETTINGS_COMPUTED), or 0 when it is missing. */
export function computedKrHeaderRow(s: Pick<SettingsRead, "raw">): number {
  return computedRow(computedCells(s)("KrHeaderRow"));
}

/**
 * 1-based rows of the Objectives and History headers by the computed cells (see SETTINGS_COMPUTED), 0 when
 * missing (a tracker set up before them, until its next Repair: the first rows are searched, as before).
 */
export function computedObjectiveHeaderRow(s: Pick<SettingsRead, "raw"> | null): number {
  return s ? computedRow(computedCells(s)("ObjectiveHeaderRow")) : 0;
}
export function computedHistoryHeaderRow(s: Pick<SettingsRead, "raw"> | null): number {
  return s ? computedRow(computedCells(s)("HistoryHeaderRow")) : 0;
}

/**
 * The Key Results and Objectives header rows by the computed cells, for an operation that reads no
 * settings: 0 when the Settings tab is missing; and the settings when they parse (null otherwise). The settings are not checked, so a tracker whose settings
 * need fixing is not refused for it (the import runs Repair, which fills them in or reports them).
 */
export function placedHeaderRows(ss: Spreadsheet, tz: string): { kr: number; objectives: number; settings: Settings | null } {
  // No Settings tab: Repair writes it back. Any other failure (a service error) is not taken for "no header
  // row placed", which would refuse with "delete rows above it".
  const values = readSettingsValues(ss);
  if (!values) return { kr: 0, objectives: 0, settings: null };
  const s = labelled(values, tz);
  // The settings too when they parse (the import dates the KRs it adds mid-cycle by them), else null.
  let settings: Settings | null = null;
  try {
    settings = settingsFromValues(values, tz).settings;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
  return { kr: computedKrHeaderRow(s), objectives: computedObjectiveHeaderRow(s), settings };
}

function objectiveType(v: unknown): ObjectiveType {
  return norm(v) === "aspirational" ? "aspirational" : "committed";
}

/** The columns each table cannot be read without: a renamed or deleted one is reported by name. */
export const NEEDED = {
  objectives: OBJECTIVE_HEADERS.slice(0, 7),
  keyResults: KR_HEADERS.slice(0, 12),
} as const;

/**
 * A column the table cannot be read without missing while its header row holds one that is not the
 * tracker's: most likely ours renamed by hand ("Owner" → "Owner email"). One sentence naming both, or ""
 * (nothing missing, or no header of the user's: the column was deleted). Repair refuses with it (setupTabs.ts:
 * adding an empty column of that name would leave every row without its value), and so does every read,
 * so the user's first refusal already says what to rename.
 */
export function renamedColumnsMessage(name: string, header: readonly unknown[], tab: keyof typeof NEEDED): string {
  const missing = NEEDED[tab].filter((n) => header.every((v) => norm(v) !== norm(n))).join('", "');
  const own = header.filter((v) => norm(v) && ALL_HEADERS[tab].every((h) => norm(h) !== norm(v))).join('", "');
  return missing && own ? `${name} has no "${missing}" column but has "${own}": rename it back, or, if it is yours, add a column "${missing}".` : "";
}

function requireColumns(t: Table, tab: keyof typeof NEEDED): void {
  const missing = NEEDED[tab].filter((h) => col(t, h) < 0);
  if (!missing.length) return;
  const renamed = renamedColumnsMessage(t.name, t.headers, tab);
  if (renamed) throw new UserError(renamed);
  const list = missing.map((m) => `"${m}"`).join(", ");
  throw new UserError(
    `The "${t.name}" tab has no ${list} column${missing.length > 1 ? "s" : ""} (renamed or deleted?). ` +
      `${USE_REPAIR} to add ${missing.length > 1 ? "them" : "it"} back.`,
  );
}

export function objectivesFrom(t: Table): Objective[] {
  requireColumns(t, "objectives");
  const c = (h: string) => col(t, h);
  const [id, title, owner, team, parent, type, pnl] = [
    c("ID"), c("Objective"), c("Owner"), c("Team"), c("Parent ID"), c("Type"), c("P&L link"),
  ];
  const out: Objective[] = [];
  t.rows.forEach((r, i) => {
    const oid = idAsTyped(r[id]);
    if (!oid) return;
    out.push({
      row: t.headerRow + 1 + i,
      id: oid,
      title: str(r[title]),
      owner: owner >= 0 ? str(r[owner]) : "",
      team: team >= 0 ? str(r[team]) : "",
      parentId: parent >= 0 ? str(r[parent]) : "",
      type: objectiveType(type >= 0 ? r[type] : ""),
      pnlLink: pnl >= 0 ? norm(r[pnl]) || "none" : "none",
    });
  });
  return out;
}

export function keyResultsFrom(t: Table, tz: string): KeyResult[] {
  requireColumns(t, "keyResults");
  const c = (h: string) => col(t, h);
  const idx = {
    id: c("ID"), obj: c("Objective ID"), title: c("Key result"), owner: c("Owner"), metric: c("Metric"),
    unit: c("Unit"), start: c("Start"), target: c("Target"), weight: c("Weight"), current: c("Current"),
    confidence: c("Confidence"), last: c("Last check-in"),
    // The formulas pace a KR only where both pace columns are (core/formulas.ts krFormulas; Repair writes
    // them without either past Z, where this read cannot see it): so does the add-on.
    countsFrom: c("Weighted pace offset") >= 0 ? c("Counts from") : -1,
  };
  const at = (r: unknown[], i: number) => (i >= 0 ? r[i] : "");
  const out: KeyResult[] = [];
  t.rows.forEach((r, i) => {
    const id = str(r[idx.id]);
    if (!id) return;
    const last = cellIsoDate(at(r, idx.last), tz);
    out.push({
      row: t.headerRow + 1 + i,
      id,
      objectiveId: idAsTyped(at(r, idx.obj)),
      title: str(at(r, idx.title)),
      owner: str(at(r, idx.owner)),
      metric: norm(at(r, idx.metric)) as Metric,
      unit: str(at(r, idx.unit)),
      start: num(at(r, idx.start)),
      target: num(at(r, idx.target)),
      weight: at(r, idx.weight) === "" ? null : num(at(r, idx.weight)) ?? NaN,
      current: num(at(r, idx.current)),
      confidence: num(at(r, idx.confidence)),
      lastCheckin: last || null,
      ...(idx.countsFrom >= 0 ? { countsFrom: countsFromCell(r[idx.countsFrom], tz) } : {}),
    });
  });
  return out;
}

/**
 * A `Counts from` cell as the formulas see it (core/countsFrom.ts): a date as its day's serial in the
 * spreadsheet's time zone (INT drops the time of day there too), a number as itself, blank as null, and
 * anything else as text, which the formulas show as a setup error.
 */
function countsFromCell(v: unknown, tz: string): number | string | null {
  if (isDate(v)) return serialFromIso(cellIsoDate(v, tz));
  if (typeof v === "number") return isFinite(v) ? v : String(v);
  if (v === "" || v === null || v === undefined) return null;
  return String(v);
}

export function checkinsFrom(t: Table, tz: string, decimalComma?: () => boolean): CheckinEntry[] {
  const c = (h: string) => col(t, h);
  const idx = CHECKIN_HEADERS.map((h) => c(h));
  const at = (r: unknown[], i: number) => (idx[i] >= 0 ? r[idx[i]] : "");
  const out: CheckinEntry[] = [];
  t.rows.forEach((r, i) => {
    // The log's text as the check-in wrote it, whether or not a Plain text format kept its quote (table.ts literal, rowTexts).
    const krId = literal(at(r, 2));
    const text = rowTexts(at(r, 2));
    const value = logValue(at(r, 3), decimalComma);
    const ts = at(r, 0);
    if (!krId || value === null || !isDate(ts)) return;
    out.push({
      row: t.headerRow + 1 + i,
      timestamp: ts.toISOString(),
      date: cellIsoDate(ts, tz),
      week: num(at(r, 1)) ?? 0,
      krId,
      value,
      confidence: num(at(r, 4)),
      whatChanged: text(at(r, 5)),
      blockers: text(at(r, 6)),
      nextStep: text(at(r, 7)),
      author: text(at(r, 8)),
      requestId: literal(at(r, 9)),
    });
  });
  return out;
}

/** `headerRow`: where the computed cells place the header (computedObjectiveHeaderRow), taken when below the rows searched. */
export function readObjectivesTable(ss: Spreadsheet, headerRow = 0): Table {
  return readTable(ss, TAB.objectives, IDENTIFYING.objectives, OBJECTIVE_WIDTH, headerRow);
}
/** `headerRow`: where the computed cells place the header (computedKrHeaderRow), taken when below the rows searched. */
export function readKrTable(ss: Spreadsheet, opts: { bounded?: boolean; headerRow?: number } = {}): Table {
  if (opts.bounded) return readTableBounded(ss, TAB.keyResults, IDENTIFYING.keyResults, opts.headerRow);
  return readTable(ss, TAB.keyResults, IDENTIFYING.keyResults, KR_WIDTH, opts.headerRow);
}

export const ALL_HEADERS = {
  objectives: OBJECTIVE_HEADERS as readonly string[],
  keyResults: [...KR_HEADERS, ...KR_HELPER_HEADERS, ...KR_FORECAST_HEADERS, ...KR_COUNTS_FROM_HEADERS] as readonly string[],
  checkins: CHECKIN_HEADERS as readonly string[],
  history: [...HISTORY_HEADERS, ...HISTORY_STATE_HEADERS] as readonly string[],
};

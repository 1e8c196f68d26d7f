// A plain-JSON picture of a whole workbook: what the offline spreadsheet loads from and saves to, and
// what the xlsx reader/writer produces and consumes. Keeping it neutral lets the two sides be tested apart.

export type SnapshotScalar = string | number | boolean;

export interface SnapshotCell {
  /** The value: for a formula cell, its last computed value (may be absent). Dates are serial numbers. */
  v?: SnapshotScalar;
  /** A formula, with its leading "=", in English function names and commas (as getFormulas returns). */
  f?: string;
  /** Number format pattern, Sheets style ("0.00", "yyyy-mm-dd", "@"). */
  fmt?: string;
  /** Background colour "#rrggbb". */
  bg?: string;
  /** Font colour "#rrggbb". */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  note?: string;
}

export type ConditionType =
  | "TEXT_EQUAL_TO"
  | "TEXT_CONTAINS"
  | "NUMBER_BETWEEN"
  | "NUMBER_GREATER_THAN_OR_EQUAL_TO"
  | "NUMBER_LESS_THAN_OR_EQUAL_TO"
  | "NUMBER_GREATER_THAN"
  | "NUMBER_LESS_THAN"
  | "CELL_EMPTY"
  | "CELL_NOT_EMPTY"
  | "CUSTOM_FORMULA";

export interface SnapshotConditionalFormat {
  /** A1 ranges on this sheet, e.g. "O2:O1000". */
  ranges: string[];
  condition: { type: ConditionType; values: (string | number)[] };
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean };
}

export type ValidationType =
  | "VALUE_IN_LIST"
  | "NUMBER_BETWEEN"
  | "NUMBER_GREATER_THAN_OR_EQUAL_TO"
  | "DATE_IS_VALID_DATE"
  | "CHECKBOX"
  | "CUSTOM_FORMULA";

export interface SnapshotValidation {
  /** A1 range on this sheet. */
  range: string;
  type: ValidationType;
  values: (string | number | boolean)[];
  allowInvalid: boolean;
  helpText?: string;
}

export interface SnapshotProtection {
  /** A1 range on this sheet, or null for the whole sheet. */
  range: string | null;
  description: string;
  warningOnly: boolean;
}

export interface SnapshotSheet {
  name: string;
  hidden?: boolean;
  /** Row-major cells; rows[r][c] is row r+1, column c+1. Missing or null cells are empty. */
  rows: (SnapshotCell | null)[][];
  frozenRows?: number;
  frozenColumns?: number;
  /** 1-based column number -> width in pixels. */
  columnWidths?: Record<number, number>;
  conditionalFormats?: SnapshotConditionalFormat[];
  validations?: SnapshotValidation[];
  protections?: SnapshotProtection[];
  tabColor?: string;
  /**
   * The grid's size (getMaxRows/getMaxColumns), blank rows and columns included: on Google a grid keeps them
   * until they are deleted. Absent: a new sheet's 1000 × 26, or as many as the cells need.
   */
  maxRows?: number;
  maxColumns?: number;
  /**
   * The tab's ID (Sheet.getSheetId()): Google keeps it for the tab's life, whatever is inserted before it or
   * however the tabs are reordered. Absent: the ID its place gives (positionalSheetId), which is how a
   * workbook saved before IDs were recorded numbers its tabs, and what a tab still at its first place has.
   */
  sheetId?: number;
}

/** A new sheet's grid (Google's): 1000 rows, 26 columns. */
export const DEFAULT_GRID = { rows: 1000, columns: 26 };

/** The grid a tab of the snapshot opens with: its recorded size, grown to hold its cells. */
export function gridOf(s: SnapshotSheet): { rows: number; columns: number } {
  const width = s.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  const given = (n: number | undefined, dflt: number) => (Number.isInteger(n) && (n as number) >= 1 ? (n as number) : dflt);
  return { rows: Math.max(given(s.maxRows, DEFAULT_GRID.rows), s.rows.length), columns: Math.max(given(s.maxColumns, DEFAULT_GRID.columns), width) };
}

/** Google's sheet IDs are positive 32-bit integers (0 for a new spreadsheet's first tab). */
export const MAX_SHEET_ID = 2 ** 31 - 1;

export function isSheetId(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_SHEET_ID;
}

/** The ID a tab with none recorded opens with at 0-based place `index`: the first tab 0, then 100,000 + index. */
export function positionalSheetId(index: number): number {
  return index === 0 ? 0 : 100_000 + index;
}

/**
 * An ID for a new tab: above `above` (the highest ever given in the book, so a deleted tab's ID is not
 * given again) and none of `used`. Google's are random; counting up keeps offline runs repeatable.
 */
export function freshSheetId(used: ReadonlySet<number>, above: number): number {
  let id = Math.max(above + 1, 100_001);
  if (id > MAX_SHEET_ID) id = 100_001;
  while (used.has(id)) id++;
  return id;
}

/**
 * The IDs the tabs of a snapshot open with: a tab's recorded ID unless a tab before it has it (a copied
 * snapshot tab, an edited file); otherwise its place's, unless another tab has that; otherwise a fresh one.
 * No two tabs share one. Fresh IDs are above `top` (WorkbookSnapshot.topSheetId). A tab with none recorded
 * takes its place's because a snapshot records none where the place gives it back; a tab another program
 * added to an .xlsx whose metadata records the IDs is given a fresh one by the reader (xlsx/read.ts), as
 * its place's may be a deleted tab's.
 */
export function sheetIdsOf(sheets: readonly SnapshotSheet[], top: number | undefined = 0): number[] {
  const used = new Set<number>();
  const ids: (number | null)[] = sheets.map((s) => {
    if (!isSheetId(s.sheetId) || used.has(s.sheetId)) return null;
    used.add(s.sheetId);
    return s.sheetId;
  });
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== null || used.has(positionalSheetId(i))) continue;
    ids[i] = positionalSheetId(i);
    used.add(ids[i]!);
  }
  top = Math.max(isSheetId(top) ? top : 0, ...used);
  return ids.map((id) => {
    if (id !== null) return id;
    const fresh = freshSheetId(used, top);
    used.add(fresh);
    top = Math.max(top, fresh);
    return fresh;
  });
}

/**
 * The tabs with their IDs as recorded where their place would not give them back (`ids`: sheetIdsOf or a
 * book's), so that moving tabs (setting some aside, putting them back) keeps every tab's ID.
 */
export function withSheetIds(sheets: readonly SnapshotSheet[], ids: readonly number[]): SnapshotSheet[] {
  return sheets.map((s, i) => {
    if (ids[i] === positionalSheetId(i)) {
      if (s.sheetId === undefined) return s;
      const { sheetId: _dropped, ...rest } = s;
      return rest;
    }
    return s.sheetId === ids[i] ? s : { ...s, sheetId: ids[i] };
  });
}

/** Whether any cell of the tab holds a formula. */
export function hasFormula(s: SnapshotSheet): boolean {
  for (const row of s.rows) if (row) for (const c of row) if (c?.f !== undefined) return true;
  return false;
}

export interface SnapshotTrigger {
  id: string;
  handler: string;
  type: "CLOCK";
  weekDay?: string;
  atHour?: number;
  /** The zone atHour is in (inTimezone, else the script's). */
  timeZone?: string;
  /**
   * The minute of atHour it fires at: Google picks one ("If nearMinute() is not called, a random minute value
   * is used", ref/script/clock-trigger-builder); the emulator picks it when the trigger is made
   * (scriptApp.ts pickMinute) and a test may set it. Absent (a trigger saved before session 19): 0.
   */
  minute?: number;
  /** Who installed it: only they see it in getProjectTriggers() and it runs as them. */
  owner?: string;
}

/**
 * The script project as Google keeps it, beyond one document: an add-on's installable triggers and user
 * properties belong to the user and the script, whichever document they were made in, and Google counts a
 * user's triggers across all of them (20 per user per script). Workbooks opened with the same project share
 * both; each adds its own triggers under its spreadsheet ID.
 */
export interface ScriptProject {
  /** Installable triggers by the spreadsheet they were created in (every user's). */
  triggers: Map<string, SnapshotTrigger[]>;
  /** User properties by user email ("" for no email). */
  userProperties: Map<string, Record<string, string>>;
  /**
   * Whether ScriptApp.getUserTriggers(spreadsheet) lists the add-on's time-driven triggers made in that
   * spreadsheet. Google's reference does not say; absent or false is the strict reading (not listed), true the
   * other, so that code can be tested under both (docs/apps-script-fidelity.md "To check" 13).
   */
  userTriggersListClock?: boolean;
  /**
   * Whether a trigger run with no active spreadsheet has no containing document: then
   * PropertiesService.getDocumentProperties(), LockService.getDocumentLock() and
   * CacheService.getDocumentCache() all give null there, as Google documents for a run without one. Whether
   * an add-on's time-driven run has one is not documented: absent or false is the reading where it has (all
   * three given), true the other, under which the add-on's trigger handler is also tested
   * (docs/apps-script-fidelity.md "To check" 3).
   */
  triggerRunsWithoutDocument?: boolean;
  /** MailApp's daily recipients by user (services.ts MailQuota): Google's quota is the user's, not one document's. */
  mailQuota?: Map<string, { since: number; used: number }>;
}

export function newScriptProject(): ScriptProject {
  return { triggers: new Map(), userProperties: new Map() };
}

/** One developer metadata entry of a spreadsheet. `project` absent: the add-on's own; any other: another project's. */
export interface SnapshotMetadata {
  id: number;
  key: string;
  value?: string;
  visibility: "DOCUMENT" | "PROJECT";
  project?: string;
}

export interface WorkbookSnapshot {
  /** Spreadsheet ID (SpreadsheetApp.openById); generated when a workbook is created. */
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: SnapshotSheet[];
  namedRanges: { name: string; sheet: string; a1: string }[];
  /** PropertiesService.getDocumentProperties() contents. */
  documentProperties: Record<string, string>;
  /** Installed ScriptApp triggers (kept with the file so a local tracker remembers them). */
  triggers: SnapshotTrigger[];
  /** Developer metadata at the spreadsheet's location (sheets/developerMetadata.ts); absent = none. */
  developerMetadata?: SnapshotMetadata[];
  /**
   * The highest sheet ID ever given in the workbook, when a deleted (or set-aside) tab had it rather than
   * a tab of `sheets`: a new tab takes one above, so it is never taken for the tab gone (Google's are random).
   */
  topSheetId?: number;
}

export function emptySnapshot(name = "OKR tracker"): WorkbookSnapshot {
  return {
    id: `local-${Math.random().toString(36).slice(2, 12)}`,
    name,
    locale: "en_US",
    timeZone: "Etc/UTC",
    sheets: [{ name: "Sheet1", rows: [] }],
    namedRanges: [],
    documentProperties: {},
    triggers: [],
  };
}

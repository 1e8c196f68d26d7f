// Projects an operation's counted Apps Script calls and cells onto seconds on real Google. The offline
// spreadsheet's milliseconds say nothing about Google (no network, and HyperFormula recalculates where
// Sheets would on Google's side), so the bench turns the counts it trusts into time with published figures.
// Every figure below is cited, with its source, in the README's Performance section ("The cost model").
//
// What each figure stands for:
//   execStart    one server execution: google.script.run (or a menu item) reaching the script, the script
//                loading, and the reply coming back. Paid once per execution; no code removes it.
//   pageLoad     the sidebar's HtmlService iframe: served, parsed, script run. Paid once per sidebar open.
//   handle       a call that returns a handle or a property already held by the service (getActive,
//                getSheetByName, getRange, getMaxRows, getColumn, a lock, the user's email).
//   read         a call that moves cell data or sheet state out of Sheets (getValues, getFormulas, ...).
//   write        a call that moves data or formats into Sheets (setValues, setNumberFormats, appendRow, ...).
//   structural   protection, data validation, conditional formats, named ranges, inserting or deleting rows or
//                tabs: each changes the document's structure, which Sheets applies and saves on its own.
//   cellRead     one cell moved by a read (a whole-column read pays for every row of the grid, blank or not).
//   cellWritten  one cell moved by a write.
//   cellFormatted one cell whose format a call set (number format, fill, font, wrap, note). No published
//                figure says whether Google charges formats per cell or per call: the low projection takes
//                the kind reading (per call only: 0 a cell), the high one the unkind one (as a value cell).
//   flush        committing the pending writes (SpreadsheetApp.flush, or the end of an execution that wrote).
//   propertyRead / propertyWrite  one PropertiesService store call that reads (getProperty, getProperties,
//                getKeys) or writes (setProperty, setProperties, deleteProperty): each is a round trip of its
//                own, measured well above a handle call.

export interface Rates {
  execStart: number;
  pageLoad: number;
  handle: number;
  read: number;
  write: number;
  structural: number;
  cellRead: number;
  cellWritten: number;
  cellFormatted: number;
  flush: number;
  propertyRead: number;
  propertyWrite: number;
}

/** Seconds. low: a quiet day, a small document; high: a busy day, a large document. */
export const RATES: { low: Rates; high: Rates } = {
  low: { execStart: 0.3, pageLoad: 0.6, handle: 0.002, read: 0.03, write: 0.04, structural: 0.08, cellRead: 0.000005, cellWritten: 0.00002, cellFormatted: 0, flush: 0.03, propertyRead: 0.03, propertyWrite: 0.062 },
  high: { execStart: 1.0, pageLoad: 1.5, handle: 0.007, read: 0.15, write: 0.2, structural: 0.4, cellRead: 0.00003, cellWritten: 0.0001, cellFormatted: 0.0001, flush: 0.6, propertyRead: 0.084, propertyWrite: 0.231 },
};

export type CallKind = "handle" | "read" | "write" | "structural" | "flush" | "propertyRead" | "propertyWrite";

const STRUCTURAL = /(^Protection\.(remove|set|add))|(\.protect$)|(\.getProtections$)|DataValidation|ConditionalFormatRules|NamedRange|Chart$|\.(insertSheet|deleteSheet|insertRows|insertRowsAfter|insertRowsBefore|deleteRows|insertColumns|insertColumnsAfter|deleteColumns)$/;
const FLUSH = /^SpreadsheetApp\.flush$/;
const PROPERTY_READ = /^Properties\.(getProperty|getProperties|getKeys)$/;
const PROPERTY_WRITE = /^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/;
const READ = /^Range\.(getValues|getValue|getFormulas|getFormula|getDisplayValues|getDisplayValue|getNumberFormats|getNumberFormat|getBackgrounds|getFontWeights|getFontColors|getNotes)$|^Sheet\.(getDataRange|getLastRow|getLastColumn)$|^Lock\.tryLock$|^Lock\.waitLock$|^DeveloperMetadataFinder\.find$/;
const WRITE = /^(Range|RangeList)\.(set|clear|merge|breakApart|copyTo|insertCheckboxes)|^Sheet\.(appendRow|clear|clearContents|clearFormats|setColumnWidth|setColumnWidths|setFrozenRows|setFrozenColumns|setName|hideSheet|showSheet|setTabColor|autoResizeColumns)$|^Spreadsheet\.(setActiveSheet|rename|moveActiveSheet|toast|addDeveloperMetadata)$|^DeveloperMetadata\.(setValue|setKey|remove)$/;

/** How the model prices a counted method (names as the offline spreadsheet counts them: "Class.method"). */
export function kindOf(method: string): CallKind {
  if (FLUSH.test(method)) return "flush";
  if (PROPERTY_READ.test(method)) return "propertyRead";
  if (PROPERTY_WRITE.test(method)) return "propertyWrite";
  if (STRUCTURAL.test(method)) return "structural";
  if (READ.test(method)) return "read";
  if (WRITE.test(method)) return "write";
  return "handle";
}

export interface Counted {
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Absent: none (counts recorded before format cells were counted). */
  cellsFormatted?: number;
}

export interface CallKinds {
  handle: number;
  read: number;
  write: number;
  structural: number;
  flush: number;
  propertyRead: number;
  propertyWrite: number;
}

export function callKinds(byMethod: Record<string, number>): CallKinds {
  const k: CallKinds = { handle: 0, read: 0, write: 0, structural: 0, flush: 0, propertyRead: 0, propertyWrite: 0 };
  for (const [m, n] of Object.entries(byMethod)) k[kindOf(m)] += n;
  return k;
}

export interface Shape {
  /** Server executions the person waits on (the menu item and each google.script.run). */
  executions: number;
  /** Sidebar pages loaded. */
  pages?: number;
}

export interface Projection {
  low: number;
  high: number;
}

export interface Projected {
  projectedSeconds: Projection;
  /** What no code can remove: the executions, the page, and one flush if the operation writes. */
  floorSeconds: Projection;
  calls: CallKinds;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Whether the counted calls changed the document. A structural call that only reads (getProtections,
 * getDataValidations, getConditionalFormatRules, getNamedRanges) is priced as structural, but writes nothing:
 * an execution that made only those has nothing to commit when it ends (Repair over a healthy tracker).
 */
function changed(c: Counted, k: CallKinds): boolean {
  if (c.cellsWritten > 0 || k.write > 0) return true;
  return Object.entries(c.byMethod).some(([m, n]) => n > 0 && kindOf(m) === "structural" && !/\.get[A-Z]/.test(m));
}

function price(r: Rates, c: Counted, s: Shape): { total: number; floor: number } {
  const k = callKinds(c.byMethod);
  // An execution that wrote commits its writes when it ends, at a flush's cost, whether or not it called flush.
  const flushes = Math.max(k.flush, changed(c, k) ? 1 : 0);
  const formatted = c.cellsFormatted ?? 0;
  const floor = s.executions * r.execStart + (s.pages ?? 0) * r.pageLoad + (flushes > 0 ? r.flush : 0);
  const total =
    s.executions * r.execStart + (s.pages ?? 0) * r.pageLoad +
    k.handle * r.handle + k.read * r.read + k.write * r.write + k.structural * r.structural + flushes * r.flush +
    k.propertyRead * r.propertyRead + k.propertyWrite * r.propertyWrite +
    c.cellsRead * r.cellRead + c.cellsWritten * r.cellWritten + formatted * r.cellFormatted;
  return { total, floor };
}

/** Low and high projections of one operation, and its floor. */
export function project(c: Counted, s: Shape): Projected {
  const lo = price(RATES.low, c, s);
  const hi = price(RATES.high, c, s);
  return {
    projectedSeconds: { low: round(lo.total), high: round(hi.total) },
    floorSeconds: { low: round(lo.floor), high: round(hi.floor) },
    calls: callKinds(c.byMethod),
  };
}

/** Adds several executions' counts (an operation that spans more than one server execution). */
export function combine(...parts: Counted[]): Counted {
  const byMethod: Record<string, number> = {};
  let cellsRead = 0;
  let cellsWritten = 0;
  let cellsFormatted = 0;
  for (const p of parts) {
    for (const [m, n] of Object.entries(p.byMethod)) byMethod[m] = (byMethod[m] ?? 0) + n;
    cellsRead += p.cellsRead;
    cellsWritten += p.cellsWritten;
    cellsFormatted += p.cellsFormatted ?? 0;
  }
  return { byMethod, cellsRead, cellsWritten, cellsFormatted };
}

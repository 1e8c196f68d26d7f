// The formula engine behind the offline spreadsheet: HyperFormula, with TODAY/NOW bound to a clock the
// caller controls (so `--at` and tests can set "today"), and Google-Sheets-only functions (SPARKLINE)
// evaluating to a harmless error in their own cell instead of breaking anything else.
import { ConfigParams, FunctionPlugin, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";

// Parameter types of FunctionPlugin methods (their modules are not exported by the package).
type ProcedureAst = Parameters<FunctionPlugin["runFunction"]>[0] extends infer A ? { args: A } : never;
type InterpreterState = Parameters<FunctionPlugin["runFunction"]>[1];

/** Days between 1899-12-30 (the spreadsheet epoch) and 1970-01-01. */
export const EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Minutes east of UTC of the spreadsheet time zone at that instant (0 for Etc/UTC). */
  offsetMinutes?(ms: number): number;
}

let activeClock: Clock = { now: () => Date.now() };

/** Serial day number (spreadsheet epoch) of an instant, in the clock's time zone. */
export function serialFromMs(ms: number, offsetMinutes = 0): number {
  return (ms + offsetMinutes * 60_000) / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

/** The instant a serial number stands for, read in the given time-zone offset. */
export function msFromSerial(serial: number, offsetMinutes = 0): number {
  return Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY) - offsetMinutes * 60_000;
}

class ClockPlugin extends FunctionPlugin {
  today(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("TODAY"), () => {
      const ms = activeClock.now();
      return Math.floor(serialFromMs(ms, activeClock.offsetMinutes?.(ms) ?? 0));
    });
  }
  nowFn(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("NOW"), () => {
      const ms = activeClock.now();
      return serialFromMs(ms, activeClock.offsetMinutes?.(ms) ?? 0);
    });
  }
}
(ClockPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  TODAY: { method: "today", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATE" },
  NOW: { method: "nowFn", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATETIME" },
};

/**
 * HyperFormula's own functions, which Google Sheets lacks (Sheets names its operators ADD, CONCAT… without
 * "HF."): unknown names offline, #NAME? as on Google. They computed, so a formula using one passed its tests.
 * (VERSION, HyperFormula's too, cannot be unregistered: it still answers offline.)
 */
const NOT_IN_SHEETS = ["INTERVAL", "MAXPOOL", "MEDIANPOOL"];

let registered = false;
/**
 * Registers the clock-aware TODAY/NOW and drops the functions Sheets does not have (once per process;
 * HyperFormula's function registry is global).
 */
export function registerClock(): void {
  if (registered) return;
  HyperFormula.unregisterFunction("TODAY");
  HyperFormula.unregisterFunction("NOW");
  HyperFormula.registerFunctionPlugin(ClockPlugin);
  for (const name of HyperFormula.getRegisteredFunctionNames("enGB")) {
    if (name.startsWith("HF.") || NOT_IN_SHEETS.includes(name)) HyperFormula.unregisterFunction(name);
  }
  registered = true;
}

interface GraphInternals {
  getNodes(): object[];
  getTopSortedWithSccSubgraphFrom(seed: object[], op: (n: object) => boolean, onCycle: (n: object) => void): unknown;
}

/** HyperFormula's unexported classes, reached through a one-cell engine, once per process (~20-60 ms). */
let probed: { graphProto: GraphInternals & { topSortWithScc(): unknown }; dependencyGraphProto: DependencyGraphInternals; ValueVertex: Function } | undefined;
function internals(): NonNullable<typeof probed> {
  if (probed) return probed;
  const probe = HyperFormula.buildFromArray([[1]], { licenseKey: "gpl-v3" });
  const hf = probe as unknown as { graph: GraphInternals; addressMapping: { getCell(a: object): object }; dependencyGraph: object };
  probed = {
    graphProto: Object.getPrototypeOf(hf.graph),
    dependencyGraphProto: Object.getPrototypeOf(hf.dependencyGraph),
    ValueVertex: hf.addressMapping.getCell({ sheet: 0, row: 0, col: 0 }).constructor,
  };
  probe.destroy();
  return probed;
}

/**
 * A new engine's first evaluation sorts its whole dependency graph, and every plain value is a node of it:
 * on a large tracker (55,000 check-ins) that sort visited a million value cells, ~1.5-3 s. Values need
 * no evaluation and depend on nothing, so the sort starts from the other nodes (formulas, ranges), which
 * reach every formula in the same order; the evaluation that follows only ever looked at those. (The
 * graph's class is reached through a probe engine: internals(), so only for a large workbook.)
 */
let sortPatched = false;
export function sortFromFormulasOnly(): void {
  if (sortPatched) return;
  sortPatched = true;
  const { graphProto, ValueVertex } = internals();
  graphProto.topSortWithScc = function (this: GraphInternals) {
    const seed = this.getNodes().filter((n) => !(n instanceof ValueVertex));
    return this.getTopSortedWithSccSubgraphFrom(seed, () => true, () => {});
  };
}

interface RangeVertexInternals {
  idInGraph?: number;
}
interface DependencyGraphInternals {
  graph: { addEdge(from: number, to: number): void };
  getRange(start: object, end: object): RangeVertexInternals | undefined;
  processCellDependencies(deps: unknown[], end: { idInGraph?: number }): void;
}

/**
 * A formula naming a range is linked to the range's vertex, which HyperFormula links to every cell of the
 * range when it makes it. It went over every cell of the range again for each further formula naming the
 * same range (each cell's edge looked up, found, kept): on a set-up large tracker 300 Objectives rows name
 * 'Key Results'!$B:$B, $O:$O, $P:$P and $Q:$Q 11 times a row (1,221 cells each) and 1,200 KR rows name
 * three Objectives columns 4 times a row (321 cells each): ~5.6 million edge lookups, most of building the
 * graph. A range that already has its vertex in the graph is now only linked to the formula; HyperFormula
 * keeps that vertex's cells linked itself as cells, rows and tabs change (as it does for the cells it covers
 * through a smaller range's vertex). For workbooks with many formulas only (the probe engine's cost: internals()).
 */
let linkPatched = false;
export function linkKnownRangesOnce(): void {
  if (linkPatched) return;
  linkPatched = true;
  const proto = internals().dependencyGraphProto;
  const original = proto.processCellDependencies;
  proto.processCellDependencies = function (this: DependencyGraphInternals, deps, endVertex) {
    const end = endVertex.idInGraph;
    if (end === undefined) return original.call(this, deps, endVertex);
    const rest: unknown[] = [];
    for (const dep of deps) {
      // Ranges (AbsoluteCellRange and its column and row kinds) have start and end; cells and names do not.
      const range = dep as { start?: object; end?: object };
      const known = range.start && range.end ? this.getRange(range.start, range.end) : undefined;
      if (known && known.idInGraph !== undefined) this.graph.addEdge(known.idInGraph, end);
      else rest.push(dep);
    }
    if (rest.length) original.call(this, rest, endVertex);
  };
}

export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Google Sheets semantics where HyperFormula lets us choose them.
  dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY"],
  nullDate: { year: 1899, month: 12, day: 30 },
  leapYear1900: false,
  smartRounding: false,
  useArrayArithmetic: false,
  evaluateNullToZero: true,
  caseSensitive: false,
  accentSensitive: true,
  useWildcards: true,
  maxRows: 200_000,
  // Room for wide tabs: the Weekly Trend is 4 + the cycle's weeks wide (56 at 52 weeks; the Weekly Summary
  // was 110 wide before session 8), and a tab may be widened by hand; 200 once made a
  // large tracker's summary fail with "Sheet size limit exceeded". Size checks only: no cost.
  maxColumns: 2_000,
};

/**
 * Creates an engine whose TODAY()/NOW() read `clock`, with undoLimit 0 as the offline spreadsheet's
 * (book-snapshot.ts): nothing undoes. HyperFormula registers functions globally, so the
 * clock is process-wide: the last engine created (or `setEngineClock`) wins, which is what a single
 * CLI command or test wants.
 */
export function createEngine(sheets: Record<string, unknown[][]>, clock?: Clock, named: { name: string; expression: string }[] = []): HyperFormula {
  registerClock();
  if (clock) activeClock = clock;
  return buildEvaluated(sheets as never, named);
}

/**
 * Sheets reads a bare TRUE or FALSE in a formula as the boolean (`=TRUE`, `=IF(FALSE,1,2)`); HyperFormula knows
 * only TRUE() and FALSE() and took the bare word for an unknown name (#NAME?), stricter than Google. Two global
 * names make them the booleans, printed as typed (`=TRUE`). They live in the engine only, never in the
 * workbook's named ranges (book.ts keeps its own list), so getNamedRanges and the saved file do not show them.
 */
const LOGICAL_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/**
 * A new engine with every formula evaluated and nothing left to recalculate (undoLimit 0: nothing undoes).
 * Named expressions are given at build time (one added later re-evaluates every formula that names it).
 * HyperFormula 3.5 builds the graph, then adds those names, each marking every formula that names it
 * dirty, then evaluates the whole graph, and keeps the marks: the first recalculation after any change
 * evaluated all those formulas again, with the same result. On a set-up large tracker that is every
 * Objectives Status (two COUNTIFS over 1,200 KR rows each, through OnTrackGap) and every KR's Expected
 * and Status: about 1 s of the weekly summary's 10. The marks are dropped once the build has evaluated.
 */
export function buildEvaluated(sheets: Record<string, RawCellContent[][]>, named: { name: string; expression: string }[]): HyperFormula {
  const hf = HyperFormula.buildFromSheets(sheets, { ...ENGINE_CONFIG, undoLimit: 0 }, [...LOGICAL_NAMES, ...named]);
  (hf as unknown as { dependencyGraph: { clearDirtyVertices(): void } }).dependencyGraph.clearDirtyVertices();
  return hf;
}

export function setEngineClock(clock: Clock): void {
  activeClock = clock;
}

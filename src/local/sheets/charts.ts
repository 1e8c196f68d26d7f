// Embedded charts on the offline spreadsheet: just enough of EmbeddedChartBuilder / EmbeddedChart for the
// add-on to insert, find and update its charts, and for tests (and the preview) to read what was drawn:
// type, data ranges, options and anchor. Builders and charts are plain objects, so only the Sheet's
// methods (newChart, insertChart, updateChart, getCharts, removeChart) count as service calls, as the
// round trips they are in Apps Script. Charts are not kept in the .xlsx (exceljs cannot write charts).
// getRanges() gives Range objects, as Google's does (Range[]): A1 text there would let code that treats a
// chart's ranges as strings pass offline and fail on Google.
import type { Rect } from "./a1";
import type { Book } from "./book";
import { pub, unpub } from "./counters";
import type { SheetModel } from "./model";
import type { LocalRange } from "./range";

/** A data range: the tab it is on (a model, so a rename keeps it) and its cells. */
export interface ChartRange {
  sheet: SheetModel;
  rect: Rect;
}

export interface ChartModel {
  id: number;
  type: string;
  /** Data ranges, in the order added. */
  ranges: ChartRange[];
  options: Record<string, unknown>;
  numHeaders: number;
  /** Series in rows instead of columns (EmbeddedChartBuilder.setTransposeRowsAndColumns). */
  transpose?: boolean;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
}

let nextId = 1;

/** The ranges as the add-on sees them: counted Range faces, like any other Range it is given. */
function rangesOf(book: Book, c: ChartModel): LocalRange[] {
  return c.ranges.map((r) => pub(book.rangeApi(r.sheet, { ...r.rect })));
}

export class LocalChartBuilder {
  constructor(
    readonly _book: Book,
    readonly _chart: ChartModel,
    readonly _existing: boolean,
  ) {}
  addRange(range: LocalRange) {
    const r = unpub(range); // reading the range's place is the chart's own work, not the add-on's calls
    if (!r || typeof r !== "object" || !r._sheet || !r._rect) throw new Error("The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    this._chart.ranges.push({ sheet: r._sheet, rect: { ...r._rect } });
    return this;
  }
  clearRanges() {
    this._chart.ranges = [];
    return this;
  }
  getRanges() {
    return rangesOf(this._book, this._chart);
  }
  asLineChart() {
    this._chart.type = "LINE";
    return this;
  }
  asColumnChart() {
    this._chart.type = "COLUMN";
    return this;
  }
  setOption(option: string, value: unknown) {
    this._chart.options[option] = value;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this._chart.transpose = !!transpose;
    return this;
  }
  setNumHeaders(n: number) {
    this._chart.numHeaders = n;
    return this;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) {
    if (!(row >= 1) || !(column >= 1)) throw new Error("Invalid argument: chart position.");
    this._chart.anchor = { row, column, offsetX, offsetY };
    return this;
  }
  build() {
    if (this._chart.ranges.length === 0) throw new Error("The chart has no data: add a range first.");
    return new LocalEmbeddedChart(this._book, clone(this._chart));
  }
}

export class LocalEmbeddedChart {
  constructor(
    readonly _book: Book,
    readonly _chart: ChartModel,
  ) {}
  getId() {
    return `c${this._chart.id}`;
  }
  getOptions() {
    const o = this._chart.options;
    return { get: (k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null) };
  }
  getRanges() {
    return rangesOf(this._book, this._chart);
  }
  /** Not an Apps Script method: for tests, whether the builder swapped rows and columns. */
  getTransposed() {
    return !!this._chart.transpose;
  }
  getContainerInfo() {
    const a = this._chart.anchor;
    return { getAnchorRow: () => a.row, getAnchorColumn: () => a.column, getOffsetX: () => a.offsetX, getOffsetY: () => a.offsetY };
  }
  modify() {
    return new LocalChartBuilder(this._book, clone(this._chart), true);
  }
}

export function clone(c: ChartModel): ChartModel {
  return { ...c, ranges: c.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })), options: { ...c.options }, anchor: { ...c.anchor } };
}

export function newChartBuilder(book: Book): LocalChartBuilder {
  return new LocalChartBuilder(book, { id: 0, type: "LINE", ranges: [], options: {}, numHeaders: -1, anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 } }, false);
}

/** Sheet.insertChart: a new chart with a new id. */
export function insertChart(charts: ChartModel[], chart: LocalEmbeddedChart): void {
  charts.push({ ...clone(chart._chart), id: nextId++ });
}

/** Sheet.updateChart: replaces the chart with the same id; a chart not on the sheet is refused. */
export function updateChart(charts: ChartModel[], chart: LocalEmbeddedChart): void {
  const i = charts.findIndex((c) => c.id === chart._chart.id);
  if (chart._chart.id === 0 || i < 0) throw new Error("The chart does not exist on this sheet: insert it first.");
  charts[i] = clone(chart._chart);
}

export function removeChart(charts: ChartModel[], chart: LocalEmbeddedChart): void {
  const i = charts.findIndex((c) => c.id === chart._chart.id);
  if (i >= 0) charts.splice(i, 1);
}

// Embedded charts on the offline spreadsheet: just enough of EmbeddedChartBuilder / EmbeddedChart for the
// add-on to insert, find and update its charts, and for tests (and the preview) to read what was drawn:
// type, data ranges (A1), options and anchor. Builders and charts are plain objects, so only the Sheet's
// methods (newChart, insertChart, updateChart, getCharts, removeChart) count as service calls, as the
// round trips they are in Apps Script. Charts are not kept in the .xlsx (exceljs cannot write charts).
export interface ChartModel {
  id: number;
  type: string;
  /** "Sheet!A1:C4" ranges, in the order added. */
  ranges: string[];
  options: Record<string, unknown>;
  numHeaders: number;
  /** Series in rows instead of columns (EmbeddedChartBuilder.setTransposeRowsAndColumns). */
  transpose?: boolean;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
}

import { unpub } from "./counters";

let nextId = 1;

interface RangeLike {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export class LocalChartBuilder {
  constructor(
    readonly _chart: ChartModel,
    readonly _existing: boolean,
  ) {}
  addRange(range: RangeLike) {
    const r = unpub(range); // reading the range's address is the chart's own work, not the add-on's calls
    this._chart.ranges.push(`${r.getSheet().getName()}!${r.getA1Notation()}`);
    return this;
  }
  clearRanges() {
    this._chart.ranges = [];
    return this;
  }
  getRanges() {
    return this._chart.ranges.slice();
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
    return new LocalEmbeddedChart(clone(this._chart));
  }
}

export class LocalEmbeddedChart {
  constructor(readonly _chart: ChartModel) {}
  getId() {
    return `c${this._chart.id}`;
  }
  getOptions() {
    const o = this._chart.options;
    return { get: (k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null) };
  }
  getRanges() {
    return this._chart.ranges.slice();
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
    return new LocalChartBuilder(clone(this._chart), true);
  }
}

function clone(c: ChartModel): ChartModel {
  return { ...c, ranges: c.ranges.slice(), options: { ...c.options }, anchor: { ...c.anchor } };
}

export function newChartBuilder(): LocalChartBuilder {
  return new LocalChartBuilder({ id: 0, type: "LINE", ranges: [], options: {}, numHeaders: -1, anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 } }, false);
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

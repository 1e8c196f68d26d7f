// A tracker's embedded charts carried to a copy of it. A snapshot does not keep charts (the offline
// spreadsheet cannot save them in the .xlsx: src/local/sheets/charts.ts), so a summary on a copy made from
// one finds no chart and inserts its two again: two structural calls (0.8 s high) that the same summary on
// the tracker itself does not make, since its charts already draw the ranges wanted.
import type { LocalChartBuilder, LocalEmbeddedChart } from "../src/local/sheets/charts";
import type { Workbook } from "../src/local/runtime";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SavedChart {
  sheet: string;
  type: string;
  options: Record<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  /** Each data range: its tab's name and cells (1-based). */
  ranges: { sheet: string; r1: number; c1: number; r2: number; c2: number }[];
}

/** Every chart of the workbook, as it is now. */
export function chartsOf(wb: Workbook): SavedChart[] {
  const book = wb.services.spreadsheet as unknown as Spreadsheet;
  return book.getSheets().flatMap((sheet) =>
    (sheet.getCharts() as unknown as LocalEmbeddedChart[]).map(({ _chart: c }) => ({
      sheet: sheet.getName(),
      type: c.type,
      options: { ...c.options },
      numHeaders: c.numHeaders,
      transpose: !!c.transpose,
      anchor: { ...c.anchor },
      ranges: c.ranges.map((r) => ({ sheet: r.sheet.name, ...r.rect })),
    })),
  );
}

/** Inserts the charts into the workbook (a copy of the one they were taken from: the same tabs). */
export function putCharts(wb: Workbook, charts: SavedChart[]): void {
  const book = wb.services.spreadsheet as unknown as Spreadsheet;
  const tab = (name: string) => {
    const s = book.getSheetByName(name);
    if (!s) throw new Error(`bench: the copy has no ${name} tab for a chart`);
    return s;
  };
  for (const c of charts) {
    const sheet = tab(c.sheet);
    const b = sheet.newChart() as unknown as LocalChartBuilder;
    if (c.type === "LINE") b.asLineChart();
    else if (c.type === "COLUMN") b.asColumnChart();
    else throw new Error(`bench: a ${c.type} chart cannot be copied`);
    for (const [k, v] of Object.entries(c.options)) b.setOption(k, v);
    b.setNumHeaders(c.numHeaders).setTransposeRowsAndColumns(c.transpose).setPosition(c.anchor.row, c.anchor.column, c.anchor.offsetX, c.anchor.offsetY);
    for (const r of c.ranges) b.addRange(tab(r.sheet).getRange(r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1) as never);
    sheet.insertChart(b.build() as never);
  }
}

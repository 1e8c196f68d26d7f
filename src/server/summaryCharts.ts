// The Weekly Summary's embedded charts, drawing the Chart data on the Weekly Trend tab, updated in place:
// each generation finds its charts by title and modifies them (new data ranges, same place), inserts the
// ones missing and removes its own duplicates, so the tab never collects one more chart per week. Charts the user added (other titles) are left alone.
// A chart whose ranges, place and options are already the ones wanted is not updated: it redraws from its
// cells by itself, and each chart change is a structural call on Google (regenerating a week costs none).
import { CHART_TITLES, type ChartSpec } from "../core/charts";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

const OURS: string[] = [CHART_TITLES.scores, CHART_TITLES.status];

function titleOf(c: EmbeddedChart): string {
  const t = c.getOptions().get("title");
  return typeof t === "string" ? t : "";
}

/** "Tab!A1:C4" of a chart's range (Apps Script gives Range objects; "Sheet!A1:C4" text is taken as well). */
function a1Of(r: unknown): string {
  if (typeof r === "string") return r.replace(/^'(.*)'!/, "$1!");
  const range = r as GoogleAppsScript.Spreadsheet.Range;
  try {
    return `${range.getSheet().getName()}!${range.getA1Notation()}`;
  } catch {
    // A range on a tab deleted since ("The sheet has been deleted."): the chart draws nothing wanted, and is
    // updated to the ranges it should draw.
    return "";
  }
}

/**
 * Whether the chart already draws `spec`: the same ranges, anchor cell and options. interpolateNulls is not
 * compared: a chart made before it was set had its ranges at the bottom of the report, so it is updated
 * (and gets it) anyway, and an option Google might not echo back must not make every week update.
 */
function drawsAlready(c: EmbeddedChart, spec: ChartSpec): boolean {
  let ranges: string[];
  try {
    ranges = (c.getRanges() as unknown[]).map(a1Of);
  } catch {
    return false; // its ranges cannot be read (a tab deleted under it): it is updated to the ones wanted
  }
  if (ranges.length !== spec.ranges.length || ranges.some((a1, i) => a1 !== `${spec.sheet}!${spec.ranges[i]}`)) return false;
  const at = c.getContainerInfo();
  if (at.getAnchorRow() !== spec.row || at.getAnchorColumn() !== spec.column) return false;
  const o = c.getOptions();
  return o.get("isStacked") === spec.stacked && o.get("width") === spec.width && o.get("height") === spec.height;
}

/** The charts on `sheet` (the Weekly Summary), drawing ranges of `data` (the Weekly Trend tab). */
export function updateSummaryCharts(sheet: Sheet, data: Sheet, specs: ChartSpec[]): void {
  const found = new Map<string, EmbeddedChart>();
  for (const c of sheet.getCharts()) {
    const t = titleOf(c);
    if (OURS.indexOf(t) < 0) continue;
    if (found.has(t) || !specs.some((s) => s.title === t)) sheet.removeChart(c);
    else found.set(t, c);
  }
  for (const spec of specs) {
    const prev = found.get(spec.title);
    if (prev && drawsAlready(prev, spec)) continue;
    const base = prev ? prev.modify().clearRanges() : sheet.newChart();
    const typed = spec.type === "LINE" ? base.asLineChart() : base.asColumnChart();
    let b = (typed as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder)
      .setNumHeaders(1)
      .setTransposeRowsAndColumns(spec.transpose)
      .setPosition(spec.row, spec.column, 0, 0)
      .setOption("title", spec.title)
      .setOption("isStacked", spec.stacked)
      .setOption("width", spec.width)
      .setOption("height", spec.height)
      .setOption("useFirstColumnAsDomain", true)
      .setOption("interpolateNulls", spec.interpolateNulls);
    for (const r of spec.ranges) b = b.addRange(data.getRange(r));
    if (prev) sheet.updateChart(b.build());
    else sheet.insertChart(b.build());
  }
}

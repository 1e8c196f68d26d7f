import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { chartsFromRows, chartSvg, chartsHtml } from "../../../src/local/preview/charts";
import type { PreviewCell } from "../../../src/local/preview/types";

const c = (...texts: string[]): PreviewCell[] => texts.map((text) => ({ text }));
const ROWS: PreviewCell[][] = [
  c("Weekly summary — Q1"),
  c("Trend: value at the end of each week"),
  c(""),
  c("Chart data: from History, drawn by the charts at the top right"),
  c("Week", "1", "2"),
  c("O1", "0.10", "0.25"),
  c("<O2>", "", "0.30"),
  c("Expected (committed)", "0.08", "0.15"),
  c(""),
  c("Week", "1", "2"),
  c("On track", "3", "2"),
  c("At risk", "1", "1"),
  c("Off track", "0", "1"),
];

describe("preview charts", () => {
  it("reads the Chart data tables into a line chart and a stacked column chart", () => {
    const charts = chartsFromRows(ROWS);
    expect(charts.map((x) => [x.title, x.kind, x.weeks])).toEqual([
      ["Objective score by week against expected", "line", ["1", "2"]],
      ["Key results by status, by week", "stacked", ["1", "2"]],
    ]);
    expect(charts[0].series[1]).toEqual({ name: "<O2>", values: [null, 0.3] });
    expect(charts[1].series.map((s) => s.values)).toEqual([[3, 2], [1, 1], [0, 1]]);
  });

  it("finds the block right of the report, where the summary puts it (a column fixed for the cycle)", () => {
    // The report's first rows in column A, the block from column F below them.
    const beside = ROWS.map((r, i) => [...(i < 3 ? r : c("")), ...c("", ""), ...(i < 3 ? [] : c("", "")), ...(i >= 3 ? r : [])]);
    expect(chartsFromRows(beside)).toEqual(chartsFromRows(ROWS));
  });

  it("finds the tables of the Weekly Trend tab: the heading in column A, their labels in column B", () => {
    // The trend's rows above (weeks in C on), then the block: its tables' weeks in the trend's week columns.
    const trendTab = [
      c("Trend: value at the end of each week"),
      c("ID", "Key result", "Week 1", "Week 2", "Trend", "Last weeks"),
      c("O1.KR1", "Faster", "84", "86", "", "▁█ 84 → 86"),
      c(""),
      ...ROWS.slice(3).map((r, i) => (i === 0 ? r : [...c(""), ...r])),
    ];
    expect(chartsFromRows(trendTab)).toEqual(chartsFromRows(ROWS));
    expect(chartsFromRows(trendTab)).toHaveLength(2);
  });

  it("draws SVG with escaped text and no script; nothing without a Chart data block", () => {
    const [line, mix] = chartsFromRows(ROWS);
    const svg = chartSvg(line);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain("&lt;O2&gt;");
    expect(svg).not.toContain("<O2>");
    expect(svg.match(/<polyline/g)!.length).toBe(3);
    expect(chartSvg(mix).match(/<rect [^>]*><title>/g)!.length).toBe(5); // the zero "Off track" in week 1 draws nothing
    const html = chartsHtml(ROWS, "Weekly Summary");
    expect(html).toContain('data-tab="Weekly Summary"');
    expect(html).not.toMatch(/<script/i);
    expect(html.replace(/xmlns="http:\/\/www.w3.org\/2000\/svg"/g, "")).not.toMatch(/https?:/);
    expect(chartsHtml(ROWS.slice(0, 3), "Weekly Summary")).toBe("");
  });
});

// A regenerated Weekly Summary keeps its status colours and charts although each generation clears the tab.
// Google's Sheet.clear() removes conditional format rules (formatting "as allowed by choices under the Format
// menu (ex: bold, italics, conditional formatting)": ref/spreadsheet/sheet#clearFormats()); whether embedded
// charts survive clear() is not documented, so the add-on must end with its charts either way
// (docs/apps-script-fidelity.md, "to check" 9).
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { evaluateConditionalFormat } from "../../src/local/sheets";
import { newTracker, ss } from "../support/tracker";
import { summarize } from "../support/summaryTab";

const START = "2026-01-05";

function statusCells(wb: Workbook): { row: number; col: number; word: string }[] {
  const sheet = ss(wb).getSheetByName("Weekly Summary")!;
  const values = sheet.getDataRange().getValues();
  const out: { row: number; col: number; word: string }[] = [];
  values.forEach((r, i) => r.forEach((v, j) => {
    if (v === "On track" || v === "At risk" || v === "Off track") out.push({ row: i + 1, col: j + 1, word: String(v) });
  }));
  return out;
}

function chartTitles(wb: Workbook): string[] {
  const sheet = ss(wb).getSheetByName("Weekly Summary")!;
  return sheet.getCharts().map((c) => String(c.getOptions().get("title"))).sort();
}

function allColoured(wb: Workbook): boolean {
  const cells = statusCells(wb);
  const sheet = ss(wb).getSheetByName("Weekly Summary")!;
  return cells.length > 0 && cells.every((c) => evaluateConditionalFormat(sheet as never, c.row, c.col) !== null);
}

describe("Weekly Summary regenerated over a tab whose clear() removes its rules, as Google documents", () => {
  let wb: Workbook;
  beforeAll(() => {
    wb = newTracker({ template: "operations", start: START, at: START });
    summarize(wb, "2026-01-11");
    summarize(wb, "2026-01-18");
  });

  it("every status word of the second generation is coloured by a rule", () => {
    expect(allColoured(wb)).toBe(true);
  });
});

describe("Weekly Summary regenerated over a cleared tab", () => {
  let wb: Workbook;
  let firstCharts: string[];
  beforeAll(() => {
    wb = newTracker({ template: "operations", start: START, at: START });
    summarize(wb, "2026-01-11");
    firstCharts = chartTitles(wb);
    summarize(wb, "2026-01-18");
  });

  it("keeps exactly its charts when they survive the clear", () => {
    expect(firstCharts.length).toBeGreaterThan(0);
    expect(chartTitles(wb)).toEqual(firstCharts);
  });

  it("puts its charts back when the clear removed them (the other reading of clear())", () => {
    const sheet = ss(wb).getSheetByName("Weekly Summary")!;
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    summarize(wb, "2026-01-18");
    expect(chartTitles(wb)).toEqual(firstCharts);
  });
});

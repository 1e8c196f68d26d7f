// Embedded charts' data ranges as Google gives them back: EmbeddedChart.getRanges() and
// EmbeddedChartBuilder.getRanges() return Range[] (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getRanges(),
// .../embedded-chart-builder#getRanges()), not A1 text. Code that treated them as strings would pass
// offline and fail on Google, so the offline charts give Range objects too.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup, type Any } from "./helpers";

const where = (r: Any) => `${r.getSheet().getName()}!${r.getA1Notation()}`;

function withChart() {
  const t = setup();
  const { ss, sheet } = t;
  sheet.setName("Summary");
  const data = ss.insertSheet("Data");
  const builder = sheet.newChart().asLineChart().addRange(sheet.getRange("A1:C4")).addRange(data.getRange("B2:B9")).setPosition(2, 5, 0, 0);
  return { ...t, data, builder };
}

describe("Embedded chart ranges", () => {
  it("the builder's getRanges() gives Range objects on the sheets they were taken from", () => {
    const { builder } = withChart();
    const ranges = builder.getRanges();
    expect(ranges.map((r: Any) => typeof r)).toEqual(["object", "object"]);
    expect(ranges.map(where)).toEqual(["Summary!A1:C4", "Data!B2:B9"]);
    // As on Google, a Range is not its address: String() of it is "Range".
    expect(ranges.map(String)).toEqual(["Range", "Range"]);
  });

  it("an inserted chart, read back and modified, gives Range objects too", () => {
    const { sheet, builder } = withChart();
    sheet.insertChart(builder.build());
    const [chart] = sheet.getCharts();
    expect(chart.getRanges().map(where)).toEqual(["Summary!A1:C4", "Data!B2:B9"]);
    expect(chart.getRanges()[0].getValues().length).toBe(4);
    const again = chart.modify().clearRanges().addRange(sheet.getRange("A2:A3"));
    expect(again.getRanges().map(where)).toEqual(["Summary!A2:A3"]);
    sheet.updateChart(again.build());
    expect(sheet.getCharts()[0].getRanges().map(where)).toEqual(["Summary!A2:A3"]);
  });

  it("the ranges follow their sheet when it is renamed", () => {
    const { sheet, data, builder } = withChart();
    sheet.insertChart(builder.build());
    data.setName("Inputs");
    expect(sheet.getCharts()[0].getRanges().map(where)).toEqual(["Summary!A1:C4", "Inputs!B2:B9"]);
  });

  it("a Range taken from getRanges() counts its calls like any other", () => {
    const { sheet, builder, services } = withChart();
    sheet.insertChart(builder.build());
    const [r] = sheet.getCharts()[0].getRanges();
    services.counters.reset();
    r.getValues();
    expect(services.counters.byMethod["Range.getValues"]).toBe(1);
  });
});

// The Weekly Summary's look from one generation to the next: only the cells that differ from a cleared
// cell are formatted, the status colours' rules and the charts are rewritten only when they change, and
// the tab still looks right after a second week and a regeneration (over an old, longer summary and trend
// too); and what it reads of the log.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { evaluateConditionalFormat } from "../../src/local/sheets";
import { cellLook, cellLooks } from "../../src/local/sheets/look";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { chartDataAt, OPERATIONS_OWNER, rowWhere, section, summarize, summaryTab, trendTab } from "../support/summaryTab";
import { columnLetter } from "../../src/core/a1";

const START = "2026-01-05";
const W2 = "2026-01-18";
const W3 = "2026-01-25";

function checkIn(wb: Workbook, day: string, krId: string, value: number, extra: Record<string, unknown> = {}) {
  setToday(wb, day);
  wb.services.session.setUser(OPERATIONS_OWNER[krId]);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 6, ...extra });
  if (!r.ok) throw new Error(r.message);
  wb.services.session.setUser("ops.lead@example.com");
}

/** Generates the summary as of `at` and returns the calls it made by method and the cells it formatted. */
function generate(wb: Workbook, at: string) {
  setToday(wb, at);
  wb.services.counters.reset();
  const r = callAddon(wb, "generateWeeklySummary", { at });
  if (!r.ok) throw new Error(r.message);
  const c = wb.services.counters.snapshot();
  return { calls: c.byMethod, formatted: c.cellsFormatted };
}

/** The Overall row's look: status coloured by the rules, number formats, the header row bold on grey. */
function overallLook(wb: Workbook) {
  const sh = ss(wb).getSheetByName("Weekly Summary")!;
  const row = rowWhere(summaryTab(wb), (s) => s === "Overall") + 1; // 1-based heading row
  const status = String(sh.getRange(row + 2, 3).getValue());
  const values = sh.getRange(row + 2, 1, 1, 4);
  return {
    heading: [cellLook(sh, row, 1).bold ? "bold" : "normal", cellLook(sh, row, 1).color, cellLook(sh, row, 6).background],
    header: [cellLook(sh, row + 1, 2).bold ? "bold" : "normal", cellLook(sh, row + 1, 2).background],
    formats: values.getNumberFormats()[0],
    status,
    statusColour: evaluateConditionalFormat(sh as never, row + 2, 3),
  };
}

describe("Weekly Summary: what each generation rewrites", () => {
  it("a regeneration sets the status rules again (clear() removed them) and updates no chart; nor does a new week (the Chart data stays put), and the tab looks the same", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    checkIn(wb, "2026-01-14", "O2.KR2", 91);
    generate(wb, W2);
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const before = sh.getCharts().map((c) => c.getRanges().map((r) => r.getA1Notation()));
    const again = generate(wb, W2);
    expect(again.calls["Sheet.setConditionalFormatRules"]).toBe(1);
    expect(again.calls["Sheet.updateChart"]).toBeUndefined();
    expect(again.calls["Sheet.insertChart"]).toBeUndefined();
    // A new week: the report is longer and History has a week more, but the block the charts draw is at
    // the same place and size (a column per week of the cycle), so the charts are left as they are.
    const next = generate(wb, W3);
    expect(next.calls["Sheet.setConditionalFormatRules"]).toBe(1);
    expect(next.calls["Sheet.updateChart"]).toBeUndefined();
    expect(next.calls["Sheet.insertChart"]).toBeUndefined();
    expect(sh.getCharts().map((c) => c.getRanges().map((r) => r.getA1Notation()))).toEqual(before);
    // They draw the new week's data: History has weeks 2 and 3, in the block's columns for weeks 2 and 3.
    // The block is on the Weekly Trend tab: its heading in column A, the labels in B, the weeks from C.
    const t = trendTab(wb);
    const at = chartDataAt(t);
    expect(at.col).toBe(0);
    const ranges = sh.getCharts().map((c) => c.getRanges()[0]);
    expect(ranges.map((r) => r.getSheet().getName())).toEqual(["Weekly Trend", "Weekly Trend"]);
    expect(ranges[0].getA1Notation()).toMatch(new RegExp(`^${columnLetter(at.col + 2)}${at.row + 2}:${columnLetter(at.col + 15)}\\d+$`));
    expect(t.values[at.row + 1].slice(at.col + 1, at.col + 5)).toEqual(["Week", 1, 2, 3]);
    const o1 = t.values[at.row + 2].slice(at.col + 1, at.col + 6);
    expect(o1[0]).toBe("O1");
    expect([o1[1], typeof o1[2], typeof o1[3], o1[4]]).toEqual(["", "number", "number", ""]);
    // The look after the third generation, statuses coloured by the rules it set.
    const look = overallLook(wb);
    expect(look.heading).toEqual(["bold", "#ffffff", "#1f3b57"]);
    expect(look.header).toEqual(["bold", "#e8eaed"]);
    expect([look.formats[0], look.formats[1], look.formats[3]]).toEqual(["0.00", "0.00", "0%"]);
    expect(["On track", "At risk", "Off track"]).toContain(look.status);
    expect(look.statusColour).not.toBeNull();
  });

  it("the rules cover the tab's whole grid, grown or not", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    generate(wb, W2);
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    sh.deleteRows(61, sh.getMaxRows() - 60);
    const grown = generate(wb, W2);
    expect(grown.calls["Sheet.setConditionalFormatRules"]).toBe(1);
    // The status words' rules (one per word; those for bold cells and the looks cover the report's own cells).
    const rules = sh.getConditionalFormatRules().filter((r) => String(r.getBooleanCondition()!.getCriteriaType()) === "TEXT_EQUAL_TO" && !r.getBooleanCondition()!.getBold());
    expect(rules.length).toBe(6);
    expect(rules.map((r) => r.getRanges().map((g) => g.getA1Notation()))).toEqual(rules.map(() => [`A1:${columnLetter(sh.getMaxColumns())}${sh.getMaxRows()}`]));
  });

  it("History is read to its sheet's end without asking for its last row when few blank rows lie below it (the last summary recorded where it ended)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    checkIn(wb, "2026-01-14", "O2.KR2", 91);
    generate(wb, W2);
    // A new tracker's History: a few rows in a new sheet's 1,000, so its last row is asked (as the log's is).
    expect(generate(wb, W3).calls["Sheet.getLastRow"]).toBe(2);
    const hist = ss(wb).getSheetByName("History")!;
    const before = hist.getDataRange().getValues();
    const tab = summaryTab(wb).values;
    // 100 blank rows below it: reading them costs less than the call, so only the log's last row is asked.
    hist.deleteRows(hist.getLastRow() + 101, hist.getMaxRows() - hist.getLastRow() - 100);
    expect(generate(wb, W3).calls["Sheet.getLastRow"]).toBe(1);
    expect(hist.getDataRange().getValues()).toEqual(before);
    const again = summaryTab(wb).values.map((r, i) => (i === 1 ? r.map((v) => String(v).replace(/ · generated .*$/, "")) : r));
    expect(again).toEqual(tab.map((r, i) => (i === 1 ? r.map((v) => String(v).replace(/ · generated .*$/, "")) : r)));
    // A row added by hand 50 rows below the recorded end is still read (the read reaches the sheet's end):
    // last week's score of O3.KR2 takes it in (no check-in: it scores 0 now, and History's last row of a
    // week wins), which moves it down. Week 3's rows are then no longer the ones week 3's summary wrote (its
    // checkpoint's digest), so the Weekly Trend is rewritten whole from History: the Chart data's count of
    // week 3's Off track rows takes the row in too.
    const offTrackWeek3 = () => {
      const t = trendTab(wb);
      const at = chartDataAt(t);
      const row = t.values.findIndex((r, i) => i > at.row && r[at.col + 1] === "Off track");
      return Number(t.values[row][at.col + 4]);
    };
    const o3kr2 = () => section(summaryTab(wb), "Biggest movers").rows.find((r) => r.ID === "O3.KR2");
    const was = offTrackWeek3();
    generate(wb, "2026-02-01");
    expect(offTrackWeek3()).toBe(was);
    expect(o3kr2()).toBeUndefined();
    hist.getRange(hist.getLastRow() + 50, 1, 1, 6).setValues([[3, "2026-01-25", "O3.KR2", 1, 0.1, "Off track"]]);
    generate(wb, "2026-02-01");
    expect(offTrackWeek3()).toBe(was + 1);
    expect(o3kr2()).toMatchObject({ Direction: "Down", "Last week": 0.1, Now: 0 });
  });

  it("percentages are written as the text typed for them (38%): numbers with the 0% format, without a format call", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    generate(wb, "2026-01-11");
    checkIn(wb, "2026-01-14", "O2.KR2", 91);
    // An ordinary week: the Weekly Trend tab gets its week's values only (its 0.00 scores were formatted
    // ahead by week 1), so every number format is the Weekly Summary's.
    const { calls } = generate(wb, W2);
    expect(calls["Sheet.clear"]).toBe(1); // the Weekly Summary's: the Weekly Trend was not rewritten
    // Three number formats (0.00, the two signed ones), one call each, and the wraps; 0% comes with the values.
    expect(calls["RangeList.setNumberFormat"]).toBe(3);
    expect(calls["RangeList.setWrap"]).toBe(1);
    const sh = ss(wb).getSheetByName("Weekly Summary")!;
    const t = summaryTab(wb);
    const overall = rowWhere(t, (s) => s === "Overall") + 3; // 1-based values row
    const rate = sh.getRange(overall, 4);
    // 1 of the template's 7 KRs checked in this period (O2.KR2): 0.1428… shown as 14%, stored as the 14% typed.
    expect([rate.getValue(), rate.getNumberFormat(), rate.getDisplayValue()]).toEqual([0.14, "0%", "14%"]);
    const counts = rowWhere(t, (s) => s === "Key results by status") + 3;
    const shares = sh.getRange(counts, 3, 5, 1);
    expect(shares.getNumberFormats().flat()).toEqual(new Array(5).fill("0%"));
    expect(shares.getDisplayValues().flat().every((d) => /^\d+%$/.test(d))).toBe(true);
  });

  it("formats only the cells whose look differs from a cleared cell's: fewer than the block (it was formatted three times over)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    generate(wb, "2026-01-11");
    // An ordinary week formats nothing on the Weekly Trend tab: what it formats is the Weekly Summary's.
    const { formatted, calls } = generate(wb, W2);
    expect(calls["Sheet.clear"]).toBe(1);
    const t = summaryTab(wb);
    const block = t.values.length * t.values[0].length;
    // (History's Score column was formatted by the first generation: none of it here.)
    expect(formatted).toBeLessThan(block / 2);
    // Without the record of what the Weekly Trend holds, the regeneration rewrites that tab whole (cleared
    // first): the cells it formats more are exactly the tab's cells whose fill, weight, colour or number
    // format differs from a cleared cell's.
    (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().deleteProperty("okrSheets.trendBlock");
    const whole = generate(wb, W2);
    expect(whole.calls["Sheet.clear"]).toBe(2);
    const r = ss(wb).getSheetByName("Weekly Trend")!.getDataRange();
    const differ = (grid: unknown[][], cleared: unknown) => grid.flat().filter((x) => x !== cleared).length;
    const styled = differ(r.getBackgrounds(), "#ffffff") + differ(r.getFontWeights(), "normal") + differ(r.getFontColors(), "#000000") + differ(r.getNumberFormats(), "0.###############");
    expect(styled).toBeGreaterThan(100); // headings, headers and the scores' 0.00 of every week
    expect(whole.formatted - formatted).toBe(styled);
  });

  it("History's Score column is formatted once, and again only on the rows a growth adds", () => {
    const wb = newTracker({ template: "operations", start: START, at: START });
    checkIn(wb, "2026-01-06", "O1.KR1", 85);
    const first = generate(wb, W2);
    const hist = ss(wb).getSheetByName("History")!;
    expect(first.calls["Range.setNumberFormat"]).toBe(1);
    expect(hist.getRange(2, 5).getNumberFormat()).toBe("0.00");
    expect(hist.getRange(hist.getMaxRows(), 5).getNumberFormat()).toBe("0.00");
    expect(generate(wb, W3).calls["Range.setNumberFormat"]).toBeUndefined();
    // No room left: the next week grows History, and only its new rows are formatted.
    const last = hist.getLastRow();
    hist.deleteRows(last + 1, hist.getMaxRows() - last);
    const grown = generate(wb, "2026-02-01");
    expect(grown.calls["Range.setNumberFormat"]).toBe(1);
    // The new rows' Score cells and the report's looks (the Chart data's header rows a week per column of the cycle).
    expect(grown.formatted).toBeLessThan(hist.getMaxRows() - last + 450);
    const rows = hist.getRange(last + 1, 1, 7, 6);
    expect(rows.getNumberFormats().map((r) => r[4])).toEqual(new Array(7).fill("0.00"));
    // Dates written as YYYY-MM-DD text are dates shown so; the week a whole number.
    expect(rows.getDisplayValues()[0].slice(0, 2)).toEqual(["4", "2026-02-01"]);
  });
});

describe("Weekly Summary: reading the log from the checkpoint", () => {
  it("a log that ends at its sheet's end is read down to it, without asking for its last row; one with blank rows below asks", () => {
    const make = (trim: boolean) => {
      const wb = newTracker({ template: "operations", start: START, at: START });
      const log = ss(wb).getSheetByName("Check-ins")!;
      checkIn(wb, "2026-01-06", "O1.KR1", 85);
      // After a check-in: Sheets refuses to delete every row below a frozen header.
      if (trim) log.deleteRows(log.getLastRow() + 1, log.getMaxRows() - log.getLastRow());
      generate(wb, "2026-01-11");
      checkIn(wb, "2026-01-13", "O2.KR2", 91);
      checkIn(wb, "2026-01-14", "O1.KR1", 88);
      return wb;
    };
    const trimmed = make(true);
    const padded = make(false);
    const a = generate(trimmed, W2);
    const b = generate(padded, W2);
    expect(a.calls["Sheet.getLastRow"]).toBe(1); // History's
    expect(b.calls["Sheet.getLastRow"]).toBe(2); // History's and the log's
    // Both read the two new check-ins: the same summary.
    const values = (wb: Workbook) => summaryTab(wb).values.map((r) => r.map((v) => String(v).replace(/ · generated .*$/, "")));
    expect(values(trimmed)).toEqual(values(padded));
    expect(values(trimmed).flat().filter((v) => v === "O2.KR2").length).toBeGreaterThan(0);
  });
});

describe("Regenerating over an old, longer summary", () => {
  /** Each cell's value, formula and look over `rows` × `cols` from A1 of `tab` (the subtitle's generation time left out). */
  function cells(wb: Workbook, tab: string, rows: number, cols: number) {
    const sheet = ss(wb).getSheetByName(tab)!;
    const r = sheet.getRange(1, 1, rows, cols);
    const values = r.getValues().map((row, i) => (i === 1 ? row.map((v) => String(v).replace(/ · generated .*$/, "")) : row));
    // The looks as painted (the Weekly Summary's are conditional-format rules), and the cells' own.
    const looks = cellLooks(sheet, 1, 1, rows, cols);
    const weights = looks.map((row) => row.map((l) => (l.bold ? "bold" : "normal")));
    const colours = looks.map((row) => row.map((l) => l.color));
    const fills = looks.map((row) => row.map((l) => l.background));
    return { values, formulas: r.getFormulas(), formats: r.getNumberFormats(), weights, colours, fills, own: { weights: r.getFontWeights(), fills: r.getBackgrounds() } };
  }

  /** Fills `tab` over `rows` × `cols` from A1 with text, bold, red fills and a number format of its own. */
  function scribble(wb: Workbook, tab: string, rows: number, cols: number) {
    const r = ss(wb).getSheetByName(tab)!.getRange(1, 1, rows, cols);
    r.setValues(Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `old ${i},${j}`)));
    r.setNumberFormats(Array.from({ length: rows }, () => new Array(cols).fill("0.000")));
    r.setBackgrounds(Array.from({ length: rows }, () => new Array(cols).fill("#ff0000")));
    r.setFontWeights(Array.from({ length: rows }, () => new Array(cols).fill("bold")));
  }

  it("every cell's value and look is the one a fresh tab gets: old cells beyond the new bands are gone, styled cells stay styled", () => {
    const make = () => {
      const wb = newTracker({ template: "operations", start: START, at: START });
      checkIn(wb, "2026-01-06", "O1.KR1", 85, { whatChanged: "Cut-off moved" });
      checkIn(wb, "2026-01-14", "O2.KR2", 91, { blockers: "Supplier" });
      return wb;
    };
    const fresh = make();
    summarize(fresh, W2);
    const old = make();
    summarize(old, W2);
    // The old summary and trend: longer and wider than this week's (as wide as each tab), every cell filled,
    // bold, coloured and formatted. The Weekly Trend tab's typed-over cells are not what the last summary
    // wrote, so it is rewritten whole too.
    const summary = ss(old).getSheetByName("Weekly Summary")!;
    const trend = ss(old).getSheetByName("Weekly Trend")!;
    const size = { rows: summary.getLastRow() + 40, cols: summary.getMaxColumns() };
    const trendSize = { rows: trend.getLastRow() + 40, cols: trend.getMaxColumns() };
    scribble(old, "Weekly Summary", size.rows, size.cols);
    scribble(old, "Weekly Trend", trendSize.rows, trendSize.cols);
    summarize(old, W2);

    expect(cells(old, "Weekly Summary", size.rows, size.cols)).toEqual(cells(fresh, "Weekly Summary", size.rows, size.cols));
    expect(cells(old, "Weekly Trend", trendSize.rows, trendSize.cols)).toEqual(cells(fresh, "Weekly Trend", trendSize.rows, trendSize.cols));
    // The comparison is not of two blank tabs: the title and a section heading keep their styles and
    // formats, and so do the Trend's rows and the Chart data's header on the Weekly Trend tab; nothing of
    // the old summary is left on either.
    const got = cells(old, "Weekly Summary", size.rows, size.cols);
    const overall = rowWhere(summaryTab(old), (s) => s === "Overall");
    expect([got.weights[0][0], got.colours[0][0]]).toEqual(["bold", "#1f3b57"]);
    expect([got.fills[overall][0], got.fills[overall][5], got.colours[overall][0]]).toEqual(["#1f3b57", "#1f3b57", "#ffffff"]);
    const t = trendTab(old);
    const tr = rowWhere(t, (s) => s.startsWith("Trend"));
    const chart = chartDataAt(t);
    const gotTrend = cells(old, "Weekly Trend", trendSize.rows, trendSize.cols);
    expect([gotTrend.fills[tr][0], gotTrend.fills[tr][5], gotTrend.colours[tr][0]]).toEqual(["#1f3b57", "#1f3b57", "#ffffff"]);
    expect([gotTrend.weights[tr + 1][2], gotTrend.fills[tr + 1][2]]).toEqual(["bold", "#e8eaed"]);
    expect([gotTrend.values[tr + 2][0], gotTrend.formulas[tr + 2][gotTrend.values[tr + 1].indexOf("Trend")]]).toEqual(["O1.KR1", expect.stringContaining("SPARKLINE")]);
    // The Chart data's first header row: its "Week" label in column B, bold on grey; its heading's fill runs across.
    expect([gotTrend.values[chart.row + 1][chart.col + 1], gotTrend.weights[chart.row + 1][chart.col + 1], gotTrend.fills[chart.row + 1][chart.col + 2]]).toEqual(["Week", "bold", "#e8eaed"]);
    expect([gotTrend.fills[chart.row][chart.col + 14], gotTrend.colours[chart.row][chart.col]]).toEqual(["#1f3b57", "#ffffff"]);
    expect(gotTrend.formats[chart.row + 2][chart.col + 3]).toBe("0.00"); // O1's score in week 2
    for (const g of [got, gotTrend]) {
      expect(g.values.flat().filter((v) => String(v).startsWith("old "))).toEqual([]);
      expect(g.fills.flat().filter((c) => c === "#ff0000")).toEqual([]);
      expect(g.own.fills.flat().filter((c) => c === "#ff0000")).toEqual([]);
      expect(g.formats.flat().filter((f) => f === "0.000")).toEqual([]);
    }
  });
});

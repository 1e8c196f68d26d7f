// show's report reader finds the title block and sections from a report's shape, not from fixed rows: a
// layout with a "This week" text, the attention list first, an empty list and an untitled table reads whole.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { readReport, renderReport } from "../../src/local/showReport";

const id = (v: unknown) => v;
const grid = (rows: unknown[][]) => {
  const w = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: w }, (_, c) => r[c] ?? ""));
  return { values, shown: values.map((r) => r.map(String)) };
};

const LAYOUT: unknown[][] = [
  ["Weekly summary — Pilot"],
  ["Week 3 of 13 · as of 2026-01-21"],
  [],
  ["This week"],
  ["1 KR fell off track (O1.KR2)"],
  ["3 of 7 checked in"],
  [],
  ["Needs attention"],
  ["ID", "Key result", "Confidence", "Change", "Blockers", "Next step"],
  ["O1.KR2", "Cut lead time", 4, -3, "Paint shop", "Second shift"],
  [],
  ["Low confidence"],
  ["ID", "Key result", "Confidence"],
  ["None — no on-track key result has low confidence."],
  [],
  ["Objectives"],
  ["ID", "Objective", "Score"],
  ["O1", "Ship faster", 0.4],
  ["O2", "Happier customers", 0.7],
  [],
  ["Scores run from 0.00 to 1.00."],
  [],
  ["Week", "On track", "At risk"],
  [1, 7, 0],
];

describe("readReport", () => {
  it("reads a changed Weekly Summary layout section by section", () => {
    const { values, shown } = grid(LAYOUT);
    const r = readReport("Weekly Summary", values, shown, id);
    expect(r.title.map((l) => l.cells[0])).toEqual(["Weekly summary — Pilot", "Week 3 of 13 · as of 2026-01-21"]);
    expect(r.sections.map((s) => [s.title, s.row, s.headerRow, s.rows.length, s.notes])).toEqual([
      ["This week", 4, null, 0, ["1 KR fell off track (O1.KR2)", "3 of 7 checked in"]],
      ["Needs attention", 8, 9, 1, []],
      ["Low confidence", 12, 13, 0, ["None — no on-track key result has low confidence."]],
      ["Objectives", 16, 17, 2, []],
      [null, 21, null, 0, ["Scores run from 0.00 to 1.00."]],
      [null, 23, 23, 1, []],
    ]);
    expect(r.sections[1].rows[0]).toEqual({ _row: 10, ID: "O1.KR2", "Key result": "Cut lead time", Confidence: 4, Change: -3, Blockers: "Paint shop", "Next step": "Second shift" });
    const text = renderReport(r);
    expect(text).toMatch(/\n {2}9 {2}ID +Key result +Confidence +Change +Blockers +Next step\n/);
    expect(text).toMatch(/\n 14 {2}None — no on-track key result has low confidence\.\n/);
  });

  it("keeps every row of every table, whatever tables a report holds and in any order", () => {
    const table = fc.record({
      title: fc.option(fc.constantFrom("Objectives", "Needs attention", "Signals"), { nil: null }),
      width: fc.integer({ min: 2, max: 9 }),
      rows: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 6 }), (tables) => {
        const rows: unknown[][] = [["A report"], []];
        for (const t of tables) {
          if (t.title) rows.push([t.title]);
          rows.push(Array.from({ length: t.width }, (_, c) => `H${c}`));
          for (let i = 0; i < t.rows; i++) rows.push(Array.from({ length: t.width }, (_, c) => (c === 0 ? `r${i}` : i * 10 + c)));
          rows.push([]);
        }
        const { values, shown } = grid(rows);
        const r = readReport("R", values, shown, id);
        expect(r.sections.map((s) => [s.title, s.headers.length, s.rows.length])).toEqual(tables.map((t) => [t.title, t.width, t.rows]));
      }),
    );
  });

  it("reads the Weekly Trend tab: a heading over a table from A1 is a section, and a table from column B starts there", () => {
    const { values, shown } = grid([
      ["Trend: value at the end of each week"],
      ["ID", "Key result", "Week 1", "Week 2", "Trend", "Last weeks"],
      ["O1.KR1", "Faster", 82, 84, "", "▁█ 82 → 84"],
      ["O1.KR2", "Cheaper", "", "", "", ""],
      [],
      ["Chart data: from History"],
      ["", "Week", 1, 2],
      ["", "O1", 0.2, 0.3],
      [],
      ["", "Week", 1, 2],
      ["", "On track", 1, 0],
    ]);
    const r = readReport("Weekly Trend", values, shown, id);
    expect(r.title, "no title block: the tab opens with its section").toEqual([]);
    expect(r.sections.map((s) => [s.title, s.row, s.column, s.headerRow, s.headers, s.rows.length])).toEqual([
      ["Trend: value at the end of each week", 1, 1, 2, ["ID", "Key result", "Week 1", "Week 2", "Trend", "Last weeks"], 2],
      ["Chart data: from History", 6, 2, 7, ["Week", "1", "2"], 1],
      [null, 10, 2, 10, ["Week", "1", "2"], 1],
    ]);
    expect(r.sections[1].rows[0]).toEqual({ _row: 8, Week: "O1", "1": 0.2, "2": 0.3 });
    const text = renderReport(r);
    expect(text.split("\n").slice(0, 3)).toEqual([
      "  1  Trend: value at the end of each week",
      "     A       B           C       D       E      F",
      "  2  ID      Key result  Week 1  Week 2  Trend  Last weeks",
    ]);
    // The letters line names the Chart data's columns from B, so a cell can be named for edit --range.
    expect(text).toMatch(/\n {5}B {5}C {4}D\n {2}7 {2}Week {2}1 {4}2\n/);
  });
});

describe("sentences under a table's rows", () => {
  it("are the table's notes; a row holding a name alone stays a row", () => {
    const { values, shown } = grid([
      ["Portfolio roll-up: Q1"],
      [],
      ["At this pace: key results forecast to miss their goal"],
      ["Team", "KR", "Shortfall"],
      ["Alpha", "O1.KR1", 0.4],
      ["and 3 more: each team's own Weekly Summary lists its own (Forecast section); the Teams table counts them."],
      ["Not forecast yet (no check-in or summary has forecast a KR): Gamma."],
      [],
      ["Team trend: overall score per week (Portfolio History)"],
      ["Team", "W1", "W2"],
      ["Alpha", 0.2, 0.3],
      ["Gone"],
    ]);
    const r = readReport("Portfolio Roll-up", values, shown, id);
    expect(r.sections[0].rows.map((x) => x["Team"])).toEqual(["Alpha"]);
    expect(r.sections[0].notes).toEqual([
      "and 3 more: each team's own Weekly Summary lists its own (Forecast section); the Teams table counts them.",
      "Not forecast yet (no check-in or summary has forecast a KR): Gamma.",
    ]);
    expect(r.sections[1].rows.map((x) => x["Team"])).toEqual(["Alpha", "Gone"]);
    expect(renderReport(r)).toMatch(/\n  7  Not forecast yet \(no check-in or summary has forecast a KR\): Gamma\.\n/);
  });
});

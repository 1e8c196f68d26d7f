// The one reader of the Settings computed cells (src/core/computedCells.ts): what it takes of a header row
// cell and of a joined header, the same from a Settings read's labels as from its rows.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { cellsOfLabels, cellsOfRows, computedHeader, computedRow, joinedHeaderHoldsBar, joinedWidth, type ComputedCells } from "../../src/core/computedCells";
import { CHECKIN_HEADERS, KR_HEADERS } from "../../src/core/tabs";

const LOG = CHECKIN_HEADERS.concat(new Array(16 - CHECKIN_HEADERS.length).fill(""));
const cellsOf = (v: Record<string, unknown>): ComputedCells => (name) => v[name];
const log = (text: unknown, row: unknown = 1) => cellsOf({ CheckinHeader: text, CheckinHeaderRow: row });

describe("computedCells", () => {
  it("joins the columns its formula joins: A–P for the log, A–Z for Key Results", () => {
    expect(joinedWidth("checkins")).toBe(16);
    expect(joinedWidth("keyResults")).toBe(26);
  });

  it("a row cell counts only as a whole number from 1 (what =ROW() gives); typed-over text, 0, 2.5 or a blank do not", () => {
    for (const v of ["41", "", null, undefined, 0, -1, 2.5, NaN, Infinity]) expect(computedRow(v)).toBe(0);
    expect(computedRow(41)).toBe(41);
  });

  it("gives the header's cells as the sheet holds them and trimmed, at the row its cell says", () => {
    const cells = LOG.map((h, i) => (i === 2 ? ` ${h} ` : h));
    expect(computedHeader(log(cells.join("|"), 41), "checkins", CHECKIN_HEADERS)).toEqual({ row: 41, cells, headers: LOG });
  });

  it("gives none without its row (no guess of row 1), without text, short of a required column, or split other than the formula joins", () => {
    const text = LOG.join("|");
    expect(computedHeader(cellsOf({ CheckinHeader: text }), "checkins", CHECKIN_HEADERS)).toBeNull();
    expect(computedHeader(log(text, "1"), "checkins", CHECKIN_HEADERS)).toBeNull();
    for (const v of [undefined, 0, new Date(0)]) expect(computedHeader(log(v), "checkins", CHECKIN_HEADERS)).toBeNull();
    expect(computedHeader(log(text.replace("Blockers", "Obstacles")), "checkins", CHECKIN_HEADERS)).toBeNull();
    expect(computedHeader(log(text.replace("Blockers", "Obstacles")), "checkins", ["timestamp", "KR ID "])).not.toBeNull();
    const barred = LOG.map((h, i) => (i === 12 ? "Source | link" : h)).join("|");
    expect(computedHeader(log(barred), "checkins", CHECKIN_HEADERS)).toBeNull();
    expect(joinedHeaderHoldsBar(log(barred), "checkins")).toBe(true);
    expect(joinedHeaderHoldsBar(log(text), "checkins")).toBe(false);
    const kr = KR_HEADERS.slice(0, 26).concat(new Array(Math.max(0, 26 - KR_HEADERS.length)).fill(""));
    expect(computedHeader(cellsOf({ KrHeader: kr.join("|"), KrHeaderRow: 3 }), "keyResults", ["ID", "Objective ID", "Key result"])).toEqual(
      expect.objectContaining({ row: 3, headers: kr }),
    );
  });

  it("reads a label's first row the same from the rows as from the labels of a Settings read", () => {
    const labels = ["Check-in header row (computed)", " check-in HEADER row (computed) ", "Key result IDs (computed)", "Start date"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...labels), fc.oneof(fc.integer(), fc.string())), { maxLength: 8 }), (rows) => {
        const raw = new Map<string, unknown>();
        for (const [l, v] of rows) if (!raw.has(l.trim().toLowerCase())) raw.set(l.trim().toLowerCase(), v);
        for (const name of ["CheckinHeaderRow", "KrIds", "KrHeader"] as const) expect(cellsOfRows(rows)(name)).toBe(cellsOfLabels(raw)(name));
      }),
    );
  });
});

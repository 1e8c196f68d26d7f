import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { commentShown, correctionNote, replacedRequestId, withoutReplaced } from "../../src/core/corrections";
import type { CheckinEntry } from "../../src/core/model";

function ci(row: number, krId: string, requestId: string, whatChanged = "", date = "2026-01-14"): CheckinEntry {
  return { row, timestamp: `${date}T10:00:00Z`, date, week: 2, krId, value: row, confidence: 6, whatChanged, blockers: `b${row}`, nextStep: "", author: "a@example.com", requestId };
}
const fix = (id: string, text = "") => `Correction of check-in ${id} (2026-01-14, value 3).${text ? " " + text : ""}`;

describe("Corrected check-ins", () => {
  it("reads the request ID a correction names, and nothing from other text", () => {
    expect(replacedRequestId(fix("req-7 x"))).toBe("req-7 x");
    expect(replacedRequestId(fix("abc-123", "typo"))).toBe("abc-123");
    expect(replacedRequestId("Fixed the Correction of check-in x (")).toBeNull();
    expect(replacedRequestId("")).toBeNull();
  });

  it("drops the replaced row of the same KR, keeps the correction and everything else", () => {
    const log = [ci(2, "O1.KR1", "a"), ci(3, "O1.KR2", "b"), ci(4, "O1.KR1", "c", fix("a")), ci(5, "O1.KR1", "d")];
    expect(withoutReplaced(log).map((c) => c.row)).toEqual([3, 4, 5]);
  });

  it("a correction of a correction drops both earlier rows", () => {
    const log = [ci(2, "O1.KR1", "a"), ci(3, "O1.KR1", "b", fix("a")), ci(4, "O1.KR1", "c", fix("b"))];
    expect(withoutReplaced(log).map((c) => c.row)).toEqual([4]);
  });

  it("removes nothing for a note naming another KR's row, a later row or an unknown ID", () => {
    const log = [ci(2, "O1.KR1", "a"), ci(3, "O1.KR2", "b", fix("a")), ci(4, "O1.KR1", "c", fix("z")), ci(5, "O1.KR1", "d", fix("e")), ci(6, "O1.KR1", "e")];
    expect(withoutReplaced(log)).toEqual(log);
  });
});

describe("A correction's note as the summary shows it", () => {
  it("reads 'Corrected from <value>' and the person's text, not the replaced row's request ID", () => {
    // Session 18's review: the leaders' Latest comment was "Correction of check-in 6d4adef1-49f3-… (2026-01-23, value 1.15). typo".
    expect(commentShown("Correction of check-in 6d4adef1-49f3-4b82-af1d-c1205c4b8d9a (2026-01-23, value 1.15). typo, 11.5")).toBe("Corrected from 1.15: typo, 11.5");
    expect(commentShown("Correction of check-in abc (2026-01-23, value 8,5).")).toBe("Corrected from 8,5.");
    expect(commentShown("Correction of check-in abc (2026-01-23, value -3). line 1\nline 2")).toBe("Corrected from -3: line 1\nline 2");
  });
  it("leaves every other text as written", () => {
    for (const t of ["", "Two new carriers", "Correction of check-in x (", "Fixed the Correction of check-in x (2026-01-23, value 3). no", "=1+1"]) expect(commentShown(t)).toBe(t);
    expect(commentShown(null)).toBe("");
  });
});

describe("A correction's note (correctionNote)", () => {
  const old = { requestId: "6d4adef1-49f3-4b82-af1d-c1205c4b8d9a", date: "2026-01-23", value: 1.15 as unknown };
  it("names the replaced value in the KR's unit, and reads back as every note before it", () => {
    const cases: [unknown, { unit?: string; percentCells?: boolean }, "." | ",", string][] = [
      [1.15, { unit: "$" }, ".", "$1.15"],
      [41.5, { unit: "$" }, ",", "41,50 $"],
      [11.5, { unit: "days" }, ".", "11.5 days"],
      [1, { unit: "days" }, ".", "1 day"],
      [7.9, { unit: "%" }, ".", "7.9%"],
      [0.79, { unit: "%", percentCells: true }, ".", "79%"],
      [3, {}, ".", "3"],
      [3, { unit: "€ (net)" }, ".", "3"], // brackets would end the note's value early: left out
      ["n/a", { unit: "$" }, ".", "n/a"],
    ];
    for (const [value, kr, sep, shown] of cases) {
      const note = correctionNote({ ...old, value }, "typo", kr, sep);
      expect(note).toBe(`Correction of check-in ${old.requestId} (2026-01-23, value ${shown}). typo`);
      expect(replacedRequestId(note)).toBe(old.requestId);
      expect(commentShown(note)).toBe(`Corrected from ${shown}: typo`);
    }
    expect(correctionNote(old, "  ", { unit: "$" }, ".")).toBe(`Correction of check-in ${old.requestId} (2026-01-23, value $1.15).`);
  });
});

// KRs nobody checked in on all cycle, at the end of it, through the BUILT add-on (run `npm run build` first).
// Their score follows the spec's "before the first check-in, current = start" (a stay_above KR starting above
// its target scores 1.00, the sheet's formula unchanged), but the Retrospective does not read that as
// delivered: its grade is "No check-ins", the grade spread counts them apart, and the team calibration leaves
// them out, saying how many (docs/lifecycle.md#closing-the-cycle-retrospective).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";

const START = "2026-01-05";
const END = "2026-04-05";

function checkIn(wb: Workbook, day: string, krId: string, value: number) {
  setToday(wb, day);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 7 });
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
}

/** Types an objective's Type cell, as a user would. */
function setType(wb: Workbook, objectiveId: string, type: string) {
  const sh = ss(wb).getSheetByName("Objectives")!;
  const v = sh.getDataRange().getValues();
  const c = v[0].indexOf("Type");
  const r = v.findIndex((row) => row[0] === objectiveId);
  sh.getRange(r + 1, c + 1).setValue(type);
}

function close(wb: Workbook, at = END) {
  setToday(wb, at);
  const r = callAddon(wb, "endCycle", { at });
  if (!r.ok) throw new Error(r.message);
  return ss(wb).getSheetByName("Retrospective")!.getDataRange().getDisplayValues();
}

function table(v: string[][]): Record<string, string>[] {
  const h = v.findIndex((r) => r[0] === "Type" && r[1] === "ID");
  return v.slice(h + 1).filter((r) => r[1] !== "").map((r) => Object.fromEntries(v[h].map((k, i) => [k, r[i]])));
}

function spread(v: string[][]): string[][] {
  const h = v.findIndex((r) => r[0] === "Grade" && r[1] === "Objectives");
  const out: string[][] = [];
  for (let i = h + 1; i < v.length && v[i][1] !== ""; i++) out.push(v[i].slice(0, 3));
  return out;
}

const calibration = (v: string[][]) => v.filter((r) => r[0] === "Team calibration").map((r) => r[3]);

describe("Retrospective: KRs never checked in", () => {
  it("a stay KR never checked in keeps its score by the spec's rule but is graded No check-ins, not delivered", () => {
    const wb = newTracker({ start: START, at: START });
    // Everything checked in but O2.KR2 (stay_above, start 93 ≥ target 92: scores 1 without a check-in).
    for (const [id, value] of [["O1.KR1", 95], ["O1.KR2", 6], ["O1.KR3", 110], ["O2.KR1", 3], ["O3.KR1", 40], ["O3.KR2", 0.5]] as [string, number][]) {
      checkIn(wb, "2026-03-30", id, value);
    }
    const v = close(wb);
    const rows = table(v);
    const kr = rows.find((r) => r.ID === "O2.KR2")!;
    expect(kr["Final score"]).toBe("1.00");
    expect(kr.Grade).toBe("No check-ins");
    // Its objective, checked in through O2.KR1, keeps its grade; the KRs checked in keep theirs.
    expect(rows.find((r) => r.ID === "O2")!.Grade).toBe("0.7–1.0");
    expect(rows.find((r) => r.ID === "O1.KR3")!.Grade).toBe("0.7–1.0");
    expect(spread(v)).toEqual([
      ["0.0–0.39", "0", "1"],
      ["0.4–0.69", "1", "1"],
      ["0.7–1.0", "2", "4"],
      ["No check-ins", "0", "1"],
    ]);
    expect(v.some((r) => r[0].startsWith("No check-ins: "))).toBe(true);
  });

  it("a cycle nobody checked in on: every row No check-ins, and no calibration calling it too hard", () => {
    const wb = newTracker({ start: START, at: START });
    const v = close(wb);
    for (const r of table(v)) expect(r.Grade).toBe("No check-ins");
    expect(spread(v)).toEqual([
      ["0.0–0.39", "0", "0"],
      ["0.4–0.69", "0", "0"],
      ["0.7–1.0", "0", "0"],
      ["No check-ins", "3", "7"],
    ]);
    // O3's two aspirational KRs score 0 from their starts: before, "averaged 0.00: too hard".
    expect(calibration(v)).toEqual([]);
  });

  it("calibration leaves out the aspirational KRs never checked in, and says how many", () => {
    const wb = newTracker({ start: START, at: START });
    // O2 aspirational, O3 committed: O2.KR1 checked in at a score of 0.80, O2.KR2 (stay, 1.00) never.
    setType(wb, "O2", "aspirational");
    setType(wb, "O3", "committed");
    checkIn(wb, "2026-03-30", "O2.KR1", 3.7);
    // Counted, the stay KR made the mean 0.90: "too easy". Left out, 0.80 is no signal.
    expect(calibration(close(wb))).toEqual([]);
    // With O2.KR1 at 0.20 the signal is right, and names the KR left out.
    checkIn(wb, "2026-03-31", "O2.KR1", 5.8);
    expect(calibration(close(wb))).toEqual([
      "The 1 aspirational KR checked in averaged 0.20: too hard — aspirational OKRs aim for 0.6–0.7 (1 never checked in is left out)",
    ]);
  });

  it("a KR checked in only after the close's day counts as never checked in as of that day", () => {
    const wb = newTracker({ start: START, at: START });
    checkIn(wb, "2026-03-30", "O2.KR2", 95);
    const early = table(close(wb, "2026-03-29"));
    expect(early.find((r) => r.ID === "O2.KR2")!.Grade).toBe("No check-ins");
    const late = table(close(wb, END));
    expect(late.find((r) => r.ID === "O2.KR2")!.Grade).toBe("0.7–1.0");
  });
});

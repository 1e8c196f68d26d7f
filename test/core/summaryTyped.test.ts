// A Current typed over a KR's check-ins (core/summaryTyped.ts): which KRs the summary names, and the line.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { CheckinEntry, KeyResult } from "../../src/core/model";
import { buildSummaryData } from "../../src/core/summary";
import { latestCheckins } from "../../src/core/summaryAsOf";
import { typedOver, typedOverLine } from "../../src/core/summaryTyped";
import { coreKr, coreSettings } from "../support/coreTracker";

const AS_OF = "2026-01-18";

function ci(row: number, date: string, krId: string, value: number): CheckinEntry {
  return { row, timestamp: `${date}T09:00:00Z`, date, week: 2, krId, value, confidence: 6, whatChanged: "", blockers: "", nextStep: "", author: "a@example.com", requestId: `r${row}` };
}

function typed(krs: KeyResult[], log: CheckinEntry[], asOf = AS_OF) {
  return typedOver(krs, log, latestCheckins(log, asOf), new Set(log.map((c) => c.krId)), asOf);
}

describe("typedOver", () => {
  const log = [ci(2, "2026-01-07", "O1.KR1", 86), ci(3, "2026-01-14", "O1.KR1", 87)];

  it("names a Current that differs from the latest check-in on or before the day", () => {
    expect(typed([coreKr(2, "O1.KR1", "stay_above", 90, 85, 0.86, "2026-01-14")], log)).toEqual([{ id: "O1.KR1", current: 0.86, value: 87, date: "2026-01-14" }]);
  });

  it("not the check-in's own value (to float noise), a blank Current, or a KR without check-ins", () => {
    expect(typed([coreKr(2, "O1.KR1", "stay_above", 90, 85, 87 + 1e-12, "2026-01-14")], log)).toEqual([]);
    expect(typed([coreKr(2, "O1.KR1", "stay_above", 90, 85, null, "2026-01-14")], log)).toEqual([]);
    expect(typed([coreKr(2, "O1.KR2", "increase", 0, 10, 4, "2026-01-14")], log)).toEqual([]);
  });

  it("not a KR checked in after the day: its Current is that check-in's", () => {
    const later = log.concat(ci(4, "2026-01-19", "O1.KR1", 90));
    expect(typed([coreKr(2, "O1.KR1", "stay_above", 90, 85, 90, "2026-01-19")], later)).toEqual([]);
    // Against the earlier day it would name it; the later check-in's value, typed over, is named after it.
    expect(typed([coreKr(2, "O1.KR1", "stay_above", 90, 85, 91, "2026-01-19")], later, "2026-01-19")).toHaveLength(1);
  });
});

describe("typedOverLine", () => {
  it("one KR: the sentence a leader reads, in the locale's separator; a fraction-% KR as its cells show it", () => {
    expect(typedOverLine([{ id: "O1.KR2", current: 0.86, value: 87, date: "2026-01-14" }])).toBe(
      'O1.KR2: Current 0.86 was typed over its last check-in (87, 2026-01-14): the summary counts the check-in. Check in to record it, or use "Correct last check-in".',
    );
    expect(typedOverLine([{ id: "O1.KR2", current: 0.86, value: 0.875, date: "2026-01-14", percentCells: true }], ",")).toContain("Current 86% was typed over its last check-in (87,5%, 2026-01-14)");
    expect(typedOverLine([])).toBe(null);
  });

  it("several: one line, five named and the rest counted", () => {
    const list = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: `O${i}.KR1`, current: i, value: i + 1, date: "2026-01-14" }));
    const line = typedOverLine(list)!;
    expect(line).toMatch(/^7 KRs have a Current typed over their last check-in \(O1\.KR1 1 over 2 of 2026-01-14; .*O5\.KR1 5 over 6 of 2026-01-14 and 2 more\): the summary counts the check-ins\. Check in to record them, or use "Correct last check-in"\.$/);
    expect(line).not.toContain("O6.KR1");
  });
});

describe("the summary's This week lines", () => {
  it("gain the line after the four when a KR's Current was typed over, and keep scoring the check-in", () => {
    const log = [ci(2, "2026-01-14", "O1.KR1", 87)];
    const tracker = (current: number) => ({ settings: coreSettings(), objectives: [{ row: 2, id: "O1", title: "T", owner: "o@example.com", type: "committed" as const, team: "", parentId: "", pnlLink: "" }], keyResults: [coreKr(2, "O1.KR1", "stay_above", 90, 85, current, "2026-01-14")] });
    const plain = buildSummaryData({ tracker: tracker(87), checkins: log, history: [], asOf: AS_OF });
    expect(plain.thisWeek).toHaveLength(4);
    const d = buildSummaryData({ tracker: tracker(0.86), checkins: log, history: [], asOf: AS_OF });
    expect(d.thisWeek).toHaveLength(5);
    expect(d.thisWeek[4]).toContain("O1.KR1: Current 0.86 was typed over its last check-in (87, 2026-01-14)");
    expect(d.krs[0].value).toBe(87);
    expect(d.krs[0].status).toBe(plain.krs[0].status);
  });
});

// Check-ins as people type them, through the built add-on: units and percent signs, implausible values
// that ask first, and correcting the week's last check-in.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import { checkIn as submit } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

const ADMIN = "ops.lead@example.com";

function tracker(): Workbook {
  const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
  setToday(wb, "2026-01-20");
  return wb;
}

function snapshot(wb: Workbook): string {
  const tab = (n: string) => ss(wb).getSheetByName(n)!.getDataRange().getValues();
  return JSON.stringify({ log: tab("Check-ins"), krs: tab("Key Results") });
}

function current(wb: Workbook, id: string): unknown {
  return rowsOf(wb, "Key Results").find((r) => r["ID"] === id)!["Current"];
}

describe("values mean what the person meant", () => {
  it('"85%" on a % KR is stored as 85 and scores from it', () => {
    const wb = tracker();
    const r = submit(wb, "O1.KR1", "85%");
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(current(wb, "O1.KR1")).toBe(85);
    expect(r.kr.score).toBeCloseTo(3 / 13, 10);
  });

  it('"85%" on a days KR is refused naming the unit, and nothing is written', () => {
    const wb = tracker();
    const before = snapshot(wb);
    const r = submit(wb, "O1.KR2", "85%");
    expect(r.ok).toBe(false);
    expect(r.fieldErrors.value).toBe('This key result is measured in "days", not %: type the number without the % sign.');
    expect(snapshot(wb)).toBe(before);
  });

  it('"8.5 days" is accepted on a days KR; "8.5 days" on a % KR is told to leave out the unit', () => {
    const wb = tracker();
    expect(submit(wb, "O1.KR2", "8.5 days").ok).toBe(true);
    expect(current(wb, "O1.KR2")).toBe(8.5);
    const before = snapshot(wb);
    const r = submit(wb, "O1.KR1", "8.5 days");
    expect(r.ok).toBe(false);
    expect(r.fieldErrors.value).toMatch(/^Leave out the unit: type the number only \(this key result is measured in "%"\)/);
    expect(snapshot(wb)).toBe(before);
  });

  it('"4½" and "~5" are refused saying what to type (a plain number), not "leave out the unit", and nothing is written', () => {
    const wb = tracker();
    const before = snapshot(wb);
    const half = submit(wb, "O1.KR2", "4½");
    expect(half.ok).toBe(false);
    expect(half.fieldErrors.value).toBe('Type a plain number, with a decimal point: 4.5 for "4½".');
    const about = submit(wb, "O1.KR2", "~5 days");
    expect(about.fieldErrors.value).toBe('Type the number alone, without "~": 5.');
    ss(wb).setSpreadsheetLocale("de_DE");
    expect(submit(wb, "O1.KR2", "4½").fieldErrors.value).toBe('Type a plain number, with a decimal comma: 4,5 for "4½".');
    expect(snapshot(wb)).toBe(before);
  });

  it('"€41.50" on the EUR cost KR is 41.5: a currency\'s sign is its code\'s unit', () => {
    const wb = tracker();
    const r = submit(wb, "O3.KR1", "€41.50"); // decrease 42 → 36 EUR
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(current(wb, "O3.KR1")).toBe(41.5);
  });

  it("an implausible value asks first and writes nothing; confirmed, it is saved", () => {
    const wb = tracker();
    const before = snapshot(wb);
    const r = submit(wb, "O1.KR2", "-3");
    expect(r).toMatchObject({ ok: false, confirm: true, message: "\u22123 days is outside 9.5 days → 6 days; submit anyway?" });
    expect(snapshot(wb)).toBe(before);
    const again = submit(wb, "O1.KR2", "-3", { confirmed: true });
    expect(again.ok).toBe(true);
    expect(current(wb, "O1.KR2")).toBe(-3);
  });

  it('a % KR whose start and target were typed "82%" and "95%" (fractions in the cells): "85%" asks, naming 0.85 to type', () => {
    const wb = tracker();
    const krs = ss(wb).getSheetByName("Key Results")!;
    krs.getRange("G2").setValue("82%"); // O1.KR1, as a person types it: the cell holds 0.82 and shows 82%
    krs.getRange("H2").setValue("95%");
    const before = snapshot(wb);
    const r = submit(wb, "O1.KR1", "85%");
    expect(r).toMatchObject({
      ok: false,
      confirm: true,
      message: "85% is outside 0.82 → 0.95: its start and target are fractions (a cell that shows 82% holds 0.82), so type 0.85 for 85%; submit 85 anyway?",
    });
    expect(snapshot(wb)).toBe(before);
    const ok = submit(wb, "O1.KR1", "0.85");
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    expect(ok.kr.score).toBeCloseTo(0.03 / 0.13, 10);
  });

  it("ordinary values never ask", () => {
    const wb = tracker();
    for (const [kr, v] of [["O2.KR2", "99.95"], ["O1.KR3", "125"], ["O1.KR1", "80"], ["O3.KR2", "0.5"]]) {
      const r = submit(wb, kr, v);
      expect(r.ok, `${kr} ${v}: ${JSON.stringify(r)}`).toBe(true);
    }
  });
});

describe("correcting the last check-in", () => {
  it("appends a correction naming the replaced request; both rows stay; Current follows the correction", () => {
    const wb = tracker();
    const first = requestId();
    expect(callAddon(wb, "submitCheckin", { requestId: first, krId: "O1.KR1", value: "8.5", confidence: 6, confirmed: true }).ok).toBe(true);
    const view = callAddon(wb, "getSidebarData", {});
    const kr = view.krs.find((k: { id: string }) => k.id === "O1.KR1");
    expect(kr.correctable).toMatchObject({ requestId: first, value: 8.5, date: "2026-01-20" });
    setToday(wb, "2026-01-21");
    const r = submit(wb, "O1.KR1", "85", { correct: true, whatChanged: "typo" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const log = rowsOf(wb, "Check-ins");
    expect(log.map((x) => x["Value"])).toEqual([8.5, 85]);
    expect(log[1]["What changed"]).toBe(`Correction of check-in ${first} (2026-01-20, value 8.5%). typo`);
    expect(current(wb, "O1.KR1")).toBe(85);
    expect(r.kr.correctable.requestId).not.toBe(first);
  });

  // The log's Request ID was written raw, so Sheets read an ID the sidebar may send ("8–64 letters, digits or
  // dashes") as typed input: "00012345" became 12345 and "2026-01-20" a date, and the correction then named
  // an ID no log row holds (both rows counted in the reports). The KR's "Request IDs" cell was literal already.
  it.each(["00012345", "2026-01-20", "1234567E2"])("names a request ID that looks like a number or a date as sent (%s)", (id) => {
    const wb = tracker();
    expect(callAddon(wb, "submitCheckin", { requestId: id, krId: "O1.KR1", value: "8.5", confidence: 6, confirmed: true }).ok).toBe(true);
    expect(rowsOf(wb, "Check-ins")[0]["Request ID"]).toBe(id);
    const kr = callAddon(wb, "getSidebarData", {}).krs.find((k: { id: string }) => k.id === "O1.KR1");
    expect(kr.correctable).toMatchObject({ requestId: id });
    setToday(wb, "2026-01-21");
    expect(submit(wb, "O1.KR1", "85", { correct: true, whatChanged: "typo" }).ok).toBe(true);
    expect(rowsOf(wb, "Check-ins")[1]["What changed"]).toBe(`Correction of check-in ${id} (2026-01-20, value 8.5%). typo`);
  });

  it("names a tiny replaced value written out, not in exponent form", () => {
    // String(3e-7) is "3e-7": the note named the replaced value so until session 14.
    const wb = tracker();
    const first = requestId();
    expect(callAddon(wb, "submitCheckin", { requestId: first, krId: "O1.KR1", value: "0.0000003", confidence: 6, confirmed: true }).ok).toBe(true);
    setToday(wb, "2026-01-21");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "0.0000004", confidence: 6, confirmed: true, correct: true, whatChanged: "" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(rowsOf(wb, "Check-ins")[1]["What changed"]).toBe(`Correction of check-in ${first} (2026-01-20, value 0.0000003%).`);
  });

  it("with no check-in this week there is nothing to correct, and nothing is written", () => {
    const wb = tracker();
    expect(submit(wb, "O1.KR1", "85").ok).toBe(true);
    setToday(wb, "2026-01-27"); // the next week
    const before = snapshot(wb);
    const r = submit(wb, "O1.KR1", "86", { correct: true });
    expect(r).toMatchObject({ ok: false, message: "O1.KR1 has no check-in this week (week 4) to correct." });
    expect(snapshot(wb)).toBe(before);
    expect(callAddon(wb, "getSidebarData", {}).krs.find((k: { id: string }) => k.id === "O1.KR1").correctable).toBeNull();
  });
});

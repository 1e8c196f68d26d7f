// A check-in reads its KR's row, not the Key Results table (src/server/krRow.ts): the row the sidebar
// showed the KR on, else the first row holding its ID; and it recognises a resend from the KR's own
// "Request IDs" cell, however long the log has grown since. Through the built add-on (dist/Code.js).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";
import type { Workbook } from "../../src/local/runtime";

const QUALITY = "quality.lead@example.com"; // owns O2.KR1 (decrease 6.5 → 3) and O2.KR2
const ADMIN = "ops.lead@example.com";

function tracker(user = QUALITY): Workbook {
  const wb = newTracker({ user, at: "2026-01-05", start: "2026-01-05" });
  setToday(wb, "2026-01-20");
  return wb;
}

const krs = (wb: Workbook) => ss(wb).getSheetByName("Key Results")!;
const log = (wb: Workbook) => ss(wb).getSheetByName("Check-ins")!;

function header(wb: Workbook): string[] {
  return krs(wb).getRange(1, 1, 1, 26).getValues()[0].map((v) => String(v));
}

/** 1-based sheet row of the (first) KR with this ID. */
function rowOf(wb: Workbook, id: string): number {
  const ids = krs(wb).getRange("A:A").getValues().map((r) => String(r[0]));
  const i = ids.indexOf(id);
  if (i < 0) throw new Error(`no KR ${id}`);
  return i + 1;
}

function cell(wb: Workbook, row: number, h: string): unknown {
  return krs(wb).getRange(row, header(wb).indexOf(h) + 1).getValue();
}

/** Swaps the typed-in cells (ID … Last check-in) of two KR rows, as sorting the tab by hand would. */
function swapRows(wb: Workbook, a: number, b: number): void {
  const n = header(wb).indexOf("Last check-in") + 1;
  const ra = krs(wb).getRange(a, 1, 1, n);
  const rb = krs(wb).getRange(b, 1, 1, n);
  const va = ra.getValues();
  ra.setValues(rb.getValues());
  rb.setValues(va);
}

function sidebarRow(wb: Workbook, id: string): number {
  const d = callAddon(wb, "getSidebarData", {});
  expect(d.ok).toBe(true);
  const k = d.krs.find((x: { id: string }) => x.id === id);
  expect(typeof k.row).toBe("number");
  return k.row;
}

describe("the KR's row", () => {
  it("the sidebar gives each KR its sheet row, and a check-in sent with it updates that KR", () => {
    const wb = tracker();
    const row = sidebarRow(wb, "O2.KR1");
    expect(row).toBe(rowOf(wb, "O2.KR1"));
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row });
    expect(r).toMatchObject({ ok: true, duplicate: false, kr: { id: "O2.KR1", row, current: 5 } });
    expect(cell(wb, row, "Current")).toBe(5);
  });

  it("rows sorted between opening the sidebar and submitting: the check-in finds its KR by ID and leaves the row it was on alone", () => {
    const wb = tracker();
    const stale = sidebarRow(wb, "O2.KR1");
    const other = rowOf(wb, "O1.KR1");
    swapRows(wb, stale, other);
    expect(rowOf(wb, "O2.KR1")).toBe(other);
    const before = { current: cell(wb, stale, "Current"), ids: cell(wb, stale, "Request IDs") };
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row: stale });
    expect(r).toMatchObject({ ok: true, duplicate: false, kr: { id: "O2.KR1", row: other, current: 5 } });
    expect(cell(wb, other, "Current")).toBe(5);
    expect(cell(wb, stale, "ID")).toBe("O1.KR1");
    expect({ current: cell(wb, stale, "Current"), ids: cell(wb, stale, "Request IDs") }).toEqual(before);
  });

  it("rows inserted above the KR, a row past the end of the tab, or a blank row: found by ID all the same", () => {
    const wb = tracker();
    const stale = sidebarRow(wb, "O2.KR2");
    krs(wb).insertRowsBefore(2, 3);
    const now = rowOf(wb, "O2.KR2");
    expect(now).toBe(stale + 3);
    for (const row of [stale, krs(wb).getMaxRows() + 50, 2]) {
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR2", value: "93", confidence: 6, row });
      expect(r, `row ${row}`).toMatchObject({ ok: true, kr: { id: "O2.KR2", row: now, current: 93 } });
    }
    expect(cell(wb, now, "Current")).toBe(93);
  });

  it("the KR deleted between opening the sidebar and submitting: says so and to reopen the sidebar; nothing written", () => {
    const wb = tracker();
    const shown = sidebarRow(wb, "O2.KR1");
    krs(wb).deleteRow(shown);
    const [kr, logRows] = [JSON.stringify(rowsOf(wb, "Key Results")), log(wb).getLastRow()];
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row: shown });
    // Before session 17: 'There is no key result with ID "O2.KR1".', to someone who had just picked it from the list.
    expect(r).toMatchObject({
      ok: false,
      message: '"O2.KR1" is no longer in Key Results (deleted, or its ID changed, since the sidebar opened): reopen the sidebar. Nothing was saved.',
      fieldErrors: { krId: "Unknown key result." },
    });
    expect([JSON.stringify(rowsOf(wb, "Key Results")), log(wb).getLastRow()]).toEqual([kr, logRows]);
  });

  it("a row holding a KR the person does not own does not let them check in on it", () => {
    const wb = tracker();
    const theirs = rowOf(wb, "O1.KR1");
    const before = JSON.stringify(rowsOf(wb, "Key Results"));
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "90", confidence: 7, row: theirs });
    expect(r).toMatchObject({ ok: false, fieldErrors: { krId: "You do not own this key result." } });
    expect(JSON.stringify(rowsOf(wb, "Key Results"))).toBe(before);
  });

  it("duplicate IDs: without a row the first KR with the ID is checked in; with a row, the one on that row", () => {
    const wb = tracker(ADMIN);
    const first = rowOf(wb, "O2.KR1");
    const copy = krs(wb).getLastRow() + 1;
    const n = header(wb).indexOf("Last check-in") + 1;
    krs(wb).getRange(copy, 1, 1, n).setValues(krs(wb).getRange(first, 1, 1, n).getValues());
    const a = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7 });
    expect(a).toMatchObject({ ok: true, kr: { row: first, current: 5 } });
    const b = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "4", confidence: 7, row: copy });
    expect(b).toMatchObject({ ok: true, kr: { row: copy, current: 4 } });
    expect([cell(wb, first, "Current"), cell(wb, copy, "Current")]).toEqual([5, 4]);
  });

  it("an ID typed in another case ('o2.kr1') finds the KR, as the sheet's formulas match IDs; the reply and the log use the tracker's spelling", () => {
    const wb = tracker();
    const row = rowOf(wb, "O2.KR1");
    const a = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "o2.kr1", value: "5", confidence: 7, row });
    expect(a).toMatchObject({ ok: true, duplicate: false, kr: { id: "O2.KR1", row, current: 5 } });
    const b = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: " O2.kr1 ", value: "4.5", confidence: 7 });
    expect(b).toMatchObject({ ok: true, duplicate: false, kr: { id: "O2.KR1", row, current: 4.5 } });
    expect(rowsOf(wb, "Check-ins").map((r) => r["KR ID"])).toEqual(["O2.KR1", "O2.KR1"]);
    expect(cell(wb, row, "Current")).toBe(4.5);
  });

  it("a request's row must be a whole number from 2: anything else is refused and nothing is written", () => {
    const wb = tracker();
    for (const row of [0, 1, 2.5, -3, "7", null]) {
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row });
      expect(r.ok, JSON.stringify(row)).toBe(false);
    }
    expect(rowsOf(wb, "Check-ins")).toHaveLength(0);
  });
});

describe("a KR row inserted by hand between KRs (no formulas until Repair)", () => {
  function inserted(wb: Workbook): number {
    const after = rowOf(wb, "O1.KR3");
    krs(wb).insertRowsAfter(after, 1);
    const n = header(wb).indexOf("Weight") + 1;
    krs(wb).getRange(after + 1, 1, 1, n).setValues([["O1.KR4", "O1", "Ship the new router", QUALITY, "increase", "", 0, 10, 1]]);
    return after + 1;
  }
  const objScore = (wb: Workbook, id: string) => rowsOf(wb, "Objectives").find((o) => o["ID"] === id)!["Score"];

  it("its check-in writes the row's formulas: the sheet shows the score and status the reply gives, and the objective counts it", () => {
    const wb = tracker();
    const row = inserted(wb);
    expect(cell(wb, row, "Score")).toBe("");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR4", value: "10", confidence: 7, row });
    expect(r).toMatchObject({ ok: true, kr: { id: "O1.KR4", score: 1, status: "On track" } });
    expect([cell(wb, row, "Score"), cell(wb, row, "Status"), cell(wb, row, "Objective name")]).toEqual([1, "On track", "Deliver every order when we promised it"]);
    // O1: KR1 (weight 2) 0, KR2 0, KR3 (stay_below, start within the target) 1, the new KR 1.
    expect(objScore(wb, "O1")).toBeCloseTo(2 / 5, 12);
  });

  it("with headers retyped in another case ('score', 'TARGET'), the row's formulas are written all the same", () => {
    const wb = tracker();
    for (const h of ["Score", "Target"]) {
      const c = header(wb).indexOf(h) + 1;
      krs(wb).getRange(1, c).setValue(h === "Score" ? "score" : "TARGET");
    }
    const row = inserted(wb);
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR4", value: "10", confidence: 7, row });
    expect(r).toMatchObject({ ok: true, kr: { id: "O1.KR4", score: 1, status: "On track" } });
    expect([cell(wb, row, "score"), cell(wb, row, "Status")]).toEqual([1, "On track"]);
  });

  it("the weekly summary writes the row's formulas too, so the Objectives tab counts the KR as the summary does", () => {
    const wb = tracker();
    const row = inserted(wb);
    callAddon(wb, "generateWeeklySummary", {});
    expect([cell(wb, row, "Score"), cell(wb, row, "Status")]).toEqual([0, "Not started"]);
    // O1: KR1 (weight 2) 0, KR2 0, KR3 (stay_below, start within the target) 1, the new KR 0.
    expect(objScore(wb, "O1")).toBeCloseTo(1 / 5, 12);
  });

  it("KR rows pasted without formulas: the summary writes them in one write per run of rows, not one per row", () => {
    const writes = (pasted: number) => {
      const wb = tracker(ADMIN);
      const after = rowOf(wb, "O1.KR3");
      krs(wb).insertRowsAfter(after, pasted);
      const n = header(wb).indexOf("Weight") + 1;
      const rows = Array.from({ length: pasted }, (_, i) => [`O1.KR${4 + i}`, "O1", `Pasted KR ${i + 1}`, QUALITY, "increase", "", 0, 10, 1]);
      krs(wb).getRange(after + 1, 1, pasted, n).setValues(rows);
      wb.services.counters.reset();
      expect(callAddon(wb, "generateWeeklySummary", {}).ok).toBe(true);
      for (let r = after + 1; r <= after + pasted; r++) expect(cell(wb, r, "Status"), `row ${r}`).toBe("Not started");
      return wb.services.counters.byMethod["Range.setValues"];
    };
    expect(writes(12)).toBe(writes(1));
  });

  it("a check-in on a row that has its formulas writes none: one write more only on the row without them", () => {
    const wb = tracker();
    const row = rowOf(wb, "O2.KR1");
    wb.services.counters.reset();
    callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row });
    const calls = { ...wb.services.counters.byMethod };
    const wb2 = tracker();
    const row2 = inserted(wb2);
    wb2.services.counters.reset();
    callAddon(wb2, "submitCheckin", { requestId: requestId(), krId: "O1.KR4", value: "5", confidence: 7, row: row2 });
    // The ordinary check-in's two writes (Current…Last check-in; Request IDs and the forecast); the inserted
    // row's one more (its seven formula columns, side by side).
    expect([calls["Range.setValues"], wb2.services.counters.byMethod["Range.setValues"]]).toEqual([2, 3]);
  });
});

describe("trackers the computed Key Results header cannot describe", () => {
  it("without the computed cells (set up before them) or with a '|' in a header, the table is read whole and the right cells are written", () => {
    for (const damage of ["blank", "pipe"] as const) {
      const wb = tracker();
      if (damage === "blank") {
        const settings = ss(wb).getSheetByName("Settings")!;
        const labels = settings.getRange("A1:A40").getValues().map((r) => String(r[0]));
        for (const label of ["Key result header (computed)", "Key result header row (computed)"]) {
          const i = labels.indexOf(label);
          expect(i, label).toBeGreaterThan(0);
          settings.getRange(i + 1, 1, 1, 2).setValues([["", ""]]);
        }
      } else {
        // A column of the person's own after ours, named with a "|".
        krs(wb).getRange(1, header(wb).filter(Boolean).length + 1).setValue("Notes | links");
      }
      const row = rowOf(wb, "O2.KR1");
      wb.services.counters.reset();
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7, row });
      expect(r, damage).toMatchObject({ ok: true, kr: { current: 5, confidence: 7 } });
      expect(wb.services.counters.byMethod["Sheet.getDataRange"], damage).toBe(1);
      expect([cell(wb, row, "Current"), cell(wb, row, "Confidence")]).toEqual([5, 7]);
    }
  });
});

describe("resends", () => {
  it("are recognised from the KR's Request IDs after the log has grown past its last 200 rows, and write nothing", () => {
    const wb = tracker();
    const first = { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 7 };
    expect(callAddon(wb, "submitCheckin", first)).toMatchObject({ ok: true, duplicate: false });
    // 250 newer check-ins (on another KR) push it out of the log's tail.
    const l = log(wb);
    const rows: unknown[][] = [];
    for (let i = 0; i < 250; i++) rows.push([new Date(Date.UTC(2026, 0, 19, 9, i)), 3, "O2.KR2", 93, 6, `n${i}`, "", "", QUALITY, `later-${String(i).padStart(4, "0")}`]);
    l.getRange(l.getLastRow() + 1, 1, rows.length, 10).setValues(rows);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(251);
    const before = JSON.stringify(wb.services.toSnapshot());
    const again = callAddon(wb, "submitCheckin", { ...first, value: "4.5" });
    expect(again).toMatchObject({ ok: true, duplicate: true, kr: { id: "O2.KR1", current: 5 } });
    expect(JSON.stringify(wb.services.toSnapshot())).toBe(before);
  });

  it("the KR's Request IDs keep its last 10 check-ins' IDs, newest first, as text", () => {
    const wb = tracker();
    const row = rowOf(wb, "O2.KR1");
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = i === 0 ? "12345678" : requestId();
      sent.push(id);
      expect(callAddon(wb, "submitCheckin", { requestId: id, krId: "O2.KR1", value: String(5 - i * 0.1), confidence: 7, row }).ok).toBe(true);
    }
    expect(String(cell(wb, row, "Request IDs")).split(" ")).toEqual(sent.slice(2).reverse());
    // The oldest kept one is still recognised; the first (digits only: kept as text, not a number) too,
    // from the log's tail.
    expect(callAddon(wb, "submitCheckin", { requestId: sent[2], krId: "O2.KR1", value: "1", confidence: 7, row })).toMatchObject({ duplicate: true });
    expect(callAddon(wb, "submitCheckin", { requestId: sent[0], krId: "O2.KR1", value: "1", confidence: 7, row })).toMatchObject({ duplicate: true });
    const one = tracker();
    callAddon(one, "submitCheckin", { requestId: "12345678", krId: "O2.KR1", value: "5", confidence: 7 });
    expect(cell(one, rowOf(one, "O2.KR1"), "Request IDs")).toBe("12345678");
  });
});

describe("the sidebar's KR rows", () => {
  const listed = (wb: Workbook) => callAddon(wb, "getSidebarData", {}).krs.map((k: { id: string; row: number }) => `${k.id}@${k.row}`);
  /** "ID@row" of every KR, from the ID column below the header. */
  const ids = (wb: Workbook, headerRow = 1) =>
    krs(wb)
      .getRange("A:A")
      .getValues()
      .map((r, i) => (i >= headerRow && String(r[0]) ? `${r[0]}@${i + 1}` : ""))
      .filter(Boolean);

  it("are read below the header as many as the computed ID count says, without asking where the data ends", () => {
    const wb = tracker(ADMIN);
    const want = ids(wb);
    wb.services.counters.reset();
    const got = listed(wb);
    const calls = { ...wb.services.counters.byMethod };
    expect(got).toEqual(want);
    expect(calls["Sheet.getDataRange"]).toBeUndefined();
    expect(calls["Spreadsheet.getSheetByName"]).toBeUndefined();
  });

  it("a blank row between KRs, a KR far below the others, a title above the header: every KR is still listed (the table is read whole)", () => {
    const cases: [string, (wb: Workbook) => void][] = [
      ["blank row", (wb) => krs(wb).insertRowsBefore(rowOf(wb, "O2.KR1"), 1)],
      ["far below", (wb) => {
        const n = header(wb).indexOf("Last check-in") + 1;
        const src = krs(wb).getRange(rowOf(wb, "O1.KR1"), 1, 1, n).getValues();
        src[0][0] = "O1.KR9";
        krs(wb).getRange(60, 1, 1, n).setValues(src);
      }],
      ["title above", (wb) => {
        krs(wb).insertRowsBefore(1, 2);
        krs(wb).getRange("A1").setValue("Our OKRs");
      }],
    ];
    for (const [name, change] of cases) {
      const wb = tracker(ADMIN);
      change(wb);
      const want = ids(wb, name === "title above" ? 3 : 1);
      expect(want.length, name).toBe(name === "far below" ? 8 : 7);
      wb.services.counters.reset();
      const got = listed(wb);
      expect(wb.services.counters.byMethod["Sheet.getDataRange"], name).toBe(1);
      expect(got, name).toEqual(want);
    }
  });

  // Its first row only is read (session 17): a computed count typed over with 0 would otherwise hide every KR
  // past it (test/server/krCountTypedOver.test.ts).
  it("no KRs at all: an empty list, and of the Key Results tab only the row under the header read", () => {
    const wb = tracker(ADMIN);
    const n = krs(wb).getLastRow();
    krs(wb).getRange(2, 1, n - 1, 1).setValues(Array.from({ length: n - 1 }, () => [""]));
    wb.services.counters.reset();
    const d = callAddon(wb, "getSidebarData", {});
    expect(d).toMatchObject({ ok: true, krs: [] });
    expect(wb.services.counters.byMethod["Range.getValues"]).toBe(2);
  });
});

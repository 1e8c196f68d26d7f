// Two people submitting at once. The offline spreadsheet runs a second execution in the middle of the
// first (at a chosen service call), sharing the document lock as Apps Script executions do; the sidebar
// resends a busy submission with the same request ID. Nothing may be lost and nothing written twice.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, rowsOf, setToday } from "../support/tracker";
import type { Workbook } from "../../src/local/runtime";

const ADMIN = "ops.lead@example.com";

function tracker(): Workbook {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
  setToday(wb, "2026-01-20");
  return wb;
}

/** Runs `second` once, just before the first execution makes service call `at` (e.g. "Sheet.appendRow"). */
function during(wb: Workbook, at: string, second: () => void): void {
  let done = false;
  wb.services.counters.listener = (name) => {
    if (done || name !== at) return;
    done = true;
    second();
  };
}

function logRows(wb: Workbook) {
  return rowsOf(wb, "Check-ins");
}

// Points in a check-in: before the lock, while holding it (between the reads, between the two writes).
const MOMENTS = ["Lock.tryLock", "Spreadsheet.getRange", "Sheet.appendRow", "Range.setValues", "Lock.releaseLock"];

/** Runs `second` once, just after the first execution's service call `at` returns. */
function justAfter(wb: Workbook, at: string, second: () => void): void {
  let done = false;
  wb.services.counters.afterListener = (name) => {
    if (done || name !== at) return;
    done = true;
    second();
  };
}

describe("writes are buffered until flushed (Sheets shows another execution the old rows until then)", () => {
  it("a check-in arriving just after the first releases its lock reads the first's rows: the server flushed before releasing", () => {
    const wb = tracker();
    const a = { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6 };
    const b = { requestId: requestId(), krId: "O2.KR1", value: "4.5", confidence: 8 };
    let second: { ok: boolean; message?: string } | null = null;
    justAfter(wb, "Lock.releaseLock", () => {
      second = callAddon(wb, "submitCheckin", b);
    });
    expect(callAddon(wb, "submitCheckin", a).ok).toBe(true);
    wb.services.counters.afterListener = null;
    expect(second, "the second ran").not.toBeNull();
    const s = second as unknown as { ok: boolean; message?: string };
    expect(s.ok, s.message).toBe(true);
    expect(logRows(wb).map((r) => r["Request ID"])).toEqual([a.requestId, b.requestId]);
  });

  it("the offline spreadsheet refuses a read under the lock while another execution's writes are unflushed", () => {
    const wb = tracker();
    const sheet = wb.services.spreadsheet.getSheetByName("Settings")!;
    const LockService = wb.services.globals.LockService as GoogleAppsScript.Lock.LockService;
    const SpreadsheetApp = wb.services.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    let inner: unknown = null;
    wb.services.execution(() => {
      const lock = LockService.getDocumentLock();
      lock.tryLock(1000);
      sheet.getRange("D1").setValue("x");
      lock.releaseLock(); // no flush
      inner = wb.services.execution(() => {
        const l2 = LockService.getDocumentLock();
        l2.tryLock(1000);
        try {
          return sheet.getRange("D1").getValue();
        } catch (e) {
          return (e as Error).message;
        }
      });
      SpreadsheetApp.flush();
    });
    expect(String(inner)).toMatch(/not flushed/);
  });
});

describe("two check-ins interleaved", () => {
  for (const at of MOMENTS) {
    it(`the second arriving at ${at}: one waits (busy) and its resend lands; both rows once, the KR shows the latest`, () => {
      const wb = tracker();
      const a = { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6, whatChanged: "first" };
      const b = { requestId: requestId(), krId: "O2.KR1", value: "4.5", confidence: 8, whatChanged: "second" };
      let second: { ok: boolean; busy?: boolean } | null = null;
      during(wb, at, () => {
        second = callAddon(wb, "submitCheckin", b);
      });
      const first = callAddon(wb, "submitCheckin", a);
      wb.services.counters.listener = null;
      expect(first.ok).toBe(true);
      expect(second).not.toBeNull();
      const s = second as unknown as { ok: boolean; busy?: boolean };
      if (at === "Lock.tryLock") {
        // Arrived before the first took the lock: it went through, and the first came after it.
        expect(s.ok).toBe(true);
      } else {
        expect(s).toMatchObject({ ok: false, busy: true });
        // The sidebar keeps the request ID and sends again.
        expect(callAddon(wb, "submitCheckin", b).ok).toBe(true);
      }
      // Either order, each once; a resend of either changes nothing.
      for (const req of [a, b]) expect(callAddon(wb, "submitCheckin", req)).toMatchObject({ ok: true, duplicate: true });
      const log = logRows(wb);
      expect(log.map((r) => r["Request ID"]).sort()).toEqual([a.requestId, b.requestId].sort());
      const lastWritten = log[log.length - 1];
      const kr = rowsOf(wb, "Key Results").find((r) => r["ID"] === "O2.KR1")!;
      expect(kr["Current"]).toBe(lastWritten["Value"]);
      expect(kr["Confidence"]).toBe(lastWritten["Confidence"]);
    });
  }

  it("a summary and a check-in interleaved: the check-in waits, nothing half-written", () => {
    const wb = tracker();
    const req = { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6 };
    let inner: { ok: boolean; busy?: boolean } | null = null;
    // Between the report's first write and History's (a first summary makes the tab: there is no clear).
    during(wb, "Range.setValues", () => {
      inner = callAddon(wb, "submitCheckin", req);
    });
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" }).ok).toBe(true);
    wb.services.counters.listener = null;
    expect(inner).toMatchObject({ ok: false, busy: true });
    expect(logRows(wb)).toHaveLength(0);
    expect(callAddon(wb, "submitCheckin", req).ok).toBe(true);
    expect(logRows(wb)).toHaveLength(1);
  });

  it("a setup or repair run in the middle of a check-in is refused as busy, and changes nothing", () => {
    const wb = tracker();
    let inner: { ok: boolean; message?: string } | null = null;
    during(wb, "Sheet.appendRow", () => {
      inner = callAddon(wb, "repairTracker");
    });
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6 }).ok).toBe(true);
    wb.services.counters.listener = null;
    expect(inner).toMatchObject({ ok: false });
    expect((inner as unknown as { message: string }).message).toMatch(/busy.*Nothing was changed/);
    expect(logRows(wb)).toHaveLength(1);
  });

  it("a lock that stays busy (timeout): nothing written, and the next try after it frees lands once", () => {
    const wb = tracker();
    const req = { requestId: requestId(), krId: "O2.KR1", value: "5", confidence: 6 };
    wb.services.lock.holdByOther();
    for (let i = 0; i < 3; i++) expect(callAddon(wb, "submitCheckin", req)).toMatchObject({ ok: false, busy: true });
    expect(logRows(wb)).toHaveLength(0);
    wb.services.lock.releaseByOther();
    expect(callAddon(wb, "submitCheckin", req)).toMatchObject({ ok: true, duplicate: false });
    expect(callAddon(wb, "submitCheckin", req)).toMatchObject({ ok: true, duplicate: true });
    expect(logRows(wb)).toHaveLength(1);
  });
});

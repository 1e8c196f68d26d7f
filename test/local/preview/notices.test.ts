// The preview's stale-summary notice (src/local/previewNotices.ts): the page asks for it on every refresh,
// so it counts the check-ins a summary has not seen from the log's last rows, not the whole log.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { CHECKIN_HEADERS } from "../../../src/core/tabs";
import { staleNotice } from "../../../src/local/previewNotices";
import type { Workbook } from "../../../src/local/runtime";
import { callAddon, newTracker, requestId, setToday, ss } from "../../support/tracker";

const OWNER = "planning.lead@example.com"; // owns O1.KR2 in the operations template

/**
 * Appends `n` check-ins of O1.KR2 to the log as a check-in writes them, timed on `day` (from 09:00, a
 * minute apart) or, without one, spread over 2026-01-06 to 2026-01-19.
 */
function logRows(wb: Workbook, n: number, day?: string): void {
  if (n === 0) return;
  const log = ss(wb).getSheetByName("Check-ins")!;
  const at = log.getLastRow() + 1;
  const rows = Array.from({ length: n }, (_, i) => {
    const [y, m, d] = (day ?? "2026-01-06").split("-").map(Number);
    const when = new Date(Date.UTC(y, m - 1, d + (day ? 0 : i % 14), 9, 0) + (day ? i * 60_000 : 0));
    const cells: Record<string, unknown> = { Timestamp: when, Week: 2, "KR ID": "O1.KR2", Value: 8 + (i % 10) / 10, Confidence: 6, "Request ID": `logged-${at + i}`, Author: OWNER };
    return CHECKIN_HEADERS.map((h) => cells[h] ?? "");
  });
  if (log.getMaxRows() < at + n - 1) log.insertRowsAfter(log.getMaxRows(), at + n - 1 - log.getMaxRows());
  log.getRange(at, 1, n, CHECKIN_HEADERS.length).setValues(rows);
}

/** A tracker with `older` check-ins, a summary generated on 2026-01-20, then `since` check-ins the next day. */
function tracker(older: number, since: number): Workbook {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
  logRows(wb, older);
  setToday(wb, "2026-01-20");
  const s = callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
  if (!s.ok) throw new Error(s.message);
  setToday(wb, "2026-01-21");
  wb.services.session.setUser(OWNER);
  for (let i = 0; i < since; i++) {
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR2", value: String(8 + (i % 10) / 10), confidence: 6 });
    if (!r.ok) throw new Error(r.message);
  }
  return wb;
}

/** The notice's text and the cells it read. */
function notice(wb: Workbook): { text: string | null; cellsRead: number } {
  wb.services.counters.reset();
  const n = staleNotice(wb);
  return { text: n ? n.text : null, cellsRead: wb.services.counters.cellsRead };
}

describe("the stale-summary notice", () => {
  it("counts the check-ins after the summary, reading as many cells whatever the log's length", () => {
    const short = notice(tracker(0, 3));
    const long = notice(tracker(1500, 3));
    for (const n of [short, long]) {
      expect(n.text).toMatch(/^The Weekly Summary is out of date \(generated 2026-01-20 12:00; 3 check-ins since\): /);
    }
    const longer = notice(tracker(3000, 3));
    expect(longer.text).toBe(long.text);
    expect(longer.cellsRead).toBe(long.cellsRead);
    expect(long.cellsRead).toBeLessThan(1500);
  });

  it("counts every check-in since, past a block of the log; an older row among them does not end the count", () => {
    expect(notice(tracker(300, 0)).text).toBeNull();
    const wb = tracker(300, 0);
    logRows(wb, 250, "2026-01-21");
    expect(notice(wb).text).toMatch(/; 250 check-ins since\)/);
    logRows(wb, 1, "2026-01-12"); // dated back (the command line's --at)
    logRows(wb, 3, "2026-01-22");
    expect(notice(wb).text).toMatch(/; 253 check-ins since\)/);
  });
});

// The Weekly Summary's trend (on the Weekly Trend tab) outside Google Sheets: saved as .xlsx with every
// cached value blanked and recalculated by LibreOffice, the SPARKLINE cell (with its {"empty","ignore"}
// options) is empty (IFERROR) and "Last weeks" shows the text trend.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { saveXlsx } from "../../src/local/xlsx";
import { libreOfficeAvailable, recalcWithLibreOffice } from "../support/libreoffice";
import { callAddon, newTracker, requestId, setToday } from "../support/tracker";

const available = libreOfficeAvailable();
if (!available) console.warn("SKIPPED: summary in LibreOffice — soffice not found (apt-get install -y libreoffice-calc-nogui)");

(!available ? describe.skip : describe)("the Weekly Summary's trend in LibreOffice", () => {
  it("shows the weeks as text beside the (empty) SPARKLINE cell", async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    wb.services.session.setUser("dispatch.lead@example.com");
    for (const [day, value] of [["2026-01-06", "84"], ["2026-01-13", "86"], ["2026-01-20", "89"]]) {
      setToday(wb, day);
      expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value, confidence: 7 }).ok).toBe(true);
    }
    setToday(wb, "2026-01-25");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-25" }).ok).toBe(true);

    const snap = wb.services.toSnapshot();
    for (const sheet of snap.sheets) for (const row of sheet.rows) for (const c of row || []) if (c && c.f) delete c.v;
    const file = join(mkdtempSync(join(tmpdir(), "okr-lo-summary-")), "summary.xlsx");
    await saveXlsx(file, snap);
    const sparkline = snap.sheets.find((s) => s.name === "Weekly Trend")!.rows[2]![15]!.f;
    expect(sparkline, "the formula LibreOffice gets").toBe('=IFERROR(SPARKLINE(C3:O3,{"empty","ignore"}),"")');
    const grid = (await recalcWithLibreOffice(file))["Weekly Trend"];

    const h = grid.findIndex((r) => r && String(r[0] ?? "").startsWith("Trend"));
    expect(h, "the tab opens with the trend").toBe(0);
    const header = grid[h + 1].map((v) => String(v ?? ""));
    const weeks = Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`);
    expect(header.slice(0, 17)).toEqual(["ID", "Key result", ...weeks, "Trend", "Last weeks"]);
    const row = grid.slice(h + 2).find((r) => r && r[0] === "O1.KR1")!;
    expect(row.slice(2, 5)).toEqual([84, 86, 89]);
    expect(row.slice(5, 15).map((v) => v ?? ""), "the weeks to come are blank").toEqual(new Array(10).fill(""));
    expect(row[15] ?? "", "SPARKLINE is unknown outside Google: IFERROR leaves it empty").toBe("");
    expect(row[16]).toBe("▁▄█ 84% → 86% → 89%");
  });
});

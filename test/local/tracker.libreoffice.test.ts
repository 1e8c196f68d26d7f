// The tracker the add-on actually builds (setup's formulas, named ranges, helper columns), saved as .xlsx
// with every cached value blanked, recalculated by LibreOffice: Score, Expected and Status must come out
// as the offline spreadsheet (HyperFormula) computes them. TODAY() in LibreOffice is the real date, so the
// offline clock is set to the real date too.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { saveXlsx } from "../../src/local/xlsx";
import { libreOfficeAvailable, recalcWithLibreOffice } from "../support/libreoffice";
import { callAddon, newTracker, requestId, rowsOf, setToday, ss } from "../support/tracker";

const available = libreOfficeAvailable();
if (!available) console.warn("SKIPPED: tracker in LibreOffice — soffice not found (apt-get install -y libreoffice-calc-nogui)");

function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(iso + "T00:00:00Z") + n * 86400000).toISOString().slice(0, 10);
}

(!available ? describe.skip : describe)("the built tracker in LibreOffice", () => {
  it("computes every Score, Expected and Status as the offline spreadsheet does", async () => {
    const today = isoToday();
    const start = addDays(today, -30);
    const wb = newTracker({ template: "operations", start, at: start });
    // Edge rows: start = target (setup error), weight 0, current beyond target, negative values.
    const krs = ss(wb).getSheetByName("Key Results")!;
    krs.getRange(9, 1, 4, 9).setValues([
      ["O2.KR3", "O2", "Equal start and target", "quality.lead@example.com", "increase", "%", 5, 5, 1],
      ["O2.KR4", "O2", "Weight zero", "quality.lead@example.com", "decrease", "days", 10, 4, 0],
      ["O3.KR3", "O3", "Negative range", "ops.lead@example.com", "increase", "EUR", -20, -5, 1],
      ["O3.KR4", "O3", "Beyond target", "ops.lead@example.com", "increase", "pcs", 0, 10, 1],
    ]);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    // Counts from (docs/scoring.md#a-kr-added-mid-cycle): KRs added on days 5 and 20, one dated after the
    // cycle's end (a setup error), one with text (a setup error).
    const header = krs.getRange(1, 1, 1, krs.getLastColumn()).getValues()[0].map(String);
    const from = header.indexOf("Counts from") + 1;
    expect(from).toBeGreaterThan(0);
    krs.getRange(12, from).setValue(addDays(start, 5)); // O3.KR4
    krs.getRange(3, from).setValue(addDays(start, 20)); // O1.KR2
    krs.getRange(5, from).setValue(addDays(start, 200)); // O2.KR1
    krs.getRange(7, from).setValue("later"); // O3.KR1
    setToday(wb, addDays(start, 10));
    for (const [kr, owner, value] of [
      ["O1.KR1", "dispatch.lead@example.com", "86"],
      ["O1.KR2", "planning.lead@example.com", "8.2"],
      ["O2.KR2", "quality.lead@example.com", "91.5"],
      ["O3.KR3", "ops.lead@example.com", "-12"],
      ["O3.KR4", "ops.lead@example.com", "14"],
    ]) {
      wb.services.session.setUser(owner);
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr, value, confidence: 6 });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    setToday(wb, today);
    const localKrs = rowsOf(wb, "Key Results");
    const localObjs = rowsOf(wb, "Objectives");

    // Blank every formula's cached value: only a real recalculation can fill them in.
    const snap = wb.services.toSnapshot();
    for (const sheet of snap.sheets) for (const row of sheet.rows) for (const c of row || []) if (c && c.f) delete c.v;
    const file = join(mkdtempSync(join(tmpdir(), "okr-lo-")), "tracker.xlsx");
    await saveXlsx(file, snap);
    const lo = await recalcWithLibreOffice(file);

    const check = (tab: string, local: Record<string, unknown>[], cols: string[]) => {
      const grid = lo[tab];
      const header = grid[0].map(String);
      for (const row of local) {
        const loRow = grid.find((r) => r[0] === row["ID"]);
        expect(loRow, `${tab} ${row["ID"]}`).toBeDefined();
        for (const c of cols) {
          const want = row[c];
          const got = loRow![header.indexOf(c)];
          if (typeof want === "number") expect(got, `${tab} ${row["ID"]} ${c}`).toBeCloseTo(want, 12);
          else expect(got ?? "", `${tab} ${row["ID"]} ${c}`).toBe(want);
        }
      }
    };
    check("Key Results", localKrs, ["Score", "Expected", "Status", "Weighted score", "Counted weight", "Weighted pace offset"]);
    check("Objectives", localObjs, ["Score", "Expected", "Status"]);
    // The edge rows really are edges: a setup error and a clamp.
    expect(localKrs.find((r) => r["ID"] === "O2.KR3")!["Status"]).toBe("Setup error");
    expect(localKrs.find((r) => r["ID"] === "O3.KR4")!["Score"]).toBe(1);
    expect(localKrs.find((r) => r["ID"] === "O1.KR2")!["Expected"]).toBe(10 / 71);
    expect(["O2.KR1", "O3.KR1"].map((id) => localKrs.find((r) => r["ID"] === id)!["Status"])).toEqual(["Setup error", "Setup error"]);
  });
});

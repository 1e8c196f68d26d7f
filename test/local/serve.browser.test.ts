// The local preview as `okr-sheets serve` runs it: the built dist/Sidebar.html in headless Chromium,
// its google.script.run calls going to the built dist/Code.js on the offline spreadsheet, each submit
// saved to a real .xlsx file. Needs Debian's chromium-headless-shell or chromium (test/support/browser.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { CHROMIUM, haveChromium } from "../support/browser";
import { usePreview } from "../support/previewPage";
import { openWorkbook, callAddon } from "../../src/local/runtime";
import { loadXlsx, saveXlsx } from "../../src/local/xlsx";
import { newTracker, ss } from "../support/tracker";

if (!haveChromium) console.warn(`Skipping the preview browser test: no Chromium at ${CHROMIUM}.`);

const OWNER = "planning.lead@example.com";
const HTML_TITLE = '<img src=x onerror="window.__xss=1">Backlog';

(!haveChromium ? describe.skip : describe)("okr-sheets serve: the real sidebar on the real add-on", () => {
  const preview = usePreview();
  let file: string;

  beforeAll(async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    // A KR title holding HTML: the sidebar must show it as text.
    const krs = ss(wb).getSheetByName("Key Results")!;
    const row = krs.getDataRange().getValues().findIndex((r) => r[0] === "O1.KR3") + 1;
    krs.getRange(row, 3).setValue("'" + HTML_TITLE);
    file = join(mkdtempSync(join(tmpdir(), "okr-serve-")), "tracker.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
  });

  it("checks in, refuses a bad value, keeps HTML literal, and saves each submit to the file", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20", user: OWNER });
    await preview.withPage(wb, async ({ page, sidebar: sb, errors }) => {
      // The planning lead owns O1.KR2 and O1.KR3 in the operations template.
      await poll(() => sb.locator("#krs li").count()).toBe(2);
      await poll(() => sb.locator("#krs").textContent()).toContain(HTML_TITLE);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await sb.locator("#krs img").count()).toBe(0);

      // A bad value: an error next to New value, nothing written.
      await sb.getByLabel("Key result").selectOption("O1.KR2");
      await sb.getByLabel("New value").fill("twelve");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#value-error").textContent()).toMatch(/number/i);
      const logRows = (await loadXlsx(file)).sheets.find((s) => s.name === "Check-ins")!.rows;
      expect(logRows.filter((r) => r && r.some((c) => c && c.v !== undefined && c.v !== "")).length).toBe(1);

      // A good one: saved to the log and the KR row, in the file at once.
      await sb.getByLabel("New value").fill("8.4");
      await sb.getByLabel("What changed").fill("=1+1 second paint shift");
      await sb.getByLabel("Blockers").fill("none");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: score 0\.31 — /);

      const saved = await openWorkbook(file, { at: "2026-01-20", user: OWNER });
      const log = ss(saved).getSheetByName("Check-ins")!.getDataRange().getValues();
      expect(log).toHaveLength(2);
      expect(log[1].slice(2, 9)).toEqual(["O1.KR2", 8.4, 6, "=1+1 second paint shift", "none", "", OWNER]);
      const kr = ss(saved).getSheetByName("Key Results")!.getDataRange().getValues().find((r) => r[0] === "O1.KR2")!;
      expect(kr[9]).toBe(8.4);
      expect(kr[10]).toBe(6);
      // Score = (9.5 − 8.4) / (9.5 − 6), as the sheet formula computes it.
      expect(kr[12]).toBeCloseTo((9.5 - 8.4) / (9.5 - 6), 12);
      const view = callAddon(saved, "getSidebarData", {});
      expect(view.krs.find((k: { id: string }) => k.id === "O1.KR2").recent[0].whatChanged).toBe("=1+1 second paint shift");

      // The page around the sidebar shows the new log row.
      await page.getByRole("tab", { name: "Check-ins" }).click();
      await poll(() => page.locator("#grid").textContent()).toContain("=1+1 second paint shift");
      expect(errors).toEqual([]);
    });
  });
});

// The add-on menu in the preview (headless Chromium on the preview server and the built add-on): its
// items run the add-on's own menu entry points, questions come up as dialogs, messages as a banner; the
// page says which day it takes as today and marks a Weekly Summary that check-ins have overtaken.
// Needs Debian's chromium-headless-shell or chromium (test/support/browser.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { poll } from "../../support/poll";
import { CHROMIUM, haveChromium } from "../../support/browser";
import { usePreview } from "../../support/previewPage";
import { openWorkbook } from "../../../src/local/runtime";
import { loadXlsx, saveXlsx } from "../../../src/local/xlsx";
import { newTracker } from "../../support/tracker";

if (!haveChromium) console.warn(`Skipping the preview menu browser test: no Chromium at ${CHROMIUM}.`);

const OWNER = "planning.lead@example.com"; // owns O1.KR2 and O1.KR3 in the operations template

(!haveChromium ? describe.skip : describe)("the preview's add-on menu, today and a stale summary", () => {
  const preview = usePreview();
  let file: string;

  beforeAll(async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    file = join(mkdtempSync(join(tmpdir(), "okr-preview-menu-")), "tracker.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
  });

  it("runs the menu's items, asks their questions, and marks the summary stale after a check-in", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20", user: OWNER });
    const tabsOnDisk = async () => (await loadXlsx(file)).sheets.map((s) => s.name);
    await preview.withPage(wb, async ({ page, sidebar: sb, errors }) => {
      const choose = async (caption: string) => {
        await page.locator("#menu summary").click();
        await page.getByRole("menuitem", { name: caption }).click();
      };
      const result = () => page.locator("#menu-result").textContent();
      await poll(() => page.locator('#notices [data-kind="today"]').textContent()).toMatch(
        /^Today is taken as Tuesday 2026-01-20, not the real date \(\d{4}-\d{2}-\d{2}\)/,
      );
      await page.locator("#menu summary").click();
      expect(await page.getByRole("menuitem").allTextContents()).toEqual([
        "Set up tracker",
        "Generate weekly summary",
        "Mid-cycle review",
        "End cycle & retrospective",
        "Roll over to the next cycle",
        "Import OKRs from a tab",
        "Repair tracker",
        "Settings / help",
      ]);
      await page.locator("#menu summary").click();

      // Generate weekly summary: the add-on's toast, the Weekly Summary tab shown, its time in the subtitle.
      await choose("Generate weekly summary");
      await poll(result).toContain("Week 3 of 13: the Weekly Summary tab is up to date.");
      expect(await page.locator("#tabs a.active").textContent()).toBe("Weekly Summary");
      await poll(() => page.locator("#grid").textContent()).toMatch(/as of 2026-01-20 · \d+% of the cycle elapsed · generated 2026-01-20 \d\d:\d\d/);
      expect(await page.locator('#notices [data-kind="stale"]').count()).toBe(0);

      // A check-in after it: the page says the summary is out of date, naming when it was generated.
      await poll(() => sb.locator("#krs li").count()).toBe(2);
      await sb.getByLabel("Key result").selectOption("O1.KR2");
      await sb.getByLabel("New value").fill("8.4");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
      await poll(() => page.locator('#notices [data-kind="stale"]').textContent()).toMatch(
        /^The Weekly Summary is out of date \(generated 2026-01-20 \d\d:\d\d; 1 check-in since\)/,
      );
      // Regenerating clears it.
      await choose("Generate weekly summary");
      await poll(result).toContain("Week 3 of 13");
      expect(await page.locator('#notices [data-kind="stale"]').count()).toBe(0);

      // Mid-cycle review writes its tab (saved to the file) and shows it.
      await choose("Mid-cycle review");
      await poll(result).toContain('The "Mid-cycle Review" tab freezes today\'s scores for 10 objectives and key results.');
      expect(await page.locator("#tabs a.active").textContent()).toBe("Mid-cycle Review");
      expect(await tabsOnDisk()).toContain("Mid-cycle Review");

      // End cycle asks first; Cancel changes nothing.
      await choose("End cycle & retrospective");
      const dialog = page.getByRole("dialog");
      await poll(() => dialog.textContent()).toContain("Create the Retrospective tab with final scores and grades?");
      expect(await dialog.getByRole("button").allTextContents()).toEqual(["OK", "Cancel"]);
      // The answer goes to the server, whose reply reloads the page: wait for that load (waitForLoadState
      // alone returned before the reload began, and the next menu click then raced it).
      const reloaded = page.waitForEvent("load");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await reloaded;
      expect(await tabsOnDisk()).not.toContain("Retrospective");

      // A prompt: the typed tab name reaches the add-on, whose refusal is shown.
      await choose("Import OKRs from a tab");
      await poll(() => dialog.textContent()).toContain("Name of the tab holding the OKRs");
      await dialog.getByRole("textbox").fill("No such tab");
      await dialog.getByRole("button", { name: "OK" }).click();
      await poll(result).toMatch(/Import OKRs.*No such tab/s);

      // Roll over before closing: the add-on's own refusal, before it asks for a date.
      await choose("Roll over to the next cycle");
      await poll(result).toContain("Close the cycle first");

      await choose("Repair tracker");
      await poll(result).toContain("the rows of objectives, key results and check-ins were kept as they were");
      expect(errors).toEqual([]);
    });
  }, 90000);
});

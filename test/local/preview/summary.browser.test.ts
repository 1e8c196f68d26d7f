// The leaders' view as the preview shows it (the demo tracker, headless Chromium): the "This week" lines
// and the attention list on the first screen, above the long tables, with confidence; on the Weekly Trend
// tab, the trend readable as text where SPARKLINE draws nothing. Needs Chromium (test/support/browser.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { expect } from "../../support/expect";
import { CHROMIUM, haveChromium } from "../../support/browser";
import { usePreview } from "../../support/previewPage";
import { openWorkbook } from "../../../src/local/runtime";
import { buildDemo } from "../../../src/local/demo";

if (!haveChromium) console.warn(`Skipping the preview summary browser test: no Chromium at ${CHROMIUM}.`);

(!haveChromium ? describe.skip : describe)("the Weekly Summary in the preview", () => {
  const preview = usePreview();
  let file: string;
  let asOf: string;
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), "okr-preview-summary-")), "demo.xlsx");
    asOf = (await buildDemo(file)).asOf;
  }, 60000);

  it("opens on This week and the attention list, with confidence, and shows the trend as text", async () => {
    const wb = await openWorkbook(file, { at: asOf });
    const gridRows = (page: Page) =>
      page.$$eval("#grid table tbody tr, #grid table thead tr:not(.letters)", (trs) => {
        const box = document.getElementById("grid")!.getBoundingClientRect();
        return trs.map((tr) => ({
          cells: Array.from(tr.querySelectorAll("td")).map((td) => ({ text: td.textContent || "", flow: td.className })),
          onFirstScreen: tr.getBoundingClientRect().bottom <= box.bottom,
        }));
      });
    await preview.withPage(wb, { tab: "Weekly Summary" }, async ({ page }) => {
      const rows = await gridRows(page);
      const at = (start: string) => rows.findIndex((r) => r.cells[0] && r.cells[0].text.startsWith(start));
      const thisWeek = at("This week");
      const attention = at("Needs attention");
      expect(thisWeek).toBeGreaterThanOrEqual(0);
      expect(attention).toBeGreaterThan(thisWeek);
      expect(at("Objectives")).toBeGreaterThan(attention);
      expect(at("Trend"), "the trend has a tab of its own").toBe(-1);
      // The three lines of This week and the whole attention list, confidence included, need no scrolling.
      const header = rows[attention + 1].cells.map((c) => c.text);
      expect(header).toContain("Confidence");
      const firstKr = attention + 2;
      expect(rows[firstKr].cells[0].text).toMatch(/^O\d\.KR\d$/);
      for (let i = thisWeek; i <= firstKr; i++) expect(rows[i].onFirstScreen, `row ${i + 1}`).toBe(true);
      expect(rows[firstKr].cells[header.indexOf("Confidence")].text).toMatch(/^\d+$/);
    });
    await preview.withPage(wb, { tab: "Weekly Trend" }, async ({ page }) => {
      const rows = await gridRows(page);
      const at = (start: string) => rows.findIndex((r) => r.cells[0] && r.cells[0].text.startsWith(start));
      // SPARKLINE draws nothing outside Google; "Last weeks" reads the same weeks, shown whole.
      const trend = at("Trend");
      expect(trend, "the Weekly Trend tab opens with the trend").toBe(0);
      const cols = rows[trend + 1].cells.map((c) => c.text);
      expect(rows[trend + 2].cells[cols.indexOf("Trend")].text, "the SPARKLINE cell").toBe("");
      const last = rows[trend + 2].cells[cols.indexOf("Last weeks")];
      expect(last.text).toMatch(/^[▁▂▃▄▅▆▇█]+ [\d.]+%( → [\d.]+%)+$/); // the KR's values in its unit (a % KR)
      expect(last.flow).not.toBe("clip");
    });
  }, 60000);

  it("draws the Weekly Summary's two charts from the Chart data on the Weekly Trend tab", async () => {
    const wb = await openWorkbook(file, { at: asOf });
    await preview.withPage(wb, { tab: "Weekly Summary" }, async ({ page }) => {
      expect(await page.locator("#charts").count(), "the charts are drawn").toBe(1);
      expect(await page.locator("#charts").getAttribute("data-tab")).toBe("Weekly Summary");
      const titles = await page.$$eval("#charts svg > text:first-of-type", (ts) => ts.map((t) => t.textContent));
      expect(titles).toEqual(["Objective score by week against expected", "Key results by status, by week"]);
      // The demo's summarised weeks draw: a line per objective and expected line, and status columns.
      expect(await page.locator("#charts svg").first().locator("polyline").count()).toBeGreaterThan(0);
      expect(await page.locator("#charts svg").nth(1).locator("rect").count()).toBeGreaterThan(0);
    });
  }, 60000);
});

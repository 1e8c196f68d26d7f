// The preview lays each column out at the width the sheet sets (Apps Script's setColumnWidth), and no
// word is split across lines: headers like "Week" or "Confidence" stay whole. Needs Chromium (test/support/browser.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { CHROMIUM, haveChromium } from "../../support/browser";
import { usePreview } from "../../support/previewPage";
import { callAddon, openWorkbook } from "../../../src/local/runtime";
import { saveXlsx } from "../../../src/local/xlsx";
import { newTracker, ss } from "../../support/tracker";

if (!haveChromium) console.warn(`Skipping the preview widths browser test: no Chromium at ${CHROMIUM}.`);

(!haveChromium ? describe.skip : describe)("the preview's column widths", () => {
  const preview = usePreview();
  let file: string;
  beforeAll(async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-20", user: "planning.lead@example.com" });
    const r = callAddon(wb, "submitCheckin", { requestId: "widths-1", krId: "O1.KR2", value: "8.4", confidence: 6, whatChanged: "Second paint shift trial started", blockers: "", nextStep: "" });
    if (!r.ok) throw new Error(r.message);
    callAddon(wb, "generateWeeklySummary", { at: "2026-01-20" });
    file = join(mkdtempSync(join(tmpdir(), "okr-widths-")), "t.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
  });

  it("each tab's columns are the sheet's widths, and every header word is on one line", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20" });
    await preview.withPage(wb, { tab: "Check-ins" }, async ({ url, page }) => {
      expect(await page.$$eval("#grid thead tr.frozen td", (tds) => tds.map((td) => td.className))).toContain("wrap");
      // The widths the file's sheets set, read once (opening the file built its formula engine, ~0.5 s, per tab).
      const saved = ss(await openWorkbook(file, {}));
      for (const tab of ["Check-ins", "Key Results", "Objectives", "Weekly Summary"]) {
        await page.goto(`${url}?tab=${encodeURIComponent(tab)}`);
        // What follows measures the grid the page's script draws from /api/tabs (the server's HTML is
        // replaced by it), laid out by the same code as the server's (preview/grid.ts).
        await page.evaluate(() => (window as unknown as { okrPreviewRefresh(): Promise<void> }).okrPreviewRefresh());
        const sheet = saved.getSheetByName(tab)!;
        const widths = Array.from({ length: sheet.getLastColumn() }, (_, c) => sheet.getColumnWidth(c + 1));
        const laid = await page.$$eval("#grid table tr.letters th[scope=col]", (ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
        expect(laid, tab).toEqual(widths);
        // Words split across lines give a word more than one line box.
        const split = await page.$$eval("#grid table tr:not(.letters) td", (tds) => {
          const out: string[] = [];
          for (const td of tds.slice(0, 2000)) {
            const node = td.firstChild;
            if (!node || node.nodeType !== 3) continue;
            const text = node.textContent || "";
            const re = /\S+/g;
            let m: RegExpExecArray | null;
            while ((m = re.exec(text))) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(m[0]);
            }
          }
          return out;
        });
        expect(split, `${tab}: words split across lines`).toEqual([]);
        // As in Sheets, only wrapped cells (the tracker tabs' headers) wrap: any other cell keeps each of
        // its lines on one line, running on over an empty neighbour or cut at the column's edge.
        const rewrapped = await page.$$eval("#grid table tr:not(.letters) td:not(.wrap)", (tds) =>
          tds.slice(0, 2000).flatMap((td) => {
            const node = td.firstChild;
            if (!node || node.nodeType !== 3) return [];
            const range = document.createRange();
            range.selectNodeContents(node);
            const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
            return lines > (node.textContent || "").split("\n").length ? [node.textContent] : [];
          }),
        );
        expect(rewrapped, `${tab}: unwrapped cells broken into lines`).toEqual([]);
      }
    });
  }, 60000);

  it("the page's script draws each tab's grid as the server's HTML does: widths, flow, tooltips and styles", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20" });
    await preview.withPage(wb, async ({ url, page }) => {
      for (const tab of ["Key Results", "Objectives", "Weekly Summary"]) {
        await page.goto(`${url}?tab=${encodeURIComponent(tab)}`);
        await page.evaluate(() => (window as unknown as { okrPreviewRefresh(): Promise<void> }).okrPreviewRefresh());
        const served = await (await fetch(`${url}?tab=${encodeURIComponent(tab)}`)).text();
        const [drawn, fromServer] = await page.evaluate((html) => {
          // Each grid as the browser reads it: column widths, then every cell's class, tooltip and style.
          const grid = (root: ParentNode) => ({
            cols: Array.from(root.querySelectorAll("#grid col")).map((c) => (c as HTMLElement).style.width),
            cells: Array.from(root.querySelectorAll("#grid td")).map((td) => {
              const e = td as HTMLElement;
              return [e.className, e.title, e.style.cssText, e.textContent];
            }),
          });
          return [grid(document), grid(new DOMParser().parseFromString(html, "text/html"))];
        }, served);
        expect(drawn.cells.length, tab).toBeGreaterThan(0);
        expect(drawn, tab).toEqual(fromServer);
        expect(drawn.cells.some(([, , css]) => css !== ""), `${tab}: some styled cells`).toBe(true);
      }
    });
  }, 60000);
});

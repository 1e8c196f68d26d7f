// The real sidebar on the real add-on (preview server, headless Chromium): an admin starts on their own
// KR, an implausible value asks "submit anyway?" before anything is saved, and "Correct last check-in"
// appends a correction. Needs /usr/bin/chromium (Debian: apt-get install -y chromium).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { CHROMIUM, haveChromium, launchChromium } from "../support/browser";
import { type Browser } from "playwright-core";
import { startPreviewServer } from "../../src/local/preview";
import { openWorkbook } from "../../src/local/runtime";
import { previewBackend } from "../../src/local/serve";
import { saveXlsx } from "../../src/local/xlsx";
import { newTracker, ss } from "../support/tracker";

if (!haveChromium) console.warn(`Skipping the preview browser test: no Chromium at ${CHROMIUM}.`);

const ADMIN = "ops.lead@example.com"; // admin of the operations template; owns O3.KR2 only

(!haveChromium ? describe.skip : describe)("sidebar check-ins as people use them (real add-on)", () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    browser = await launchChromium();
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    file = join(mkdtempSync(join(tmpdir(), "okr-serve-ux-")), "tracker.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });

  it("admin starts on their own KR; a −3 days value asks first; a correction keeps both rows", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20", user: ADMIN });
    const server = await startPreviewServer(previewBackend(wb), { port: 0 });
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(server.url);
      const sb = page.frameLocator("#sidebar");
      await poll(() => sb.locator("#krs li").count()).toBe(7);
      expect(await sb.getByLabel("Key result").inputValue()).toBe("O3.KR2");

      await sb.getByLabel("Key result").selectOption("O1.KR2");
      await sb.getByLabel("New value").fill("-3");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent()).toBe("\u22123 days is outside 9.5 → 6; submit anyway?");
      const logRows = () => ss(wb).getSheetByName("Check-ins")!.getDataRange().getValues().filter((r) => r.some((c) => c !== ""));
      expect(logRows()).toHaveLength(1);
      await sb.getByRole("button", { name: "Submit anyway" }).click();
      await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
      expect(logRows()).toHaveLength(2);

      await sb.getByRole("button", { name: "Correct last check-in" }).click();
      expect(await sb.getByLabel("New value").inputValue()).toBe("-3");
      await poll(() => sb.locator("#status").textContent()).toMatch(/^Correcting your check-in of 2026-01-20/);
      await sb.getByLabel("New value").fill("8");
      await sb.getByRole("button", { name: "Save correction" }).click();
      await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
      const rows = logRows();
      expect(rows).toHaveLength(3);
      expect(rows[2][3]).toBe(8);
      expect(String(rows[2][5])).toMatch(/^Correction of check-in [A-Za-z0-9-]+ \(2026-01-20, value -3\)\./);
      expect(ss(wb).getSheetByName("Key Results")!.getDataRange().getValues().find((r) => r[0] === "O1.KR2")![9]).toBe(8);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 60000);
});

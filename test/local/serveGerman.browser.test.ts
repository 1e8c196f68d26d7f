// The local preview's real sidebar on the real add-on (as serve.browser.test.ts) in a de_DE spreadsheet
// (session 20): a German cost owner types "1.216,5" and sees the score as the sheet writes it, and a value
// typed the English way is refused in the form, saying how to type it. Needs Chromium (test/support/browser.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium } from "../support/browser";
import { usePreview } from "../support/previewPage";
import { emptySnapshot } from "../../src/local/snapshot";
import { openWorkbook } from "../../src/local/runtime";
import { saveXlsx } from "../../src/local/xlsx";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";

const OWNER = "dieter@example.de";

(!haveChromium ? describe.skip : describe)("the sidebar in a de_DE tracker", () => {
  const preview = usePreview();

  it("takes '1.216,5' on a cost KR in euros, and refuses '1,216.5' next to New value", async () => {
    const snapshot = Object.assign(emptySnapshot("Tabellenblatt1"), { locale: "de_DE", timeZone: "Europe/Berlin" });
    const wb = newTracker({ template: "blank", start: "2026-01-05", snapshot });
    const tab = ss(wb).insertSheet("Import");
    tab.getRange("A1:G2").setValues([
      ["objective", "key_result", "owner", "metric", "unit", "start", "target"],
      ["Kosten senken", "Kosten pro Einheit senken", OWNER, "decrease", "€", "1.234,50", "1.100,00"],
    ]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Import" })).toMatchObject({ ok: true });
    const file = join(mkdtempSync(join(tmpdir(), "okr-serve-de-")), "tracker.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
    const served = await openWorkbook(file, { at: "2026-01-07", user: OWNER });
    await preview.withPage(served, async ({ sidebar: sb, errors }) => {
      await poll(() => sb.locator("#krs li").count()).toBe(1);
      await sb.getByLabel("Confidence").selectOption("7");
      // Before session 20: "Type the number without thousands separators, …" for the German form too.
      await sb.getByLabel("New value").fill("1,216.5");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#value-error").textContent()).toBe("Type the number with at most one decimal comma, and thousands separators, if any, as in 1.234,5.");
      expect(rowsOf(served, "Check-ins")).toHaveLength(0);
      await sb.getByLabel("New value").fill("1.216,5");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0,13 — On track");
      expect(rowsOf(served, "Key Results")[0].Current).toBe(1216.5);
      expect(await sb.locator('#krs li[data-kr-id="O1.KR1"]').textContent()).toContain("1.216,50 €");
      expect(errors).toEqual([]);
    });
  });
});

// The real sidebar on the real add-on (preview server, headless Chromium): an admin starts on their own
// KR (or on "Choose a key result…" when they own none), an implausible value asks "submit anyway?"
// before anything is saved, and "Correct last check-in" appends a correction; "85%" means 85 on a % KR
// and is refused on a days KR, in the sidebar's one wording for a field to fix. Needs Debian's chromium-headless-shell or chromium (test/support/browser.ts).
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { CHROMIUM, haveChromium } from "../support/browser";
import { usePreview } from "../support/previewPage";
import { openWorkbook } from "../../src/local/runtime";
import { saveXlsx } from "../../src/local/xlsx";
import { newTracker, ss } from "../support/tracker";
import { FIX_FIELDS_MESSAGE } from "../../src/core/messages";

if (!haveChromium) console.warn(`Skipping the preview browser test: no Chromium at ${CHROMIUM}.`);

const ADMIN = "ops.lead@example.com"; // admin of the operations template; owns O3.KR2 only

(!haveChromium ? describe.skip : describe)("sidebar check-ins as people use them (real add-on)", () => {
  const preview = usePreview();
  let file: string;

  beforeAll(async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    file = join(mkdtempSync(join(tmpdir(), "okr-serve-ux-")), "tracker.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
  });

  it("admin starts on their own KR; a −3 days value asks first; a correction keeps both rows", async () => {
    const wb = await openWorkbook(file, { at: "2026-01-20", user: ADMIN });
    await preview.withPage(wb, async ({ sidebar: sb, errors }) => {
      await poll(() => sb.locator("#krs li").count()).toBe(7);
      expect(await sb.getByLabel("Key result").inputValue()).toBe("O3.KR2");

      await sb.getByLabel("Key result").selectOption("O1.KR2");
      await sb.getByLabel("New value").fill("-3");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent()).toBe("\u22123 days is outside 9.5 days → 6 days; submit anyway?");
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
      expect(String(rows[2][5])).toMatch(/^Correction of check-in [A-Za-z0-9-]+ \(2026-01-20, value -3 days\)\./);
      expect(ss(wb).getSheetByName("Key Results")!.getDataRange().getValues().find((r) => r[0] === "O1.KR2")![9]).toBe(8);
      expect(errors).toEqual([]);
    });
  }, 60000);

  it('"85%" is 85 on a % KR; on a days KR it is refused naming the unit, in the one wording for a field to fix', async () => {
    const mine = join(mkdtempSync(join(tmpdir(), "okr-serve-ux-pct-")), "tracker.xlsx");
    copyFileSync(file, mine);
    const wb = await openWorkbook(mine, { at: "2026-01-20", user: ADMIN });
    const log = () => ss(wb).getSheetByName("Check-ins")!.getDataRange().getValues().filter((r) => r.some((c) => c !== ""));
    await preview.withPage(wb, async ({ sidebar: sb, errors }) => {
      await poll(() => sb.locator("#krs li").count(), { timeout: 15000 }).toBe(7);
      const before = log().length;

      await sb.getByLabel("Key result").selectOption("O1.KR1"); // on-time delivery, in %
      await sb.getByLabel("New value").fill("85%");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#status").textContent(), { timeout: 15000 }).toMatch(/^Saved: /);
      expect(log()).toHaveLength(before + 1);
      expect(log()[before][3]).toBe(85);

      await sb.getByLabel("Key result").selectOption("O1.KR2"); // cycle time, in days
      await sb.getByLabel("New value").fill("85%");
      await sb.getByLabel("Confidence").selectOption("6");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#value-error").textContent(), { timeout: 15000 }).toMatch(/"days"/);
      expect(await sb.locator("#status").textContent()).toBe(FIX_FIELDS_MESSAGE);
      expect(log()).toHaveLength(before + 1);

      // The sidebar's own check (an empty value) uses the same words as the add-on's refusal.
      await sb.getByLabel("New value").fill("");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      await poll(() => sb.locator("#value-error").textContent()).toBe("Enter the new value.");
      expect(await sb.locator("#status").textContent()).toBe(FIX_FIELDS_MESSAGE);
      expect(errors).toEqual([]);
    });
  }, 60000);

  it('an admin who owns no KR starts on "Choose a key result…", never on someone else\'s', async () => {
    const wb0 = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    const krs = ss(wb0).getSheetByName("Key Results")!;
    const ids = krs.getRange(1, 1, krs.getLastRow(), 1).getValues().map((r) => r[0]);
    const owner = (krs.getRange(1, 1, 1, krs.getLastColumn()).getValues()[0] as string[]).indexOf("Owner") + 1;
    krs.getRange(ids.indexOf("O3.KR2") + 1, owner).setValue("planning.lead@example.com"); // the admin's only KR
    const mine = join(mkdtempSync(join(tmpdir(), "okr-serve-ux-none-")), "tracker.xlsx");
    await saveXlsx(mine, wb0.services.toSnapshot());
    const wb = await openWorkbook(mine, { at: "2026-01-20", user: ADMIN });
    await preview.withPage(wb, async ({ sidebar: sb }) => {
      await poll(() => sb.locator("#krs li").count(), { timeout: 15000 }).toBe(7);
      const select = sb.getByLabel("Key result");
      expect(await select.inputValue()).toBe("");
      expect(await select.locator("option:checked").textContent()).toBe("Choose a key result…");
      await sb.getByLabel("New value").fill("9");
      await sb.getByRole("button", { name: "Submit check-in" }).click();
      expect(await sb.locator("#status").textContent()).toBe(FIX_FIELDS_MESSAGE);
      expect(ss(wb).getSheetByName("Check-ins")!.getLastRow()).toBe(1);
    });
  }, 60000);
});

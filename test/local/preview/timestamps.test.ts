// The log's timestamps share one format wherever they are shown: the set-up rows' "yyyy-mm-dd hh:mm" in
// the preview's grid for check-ins sent from the preview's sidebar, and the same text after the file is
// saved and opened again (as `show` and the next preview open it).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { openWorkbook } from "../../../src/local/runtime";
import { previewBackend, previewTabs } from "../../../src/local/serve";
import { saveXlsx } from "../../../src/local/xlsx";
import { newTracker } from "../../support/tracker";

const OWNER = "planning.lead@example.com";

describe("Check-ins timestamps", () => {
  it('are all "YYYY-MM-DD HH:mm", in the preview and after saving', async () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    const file = join(mkdtempSync(join(tmpdir(), "okr-ts-")), "t.xlsx");
    await saveXlsx(file, wb.services.toSnapshot());
    const backend = previewBackend(await openWorkbook(file, { at: "2026-01-20", user: OWNER }));
    for (let i = 0; i < 5; i++) {
      const r = (await backend.rpc("submitCheckin", [
        { requestId: `timestamp-${i}`, krId: "O1.KR2", value: String(8 + i / 10), confidence: 6, whatChanged: "", blockers: "", nextStep: "" },
      ])) as { ok: boolean; message?: string };
      expect(r.ok, r.message).toBe(true);
    }
    const shown = (tabs: ReturnType<typeof previewTabs>) =>
      tabs.find((t) => t.name === "Check-ins")!.rows.slice(1).map((r) => r[0].text).filter((t) => t !== "");
    const inPreview = shown(await backend.tabs());
    expect(inPreview).toHaveLength(5);
    for (const t of inPreview) expect(t).toMatch(/^2026-01-20 \d\d:\d\d$/);
    const reopened = shown(previewTabs(await openWorkbook(file, { at: "2026-01-20" })));
    expect(reopened).toEqual(inPreview);
  });
});

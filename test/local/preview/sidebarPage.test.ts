// The preview's sidebar page is the one the "Check in" menu item ships (menuCheckIn, sidebarPageData):
// on a large tracker it lists most KRs by name and loads their details in the background. Until session 10
// the preview embedded getSidebarData's reply instead, so that page was never seen offline.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { callAddon, openTracker } from "../../support/tracker";
import { generateTracker } from "../../../src/local/generate/tracker";
import { ADMIN, TODAY } from "../../../src/local/generate/okrs";
import { openWorkbook } from "../../../src/local/runtime";
import { previewBackend } from "../../../src/local/serve";
import { saveXlsx } from "../../../src/local/xlsx";
import type { SidebarData } from "../../../src/core/api";

const OWNER = "owner001@example.com"; // owns every 40th KR, from the first

describe("the preview's sidebar page", () => {
  it("is the menu item's: on a large tracker (560 KRs) the owner's other KRs come by name (brief)", async () => {
    const g = generateTracker({ name: "page", objectives: 140, krs: 560, checkins: 100, owners: 40 }, { history: false, headroom: false });
    const setUp = openTracker(g.snapshot, { at: TODAY, user: ADMIN });
    expect(callAddon(setUp, "setupTracker", {}).ok).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), "okr-preview-page-")), "large.xlsx");
    await saveXlsx(file, setUp.services.toSnapshot());

    const html = await previewBackend(await openWorkbook(file, { at: TODAY, user: OWNER })).sidebarHtml();
    const m = /<script type="application\/json" id="sidebar-data">([\s\S]*?)<\/script>/.exec(html);
    const data = JSON.parse(m![1]) as SidebarData;
    expect(data.krs.map((k) => k.id)).toHaveLength(1);
    // Their other 13 KRs, and (since session 20) the other KRs of O1, the objective of their first KR, which
    // the generated tracker has them own too.
    const mine = data.brief!.filter((k) => k.owner === OWNER);
    expect(mine).toHaveLength(560 / 40 - 1);
    expect(data.brief!.filter((k) => k.owner !== OWNER).map((k) => k.objectiveId)).toEqual(["O1", "O1", "O1"]);
  });
});

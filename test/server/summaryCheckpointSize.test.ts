// Found by the offline PropertiesService's 9 KB limit (Google: "Properties value size 9 KB / val",
// https://developers.google.com/apps-script/guides/services/quotas). The summary's checkpoints share one
// document property and carried the last log row's Value as typed: a long text there made every weekly
// summary fail with "Argument too large: value" until that row changed. They now keep a digest of the row.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";
import { OPERATIONS_OWNER } from "../support/summaryTab";

describe("Weekly summary after a long text typed into the log's last row", () => {
  it("still succeeds", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    setToday(wb, "2026-01-06");
    wb.services.session.setUser(OPERATIONS_OWNER["O1.KR1"]);
    expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "85", confidence: 6 }).ok).toBe(true);
    wb.services.session.setUser("ops.lead@example.com");
    setToday(wb, "2026-01-11");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-11" }).ok).toBe(true);
    const log = ss(wb).getSheetByName("Check-ins")!;
    const headers = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    log.getRange(log.getLastRow(), headers.indexOf("Value") + 1).setValue("about 85, see the long note: " + "x".repeat(9500));
    setToday(wb, "2026-01-18");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-18" })).toMatchObject({ ok: true });
  });
});

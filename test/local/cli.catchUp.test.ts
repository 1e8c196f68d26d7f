// Session 21's walk through an operations team's cycle, through the command line and the built add-on: the
// on-time owner missed week 3, checked in week 4 (86%), then entered week 3's figure dated in week 3 (84%). The
// check-in joins the log and Current stays week 4's (docs/checkins.md#current-follows-the-latest-date), but the
// line said "Checked in O1.KR1: value 86%, …": the value the owner had not typed, as if the 84 were lost.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cliWorkspace } from "../support/cli";
import { checkedInLines } from "../../src/local/checkinBatch";
import { callAddon, newTracker, requestId, setToday } from "../support/tracker";

const { dir, fixtures, ok } = cliWorkspace("okr-cli-catchup-");

describe("a check-in dated before the KR's latest one (a missed week caught up)", () => {
  it("says the value saved for its day, and that the later check-in stays Current", async () => {
    fixtures.copy("operations", join(dir, "late.xlsx"));
    await ok("checkin", "late.xlsx", "--kr", "O1.KR1", "--value", "86", "--at", "2026-01-30");
    const out = (await ok("checkin", "late.xlsx", "--kr", "O1.KR1", "--value", "84%", "--at", "2026-01-23")).trim().split("\n");
    expect(out).toEqual([
      "Checked in O1.KR1 for 2026-01-23: value 84%. Its check-in of 2026-01-30 is later and stays Current: value 86%, score 0.31, On track.",
    ]);
    // A batch row with its own day says the same; a row of the latest day as before.
    writeFileSync(join(dir, "catch.csv"), "kr_id,value,at\nO1.KR1,83.5,2026-01-16\nO1.KR1,87,2026-01-31\n");
    const batch = (await ok("checkin", "late.xlsx", "--from", "catch.csv", "--at", "2026-01-31")).trim().split("\n");
    expect(batch).toEqual([
      "Checked in O1.KR1 for 2026-01-16: value 83.5%. Its check-in of 2026-01-30 is later and stays Current: value 86%, score 0.31, On track.",
      "Checked in O1.KR1: value 87%, score 0.38, On track.",
      "2 check-ins saved.",
    ]);
  });

  it("names the check-in it saved by its request ID, not the log's last row, reading the log once for them all", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    const checkIn = (day: string, krId: string, value: string) => {
      setToday(wb, day);
      const id = requestId();
      const r = callAddon(wb, "submitCheckin", { requestId: id, krId, value, confidence: 7, as: "ops.lead@example.com" });
      expect(r.ok, r.message).toBe(true);
      return { kr: r.kr, day, requestId: id };
    };
    checkIn("2026-01-30", "O1.KR1", "86");
    const saved = [checkIn("2026-01-23", "O1.KR1", "84"), checkIn("2026-01-16", "O1.KR1", "83.5"), checkIn("2026-01-30", "O1.KR2", "5")];
    const c = wb.services.counters;
    c.reset();
    const lines = checkedInLines(wb, saved);
    // The 84 of 2026-01-23 was no longer the log's last row: until session 22 its line gave the last one's value.
    expect(lines.map((l) => l.replace(/ Its check-in .*/, ""))).toEqual(["Checked in O1.KR1 for 2026-01-23: value 84%.", "Checked in O1.KR1 for 2026-01-16: value 83.5%.", expect.stringMatching(/^Checked in O1\.KR2: value 5 /)]);
    expect(c.snapshot().byMethod["Range.getValues"]).toBe(1);
  });
});

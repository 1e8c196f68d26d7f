// The sidebar's "At this pace" line after a KR's target is edited mid-cycle, through the built add-on. The
// forecast cells are written by the summary and by a check-in, so a target typed over between them left the
// line scoring the forecast against the old target: cost per unit forecast at 38.91 EUR "(target 39 EUR) —
// score 0.52", a value that meets its target. Now the score is taken again against the row as it is.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { SidebarData } from "../../src/core/api";
import { callAddon, newTracker, rowsOf, setToday, ss } from "../support/tracker";
import { checkInOn } from "../support/inUse";

const ADMIN = "ops.lead@example.com";
const OWNER = "finance.partner@example.com"; // O3.KR1: cost per unit, a decrease from 42 to 36 EUR

function tracker() {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05", user: ADMIN });
  ["41.5", "41.1", "40.8", "40.4"].forEach((v, i) => checkInOn(wb, `2026-01-${String(9 + 7 * i).padStart(2, "0")}`, OWNER, "O3.KR1", v, { admin: ADMIN }));
  setToday(wb, "2026-02-02");
  expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true });
  return wb;
}

function setTarget(wb: ReturnType<typeof tracker>, target: unknown): void {
  const krs = rowsOf(wb, "Key Results");
  const i = krs.findIndex((k) => k.ID === "O3.KR1");
  const sheet = ss(wb).getSheetByName("Key Results")!;
  sheet.getRange(i + 2, sheet.getRange("1:1").getValues()[0].indexOf("Target") + 1).setValue(target);
}

const forecastOf = (wb: ReturnType<typeof tracker>) => (callAddon(wb, "getSidebarData", {}) as SidebarData).krs.find((k) => k.id === "O3.KR1")!.forecast;

describe("the sidebar's forecast after the target is edited", () => {
  it("scores the forecast against the new target, as the next summary will", () => {
    const wb = tracker();
    const before = forecastOf(wb);
    if (!before || !before.ok) throw new Error(`no forecast: ${JSON.stringify(before)}`);
    // A target just above the forecast: the value meets it, so it scores 1.
    const target = Math.ceil(before.value);
    setTarget(wb, target);
    const after = forecastOf(wb);
    expect(after).toMatchObject({ ok: true, value: before.value, score: 1 });
    // The next summary writes that same score into the cells.
    expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true });
    expect(forecastOf(wb)).toMatchObject({ ok: true, score: 1 });
  });

  it("a target typed equal to the start gives no forecast score, as the summary's cells then say", () => {
    const wb = tracker();
    setTarget(wb, 42);
    const edited = forecastOf(wb);
    expect(callAddon(wb, "generateWeeklySummary", {})).toMatchObject({ ok: true });
    expect(edited).toEqual(forecastOf(wb));
    expect(edited).toMatchObject({ ok: false });
  });

  it("an untouched KR keeps the cells' score (the score of the unrounded forecast, not of the 2-decimal cell)", () => {
    const wb = tracker();
    const row = rowsOf(wb, "Key Results").find((k) => k.ID === "O3.KR1")!;
    expect(forecastOf(wb)).toMatchObject({ ok: true, value: row["Forecast"], score: row["Forecast score"] });
  });

  it("leaves the Key Results cells as written, Repair too, until the KR's next check-in or summary (docs/checkins.md)", () => {
    const wb = tracker();
    const cells = () => {
      const r = rowsOf(wb, "Key Results").find((k) => k.ID === "O3.KR1")!;
      return [r["Forecast"], r["Forecast score"], r["Weeks to target"]] as number[];
    };
    const was = cells();
    expect(was[1]).toBeLessThan(1);
    setTarget(wb, Math.ceil(was[0]));
    expect(cells()).toEqual(was);
    expect(callAddon(wb, "repairTracker", {})).toMatchObject({ ok: true });
    expect(cells()).toEqual(was);
    // The KR's next check-in writes them against the row as it is: its forecast meets the new target.
    checkInOn(wb, "2026-02-06", OWNER, "O3.KR1", "40.1", { admin: ADMIN });
    expect(cells()[1]).toBe(1);
  });
});

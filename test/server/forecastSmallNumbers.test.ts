// A KR in small plain numbers (defects per unit 0.05 → 0.03) keeps its detail wherever its forecast is shown,
// through the built add-on (run `npm run build` first): the Key Results Forecast cell, the Weekly Summary's
// Forecast section and Why, its At this pace line, the digest mail and the sidebar line all say 0.0436, not
// 0.04, and the paces 0.0007 and 0.0018 a week, not "no change week to week". An ordinary KR keeps its 2
// decimals. Until session 13 every value was rounded to 2 decimals (forecast.ts valueDigits, docs/forecast.md).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { forecastLine } from "../../src/core/forecastWords";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { checkInOn } from "../support/inUse";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05"; // a Monday; 13 weeks: the last day is 2026-04-05
const ADMIN = "ops.lead@example.com";

function checkIn(wb: Workbook, day: string, owner: string, krId: string, value: string) {
  checkInOn(wb, day, owner, krId, value, { admin: ADMIN });
}

/** The operations pilot with O2.KR1 made a plain-number KR: defects per unit, 0.05 → 0.03. */
function pilot(): Workbook {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  const krs = ss(wb).getSheetByName("Key Results")!;
  const headers = krs.getRange("1:1").getValues()[0].map(String);
  const row = rowsOf(wb, "Key Results").findIndex((r) => r["ID"] === "O2.KR1") + 2;
  const set = (h: string, v: unknown) => krs.getRange(row, headers.indexOf(h) + 1).setValue(v);
  set("Key result", "Cut defects per unit from 0.05 to 0.03");
  set("Unit", "");
  set("Start", 0.05);
  set("Target", 0.03);
  return wb;
}

/** A KR's Forecast cell: as held and as shown. */
function forecastCell(wb: Workbook, id: string): { value: number; shown: string } {
  const krs = ss(wb).getSheetByName("Key Results")!;
  const headers = krs.getRange("1:1").getValues()[0].map(String);
  const row = rowsOf(wb, "Key Results").findIndex((r) => r["ID"] === id) + 2;
  const c = krs.getRange(row, headers.indexOf("Forecast") + 1);
  return { value: c.getValue() as number, shown: c.getDisplayValue() };
}

const decimals = (v: number) => (String(v).split(".")[1] || "").length;

describe("a KR in small plain numbers", () => {
  it("shows its forecast and paces at its own decimals in the Forecast cell, the Weekly Summary, the digest and the sidebar", () => {
    const wb = pilot();
    setSetting(wb, "Leaders' emails", "boss@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    // Thursdays of weeks 1-4: on-time delivery on course, defects per unit falling far too slowly.
    for (const [day, onTime, defects] of [["2026-01-08", "84", "0.049"], ["2026-01-15", "86.5", "0.048"], ["2026-01-22", "89", "0.0475"], ["2026-01-29", "91", "0.047"]]) {
      checkIn(wb, day, "dispatch.lead@example.com", "O1.KR1", onTime);
      checkIn(wb, day, "quality.lead@example.com", "O2.KR1", defects);
    }
    // The check-in wrote the cell at 4 decimals (1% of the span 0.02 is 0.0002), shown as held.
    const checkedIn = forecastCell(wb, "O2.KR1");
    expect(checkedIn.value).toBe(Number(checkedIn.value.toFixed(4)));
    expect(decimals(checkedIn.value), `Forecast ${checkedIn.value} after the check-in`).toBeGreaterThan(2);
    expect(checkedIn.shown).toBe(String(checkedIn.value));

    wb.services.clock.set(new Date("2026-02-02T07:00:00Z"));
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });

    const cell = forecastCell(wb, "O2.KR1");
    expect(cell.value).toBe(Number(cell.value.toFixed(4)));
    expect(decimals(cell.value), `Forecast ${cell.value}: until session 13, 0.04`).toBe(4);
    expect(cell.value).toBeGreaterThan(0.04);
    expect(cell.value).toBeLessThan(0.045);
    expect(cell.shown).toBe(String(cell.value));
    // The ordinary KR beside it keeps 2 decimals.
    const onTime = forecastCell(wb, "O1.KR1");
    expect(onTime.value).toBe(Number(onTime.value.toFixed(2)));

    const v = ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getDisplayValues();
    const line = `At this pace 1 KR ends short of its goal by 2026-04-05: O2.KR1 at ${cell.value} (target 0.03).`;
    expect(v[v.findIndex((r) => r[0] === "This week") + 4][0]).toBe(line);
    const f = v.findIndex((r) => r[0].startsWith("Forecast:"));
    expect(v[f + 2].slice(0, 4)).toEqual(["O2.KR1", "Cut defects per unit from 0.05 to 0.03", "quality.lead@example.com", `${cell.value} by 2026-04-05`]);
    // Falling about 0.0007 a week; needs (0.03 − 0.047) over the weeks left. Until session 13: "No change week
    // to week; reaching 0.03 by 2026-04-05 needs no change week to week."
    const why = /^Falling (0\.\d{4}) a week; reaching 0\.03 by 2026-04-05 needs to fall (0\.\d{4}) a week\.$/.exec(v[f + 2][8]);
    expect(why, v[f + 2][8]).not.toBeNull();
    expect(Number(why![1])).toBeGreaterThan(0.0004);
    expect(Number(why![2])).toBeCloseTo(0.017 / 9, 3);

    const mail = wb.services.mail.sent.find((m) => m.to === "boss@example.com")!;
    expect(String(mail.body).split("\n")).toContain(line);
    expect(mail.htmlBody).toContain(line);

    wb.services.session.setUser("quality.lead@example.com");
    const k = callAddon(wb, "getSidebarData", {}).krs.find((x: { id: string }) => x.id === "O2.KR1");
    expect(k.forecast).toMatchObject({ ok: true, value: cell.value, digits: 4 });
    expect(forecastLine(k.forecast, k.unit)).toMatch(new RegExp(`^At this pace: ${cell.value} by 2026-04-05 \\(target 0\\.03\\) — score 0\\.\\d\\d$`));
  });

  it("typed as percentages of a small span (0.5% → 0.3%): the Weekly Trend and History show its weeks at its decimals too", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    const krs = ss(wb).getSheetByName("Key Results")!;
    const row = rowsOf(wb, "Key Results").findIndex((r) => r["ID"] === "O2.KR1") + 2;
    krs.getRange(`G${row}:H${row}`).setValues([["0.5%", "0.3%"]]);
    for (const [day, defects] of [["2026-01-08", "0.00491"], ["2026-01-15", "0.00483"], ["2026-01-22", "0.00476"]]) checkIn(wb, day, "quality.lead@example.com", "O2.KR1", defects);
    setToday(wb, "2026-01-26");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-01-26" }).ok).toBe(true);
    // The Forecast cell in percent at 3 decimals (1% of 0.2 points), and the Forecast section saying it.
    const cell = forecastCell(wb, "O2.KR1");
    expect(cell.value).toBe(Number(cell.value.toFixed(3)));
    expect(decimals(cell.value)).toBeGreaterThan(2);
    const v = ss(wb).getSheetByName("Weekly Summary")!.getDataRange().getDisplayValues();
    const f = v.findIndex((r) => r[0].startsWith("Forecast:"));
    expect(v[f + 2].slice(0, 4)).toEqual(["O2.KR1", "Cut the rework rate from 6.5% to 3%", "quality.lead@example.com", `${cell.value}% by 2026-04-05`]);
    // Weeks 1-3 on the Weekly Trend (C:E) and History's Value: until session 13 "0.5%", "0.5%", "0.5%" ("0.0%").
    const trend = ss(wb).getSheetByName("Weekly Trend")!;
    const at = trend.getRange("A:A").getDisplayValues().map((r) => r[0]).indexOf("O2.KR1") + 1;
    expect(trend.getRange(`C${at}:E${at}`).getDisplayValues()[0]).toEqual(["0.491%", "0.483%", "0.476%"]);
    expect(trend.getRange(`G${at}`).getNumberFormat()).toBe("0.000%");
    const history = ss(wb).getSheetByName("History")!.getDataRange().getDisplayValues();
    const hv = history[0].indexOf("Value");
    expect(history.filter((r) => r.includes("O2.KR1")).map((r) => r[hv])).toEqual(["0.476%"]);
    // The other KRs' weeks as before.
    const onTime = trend.getRange("A:A").getDisplayValues().map((r) => r[0]).indexOf("O1.KR1") + 1;
    expect(trend.getRange(`G${onTime}`).getNumberFormat()).not.toMatch(/%/);
    // Start and Target edited to an ordinary span: the next week's summary formats its weeks as before.
    krs.getRange(`G${row}:H${row}`).setValues([["5%", "3%"]]);
    checkIn(wb, "2026-01-29", "quality.lead@example.com", "O2.KR1", "0.047");
    setToday(wb, "2026-02-02");
    expect(callAddon(wb, "generateWeeklySummary", { at: "2026-02-02" }).ok).toBe(true);
    expect(trend.getRange(`C${at}:G${at}`).getDisplayValues()[0]).toEqual(["0.5%", "0.5%", "0.5%", "0.5%", "4.7%"]);
    expect(trend.getRange(`H${at}`).getNumberFormat()).toBe("0.0%");
  });
});

// The Retrospective's Final value column through the BUILT add-on (run `npm run build` first): session 19's
// pilot walked an operations team's 90-day cycle to its close, and its retrospective gave each KR's score
// and grade but not where the figure ended ("rework ended 5.2% vs target 4%"), what a leader reads it for.
// Values in the KR's unit as everywhere else (valueWithUnit): "%", "$" before the number with cents, "days".
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { addDays } from "../../src/core/dates";
import { callAddon, setToday, ss } from "../support/tracker";
import { operationsPilot, pilotCheckin } from "../support/importedTracker";

const END = "2026-04-05";

/** Thirteen weeks of check-ins on every KR but the yield KR (O2.KR3), nobody's all cycle. */
function pilot(locale = "en_US"): Workbook {
  const wb = operationsPilot();
  ss(wb).setSpreadsheetLocale(locale);
  const typed = (v: number) => (locale === "de_DE" ? String(v).replace(".", ",") : String(v));
  for (let w = 1; w <= 13; w++) {
    const day = addDays("2026-01-08", 7 * (w - 1));
    pilotCheckin(wb, day, "O1.KR1", typed(Math.round((8 - 0.2 * w) * 10) / 10)); // ends 5.4
    pilotCheckin(wb, day, "O1.KR2", typed(Math.round((41.5 - 0.3 * w) * 10) / 10)); // ends 37.6
    pilotCheckin(wb, day, "O2.KR1", typed(82 + w)); // ends 95
    pilotCheckin(wb, day, "O2.KR2", typed(Math.round((12 - 0.3 * w) * 10) / 10)); // ends 8.1
  }
  return wb;
}

function close(wb: Workbook) {
  setToday(wb, END);
  const r = callAddon(wb, "endCycle", { at: END });
  expect(r.ok, r.message).toBe(true);
  return ss(wb).getSheetByName("Retrospective")!.getDataRange().getDisplayValues();
}

function table(v: string[][]): { header: string[]; rows: Record<string, string>[]; headerRow: number } {
  const h = v.findIndex((r) => r[0] === "Type" && r[1] === "ID");
  return { header: v[h], headerRow: h + 1, rows: v.slice(h + 1).filter((r) => r[1] !== "").map((r) => Object.fromEntries(v[h].map((k, i) => [k, r[i]]))) };
}

const finalValues = (v: string[][]) => Object.fromEntries(table(v).rows.map((r) => [r.ID, r["Final value"]]));

describe("Retrospective: each KR's final value against its target, in its unit", () => {
  it("says where each KR ended: %, $ with cents before the number, days; a stay KR's threshold; none for objectives or a KR never checked in", () => {
    const v = close(pilot());
    expect(table(v).header).toEqual(["Type", "ID", "Title", "Owner", "Final score", "Grade", "Final value", "Learnings", "Decision"]);
    expect(finalValues(v)).toEqual({
      O1: "",
      "O1.KR1": "5.4% vs target 4%",
      "O1.KR2": "$37.60 vs target $36.00",
      O2: "",
      "O2.KR1": "95% vs target 95%",
      "O2.KR2": "8.1 days vs target 8 days",
      "O2.KR3": "not checked in (at least 92%)",
    });
  });

  it("takes the locale's decimal comma, as the tab's other text does", () => {
    const v = close(pilot("de_DE"));
    expect(finalValues(v)).toMatchObject({ "O1.KR1": "5,4% vs target 4%", "O1.KR2": "37,60 $ vs target 36,00 $", "O2.KR2": "8,1 days vs target 8 days" });
  });

  it("closing again refreshes it and keeps the learnings and decisions typed, also from a tab closed before the column (its title deleted)", () => {
    const wb = pilot();
    const first = close(wb);
    const { headerRow, header, rows } = table(first);
    const sh = ss(wb).getSheetByName("Retrospective")!;
    // The tab as closing wrote it before session 19: no Final value column. Its title deleted, the header row
    // tells it is ours (before the fix the header check looked for Final value and refused it as someone's own).
    const old = first.map((r) => r.filter((_, i) => i !== header.indexOf("Final value")).concat(""));
    old[0][0] = "";
    const kr2 = headerRow + rows.findIndex((r) => r.ID === "O1.KR2");
    old[kr2][6] = "Supplier price rise in March";
    old[kr2][7] = "change";
    sh.clear();
    sh.getRange(1, 1, old.length, old[0].length).setValues(old);
    pilotCheckin(wb, "2026-04-04", "O1.KR2", "36.9");
    const again = table(close(wb)).rows.find((r) => r.ID === "O1.KR2")!;
    expect(again).toMatchObject({ "Final value": "$36.90 vs target $36.00", Learnings: "Supplier price rise in March", Decision: "change" });
  });
});

// Session 19: the Weekly Trend's `Last weeks` text of a money KR under a dollar and of a unit plural.ts did not
// list, through the BUILT add-on (run `npm run build` first). A fee per order $1.20 → $0.20 read
// "█▁ $0.455 → …" (trendText's 4 significant digits, where money over a dollar had cents), and boxes
// 3 → 1 read "3 → 1 boxes". A KR whose span needs a third decimal ($0.60 → $0.40: valueDigits) keeps it, as
// its Forecast and the sidebar write its values.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, requestId, setToday, ss } from "../support/tracker";
import { importedTracker } from "../support/importedTracker";
import { summarize } from "../support/summaryTab";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Cheaper orders", "Cut the fee per order from $1.20 to $0.20", "ana@example.com", "decrease", "$", 1.2, 0.2],
  ["Cheaper orders", "Cut returned boxes a day from 4 to 0", "ana@example.com", "decrease", "boxes", 4, 0],
  ["Cheaper orders", "Cut the card fee from $0.60 to $0.40", "ana@example.com", "decrease", "$", 0.6, 0.4],
];

function checkIn(wb: Workbook, day: string, krId: string, value: string) {
  setToday(wb, day);
  wb.services.session.setUser("ana@example.com");
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value, confidence: 6 });
  wb.services.session.setUser("ops.lead@example.com");
  expect(r.ok, r.message).toBe(true);
}

/** The Weekly Trend's `Last weeks` text by KR ID. */
function lastWeeks(wb: Workbook): Map<string, string> {
  const values = ss(wb).getSheetByName("Weekly Trend")!.getDataRange().getValues();
  const head = values.findIndex((r) => r[0] === "ID");
  const col = values[head].indexOf("Last weeks");
  const out = new Map<string, string>();
  for (const r of values.slice(head + 1)) if (/^O\d+\.KR\d+$/.test(String(r[0]))) out.set(String(r[0]), String(r[col]));
  return out;
}

describe("The Weekly Trend's Last weeks in a money KR's cents and a unit's singular", () => {
  it("$0.46 → $0.40 with cents under a dollar ($0.455 where the KR's decimals are 3); 3 → 1 box", () => {
    const wb = importedTracker(HEADER, KRS);
    checkIn(wb, "2026-01-09", "O1.KR1", "$0.455");
    checkIn(wb, "2026-01-09", "O1.KR2", "3");
    checkIn(wb, "2026-01-09", "O1.KR3", "$0.455");
    summarize(wb, "2026-01-11");
    checkIn(wb, "2026-01-16", "O1.KR1", "0.4");
    checkIn(wb, "2026-01-16", "O1.KR2", "1");
    checkIn(wb, "2026-01-16", "O1.KR3", "0.4");
    summarize(wb, "2026-01-18");
    const text = lastWeeks(wb);
    expect(text.get("O1.KR1")).toBe("█▁ $0.46 → $0.40");
    expect(text.get("O1.KR2")).toBe("█▁ 3 → 1 box");
    expect(text.get("O1.KR3")).toBe("█▁ $0.455 → $0.40");
  });
});

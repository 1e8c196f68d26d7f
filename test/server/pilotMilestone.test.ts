// Session 21's walk through an operations team's cycle, through the BUILT add-on (run `npm run build` first): a
// milestone KR ("standard work documented for all 6 stations") is the fraction done, 0 to 1. Its owner, two
// stations of six in, types "33%": that was refused as "measured in plain numbers (no unit), not %: type the
// number without the % sign", and the 33 typed next was asked about as "outside 0 → 1" with no word of the
// 0.33 meant. A % on a milestone is read as a cell typed 33% holds it, and the question names the fraction.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { rowsOf } from "../support/tracker";
import { importedTracker, ownerCheckin } from "../support/importedTracker";
import { newTracker, callAddon, requestId, setToday } from "../support/tracker";
import { byId } from "../support/summaryTab";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
const KRS = [
  ["Stand up standard work", "Standard work documented for all 6 stations", "li@example.com", "milestone", "", "", ""],
  ["Stand up standard work", "Cut cycle time from 6.5 to 4 days", "li@example.com", "decrease", "days", 6.5, 4],
];
const OWNER: Record<string, string> = { "O1.KR1": "li@example.com", "O1.KR2": "li@example.com" };

describe("a milestone's check-in typed as a percentage", () => {
  it('takes "33%" as the fraction 0.33, and "33.3%" as 0.333 exactly', () => {
    const wb = importedTracker(HEADER, KRS);
    const r = ownerCheckin(wb, OWNER, "2026-01-23", "O1.KR1", "33%");
    expect(r.ok, r.message).toBe(true);
    expect(r.kr).toMatchObject({ current: 0.33, score: 0.33 });
    const again = ownerCheckin(wb, OWNER, "2026-01-30", "O1.KR1", "33.3 %");
    expect(again.ok, again.message).toBe(true);
    expect(byId(rowsOf(wb, "Key Results")).get("O1.KR1")!.Current).toBe(0.333);
  });

  it("asks about 33 naming the fraction to type, and saves nothing until it is confirmed", () => {
    const wb = importedTracker(HEADER, KRS);
    const r = ownerCheckin(wb, OWNER, "2026-01-23", "O1.KR1", "33");
    expect(r).toMatchObject({
      ok: false,
      confirm: true,
      message: "33 is outside 0 → 1: a milestone is the fraction done (1 = done), so type 0.33 for 33%; submit 33 anyway?",
    });
    expect(byId(rowsOf(wb, "Key Results")).get("O1.KR1")!.Current).toBe("");
    // 3 is as likely 3 of 6 stations as 3%: the question says what a milestone holds, and guesses no percentage.
    expect(ownerCheckin(wb, OWNER, "2026-01-23", "O1.KR1", "3").message).toBe("3 is outside 0 → 1: a milestone is the fraction done (1 = done, 0.5 = half done); submit 3 anyway?");
    // 250 is no percentage of it: the plain question.
    expect(ownerCheckin(wb, OWNER, "2026-01-23", "O1.KR1", "250").message).toBe("250 is outside 0 → 1; submit anyway?");
  });

  it('imports a milestone whose start and target are typed "0%" and "100%" (they were refused, "not %")', () => {
    const wb = importedTracker(HEADER, [["Stand up standard work", "Standard work documented", "li@example.com", "milestone", "", "0%", "100%"], KRS[1]]);
    expect(byId(rowsOf(wb, "Key Results")).get("O1.KR1")).toMatchObject({ Start: 0, Target: 1 });
  });

  it('reads "50%" on the template\'s milestone measured in "done", and still refuses % on a KR in days', () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" }); // the lead owns O3.KR2
    setToday(wb, "2026-01-20");
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O3.KR2", value: "50%", confidence: 6 });
    expect(r.ok, r.message).toBe(true);
    expect(r.kr.current).toBe(0.5);
    const days = importedTracker(HEADER, KRS);
    const d = ownerCheckin(days, OWNER, "2026-01-23", "O1.KR2", "60%");
    expect(d.ok).toBe(false);
    expect(d.fieldErrors.value).toBe('This key result is measured in "days", not %: type the number without the % sign.');
  });
});

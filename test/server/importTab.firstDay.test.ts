// A team's first day with "Import OKRs from a tab", through the built add-on: what an import's messages say.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];

function withTab(rows: unknown[][]) {
  const wb = newTracker({ template: "blank" });
  const tab = ss(wb).insertSheet("Paste");
  rows.forEach((r, i) => r.length && tab.getRange(i + 1, 1, 1, r.length).setValues([r]));
  return wb;
}

describe("Import from a tab: messages", () => {
  it("an increase KR without a start is refused as 'an increase key result' (it said 'a increase')", () => {
    const wb = withTab([HEADER, ["Ship", "On time", "ana@example.com", "increase", "%", "", "95"], ["Ship", "Fewer bugs", "ana@example.com", "decrease", "", "9", ""]]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" })).toEqual({
      ok: false,
      message: "Nothing was imported. row 2: start is blank; an increase key result needs a numeric start; row 3: target is blank; a decrease key result needs a numeric target.",
    });
    expect(rowsOf(wb, "Key Results")).toEqual([]);
  });

  const ROWS = [HEADER, ["Ship", "On time", "ana@example.com", "increase", "%", "80", "95"], ["Ship", "Fewer bugs", "ana@example.com", "decrease", "", "9", "2"]];

  it("the same tab imported twice is refused in one line naming a KR already there; nothing is doubled (it was)", () => {
    const wb = withTab(ROWS);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" }).ok).toBe(true);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" })).toEqual({
      ok: false,
      message: 'Nothing was imported. row 2: key result "On time" is already in the tracker (O1.KR1), as is every row: it was imported before.',
    });
    expect(rowsOf(wb, "Objectives").map((o) => o.ID)).toEqual(["O1"]);
    expect(rowsOf(wb, "Key Results").map((k) => k.ID)).toEqual(["O1.KR1", "O1.KR2"]);
  });

  it("a tab imported again with a row added names each row already there (by objective title or ID, any case or spacing)", () => {
    const wb = withTab(ROWS);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" }).ok).toBe(true);
    const tab = ss(wb).getSheetByName("Paste")!;
    tab.getRange(2, 1, 1, 2).setValues([["ship ", "on  time"]]);
    tab.getRange(4, 1, 1, 7).setValues([["Ship", "Faster", "ana@example.com", "decrease", "", "9", "2"]]);
    tab.getRange(5, 1, 1, 8).setValues([["", "Fewer bugs", "ana@example.com", "decrease", "", "9", "2", "O1"]]);
    tab.getRange(1, 8).setValue("objective_id");
    tab.getRange(3, 1, 1, 2).setValues([["Learn", "Fewer bugs"]]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" })).toEqual({
      ok: false,
      message:
        'Nothing was imported. row 2: key result "on  time" is already in the tracker (O1.KR1); ' +
        'row 5: key result "Fewer bugs" is already in the tracker (O1.KR2).',
    });
    expect(rowsOf(wb, "Key Results").map((k) => k.ID)).toEqual(["O1.KR1", "O1.KR2"]);
  });
});

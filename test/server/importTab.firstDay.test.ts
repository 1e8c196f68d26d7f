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
});

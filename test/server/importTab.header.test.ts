// "Import OKRs from a tab" where the header is not the tab's first row, through the built add-on. A tab
// headed by a title ("Q3 OKRs") above the header was refused as "row 1: Missing required columns:
// objective, key_result, …", naming row 1 as the header with no hint. The header is now the first of the
// first 10 rows naming an import column (a title above it is skipped); with none, the message says so.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, rowsOf, ss } from "../support/tracker";

const HEADER = ["objective", "key_result", "owner", "metric", "unit", "start", "target", "weight"];
const ROW = ["Ship", "On time", "ana@example.com", "increase", "%", "82%", "95%", "50%"];

function withTab(rows: unknown[][]) {
  const wb = newTracker({ template: "blank" });
  const tab = ss(wb).insertSheet("Paste");
  rows.forEach((r, i) => r.length && tab.getRange(i + 1, 1, 1, r.length).setValues([r]));
  return wb;
}

describe("Import from a tab: the header row", () => {
  it("a title row (and a blank row) above the header is skipped; the header's weight column is still read as typed", () => {
    const wb = withTab([["Q3 OKRs — operations"], [], HEADER, ROW]);
    const r = callAddon(wb, "importOkrsFromTab", { tab: "Paste" });
    expect(r.ok, r.message).toBe(true);
    expect(rowsOf(wb, "Key Results").map((k) => [k.ID, k["Key result"], k.Start, k.Target, k.Weight])).toEqual([["O1.KR1", "On time", 82, 95, 0.5]]);
  });

  it("a tab with no header row says which columns it must name", () => {
    const wb = withTab([["Q3 OKRs"], ["Goal", "Result", "Who"], ["Ship", "On time", "ana@example.com"]]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" })).toEqual({
      ok: false,
      message:
        "Nothing was imported. row 1: No header row: none of the first 10 rows names the columns objective, key_result, owner, metric, start, target (a title row above the header is skipped).",
    });
    expect(rowsOf(wb, "Key Results")).toEqual([]);
  });
});

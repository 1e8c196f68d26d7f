// A blank tracker whose OKRs came in through "Import OKRs from a tab", as a team pasting its sheet starts:
// the rows pasted under the header on a tab named Paste, imported by the built add-on, which must accept them.
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, ss } from "./tracker";
import { expect } from "./expect";

export function importedTracker(header: unknown[], rows: unknown[][], start = "2026-01-05"): Workbook {
  const wb = newTracker({ template: "blank", start, at: start });
  const tab = ss(wb).insertSheet("Paste");
  tab.getRange(1, 1, 1, header.length).setValues([header]);
  tab.getRange(2, 1, rows.length, header.length).setValues(rows);
  const r = callAddon(wb, "importOkrsFromTab", { tab: "Paste" });
  expect(r.ok, r.message).toBe(true);
  return wb;
}

// An import appends its objectives and key results below a team's own rows, with text literal ("'O9.KR1",
// env.ts asText) so that Sheets keeps it text. Objectives and Key Results a team formatted as Plain text keep
// that apostrophe as a character (src/local/sheets/format.ts parseTyped, "to check" 39): every imported ID
// and text showed a quote, and the KRs were known by their quoted IDs ("'O9.KR1") from then on.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, rowsOf, ss } from "../support/tracker";
import { addNewOkrsTab, checkIn, NEW_OKRS, trackerInUse } from "../support/inUse";

describe("an import into tabs formatted as Plain text", () => {
  it("writes the text itself there, and the imported KRs are known by their IDs", () => {
    const wb = trackerInUse();
    for (const name of ["Objectives", "Key Results"]) {
      const tab = ss(wb).getSheetByName(name)!;
      tab.getRange(1, 1, tab.getMaxRows(), 7).setNumberFormat("@"); // the typed columns, ID to Unit
    }
    addNewOkrsTab(wb);
    const r = callAddon(wb, "importOkrsFromTab", { tab: NEW_OKRS });
    expect(r, JSON.stringify(r).slice(0, 300)).toMatchObject({ ok: true, keyResults: 2 });
    const krs = rowsOf(wb, "Key Results").filter((k) => /O9/.test(String(k["ID"])));
    expect(krs.map((k) => [k["ID"], k["Objective ID"], k["Key result"], k["Metric"], k["Start"], k["Target"]])).toEqual([
      ["O9.KR1", "O9", "Sites live", "increase", 0, 10],
      ["O9.KR2", "O9", "Incidents", "decrease", 8, 2],
    ]);
    expect(rowsOf(wb, "Objectives").filter((o) => /O9/.test(String(o["ID"]))).map((o) => [o["ID"], o["Objective"]])).toEqual([["O9", "Ship the pilot"]]);
    expect(checkIn(wb, "O9.KR1", "3").ok).toBe(true);
    expect(callAddon(wb, "getSidebarData", {}).krs.map((k: { id: string }) => k.id)).toContain("O9.KR1");
  });
});

// Session 21's walk through an operations team's cycle, through the BUILT add-on (run `npm run build` first): at
// the retrospective the team marks cycle time "change" (its target of 4 days was out of reach; the mid-cycle
// review said so). Roll over carries it as it was, as documented, but said nothing of it: the plan's list of
// changed OKRs was made and never shown, so the KR started the new cycle unedited. The roll over names them.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, newTracker, setToday, ss } from "../support/tracker";

function closedWithDecisions(decisions: Record<string, string>) {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
  setToday(wb, "2026-04-05");
  expect(callAddon(wb, "endCycle", {})).toMatchObject({ ok: true });
  const retro = ss(wb).getSheetByName("Retrospective")!;
  const grid = retro.getDataRange().getValues();
  const header = grid.findIndex((r) => r.includes("Decision"));
  const col = grid[header].indexOf("Decision");
  for (const [id, d] of Object.entries(decisions)) {
    const row = grid.findIndex((r, i) => i > header && r[1] === id);
    retro.getRange(row + 1, col + 1).setValue(d);
  }
  setToday(wb, "2026-04-06");
  return wb;
}

describe("rolling over OKRs the retrospective marked change", () => {
  it("names them in the result (objectives, then KRs), to edit before their first check-in", () => {
    const wb = closedWithDecisions({ "O1.KR2": "change", O3: "Change", "O2.KR2": "remove" });
    const r = callAddon(wb, "rollOverCycle", { start: "2026-04-06" });
    expect(r).toMatchObject({ ok: true, changed: ["O3", "O1.KR2"] });
  });

  it("the menu's message says so under the archive line; nothing said when none is marked", () => {
    const wb = closedWithDecisions({ "O1.KR2": "change" });
    wb.services.ui.respond("2026-04-06");
    callAddonRaw(wb, "menuRollOver");
    const text = wb.services.ui.alerts[wb.services.ui.alerts.length - 1].prompt;
    expect(text.split("\n").slice(0, 3)).toEqual([
      expect.stringMatching(/has started with 3 objectives and \d+ key results\.$/),
      expect.stringMatching(/^The finished cycle is archived in: /),
      'Marked "change" in the Retrospective, carried as it was: O1.KR2. Edit it before its first check-in.',
    ]);
    const plain = closedWithDecisions({});
    plain.services.ui.respond("2026-04-06");
    callAddonRaw(plain, "menuRollOver");
    expect(plain.services.ui.alerts[plain.services.ui.alerts.length - 1].prompt).not.toContain("change");
  });
});

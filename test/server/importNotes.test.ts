// Session 21's walk through an operations team's cycle, through the BUILT add-on (run `npm run build` first): in
// week 5 the team adds a KR to an objective it already has. "Import OKRs" listed the import's own notes ("Objective
// O2 already exists: 1 key result is added to it.", "Ignored unknown column: notes.") under "Focus checks:", beside
// the real ones (an objective with 1 KR), so a lead read the KR they meant to add as a warning. The import's notes
// come first, as they are; the focus checks keep their heading.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, callAddonRaw, newTracker, rowsOf, setToday, ss } from "../support/tracker";

function paste(wb: ReturnType<typeof newTracker>, rows: unknown[][]): void {
  const tab = ss(wb).insertSheet("Week 5 KRs");
  tab.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
}

const ADD = [
  ["objective_id", "key_result", "owner", "metric", "unit", "start", "target", "notes"],
  ["O2", "Operators trained on standard work", "jonas@example.com", "increase", "operators", 0, 24, "agreed in the huddle"],
];

describe("importing a KR into an objective the tracker has", () => {
  it("gives the import's notes apart from the focus checks", () => {
    const wb = newTracker({ template: "blank", start: "2026-01-05", at: "2026-01-05" });
    paste(wb, [
      ["objective", "key_result", "owner", "metric", "unit", "start", "target"],
      ["Cut rework on line 2", "Rework rate", "maria@example.com", "decrease", "%", 8, 3],
      ["Cut rework on line 2", "On-time delivery", "jonas@example.com", "increase", "%", 82, 95],
      ["Stand up standard work", "Stations documented", "li@example.com", "milestone", "", "", ""],
      ["Stand up standard work", "Audits passed", "li@example.com", "increase", "audits", 0, 6],
      ["Third objective", "Scrap", "li@example.com", "decrease", "kg", 40, 30],
    ]);
    expect(callAddon(wb, "importOkrsFromTab", { tab: "Week 5 KRs" })).toMatchObject({ ok: true });
    ss(wb).deleteSheet(ss(wb).getSheetByName("Week 5 KRs")!);
    setToday(wb, "2026-02-03");
    paste(wb, ADD);
    const r = callAddon(wb, "importOkrsFromTab", { tab: "Week 5 KRs" });
    expect(r).toMatchObject({ ok: true, objectives: 0, keyResults: 1 });
    expect(r.notes).toEqual(["Ignored unknown column: notes.", "Objective O2 already exists: 1 key result is added to it."]);
    expect(r.warnings).toEqual(["Objective O3 has only 1 key result; aim for 2–4."]);

    ss(wb).deleteSheet(ss(wb).getSheetByName("Week 5 KRs")!);
    paste(wb, [ADD[0], ["O2", "Standard work audits", "jonas@example.com", "increase", "audits", 0, 12, ""]]);
    wb.services.ui.respond("Week 5 KRs");
    callAddonRaw(wb, "menuImport");
    expect(wb.services.ui.alerts[wb.services.ui.alerts.length - 1].prompt).toBe(
      [
        "Imported 0 objectives and 1 key result.",
        "Ignored unknown column: notes.",
        "Objective O2 already exists: 1 key result is added to it.",
        "",
        "Focus checks:",
        "• Objective O3 has only 1 key result; aim for 2–4.",
      ].join("\n"),
    );
  });
});

describe("importing into a tracker with an objective ID typed with spaces", () => {
  it("says which IDs its Repair trimmed, among the import's notes, in the reply and the menu's dialog", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    ss(wb).getSheetByName("Objectives")!.getRange("A3").setValue("O2 "); // O2's KRs (rows 5–6) now count for no objective
    paste(wb, [ADD[0], ["O2", "Standard work audits", "jonas@example.com", "increase", "audits", 0, 12, ""]]);
    const r = callAddon(wb, "importOkrsFromTab", { tab: "Week 5 KRs" });
    expect(r).toMatchObject({ ok: true, objectives: 0, keyResults: 1 });
    // The new KR named the objective with its spaces (so that it counted for it); Repair trimmed both, and names
    // only the user's: until session 22 also `O2.KR3's objective ID "O2 "`, the text the import itself had written.
    expect(ss(wb).getSheetByName("Objectives")!.getRange("A3").getValue()).toBe("O2");
    expect(rowsOf(wb, "Key Results").find((k) => k.ID === "O2.KR3")!["Objective ID"]).toBe("O2");
    const trims = [
      `Objectives: spaces typed around an ID removed ("O2 " (row 3)).`,
      "2 key results that counted for no objective now count for theirs (O2.KR1 for O2, O2.KR2 for O2): their objectives' scores change.",
    ];
    expect(r.notes).toEqual(["Ignored unknown column: notes.", "Objective O2 already exists: 1 key result is added to it.", ...trims]);
    expect(r.warnings.filter((w: string) => /spaces/.test(w))).toEqual([]);

    // The menu's dialog gives them as it gives the import's other notes.
    ss(wb).deleteSheet(ss(wb).getSheetByName("Week 5 KRs")!);
    ss(wb).getSheetByName("Objectives")!.getRange("A3").setValue("O2 ");
    paste(wb, [ADD[0], ["O2", "Audit follow-ups closed", "jonas@example.com", "increase", "audits", 0, 10, ""]]);
    wb.services.ui.respond("Week 5 KRs");
    callAddonRaw(wb, "menuImport");
    const said = wb.services.ui.alerts[wb.services.ui.alerts.length - 1].prompt.split("\n");
    expect(said.slice(0, 3)).toEqual(["Imported 0 objectives and 1 key result.", "Ignored unknown column: notes.", "Objective O2 already exists: 1 key result is added to it."]);
    // O2.KR1–3 (typed O2) counted for no objective while it was "O2 "; the new O2.KR4 named it so, and is not named.
    expect(said.slice(3)).toEqual([
      trims[0],
      "3 key results that counted for no objective now count for theirs (O2.KR1 for O2, O2.KR2 for O2, O2.KR3 for O2): their objectives' scores change.",
    ]);
  });
});

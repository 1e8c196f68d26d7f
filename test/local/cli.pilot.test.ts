// An operations team's pilot run through the command line (session 13's explorer): what a team does mid-cycle
// and what it then reads. Each case failed before its fix.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cliWorkspace } from "../support/cli";

const { dir, fixtures, rejected, ok } = cliWorkspace("okr-cli-pilot-");
const rows = async (file: string, sheet: string): Promise<Record<string, unknown>[]> => JSON.parse(await ok("show", file, "--sheet", sheet, "--json"));

describe("adding a key result to an objective already in the tracker", () => {
  it("a file with objective_id and no objective column adds the KR (it was refused: Missing required column: objective)", async () => {
    fixtures.copy("operations", join(dir, "add.xlsx"));
    writeFileSync(join(dir, "add.csv"), "objective_id,key_result,owner,metric,unit,start,target\nO1,Cut complaints from 30 to 15 a month,ana@example.com,decrease,complaints,30,15\n");
    const before = (await rows("add.xlsx", "Key Results")).length;
    const out = await ok("import", "add.xlsx", "add.csv");
    // Not "… and its other columns in the file are ignored" (session 19's pilot): the file gave none.
    expect(out.trim().split("\n")).toEqual(["Imported 0 objectives and 1 key result.", "Objective O1 already exists: 1 key result is added to it."]);
    const krs = await rows("add.xlsx", "Key Results");
    expect(krs).toHaveLength(before + 1);
    expect(krs[krs.length - 1]).toMatchObject({ "Objective ID": "O1", "Key result": "Cut complaints from 30 to 15 a month", Start: 30, Target: 15 });
  });

  it("without objective nor objective_id the column is still required; an unknown objective_id without its text is refused", async () => {
    fixtures.copy("operations", join(dir, "add2.xlsx"));
    writeFileSync(join(dir, "none.csv"), "key_result,owner,metric,start,target\nk,a@x,decrease,30,15\n");
    expect(await rejected("add2.xlsx", ["import", "add2.xlsx", "none.csv"])).toBe("okr-sheets: Nothing was imported. row 1: Missing required column: objective.");
    writeFileSync(join(dir, "new.csv"), "objective_id,key_result,owner,metric,start,target\nO9,k,a@x,decrease,30,15\n");
    expect(await rejected("add2.xlsx", ["import", "add2.xlsx", "new.csv"])).toBe("okr-sheets: Nothing was imported. row 2: objective is blank for the new objective O9.");
  });
});

describe("a target typed wrong mid-cycle", () => {
  it("the summary's first line names the KR no longer scored (it said nothing: the KR left its objective's score and every list)", async () => {
    fixtures.copy("operations", join(dir, "err.xlsx"));
    await ok("checkin", "err.xlsx", "--kr", "O1.KR1", "--value", "88", "--at", "2026-01-09");
    await ok("summary", "err.xlsx", "--at", "2026-01-12");
    const kr = (await rows("err.xlsx", "Key Results")).find((k) => k.ID === "O1.KR1") as Record<string, unknown>;
    await ok("edit", "err.xlsx", "--sheet", "Key Results", "--range", `H${kr._row}`, "--value", String(kr.Start));
    await ok("summary", "err.xlsx", "--at", "2026-01-19");
    const summary = JSON.parse(await ok("show", "err.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-01-19"));
    const first = summary.sections.find((s: { title: string }) => s.title === "This week").notes[0];
    expect(first).toBe("No KR fell off track; 0 off track and 0 at risk in all; 1 KR not scored: setup error (O1.KR1).");
  });
});

describe("start and target the wrong way round for the metric", () => {
  it("import says which rows and still imports them (it said nothing; a rework rate 'decrease' typed 4 → 8 scored every rise as progress)", async () => {
    fixtures.copy("blank", join(dir, "dir.xlsx"));
    writeFileSync(
      join(dir, "dir.csv"),
      "objective;key_result;owner;metric;unit;start;target\n" +
        "Right first time;Cut rework rate from 8% to 4%;ana@x.com;decrease;%;4;8\n" +
        "Right first time;Raise on-time delivery from 82% to 95%;ben@x.com;increase;%;95;82\n" +
        "Right first time;Cut cost per unit;ben@x.com;decrease;€;14,20;12,50\n",
    );
    const out = await ok("import", "dir.xlsx", "dir.csv");
    expect(out.trim().split("\n")).toEqual([
      "Imported 1 objective and 3 key results.",
      'Row 2: O1.KR1 is "decrease" but its target (8%) is above its start (4%), so it would score a rise as progress; swap start and target, or make the metric "increase".',
      'Row 3: O1.KR2 is "increase" but its target (82%) is below its start (95%), so it would score a fall as progress; swap start and target, or make the metric "decrease".',
    ]);
    expect((await rows("dir.xlsx", "Key Results")).map((k) => [k.ID, k.Start, k.Target])).toEqual([
      ["O1.KR1", 4, 8],
      ["O1.KR2", 95, 82],
      ["O1.KR3", 14.2, 12.5],
    ]);
  });
});

describe("the mid-cycle review run again", () => {
  it("keeps the decisions and notes the team typed, by ID (a second run, after a late check-in, wiped them)", async () => {
    fixtures.copy("operations", join(dir, "rev.xlsx"));
    await ok("checkin", "rev.xlsx", "--kr", "O1.KR1", "--value", "88", "--at", "2026-02-13");
    await ok("review", "rev.xlsx", "--at", "2026-02-16");
    const table = async () => {
      const r = JSON.parse(await ok("show", "rev.xlsx", "--sheet", "Mid-cycle Review", "--json"));
      return r.sections.find((s: { headers: string[] }) => s.headers.includes("Decision")).rows as Record<string, unknown>[];
    };
    const row = (await table()).find((r) => r.ID === "O1.KR2")!;
    const obj = (await table()).find((r) => r.ID === "O1")!;
    await ok("edit", "rev.xlsx", "--sheet", "Mid-cycle Review", "--range", `I${row._row}`, "--value", "drop");
    await ok("edit", "rev.xlsx", "--sheet", "Mid-cycle Review", "--range", `J${row._row}`, "--value", "Measured by the ERP now");
    await ok("edit", "rev.xlsx", "--sheet", "Mid-cycle Review", "--range", `I${obj._row}`, "--value", "keep");
    // A late check-in, and the review is run again.
    await ok("checkin", "rev.xlsx", "--kr", "O2.KR1", "--value", "5.5", "--at", "2026-02-16");
    await ok("review", "rev.xlsx", "--at", "2026-02-16");
    const again = await table();
    expect(again.find((r) => r.ID === "O1.KR2")).toMatchObject({ Decision: "drop", Notes: "Measured by the ERP now" });
    expect(again.find((r) => r.ID === "O1")).toMatchObject({ Decision: "keep", Notes: "" });
    expect(again.find((r) => r.ID === "O2.KR1")).toMatchObject({ Decision: "", Notes: "" });
  });
});

describe("a target edited between two summaries", () => {
  it("the biggest gain it makes says the value did not change (it read as progress in a week without a check-in)", async () => {
    fixtures.copy("operations", join(dir, "tgt.xlsx"));
    for (const at of ["2026-01-09", "2026-01-16"]) await ok("checkin", "tgt.xlsx", "--kr", "O3.KR1", "--value", "41", "--at", at);
    await ok("summary", "tgt.xlsx", "--at", "2026-01-19");
    const kr = (await rows("tgt.xlsx", "Key Results")).find((k) => k.ID === "O3.KR1")!;
    await ok("edit", "tgt.xlsx", "--sheet", "Key Results", "--range", `H${kr._row}`, "--value", "39");
    await ok("summary", "tgt.xlsx", "--at", "2026-01-26");
    const summary = JSON.parse(await ok("show", "tgt.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-01-26"));
    const lines = summary.sections.find((s: { title: string }) => s.title === "This week").notes;
    // 42 → 41 against a target of 36 scored 0.17; against 39, 0.33.
    expect(lines[2]).toBe("Biggest gain: O3.KR1 +0.17 (value unchanged: its start, target or metric was edited); no score fell.");
    // A gain from a check-in is worded as before.
    await ok("checkin", "tgt.xlsx", "--kr", "O3.KR1", "--value", "40", "--at", "2026-01-30");
    await ok("summary", "tgt.xlsx", "--at", "2026-02-02");
    const next = JSON.parse(await ok("show", "tgt.xlsx", "--sheet", "Weekly Summary", "--json", "--at", "2026-02-02"));
    expect(next.sections.find((s: { title: string }) => s.title === "This week").notes[2]).toBe("Biggest gain: O3.KR1 +0.33; no score fell.");
  });
});

// What `okr-sheets repair` and `okr-sheets import` say about the spaces Repair removes around IDs (session 21:
// Repair trims "O1 " to O1, core/idSpaces.ts). Repair's line said "rows kept." before naming the IDs it had
// changed, under "Restored:" ("…; A key result counted …"), and the import, whose Repair trims them too, said nothing: a user importing into a tracker with
// "O1 " was not told it had become O1.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-id-spaces-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = ["--at", "2026-01-06"];
async function trackerWithSpacedO1(file: string): Promise<void> {
  expect((await runCli(dir, ["new", file, "--template", "operations", "--start", "2026-01-05", ...AT])).status).toBe(0);
  expect((await runCli(dir, ["edit", file, "--sheet", "Key Results", "--range", "B3", "--value", "O1 ", ...AT])).status).toBe(0);
}

describe("okr-sheets repair over an objective ID typed with spaces", () => {
  it("says the rows were kept but for the spaces it removed, then which, each a sentence (not under Restored:)", async () => {
    await trackerWithSpacedO1("r.xlsx");
    const r = await runCli(dir, ["repair", "r.xlsx", ...AT]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd()).toBe(
      "Repaired r.xlsx: formulas, formatting, dropdowns and protection restored; rows kept, but for the spaces removed around IDs. " +
        `Key Results: spaces typed around an ID removed (O1.KR2's objective ID "O1 "). A key result that counted for no objective now counts for its own (O1.KR2 for O1): its objective's score changes.`,
    );
    // A repair with nothing to trim says the rows were kept, no more.
    expect((await runCli(dir, ["repair", "r.xlsx", ...AT])).stdout.trimEnd()).toBe("Repaired r.xlsx: formulas, formatting, dropdowns and protection restored; rows kept.");
  });
});

describe("okr-sheets import into a tracker with an ID typed with spaces", () => {
  it("says which IDs its Repair trimmed, among its notes", async () => {
    await trackerWithSpacedO1("i.xlsx");
    writeFileSync(join(dir, "add.csv"), ["objective_id,key_result,owner,metric,unit,start,target", "O2,Operators trained,jonas@example.com,increase,operators,0,24", ""].join("\n"));
    const r = await runCli(dir, ["import", "i.xlsx", "add.csv", ...AT]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "Imported 0 objectives and 1 key result.",
      "Objective O2 already exists: 1 key result is added to it.",
      `Key Results: spaces typed around an ID removed (O1.KR2's objective ID "O1 ").`,
      "A key result that counted for no objective now counts for its own (O1.KR2 for O1): its objective's score changes.",
    ]);
  });
});

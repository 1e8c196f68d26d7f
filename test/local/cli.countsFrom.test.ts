// `okr-sheets import` of KRs in week 7 of a tracker file: they are dated that day in Key Results `Counts from`,
// which the .xlsx keeps, and judged from it (docs/scoring.md#a-kr-added-mid-cycle); the others are unchanged.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { rejectedBy, runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-counts-from-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function show(at: string): Promise<Record<string, unknown>[]> {
  const r = await runCli(dir, ["show", "t.xlsx", "--sheet", "Key Results", "--json", "--at", at]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("okr-sheets import in week 7", () => {
  it("dates the new KR, keeps the date in the file, and paces it from that day", async () => {
    expect((await runCli(dir, ["new", "t.xlsx", "--template", "operations", "--start", "2026-01-05"])).status).toBe(0);
    writeFileSync(join(dir, "more.csv"), ["objective_id,key_result,owner,metric,start,target", "O1,Cut rework,ops.lead@example.com,increase,0,10", ""].join("\n"));
    const r = await runCli(dir, ["import", "t.xlsx", "more.csv", "--at", "2026-02-16"]);
    expect(r.stdout, r.stderr).toContain("Imported 0 objectives and 1 key result.");
    const week7 = await show("2026-02-16");
    const added = week7.find((k) => k.ID === "O1.KR4")!;
    expect([added["Counts from"], added.Expected, added.Status]).toEqual(["2026-02-16", 0, "Not started"]);
    // The others as before, bit for bit: 42 of 91 days × the goal (O3 is aspirational, 0.7).
    const others = week7.filter((k) => k.ID !== "O1.KR4");
    expect(others.map((k) => [k["Counts from"], k.Expected])).toEqual(others.map((k) => ["", (42 / 91) * (k["Objective ID"] === "O3" ? 0.7 : 1)]));
    const week11 = await show("2026-03-16");
    expect(week11.find((k) => k.ID === "O1.KR4")!.Expected).toBe(28 / 49);
    expect(week11.find((k) => k.ID === "O1.KR1")!.Expected).toBe(70 / 91);
  });

  it("a counts_from column dates its KRs (a day as --at reads it); a day past the cycle is refused naming the row, the file untouched", async () => {
    writeFileSync(
      join(dir, "dated.csv"),
      ["objective_id,key_result,owner,metric,start,target,Counts from", "O1,Cut scrap,ops.lead@example.com,increase,0,10,02.02.2026", "O1,Cut waste,ops.lead@example.com,increase,0,10,", ""].join("\n"),
    );
    const r = await runCli(dir, ["import", "t.xlsx", "dated.csv", "--at", "2026-02-16"]);
    expect(r.stdout, r.stderr).toContain("Imported 0 objectives and 2 key results.");
    const krs = await show("2026-02-16");
    const dated = (title: string) => krs.find((k) => k["Key result"] === title)!;
    expect([dated("Cut scrap")["Counts from"], dated("Cut waste")["Counts from"]]).toEqual(["2026-02-02", "2026-02-16"]);
    expect(dated("Cut scrap").Expected).toBe(14 / 63);

    writeFileSync(join(dir, "late.csv"), ["objective_id,key_result,owner,metric,start,target,counts_from", "O1,Cut delays,ops.lead@example.com,increase,0,10,2026-04-06", ""].join("\n"));
    const line = await rejectedBy((...a) => runCli(dir, a), dir, "t.xlsx", ["import", "t.xlsx", "late.csv", "--at", "2026-02-16"]);
    expect(line).toBe("okr-sheets: Nothing was imported. row 2: counts_from 2026-04-06 is after the cycle's last day (2026-04-05): use a day of the cycle, or leave it blank.");
  });
});

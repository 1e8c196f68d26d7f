// `okr-sheets import` of the same CSV twice: the second run doubled every objective and KR, silently (rows
// without kr_id match nothing). It is now refused in one line naming a KR already there, and the workbook is
// left as it was (docs/workbook.md "Importing the same OKRs twice").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-import-twice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("okr-sheets import: the same file twice", () => {
  it("the second import is refused, naming the first KR already there; the workbook is unchanged", async () => {
    expect((await runCli(dir, ["new", "t.xlsx", "--start", "2026-01-05"])).status).toBe(0);
    writeFileSync(join(dir, "okrs.csv"), ["objective,key_result,owner,metric,start,target", "Ship,On time,ana@example.com,increase,80,95", "Ship,Fewer bugs,ana@example.com,decrease,9,2", ""].join("\n"));
    expect((await runCli(dir, ["import", "t.xlsx", "okrs.csv"])).stdout).toContain("Imported 1 objective and 2 key results.");
    const before = readFileSync(join(dir, "t.xlsx"));
    const r = await runCli(dir, ["import", "t.xlsx", "okrs.csv"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Nothing was imported. row 2: key result "On time" is already in the tracker (O1.KR1), as is every row: it was imported before.');
    expect(readFileSync(join(dir, "t.xlsx")).equals(before)).toBe(true);
  });
});

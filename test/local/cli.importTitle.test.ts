// `okr-sheets import` of a CSV whose header is below a title line, as exported from a sheet headed "Q3
// OKRs": it was refused before the add-on saw it ("row 2 has 6 cells but the header has 1", the title
// taken as the header). The CLI now takes the header where the import does (core/importRows.ts), and its
// separator from it. And `show` of a title with a line break in it, as such a CSV gives one.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-import-title-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("okr-sheets show: a key result typed on two lines (a quoted line break in the CSV)", () => {
  it("prints its row on one line, the break as ↵; --json keeps the text as typed", async () => {
    // Before session 17 the rest of the row went to a line of its own, under the row numbers.
    expect((await runCli(dir, ["new", "nl.xlsx", "--start", "2026-01-05"])).status).toBe(0);
    writeFileSync(join(dir, "nl.csv"), 'objective,key_result,owner,metric,start,target\nShip,"Cut lead time\r\nfrom 10 to 6 days",ana@example.com,decrease,10,6\n');
    expect((await runCli(dir, ["import", "nl.xlsx", "nl.csv"])).status).toBe(0);
    const shown = (await runCli(dir, ["show", "nl.xlsx", "--sheet", "Key Results"])).stdout.split("\n");
    expect(shown.filter((l) => /^\s+2\s/.test(l))).toHaveLength(1);
    expect(shown.find((l) => /^\s+2\s/.test(l))).toMatch(/ O1\.KR1 +O1 +Cut lead time↵from 10 to 6 days +ana@example\.com +decrease /);
    expect(shown.filter(Boolean)).toHaveLength(4); // the letters, the header, its rule, the row
    const krs = JSON.parse((await runCli(dir, ["show", "nl.xlsx", "--sheet", "Key Results", "--json"])).stdout);
    expect(krs[0]["Key result"]).toBe("Cut lead time\nfrom 10 to 6 days");
  });
});

describe("okr-sheets import: a title line above the header", () => {
  it("is skipped; the rows under the header are imported", async () => {
    expect((await runCli(dir, ["new", "t.xlsx", "--start", "2026-01-05"])).status).toBe(0);
    writeFileSync(join(dir, "okrs.csv"), ["Q3 OKRs", "", "objective,key_result,owner,metric,start,target", "Ship,On time,ana@example.com,increase,80,95", ""].join("\n"));
    const r = await runCli(dir, ["import", "t.xlsx", "okrs.csv"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("Imported 1 objective and 1 key result.");
  });

  it("above a semicolon-separated header too: the separator is the header's, not the title's", async () => {
    // Before session 17: "row 4 has 2 cells but the header has 1 (put cells containing commas in double quotes)",
    // the separator taken from the title line, which has none.
    expect((await runCli(dir, ["new", "eu.xlsx", "--start", "2026-01-05"])).status).toBe(0);
    writeFileSync(join(dir, "eu.csv"), ["Q3 OKRs", "", "objective;key_result;owner;metric;start;target", "Ship;On time;ana@example.com;increase;80;95,5", ""].join("\n"));
    const r = await runCli(dir, ["import", "eu.xlsx", "eu.csv"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const krs = JSON.parse((await runCli(dir, ["show", "eu.xlsx", "--sheet", "Key Results", "--json"])).stdout);
    expect(krs.map((k: Record<string, unknown>) => [k["Key result"], k["Target"]])).toEqual([["On time", 95.5]]);
  });
});

// `okr-sheets checkin` without `--as` (and a batch row without `as`) acts as the KR's owner. Until session 19
// it took the Owner cell whole and called it blank by trim(): a cell holding only a zero-width space (pasted)
// passed as an owner and was refused as "O1.KR1 belongs to ​; …", and a co-owned cell ("anna@…, bo@…") was
// sent as one person no cell names, refused as someone else's. It now reads the cell as the add-on does
// (core/owners.ts): nobody named is "no owner yet", co-owners are acted for by the first.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { rejectedBy, runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-checkin-owner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runCli(dir, args);

beforeAll(async () => {
  expect((await run("new", "o.xlsx", "--start", "2026-01-05", "--at", "2026-01-05")).status).toBe(0);
  writeFileSync(
    join(dir, "o.csv"),
    "objective,key_result,owner,metric,start,target\n" +
      "Ship,On time,\u200b,increase,80,95\n" +
      'Ship,Returns,"Anna Lee <anna@example.com>, bo@example.com",decrease,6,3\n' +
      "Ship,Refunds,mailto:,decrease,6,3\n",
  );
  const r = await run("import", "o.xlsx", "o.csv", "--at", "2026-01-05");
  expect(r.status, r.stderr).toBe(0);
});

describe("okr-sheets checkin acting as the KR's owner", () => {
  it("says a KR whose Owner names nobody (a zero-width space, a bare mailto:) has no owner yet", async () => {
    for (const kr of ["O1.KR1", "O1.KR3"]) {
      const line = await rejectedBy(run, dir, "o.xlsx", ["checkin", "o.xlsx", "--kr", kr, "--value", "84", "--at", "2026-01-06"]);
      expect(line).toBe(`okr-sheets: ${kr} has no owner yet: fill in its Owner, or check in as an admin with --as EMAIL.`);
    }
  });

  it("checks in on a co-owned KR as its first owner", async () => {
    const r = await run("checkin", "o.xlsx", "--kr", "O1.KR2", "--value", "5", "--at", "2026-01-06");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Checked in O1\.KR2: value 5/);
    const log = JSON.parse((await run("show", "o.xlsx", "--sheet", "Check-ins", "--json")).stdout);
    expect(log.map((c: Record<string, unknown>) => c.Author)).toEqual(["Anna Lee <anna@example.com> (chosen; no email available)"]);
  });

  it("refuses a batch row on a KR whose Owner names nobody, and takes one on a co-owned KR", async () => {
    writeFileSync(join(dir, "c.csv"), "kr_id,value,at\nO1.KR1,84,2026-01-07\nO1.KR2,4,2026-01-07\n");
    const line = await rejectedBy(run, dir, "o.xlsx", ["checkin", "o.xlsx", "--from", "c.csv", "--at", "2026-01-07"]);
    expect(line).toBe(`okr-sheets: c.csv: nothing was checked in. row 2: O1.KR1 has no owner yet: fill in its Owner, or give an admin's email in "as".`);
    writeFileSync(join(dir, "c.csv"), "kr_id,value,at\nO1.KR2,4,2026-01-07\n");
    const r = await run("checkin", "o.xlsx", "--from", "c.csv", "--at", "2026-01-07");
    expect(r.status, r.stderr).toBe(0);
  });
});

// `okr-sheets import` of owners pasted from a mail program ("Lee, Anna" <anna@example.com>) or typed as a
// name only ("Ben Ops"). Until session 17 both imported without a word, and the sidebar then listed nothing
// to either person: the whole cell was compared with the signed-in email. A named address is now that
// address wherever an owner is matched; a name alone is warned of (not refused) in the import's output.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-import-owners-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("okr-sheets import: owners with display names, or names only", () => {
  it("imports them as typed, warns of the name without an address, and the named address checks in as its owner", async () => {
    expect((await runCli(dir, ["new", "o.xlsx", "--start", "2026-01-05", "--at", "2026-01-05"])).status).toBe(0);
    writeFileSync(
      join(dir, "o.csv"),
      'objective,key_result,owner,metric,start,target\nShip,On time,"""Lee, Anna"" <Anna@Example.com>",increase,80,95\nShip,Returns,Ben Ops,decrease,6,3\n',
    );
    const r = await runCli(dir, ["import", "o.xlsx", "o.csv", "--at", "2026-01-05"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").filter((l) => / owner /.test(l))).toEqual([
      `Focus check: Key result O1.KR2's owner "Ben Ops" holds no email address: the sidebar lists a KR to the person signed in with its owner's address, so "Ben Ops" does not see O1.KR2 there and is sent no reminder for it. Type the owner's email, alone or as Name <email>.`,
    ]);
    const krs = JSON.parse((await runCli(dir, ["show", "o.xlsx", "--sheet", "Key Results", "--json"])).stdout);
    expect(krs.map((k: Record<string, unknown>) => k.Owner)).toEqual(['"Lee, Anna" <Anna@Example.com>', "Ben Ops"]);
    const c = await runCli(dir, ["checkin", "o.xlsx", "--kr", "O1.KR1", "--value", "84", "--as", "anna@example.com", "--at", "2026-01-06"]);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/^Checked in O1\.KR1: value 84/);
  });
});

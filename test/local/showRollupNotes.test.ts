// `show --json` of the Portfolio Roll-up: the sentences under the "At this pace" table ("Not forecast yet
// (…): team-c.") are the section's notes, not a row with the sentence as its Team (until session 12 a
// script reading the rows got a team named "Not forecast yet (…)", and the terminal's Team column was 40
// characters wide for it). In process through the CLI's main().
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-rollup-notes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ok(...args: string[]): Promise<string> {
  const r = await runCli(dir, args);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe("show of the roll-up's At this pace section", () => {
  it("gives the teams not forecast yet as a note, the forecast KRs as rows", async () => {
    // The three trackers start alike: made and imported once, then copied (two commands fewer per copy).
    await ok("new", "company.xlsx", "--start", "2027-01-04", "--time-zone", "Etc/UTC", "--at", "2027-01-04");
    writeFileSync(join(dir, "okrs.csv"), "objective,key_result,owner,metric,unit,start,target\nFewer defects,Cut rework from 7.5% to 3%,lena@ops.example,decrease,%,7.5,3\nFewer defects,Cut scrap from 40 to 20,lena@ops.example,decrease,EUR,40,20\n");
    await ok("import", "company.xlsx", "okrs.csv");
    for (const f of ["team-a", "team-c"]) copyFileSync(join(dir, "company.xlsx"), join(dir, `${f}.xlsx`));
    // team-a: three weeks of a slow rework rate (forecast to miss); team-c: one check-in, no forecast yet.
    writeFileSync(join(dir, "a.csv"), "kr_id,value,at\nO1.KR1,7.4,2027-01-07\nO1.KR1,7.3,2027-01-14\nO1.KR1,7.2,2027-01-21\n");
    await ok("checkin", "team-a.xlsx", "--from", "a.csv", "--at", "2027-01-21");
    await ok("checkin", "team-c.xlsx", "--kr", "O1.KR1", "--value", "7", "--at", "2027-01-21");
    await ok("rollup", "company.xlsx", "team-a.xlsx", "team-c.xlsx", "--at", "2027-01-25");

    const report = JSON.parse(await ok("show", "company.xlsx", "--sheet", "Portfolio Roll-up", "--json", "--at", "2027-01-25"));
    const pace = report.sections.find((s: { title: string }) => s.title.startsWith("At this pace"));
    expect(pace.rows.map((r: Record<string, unknown>) => [r["Team"], r["KR"]])).toEqual([["team-a", "O1.KR1"]]);
    expect(pace.notes[pace.notes.length - 1]).toMatch(/^Not forecast yet \(.*\): team-c\.$/);
    const text = await ok("show", "company.xlsx", "--sheet", "Portfolio Roll-up", "--at", "2027-01-25");
    expect(text).toMatch(/^ *\d+  Not forecast yet \(.*\): team-c\.$/m);
    expect(text).toMatch(/^ *\d+  team-a  O1\.KR1  /m);
  });
});

// The command line as people use it, in process (main() with captured output): check-ins with units,
// --confirm, --correct, batch check-ins from a CSV, semicolon CSV imports, refusals in terminal words.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { rejectedBy, runCli, type CliRun } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-ux-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `okr-sheets ARGS` in process, with .xlsx and .csv names in this file's folder. */
function run(...args: string[]): Promise<CliRun> {
  return runCli(dir, args.map((a) => (a.endsWith(".xlsx") || a.endsWith(".csv") ? join(dir, a) : a)));
}

const bytes = (f: string) => readFileSync(join(dir, f));

/** A rejection: exit 1, one line naming the problem, the file byte-identical. */
const rejected = (file: string, args: string[]): Promise<string> => rejectedBy(run, dir, file, args);

async function log(file: string): Promise<Record<string, unknown>[]> {
  const r = await run("show", file, "--sheet", "Check-ins", "--json");
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  const r = await run("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05", "--at", "2026-01-05");
  expect(r.status, r.stderr).toBe(0);
});

describe("checkin with units", () => {
  it('"85%" on a % KR saves 85; on a days KR it is refused in terminal words (no internal field names)', async () => {
    writeFileSync(join(dir, "a.xlsx"), bytes("ops.xlsx"));
    const ok = await run("checkin", "a.xlsx", "--kr", "O1.KR1", "--value", "85%", "--at", "2026-01-20");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Checked in O1.KR1: value 85%, /);
    const msg = await rejected("a.xlsx", ["checkin", "a.xlsx", "--kr", "O1.KR2", "--value", "85%", "--at", "2026-01-20"]);
    expect(msg).toBe('okr-sheets: Nothing was saved. --value: This key result is measured in "days", not %: type the number without the % sign.');
    expect(msg).not.toMatch(/krId|highlighted|marked below|marked fields/);
  });

  it('"89 percent" and "89 pct" on a % KR are 89, as "89%"; on a days KR refused as the % sign is', async () => {
    writeFileSync(join(dir, "p.xlsx"), bytes("ops.xlsx"));
    for (const v of ["89 percent", "89 pct", "89 Percent"]) {
      const ok = await run("checkin", "p.xlsx", "--kr", "O1.KR1", "--value", v, "--at", "2026-01-20");
      expect(ok.status, `${v}: ${ok.stderr}`).toBe(0);
      expect(ok.stdout).toMatch(/^Checked in O1.KR1: value 89%, /);
    }
    const msg = await rejected("p.xlsx", ["checkin", "p.xlsx", "--kr", "O1.KR2", "--value", "8 percent", "--at", "2026-01-20"]);
    expect(msg).toBe('okr-sheets: Nothing was saved. --value: This key result is measured in "days", not %: type the number without the % sign.');
  });

  it("an implausible value needs --confirm", async () => {
    writeFileSync(join(dir, "b.xlsx"), bytes("ops.xlsx"));
    const msg = await rejected("b.xlsx", ["checkin", "b.xlsx", "--kr", "O1.KR2", "--value", "-3", "--at", "2026-01-20"]);
    expect(msg).toBe("okr-sheets: \u22123 days is outside 9.5 days → 6 days; submit anyway? Nothing was saved: run it again with --confirm to save it.");
    const r = await run("checkin", "b.xlsx", "--kr", "O1.KR2", "--value", "-3", "--confirm", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
  });

  it("a fraction typed on a whole-percent KR (0.068 for 6.8% on a rework rate 6.5% → 3%) asks first instead of scoring 1.00", async () => {
    writeFileSync(join(dir, "f.xlsx"), bytes("ops.xlsx"));
    const msg = await rejected("f.xlsx", ["checkin", "f.xlsx", "--kr", "O2.KR1", "--value", "0.058", "--at", "2026-01-20"]);
    expect(msg).toBe(
      "okr-sheets: 0.058% is outside 6.5% → 3%: its start and target are in whole percentages (3% is typed 3), so type 5.8 for 5.8%; submit 0.058 anyway? Nothing was saved: run it again with --confirm to save it.",
    );
    const r = await run("checkin", "f.xlsx", "--kr", "O2.KR1", "--value", "5.8", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Checked in O2.KR1: value 5.8%, score 0.20, /);
  });

  it("--correct replaces the week's last check-in: both rows stay, Current follows", async () => {
    writeFileSync(join(dir, "c.xlsx"), bytes("ops.xlsx"));
    expect((await run("checkin", "c.xlsx", "--kr", "O1.KR2", "--value", "9", "--at", "2026-01-20")).status).toBe(0);
    const r = await run("checkin", "c.xlsx", "--kr", "O1.KR2", "--value", "8", "--correct", "--comment", "typo", "--at", "2026-01-21");
    expect(r.status, r.stderr).toBe(0);
    const rows = await log("c.xlsx");
    expect(rows.map((x) => x["Value"])).toEqual([9, 8]);
    expect(String(rows[1]["What changed"])).toMatch(new RegExp(`^Correction of check-in ${rows[0]["Request ID"]} \\(2026-01-20, value 9 days\\)\\. typo$`));
    const krs = JSON.parse((await run("show", "c.xlsx", "--sheet", "Key Results", "--json")).stdout);
    expect(krs.find((k: Record<string, unknown>) => k["ID"] === "O1.KR2")["Current"]).toBe(8);
  });
});

describe("checkin --from CSV", () => {
  it("saves every row, each as its owner or the given user, on its own day", async () => {
    writeFileSync(join(dir, "d.xlsx"), bytes("ops.xlsx"));
    writeFileSync(
      join(dir, "week3.csv"),
      [
        "kr_id,value,confidence,what changed,blockers,next step,as,at",
        "O1.KR1,85%,7,Two new carriers,,Review routes,,2026-01-20",
        "O1.KR2,8.5 days,6,,Supplier late,,ops.lead@example.com,2026-01-21",
        "O2.KR1,\"5,5\",,,,,,",
      ].join("\n"),
    );
    const r = await run("checkin", "d.xlsx", "--from", "week3.csv", "--at", "2026-01-22");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 check-ins saved\.$/m);
    const rows = await log("d.xlsx");
    expect(rows.map((x) => [x["KR ID"], x["Value"], x["Timestamp"]])).toEqual([
      ["O1.KR1", 85, "2026-01-20"],
      ["O1.KR2", 8.5, "2026-01-21"],
      ["O2.KR1", 5.5, "2026-01-22"],
    ]);
    expect(rows[1]["Author"]).toBe("ops.lead@example.com");
    expect(rows[0]["Author"]).toBe("dispatch.lead@example.com (chosen; no email available)");
    expect(rows[1]["Blockers"]).toBe("Supplier late");
  });

  it("all or nothing: one bad row refuses the whole file, naming every bad row by its line", async () => {
    writeFileSync(join(dir, "e.xlsx"), bytes("ops.xlsx"));
    writeFileSync(join(dir, "bad.csv"), ["kr_id,value", "O1.KR1,90", "O1.KR2,85%", "NOPE,3", "O1.KR3,-400"].join("\n"));
    const msg = await rejected("e.xlsx", ["checkin", "e.xlsx", "--from", "bad.csv", "--at", "2026-01-20"]);
    expect(msg).toMatch(/bad\.csv: nothing was checked in\. row 3: value: This key result is measured in "days", not %/);
    expect(msg).toMatch(/row 4: There is no key result with ID "NOPE"\./);
    expect(msg).toMatch(/row 5: \u2212400 orders is far from the target 120 orders; submit anyway\? \(add --confirm to save it\)/);
    expect(msg).not.toMatch(/row 2/);
  });

  it("unknown columns and a missing value column are refused before anything runs", async () => {
    writeFileSync(join(dir, "f.xlsx"), bytes("ops.xlsx"));
    writeFileSync(join(dir, "cols.csv"), "kr,value\nO1.KR1,3\n");
    expect(await rejected("f.xlsx", ["checkin", "f.xlsx", "--from", "cols.csv"])).toMatch(/unknown column "kr" \(the columns are kr_id, value, confidence, what_changed, blockers, next_step, as, at\)\. the header has no "kr_id" column\./);
    const usage = await run("checkin", "f.xlsx", "--from", "cols.csv", "--kr", "O1.KR1");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--from takes its check-ins from the file: leave out --kr\./);
  });
});

describe("import: European CSV", () => {
  it("reads a semicolon-separated file with decimal commas", async () => {
    const r0 = await run("new", "g.xlsx", "--start", "2026-01-05", "--at", "2026-01-05");
    expect(r0.status, r0.stderr).toBe(0);
    writeFileSync(
      join(dir, "eu.csv"),
      "\ufeffobjective;key_result;owner;metric;unit;start;target\nLiefern;Durchlaufzeit senken;a@example.com;decrease;Tage;9,5;6,0\nLiefern;Pünktlich;a@example.com;increase;%;82;95%\n",
    );
    const r = await run("import", "g.xlsx", "eu.csv", "--at", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported 1 objective and 2 key results\./);
    const krs = JSON.parse((await run("show", "g.xlsx", "--sheet", "Key Results", "--json")).stdout);
    expect(krs.map((k: Record<string, unknown>) => [k["Start"], k["Target"]])).toEqual([[9.5, 6], [82, 95]]);
  });

  it("reads a tab-separated file (Excel's \"Text (Tab delimited)\", a copy of a Sheets range) as the columns it names", async () => {
    // Before session 17: "row 1: No header row: none of the first 10 rows names the columns objective, …", of a
    // header naming every one of them, tab-separated.
    expect((await run("new", "tab.xlsx", "--start", "2026-01-05", "--at", "2026-01-05")).status).toBe(0);
    writeFileSync(join(dir, "tab.csv"), "objective\tkey_result\towner\tmetric\tstart\ttarget\nShip, faster\tCut lead time\ta@example.com\tdecrease\t9.5\t6\n");
    const r = await run("import", "tab.xlsx", "tab.csv", "--at", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    const krs = JSON.parse((await run("show", "tab.xlsx", "--sheet", "Key Results", "--json")).stdout);
    expect(krs.map((k: Record<string, unknown>) => [k["Objective name"], k["Key result"], k["Start"], k["Target"]])).toEqual([["Ship, faster", "Cut lead time", 9.5, 6]]);
  });

  it("a team's objectives aligned to the company's (parent CO1) warn once per parent, saying the roll-up aligns to it", async () => {
    expect((await run("new", "team.xlsx", "--start", "2026-01-05", "--at", "2026-01-05")).status).toBe(0);
    writeFileSync(
      join(dir, "team.csv"),
      "objective,key_result,owner,metric,start,target,parent_objective_id\nShip on time,On-time,a@x.com,increase,78,92,CO1\nShip on time,Cycle time,b@x.com,decrease,11,7,CO1\nCheaper freight,Freight cost,c@x.com,decrease,3.2,2.6,CO2\nCheaper freight,Damage,d@x.com,decrease,2.5,2,CO2\n",
    );
    const r = await run("import", "team.xlsx", "team.csv", "--at", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    // The import's notes, not focus checks (session 21: they were labelled "Focus check:").
    expect(r.stdout.split("\n").filter((l) => /^(Focus check: )?Rows /.test(l))).toEqual([
      "Rows 2 and 3: parent_objective_id CO1 is not an objective in the tracker or the file (fine if it is the company tracker's: the portfolio roll-up aligns to it; otherwise a typo?).",
      "Rows 4 and 5: parent_objective_id CO2 is not an objective in the tracker or the file (fine if it is the company tracker's: the portfolio roll-up aligns to it; otherwise a typo?).",
    ]);
  });
});

describe("close and edit ask before doing what the add-on owns", () => {
  it("close before the cycle's last week asks for --early", async () => {
    writeFileSync(join(dir, "h.xlsx"), bytes("ops.xlsx"));
    const msg = await rejected("h.xlsx", ["close", "h.xlsx", "--at", "2026-02-10"]);
    expect(msg).toBe("okr-sheets: The cycle is in week 6 of 13: closing it now ends it early. Run it again with --early to close it anyway.");
    const r = await run("close", "h.xlsx", "--at", "2026-02-10", "--early");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^"Retrospective" written/);
    writeFileSync(join(dir, "h2.xlsx"), bytes("ops.xlsx"));
    expect((await run("close", "h2.xlsx", "--at", "2026-04-01")).status).toBe(0);
  });

  it("edit refuses formula cells, headers and the logs unless --force", async () => {
    writeFileSync(join(dir, "i.xlsx"), bytes("ops.xlsx"));
    expect(await rejected("i.xlsx", ["edit", "i.xlsx", "--sheet", "Key Results", "--range", "M2", "--value", "1"])).toBe(
      "okr-sheets: Key Results!M2 is a formula, kept by the add-on; edit it anyway with --force.",
    );
    expect(await rejected("i.xlsx", ["edit", "i.xlsx", "--sheet", "Key Results", "--range", "A1", "--value", "Id"])).toMatch(/is a header, kept by the add-on/);
    // A new tracker has no Weekly Summary: the first summary makes it.
    expect((await run("summary", "i.xlsx", "--at", "2026-01-20")).status).toBe(0);
    expect(await rejected("i.xlsx", ["edit", "i.xlsx", "--sheet", "Weekly Summary", "--range", "A1", "--value", "x"])).toMatch(/part of the Weekly Summary/);
    const typed = await run("edit", "i.xlsx", "--sheet", "Key Results", "--range", "H2", "--value", "96");
    expect(typed.status, typed.stderr).toBe(0);
    const forced = await run("edit", "i.xlsx", "--sheet", "Key Results", "--range", "M2", "--value", "1", "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^Key Results!M2 = 1/);
  });
});

it("leaves no stray files", () => {
  expect(existsSync(join(dir, "ops.xlsx"))).toBe(true);
});

describe("refusals keep the server's own words", () => {
  it("a check-in as someone who does not own the KR names its owner", async () => {
    writeFileSync(join(dir, "own.xlsx"), bytes("ops.xlsx"));
    const line = await rejected("own.xlsx", ["checkin", "own.xlsx", "--kr", "O1.KR1", "--value", "90", "--as", "quality.lead@example.com", "--at", "2026-01-20"]);
    expect(line).toMatch(/O1\.KR1 belongs to dispatch\.lead@example\.com/);
  });
});

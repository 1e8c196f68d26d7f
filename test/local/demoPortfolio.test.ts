// `okr-sheets demo DIR --portfolio` (src/local/demoPortfolio.ts), in-process through the CLI's `main`: the
// company tracker's roll-up holds what the team trackers it lists hold, as their own sheets show it on the
// demo's day, and says the listed finance tracker is missing.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

const AS_OF = "2026-11-15"; // the demo's "today" (docs/cli.md, demo)
const STATUSES = ["On track", "At risk", "Off track", "Not started", "Setup error"];

type Row = Record<string, unknown>;
interface Section {
  title: string;
  rows: Row[];
}

const dir = mkdtempSync(join(tmpdir(), "okr-demo-portfolio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, "demo", "portfolio");

async function show(file: string, sheet: string): Promise<unknown> {
  const r = await runCli(out, ["show", file, "--sheet", sheet, "--json", "--at", AS_OF]);
  if (r.status !== 0) throw new Error(`show ${file} ${sheet}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

let stdout = "";
let teams: Row[] = [];
let alignment: Row[] = [];
beforeAll(async () => {
  const r = await runCli(dir, ["demo", "demo", "--portfolio"]);
  if (r.status !== 0) throw new Error(r.stderr);
  stdout = r.stdout;
  const rollup = (await show("company.xlsx", "Portfolio Roll-up")) as { sections: Section[] };
  const section = (prefix: string) => rollup.sections.find((s) => s.title.startsWith(prefix))!.rows;
  teams = section("Teams");
  alignment = section("Alignment");
});

describe("demo --portfolio", () => {
  it("writes the company tracker and its two team trackers, and says the third is missing", async () => {
    expect(stdout).toContain(`Portfolio demo: ${join(out, "company.xlsx")} rolls up order-to-delivery.xlsx, customer-service.xlsx, finance.xlsx`);
    for (const f of ["company.xlsx", "order-to-delivery.xlsx", "customer-service.xlsx"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, "finance.xlsx"))).toBe(false);
    const listed = (await show("company.xlsx", "Portfolio")) as Row[];
    expect(listed.map((r) => [r["Tracker"], r["Team"]])).toEqual([
      ["order-to-delivery.xlsx", "order-to-delivery"],
      ["customer-service.xlsx", "customer-service"],
      ["finance.xlsx", "finance"],
    ]);
    // Worst first (since session 18): both on track, customer-service nearer its expected score; the missing tracker last.
    expect(teams.map((t) => t["Team"])).toEqual(["customer-service", "order-to-delivery", "finance"]);
    expect(String(teams[2]["Read"])).toMatch(/^Missing: /);
  });

  it.each(["order-to-delivery", "customer-service"])("rolls up %s as its own tracker shows it on the demo's day", async (team) => {
    const row = teams.find((t) => t["Team"] === team)!;
    expect(row["Read"]).toBe("Yes");
    const objectives = (await show(`${team}.xlsx`, "Objectives")) as Row[];
    const krs = (await show(`${team}.xlsx`, "Key Results")) as Row[];
    // The overall score: the plain mean of the objective scores (docs/scoring.md).
    const scores = objectives.map((o) => o["Score"]).filter((s): s is number => typeof s === "number");
    expect(row["Score"] as number).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
    for (const s of STATUSES) expect(row[s], `${team} ${s}`).toBe(krs.filter((k) => k["Status"] === s).length);
    expect(row["Last check-in"]).toBe(krs.map((k) => String(k["Last check-in"] ?? "")).sort().pop());
    // Its objectives under the company objectives their Parent ID names, with their own scores.
    let company = "";
    const under: { company: string; id: string; score: number }[] = [];
    for (const a of alignment) {
      const id = String(a["Objective"]).trim();
      if (!id.startsWith("↳")) company = id;
      else if (a["Team"] === team) under.push({ company, id: id.replace("↳", "").trim(), score: a["Score"] as number });
    }
    const parented = objectives.filter((o) => /^CO\d$/.test(String(o["Parent ID"])));
    expect(parented.length).toBeGreaterThan(0);
    expect(under.map((u) => [u.company, u.id])).toEqual(parented.map((o) => [o["Parent ID"], o["ID"]]));
    parented.forEach((o, i) => expect(under[i].score, `${team} ${o["ID"]}`).toBeCloseTo(o["Score"] as number, 9));
  });
});

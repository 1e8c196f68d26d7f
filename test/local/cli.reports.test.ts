// The command line on report tabs and cycle changes, in process (test/support/cli.ts): `show` of the
// Weekly Summary, Weekly Trend, Mid-cycle Review and Retrospective, rollover's focus checks, batch check-ins on the
// command's "today", and terminal wording.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makeFixtures, runCli, type CliRun } from "../support/cli";
import { loadXlsx, saveXlsx } from "../../src/local/xlsx";
import type { ReportSection } from "../../src/local/showReport";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-reports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fixtures: Awaited<ReturnType<typeof makeFixtures>>;
beforeAll(async () => {
  fixtures = await makeFixtures(join(dir, "fixtures"));
});

async function ok(args: string[], opts: { now?: Date } = {}): Promise<CliRun> {
  const r = await runCli(dir, args, opts);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
}

async function json(file: string, sheet: string): Promise<any> {
  return JSON.parse((await ok(["show", file, "--sheet", sheet, "--json"])).stdout);
}

describe("checkin --from on the command's today", () => {
  it("a row without `at` is dated on the injected today, not the real clock", async () => {
    fixtures.copy("operations", join(dir, "now.xlsx"));
    writeFileSync(join(dir, "now.csv"), "kr_id,value\nO1.KR1,85\nO2.KR1,5.5\n");
    await ok(["checkin", "now.xlsx", "--from", "now.csv"], { now: new Date("2026-01-21T09:00:00Z") });
    const log = await json("now.xlsx", "Check-ins");
    expect(log.map((r: Record<string, unknown>) => [r["KR ID"], r["Timestamp"], r["Week"]])).toEqual([
      ["O1.KR1", "2026-01-21", 3],
      ["O2.KR1", "2026-01-21", 3],
    ]);
  });
});

/** A report section as `show --json` prints it: the terminal's lines left out. */
type Section = Omit<ReportSection, "lines">;

/** A tracker with check-ins in weeks 2 and 3 and the week-3 summary. */
async function withSummary(file: string): Promise<void> {
  fixtures.copy("operations", join(dir, file));
  writeFileSync(
    join(dir, `${file}.csv`),
    [
      "kr_id,value,confidence,what changed,blockers,next step,at",
      "O1.KR1,84,7,Two new carriers,,Review routes,2026-01-13",
      "O1.KR2,9.4,6,Slower,Paint shop,Second shift,2026-01-13",
      "O1.KR2,9.6,4,Even slower,Paint shop runs one shift,Ask for a trial of a second shift,2026-01-20",
      "O2.KR1,6.0,7,,,,2026-01-20",
    ].join("\n"),
  );
  await ok(["checkin", file, "--from", `${file}.csv`, "--at", "2026-01-20"]);
  await ok(["summary", file, "--at", "2026-01-21"]);
}

describe("show of a report tab", () => {
  it("--json gives the title block and each table under its own header, its rows only", async () => {
    await withSummary("ws.xlsx");
    const ws = await json("ws.xlsx", "Weekly Summary");
    expect(ws.tab).toBe("Weekly Summary");
    expect(ws.title[0]).toMatch(/^Weekly summary — /);
    expect(ws.title.join(" ")).toMatch(/Week 3 of 13/);
    const sections: Section[] = ws.sections;
    const byTitle = (t: RegExp) => sections.find((s) => s.title !== null && t.test(s.title))!;
    const objectives = byTitle(/^Objectives\b/);
    expect(objectives.headers.slice(0, 3)).toEqual(["ID", "Objective", "Owner"]);
    expect(objectives.rows.map((r) => r["ID"]).sort()).toEqual(["O1", "O2", "O3"]);
    const attention = byTitle(/^Needs attention/);
    expect(attention.headers, "every column, not the Objectives header's").toContain("Next step");
    const kr2 = attention.rows.find((r) => r["ID"] === "O1.KR2")!;
    expect([kr2["Blockers"], kr2["Next step"]]).toEqual(["Paint shop runs one shift", "Ask for a trial of a second shift"]);
    // Each section's rows lie between its header and the next section: no 25 rows of every section.
    const within = (list: Section[]) =>
      list.forEach((s, i) => {
        const end = i + 1 < list.length ? list[i + 1].row : Infinity;
        for (const r of s.rows) expect((r._row as number) > (s.headerRow as number) && (r._row as number) < end, `${s.title} row ${r._row}`).toBe(true);
      });
    within(sections);
    expect(sections.filter((s) => s.headers[0] === "ID" && s.headers[1] === "Objective")).toHaveLength(1);
    // The trend and the Chart data have a tab of their own.
    expect(sections.filter((s) => /^(Trend|Chart data)/.test(s.title ?? "") || s.headers.includes("Last weeks"))).toEqual([]);

    // The Weekly Trend: the trend from A1 (its heading a section's title, not a title block), then the
    // Chart data below it, its tables from column B (their labels) with the weeks under the trend's.
    const wt = await json("ws.xlsx", "Weekly Trend");
    expect(wt.tab).toBe("Weekly Trend");
    expect(wt.title).toEqual([]);
    const tsections: Section[] = wt.sections;
    const weeks = Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`);
    expect(tsections[0]).toMatchObject({ title: "Trend: each KR's value on its week's summary day", row: 1, column: 1, headerRow: 2 });
    expect(tsections[0].headers).toEqual(["ID", "Key result", ...weeks, "Trend", "Last weeks"]);
    expect(tsections[0].rows.map((r) => r["ID"])).toEqual(["O1.KR1", "O1.KR2", "O1.KR3", "O2.KR1", "O2.KR2", "O3.KR1", "O3.KR2"]);
    const trend2 = tsections[0].rows.find((r) => r["ID"] === "O1.KR2")!;
    expect([trend2["Week 2"], trend2["Week 3"], trend2["Week 4"], trend2["Last weeks"]]).toEqual([9.4, 9.6, "", "▁█ 9.4 → 9.6 days"]);
    const side = tsections.findIndex((s) => /^Chart data/.test(s.title ?? ""));
    expect(side).toBe(1);
    expect(tsections[side]).toMatchObject({ row: 11, column: 2, headerRow: 12 });
    expect(tsections[side].headers).toEqual(["Week", ...weeks.map((w) => w.slice(5))]);
    expect(tsections[side].rows.map((r) => r["Week"])).toEqual(["O1", "O2", "O3", "Expected (committed)", "Expected (aspirational)"]);
    expect(tsections[side + 1]).toMatchObject({ title: null, column: 2 });
    expect(tsections[side + 1].rows.map((r) => r["Week"])).toEqual(["On track", "At risk", "Off track"]);
    // Week 3's column counts what the summary's "Key results by status" does; week 1 had no summary (no
    // History rows) and week 4 is to come: blank.
    const byStatus = byTitle(/^Key results by status/).rows;
    const count = (st: string) => byStatus.find((r) => r["Status"] === st)!["Key results"];
    expect(tsections[side + 1].rows.map((r) => [r["1"], r["3"], r["4"]])).toEqual(["On track", "At risk", "Off track"].map((st) => ["", count(st), ""]));
    expect(tsections).toHaveLength(3);
    within(tsections);
  });

  it("prints the title block, every column and each line's sheet row number", async () => {
    await withSummary("wt.xlsx");
    const text = (await ok(["show", "wt.xlsx", "--sheet", "Weekly Summary"])).stdout;
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^ {2}1 {2}Weekly summary — /);
    expect(lines[1]).toMatch(/^ {2}2 {2}Week 3 of 13/);
    const attention = (await json("wt.xlsx", "Weekly Summary")).sections.find((s: Section) => /^Needs attention/.test(s.title ?? ""));
    const header = lines.find((l) => l.startsWith(String(attention.headerRow).padStart(3) + "  ID"))!;
    expect(header, text).toMatch(/Latest comment +Blockers +Next step$/);
    const row = attention.rows.find((r: Record<string, unknown>) => r["ID"] === "O1.KR2");
    expect(lines.find((l) => l.startsWith(String(row._row).padStart(3) + "  O1.KR2")), text).toMatch(/Ask for a trial of a second shift/);
  });
});

/** The cell `edit --range` needs for a table line of `show`: the line's row number and the column's letter. */
function cellFor(text: string, rowStartsWith: string, column: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => new RegExp(`^ *\\d+  ${rowStartsWith.replace(/\./g, "\\.")}\\b`).test(l));
  if (at < 0) throw new Error(`no line for ${rowStartsWith} in\n${text}`);
  const row = lines[at].trim().split(/\s+/)[0];
  // The table's letters line sits above its header, whose line has the column's name.
  let h = at;
  while (h >= 0 && !/^ +A {2}/.test(lines[h])) h--;
  const header = lines[h + 1];
  const letter = lines[h].slice(header.indexOf(column)).trim().split(/\s+/)[0];
  return `${letter}${row}`;
}

describe("show aims edit --range on the Mid-cycle Review and the Retrospective", () => {
  it("a decision typed at the cell show points to lands in that row's Decision column", async () => {
    fixtures.copy("operations", join(dir, "mr.xlsx"));
    await ok(["review", "mr.xlsx", "--at", "2026-02-16"]);
    const text = (await ok(["show", "mr.xlsx", "--sheet", "Mid-cycle Review"])).stdout;
    expect(text).toMatch(/^ {2}1 {2}Mid-cycle review — /);
    const cell = cellFor(text, "Key result  O1.KR2", "Decision");
    await ok(["edit", "mr.xlsx", "--sheet", "Mid-cycle Review", "--range", cell, "--value", "adjust"]);
    const review = await json("mr.xlsx", "Mid-cycle Review");
    const main = review.sections.find((s: Section) => s.headers.includes("Decision"));
    expect(main.rows.filter((r: Record<string, unknown>) => r["Decision"] !== "").map((r: Record<string, unknown>) => [r["ID"], r["Decision"]])).toEqual([["O1.KR2", "adjust"]]);
    expect(main.headers).toEqual(["Type", "ID", "Title", "Owner", "Score", "Expected", "Status", "Forecast", "Decision", "Notes"]);
  });
});

describe("rollover", () => {
  it("warns, as import does, when the new cycle breaks the focus checks", async () => {
    fixtures.copy("operations", join(dir, "ro.xlsx"));
    await ok(["close", "ro.xlsx", "--at", "2026-04-05"]);
    const retro = (await json("ro.xlsx", "Retrospective")).sections.find((s: Section) => s.headers.includes("Decision"));
    const decision = String.fromCharCode(65 + retro.headers.indexOf("Decision"));
    for (const id of ["O1.KR2", "O1.KR3"]) {
      const row = retro.rows.find((r: Record<string, unknown>) => r["ID"] === id)._row;
      await ok(["edit", "ro.xlsx", "--sheet", "Retrospective", "--range", `${decision}${row}`, "--value", "remove"]);
    }
    const r = await ok(["rollover", "ro.xlsx", "--start", "2026-04-06"]);
    expect(r.stdout.split("\n")[0]).toMatch(/^Started "[^"]+" with 3 objectives and 5 key results; archived /);
    expect(r.stdout).toContain("\nFocus check: Objective O1 has only 1 key result; aim for 2–4.\n");
    // A cycle that keeps to the checks gets no warning.
    fixtures.copy("operations", join(dir, "ro2.xlsx"));
    await ok(["close", "ro2.xlsx", "--at", "2026-04-05"]);
    expect((await ok(["rollover", "ro2.xlsx", "--start", "2026-04-06"])).stdout).not.toMatch(/Focus check/);
  });
});

describe("messages in a terminal", () => {
  /** A refusal: exit 1, one line, the file byte-identical. */
  async function refused(file: string, args: string[]): Promise<string> {
    const before = readFileSync(join(dir, file));
    const r = await runCli(dir, args);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
    expect(readFileSync(join(dir, file)).equals(before), `${file} changed`).toBe(true);
    return r.stderr.trim();
  }
  const INTERNAL = /highlighted|marked below|marked fields|add-on menu|krId|whatChanged|nextStep|requestId|fieldErrors|"(?:Set up tracker|Repair tracker|End cycle & retrospective)"/;

  it("name the command to run, never a menu item or an internal field name", async () => {
    fixtures.copy("operations", join(dir, "m.xlsx"));
    const messages = [
      await refused("m.xlsx", ["rollover", "m.xlsx", "--start", "2026-04-06"]),
      await refused("m.xlsx", ["checkin", "m.xlsx", "--kr", "O1.KR1", "--value", "abc", "--confidence", "11", "--at", "2026-01-20"]),
      await refused("m.xlsx", ["checkin", "m.xlsx", "--kr", "O1.KR1", "--value", "90", "--comment", "x".repeat(2001), "--at", "2026-01-20"]),
      await refused("m.xlsx", ["checkin", "m.xlsx", "--kr", "O1.KR1", "--value", "90", "--correct", "--at", "2026-01-20"]),
    ];
    writeFileSync(join(dir, "m.csv"), "kr_id,value,confidence,what changed\nO1.KR1,abc,0,\nO1.KR2,8 weeks,5,\nO2.KR1,3,5," + "y".repeat(2001) + "\n");
    messages.push(await refused("m.xlsx", ["checkin", "m.xlsx", "--from", "m.csv", "--at", "2026-01-20"]));
    expect(messages[0]).toBe('okr-sheets: Close the cycle first ("okr-sheets close m.xlsx"): roll over needs the Retrospective\'s decisions. Nothing was changed.');
    expect(messages[1]).toMatch(/--value: .*--confidence: /);
    expect(messages[2]).toMatch(/--comment: What changed is longer than 2000 characters\./);
    expect(messages[4]).toMatch(/row 2: value: .*confidence: .*row 3: value: Leave out the unit.*row 4: what_changed: /);
    for (const m of messages) expect(m, m).not.toMatch(INTERNAL);

    // A missing tracker tab: every command names the repair, which brings it back.
    const snap = await loadXlsx(join(dir, "m.xlsx"));
    snap.sheets = snap.sheets.filter((sh) => sh.name !== "Key Results");
    await saveXlsx(join(dir, "m.xlsx"), snap);
    const repair = 'Run "okr-sheets repair m.xlsx".';
    for (const args of [
      ["summary", "m.xlsx", "--at", "2026-01-20"],
      ["checkin", "m.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20"],
      ["checkin", "m.xlsx", "--from", "m.csv", "--at", "2026-01-20"],
      ["close", "m.xlsx", "--early", "--at", "2026-01-20"],
    ]) {
      const m = await refused("m.xlsx", args);
      expect(m, args.join(" ")).toBe(`okr-sheets: The "Key Results" tab is missing. ${repair}`);
    }
    expect((await ok(["repair", "m.xlsx"])).stdout).toMatch(/Re-created: Key Results\./);
  });
});

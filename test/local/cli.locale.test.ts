// The okr-sheets command on trackers whose spreadsheet locale or time zone is not en_US / Etc/UTC (a file
// made in Sheets by a German or a New Zealand team keeps both in its `_okr_local` sheet): the command's own
// lines write numbers as the tracker does, and `--at` is that day where the tracker is.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { BIN, runCli, type CliRun } from "../support/cli";
import { execFileSync } from "node:child_process";
import { loadXlsx, saveXlsx } from "../../src/local/xlsx";

const dir = mkdtempSync(join(tmpdir(), "okr-cli-locale-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]): Promise<CliRun> => runCli(dir, args);

/** The operations tracker (cycle 2026-01-05 to 2026-04-05) as `new` makes it, once per test file. */
beforeAll(async () => {
  const r = await run("new", "ops.xlsx", "--template", "operations", "--start", "2026-01-05", "--at", "2026-01-05");
  expect(r.status, r.stderr).toBe(0);
});

/** A copy of it whose spreadsheet has this locale and time zone (File › Settings in Sheets). */
async function trackerIn(name: string, locale: string, timeZone: string): Promise<string> {
  copyFileSync(join(dir, "ops.xlsx"), join(dir, name));
  const s = await loadXlsx(join(dir, name));
  s.locale = locale;
  s.timeZone = timeZone;
  await saveXlsx(join(dir, name), s);
  return name;
}

describe("a de_DE tracker: the command's lines use its decimal comma", () => {
  it("checkin (one, and from a CSV) and summary print value, score and overall as the tabs do", async () => {
    const f = await trackerIn("de.xlsx", "de_DE", "Europe/Berlin");
    const one = await run("checkin", f, "--kr", "O1.KR2", "--value", "8,5", "--at", "2026-01-13");
    expect(one.status, one.stderr).toBe(0);
    // Before: "value 8.5, score 0.29" beside a Key Results tab showing 8,5 and 0,29.
    expect(one.stdout).toBe("Checked in O1.KR2: value 8,5 days, score 0,29, On track.\n");
    const show = await run("show", f, "--sheet", "Key Results", "--at", "2026-01-13");
    expect(show.stdout).toMatch(/O1\.KR2 .* 8,5 .* 0,29 /);
    // A European Excel's CSV: semicolons and decimal commas.
    writeFileSync(join(dir, "de.csv"), "kr_id;value;at\nO1.KR1;83,5;2026-01-13\n");
    const batch = await run("checkin", f, "--from", "de.csv", "--at", "2026-01-13");
    expect(batch.stdout, batch.stderr).toBe("Checked in O1.KR1: value 83,5%, score 0,12, On track.\n1 check-in saved.\n");
    const sum = await run("summary", f, "--at", "2026-01-13");
    expect(sum.stdout).toMatch(/^Weekly Summary regenerated: week 2 of 13; overall \d,\d\d \(.+\)\.\n$/);
  });

  it("an en_US tracker keeps the point", async () => {
    const f = await trackerIn("en.xlsx", "en_US", "Etc/UTC");
    const one = await run("checkin", f, "--kr", "O1.KR2", "--value", "8.5", "--at", "2026-01-13");
    expect(one.stdout).toBe("Checked in O1.KR2: value 8.5 days, score 0.29, On track.\n");
  });
});

describe("--at is that day in the tracker's time zone", () => {
  it("Pacific/Auckland (UTC+13 in January): a check-in --at the cycle's first Sunday lands on that Sunday, in week 1", async () => {
    const f = await trackerIn("nz.xlsx", "en_NZ", "Pacific/Auckland");
    const r = await run("checkin", f, "--kr", "O1.KR2", "--value", "8.5", "--at", "2026-01-11");
    expect(r.status, r.stderr).toBe(0);
    // Before: noon UTC, 01:00 on Monday 2026-01-12 in Auckland, so week 2.
    const log = JSON.parse((await run("show", f, "--sheet", "Check-ins", "--json", "--at", "2026-01-11")).stdout);
    expect(log.map((row: Record<string, unknown>) => [String(row.Timestamp).slice(0, 10), row.Week])).toEqual([["2026-01-11", 1]]);
    const sum = await run("summary", f, "--at", "2026-01-11");
    expect(sum.stdout).toMatch(/week 1 of 13/);
    const top = (await run("show", f, "--sheet", "Weekly Summary", "--at", "2026-01-11")).stdout;
    expect(top).toContain("as of 2026-01-11 · 7% of the cycle elapsed · generated 2026-01-11 12:00");
  });

  it("Pacific/Auckland: a week after the cycle's last day takes a check-in (its last week's figures); the day after is refused, named as typed", async () => {
    const f = await trackerIn("nz-end.xlsx", "en_NZ", "Pacific/Auckland");
    const last = await run("checkin", f, "--kr", "O1.KR2", "--value", "7", "--at", "2026-04-05");
    expect(last.status, last.stderr).toBe(0);
    const late = await run("checkin", f, "--kr", "O1.KR2", "--value", "7", "--at", "2026-04-12");
    expect(late.status, late.stderr).toBe(0);
    const after = await run("checkin", f, "--kr", "O1.KR2", "--value", "7", "--at", "2026-04-13");
    expect(after.stderr).toBe("okr-sheets: --at 2026-04-13 is outside the cycle (2026-01-05 to 2026-04-05): check-ins are closed.\n");
  });

  it("America/Los_Angeles: a CSV row's own `at` is that day too", async () => {
    const f = await trackerIn("la.xlsx", "en_US", "America/Los_Angeles");
    writeFileSync(join(dir, "la.csv"), "kr_id,value,at\nO1.KR2,8.5,2026-03-08\nO1.KR1,84,2026-01-05\n");
    const r = await run("checkin", f, "--from", "la.csv", "--at", "2026-03-08");
    expect(r.status, r.stderr).toBe(0);
    const log = (await run("show", f, "--sheet", "Check-ins", "--at", "2026-03-08")).stdout;
    expect(log).toMatch(/ 2026-03-08 12:00 +9 +O1\.KR2 /); // the Sunday the clocks go forward: noon PDT (was 05:00)
    expect(log).toMatch(/ 2026-01-05 12:00 +1 +O1\.KR1 /);
  });
});

describe("dates typed as each locale writes them", () => {
  it("edit --value of the Start date: 12.01.2026 (de_DE), 12/01/2026 (fr_FR, en_IN), 2026/01/12 (ja_JP) are 2026-01-12", async () => {
    for (const [locale, typed] of [["de_DE", "12.01.2026"], ["fr_FR", "12/01/2026"], ["en_IN", "12/01/2026"], ["ja_JP", "2026/01/12"]]) {
      const f = await trackerIn(`date-${locale}.xlsx`, locale, "Etc/UTC");
      const rows = JSON.parse((await run("show", f, "--sheet", "Settings", "--json")).stdout) as Record<string, unknown>[];
      const row = rows.find((r) => r.Setting === "Start date")!._row;
      const edit = await run("edit", f, "--sheet", "Settings", "--range", `B${row}`, "--value", typed);
      expect(edit.status, edit.stderr).toBe(0);
      // Before, in ja_JP: the text "2026/01/12", and every command refused with "Start date must be a date".
      const sum = await run("summary", f, "--at", "2026-01-20");
      expect(sum.stderr, `${locale} ${typed}`).toBe("");
      expect(sum.stdout, `${locale} ${typed}`).toMatch(/week 2 of 13/);
    }
  });
});

describe("new: the tracker's time zone and locale", () => {
  it("--time-zone and --locale set them; its check-ins and lines follow", async () => {
    const r = await run("new", "made-nz.xlsx", "--template", "operations", "--start", "2026-01-05", "--time-zone", "Pacific/Auckland", "--locale", "de_DE", "--at", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    const s = await loadXlsx(join(dir, "made-nz.xlsx"));
    expect([s.timeZone, s.locale]).toEqual(["Pacific/Auckland", "de_DE"]);
    const one = await run("checkin", "made-nz.xlsx", "--kr", "O1.KR2", "--value", "8,5", "--at", "2026-01-11");
    expect(one.stdout).toBe("Checked in O1.KR2: value 8,5 days, score 0,29, On track.\n");
    expect((await run("show", "made-nz.xlsx", "--sheet", "Check-ins", "--at", "2026-01-11")).stdout).toMatch(/ 2026-01-11 12:00 +1 +O1\.KR2 /);
  });

  it("without --time-zone, this computer's (as a new Google spreadsheet takes its creator's); UTC stays Etc/UTC", async () => {
    // As a user runs it, in a child process: Jest's process.env does not reach Intl in its own process.
    const made = (file: string, TZ: string) =>
      execFileSync(process.execPath, [BIN, "new", file, "--start", "2026-01-05", "--at", "2026-01-05"], { cwd: dir, env: { ...process.env, TZ }, encoding: "utf8" });
    expect(made("made-la.xlsx", "America/Los_Angeles")).toBe("Created made-la.xlsx (blank template).\n");
    made("made-utc.xlsx", "UTC");
    // Before: every new tracker was Etc/UTC, so a Monday 09:00 check-in in Auckland was Sunday's.
    expect((await loadXlsx(join(dir, "made-la.xlsx"))).timeZone).toBe("America/Los_Angeles");
    expect((await loadXlsx(join(dir, "made-utc.xlsx"))).timeZone).toBe("Etc/UTC");
  });

  it("an unknown zone or a malformed locale is a usage error (exit 2), and no file is made", async () => {
    const zone = await run("new", "bad.xlsx", "--time-zone", "Mars/Olympus");
    expect([zone.status, zone.stderr.split("\n")[0]]).toEqual([2, 'okr-sheets: --time-zone: "Mars/Olympus" is not a time zone (for example Europe/Berlin, Pacific/Auckland, Etc/UTC).']);
    const locale = await run("new", "bad.xlsx", "--locale", "German");
    expect([locale.status, locale.stderr.split("\n")[0]]).toEqual([2, 'okr-sheets: --locale: "German" is not a locale code like de_DE, fr_FR or en_IN.']);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  });
});

describe("a check-ins CSV as a European or Japanese Excel saves it", () => {
  it("dates 13.01.2026 and 2026/01/13 are that day; 01/02/2026, which reads two ways, is refused naming the row", async () => {
    const f = await trackerIn("excel.xlsx", "de_DE", "Europe/Berlin");
    // Before: 'row 2: at "13.01.2026" is not a date in the form YYYY-MM-DD.'
    writeFileSync(join(dir, "excel.csv"), "kr_id;value;at\nO1.KR1;83,5;13.01.2026\nO1.KR2;8,5;2026/01/14\n");
    const ok = await run("checkin", f, "--from", "excel.csv", "--at", "2026-01-14");
    expect(ok.status, ok.stderr).toBe(0);
    const log = (await run("show", f, "--sheet", "Check-ins", "--at", "2026-01-14")).stdout;
    expect(log).toMatch(/ 2026-01-13 12:00 +2 +O1\.KR1 +83,5 /);
    expect(log).toMatch(/ 2026-01-14 12:00 +2 +O1\.KR2 +8,5 /);
    writeFileSync(join(dir, "us-or-fr.csv"), "kr_id,value,at\nO1.KR1,84,01/02/2026\nO1.KR1,84,31.02.2026\nO1.KR1,84,13/13/2026\n");
    const r = await run("checkin", f, "--from", "us-or-fr.csv");
    // Before: 'row 2: at "01/02/2026" is not a date in the form YYYY-MM-DD (with slashes, day and month could be either way round).'
    // and row 4 (13/13/2026, no day either way round) got the same either-way-round note.
    expect([r.status, r.stderr]).toEqual([
      1,
      "okr-sheets: us-or-fr.csv: nothing was checked in. " +
        'row 2: at "01/02/2026" is not a date okr-sheets can read: with slashes, day and month could be either way round. Type 2026-01-02 or 2026-02-01. ' +
        'row 3: at "31.02.2026" is not a date okr-sheets can read: there is no such day on the calendar. ' +
        'row 4: at "13/13/2026" is not a date okr-sheets can read: there is no such day on the calendar, day first or month first.\n',
    ]);
  });
});

describe("import on a de_DE tracker reads the CSV's numbers as a German writes them", () => {
  it("'9,5' is 9.5; '1.500' (1500 to a German, 1.5 in en_US) is refused as ambiguous, as a check-in's value is", async () => {
    const f = await trackerIn("imp-de.xlsx", "de_DE", "Europe/Berlin");
    writeFileSync(join(dir, "ok.csv"), "objective;key_result;owner;metric;unit;start;target\nShip;Lead time;ana@example.com;decrease;days;9,5;6\n");
    expect((await run("import", f, "ok.csv")).status).toBe(0);
    writeFileSync(join(dir, "thousands.csv"), "objective;key_result;owner;metric;unit;start;target\nShip;Orders;ana@example.com;increase;orders;1.200;1.500\n");
    const r = await run("import", f, "thousands.csv");
    // Before: imported, Start 1.2 and Target 1.5.
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toContain('row 2: start "1.200" is not a number: "1.200" is ambiguous: type 1200 for the whole number, or 1,200 for a decimal');
    const en = await trackerIn("imp-en.xlsx", "en_US", "Etc/UTC");
    expect((await run("import", en, "thousands.csv")).status).toBe(0); // 1.2 → 1.5 in en_US, as before
  });

  it("'1.234,50' (a cost per unit as a German writes it) is 1234.5, from the CSV and in a check-in (session 20)", async () => {
    const f = await trackerIn("imp-cost.xlsx", "de_DE", "Europe/Berlin");
    writeFileSync(join(dir, "cost.csv"), "objective;key_result;owner;metric;unit;start;target\nKosten senken;Kosten pro Einheit;ana@example.com;decrease;€;1.234,50;1.100,00\n");
    // Before: 'row 2: start "1.234,50" is not a number: type the number without thousands separators, …'
    const r = await run("import", f, "cost.csv", "--at", "2026-01-05");
    expect(r.status, r.stderr).toBe(0);
    const one = await run("checkin", f, "--kr", "O4.KR1", "--value", "1.216,5", "--as", "ana@example.com", "--at", "2026-01-13");
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^Checked in O4\.KR1: value 1\.216,50 €, score 0,13, /);
  });
});

describe("serve --at: the preview's clock starts at noon in the tracker's zone", () => {
  it("Pacific/Auckland: noon NZDT of the day, and it stays on that day", async () => {
    const { previewClock } = await import("../../src/local/serve");
    const started = Date.now();
    const now = previewClock("2026-01-11", started, "Pacific/Auckland");
    // Moving on with the real time since `started` (a millisecond or so here); was 2026-01-11T12:00Z, 01:00 on the 12th there.
    expect(now(false).toISOString().slice(0, 16)).toBe("2026-01-10T23:00");
    const late = previewClock("2026-01-11", started - 30 * 3600_000, "Pacific/Auckland");
    expect(late(false).toISOString()).toBe("2026-01-11T10:00:00.000Z"); // capped at 23:00 NZDT
  });
});

describe("a % KR whose cells hold fractions (Start typed 82%, the cell holds 0.82)", () => {
  it("checkin prints the value as the Key Results tab shows it: 92%, not 0.92", async () => {
    const f = await trackerIn("pct.xlsx", "de_DE", "Europe/Berlin");
    for (const [range, value] of [["G2", "82%"], ["H2", "95%"]]) {
      const e = await run("edit", f, "--sheet", "Key Results", "--range", range, "--value", value);
      expect(e.status, e.stderr).toBe(0);
    }
    const one = await run("checkin", f, "--kr", "O1.KR1", "--value", "0,925", "--at", "2026-01-13");
    expect(one.status, one.stderr).toBe(0);
    // Until session 11: "value 0,925".
    expect(one.stdout).toMatch(/^Checked in O1\.KR1: value 92,5%, score \d,\d\d, /);
  });
});

// The command line as an analyst and a weekly script use it: a batch with several kinds of mistakes gets
// every one reported in one run, `COMMAND --help` is help (not a usage error), and a tracker open in
// Excel or LibreOffice (its lock file beside it) is not written under the spreadsheet program's feet.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cliWorkspace, runCli } from "../support/cli";

const { dir, fixtures, run, rejected } = cliWorkspace("okr-cli-explore-");

describe("checkin --from: every problem of the file in one run", () => {
  it("CSV mistakes (an empty value, a bad date, a long row) and the add-on's refusals (\"-\", an unknown KR) together, in line order", async () => {
    fixtures.copy("operations", join(dir, "b.xlsx"));
    writeFileSync(
      join(dir, "b.csv"),
      ["kr_id,value,at", "O1.KR1,90,", "O1.KR2,-,", "O2.KR1,,", "NOPE,3,", "O1.KR3,5,2026-01-32", "O2.KR2,1,2,3", "O1.KR1,91,"].join("\r\n") + "\r\n",
    );
    const msg = await rejected("b.xlsx", ["checkin", "b.xlsx", "--from", "b.csv", "--at", "2026-01-20"]);
    expect(msg).toBe(
      "okr-sheets: b.csv: nothing was checked in. row 3: value: Enter a number. row 4: value is empty. " +
        'row 5: There is no key result with ID "NOPE". row 6: at "2026-01-32" is not a date okr-sheets can read: there is no such day on the calendar. ' +
        "row 7: 4 cells but the header has 3 (put cells containing the separator in double quotes).",
    );
  });

  it("a malformed quote is reported with the other rows' refusals", async () => {
    fixtures.copy("operations", join(dir, "q.xlsx"));
    writeFileSync(join(dir, "q.csv"), 'kr_id,value\nO1.KR2,-\nO1.KR1,"90\n');
    const msg = await rejected("q.xlsx", ["checkin", "q.xlsx", "--from", "q.csv", "--at", "2026-01-20"]);
    expect(msg).toMatch(/^okr-sheets: q\.csv: nothing was checked in\. row 2: value: Enter a number\. row 3: .*[Qq]uote/);
  });
});

describe("help", () => {
  it("COMMAND --help, COMMAND -h and help COMMAND print that command's usage on stdout and exit 0", async () => {
    for (const args of [["checkin", "--help"], ["checkin", "t.xlsx", "-h"], ["help", "checkin"]]) {
      const r = await run(...args);
      expect(r.status, args.join(" ") + r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/okr-sheets checkin FILE\.xlsx --kr ID --value V/);
      expect(r.stdout).toMatch(/okr-sheets checkin FILE\.xlsx --from CHECKINS\.csv/);
      expect(r.stdout).not.toMatch(/okr-sheets summary/);
    }
    // A value that happens to be "-h" is a value, not a request for help.
    fixtures.copy("operations", join(dir, "h.xlsx"));
    const v = await run("checkin", "h.xlsx", "--kr", "O1.KR1", "--value", "90", "--comment", "-h", "--at", "2026-01-20");
    expect(v.status, v.stderr).toBe(0);
    const unknown = await run("help", "nope");
    expect(unknown.status).toBe(2);
  });
});

describe("a tracker open in a spreadsheet program", () => {
  it("a lock file of LibreOffice or Excel beside it refuses every write, naming the program; reading still works", async () => {
    fixtures.copy("operations", join(dir, "open.xlsx"));
    writeFileSync(join(dir, ".~lock.open.xlsx#"), "ana,host,ana,06.12.2026 16:40,file:///home/ana/.config/libreoffice/4;");
    const lo = await rejected("open.xlsx", ["checkin", "open.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20"]);
    expect(lo).toBe("okr-sheets: open.xlsx is open in LibreOffice (.~lock.open.xlsx# is beside it): close it there first, so that saving it there does not undo this command, or delete .~lock.open.xlsx# if LibreOffice is not running. Nothing was changed.");
    expect(await rejected("open.xlsx", ["summary", "open.xlsx", "--at", "2026-01-20"])).toMatch(/is open in LibreOffice/);
    const show = await run("show", "open.xlsx", "--sheet", "Settings");
    expect(show.status, show.stderr).toBe(0);
    rmSync(join(dir, ".~lock.open.xlsx#"));
    writeFileSync(join(dir, "~$open.xlsx"), "ana");
    expect(await rejected("open.xlsx", ["repair", "open.xlsx"])).toMatch(/^okr-sheets: open\.xlsx is open in Excel \(~\$open\.xlsx is beside it\)/);
    rmSync(join(dir, "~$open.xlsx"));
    const r = await run("checkin", "open.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-01-20");
    expect(r.status, r.stderr).toBe(0);
  });
});

describe("checkin --from: a file that is not CSV UTF-8", () => {
  it("UTF-16 (Excel's Unicode Text) and other encodings are refused with what to do, in check-in words", async () => {
    fixtures.copy("operations", join(dir, "u.xlsx"));
    writeFileSync(join(dir, "u16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("kr_id,value\nO1.KR1,90\n", "utf16le")]));
    expect(await rejected("u.xlsx", ["checkin", "u.xlsx", "--from", "u16.csv"])).toBe('okr-sheets: u16.csv: is UTF-16 text; save it as "CSV UTF-8" and run the check-in again.');
    writeFileSync(join(dir, "latin1.csv"), Buffer.from("kr_id,value,what changed\nO1.KR1,90,Caf\xe9\n", "latin1"));
    expect(await rejected("u.xlsx", ["checkin", "u.xlsx", "--from", "latin1.csv"])).toBe('okr-sheets: latin1.csv: is not UTF-8 text (row 2); save it as "CSV UTF-8" and run the check-in again.');
  });
});

describe("a check-in's day outside the cycle", () => {
  it("names --at or the row's at, whichever set the day, not \"Today\"", async () => {
    fixtures.copy("operations", join(dir, "day.xlsx"));
    expect(await rejected("day.xlsx", ["checkin", "day.xlsx", "--kr", "O1.KR1", "--value", "90", "--at", "2026-04-13"])).toBe(
      "okr-sheets: --at 2026-04-13 is outside the cycle (2026-01-05 to 2026-04-05): check-ins are closed.",
    );
    writeFileSync(join(dir, "day.csv"), "kr_id,value,at\nO1.KR1,90,2025-12-01\nO1.KR2,8,\n");
    expect(await rejected("day.xlsx", ["checkin", "day.xlsx", "--from", "day.csv", "--at", "2026-04-13"])).toBe(
      "okr-sheets: day.csv: nothing was checked in. row 2: at 2025-12-01 is outside the cycle (2026-01-05 to 2026-04-05): check-ins are closed. " +
        "row 3: --at 2026-04-13 is outside the cycle (2026-01-05 to 2026-04-05): check-ins are closed.",
    );
  });
});

describe("a check-ins CSV row dated after the day it is run", () => {
  it("is refused naming the row and the day, and nothing is saved", async () => {
    // Before session 17 it was saved: 2026-02-17 (for 2026-01-17) became the KR's Last check-in, and every real
    // check-in before it only joined the log, its Current left at the mistyped day's value.
    fixtures.copy("operations", join(dir, "ahead.xlsx"));
    writeFileSync(join(dir, "ahead.csv"), "kr_id,value,at\nO1.KR1,90,2026-02-17\nO1.KR2,8,2026-01-20\n");
    expect(await rejected("ahead.xlsx", ["checkin", "ahead.xlsx", "--from", "ahead.csv", "--at", "2026-01-20"])).toBe(
      "okr-sheets: ahead.csv: nothing was checked in. row 2: at 2026-02-17 is after --at 2026-01-20: a check-in cannot be dated after the day it is made; correct the day.",
    );
    const r = await runCli(dir, ["checkin", "ahead.xlsx", "--from", "ahead.csv"], { now: new Date("2026-01-20T09:00:00Z") });
    expect(r.stderr).toBe(
      "okr-sheets: ahead.csv: nothing was checked in. row 2: at 2026-02-17 is after today (2026-01-20): a check-in cannot be dated after the day it is made; correct the day (or give --at).\n",
    );
  });
});

describe("a check-ins CSV whose at has a time (a Google Form's Timestamp column, a date-time cell)", () => {
  it("is dated on that day; a day that reads two ways is still refused", async () => {
    // Before session 17: 'row 2: at "13.01.2026 09:30:15" is not a date okr-sheets can read: type it as YYYY-MM-DD, …'
    fixtures.copy("operations", join(dir, "form.xlsx"));
    writeFileSync(join(dir, "form.csv"), "kr_id,value,at\nO1.KR1,84,13.01.2026 09:30:15\nO1.KR2,9,2026-01-14T17:05\n");
    expect((await run("checkin", "form.xlsx", "--from", "form.csv", "--at", "2026-01-20")).status).toBe(0);
    const log = JSON.parse((await run("show", "form.xlsx", "--sheet", "Check-ins", "--json")).stdout);
    expect(log.map((r: Record<string, unknown>) => [r["KR ID"], r["Timestamp"]])).toEqual([["O1.KR1", "2026-01-13"], ["O1.KR2", "2026-01-14"]]);
    writeFileSync(join(dir, "us.csv"), "kr_id,value,at\nO1.KR1,84,01/02/2026 9:30 AM\n");
    expect(await rejected("form.xlsx", ["checkin", "form.xlsx", "--from", "us.csv", "--at", "2026-01-20"])).toMatch(/^okr-sheets: us\.csv: nothing was checked in\. row 2: at "01\/02\/2026 9:30 AM" is not a date okr-sheets can read: with slashes, day and month could be either way round\./);
  });
});

describe("FILE that is not a tracker", () => {
  it("is named as typed (not by its absolute path); a workbook given as the CSV is named so", async () => {
    writeFileSync(join(dir, "okrs.csv"), "objective,key_result\n");
    expect(await rejected("okrs.csv", ["show", "okrs.csv", "--sheet", "Settings"])).toBe("okr-sheets: okrs.csv: not an .xlsx file (it is not a zip archive)");
    writeFileSync(join(dir, "one.csv"), "objective,key_result,owner,metric,start,target\nA,B,a@example.com,increase,0,1\n");
    expect(await rejected("okrs.csv", ["import", "okrs.csv", "one.csv"])).toBe("okr-sheets: okrs.csv: not an .xlsx file (it is not a zip archive)");
    // The arguments swapped: the workbook where the CSV goes.
    fixtures.copy("operations", join(dir, "sw.xlsx"));
    expect(await rejected("sw.xlsx", ["import", "one.csv", "sw.xlsx"])).toBe('okr-sheets: sw.xlsx: is a workbook (.xlsx), not a CSV file; save its tab as "CSV UTF-8" and import again.');
    expect(await rejected("sw.xlsx", ["checkin", "sw.xlsx", "--from", "sw.xlsx"])).toBe('okr-sheets: sw.xlsx: is a workbook (.xlsx), not a CSV file; save its tab as "CSV UTF-8" and run the check-in again.');
  });
});

describe("edit --sheet in another case", () => {
  it("keeps the add-on's cells as the exact name does (the tab is found whatever the case)", async () => {
    fixtures.copy("operations", join(dir, "ed.xlsx"));
    expect(await rejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "check-ins", "--range", "A2", "--value", "x"])).toBe(
      "okr-sheets: Check-ins!A2 is in the Check-ins log (check in, or correct a check-in, instead), kept by the add-on; edit it anyway with --force.",
    );
    expect(await rejected("ed.xlsx", ["edit", "ed.xlsx", "--sheet", "key results", "--range", "C1", "--value", "x"])).toMatch(/^okr-sheets: Key Results!C1 is a header/);
    const r = await run("edit", "ed.xlsx", "--sheet", "settings", "--range", "B4", "--value", "10");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("Settings!B4 = 10\n");
    await run("summary", "ed.xlsx", "--at", "2026-01-20");
    const shown = await run("show", "ed.xlsx", "--sheet", "weekly summary", "--json");
    expect(JSON.parse(shown.stdout).tab).toBe("Weekly Summary");
  });
});

describe("checkin --from: row numbers are the file's lines", () => {
  it("a comment with a line break (Alt+Enter in Excel) does not shift the rows after it", async () => {
    fixtures.copy("operations", join(dir, "ml.xlsx"));
    writeFileSync(join(dir, "ml.csv"), 'kr_id,value,what changed\r\nO1.KR1,90,"line one\r\nline two"\r\nO1.KR2,-,\r\n');
    expect(await rejected("ml.xlsx", ["checkin", "ml.xlsx", "--from", "ml.csv", "--at", "2026-01-20"])).toBe(
      "okr-sheets: ml.csv: nothing was checked in. row 4: value: Enter a number.",
    );
  });
});

describe("import: row numbers are the file's lines", () => {
  it("a key result text with a line break does not shift the rows after it", async () => {
    fixtures.copy("blank", join(dir, "im.xlsx"));
    writeFileSync(
      join(dir, "im.csv"),
      'objective,key_result,owner,metric,start,target\nA,"two\nlines",a@example.com,increase,0,10\nA,k2,a@example.com,grow,0,10\n',
    );
    expect(await rejected("im.xlsx", ["import", "im.xlsx", "im.csv"])).toMatch(/^okr-sheets: Nothing was imported\. row 4: Unknown metric "grow"/);
    writeFileSync(join(dir, "im.csv"), 'objective,key_result,owner,metric,start,target\nA,"two\nlines",a@example.com,increase,0,10\nA,k2,a@example.com,increase,0,10\n');
    const r = await run("import", "im.xlsx", "im.csv");
    expect(r.status, r.stderr).toBe(0);
    const krs = JSON.parse((await run("show", "im.xlsx", "--sheet", "Key Results", "--json")).stdout);
    expect(krs.map((k: Record<string, unknown>) => k["Key result"])).toEqual(["two\nlines", "k2"]);
  });
});

describe("date flags in another format", () => {
  it("--at 21.01.2026 and 2026/01/21 are 21 January, as the roll-over prompt and a CSV's at read them", async () => {
    // Before: both refused ('--at must be a date in the form YYYY-MM-DD, not "21.01.2026".').
    for (const [i, d] of ["2026-01-21", "21.01.2026", "2026/01/21"].entries()) {
      fixtures.copy("operations", join(dir, `at${i}.xlsx`));
      const r = await run("summary", `at${i}.xlsx`, "--at", d);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe("Weekly Summary regenerated: week 3 of 13; overall 0.19 (Not started).\n");
    }
  });

  it("rollover --start 06.04.2026 starts the next cycle on 6 April", async () => {
    fixtures.copy("operations", join(dir, "ro.xlsx"));
    expect((await run("close", "ro.xlsx", "--at", "2026-04-05")).status).toBe(0);
    const r = await run("rollover", "ro.xlsx", "--start", "06.04.2026");
    expect(r.status, r.stderr).toBe(0);
    const settings = JSON.parse((await run("show", "ro.xlsx", "--sheet", "Settings", "--json")).stdout) as Record<string, unknown>[];
    expect(settings.find((row) => row.Setting === "Start date")?.Value).toBe("2026-04-06");
  });

  it("a slashed day-month date is refused in one line naming both days; a day not on the calendar too", async () => {
    fixtures.copy("operations", join(dir, "at2.xlsx"));
    const slash = await run("summary", "at2.xlsx", "--at", "04/06/2026");
    expect(slash.status).toBe(2);
    expect(slash.stderr.split("\n")[0]).toBe(
      'okr-sheets: --at must be a date okr-sheets can read, not "04/06/2026": with slashes, day and month could be either way round. Type 2026-04-06 or 2026-06-04.',
    );
    for (const d of ["2026-02-30", "31.02.2026"]) {
      const r = await run("summary", "at2.xlsx", "--at", d);
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n")[0]).toBe(`okr-sheets: --at must be a date okr-sheets can read, not "${d}": there is no such day on the calendar.`);
    }
    const other = await run("summary", "at2.xlsx", "--at", "Jan 21");
    expect(other.stderr.split("\n")[0]).toBe(
      'okr-sheets: --at must be a date okr-sheets can read, not "Jan 21": type it as YYYY-MM-DD, DD.MM.YYYY or YYYY/MM/DD (for example 2026-04-06).',
    );
  });
});

describe("Excel's sep= line", () => {
  it("names the separator of a batch or an import and is not taken for the header", async () => {
    fixtures.copy("operations", join(dir, "sep.xlsx"));
    writeFileSync(join(dir, "sep.csv"), "sep=;\r\nkr_id;value\r\nO1.KR1;90\r\nO1.KR2;-\r\n");
    expect(await rejected("sep.xlsx", ["checkin", "sep.xlsx", "--from", "sep.csv", "--at", "2026-01-20"])).toBe(
      "okr-sheets: sep.csv: nothing was checked in. row 4: value: Enter a number.",
    );
    writeFileSync(join(dir, "sepi.csv"), "sep=;\nobjective;key_result;owner;metric;start;target\nA;k1;a@example.com;increase;0;9,5\nA;k2;a@example.com;increase;0;1\n");
    const r = await run("import", "sep.xlsx", "sepi.csv");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported 1 objective and 2 key results\./);
  });
});

// Offline mode loses nothing (issue 16): one writer at a time across processes, the file kept as it was,
// limits that name themselves. Commands run in-process through main(); real processes only where two
// processes are the point.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";
import { openWorkbook } from "../../src/local/runtime";
import { previewBackend } from "../../src/local/serve";
import { loadXlsx, saveXlsx } from "../../src/local/xlsx";
import { zipTotals } from "../../src/local/xlsx/zipSize";
import { MAX_TAB_COLUMNS } from "../../src/local/oversize";

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, "support", "checkinWorker.mjs");
const dir = mkdtempSync(join(tmpdir(), "okr-offline-"));
const workers = new Set<ChildProcess>();
afterAll(() => {
  // A timed-out race leaves its workers running; they must not outlive the file (nor keep Jest's worker up).
  for (const w of workers) w.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `okr-sheets ARGS` in this process, in `dir`, capturing what it prints. */
async function cli(...args: string[]): Promise<Run> {
  const r = await runCli(dir, args);
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const p = (f: string) => join(dir, f);

async function ok(...args: string[]): Promise<Run> {
  const r = await cli(...args);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
}

/** A refusal: exit 1, one line on stderr, the file byte-identical. */
async function refused(file: string, args: string[], pattern: RegExp): Promise<string> {
  const before = readFileSync(p(file));
  const r = await cli(...args);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(readFileSync(p(file)).equals(before), `${file} changed`).toBe(true);
  return lines[0];
}

async function logRows(file: string): Promise<Record<string, unknown>[]> {
  const r = await ok("show", file, "--sheet", "Check-ins", "--json");
  return JSON.parse(r.stdout);
}

function spawnWorker(file: string, tag: string, n: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    // Each waits for the lock as long as the test may run, not the 15 s a person gets: on a busy machine (load
    // 28: ~7.5 s a check-in) one check-in can outlast that, and the waiting one gave up. The refusal after the
    // wait is the next test's.
    const env = { ...process.env, OKR_SHEETS_LOCK_WAIT_MS: "600000" };
    const child = spawn(process.execPath, [WORKER, file, tag, String(n)], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
    workers.add(child);
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => {
      workers.delete(child);
      resolveRun({ code, stderr });
    });
  });
}

let oneKr: Promise<void> | null = null;
/**
 * A small tracker: one objective, one key result O1.KR1 owned by a@x.com. Made once (new + import) and
 * copied for each test: making it cost two commands per test, 12 times.
 */
async function tracker(file: string): Promise<void> {
  oneKr ??= (async () => {
    await ok("new", "_one.xlsx", "--start", "2026-01-05");
    writeFileSync(p("one.csv"), "Objective,Key_Result,Owner,Metric,Start,Target\nShip,Cut lead time,a@x.com,increase,0,100\n");
    await ok("import", "_one.xlsx", "one.csv");
  })();
  await oneKr;
  copyFileSync(p("_one.xlsx"), p(file));
}

const RACE = 4;

describe("one writer at a time", () => {
  // 4 each is enough to catch a lost write: with the lock taken out of the built CLI, two of these workers
  // lost writes in every try, 2 of 4 check-ins at 2 each (3 tries of 3), 3 of 6 at 3 each (3 of 3), 4 of 8 at
  // 4 each (5 of 5) and 9 of 20 at 10 each, since every check-in reads and saves the whole file. 10 each (the
  // number before) spent ~6 s more CPU for no more, 20 each ~11 s more again.
  it("two processes checking in 4 times each at the same moment keep all 8 check-ins", async () => {
    await tracker("race.xlsx");
    const [a, b] = await Promise.all([spawnWorker("race.xlsx", "a", RACE), spawnWorker("race.xlsx", "b", RACE)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const comments = (await logRows("race.xlsx")).map((r) => String(r["What changed"])).sort();
    const want = ["a", "b"].flatMap((t) => Array.from({ length: RACE }, (_, i) => `${t}-${i + 1}`)).sort();
    expect(comments).toEqual(want);
    expect(existsSync(p("race.xlsx.lock")), "lock left behind").toBe(false);
  }, 600_000);

  it("a second writer refuses with one line while the file is locked, and works once the lock is stale", async () => {
    await tracker("busy.xlsx");
    mkdirSync(p("busy.xlsx.lock"));
    process.env.OKR_SHEETS_LOCK_WAIT_MS = "200";
    try {
      await refused("busy.xlsx", ["checkin", "busy.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2026-01-20"], /^okr-sheets: busy\.xlsx is being changed by another okr-sheets command; try again\.$/);
      // A lock whose owner died (not refreshed for a minute) is taken over.
      const old = new Date(Date.now() - 60_000);
      utimesSync(p("busy.xlsx.lock"), old, old);
      await ok("checkin", "busy.xlsx", "--kr", "O1.KR1", "--value", "5", "--at", "2026-01-20");
    } finally {
      delete process.env.OKR_SHEETS_LOCK_WAIT_MS;
    }
    expect(await logRows("busy.xlsx")).toHaveLength(1);
  });
});

const checkin = (file: string, value: string, comment: string, ...more: string[]) =>
  ["checkin", file, "--kr", "O1.KR1", "--value", value, "--comment", comment, "--at", "2026-01-20", ...more];

describe("serve follows the file", () => {
  it("shows a CLI check-in made while it runs, keeps it when the page checks in, and refuses identities it never offered", async () => {
    await tracker("live.xlsx");
    const backend = previewBackend(await openWorkbook(p("live.xlsx"), { at: "2026-01-20" }));
    const logText = async () => JSON.stringify((await backend.tabs()).find((t) => t.name === "Check-ins")!.rows.map((r) => r.map((c) => c.text)));
    expect(await logText()).not.toContain("from the CLI");

    await ok(...checkin("live.xlsx", "10", "from the CLI"));
    expect(await logText()).toContain("from the CLI");

    const req = (as: string, whatChanged: string) => ({ requestId: `request-${whatChanged.replace(/\W/g, "-")}`, krId: "O1.KR1", value: "20", confidence: "6", whatChanged, blockers: "", nextStep: "", as });
    const r = (await backend.rpc("submitCheckin", [req("a@x.com", "from the page")])) as { ok: boolean };
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const comments = (await logRows("live.xlsx")).map((row) => row["What changed"]);
    expect(comments).toEqual(["from the CLI", "from the page"]);
    expect((await logRows("live.xlsx")).map((row) => row["Author"])).toEqual(["a@x.com (chosen; no email available)", "a@x.com (chosen; no email available)"]);

    const before = readFileSync(p("live.xlsx"));
    const stranger = (await backend.rpc("submitCheckin", [req("admin@evil.example", "forged")])) as { ok: boolean; message: string };
    expect(stranger.ok).toBe(false);
    expect(stranger.message).toMatch(/Choose who you are/);
    expect(readFileSync(p("live.xlsx")).equals(before)).toBe(true);
    const view = (await backend.rpc("getSidebarData", [{ as: "admin@evil.example" }])) as { user: { needsIdentity: boolean } };
    expect(view.user.needsIdentity).toBe(true);
  });
});

describe("saving keeps the file what it was", () => {
  it("a symlinked tracker updates its target and stays a symlink", async () => {
    mkdirSync(p("real"));
    await tracker("real/t.xlsx");
    symlinkSync(p("real/t.xlsx"), p("link.xlsx"));
    await ok(...checkin("link.xlsx", "5", "via link"));
    expect(lstatSync(p("link.xlsx")).isSymbolicLink()).toBe(true);
    expect((await logRows("real/t.xlsx")).map((r) => r["What changed"])).toEqual(["via link"]);
  });

  it("a 0600 tracker stays 0600", async () => {
    await tracker("private.xlsx");
    chmodSync(p("private.xlsx"), 0o600);
    await ok(...checkin("private.xlsx", "5", "private"));
    expect(statSync(p("private.xlsx")).mode & 0o777).toBe(0o600);
  });

  it("a hard-linked tracker is rewritten in place: both names show the check-in", async () => {
    await tracker("hard.xlsx");
    linkSync(p("hard.xlsx"), p("hard2.xlsx"));
    await ok(...checkin("hard2.xlsx", "5", "via hard link"));
    expect(statSync(p("hard.xlsx")).ino).toBe(statSync(p("hard2.xlsx")).ino);
    expect((await logRows("hard.xlsx")).map((r) => r["What changed"])).toEqual(["via hard link"]);
  });

  it("a temporary file left by a killed save is removed by the next command; the tracker is intact", async () => {
    await tracker("killed.xlsx");
    const before = readFileSync(p("killed.xlsx"));
    // What a save killed before its rename leaves: a half-written temp file of a process that is gone.
    const leftover = p(".killed.xlsx.999999999.1700000000000.abcdef.tmp");
    writeFileSync(leftover, before.subarray(0, 1000));
    const old = new Date(Date.now() - 600_000);
    utimesSync(leftover, old, old);
    await ok("show", "killed.xlsx", "--sheet", "Key Results");
    await ok(...checkin("killed.xlsx", "5", "after the crash"));
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith(".killed.xlsx."))).toEqual([]);
    expect((await logRows("killed.xlsx")).map((r) => r["What changed"])).toEqual(["after the crash"]);
  });
});

describe("identity and repair offline", () => {
  it("checkin --as marks the Author as chosen, not signed in", async () => {
    await tracker("as.xlsx");
    await ok(...checkin("as.xlsx", "5", "chosen", "--as", "a@x.com"));
    expect((await logRows("as.xlsx"))[0]["Author"]).toBe("a@x.com (chosen; no email available)");
  });

  it("a message saying to run Repair names `okr-sheets repair`, which repairs the tracker", async () => {
    await tracker("broken.xlsx");
    const snap = await loadXlsx(p("broken.xlsx"));
    snap.sheets = snap.sheets.filter((s) => s.name !== "Check-ins");
    await saveXlsx(p("broken.xlsx"), snap);
    await refused("broken.xlsx", checkin("broken.xlsx", "5", "x"), /Run "okr-sheets repair broken\.xlsx"/);
    const r = await ok("repair", "broken.xlsx");
    expect(r.stdout).toMatch(/^Repaired broken\.xlsx: .*Re-created: Check-ins/);
    await ok(...checkin("broken.xlsx", "5", "after repair"));
  });
});

describe("limits that name themselves", () => {
  it("imports more than 998 OKR rows and a CSV wider than 26 columns", async () => {
    await ok("new", "many.xlsx", "--start", "2026-01-05");
    const extra = Array.from({ length: 30 }, (_, i) => `Extra${i}`);
    const lines = [["Objective", "Key_Result", "Owner", "Metric", "Start", "Target", ...extra].join(",")];
    for (let i = 0; i < 1001; i++) lines.push([`Objective ${Math.floor(i / 4)}`, `KR ${i}`, "a@x.com", "increase", "0", "10", ...extra.map(() => "x")].join(","));
    writeFileSync(p("many.csv"), lines.join("\n"));
    const r = await ok("import", "many.xlsx", "many.csv");
    expect(r.stdout).toMatch(/^Imported 251 objectives and 1001 key results\./);
    // 87 s at load 22 on the 2-core machine.
  }, 600_000);

  it("a zip bomb is refused at once with one line, before anything is unzipped", async () => {
    // A real xlsx whose central directory claims a part of 3 GB (what a bomb's directory says).
    await tracker("bomb.xlsx");
    const buf = readFileSync(p("bomb.xlsx"));
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = buf.readUInt32LE(eocd + 16);
    buf.writeUInt32LE(3_000_000_000, cd + 24);
    writeFileSync(p("bomb.xlsx"), buf);
    // The claimed part plus the real ones: the size follows the tracker's own parts, so it is computed.
    const mb = Math.round(zipTotals(buf)!.unzipped / (1024 * 1024));
    const line = await refused("bomb.xlsx", checkin("bomb.xlsx", "5", "x"), new RegExp(`^okr-sheets: .*bomb\\.xlsx: too large to open offline: ${mb} MB once unzipped, and the limit is 256 MB`));
    expect(line).not.toMatch(/\n/);
    expect(zipTotals(buf)!.unzipped).toBeGreaterThan(3_000_000_000);
  });

  it("a tab larger than the engine takes is named with the limit; commands not needing it work and keep it", async () => {
    await tracker("wide.xlsx");
    const snap = await loadXlsx(p("wide.xlsx"));
    snap.sheets.push({ name: "Notes", rows: [Array.from({ length: MAX_TAB_COLUMNS + 5 }, (_, i) => ({ v: `c${i}` }))] });
    await saveXlsx(p("wide.xlsx"), snap);
    await refused("wide.xlsx", ["show", "wide.xlsx", "--sheet", "Notes"], new RegExp(`the tab "Notes" is larger than the offline engine takes \\(200,000 rows, ${MAX_TAB_COLUMNS} columns\\)`));
    await ok(...checkin("wide.xlsx", "5", "next to a huge tab"));
    const after = await loadXlsx(p("wide.xlsx"));
    expect(after.sheets.map((s) => s.name)).toEqual(snap.sheets.map((s) => s.name));
    expect(after.sheets.find((s) => s.name === "Notes")!.rows[0]).toHaveLength(MAX_TAB_COLUMNS + 5);

    const huge = await loadXlsx(p("wide.xlsx"));
    huge.sheets.find((s) => s.name === "Check-ins")!.rows.push(Array.from({ length: MAX_TAB_COLUMNS + 1 }, () => ({ v: 1 })));
    await saveXlsx(p("wide.xlsx"), huge);
    await refused("wide.xlsx", checkin("wide.xlsx", "5", "x"), new RegExp(`the tab "Check-ins" has [\\d,]+ rows and ${MAX_TAB_COLUMNS + 1} columns; the offline engine takes at most 200,000 rows and ${MAX_TAB_COLUMNS} columns per tab`));
  });

  it("a formula result over 32,767 characters is not written into the file; the formula is", async () => {
    await tracker("long.xlsx");
    await ok("edit", "long.xlsx", "--sheet", "Settings", "--range", "Z1", "--value", '=REPT("x",40000)', "--force");
    const z1 = (await loadXlsx(p("long.xlsx"))).sheets.find((s) => s.name === "Settings")!.rows[0][25]!;
    expect(z1.f).toBe('=REPT("x",40000)');
    expect(z1.v).toBeUndefined();
  });
});
